/**
 * A values-only backend: no formula engine (a formula is kept and read back as written). It parses no
 * input itself: what the add-in writes reaches it typed by the host (typed-input.ts: "00123" is 123
 * there as in Excel), while its initial sheets and other direct writes are stored as given
 * ("1 000 €" and "00123" stay text), which is what a fixture means. Cells are stored column by
 * column in pages (memory-cells.ts), so a full sheet of a few columns stays cheap; meant for large
 * tests and benchmarks.
 */
import {
  ChangeNotifier,
  FormatStore,
  type CellInput,
  type CellValue,
  type WorkbookBackend,
} from "./backend";
import type { Rect } from "./address";
import { CellEncoder, Column, StoredFormula, cellValue } from "./memory-cells";

interface MemorySheet {
  name: string;
  columns: Map<number, Column>;
  /** undefined when an edit may have shrunk it: recomputed on demand. */
  used: Rect | null | undefined;
}

function scanUsed(sheet: MemorySheet): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [col, column] of sheet.columns) {
    const extent = column.extent();
    if (!extent) continue;
    top = Math.min(top, extent.first);
    bottom = Math.max(bottom, extent.last);
    left = Math.min(left, col);
    right = Math.max(right, col);
  }
  return bottom < 0
    ? null
    : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

/** The used range grown to cover a block just written (nothing in it was emptied). */
function grownUsed(used: Rect | null, written: Rect): Rect {
  if (used === null) return written;
  const top = Math.min(used.row, written.row);
  const left = Math.min(used.col, written.col);
  const bottom = Math.max(used.row + used.rows, written.row + written.rows);
  const right = Math.max(used.col + used.cols, written.col + written.cols);
  return { row: top, col: left, rows: bottom - top, cols: right - left };
}

/** A block of cells as read: formulas as their text, blanks as "". */
function readBlock(sheet: MemorySheet, row: number, col: number, rows: number, cols: number) {
  const columns = Array.from({ length: cols }, (_, j) => sheet.columns.get(col + j));
  const out: CellValue[][] = new Array<CellValue[]>(rows);
  for (let i = 0; i < rows; i += 1) {
    const line: CellValue[] = new Array<CellValue>(cols);
    for (let j = 0; j < cols; j += 1) {
      const column = columns[j];
      line[j] = column ? cellValue(column.get(row + i), row + i, col + j) : "";
    }
    out[i] = line;
  }
  return out;
}

/** Writes a block as given; whether a cell that held something was emptied (the used range may shrink). */
function writeBlock(
  sheet: MemorySheet,
  encoder: CellEncoder,
  row: number,
  col: number,
  rows: CellInput[][]
): boolean {
  let cleared = false;
  const columns: (Column | undefined)[] = [];
  for (let i = 0; i < rows.length; i += 1) {
    const line = rows[i];
    for (let j = 0; j < line.length; j += 1) {
      const cell = line[j];
      let column = columns[j] ?? sheet.columns.get(col + j);
      if (!column) {
        if (cell === null || cell === "") continue;
        column = new Column(encoder);
        sheet.columns.set(col + j, column);
      }
      columns[j] = column;
      const value = encoder.encode(cell, row + i, col + j, column);
      // Only emptying a cell that held something can shrink the used range: a blank written into
      // empty rows (a new table's blank cells) keeps it, so it is not scanned again.
      if (column.set(row + i, value) && value === undefined) cleared = true;
    }
  }
  return cleared;
}

/**
 * Moves a block so its top-left corner lands on (toRow, toCol). A formula keeps its text, unadjusted
 * (there is no engine to follow references), so it is stored again at its new cell.
 */
function moveBlock(
  sheet: MemorySheet,
  encoder: CellEncoder,
  source: Rect,
  toRow: number,
  toCol: number
): void {
  // Taken out first, then put back: source and destination may overlap.
  const taken = Array.from({ length: source.cols }, (_, j) => {
    const column = sheet.columns.get(source.col + j);
    const cells = new Array<CellValue | undefined | { formula: string }>(source.rows);
    for (let i = 0; i < source.rows; i += 1) {
      const row = source.row + i;
      const cell = column?.get(row);
      cells[i] =
        cell instanceof StoredFormula
          ? { formula: cell.template.render(row, source.col + j) }
          : cell;
      column?.set(row, undefined);
    }
    return cells;
  });
  taken.forEach((cells, j) => {
    let column = sheet.columns.get(toCol + j);
    if (!column) sheet.columns.set(toCol + j, (column = new Column(encoder)));
    for (let i = 0; i < cells.length; i += 1) {
      const cell = cells[i];
      const at = toRow + i;
      column.set(
        at,
        typeof cell === "object" ? encoder.formula(cell.formula, at, toCol + j, column) : cell
      );
    }
  });
}

/** A memory backend, optionally with initial sheets (`{ Sheet1: [["Name", "Amount"], ["A", 1]] }`). */
export function createMemoryBackend(initial: Record<string, CellInput[][]> = {}): WorkbookBackend {
  const sheets: MemorySheet[] = [];
  const formats = new FormatStore();
  const changes = new ChangeNotifier();
  const encoder = new CellEncoder();

  const find = (name: string): MemorySheet => {
    const sheet = sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No sheet named '${name}'.`);
    return sheet;
  };
  const read = (name: string, row: number, col: number, rows: number, cols: number) =>
    readBlock(find(name), row, col, rows, cols);

  const backend: WorkbookBackend = {
    sheetNames: () => sheets.map((s) => s.name),
    addSheet: (name) => {
      if (sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw new Error(`A sheet named '${name}' already exists.`);
      }
      sheets.push({ name, columns: new Map(), used: null });
    },
    removeSheet: (name) => {
      sheets.splice(sheets.indexOf(find(name)), 1);
      formats.remove(name);
    },
    renameSheet: (from, to) => {
      find(from).name = to;
      formats.rename(from, to);
    },
    getValues: read,
    // No formula engine: what was written is what is read.
    getFormulas: read,
    getNumberFormats: (name, row, col, rows, cols) => {
      find(name);
      const out = new Array<string[]>(rows);
      for (let i = 0; i < rows; i += 1) {
        const line = new Array<string>(cols);
        for (let j = 0; j < cols; j += 1)
          line[j] = formats.get(name, row + i, col + j) ?? "General";
        out[i] = line;
      }
      return out;
    },
    hasNumberFormat: (name, rect, format) => formats.has(name, rect, format),
    setCells: (name, row, col, rows) => {
      const sheet = find(name);
      const cleared = writeBlock(sheet, encoder, row, col, rows);
      const width = rows.reduce((w, line) => Math.max(w, line.length), 0);
      const written = { row, col, rows: rows.length, cols: width };
      if (cleared) sheet.used = undefined;
      else if (sheet.used !== undefined && rows.length > 0 && width > 0)
        sheet.used = grownUsed(sheet.used, written);
      if (rows.length > 0 && width > 0) changes.notify(name, written);
    },
    setNumberFormats: (name, row, col, values) => {
      find(name);
      formats.set(name, row, col, values);
    },
    clear: (name, row, col, rows, cols, what = "contents") => {
      const sheet = find(name);
      const rect = { row, col, rows, cols };
      if (what !== "formats") {
        for (let j = 0; j < cols; j += 1) sheet.columns.get(col + j)?.clear(row, row + rows);
        sheet.used = undefined;
        changes.notify(name, rect);
      }
      if (what !== "contents") formats.clear(name, rect);
    },
    moveCells: (name, source, toRow, toCol) => {
      const sheet = find(name);
      moveBlock(sheet, encoder, source, toRow, toCol);
      formats.move(name, source, toRow - source.row, toCol - source.col);
      sheet.used = undefined;
      changes.notify(name, {
        row: Math.min(source.row, toRow),
        col: Math.min(source.col, toCol),
        rows: source.rows + Math.abs(toRow - source.row),
        cols: source.cols + Math.abs(toCol - source.col),
      });
    },
    usedRange: (name) => {
      const sheet = find(name);
      if (sheet.used === undefined) sheet.used = scanUsed(sheet);
      return sheet.used;
    },
    onChange: (listener) => changes.subscribe(listener),
  };

  for (const [name, rows] of Object.entries(initial)) {
    backend.addSheet(name);
    if (rows.length > 0) backend.setCells(name, 0, 0, rows);
  }
  return backend;
}
