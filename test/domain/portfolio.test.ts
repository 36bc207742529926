import fc from "fast-check";
import { missingFields, recogniseColumns } from "../../src/domain/columns";
import type { Deal, ForecastCategory } from "../../src/domain/deal";
import {
  DEFAULT_MATRIX_SETTINGS,
  DEFAULT_STRENGTH_CUTS,
  harvestOpportunities,
  harvestWarning,
  MATRIX_COLUMNS,
  matrixColumns,
  matrixTableRow,
  type MatrixSettings,
  nineBoxContents,
  paretoRows,
  PORTFOLIO_FIELDS,
  portfolioMappingProblems,
  portfolioMatrix,
  productRange,
  rangeKey,
  rangesFromWonDeals,
  readPortfolioRows,
  settingsProblem,
  unassignedWonDeals,
} from "../../src/domain/portfolio";
import type { CellValue } from "../../src/domain/values";
import { TEN_RANGES, RANGE_HEADERS_FR } from "../support/ten-ranges";

// ---------------------------------------------------------------------------------------------------------------
// The issue's ten-range workbook, typed as a sales manager would: one loss-making range (Foxtrot), two equal
// margins (Delta and Echo), a text margin "12 500 €" (Charlie), a blank market volume (Hotel), a share typed
// instead of volumes (Echo), a share typed that agrees with the volumes (India), a blank row and a total row.

const HEADERS_EN = [
  "Product range",
  "Units sold",
  "Market volume",
  "Market share",
  "Sales",
  "Contribution margin",
];
const HEADERS_FR = RANGE_HEADERS_FR;

function readTen(headers = HEADERS_EN) {
  return readPortfolioRows(TEN_RANGES, recogniseColumns(headers, PORTFOLIO_FIELDS));
}

function byName<T extends { range: { name: string } }>(rows: readonly T[]): Record<string, T> {
  return Object.fromEntries(rows.map((row) => [row.range.name, row]));
}

describe("the ten-range workbook (issue 5's proof)", () => {
  const reading = readTen();
  const rows = portfolioMatrix(reading.ranges, DEFAULT_MATRIX_SETTINGS);
  const row = byName(rows);

  it("reads ten ranges, skipping the blank row and leaving out the total row", () => {
    expect(reading.ranges.map((r) => r.name)).toEqual([
      "Alpha",
      "Bravo",
      "Charlie",
      "Delta",
      "Echo",
      "Foxtrot",
      "Golf Élite",
      "Hotel",
      "India",
      "Juliet",
    ]);
    expect(reading.totalRows).toEqual([11]);
    expect(reading.ranges.map((r) => r.row)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10]);
  });

  it("reads the text margin 12 500 € as 12 500", () => {
    expect(row.Charlie.range.margin).toBe(12500);
  });

  it("computes the market share as volume ÷ market volume, or takes the share typed", () => {
    expect(row.Alpha.range.marketShare).toBe(0.3);
    expect(row.Alpha.range.shareSource).toBe("computed");
    expect(row.Charlie.range.marketShare).toBeCloseTo(0.12, 12);
    expect(row.Echo.range.marketShare).toBe(0.08);
    expect(row.Echo.range.shareSource).toBe("given");
    expect(row.India.range.marketShare).toBe(0.3); // 30 % typed, and 60 ÷ 200 agrees
    expect(row.India.range.shareSource).toBe("given");
  });

  it("reports only the blank market volume, at Hotel's cell", () => {
    expect(reading.issues).toEqual([
      {
        row: 8,
        col: 2,
        field: "marketVolume",
        message:
          "market volume at row 9 is blank: give it, or the market share, to place the range on the strength axis",
      },
    ]);
    expect(row.Hotel.range.marketShare).toBeNull();
    expect(row.Hotel.range.issues).toEqual([reading.issues[0].message]);
  });

  it("gives the ABC classes of domain.md: total positive margin 220 000, lines at 176 000 and 209 000", () => {
    // Largest first: 90 000, 60 000, 20 000 ×2 (before = 150 000 < 176 000: both A), 12 500 (before 190 000: B),
    // 8 000 (before 202 500: B), 5 000 (before 210 500 ≥ 209 000: C), 3 000, 1 500; Foxtrot loses money: C.
    const classes = Object.fromEntries(rows.map((r) => [r.range.name, r.abc]));
    expect(classes).toEqual({
      Alpha: "A",
      Bravo: "A",
      Charlie: "B",
      Delta: "A",
      Echo: "A",
      Foxtrot: "C",
      "Golf Élite": "B",
      Hotel: "C",
      India: "C",
      Juliet: "C",
    });
  });

  it("gives margin and cumulative shares of the positive margin, ties in sheet order", () => {
    expect(row.Alpha.marginShare).toBeCloseTo(90000 / 220000, 12);
    expect(row.Alpha.cumulativeShare).toBeCloseTo(90000 / 220000, 12);
    expect(row.Bravo.cumulativeShare).toBeCloseTo(150000 / 220000, 12);
    expect(row.Delta.cumulativeShare).toBeCloseTo(170000 / 220000, 12);
    // Echo crosses the 80 % line (86.4 %) yet is A: the range that crosses belongs to the class above.
    expect(row.Echo.cumulativeShare).toBeCloseTo(190000 / 220000, 12);
    expect(row.Charlie.cumulativeShare).toBeCloseTo(202500 / 220000, 12);
    expect(row.Juliet.cumulativeShare).toBe(1);
    expect(row.Foxtrot.marginShare).toBeNull();
    expect(row.Foxtrot.cumulativeShare).toBeNull();
  });

  it("gives the strength levels with cuts at 10 % and 25 % (25 % exactly is strong)", () => {
    const levels = Object.fromEntries(rows.map((r) => [r.range.name, r.strength]));
    expect(levels).toEqual({
      Alpha: "High", // 30 %
      Bravo: "Medium", // 15 %
      Charlie: "Medium", // 12 %
      Delta: "High", // 25 %
      Echo: "Low", // 8 %
      Foxtrot: "Medium", // 20 %
      "Golf Élite": "Low", // 6 %
      Hotel: null, // no market volume
      India: "High", // 30 %
      Juliet: "Low", // 5 %
    });
  });

  it("places each range in its nine-box cell and zone", () => {
    const placed = Object.fromEntries(
      rows.map((r) => [r.range.name, [r.attractiveness, r.cell, r.zone]])
    );
    expect(placed).toEqual({
      Alpha: ["High", "Protect position", "Invest / grow"],
      Bravo: ["High", "Invest to build", "Invest / grow"],
      Charlie: ["Medium", "Selectivity / manage for earnings", "Selectivity"],
      Delta: ["High", "Protect position", "Invest / grow"],
      Echo: ["High", "Build selectively", "Selectivity"],
      Foxtrot: ["Low", "Manage for earnings", "Harvest / divest"],
      "Golf Élite": ["Medium", "Limited expansion or harvest", "Harvest / divest"],
      Hotel: ["Low", null, null],
      India: ["Low", "Protect and refocus", "Selectivity"],
      Juliet: ["Low", "Divest", "Harvest / divest"],
    });
  });

  it("reads the same table under French headers the same way", () => {
    const french = readTen(HEADERS_FR);
    expect(french.ranges).toEqual(reading.ranges);
    expect(french.totalRows).toEqual([11]);
  });

  it("writes a CarnetMatrix row in the published column order", () => {
    expect(MATRIX_COLUMNS).toEqual([
      "Range",
      "Volume",
      "Market volume",
      "Market share",
      "Sales",
      "Margin",
      "Margin share",
      "Cumulative share",
      "ABC class",
      "Strength",
      "Attractiveness",
      "Nine-box cell",
      "Zone",
    ]);
    const values = matrixTableRow(row.Bravo);
    expect(values).toHaveLength(MATRIX_COLUMNS.length);
    expect(values.slice(0, 6)).toEqual(["Bravo", 150, 1000, 0.15, 300000, 60000]);
    expect(values.slice(8)).toEqual(["A", "Medium", "High", "Invest to build", "Invest / grow"]);
    expect(matrixTableRow(row.Hotel).slice(2, 4)).toEqual([null, null]);
  });

  it("orders the Pareto bars by margin, ties in sheet order, loss-making range out", () => {
    expect(paretoRows(rows).map((r) => r.range.name)).toEqual([
      "Alpha",
      "Bravo",
      "Delta",
      "Echo",
      "Charlie",
      "Golf Élite",
      "Hotel",
      "India",
      "Juliet",
    ]);
  });

  it("fills the nine-box grid, every placed range in exactly one cell", () => {
    const boxes = nineBoxContents(rows);
    expect(boxes).toHaveLength(9);
    const inside = Object.fromEntries(
      boxes.map((b) => [b.cell + " / " + b.attractiveness, b.rows.map((r) => r.range.name)])
    );
    expect(inside["Protect position / High"]).toEqual(["Alpha", "Delta"]);
    expect(inside["Build selectively / High"]).toEqual(["Echo"]);
    expect(inside["Build selectively / Medium"]).toEqual([]);
    expect(boxes.reduce((n, b) => n + b.rows.length, 0)).toBe(9); // Hotel has no place
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("recognising a product-range table's headers", () => {
  const fields = ["range", "volume", "marketVolume", "marketShare", "sales", "margin"] as const;
  const pick = (headers: string[]) => {
    const mapping = recogniseColumns(headers, PORTFOLIO_FIELDS);
    return fields.map((f) => mapping[f]);
  };

  it("in French and in English", () => {
    expect(pick(HEADERS_FR)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(pick(HEADERS_EN)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(pick(["Range", "Volume", "Market size", "Market share", "Revenue", "Margin"])).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
    expect(
      pick([
        "Product line",
        "Quantité vendue",
        "Volume du marché",
        "PDM",
        "CA",
        "Marge de contribution",
      ])
    ).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("tells the market's volume and the leader's share from the range's own, whatever the column order", () => {
    const headers = [
      "Volume du marché (unités)",
      "Part de marché du leader (%)",
      "Gamme de produits",
      "Volume des ventes (unités)",
      "Part de marché (%)",
      "Chiffre d’affaires HT",
      "Marge de contribution (€)",
    ];
    const mapping = recogniseColumns(headers, PORTFOLIO_FIELDS);
    expect(mapping).toEqual({
      marketVolume: 0,
      leaderShare: 1,
      range: 2,
      volume: 3,
      marketShare: 4,
      sales: 5,
      margin: 6,
    });
  });

  it("names what is missing: the required columns, and a way to the strength axis", () => {
    const mapping = recogniseColumns(["Gamme", "Volume", "CA"], PORTFOLIO_FIELDS);
    expect(missingFields(mapping, PORTFOLIO_FIELDS)).toEqual(["Margin"]);
    expect(portfolioMappingProblems(mapping)).toEqual([
      "no Margin column: pick one",
      "no Market share column, nor Volume and Market volume columns: pick one or the other for the strength axis",
    ]);
    const full = recogniseColumns(HEADERS_FR, PORTFOLIO_FIELDS);
    expect(portfolioMappingProblems(full)).toEqual([]);
    expect(portfolioMappingProblems(full, "relative")).toEqual([
      "no Leader share column: the relative share needs the largest competitor's share",
    ]);
  });

  it("refuses to read without a range column", () => {
    expect(() => readPortfolioRows([["x", 1]], { margin: 1 })).toThrow("no Range column");
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("the data-quality report", () => {
  // Columns: range, volume, market volume, market share, leader share, sales, margin.
  const MAPPING = {
    range: 0,
    volume: 1,
    marketVolume: 2,
    marketShare: 3,
    leaderShare: 4,
    sales: 5,
    margin: 6,
  };
  const OK: CellValue[] = ["Alpha", 100, 1000, "", "20 %", 5000, 1000];
  /** One row, `changes` by column index, read; its messages. */
  const messagesFor = (changes: Record<number, CellValue>, mapping: object = MAPPING) => {
    const row = OK.map((cell, i) => (i in changes ? changes[i] : cell));
    return readPortfolioRows([row], mapping).issues.map((i) => i.message);
  };

  it("has nothing to say about a good row", () => {
    expect(messagesFor({})).toEqual([]);
  });

  it("names the field, the text, the place and the reason for an unreadable cell", () => {
    expect(messagesFor({ 6: "12,500" })).toEqual([
      "margin 12,500 at row 1 is ambiguous: 12,500 may be 12500 or 12,5; write 12500 or 12,5",
    ]);
    expect(messagesFor({ 6: "35 %" })).toEqual([
      "margin 35 % at row 1 is a percentage, not an amount",
    ]);
    expect(messagesFor({ 6: true })).toEqual(["margin TRUE at row 1 is not a number"]);
    expect(messagesFor({ 5: "beaucoup" })).toEqual(["sales beaucoup at row 1 is not a number"]);
  });

  it("gives each issue its cell, and cell addresses when the pane passes them", () => {
    const row = OK.map((cell, i) => (i === 6 ? "12,500" : cell));
    // The pane's table has its header in sheet row 1: data row 0 is sheet row 2.
    const { issues } = readPortfolioRows([row], MAPPING, {
      where: (r, c) => `${"ABCDEFG"[c ?? 0]}${r + 2}`,
    });
    expect(issues).toEqual([
      {
        row: 0,
        col: 6,
        field: "margin",
        message:
          "margin 12,500 at G2 is ambiguous: 12,500 may be 12500 or 12,5; write 12500 or 12,5",
      },
    ]);
  });

  it("refuses impossible volumes and sales", () => {
    expect(messagesFor({ 1: -5 })).toEqual([
      "volume -5 at row 1 is below 0: a volume cannot be negative",
    ]);
    expect(messagesFor({ 2: 0 })).toEqual([
      "market volume 0 at row 1 is 0: a market share needs a market volume above 0",
    ]);
    expect(messagesFor({ 2: 80 })).toEqual([
      "market volume 80 at row 1 is below the volume 100: a market holds at least the range's own volume",
    ]);
    expect(messagesFor({ 5: -100 })).toEqual([
      "sales -100 at row 1 is below 0: sales cannot be negative",
    ]);
  });

  it("refuses market shares above 100 % or below 0, saying how to write points", () => {
    const noVolumes = { 1: "", 2: "" };
    expect(messagesFor({ ...noVolumes, 3: 25 })).toEqual([
      "market share 25 at row 1 is above 1: write 25% or 0.25",
    ]);
    expect(messagesFor({ ...noVolumes, 3: "120 %" })).toEqual([
      "market share 120 % at row 1 is above 100 %: a market share is at most 100 %",
    ]);
    expect(messagesFor({ ...noVolumes, 3: "-5 %" })).toEqual([
      "market share -5 % at row 1 is below 0: a share cannot be negative",
    ]);
  });

  it("flags a typed share more than half a point from volume ÷ market volume, and keeps the typed one", () => {
    const rowWith = (share: CellValue) => OK.map((c, i) => (i === 3 ? share : i === 1 ? 250 : c));
    const { ranges, issues } = readPortfolioRows([rowWith("30 %")], MAPPING);
    expect(issues.map((i) => [i.col, i.message])).toEqual([
      [
        3,
        "market share 30 % at row 1 disagrees with volume ÷ market volume = 25 %: correct one of them; " +
          "the market share given is used",
      ],
    ]);
    expect(ranges[0].marketShare).toBe(0.3);
    expect(readPortfolioRows([rowWith("25,4 %")], MAPPING).issues).toEqual([]);
    expect(readPortfolioRows([rowWith("25,5 %")], MAPPING).issues).toEqual([]); // exactly half a point
    expect(readPortfolioRows([rowWith("25,6 %")], MAPPING).issues).toHaveLength(1);
  });

  it("says which figure is missing for the strength axis", () => {
    expect(messagesFor({ 2: "" })).toEqual([
      "market volume at row 1 is blank: give it, or the market share, to place the range on the strength axis",
    ]);
    expect(messagesFor({ 1: "" })).toEqual([
      "volume at row 1 is blank: give it, or the market share, to place the range on the strength axis",
    ]);
    expect(messagesFor({ 1: "", 2: "" })).toEqual([
      "market share at row 1 is blank: give it, or the volume and the market volume, to place the range on the strength axis",
    ]);
    // With no market share column, only the volumes can give the share.
    const noShare = { ...MAPPING, marketShare: null };
    expect(messagesFor({ 2: "" }, noShare)).toEqual([
      "market volume at row 1 is blank: give it to place the range on the strength axis",
    ]);
    // An unreadable market volume is reported once, not again as missing.
    expect(messagesFor({ 2: "beaucoup" })).toEqual([
      "market volume beaucoup at row 1 is not a number",
    ]);
  });

  it("says when the margin or the sales are blank", () => {
    expect(messagesFor({ 6: "" })).toEqual([
      "margin at row 1 is blank: give the range's contribution margin to classify it",
    ]);
    expect(messagesFor({ 5: " " })).toEqual([
      "sales at row 1 is blank: the range gets no bubble in the chart",
    ]);
  });

  it("checks the leader's share", () => {
    expect(messagesFor({ 4: "" })).toEqual([
      "leader share at row 1 is blank: the relative share needs the largest competitor's share",
    ]);
    expect(messagesFor({ 4: 0 })).toEqual([
      "leader share 0 at row 1 is 0: the relative share divides by the largest competitor's share, give it above 0",
    ]);
    expect(messagesFor({ 4: "95 %" })).toEqual([
      "leader share 95 % at row 1 and the range's own market share 10 % add up to more than 100 %",
    ]);
  });

  it("flags repeated ranges, names compared without case, accents or closing full stop, and keeps both", () => {
    const { ranges, issues } = readPortfolioRows(
      [OK, ["Bêta", 1, 10, "", "", 1, 1], ["ALPHA.", 5, 50, "", "", 1, 1]],
      {
        ...MAPPING,
        leaderShare: null,
      }
    );
    expect(issues.map((i) => [i.row, i.col, i.field, i.message])).toEqual([
      [
        2,
        0,
        "range",
        "range ALPHA. at row 3 repeats the range at row 1: list each range once, or add the rows up",
      ],
    ]);
    expect(ranges).toHaveLength(3);
    expect(ranges[2].issues).toEqual([issues[0].message]);
  });

  it("reports a row without a range name and leaves it out", () => {
    const { ranges, issues } = readPortfolioRows([OK, ["", 5, 50, "", "20 %", 1, 999]], MAPPING);
    expect(ranges.map((r) => r.name)).toEqual(["Alpha"]);
    expect(issues.map((i) => [i.row, i.field, i.message])).toEqual([
      [1, "range", "range at row 2 is blank: name the range, or clear the row"],
    ]);
  });

  it("recognises subtotal rows by their label, and a nameless total by its figures", () => {
    const rows: CellValue[][] = [
      ["Alpha", 100, 1000, "", "20 %", 5000, 1000],
      ["Bravo", 50, 1000, "", "20 %", 3000, 500],
      ["Sous-total gammes pro", 150, "", "", "", 8000, 1500],
      ["Charlie", 10, 100, "", "20 %", 2000, 400],
      ["", "", "", "", "", "10 000 €", "1 900 €"], // the grand total, figures only
      ["Subtotal", null, null, null, null, null, 400],
    ];
    const { ranges, issues, totalRows } = readPortfolioRows(rows, MAPPING);
    expect(ranges.map((r) => r.name)).toEqual(["Alpha", "Bravo", "Charlie"]);
    expect(totalRows).toEqual([2, 4, 5]);
    expect(issues).toEqual([]);
  });

  it("recognises a total row whose label sits in an unmapped first column", () => {
    const rows: CellValue[][] = [
      ["", "Alpha", 100, 1000, 5000, 1000],
      ["Total probabilisé", "", 100, 1000, 5000, 1000],
    ];
    const mapping = { range: 1, volume: 2, marketVolume: 3, sales: 4, margin: 5 };
    expect(readPortfolioRows(rows, mapping).totalRows).toEqual([1]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("the matrix settings", () => {
  const settings = (changes: Partial<MatrixSettings>): MatrixSettings => ({
    ...DEFAULT_MATRIX_SETTINGS,
    ...changes,
  });

  it("default to market share cut at 10 % and 25 %, ABC at 80 / 95", () => {
    expect(DEFAULT_MATRIX_SETTINGS).toEqual({
      measure: "share",
      strengthCuts: { low: 0.1, high: 0.25 },
      abcShares: { a: 0.8, b: 0.95 },
    });
    expect(settingsProblem(DEFAULT_MATRIX_SETTINGS)).toBeNull();
    expect(
      settingsProblem(
        settings({ measure: "relative", strengthCuts: DEFAULT_STRENGTH_CUTS.relative })
      )
    ).toBeNull();
  });

  it("say what is wrong", () => {
    expect(settingsProblem(settings({ strengthCuts: { low: 0.25, high: 0.1 } }))).toBe(
      "the low cut-off 0.25 is above the high cut-off 0.1"
    );
    expect(settingsProblem(settings({ strengthCuts: { low: 10, high: 25 } }))).toBe(
      "the high cut-off 25 is above 100 %: write 25% or 0.25"
    );
    expect(settingsProblem(settings({ strengthCuts: { low: -0.1, high: 0.25 } }))).toBe(
      "the low cut-off -0.1 is below 0: a market share cannot be negative"
    );
    expect(settingsProblem(settings({ abcShares: { a: 0.95, b: 0.8 } }))).toBe(
      "the A share 0.95 must be below the B share 0.8"
    );
    expect(settingsProblem(settings({ measure: "volume" as never }))).toBe(
      'the strength measure "volume" is not known: use share or relative'
    );
    // A relative share may pass 1 (a leader): a high cut of 1.5 is fine there.
    expect(
      settingsProblem(settings({ measure: "relative", strengthCuts: { low: 1, high: 1.5 } }))
    ).toBeNull();
  });

  it("stop the matrix when wrong", () => {
    expect(() => portfolioMatrix([], settings({ strengthCuts: { low: 0.3, high: 0.2 } }))).toThrow(
      RangeError
    );
  });

  it("follow the user's ABC shares", () => {
    const ranges = [50, 30, 15, 5].map((margin, i) => productRange({ name: `R${i}`, margin }));
    expect(portfolioMatrix(ranges).map((r) => r.abc)).toEqual(["A", "A", "B", "C"]);
    expect(
      portfolioMatrix(ranges, settings({ abcShares: { a: 0.5, b: 0.8 } })).map((r) => r.abc)
    ).toEqual(["A", "B", "C", "C"]);
  });
});

describe("the matrix", () => {
  it("classes Heizer & Render's chips example A A A B B C C C C C", () => {
    const margins = [90000, 77000, 26350, 15001, 12500, 8502, 1200, 850, 504, 150];
    const rows = portfolioMatrix(
      margins.map((margin, i) => productRange({ name: `Chip ${i}`, margin }))
    );
    expect(rows.map((r) => r.abc).join("")).toBe("AAABBCCCCC");
  });

  it("leaves a range without margin unclassified and out of the shares", () => {
    const rows = portfolioMatrix([
      productRange({ name: "A", margin: 100, marketShare: 0.3 }),
      productRange({ name: "B", margin: null, marketShare: 0.3 }),
    ]);
    expect(rows[1]).toMatchObject({
      abc: null,
      attractiveness: null,
      marginShare: null,
      cell: null,
      zone: null,
    });
    expect(rows[1].strength).toBe("High");
    expect(rows[0].marginShare).toBe(1);
  });

  it("classes every range C, with no shares, when no range makes money", () => {
    const rows = portfolioMatrix([
      productRange({ name: "A", margin: -10 }),
      productRange({ name: "B", margin: 0 }),
    ]);
    expect(rows.map((r) => [r.abc, r.marginShare, r.cumulativeShare])).toEqual([
      ["C", null, null],
      ["C", null, null],
    ]);
  });

  it("with the relative measure, divides the share by the largest competitor's share", () => {
    const settings: MatrixSettings = {
      ...DEFAULT_MATRIX_SETTINGS,
      measure: "relative",
      strengthCuts: DEFAULT_STRENGTH_CUTS.relative, // 0.5 and 1
    };
    const ranges = [
      productRange({ name: "Leader", margin: 100, marketShare: 0.3, leaderShare: 0.25 }), // 1.2
      productRange({ name: "Half", margin: 100, marketShare: 0.1, leaderShare: 0.2 }), // 0.5
      productRange({ name: "Small", margin: 100, marketShare: 0.05, leaderShare: 0.5 }), // 0.1
      productRange({ name: "Unknown", margin: 100, marketShare: 0.4 }),
    ];
    const rows = portfolioMatrix(ranges, settings);
    expect(rows.map((r) => r.strength)).toEqual(["High", "Medium", "Low", null]);
    expect(rows[0].relativeShare).toBeCloseTo(1.2, 12);
    expect(rows[3]).toMatchObject({
      relativeShare: null,
      strengthValue: null,
      cell: null,
      zone: null,
    });
    // The same ranges by market share: 30 % and 40 % strong, 10 % medium, 5 % weak.
    expect(portfolioMatrix(ranges).map((r) => r.strength)).toEqual([
      "High",
      "Medium",
      "Low",
      "High",
    ]);
    expect(matrixColumns("relative").slice(-2)).toEqual(["Leader share", "Relative share"]);
    expect(matrixTableRow(rows[0], "relative").slice(-2)).toEqual([0.25, rows[0].relativeShare]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

function deal(
  fields: Partial<Deal> & { product: string | null; category: ForecastCategory | null }
): Deal {
  return {
    row: 0,
    id: null,
    closeDate: null,
    company: null,
    contact: null,
    amount: 1000,
    probability: 0.5,
    probabilitySource: "deal",
    owner: null,
    stage: null,
    issues: [],
    ...fields,
  };
}

describe("opportunities that may not fit the plan", () => {
  const rows = portfolioMatrix(readTen().ranges);

  it("lists open deals on ranges in the harvest / divest zone, names matched loosely", () => {
    const deals = [
      deal({ row: 0, product: "golf elite.", category: "Pipeline" }), // Golf Élite: harvest
      deal({ row: 1, product: "Alpha", category: "Commit" }), // invest: not flagged
      deal({ row: 2, product: "JULIET", category: "Won" }), // won: no longer an opportunity
      deal({ row: 3, product: "Juliet", category: "Lost" }),
      deal({ row: 4, product: "Foxtrot", category: null }), // no category: open
      deal({ row: 5, product: null, category: "Pipeline" }),
      deal({ row: 6, product: "Hotel", category: "Best case" }), // not placed: not flagged
      deal({ row: 7, product: "Unknown range", category: "Pipeline" }),
      deal({ row: 8, product: "  Juliet ", category: "Best case" }),
    ];
    const found = harvestOpportunities(deals, rows);
    expect(found.map((f) => [f.deal.row, f.range, f.zone])).toEqual([
      [0, "Golf Élite", "Harvest / divest"],
      [4, "Foxtrot", "Harvest / divest"],
      [8, "Juliet", "Harvest / divest"],
    ]);
    expect(harvestWarning(found[0].range)).toBe(
      "range Golf Élite is in the Harvest / divest zone of the matrix: an opportunity that may not fit the plan"
    );
  });

  it("finds none when no range is in the zone", () => {
    const strong = portfolioMatrix([productRange({ name: "Alpha", margin: 1, marketShare: 0.5 })]);
    expect(
      harvestOpportunities([deal({ product: "Alpha", category: "Pipeline" })], strong)
    ).toEqual([]);
  });

  it("compares names without case, accents, spacing or closing full stops", () => {
    expect(rangeKey("Produit A.")).toBe(rangeKey("produit  a"));
    expect(rangeKey("Gamme Élite")).toBe("gamme elite");
    expect(rangeKey("Produit A")).not.toBe(rangeKey("Produit B"));
  });
});

describe("ranges built from the pipeline's won deals", () => {
  const deals = [
    deal({ row: 0, product: "Produit A", category: "Won", amount: 1000 }),
    deal({ row: 1, product: "Produit B", category: "Won", amount: 4000 }),
    deal({ row: 2, product: "Produit A", category: "Won", amount: 2000 }),
    deal({ row: 3, product: "produit a.", category: "Won", amount: 500 }),
    deal({ row: 4, product: "Produit B", category: "Won", amount: null }),
    deal({ row: 5, product: "Produit C", category: "Pipeline", amount: 3000 }),
    deal({ row: 6, product: "Produit A", category: "Lost", amount: 9000 }),
    deal({ row: 7, product: null, category: "Won", amount: 700 }),
  ];
  const market = new Map([
    ["Produit A", { marketVolume: 30, margin: 1200 }],
    ["PRODUIT B", { marketVolume: 10, volume: 5, margin: null }],
    ["Produit D", { marketVolume: 100, margin: 50 }],
  ]);
  const ranges = rangesFromWonDeals(deals, market);

  it("sums won amounts by range and counts won deals as the volume unless one is given", () => {
    expect(
      ranges.map((r) => [r.row, r.name, r.sales, r.volume, r.marketVolume, r.marketShare, r.margin])
    ).toEqual([
      [0, "Produit A", 3500, 3, 30, 0.1, 1200],
      [1, "Produit B", 4000, 5, 10, 0.5, null],
      [2, "Produit D", 0, 0, 100, 0, 50], // figures given, no won deal: in the portfolio, no sales
    ]);
    expect(ranges[0].issues).toEqual([]);
    expect(ranges[0].shareSource).toBe("computed");
  });

  it("says what is missing or left out", () => {
    expect(ranges[1].issues).toEqual([
      "margin for Produit B is not given: give the range's contribution margin to classify it",
      "sales for Produit B leave out 1 won deal whose amount could not be read",
    ]);
    const bare = rangesFromWonDeals([deal({ product: "X", category: "Won" })], new Map());
    expect(bare[0].issues).toEqual([
      "market volume for X is not given: give it, or the market share, to place the range on the strength axis",
      "margin for X is not given: give the range's contribution margin to classify it",
    ]);
    const wrong = rangesFromWonDeals(
      [deal({ product: "X", category: "Won" }), deal({ product: "X", category: "Won" })],
      new Map([["X", { marketVolume: 1, margin: 10 }]])
    );
    expect(wrong[0].issues).toEqual([
      "market volume 1 for X is below the volume 2: a market holds at least the range's own volume",
    ]);
    expect(wrong[0].marketShare).toBeNull();
  });

  it("lists the won deals that belong to no range", () => {
    expect(unassignedWonDeals(deals).map((d) => d.row)).toEqual([7]);
  });

  it("feeds the matrix like a table does", () => {
    const rows = portfolioMatrix(ranges);
    expect(rows.map((r) => [r.abc, r.strength])).toEqual([
      ["A", "Medium"], // 1 200 of 1 250; 10 %
      [null, "High"], // no margin; 50 %
      ["C", "Low"], // 50 of 1 250 starts at 96 %, past the B line; share 0 %
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Invariants

/** Margins with many ties, losses, zeros and blanks, as real tables have. */
const marginArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 12 }).map((k) => k * 1000) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(null) }
);
const rangesArb = fc
  .array(
    fc.record({ margin: marginArb, share: fc.option(fc.double({ min: 0, max: 1, noNaN: true })) }),
    {
      maxLength: 25,
    }
  )
  .map((items) =>
    items.map((item, i) =>
      productRange({ name: `R${i}`, row: i, margin: item.margin, marketShare: item.share })
    )
  );
/** The ranges and a permutation of them. */
const shuffledArb = rangesArb.chain((ranges) =>
  fc.array(fc.double({ noNaN: true }), { minLength: ranges.length, maxLength: ranges.length }).map(
    (keys) =>
      [
        ranges,
        ranges
          .map((r, i) => [keys[i], r] as const)
          .sort((x, y) => x[0] - y[0])
          .map(([, r]) => r),
      ] as const
  )
);

describe("invariants", () => {
  it("classes, cells and zones do not depend on row order", () => {
    fc.assert(
      fc.property(shuffledArb, ([ranges, shuffled]) => {
        const placed = (rows: ReturnType<typeof portfolioMatrix>) =>
          Object.fromEntries(rows.map((r) => [r.range.name, [r.abc, r.cell, r.zone]]));
        expect(placed(portfolioMatrix(shuffled))).toEqual(placed(portfolioMatrix(ranges)));
      })
    );
  });

  it("margin shares sum to 1 over the positive margins", () => {
    fc.assert(
      fc.property(rangesArb, (ranges) => {
        const rows = portfolioMatrix(ranges);
        const shared = rows.filter((r) => r.marginShare !== null);
        expect(shared.length).toBe(ranges.filter((r) => r.margin !== null && r.margin > 0).length);
        if (shared.length > 0)
          expect(shared.reduce((s, r) => s + (r.marginShare ?? 0), 0)).toBeCloseTo(1, 9);
      })
    );
  });

  it("cumulative share never falls in margin-descending order and ends at exactly 1", () => {
    fc.assert(
      fc.property(rangesArb, (ranges) => {
        const pareto = paretoRows(portfolioMatrix(ranges));
        for (let i = 1; i < pareto.length; i++) {
          expect(pareto[i].range.margin!).toBeLessThanOrEqual(pareto[i - 1].range.margin!);
          expect(pareto[i].cumulativeShare!).toBeGreaterThanOrEqual(pareto[i - 1].cumulativeShare!);
        }
        if (pareto.length > 0) expect(pareto[pareto.length - 1].cumulativeShare).toBe(1);
      })
    );
  });

  it("a larger margin never has a lower class", () => {
    fc.assert(
      fc.property(rangesArb, (ranges) => {
        const rows = portfolioMatrix(ranges).filter((r) => r.abc !== null);
        for (const x of rows)
          for (const y of rows)
            if (x.range.margin! > y.range.margin!) expect(x.abc! <= y.abc!).toBe(true); // "A" < "B" < "C"
      })
    );
  });

  it("reading a table of plain numbers gives back those numbers", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 1000 }),
            fc.integer({ min: 1, max: 1000 }),
            fc.integer({ min: -1e6, max: 1e6 })
          ),
          { maxLength: 15 }
        ),
        (items) => {
          const rows = items.map(([volume, extra, margin], i) => [
            `Range ${i}`,
            volume,
            volume + extra,
            margin,
          ]);
          const { ranges, issues } = readPortfolioRows(rows, {
            range: 0,
            volume: 1,
            marketVolume: 2,
            margin: 3,
          });
          expect(issues).toEqual([]);
          expect(ranges.map((r) => [r.volume, r.marketShare, r.margin])).toEqual(
            items.map(([volume, extra, margin]) => [volume, volume / (volume + extra), margin])
          );
        }
      )
    );
  });
});
