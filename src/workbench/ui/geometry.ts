/** Sizes and positions of the grid: rows are all the same height, columns have their own widths. */
import { MAX_COLUMNS, MAX_ROWS } from "../sim/address";

export const ROW_HEIGHT = 22;
export const HEADER_HEIGHT = 24;

/** Column left edges: offsets[c] is where column c starts, offsets[count] the total width. */
export class Columns {
  readonly offsets: Float64Array;

  constructor(
    readonly count: number,
    width: (col: number) => number
  ) {
    this.offsets = new Float64Array(count + 1);
    for (let c = 0; c < count; c++) this.offsets[c + 1] = this.offsets[c] + width(c);
  }

  get total(): number {
    return this.offsets[this.count];
  }

  left(col: number): number {
    return this.offsets[Math.min(col, this.count)];
  }

  width(col: number): number {
    return col < this.count ? this.offsets[col + 1] - this.offsets[col] : 0;
  }

  /** The column under x (clamped to the drawn ones). */
  at(x: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid] <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** How many rows and columns the grid draws: what is used plus room to type, as far as Excel goes. */
export function drawnExtent(used: { rows: number; cols: number }): { rows: number; cols: number } {
  return {
    rows: Math.min(MAX_ROWS, Math.max(used.rows + 100, 200)),
    cols: Math.min(MAX_COLUMNS, Math.max(used.cols + 6, 26)),
  };
}

/** Width of the row-number column: enough for the largest number drawn. */
export function rowHeaderWidth(rows: number): number {
  return Math.max(44, String(rows).length * 8 + 16);
}
