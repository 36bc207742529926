/**
 * A block of cells as the custom functions and the task pane receive them: rows of values.
 * A range of any shape (a column, a row, a block) is read in row-major order, and a cell's
 * position is its 1-based index in that order, the number error messages quote.
 */
import type { CellValue } from "./values";

export type Grid = ReadonlyArray<ReadonlyArray<CellValue>>;

export function cellCount(grid: Grid): number {
  return grid.length === 0 ? 0 : grid.length * grid[0].length;
}

export function sameShape(a: Grid, b: Grid): boolean {
  return a.length === b.length && (a.length === 0 || a[0].length === b[0].length);
}

/** The cells in row-major order. */
export function flatten(grid: Grid): CellValue[] {
  const out: CellValue[] = [];
  for (const row of grid) for (const cell of row) out.push(cell);
  return out;
}

/** Lays `values` out in `shape`'s rows and columns (the spill of a function lifted over a range). */
export function reshape<T>(values: ReadonlyArray<T>, shape: Grid): T[][] {
  const cols = shape.length === 0 ? 0 : shape[0].length;
  const out: T[][] = [];
  for (let r = 0; r < shape.length; r++) out.push(values.slice(r * cols, (r + 1) * cols));
  return out;
}

/** Bad input that names where it is and why; the functions turn it into #VALUE!, the pane into a report line. */
export class InputProblem extends Error {
  constructor(
    message: string,
    /** 1-based position in the range, when the problem is one cell. */
    readonly position?: number
  ) {
    super(message);
    this.name = "InputProblem";
  }
}
