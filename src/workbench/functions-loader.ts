/**
 * Loads the shipped custom functions into the workbench's HyperFormula, the way Excel's JavaScript
 * runtime would run them: `functions.js` runs as a plain script with `CustomFunctions` as a global
 * (the shim collects its associate() calls), and functions.json says what each id is called.
 */
import { HyperFormula } from "hyperformula";
import { registerCarnetFunctions, type FunctionsMetadata } from "./carnet-hyperformula";
import { createCustomFunctionsShim } from "./custom-functions-shim";

function runScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(script);
  });
}

let registered: Promise<FunctionsMetadata> | undefined;

/** Registers CARNET.* in HyperFormula once per page; resolves with the functions' metadata. */
export function loadCarnetFunctions(baseUrl = ""): Promise<FunctionsMetadata> {
  registered ??= (async () => {
    const shim = createCustomFunctionsShim();
    (window as unknown as { CustomFunctions: unknown }).CustomFunctions = shim;
    const [metadata] = await Promise.all([
      fetch(`${baseUrl}functions.json`).then((response) => {
        if (!response.ok) throw new Error(`functions.json: HTTP ${response.status}`);
        return response.json() as Promise<FunctionsMetadata>;
      }),
      runScript(`${baseUrl}functions.js`),
    ]);
    registerCarnetFunctions(HyperFormula, metadata, shim.implementations);
    return metadata;
  })();
  return registered;
}
