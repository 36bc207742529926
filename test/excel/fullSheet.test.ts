/**
 * A Carnet table that fills a sheet: 1,048,575 rows under its header, every one a deal. It is made
 * small and grown by blocks (Excel refuses a table of millions of cells in one request), no request
 * or response passes 5 MB, round trips grow with rows ÷ block size, its note stands beside the header
 * (never on a row a deal needs), and a rebuild finds the sheet again by that note. Cancelling lands
 * between two blocks and says what the table holds.
 */
import { writeOwnedSheets } from "../../src/excel/host/owned";
import { Cancelled } from "../../src/excel/plan/progress";
import { SHEET_ROWS, type SheetPlan } from "../../src/excel/plan/sheetPlan";
import { memoryWorkbook, type TestWorkbook } from "../support/excel-host";

jest.setTimeout(240_000);

let book: TestWorkbook;
afterEach(() => book?.dispose());

const FULL = SHEET_ROWS - 1;

function fullPlan(rows: number, formula = true): SheetPlan {
  return {
    sheet: "Carnet Big",
    note: "Every row of the sheet is a deal.",
    noteAt: { row: 0, col: 3 },
    tables: [
      {
        name: "CarnetBig",
        headers: ["Amount", "Weighted"],
        // One formula per row, as CarnetPipeline's weighted amount: a calculated column.
        rows: Array.from({ length: rows }, (_, i) => [
          1000 + (i % 97),
          formula ? `=A${i + 2}*0.5` : i,
        ]),
        numberFormats: ["#,##0", "#,##0"],
        row: 0,
        col: 0,
      },
    ],
  };
}

describe("a Carnet table filling the sheet", () => {
  it("holds every row, is written in blocks under 5 MB, and is found again on a rebuild", async () => {
    book = memoryWorkbook({ Deals: [["x"]] });
    const plan = fullPlan(FULL);
    await writeOwnedSheets([plan]);
    const stats = book.host.stats();
    expect(stats.largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(stats.largestResponseBytes).toBeLessThan(5 * 1024 * 1024);
    expect(stats.syncs).toBeLessThan(60);
    const [table] = book.host.tables().filter((t) => t.name === "CarnetBig");
    expect(table.address).toBe("'Carnet Big'!A:B"); // as Excel writes a range of whole columns
    expect(book.formulas("Carnet Big", "A1048576:B1048576")).toEqual([
      [1000 + ((FULL - 1) % 97), `=A1048576*0.5`],
    ]);
    expect(String(book.values("Carnet Big", "D1")[0][0])).toMatch(
      /^Carnet Big, written by Carnet\. Every row/
    );
    // The rebuild finds Carnet's sheet by the note beside the header, not a new "Carnet Big (2)".
    book.host.resetStats();
    const again = await writeOwnedSheets([plan]);
    expect(again.sheets["Carnet Big"]).toBe("Carnet Big");
    expect(book.host.stats().largestResponseBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it("stops between two blocks when cancelled, and says what the table holds", async () => {
    book = memoryWorkbook({ Deals: [["x"]] });
    const controller = new AbortController();
    let blocks = 0;
    const progress = (phase: string) => {
      if (phase === "Writing" && ++blocks === 2) controller.abort();
    };
    await expect(
      writeOwnedSheets([fullPlan(FULL, false)], progress, controller.signal)
    ).rejects.toThrow(
      new Cancelled(
        "Cancelled while writing CarnetBig: it holds the rows written so far. Build again to write them all."
      )
    );
    const [table] = book.host.tables().filter((t) => t.name === "CarnetBig");
    const rows = Number(/B(\d+)$/.exec(table.address)![1]);
    expect(rows).toBeGreaterThan(2);
    expect(rows).toBeLessThan(SHEET_ROWS);
    // The rebuild writes it whole, without taking the cut-short table for one the user typed in.
    await writeOwnedSheets([fullPlan(1000, false)]);
    expect(book.host.tables().find((t) => t.name === "CarnetBig")!.address).toBe(
      "'Carnet Big'!A1:B1001"
    );
  });
});

describe("Cancel during the forecast's computation", () => {
  it("lands before anything is written", async () => {
    const { readSource } = await import("../../src/excel/host/source");
    const { writeForecast } = await import("../../src/excel/host/forecast");
    const { analysePipeline } = await import("../../src/taskpane/pipelineModel");
    book = memoryWorkbook({
      Ventes: [
        ["Close date", "Amount", "Probability"],
        [46400, 1000, 0.2],
        [46401, 2000, 0.5],
      ],
    });
    const source = await readSource({ kind: "range", address: "Ventes!A1:C3" });
    const analysis = analysePipeline(source, {});
    const controller = new AbortController();
    const phases: string[] = [];
    const progress = (phase: string) => {
      phases.push(phase);
      if (phase === "Computing the forecast") controller.abort(); // the user clicks Cancel now
    };
    const build = {
      source,
      mapping: analysis.mapping,
      deals: analysis.reading.deals,
      periodKind: "quarter" as const,
      stamp: "now",
      currencyFormat: "#,##0",
    };
    await expect(writeForecast(build, progress, controller.signal)).rejects.toBeInstanceOf(
      Cancelled
    );
    expect(phases).toEqual(["Computing the forecast"]);
    expect(book.host.tables()).toEqual([]);
  });
});
