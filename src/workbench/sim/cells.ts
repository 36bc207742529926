/**
 * Cell-block operations shared by ranges and tables: checking and writing what a `values`,
 * `formulas` or `numberFormat` setter sent, shifting cells when table rows are inserted or deleted,
 * and finding the current region.
 */
import { MAX_ROWS, intersect, type Rect } from "./address";
import type { CellInput, CellValue, WorkbookBackend } from "./backend";
import { ErrorCodes, officeError } from "./errors";
import type { SheetRecord, TableRecord, WorkbookModel } from "./model";
import { type InputLocale, type TypedInput, typeInput } from "./typed-input";

const SHAPE_MESSAGE =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

/**
 * Cells handled at a time when a write is large (one value filling a block, a grid of tens of
 * thousands of rows): what a write holds beside the request itself then stays small enough to die
 * in V8's young generation. Larger, it outlives a few minor collections and is promoted, and the old
 * generation it fills is collected only when the heap has grown to a multiple of what is alive: a
 * million-row write went to gigabytes that way.
 */
const CHUNK_CELLS = 1 << 14;

/** Excel's limit on the cells one operation may touch ("OperationCellsExceedLimit"). */
export const OPERATION_CELLS_LIMIT = 33_554_000;

function checkShape(sent: unknown[], rect: Rect, where: string): unknown[][] {
  if (
    sent.length !== rect.rows ||
    !sent.every((line) => Array.isArray(line) && line.length === rect.cols)
  ) {
    throw officeError(ErrorCodes.invalidArgument, where, SHAPE_MESSAGE);
  }
  return sent as unknown[][];
}

/** null (or a value JSON turned into null, like NaN) leaves the cell as it is, as in Office.js. */
function checkCell(value: unknown, where: string): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  throw officeError(ErrorCodes.invalidArgument, where);
}

function checkFormat(value: unknown, where: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw officeError(ErrorCodes.invalidArgument, where);
}

/** Whether two rows have their nulls in the same columns. */
function sameNulls(a: readonly unknown[], b: readonly unknown[]): boolean {
  for (let j = 0; j < a.length; j += 1) if ((a[j] === null) !== (b[j] === null)) return false;
  return true;
}

/**
 * Writes a grid in which null means "leave unchanged": rows with the same pattern of nulls are
 * written together, one block per run of non-null columns, so a column of nulls costs few calls.
 */
function writeSkippingNulls<V>(
  grid: (V | null)[][],
  rect: Rect,
  write: (row: number, col: number, block: V[][]) => void
): void {
  let start = 0;
  while (start < grid.length) {
    const pattern = grid[start];
    let end = start + 1;
    while (end < grid.length && sameNulls(grid[end], pattern)) end += 1;
    let j = 0;
    while (j < rect.cols) {
      if (pattern[j] === null) {
        j += 1;
        continue;
      }
      let k = j;
      while (k < rect.cols && pattern[k] !== null) k += 1;
      const block = grid.slice(start, end).map((line) => line.slice(j, k) as V[]);
      write(rect.row + start, rect.col + j, block);
      j = k;
    }
    start = end;
  }
}

function fillChunks<V>(
  rect: Rect,
  value: V,
  write: (row: number, col: number, block: V[][]) => void,
  where: string
): void {
  if (rect.rows * rect.cols > OPERATION_CELLS_LIMIT) {
    throw officeError(
      ErrorCodes.operationCellsExceedLimit,
      where,
      `The attempted operation affects more than the limit of ${OPERATION_CELLS_LIMIT} cells.`
    );
  }
  const chunkRows = Math.max(1, Math.floor(CHUNK_CELLS / rect.cols));
  for (let row = rect.row; row < rect.row + rect.rows; row += chunkRows) {
    const rows = Math.min(chunkRows, rect.row + rect.rows - row);
    write(
      row,
      rect.col,
      Array.from({ length: rows }, () => new Array<V>(rect.cols).fill(value))
    );
  }
}

/** A sent cell as Excel types it (typed-input.ts), or null for "leave unchanged". */
function typedCell(
  value: unknown,
  where: string,
  locale: InputLocale,
  asText = false
): TypedInput | null {
  const checked = checkCell(value, where);
  if (checked === null) return null;
  // A cell formatted as Text takes a string as written, its apostrophe included (README, "Text format").
  if (asText && typeof checked === "string" && checked !== "") return { content: `'${checked}` };
  return typeInput(checked, locale);
}

/** Excel's Text number format. */
export const TEXT_FORMAT = "@";

/**
 * Which cells of a block are formatted as Text, or null when none is: the common case, answered from
 * the format runs without reading the block's formats when the backend can.
 */
export function textCells(
  backend: WorkbookBackend,
  sheet: SheetRecord,
  rect: Rect
): ((i: number, j: number) => boolean) | null {
  if (backend.hasNumberFormat && !backend.hasNumberFormat(sheet.name, rect, TEXT_FORMAT))
    return null;
  const formats = backend.getNumberFormats(sheet.name, rect.row, rect.col, rect.rows, rect.cols);
  if (!formats.some((line) => line.includes(TEXT_FORMAT))) return null;
  return (i, j) => formats[i][j] === TEXT_FORMAT;
}

/**
 * Gives the cells of a block that typing recognised as a date, a percentage... the number format
 * Excel gives them, where their format is General (a cell formatted by hand keeps its format).
 */
function formatRecognised(
  backend: WorkbookBackend,
  sheet: SheetRecord,
  rect: Rect,
  formatAt: (i: number, j: number) => string | undefined
): void {
  const chunkRows = Math.max(1, Math.floor(CHUNK_CELLS / rect.cols));
  for (let top = 0; top < rect.rows; top += chunkRows) {
    const rows = Math.min(chunkRows, rect.rows - top);
    const current = backend.getNumberFormats(sheet.name, rect.row + top, rect.col, rows, rect.cols);
    const grid = current.map((line, i) =>
      line.map((format, j) => {
        const recognised = formatAt(top + i, j);
        return recognised !== undefined && format === "General" ? recognised : null;
      })
    );
    writeSkippingNulls(grid, { ...rect, row: rect.row + top, rows }, (row, col, block) =>
      backend.setNumberFormats(sheet.name, row, col, block)
    );
  }
}

/**
 * Applies what a `values` or `formulas` setter sent: a grid of the range's shape, or one value for
 * all. Strings are read as typed in `locale` (en-US for every member but `formulasLocal`).
 */
export function writeCells(
  backend: WorkbookBackend,
  sheet: SheetRecord,
  rect: Rect,
  sent: unknown,
  where: string,
  locale: InputLocale = "en-US"
): void {
  const write = (row: number, col: number, block: CellInput[][]) =>
    backend.setCells(sheet.name, row, col, block);
  const text = textCells(backend, sheet, rect);
  if (!Array.isArray(sent) && text === null) {
    const typed = typedCell(sent, where, locale);
    if (typed === null) return;
    fillChunks(rect, typed.content, write, where);
    if (typed.format !== undefined) formatRecognised(backend, sheet, rect, () => typed.format);
    return;
  }
  // One value over a block holding Text cells: each cell takes it its own way.
  const lines = Array.isArray(sent)
    ? checkShape(sent, rect, where)
    : Array.from({ length: rect.rows }, () => new Array<unknown>(rect.cols).fill(sent));
  // Every cell is checked before any is written: a refused write changes nothing.
  for (const line of lines) for (const v of line) checkCell(v, where);
  const chunkRows = Math.max(1, Math.floor(CHUNK_CELLS / rect.cols));
  for (let top = 0; top < rect.rows; top += chunkRows) {
    const part = { ...rect, row: rect.row + top, rows: Math.min(chunkRows, rect.rows - top) };
    const chunk = top === 0 && part.rows === rect.rows ? lines : lines.slice(top, top + part.rows);
    const asText = text === null ? null : (i: number, j: number) => text(top + i, j);
    const { grid, formats, complete } = typedGrid(chunk, where, locale, asText);
    if (complete) write(part.row, part.col, grid);
    else writeSkippingNulls(grid, part, write);
    if (formats) formatRecognised(backend, sheet, part, (i, j) => formats.get(i * rect.cols + j));
  }
}

/**
 * A sent grid as the backend takes it (null: leave the cell unchanged), the formats typing
 * recognised by cell (row × cols + column), and whether no cell is null. Built in one pass with no
 * object a cell: a million-row write is typed in blocks of tens of thousands of rows.
 */
function typedGrid(
  sent: unknown[][],
  where: string,
  locale: InputLocale,
  asText: ((i: number, j: number) => boolean) | null
): { grid: (CellInput | null)[][]; formats?: Map<number, string>; complete: boolean } {
  let formats: Map<number, string> | undefined;
  let complete = true;
  const grid = new Array<(CellInput | null)[]>(sent.length);
  for (let i = 0; i < sent.length; i += 1) {
    const line = sent[i];
    const typed = new Array<CellInput | null>(line.length);
    for (let j = 0; j < line.length; j += 1) {
      const checked = checkCell(line[j], where);
      if (typeof checked !== "string") {
        typed[j] = checked;
        complete &&= checked !== null;
        continue;
      }
      // A cell formatted as Text takes a string as written, its apostrophe included (README, "Text format").
      if (checked !== "" && asText?.(i, j)) {
        typed[j] = `'${checked}`;
        continue;
      }
      const t = typeInput(checked, locale);
      typed[j] = t.content;
      if (t.format !== undefined) (formats ??= new Map()).set(i * line.length + j, t.format);
    }
    grid[i] = typed;
  }
  return { grid, formats, complete };
}

/** Applies what a `numberFormat` setter sent. */
export function writeFormats(
  backend: WorkbookBackend,
  sheet: SheetRecord,
  rect: Rect,
  sent: unknown,
  where: string
): void {
  const write = (row: number, col: number, block: string[][]) =>
    backend.setNumberFormats(sheet.name, row, col, block);
  if (!Array.isArray(sent)) {
    const format = checkFormat(sent, where);
    if (format !== null) fillChunks(rect, format, write, where);
    return;
  }
  const lines = checkShape(sent, rect, where);
  for (const line of lines) for (const v of line) checkFormat(v, where);
  const chunkRows = Math.max(1, Math.floor(CHUNK_CELLS / rect.cols));
  for (let top = 0; top < rect.rows; top += chunkRows) {
    const part = { ...rect, row: rect.row + top, rows: Math.min(chunkRows, rect.rows - top) };
    const grid = lines
      .slice(top, top + part.rows)
      .map((line) => line.map((v) => checkFormat(v, where)));
    writeSkippingNulls(grid, part, write);
  }
}

/** What `getFormulas` returned, made safe to write back: text stays text (the "'" prefix). */
function asInput(value: CellValue): CellInput {
  return typeof value === "string" && value !== "" && !value.startsWith("=") ? `'${value}` : value;
}

/**
 * Moves the cells of the given columns, from `fromRow` down to the end of the used range, by
 * `delta` rows (positive: down, making room; negative: up, closing a gap), as Excel's insert and
 * delete with shift do. Tables lying wholly in those columns below move along; one straddling the
 * columns would be cut, which Excel refuses. With a backend that moves cells (HyperFormula),
 * references to moved cells follow them; otherwise formulas are rewritten as text, unadjusted.
 */
export function shiftRows(
  model: WorkbookModel,
  sheet: SheetRecord,
  cols: { col: number; cols: number },
  fromRow: number,
  delta: number,
  where: string,
  except?: TableRecord
): void {
  const backend = model.backend;
  const moving = model.tables.filter(
    (t) =>
      t !== except &&
      t.sheetId === sheet.id &&
      t.rect.row + t.rect.rows > fromRow &&
      intersect(t.rect, { row: 0, col: cols.col, rows: MAX_ROWS, cols: cols.cols }) !== undefined
  );
  for (const table of moving) {
    const inside =
      table.rect.col >= cols.col && table.rect.col + table.rect.cols <= cols.col + cols.cols;
    // A deletion may not take away part of another table either.
    const firstKept = delta > 0 ? fromRow : fromRow - delta;
    if (!inside || table.rect.row < firstKept) {
      throw officeError(
        ErrorCodes.invalidOperation,
        where,
        "This operation is attempting to shift cells in a table on your worksheet."
      );
    }
  }
  const used = backend.usedRange(sheet.name);
  const bottom = used ? used.row + used.rows : 0;
  // Only used columns hold anything to move: an entire-row shift stays as cheap as the data.
  const span =
    used &&
    intersect(
      { row: 0, col: cols.col, rows: MAX_ROWS, cols: cols.cols },
      { ...used, row: 0, rows: MAX_ROWS }
    );
  if (span && bottom > fromRow) {
    cols = { col: span.col, cols: span.cols };
    const source = delta > 0 ? fromRow : fromRow - delta;
    const rows = bottom - source;
    if (delta > 0 && bottom + delta > MAX_ROWS) {
      throw officeError(
        ErrorCodes.invalidOperation,
        where,
        "Cells cannot be shifted off the worksheet."
      );
    }
    const cleared = delta > 0 ? rows : bottom - fromRow;
    if (backend.moveCells) {
      // A deletion first clears the deleted band: the move may not cover all of it.
      if (delta < 0) {
        backend.clear(sheet.name, fromRow, cols.col, Math.min(-delta, cleared), cols.cols, "all");
      }
      if (rows > 0) {
        const block = { row: source, col: cols.col, rows, cols: cols.cols };
        backend.moveCells(sheet.name, block, source + delta, cols.col);
      }
    } else {
      const formulas =
        rows > 0 ? backend.getFormulas(sheet.name, source, cols.col, rows, cols.cols) : [];
      const formats =
        rows > 0 ? backend.getNumberFormats(sheet.name, source, cols.col, rows, cols.cols) : [];
      backend.clear(sheet.name, fromRow, cols.col, cleared, cols.cols, "all");
      if (rows > 0) {
        const inputs = formulas.map((line) => line.map(asInput));
        backend.setCells(sheet.name, source + delta, cols.col, inputs);
        backend.setNumberFormats(sheet.name, source + delta, cols.col, formats);
      }
    }
  }
  moving.forEach((table) => (table.rect = { ...table.rect, row: table.rect.row + delta }));
}

/** For each row of a block, whether all its cells are blank (no value, no formula). */
function blankRows(
  backend: WorkbookBackend,
  sheet: string,
  row: number,
  rows: number,
  col: number,
  cols: number
): boolean[] {
  if (rows <= 0) return [];
  if (cols <= 0) return new Array<boolean>(rows).fill(true);
  return backend
    .getFormulas(sheet, row, col, rows, cols)
    .map((line) => line.every((v) => v === ""));
}

const SCAN_CHUNK = 4096;

/**
 * Whether a column is blank over some rows, read a chunk at a time up to the first cell that is not
 * (a full-height region's column, read whole as rows of one cell, was a quarter of a gigabyte).
 */
function columnIsBlank(
  backend: WorkbookBackend,
  sheet: string,
  col: number,
  span: { row: number; rows: number }
): boolean {
  for (let top = span.row; top < span.row + span.rows; top += SCAN_CHUNK) {
    const count = Math.min(SCAN_CHUNK, span.row + span.rows - top);
    if (!blankRows(backend, sheet, top, count, col, 1).every((blank) => blank)) return false;
  }
  return true;
}

/**
 * The current region (Ctrl+Shift+*): the range grown until every cell around it, diagonals
 * included, is blank. Only the used range can hold content, so scans stop at its edges.
 */
export function currentRegion(backend: WorkbookBackend, sheet: string, start: Rect): Rect {
  const used = backend.usedRange(sheet);
  if (!used) return start;
  const usedBottom = used.row + used.rows;
  const usedRight = used.col + used.cols;
  const r = { ...start };
  const colSpan = () => {
    const c0 = Math.max(r.col - 1, used.col);
    const c1 = Math.min(r.col + r.cols + 1, usedRight);
    return { col: c0, cols: c1 - c0 };
  };
  const rowSpan = () => {
    const r0 = Math.max(r.row - 1, used.row);
    const r1 = Math.min(r.row + r.rows + 1, usedBottom);
    return { row: r0, rows: r1 - r0 };
  };
  let changed = true;
  while (changed) {
    changed = false;
    // Down: the first blank row below ends the region.
    let next = r.row + r.rows;
    while (next < usedBottom) {
      const span = colSpan();
      const count = Math.min(SCAN_CHUNK, usedBottom - next);
      const blank = blankRows(backend, sheet, next, count, span.col, span.cols);
      const firstBlank = blank.indexOf(true);
      const grown = firstBlank < 0 ? count : firstBlank;
      if (grown > 0) changed = true;
      r.rows += grown;
      next += grown;
      if (firstBlank >= 0) break;
    }
    // Up, likewise.
    while (r.row > used.row && r.row <= usedBottom) {
      const span = colSpan();
      const count = Math.min(SCAN_CHUNK, r.row - used.row);
      const blank = blankRows(backend, sheet, r.row - count, count, span.col, span.cols);
      const lastBlank = blank.lastIndexOf(true);
      const grown = count - 1 - lastBlank;
      if (grown > 0) changed = true;
      r.row -= grown;
      r.rows += grown;
      if (lastBlank >= 0) break;
    }
    // Left and right, a column at a time (regions are tall rather than wide).
    while (r.col > used.col && r.col <= usedRight) {
      if (columnIsBlank(backend, sheet, r.col - 1, rowSpan())) break;
      r.col -= 1;
      r.cols += 1;
      changed = true;
    }
    while (r.col + r.cols < usedRight && r.col + r.cols >= used.col) {
      if (columnIsBlank(backend, sheet, r.col + r.cols, rowSpan())) break;
      r.cols += 1;
      changed = true;
    }
  }
  return r;
}
