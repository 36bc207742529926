/**
 * The memory backend's compact cells (pages of unboxed numbers, shared texts, formulas kept once in
 * R1C1 terms): the same answers as a plain cell-by-cell store over any sequence of writes, clears
 * and moves, across page boundaries.
 */
import fc from "fast-check";
import type { CellInput, CellValue } from "../../../src/workbench/sim/backend";
import { createMemoryBackend } from "../../../src/workbench/sim/memory-backend";

type Op =
  | { kind: "set"; row: number; col: number; cells: CellInput[][] }
  | { kind: "clear"; row: number; col: number; rows: number; cols: number }
  | { kind: "move"; row: number; col: number; rows: number; cols: number; toRow: number };

// Rows about the first page boundaries (4,096 rows a page), so blocks straddle them.
const row = fc.oneof(fc.nat(6), fc.integer({ min: 4090, max: 4100 }), fc.constantFrom(4096, 8191));
const cell: fc.Arbitrary<CellInput> = fc.oneof(
  fc.constantFrom(0, -1.5, 1e300, 42, 0.1 + 0.2, true, false, null, ""),
  fc.constantFrom("Acme", "'00123", "'=not a formula", "=A1*B1", "=SUM($A$1:A5)", "=a1", "=B:B"),
  fc.constantFrom("Zoë", "東京", "a long text of more than thirteen characters", "x".repeat(9000)),
  fc.double({ noNaN: true })
);
const block = fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), {
  minLength: 1,
  maxLength: 4,
});
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), row, col: fc.nat(3), cells: block }),
  fc.record({
    kind: fc.constant("clear" as const),
    row,
    col: fc.nat(3),
    rows: fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.constantFrom(4095, 4096, 4097, 8192)),
    cols: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    kind: fc.constant("move" as const),
    row,
    col: fc.nat(3),
    rows: fc.integer({ min: 1, max: 6 }),
    cols: fc.integer({ min: 1, max: 2 }),
    toRow: row,
  })
);

/** The plain store: one map entry a cell, formulas as their text (no engine, no adjusting). */
class PlainCells {
  readonly cells = new Map<string, CellValue>();

  set(r: number, c: number, input: CellInput): void {
    if (input === null || input === "") this.cells.delete(`${r},${c}`);
    else
      this.cells.set(
        `${r},${c}`,
        typeof input === "string" && input.startsWith("'") ? input.slice(1) : input
      );
  }

  apply(o: Op): void {
    if (o.kind === "set")
      o.cells.forEach((line, i) => line.forEach((v, j) => this.set(o.row + i, o.col + j, v)));
    else if (o.kind === "clear") {
      for (const key of [...this.cells.keys()]) {
        const [r, c] = key.split(",").map(Number);
        if (r >= o.row && r < o.row + o.rows && c >= o.col && c < o.col + o.cols)
          this.cells.delete(key);
      }
    } else {
      const taken = new Map<string, CellValue>();
      for (let i = 0; i < o.rows; i += 1)
        for (let j = 0; j < o.cols; j += 1) {
          const key = `${o.row + i},${o.col + j}`;
          const v = this.cells.get(key);
          if (v !== undefined) taken.set(`${o.toRow + i},${o.col + j}`, v);
          this.cells.delete(key);
        }
      for (let i = 0; i < o.rows; i += 1)
        for (let j = 0; j < o.cols; j += 1) this.cells.delete(`${o.toRow + i},${o.col + j}`);
      for (const [key, v] of taken) this.cells.set(key, v);
    }
  }

  read(r: number, c: number): CellValue {
    return this.cells.get(`${r},${c}`) ?? "";
  }
}

describe("the memory backend's cells", () => {
  it("read as a plain cell-by-cell store would after any writes, clears and moves", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const backend = createMemoryBackend({ S: [] });
        const plain = new PlainCells();
        for (const o of ops) {
          plain.apply(o);
          if (o.kind === "set") backend.setCells("S", o.row, o.col, o.cells);
          else if (o.kind === "clear") backend.clear("S", o.row, o.col, o.rows, o.cols);
          else backend.moveCells!("S", o, o.toRow, o.col);
        }
        for (const top of [0, 4088, 8186]) {
          const expected = Array.from({ length: 14 }, (_, i) =>
            Array.from({ length: 6 }, (_, j) => plain.read(top + i, j))
          );
          expect(backend.getValues("S", top, 0, 14, 6)).toEqual(expected);
          expect(backend.getFormulas("S", top, 0, 14, 6)).toEqual(expected);
        }
        const keys = [...plain.cells.keys()].map((k) => k.split(",").map(Number));
        const used =
          keys.length === 0
            ? null
            : {
                row: Math.min(...keys.map(([r]) => r)),
                col: Math.min(...keys.map(([, c]) => c)),
                rows: Math.max(...keys.map(([r]) => r)) - Math.min(...keys.map(([r]) => r)) + 1,
                cols: Math.max(...keys.map(([, c]) => c)) - Math.min(...keys.map(([, c]) => c)) + 1,
              };
        backend.clear("S", 1_000_000, 0, 1, 1); // forgets the used range kept: it is scanned again
        expect(backend.usedRange("S")).toEqual(used);
      }),
      { numRuns: 300 }
    );
  });

  it("keep a column of distinct texts, past what its dictionary codes, and texts rewritten", () => {
    const backend = createMemoryBackend({ S: [] });
    const rows = 70_000;
    // One text outside Latin-1, in the last page: that page alone is kept another way. One long.
    const id = (i: number, round: number) =>
      i === 69_990 ? `東京 ${round}` : i === 69_000 ? "x".repeat(9000) + round : `D-${i}.${round}`;
    for (let round = 0; round < 3; round += 1)
      backend.setCells(
        "S",
        0,
        0,
        Array.from({ length: rows }, (_, i) => [`'${id(i, round)}`])
      );
    const read = backend.getValues("S", 0, 0, rows, 1);
    expect(read.every(([v], i) => v === id(i, 2))).toBe(true);
    backend.setCells("S", 5, 0, [[1.5], ["=A1"], [""]]);
    expect(backend.getValues("S", 4, 0, 4, 1)).toEqual([[id(4, 2)], [1.5], ["=A1"], [""]]);
    expect(backend.getValues("S", 69_999, 0, 1, 1)).toEqual([[id(69_999, 2)]]);
  });

  it("keep a formula written down a column once, and read each row's own references", () => {
    const backend = createMemoryBackend({ S: [] });
    const rows = 10_000;
    backend.setCells(
      "S",
      0,
      2,
      Array.from({ length: rows }, (_, i) => [`=A${i + 1}*B${i + 1}`])
    );
    const read = backend.getFormulas("S", 0, 2, rows, 1);
    expect(read[0][0]).toBe("=A1*B1");
    expect(read[rows - 1][0]).toBe(`=A${rows}*B${rows}`);
    backend.moveCells!("S", { row: 0, col: 2, rows: 2, cols: 1 }, 5, 2);
    // Moved cells keep their text, unadjusted: there is no engine to follow references.
    expect(backend.getFormulas("S", 5, 2, 2, 1)).toEqual([["=A1*B1"], ["=A2*B2"]]);
  });
});
