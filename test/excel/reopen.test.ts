/**
 * Carnet's sheets after the workbook was closed and opened again (`host.reopen()`): in another
 * session, another Excel, or after another program saved the file, every sheet and table has a new
 * id, and an old id may name another sheet. Carnet knows its sheets from what is in the file: its
 * tables' fixed names and the mark in the note line above them (src/excel/host/owned.ts).
 */
import { compareSnapshots, snapshotFromDeals } from "../../src/domain/snapshots";
import { readObjectives, writeForecast } from "../../src/excel/host/forecast";
import { readHarvestRanges, writeMatrix } from "../../src/excel/host/matrix";
import { OWNED_SHEETS_SETTING } from "../../src/excel/host/owned";
import { appendSnapshot, readSnapshots } from "../../src/excel/host/snapshots";
import { readSource } from "../../src/excel/host/source";
import { analyseRangeTable, matrixBuildOf } from "../../src/taskpane/matrixModel";
import { analysePipeline } from "../../src/taskpane/pipelineModel";
import { formulaWorkbook, type TestWorkbook } from "../support/excel-host";
import { RANGE_HEADERS_FR, TEN_RANGES_IN_CELLS } from "../support/ten-ranges";

const HANDBOOK = [
  ["Date jalon", "Société", "Interlocuteur", "Nature", "Montant", "Probabilité"],
  ["4 avril 2003.", "Alpha.", "Mr. X.", "Produit A.", "1 000 €", "20 %."],
  ["3 avril 2003.", "Bêta.", "Mr. Y.", "Produit B.", "2 000 €", "50 %."],
  ["3 avril 2003", "Gamma.", "Mme. Z.", "Produit C.", "4 000 €", "75 %."],
  ["Total probabilisé du carnet commercial", null, null, null, null, "4 200 €"],
];

const CARNET_TABLES = [
  ["CarnetForecastByOwner", "Carnet Forecast"],
  ["CarnetForecastByPeriod", "Carnet Forecast"],
  ["CarnetForecastByProduct", "Carnet Forecast"],
  ["CarnetPipeline", "Carnet Pipeline"],
];

let book: TestWorkbook;
afterEach(() => book?.dispose());

async function build(stamp = "2026-11-26 10:00") {
  book.host.selection.set("Carnet", "B2");
  const source = await readSource({ kind: "auto" });
  const analysis = analysePipeline(source, {});
  return writeForecast({
    source,
    mapping: analysis.mapping,
    deals: analysis.reading.deals,
    periodKind: "semester",
    objectives: await readObjectives(),
    stamp,
    currencyFormat: "#,##0",
  });
}

function tables() {
  return book.host
    .tables()
    .map((t) => [t.name, t.sheet])
    .sort();
}

/** The objective column's cell of the period table's first row: [sheet, row, col]. */
function objectiveCell(): [string, number, number] {
  const table = book.host.tables().find((t) => t.name === "CarnetForecastByPeriod")!;
  const top = Number(/!\D+(\d+)/.exec(table.address)![1]) - 1;
  return [table.sheet, top + 1, table.headers.indexOf("Objective")];
}

/** The id Carnet stored for its sheet last time, and the id the sheet of that name has now. */
async function ids(preferred: string, sheet: string) {
  const stored = JSON.parse(String(book.host.settings.get(OWNED_SHEETS_SETTING))) as Record<
    string,
    { id: string }
  >;
  const now = await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet).load("id");
    await context.sync();
    return ws.id;
  });
  return { stored: stored[preferred].id, now };
}

async function deleteSheet(name: string) {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(name).delete();
    await context.sync();
  });
}

async function addUserSheet(name: string, rows: (string | number)[][]) {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.add(name);
    sheet.getRangeByIndexes(0, 0, rows.length, rows[0].length).values = rows;
    await context.sync();
  });
}

describe("a rebuild after the workbook was reopened", () => {
  it("finds Carnet's own sheets again, and keeps the objectives typed in between", async () => {
    book = formulaWorkbook({ Carnet: HANDBOOK as never });
    await build();
    const sheets = book.host.sheets();
    book.host.reopen();
    const [sheet, row, col] = objectiveCell();
    book.host.backend.setCells(sheet, row, col, [[5000]]);

    const result = await build("2026-11-27 10:00");
    expect(result.sheets).toEqual({
      "Carnet Pipeline": "Carnet Pipeline",
      "Carnet Forecast": "Carnet Forecast",
    });
    expect(book.host.sheets()).toEqual(sheets);
    expect(tables()).toEqual(CARNET_TABLES);
    expect(book.values(sheet, "A4")[0][0]).toBe("2003-S1");
    expect(book.values(...objectiveCellAddress())[0][0]).toBe(5000);
    expect(String(book.values("Carnet Forecast", "A1")[0][0])).toContain("2026-11-27 10:00");
    // A second reopen and rebuild: still the same sheets, one chart.
    book.host.reopen();
    await build("2026-11-28 10:00");
    expect(book.host.sheets()).toEqual(sheets);
    expect(book.host.charts()).toHaveLength(1);
    expect(book.values(...objectiveCellAddress())[0][0]).toBe(5000);
  });

  it("never writes to the user's sheet made under the name of a Carnet sheet they deleted: Carnet writes (2)", async () => {
    book = formulaWorkbook({ Carnet: HANDBOOK as never });
    await build();
    book.host.reopen();
    await deleteSheet("Carnet Pipeline");
    // In this session, the user's new sheet may take the id Carnet's sheet had in the last one.
    await addUserSheet("Carnet Pipeline", [
      ["My notes", 1],
      ["Keep", 2],
    ]);
    const mine = book.fingerprint("Carnet Pipeline");
    const forecast = book.fingerprint("Carnet Forecast");
    const collision = await ids("Carnet Pipeline", "Carnet Pipeline");
    expect(collision.now).toBe(collision.stored);

    const result = await build("2026-11-27 10:00");
    expect(result.sheets["Carnet Pipeline"]).toBe("Carnet Pipeline (2)");
    expect(result.sheets["Carnet Forecast"]).toBe("Carnet Forecast");
    expect(book.fingerprint("Carnet Pipeline")).toBe(mine);
    expect(book.fingerprint("Carnet Forecast")).not.toBe(forecast); // rewritten: Carnet's own
    expect(book.host.sheets()).toEqual([
      "Carnet",
      "Carnet Forecast",
      "Carnet Pipeline",
      "Carnet Pipeline (2)",
    ]);
    expect(tables()).toContainEqual(["CarnetPipeline", "Carnet Pipeline (2)"]);
  });

  it("never takes the user's sheet for Carnet's when, after another reopen, it has the id Carnet's sheet had", async () => {
    book = formulaWorkbook({ Carnet: HANDBOOK as never });
    await build();
    book.host.reopen();
    await build(); // Carnet's sheets are at positions 1 and 2 now, with those positions' ids.
    await deleteSheet("Carnet Pipeline");
    await addUserSheet("Carnet Pipeline", [["Mine", 42]]);
    // Reopened: Carnet Forecast moves to position 1 (the old pipeline sheet's id), the user's sheet
    // to position 2 (the old forecast sheet's id).
    book.host.reopen();
    const mine = book.fingerprint("Carnet Pipeline");
    const pipelineId = await ids("Carnet Pipeline", "Carnet Forecast");
    const forecastId = await ids("Carnet Forecast", "Carnet Pipeline");
    expect([pipelineId.now, forecastId.now]).toEqual([pipelineId.stored, forecastId.stored]);

    const result = await build("2026-11-28 10:00");
    expect(result.sheets).toEqual({
      "Carnet Pipeline": "Carnet Pipeline (2)",
      "Carnet Forecast": "Carnet Forecast",
    });
    expect(book.fingerprint("Carnet Pipeline")).toBe(mine);
    expect(tables()).toEqual([
      ["CarnetForecastByOwner", "Carnet Forecast"],
      ["CarnetForecastByPeriod", "Carnet Forecast"],
      ["CarnetForecastByProduct", "Carnet Forecast"],
      ["CarnetPipeline", "Carnet Pipeline (2)"],
    ]);
  });

  it("finds its sheets from the file alone when the stored setting is gone, renamed or not", async () => {
    book = formulaWorkbook({ Carnet: HANDBOOK as never });
    await build();
    await Excel.run(async (context) => {
      // Another program saved the file without the add-in's settings; the user renamed a sheet.
      context.workbook.settings.getItem(OWNED_SHEETS_SETTING).delete();
      context.workbook.worksheets.getItem("Carnet Forecast").name = "Prévisions";
      await context.sync();
    });
    book.host.reopen();
    const result = await build("2026-11-27 10:00");
    expect(result.sheets).toEqual({
      "Carnet Pipeline": "Carnet Pipeline",
      "Carnet Forecast": "Prévisions",
    });
    expect(book.host.sheets()).toEqual(["Carnet", "Carnet Pipeline", "Prévisions"]);
  });

  it("finds its sheet after the user inserted rows above Carnet's table", async () => {
    book = formulaWorkbook({ Carnet: HANDBOOK as never });
    await build();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Carnet Pipeline").getRange("A1:Z2").insert("Down");
      await context.sync();
    });
    book.host.reopen();
    await build("2026-11-27 10:00");
    expect(book.host.sheets()).toEqual(["Carnet", "Carnet Pipeline", "Carnet Forecast"]);
    expect(tables()).toEqual(CARNET_TABLES);
  });

  it("still stops, writing nothing, when a user's table has one of Carnet's names on another sheet", async () => {
    book = formulaWorkbook({ Carnet: HANDBOOK as never });
    await build();
    book.host.reopen();
    await deleteSheet("Carnet Forecast");
    await addUserSheet("Mine", [
      ["A", "B"],
      [1, 2],
    ]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Mine").tables.add("A1:B2", true).name =
        "CarnetForecastByOwner";
      await context.sync();
    });
    const pipeline = book.fingerprint("Carnet Pipeline");
    await expect(build("2026-11-27 10:00")).rejects.toThrow(
      /A table named CarnetForecastByOwner already exists on sheet "Mine"/
    );
    expect(book.host.sheets()).toEqual(["Carnet", "Carnet Pipeline", "Mine"]);
    expect(book.fingerprint("Carnet Pipeline")).toBe(pipeline);
  });

  it("stops when a table of Carnet's name is on a sheet that has the same name as Carnet's but not Carnet's mark", async () => {
    book = formulaWorkbook({ Carnet: HANDBOOK as never });
    await build();
    await deleteSheet("Carnet Pipeline");
    await addUserSheet("Carnet Pipeline", [
      ["Deal", "Amount"],
      ["Mine", 2],
    ]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Carnet Pipeline").tables.add("A1:B2", true).name =
        "CarnetPipeline";
      await context.sync();
    });
    book.host.reopen();
    const mine = book.fingerprint("Carnet Pipeline");
    await expect(build("2026-11-27 10:00")).rejects.toThrow(
      /A table named CarnetPipeline already exists on sheet "Carnet Pipeline"/
    );
    expect(book.fingerprint("Carnet Pipeline")).toBe(mine);
  });
});

describe("snapshots after the workbook was reopened", () => {
  it("appends to Carnet's CarnetSnapshots and compares across the sessions", async () => {
    book = formulaWorkbook({ Carnet: HANDBOOK as never });
    book.host.selection.set("Carnet", "B2");
    const deals = analysePipeline(await readSource({ kind: "auto" }), {}).reading.deals;
    await appendSnapshot(snapshotFromDeals("Monday", 46000.4, deals), "#,##0");
    book.host.reopen();
    const won = deals.map((d) => (d.company === "Gamma" ? { ...d, category: "Won" as const } : d));
    await appendSnapshot(snapshotFromDeals("Friday", 46004.7, won), "#,##0");
    expect(book.host.sheets()).toEqual(["Carnet", "Carnet Snapshots"]);
    const { snapshots } = await readSnapshots();
    expect(snapshots.map((s) => s.label)).toEqual(["Monday", "Friday"]);
    expect(compareSnapshots(snapshots[0], snapshots[1]).weightedAfter).toBeCloseTo(1200);
  });

  it("never appends to, nor reads, a user's table named CarnetSnapshots", async () => {
    book = formulaWorkbook({
      Carnet: HANDBOOK as never,
      Mine: [
        ["Label", "Amount"],
        ["x", 1],
      ] as never,
    });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Mine").tables.add("A1:B2", true).name =
        "CarnetSnapshots";
      await context.sync();
    });
    book.host.reopen();
    const mine = book.fingerprint("Mine");
    book.host.selection.set("Carnet", "B2");
    const deals = analysePipeline(await readSource({ kind: "auto" }), {}).reading.deals;
    await expect(
      appendSnapshot(snapshotFromDeals("Monday", 46000.4, deals), "#,##0")
    ).rejects.toThrow(/A table named CarnetSnapshots already exists on sheet "Mine"/);
    await expect(readSnapshots()).rejects.toThrow(/A table named CarnetSnapshots already exists/);
    expect(book.fingerprint("Mine")).toBe(mine);
  });
});

describe("the matrix after the workbook was reopened", () => {
  it("rebuilds on Carnet Matrix, redrawing its two charts, and reads the harvest ranges", async () => {
    book = formulaWorkbook({
      Products: [
        RANGE_HEADERS_FR,
        ...TEN_RANGES_IN_CELLS.map((row) => row.map((c) => (c === "" ? null : c))),
      ] as never,
    });
    const buildMatrix = async (stamp: string) => {
      book.host.selection.set("Products", "B4");
      const analysis = analyseRangeTable(await readSource({ kind: "auto" }), {});
      return writeMatrix(matrixBuildOf(analysis, stamp));
    };
    await buildMatrix("2026-11-26 10:00");
    const harvest = await readHarvestRanges();
    book.host.reopen();
    const result = await buildMatrix("2026-11-27 10:00");
    expect(result.sheet).toBe("Carnet Matrix");
    expect(book.host.sheets()).toEqual(["Products", "Carnet Matrix"]);
    expect(book.host.charts()).toHaveLength(2);
    expect(await readHarvestRanges()).toEqual(harvest);
  });
});

/** objectiveCell() as the test helpers' (sheet, address). */
function objectiveCellAddress(): [string, string] {
  const [sheet, row, col] = objectiveCell();
  return [sheet, `${String.fromCharCode(65 + col)}${row + 1}`];
}
