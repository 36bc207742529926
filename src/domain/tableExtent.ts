/**
 * Where a table lies in the cells around the user's selection, decided without a host: which row is
 * its header, how far up it goes and where it ends. host/source.ts reads the cells (the current region
 * around the selection, the rows above it and below it); plan/source.ts turns the answer into what the
 * pane reads.
 *
 * Tables as sales workbooks hold them:
 * - **The header** is the row among a block's first rows that names the most of Carnet's columns (a
 *   pipeline's or a product-range table's, columns.ts): title rows and group rows above it ("Affaire /
 *   Avancement / Montants" spanning the real header) name none and are skipped. A row that looks like
 *   data (a number, a date, an amount or a percentage in it) ends the search: data is never a header.
 *   When no row names a column, the first row with two cells or more is taken (a one-cell title is not).
 * - **Up**, across a single blank row (a deleted deal): when the block the selection is in has no header
 *   of its own (or starts by repeating the one above), the block above is the same table if it spans the
 *   same columns (nothing beside them, its first and last columns used), its header names at least two
 *   of Carnet's columns, and the rows below it look like its rows (below). Several single blank rows
 *   are crossed the same way. Two blank rows in a row always part two blocks.
 * - **Down**, the table ends at two blank rows, as before, and also at a single blank row followed by
 *   rows that do not look like the table's rows: a block of formulas or a summary kept under the table
 *   (its numbers used to read as deals dated 1900–1934), or a block of another shape. What is left out
 *   that way is said, never dropped silently.
 *
 * "Looks like the table's rows" compares each cell with what its column holds in the rows already
 * taken (the header's block, and the selection's): a number where the column holds text, a number that
 * is no date (before 1950, after 2100) in a column of dates (its header names a date, or it holds dates
 * typed as text), text where the column holds numbers. A row fits when it fills at least half as many
 * columns as the table's rows usually do and at most one cell in four (at least one) does not fit; a
 * total row and a row repeating the header fit (countingRows leaves them out later). A block fits when
 * at least half of its rows do (its first 200 rows are looked at). Decided on the values only, never on
 * formulas: deals are often computed by formulas too, and reading formulas would double what is read.
 */
import { normaliseHeader, PIPELINE_FIELDS, PORTFOLIO_FIELDS, recogniseColumns } from "./columns";
import { isTotalLabel, repeatsHeader } from "./countingRows";
import { readDate, serialFromYmd } from "./dates";
import { type CellValue, isBlankCell, isExcelError, readAmount, readProbability } from "./values";

export type Row = readonly CellValue[];

/** How many leading rows of a block may be titles or group rows above the header. */
const HEADER_SEARCH_ROWS = 10;
/** How many rows of a block decide whether it looks like the table's rows, and feed what columns hold. */
const SAMPLE_ROWS = 200;
/** What the table's columns hold is learnt from this many rows at most: it says no more after. */
const PROFILE_ROWS = 1000;
const FIRST_DATE = serialFromYmd(1950, 1, 1);
const LAST_DATE = serialFromYmd(2100, 12, 31);

export function isBlankRow(row: Row): boolean {
  return row.every(isBlankCell);
}

const recognised = (row: Row, specs: Parameters<typeof recogniseColumns>[1]) =>
  Object.values(recogniseColumns(row, specs)).filter((c) => c !== null).length;

/** How many columns of one of Carnet's tables (the pipeline, the product ranges) the row names as a header. */
export function headerScore(row: Row): number {
  return Math.max(recognised(row, PIPELINE_FIELDS), recognised(row, PORTFOLIO_FIELDS));
}

type CellKind = "number" | "date" | "percent" | "amount" | "text" | "boolean" | "error";

/** What a cell holds, as far as comparing rows goes; null when blank. */
function cellKind(cell: CellValue): CellKind | null {
  if (isBlankCell(cell)) return null;
  if (typeof cell === "number") return "number";
  if (typeof cell === "boolean") return "boolean";
  const text = String(cell).trim();
  if (isExcelError(text)) return "error";
  if (readDate(text).kind === "value") return "date";
  if (text.includes("%") && readProbability(text).kind === "value") return "percent";
  if (readAmount(text).kind === "value") return "amount";
  return "text";
}

/** A row holding a number, a date, an amount or a percentage: data, never a header or a title. */
export function looksLikeData(row: Row): boolean {
  return row.some((cell) => {
    const kind = cellKind(cell);
    return kind !== null && kind !== "text" && kind !== "error";
  });
}

const filled = (row: Row) => row.reduce<number>((n, cell) => n + (isBlankCell(cell) ? 0 : 1), 0);

/**
 * The header among the first rows of the block [start, end): the row naming the most of Carnet's
 * columns (the first of equals), looking no further than the first row that looks like data; null
 * when none names a column.
 */
export function headerIn(rows: readonly Row[], start: number, end: number): number | null {
  let best: number | null = null;
  let bestScore = 0;
  for (let i = start; i < Math.min(end, start + HEADER_SEARCH_ROWS); i++) {
    if (looksLikeData(rows[i])) break;
    const score = headerScore(rows[i]);
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return best;
}

/** The header of the block [start, end): {@link headerIn}, else the first row of two cells or more, else the first. */
export function headerOfBlock(rows: readonly Row[], start: number, end: number): number {
  const named = headerIn(rows, start, end);
  if (named !== null) return named;
  for (let i = start; i < Math.min(end, start + HEADER_SEARCH_ROWS); i++) {
    if (looksLikeData(rows[i])) break;
    if (filled(rows[i]) >= 2) return i;
  }
  return start;
}

/** What each column of a table holds in the rows taken so far, to tell whether more rows look like them. */
export class ColumnProfile {
  private readonly kinds: Set<CellKind>[];
  private readonly dateHeader: boolean[];
  private readonly maxNumber: number[];
  private readonly fills: number[] = [];
  private median: number | null = null;

  constructor(private readonly header: Row) {
    const dateCol = recogniseColumns(header, PIPELINE_FIELDS).closeDate;
    this.kinds = header.map(() => new Set<CellKind>());
    this.dateHeader = header.map(
      (cell, i) => i === dateCol || /\bdate\b/.test(normaliseHeader(cell))
    );
    this.maxNumber = header.map(() => -Infinity);
  }

  /** Takes the rows [start, end) (the first {@link SAMPLE_ROWS} non-blank ones) as the table's. */
  add(rows: readonly Row[], start: number, end: number): void {
    let taken = 0;
    for (let r = start; r < end && taken < SAMPLE_ROWS && this.fills.length < PROFILE_ROWS; r++) {
      const row = rows[r];
      if (isBlankRow(row)) continue;
      taken++;
      this.fills.push(filled(row));
      this.median = null;
      row.forEach((cell, i) => {
        const kind = cellKind(cell);
        if (kind === null || i >= this.kinds.length) return;
        this.kinds[i].add(kind);
        if (typeof cell === "number") this.maxNumber[i] = Math.max(this.maxNumber[i], cell);
      });
    }
  }

  /** Whether the block [start, end) looks like the table's rows; `side` says a row has cells beside the table. */
  fits(rows: readonly Row[], start: number, end: number, side?: (row: number) => boolean): boolean {
    let looked = 0;
    let fitting = 0;
    for (let r = start; r < end && looked < SAMPLE_ROWS; r++) {
      if (isBlankRow(rows[r])) continue;
      looked++;
      if (!side?.(r) && this.rowFits(rows[r])) fitting++;
    }
    return fitting * 2 >= looked;
  }

  rowFits(row: Row): boolean {
    if (row.some(isTotalLabel)) return true;
    const all = row.map((_, i) => i);
    if (
      repeatsHeader({
        cells: row,
        read: all,
        identity: [],
        amount: null,
        probability: null,
        header: this.header,
      })
    )
      return true;
    const n = filled(row);
    if (n * 2 < this.typicalFill()) return false;
    let misfits = 0;
    row.forEach((cell, i) => {
      if (!this.cellFits(cell, i)) misfits++;
    });
    return misfits <= Math.max(1, Math.floor(n / 4));
  }

  /** The median number of cells the table's rows fill (0 before any row). */
  private typicalFill(): number {
    if (this.fills.length === 0) return 0;
    if (this.median === null) {
      const sorted = [...this.fills].sort((a, b) => a - b);
      this.median = sorted[Math.floor(sorted.length / 2)];
    }
    return this.median;
  }

  private cellFits(cell: CellValue, i: number): boolean {
    const kind = cellKind(cell);
    if (kind === null || kind === "error" || i >= this.kinds.length) return true;
    const seen = this.kinds[i];
    if (seen.size === 0) return true; // nothing to compare with: the column was empty so far
    const dates = this.dateHeader[i] || seen.has("date");
    const fractions = this.maxNumber[i] <= 1 && !seen.has("amount") && !seen.has("date");
    const numeric = seen.has("number") || seen.has("amount") || seen.has("percent");
    switch (kind) {
      case "number": {
        const value = cell as number;
        if (dates) return value >= FIRST_DATE && value <= LAST_DATE;
        if (seen.has("percent") || (fractions && seen.has("number")))
          return value >= 0 && value <= 1;
        return numeric;
      }
      case "date":
        return dates;
      case "percent":
        return seen.has("percent") || (fractions && seen.has("number"));
      case "amount":
        return !dates && (seen.has("amount") || seen.has("number"));
      default:
        return seen.has(kind);
    }
  }
}

/** The cells around the selection, in the table's columns; indexes are rows of `rows`. */
export interface Surroundings {
  readonly rows: readonly Row[];
  /** Whether a row has a cell just left or right of the table's columns (another shape). */
  readonly side?: (row: number) => boolean;
  /** Excel's current region around the selection: rows [regionTop, regionEnd), no blank row in it. */
  readonly regionTop: number;
  readonly regionEnd: number;
  /** True when the sheet has rows above `rows[0]` that were not read (the used range goes higher). */
  readonly moreAbove?: boolean;
}

export interface TableExtent {
  /** The header row. */
  readonly header: number;
  /** One past the table's last row: its rows are header + 1 … end − 1. */
  readonly end: number;
  /** The first row of the header's block: the title and group rows above the header start there. */
  readonly blockTop: number;
  /** Rows below a blank row that do not look like the table's rows: left out, first and last. */
  readonly leftOut: { readonly first: number; readonly last: number } | null;
}

/** Where the carried region ends: at the first of two blank rows from `from`, else at the end. */
export function endOfBlankPair(rows: readonly Row[], from: number): number {
  for (let i = Math.max(0, from); i + 1 < rows.length; i++)
    if (isBlankRow(rows[i]) && isBlankRow(rows[i + 1])) return i;
  return rows.length;
}

/**
 * The table around the selection (see the module comment), or "more above" when deciding needs rows
 * above the ones read (the walk up reached `rows[0]` and the sheet goes higher).
 */
export function carriedTable(around: Surroundings): TableExtent | "more above" {
  const { rows, regionTop, regionEnd } = around;
  const up = tableAbove(around);
  if (up === "more above") return up;
  const header = up?.header ?? headerOfBlock(rows, regionTop, regionEnd);
  const profile = new ColumnProfile(rows[header]);
  profile.add(rows, header + 1, regionEnd);
  // Down: single blank rows are crossed while what follows looks like the table's rows.
  const limit = endOfBlankPair(rows, regionEnd);
  let end = regionEnd;
  while (end + 1 < limit) {
    const start = end + 1; // rows[end] is the single blank row
    let next = start;
    while (next < limit && !isBlankRow(rows[next])) next++;
    if (!profile.fits(rows, start, next, around.side)) {
      let last = limit - 1;
      while (last > start && isBlankRow(rows[last])) last--;
      return { header, end, blockTop: up?.blockTop ?? regionTop, leftOut: { first: start, last } };
    }
    profile.add(rows, start, next);
    end = next;
  }
  return { header, end, blockTop: up?.blockTop ?? regionTop, leftOut: null };
}

/**
 * The header above the selection's block across single blank rows, when the block has none of its own
 * (or starts by repeating it) and the blocks between look like the header's rows; null when the table
 * starts in the selection's block.
 */
function tableAbove(
  around: Surroundings
): { header: number; blockTop: number } | null | "more above" {
  const { rows, regionTop, regionEnd } = around;
  const own = headerIn(rows, regionTop, regionEnd);
  if (own !== null && own !== regionTop) return null; // titles, then a header: a table of its own
  const blank = (i: number) => isBlankRow(rows[i]);
  const below: [number, number][] = [[regionTop, regionEnd]];
  let top = regionTop;
  for (;;) {
    if (top - 1 < 0 || (top - 2 < 0 && around.moreAbove))
      return around.moreAbove ? "more above" : null;
    if (!blank(top - 1) || top - 2 < 0 || blank(top - 2)) return null;
    let start = top - 2;
    while (start > 0 && !blank(start - 1)) start--;
    if (start === 0 && around.moreAbove) return "more above";
    const blockEnd = top - 1;
    if (!sameColumns(rows, start, blockEnd, around.side)) return null;
    const header = headerIn(rows, start, blockEnd);
    if (header !== null) {
      if (headerScore(rows[header]) < 2) return null;
      if (own !== null && !sameCells(rows[own], rows[header])) return null;
      const profile = new ColumnProfile(rows[header]);
      profile.add(rows, header + 1, blockEnd);
      for (const [from, to] of below.reverse()) {
        if (!profile.fits(rows, from, to)) return null;
        profile.add(rows, from, to);
      }
      return { header, blockTop: start };
    }
    below.push([start, blockEnd]);
    top = start;
  }
}

/** The block [start, end) spans the table's columns: its first and last are used, nothing is beside them. */
function sameColumns(
  rows: readonly Row[],
  start: number,
  end: number,
  side?: (row: number) => boolean
): boolean {
  let first = false;
  let last = false;
  for (let r = start; r < end; r++) {
    if (side?.(r)) return false;
    const row = rows[r];
    first ||= !isBlankCell(row[0]);
    last ||= !isBlankCell(row[row.length - 1]);
  }
  return first && last;
}

/** Two rows saying the same, case, accents and closing punctuation aside (a header and its repeat). */
function sameCells(a: Row, b: Row): boolean {
  return (
    a.length === b.length && a.every((cell, i) => normaliseHeader(cell) === normaliseHeader(b[i]))
  );
}
