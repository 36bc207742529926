/**
 * The matrix's plans, without Office: the tables' cells are laid out in a HyperFormula workbook with the
 * built CARNET functions (as writeOwnedSheets would place them) and evaluated, so each computed column is
 * checked by what it gives, against the domain's classification. Needs `npm run build` first.
 */
import fc from "fast-check";
import type { HyperFormula } from "hyperformula";
import {
  PORTFOLIO_FIELDS,
  type PortfolioMapping,
  recogniseColumns,
} from "../../src/domain/columns";
import type { Deal } from "../../src/domain/deal";
import {
  DEFAULT_MATRIX_SETTINGS,
  type MatrixSettings,
  type StrengthMeasure,
} from "../../src/domain/matrixSettings";
import {
  MATRIX_COLUMNS,
  matrixColumns,
  matrixTableRow,
  RELATIVE_MATRIX_COLUMNS,
} from "../../src/domain/matrixTable";
import { paretoRows } from "../../src/domain/portfolioMatrix";
import { readPortfolioRows } from "../../src/domain/productRangeTable";
import { rangesFromWonDeals } from "../../src/domain/rangesFromWonDeals";
import type { CellValue } from "../../src/domain/values";
import {
  buildMatrixPlans,
  CHART_DATA_COLUMNS,
  CUT_MARK_COLUMNS,
  MATRIX_SHEET,
  type MatrixBuild,
  type MatrixPlans,
  matrixRowAddress,
  PARETO_COLUMNS,
  ROW_IN_SOURCE,
} from "../../src/excel/plan/matrixPlan";
import { planRows } from "../../src/excel/plan/sheetPlan";
import type { SourceData } from "../../src/excel/plan/source";
import { carnetEngine } from "../support/carnet-engine";
import { TEN_RANGES_IN_CELLS } from "../support/ten-ranges";

const HEADERS = [
  "Product range",
  "Units sold",
  "Market volume",
  "Market share",
  "Sales",
  "Contribution margin",
];
const TEN = TEN_RANGES_IN_CELLS;

/** A source table on sheet "Products" with its header in A1. */
function sourceOf(
  headers: CellValue[],
  rows: CellValue[][],
  tableName: string | null = "Ranges"
): SourceData {
  return {
    kind: tableName ? "table" : "range",
    tableName,
    sheet: "Products",
    row: 0,
    col: 0,
    address: `Products!A1:${String.fromCharCode(64 + headers.length)}${rows.length + 1}`,
    headers,
    rows,
    numberFormats: headers.map(() => "General"),
  };
}

function buildFrom(
  source: SourceData,
  settings: MatrixSettings = DEFAULT_MATRIX_SETTINGS,
  mapping: PortfolioMapping = recogniseColumns(source.headers, PORTFOLIO_FIELDS)
): { build: MatrixBuild; plans: MatrixPlans } {
  const { ranges } = readPortfolioRows(source.rows, mapping);
  const build: MatrixBuild = {
    ranges,
    settings,
    source: { data: source, mapping },
    stamp: "2026-11-26 10:00",
    currencyFormat: "#,##0",
  };
  return { build, plans: buildMatrixPlans(build) };
}

/** The plan's sheet laid out as writeOwnedSheets writes it (note in A1, each table at its corner). */
function layOut(plans: MatrixPlans): CellValue[][] {
  const cells: CellValue[][] = [];
  const put = (r: number, c: number, v: CellValue) => {
    while (cells.length <= r) cells.push([]);
    cells[r][c] = v === undefined || v === "" ? null : v;
  };
  const [plan] = plans.plans;
  put(0, 0, plan.note ?? null);
  for (const table of plan.tables) {
    table.headers.forEach((h, j) => put(table.row!, table.col! + j, h));
    planRows(table).forEach((row, i) =>
      row.forEach((v, j) => put(table.row! + 1 + i, table.col! + j, v))
    );
  }
  return cells.map((row) => Array.from({ length: row.length }, (_, j) => row[j] ?? null));
}

interface Evaluated {
  hf: HyperFormula;
  /** A table's computed rows, as records by header. */
  table(name: string): Record<string, unknown>[];
  /** Sets a cell of the source or of the matrix sheet (0-based). */
  set(sheet: string, row: number, col: number, value: CellValue): void;
}

function evaluate(plans: MatrixPlans, source: SourceData | null): Evaluated {
  const sheets: Record<string, unknown[][]> = { [MATRIX_SHEET]: layOut(plans) };
  if (source)
    sheets.Products = [source.headers, ...source.rows].map((r) =>
      r.map((c) => (c === "" ? null : c))
    );
  const hf = carnetEngine(sheets);
  const matrixId = hf.getSheetId(MATRIX_SHEET)!;
  return {
    hf,
    table(name) {
      const t = plans.plans[0].tables.find((x) => x.name === name)!;
      return planRows(t).map((_, i) =>
        Object.fromEntries(
          t.headers.map((h, j) => {
            const v = hf.getCellValue({ sheet: matrixId, row: t.row! + 1 + i, col: t.col! + j });
            return [
              h,
              v === null ? "" : typeof v === "object" ? (v as { value: string }).value : v,
            ];
          })
        )
      );
    },
    set(sheet, row, col, value) {
      hf.setCellContents({ sheet: hf.getSheetId(sheet)!, row, col }, [[value ?? null]]);
    },
  };
}

const blankIfNull = (v: unknown) => (v === null ? "" : v);

/** The live columns' values next to the domain's, per range. */
function compare(evaluated: Evaluated, plans: MatrixPlans) {
  const got = evaluated.table("CarnetMatrix");
  return plans.rows.map((row, i) => ({
    got: [
      got[i].Range,
      got[i]["ABC class"],
      got[i].Strength,
      got[i].Attractiveness,
      got[i]["Nine-box cell"],
      got[i].Zone,
    ],
    want: [row.range.name, row.abc, row.strength, row.attractiveness, row.cell, row.zone].map(
      blankIfNull
    ),
    shares: [got[i]["Market share"], got[i]["Margin share"], got[i]["Cumulative share"]],
    wantShares: [row.range.marketShare, row.marginShare, row.cumulativeShare],
  }));
}

/**
 * Every CarnetMatrix cell as evaluated equals the domain's row (matrixTableRow): the one definition of the
 * table, whether a cell was written as a formula or as the domain's value. Blank for null, numbers to 9 places.
 */
function expectRowsAsDomain(evaluated: Evaluated, plans: MatrixPlans, measure: StrengthMeasure) {
  const got = evaluated.table("CarnetMatrix");
  const headers = matrixColumns(measure);
  plans.rows.forEach((row, i) =>
    matrixTableRow(row, measure).forEach((want, k) => {
      const cell = got[i][headers[k]];
      if (typeof want === "number") expect(cell as number).toBeCloseTo(want, 9);
      else expect([headers[k], cell]).toEqual([headers[k], want ?? ""]);
    })
  );
}

/** CarnetMatrixPareto, as evaluated, lists the ranges in the domain's Pareto order (paretoRows). */
function expectParetoAsDomain(evaluated: Evaluated, plans: MatrixPlans) {
  expect(evaluated.table("CarnetMatrixPareto").map((r) => r.Range)).toEqual(
    paretoRows(plans.rows).map((row) => row.range.name)
  );
}

function expectShares(actual: unknown[], expected: (number | null)[]) {
  expected.forEach((want, k) => {
    if (want === null) expect(actual[k]).toBe("");
    else expect(actual[k] as number).toBeCloseTo(want, 9);
  });
}

// ---------------------------------------------------------------------------------------------------------------

describe("the Carnet Matrix sheet's layout", () => {
  const { plans } = buildFrom(sourceOf(HEADERS, TEN));
  const [plan] = plans.plans;

  it("puts CarnetMatrix with its thirteen published columns at A3, the other tables beside it", () => {
    expect(plan.sheet).toBe(MATRIX_SHEET);
    expect(plan.tables.map((t) => [t.name, t.row, t.col, t.rows.length])).toEqual([
      ["CarnetMatrix", 2, 0, 10],
      ["CarnetMatrixSettings", 2, 15, 4],
      ["CarnetMatrixChartData", 2, 18, 10], // the ten ranges' points
      ["CarnetMatrixPareto", 2, 24, 9], // the nine ranges with a positive margin
      ["CarnetMatrixCutMarks", 2, 31, 14], // a dotted line of seven points per cut-off
    ]);
    // The published columns, then the row each range was read from.
    expect(plan.tables[0].headers).toEqual([...MATRIX_COLUMNS, ROW_IN_SOURCE]);
    expect(planRows(plan.tables[0]).map((r) => r.at(-1))).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10, 11]);
    expect(plan.tables[2].headers).toEqual(CHART_DATA_COLUMNS);
    expect(plan.tables[3].headers).toEqual(PARETO_COLUMNS);
    expect(plan.tables[4].headers).toEqual(CUT_MARK_COLUMNS);
    // No two tables share a column, and the charts start below the tallest table.
    const spans = plan.tables.map((t) => [t.col!, t.col! + t.headers.length - 1]);
    for (let k = 1; k < spans.length; k++) expect(spans[k][0]).toBeGreaterThan(spans[k - 1][1] + 1);
    expect(plans.layout.chartsRow).toBeGreaterThan(2 + 14 + 1);
    expect(plans.charts.bubble!.at.row).toBe(plans.layout.chartsRow);
  });

  it("says in the note what is live and where the cut-offs are", () => {
    expect(plan.note).toContain("from Products!A1:F13: 10 ranges");
    expect(plan.note).toContain("cut-offs in Q4:Q7");
    expect(plan.note).toContain(
      "Live: Volume, Market volume, Sales and Margin read the source cells"
    );
    // Echo's "8 %": no formula reads it as the pane does, so the whole column is values.
    expect(plan.note).toContain("Market share: values as of 2026-11-26 10:00 (9 figures)");
  });

  it("gives the address of a range's CarnetMatrix row", () => {
    expect(matrixRowAddress(MATRIX_SHEET, 0, "share")).toBe("'Carnet Matrix'!A4:N4");
    expect(matrixRowAddress("Carnet Matrix (2)", 9, "relative")).toBe(
      "'Carnet Matrix (2)'!A13:P13"
    );
  });
});

describe("the computed columns, evaluated", () => {
  const source = sourceOf(HEADERS, TEN);
  const { plans } = buildFrom(source);

  it("give the domain's classes, cells, zones and shares for the ten ranges", () => {
    const evaluated = evaluate(plans, source);
    for (const { got, want, shares, wantShares } of compare(evaluated, plans)) {
      expect(got).toEqual(want);
      expectShares(shares, wantShares);
    }
    expectRowsAsDomain(evaluated, plans, "share");
    expectParetoAsDomain(evaluated, plans);
    const byName = Object.fromEntries(evaluated.table("CarnetMatrix").map((r) => [r.Range, r]));
    expect(byName.Charlie.Margin).toBe(12500); // the text margin, through CARNET.AMOUNT
    expect(byName.Hotel["Market volume"]).toBe(""); // blank stays blank, not 0
    expect(byName.Hotel["Nine-box cell"]).toBe(""); // no share: no cell, and no #VALUE!
    expect(byName.Foxtrot["Margin share"]).toBe(""); // loss-making: out of the total
  });

  it("read the source's cells live, and stamp only the columns no formula can read as the pane does", () => {
    const matrix = plans.plans[0].tables[0];
    const col = (h: string) => MATRIX_COLUMNS.indexOf(h);
    const [alpha, juliet] = [planRows(matrix)[0], planRows(matrix)[9]];
    // One formula per column: each row's cell found by its Row in source (N), past the blank row.
    expect(alpha[col("Margin")]).toBe(
      `=IFERROR(CARNET.AMOUNT(INDEX('Products'!$F$2:$F$13,N4)),"")`
    );
    expect(juliet[col("Margin")]).toBe(
      `=IFERROR(CARNET.AMOUNT(INDEX('Products'!$F$2:$F$13,N13)),"")`
    );
    expect(alpha[col("Volume")]).toBe(
      `=IFERROR(CARNET.AMOUNT(INDEX('Products'!$B$2:$B$13,N4)),"")`
    );
    // "8 %" typed as text on Echo's row: the share column is values, the domain's.
    expect(planRows(matrix).map((r) => r[col("Market share")])).toEqual(
      plans.rows.map((r) => r.range.marketShare)
    );
    expect(plans.stampedCells).toBe(9); // Hotel has no share
    expect(plans.liveCells).toBe(10 * 4);

    const typed = TEN.map((r) => [...r]);
    typed[4][3] = null; // Echo's share left blank: volume ÷ market volume, live like the others
    const { plans: live } = buildFrom(sourceOf(HEADERS, typed));
    const shares = planRows(live.plans[0].tables[0]).map((r) => r[col("Market share")]);
    expect(shares[0]).toMatch(
      /^=IF\(ISNUMBER\(INDEX\('Products'!\$D\$2:\$D\$13,N4\)\),INDEX\('Products'!\$D\$2:\$D\$13,N4\),/
    );
    expect(shares[8]).toMatch(/^=IF\(ISNUMBER\(INDEX\('Products'!\$D\$2:\$D\$13,N12\)\),/);
    expect(live.stampedCells).toBe(0);
    expect(live.liveCells).toBe(10 * 5);
  });

  it("leave blank a figure the pane refused, and classify without it", () => {
    const rows = TEN.map((r) => [...r]);
    rows[1][5] = "35 %"; // Bravo's margin: a rate, not an amount
    rows[0][1] = -5; // Alpha's volume: impossible
    const refused = sourceOf(HEADERS, rows);
    const { plans: p } = buildFrom(refused);
    const matrix = p.plans[0].tables[0];
    expect(planRows(matrix)[1][MATRIX_COLUMNS.indexOf("Margin")]).toBeNull();
    expect(planRows(matrix)[0][MATRIX_COLUMNS.indexOf("Volume")]).toBeNull();
    const evaluated = evaluate(p, refused);
    for (const { got, want, shares, wantShares } of compare(evaluated, p)) {
      expect(got).toEqual(want);
      expectShares(shares, wantShares);
    }
    expectRowsAsDomain(evaluated, p, "share");
    expect(evaluated.table("CarnetMatrix")[1]["ABC class"]).toBe("");
  });

  it("reclassify when a margin is edited in the source, the Pareto order following", () => {
    const evaluated = evaluate(plans, source);
    evaluated.set("Products", 11, 5, 150000); // Juliet's margin, F12
    const byName = Object.fromEntries(evaluated.table("CarnetMatrix").map((r) => [r.Range, r]));
    expect(byName.Juliet["ABC class"]).toBe("A");
    expect(byName.Juliet.Zone).toBe("Selectivity");
    expect(byName.Delta["ABC class"]).toBe("B");
    const pareto = evaluated.table("CarnetMatrixPareto");
    expect(pareto.map((r) => r.Range)).toEqual([
      "Juliet",
      "Alpha",
      "Bravo",
      "Delta",
      "Echo",
      "Charlie",
      "Golf Élite",
      "Hotel",
      "India",
    ]);
    expect(pareto[8]["Cumulative share"] as number).toBeCloseTo(1, 9);
  });

  it("follow the cut-offs written in the settings cells", () => {
    const evaluated = evaluate(plans, source);
    const settings = evaluated.table("CarnetMatrixSettings");
    expect(settings.map((r) => r.Value)).toEqual([0.1, 0.25, 0.8, 0.95]);
    expect(String(settings[0].Setting)).toContain("Weak below");
    // Low cut from 10 % to 13 %: Charlie (12 %) becomes weak, Medium × Weak is Limited expansion or harvest.
    evaluated.set(MATRIX_SHEET, 3, 16, 0.13);
    const charlie = evaluated.table("CarnetMatrix")[2];
    expect([charlie.Strength, charlie["Nine-box cell"]]).toEqual([
      "Low",
      "Limited expansion or harvest",
    ]);
    // A share from 80 % to 50 %: Delta and Echo (starting at 68 % of the margin) drop to B.
    evaluated.set(MATRIX_SHEET, 5, 16, 0.5);
    expect(
      evaluated
        .table("CarnetMatrix")
        .map((r) => r["ABC class"])
        .slice(0, 5)
    ).toEqual(["A", "A", "B", "B", "B"]);
  });

  it("follow the user's settings: another ABC split, and the relative share", () => {
    const headers = [...HEADERS, "Leader share"];
    const rows: CellValue[][] = [
      ["Leader", 300, 1000, "", 500, 100, 0.25], // 30 % ÷ 25 % = 1.2: strong
      ["Half", 100, 1000, "", 400, 80, "20 %"], // 10 % ÷ 20 % = 0.5: medium (text leader share: stamped)
      ["Small", 50, 1000, "", 300, 60, 0.5], // 5 % ÷ 50 % = 0.1: weak
      ["Unknown", 400, 1000, "", 200, 40, ""], // no leader share: no strength
    ];
    const relative: MatrixSettings = {
      measure: "relative",
      strengthCuts: { low: 0.5, high: 1 },
      abcShares: { a: 0.5, b: 0.8 },
    };
    const src = sourceOf(headers, rows);
    const { plans: p } = buildFrom(src, relative);
    expect(p.plans[0].tables[0].headers).toEqual([...RELATIVE_MATRIX_COLUMNS, ROW_IN_SOURCE]);
    // Margins 100, 80, 60, 40 (total 280), A to 50 %, B to 80 %: Small starts at 180 (64 %), Unknown at 240 (86 %).
    expect(p.rows.map((r) => [r.strength, r.abc])).toEqual([
      ["High", "A"],
      ["Medium", "A"],
      ["Low", "B"],
      [null, "C"],
    ]);
    const evaluated = evaluate(p, src);
    for (const { got, want } of compare(evaluated, p)) expect(got).toEqual(want);
    expectRowsAsDomain(evaluated, p, "relative");
    const table = evaluated.table("CarnetMatrix");
    expect(table[0]["Relative share"] as number).toBeCloseTo(1.2, 9);
    expect(table[1]["Leader share"]).toBe(0.2);
    expect(p.charts.bubble!.xTitle).toContain("leader");
  });

  it("keeps names that look like formulas, numbers, dates or booleans as text", () => {
    const names = ["=Cheat", "2024", "+Plus", "2003-04", "00123", "TRUE", "+33 1 23"];
    const rows: CellValue[][] = names.map((name) => [name, 10, 100, "", 100, 50]);
    const src = sourceOf(HEADERS, rows);
    const { plans: p } = buildFrom(src);
    const written = evaluate(p, src)
      .table("CarnetMatrix")
      .map((r) => r.Range);
    expect(written).toEqual(names);
  });
});

describe("ranges built from won deals", () => {
  const deal = (product: string, amount: number, category: Deal["category"] = "Won"): Deal => ({
    row: 0,
    id: null,
    closeDate: null,
    company: null,
    contact: null,
    product,
    amount,
    probability: 1,
    probabilitySource: "deal",
    owner: null,
    stage: null,
    category,
    issues: [],
  });
  const ranges = rangesFromWonDeals(
    [
      deal("Produit A", 3000),
      deal("Produit B", 4000),
      deal("Produit A", 500),
      deal("Produit C", 9000, "Lost"),
    ],
    new Map([
      ["Produit A", { marketVolume: 10, margin: 1200 }],
      ["Produit B", { marketShare: 0.5, margin: 50 }],
    ])
  );
  const build: MatrixBuild = {
    ranges,
    settings: DEFAULT_MATRIX_SETTINGS,
    source: null,
    stamp: "2026-11-26 10:00",
    currencyFormat: "#,##0",
    wonDealsFrom: "CarnetPipeline",
  };
  const plans = buildMatrixPlans(build);

  it("writes the figures as values and classifies them with live formulas", () => {
    const matrix = plans.plans[0].tables[0];
    const col = (h: string) => MATRIX_COLUMNS.indexOf(h);
    // Names go through textCell: the leading apostrophe marks them as text and is not kept in the value.
    expect(
      planRows(matrix).map((r) => [r[col("Range")], r[col("Sales")], r[col("Margin")]])
    ).toEqual([
      ["'Produit A", 3500, 1200],
      ["'Produit B", 4000, 50],
    ]);
    expect(plans.liveCells).toBe(0);
    expect(plans.plans[0].note).toContain("from the won deals of CarnetPipeline");
    const evaluated = evaluate(plans, null);
    for (const { got, want, shares, wantShares } of compare(evaluated, plans)) {
      expect(got).toEqual(want);
      expectShares(shares, wantShares);
    }
    expectRowsAsDomain(evaluated, plans, "share");
  });

  it("reclassifies when a margin is edited in CarnetMatrix itself", () => {
    const evaluated = evaluate(plans, null);
    expect(evaluated.table("CarnetMatrix").map((r) => r["ABC class"])).toEqual(["A", "C"]);
    evaluated.set(MATRIX_SHEET, 4, MATRIX_COLUMNS.indexOf("Margin"), 5000); // Produit B's margin
    expect(evaluated.table("CarnetMatrix").map((r) => r["ABC class"])).toEqual(["B", "A"]);
  });
});

describe("the charts' plans", () => {
  const source = sourceOf(HEADERS, TEN);
  const { plans } = buildFrom(source);
  const bubble = plans.charts.bubble!;
  const pareto = plans.charts.pareto!;

  it("give the bubble chart one series per range, named after it, then the two cut-off lines", () => {
    expect(bubble.rangeSeries).toBe(10);
    expect(bubble.series.map((s) => s.name)).toEqual([
      ...TEN.filter((r) => r[0] !== null && r[0] !== "Total").map((r) => r[0]),
      "Weak | Medium",
      "Medium | Strong",
    ]);
    // Each range's point reads one row of CarnetMatrixChartData (S:W): x, y (3/2/1 for A/B/C), size.
    expect(bubble.series[0]).toEqual({ name: "Alpha", x: "T4", y: "U4", size: "V4" });
    // A cut-off's two points read two rows of CarnetMatrixCutMarks (AF:AI).
    expect(bubble.series[10]).toEqual({
      name: "Weak | Medium",
      x: "AG4:AG10",
      y: "AH4:AH10",
      size: "AI4:AI10",
    });
    expect(bubble.series[11]).toMatchObject({ name: "Medium | Strong", x: "AG11:AG17" });
  });

  it("give the bubble chart a % share axis from 0 with room beyond the largest share, and titles that explain", () => {
    expect(bubble.xFormat).toBe("0%");
    expect(bubble.xMaximum).toBeCloseTo(0.4, 12); // Alpha's 30 %, India's 30 %: 30 % × 1.15 + 5 %, up to 5 %
    expect(bubble.title).toContain("sized by sales");
    expect(bubble.xTitle).toBe(
      "Strength: market share in volume (dotted lines: Weak below 10 %, Strong from 25 %)"
    );
    // Never beyond 100 % of a market, however large a share.
    const leader = buildFrom(sourceOf(HEADERS, [["Monopoly", 95, 100, "", 1000, 500]])).plans;
    expect(leader.charts.bubble!.xMaximum).toBe(1);
    // The high cut-off stays in view when every share is below it.
    const small = buildFrom(sourceOf(HEADERS, [["Niche", 2, 100, "", 1000, 500]])).plans;
    expect(small.charts.bubble!.xMaximum).toBeCloseTo(0.35, 12); // 25 % × 1.15 + 5 %, up to 5 %
  });

  it("point at cells holding the chart's numbers", () => {
    const evaluated = evaluate(plans, source);
    const points = evaluated.table("CarnetMatrixChartData");
    const byName = Object.fromEntries(points.map((p) => [p.Point, p]));
    expect([
      byName.Alpha["Strength (x)"],
      byName.Alpha["Attractiveness (y)"],
      byName.Alpha["Bubble size"],
    ]).toEqual([0.3, 3, 450000]);
    expect(byName["Golf Élite"]["Attractiveness (y)"]).toBe(2);
    expect(byName.Hotel["Strength (x)"]).toBe("#N/A"); // not plotted
    expect(byName.Foxtrot["Pareto rank"]).toBe(""); // no positive margin
    expect(points).toHaveLength(10);
    const marks = evaluated.table("CarnetMatrixCutMarks");
    const ys = [0.5, 1, 1.5, 2, 2.5, 3, 3.5];
    expect(marks.map((p) => [p["Cut-off"], p["Strength (x)"], p["Attractiveness (y)"]])).toEqual([
      ...ys.map((y) => ["Weak | Medium", 0.1, y]),
      ...ys.map((y) => ["Medium | Strong", 0.25, y]),
    ]);
    // Equal margins take consecutive ranks in sheet order: Delta before Echo.
    expect([byName.Delta["Pareto rank"], byName.Echo["Pareto rank"]]).toEqual([3, 4]);
  });

  it("give the Pareto chart the sorted ranges, their margin shares and the cumulative line", () => {
    expect(pareto.categories).toBe("Z4:Z12");
    expect(pareto.bars).toEqual({ name: "Margin share", values: "AB4:AB12" });
    expect(pareto.line).toEqual({ name: "Cumulative share", values: "AC4:AC12" });
    expect(pareto.title).toContain("A to 80 %, B to 95 %");
  });

  it("draw no Pareto chart when no range makes money, and no chart without ranges", () => {
    const losses = sourceOf(HEADERS, [["Lossy", 10, 100, "", 100, -50]]);
    expect(buildFrom(losses).plans.charts.pareto).toBeNull();
    const empty = buildMatrixPlans({ ...buildFrom(losses).build, ranges: [] });
    expect(empty.charts).toEqual({ bubble: null, pareto: null });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("invariant", () => {
  it("the live formulas classify any portfolio as the domain does", () => {
    const figure = fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: -3, max: 12 }).map((k) => k * 1000) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 99 }).map((k) => `${k} 000 €`) },
      { weight: 1, arbitrary: fc.constant("") }
    );
    const rowArb = fc.record({
      volume: fc.integer({ min: 0, max: 100 }),
      market: fc.oneof(fc.integer({ min: 1, max: 400 }), fc.constant("")),
      margin: figure,
      sales: fc.integer({ min: 0, max: 5000 }),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 12 }), (items) => {
        const rows: CellValue[][] = items.map((it, i) => [
          `R${i}`,
          it.volume,
          it.market,
          "",
          it.sales,
          it.margin,
        ]);
        const source = sourceOf(HEADERS, rows);
        const { plans } = buildFrom(source);
        const evaluated = evaluate(plans, source);
        for (const { got, want, shares, wantShares } of compare(evaluated, plans)) {
          expect(got).toEqual(want);
          expectShares(shares, wantShares);
        }
        expectRowsAsDomain(evaluated, plans, "share");
        expectParetoAsDomain(evaluated, plans);
      }),
      { numRuns: 25 }
    );
  });
});
