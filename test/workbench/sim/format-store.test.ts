/**
 * The simulator's number formats, kept in runs of rows: the same answers as a cell-by-cell store over
 * any sequence of writes, clears and moves, with a million-row column of one format as one run.
 */
import fc from "fast-check";
import { FormatStore } from "../../../src/workbench/sim/backend";

type Op =
  | { kind: "set"; row: number; col: number; formats: string[][] }
  | { kind: "clear"; row: number; col: number; rows: number; cols: number }
  | {
      kind: "move";
      row: number;
      col: number;
      rows: number;
      cols: number;
      dRow: number;
      dCol: number;
    };

const format = fc.constantFrom("General", "0%", "#,##0", "yyyy-mm-dd", "");
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("set" as const),
    row: fc.nat(20),
    col: fc.nat(4),
    formats: fc.array(fc.array(format, { minLength: 1, maxLength: 3 }), {
      minLength: 1,
      maxLength: 8,
    }),
  }),
  fc.record({
    kind: fc.constant("clear" as const),
    row: fc.nat(20),
    col: fc.nat(4),
    rows: fc.integer({ min: 1, max: 10 }),
    cols: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    kind: fc.constant("move" as const),
    row: fc.nat(15),
    col: fc.nat(3),
    rows: fc.integer({ min: 1, max: 8 }),
    cols: fc.integer({ min: 1, max: 3 }),
    dRow: fc.integer({ min: 0, max: 6 }),
    dCol: fc.integer({ min: 0, max: 2 }),
  })
);

/** The reference: one entry per cell. */
function apply(model: Map<string, string>, o: Op) {
  const key = (r: number, c: number) => `${r},${c}`;
  const inside = (
    r: number,
    c: number,
    b: { row: number; col: number; rows: number; cols: number }
  ) => r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols;
  if (o.kind === "set")
    o.formats.forEach((line, i) =>
      line.forEach((f, j) => {
        if (f === "General" || f === "") model.delete(key(o.row + i, o.col + j));
        else model.set(key(o.row + i, o.col + j), f);
      })
    );
  else if (o.kind === "clear") {
    for (const k of [...model.keys()]) {
      const [r, c] = k.split(",").map(Number);
      if (inside(r, c, o)) model.delete(k);
    }
  } else {
    const moved = [...model.entries()].filter(([k]) => {
      const [r, c] = k.split(",").map(Number);
      return inside(r, c, o);
    });
    moved.forEach(([k]) => model.delete(k));
    for (const k of [...model.keys()]) {
      const [r, c] = k.split(",").map(Number);
      if (inside(r, c, { ...o, row: o.row + o.dRow, col: o.col + o.dCol })) model.delete(k);
    }
    for (const [k, f] of moved) {
      const [r, c] = k.split(",").map(Number);
      model.set(key(r + o.dRow, c + o.dCol), f);
    }
  }
}

describe("FormatStore", () => {
  it("answers as a cell-by-cell store after any writes, clears and moves", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const store = new FormatStore();
        const model = new Map<string, string>();
        for (const o of ops) {
          if (o.kind === "set") store.set("S", o.row, o.col, o.formats);
          else if (o.kind === "clear") store.clear("S", o);
          else store.move("S", o, o.dRow, o.dCol);
          apply(model, o);
        }
        for (let r = 0; r < 40; r++)
          for (let c = 0; c < 10; c++) expect(store.get("S", r, c)).toBe(model.get(`${r},${c}`));
        // Whether a block holds a format, as the cell-by-cell store says, for a few blocks.
        for (const block of [
          { row: 0, col: 0, rows: 40, cols: 10 },
          { row: 3, col: 1, rows: 5, cols: 2 },
          { row: 12, col: 2, rows: 1, cols: 1 },
        ])
          for (const f of ["0%", "#,##0", "yyyy-mm-dd"]) {
            const cells = [...model.entries()].filter(([k, v]) => {
              const [r, c] = k.split(",").map(Number);
              const inside = r >= block.row && r < block.row + block.rows;
              return inside && c >= block.col && c < block.col + block.cols && v === f;
            });
            expect(store.has("S", block, f)).toBe(cells.length > 0);
          }
      }),
      { numRuns: 300 }
    );
  });

  it("keeps a million rows of one format written in blocks as one run, read back quickly", () => {
    const store = new FormatStore();
    for (let row = 0; row < 1_000_000; row += 10_000)
      store.set(
        "S",
        row,
        0,
        Array.from({ length: 10_000 }, () => ["0%", "#,##0"])
      );
    expect(store.get("S", 999_999, 0)).toBe("0%");
    expect(store.get("S", 123_456, 1)).toBe("#,##0");
    expect(store.get("S", 1_000_000, 1)).toBeUndefined();
    const runs = (store as unknown as { bySheet: Map<string, Map<number, unknown[]>> }).bySheet
      .get("S")!
      .get(0)!;
    expect(runs).toHaveLength(1);
  });
});
