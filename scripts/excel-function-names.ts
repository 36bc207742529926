/**
 * Excel's own function names in English and French, which a custom function's name must not repeat
 * (a user reading =CARNET.QUARTILE would take it for the built-in). Build-time only: HyperFormula's
 * English and French language packs (about 400 functions each, the same names as Excel's) plus the
 * Excel functions HyperFormula lacks that sit near Carnet's vocabulary (forecasting, ranking,
 * probability, lookups).
 */

interface LanguagePack {
  readonly functions: Readonly<Record<string, string>>;
}

// Required, not imported: the packs' types sit behind package "exports", which the tests' CommonJS
// resolution does not read; Node's require does.
const enUS = require("hyperformula/i18n/languages/enUS").default as LanguagePack;
const frFR = require("hyperformula/i18n/languages/frFR").default as LanguagePack;

/** [English, French] pairs of Excel functions missing from HyperFormula's packs. */
const MORE_EXCEL_FUNCTIONS: ReadonlyArray<readonly [string, string]> = [
  ["PROB", "PROBABILITE"],
  ["FORECAST", "PREVISION"],
  ["FORECAST.LINEAR", "PREVISION.LINEAIRE"],
  ["FORECAST.ETS", "PREVISION.ETS"],
  ["TREND", "TENDANCE"],
  ["GROWTH", "CROISSANCE"],
  ["PERCENTRANK", "RANG.POURCENTAGE"],
  ["PERCENTILE.INC", "CENTILE.INCLURE"],
  ["QUARTILE.INC", "QUARTILE.INCLURE"],
  ["RANK", "RANG"],
  ["RANK.EQ", "EQUATION.RANG"],
  ["XLOOKUP", "RECHERCHEX"],
  ["SORT", "TRIER"],
  ["SORTBY", "TRIERPAR"],
  ["UNIQUE", "UNIQUE"],
  ["SEQUENCE", "SEQUENCE"],
  ["TEXTJOIN", "JOINDRE.TEXTE"],
  ["LET", "LET"],
  ["LAMBDA", "LAMBDA"],
  ["AMORDEGRC", "AMORDEGRC"],
  ["ACCRINT", "INTERET.ACC"],
];

export function excelFunctionNames(): Set<string> {
  const names = new Set<string>();
  for (const [canonical, french] of Object.entries(frFR.functions)) {
    names.add(canonical.toUpperCase());
    names.add(String(french).toUpperCase());
  }
  for (const english of Object.values(enUS.functions)) names.add(String(english).toUpperCase());
  for (const pair of MORE_EXCEL_FUNCTIONS) for (const name of pair) names.add(name);
  return names;
}
