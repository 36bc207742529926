/**
 * What a user typed inside Carnet's own tables since the last build, found before a rebuild replaces
 * it. Carnet rewrites its tables on every build; a figure a finance reviewer typed over (a corrected
 * probability in CarnetPipeline, a judgement over a P50) would vanish without a word. So each build
 * keeps, in the workbook's settings, a digest of every column it wrote; the next one reads the table
 * back, and where a column's digest changed, says which cells the rebuild would replace, and writes
 * only once the user says so. Columns the user owns (typed objectives) are carried over by the plan
 * itself, so they never differ from what the rebuild writes and are never reported.
 *
 * The digest of a column is order-independent (a sum of the cells' hashes): sorting or filtering a
 * Carnet table in Excel is not an edit. A formula cell counts as "a formula", whatever it computes;
 * a value typed over it counts as an edit. Cells are compared as Excel hands them back through
 * `Range.formulas` (normalisedCell). An objective typed for a period or owner the rebuild no longer
 * has a row for would vanish: it is reported too.
 * Pure: no Office.js.
 */
import type { CellValue } from "../../domain/values";
import { cellAddress } from "./a1";
import { type PlannedRow, rowChunks, type TablePlan } from "./sheetPlan";

/** Document setting: table name → the digest of what the last build wrote in it. */
export const WRITTEN_SETTING = "carnet.written";

export interface WrittenDigest {
  readonly rows: number;
  /** By header: the column's digest. */
  readonly columns: Readonly<Record<string, string>>;
}

export type WrittenDigests = Readonly<Record<string, WrittenDigest>>;

/**
 * A cell as a string, the same whether it comes from a plan or back from Excel: text without the
 * apostrophe that keeps it text (Carnet writes every text with one; how Excel hands back a text that
 * looks like a formula is not settled, so "=x" as text and any formula both read "="), numbers to
 * Excel's 15 significant digits.
 */
export function normalisedCell(cell: CellValue | boolean | undefined): string {
  if (cell === null || cell === undefined || cell === "") return "";
  if (typeof cell === "number") return String(Number(cell.toPrecision(15)));
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  const text = cell.startsWith("'") ? cell.slice(1) : cell;
  return text.startsWith("=") ? "=" : text;
}

/** FNV-1a, 32 bits: a cheap hash of one cell. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * An order-independent digest of a column, taken a cell at a time: two sums of per-cell hashes, and
 * the count. Sums, so that the cells may come in any order and in any number of blocks.
 */
export class ColumnDigest {
  private sum = 0;
  private mixed = 0;
  private count = 0;

  add(cell: string): void {
    const h = hash(cell);
    this.sum = (this.sum + h) >>> 0;
    this.mixed = (this.mixed + Math.imul(h ^ (h >>> 16), 0x45d9f3b)) >>> 0;
    this.count++;
  }

  text(): string {
    return `${this.count}.${this.sum.toString(36)}.${this.mixed.toString(36)}`;
  }
}

/** The digest of a column of cells (normalised, see normalisedCell). */
export function columnDigest(cells: Iterable<string>): string {
  const digest = new ColumnDigest();
  for (const cell of cells) digest.add(cell);
  return digest.text();
}

function columnOf(rows: readonly (readonly unknown[])[], j: number) {
  return rows.map((row) => normalisedCell(row[j] as CellValue));
}

/**
 * The digest of what a table plan writes, taken block by block as its rows are written (a large
 * table's rows are made a block at a time and never held whole).
 */
export class TableDigest {
  private readonly columns: ColumnDigest[];
  private rows = 0;

  constructor(private readonly headers: readonly string[]) {
    this.columns = headers.map(() => new ColumnDigest());
  }

  add(rows: readonly PlannedRow[]): void {
    for (const row of rows)
      for (let j = 0; j < this.columns.length; j++)
        this.columns[j].add(normalisedCell(row[j] ?? null));
    this.rows += rows.length;
  }

  digest(): WrittenDigest {
    const columns: Record<string, string> = {};
    this.headers.forEach((header, j) => (columns[header] = this.columns[j].text()));
    return { rows: this.rows, columns };
  }
}

/** The digest of what a plan writes, its rows made a chunk at a time. */
export function writtenDigest(plan: TablePlan): WrittenDigest {
  const digest = new TableDigest(plan.headers);
  for (const chunk of rowChunks(plan.rows)) digest.add(chunk.rows);
  return digest.digest();
}

/** The stored setting, or nothing when it is missing, damaged or edited by hand. */
export function parseWritten(value: unknown): Record<string, WrittenDigest> {
  try {
    const parsed: unknown = JSON.parse(String(value));
    if (typeof parsed !== "object" || parsed === null) return {};
    const digests: Record<string, WrittenDigest> = {};
    for (const [name, entry] of Object.entries(parsed as Record<string, unknown>)) {
      const { rows, columns } = (entry ?? {}) as { rows?: unknown; columns?: unknown };
      if (typeof rows === "number" && typeof columns === "object" && columns !== null)
        digests[name] = { rows, columns: columns as Record<string, string> };
    }
    return digests;
  } catch {
    return {};
  }
}

/** A cell of a Carnet table the user typed over, and what a rebuild would write there. */
export interface TypedCell {
  readonly table: string;
  readonly header: string;
  /** A1 address on the table's sheet, e.g. "'Carnet Pipeline'!G12". */
  readonly address: string;
  readonly typed: CellValue;
  readonly replacement: CellValue;
}

/** Where the table is now and what it holds: its header row and body as `Range.formulas` gives them. */
export interface TableNow {
  readonly sheet: string;
  /** 0-based top-left of the header. */
  readonly row: number;
  readonly col: number;
  readonly headers: readonly CellValue[];
  readonly body: readonly (readonly CellValue[])[];
}

/**
 * The cells a rebuild of `plan` would replace that the user typed since the build `digest` describes:
 * in each column whose digest changed, the cells that differ from what the rebuild writes on the row of
 * the same key (the plan's `key` column; by position without one).
 */
export function typedOver(plan: TablePlan, digest: WrittenDigest, now: TableNow): TypedCell[] {
  const changed = plan.headers
    .map((header) => ({ header, at: now.headers.indexOf(header) }))
    .filter(({ header, at }) => at >= 0 && digest.columns[header] !== undefined)
    .filter(({ header, at }) => columnDigest(columnOf(now.body, at)) !== digest.columns[header]);
  if (changed.length === 0) return [];
  const plannedRowOf = plannedRows(plan, now);
  const found: TypedCell[] = [];
  now.body.forEach((row, r) => {
    const planned = plannedRowOf(row, r);
    for (const { header, at } of changed) {
      const replacement = planned ? (planned[plan.headers.indexOf(header)] ?? null) : null;
      if (normalisedCell(row[at]) === normalisedCell(replacement)) continue;
      const address = cellAddress(now.sheet, now.row + 1 + r, now.col + at);
      found.push({ table: plan.name, header, address, typed: row[at], replacement });
    }
  });
  return found;
}

/**
 * The planned row for a row of the table as it is now: the one with its key, else the same position.
 * Planned rows are made one at a time as asked (a large plan's rows are not held whole); the keys are
 * gathered a chunk at a time.
 */
function plannedRows(plan: TablePlan, now: TableNow) {
  const keyAt = plan.key === undefined ? -1 : plan.headers.indexOf(plan.key);
  const keyNow = plan.key === undefined ? -1 : now.headers.indexOf(plan.key);
  const plannedAt = (r: number) => (r < plan.rows.length ? plan.rows.slice(r, r + 1)[0] : null);
  if (keyAt < 0 || keyNow < 0) return (_row: readonly CellValue[], r: number) => plannedAt(r);
  const byKey = new Map<string, number>();
  for (const { start, rows } of rowChunks(plan.rows))
    rows.forEach((row, i) => byKey.set(normalisedCell(row[keyAt]), start + i));
  return (row: readonly CellValue[]) => {
    const r = byKey.get(normalisedCell(row[keyNow]));
    return r === undefined ? null : plannedAt(r);
  };
}

/** A rebuild stopped before writing over cells the user typed in Carnet's tables. */
export class TypedOverError extends Error {
  constructor(readonly cells: readonly TypedCell[]) {
    super(typedOverMessage(cells));
    this.name = "TypedOverError";
  }
}

const SHOWN = 5;

function typedOverMessage(cells: readonly TypedCell[]): string {
  const shown = cells
    .slice(0, SHOWN)
    .map((c) => `${c.address} (${c.header}: ${shownValue(c.typed)})`)
    .join(", ");
  const more = cells.length > SHOWN ? ` and ${cells.length - SHOWN} more` : "";
  const tables = [...new Set(cells.map((c) => c.table))].join(", ");
  return (
    `You typed over ${cells.length === 1 ? "a cell" : `${cells.length} cells`} of ${tables} since the last build: ` +
    `${shown}${more}. A rebuild writes what the source says there. Copy what you typed to your own sheet ` +
    "(or correct the source), then build again, or replace them; nothing was written."
  );
}

function shownValue(cell: CellValue): string {
  return cell === null || cell === "" ? "cleared" : String(cell);
}
