/**
 * Which rows of a sales table count, and the weighted total: the one place that decides it. The
 * custom functions (three columns of cells), the task pane (the whole table), the forecast, the
 * snapshots and the product-range table all ask here, so a formula and the pane cannot disagree.
 *
 * Handbook, Tableau 399: 1 000 € at 20 %, 2 000 € at 50 %, 4 000 € at 75 % → 4 200 €, and the table
 * ends with a "Total probabilisé du carnet commercial" row that must never be counted twice.
 *
 * The rules, row by row (domain.md, "The pipeline"):
 * - Blank: nothing in the row's cells. It is skipped.
 * - Total or subtotal, by its label: a cell says "Total…", "Sous-total…", "Subtotal…", "Grand
 *   total…", and no cell that names a deal (company, contact, product, id, close date) holds anything
 *   but that label. A customer called "Total" with a contact or a product is a deal.
 * - Total, by its figure: the last row holding a figure names no deal and holds one figure (an amount
 *   or a probability cell, not both) that repeats the plain or the weighted total of the rows above it
 *   (within half a per cent, or one unit), as the handbook's last row does. Only the last such row: a
 *   deal further up whose amount happens to equal the running total is a deal missing its probability.
 *   A zero total is repeated by nothing: a lone 0 is not a total.
 * - Header, repeated: every cell the reader reads holds a column's name — that column's own header
 *   (when the reader knows the table's header: the pane) or a name Carnet knows a pipeline column by
 *   (columns.ts: "Montant", "Probability"...) — and at least two do. A block pasted with its header
 *   mid-table repeats it; it is left out like a total row, and the pane reports it.
 * - Unfigured: it names something but has neither amount nor probability. It counts nowhere; the
 *   pane reports it, the functions skip it (their documented rule).
 * - Otherwise a deal. A deal counts in the weighted total and the outcome distribution when it is
 *   open (neither Won, Lost nor Omitted) and has both an amount and a probability; its weighted amount
 *   is amount × probability.
 */
import { normaliseHeader, PIPELINE_FIELDS } from "./columns";
import { FORECAST_CATEGORIES, type ForecastCategory } from "./deal";
import type { DealColumns } from "./dealTable";
import { readCategory } from "./stages";
import { type CellValue, isBlankCell as isBlankCellOfValues } from "./values";

// Asked of several cells of every row of a million: a name of this module's own, since an imported
// name is read through a getter on each call under tsx and webpack's development build (the
// workbench), about 15 ns a call, more than the test itself.
const isBlankCell = isBlankCellOfValues;

const TOTAL_LABEL = /^\s*(?:(?:sous|sub)[\s-]?)?total\b|^\s*grand[\s-]total\b/i;

/** "Total probabilisé du carnet commercial", "Sous-total", "Subtotal Q2", "Grand total". */
export function isTotalLabel(cell: CellValue): boolean {
  return typeof cell === "string" && TOTAL_LABEL.test(cell);
}

/** True when `value` repeats one of the (non-zero) totals: within 0.5 % of it, or one unit. */
export function repeatsTotal(value: number, ...totals: readonly number[]): boolean {
  return totals.some((t) => t !== 0 && Math.abs(value - t) <= Math.max(1, Math.abs(t) * 0.005));
}

/** A row as the rules see it: its cells, and which of them name the deal and hold its figures. */
export interface RowCells {
  /** The row's cells; a total's label may stand in any of them. */
  readonly cells: readonly CellValue[];
  /** Indexes in `cells` of the columns the reader maps: the row is blank when all of these are. */
  readonly read: readonly number[];
  /** Indexes in `cells` of what names a deal: company, contact, product, id, close date. */
  readonly identity: readonly number[];
  /**
   * Indexes in `cells` of the amount and the probability, or null when the table has none; when
   * there, they are among `read` (columns the reader maps).
   */
  readonly amount: number | null;
  readonly probability: number | null;
  /** The table's header, same indexes as `cells`, when the reader knows it (the pane; not the functions). */
  readonly header?: readonly CellValue[];
}

export type RowKind = "blank" | "header" | "total" | "unfigured" | "deal";

/** Every name Carnet knows a pipeline column by, normalised ("montant", "close date", "probabilite"...). */
const COLUMN_NAMES = new Set(PIPELINE_FIELDS.flatMap((f) => f.synonyms));

/**
 * Whether the row repeats the header: each cell the reader reads is blank or a column's name (its
 * column's own header, or one of Carnet's names for a pipeline column), and at least two are.
 */
export function repeatsHeader(row: RowCells): boolean {
  // A number or a boolean is never a column's name: most deal rows hold one, and are settled here
  // without normalising their text (the reading asks this of every row of the table, so its loops
  // are indexed: a for…of may make an iterator each row where the compiler does not remove it).
  const { read, cells } = row;
  for (let k = 0; k < read.length; k++) {
    const cell = cells[read[k]];
    if (cell !== null && cell !== undefined && typeof cell !== "string") return false;
  }
  let names = 0;
  for (const i of row.read) {
    const text = normaliseHeader(row.cells[i]);
    if (text === "") continue;
    const own = row.header ? normaliseHeader(row.header[i]) : "";
    if (typeof row.cells[i] !== "string" || (text !== own && !COLUMN_NAMES.has(text))) return false;
    names++;
  }
  return names >= 2;
}

/** Whether every cell the reader maps is blank. */
function isBlankRow(row: RowCells): boolean {
  const { read, cells } = row;
  for (let k = 0; k < read.length; k++) if (!isBlankCell(cells[read[k]])) return false;
  return true;
}

function cellAt(row: RowCells, index: number | null): CellValue {
  return index === null ? null : row.cells[index];
}

/** Whether the row's amount or probability cell holds a number (an Excel number, read or not). */
function holdsNumber(row: RowCells): boolean {
  const { amount, probability, cells } = row;
  return (
    (amount !== null && typeof cells[amount] === "number") ||
    (probability !== null && typeof cells[probability] === "number")
  );
}

/** Whether the row holds an amount or a probability. */
export function hasFigure(row: RowCells): boolean {
  return !isBlankCell(cellAt(row, row.amount)) || !isBlankCell(cellAt(row, row.probability));
}

/**
 * The index of the last row holding a figure (-1 when none does): the only one that may be a total by
 * its figure. A row repeating the header holds none, whatever its amount cell says.
 */
export function lastFigureRow(count: number, rowAt: (index: number) => RowCells): number {
  let last = count - 1;
  while (last >= 0 && (!hasFigure(rowAt(last)) || repeatsHeader(rowAt(last)))) last--;
  return last;
}

/** A cell that reads as a plain number ("4 200 €" read by the caller), or null. */
export type FigureReader = (cell: CellValue) => number | null;

/** The plain and the weighted totals of the deals so far, as {@link RowCounter.counted} sums them. */
export type RunningTotals = () => { readonly plain: number; readonly weighted: number };

/**
 * Decides the kind of each row, in order. Feed it every deal it called "deal" through
 * {@link RowCounter.counted}, so that it knows the running totals a last-row total may repeat; or
 * give it `totals`, which it asks only at the last figured row: a reader that keeps the deals'
 * figures counts them there, through another RowCounter, rather than once a row.
 */
export class RowCounter {
  private plain = 0;
  private weighted = 0;

  constructor(
    /** From {@link lastFigureRow}. */
    private readonly lastFigure: number,
    /** How a lone figure is read (the amount rules). */
    private readonly readFigure: FigureReader,
    private readonly totals: RunningTotals = () => this.running()
  ) {}

  /** The totals of the deals counted so far. */
  running(): { readonly plain: number; readonly weighted: number } {
    return { plain: this.plain, weighted: this.weighted };
  }

  /**
   * What the rules make of the row. One that holds a number in its amount or probability cell and
   * one in a cell that names the deal (a close date typed as a date, say) is a deal, whatever its
   * other cells hold and wherever it stands: neither total rule can take it (a total's label is the
   * only cell of its row naming something, and a number is no label; a total by its figure names
   * nothing), nor the header's (a number is no column's name). A reader that finds those numbers
   * while reading a row's figures need not ask (pipelineTable's readPlainDeals); a test holds kindOf
   * to it.
   */
  kindOf(row: RowCells, index: number): RowKind {
    // A figure typed as a number (most rows of a large table) settles three rules at once: the row
    // is not blank, holds a figure, and repeats no header (a number is never a column's name); only
    // the totals are left to ask.
    if (holdsNumber(row)) return this.isTotal(row, index) ? "total" : "deal";
    if (isBlankRow(row)) return "blank";
    if (repeatsHeader(row)) return "header";
    if (this.isTotal(row, index)) return "total";
    return hasFigure(row) ? "deal" : "unfigured";
  }

  /** Adds a deal's figures (null when unreadable or blank) to the running totals. */
  counted(amount: number | null, probability: number | null): void {
    if (amount === null) return;
    this.plain += amount;
    if (probability !== null) this.weighted += amount * probability;
  }

  private isTotal(row: RowCells, index: number): boolean {
    return this.isLabelledTotal(row) || this.isRepeatedTotal(row, index);
  }

  private isLabelledTotal(row: RowCells): boolean {
    // Only the label may name a deal: a row with two identity cells filled, or one holding a
    // number (never a label), is a deal whatever it says, which settles most rows before any
    // label is looked for.
    const { identity, cells } = row;
    let named = 0;
    for (let k = 0; k < identity.length; k++) {
      const cell = cells[identity[k]];
      if (typeof cell === "number" || (!isBlankCell(cell) && ++named > 1)) return false;
    }
    const label = row.cells.findIndex(isTotalLabel);
    return label >= 0 && row.identity.every((i) => i === label || isBlankCell(row.cells[i]));
  }

  private isRepeatedTotal(row: RowCells, index: number): boolean {
    // Asked of every row, looked at in one: the closures below capture the row, and would cost
    // every row the room they share if they were in the same function as this test.
    return index === this.lastFigure && this.repeatsTotalFigure(row);
  }

  private repeatsTotalFigure(row: RowCells): boolean {
    if (row.identity.some((i) => !isBlankCell(row.cells[i]))) return false;
    const figures = [cellAt(row, row.amount), cellAt(row, row.probability)].filter(
      (c) => !isBlankCell(c)
    );
    if (figures.length !== 1) return false;
    const value = this.readFigure(figures[0]);
    const { plain, weighted } = this.totals();
    return value !== null && repeatsTotal(value, plain, weighted);
  }
}

/** The categories of a deal that no longer counts in the forecast. */
export type ClosedCategory = "Won" | "Lost" | "Omitted";

/**
 * Whether a status cell closes its deal: a forecast category or a stage that says Won, Lost or
 * Omitted, in French or English ("Closed won", "Gagné", "Perdu", "Omis"). Anything else (blank,
 * Commit, a stage such as "Proposal", a word Carnet does not know) leaves the deal open. The pane asks
 * it of the stage when the deal has no category typed; the functions of their `statuses` argument.
 */
export function closingStatus(cell: CellValue): ClosedCategory | null {
  const category = readCategory(cell);
  return category === "Won" || category === "Lost" || category === "Omitted" ? category : null;
}

/** A deal still to be won or lost: neither Won, Lost nor Omitted (no category: open). */
export function isOpen(deal: { readonly category?: ForecastCategory | null }): boolean {
  return deal.category !== "Won" && deal.category !== "Lost" && deal.category !== "Omitted";
}

interface Weighable {
  readonly category?: ForecastCategory | null;
  readonly amount: number | null;
  readonly probability: number | null;
}

/** A deal that counts in weighted totals and the outcome distribution: open, with amount and probability. */
export function countsInForecast<T extends Weighable>(
  deal: T
): deal is T & { amount: number; probability: number } {
  return isOpen(deal) && deal.amount !== null && deal.probability !== null;
}

/** amount × probability when the deal counts in the forecast, else null. */
export function weightedAmount(deal: Weighable): number | null {
  return countsInForecast(deal) ? deal.amount * deal.probability : null;
}

/**
 * The amount already won: the deal's amount when its category is Won, else null. What counts towards
 * an objective (a rep's, the team's, last semester's support of a plan's objective).
 */
export function wonAmount(deal: {
  readonly category?: ForecastCategory | null;
  readonly amount: number | null;
}): number | null {
  return deal.category === "Won" ? deal.amount : null;
}

/** Σ amount × probability over the deals that count. */
export function weightedTotal(deals: Iterable<Weighable>): number {
  let total = 0;
  for (const deal of deals) {
    const weighted = weightedAmount(deal);
    if (weighted !== null) total += weighted;
  }
  return total;
}

/** isOpen of each category code (dealTable.ts: 0 for none, then FORECAST_CATEGORIES): 1 when open. */
export const OPEN_CODES: Readonly<Uint8Array> = Uint8Array.from(
  [null, ...FORECAST_CATEGORIES],
  (category) => (isOpen({ category }) ? 1 : 0)
);

/**
 * What weightedAmounts adds to a × p by category code: −0 for an open deal (x + (−0) is x, −0 and
 * NaN included), NaN for a closed one. An addition from a table, not a choice between the product
 * and NaN: the choice compiles to a branch that made the pass three times slower (0.39 → 0.19 ms
 * over 100,000 deals in a loop alone).
 */
const CLOSED_AS_NAN: Readonly<Float64Array> = Float64Array.from(OPEN_CODES, (open) =>
  open === 1 ? -0 : NaN
);

/**
 * weightedAmount of every deal of a table, from its columns: NaN where weightedAmount says null (the
 * deal does not count). One pass, no Deal object, for the forecast's million deals, into `weighted`
 * (room of the caller's, or new). A test holds it to weightedAmount.
 */
export function weightedAmounts(
  columns: DealColumns,
  length: number,
  weighted: Float64Array<ArrayBufferLike> = new Float64Array(length)
): Float64Array<ArrayBufferLike> {
  const { amounts, probabilities, categories } = columns;
  const closed = CLOSED_AS_NAN;
  // NaN stands for a missing figure, and NaN × anything is NaN. Four deals a turn: the compiled
  // loop's own work on each turn (its exit test, the index's overflow check, the check for
  // interrupts) cost as much as a deal's (0.20 -> 0.15 ms over 100,000 deals in a loop alone). The
  // deals beyond a multiple of four come first: the long loop is compiled while it runs, and a loop
  // after it that had not run then (none at 100,000 deals) threw that code away on every call.
  const head = length % 4;
  let i = 0;
  for (; i < head; i++) weighted[i] = amounts[i] * probabilities[i] + closed[categories[i]];
  for (; i < length; i += 4) {
    weighted[i] = amounts[i] * probabilities[i] + closed[categories[i]];
    weighted[i + 1] = amounts[i + 1] * probabilities[i + 1] + closed[categories[i + 1]];
    weighted[i + 2] = amounts[i + 2] * probabilities[i + 2] + closed[categories[i + 2]];
    weighted[i + 3] = amounts[i + 3] * probabilities[i + 3] + closed[categories[i + 3]];
  }
  return weighted;
}
