/**
 * The sales pipeline ("carnet commercial"): deals, their probability-weighted total and periods.
 *
 * Handbook, Tableau 399: 1 000 € at 20 %, 2 000 € at 50 %, 4 000 € at 75 % → 4 200 €, and the table
 * ends with a "Total probabilisé du carnet commercial" row that must never be counted twice.
 */
import { cellCount, flatten, type Grid, InputProblem, sameShape } from "./grid";
import { ymdFromSerial, serialFromYmd, readDate } from "./dates";
import {
  type CellValue,
  describeProblem,
  isBlankCell,
  readAmount,
  readProbability,
} from "./values";

export interface PipelineDeal {
  readonly amount: number;
  readonly probability: number;
  /** Excel serial day, or null when the deal has none. */
  readonly closeDate: number | null;
}

/** Close-date bounds, both inclusive, either optional (Excel serial days). */
export interface PeriodFilter {
  readonly from?: number | null;
  readonly to?: number | null;
}

export interface PipelineColumns {
  readonly amounts: Grid;
  readonly probabilities: Grid;
  readonly closeDates?: Grid | null;
}

/** Σ amount × probability. */
export function weightedTotal(
  deals: ReadonlyArray<{ amount: number; probability: number }>
): number {
  let total = 0;
  for (const d of deals) total += d.amount * d.probability;
  return total;
}

export function inPeriod(closeDate: number | null, filter: PeriodFilter | undefined): boolean {
  if (!filter || (filter.from == null && filter.to == null)) return true;
  // A deal with no close date belongs to no period: a dated forecast leaves it out.
  if (closeDate == null) return false;
  if (filter.from != null && closeDate < filter.from) return false;
  if (filter.to != null && closeDate > filter.to) return false;
  return true;
}

export function periodFilterProblem(filter: PeriodFilter): string | null {
  if (filter.from != null && filter.to != null && filter.from > filter.to)
    return "the period starts after it ends";
  return null;
}

const TOTAL_LABEL = /^\s*(?:(?:sous|sub)[\s-]?)?total\b|^\s*grand[\s-]total\b/i;

/** "Total probabilisé du carnet commercial", "Sous-total", "Subtotal Q2", "Grand total". */
export function isTotalLabel(cell: CellValue): boolean {
  return typeof cell === "string" && TOTAL_LABEL.test(cell);
}

function matchesTotal(value: number, ...totals: number[]): boolean {
  return totals.some((t) => Math.abs(value - t) <= Math.max(1, Math.abs(t) * 0.005));
}

/**
 * Reads deal rows from three columns of cells (any shapes with the same number of cells), applying
 * domain.md's rules: a row with a blank amount and a blank probability is skipped; a total or
 * subtotal row (its date cell says "Total…", or its only figure equals the plain or weighted total of
 * the rows above it, as in the handbook) is left out; anything else unreadable is an InputProblem
 * naming the position. `onDeal` receives each deal in order.
 */
export function readPipelineColumns(
  columns: PipelineColumns,
  onDeal: (deal: PipelineDeal, position: number) => void
): { totalRows: number[] } {
  const { amounts, probabilities } = columns;
  const closeDates = columns.closeDates ?? null;
  const n = cellCount(amounts);
  if (cellCount(probabilities) !== n)
    throw new InputProblem(
      `the amounts have ${n} cells but the probabilities have ${cellCount(probabilities)}: give ranges of the same size`
    );
  if (closeDates && cellCount(closeDates) !== n)
    throw new InputProblem(
      `the amounts have ${n} cells but the close dates have ${cellCount(closeDates)}: give ranges of the same size`
    );
  const a = flatten(amounts);
  const p = sameShape(amounts, probabilities) ? null : flatten(probabilities);
  const cols = amounts.length === 0 ? 0 : amounts[0].length;
  const d = closeDates ? flatten(closeDates) : null;
  const totalRows: number[] = [];
  const probabilityAt = (i: number) => (p ? p[i] : probabilities[Math.floor(i / cols)][i % cols]);
  let last = n - 1;
  while (last >= 0 && isBlankCell(a[last]) && isBlankCell(probabilityAt(last))) last--;
  let plain = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const position = i + 1;
    const amountCell = a[i];
    const probabilityCell = p ? p[i] : probabilities[Math.floor(i / cols)][i % cols];
    const dateCell = d ? d[i] : null;
    const amountBlank = isBlankCell(amountCell);
    const probabilityBlank = isBlankCell(probabilityCell);
    if (amountBlank && probabilityBlank) continue;
    if (isTotalLabel(dateCell) || isTotalLabel(amountCell)) {
      totalRows.push(position);
      continue;
    }
    if (amountBlank || probabilityBlank) {
      const lone = readAmount(amountBlank ? probabilityCell : amountCell);
      // Only the last filled row may be a total by its figure alone: a deal further up whose amount
      // happens to equal the running total is a deal missing its probability, an error.
      if (
        i === last &&
        lone.kind === "value" &&
        matchesTotal(lone.value, plain, weighted) &&
        (plain !== 0 || weighted !== 0)
      ) {
        totalRows.push(position);
        continue;
      }
      throw new InputProblem(
        amountBlank
          ? `amount at position ${position} is blank but its probability is ${String(probabilityCell).trim()}: give both or neither`
          : `probability at position ${position} is blank but its amount is ${String(amountCell).trim()}: give both or neither`,
        position
      );
    }
    const amount = readAmount(amountCell);
    if (amount.kind === "error")
      throw new InputProblem(describeProblem("amount", amount, `position ${position}`), position);
    const probability = readProbability(probabilityCell);
    if (probability.kind === "error")
      throw new InputProblem(
        describeProblem("probability", probability, `position ${position}`),
        position
      );
    let closeDate: number | null = null;
    if (d && !isBlankCell(dateCell)) {
      const date = readDate(dateCell);
      if (date.kind === "error")
        throw new InputProblem(
          describeProblem("close date", date, `position ${position}`),
          position
        );
      if (date.kind === "value") closeDate = date.value;
    }
    if (amount.kind !== "value" || probability.kind !== "value") continue;
    plain += amount.value;
    weighted += amount.value * probability.value;
    onDeal({ amount: amount.value, probability: probability.value, closeDate }, position);
  }
  return { totalRows };
}

/**
 * Σ amount × probability over the rows whose close date lies in the filter: the one-pass kernel of
 * WEIGHTED_PIPELINE. Rows of plain numbers take a short path with no allocation; any other row goes
 * through the full reading rules, so text cells, totals and errors behave as in readPipelineColumns.
 */
export function weightedPipeline(columns: PipelineColumns, filter?: PeriodFilter): number {
  const { amounts, probabilities } = columns;
  const filtered = filter != null && (filter.from != null || filter.to != null);
  if (!filtered && sameShape(amounts, probabilities) && !columns.closeDates) {
    let total = 0;
    let plain = true;
    outer: for (let r = 0; r < amounts.length; r++) {
      const ar = amounts[r];
      const pr = probabilities[r];
      for (let c = 0; c < ar.length; c++) {
        const x = ar[c];
        const q = pr[c];
        if (typeof x === "number" && typeof q === "number" && q >= 0 && q <= 1) total += x * q;
        else {
          plain = false;
          break outer;
        }
      }
    }
    if (plain) return total;
  }
  let total = 0;
  readPipelineColumns(columns, (deal) => {
    if (inPeriod(deal.closeDate, filter)) total += deal.amount * deal.probability;
  });
  return total;
}

/** The deals of the columns that fall in the filter. */
export function pipelineDeals(columns: PipelineColumns, filter?: PeriodFilter): PipelineDeal[] {
  const deals: PipelineDeal[] = [];
  readPipelineColumns(columns, (deal) => {
    if (inPeriod(deal.closeDate, filter)) deals.push(deal);
  });
  return deals;
}

export type PeriodKind = "month" | "quarter" | "semester" | "year";

/** Every period a forecast can be cut by, shortest first (the pane's choices, the settings' check). */
export const PERIOD_KINDS: readonly PeriodKind[] = ["month", "quarter", "semester", "year"];

export interface Period {
  readonly kind: PeriodKind;
  /** Sortable key, e.g. "2003-04", "2003-Q2", "2003-S1", "2003". */
  readonly key: string;
  /** First and last day, Excel serials, inclusive. */
  readonly start: number;
  readonly end: number;
}

const MONTHS_PER: Record<PeriodKind, number> = { month: 1, quarter: 3, semester: 6, year: 12 };

/** The calendar period holding a day; the semester is the handbook's planning period. */
export function periodOf(serial: number, kind: PeriodKind): Period {
  const { year, month } = ymdFromSerial(serial);
  const span = MONTHS_PER[kind];
  const index = Math.floor((month - 1) / span); // 0-based period within the year
  const firstMonth = index * span + 1;
  const start = serialFromYmd(year, firstMonth, 1);
  const end =
    firstMonth + span > 12
      ? serialFromYmd(year + 1, 1, 1) - 1
      : serialFromYmd(year, firstMonth + span, 1) - 1;
  const key =
    kind === "year"
      ? `${year}`
      : kind === "month"
        ? `${year}-${String(month).padStart(2, "0")}`
        : `${year}-${kind === "quarter" ? "Q" : "S"}${index + 1}`;
  return { kind, key, start, end };
}
