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

/**
 * UTF-8 bytes of a string: Excel's 5 MB limit is in bytes, and JSON keeps non-ASCII characters as
 * they are (a Japanese name weighs three bytes a character, a Greek one two).
 */
export function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 2; // a surrogate pair: two UTF-16 units, four bytes
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** Serialized weight of rows of cells in bytes, as a request or a response carries them. */
export function bytesOf(rows: readonly (readonly unknown[])[]): number {
  return utf8Bytes(JSON.stringify(rows));
}

/** Rows asked of a row source at a time when going through all of them (a few megabytes). */
export const ROW_CHUNK = 4096;

/**
 * Splits rows into blocks under the budget (for writes), measuring each row once; `extraBytesPerRow`
 * is what else each row sends with it (its number formats). The rows may be made as they are asked
 * for (sheetPlan's RowSource): they are asked a chunk at a time, so only the block being filled and
 * one chunk are held, never all of them.
 */
export function* writeBlocks<T extends readonly unknown[]>(
  rows: { readonly length: number; slice(start: number, end: number): readonly T[] },
  budget = BLOCK_BUDGET_BYTES,
  extraBytesPerRow = 0
): Generator<{ start: number; rows: T[] }> {
  let block: T[] = [];
  let start = 0;
  let size = 2; // the surrounding [] of the array
  for (let from = 0; from < rows.length; from += ROW_CHUNK) {
    const chunk = rows.slice(from, Math.min(from + ROW_CHUNK, rows.length));
    for (const row of chunk) {
      const weight = utf8Bytes(JSON.stringify(row)) + 1 + extraBytesPerRow;
      if (block.length > 0 && (size + weight > budget || block.length >= MAX_BLOCK_ROWS)) {
        yield { start, rows: block };
        start += block.length;
        block = [];
        size = 2;
      }
      block.push(row);
      size += weight;
    }
  }
  if (block.length > 0) yield { start, rows: block };
}
