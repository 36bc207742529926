/**
 * Every table Carnet plans is safe under Excel's calculated columns (src/workbench/sim/README.md): each of
 * its columns holds values only, or one formula in R1C1 terms in every row. Pure: over the plans, for any
 * pipeline or portfolio, live or stamped, with or without objectives, blank rows, totals and unreadable
 * cells. The R1C1 form is this file's own, independent of the host's.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/domain/values";
import { snapshotFromDeals, snapshotRows } from "../../src/domain/snapshots";
import { rangesFromWonDeals } from "../../src/domain/rangesFromWonDeals";
import { buildForecastPlans, FORECAST_TABLES } from "../../src/excel/plan/forecastPlan";
import { buildMatrixPlans } from "../../src/excel/plan/matrixPlan";
import { planRows, type SheetPlan, type TablePlan } from "../../src/excel/plan/sheetPlan";
import { snapshotSheetPlan } from "../../src/excel/plan/snapshotPlan";
import type { SourceData } from "../../src/excel/plan/source";
import { analyseRangeTable, matrixBuildOf } from "../../src/taskpane/matrixModel";
import { analysePipeline } from "../../src/taskpane/pipelineModel";

/** "A1", 0-based (row, col) → R1C1 with relative parts as offsets: R[2]C[-1], R5C3. */
function r1c1(formula: string, row: number, col: number): string {
  const ref = /(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(!])/g;
  const colIndex = (letters: string) =>
    [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  // String literals and quoted sheet names are left as they are.
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, k) =>
      k % 2 === 1
        ? part
        : part.replace(
            ref,
            (_, colAbs: string, letters: string, rowAbs: string, digits: string) => {
              const r = Number(digits) - 1;
              const c = colIndex(letters);
              const rowPart = rowAbs ? `R${r + 1}` : `R[${r - row}]`;
              const colPart = colAbs ? `C${c + 1}` : `C[${c - col}]`;
              return `{${rowPart}${colPart}}`;
            }
          )
    )
    .join("");
}

const isFormula = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");

/** The columns of a table that are neither values only nor one formula: header → what differs. */
function mixedColumns(table: TablePlan): Record<string, string[]> {
  const mixed: Record<string, string[]> = {};
  table.headers.forEach((header, j) => {
    const cells = planRows(table).map((line) => line[j]);
    if (!cells.some(isFormula)) return;
    const forms = new Set(
      cells.map((cell, i) =>
        isFormula(cell)
          ? r1c1(cell, table.row + 1 + i, table.col + j)
          : `value ${JSON.stringify(cell)}`
      )
    );
    if (forms.size > 1) mixed[header] = [...forms].slice(0, 3);
  });
  return mixed;
}

function expectSafe(plans: readonly SheetPlan[]) {
  for (const plan of plans)
    for (const table of plan.tables)
      expect({ table: table.name, mixed: mixedColumns(table) }).toEqual({
        table: table.name,
        mixed: {},
      });
}

function source(
  headers: CellValue[],
  rows: CellValue[][],
  table: boolean,
  sheet = "Data"
): SourceData {
  return {
    kind: table ? "table" : "range",
    tableName: table ? "Deals" : null,
    sheet,
    row: 0,
    col: 0,
    address: `${sheet}!A1:H${rows.length + 1}`,
    headers,
    rows,
    numberFormats: headers.map(() => "General"),
  };
}

describe("the R1C1 form of this test", () => {
  it("is one form for one formula filled down, another for row-specific constants", () => {
    expect(r1c1("=E4*F4", 3, 7)).toBe(r1c1("=E9*F9", 8, 7));
    expect(r1c1("=SUM($E$4:E4)", 3, 7)).toBe(r1c1("=SUM($E$4:E9)", 8, 7));
    expect(r1c1("=IF(N4=5000,0.42,1)", 3, 5)).not.toBe(r1c1("=IF(N5=6000,0.5,1)", 4, 5));
    expect(r1c1('=IF(A4="B4",LOG10(A4),Data!B2)', 3, 2)).toBe(
      r1c1('=IF(A5="B4",LOG10(A5),Data!B3)', 4, 2)
    );
    expect(r1c1("=INDEX(Data!$B$2:$B$9,N4)", 3, 1)).toBe(r1c1("=INDEX(Data!$B$2:$B$9,N8)", 7, 1));
  });
});

const PIPELINE_HEADERS = [
  "Close date",
  "Company",
  "Product",
  "Amount",
  "Probability",
  "Owner",
  "Stage",
  "Forecast category",
];

const dealRow = fc.record({
  date: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 46023, max: 46752 }) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant("soon") }
  ),
  company: fc.constantFrom("Alpha", "Bêta", "Gamma", "Total", null),
  product: fc.constantFrom("Range A", "Range B", null),
  amount: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 50 }).map((k) => k * 500) },
    { weight: 1, arbitrary: fc.constantFrom("1 000 €", "1,000", null) }
  ),
  probability: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 20 }).map((k) => k / 20) },
    { weight: 1, arbitrary: fc.constantFrom("50 %", null, 75) }
  ),
  owner: fc.constantFrom("Anne", "Bruno", null),
  stage: fc.constantFrom("Proposal", "Negotiation", null),
  category: fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom("Commit", "Best case", "Won", "Lost", "Omitted") }
  ),
});

describe("every table Carnet plans holds, in each column, values or one formula", () => {
  it("for the forecast: CarnetPipeline and the three forecast tables, live or stamped, with objectives", () => {
    fc.assert(
      fc.property(
        fc.array(dealRow, { minLength: 0, maxLength: 14 }),
        fc.boolean(),
        fc.constantFrom("month", "quarter", "semester", "year"),
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        (rows, table, periodKind, seed, clean) => {
          // Clean rows (dated, open, readable) from an Excel table make the period table live.
          const src = source(
            PIPELINE_HEADERS,
            rows.map((d, i) => [
              clean ? 46023 + 40 * i : d.date,
              d.company,
              d.product,
              clean ? 1000 + i : d.amount,
              clean ? 0.5 : d.probability,
              d.owner,
              d.stage,
              clean ? null : d.category,
            ]),
            table || clean
          );
          const analysis = analysePipeline(src, {});
          const build = {
            source: src,
            mapping: analysis.mapping,
            deals: analysis.reading.deals,
            periodKind: periodKind as "month",
            stamp: "2026-11-26 10:00",
            currencyFormat: "#,##0",
          };
          // The objectives the user typed last time, on some rows of each table.
          const first = buildForecastPlans(build);
          const objectives = new Map(
            (Object.keys(FORECAST_TABLES) as (keyof typeof FORECAST_TABLES)[]).map((dim) => [
              FORECAST_TABLES[dim].name,
              new Map(
                first.rows[dim]
                  .filter((_, i) => (i + seed) % 3 !== 0)
                  .map((r, i) => [r.key, 1000 * ((i + seed) % 7)] as [string, number])
              ),
            ])
          );
          const plans = buildForecastPlans({ ...build, objectives });
          if (clean && rows.length > 0) expect(plans.live).toBe(true);
          expectSafe(first.plans);
          expectSafe(plans.plans);
        }
      ),
      { numRuns: 150 }
    );
  });

  it("for the matrix: CarnetMatrix, its settings, chart data, Pareto and cut-off marks", () => {
    const figure = fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: -2, max: 40 }).map((k) => k * 100) },
      { weight: 1, arbitrary: fc.constantFrom("12 500 €", "1,000", "", null, "35 %") }
    );
    const share = fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 100 }).map((k) => k / 100) },
      { weight: 1, arbitrary: fc.constantFrom("8 %", "150", 2) }
    );
    const rangeRow = fc.record({
      name: fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 0, max: 30 }).map((k) => `Range ${k}`) },
        { weight: 1, arbitrary: fc.constantFrom("Total", "Sous-total", null) }
      ),
      volume: figure,
      market: figure,
      share,
      sales: figure,
      margin: figure,
      leader: share,
      blank: fc.boolean(),
    });
    const headers = ["Gamme", "Volume", "Marché", "Part de marché", "CA", "Marge", "Leader share"];
    fc.assert(
      fc.property(
        fc.array(rangeRow, { minLength: 0, maxLength: 12 }),
        fc.constantFrom("share", "relative"),
        (rows, measure) => {
          const cells: CellValue[][] = rows.map((r) =>
            r.blank
              ? headers.map(() => null)
              : [r.name, r.volume, r.market, r.share, r.sales, r.margin, r.leader]
          );
          const analysis = analyseRangeTable(source(headers, cells, true, "Products"), {
            measure: measure as "share",
          });
          expectSafe(buildMatrixPlans(matrixBuildOf(analysis, "now")).plans);
        }
      ),
      { numRuns: 150 }
    );
  });

  it("for the matrix from won deals, and CarnetSnapshots", () => {
    const src = source(
      PIPELINE_HEADERS,
      [
        [46100, "Alpha", "Range A", 3000, 1, "Anne", null, "Won"],
        [46110, "Bêta", "Range B", 4000, 1, "Anne", null, "Won"],
        [46120, "Gamma", "Range A", 500, 0.5, "Bruno", null, "Commit"],
      ],
      false
    );
    const deals = analysePipeline(src, {}).reading.deals;
    const ranges = rangesFromWonDeals(
      deals,
      new Map([
        ["Range A", { marketVolume: 10, margin: 1200 }],
        ["Range B", { marketShare: 0.5, margin: 50 }],
      ])
    );
    expectSafe(
      buildMatrixPlans({
        ranges,
        settings: {
          measure: "share",
          strengthCuts: { low: 0.1, high: 0.25 },
          abcShares: { a: 0.8, b: 0.95 },
        },
        source: null,
        stamp: "now",
        currencyFormat: "#,##0",
      }).plans
    );
    const rows = snapshotRows(snapshotFromDeals("Monday", 46000.4, deals));
    expectSafe([snapshotSheetPlan(rows as CellValue[][], "#,##0")]);
  });
});
