/**
 * A HyperFormula engine with the *built* CARNET functions: dist/functions.json for the metadata and
 * dist/functions.js run as Excel's JavaScript-only runtime would, its associate() calls collected.
 * Requires `npm run build` first (the test command does it).
 */
import * as fs from "fs";
import * as path from "path";
import { HyperFormula } from "hyperformula";
import {
  registerCarnetFunctions,
  type FunctionsMetadata,
} from "../../src/workbench/carnet-hyperformula";
import {
  createCustomFunctionsShim,
  type Implementation,
} from "../../src/workbench/custom-functions-shim";

export const DIST = path.resolve(__dirname, "../../dist");

/** The built metadata: functions.json (English names) or functions-fr.json (French names). */
export function builtMetadata(name = "functions.json"): FunctionsMetadata {
  const file = path.join(DIST, name);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as FunctionsMetadata;
}

export function builtImplementations(): Map<string, Implementation> {
  const shim = createCustomFunctionsShim();
  const code = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
  // Run in this realm, as a script tag would in Excel's runtime: a vm context would put an interceptor
  // behind every global the bundle reads (Number, Math...), slowing hot loops several-fold.
  new Function("CustomFunctions", "self", "window", code)(shim, {}, undefined);
  return shim.implementations;
}

let registered = false;
let implementations: Map<string, Implementation> | undefined;

function bundle(): Map<string, Implementation> {
  implementations ??= builtImplementations();
  return implementations;
}

let frenchRegistered = false;

/** Adds the French names (functions-fr.json) beside the English ones, as the workbench does in French. */
export function registerFrenchNames(): void {
  if (frenchRegistered) return;
  registerCarnetFunctions(HyperFormula, builtMetadata("functions-fr.json"), bundle());
  frenchRegistered = true;
}

/** A fresh engine with the CARNET functions registered (once per test file). */
export function carnetEngine(sheets: Record<string, unknown[][]> = { Sheet1: [] }): HyperFormula {
  if (!registered) {
    registerCarnetFunctions(HyperFormula, builtMetadata(), bundle());
    registered = true;
  }
  return HyperFormula.buildFromSheets(sheets as never, { licenseKey: "gpl-v3", maxRows: 1048576 });
}
