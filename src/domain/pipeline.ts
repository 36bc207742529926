/**
 * The sales pipeline ("carnet commercial"): deals, their probability-weighted total and periods.
 *
 * Handbook, Tableau 399: 1 000 € at 20 %, 2 000 € at 50 %, 4 000 € at 75 % → 4 200 €, and the table
 * ends with a "Total probabilisé du carnet commercial" row that must never be counted twice.
 */
import {
  type ClosedCategory,
  closingStatus,
  lastFigureRow,
  RowCounter,
  type RowCells,
} from "./countingRows";
import { cellCount, flatten, type Grid, InputProblem, sameShape } from "./grid";
import { ymdFromSerial, serialFromYmd, readDate } from "./dates";
import type { Language } from "./language";
import { problemText, quotedCell, type ReadingProblemKey } from "./readingProblems";
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
  /** Each deal's forecast category or stage: Won, Lost and Omitted deals are closed (countingRows). */
  readonly statuses?: Grid | null;
}

export function inPeriod(closeDate: number | null, filter: PeriodFilter | undefined): boolean {
  if (!filter || (filter.from == null && filter.to == null)) return true;
  // A deal with no close date belongs to no period: a dated forecast leaves it out.
  if (closeDate == null) return false;
  if (filter.from != null && closeDate < filter.from) return false;
  if (filter.to != null && closeDate > filter.to) return false;
  return true;
}

export function periodFilterProblem(
  filter: PeriodFilter,
  language: Language = "en"
): string | null {
  if (filter.from != null && filter.to != null && filter.from > filter.to)
    return problemText("columns.periodReversed", {}, language);
  return null;
}

/**
 * Reads deal rows from three or four columns of cells (any shapes with the same number of cells).
 * Which rows count is countingRows' decision (blank rows skipped, totals and subtotals left out, a
 * closed status leaves the deal out); a row with neither amount nor probability is skipped, as the
 * functions document; anything else unreadable is an InputProblem naming the position, in
 * `language`. `onDeal` receives each open deal in order.
 */
export function readPipelineColumns(
  columns: PipelineColumns,
  onDeal: (deal: PipelineDeal, position: number) => void,
  language: Language = "en"
): { totalRows: number[] } {
  const n = checkedCellCount(columns, language);
  const rowAt = columnRows(columns);
  const counter = new RowCounter(lastFigureRow(n, rowAt), figureOf);
  const totalRows: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = rowAt(i);
    const kind = counter.kindOf(row, i);
    if (kind === "total") totalRows.push(i + 1);
    if (kind !== "deal") continue;
    const closed = closingStatus(row.cells[STATUS]);
    if (closed !== null) {
      // Read like the pane reads it (a won deal's amount is still a figure of the table), then left out.
      const deal = readClosedDealCells(row.cells, i + 1, closed, language);
      counter.counted(deal.amount, deal.probability);
      continue;
    }
    const deal = readDealCells(row.cells, i + 1, language);
    if (deal === null) continue;
    counter.counted(deal.amount, deal.probability);
    onDeal(deal, i + 1);
  }
  return { totalRows };
}

function checkedCellCount(columns: PipelineColumns, language: Language): number {
  const n = cellCount(columns.amounts);
  const others: [ReadingProblemKey, Grid | null | undefined][] = [
    ["columns.probabilities", columns.probabilities],
    ["columns.closeDates", columns.closeDates],
    ["columns.statuses", columns.statuses],
  ];
  for (const [name, grid] of others)
    if (grid && cellCount(grid) !== n) {
      const params = {
        count: String(n),
        name: problemText(name, {}, language),
        other: String(cellCount(grid)),
      };
      throw new InputProblem(problemText("columns.sizes", params, language));
    }
  return n;
}

const DATE = 0;
const AMOUNT = 1;
const PROBABILITY = 2;
const STATUS = 3;
const ALL_FOUR = [DATE, AMOUNT, PROBABILITY, STATUS];

/** Row i of the columns as countingRows sees it: the close date names the deal. */
function columnRows(columns: PipelineColumns): (i: number) => RowCells {
  const { amounts, probabilities } = columns;
  const a = flatten(amounts);
  const p = flatten(probabilities);
  const d = columns.closeDates ? flatten(columns.closeDates) : null;
  const s = columns.statuses ? flatten(columns.statuses) : null;
  return (i) => ({
    cells: [d ? d[i] : null, a[i], p[i], s ? s[i] : null],
    read: ALL_FOUR,
    identity: [DATE],
    amount: AMOUNT,
    probability: PROBABILITY,
  });
}

function figureOf(cell: CellValue): number | null {
  const reading = readAmount(cell);
  return reading.kind === "value" ? reading.value : null;
}

/** Says the problem of one cell of the columns, "amount dix at position 3 is not a number", in `language`. */
function cellProblem(
  label: "columns.amount" | "columns.probability" | "columns.closeDate",
  reading: { shown: string; problem: string },
  position: number,
  language: Language
): InputProblem {
  const where = problemText("columns.position", { position: String(position) }, language);
  const text = describeProblem(problemText(label, {}, language), reading, where, language);
  return new InputProblem(text, position);
}

/** A deal row's date, amount and probability, or the InputProblem that says where and why. */
function readDealCells(
  cells: readonly CellValue[],
  position: number,
  language: Language
): PipelineDeal | null {
  const amountCell = cells[AMOUNT];
  const probabilityCell = cells[PROBABILITY];
  const at = String(position);
  if (isBlankCell(amountCell)) {
    const params = { position: at, probability: quotedCell(probabilityCell, language) };
    throw new InputProblem(problemText("columns.amountBlank", params, language), position);
  }
  if (isBlankCell(probabilityCell)) {
    const params = { position: at, amount: quotedCell(amountCell, language) };
    throw new InputProblem(problemText("columns.probabilityBlank", params, language), position);
  }
  const options = { language };
  const amount = readAmount(amountCell, options);
  if (amount.kind === "error") throw cellProblem("columns.amount", amount, position, language);
  const probability = readProbability(probabilityCell, options);
  if (probability.kind === "error")
    throw cellProblem("columns.probability", probability, position, language);
  let closeDate: number | null = null;
  const date = readDate(cells[DATE], options);
  if (date.kind === "error") throw cellProblem("columns.closeDate", date, position, language);
  if (date.kind === "value") closeDate = date.value;
  if (amount.kind !== "value" || probability.kind !== "value") return null;
  return { amount: amount.value, probability: probability.value, closeDate };
}

const STATUS_WORDS: Readonly<Record<ClosedCategory, ReadingProblemKey>> = {
  Won: "columns.won",
  Lost: "columns.lost",
  Omitted: "columns.omitted",
};

/**
 * A closed deal's figures, read by the same rules as an open one's so that a formula fails where the
 * pane reports a problem: its amount is required (a won deal's amount is what it brought in); its
 * probability may be blank (won 1, lost 0, omitted none). Only the running totals use them.
 */
function readClosedDealCells(
  cells: readonly CellValue[],
  position: number,
  status: ClosedCategory,
  language: Language
): { amount: number | null; probability: number | null } {
  if (isBlankCell(cells[AMOUNT])) {
    const params = {
      position: String(position),
      status: problemText(STATUS_WORDS[status], {}, language),
    };
    throw new InputProblem(problemText("columns.closedAmountBlank", params, language), position);
  }
  const options = { language };
  const amount = readAmount(cells[AMOUNT], options);
  if (amount.kind === "error") throw cellProblem("columns.amount", amount, position, language);
  const date = readDate(cells[DATE], options);
  if (date.kind === "error") throw cellProblem("columns.closeDate", date, position, language);
  const probability = readProbability(cells[PROBABILITY], options);
  if (probability.kind === "error")
    throw cellProblem("columns.probability", probability, position, language);
  const byStatus = status === "Won" ? 1 : status === "Lost" ? 0 : null;
  return {
    amount: amount.kind === "value" ? amount.value : null,
    probability: probability.kind === "value" ? probability.value : byStatus,
  };
}

/**
 * Σ amount × probability over the rows whose close date lies in the filter: the one-pass kernel of
 * WEIGHTED_PIPELINE. Rows of plain numbers take a short path with no allocation; any other row goes
 * through the full reading rules, so text cells, totals and errors behave as in readPipelineColumns.
 */
export function weightedPipeline(
  columns: PipelineColumns,
  filter?: PeriodFilter,
  language: Language = "en"
): number {
  const { amounts, probabilities } = columns;
  const filtered = filter != null && (filter.from != null || filter.to != null);
  if (!filtered && sameShape(amounts, probabilities) && !columns.closeDates && !columns.statuses) {
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
  readPipelineColumns(
    columns,
    (deal) => {
      if (inPeriod(deal.closeDate, filter)) total += deal.amount * deal.probability;
    },
    language
  );
  return total;
}

/** The deals of the columns that fall in the filter (problems said in `language`). */
export function pipelineDeals(
  columns: PipelineColumns,
  filter?: PeriodFilter,
  language: Language = "en"
): PipelineDeal[] {
  const deals: PipelineDeal[] = [];
  readPipelineColumns(
    columns,
    (deal) => {
      if (inPeriod(deal.closeDate, filter)) deals.push(deal);
    },
    language
  );
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
  // A period ending with the year ends on 31 December: the day after may be past Excel's last
  // date (9999-12-31).
  const end =
    firstMonth + span > 12
      ? serialFromYmd(year, 12, 31)
      : serialFromYmd(year, firstMonth + span, 1) - 1;
  const key =
    kind === "year"
      ? `${year}`
      : kind === "month"
        ? `${year}-${String(month).padStart(2, "0")}`
        : `${year}-${kind === "quarter" ? "Q" : "S"}${index + 1}`;
  return { kind, key, start, end };
}

/**
 * periodOf for one kind, remembered by day: a large pipeline holds a million deals on a few hundred
 * days, and each day's period is worked out once (deals of one day share its Period).
 */
export function periodLookup(kind: PeriodKind): (serial: number) => Period {
  const known = new Map<number, Period>();
  return (serial) => {
    let period = known.get(serial);
    if (period === undefined) known.set(serial, (period = periodOf(serial, kind)));
    return period;
  };
}

/**
 * A period's key as the workbook shows it (domain.md): English shows the key itself ("2027-Q1",
 * "2027-S1", "2027-04", "2027"); French shows the handbook's "T1 2027" and "S1 2027". Months stay
 * "2027-04" in French too: written like this they read the same in both languages, sort as text and
 * are not taken for a date (Carnet writes them as text), where "avr. 2027" would sort April first.
 * Years are "2027" in both. Only the label changes: the key stays the sortable, stored one.
 */
export function periodLabel(key: string, language: Language): string {
  if (language === "en") return key;
  const m = /^(\d{4})-([QS])([1-4])$/.exec(key);
  return m ? `${m[2] === "Q" ? "T" : "S"}${m[3]} ${m[1]}` : key;
}

/**
 * The key of a period label in either language (periodLabel's inverse): "T1 2027" and "2027-Q1" are
 * both "2027-Q1". Any other text is returned as it is (a month, a year, a label that is not a period).
 */
export function periodKeyOf(label: string): string {
  const text = label.trim();
  const fr = /^([TS])\s*([1-4])\s+(\d{4})$/i.exec(text);
  if (fr && (fr[1].toUpperCase() === "T" || Number(fr[2]) <= 2))
    return `${fr[3]}-${fr[1].toUpperCase() === "T" ? "Q" : "S"}${fr[2]}`;
  return text;
}
