/**
 * "Build matrix" against the simulated Excel host over a HyperFormula workbook with the built CARNET
 * functions: the ten-range workbook read as the pane reads it, written as the pane writes it, then
 * the sheet's computed values, the charts, a margin edited in the source, and a second run.
 * Needs `npm run build` first (dist/functions.js).
 */
import { rangeKey } from "../../src/domain/productRanges";
import type { CellValue } from "../../src/domain/values";
import { readHarvestRanges, readPipelineTable, writeMatrix } from "../../src/excel/host/matrix";
import { MATRIX_SHEET } from "../../src/excel/plan/matrixPlan";
import { readSource } from "../../src/excel/host/source";
import { analyseRangeTable, matrixBuildOf } from "../../src/taskpane/matrixModel";
import {
  createExcelHost,
  createHyperFormulaBackend,
  type ExcelHost,
  type WorkbookBackend,
} from "../../src/workbench/sim";
import { carnetEngine } from "../support/carnet-engine";
import "../support/office-client";
import {
  RANGE_HEADERS_FR,
  TEN_RANGE_ANSWERS,
  TEN_RANGES_IN_CELLS,
  TEN_RANGE_NAMES,
} from "../support/ten-ranges";

// The ten ranges: one loss-making (Foxtrot), two equal margins (Delta, Echo), a text margin
// "12 500 €" (Charlie), a blank market volume (Hotel), a share typed as text (Echo), a blank row, a total.
const HEADERS = RANGE_HEADERS_FR;
const TEN: CellValue[][] = TEN_RANGES_IN_CELLS;
const NAMES = TEN_RANGE_NAMES;

let backend: WorkbookBackend;
let host: ExcelHost;
let uninstall: () => void;

beforeEach(async () => {
  const hf = carnetEngine({
    Notes: [["My own notes", 42]],
    Products: [HEADERS, ...TEN.map((row) => row.map((c) => (c === "" ? null : c)))],
  });
  backend = createHyperFormulaBackend(hf);
  host = createExcelHost(backend);
  uninstall = host.install();
  await Excel.run(async (context) => {
    const table = context.workbook.worksheets.getItem("Products").tables.add("A1:F13", true);
    table.name = "Ranges";
    await context.sync();
  });
  host.selection.set("Products", "B4");
});

afterEach(() => uninstall());

async function build(stamp = "2026-11-26 10:00") {
  const source = await readSource({ kind: "auto" });
  const analysis = analyseRangeTable(source, {});
  expect(analysis.problems).toEqual([]);
  return { analysis, result: await writeMatrix(matrixBuildOf(analysis, stamp)) };
}

/** CarnetMatrix as computed now, one record per range by header. */
function matrixTable(): Record<string, CellValue>[] {
  const info = host.tables().find((t) => t.name === "CarnetMatrix")!;
  const [cells] = info.address.split("!").slice(-1);
  const [start, end] = cells.split(":");
  const rowOf = (a: string) => Number(/\d+/.exec(a)![0]) - 1;
  const top = rowOf(start);
  const values = backend.getValues(info.sheet, top + 1, 0, rowOf(end) - top, info.headers.length);
  return values.map((row) => Object.fromEntries(info.headers.map((h, i) => [h, row[i]])));
}

function byRange(rows: Record<string, CellValue>[], header: string): Record<string, CellValue> {
  return Object.fromEntries(rows.map((r) => [String(r.Range), r[header]]));
}

/** Everything a sheet holds: formulas and values as stored, and number formats, over its used range. */
function sheetDump(name: string): unknown {
  const used = backend.usedRange(name);
  if (!used) return null;
  const { row, col, rows, cols } = used;
  return {
    used,
    formulas: backend.getFormulas(name, row, col, rows, cols),
    values: backend.getValues(name, row, col, rows, cols),
    formats: backend.getNumberFormats(name, row, col, rows, cols),
  };
}

describe("Build matrix on the ten-range workbook", () => {
  it("writes CarnetMatrix whose live formulas give domain.md's classes, cells and zones", async () => {
    const { result } = await build();
    expect(result.sheet).toBe(MATRIX_SHEET);
    expect(result.tables).toEqual([
      "CarnetMatrix",
      "CarnetMatrixSettings",
      "CarnetMatrixChartData",
      "CarnetMatrixPareto",
      "CarnetMatrixCutMarks",
    ]);
    const rows = matrixTable();
    expect(rows.map((r) => r.Range)).toEqual(NAMES);
    expect(byRange(rows, "ABC class")).toEqual(TEN_RANGE_ANSWERS["ABC class"]);
    expect(byRange(rows, "Strength")).toEqual(TEN_RANGE_ANSWERS["Strength"]);
    expect(byRange(rows, "Nine-box cell")).toEqual(TEN_RANGE_ANSWERS["Nine-box cell"]);
    expect(byRange(rows, "Zone")).toEqual(TEN_RANGE_ANSWERS["Zone"]);
  });

  it("reads the source's figures, the text margin as 12 500, and agrees with the domain's shares", async () => {
    const { analysis } = await build();
    const rows = matrixTable();
    expect(byRange(rows, "Margin").Charlie).toBe(12500);
    expect(byRange(rows, "Market volume").Hotel).toBe("");
    expect(byRange(rows, "Market share").Echo).toBe(0.08);
    analysis.rows.forEach((expected, i) => {
      const got = rows[i];
      const near = (value: CellValue, want: number | null) =>
        want === null ? expect(value).toBe("") : expect(value as number).toBeCloseTo(want, 9);
      near(got["Market share"], expected.range.marketShare);
      near(got["Margin share"], expected.marginShare);
      near(got["Cumulative share"], expected.cumulativeShare);
      expect(got.Attractiveness).toBe(expected.attractiveness ?? "");
    });
    // The margin column reads the source cell itself: a live formula, not a copy. Each range's row in the
    // source (Row in source, column N) picks its cell: one formula down the column, past the blank row.
    const info = host.tables().find((t) => t.name === "CarnetMatrix")!;
    const formulas = backend.getFormulas(info.sheet, 3, 5, 10, 1).map((line) => line[0]);
    expect(formulas[0]).toBe('=IFERROR(CARNET.AMOUNT(INDEX(Products!$F$2:$F$13,N4)),"")');
    expect(formulas[9]).toBe('=IFERROR(CARNET.AMOUNT(INDEX(Products!$F$2:$F$13,N13)),"")');
    expect(backend.getValues(info.sheet, 3, 13, 10, 1).map((line) => line[0])).toEqual([
      1, 2, 3, 4, 5, 7, 8, 9, 10, 11,
    ]);
  });

  it("draws the bubble chart with one labelled point per range, the cut-offs, and the Pareto chart", async () => {
    await build();
    const charts = host.charts();
    expect(charts.map((c) => [c.sheet, c.name, c.type])).toEqual([
      [MATRIX_SHEET, "CarnetMatrixBubbleChart", "Bubble"],
      [MATRIX_SHEET, "CarnetMatrixParetoChart", "ColumnClustered"],
    ]);
    const [bubble, pareto] = charts;
    const ranges = bubble.series.slice(0, NAMES.length);
    expect(ranges.map((s) => s.name)).toEqual(NAMES);
    expect(ranges.every((s) => s.values.length === 1)).toBe(true);
    const point = Object.fromEntries(
      ranges.map((s) => [s.name, [s.xValues?.[0], s.values[0], s.bubbleSizes?.[0]]])
    );
    expect(point.Alpha).toEqual([0.3, 3, 450000]);
    expect(point.Charlie).toEqual([0.12, 2, 80000]);
    expect(point.Juliet).toEqual([0.05, 1, 10000]);
    expect(point.Hotel[1]).toBeNull(); // no market share: no bubble
    // The cut-offs: grey dotted lines (7 small bubbles each), without labels; the ranges labelled by name.
    expect(
      bubble.series
        .slice(NAMES.length)
        .map((s) => [s.name, [...new Set(s.xValues)], s.values.length, s.fill, s.dataLabels])
    ).toEqual([
      ["Weak | Medium", [0.1], 7, "#7F7F7F", undefined],
      ["Medium | Strong", [0.25], 7, "#7F7F7F", undefined],
    ]);
    expect(ranges.every((s) => s.dataLabels?.showSeriesName === true)).toBe(true);
    expect(bubble.legend.visible).toBe(false);
    expect(bubble.axes.category).toMatchObject({ numberFormat: "0%", minimum: 0, maximum: 0.4 });
    expect(pareto.series.map((s) => s.name)).toEqual(["Margin share", "Cumulative share"]);
    expect(pareto.series[0].xValues).toEqual([
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
    const line = pareto.series[1].values as number[];
    expect(line[line.length - 1]).toBeCloseTo(1, 9);
    for (let i = 1; i < line.length; i++) expect(line[i]).toBeGreaterThanOrEqual(line[i - 1]);
  });

  it("reclassifies through the live formulas when a margin is edited in the source", async () => {
    await build();
    // Juliet's margin (Products!F12) from 1 500 to 150 000 as text: it now leads the portfolio.
    backend.setCells("Products", 11, 5, [["150 000 €"]]);
    const rows = matrixTable();
    expect(byRange(rows, "Margin").Juliet).toBe(150000);
    expect(byRange(rows, "ABC class").Juliet).toBe("A");
    expect(byRange(rows, "Zone").Juliet).toBe("Selectivity"); // A (High) × Weak
    expect(byRange(rows, "ABC class").Delta).toBe("B"); // pushed past the 80 % line
    const pareto = host.charts()[1];
    expect(pareto.series[0].xValues?.[0]).toBe("Juliet"); // the Pareto order follows
    // Delta and Echo now start past the 80 % line: Echo (8 %, weak) drops into Harvest / divest, Juliet leaves it.
    expect(await readHarvestRanges()).toEqual(
      new Set(["echo", "foxtrot", "golf elite"].map(rangeKey))
    );
    // And every live class, cell and zone is what the pane computes from the edited source.
    const again = analyseRangeTable(await readSource({ kind: "table", name: "Ranges" }), {});
    expect(rows.map((r) => [r.Range, r["ABC class"], r["Nine-box cell"], r.Zone])).toEqual(
      again.rows.map((r) => [r.range.name, r.abc, r.cell ?? "", r.zone ?? ""])
    );
  });

  it("keeps the Pareto's rows of the build: its note says to build again when a margin changes sign", async () => {
    await build();
    const pareto = () => {
      const info = host.tables().find((t) => t.name === "CarnetMatrixPareto")!;
      const [, letters, row] = /!\$?([A-Z]+)\$?(\d+)/.exec(info.address)!;
      const left = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const bottom = Number(/(\d+)$/.exec(info.address)![1]);
      const col = left + info.headers.indexOf("Range");
      return backend.getValues(info.sheet, Number(row), col, bottom - Number(row), 1).flat();
    };
    const note = () => String(backend.getValues(MATRIX_SHEET, 0, 0, 1, 1)[0][0]);
    expect(pareto()).toHaveLength(9); // Foxtrot loses money
    // A margin edited among those nine: the order follows live.
    backend.setCells("Products", 11, 5, [["150 000 €"]]); // Juliet
    expect(pareto()[0]).toBe("Juliet");
    // Foxtrot turns profitable: ten ranges make money, but the table keeps its nine rows, which the note says.
    backend.setCells("Products", 7, 5, [["40 000 €"]]);
    expect(pareto()).toHaveLength(9);
    expect(pareto()).toContain("Foxtrot");
    expect(note()).toContain(
      "CarnetMatrixPareto and its chart list the 9 ranges with a positive margin at this build, in margin " +
        "order, live; build again when a margin turns positive or stops being positive."
    );
    // And a build gives it its ten rows.
    await build("2026-11-26 11:00");
    expect(pareto()).toHaveLength(10);
    expect(note()).toContain("list the 10 ranges with a positive margin at this build");
  });

  it("replaces only its own output on a second run, leaving the user's sheets byte-identical", async () => {
    const before = { products: sheetDump("Products"), notes: sheetDump("Notes") };
    await build("2026-11-26 10:00");
    const sheetsAfterFirst = host.sheets();
    await build("2026-11-26 11:00");
    expect(host.sheets()).toEqual(sheetsAfterFirst);
    expect(host.sheets().filter((s) => s.startsWith("Carnet"))).toEqual([MATRIX_SHEET]);
    expect(sheetDump("Products")).toEqual(before.products);
    expect(sheetDump("Notes")).toEqual(before.notes);
    expect(host.charts()).toHaveLength(2);
    expect(
      host
        .tables()
        .map((t) => t.name)
        .sort()
    ).toEqual([
      "CarnetMatrix",
      "CarnetMatrixChartData",
      "CarnetMatrixCutMarks",
      "CarnetMatrixPareto",
      "CarnetMatrixSettings",
      "Ranges",
    ]);
    expect(String(backend.getValues(MATRIX_SHEET, 0, 0, 1, 1)[0][0])).toContain("11:00");
  });

  it("keeps the syncs few, whatever the number of ranges", async () => {
    const source = await readSource({ kind: "auto" });
    const analysis = analyseRangeTable(source, {});
    host.resetStats();
    await writeMatrix(matrixBuildOf(analysis, "now"));
    const ten = host.stats().syncs;
    // The workbook's language, found and kept (two, the first time); writeOwnedSheets: settings and
    // tables, the sheet, one block per table, the tables, the end; then the charts.
    expect(ten).toBeLessThanOrEqual(13);

    const many = Array.from({ length: 100 }, (_, i) => [
      `Range ${i}`,
      10 + i,
      5000,
      null,
      1000 + i,
      100 + i,
    ]);
    backend.setCells("Products", 13, 0, many);
    const big = analyseRangeTable(
      await readSource({ kind: "range", address: "Products!A1:F113" }),
      {}
    );
    host.resetStats();
    await writeMatrix(matrixBuildOf(big, "now"));
    // A rebuild resizes the tables in the syncs that write them (one sync fewer), and first checks
    // that no table grows over cells the user typed (one or two syncs more) and reads its tables
    // back to find figures typed inside them (one more, all tables together): never more than that.
    expect(host.stats().syncs).toBeLessThanOrEqual(ten + 3);
    expect(host.stats().syncs).toBeGreaterThanOrEqual(ten - 1);
  });

  it("finds the harvest ranges from the matrix's figures, not from its Zone formulas, which may still be #BUSY!", async () => {
    await build();
    const computed = await readHarvestRanges();
    expect(computed.size).toBeGreaterThan(0);
    // Excel computes custom functions asynchronously (and not at all in manual mode): the Zone
    // column may read #BUSY! or a stale zone when the pane asks. Here every zone reads #BUSY!.
    const table = host.tables().find((t) => t.name === "CarnetMatrix")!;
    const zoneCol = table.headers.indexOf("Zone");
    const [sheet, range] = [table.sheet, table.address.split("!").pop()!];
    const rows = Number(/(\d+)$/.exec(range)![1]) - Number(/^[A-Z]+(\d+)/.exec(range)![1]);
    const firstRow = Number(/^[A-Z]+(\d+)/.exec(range)![1]);
    backend.setCells(
      sheet,
      firstRow,
      zoneCol,
      Array.from({ length: rows }, () => ["#BUSY!"])
    );
    expect(await readHarvestRanges()).toEqual(computed);
  });

  it("reads no pipeline and no harvest ranges from a workbook that has neither", async () => {
    expect(await readPipelineTable()).toBeNull();
    expect(await readHarvestRanges()).toEqual(new Set());
  });
});

describe("range names that Excel's typing would turn into something else", () => {
  it("are written to CarnetMatrix and its Pareto as the user's text, and read back for the harvest", async () => {
    const hf = carnetEngine({
      Gammes: [
        ["Gamme", "Part de marché", "Marge"],
        ["'3/4", 0.05, 1000],
        ["'TRUE", 0.3, 50000],
        ["'00123", 0.15, 9000],
        ["'+33 1", 0.02, 500],
      ],
    });
    backend = createHyperFormulaBackend(hf);
    host = createExcelHost(backend);
    uninstall();
    uninstall = host.install();
    host.selection.set("Gammes", "A2");
    await build();
    expect(matrixTable().map((r) => r.Range)).toEqual(["3/4", "TRUE", "00123", "+33 1"]);
    const pareto = host.tables().find((t) => t.name === "CarnetMatrixPareto")!;
    const [, letters, row] = /!\$?([A-Z]+)\$?(\d+)/.exec(pareto.address)!;
    const left = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const rangeCol = left + pareto.headers.indexOf("Range");
    const names = backend.getValues(pareto.sheet, Number(row), rangeCol, 4, 1).map((r) => r[0]);
    expect(names).toEqual(["TRUE", "00123", "3/4", "+33 1"]);
    // Weak shares on C-class margins: Divest and Manage for earnings are harvest / divest.
    expect([...(await readHarvestRanges())].sort()).toEqual(
      ["3/4", "+33 1"].map((name) => rangeKey(name)).sort()
    );
  });
});
