/**
 * A1-style addresses as Excel writes and reads them: "A1", "A1:C10", "B:B", "3:5",
 * "Sheet1!A1:B2", "'My Sheet'!A1". Rows and columns are 0-based indexes here, as in
 * `Worksheet.getRangeByIndexes`; the text forms are 1-based, as in Excel.
 */

/** Sheet size of Excel 2007 and later. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangular block of cells: top-left corner and size (both at least 1). */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface ParsedAddress extends Rect {
  /** The sheet named in the address, unquoted; undefined when the address has none. */
  sheet?: string;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0 || col >= MAX_COLUMNS)
    throw new RangeError(`column index ${col}`);
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 0, "aa" → 26; undefined when not letters or beyond column XFD. */
export function columnIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < MAX_COLUMNS ? n - 1 : undefined;
}

/** (0, 0) → "A1". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/**
 * The address of a block without its sheet, the way Office.js reports it: a single cell as "A1",
 * whole rows as "1:3", whole columns as "B:D" (whole rows win for the entire sheet, as in Excel).
 */
export function rectAddress(rect: Rect): string {
  const lastRow = rect.row + rect.rows - 1;
  const lastCol = rect.col + rect.cols - 1;
  if (rect.col === 0 && rect.cols === MAX_COLUMNS) return `${rect.row + 1}:${lastRow + 1}`;
  if (rect.row === 0 && rect.rows === MAX_ROWS)
    return `${columnLetters(rect.col)}:${columnLetters(lastCol)}`;
  const start = cellAddress(rect.row, rect.col);
  return rect.rows === 1 && rect.cols === 1 ? start : `${start}:${cellAddress(lastRow, lastCol)}`;
}

/**
 * Excel quotes a sheet name in a reference when it would otherwise not parse: spaces or punctuation,
 * a leading digit, or a name that reads as a cell reference ("A1", "R1C1").
 */
export function needsQuotes(sheet: string): boolean {
  if (!/^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(sheet)) return true;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(sheet)) return true;
  return /^[Rr][0-9]*([Cc][0-9]*)?$/.test(sheet) || /^[Cc][0-9]*$/.test(sheet);
}

/** "My Sheet" → "'My Sheet'", "O'Hara" → "'O''Hara'", "Sheet1" → "Sheet1". */
export function quoteSheetName(sheet: string): string {
  return needsQuotes(sheet) ? `'${sheet.replace(/'/g, "''")}'` : sheet;
}

/** "Sheet1!A1:C3" (or "'My Sheet'!A1:C3"). */
export function formatAddress(sheet: string, rect: Rect): string {
  return `${quoteSheetName(sheet)}!${rectAddress(rect)}`;
}

interface Corner {
  row?: number;
  col?: number;
}

function parseCorner(text: string): Corner | undefined {
  const m = /^\$?([A-Za-z]{1,3})?\$?([0-9]{1,7})?$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const corner: Corner = {};
  if (m[1] !== undefined) {
    const col = columnIndex(m[1]);
    if (col === undefined) return undefined;
    corner.col = col;
  }
  if (m[2] !== undefined) {
    const row = Number(m[2]) - 1;
    if (row < 0 || row >= MAX_ROWS) return undefined;
    corner.row = row;
  }
  return corner;
}

/** Splits "'My Sheet'!A1" into sheet and reference; the sheet part is unquoted. */
export function splitSheet(address: string): { sheet?: string; ref: string } | undefined {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i];
      i += 1;
    }
    if (text[i] !== "'" || text[i + 1] !== "!" || name === "") return undefined;
    return { sheet: name, ref: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { ref: text };
  if (bang === 0) return undefined;
  return { sheet: text.slice(0, bang), ref: text.slice(bang + 1) };
}

/**
 * Parses "A1", "A1:C10", "C10:A1" (normalised), "B:D", "3:5", "$A$1", with an optional sheet.
 * Returns undefined for anything else (names, structured references, several areas).
 */
export function parseAddress(address: string): ParsedAddress | undefined {
  const split = splitSheet(address);
  if (!split) return undefined;
  const parts = split.ref.split(":");
  if (parts.length < 1 || parts.length > 2) return undefined;
  const a = parseCorner(parts[0]);
  const b = parts.length === 2 ? parseCorner(parts[1]) : a;
  if (!a || !b) return undefined;
  let rect: Rect;
  if (a.row !== undefined && a.col !== undefined && b.row !== undefined && b.col !== undefined) {
    const row = Math.min(a.row, b.row);
    const col = Math.min(a.col, b.col);
    rect = {
      row,
      col,
      rows: Math.max(a.row, b.row) - row + 1,
      cols: Math.max(a.col, b.col) - col + 1,
    };
  } else if (
    parts.length === 2 &&
    a.row === undefined &&
    b.row === undefined &&
    a.col !== undefined &&
    b.col !== undefined
  ) {
    const col = Math.min(a.col, b.col);
    rect = { row: 0, col, rows: MAX_ROWS, cols: Math.max(a.col, b.col) - col + 1 };
  } else if (
    parts.length === 2 &&
    a.col === undefined &&
    b.col === undefined &&
    a.row !== undefined &&
    b.row !== undefined
  ) {
    const row = Math.min(a.row, b.row);
    rect = { row, col: 0, rows: Math.max(a.row, b.row) - row + 1, cols: MAX_COLUMNS };
  } else {
    return undefined;
  }
  return split.sheet === undefined ? rect : { ...rect, sheet: split.sheet };
}

/** True when the block lies inside the sheet grid. */
export function isInsideSheet(rect: Rect): boolean {
  return (
    Number.isInteger(rect.row) &&
    Number.isInteger(rect.col) &&
    Number.isInteger(rect.rows) &&
    Number.isInteger(rect.cols) &&
    rect.row >= 0 &&
    rect.col >= 0 &&
    rect.rows >= 1 &&
    rect.cols >= 1 &&
    rect.row + rect.rows <= MAX_ROWS &&
    rect.col + rect.cols <= MAX_COLUMNS
  );
}

/** The common block of two blocks, or undefined when they do not meet. */
export function intersect(a: Rect, b: Rect): Rect | undefined {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const endRow = Math.min(a.row + a.rows, b.row + b.rows);
  const endCol = Math.min(a.col + a.cols, b.col + b.cols);
  if (endRow <= row || endCol <= col) return undefined;
  return { row, col, rows: endRow - row, cols: endCol - col };
}

export function cellCount(rect: Rect): number {
  return rect.rows * rect.cols;
}
