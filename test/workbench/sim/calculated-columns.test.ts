/**
 * Excel's calculated columns, as the host applies them to what Microsoft's client sends: the rule and
 * its sources are in src/workbench/sim/README.md ("Calculated columns").
 */
import fc from "fast-check";
import { formulaTemplate, r1c1Key } from "../../../src/workbench/sim/formula-refs";
import { hyperFormulaHost, memoryHost } from "./hosts";

type Host = ReturnType<typeof hyperFormulaHost>["host"];
/** rows.add's values as they travel: null leaves a cell as it is (the types say no null). */
type Rows = (string | number | boolean)[][];
const rows = (grid: unknown[][]) => grid as Rows;

/** Sheet1 with a table Deals over A1:C4 (Company, Amount, Weighted): three rows, C empty. */
async function dealsTable(host: Host, weighted: (string | number | null)[] = [null, null, null]) {
  await host.Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.getRange("A1:C4").values = [
      ["Company", "Amount", "Weighted"],
      ["Acme", 1000, weighted[0] ?? ""],
      ["Globex", 2000, weighted[1] ?? ""],
      ["Initech", 4000, weighted[2] ?? ""],
    ];
    sheet.tables.add("A1:C4", true).name = "Deals";
    await context.sync();
  });
}

async function write(host: Host, address: string, formulas: unknown[][]) {
  await host.Excel.run(async (context) => {
    context.workbook.worksheets.getActiveWorksheet().getRange(address).formulas =
      formulas as string[][];
    await context.sync();
  });
}

describe("the R1C1 form of a formula", () => {
  it("makes references relative to the cell: one formula down a column is one key", () => {
    expect(r1c1Key("=A2*B2", 1, 2)).toBe(r1c1Key("=A7*B7", 6, 2));
    expect(r1c1Key("=A2*B2", 1, 2)).not.toBe(r1c1Key("=A2*B2", 6, 2));
    expect(r1c1Key("=$A$2*B2", 1, 2)).toBe(r1c1Key("=$A$2*B9", 8, 2));
    expect(r1c1Key("=$A$2*B2", 1, 2)).not.toBe(r1c1Key("=$A$3*B3", 2, 2));
    expect(r1c1Key("=SUM($B$2:B2)", 1, 3)).toBe(r1c1Key("=SUM($B$2:B5)", 4, 3));
    expect(r1c1Key("=A$2+$A2", 1, 1)).toBe(r1c1Key("=B$2+$A5", 4, 2));
  });

  it("tells references from names, functions and text that look like them", () => {
    // A constant that differs is another formula, whatever the row.
    expect(r1c1Key("=IF(K4=5000,0.42,1)", 3, 5)).not.toBe(r1c1Key("=IF(K5=6000,0.42,1)", 4, 5));
    expect(r1c1Key('=IF(A2="A2",LOG10(A2),CARNET.AMOUNT(A2))', 1, 3)).toBe(
      r1c1Key('=IF(A3="A2",LOG10(A3),CARNET.AMOUNT(A3))', 2, 3)
    );
    expect(r1c1Key('=IF(A2="A2",1,2)', 1, 3)).not.toBe(r1c1Key('=IF(A3="A3",1,2)', 2, 3));
    expect(r1c1Key("=Data!B5+'Q2 deals'!$C$1", 3, 0)).toBe(
      r1c1Key("=Data!B6+'Q2 deals'!$C$1", 4, 0)
    );
    expect(r1c1Key("=Data!B5", 3, 0)).not.toBe(r1c1Key("=Other!B6", 4, 0));
    expect(r1c1Key("=SUM(B:B)+SUM($3:$5)", 0, 0)).toBe(r1c1Key("=SUM(C:C)+SUM($3:$5)", 9, 1));
  });

  it("renders the formula at another cell as a fill does, #REF! off the sheet", () => {
    const t = formulaTemplate("=IF(ISNUMBER(E4),E4*$F$2,D3)", 3, 6);
    expect(t.render(9, 6)).toBe("=IF(ISNUMBER(E10),E10*$F$2,D9)");
    expect(t.render(0, 6)).toBe("=IF(ISNUMBER(E1),E1*$F$2,#REF!)");
    expect(t.render(3, 6)).toBe("=IF(ISNUMBER(E4),E4*$F$2,D3)");
  });

  it("tells whether a text is the formula at a cell exactly as rendering it would", () => {
    const piece = fc.constantFrom(
      "A1",
      "$B$2",
      "c3",
      "D$10",
      "$E7",
      "B:B",
      "$3:$5",
      "Data!F4",
      "'Q2 deals'!$C$1",
      '"A2"',
      "LOG10(",
      "SUM(",
      "CARNET.AMOUNT(",
      ")",
      "*",
      "+",
      ",",
      "0.5",
      "#REF!",
      " "
    );
    const cell = fc.record({ row: fc.nat(1_048_575), col: fc.nat(16_383) });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), cell, cell, (ps, at, other) => {
        const text = `=${ps.join("")}`;
        const t = formulaTemplate(text, at.row, at.col);
        expect(t.matches(text, at.row, at.col)).toBe(t.render(at.row, at.col) === text);
        const there = t.render(other.row, other.col);
        expect(t.matches(there, other.row, other.col)).toBe(true);
        expect(t.matches(`${there} `, other.row, other.col)).toBe(false);
        expect(t.matches(there, other.row + 1, other.col)).toBe(
          t.render(other.row + 1, other.col) === there
        );
      }),
      { numRuns: 2000 }
    );
  });
});

describe("calculated columns", () => {
  it("fill an empty table column with a formula written into one of its cells", async () => {
    const { host, backend } = hyperFormulaHost();
    await dealsTable(host);
    await write(host, "C3", [["=B3*0.5"]]);
    expect(backend.getFormulas("Sheet1", 1, 2, 3, 1)).toEqual([
      ["=B2*0.5"],
      ["=B3*0.5"],
      ["=B4*0.5"],
    ]);
    expect(backend.getValues("Sheet1", 1, 2, 3, 1)).toEqual([[500], [1000], [2000]]);
  });

  it("leave the cells outside the table's body alone", async () => {
    const { host, backend } = hyperFormulaHost();
    await dealsTable(host);
    await write(host, "C3", [["=B3*0.5"]]);
    expect(backend.getFormulas("Sheet1", 0, 2, 1, 1)).toEqual([["Weighted"]]);
    expect(backend.getFormulas("Sheet1", 4, 2, 2, 1)).toEqual([[""], [""]]);
  });

  it("give the column's formula to every row added later, by rows.add or by a resize", async () => {
    const { host, backend } = hyperFormulaHost();
    await dealsTable(host);
    await write(host, "C2:C4", [["=B2*0.5"], ["=B3*0.5"], ["=B4*0.5"]]);
    const added = [
      ["Hooli", 100, null],
      ["Umbrella", 200, ""],
      ["Wonka", 300, 7],
    ];
    await host.Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("Deals");
      table.rows.add(undefined, rows(added));
      await context.sync();
      table.resize("A1:C9");
      await context.sync();
    });
    expect(backend.getFormulas("Sheet1", 4, 2, 5, 1)).toEqual([
      ["=B5*0.5"],
      // A blank or null in the added values keeps the formula (office-js #1916); a value is kept.
      ["=B6*0.5"],
      [7],
      ["=B8*0.5"],
      ["=B9*0.5"],
    ]);
    // The host may read the client's own arrays (json-exact.ts): it never changes them.
    expect(added[1]).toEqual(["Umbrella", 200, ""]);
  });

  it("fill the column with the last formula when one write puts different ones in it", async () => {
    // office-js #6745: "=1+1", "=1+2", "=1+3" into a cleared table all became "=1+3".
    const { host, backend } = hyperFormulaHost();
    await dealsTable(host);
    await write(host, "C2:C4", [["=1+1"], ["=1+2"], ["=1+3"]]);
    expect(backend.getFormulas("Sheet1", 1, 2, 3, 1)).toEqual([["=1+3"], ["=1+3"], ["=1+3"]]);
  });

  it("spread a formula typed over one cell of a calculated column to the whole column", async () => {
    const { host, backend } = hyperFormulaHost();
    await dealsTable(host);
    await write(host, "C2:C4", [["=B2*0.5"], ["=B3*0.5"], ["=B4*0.5"]]);
    await write(host, "C3", [["=B3*0.2"]]);
    expect(backend.getFormulas("Sheet1", 1, 2, 3, 1)).toEqual([
      ["=B2*0.2"],
      ["=B3*0.2"],
      ["=B4*0.2"],
    ]);
  });

  it("are not made by a formula written into a cell formatted as Text: it is text there", async () => {
    const { host, backend } = hyperFormulaHost();
    await dealsTable(host);
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("C3").numberFormat = [["@"]];
      await context.sync();
    });
    await write(host, "C3", [["=B3*0.5"]]);
    expect(backend.getValues("Sheet1", 1, 2, 3, 1)).toEqual([[""], ["=B3*0.5"], [""]]);
  });

  it("are not made in a column that holds values: the formulas stay as written", async () => {
    const { host, backend } = hyperFormulaHost();
    await dealsTable(host, [1, 2, 3]);
    await write(host, "C3", [["=B3*0.5"]]);
    expect(backend.getFormulas("Sheet1", 1, 2, 3, 1)).toEqual([[1], ["=B3*0.5"], [3]]);
    // Each formula of the write meets values in the cells not yet written: none fills.
    await write(host, "C2:C4", [["=1+1"], ["=1+2"], ["=1+3"]]);
    expect(backend.getFormulas("Sheet1", 1, 2, 3, 1)).toEqual([["=1+1"], ["=1+2"], ["=1+3"]]);
  });

  it("fill over the blanks a write put before the formula, never over values", async () => {
    const cases: [unknown[], unknown[]][] = [
      // A value written first is data in the column: the formula after it stays alone.
      [
        [5, "=B3*0.5", ""],
        [5, "=B3*0.5", ""],
      ],
      // A blank before the formula is filled (office-js #1916); the blank after it stays blank.
      [
        ["", "=B3*0.5", ""],
        ["=B2*0.5", "=B3*0.5", ""],
      ],
      [
        ["=B2*0.5", "", 5],
        ["=B2*0.5", "", 5],
      ],
    ];
    for (const [sent, expected] of cases) {
      const { host, backend } = hyperFormulaHost();
      await dealsTable(host);
      await write(
        host,
        "C2:C4",
        sent.map((v) => [v])
      );
      expect(backend.getFormulas("Sheet1", 1, 2, 3, 1).map((line) => line[0])).toEqual(expected);
    }
  });

  it("keep values written into a calculated column as exceptions, and end when no formula is left", async () => {
    const { host, backend } = hyperFormulaHost();
    await dealsTable(host);
    await write(host, "C2", [["=B2*0.5"]]);
    await write(host, "C3", [[9]]);
    expect(backend.getFormulas("Sheet1", 1, 2, 3, 1)).toEqual([["=B2*0.5"], [9], ["=B4*0.5"]]);
    await host.Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("Deals");
      table.rows.add(undefined, rows([["Hooli", 100, null]]));
      await context.sync();
      // Cleared: the column is no calculated column any more.
      table.columns.getItem("Weighted").getDataBodyRange().clear("Contents");
      table.rows.add(undefined, rows([["Wonka", 300, null]]));
      await context.sync();
    });
    expect(backend.getFormulas("Sheet1", 4, 2, 2, 1)).toEqual([[""], [""]]);
  });

  it("start with a new table over a column holding one formula", async () => {
    const { host, backend } = hyperFormulaHost();
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:B3").formulas = [
        ["Amount", "Half"],
        [10, "=A2/2"],
        [20, "=A3/2"],
      ];
      await context.sync();
      const table = sheet.tables.add("A1:B3", true);
      table.rows.add(undefined, rows([[30, null]]));
      await context.sync();
    });
    expect(backend.getFormulas("Sheet1", 3, 1, 1, 1)).toEqual([["=A4/2"]]);
    expect(backend.getValues("Sheet1", 3, 1, 1, 1)).toEqual([[15]]);
  });

  it("apply to TableRow.values, TableColumn.values and columns.add", async () => {
    const { host, backend } = hyperFormulaHost();
    await dealsTable(host);
    await host.Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("Deals");
      table.rows.getItemAt(0).values = [["Acme", 1000, "=B2/10"]];
      table.columns.add(undefined, [["Double"], ["=B2*2"], ["=B3*3"], ["=B4*4"]]);
      await context.sync();
    });
    expect(backend.getFormulas("Sheet1", 1, 2, 3, 2)).toEqual([
      ["=B2/10", "=B2*4"],
      ["=B3/10", "=B3*4"],
      ["=B4/10", "=B4*4"],
    ]);
  });

  it("apply to a write spanning two tables and the cells between them", async () => {
    const { host, backend } = hyperFormulaHost();
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:A3").values = [["One"], [""], [""]];
      sheet.getRange("C1:C3").values = [["Two"], [""], [""]];
      sheet.tables.add("A1:A3", true);
      sheet.tables.add("C1:C3", true);
      await context.sync();
      sheet.getRange("A3:C3").formulas = [["=1", "=2", "=3"]];
      await context.sync();
    });
    expect(backend.getFormulas("Sheet1", 1, 0, 2, 3)).toEqual([
      ["=1", "", "=3"],
      ["=1", "=2", "=3"],
    ]);
  });

  it("see cells changed by other means since the host filled the column", async () => {
    for (const change of ["backend", "write", "clear"] as const) {
      const { host, backend } = hyperFormulaHost();
      await dealsTable(host);
      await write(host, "C2", [["=B2*0.5"]]);
      if (change === "backend") backend.setCells("Sheet1", 2, 2, [[7]]); // typed in the grid
      if (change === "write") await write(host, "C3", [[7]]);
      if (change === "clear") {
        await host.Excel.run(async (context) => {
          context.workbook.worksheets.getActiveWorksheet().getRange("C3").clear("Contents");
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one workbook per case
          await context.sync();
        });
        backend.setCells("Sheet1", 2, 2, [[7]]);
      }
      // C3 holds a value now: a formula written into C4 fills nothing.
      await write(host, "C4", [["=B4*2"]]);
      expect([change, backend.getFormulas("Sheet1", 1, 2, 3, 1)]).toEqual([
        change,
        [["=B2*0.5"], [7], ["=B4*2"]],
      ]);
    }
  });

  it("work over the memory backend, where formulas are text", async () => {
    const { host, backend } = memoryHost({
      Sheet1: [
        ["Amount", "Weighted"],
        [1, ""],
        [2, ""],
      ],
    });
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.tables.add("A1:B3", true);
      sheet.getRange("B3").formulas = [["=A3*2"]];
      await context.sync();
    });
    expect(backend.getFormulas("Sheet1", 1, 1, 2, 1)).toEqual([["=A2*2"], ["=A3*2"]]);
  });

  it("are not made when the host has Excel's AutoCorrect option off", async () => {
    const { host, backend } = hyperFormulaHost({ calculatedColumns: false });
    await dealsTable(host);
    await write(host, "C2:C4", [["=1+1"], ["=1+2"], ["=1+3"]]);
    expect(backend.getFormulas("Sheet1", 1, 2, 3, 1)).toEqual([["=1+1"], ["=1+2"], ["=1+3"]]);
  });

  it("write only the cells a fill changes: a column written in blocks of one formula is filled once", async () => {
    const { host, backend } = memoryHost({ Sheet1: [["Amount", "Weighted"]] });
    const n = 20_000;
    const block = 5000;
    const setCells = backend.setCells.bind(backend);
    let written = 0;
    const byBlock: number[] = [];
    backend.setCells = (sheet, row, col, rows) => {
      written += rows.reduce((s, line) => s + line.length, 0);
      setCells(sheet, row, col, rows);
    };
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.tables.add("A1:B1", true).resize(`A1:B${n + 1}`);
      await context.sync();
      for (let start = 0; start < n; start += block) {
        sheet.getRangeByIndexes(1 + start, 0, block, 2).formulas = Array.from(
          { length: block },
          (_, i) => [i, `=A${start + i + 2}*2`]
        );
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one batch per block, as Carnet writes
        await context.sync();
        byBlock.push(written);
        written = 0;
      }
    });
    // The first block fills the rows below it (once: Microsoft's client sends a block in parts);
    // the others write their own cells only.
    expect(byBlock[0]).toBeGreaterThan(2 * block + (n - 2 * block));
    expect(byBlock[0]).toBeLessThanOrEqual(2 * block + (n - 1));
    expect(byBlock.slice(1)).toEqual([2 * block, 2 * block, 2 * block]);
    expect(backend.getFormulas("Sheet1", n, 1, 1, 1)).toEqual([[`=A${n + 1}*2`]]);
  });

  it("read only the rows written when the column is known to hold one formula (a rebuild's blocks)", async () => {
    const { host, backend } = memoryHost({ Sheet1: [["Amount", "Weighted"]] });
    const n = 20_000;
    const getFormulas = backend.getFormulas.bind(backend);
    let read = 0;
    backend.getFormulas = (sheet, row, col, rows, cols) => {
      read += rows * cols;
      return getFormulas(sheet, row, col, rows, cols);
    };
    const column = Array.from({ length: n }, (_, i) => [`=A${i + 2}*2`]);
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.tables.add("A1:B1", true).resize(`A1:B${n + 1}`);
      await context.sync();
      sheet.getRange(`B2:B${n + 1}`).formulas = column;
      await context.sync();
      read = 0;
      // Microsoft's client sends this in parts: each is checked against its own rows.
      sheet.getRange(`B2:B${n + 1}`).formulas = column;
      await context.sync();
    });
    expect(read).toBeLessThanOrEqual(2 * n);
  });
});
