/**
 * `host.reopen()`: the document closed and opened again, in another session, another Excel or after
 * another program saved it. What is in the file stays; ids do not (sim/README.md, "Reopening").
 */
import { hyperFormulaHost, memoryHost, officeErrorOf } from "./hosts";

const sales = [
  ["Quarter", "North", "South"],
  ["Q1", 100, 80],
  ["Q2", 120, 95],
];

type Host = ReturnType<typeof memoryHost>["host"];

async function ids(host: Host) {
  return host.Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name, items/id");
    const tables = context.workbook.tables.load("items/name, items/id");
    await context.sync();
    const charts = sheets.items.map((s) => s.charts.load("items/name, items/id"));
    await context.sync();
    return {
      sheets: Object.fromEntries(sheets.items.map((s) => [s.name, s.id])),
      tables: Object.fromEntries(tables.items.map((t) => [t.name, t.id])),
      charts: Object.fromEntries(charts.flatMap((c) => c.items.map((ch) => [ch.name, ch.id]))),
    };
  });
}

/** Sheet1 with a table and a chart, a sheet added in the session, a setting and a selection. */
async function workbook() {
  const made = memoryHost({ Sheet1: sales, Notes: [["mine"]] });
  await made.host.Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.tables.add("A1:C3", true).name = "Sales";
    sheet.charts.add("ColumnClustered", sheet.getRange("A1:C3"), "Auto").name = "SalesChart";
    const added = context.workbook.worksheets.add("Added");
    added.getRange("A1:B2").values = [
      ["Item", "Count"],
      ["x", 1],
    ];
    added.tables.add("A1:B2", true).name = "AddedTable";
    context.workbook.settings.add("carnet.test", { kept: true });
    added.getRange("B1").select();
    await context.sync();
  });
  return made;
}

describe("reopen", () => {
  it("gives ids afresh: sheets by position, as Excel on the web numbers them, tables and charts in tab order", async () => {
    const { host } = await workbook();
    const before = await ids(host);
    host.reopen();
    const after = await ids(host);
    expect(after.sheets).toEqual({
      Sheet1: "{00000000-0001-0000-0000-000000000000}",
      Notes: "{00000000-0001-0000-0001-000000000000}",
      Added: "{00000000-0001-0000-0002-000000000000}",
    });
    // The sheet added in the session had an id no opened sheet has; it has changed.
    expect(after.sheets.Added).not.toBe(before.sheets.Added);
    // Tables and charts are numbered again in tab order (see the next tests for what that changes).
    expect(after.tables).toEqual({ Sales: "1", AddedTable: "2" });
    expect(Object.keys(after.charts)).toEqual(["SalesChart"]);
  });

  it("keeps names, cells, tables, charts, settings and the selection", async () => {
    const { host } = await workbook();
    const tables = host.tables();
    const charts = host.charts();
    const settings = host.settings.toJSON();
    host.reopen();
    expect(host.sheets()).toEqual(["Sheet1", "Notes", "Added"]);
    expect(host.tables()).toEqual(tables);
    expect(host.charts()).toEqual(charts);
    expect(host.settings.toJSON()).toEqual(settings);
    expect(host.selection.get()).toEqual({ sheet: "Added", address: "B1" });
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Added");
      const table = sheet.tables.getItem("AddedTable");
      const range = table.getRange().load("address, values");
      const owner = context.workbook.tables.getItem("Sales").worksheet.load("name");
      const chart = context.workbook.worksheets.getItem("Sheet1").charts.getItem("SalesChart");
      const series = chart.series.load("items/name");
      await context.sync();
      expect([range.address, range.values]).toEqual([
        "Added!A1:B2",
        [
          ["Item", "Count"],
          ["x", 1],
        ],
      ]);
      expect(owner.name).toBe("Sheet1");
      expect(series.items.map((s) => s.name)).toEqual(["North", "South"]);
    });
  });

  it("makes an id from the last session name nothing, or another sheet", async () => {
    const { host } = await workbook();
    const before = await ids(host);
    // The user deletes Notes: Added moves to Notes's position and, in the next session, its id.
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").delete();
      await context.sync();
    });
    host.reopen();
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem(before.sheets.Added).load("name");
        await context.sync();
      })
    );
    expect(error.code).toBe("ItemNotFound");
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(before.sheets.Notes).load("name");
      // A sheet added in this session takes the id the first one added in the last session had.
      const added = context.workbook.worksheets.add("Later").load("id");
      await context.sync();
      expect(sheet.name).toBe("Added");
      expect(added.id).toBe(before.sheets.Added);
    });
  });

  it("numbers tables afresh too: a table id from the last session may name another table", async () => {
    const { host } = await workbook();
    const before = await ids(host);
    await host.Excel.run(async (context) => {
      context.workbook.tables.getItem("Sales").delete();
      await context.sync();
    });
    host.reopen();
    await host.Excel.run(async (context) => {
      const table = context.workbook.tables.getItem(before.tables.Sales).load("name");
      await context.sync();
      expect(table.name).toBe("AddedTable");
    });
  });

  it("keeps a chart on its sheet and its series on their cells after the sheets' ids change", async () => {
    const { host, hf } = hyperFormulaHost();
    hf.addSheet("Data");
    host.backend.setCells("Data", 0, 0, sales);
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Charts");
      const data = context.workbook.worksheets.getItem("Data");
      sheet.charts.add("Line", data.getRange("A1:C3"), "Auto").name = "Trend";
      await context.sync();
    });
    host.reopen();
    host.backend.setCells("Data", 1, 1, [[150]]);
    const [chart] = host.charts();
    expect([chart.sheet, chart.series[0].values]).toEqual(["Charts", [150, 120]]);
    await host.Excel.run(async (context) => {
      const chart = context.workbook.worksheets.getItem("Charts").charts.getItem("Trend");
      chart.load("name");
      await context.sync();
      expect(chart.name).toBe("Trend");
    });
  });

  it("drops the references the client kept: they belonged to the closed session", async () => {
    const { host } = memoryHost({ Sheet1: sales });
    const uninstall = host.install();
    try {
      const context = new Excel.RequestContext();
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      context.trackedObjects.add(range);
      await context.sync();
      expect(host.references()).toBe(1);
      host.reopen();
      expect(host.references()).toBe(0);
      range.load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
    } finally {
      uninstall();
    }
  });
});
