import { parseRangeAddress } from "../../src/excel/plan/a1";
import {
  boxMinus,
  cellsAtRisk,
  isCarnetName,
  type SheetPlan,
} from "../../src/excel/plan/sheetPlan";

describe("the cells a rebuild could write over", () => {
  it("are the parts of a box outside another", () => {
    const a = { row: 0, col: 0, rows: 10, cols: 4 };
    expect(boxMinus(a, { row: 0, col: 0, rows: 10, cols: 4 })).toEqual([]);
    expect(boxMinus(a, { row: 0, col: 0, rows: 6, cols: 4 })).toEqual([
      { row: 6, col: 0, rows: 4, cols: 4 },
    ]);
    expect(boxMinus(a, { row: 20, col: 0, rows: 2, cols: 2 })).toEqual([a]);
    const inner = boxMinus(a, { row: 2, col: 1, rows: 2, cols: 2 });
    expect(inner.reduce((n, b) => n + b.rows * b.cols, 0)).toBe(40 - 4);
  });

  it("are where a table grows beyond Carnet's tables of last time", () => {
    const plan: SheetPlan = {
      sheet: "Carnet Pipeline",
      tables: [
        {
          name: "CarnetPipeline",
          headers: ["Id", "Amount"],
          rows: [
            [1, 2],
            [3, 4],
            [5, 6],
          ],
          row: 2,
          col: 0,
        },
      ],
    };
    // Last time: a header and one row (A3:B4). Now a header and three rows (A3:B6): A5:B6 at risk.
    expect(cellsAtRisk(plan, [{ row: 2, col: 0, rows: 2, cols: 2 }])).toEqual([
      { row: 4, col: 0, rows: 2, cols: 2 },
    ]);
    expect(cellsAtRisk(plan, [{ row: 2, col: 0, rows: 10, cols: 2 }])).toEqual([]);
  });

  it("leave the user's own tables and charts alone: Carnet's are named Carnet…", () => {
    expect(isCarnetName("CarnetPipeline")).toBe(true);
    expect(isCarnetName("CarnetMatrixBubbleChart")).toBe(true);
    expect(isCarnetName("Chart 1")).toBe(false);
    expect(isCarnetName("MyCarnetNotes")).toBe(false);
  });
});

describe("parseRangeAddress", () => {
  it("reads cells, blocks, and whole columns or rows as Excel writes a table filling its columns", () => {
    expect(parseRangeAddress("'Q2 deals'!B2:C5")).toEqual({
      sheet: "Q2 deals",
      row: 1,
      col: 1,
      rows: 4,
      cols: 2,
    });
    expect(parseRangeAddress("'Carnet Pipeline'!A:N")).toEqual({
      sheet: "Carnet Pipeline",
      row: 0,
      col: 0,
      rows: 1_048_576,
      cols: 14,
    });
    expect(parseRangeAddress("Sheet1!$3:$5")).toEqual({
      sheet: "Sheet1",
      row: 2,
      col: 0,
      rows: 3,
      cols: 16_384,
    });
    expect(parseRangeAddress("A:7")).toBeNull();
  });
});
