/**
 * How the settings name a source: one rule for the Pipeline and Matrix views (they had a copy each,
 * computing the same key), so a column mapping saved by either keeps matching its table.
 */
import type { CellValue } from "../../src/domain/values";
import type { SourceCells, SourceData, SourceLayout } from "../../src/excel/plan/source";
import {
  isSourceRangeAddress,
  blankPairAfter,
  leftOutText,
  sourceChoiceOf,
  sourceDataOf,
  sourceKey,
  sourceLayout,
  withHeader,
} from "../../src/excel/plan/source";
import { analyseRangeTable } from "../../src/taskpane/matrixModel";
import { analysePipeline } from "../../src/taskpane/pipelineModel";
import { translate } from "../../src/taskpane/i18n/messages";

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

describe("a source address typed in the pane", () => {
  it("is read only when it names its sheet, and is refused in the pane's language otherwise", () => {
    expect(isSourceRangeAddress("Ventes!A1:F200")).toBe(true);
    expect(isSourceRangeAddress("'Carnet commercial'!B2:H40")).toBe(true);
    expect(isSourceRangeAddress("A1:F200")).toBe(false);
    expect(isSourceRangeAddress("Ventes!")).toBe(false);
    expect(
      translate("en", "app.source.notAnAddress", { address: "A1:F200", example: "Sheet1!A1:F200" })
    ).toBe('"A1:F200" is not a range address like Sheet1!A1:F200');
    expect(
      translate("fr", "app.source.notAnAddress", { address: "A1:F200", example: "Feuil1!A1:F200" })
    ).toBe("«\u00a0A1:F200\u00a0» n'est pas une adresse de plage comme Feuil1!A1:F200");
  });
});

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

describe("the source as read: header, rows, what was left out", () => {
  const HEADER = ["Date jalon", "Société", "Montant", "Probabilité"];
  const rows: CellValue[][] = [
    ["Carnet commercial — printemps 2003", null, null, null],
    ["Affaire", null, "Montants", null],
    HEADER,
    ["2003-04-04", "Alpha", "1 000 €", "20 %"],
    ["2003-04-03", "Bêta", "2 000 €", "50 %"],
  ];
  const cells = (how: SourceCells["how"], table = rows): SourceCells => ({
    sheet: "Ventes",
    tableName: null,
    top: 4,
    col: 1,
    rows: table,
    how,
  });

  it("finds a named range's header under its title and group rows, and offers them as choices", () => {
    const read = cells({ kind: "range" });
    const layout = sourceLayout(read);
    expect(layout).toEqual({ header: 2, end: 5, blockTop: 0, leftOut: null, picked: false });
    const source = sourceDataOf(read, layout as SourceLayout, ["General", "@", "#,##0 €", "0%"]);
    expect(source).toMatchObject({
      row: 6,
      address: "Ventes!B7:E9",
      headers: HEADER,
      rows: rows.slice(3),
      headerPicked: false,
      leftOut: null,
    });
    expect(source.headerChoices).toEqual([
      { row: 4, label: "Row 5: Carnet commercial — printemps 2003" },
      { row: 5, label: "Row 6: Affaire · Montants" },
      { row: 6, label: "Row 7: Date jalon · Société · Montant · Probabilité" },
      { row: 7, label: "Row 8: 2003-04-04 · Alpha · 1 000 € · 20 %" },
      { row: 8, label: "Row 9: 2003-04-03 · Bêta · 2 000 € · 50 %" },
    ]);
    // Read again with the group row as the header: the range keeps the rows offered, and the choice.
    const picked = withHeader(source, 5);
    expect(picked).toEqual({ kind: "range", address: "Ventes!B5:E9", header: 6 });
    const again = sourceLayout(cells({ kind: "range", header: 5 }));
    expect(again).toMatchObject({ header: 1, picked: true });
    const pickedSource = sourceDataOf(
      cells({ kind: "range", header: 5 }),
      again as SourceLayout,
      []
    );
    expect(pickedSource.address).toBe("Ventes!B6:E9");
    expect(sourceChoiceOf(pickedSource)).toEqual(picked);
    expect(sourceChoiceOf(source)).toEqual({ kind: "range", address: "Ventes!B7:E9" });
  });

  it("refuses a picked header outside the range, and a header with no row below it", () => {
    expect(() => sourceLayout(cells({ kind: "range", header: 20 }))).toThrow(
      /^row 21 is not in Ventes!B5:E9: pick a header row inside the table/
    );
    const layout = sourceLayout(cells({ kind: "range", header: 8 })) as SourceLayout;
    expect(() => sourceDataOf(cells({ kind: "range", header: 8 }), layout, [])).toThrow(
      /^Ventes!B9:E9 has no rows below its header/
    );
  });

  it("takes an Excel table's first row as its header, whatever it says", () => {
    expect(sourceLayout({ ...cells({ kind: "table" }), tableName: "Deals" })).toMatchObject({
      header: 0,
      end: 5,
    });
  });

  it("gives the rows left out below the table in sheet rows, and says them", () => {
    const checks = Array.from({ length: 3 }, (_, i) => [i + 1, (i + 1) * 700, 3, 0.5]);
    const table = [HEADER, ...rows.slice(3), [null, null, null, null], ...checks];
    const read = cells(
      {
        kind: "carried",
        regionTop: 0,
        regionEnd: 3,
        side: () => false,
        moreAbove: false,
      },
      table
    );
    const source = sourceDataOf(read, sourceLayout(read) as SourceLayout, []);
    expect(source).toMatchObject({ address: "Ventes!B5:E7", leftOut: { first: 8, last: 10 } });
    expect(leftOutText(source.leftOut!, { one: "a deal", many: "deals" })).toBe(
      "Rows 9–11 below a blank row do not look like deals: left out"
    );
    expect(leftOutText({ first: 8, last: 8 }, { one: "a deal", many: "deals" })).toBe(
      "Row 9 below a blank row does not look like a deal: left out"
    );
  });

  it("stops reading down at two blank rows below the region, looking at each row once", () => {
    // One column beside the table on the left: the table's columns start at 1.
    const done = blankPairAfter(2, 1, 2);
    const read: CellValue[][] = [
      [null, "Société", "Montant"],
      [null, "Alpha", 1000],
      ["note", null, null],
    ];
    expect(done(read)).toBe(false);
    expect(done([...read, [null, "Bêta", 2000], [null, null, null]])).toBe(false);
    expect(done([...read, [null, "Bêta", 2000], [null, null, null], [null, "", null]])).toBe(true);
  });
});
