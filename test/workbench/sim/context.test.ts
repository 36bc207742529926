/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load -- these tests read before load or sync on purpose, to check what Office.js raises */
/**
 * Batches as an add-in writes them, through Microsoft's client: what the host answers to loads,
 * writes, failing statements and null objects.
 */
import { bytes, memoryHost, officeErrorOf, recordBodies } from "./hosts";

describe("load and sync", () => {
  it("reads a property only after load() and sync()", async () => {
    const { host } = memoryHost({
      Sheet1: [
        ["Name", "Amount"],
        ["Acme", 1000],
      ],
    });
    await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([
        ["Name", "Amount"],
        ["Acme", 1000],
      ]);
    });
  });

  it("throws PropertyNotLoaded, an OfficeExtension.Error, for a property that was not loaded", async () => {
    const { host } = memoryHost();
    await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      range.load("address");
      await context.sync();
      expect(range.address).toBe("Sheet1!A1");
      let caught: unknown;
      try {
        void range.values;
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(OfficeExtension.Error);
      expect(caught).toMatchObject({
        code: "PropertyNotLoaded",
        name: "RichApi.Error",
        debugInfo: { code: "PropertyNotLoaded", errorLocation: "Range.values" },
      });
    });
  });

  it("accepts every load form: comma list, array, select object, nested option object", async () => {
    const { host } = memoryHost({ Sheet1: [[1, 2]] });
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const a = sheet.getRange("A1:B1").load("values, address");
      const b = sheet.getRange("A1:B1").load(["rowCount", "columnCount"]);
      const c = sheet.getRange("A1:B1").load({ select: "cellCount" });
      const d = sheet.getRange("A1:B1").load({ values: true, worksheet: { name: true } });
      await context.sync();
      expect([a.values, a.address, b.rowCount, b.columnCount, c.cellCount]).toEqual([
        [[1, 2]],
        "Sheet1!A1:B1",
        1,
        2,
        2,
      ]);
      expect(d.worksheet.name).toBe("Sheet1");
      expect(() => c.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("fails the sync for a property that does not exist (a typo in load): Excel has no such API", async () => {
    const { host } = memoryHost();
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("A1").load("valuez");
        await context.sync();
      })
    );
    expect(error).toMatchObject({
      code: "ApiNotFound",
      debugInfo: { errorLocation: "Range.valuez" },
    });
  });

  it("gives loaded values as of the sync, not later edits", async () => {
    const { host, backend } = memoryHost({ Sheet1: [[1]] });
    await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1").load("values");
      await context.sync();
      backend.setCells("Sheet1", 0, 0, [[2]]);
      expect(range.values).toEqual([[1]]);
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([[2]]);
    });
  });
});

describe("queued writes", () => {
  it("are invisible to the workbook until the sync", async () => {
    const { host, backend } = memoryHost();
    await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:B1");
      range.values = [["Deal", 500]];
      expect(backend.getValues("Sheet1", 0, 0, 1, 2)).toEqual([["", ""]]);
      expect(context.debugInfo.pendingStatements).toContain('range.values = [["Deal",500]];');
      await context.sync();
      expect(backend.getValues("Sheet1", 0, 0, 1, 2)).toEqual([["Deal", 500]]);
    });
  });

  it("run in order with loads: a load queued after a write sees the write", async () => {
    const { host } = memoryHost({ Sheet1: [["old"]] });
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const before = sheet.getRange("A1").load("values");
      sheet.getRange("A1").values = [["new"]];
      const after = sheet.getRange("A1").load("values");
      await context.sync();
      expect(before.values).toEqual([["old"]]);
      expect(after.values).toEqual([["new"]]);
    });
  });

  it("are sent by Excel.run's final sync when the batch does not sync them", async () => {
    const { host, backend } = memoryHost();
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("C3").values = [["late"]];
    });
    expect(backend.getValues("Sheet1", 2, 2, 1, 1)).toEqual([["late"]]);
  });

  it("stop at the first failing statement: earlier ones stay applied, later ones are dropped", async () => {
    const { host, backend } = memoryHost();
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.getRange("A1").values = [["first"]];
        sheet.getRange("A2:B2").values = [["wrong shape"]];
        sheet.getRange("A3").values = [["never"]];
        await context.sync();
      })
    );
    expect(error.code).toBe("InvalidArgument");
    expect(error.debugInfo.errorLocation).toBe("Range.values");
    expect(backend.getValues("Sheet1", 0, 0, 3, 1)).toEqual([["first"], [""], [""]]);
  });

  it("answer the loads that ran before a failing statement, and none after it", async () => {
    const { host } = memoryHost({ Sheet1: [[1]] });
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const before = sheet.getRange("A1").load("values");
      context.workbook.worksheets.getItem("Missing").getRange("A1").load("values");
      const after = sheet.getRange("A1").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(before.values).toEqual([[1]]);
      expect(() => after.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });
});

describe("getItem and getItemOrNullObject", () => {
  it("getItem of a missing sheet fails the sync with ItemNotFound at WorksheetCollection.getItem", async () => {
    const { host } = memoryHost();
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Pipeline").load("name");
        await context.sync();
      })
    );
    expect(error).toMatchObject({
      code: "ItemNotFound",
      debugInfo: { errorLocation: "WorksheetCollection.getItem" },
    });
  });

  it("getItemOrNullObject gives isNullObject after a sync, without a load", async () => {
    const { host } = memoryHost({ Sheet1: [], Pipeline: [] });
    await host.Excel.run(async (context) => {
      const present = context.workbook.worksheets.getItemOrNullObject("pipeline");
      const absent = context.workbook.worksheets.getItemOrNullObject("Forecast");
      expect(() => absent.isNullObject).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" })
      );
      await context.sync();
      expect(present.isNullObject).toBe(false);
      expect(absent.isNullObject).toBe(true);
    });
  });

  it("makes everything derived from a null object null too, and skips writes to it", async () => {
    const { host } = memoryHost();
    await host.Excel.run(async (context) => {
      const absent = context.workbook.worksheets.getItemOrNullObject("Forecast");
      const range = absent.getRange("A1").load("values, address");
      range.values = [[1]];
      await context.sync();
      expect(range.isNullObject).toBe(true);
      expect(range.address).toBeUndefined();
    });
    expect(host.sheets()).toEqual(["Sheet1"]);
  });

  it("settles isNullObject where the call stands in the batch", async () => {
    const { host } = memoryHost();
    await host.Excel.run(async (context) => {
      const before = context.workbook.worksheets.getItemOrNullObject("Plan");
      context.workbook.worksheets.add("Plan");
      const after = context.workbook.worksheets.getItemOrNullObject("Plan");
      await context.sync();
      expect([before.isNullObject, after.isNullObject]).toEqual([true, false]);
    });
  });
});

describe("worksheets", () => {
  it("adds sheets, refusing a name already taken (any case) with ItemAlreadyExists", async () => {
    const { host } = memoryHost();
    await host.Excel.run(async (context) => {
      const added = context.workbook.worksheets.add("Pipeline");
      added.getRange("A1").values = [["usable before the sync"]];
      added.load("name, position");
      await context.sync();
      expect([added.name, added.position]).toEqual(["Pipeline", 1]);
    });
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.add("PIPELINE");
        await context.sync();
      })
    );
    expect(error.code).toBe("ItemAlreadyExists");
  });

  it("refuses names Excel refuses", async () => {
    const { host } = memoryHost();
    for (const name of ["a/b", "x".repeat(32), "History", "'quoted'"]) {
      const error = await officeErrorOf(
        host.Excel.run(async (context) => {
          context.workbook.worksheets.add(name);
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one batch per case
          await context.sync();
        })
      );
      expect(error.code).toBe("InvalidArgument");
    }
  });

  it("names a new sheet SheetN when no name is given", async () => {
    const { host } = memoryHost();
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add().load("name");
      await context.sync();
      expect(sheet.name).toBe("Sheet2");
    });
  });

  it("loads the collection's items with the asked properties", async () => {
    const { host } = memoryHost({ Data: [], Plan: [] });
    await host.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const count = context.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: "ValueNotLoaded" }));
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Data", "Plan"]);
      expect(count.value).toBe(2);
    });
  });

  it("renames and deletes sheets; a renamed sheet's proxies follow it", async () => {
    const { host } = memoryHost({ Data: [[1]], Plan: [] });
    await host.Excel.run(async (context) => {
      const data = context.workbook.worksheets.getItem("Data");
      data.name = "Deals";
      const cell = data.getRange("A1").load("address, values");
      context.workbook.worksheets.getItem("Plan").delete();
      await context.sync();
      expect([cell.address, cell.values]).toEqual(["Deals!A1", [[1]]]);
    });
    expect(host.sheets()).toEqual(["Deals"]);
  });

  it("refuses to delete the only visible sheet", async () => {
    const { host } = memoryHost();
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().delete();
        await context.sync();
      })
    );
    expect(error.code).toBe("InvalidOperation");
  });
});

describe("Excel.run", () => {
  it("keeps a range the add-in tracks for a later run", async () => {
    const { host } = memoryHost({ Sheet1: [[5]] });
    const range = await host.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      context.trackedObjects.add(r);
      return r;
    });
    await host.Excel.run(range, async (context) => {
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([[5]]);
    });
  });
});

describe("statistics", () => {
  it("counts round trips, not empty syncs, and the bytes of their bodies", async () => {
    const { host } = memoryHost({ Sheet1: [[1, 2, 3]] });
    const excel = host.Excel;
    const recorded = recordBodies();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets
        .getActiveWorksheet()
        .getRange("A1:C1")
        .load("values");
      await context.sync();
      await context.sync();
      range.values = [[4, 5, 6]];
      await context.sync();
    });
    recorded.stop();
    const stats = host.stats();
    expect(stats.syncs).toBe(2);
    const [load, write] = recorded.requests;
    expect(stats.largestRequestBytes).toBe(Math.max(bytes(load), bytes(write)));
    expect(stats.totalRequestBytes).toBe(bytes(load) + bytes(write));
    const answers = recorded.responses.slice(0, 2).map(bytes);
    expect(stats.largestResponseBytes).toBe(Math.max(...answers));
    host.resetStats();
    expect(host.stats().syncs).toBe(0);
  });
});
