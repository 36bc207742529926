/** A1 addresses for the pane's report and for formulas Carnet writes. 0-based rows and columns in. */

export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 'My sheet'!B3, quoting a sheet name as Excel does when it is not a plain word. */
export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? `${sheet}!`
    : `'${sheet.replace(/'/g, "''")}'!`;
}

export function cellAddress(
  sheet: string | null,
  row: number,
  col: number,
  absolute = false
): string {
  const d = absolute ? "$" : "";
  return `${sheet === null ? "" : sheetPrefix(sheet)}${d}${columnLetters(col)}${d}${row + 1}`;
}

export function rangeAddress(
  sheet: string | null,
  row: number,
  col: number,
  rows: number,
  cols: number,
  absolute = false
): string {
  const start = cellAddress(null, row, col, absolute);
  const end = cellAddress(null, row + rows - 1, col + cols - 1, absolute);
  return `${sheet === null ? "" : sheetPrefix(sheet)}${rows === 1 && cols === 1 ? start : `${start}:${end}`}`;
}

/**
 * A reference for a formula Carnet writes: the sheet name always quoted ('Ventes'!$E$2:$E$5), since
 * names such as R, RC or R1C1 read as references when bare, and Excel accepts quotes on any name.
 */
export function formulaRef(
  sheet: string,
  row: number,
  col: number,
  rows = 1,
  cols = 1,
  absolute = false
): string {
  return `'${sheet.replace(/'/g, "''")}'!${rangeAddress(null, row, col, rows, cols, absolute)}`;
}

export interface RangeRef {
  readonly sheet: string | null;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

function parseCell(text: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Rows and columns of an Excel sheet. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

/**
 * Whole columns ("A:B", as Excel writes a table filling its columns) or whole rows ("3:5"), else null.
 */
function wholeLines(a: string, b: string): Omit<RangeRef, "sheet"> | null {
  const letters = /^\$?([A-Za-z]{1,3})$/;
  const digits = /^\$?(\d{1,7})$/;
  const [ca, cb] = [letters.exec(a.trim()), letters.exec(b.trim())];
  if (ca && cb) {
    const [x, y] = [parseCell(`${ca[1]}1`)!.col, parseCell(`${cb[1]}1`)!.col];
    return { row: 0, rows: SHEET_ROWS, col: Math.min(x, y), cols: Math.abs(x - y) + 1 };
  }
  const [ra, rb] = [digits.exec(a.trim()), digits.exec(b.trim())];
  if (ra && rb) {
    const [x, y] = [Number(ra[1]) - 1, Number(rb[1]) - 1];
    return { col: 0, cols: SHEET_COLUMNS, row: Math.min(x, y), rows: Math.abs(x - y) + 1 };
  }
  return null;
}

/**
 * "Sheet1!A1:F5", "'Q2 deals'!B2", "A1:C3", whole columns "A:B" or rows "3:5" → a rectangle; null
 * when it is not an A1 address.
 */
export function parseRangeAddress(address: string): RangeRef | null {
  const bang = address.lastIndexOf("!");
  let sheet: string | null = null;
  let cells = address;
  if (bang >= 0) {
    const raw = address.slice(0, bang);
    sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    cells = address.slice(bang + 1);
  }
  const [a, b] = cells.split(":");
  const whole = b === undefined ? null : wholeLines(a, b);
  if (whole) return { sheet, ...whole };
  const start = parseCell(a);
  const end = b === undefined ? start : parseCell(b);
  if (!start || !end) return null;
  const row = Math.min(start.row, end.row);
  const col = Math.min(start.col, end.col);
  return {
    sheet,
    row,
    col,
    rows: Math.abs(end.row - start.row) + 1,
    cols: Math.abs(end.col - start.col) + 1,
  };
}
