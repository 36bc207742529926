/**
 * Loads the shipped custom functions into the workbench's HyperFormula, the way Excel's JavaScript
 * runtime would run them: `functions.js` runs as a plain script with `CustomFunctions` as a global
 * (the shim collects its associate() calls), and functions.json says what each id is called —
 * functions-fr.json for the French names, as Excel reads it when its display language is French.
 */
import { HyperFormula } from "hyperformula";
import type { Language } from "../domain/language";
import { registerCarnetFunctions, type FunctionsMetadata } from "./carnet-hyperformula";
import { createCustomFunctionsShim, type Implementation } from "./custom-functions-shim";

/** The metadata file the build writes for each language (webpack.config.js). */
export const METADATA_FILES: Readonly<Record<Language, string>> = {
  en: "functions.json",
  fr: "functions-fr.json",
};

function runScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(script);
  });
}

async function fetchMetadata(url: string): Promise<FunctionsMetadata> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as FunctionsMetadata;
}

let bundle: Promise<Map<string, Implementation>> | undefined;

/** Runs functions.js once per page; resolves with what it associated, by upper-case id. */
function loadBundle(baseUrl: string): Promise<Map<string, Implementation>> {
  bundle ??= (async () => {
    const shim = createCustomFunctionsShim();
    (window as unknown as { CustomFunctions: unknown }).CustomFunctions = shim;
    await runScript(`${baseUrl}functions.js`);
    return shim.implementations;
  })();
  return bundle;
}

const registered = new Map<Language, Promise<FunctionsMetadata>>();

/**
 * Registers CARNET.* in HyperFormula under the names of `language`, once per page and language;
 * resolves with that language's metadata. The English names are always registered first and stay:
 * a workbook keeps its formulas with the English names (Excel files do too), so switching to French
 * adds =CARNET.PIPELINE_PONDERE(...) beside =CARNET.WEIGHTED_PIPELINE(...), both calling the same code.
 *
 * HyperFormula's registry is global: an engine built before the French names were registered shows
 * #NAME? for a French formula it already holds until `hf.rebuildAndRecalculate()`; formulas entered
 * afterwards work at once.
 */
export function loadCarnetFunctions(
  baseUrl = "",
  language: Language = "en"
): Promise<FunctionsMetadata> {
  let loading = registered.get(language);
  if (!loading) {
    loading = (async () => {
      if (language !== "en") await loadCarnetFunctions(baseUrl, "en");
      const [metadata, implementations] = await Promise.all([
        fetchMetadata(`${baseUrl}${METADATA_FILES[language]}`),
        loadBundle(baseUrl),
      ]);
      registerCarnetFunctions(HyperFormula, metadata, implementations);
      return metadata;
    })();
    registered.set(language, loading);
  }
  return loading;
}
