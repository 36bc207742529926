/**
 * What Carnet writes on a sheet it owns, described as plain data: the tables (headers, rows, number
 * formats, where they start), the charts over them and the note above them. Planned by pure code
 * (forecastPlan, matrixPlan), written by host/owned.ts; nothing here calls Office.js.
 */
import type { Language } from "../../domain/language";
import type { CellValue } from "../../domain/values";
import { ROW_CHUNK } from "./blocks";

export type CellInput = CellValue | Date;

/**
 * Text to write as text, whatever it looks like: tables are written through Range.formulas and
 * Range.values, snapshots appended through table.rows.add, and Excel types all of them as it types
 * input: it would turn "2003-04" into a date, "00123" into 123, "TRUE" into a boolean, "=X" or
 * "+33 1 23" into a formula and eat the quote of "'Q2 deals'!A5"; one leading apostrophe marks a cell
 * as text, and Excel does not keep it in the value. Always prefixed: guessing which texts Excel would
 * misread is how one slips through. The one way Carnet writes text into a cell: notes, headers and
 * rows alike.
 */
export function textCell(text: string | null): string | null {
  return text === null ? null : `'${text}`;
}

/** One row of a planned table: values, or formulas (text starting with "="). */
export type PlannedRow = readonly CellValue[];

/**
 * A table's rows, made when asked. CarnetPipeline's million rows are made a write block at a time,
 * as they are written, not all during the compute: held whole they weigh about 0.4 GB for the
 * seconds the write takes. An array is one (its own slice), so a small table is planned as rows.
 */
export interface RowSource {
  readonly length: number;
  /** Rows `start` to `end` (excluded), made on each call: keep them only as long as needed. */
  slice(start: number, end: number): readonly PlannedRow[];
}

/** Every row of a row source, chunk by chunk: only one chunk is made at a time. */
export function* rowChunks(
  rows: RowSource,
  size = ROW_CHUNK
): Generator<{ start: number; rows: readonly PlannedRow[] }> {
  for (let start = 0; start < rows.length; start += size)
    yield { start, rows: rows.slice(start, Math.min(start + size, rows.length)) };
}

/** Every row of a table, made at once: for small tables and for tests. */
export function planRows(table: Pick<TablePlan, "rows">): PlannedRow[] {
  return table.rows.slice(0, table.rows.length) as PlannedRow[];
}

export interface TablePlan {
  /** Public name, e.g. CarnetPipeline. */
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: RowSource;
  /** Number format per column ("General" when null). */
  readonly numberFormats?: readonly (string | null)[];
  /** Top-left cell of the header, 0-based. Fixed by the plan so that a rebuild finds its tables again. */
  readonly row: number;
  readonly col: number;
  /** The header of the column that names a row (a deal's source cell, a period), if any. */
  readonly key?: string;
}

export interface ChartPlan {
  readonly name: string;
  readonly type: Excel.ChartType | `${Excel.ChartType}`;
  readonly title: string;
  /** The table whose columns are charted. */
  readonly table: string;
  /** Header of the category (x) column. */
  readonly categories: string;
  /** Headers of the series columns. */
  readonly series: readonly string[];
  /** Per series, a chart type unlike the chart's (a combo: an area band under lines), or null. */
  readonly seriesTypes?: readonly (`${Excel.ChartType}` | null)[];
  /** Per series, "none" for a see-through series (a band's base), a colour, or null for Excel's. */
  readonly seriesFill?: readonly (string | null)[];
  /** Where the chart goes: the top-left cell and size in cells, on the plan's sheet. */
  readonly at: { row: number; col: number; rows: number; cols: number };
  /** How many of the table's first rows the chart draws (all when not given). */
  readonly rows?: number;
}

export interface SheetPlan {
  /** The sheet's preferred name, e.g. "Carnet Forecast". */
  readonly sheet: string;
  readonly tables: readonly TablePlan[];
  readonly charts?: readonly ChartPlan[];
  /** A line written above the tables (e.g. "Computed 2026-11-26 10:04; live columns: ..."). */
  readonly note?: string;
  /**
   * Where the note line goes, 0-based (A1 when not given). A table that needs every row of the sheet
   * has its note beside its header instead: Carnet's notes never take a row a deal needs.
   */
  readonly noteAt?: { readonly row: number; readonly col: number };
  /** The workbook's language the plan is written in (workbookText.ts); English when not given. */
  readonly language?: Language;
}

export { SHEET_ROWS } from "./a1";

/** Where the plan's note line goes (A1 unless the plan says otherwise). */
export function noteCell(plan: SheetPlan): { row: number; col: number } {
  return plan.noteAt ?? { row: 0, col: 0 };
}

/**
 * How Carnet tells, from the file alone, that it wrote a sheet and for which plan: the sheet's note
 * line (A1 as written, or beside a table filling the sheet; it moves with rows the user inserts above it) starts with the plan's
 * preferred sheet name and "written by Carnet". Sheet ids cannot tell: Excel keeps them for one
 * session only, and another session may give a Carnet sheet's old id to another sheet.
 */
export function sheetMark(preferred: string, language: Language = "en"): string {
  return language === "fr" ? `${preferred}, écrit par Carnet.` : `${preferred}, written by Carnet.`;
}

/** The note line Carnet writes at the top of a sheet: its mark, then the plan's note. */
export function noteLine(plan: SheetPlan): string {
  const mark = sheetMark(plan.sheet, plan.language);
  return plan.note ? `${mark} ${plan.note}` : mark;
}

/**
 * Whether a cell's value is the note line of the plan's sheet, in either language: the mark is how
 * a later run knows the sheet, whatever language the workbook was written in.
 */
export function isNoteLineOf(value: unknown, preferred: string): boolean {
  return (
    typeof value === "string" &&
    (value.startsWith(sheetMark(preferred, "en")) || value.startsWith(sheetMark(preferred, "fr")))
  );
}

export interface WriteResult {
  /** Preferred name → the name actually written (they differ when a user's sheet had the name). */
  readonly sheets: Record<string, string>;
  readonly tables: string[];
}

export function freeName(wanted: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const name = `${wanted} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** A block of cells, 0-based. */
export interface Box {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** Carnet's tables and charts are named Carnet…: anything else on its sheets is the user's. */
export function isCarnetName(name: string): boolean {
  return /^carnet/i.test(name);
}

/** The parts of `a` outside `b`: up to four boxes (above, below, left, right of `b`). */
export function boxMinus(a: Box, b: Box): Box[] {
  const top = Math.max(a.row, b.row);
  const bottom = Math.min(a.row + a.rows, b.row + b.rows);
  const left = Math.max(a.col, b.col);
  const right = Math.min(a.col + a.cols, b.col + b.cols);
  if (top >= bottom || left >= right) return [a];
  const parts: Box[] = [
    { row: a.row, col: a.col, rows: top - a.row, cols: a.cols },
    { row: bottom, col: a.col, rows: a.row + a.rows - bottom, cols: a.cols },
    { row: top, col: a.col, rows: bottom - top, cols: left - a.col },
    { row: top, col: right, rows: bottom - top, cols: a.col + a.cols - right },
  ];
  return parts.filter((p) => p.rows > 0 && p.cols > 0);
}

/**
 * The cells a sheet plan's tables will cover that Carnet's tables on the sheet do not cover now: where
 * a rebuild could write over something the user put there (the note line is Carnet's).
 */
export function cellsAtRisk(plan: SheetPlan, carnetTables: readonly Box[]): Box[] {
  let risk: Box[] = plan.tables.map((t) => ({
    row: t.row,
    col: t.col,
    rows: Math.max(t.rows.length + 1, 2),
    cols: t.headers.length,
  }));
  for (const old of carnetTables) risk = risk.flatMap((box) => boxMinus(box, old));
  return risk;
}
