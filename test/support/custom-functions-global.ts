// Excel's JavaScript-only runtime provides `CustomFunctions` as a global; tests of the functions'
// source get the same shim the workbench uses.
import { createCustomFunctionsShim } from "../../src/workbench/custom-functions-shim";

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions =
  createCustomFunctionsShim();
