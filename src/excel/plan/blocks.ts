/**
 * Planning reads and writes in blocks. Excel on the web fails a request or a response over 5 MB
 * (RequestPayloadSizeLimitExceeded), so large ranges go in blocks sized from what a cell actually
 * weighs, with a margin: syncs then grow with rows ÷ block size, never with rows.
 */

/** What one block may weigh, serialized: a margin under Excel's 5 MB. */
export const BLOCK_BUDGET_BYTES = 4 * 1024 * 1024;
/** The first block of a read is small: it measures what a row weighs before the big ones. */
export const PROBE_ROWS = 2000;
/** More rows than this in one block buy nothing and make cancellation slow. */
export const MAX_BLOCK_ROWS = 200_000;

/** Rows per block for rows weighing `bytesPerRow` once serialized. */
export function rowsPerBlock(bytesPerRow: number, budget = BLOCK_BUDGET_BYTES): number {
  const rows = Math.floor(budget / Math.max(bytesPerRow, 1));
  return Math.max(1, Math.min(MAX_BLOCK_ROWS, rows));
}

/** Serialized weight of rows of cells, as a request or a response carries them. */
export function bytesOf(rows: readonly (readonly unknown[])[]): number {
  return JSON.stringify(rows).length;
}

/**
 * Splits rows into blocks under the budget (for writes), measuring each row once; `extraBytesPerRow`
 * is what else each row sends with it (its number formats).
 */
export function* writeBlocks<T extends readonly unknown[]>(
  rows: readonly T[],
  budget = BLOCK_BUDGET_BYTES,
  extraBytesPerRow = 0
): Generator<{ start: number; rows: T[] }> {
  let start = 0;
  let size = 2; // the surrounding [] of the array
  for (let i = 0; i < rows.length; i++) {
    const weight = JSON.stringify(rows[i]).length + 1 + extraBytesPerRow;
    if (i > start && (size + weight > budget || i - start >= MAX_BLOCK_ROWS)) {
      yield { start, rows: rows.slice(start, i) as T[] };
      start = i;
      size = 2;
    }
    size += weight;
  }
  if (start < rows.length) yield { start, rows: rows.slice(start) as T[] };
}
