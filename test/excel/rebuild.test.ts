/**
 * Carnet's tables under Excel's calculated columns (src/workbench/sim/README.md): a rebuild writes into
 * the tables of the last build, where Excel fills a formula written into a table column over the whole
 * column when the column's other cells are blank or hold one formula. Every build and rebuild here, with
 * other data and other numbers of rows, must leave every cell of every Carnet table as the plan meant,
 * and nothing of an earlier, longer table below it. Needs `npm run build` first (dist/functions.js).
 */
import { dealTableOf } from "../../src/domain/dealTable";
import { readObjectives, writeForecast } from "../../src/excel/host/forecast";
import { writeMatrix } from "../../src/excel/host/matrix";
import { appendSnapshot } from "../../src/excel/host/snapshots";
import { readSource } from "../../src/excel/host/source";
import { currencyFormatFor } from "../../src/excel/plan/currencyFormat";
import { buildForecastPlans, type ForecastBuild } from "../../src/excel/plan/forecastPlan";
import { buildMatrixPlans } from "../../src/excel/plan/matrixPlan";
import { planRows, type SheetPlan } from "../../src/excel/plan/sheetPlan";
import { snapshotFromDeals, snapshotRows } from "../../src/domain/snapshots";
import { analyseRangeTable, matrixBuildOf } from "../../src/taskpane/matrixModel";
import { analysePipeline } from "../../src/taskpane/pipelineModel";
import { formulaWorkbook, type TestWorkbook } from "../support/excel-host";
import { RANGE_HEADERS_FR, TEN_RANGES_IN_CELLS } from "../support/ten-ranges";

const OLDEST = { ExcelApi: "1.8", CustomFunctionsRuntime: "1.2" };

type Row = (string | number | null)[];
const HEADERS: Row = [
  "Close date",
  "Company",
  "Product",
  "Amount",
  "Probability",
  "Owner",
  "Category",
];

/** `n` deals over 2027, several owners and products, some won or lost: the figures are stamped. */
function deals(n: number, seed: number): Row[] {
  return Array.from({ length: n }, (_, i) => {
    const k = i + seed;
    return [
      `2027-${String(1 + ((k * 5) % 12)).padStart(2, "0")}-${String(1 + ((k * 7) % 27)).padStart(2, "0")}`,
      `Company ${k}`,
      `Range ${k % 3}`,
      1000 * (1 + ((k * 3) % 7)),
      ((k * 13) % 9) / 10 + 0.05,
      ["Anne", "Bruno", "Chloé", "Driss"][k % (2 + (n % 3))],
      k % 5 === 0 ? "Won" : k % 7 === 0 ? "Lost" : "Pipeline",
    ];
  });
}

let book: TestWorkbook;
afterEach(() => book?.dispose());

/** What a plan's cell is once written: a formula as text, text without its quote, a blank as "". */
function asWritten(value: unknown): unknown {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" && value.startsWith("'")) return value.slice(1);
  // A formula's quotes around a plain sheet name are not kept: Excel (and the engine) read
  // ='Ventes'!A1 back as =Ventes!A1.
  if (typeof value === "string" && value.startsWith("="))
    return value.replace(/'([A-Za-z_][A-Za-z0-9_.]*)'!/g, "$1!");
  return value;
}

/**
 * Every cell of every planned table holds what the plan says; the tables are where and as large as
 * planned; no cell of the sheet outside them and the note holds anything.
 */
function expectAsPlanned(plans: readonly SheetPlan[], sheets: Record<string, string>) {
  const { backend } = book.host;
  for (const plan of plans) {
    const sheet = sheets[plan.sheet];
    const filled = new Set<string>(plan.note ? ["0,0"] : []);
    for (const table of plan.tables) {
      const rows = Math.max(table.rows.length, 1);
      const cols = table.headers.length;
      const info = book.host.tables().find((t) => t.name === table.name);
      expect(info?.address.split("!").pop()).toBe(
        `${letters(table.col)}${table.row + 1}:${letters(table.col + cols - 1)}${table.row + 1 + rows}`
      );
      const body = backend.getFormulas(sheet, table.row + 1, table.col, rows, cols);
      const planned = table.rows.length === 0 ? [table.headers.map(() => "")] : planRows(table);
      const wanted = planned.map((line) => line.map(asWritten));
      const got = body.map((line, i) =>
        line.map((cell, j) =>
          typeof cell === "number" && typeof wanted[i][j] === "number"
            ? Math.abs(cell - (wanted[i][j] as number)) < 1e-9
              ? wanted[i][j]
              : cell
            : cell
        )
      );
      expect({ table: table.name, cells: got }).toEqual({ table: table.name, cells: wanted });
      for (let i = 0; i <= rows; i += 1)
        for (let j = 0; j < cols; j += 1) filled.add(`${table.row + i},${table.col + j}`);
    }
    const used = backend.usedRange(sheet)!;
    const cells = backend.getFormulas(sheet, used.row, used.col, used.rows, used.cols);
    const strays: string[] = [];
    cells.forEach((line, i) =>
      line.forEach((cell, j) => {
        const at = `${used.row + i},${used.col + j}`;
        if (cell !== "" && !filled.has(at)) strays.push(`${at}: ${String(cell)}`);
      })
    );
    expect({ sheet, strays }).toEqual({ sheet, strays: [] });
  }
}

function letters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

async function forecastOf(sheet: string, stamp: string): Promise<ForecastBuild> {
  book.host.selection.set(sheet, "B2");
  const source = await readSource({ kind: "auto" });
  const analysis = analysePipeline(source, {});
  return {
    source,
    mapping: analysis.mapping,
    deals: analysis.reading.deals,
    periodKind: "quarter",
    objectives: await readObjectives(),
    stamp,
    currencyFormat: currencyFormatFor(source, [analysis.mapping.amount], 2),
  };
}

/** Builds the forecast, checks every table against its plan; returns the plans. */
async function buildForecast(sheet: string, stamp: string, replaceTyped = false) {
  const build = await forecastOf(sheet, stamp);
  const result = await writeForecast(build, undefined, undefined, { replaceTyped });
  const planned = buildForecastPlans(build);
  expectAsPlanned(planned.plans, result.sheets);
  return { result, planned };
}

/** A table column's computed values, by header. */
function columnValues(table: string, header: string): unknown[] {
  const info = book.host.tables().find((t) => t.name === table)!;
  const [start, end] = info.address.split("!").pop()!.split(":");
  const first = Number(/\d+/.exec(start)![0]);
  const last = Number(/\d+/.exec(end)![0]);
  const left =
    [...start.replace(/\d+/, "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return book.host.backend
    .getValues(info.sheet, first, left + info.headers.indexOf(header), last - first, 1)
    .map((line) => line[0]);
}

/** Types an objective on every row of a forecast table, as a user does between builds. */
function typeObjectives(table: string, sheet: string, objective: (row: number) => number) {
  const info = book.host.tables().find((t) => t.name === table)!;
  const [start, end] = info.address.split("!").pop()!.split(":");
  const col = info.headers.indexOf("Objective");
  const first = Number(/\d+/.exec(start)![0]);
  const last = Number(/\d+/.exec(end)![0]);
  const left = info.address.split("!").pop()!.replace(/\d.*/, "");
  const leftIndex = [...left].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  book.host.backend.setCells(
    sheet,
    first,
    leftIndex + col,
    Array.from({ length: last - first }, (_, i) => [objective(i)])
  );
}

describe.each([
  ["Excel on the web (tables resized)", undefined],
  ["ExcelApi 1.8 (tables deleted and added again)", OLDEST],
])("rebuilding over Carnet's tables, with calculated columns, on %s", (_, requirementSets) => {
  it("leaves the stamped forecast as planned, objectives and their probabilities included", async () => {
    book = formulaWorkbook(
      { Ventes: [HEADERS, ...deals(9, 1)] as never },
      requirementSets && { requirementSets }
    );
    const first = await buildForecast("Ventes", "2026-11-26 10:00");
    expect(first.result.live).toBe(false);
    const sheet = first.result.sheets["Carnet Forecast"];
    typeObjectives("CarnetForecastByPeriod", sheet, (i) => 3000 + 1000 * i);
    typeObjectives("CarnetForecastByOwner", sheet, (i) => 5000 - 500 * i);
    const second = await buildForecast("Ventes", "2026-11-26 11:00");
    const byPeriod = second.planned.rows.period;
    expect(byPeriod.every((r) => r.objective !== null)).toBe(true);
    // Each row's probability of objective is its own, as the domain computed it...
    const probabilities = byPeriod.map((r) => r.probabilityOfObjective);
    expect(new Set(probabilities).size).toBeGreaterThan(1);
    expect(columnValues("CarnetForecastByPeriod", "Probability of objective")).toEqual(
      probabilities.map((p) => expect.closeTo(p!, 12))
    );
    const byOwner = second.planned.rows.owner.map((r) => r.probabilityOfObjective);
    expect(columnValues("CarnetForecastByOwner", "Probability of objective")).toEqual(
      byOwner.map((p) => expect.closeTo(p!, 12))
    );
    // ...and asks for a rebuild once its objective changes.
    typeObjectives("CarnetForecastByPeriod", sheet, (i) => (i === 1 ? 123 : 3000 + 1000 * i));
    expect(columnValues("CarnetForecastByPeriod", "Probability of objective")).toEqual(
      probabilities.map((p, i) => (i === 1 ? "rebuild" : expect.closeTo(p!, 12)))
    );

    // Fewer deals (fewer periods, owners and rows), then more.
    book.host.backend.clear("Ventes", 0, 0, 40, 7);
    book.host.backend.setCells("Ventes", 0, 0, [HEADERS, ...deals(4, 3)] as never);
    // The objective of a period left without a deal would go: the build says so first.
    await expect(buildForecast("Ventes", "2026-11-26 12:00")).rejects.toThrow(
      /^You typed over a cell of CarnetForecastByPeriod since the last build: 'Carnet Forecast'!N7 \(Objective: 6000\)/
    );
    await buildForecast("Ventes", "2026-11-26 12:00", true);
    book.host.backend.setCells("Ventes", 0, 0, [HEADERS, ...deals(14, 2)] as never);
    typeObjectives("CarnetForecastByProduct", sheet, (i) => 2000 * (i + 1));
    await buildForecast("Ventes", "2026-11-26 13:00");
  });

  it("leaves the forecast as planned when a deal of a live source has no close date", async () => {
    const rows = deals(6, 1).map((row) => [...row.slice(0, 6), "Pipeline"]);
    rows[2][0] = null;
    book = formulaWorkbook(
      { Ventes: [HEADERS, ...rows] as never },
      requirementSets && { requirementSets }
    );
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Ventes").tables.add("A1:G7", true).name = "Deals";
      await context.sync();
    });
    await buildForecast("Ventes", "2026-11-26 10:00");
    const { result, planned } = await buildForecast("Ventes", "2026-11-26 11:00");
    // The undated deal's row, "(none)", has no Start and End for a formula to filter on.
    expect(planned.rows.period.at(-1)?.key).toBe("(none)");
    expect(result.live).toBe(false);
  });

  it("leaves the live forecast as planned when the source table grows and shrinks", async () => {
    const open = (n: number, seed: number) =>
      deals(n, seed).map((row) => [...row.slice(0, 6), "Pipeline"]);
    book = formulaWorkbook(
      { Ventes: [HEADERS, ...open(6, 1)] as never },
      requirementSets && { requirementSets }
    );
    // The user's table over its deals (made again over the new rows: Table.resize is not in 1.8).
    const addTable = async (rows: number) =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Ventes");
        const existing = sheet.tables.getItemOrNullObject("Deals");
        await context.sync();
        if (!existing.isNullObject) existing.convertToRange();
        sheet.tables.add(`A1:G${rows + 1}`, true).name = "Deals";
        await context.sync();
      });
    await addTable(6);
    const first = await buildForecast("Ventes", "2026-11-26 10:00");
    expect(first.result.live).toBe(true);
    typeObjectives(
      "CarnetForecastByPeriod",
      first.result.sheets["Carnet Forecast"],
      (i) => 2000 * (i + 1)
    );
    await buildForecast("Ventes", "2026-11-26 11:00");
    book.host.backend.setCells("Ventes", 1, 0, open(11, 4) as never);
    await addTable(11);
    await buildForecast("Ventes", "2026-11-26 12:00");
    book.host.backend.clear("Ventes", 4, 0, 10, 7);
    await addTable(3);
    await buildForecast("Ventes", "2026-11-26 13:00");
  });
  it("leaves the matrix as planned: source references, chart helper rows, Pareto and settings", async () => {
    book = formulaWorkbook(
      { Products: [RANGE_HEADERS_FR, ...TEN_RANGES_IN_CELLS] as never },
      requirementSets && { requirementSets }
    );
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Products").tables.add("A1:F13", true).name = "Ranges";
      await context.sync();
    });
    const buildMatrix = async (stamp: string) => {
      book.host.selection.set("Products", "B4");
      const build = matrixBuildOf(analyseRangeTable(await readSource({ kind: "auto" }), {}), stamp);
      const result = await writeMatrix(build);
      expectAsPlanned(buildMatrixPlans(build).plans, result.sheets);
    };
    await buildMatrix("2026-11-26 10:00");
    await buildMatrix("2026-11-26 11:00");
    // Four ranges fewer, the blank row and the total gone: the source table ends in blank rows.
    const kept = TEN_RANGES_IN_CELLS.filter((row, i) => i < 5 || i === 6 || i === 9);
    book.host.backend.clear("Products", 1, 0, 12, 6);
    book.host.backend.setCells("Products", 1, 0, kept as never);
    await buildMatrix("2026-11-26 12:00");
    // And back to the ten, with the blank row and the total: the tables grow again.
    book.host.backend.setCells("Products", 1, 0, TEN_RANGES_IN_CELLS as never);
    await buildMatrix("2026-11-26 13:00");
  });
});

describe("CarnetSnapshots under calculated columns", () => {
  it("holds every appended snapshot's rows as they were taken", async () => {
    book = formulaWorkbook({ Ventes: [HEADERS, ...deals(5, 1)] as never });
    const build = await forecastOf("Ventes", "now");
    const read = dealTableOf(build.deals).toArray();
    const monday = snapshotFromDeals("Monday", 46000.4, read);
    const friday = snapshotFromDeals("Friday", 46004.7, read.slice(1));
    await appendSnapshot(monday, "#,##0");
    await appendSnapshot(friday, "#,##0");
    const rows = [...snapshotRows(monday), ...snapshotRows(friday)];
    const info = book.host.tables().find((t) => t.name === "CarnetSnapshots")!;
    const body = book.host.backend.getValues(info.sheet, 3, 0, rows.length, info.headers.length);
    expect(body).toEqual(rows.map((line) => line.map((v) => (v === null ? "" : v))));
  });
});
