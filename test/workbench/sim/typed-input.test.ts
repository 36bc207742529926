/**
 * Strings written into cells are read as Excel reads typing (typed-input.ts): through every member
 * that writes values or formulas, over both backends, en-US and fr-FR.
 */
import { type InputLocale, typeInput } from "../../../src/workbench/sim";
import { serialOfDate } from "../../../src/workbench/sim/typed-input";
import { hyperFormulaHost, memoryHost } from "./hosts";

const NOW = new Date(2026, 10, 27);
const YEAR = NOW.getFullYear();
const typed = (text: string, locale: InputLocale = "en-US") => typeInput(text, locale, NOW);
const date = (y: number, m: number, d: number) => serialOfDate(y, m, d)!;
const time = (h: number, m: number) => (h * 60 + m) / 1440;

describe("typeInput: what a typed string becomes", () => {
  it.each([
    ["2026-11-26 10:04", date(2026, 11, 26) + time(10, 4), "m/d/yyyy h:mm"],
    ["2026-11-26", date(2026, 11, 26), "m/d/yyyy"],
    ["11/26/2026", date(2026, 11, 26), "m/d/yyyy"],
    ["11/26/26", date(2026, 11, 26), "m/d/yyyy"],
    ["4/5/99", date(1999, 4, 5), "m/d/yyyy"],
    ["3/4", date(YEAR, 3, 4), "d-mmm"],
    ["3/45", date(1945, 3, 1), "mmm-yy"],
    ["2003-04", date(2003, 4, 1), "mmm-yy"],
    ["April 4, 2003", date(2003, 4, 4), "d-mmm-yy"],
    ["4-Apr-03", date(2003, 4, 4), "d-mmm-yy"],
    ["10:04", time(10, 4), "h:mm"],
    ["9:30 PM", time(21, 30), "h:mm AM/PM"],
    ["00123", 123, undefined],
    ["  12 ", 12, undefined],
    ["-5", -5, undefined],
    ["+5", 5, undefined],
    ["1.5", 1.5, undefined],
    ["20%", 0.2, "0%"],
    ["7.5 %", 0.075, "0.00%"],
    ["1,000", 1000, "#,##0"],
    ["1,000.50", 1000.5, "#,##0.00"],
    ["(1,234)", -1234, "#,##0"],
    ["$1,000", 1000, "$#,##0"],
    ["-$5.50", -5.5, "$#,##0.00"],
    ["1E5", 100000, "0.00E+00"],
    ["1 1/2", 1.5, "# ?/?"],
  ])("en-US %j is the number %p formatted %p", (text, value, format) => {
    const result = typed(text);
    expect(result.content).toBeCloseTo(value as number, 9);
    expect(result.format).toBe(format);
  });

  it.each([
    ["1 000,50", 1000.5, "#,##0.00"],
    ["1\u00a0000,50", 1000.5, "#,##0.00"],
    ["1\u202f000", 1000, "#,##0"],
    ["1,000", 1, undefined],
    ["20 %", 0.2, "0%"],
    ["7,5 %", 0.075, "0.00%"],
    ["1 000 €", 1000, '#,##0 "€"'],
    ["26/11/2026", date(2026, 11, 26), "m/d/yyyy"],
    ["26/11/26", date(2026, 11, 26), "m/d/yyyy"],
    ["3/4", date(YEAR, 4, 3), "d-mmm"],
    ["26 nov. 2026", date(2026, 11, 26), "d-mmm-yy"],
    ["4 avril 2003", date(2003, 4, 4), "d-mmm-yy"],
    ["26/11/2026 10:04", date(2026, 11, 26) + time(10, 4), "m/d/yyyy h:mm"],
    ["2026-11-26", date(2026, 11, 26), "m/d/yyyy"],
  ])("fr-FR %j is the number %p formatted %p", (text, value, format) => {
    const result = typed(text, "fr-FR");
    expect(result.content).toBeCloseTo(value as number, 9);
    expect(result.format).toBe(format);
  });

  it("reads booleans in the locale's words, any case", () => {
    expect([typed("TRUE"), typed("false"), typed("VRAI")].map((t) => t.content)).toEqual([
      true,
      false,
      "'VRAI",
    ]);
    expect([typed("VRAI", "fr-FR"), typed("faux", "fr-FR"), typed("TRUE", "fr-FR")]).toEqual([
      { content: true },
      { content: false },
      { content: "'TRUE" },
    ]);
  });

  it("keeps as text what neither locale reads, and what the other locale would", () => {
    for (const text of ["Alpha.", "2027-Q1", "2027-S1", "A-0001", "13/4", "1,00", "1 000,50"])
      expect(typed(text)).toEqual({ content: `'${text}` });
    for (const text of ["1.5", "TRUE", "9:30 PM", "$5"])
      expect(typed(text, "fr-FR")).toEqual({ content: `'${text}` });
  });

  it("makes a formula of '=', and of '+' or '-' before anything that is not a number", () => {
    expect(typed("=SUM(A1:A3)")).toEqual({ content: "=SUM(A1:A3)" });
    expect(typed("+33 1 23 45 67 89")).toEqual({ content: "=+33 1 23 45 67 89" });
    expect(typed("-A1")).toEqual({ content: "=-A1" });
    expect(typed("- to confirm")).toEqual({ content: "=- to confirm" });
    // A lone sign is no formula; a leading space makes text of anything.
    expect(typed("-")).toEqual({ content: "'-" });
    expect(typed(" =A1")).toEqual({ content: "' =A1" });
  });

  it("leaves apostrophes, numbers, booleans and '' as they are", () => {
    expect(typed("'00123")).toEqual({ content: "'00123" });
    expect(typed("''x")).toEqual({ content: "''x" });
    expect(typeInput(0.2, "en-US")).toEqual({ content: 0.2 });
    expect(typeInput(false, "fr-FR")).toEqual({ content: false });
    expect(typed("")).toEqual({ content: "" });
  });

  it("counts serials as Excel does, its 29 February 1900 included", () => {
    expect([date(1900, 1, 1), date(1900, 2, 28), date(1900, 2, 29), date(1900, 3, 1)]).toEqual([
      1, 59, 60, 61,
    ]);
    expect(date(2003, 4, 4)).toBe(37715);
    expect(serialOfDate(2026, 2, 29)).toBeUndefined();
    expect(typed("2/29/2026")).toEqual({ content: "'2/29/2026" });
  });
});

describe.each([
  ["HyperFormula", () => hyperFormulaHost().host],
  ["memory", () => memoryHost().host],
])("writing strings through the client (%s backend)", (_, makeHost) => {
  it("stores Range.values and Range.formulas as Excel does typing, with the formats it gives", async () => {
    const host = makeHost();
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:F1").values = [["2026-11-26 10:04", "00123", "20%", "1,000", "TRUE", "x"]];
      sheet.getRange("A2:F2").formulas = [["'2026-11-26 10:04", "'00123", "''x", 7, false, ""]];
      const read = sheet.getRange("A1:F2").load("values, numberFormat, text");
      await context.sync();
      // HyperFormula rounds what it returns to about 11 digits: the serial is compared closely.
      expect(read.values[0][0]).toBeCloseTo(date(2026, 11, 26) + time(10, 4), 6);
      expect(read.values[0].slice(1)).toEqual([123, 0.2, 1000, true, "x"]);
      expect(read.values[1]).toEqual(["2026-11-26 10:04", "00123", "'x", 7, false, ""]);
      expect(read.numberFormat[0]).toEqual([
        "m/d/yyyy h:mm",
        "General",
        "0%",
        "#,##0",
        "General",
        "General",
      ]);
      expect(read.text[0]).toEqual(["11/26/2026 10:04", "123", "20%", "1,000", "TRUE", "x"]);
    });
  });

  it("takes strings written into cells formatted as Text as written, apostrophe and formulas included", async () => {
    const host = makeHost();
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:F1").numberFormat = [["@", "@", "@", "@", "@", "General"]];
      sheet.getRange("A1:F1").values = [
        ["0012", "+33 6 12 34 56 78", "2027-01-04", "'x", 7, "0012"],
      ];
      sheet.getRange("A2:B2").numberFormat = [["@", "@"]];
      sheet.getRange("A2:B2").formulas = [["=1+1", ""]];
      sheet.getRange("C2:D2").numberFormat = [["@", "General"]];
      sheet.getRange("C2:D2").values = "00123" as unknown as unknown[][];
      const read = sheet.getRange("A1:F2").load("values, formulas, numberFormat");
      await context.sync();
      expect(read.values[0]).toEqual(["0012", "+33 6 12 34 56 78", "2027-01-04", "'x", 7, 12]);
      expect(read.formulas[1].slice(0, 4)).toEqual(["=1+1", "", "00123", 123]);
      expect(read.values[1].slice(0, 4)).toEqual(["=1+1", "", "00123", 123]);
      expect(read.numberFormat[0]).toEqual(["@", "@", "@", "@", "@", "General"]);
    });
  });

  it("types one value written to a whole block", async () => {
    const host = makeHost();
    await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:B2");
      range.values = "5%" as unknown as unknown[][];
      range.load("values, numberFormat");
      await context.sync();
      expect(range.values).toEqual([
        [0.05, 0.05],
        [0.05, 0.05],
      ]);
      expect(range.numberFormat).toEqual([
        ["0%", "0%"],
        ["0%", "0%"],
      ]);
    });
  });

  it("keeps a format set by hand, and keeps the format when text overwrites a date", async () => {
    const host = makeHost();
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1").numberFormat = [["0.000"]];
      sheet.getRange("A1:B1").values = [["20%", "2026-11-26"]];
      sheet.getRange("B1").values = [["'later"]];
      const read = sheet.getRange("A1:B1").load("values, numberFormat");
      await context.sync();
      expect(read.values).toEqual([[0.2, "later"]]);
      expect(read.numberFormat).toEqual([["0.000", "m/d/yyyy"]]);
    });
  });

  it("types TableRow, TableColumn and rows.add / columns.add values; headers stay text", async () => {
    const host = makeHost();
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:B1").values = [["'2026", "'TRUE"]];
      const table = sheet.tables.add("A1:B1", true);
      table.rows.add(undefined, [
        ["00123", "3/4"],
        ["'00123", "'3/4"],
      ]);
      table.rows.getItemAt(1).values = [["1,000", "'1,000"]];
      table.columns.add(undefined, [["2027"], ["50%"], ["'50%"]]);
      const body = table.getDataBodyRange().load("values");
      const headers = table.getHeaderRowRange().load("values");
      await context.sync();
      expect(headers.values).toEqual([["2026", "TRUE", "2027"]]);
      expect(body.values).toEqual([
        [123, date(new Date().getFullYear(), 3, 4), 0.5],
        [1000, "1,000", "50%"],
      ]);
      table.columns.getItemAt(0).values = [["2026"], ["'007"], ["8%"]];
      const column = table.columns.getItemAt(0).getRange().load("values");
      await context.sync();
      expect(column.values).toEqual([["2026"], ["007"], [0.08]]);
    });
  });
});

describe("a fr-FR workbook", () => {
  it("reads values and formulas the en-US way, as Microsoft documents", async () => {
    const { host } = hyperFormulaHost({ displayLanguage: "fr-FR" });
    expect(host.locale).toBe("fr-FR");
    await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:E1");
      range.values = [["26/11/2026", "1 000,50", "1,000", "VRAI", "2026-11-26"]];
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([["26/11/2026", "1 000,50", 1000, "VRAI", date(2026, 11, 26)]]);
    });
  });

  it("reads formulasLocal the French way", async () => {
    const { host } = memoryHost({ Sheet1: [] }, { locale: "fr-FR" });
    await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:E1");
      range.formulasLocal = [["26/11/2026", "1 000,50", "20 %", "VRAI", "'26/11/2026"]];
      range.load("values, numberFormat");
      await context.sync();
      expect(range.values).toEqual([[date(2026, 11, 26), 1000.5, 0.2, true, "26/11/2026"]]);
      expect(range.numberFormat).toEqual([["m/d/yyyy", "#,##0.00", "0%", "General", "General"]]);
    });
  });

  it("types in the grid the way of its locale; en-US unless told", () => {
    const fr = memoryHost({ Sheet1: [] }, { displayLanguage: "fr-FR", locale: "en-US" });
    expect(fr.host.locale).toBe("en-US");
    const { host, backend } = memoryHost({ Sheet1: [] }, { locale: "fr-FR" });
    host.type("Sheet1", 0, 0, [["1 000,50", "26/11/2026", "'00123", null]]);
    expect(backend.getValues("Sheet1", 0, 0, 1, 4)).toEqual([
      [1000.5, date(2026, 11, 26), "00123", ""],
    ]);
    expect(() => memoryHost({ Sheet1: [] }, { locale: "de-DE" as InputLocale })).toThrow(/locale/);
  });
});

describe("'+' and '-' before text", () => {
  /** Writes a contact number as is and with its apostrophe; what the cells hold. */
  async function writeContact(host: ReturnType<typeof memoryHost>["host"]) {
    return host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:B1");
      range.values = [["+33 1 23 45 67 89", "'+33 1 23 45 67 89"]];
      range.load("values, formulas");
      await context.sync();
      return { values: range.values[0], formulas: range.formulas[0] };
    });
  }

  it("write a formula: its error with a formula engine, its formula text without", async () => {
    const withEngine = await writeContact(hyperFormulaHost().host);
    const withoutEngine = await writeContact(memoryHost().host);
    for (const cells of [withEngine, withoutEngine])
      expect(cells.formulas).toEqual(["=+33 1 23 45 67 89", "+33 1 23 45 67 89"]);
    expect(withEngine.values).toEqual(["#NAME?", "+33 1 23 45 67 89"]);
    expect(withoutEngine.values).toEqual(["=+33 1 23 45 67 89", "+33 1 23 45 67 89"]);
  });
});
