/**
 * The cells behind the simulated Excel host. The simulator keeps tables, charts, settings and the
 * selection itself; a backend only stores sheets of cells. Two backends: HyperFormula (formulas
 * recalculate, as in Excel; used by the workbench and the integration tests) and a plain memory
 * store (values only; cheap enough for million-row tests), in memory-backend.ts.
 *
 * Conventions, as in Excel's input: a string starting with "=" is a formula; a string starting with
 * "'" is text taken literally (the quote is dropped, "'123" stays the text "123"); "" or null
 * leaves the cell blank. Reads: a blank cell is "", an error is its code ("#DIV/0!").
 *
 * The host types what the add-in writes before a backend sees it (typed-input.ts): it hands over
 * numbers, booleans, formulas and text marked with "'" only. Any other string reaches a backend only
 * from outside the host (a test's fixture, a workbook the workbench opens): HyperFormula parses it
 * with its own configuration, the memory backend keeps it as text.
 */
import type { HyperFormula } from "hyperformula";
import { intersect, type Rect } from "./address";

export type CellInput = number | string | boolean | null;
export type CellValue = number | string | boolean;

/** What a backend edit changed: sheet, and the edited block when known. */
export type ChangeListener = (sheet: string, region?: Rect) => void;

/** Which part of the cells `clear` removes; Excel's `ClearApplyTo` minus hyperlinks. */
export type ClearWhat = "contents" | "formats" | "all";

export interface WorkbookBackend {
  sheetNames(): string[];
  addSheet(name: string): void;
  removeSheet(name: string): void;
  renameSheet(from: string, to: string): void;
  /** Computed values (errors as their code e.g. "#VALUE!", blanks as ""), in a block. */
  getValues(sheet: string, row: number, col: number, rows: number, cols: number): CellValue[][];
  /** Formula text ("=SUM(A1:A3)") or, for other cells, the value. */
  getFormulas(sheet: string, row: number, col: number, rows: number, cols: number): CellValue[][];
  /** Excel number format codes; "General" where none is set. */
  getNumberFormats(sheet: string, row: number, col: number, rows: number, cols: number): string[][];
  /**
   * Optional: whether any cell of a block was given the number format `format` (never "General"),
   * answered without reading the block's formats: writes ask it of every block for the Text format.
   */
  hasNumberFormat?(sheet: string, rect: Rect, format: string): boolean;
  setCells(sheet: string, row: number, col: number, rows: CellInput[][]): void;
  setNumberFormats(sheet: string, row: number, col: number, formats: string[][]): void;
  /** Clears a block; contents only unless told otherwise. */
  clear(
    sheet: string,
    row: number,
    col: number,
    rows: number,
    cols: number,
    what?: ClearWhat
  ): void;
  /**
   * Optional: moves a block (contents and formats) so its top-left corner lands on (toRow, toCol),
   * as cut and paste does; the vacated cells are left blank. Formulas pointing at moved cells follow
   * them when the engine can. Without it, shifts read and rewrite the cells.
   */
  moveCells?(sheet: string, source: Rect, toRow: number, toCol: number): void;
  /** The smallest block holding every non-blank cell, or null for an empty sheet. */
  usedRange(sheet: string): Rect | null;
  /** Why a cell holds an error, when the engine knows ("Function name FOO not recognized."). */
  errorMessage?(sheet: string, row: number, col: number): string | undefined;
  /** Called after each edit made through the backend; returns the unsubscribe function. */
  onChange?(listener: ChangeListener): () => void;
}

/** Number format codes kept beside the cells, by sheet and column, in runs of rows. */
export class FormatStore {
  /** Sheet → column → runs of rows sharing a format: a million-row column of one format is one run. */
  private readonly bySheet = new Map<string, Map<number, FormatRun[]>>();

  get(sheet: string, row: number, col: number): string | undefined {
    const runs = this.bySheet.get(sheet)?.get(col);
    if (!runs) return undefined;
    const i = runAt(runs, row);
    return i >= 0 ? runs[i].format : undefined;
  }

  set(sheet: string, row: number, col: number, formats: string[][]): void {
    const width = formats.reduce((w, line) => Math.max(w, line.length), 0);
    for (let j = 0; j < width; j++) {
      // Consecutive rows of one format are stored as one run.
      let start = 0;
      for (let i = 1; i <= formats.length; i++) {
        const at = formats[start][j];
        if (i < formats.length && formats[i][j] === at) continue;
        // "General" is the absence of a format: storing it would make formats look used.
        if (at !== undefined) this.assign(sheet, col + j, row + start, row + i, stored(at));
        start = i;
      }
    }
  }

  /** Whether any cell of the block was given `format`: a look at the runs of its columns only. */
  has(sheet: string, rect: Rect, format: string): boolean {
    const columns = this.bySheet.get(sheet);
    if (!columns) return false;
    const end = rect.row + rect.rows;
    for (const [col, runs] of columns) {
      if (col < rect.col || col >= rect.col + rect.cols) continue;
      for (let i = firstEndingAfter(runs, rect.row); i < runs.length && runs[i].start < end; i++)
        if (runs[i].format === format) return true;
    }
    return false;
  }

  clear(sheet: string, rect: Rect): void {
    const columns = this.bySheet.get(sheet);
    if (!columns) return;
    for (const col of [...columns.keys()])
      if (col >= rect.col && col < rect.col + rect.cols)
        this.assign(sheet, col, rect.row, rect.row + rect.rows, undefined);
  }

  /** Moves the formats of a block by (dRow, dCol); the formats at the destination are replaced. */
  move(sheet: string, source: Rect, dRow: number, dCol: number): void {
    const columns = this.bySheet.get(sheet);
    if (!columns) return;
    const end = source.row + source.rows;
    const taken: [number, FormatRun[]][] = [];
    for (const [col, runs] of columns) {
      if (col < source.col || col >= source.col + source.cols) continue;
      const inside = runs
        .filter((r) => r.end > source.row && r.start < end)
        .map((r) => ({ ...r, start: Math.max(r.start, source.row), end: Math.min(r.end, end) }));
      taken.push([col, inside]);
    }
    this.clear(sheet, source);
    this.clear(sheet, { ...source, row: source.row + dRow, col: source.col + dCol });
    for (const [col, runs] of taken)
      for (const r of runs) this.assign(sheet, col + dCol, r.start + dRow, r.end + dRow, r.format);
  }

  rename(from: string, to: string): void {
    const map = this.bySheet.get(from);
    this.bySheet.delete(from);
    if (map) this.bySheet.set(to, map);
  }

  remove(sheet: string): void {
    this.bySheet.delete(sheet);
  }

  /** Rows [start, end) of a column take `format` (none when undefined), neighbours of one format merged. */
  private assign(sheet: string, col: number, start: number, end: number, format?: string): void {
    if (end <= start) return;
    let columns = this.bySheet.get(sheet);
    if (!columns) this.bySheet.set(sheet, (columns = new Map()));
    const runs = columns.get(col) ?? [];
    const kept: FormatRun[] = [];
    let at = firstEndingAfter(runs, start);
    const before = runs.slice(0, at);
    for (; at < runs.length && runs[at].start < end; at++) {
      const r = runs[at];
      if (r.start < start) kept.push({ ...r, end: start });
      if (r.end > end) kept.push({ ...r, start: end });
    }
    const after = runs.slice(at);
    const middle = kept.filter((r) => r.end <= start);
    const tail = kept.filter((r) => r.start >= end);
    if (format !== undefined) middle.push({ start, end, format });
    const merged = mergeRuns([...before, ...middle, ...tail, ...after]);
    if (merged.length === 0) columns.delete(col);
    else columns.set(col, merged);
  }
}

interface FormatRun {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly format: string;
}

function stored(format: string): string | undefined {
  return format === "General" || format === "" ? undefined : format;
}

/** Index of the first run that ends after `row` (binary search over sorted runs). */
function firstEndingAfter(runs: readonly FormatRun[], row: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].end <= row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function runAt(runs: readonly FormatRun[], row: number): number {
  const i = firstEndingAfter(runs, row);
  return i < runs.length && runs[i].start <= row ? i : -1;
}

function mergeRuns(runs: readonly FormatRun[]): FormatRun[] {
  const out: FormatRun[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && last.end === r.start && last.format === r.format)
      out[out.length - 1] = { ...last, end: r.end };
    else out.push(r);
  }
  return out;
}

/** A set of change listeners; each backend notifies after its own edits. */
export class ChangeNotifier {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(sheet: string, region?: Rect): void {
    for (const listener of [...this.listeners]) listener(sheet, region);
  }
}

interface DetailedError {
  value: string;
  message?: string;
}

function isDetailedError(value: unknown): value is DetailedError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as DetailedError).value === "string"
  );
}

/**
 * HyperFormula's own error codes that Excel does not have: a formula Excel would refuse to parse is
 * shown as #NAME? (what Excel gives for unknown names); cycles stay "#CYCLE!" (Excel shows 0 and a
 * warning, which would hide the problem in a test).
 */
function excelErrorCode(code: string): string {
  return code === "#ERROR!" ? "#NAME?" : code;
}

/**
 * A number as the cell holds it, for a cell holding a number (not a formula): Excel gives back the
 * double it stores, where HyperFormula's values are rounded to its `precisionRounding` digits (1/15 read
 * as 0.066666666667), which would make a number written and read back look changed.
 */
function storedNumber(serialized: unknown): number | undefined {
  return typeof serialized === "number" ? serialized : undefined;
}

function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return "";
  if (isDetailedError(value)) return excelErrorCode(value.value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  return String(value);
}

/** Excel's default formats for what its input parser recognised (HyperFormula tells the kind). */
function inferredFormat(
  hf: HyperFormula,
  sheetId: number,
  row: number,
  col: number,
  value: number
): string {
  const address = { sheet: sheetId, row, col };
  switch (String(hf.getCellValueDetailedType(address))) {
    case "NUMBER_DATE":
      return "m/d/yyyy";
    case "NUMBER_TIME":
      return "h:mm";
    case "NUMBER_DATETIME":
      return "m/d/yyyy h:mm";
    case "NUMBER_PERCENT":
      return Number.isInteger(Math.round(value * 1e8) / 1e6) ? "0%" : "0.00%";
    case "NUMBER_CURRENCY": {
      const symbol = hf.getCellValueFormat(address) ?? "$";
      return symbol === "$" ? "$#,##0.00" : `#,##0.00 "${symbol}"`;
    }
    default:
      return "General";
  }
}

/**
 * A backend over a HyperFormula instance: formulas recalculate after each edit, spilled arrays fill
 * their cells (the anchor holds the formula). Edit through the backend (not the instance directly)
 * so that change listeners hear of it.
 */
export function createHyperFormulaBackend(hf: HyperFormula): WorkbookBackend {
  const formats = new FormatStore();
  const changes = new ChangeNotifier();
  const usedCache = new Map<string, Rect | null>();
  // Any recalculation may fill or empty spilled cells: the used range is recomputed on demand.
  hf.on("valuesUpdated", () => usedCache.clear());
  hf.on("sheetRemoved", () => usedCache.clear());
  hf.on("sheetRenamed", () => usedCache.clear());

  const sheetId = (sheet: string): number => {
    const id = hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`No sheet named '${sheet}'.`);
    return id;
  };
  const block = (sheet: string, row: number, col: number, rows: number, cols: number) => {
    const id = sheetId(sheet);
    return {
      start: { sheet: id, row, col },
      end: { sheet: id, row: row + rows - 1, col: col + cols - 1 },
    };
  };

  return {
    sheetNames: () => hf.getSheetNames(),
    addSheet: (name) => {
      hf.addSheet(name);
    },
    removeSheet: (name) => {
      hf.removeSheet(sheetId(name));
      formats.remove(name);
    },
    renameSheet: (from, to) => {
      hf.renameSheet(sheetId(from), to);
      formats.rename(from, to);
      usedCache.clear();
    },
    getValues: (sheet, row, col, rows, cols) => {
      const range = block(sheet, row, col, rows, cols);
      const stored = hf.getRangeSerialized(range);
      return hf
        .getRangeValues(range)
        .map((line, i) => line.map((value, j) => storedNumber(stored[i][j]) ?? toCellValue(value)));
    },
    getFormulas: (sheet, row, col, rows, cols) => {
      const range = block(sheet, row, col, rows, cols);
      const values = hf.getRangeValues(range);
      const formulas = hf.getRangeFormulas(range);
      const stored = hf.getRangeSerialized(range);
      return values.map((line, i) =>
        line.map((value, j) => formulas[i][j] ?? storedNumber(stored[i][j]) ?? toCellValue(value))
      );
    },
    getNumberFormats: (sheet, row, col, rows, cols) => {
      const id = sheetId(sheet);
      const values = hf.getRangeValues(block(sheet, row, col, rows, cols));
      return values.map((line, i) =>
        line.map((value, j) => {
          const explicit = formats.get(sheet, row + i, col + j);
          if (explicit !== undefined) return explicit;
          return typeof value === "number"
            ? inferredFormat(hf, id, row + i, col + j, value)
            : "General";
        })
      );
    },
    setCells: (sheet, row, col, rows) => {
      const id = sheetId(sheet);
      const content = rows.map((line) => line.map((cell) => (cell === "" ? null : cell)));
      hf.batch(() => hf.setCellContents({ sheet: id, row, col }, content));
      usedCache.delete(sheet);
      const cols = Math.max(0, ...rows.map((line) => line.length));
      if (rows.length > 0 && cols > 0) changes.notify(sheet, { row, col, rows: rows.length, cols });
    },
    setNumberFormats: (sheet, row, col, values) => {
      sheetId(sheet);
      formats.set(sheet, row, col, values);
    },
    hasNumberFormat: (sheet, rect, format) => formats.has(sheet, rect, format),
    clear: (sheet, row, col, rows, cols, what = "contents") => {
      const id = sheetId(sheet);
      const rect = { row, col, rows, cols };
      if (what !== "formats") {
        // Only the part that holds cells needs writing: a whole-column clear stays cheap.
        const size = hf.getSheetDimensions(id);
        const filled = intersect(rect, {
          row: 0,
          col: 0,
          rows: Math.max(size.height, 1),
          cols: Math.max(size.width, 1),
        });
        if (filled) {
          const blank = Array.from({ length: filled.rows }, () =>
            new Array<null>(filled.cols).fill(null)
          );
          hf.batch(() =>
            hf.setCellContents({ sheet: id, row: filled.row, col: filled.col }, blank)
          );
        }
        usedCache.delete(sheet);
      }
      if (what !== "contents") formats.clear(sheet, rect);
      if (what !== "formats") changes.notify(sheet, rect);
    },
    moveCells: (sheet, source, toRow, toCol) => {
      const id = sheetId(sheet);
      const from = {
        start: { sheet: id, row: source.row, col: source.col },
        end: { sheet: id, row: source.row + source.rows - 1, col: source.col + source.cols - 1 },
      };
      const to = { sheet: id, row: toRow, col: toCol };
      if (hf.isItPossibleToMoveCells(from, to)) {
        hf.moveCells(from, to);
      } else {
        // HyperFormula will not move part of a spilled array: rewrite the cells instead (formulas
        // then keep their text, unadjusted), so the shift still happens as in Excel.
        const values = hf.getRangeValues(from);
        const formulas = hf.getRangeFormulas(from);
        const content = values.map((line, i) =>
          line.map((value, j) => {
            if (formulas[i][j] !== undefined) return formulas[i][j] as string;
            // A spilled cell is not content: its anchor fills it again wherever the anchor lands.
            const address = { sheet: id, row: source.row + i, col: source.col + j };
            if (value === null || hf.isCellPartOfArray(address)) return null;
            return typeof value === "string" ? `'${value}` : toCellValue(value);
          })
        );
        const blank = content.map((line) => line.map(() => null));
        hf.batch(() => {
          hf.setCellContents(from.start, blank);
          hf.setCellContents(to, content);
        });
      }
      formats.move(sheet, source, toRow - source.row, toCol - source.col);
      usedCache.delete(sheet);
      const top = Math.min(source.row, toRow);
      const left = Math.min(source.col, toCol);
      changes.notify(sheet, {
        row: top,
        col: left,
        rows: Math.max(source.row, toRow) + source.rows - top,
        cols: Math.max(source.col, toCol) + source.cols - left,
      });
    },
    usedRange: (sheet) => {
      if (usedCache.has(sheet)) return usedCache.get(sheet) ?? null;
      const values = hf.getSheetValues(sheetId(sheet));
      let top = Infinity;
      let left = Infinity;
      let bottom = -1;
      let right = -1;
      values.forEach((line, r) =>
        line.forEach((value, c) => {
          if (value === null) return;
          top = Math.min(top, r);
          bottom = Math.max(bottom, r);
          left = Math.min(left, c);
          right = Math.max(right, c);
        })
      );
      const used =
        bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
      usedCache.set(sheet, used);
      return used;
    },
    errorMessage: (sheet, row, col) => {
      const value = hf.getCellValue({ sheet: sheetId(sheet), row, col });
      return isDetailedError(value) && value.message ? value.message : undefined;
    },
    onChange: (listener) => changes.subscribe(listener),
  };
}
