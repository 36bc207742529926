/**
 * A values-only backend: no formula engine (a string starting with "=" is kept as text and read
 * back as written). It parses no input itself: what the add-in writes reaches it typed by the host
 * (typed-input.ts: "00123" is 123 there as in Excel), while its initial sheets and other direct
 * writes are stored as given ("1 000 €" and "00123" stay text), which is what a fixture means.
 * Cells are stored column by column in plain arrays, so a million rows of a few columns stay cheap;
 * meant for large tests and benchmarks.
 */
import {
  ChangeNotifier,
  FormatStore,
  type CellInput,
  type CellValue,
  type WorkbookBackend,
} from "./backend";
import type { Rect } from "./address";

type Column = (CellValue | undefined)[];

interface MemorySheet {
  name: string;
  columns: Map<number, Column>;
  /** undefined when an edit may have shrunk it: recomputed on demand. */
  used: Rect | null | undefined;
}

function stored(cell: CellInput): CellValue | undefined {
  if (cell === null || cell === "") return undefined;
  if (typeof cell === "string" && cell.startsWith("'")) return cell.slice(1);
  return cell;
}

function scanUsed(sheet: MemorySheet): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [col, column] of sheet.columns) {
    let first = -1;
    let last = -1;
    for (let r = 0; r < column.length; r += 1) {
      if (column[r] === undefined) continue;
      if (first < 0) first = r;
      last = r;
    }
    if (first < 0) continue;
    top = Math.min(top, first);
    bottom = Math.max(bottom, last);
    left = Math.min(left, col);
    right = Math.max(right, col);
  }
  return bottom < 0
    ? null
    : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

/** A memory backend, optionally with initial sheets (`{ Sheet1: [["Name", "Amount"], ["A", 1]] }`). */
export function createMemoryBackend(initial: Record<string, CellInput[][]> = {}): WorkbookBackend {
  const sheets: MemorySheet[] = [];
  const formats = new FormatStore();
  const changes = new ChangeNotifier();

  const find = (name: string): MemorySheet => {
    const sheet = sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No sheet named '${name}'.`);
    return sheet;
  };
  const read = (
    name: string,
    row: number,
    col: number,
    rows: number,
    cols: number
  ): CellValue[][] => {
    const sheet = find(name);
    const columns = Array.from({ length: cols }, (_, j) => sheet.columns.get(col + j));
    const out: CellValue[][] = new Array(rows);
    for (let i = 0; i < rows; i += 1) {
      const line: CellValue[] = new Array(cols);
      for (let j = 0; j < cols; j += 1) line[j] = columns[j]?.[row + i] ?? "";
      out[i] = line;
    }
    return out;
  };

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
      return Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) => formats.get(name, row + i, col + j) ?? "General")
      );
    },
    hasNumberFormat: (name, rect, format) => formats.has(name, rect, format),
    setCells: (name, row, col, rows) => {
      const sheet = find(name);
      let cleared = false;
      let width = 0;
      rows.forEach((line, i) => {
        width = Math.max(width, line.length);
        line.forEach((cell, j) => {
          const value = stored(cell);
          let column = sheet.columns.get(col + j);
          if (!column) {
            if (value === undefined) return;
            column = [];
            sheet.columns.set(col + j, column);
          }
          // Growing one slot at a time keeps the array dense (a far write would make it a hash map).
          while (column.length < row + i) column.push(undefined);
          // Only emptying a cell that held something can shrink the used range: a blank written
          // into empty rows (a new table's blank cells) keeps it, so it is not scanned again.
          if (value === undefined && column[row + i] !== undefined) cleared = true;
          column[row + i] = value;
        });
      });
      if (cleared) sheet.used = undefined;
      else if (sheet.used !== undefined && rows.length > 0 && width > 0) {
        const used = sheet.used;
        const written = { row, col, rows: rows.length, cols: width };
        if (used === null) sheet.used = written;
        else {
          const top = Math.min(used.row, row);
          const left = Math.min(used.col, col);
          const bottom = Math.max(used.row + used.rows, row + rows.length);
          const right = Math.max(used.col + used.cols, col + width);
          sheet.used = { row: top, col: left, rows: bottom - top, cols: right - left };
        }
      }
      if (rows.length > 0 && width > 0)
        changes.notify(name, { row, col, rows: rows.length, cols: width });
    },
    setNumberFormats: (name, row, col, values) => {
      find(name);
      formats.set(name, row, col, values);
    },
    clear: (name, row, col, rows, cols, what = "contents") => {
      const sheet = find(name);
      const rect = { row, col, rows, cols };
      if (what !== "formats") {
        for (let j = 0; j < cols; j += 1) {
          const column = sheet.columns.get(col + j);
          if (!column) continue;
          const end = Math.min(column.length, row + rows);
          for (let r = row; r < end; r += 1) column[r] = undefined;
        }
        sheet.used = undefined;
        changes.notify(name, rect);
      }
      if (what !== "contents") formats.clear(name, rect);
    },
    moveCells: (name, source, toRow, toCol) => {
      const sheet = find(name);
      // Taken out first, then put back: source and destination may overlap.
      const taken = Array.from({ length: source.cols }, (_, j) => {
        const column = sheet.columns.get(source.col + j);
        const cells: (CellValue | undefined)[] = [];
        for (let i = 0; i < source.rows; i += 1) {
          cells.push(column?.[source.row + i]);
          if (column && source.row + i < column.length) column[source.row + i] = undefined;
        }
        return cells;
      });
      taken.forEach((cells, j) => {
        let column = sheet.columns.get(toCol + j);
        if (!column) {
          column = [];
          sheet.columns.set(toCol + j, column);
        }
        while (column.length < toRow + cells.length) column.push(undefined);
        cells.forEach((cell, i) => ((column as Column)[toRow + i] = cell));
      });
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
