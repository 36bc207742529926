/**
 * `npm start`: builds the workbench in development mode, serves it on http://localhost:$PORT/ (3000
 * by default) and rebuilds on every save (reload the page to see the change).
 */
import * as path from "path";
import webpack from "webpack";
import { serveStatic, WORKBENCH_DIR } from "./serve-workbench";

const makeConfig = require(path.resolve(__dirname, "../webpack.config.js")) as (
  env: Record<string, unknown>,
  options: { mode: string }
) => Promise<webpack.Configuration>;

async function main(): Promise<void> {
  const port = Number(process.env.PORT || 3000);
  const config = await makeConfig({ workbench: true }, { mode: "development" });
  const compiler = webpack({ ...config, mode: "development" });
  let serving = false;
  const ignored = ["**/node_modules/**", "**/build/**", "**/dist/**"];
  compiler.watch({ aggregateTimeout: 300, ignored }, (error, stats) => {
    if (error) {
      console.error(error);
      return;
    }
    if (!stats) return;
    if (stats.hasErrors()) {
      console.error(
        stats.toString({ colors: true, all: false, errors: true, errorDetails: false })
      );
      return;
    }
    const seconds = ((stats.endTime - stats.startTime) / 1000).toFixed(1);
    if (serving) {
      console.log(`Rebuilt in ${seconds} s: reload the page.`);
      return;
    }
    serving = true;
    serveStatic(WORKBENCH_DIR, port, "localhost").then(
      (server) => {
        console.log(`Built in ${seconds} s.`);
        console.log(`\n  Carnet workbench: ${server.url}\n`);
        console.log("  Edits rebuild it; Ctrl+C stops.");
      },
      (failure: Error) => {
        console.error(`Cannot serve on port ${port}: ${failure.message} (set PORT to use another)`);
        process.exit(1);
      }
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
