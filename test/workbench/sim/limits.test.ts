import { MAX_ROWS } from "../../../src/workbench/sim/address";
import { memoryHost, officeErrorOf } from "./hosts";

const MB = 1024 * 1024;

/** One column of text rows whose JSON (`[["xx…x"],…]`) is about `bytes` long. */
function textColumn(bytes: number): string[][] {
  const text = "x".repeat(95); // each row serializes as ["x…x"], : 100 characters
  return Array.from({ length: Math.ceil(bytes / 100) }, () => [text]);
}

describe("request payload limit (5 MB in Excel on the web)", () => {
  it("refuses a sync that sends more than 5 MB, and applies nothing of it", async () => {
    const { host, backend } = memoryHost();
    const values = textColumn(5.2 * MB);
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.getRange("Z1").values = [["small write in the same batch"]];
        sheet.getRangeByIndexes(0, 0, values.length, 1).values = values;
        await context.sync();
      })
    );
    expect(error).toBeInstanceOf(OfficeExtension.Error);
    expect(error).toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
      httpStatusCode: 400,
      // The string Microsoft's client shows for this transport failure in Excel on the web.
      message: expect.stringMatching(
        /^The request payload size has exceeded the limit\. Please refer/
      ),
    });
    expect(backend.usedRange("Sheet1")).toBeNull();
    expect(host.stats().largestRequestBytes).toBeGreaterThan(5 * MB);
  });

  it("accepts a 4 MB write", async () => {
    const { host, backend } = memoryHost();
    const values = textColumn(4 * MB);
    await host.Excel.run(async (context) => {
      context.workbook.worksheets
        .getActiveWorksheet()
        .getRangeByIndexes(0, 0, values.length, 1).values = values;
      await context.sync();
    });
    expect(backend.usedRange("Sheet1")).toEqual({ row: 0, col: 0, rows: values.length, cols: 1 });
    expect(host.stats().largestRequestBytes).toBeGreaterThan(3.9 * MB);
  });

  it("has no payload limit on the desktop platforms", async () => {
    const { host } = memoryHost(undefined, { platform: "PC" });
    const values = textColumn(5.2 * MB);
    await host.Excel.run(async (context) => {
      context.workbook.worksheets
        .getActiveWorksheet()
        .getRangeByIndexes(0, 0, values.length, 1).values = values;
      await context.sync();
    });
    expect(host.stats().largestRequestBytes).toBeGreaterThan(5 * MB);
  });
});

describe("cells one operation may touch", () => {
  it("fills a whole column with one value, but refuses the whole sheet", async () => {
    const { host, backend } = memoryHost();
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("B:B").values =
        0 as unknown as unknown[][];
      await context.sync();
    });
    expect(backend.usedRange("Sheet1")).toEqual({ row: 0, col: 1, rows: MAX_ROWS, cols: 1 });
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange().values =
          0 as unknown as unknown[][];
        await context.sync();
      })
    );
    expect(error.code).toBe("OperationCellsExceedLimit");
  });
});

describe("response payload limit", () => {
  it("fails a load whose answer is over 5 MB, even below the cell limit", async () => {
    const { host } = memoryHost({ Sheet1: textColumn(5.2 * MB) });
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getUsedRange().load("values");
        await context.sync();
      })
    );
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("fails reading a whole blank column: a million empty strings are over 5 MB", async () => {
    const { host } = memoryHost();
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("B:B").load("values");
        await context.sync();
      })
    );
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
  });
});

describe("a full-height sheet: 1,048,576 rows x 6 columns", () => {
  const { host, backend } = memoryHost();
  const BLOCK = 100_000;
  beforeAll(() => {
    for (let row = 0; row < MAX_ROWS; row += BLOCK) {
      const rows = Math.min(BLOCK, MAX_ROWS - row);
      backend.setCells(
        "Sheet1",
        row,
        0,
        Array.from({ length: rows }, (_, i) => [row + i, 1, 2, 3, 4, (row + i) % 10])
      );
    }
  });

  it("refuses one load of all 6,291,456 cells (over the 5,000,000-cell read limit)", async () => {
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("A:F").load("values");
        await context.sync();
      })
    );
    expect(error.code).toBe("RangeExceedsLimit");
    expect(error.debugInfo.errorLocation).toBe("Range.values");
  });

  it("reads it all in blocks of 100,000 rows, one sync each", async () => {
    host.resetStats();
    let total = 0;
    let rowsRead = 0;
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const used = sheet.getUsedRange().load("rowCount, columnCount");
      await context.sync();
      for (let row = 0; row < used.rowCount; row += BLOCK) {
        const block = sheet
          .getRangeByIndexes(row, 0, Math.min(BLOCK, used.rowCount - row), used.columnCount)
          .load("values");
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one batch per block, as the task pane reads
        await context.sync();
        for (const line of block.values) total += line[5] as number;
        rowsRead += block.values.length;
      }
    });
    expect(rowsRead).toBe(MAX_ROWS);
    // Column F holds row % 10: 104,857 full cycles of 0..9 (45 each) and rows 0..5 of the next (15).
    expect(total).toBe(104857 * 45 + 15);
    const stats = host.stats();
    expect(stats.syncs).toBe(1 + Math.ceil(MAX_ROWS / BLOCK));
    expect(stats.largestResponseBytes).toBeLessThan(5 * MB);
  });

  it("can return null for an over-large read instead, as some Excel builds do", async () => {
    const lenient = memoryHost(
      { Sheet1: [[1]] },
      { limits: { oversizedRead: "null", readCells: 10 } }
    ).host;
    await lenient.Excel.run(async (context) => {
      const range = context.workbook.worksheets
        .getActiveWorksheet()
        .getRange("A1:C4")
        .load("values, address");
      await context.sync();
      expect(range.values).toBeNull();
      expect(range.address).toBe("Sheet1!A1:C4");
    });
  });
});
