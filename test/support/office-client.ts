/**
 * Microsoft's Excel JavaScript client (@microsoft/office-js's `excel-web-16.00.debug.js`), loaded into
 * this test file's global scope as a page's script tag would load it, once per file. The simulated
 * hosts then answer its requests (src/workbench/sim/client.ts), so every Office.js call of the code
 * under test goes through Microsoft's own client.
 */
import * as fs from "fs";
import * as path from "path";

const CLIENT = path.resolve(
  __dirname,
  "../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js"
);

export function loadOfficeClient(): void {
  const scope = globalThis as Record<string, unknown>;
  if (scope.OfficeExtension) return;
  // The client is a browser script: it reads `window` and `navigator`.
  scope.window ??= globalThis;
  scope.navigator ??= { userAgent: "node" };
  // Indirect eval runs the script in this file's global scope, as a script tag would; Node's
  // vm.runInThisContext would run it in the realm outside jest's sandbox.
  // eslint-disable-next-line no-eval -- loading Microsoft's client, a file of the package
  (0, eval)(fs.readFileSync(CLIENT, "utf8"));
}

loadOfficeClient();
