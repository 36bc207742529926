/**
 * Reading the user's product-range table (handbook 8.6.1.3: one row per range with its volume, its
 * market, its sales and its contribution margin) into {@link ProductRange}s and a data-quality report
 * ({@link CellIssue}s) whose messages name the cell at fault.
 *
 * Choices where domain.md is silent (each a finance reviewer's expectation, and tested):
 * - Sales, margins and volumes are read with the amount rules: `12 500 €` is 12 500, but `35 %` in a
 *   margin column is an error (a margin rate, not a margin); shares take `%` text or fractions.
 * - Duplicate range names are reported and both rows kept, so that a range split over two rows still
 *   counts once in full in the ABC total.
 * - Total and subtotal rows are left out, so that nothing counts twice: which rows are totals is
 *   countingRows.ts's rule, as for the pipeline.
 */
import { PORTFOLIO_FIELDS, type PortfolioField, type PortfolioMapping } from "./columns";
import { isTotalLabel, repeatsTotal } from "./countingRows";
import type { Grid } from "./grid";
import type { Language } from "./language";
import type { StrengthMeasure } from "./matrixSettings";
import {
  checkedFigure,
  type FigureField,
  fieldWord,
  type ProductRange,
  rangeKey,
  type Say,
  settleStrength,
} from "./productRanges";
import { rangeText } from "./rangeMessages";
import type { SpeakOptions } from "./readingProblems";
import {
  type CellValue,
  describeProblem,
  isBlankCell,
  readAmount,
  type Reading,
  readShare,
} from "./values";

/** One problem in the source table. The pane turns `row` and `col` into a cell address. */
export interface CellIssue {
  /** 0-based within the data rows (below the header). */
  readonly row: number;
  /** 0-based column of the cell at fault, or null when the problem is the row's (or a column is not mapped). */
  readonly col: number | null;
  readonly field: PortfolioField | null;
  readonly message: string;
}

export interface ReadPortfolioOptions extends SpeakOptions {
  /**
   * How messages name a place: `where(row, col)` with the 0-based data row and column (col null for a whole
   * row). The default says `row N` (`ligne N` in French), N counting the first row below the header as 1; the pane passes one that
   * gives cell addresses ("F7").
   */
  readonly where?: (row: number, col: number | null) => string;
}

export interface PortfolioReading {
  /** The ranges, in sheet order. Rows without a range name are left out (and reported). */
  readonly ranges: ProductRange[];
  /** Every problem, in sheet order. Each range's own problems are also in its `issues`. */
  readonly issues: CellIssue[];
  /** 0-based data rows read as totals or subtotals and left out, so that nothing counts twice. */
  readonly totalRows: number[];
}

/**
 * What stops the table from being read, for the pane's column picker: the required columns missing, and a
 * strength axis that cannot be had (no market share column, nor volume and market volume columns; for the
 * relative measure, no leader share column). Empty when the mapping will do.
 */
export function portfolioMappingProblems(
  mapping: PortfolioMapping,
  measure: StrengthMeasure = "share",
  language: Language = "en"
): string[] {
  const has = (field: PortfolioField) => (mapping[field] ?? null) !== null;
  const problems: string[] = [];
  for (const spec of PORTFOLIO_FIELDS) {
    if (spec.required && !has(spec.field)) {
      const label = language === "fr" ? spec.labelFr : spec.label;
      problems.push(rangeText("table.noColumn", { label }, language));
    }
  }
  if (!has("marketShare") && !(has("volume") && has("marketVolume"))) {
    problems.push(rangeText("table.noStrength", {}, language));
  }
  if (measure === "relative" && !has("leaderShare")) {
    problems.push(rangeText("table.noLeader", {}, language));
  }
  return problems;
}

/**
 * Reads a product-range table's data rows (the rows below its header) with the columns the mapping gives.
 *
 * - Blank rows are skipped. A row whose range name, or first non-blank cell, says "Total", "Sous-total",
 *   "Subtotal", "Grand total"… is a total: left out and listed in `totalRows`. So is a row with no name whose
 *   figures all equal the sums of the ranges above it (since the previous total, or since the top).
 * - Each figure follows domain.md's reading rules; an unreadable or impossible figure is reported (wording of
 *   describeProblem, "margin 12,500 at row 3 is ambiguous: …") and read as blank.
 * - Market share = the share given, else volume ÷ market volume. A missing share is reported when the mapping
 *   could have given one; a given share that differs from the computed one by more than half a point too.
 * - A blank margin or sales cell is reported when its column is mapped (no class, no bubble).
 *
 * Throws when the mapping has no range column: check {@link portfolioMappingProblems} first.
 */
export function readPortfolioRows(
  rows: Grid,
  mapping: PortfolioMapping,
  options: ReadPortfolioOptions = {}
): PortfolioReading {
  const table = tableColumns(mapping, options);
  const ranges: ProductRange[] = [];
  const issues: CellIssue[] = [];
  const totalRows: number[] = [];
  const firstRowOf = new Map<string, number>();
  const sums = new SumsAbove();

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (table.mappedCols.every((c) => isBlankCell(row[c]))) continue;
    const readings = readFigures(row, table);
    if (isTotalRow(row, readings, table, sums)) {
      totalRows.push(r);
      sums.restart();
      continue;
    }
    const { figures, issues: rowIssues } = checkFigures(row, r, readings, table);
    const nameCell = row[table.rangeCol];
    if (isBlankCell(nameCell)) {
      issues.push(blankNameIssue(r, table), ...rowIssues);
      continue;
    }
    const name = shownText(nameCell);
    const repeat = repeatedNameIssue(name, r, table, firstRowOf);
    if (repeat) rowIssues.unshift(repeat);
    issues.push(...rowIssues);
    sums.add(figures);
    ranges.push({ row: r, name, ...figures, issues: rowIssues.map((i) => i.message) });
  }
  return { ranges, issues, totalRows };
}

/** What reading a row needs to know of the table: its columns, and how to name a place. */
interface TableColumns {
  readonly rangeCol: number;
  readonly colOf: (field: PortfolioField) => number | null;
  /** The columns the mapping gives: a row blank in all of them is a blank row. */
  readonly mappedCols: readonly number[];
  readonly canGiveShare: boolean;
  readonly canComputeShare: boolean;
  readonly where: (row: number, col: number | null) => string;
  readonly language: Language;
}

function tableColumns(mapping: PortfolioMapping, options: ReadPortfolioOptions): TableColumns {
  const language = options.language ?? "en";
  const rangeCol = mapping.range ?? null;
  if (rangeCol === null) throw new RangeError(rangeText("table.noRange", {}, language));
  const colOf = (field: PortfolioField): number | null => mapping[field] ?? null;
  return {
    rangeCol,
    colOf,
    mappedCols: PORTFOLIO_FIELDS.map((s) => colOf(s.field)).filter((c): c is number => c !== null),
    canGiveShare: colOf("marketShare") !== null,
    canComputeShare: colOf("volume") !== null && colOf("marketVolume") !== null,
    where:
      options.where ??
      ((row: number) => rangeText("table.row", { row: String(row + 1) }, language)),
    language,
  };
}

function cellOf(row: readonly CellValue[], table: TableColumns, field: PortfolioField): CellValue {
  const c = table.colOf(field);
  return c === null ? null : row[c];
}

type FigureReadings = Readonly<Record<FigureField, Reading<number>>>;

/** Each figure of the row as read (amount rules for quantities and money, share rules for shares). */
function readFigures(row: readonly CellValue[], table: TableColumns): FigureReadings {
  const speak = { language: table.language };
  return {
    volume: readAmount(cellOf(row, table, "volume"), speak),
    marketVolume: readAmount(cellOf(row, table, "marketVolume"), speak),
    marketShare: readShare(cellOf(row, table, "marketShare"), speak),
    leaderShare: readShare(cellOf(row, table, "leaderShare"), speak),
    sales: readAmount(cellOf(row, table, "sales"), speak),
    margin: readAmount(cellOf(row, table, "margin"), speak),
  };
}

type Totals = { volume: number; sales: number; margin: number };

/** The sums of the ranges read so far: since the top, and since the last total or subtotal. */
class SumsAbove {
  readonly sinceTop: Totals = { volume: 0, sales: 0, margin: 0 };
  sinceTotal: Totals = { volume: 0, sales: 0, margin: 0 };

  add(figures: { volume: number | null; sales: number | null; margin: number | null }): void {
    for (const sums of [this.sinceTop, this.sinceTotal]) {
      sums.volume += figures.volume ?? 0;
      sums.sales += figures.sales ?? 0;
      sums.margin += figures.margin ?? 0;
    }
  }

  restart(): void {
    this.sinceTotal = { volume: 0, sales: 0, margin: 0 };
  }
}

/** A total or subtotal, by its label (in the range's cell or the row's first cell) or by its figures. */
function isTotalRow(
  row: readonly CellValue[],
  readings: FigureReadings,
  table: TableColumns,
  sums: SumsAbove
): boolean {
  const nameCell = row[table.rangeCol];
  if (isTotalLabel(nameCell) || isTotalLabel(row.find((cell) => !isBlankCell(cell)))) return true;
  return isBlankCell(nameCell) && looksLikeTotal(readings, sums.sinceTotal, sums.sinceTop);
}

type RowFigures = Omit<ProductRange, "row" | "name" | "issues">;

/**
 * The row's figures, each checked (an unreadable or impossible one is reported and left blank), the market
 * share settled, and the row's problems with their cells, in column-field order.
 */
function checkFigures(
  row: readonly CellValue[],
  r: number,
  readings: FigureReadings,
  table: TableColumns
): { figures: RowFigures; issues: CellIssue[] } {
  const issues: CellIssue[] = [];
  const { language } = table;
  const say: Say = (field, shown, problem) => {
    const col = table.colOf(field);
    const where = table.where(r, col);
    const word = fieldWord(field, language);
    const message =
      shown === null
        ? rangeText("table.cell", { field: word, where, problem }, language)
        : describeProblem(word, { shown, problem }, where, language);
    issues.push({ row: r, col, field, message });
  };
  const shownOf = (field: PortfolioField) => shownText(cellOf(row, table, field));
  // Figures already reported (unreadable or impossible) are not reported again as missing.
  const refused = new Set<FigureField>();
  const figure = (field: FigureField): number | null => {
    const reading = readings[field];
    if (reading.kind === "blank") return null;
    const value =
      reading.kind === "error"
        ? (say(field, reading.shown, reading.problem), null)
        : checkedFigure(field, reading.value, shownOf(field), say, language);
    if (value === null) refused.add(field);
    return value;
  };

  const volume = figure("volume");
  const marketVolume = figure("marketVolume");
  const givenShare = figure("marketShare");
  const leaderShare = figure("leaderShare");
  const sales = figure("sales");
  const margin = figure("margin");
  const strength = settleStrength(
    { volume, marketVolume, givenShare, leaderShare },
    {
      shown: shownOf,
      say,
      missing: "blank",
      language,
      refused,
      canGiveShare: table.canGiveShare,
      canComputeShare: table.canComputeShare,
      wantsLeader: table.colOf("leaderShare") !== null,
    }
  );
  if (table.colOf("margin") !== null && readings.margin.kind === "blank") {
    say("margin", null, rangeText("table.marginBlank", {}, language));
  }
  if (table.colOf("sales") !== null && readings.sales.kind === "blank") {
    say("sales", null, rangeText("table.salesBlank", {}, language));
  }
  return { figures: { volume, marketVolume, ...strength, sales, margin }, issues };
}

/** A row with figures but no range name: reported, and left out. */
function blankNameIssue(r: number, table: TableColumns): CellIssue {
  const col = table.rangeCol;
  return {
    row: r,
    col,
    field: "range",
    message: rangeText("table.nameBlank", { where: table.where(r, col) }, table.language),
  };
}

/** A name already read above (names compared by rangeKey), or null; remembers the name's first row. */
function repeatedNameIssue(
  name: string,
  r: number,
  table: TableColumns,
  firstRowOf: Map<string, number>
): CellIssue | null {
  const key = rangeKey(name);
  const first = firstRowOf.get(key);
  if (first === undefined) {
    firstRowOf.set(key, r);
    return null;
  }
  const col = table.rangeCol;
  return {
    row: r,
    col,
    field: "range",
    message: rangeText(
      "table.repeat",
      { name, where: table.where(r, col), first: table.where(first, col) },
      table.language
    ),
  };
}

function shownText(cell: CellValue): string {
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell ?? "");
}

/**
 * A nameless row whose every figure repeats the sum of the ranges above it, since the last subtotal or since
 * the top (as in the handbook's table); "repeats" is countingRows' rule: within half a per cent, or one unit.
 */
function looksLikeTotal(
  readings: Pick<FigureReadings, "volume" | "sales" | "margin">,
  sinceTotal: Totals,
  sinceTop: Totals
): boolean {
  let figures = 0;
  for (const field of ["volume", "sales", "margin"] as const) {
    const reading = readings[field];
    if (reading.kind === "error") return false;
    if (reading.kind === "blank") continue;
    figures++;
    if (!repeatsTotal(reading.value, sinceTotal[field], sinceTop[field])) return false;
  }
  return figures > 0;
}
