/**
 * The built functions-fr.json (webpack's French metadata) typed as formulas in HyperFormula, beside
 * the English names, as the workbench registers them in French: the same code under both names.
 * Requires `npm run build` first.
 */
import type { DetailedCellError, HyperFormula } from "hyperformula";
import { builtMetadata, carnetEngine, registerFrenchNames } from "../support/carnet-engine";

const HANDBOOK = [
  ["Date jalon", "Montant", "Probabilité", "Marge", "Part de marché"],
  ["4 avril 2003.", "1 000 €", "20 %.", 90000, 0.3],
  ["3 avril 2003.", "2 000 €", "50 %.", 15001, 0.15],
  ["3 avril 2003", "4 000 €", "75 %.", 850, 0.05],
];

function value(hf: HyperFormula, a1: string): unknown {
  return hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!);
}

/** The same formula under its English and French names, side by side in columns A and B. */
function bothNames(pairs: Array<[string, string]>): HyperFormula {
  registerFrenchNames();
  return carnetEngine({ Sheet1: [...HANDBOOK, ...pairs.map(([en, fr]) => [en, fr])] });
}

describe("functions-fr.json, as the build writes it", () => {
  const english = builtMetadata();
  const french = builtMetadata("functions-fr.json");

  it("has the same ids, arguments, ranges and options as functions.json, under French names", () => {
    const shape = (m: typeof english) =>
      m.functions.map((f) => ({
        id: f.id,
        parameters: f.parameters.map((p) => [p.dimensionality, p.optional, p.type]),
        result: f.result,
      }));
    expect(shape(french)).toEqual(shape(english));
    expect(Object.fromEntries(french.functions.map((f) => [f.id, f.name]))).toEqual({
      WEIGHTED_PIPELINE: "PIPELINE_PONDERE",
      PIPELINE_PROBABILITY: "PROBA_PIPELINE",
      PIPELINE_QUANTILE: "QUANTILE_PIPELINE",
      ABC_CLASS: "CLASSE_ABC",
      MATRIX_QUADRANT: "CASE_MATRICE",
      AMOUNT: "MONTANT",
      BRIER: "SCORE_BRIER",
    });
    const byId = Object.fromEntries(french.functions.map((f) => [f.id, f]));
    expect(byId.WEIGHTED_PIPELINE.parameters.map((p) => p.name)).toEqual([
      "montants",
      "probabilités",
      "dates_jalon",
      "début",
      "fin",
      "statuts",
    ]);
    expect(byId.WEIGHTED_PIPELINE.description).toMatch(/^Total probabilisé du carnet commercial/);
  });

  it("describes every function and parameter in French, none left in English", () => {
    english.functions.forEach((en, i) => {
      const fr = french.functions[i];
      expect(fr.description).not.toBe(en.description);
      fr.parameters.forEach((p, j) => {
        const description = (p as { description?: string }).description;
        expect(description).toBeTruthy();
        expect(description).not.toBe((en.parameters[j] as { description?: string }).description);
      });
    });
  });
});

describe("CARNET formulas under their French names", () => {
  it("computes the handbook's 4 200 with =CARNET.PIPELINE_PONDERE as with WEIGHTED_PIPELINE", () => {
    const hf = bothNames([
      ["=CARNET.WEIGHTED_PIPELINE(B2:B4,C2:C4)", "=CARNET.PIPELINE_PONDERE(B2:B4,C2:C4)"],
      [
        '=CARNET.WEIGHTED_PIPELINE(B2:B4,C2:C4,A2:A4,"2003-04-04")',
        '=CARNET.PIPELINE_PONDERE(B2:B4,C2:C4,A2:A4,"2003-04-04")',
      ],
      [
        "=CARNET.PIPELINE_PROBABILITY(B2:B4,C2:C4,4000)",
        "=CARNET.PROBA_PIPELINE(B2:B4,C2:C4,4000)",
      ],
      ["=CARNET.PIPELINE_QUANTILE(B2:B4,C2:C4,0.9)", "=CARNET.QUANTILE_PIPELINE(B2:B4,C2:C4,0.9)"],
      ['=CARNET.AMOUNT("12 500 €")', '=CARNET.MONTANT("12 500 €")'],
      ["=CARNET.BRIER({0.8;0.6;0.3},{1;0;1})", "=CARNET.SCORE_BRIER({0.8;0.6;0.3},{1;0;1})"],
    ]);
    const rows = [5, 6, 7, 8, 9, 10];
    expect(rows.map((r) => value(hf, `B${r}`))).toEqual(rows.map((r) => value(hf, `A${r}`)));
    expect(value(hf, "B5")).toBeCloseTo(4200);
    expect(value(hf, "B6")).toBeCloseTo(200);
    expect(value(hf, "B7")).toBeCloseTo(0.75);
    expect(value(hf, "B8")).toBe(6000);
    expect(value(hf, "B9")).toBe(12500);
    expect(value(hf, "B10")).toBeCloseTo(0.297, 3);
  });

  it("spills ABC classes and the matrix's French names under CLASSE_ABC and CASE_MATRICE", () => {
    registerFrenchNames();
    const hf = carnetEngine({
      Sheet1: [
        ...HANDBOOK,
        ["=CARNET.CLASSE_ABC(D2:D4)", '=CARNET.CASE_MATRICE(E2:E4,A5:A7,{0.1,0.25},,"zone","fr")'],
      ],
    });
    const column = (c: string) => [5, 6, 7].map((r) => value(hf, `${c}${r}`));
    expect(column("A")).toEqual(["A", "B", "C"]);
    expect(column("B")).toEqual(["Investir", "Sélectivité", "Récolter / abandonner"]);
  });

  it("gives a French #VALUE! message when Office's display language is French", () => {
    const global = globalThis as { Office?: unknown };
    global.Office = { context: { displayLanguage: "fr-FR" } };
    try {
      const hf = bothNames([
        ["=CARNET.QUANTILE_PIPELINE(B2:B4,C2:C4,2)", '=CARNET.PROBA_PIPELINE(B2:B4,C2:C4,"")'],
      ]);
      expect((value(hf, "A5") as DetailedCellError).message).toBe(
        "q 2 doit être strictement entre 0 et 1 (par exemple 10\u00a0% pour P10)"
      );
      expect((value(hf, "B5") as DetailedCellError).message).toBe(
        "objectif est vide\u00a0: donnez le total à atteindre"
      );
    } finally {
      delete global.Office;
    }
  });
});
