import { memoryHost, officeErrorOf } from "./hosts";

const deals = [
  ["Company", "Amount", "Probability"],
  ["Acme", 1000, 0.2],
  ["Globex", 2000, 0.5],
];

describe("creating tables", () => {
  it("makes a table usable before the sync, named Table1, with header and body ranges", async () => {
    const { host } = memoryHost({ Sheet1: deals });
    await host.Excel.run(async (context) => {
      const table = context.workbook.worksheets.getActiveWorksheet().tables.add("A1:C3", true);
      const header = table.getHeaderRowRange().load("address, values");
      const body = table.getDataBodyRange().load("address");
      table.load("name");
      await context.sync();
      expect(table.name).toBe("Table1");
      expect(header.address).toBe("Sheet1!A1:C1");
      expect(header.values).toEqual([["Company", "Amount", "Probability"]]);
      expect(body.address).toBe("Sheet1!A2:C3");
    });
    expect(host.tables()).toEqual([
      {
        name: "Table1",
        sheet: "Sheet1",
        address: "Sheet1!A1:C3",
        headers: ["Company", "Amount", "Probability"],
      },
    ]);
  });

  it("gives blank headers a ColumnN name and repeated ones a number, as Excel does", async () => {
    const { host } = memoryHost({ Sheet1: [["Amount", "", "amount", 2024]] });
    await host.Excel.run(async (context) => {
      context.workbook.tables.add("Sheet1!A1:D2", true);
      await context.sync();
    });
    expect(host.tables()[0].headers).toEqual(["Amount", "Column2", "amount2", "2024"]);
  });

  it("adds a header row above the data when told the range has none", async () => {
    const { host, backend } = memoryHost({
      Sheet1: [
        ["Acme", 1000],
        ["Globex", 2000],
      ],
    });
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().tables.add("A1:B2", false);
      await context.sync();
    });
    expect(host.tables()[0]).toMatchObject({
      address: "Sheet1!A1:B3",
      headers: ["Column1", "Column2"],
    });
    expect(backend.getValues("Sheet1", 1, 0, 2, 2)).toEqual([
      ["Acme", 1000],
      ["Globex", 2000],
    ]);
  });

  it("gives a header-only range one empty body row", async () => {
    const { host } = memoryHost({ Sheet1: [["Company", "Amount"]] });
    await host.Excel.run(async (context) => {
      const table = context.workbook.worksheets.getActiveWorksheet().tables.add("A1:B1", true);
      const rows = table.rows.load("count");
      await context.sync();
      expect(rows.count).toBe(1);
    });
  });

  it("refuses a table overlapping another", async () => {
    const { host } = memoryHost({ Sheet1: deals });
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.tables.add("A1:C3", true);
        sheet.tables.add("C2:D4", true);
        await context.sync();
      })
    );
    expect(error.code).toBe("InvalidArgument");
    expect(host.tables()).toHaveLength(1);
  });
});

describe("table names", () => {
  it("must be unique in the workbook, whatever the case", async () => {
    const { host } = memoryHost({ Sheet1: deals, Plan: deals });
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").tables.add("A1:C3", true).name = "Deals";
        context.workbook.worksheets.getItem("Plan").tables.add("A1:C3", true).name = "DEALS";
        await context.sync();
      })
    );
    expect(error).toMatchObject({
      code: "InvalidArgument",
      message: "A table with this name already exists.",
    });
    const [first, second] = host.tables().map((t) => t.name);
    expect(first).toBe("Deals");
    expect(second).toMatch(/^Table\d+$/);
  });

  it("must be valid defined names", async () => {
    const { host } = memoryHost({ Sheet1: deals });
    await host.Excel.run(async (context) => {
      context.workbook.tables.add("A1:C3", true);
      await context.sync();
    });
    for (const name of ["My Deals", "1Deals", "A1", "R1C1", "C", ""]) {
      const error = await officeErrorOf(
        host.Excel.run(async (context) => {
          context.workbook.tables.getItem("Table1").name = name;
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one batch per case
          await context.sync();
        })
      );
      expect(error).toMatchObject({
        code: "InvalidArgument",
        message: "The table name is not valid.",
      });
    }
    await host.Excel.run(async (context) => {
      context.workbook.tables.getItem("Table1").name = "Deals_2024.v2";
      await context.sync();
    });
    expect(host.tables().map((t) => t.name)).toEqual(["Deals_2024.v2"]);
  });

  it("finds tables by name, case-insensitively, or gives a null object", async () => {
    const { host } = memoryHost({ Sheet1: deals });
    await host.Excel.run(async (context) => {
      context.workbook.tables.add("A1:C3", true).name = "Deals";
      const found = context.workbook.tables.getItem("deals").load("name");
      const missing = context.workbook.tables.getItemOrNullObject("Plan");
      await context.sync();
      expect([found.name, missing.isNullObject]).toEqual(["Deals", true]);
    });
  });
});

describe("adding rows", () => {
  it("appends rows at the end and extends the table", async () => {
    const { host, backend } = memoryHost({ Sheet1: deals });
    await host.Excel.run(async (context) => {
      const table = context.workbook.worksheets.getActiveWorksheet().tables.add("A1:C3", true);
      table.rows.add(undefined, [
        ["Initech", 4000, 0.75],
        ["Umbrella", 500, 0.1],
      ]);
      const count = table.rows.getCount();
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult, synced above
      expect(count.value).toBe(4);
    });
    expect(host.tables()[0].address).toBe("Sheet1!A1:C5");
    expect(backend.getValues("Sheet1", 3, 0, 2, 3)).toEqual([
      ["Initech", 4000, 0.75],
      ["Umbrella", 500, 0.1],
    ]);
  });

  it("fills the single blank body row of a new table first", async () => {
    const { host, backend } = memoryHost({ Sheet1: [["Company", "Amount"]] });
    await host.Excel.run(async (context) => {
      const table = context.workbook.worksheets.getActiveWorksheet().tables.add("A1:B1", true);
      table.rows.add(undefined, [
        ["Acme", 1000],
        ["Globex", 2000],
      ]);
      await context.sync();
    });
    expect(host.tables()[0].address).toBe("Sheet1!A1:B3");
    expect(backend.getValues("Sheet1", 0, 0, 4, 2)).toEqual([
      ["Company", "Amount"],
      ["Acme", 1000],
      ["Globex", 2000],
      ["", ""],
    ]);
  });

  it("inserts: cells below the table, in its columns, move down; other columns stay", async () => {
    const { host, backend } = memoryHost({
      Sheet1: [...deals, [], ["note", "below", "table", "side"]],
    });
    await host.Excel.run(async (context) => {
      const table = context.workbook.worksheets.getActiveWorksheet().tables.add("A1:C3", true);
      table.rows.add(0, [["First", 1, 1]]);
      await context.sync();
    });
    expect(backend.getValues("Sheet1", 1, 0, 5, 4)).toEqual([
      ["First", 1, 1, ""],
      ["Acme", 1000, 0.2, ""],
      ["Globex", 2000, 0.5, ""],
      ["", "", "", "side"],
      ["note", "below", "table", ""],
    ]);
  });

  it("moves a table below along when rows are inserted above it", async () => {
    const { host } = memoryHost({
      Sheet1: [...deals, [], ["Stage", "Probability", "Note"], ["Won", 1, ""]],
    });
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.tables.add("A1:C3", true).name = "Deals";
      sheet.tables.add("A5:C6", true).name = "Stages";
      context.workbook.tables.getItem("Deals").rows.add(undefined, [["Initech", 4000, 0.75]]);
      await context.sync();
    });
    expect(host.tables().map((t) => t.address)).toEqual(["Sheet1!A1:C4", "Sheet1!A6:C7"]);
    expect(host.tables()[1].headers).toEqual(["Stage", "Probability", "Note"]);
  });

  it("refuses rows of the wrong width", async () => {
    const { host } = memoryHost({ Sheet1: deals });
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        context.workbook.worksheets
          .getActiveWorksheet()
          .tables.add("A1:C3", true)
          .rows.add(undefined, [["too", "short"]]);
        await context.sync();
      })
    );
    expect(error.code).toBe("InvalidArgument");
  });

  it("deletes rows, moving the rest up, and keeps one blank row when all go", async () => {
    const { host, backend } = memoryHost({ Sheet1: deals });
    await host.Excel.run(async (context) => {
      const table = context.workbook.worksheets.getActiveWorksheet().tables.add("A1:C3", true);
      table.rows.deleteRowsAt(0);
      await context.sync();
      expect(backend.getValues("Sheet1", 1, 0, 1, 3)).toEqual([["Globex", 2000, 0.5]]);
      table.rows.deleteRowsAt(0, 1);
      await context.sync();
    });
    expect(host.tables()[0].address).toBe("Sheet1!A1:C2");
    expect(backend.getValues("Sheet1", 1, 0, 1, 3)).toEqual([["", "", ""]]);
  });
});

describe("columns", () => {
  it("lists columns and reads one by name", async () => {
    const { host } = memoryHost({ Sheet1: deals });
    await host.Excel.run(async (context) => {
      const table = context.workbook.worksheets.getActiveWorksheet().tables.add("A1:C3", true);
      const columns = table.columns.load("items/name");
      const amount = table.columns.getItem("amount").getDataBodyRange().load("values, address");
      const missing = table.columns.getItemOrNullObject("Owner");
      await context.sync();
      expect(columns.items.map((c) => c.name)).toEqual(["Company", "Amount", "Probability"]);
      expect(amount.address).toBe("Sheet1!B2:B3");
      expect(amount.values).toEqual([[1000], [2000]]);
      expect(missing.isNullObject).toBe(true);
    });
  });

  it("adds a column at the right end", async () => {
    const { host } = memoryHost({ Sheet1: deals });
    await host.Excel.run(async (context) => {
      const table = context.workbook.worksheets.getActiveWorksheet().tables.add("A1:C3", true);
      table.columns.add(undefined, [["Owner"], ["Ann"], ["Bob"]]);
      await context.sync();
    });
    expect(host.tables()[0]).toMatchObject({
      address: "Sheet1!A1:D3",
      headers: ["Company", "Amount", "Probability", "Owner"],
    });
  });
});

describe("deleting and converting", () => {
  it("delete removes the table and its contents; convertToRange keeps the cells", async () => {
    const { host, backend } = memoryHost({ Sheet1: deals, Plan: deals });
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:C3", true).delete();
      const kept = context.workbook.worksheets
        .getItem("Plan")
        .tables.add("A1:C3", true)
        .convertToRange()
        .load("address");
      await context.sync();
      expect(kept.address).toBe("Plan!A1:C3");
    });
    expect(host.tables()).toEqual([]);
    expect(backend.usedRange("Sheet1")).toBeNull();
    expect(backend.getValues("Plan", 1, 0, 1, 1)).toEqual([["Acme"]]);
  });

  it("drops the tables of a deleted sheet", async () => {
    const { host } = memoryHost({ Sheet1: [], Plan: deals });
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Plan").tables.add("A1:C3", true);
      await context.sync();
      context.workbook.worksheets.getItem("Plan").delete();
      await context.sync();
    });
    expect(host.tables()).toEqual([]);
  });
});
