/** Column widths: Excel's autofit sizes a whole column, not only the cells of the range it is asked on. */
import { memoryHost } from "./hosts";

describe("autofitColumns", () => {
  it("sizes a column to its widest cell anywhere in it, so a long note above a table widens it", async () => {
    const { host } = memoryHost({
      Notes: [
        ["A note much longer than anything in the table below it, as a sheet's title often is"],
        [null],
        ["Id", "Amount"],
        ["D1", 1000],
      ],
    });
    const width = await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Notes");
      const note = sheet.getRange("A1");
      note.load("format/columnWidth");
      await context.sync();
      const before = note.format.columnWidth;
      const table = sheet.getRange("A3:B4");
      table.format.autofitColumns();
      const [a, b] = [sheet.getRange("A3"), sheet.getRange("B3")];
      a.load("format/columnWidth");
      b.load("format/columnWidth");
      await context.sync();
      return { before, a: a.format.columnWidth, b: b.format.columnWidth };
    });
    expect(width.before).toBe(48);
    expect(width.a).toBeGreaterThan(400); // the note's 85 characters, not "Id"
    expect(width.b).toBeLessThan(100); // "Amount", "1000"
  });

  it("keeps a width set by hand on every column of the range", async () => {
    const { host } = memoryHost({ S: [["x"]] });
    const widths = await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      const columns = sheet.getRange("B:C");
      columns.format.columnWidth = 120;
      const c = sheet.getRange("C1");
      c.load("format/columnWidth");
      await context.sync();
      return c.format.columnWidth;
    });
    expect(widths).toBe(120);
  });
});
