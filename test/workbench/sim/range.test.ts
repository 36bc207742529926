import { memoryHost, officeErrorOf } from "./hosts";

type Host = ReturnType<typeof memoryHost>["host"];

/** Loads `props` of the ranges the callback returns, in one batch; returns their loaded JSON. */
async function loaded(
  host: Host,
  props: string,
  make: (context: Excel.RequestContext) => Excel.Range[]
) {
  return host.Excel.run(async (context) => {
    const ranges = make(context);
    ranges.forEach((r) => r.load(props));
    await context.sync();
    return ranges.map((r) => r.toJSON());
  });
}

describe("Range addresses", () => {
  it("reports addresses with the sheet, quoted when Excel quotes it", async () => {
    const { host } = memoryHost({ "Sales 2024": [], Sheet1: [] });
    const [a, b, c] = await loaded(host, "address", (context) => [
      context.workbook.worksheets.getItem("Sales 2024").getRange("b2:c4"),
      context.workbook.worksheets.getItem("Sheet1").getRange("B:B"),
      context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 1, 1),
    ]);
    expect([a, b, c]).toEqual([
      { address: "'Sales 2024'!B2:C4" },
      { address: "Sheet1!B:B" },
      { address: "Sheet1!A1" },
    ]);
  });

  it("reports position and size", async () => {
    const { host } = memoryHost();
    const [r] = await loaded(
      host,
      "rowIndex, columnIndex, rowCount, columnCount, cellCount",
      (context) => [context.workbook.worksheets.getActiveWorksheet().getRange("C5:E14")]
    );
    expect(r).toEqual({ rowIndex: 4, columnIndex: 2, rowCount: 10, columnCount: 3, cellCount: 30 });
  });

  it("derives cells and blocks relative to the range", async () => {
    const { host } = memoryHost();
    const addresses = await loaded(host, "address", (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange("B2:D5");
      return [
        r.getCell(1, 2),
        r.getCell(10, 0),
        r.getResizedRange(1, -1),
        r.getOffsetRange(2, 1),
        r.getRow(0),
        r.getColumn(2),
        r.getLastRow(),
        r.getLastCell(),
        r.getRowsBelow(2),
        r.getEntireColumn(),
        r.getEntireRow(),
      ];
    });
    expect(addresses.map((a) => (a as { address: string }).address)).toEqual([
      "Sheet1!D3",
      "Sheet1!B12",
      "Sheet1!B2:C6",
      "Sheet1!C4:E7",
      "Sheet1!B2:D2",
      "Sheet1!D2:D5",
      "Sheet1!B5:D5",
      "Sheet1!D5",
      "Sheet1!B6:D7",
      "Sheet1!B:D",
      "Sheet1!2:5",
    ]);
  });

  it("fails with InvalidArgument for a block off the sheet or a bad address", async () => {
    const { host } = memoryHost();
    for (const make of [
      (c: Excel.RequestContext) =>
        c.workbook.worksheets.getActiveWorksheet().getRange("A1").getOffsetRange(-1, 0),
      (c: Excel.RequestContext) =>
        c.workbook.worksheets.getActiveWorksheet().getRange("A1:B2").getResizedRange(-2, 0),
      (c: Excel.RequestContext) =>
        c.workbook.worksheets.getActiveWorksheet().getRangeByIndexes(1048576, 0, 1, 1),
      (c: Excel.RequestContext) =>
        c.workbook.worksheets.getActiveWorksheet().getRange("Pipeline[Amount]"),
      (c: Excel.RequestContext) => c.workbook.worksheets.getActiveWorksheet().getRange("Other!A1"),
    ]) {
      const error = await officeErrorOf(loaded(host, "address", (context) => [make(context)]));
      expect(error.code).toBe("InvalidArgument");
    }
  });
});

describe("writing values", () => {
  it("needs a grid of exactly the range's shape", async () => {
    const { host } = memoryHost();
    for (const values of [[[1]], [[1, 2]], [[1], [2], [3]], [1, 2]]) {
      const error = await officeErrorOf(
        host.Excel.run(async (context) => {
          context.workbook.worksheets.getActiveWorksheet().getRange("A1:A2").values =
            values as unknown[][];
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one batch per case
          await context.sync();
        })
      );
      expect(error.code).toBe("InvalidArgument");
    }
  });

  it("fills every cell with a single value", async () => {
    const { host, backend } = memoryHost();
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1:B2").values =
        0 as unknown as unknown[][];
      await context.sync();
    });
    expect(backend.getValues("Sheet1", 0, 0, 2, 2)).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it("leaves cells given as null unchanged and blanks cells given as ''", async () => {
    const { host, backend } = memoryHost({
      Sheet1: [
        ["a", "b", "c"],
        ["d", "e", "f"],
      ],
    });
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1:C2").values = [
        [null, "B", ""],
        [null, null, "F"],
      ];
      await context.sync();
    });
    expect(backend.getValues("Sheet1", 0, 0, 2, 3)).toEqual([
      ["a", "B", ""],
      ["d", "e", "F"],
    ]);
  });

  it("skips NaN as Office.js does (it travels as JSON null) and refuses objects", async () => {
    const { host, backend } = memoryHost({ Sheet1: [[1, 2]] });
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1:B1").values = [[Number.NaN, 3]];
      await context.sync();
    });
    expect(backend.getValues("Sheet1", 0, 0, 1, 2)).toEqual([[1, 3]]);
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [[{ amount: 1 }]];
        await context.sync();
      })
    );
    expect(error.code).toBe("InvalidArgument");
  });

  it("sets number formats and shows values through them in text", async () => {
    const { host, backend } = memoryHost({ Sheet1: [[0.2, 1234.5, 37715, true, "x"]] });
    const [r] = await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:E1");
      range.numberFormat = [["0%", "#,##0.00", "yyyy-mm-dd", "General", "@"]];
      range.load("text, numberFormat, valueTypes");
      await context.sync();
      return [range.toJSON()];
    });
    expect(r).toEqual({
      numberFormat: [["0%", "#,##0.00", "yyyy-mm-dd", "General", "@"]],
      text: [["20%", "1,234.50", "2003-04-04", "TRUE", "x"]],
      valueTypes: [["Double", "Double", "Double", "Boolean", "String"]],
    });
    expect(backend.getNumberFormats("Sheet1", 0, 5, 1, 1)).toEqual([["General"]]);
  });

  it("clears contents, formats, or both", async () => {
    const { host, backend } = memoryHost({ Sheet1: [[1, 2, 3]] });
    backend.setNumberFormats("Sheet1", 0, 0, [["0%", "0%", "0%"]]);
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1").clear("Contents");
      sheet.getRange("B1").clear("Formats");
      sheet.getRange("C1").clear();
      await context.sync();
    });
    expect(backend.getValues("Sheet1", 0, 0, 1, 3)).toEqual([["", 2, ""]]);
    expect(backend.getNumberFormats("Sheet1", 0, 0, 1, 3)).toEqual([["0%", "General", "General"]]);
  });
});

describe("inserting and deleting cells", () => {
  it.each([
    ["a backend that moves cells", false],
    ["a backend that cannot (cells are rewritten)", true],
  ])(
    "moves the cells below down on insert and up on delete, in the range's columns only, with %s",
    async (_, rewrite) => {
      const { host, backend } = memoryHost({
        Sheet1: [
          ["a1", "b1", "c1"],
          ["a2", "b2", "c2"],
          ["a3", "b3", "c3"],
        ],
      });
      if (rewrite) delete backend.moveCells;
      await host.Excel.run(async (context) => {
        const inserted = context.workbook.worksheets
          .getActiveWorksheet()
          .getRange("A2:B2")
          .insert("Down")
          .load("address");
        await context.sync();
        expect(inserted.address).toBe("Sheet1!A2:B2");
      });
      expect(backend.getValues("Sheet1", 0, 0, 4, 3)).toEqual([
        ["a1", "b1", "c1"],
        ["", "", "c2"],
        ["a2", "b2", "c3"],
        ["a3", "b3", ""],
      ]);
      await host.Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("1:2").delete("Up");
        await context.sync();
      });
      expect(backend.getValues("Sheet1", 0, 0, 3, 3)).toEqual([
        ["a2", "b2", "c3"],
        ["a3", "b3", ""],
        ["", "", ""],
      ]);
    }
  );

  it("refuses to cut through a table", async () => {
    const { host } = memoryHost({
      Sheet1: [
        ["Name", "Amount"],
        ["a", 1],
        ["b", 2],
      ],
    });
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.tables.add("A1:B3", true);
        sheet.getRange("B2").insert("Down");
        await context.sync();
      })
    );
    expect(error.code).toBe("InvalidOperation");
  });
});

describe("used range and current region", () => {
  it("gives A1 for a blank sheet's used range, and a null object from the OrNullObject form", async () => {
    const { host } = memoryHost();
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const used = sheet.getUsedRange().load("address");
      const orNull = sheet.getUsedRangeOrNullObject();
      await context.sync();
      expect(used.address).toBe("Sheet1!A1");
      expect(orNull.isNullObject).toBe(true);
    });
  });

  it("spans every non-blank cell", async () => {
    const { host, backend } = memoryHost();
    backend.setCells("Sheet1", 3, 1, [["x"]]);
    backend.setCells("Sheet1", 9, 4, [[1]]);
    const [used] = await loaded(host, "address", (c) => [
      c.workbook.worksheets.getActiveWorksheet().getUsedRange(),
    ]);
    expect(used).toEqual({ address: "Sheet1!B4:E10" });
  });

  // A block B2:D5 (B4 blank inside it), E6 touching D5 only diagonally, and F2:F3 beyond the blank
  // E2:E5. From C3 the region takes E6 (diagonal), and the grown rectangle then touches F2:F3.
  // From F2, column E next to it is blank: F2:F3 alone.
  const sheet = [
    [],
    ["", "Name", "Amount", "Prob", "", "x"],
    ["", "A", 1000, 0.2, "", "y"],
    ["", "", 2000, 0.5],
    ["", "C", 4000, 0.75],
    ["", "", "", "", "z"],
  ];

  it("grows to the block of non-blank cells around the range, diagonals included", async () => {
    const { host } = memoryHost({ Sheet1: sheet });
    const regions = await loaded(host, "address", (c) => {
      const s = c.workbook.worksheets.getActiveWorksheet();
      return [
        s.getRange("C3").getSurroundingRegion(),
        s.getRange("B4").getSurroundingRegion(),
        s.getRange("F2").getSurroundingRegion(),
      ];
    });
    expect(regions).toEqual([
      { address: "Sheet1!B2:F6" },
      { address: "Sheet1!B2:F6" },
      { address: "Sheet1!F2:F3" },
    ]);
  });

  it("stays the range itself in an empty area", async () => {
    const { host } = memoryHost({ Sheet1: sheet });
    const [region] = await loaded(host, "address", (c) => [
      c.workbook.worksheets.getActiveWorksheet().getRange("K20:L21").getSurroundingRegion(),
    ]);
    expect(region).toEqual({ address: "Sheet1!K20:L21" });
  });

  it("finds a tall region in few reads", async () => {
    const rows = [["Id", "Amount"], ...Array.from({ length: 20000 }, (_, i) => [i, i * 10])];
    const { host, backend } = memoryHost({ Sheet1: rows });
    const getFormulas = backend.getFormulas;
    let reads = 0;
    backend.getFormulas = (...args) => {
      reads += 1;
      return getFormulas(...args);
    };
    const [region] = await loaded(host, "address", (c) => [
      c.workbook.worksheets.getActiveWorksheet().getRange("B15000").getSurroundingRegion(),
    ]);
    expect(region).toEqual({ address: "Sheet1!A1:B20001" });
    expect(reads).toBeLessThan(30);
  });
});

describe("selection", () => {
  it("follows the host's selection and moves with Range.select()", async () => {
    const { host } = memoryHost({ Sheet1: [], Plan: [] });
    host.selection.set("Plan", "B2:C4");
    await host.Excel.run(async (context) => {
      const selected = context.workbook.getSelectedRange().load("address");
      const active = context.workbook.getActiveCell().load("address");
      await context.sync();
      expect([selected.address, active.address]).toEqual(["Plan!B2:C4", "Plan!B2"]);
      context.workbook.worksheets.getItem("Sheet1").getRange("D9").select();
      await context.sync();
    });
    expect(host.selection.get()).toEqual({ sheet: "Sheet1", address: "D9" });
  });
});
