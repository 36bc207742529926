/**
 * How the settings name a source: one rule for the Pipeline and Matrix views (they had a copy each,
 * computing the same key), so a column mapping saved by either keeps matching its table.
 */
import type { SourceData } from "../../src/excel/plan/source";
import { sourceChoiceOf, sourceKey } from "../../src/excel/plan/source";
import { analyseRangeTable } from "../../src/taskpane/matrixModel";
import { analysePipeline } from "../../src/taskpane/pipelineModel";

function source(tableName: string | null, headers: string[]): SourceData {
  return {
    kind: tableName === null ? "range" : "table",
    tableName,
    sheet: "Ventes",
    row: 0,
    col: 0,
    address: "Ventes!A1:D3",
    headers,
    rows: [
      ["Alpha", "Produit A", "1 000 €", "20 %"],
      ["Bêta", "Produit B", "2 000 €", "50 %"],
    ],
    numberFormats: headers.map(() => "General"),
  };
}

describe("the key a stored column mapping is kept under", () => {
  it("is the Excel table's name, else the range's address", () => {
    expect(sourceKey(source("Deals", []))).toBe("Deals");
    expect(sourceKey(source(null, []))).toBe("Ventes!A1:D3");
  });

  it("and the source is read again by the same rule", () => {
    expect(sourceChoiceOf(source("Deals", []))).toEqual({ kind: "table", name: "Deals" });
    expect(sourceChoiceOf(source(null, []))).toEqual({
      kind: "range",
      address: "Ventes!A1:D3",
    });
  });

  it("finds the mapping a workbook saved before, in both views", () => {
    // Headers Carnet does not recognise: only the saved mapping names the columns.
    const headers = ["Client", "Ligne", "Valeur", "Chance"];
    const pipeline = analysePipeline(source(null, headers), {
      mapping: {
        id: null,
        closeDate: null,
        company: 0,
        contact: null,
        product: 1,
        amount: 2,
        probability: 3,
        owner: null,
        stage: null,
        category: null,
      },
      mappingFor: "Ventes!A1:D3",
    });
    expect(pipeline.headline.weighted).toBeCloseTo(1200);
    const matrix = analyseRangeTable(source("Gammes", headers), {
      mapping: { range: 1, margin: 2 },
      mappingFor: "Gammes",
    });
    expect(matrix.mapping).toMatchObject({ range: 1, margin: 2 });
  });
});
