/**
 * Excel's calculated columns ("Fill formulas in tables to create calculated columns", an AutoCorrect
 * option that is on by default and that Excel applies to the API's writes as to typing): a formula
 * written into a table column whose other cells are empty or hold one formula fills the whole column,
 * and rows added to the table later get it too. The rule, its sources and the readings taken where
 * Excel's behaviour is not confirmed are in README.md ("Calculated columns"). In short:
 *
 * - A write (`Range.values` / `formulas`, `TableRow.values`, `TableColumn.values`, `rows.add`,
 *   `columns.add`) is applied to each column of a table's data body cell by cell, top to bottom, as if
 *   typed. Writing a formula into a cell when every *other* cell of the column is blank or holds one
 *   same formula (R1C1 terms) fills the column with it: every row, the cells written before it in
 *   the same write included. So the last such formula wins (office-js #6745, #2093), and a column
 *   that holds data other than formulas is left as written (Microsoft: "If you type or move a formula
 *   in a table column that already contains data, a calculated column is not automatically created").
 * - A filled column is a calculated column: rows added (`rows.add`, `Table.resize`) get its formula,
 *   over blanks and nulls in the added values too (office-js #1916). Values written into it later are
 *   exceptions and stay. It stops being one when none of its cells holds a formula any more.
 * - A table made over a range whose column holds one formula in every non-blank cell starts with it
 *   as a calculated column.
 *
 * The state is kept here, beside the model, by table and sheet column (tables never move sideways).
 * So is, for speed, which columns are known to hold one formula in every row since the host filled
 * them: a block written into such a column is checked against its own rows only, not the whole
 * column (Microsoft's client sends a large write in many parts). Any other change to the cells, as
 * the backend reports it, forgets that knowledge.
 */
import { intersect, type Rect } from "./address";
import type { CellValue } from "./backend";
import { textCells, writeCells } from "./cells";
import { formulaTemplate, type FormulaTemplate } from "./formula-refs";
import type { SheetRecord, TableRecord, WorkbookModel } from "./model";
import type { InputLocale } from "./typed-input";

/** The table's data body (as table-rules' bodyRect; not imported, which would make a cycle). */
function bodyRect(table: TableRecord): Rect {
  return { ...table.rect, row: table.rect.row + 1, rows: table.rect.rows - 1 };
}

const switchedOff = new WeakSet<WorkbookModel>();
const calculated = new WeakMap<TableRecord, Map<number, FormulaTemplate>>();
/** Columns whose every body cell holds the formula of this R1C1 key, as the host left them. */
const uniform = new WeakMap<TableRecord, Map<number, string>>();
/** Models whose backend reports its changes to forget `uniform`; true while the host itself writes. */
const watching = new WeakMap<WorkbookModel, { quiet: boolean }>();

/** Watches the backend's edits (when it reports them): what others change is no longer known. */
function watch(model: WorkbookModel): { quiet: boolean } | undefined {
  let state = watching.get(model);
  if (state || !model.backend.onChange) return state;
  state = { quiet: false };
  const own = state;
  watching.set(model, state);
  model.backend.onChange((sheetName, region) => {
    if (own.quiet) return;
    const sheet = model.sheetByName(sheetName);
    for (const table of model.tables) {
      if (table.sheetId !== sheet?.id) continue;
      const known = uniform.get(table);
      if (!known) continue;
      for (const col of [...known.keys()])
        if (!region || (col >= region.col && col < region.col + region.cols)) known.delete(col);
    }
  });
  return state;
}

/** Runs the host's own writes without forgetting what it knows of the columns it writes. */
function quietly(model: WorkbookModel, write: () => void): void {
  const state = watch(model);
  const was = state?.quiet ?? false;
  if (state) state.quiet = true;
  try {
    write();
  } finally {
    if (state) state.quiet = was;
  }
}

function knownUniform(table: TableRecord, col: number): string | undefined {
  return uniform.get(table)?.get(col);
}

function setUniform(table: TableRecord, col: number, key: string | undefined): void {
  let map = uniform.get(table);
  if (!map) uniform.set(table, (map = new Map()));
  if (key === undefined) map.delete(col);
  else map.set(col, key);
}

/** Excel with the AutoCorrect option off: no column is ever filled. */
export function turnOffCalculatedColumns(model: WorkbookModel): void {
  switchedOff.add(model);
}

function columnsOf(table: TableRecord): Map<number, FormulaTemplate> {
  let map = calculated.get(table);
  if (!map) calculated.set(table, (map = new Map()));
  return map;
}

const isFormula = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");

/** What a write puts in a cell: nothing (null: unchanged), a blank, a formula or another value. */
type Written = "skip" | "blank" | "formula" | "value";

/** `asText`: the cell is formatted as Text, where a formula is written as text (cells.ts). */
function writtenKind(v: unknown, asText = false): Written {
  if (v === null || v === undefined) return "skip";
  if (v === "") return "blank";
  return isFormula(v) && !asText ? "formula" : "value";
}

/** Formula keys of a column's cells, rendering the last template first: a uniform column parses once. */
class Keys {
  private last: FormulaTemplate | undefined;
  constructor(private readonly col: number) {}

  template(text: string, row: number): FormulaTemplate {
    if (this.last && this.last.matches(text, row, this.col)) return this.last;
    this.last = formulaTemplate(text, row, this.col);
    return this.last;
  }
}

/** One cell's content for the rule: blank, a value, or a formula by its R1C1 key. */
type State = { kind: "blank" } | { kind: "value" } | { kind: "formula"; key: string };

const BLANK: State = { kind: "blank" };
const VALUE: State = { kind: "value" };

/** The cells of a column other than the one being written: how many values, which formulas. */
class ColumnCounts {
  values = 0;
  readonly formulas = new Map<string, number>();

  add(s: State, n = 1): void {
    if (s.kind === "value") this.values += n;
    else if (s.kind === "formula") this.formulas.set(s.key, (this.formulas.get(s.key) ?? 0) + n);
  }

  remove(s: State): void {
    if (s.kind === "value") this.values -= 1;
    else if (s.kind === "formula") {
      const n = this.formulas.get(s.key)! - 1;
      if (n === 0) this.formulas.delete(s.key);
      else this.formulas.set(s.key, n);
    }
  }

  /** Every cell counted is blank or holds one same formula. */
  get fillable(): boolean {
    return this.values === 0 && this.formulas.size <= 1;
  }
}

interface ColumnWrite {
  table: TableRecord;
  body: Rect;
  col: number;
  /** Body rows (0-based within the body) the write covers, and what it puts in each. */
  first: number;
  kinds: Written[];
  /**
   * The column's body before the write, as getFormulas reads it; or, when every cell is known to
   * hold one formula, its R1C1 key (the column is then not read).
   */
  before: CellValue[] | { key: string };
}

function stateOf(text: CellValue, row: number, keys: Keys): State {
  if (text === "") return BLANK;
  return isFormula(text) ? { kind: "formula", key: keys.template(text, row).key } : VALUE;
}

/** Rows read or written at a time in a column: a block this size dies young (cells.ts, CHUNK_CELLS). */
const CHUNK_ROWS = 1 << 12;

/**
 * Cell k of a column block, read a chunk at a time when asked for in order: the block is not held
 * whole as rows of one cell.
 */
function columnReader(
  model: WorkbookModel,
  sheet: SheetRecord,
  row: number,
  col: number,
  rows: number
): (k: number) => CellValue {
  let start = 0;
  let chunk: CellValue[][] = [];
  return (k) => {
    if (k < start || k >= start + chunk.length) {
      start = k - (k % CHUNK_ROWS);
      const count = Math.min(CHUNK_ROWS, rows - start);
      chunk = model.backend.getFormulas(sheet.name, row + start, col, count, 1);
    }
    return chunk[k - start][0];
  };
}

/**
 * Runs the column's cells through the rule in write order; writes the fill, if any, and records the
 * calculated column.
 */
function settle(model: WorkbookModel, sheet: SheetRecord, w: ColumnWrite): void {
  const { body, col, first, kinds, before } = w;
  const keys = new Keys(col);
  const written = columnReader(model, sheet, body.row + first, col, kinds.length);
  const counts = new ColumnCounts();
  let initial: (i: number) => State;
  if (Array.isArray(before)) {
    const states = before.map((text, i) => stateOf(text, body.row + i, keys));
    states.forEach((s) => counts.add(s));
    initial = (i) => states[i];
  } else {
    const all: State = { kind: "formula", key: before.key };
    counts.add(all, body.rows);
    initial = () => all;
  }
  // The column as the write goes: after a fill every cell holds the fill's formula, but for the
  // cells written since (kept apart, so that a fill costs nothing whatever the column's length).
  let base: State | undefined;
  let since = new Map<number, State>();
  const stateAt = (i: number) => since.get(i) ?? base ?? initial(i);
  let fill: FormulaTemplate | undefined;
  for (let k = 0; k < kinds.length; k += 1) {
    const kind = kinds[k];
    if (kind === "skip") continue;
    const i = first + k;
    counts.remove(stateAt(i));
    const text = written(k);
    const next: State =
      kind === "formula" && isFormula(text)
        ? { kind: "formula", key: keys.template(text, body.row + i).key }
        : kind === "blank" || text === ""
          ? BLANK
          : VALUE;
    if (next.kind === "formula" && counts.fillable) {
      // Every row takes this formula, the ones written before it in this write included.
      fill = keys.template(text as string, body.row + i);
      base = next;
      since = new Map();
      counts.formulas.clear();
      counts.add(next, body.rows);
      continue;
    }
    since.set(i, next);
    counts.add(next);
  }
  if (!fill) {
    // Values or other formulas written: the column is no longer known to be uniform.
    if (kinds.some((kind) => kind !== "skip")) setUniform(w.table, col, undefined);
    return;
  }
  const template = fill;
  const inWrite = (i: number) =>
    i >= first && i < first + kinds.length && kinds[i - first] !== "skip";
  // Rows outside the write already hold this formula when the column was known to hold it.
  const unchanged = !Array.isArray(before) && before.key === template.key;
  const current = (i: number) =>
    inWrite(i) ? written(i - first) : Array.isArray(before) ? before[i] : undefined;
  // Write only what differs, in runs: a column already uniform costs no write.
  const [from, to] = unchanged ? [first, first + kinds.length] : [0, body.rows];
  let start = -1;
  let texts: string[] = [];
  for (let i = from; i <= to; i += 1) {
    const wanted = i < to ? template.render(body.row + i, col) : undefined;
    if (wanted !== undefined && !since.has(i) && current(i) !== wanted) {
      if (start < 0) start = i;
      texts.push(wanted);
    } else if (start >= 0) {
      const at = start;
      const block = texts.map((t) => [t]);
      quietly(model, () => model.backend.setCells(sheet.name, body.row + at, col, block));
      start = -1;
      texts = [];
    }
  }
  columnsOf(w.table).set(col, template);
  setUniform(w.table, col, since.size === 0 ? template.key : undefined);
}

/** The value a write puts in cell (i, j) of its block. */
function sentAt(sent: unknown, i: number, j: number): unknown {
  return Array.isArray(sent) ? (sent[i] as unknown[] | undefined)?.[j] : sent;
}

/**
 * Writes what a `values` or `formulas` setter (or `rows.add`, `columns.add`) sent, as writeCells does,
 * then applies the calculated-column rule to the table columns the block covers. `added` names a
 * table whose rows `rect` has just added: there a blank or null written into a calculated column
 * leaves the formula the new row took.
 */
export function writeCellsInTables(
  model: WorkbookModel,
  sheet: SheetRecord,
  rect: Rect,
  sent: unknown,
  where: string,
  added?: TableRecord,
  /** How strings are read (`formulasLocal` in a fr-FR workbook); en-US otherwise. */
  locale?: InputLocale
): void {
  const tables = switchedOff.has(model)
    ? []
    : model.tables.filter((t) => t.sheetId === sheet.id && intersect(bodyRect(t), rect));
  if (tables.length === 0) {
    writeCells(model.backend, sheet, rect, sent, where, locale);
    return;
  }
  const writes: ColumnWrite[] = [];
  const text = textCells(model.backend, sheet, rect);
  let toWrite = sent;
  for (const table of tables) {
    const body = bodyRect(table);
    const part = intersect(body, rect)!;
    for (let col = part.col; col < part.col + part.cols; col += 1) {
      const j = col - rect.col;
      const kinds: Written[] = [];
      for (let r = part.row; r < part.row + part.rows; r += 1)
        kinds.push(writtenKind(sentAt(sent, r - rect.row, j), text?.(r - rect.row, j)));
      if (table === added && calculated.get(table)?.has(col)) {
        // The added row keeps its calculated formula where nothing is written (office-js #1916):
        // the blanks become nulls in a copy (what was sent may be the client's own arrays:
        // json-view.ts).
        if (toWrite === sent && kinds.includes("blank")) {
          toWrite = Array.from({ length: rect.rows }, (_, i) =>
            Array.from({ length: rect.cols }, (_, jj) => sentAt(sent, i, jj))
          );
        }
        kinds.forEach((kind, k) => {
          if (kind !== "blank") return;
          (toWrite as unknown[][])[part.row + k - rect.row][j] = null;
          kinds[k] = "skip";
        });
      }
      if (!kinds.includes("formula")) {
        if (kinds.some((kind) => kind !== "skip")) setUniform(table, col, undefined);
        continue;
      }
      const key = knownUniform(table, col);
      const before =
        key !== undefined
          ? { key }
          : model.backend
              .getFormulas(sheet.name, body.row, col, body.rows, 1)
              .map((line) => line[0]);
      writes.push({ table, body, col, first: part.row - body.row, kinds, before });
    }
  }
  quietly(model, () => writeCells(model.backend, sheet, rect, toWrite, where, locale));
  for (const w of writes) settle(model, sheet, w);
}

/** Whether a body column (rows `skip` left out) holds a formula: a calculated column ends without one. */
function holdsFormula(
  model: WorkbookModel,
  sheet: SheetRecord,
  body: Rect,
  col: number,
  skip?: { row: number; rows: number }
): boolean {
  const cell = columnReader(model, sheet, body.row, col, body.rows);
  for (let i = 0; i < body.rows; i += 1) {
    const row = body.row + i;
    if (skip && row >= skip.row && row < skip.row + skip.rows) continue;
    if (isFormula(cell(i))) return true;
  }
  return false;
}

/**
 * Rows `rows` (sheet rows) have just joined the table's body (`rows.add`, `Table.resize`): each
 * calculated column writes its formula into them, over whatever they held.
 */
export function extendCalculatedColumns(
  model: WorkbookModel,
  sheet: SheetRecord,
  table: TableRecord,
  rows: { row: number; rows: number }
): void {
  const columns = calculated.get(table);
  const known = uniform.get(table);
  uniform.delete(table); // the body changed: what was known of its columns is not
  if (!columns || rows.rows <= 0) return;
  const body = bodyRect(table);
  for (const [col, template] of [...columns]) {
    // A column known to hold its formula in every row still does once the new rows take it: no
    // need to read it (a table grown block by block would read its whole column each time).
    const wasUniform = known?.get(col) === template.key;
    if (
      col < body.col ||
      col >= body.col + body.cols ||
      (!wasUniform && !holdsFormula(model, sheet, body, col, rows))
    ) {
      columns.delete(col);
      continue;
    }
    for (let top = 0; top < rows.rows; top += CHUNK_ROWS) {
      const at = rows.row + top;
      const count = Math.min(CHUNK_ROWS, rows.rows - top);
      const cells = Array.from({ length: count }, (_, i) => [template.render(at + i, col)]);
      quietly(model, () => model.backend.setCells(sheet.name, at, col, cells));
    }
    if (wasUniform) setUniform(table, col, template.key);
  }
}

/** A new table: a column holding one formula in every non-blank body cell is a calculated column. */
export function markCalculatedColumns(
  model: WorkbookModel,
  sheet: SheetRecord,
  table: TableRecord
): void {
  if (switchedOff.has(model)) return;
  const body = bodyRect(table);
  const cells = model.backend.getFormulas(sheet.name, body.row, body.col, body.rows, body.cols);
  for (let j = 0; j < body.cols; j += 1) {
    const keys = new Keys(body.col + j);
    let template: FormulaTemplate | undefined;
    let uniform = true;
    for (let i = 0; i < body.rows && uniform; i += 1) {
      const text = cells[i][j];
      if (text === "") continue;
      if (!isFormula(text)) uniform = false;
      else {
        const t = keys.template(text, body.row + i);
        if (template && t.key !== template.key) uniform = false;
        template ??= t;
      }
    }
    if (uniform && template) columnsOf(table).set(body.col + j, template);
  }
}
