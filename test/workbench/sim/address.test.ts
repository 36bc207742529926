import fc from "fast-check";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  columnIndex,
  columnLetters,
  formatAddress,
  intersect,
  parseAddress,
  quoteSheetName,
  rectAddress,
} from "../../../src/workbench/sim/address";

describe("column letters", () => {
  it("counts A..Z, then AA, as Excel's column headers do", () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
    expect(columnLetters(MAX_COLUMNS - 1)).toBe("XFD");
  });

  it("reads letters back, any case, and refuses columns past XFD", () => {
    expect(columnIndex("xfd")).toBe(MAX_COLUMNS - 1);
    expect(columnIndex("XFE")).toBeUndefined();
    expect(columnIndex("A1")).toBeUndefined();
  });

  it("round-trips every column", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_COLUMNS - 1 }),
        (col) => columnIndex(columnLetters(col)) === col
      )
    );
  });
});

describe("parseAddress", () => {
  it("reads cells and blocks as 0-based indexes", () => {
    expect(parseAddress("A1")).toEqual({ row: 0, col: 0, rows: 1, cols: 1 });
    expect(parseAddress("B2:D10")).toEqual({ row: 1, col: 1, rows: 9, cols: 3 });
    expect(parseAddress("$B$2:$D$10")).toEqual({ row: 1, col: 1, rows: 9, cols: 3 });
  });

  it("normalises a block given from its bottom-right corner", () => {
    expect(parseAddress("D10:B2")).toEqual(parseAddress("B2:D10"));
  });

  it("reads whole columns and whole rows", () => {
    expect(parseAddress("B:B")).toEqual({ row: 0, col: 1, rows: MAX_ROWS, cols: 1 });
    expect(parseAddress("3:5")).toEqual({ row: 2, col: 0, rows: 3, cols: MAX_COLUMNS });
  });

  it("takes the sheet name, quoted or not, with doubled apostrophes", () => {
    expect(parseAddress("Sheet1!A1:B2")).toMatchObject({ sheet: "Sheet1", rows: 2, cols: 2 });
    expect(parseAddress("'My Sheet'!C3")).toMatchObject({ sheet: "My Sheet", row: 2, col: 2 });
    expect(parseAddress("'O''Hara'!A1")).toMatchObject({ sheet: "O'Hara" });
  });

  it("refuses what is not a single rectangular reference", () => {
    for (const bad of [
      "",
      "A",
      "A0",
      "A1:B2:C3",
      "A1,B2",
      "Table1[Amount]",
      "XFE1",
      "A1048577",
      "'Open!A1",
    ]) {
      expect(parseAddress(bad)).toBeUndefined();
    }
  });
});

describe("formatting addresses as Office.js reports them", () => {
  it("writes a single cell without a colon, a block with one", () => {
    expect(rectAddress({ row: 0, col: 0, rows: 1, cols: 1 })).toBe("A1");
    expect(rectAddress({ row: 0, col: 0, rows: 3, cols: 3 })).toBe("A1:C3");
  });

  it("writes whole columns as B:B and whole rows as 1:1", () => {
    expect(rectAddress({ row: 0, col: 1, rows: MAX_ROWS, cols: 2 })).toBe("B:C");
    expect(rectAddress({ row: 0, col: 0, rows: 1, cols: MAX_COLUMNS })).toBe("1:1");
  });

  it("quotes sheet names that would not parse bare", () => {
    expect(formatAddress("Sheet1", { row: 0, col: 0, rows: 3, cols: 3 })).toBe("Sheet1!A1:C3");
    expect(formatAddress("My Sheet", { row: 0, col: 0, rows: 1, cols: 1 })).toBe("'My Sheet'!A1");
    expect(quoteSheetName("2024")).toBe("'2024'");
    expect(quoteSheetName("A1")).toBe("'A1'");
    expect(quoteSheetName("R2C3")).toBe("'R2C3'");
    expect(quoteSheetName("O'Hara")).toBe("'O''Hara'");
    expect(quoteSheetName("Données")).toBe("Données");
  });

  it("parses back what it formats, for any block and sheet name", () => {
    const rect = fc
      .record({
        row: fc.integer({ min: 0, max: MAX_ROWS - 1 }),
        col: fc.integer({ min: 0, max: MAX_COLUMNS - 1 }),
      })
      .chain(({ row, col }) =>
        fc.record({
          row: fc.constant(row),
          col: fc.constant(col),
          rows: fc.integer({ min: 1, max: MAX_ROWS - row }),
          cols: fc.integer({ min: 1, max: MAX_COLUMNS - col }),
        })
      );
    const sheet = fc
      .string({ minLength: 1, maxLength: 31 })
      .filter((s) => !/[:\\/?*[\]!]/.test(s) && !s.startsWith("'"));
    fc.assert(
      fc.property(rect, sheet, (r, name) => {
        expect(parseAddress(formatAddress(name, r))).toEqual({ ...r, sheet: name });
      })
    );
  });
});

describe("intersect", () => {
  it("gives the common block, or nothing when blocks only touch", () => {
    expect(
      intersect({ row: 0, col: 0, rows: 3, cols: 3 }, { row: 2, col: 2, rows: 5, cols: 5 })
    ).toEqual({
      row: 2,
      col: 2,
      rows: 1,
      cols: 1,
    });
    expect(
      intersect({ row: 0, col: 0, rows: 3, cols: 3 }, { row: 3, col: 0, rows: 1, cols: 1 })
    ).toBeUndefined();
  });
});
