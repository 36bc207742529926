/**
 * A small static file server for the built workbench (build/workbench/): what `npm start` serves and
 * what the browser tests start on a free port. Plain http on localhost; no caching, so a rebuild is
 * picked up by a reload.
 *
 *   tsx scripts/serve-workbench.ts            serves build/workbench on $PORT (default 3000)
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";

export const WORKBENCH_DIR = path.resolve(__dirname, "../build/workbench");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves `root` on `port` (0: a free one) of 127.0.0.1; resolves once listening. */
export function serveStatic(root: string, port = 0, host = "127.0.0.1"): Promise<StaticServer> {
  const base = path.resolve(root);
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    let file = path.resolve(base, `.${pathname}`);
    if (file !== base && !file.startsWith(base + path.sep)) {
      response.writeHead(403).end("Forbidden");
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory())
      file = path.join(file, "index.html");
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404, { "Content-Type": "text/plain" }).end(`Not found: ${pathname}`);
        return;
      }
      response
        .writeHead(200, {
          "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
          "Cache-Control": "no-store",
        })
        .end(body);
    });
  });
  // Keep-alive sockets would hold close() open until they time out.
  server.keepAliveTimeout = 1000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host}:${actual}/`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (require.main === module) {
  const port = Number(process.env.PORT || 3000);
  if (!fs.existsSync(path.join(WORKBENCH_DIR, "index.html"))) {
    console.error(`${WORKBENCH_DIR} is not built: run npm run build:workbench first`);
    process.exit(1);
  }
  serveStatic(WORKBENCH_DIR, port, "localhost").then(
    (server) => console.log(`Carnet workbench: ${server.url}`),
    (error: Error) => {
      console.error(`Cannot serve the workbench on port ${port}: ${error.message}`);
      process.exit(1);
    }
  );
}
