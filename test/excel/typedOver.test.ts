/**
 * typedOver.ts: a column's digest ignores order and follows any cell's change; a cell compares the
 * same whether planned (text with Carnet's apostrophe) or read back (Range.formulas).
 */
import fc from "fast-check";
import type { TablePlan } from "../../src/excel/plan/sheetPlan";
import {
  columnDigest,
  normalisedCell,
  TableDigest,
  typedOver,
  writtenDigest,
} from "../../src/excel/plan/typedOver";

describe("a column's digest", () => {
  it("is the same in any order, and changes when one cell does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.integer().map(String)), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.string(),
        (cells, at, other) => {
          const shuffled = [...cells].reverse();
          expect(columnDigest(shuffled)).toBe(columnDigest(cells));
          const i = at % cells.length;
          if (other === cells[i]) return;
          const edited = cells.map((c, j) => (j === i ? other : c));
          expect(columnDigest(edited)).not.toBe(columnDigest(cells));
        }
      )
    );
  });
});

describe("a table's digest", () => {
  it("is the same taken block by block, however the rows are cut, as taken whole", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string(), fc.integer(), fc.constantFrom(null, "=A1")), {
          maxLength: 40,
        }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (rows, cuts) => {
          const plan: TablePlan = { name: "T", headers: ["a", "b", "c"], rows, row: 0, col: 0 };
          const digest = new TableDigest(plan.headers);
          let at = 0;
          for (const cut of [...cuts.map((c) => c % (rows.length + 1)).sort((x, y) => x - y)]) {
            digest.add(rows.slice(at, Math.max(at, cut)));
            at = Math.max(at, cut);
          }
          digest.add(rows.slice(at));
          expect(digest.digest()).toEqual(writtenDigest(plan));
        }
      )
    );
  });
});

describe("a cell, planned and read back", () => {
  it("compares text without Carnet's apostrophe, numbers to Excel's 15 digits, any formula as a formula", () => {
    expect(normalisedCell("'00123")).toBe(normalisedCell("00123"));
    expect(normalisedCell(0.1 + 0.2)).toBe(normalisedCell(0.3));
    expect(normalisedCell("=A1*2")).toBe(normalisedCell("=B7+1"));
    expect(normalisedCell("'=x")).toBe(normalisedCell("=x"));
    expect(normalisedCell(null)).toBe(normalisedCell(""));
    expect(normalisedCell(12)).not.toBe(normalisedCell("=A1"));
  });
});

describe("typedOver", () => {
  const plan: TablePlan = {
    name: "CarnetThing",
    headers: ["Key", "Figure", "Formula"],
    rows: [
      ["'a", 1, "=B4*2"],
      ["'b", 2, "=B5*2"],
    ],
    row: 2,
    col: 0,
    key: "Key",
  };
  const digest = writtenDigest(plan);
  const now = (body: unknown[][]) => ({
    sheet: "Carnet Thing",
    row: 2,
    col: 0,
    headers: ["Key", "Figure", "Formula"],
    body: body as never,
  });

  it("finds nothing in the table as written, or sorted", () => {
    expect(
      typedOver(
        plan,
        digest,
        now([
          ["a", 1, "=B4*2"],
          ["b", 2, "=B5*2"],
        ])
      )
    ).toEqual([]);
    expect(
      typedOver(
        plan,
        digest,
        now([
          ["b", 2, "=B4*2"],
          ["a", 1, "=B5*2"],
        ])
      )
    ).toEqual([]);
  });

  it("names a figure typed over a value or a formula, by the row's key", () => {
    const found = typedOver(
      plan,
      digest,
      now([
        ["b", 7, "=B4*2"],
        ["a", 1, 99],
      ])
    );
    expect(found.map((c) => [c.address, c.header, c.typed, c.replacement])).toEqual([
      ["'Carnet Thing'!B4", "Figure", 7, 2],
      ["'Carnet Thing'!C5", "Formula", 99, "=B4*2"], // row a's formula, wherever a now stands
    ]);
  });
});
