import { hyperFormulaHost } from "./hosts";

describe("HyperFormula backend", () => {
  it("recalculates formulas after an edit through setCells", () => {
    const { backend } = hyperFormulaHost();
    // The handbook's pipeline: 1 000 at 20 %, 2 000 at 50 %, 4 000 at 75 % → weighted 4 200.
    backend.setCells("Sheet1", 0, 0, [
      [1000, 0.2, "=A1*B1"],
      [2000, 0.5, "=A2*B2"],
      [4000, 0.75, "=A3*B3"],
      ["", "", "=SUM(C1:C3)"],
    ]);
    expect(backend.getValues("Sheet1", 3, 2, 1, 1)).toEqual([[4200]]);
    backend.setCells("Sheet1", 2, 1, [[0.5]]);
    expect(backend.getValues("Sheet1", 3, 2, 1, 1)).toEqual([[3200]]);
    expect(backend.getFormulas("Sheet1", 3, 0, 1, 3)).toEqual([["", "", "=SUM(C1:C3)"]]);
  });

  it("reads formulas and values through Range, recalculated by a write in the same batch", async () => {
    const { host } = hyperFormulaHost();
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:B2").formulas = [
        [10, "=A1*2"],
        [20, "=SUM(A1:A2)"],
      ];
      const before = sheet.getRange("B1:B2").load("values, formulas");
      sheet.getRange("A1").values = [[15]];
      const after = sheet.getRange("B1:B2").load("values");
      await context.sync();
      expect(before.values).toEqual([[20], [30]]);
      expect(before.formulas).toEqual([["=A1*2"], ["=SUM(A1:A2)"]]);
      expect(after.values).toEqual([[30], [35]]);
    });
  });

  it("reads blanks as '' and errors as their Excel code, with the reason at hand", () => {
    const { backend } = hyperFormulaHost();
    backend.setCells("Sheet1", 0, 0, [["=1/0", "=NOSUCHFUNCTION(1)", "=SUM((", null]]);
    expect(backend.getValues("Sheet1", 0, 0, 1, 4)).toEqual([["#DIV/0!", "#NAME?", "#NAME?", ""]]);
    expect(backend.errorMessage?.("Sheet1", 0, 1)).toMatch(/NOSUCHFUNCTION/);
  });

  it("spills an array formula: the anchor holds the formula, the other cells only values", () => {
    const { backend } = hyperFormulaHost();
    backend.setCells("Sheet1", 0, 0, [["={1,2;3,4}"]]);
    expect(backend.getValues("Sheet1", 0, 0, 2, 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(backend.getFormulas("Sheet1", 0, 0, 2, 2)).toEqual([
      ["={1,2;3,4}", 2],
      [3, 4],
    ]);
    expect(backend.usedRange("Sheet1")).toEqual({ row: 0, col: 0, rows: 2, cols: 2 });
  });

  it("gives back a number it holds as written, where its formulas' results are HyperFormula's", () => {
    const { backend } = hyperFormulaHost();
    backend.setCells("Sheet1", 0, 0, [[2400 / 36000, 0.1 + 0.2, "=1/15"]]);
    // Excel keeps the double written; HyperFormula would read 0.066666666667 and 0.3.
    expect(backend.getValues("Sheet1", 0, 0, 1, 2)).toEqual([[2400 / 36000, 0.1 + 0.2]]);
    expect(backend.getFormulas("Sheet1", 0, 0, 1, 3)).toEqual([[2400 / 36000, 0.1 + 0.2, "=1/15"]]);
  });

  it("keeps quoted text as text and parses typed numbers, as Excel's input does", () => {
    const { backend } = hyperFormulaHost();
    backend.setCells("Sheet1", 0, 0, [["'123", "123", "20%"]]);
    expect(backend.getValues("Sheet1", 0, 0, 1, 3)).toEqual([["123", 123, 0.2]]);
    expect(backend.getNumberFormats("Sheet1", 0, 0, 1, 3)).toEqual([["General", "General", "0%"]]);
  });

  it("keeps explicit number formats beside the cells, following renames", async () => {
    const { host, backend } = hyperFormulaHost();
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1").values = [[0.25]];
      sheet.getRange("A1").numberFormat = [["0.0%"]];
      sheet.name = "Pipeline";
      const text = sheet.getRange("A1").load("text");
      await context.sync();
      expect(text.text).toEqual([["25.0%"]]);
    });
    expect(backend.getNumberFormats("Pipeline", 0, 0, 1, 1)).toEqual([["0.0%"]]);
  });

  it("finds the used range, which shrinks when cells are cleared", () => {
    const { backend } = hyperFormulaHost();
    backend.setCells("Sheet1", 2, 1, [
      [1, 2],
      [3, 4],
    ]);
    expect(backend.usedRange("Sheet1")).toEqual({ row: 2, col: 1, rows: 2, cols: 2 });
    backend.clear("Sheet1", 3, 0, 1, 10);
    expect(backend.usedRange("Sheet1")).toEqual({ row: 2, col: 1, rows: 1, cols: 2 });
    backend.clear("Sheet1", 0, 0, 1048576, 3);
    expect(backend.usedRange("Sheet1")).toBeNull();
  });

  it("re-points formulas at cells that rows inserted into a table moved", async () => {
    const { host, backend } = hyperFormulaHost();
    backend.setCells("Sheet1", 0, 0, [
      ["Deal", "Amount"],
      ["a", 1000],
      ["b", 2000],
    ]);
    backend.setCells("Sheet1", 0, 3, [["=B3"]]);
    await host.Excel.run(async (context) => {
      context.workbook.worksheets
        .getActiveWorksheet()
        .tables.add("A1:B3", true)
        .rows.add(0, [["new", 5]]);
      await context.sync();
    });
    expect(backend.getFormulas("Sheet1", 0, 3, 1, 1)).toEqual([["=B4"]]);
    expect(backend.getValues("Sheet1", 0, 3, 1, 1)).toEqual([[2000]]);
  });

  it("shifts cells across a spilled array: spilled cells are not content, the anchor spills again", () => {
    const { backend } = hyperFormulaHost();
    backend.setCells("Sheet1", 0, 0, [
      ["={1;2;3}", "x"],
      [null, "y"],
      [null, "z"],
    ]);
    backend.moveCells?.("Sheet1", { row: 1, col: 0, rows: 2, cols: 2 }, 2, 0);
    expect(backend.getValues("Sheet1", 0, 0, 4, 2)).toEqual([
      [1, "x"],
      [2, ""],
      [3, "y"],
      ["", "z"],
    ]);
  });

  it("recalculates totals when the task pane appends table rows", async () => {
    const { host, backend } = hyperFormulaHost();
    backend.setCells("Sheet1", 0, 0, [["Amount"], [1000], [2000]]);
    backend.setCells("Sheet1", 0, 3, [["=SUM(A:A)"]]);
    await host.Excel.run(async (context) => {
      context.workbook.worksheets
        .getActiveWorksheet()
        .tables.add("A1:A3", true)
        .rows.add(undefined, [[4000]]);
      await context.sync();
    });
    expect(backend.getValues("Sheet1", 0, 3, 1, 1)).toEqual([[7000]]);
  });
});
