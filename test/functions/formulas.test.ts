/**
 * The built CARNET functions typed as formulas in a real spreadsheet engine (HyperFormula), wired from
 * the generated functions.json: this proves the metadata and the shipped code agree.
 */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import { passBlankCellsAs } from "../../src/workbench/carnet-hyperformula";
import { builtMetadata, carnetEngine } from "../support/carnet-engine";

const HANDBOOK = [
  ["Date jalon", "Société", "Interlocuteur", "Nature", "Montant", "Probabilité"],
  ["4 avril 2003.", "Alpha.", "Mr. X.", "Produit A.", "1 000 €", "20 %."],
  ["3 avril 2003.", "Bêta.", "Mr. Y.", "Produit B.", "2 000 €", "50 %."],
  ["3 avril 2003", "Gamma.", "Mme. Z.", "Produit C.", "4 000 €", "75 %."],
  ["Total probabilisé du carnet commercial", null, null, null, null, "4 200 €"],
];

const MARGINS = [90000, 77000, 26350, 15001, 12500, 8502, 1200, 850, 504, 150];

function value(hf: HyperFormula, a1: string, sheet = 0): unknown {
  const address = hf.simpleCellAddressFromString(a1, sheet);
  if (!address) throw new Error(a1);
  return hf.getCellValue(address);
}

function column(hf: HyperFormula, from: string, rows: number): unknown[] {
  const start = hf.simpleCellAddressFromString(from, 0)!;
  return Array.from({ length: rows }, (_, i) => hf.getCellValue({ ...start, row: start.row + i }));
}

describe("functions.json generated from the JSDoc", () => {
  const metadata = builtMetadata();
  const byId = Object.fromEntries(metadata.functions.map((f) => [f.id, f]));

  it("declares the functions with their public names", () => {
    expect(Object.keys(byId).sort()).toEqual([
      "ABC_CLASS",
      "AMOUNT",
      "BRIER",
      "MATRIX_QUADRANT",
      "PIPELINE_PROBABILITY",
      "PIPELINE_QUANTILE",
      "WEIGHTED_PIPELINE",
    ]);
  });

  // Arguments are only ever added at the end, optional, so that every formula typed before still works.
  it("keeps the documented signatures: names, ranges and optional arguments", () => {
    const signature = (id: string) =>
      byId[id].parameters
        .map(
          (p) =>
            `${p.optional ? "[" : ""}${p.name}${p.dimensionality === "matrix" ? ":range" : ""}${p.optional ? "]" : ""}`
        )
        .join(", ");
    expect(signature("WEIGHTED_PIPELINE")).toBe(
      "amounts:range, probabilities:range, [close_dates:range], [from], [to], [statuses:range]"
    );
    expect(signature("PIPELINE_PROBABILITY")).toBe(
      "amounts:range, probabilities:range, target, [close_dates:range], [from], [to], [statuses:range]"
    );
    expect(signature("PIPELINE_QUANTILE")).toBe(
      "amounts:range, probabilities:range, q, [close_dates:range], [from], [to], [statuses:range]"
    );
    expect(signature("ABC_CLASS")).toBe("values:range, [a_share], [b_share]");
    expect(signature("MATRIX_QUADRANT")).toBe(
      "strength:range, attractiveness:range, [strength_cuts:range], [attractiveness_cuts:range], [style], [language]"
    );
    expect(signature("BRIER")).toBe("probabilities:range, outcomes:range");
    expect(byId.ABC_CLASS.result.dimensionality).toBe("matrix");
    expect(byId.MATRIX_QUADRANT.result.dimensionality).toBe("matrix");
    for (const f of metadata.functions) {
      expect(f.description?.length).toBeGreaterThan(20);
      for (const p of f.parameters)
        expect((p as { description?: string }).description?.length).toBeGreaterThan(5);
    }
  });
});

// Some Excel builds pass a blank cell in a range as 0, newer ones as null: every formula test runs
// both ways.
describe.each([
  ["null", null],
  ["0", 0],
] as const)("CARNET formulas in a spreadsheet, blank cells passed as %s", (_, blank) => {
  beforeAll(() => passBlankCellsAs(blank));
  afterAll(() => passBlankCellsAs(null));

  it("gives 4 200 for the handbook's table typed as text, total row included", () => {
    const hf = carnetEngine({
      Sheet1: [
        ...HANDBOOK,
        [],
        ["=CARNET.WEIGHTED_PIPELINE(E2:E4,F2:F4)"],
        ["=CARNET.WEIGHTED_PIPELINE(E2:E5,F2:F5,A2:A5)"],
        ['=CARNET.WEIGHTED_PIPELINE(E2:E5,F2:F5,A2:A5,"2003-04-04")'],
        ["=CARNET.PIPELINE_PROBABILITY(E2:E4,F2:F4,4000)"],
        ["=CARNET.PIPELINE_QUANTILE(E2:E4,F2:F4,0.9)"],
      ],
    });
    expect(value(hf, "A7")).toBeCloseTo(4200);
    expect(value(hf, "A8")).toBeCloseTo(4200);
    expect(value(hf, "A9")).toBeCloseTo(200);
    expect(value(hf, "A10")).toBeCloseTo(0.75);
    expect(value(hf, "A11")).toBe(6000);
  });

  it("takes a live table with a blank row (a deleted deal) without turning the total into #VALUE!", () => {
    const hf = carnetEngine({
      Sheet1: [
        ["2003-04-04", 1000, 0.2],
        [null, null, null],
        ["2003-04-03", 2000, 0.5],
        [null, null, null],
        ["2003-04-03", 4000, 0.75],
        ["=CARNET.WEIGHTED_PIPELINE(B1:B5,C1:C5,A1:A5)"],
        ['=CARNET.WEIGHTED_PIPELINE(B1:B5,C1:C5,A1:A5,"2003-04-04")'],
        ["=CARNET.PIPELINE_QUANTILE(B1:B5,C1:C5,0.9,A1:A5)"],
      ],
    });
    expect(column(hf, "A6", 3)).toEqual([4200, 200, 6000]);
  });

  it("leaves won, lost and omitted deals out when given their statuses, and follows a deal marked won", () => {
    const hf = carnetEngine({
      Sheet1: [
        ["2003-04-04", 1000, 0.2, "Gagné"],
        ["2003-04-03", 2000, 0.5, "Proposal"],
        ["2003-04-03", 4000, 0.75, null],
        ["2003-04-05", 9000, null, "Closed lost"],
        ["2003-04-05", 500, null, "Omis"],
        ["=CARNET.WEIGHTED_PIPELINE(B1:B5,C1:C5,A1:A5,,,D1:D5)"],
        ['=CARNET.WEIGHTED_PIPELINE(B1:B5,C1:C5,A1:A5,"2003-04-04",,D1:D5)'],
        ["=CARNET.PIPELINE_QUANTILE(B1:B5,C1:C5,0.9,A1:A5,,,D1:D5)"],
        ["=CARNET.PIPELINE_PROBABILITY(B1:B5,C1:C5,6000,A1:A5,,,D1:D5)"],
        // Without the statuses, the lost deal's blank probability is a deal missing one (or, where
        // a blank arrives as 0, every deal counts).
        ["=CARNET.WEIGHTED_PIPELINE(B1:B5,C1:C5,A1:A5)"],
      ],
    });
    expect(column(hf, "A6", 4)).toEqual([4000, 0, 6000, 0.375]);
    if (blank === null)
      expect((value(hf, "A10") as DetailedCellError).message).toMatch(
        /^probability at position 4 is blank/
      );
    else expect(value(hf, "A10")).toBe(4200);
    hf.setCellContents(hf.simpleCellAddressFromString("D3", 0)!, [["Won"]]);
    expect(value(hf, "A6")).toBe(1000);
  });

  it("says where a closed deal has no amount", () => {
    const hf = carnetEngine({
      Sheet1: [
        [1000, 0.2, "Won"],
        [null, 0.5, "Lost"],
        ["=CARNET.WEIGHTED_PIPELINE(A1:A2,B1:B2,,,,C1:C2)"],
      ],
    });
    if (blank === null)
      expect((value(hf, "A3") as DetailedCellError).message).toBe(
        "amount at position 2 is blank but the deal is Lost: give its amount"
      );
    else expect(value(hf, "A3")).toBe(0); // a lost deal of 0 beside a won one: nothing open
  });

  it("reads a text amount as a number for ordinary formulas", () => {
    const hf = carnetEngine({
      Sheet1: [
        ["12 500 €", "=CARNET.AMOUNT(A1)*2", "=CARNET.AMOUNT(A2)", "=CARNET.AMOUNT(A3)"],
        [null],
        ["1,000"],
      ],
    });
    expect(value(hf, "B1")).toBe(25000);
    expect(value(hf, "C1")).toBe("");
    expect((value(hf, "D1") as DetailedCellError).message).toMatch(/^amount 1,000 is ambiguous/);
  });

  it("scores forecasts with BRIER, rescoring when an outcome is typed, and says where one is not decided", () => {
    const hf = carnetEngine({
      Sheet1: [
        ["80 %", "Won", "=CARNET.BRIER(A1:A3,B1:B3)"],
        [0.6, "Perdu"],
        [0.3, true],
        [0.5, "Open", "=CARNET.BRIER(A1:A4,B1:B4)"],
        [null, null, "=CARNET.BRIER(A5,B5)"],
      ],
    });
    // (0.8 − 1)² + (0.6 − 0)² + (0.3 − 1)² = 0.89, over 3.
    expect(value(hf, "C1")).toBeCloseTo(0.89 / 3, 9); // the engine rounds to 11 digits
    expect((value(hf, "C4") as DetailedCellError).message).toMatch(
      /^outcome Open at position 4 is not won or lost/
    );
    // Two blank cells: no forecast (where a blank arrives as 0, a 0 % forecast that was lost).
    if (blank === null) expect((value(hf, "C5") as DetailedCellError).value).toBe("#DIV/0!");
    else expect(value(hf, "C5")).toBe(0);
    hf.setCellContents(hf.simpleCellAddressFromString("B4", 0)!, [["Gagné"]]);
    expect(value(hf, "C4")).toBeCloseTo((0.89 + 0.25) / 4, 9);
  });

  it("spills ABC classes and reclassifies after an edit", () => {
    const hf = carnetEngine({
      Sheet1: [
        ["Margin", "Class"],
        ...MARGINS.map((m, i) => [m, i === 0 ? "=CARNET.ABC_CLASS(A2:A11)" : null]),
      ],
    });
    expect(column(hf, "B2", 10).join("")).toBe("AAABBCCCCC");
    // The smallest range becomes the biggest: it joins A and pushes the others down.
    hf.setCellContents(hf.simpleCellAddressFromString("A11", 0)!, [[200000]]);
    expect(column(hf, "B2", 10).join("")).toBe("AABBBCCCCA");
  });

  it("shows #VALUE! with the position and the reason in the cell that failed", () => {
    const hf = carnetEngine({
      Sheet1: [[1000, 20], [2000, 0.5], ["=CARNET.WEIGHTED_PIPELINE(A1:A2,B1:B2)"]],
    });
    const error = value(hf, "A3") as DetailedCellError;
    expect(error).toBeInstanceOf(DetailedCellError);
    expect(error.value).toBe("#VALUE!");
    expect(error.message).toBe("probability 20 at position 1 is above 1: write 20% or 0.2");
  });

  it("puts an error only in the ABC cell that cannot be read", () => {
    const hf = carnetEngine({
      Sheet1: [[80, "=CARNET.ABC_CLASS(A1:A5)"], ["douze"], [null], [15], [5]],
    });
    const cells = column(hf, "B1", 5);
    expect(cells[0]).toBe("A");
    expect((cells[1] as DetailedCellError).value).toBe("#VALUE!");
    expect((cells[1] as DetailedCellError).message).toMatch(/^value douze at position 2/);
    // A blank reaches the function as null (a blank class) or, on some builds, as 0 (class C).
    expect(cells[2]).toBe(blank === null ? "" : "C");
    expect(cells.slice(3)).toEqual(["B", "C"]);
  });

  it("spills nine-box names and zones for ranges of one shape", () => {
    const hf = carnetEngine({
      Sheet1: [
        [
          0.3,
          "A",
          "=CARNET.MATRIX_QUADRANT(A1:A3,B1:B3,{0.1,0.25})",
          '=CARNET.MATRIX_QUADRANT(A1:A3,B1:B3,{0.1,0.25},,"zone")',
        ],
        [0.15, "B"],
        [0.05, "C"],
      ],
    });
    expect(column(hf, "C1", 3)).toEqual([
      "Protect position",
      "Selectivity / manage for earnings",
      "Divest",
    ]);
    expect(column(hf, "D1", 3)).toEqual(["Invest / grow", "Selectivity", "Harvest / divest"]);
  });

  it("chains ABC classes into the matrix, recalculating when a margin changes", () => {
    const hf = carnetEngine({
      Sheet1: [
        [0.3, 80, "=CARNET.ABC_CLASS(B1:B3)", "=CARNET.MATRIX_QUADRANT(A1:A3,C1:C3,{0.1,0.25})"],
        [0.3, 15],
        [0.3, 5],
      ],
    });
    expect(column(hf, "D1", 3)).toEqual([
      "Protect position",
      "Build selectively",
      "Protect and refocus",
    ]);
    hf.setCellContents(hf.simpleCellAddressFromString("B3", 0)!, [[500]]);
    expect(column(hf, "D1", 3)).toEqual([
      "Build selectively",
      "Protect and refocus",
      "Protect position",
    ]);
  });
});
