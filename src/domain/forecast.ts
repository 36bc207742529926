/**
 * The forecast tables finance reviews: open pipeline grouped by period, owner or product, with the
 * weighted total, Commit and Best case roll-ups, the outcome distribution's P10 / P50 / P90, and
 * against the objective the coverage and the probability of reaching it.
 *
 * Bases, stated once: totals, P-levels and coverage are of *open* deals (not Won, Lost or Omitted),
 * as domain.md's weighted total is. The objective is for the whole group, so what is already won
 * counts towards it: remaining objective = objective − won, coverage = open pipeline ÷ remaining
 * objective, and the probability of reaching the objective is P(open deals won ≥ remaining objective).
 * Best case includes Commit (the usual roll-up: Commit ⊂ Best case ⊂ Pipeline).
 */
import { weightedAmounts } from "./countingRows";
import { categoryCode, type DealTable, type Deals, dealTableOf, type TextCodes } from "./dealTable";
import { pipelineDistribution } from "./distribution";
import { KEPT_BYTES } from "./keptRoom";
import { GROUP_STATE, GroupedSplit } from "./outcomePipeline";
import { type Period, periodLookup, type PeriodKind } from "./pipeline";
import { runSteps, type Steps } from "./steps";

export type ForecastDimension = "period" | "owner" | "product";

export interface ForecastFigures {
  /** Open deals with an amount and a probability. */
  readonly deals: number;
  readonly unweighted: number;
  readonly weighted: number;
  /** Amount of open Commit deals; null when no deal has a forecast category. */
  readonly commit: number | null;
  /** Amount of open Commit and Best case deals; null when no deal has a forecast category. */
  readonly bestCase: number | null;
  /** Amount already won in the group. */
  readonly won: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  /** False when the distribution is approximated (within its stated bound). */
  readonly exact: boolean;
  readonly objective: number | null;
  /** Open pipeline ÷ remaining objective; null without an objective, Infinity when nothing remains. */
  readonly coverage: number | null;
  readonly probabilityOfObjective: number | null;
}

export interface ForecastRow extends ForecastFigures {
  /** Stable key: "2003-S1", an owner's or a product's name, or NO_KEY. */
  readonly key: string;
  /** For periods, first and last day (Excel serials). */
  readonly start?: number;
  readonly end?: number;
}

export const NO_KEY = "(none)";

export function forecastFigures(deals: Deals, objective: number | null = null): ForecastFigures {
  return runSteps(forecastFiguresSteps(deals, objective));
}

/** forecastFigures in steps (steps.ts): a pass over the deals, or a distribution, at a time. */
export function* forecastFiguresSteps(
  deals: Deals,
  objective: number | null = null
): Steps<ForecastFigures> {
  const counted = new CountedDeals(dealTableOf(deals));
  try {
    yield;
    const sums = new GroupSums(counted, {
      of: counted.groups, // one group: not read
      keys: [NO_KEY],
      periods: [undefined],
      counting: [],
      rows: [0],
    });
    yield;
    return sums.figures(0, objective);
  } finally {
    counted.release();
  }
}

/**
 * Each deal's group along a dimension, by index into `keys` (and, for periods, `periods`): its
 * slot. A slot is a group when `rows` lists it; a coded dimension's slots are its texts' codes
 * (see codeGroups), and a code may have no deal.
 */
interface Grouping {
  /** Each deal's slot. */
  readonly of: Int32Array | Uint16Array;
  readonly keys: readonly string[];
  /** The period of a period table's group; undefined for owners, products and undated deals. */
  readonly periods: readonly (Period | undefined)[];
  /** How many deals of each slot count in the forecast (needed when there are several slots). */
  readonly counting: readonly number[];
  /** The slots that are groups, in the order their first deals come. */
  readonly rows: readonly number[];
}

const COMMIT = categoryCode("Commit");
const BEST_CASE = categoryCode("Best case");
const WON = categoryCode("Won");

/** Bytes of the kept room (keptRoom.ts) a forecast over `deals` deals works in: see CountedDeals. */
export function forecastRoomBytes(deals: number): number {
  return 28 * deals;
}

/**
 * The table's deals with what the forecast reads of each: its weighted amount (countingRows, NaN when
 * it does not count), worked out once for every grouping; and room for the counting deals' figures,
 * gathered group by group for one grouping's outcome distributions at a time.
 */
class CountedDeals {
  readonly weighted: Float64Array;
  readonly amounts: Float64Array;
  readonly probabilities: Float64Array;
  /** Room for each deal's group, one grouping at a time. */
  readonly groups: Int32Array;
  /** Gives the room back (the computation ended, or was cancelled). */
  readonly release: () => void;

  /**
   * 28 bytes a deal of the room kept (keptRoom.ts). The weighted amounts stay in it from one
   * computation over the table to the next (the pane's headline figures, then the forecast's
   * tables) while nobody else takes it.
   */
  constructor(readonly table: DealTable) {
    const n = table.length;
    const { room, intact, release } = KEPT_BYTES.take(forecastRoomBytes(n), table);
    this.weighted = new Float64Array(room, 0, n);
    this.amounts = new Float64Array(room, 8 * n, n);
    this.probabilities = new Float64Array(room, 16 * n, n);
    this.groups = new Int32Array(room, 24 * n, n);
    if (!intact) weightedAmounts(table.columns, n, this.weighted);
    this.release = release;
  }
}

/**
 * Each group's figures, summed deal by deal in the deals' order (so each sum is the one a loop over
 * the group gives), and the counting deals' amounts and probabilities gathered group by group for
 * the outcome distributions, in one pass over the columns, no object per deal. Each deal is split
 * for its group's distribution (outcomePipeline.ts) as it is gathered, so that the gathered figures
 * are not read again by a split of each group's (0.1-0.2 ms a grouping at 100,000 deals). The sums
 * are kept in the split's state, beside its own (see GroupedSplit.state), at the slots below.
 */
class GroupSums {
  private readonly split: GroupedSplit;

  constructor(deals: CountedDeals, groups: Grouping) {
    const size = groups.keys.length;
    // Group g's counting deals that its split keeps are gathered from first[g] on.
    const first = new Int32Array(size);
    for (let g = 1; g < size; g++) first[g] = first[g - 1] + groups.counting[g - 1];
    this.split = new GroupedSplit(first, deals.amounts, deals.probabilities);
    const { table, weighted } = deals;
    const { amounts, probabilities, categories } = table.columns;
    const n = table.length;
    if (size === 1)
      sumAndGatherOne(
        amounts,
        probabilities,
        categories,
        weighted,
        n,
        this.split,
        this.split.state
      );
    else {
      // Each group's deals that count, tallied by the grouping: not counted again deal by deal.
      const sums = this.split.state;
      for (let g = 0; g < size; g++) sums[GROUP_STATE * g + COUNT] = groups.counting[g];
      sumAndGather(groups.of, amounts, probabilities, categories, weighted, n, this.split);
    }
  }

  /** Group g's figures; its outcome distribution may overwrite the gathered figures (its own). */
  figures(g: number, objective: number | null): ForecastFigures {
    const sums = this.split.state;
    const at = GROUP_STATE * g;
    const unweighted = sums[at + UNWEIGHTED];
    const won = sums[at + WON_TOTAL];
    const distribution = pipelineDistribution(this.split.pipeline(g));
    const remaining = objective === null ? null : objective - won;
    const categories = sums[at + HAS_CATEGORIES] === 1;
    return {
      deals: sums[at + COUNT],
      unweighted,
      // The split's plain Σ a·p: the weighted total, summed deal by deal as sumAndGather would have.
      weighted: this.split.plainMean(g),
      commit: categories ? sums[at + COMMIT_TOTAL] : null,
      bestCase: categories ? sums[at + BEST_CASE_TOTAL] : null,
      won,
      p10: distribution.quantile(0.1),
      p50: distribution.quantile(0.5),
      p90: distribution.quantile(0.9),
      exact: distribution.exact,
      objective,
      coverage: remaining === null ? null : remaining <= 0 ? Infinity : unweighted / remaining,
      probabilityOfObjective:
        remaining === null ? null : remaining <= 0 ? 1 : distribution.probabilityAtLeast(remaining),
    };
  }
}

/**
 * GroupSums' slots of a group's state (the 6 CALLER_SLOTS of GroupedSplit.state): how many deals
 * count, their unweighted, commit and best case totals, the amount won, and 1 when a deal of the
 * group has a forecast category. sumAndGatherOne writes them in this order. The weighted total is
 * not summed here: it is the split's plain Σ a·p (GroupedSplit.plainMean), one sum a deal less.
 */
const COUNT = 0;
const UNWEIGHTED = 1;
const COMMIT_TOTAL = 2;
const BEST_CASE_TOTAL = 3;
const WON_TOTAL = 4;
const HAS_CATEGORIES = 5;

/**
 * GroupSums' pass over the deals when there are several groups, a function that ends with its loop
 * and takes the columns rather than reading them from objects before its loop (see
 * sumAndGatherOne). The split's state is read in the loop, as the split reads it (one check of it a
 * deal, see GroupedSplit.state).
 */
function sumAndGather(
  of: Int32Array | Uint16Array,
  amounts: Float64Array,
  probabilities: Float64Array,
  categories: Uint8Array,
  weighted: Float64Array,
  n: number,
  split: GroupedSplit
): void {
  for (let i = 0; i < n; i++) {
    const g = of[i];
    const sums = split.state;
    const at = GROUP_STATE * g;
    const category = categories[i];
    const amount = amounts[i];
    if (category !== 0) sums[at + HAS_CATEGORIES] = 1;
    if (category === WON && amount === amount) sums[at + WON_TOTAL] += amount;
    const w = weighted[i];
    if (w !== w) continue; // NaN: the deal does not count
    sums[at + UNWEIGHTED] += amount;
    if (category === COMMIT) sums[at + COMMIT_TOTAL] += amount;
    if (category === COMMIT || category === BEST_CASE) sums[at + BEST_CASE_TOTAL] += amount;
    split.add(g, amount, probabilities[i]);
  }
}

/**
 * sumAndGatherOne writes what it found every WRITE_EVERY + 1 deals as well as on its loop's last
 * turn: the loop is compiled while it runs, a thousand turns or so into the first call, and the
 * compiler needs the writes to have run by then (not only on the first turn, before the function
 * records what its code meets), or it drops them from that code.
 */
const WRITE_EVERY = 255;

/**
 * GroupSums.sumAndGather for a single group: the same sums in the same order, held in locals rather
 * than in the state's slots (whose every sum is a store and a reload on the next deal, 0.3 ms over
 * 100,000 deals). They are written into `found` (group 0's slots) every WRITE_EVERY + 1 deals and
 * on the loop's last turn (past the last deal, which does only that): nothing runs after the loop,
 * whose code is compiled while it runs, on the first call. Code after it that had not run by then
 * (building an object to return) was dropped from that code, and every call left it there (see
 * sampleStep in distribution.ts). Written on every turn, the sums cost 0.4 ms more, and 9 ms more
 * on the first call, run by the interpreter. It takes the columns, not the table: on the first
 * call, what runs before the loop runs before the function records what its code meets, and the
 * function's own compiled code, lacking it, was dropped on the next call for good (the interpreter
 * then ran every call up to the loop's on-stack code, 14 -> 22 ms a headline at 1,048,575 deals).
 * The split's sums stay in its state: the same as splitting the gathered deals after, 0.1-0.2 ms
 * less.
 */
function sumAndGatherOne(
  amounts: Float64Array,
  probabilities: Float64Array,
  categories: Uint8Array,
  weighted: Float64Array,
  n: number,
  split: GroupedSplit,
  found: Float64Array
): void {
  let count = 0;
  let unweighted = 0;
  let commit = 0;
  let bestCase = 0;
  let won = 0;
  let hasCategories = 0;
  for (let i = 0; ; i++) {
    if ((i & WRITE_EVERY) === 0 || i === n) {
      found[COUNT] = count;
      found[UNWEIGHTED] = unweighted;
      found[COMMIT_TOTAL] = commit;
      found[BEST_CASE_TOTAL] = bestCase;
      found[WON_TOTAL] = won;
      found[HAS_CATEGORIES] = hasCategories;
      if (i === n) return;
    }
    const category = categories[i];
    const amount = amounts[i];
    if (category !== 0) hasCategories = 1;
    if (category === WON && amount === amount) won += amount;
    const w = weighted[i];
    if (w !== w) continue; // NaN: the deal does not count
    unweighted += amount;
    if (category === COMMIT) commit += amount;
    if (category === COMMIT || category === BEST_CASE) bestCase += amount;
    count++;
    split.add(0, amount, probabilities[i]);
  }
}

export interface ForecastOptions {
  readonly periodKind?: PeriodKind;
  /** Objectives by row key, e.g. the values the user typed in the table's Objective column last time. */
  readonly objectives?: ReadonlyMap<string, number>;
}

/** One row per period (in time order), owner or product (largest weighted total first). */
export function forecastBy(
  deals: Deals,
  dimension: ForecastDimension,
  options: ForecastOptions = {}
): ForecastRow[] {
  return forecastTables(deals, [dimension], () => options)[dimension];
}

/**
 * The forecast by each of `dimensions`, as forecastBy gives it; `optionsOf` gives each table its
 * period and objectives.
 */
export function forecastTables<D extends ForecastDimension>(
  deals: Deals,
  dimensions: readonly D[],
  optionsOf: (dimension: D) => ForecastOptions
): Record<D, ForecastRow[]> {
  return runSteps(forecastTablesSteps(deals, dimensions, optionsOf));
}

/** forecastTables in steps (steps.ts): a pass over the deals, or a group's distribution, at a time. */
export function* forecastTablesSteps<D extends ForecastDimension>(
  deals: Deals,
  dimensions: readonly D[],
  optionsOf: (dimension: D) => ForecastOptions
): Steps<Record<D, ForecastRow[]>> {
  const counted = new CountedDeals(dealTableOf(deals));
  try {
    const result = {} as Record<D, ForecastRow[]>;
    for (const dimension of dimensions)
      result[dimension] = yield* forecastRowsSteps(counted, dimension, optionsOf(dimension));
    return result;
  } finally {
    counted.release();
  }
}

/** One forecast table's rows, in steps: a grouping pass, then a group's distribution at a time. */
function* forecastRowsSteps(
  counted: CountedDeals,
  dimension: ForecastDimension,
  { periodKind, objectives }: ForecastOptions
): Steps<ForecastRow[]> {
  yield;
  const groups = groupDeals(counted, dimension, periodKind ?? "quarter");
  yield;
  // One grouping's figures at a time: each gathers into the same room (CountedDeals).
  const sums = new GroupSums(counted, groups);
  const rows: ForecastRow[] = [];
  for (const g of groups.rows) {
    yield;
    const key = groups.keys[g];
    const period = groups.periods[g];
    rows.push({
      key,
      ...(period ? { start: period.start, end: period.end } : {}),
      ...sums.figures(g, objectives?.get(key) ?? null),
    });
  }
  return sortRows(rows, dimension);
}

/** The groups of a dimension's keys, numbered as they come, with how many of their deals count. */
class Groups implements Grouping {
  readonly of: Int32Array;
  readonly keys: string[] = [];
  readonly periods: (Period | undefined)[] = [];
  readonly counting: number[] = [];
  private readonly byKey = new Map<string, number>();
  readonly weighted: Float64Array;

  constructor(deals: CountedDeals) {
    this.of = deals.groups;
    this.weighted = deals.weighted;
  }

  groupOf(key: string, period?: Period): number {
    let g = this.byKey.get(key);
    if (g === undefined) {
      this.byKey.set(key, (g = this.keys.length));
      this.keys.push(key);
      this.periods.push(period);
      this.counting.push(0);
    }
    return g;
  }

  /** Every group is a row, in the order the groups were met. */
  get rows(): number[] {
    return this.keys.map((_, g) => g);
  }

  /** Puts deal i in group g, counting it when it counts in the forecast. */
  place(i: number, g: number): void {
    this.of[i] = g;
    if (this.weighted[i] === this.weighted[i]) this.counting[g]++; // NaN: it does not count
  }
}

/** The deals' groups along a dimension: by period of the close date, owner or product; NO_KEY without. */
function groupDeals(deals: CountedDeals, dimension: ForecastDimension, kind: PeriodKind): Grouping {
  const { table } = deals;
  const groups = new Groups(deals);
  if (dimension === "period") groupByPeriod(table, groups, kind);
  else {
    const coded = table.textCodes(dimension);
    // A text "(none)" shares its group with the deals without one: those are grouped by key.
    if (coded && !coded.texts.includes(NO_KEY))
      return codeGroups(coded, table.length, deals.weighted);
    const textOf = table.text(dimension);
    for (let i = 0; i < table.length; i++) groups.place(i, groups.groupOf(textOf(i) ?? NO_KEY));
  }
  return groups;
}

/**
 * A coded dimension's groups: each deal's slot is its text's code, the codes themselves read by
 * sumAndGather (no array of groups written by a pass over the deals and read by the next: 0.1 ms
 * a grouping at 100,000 deals), after a pass that tallies each code's deals and those that count
 * (for the groups' ranges of gathered figures). The groups are the codes that have deals, in the
 * order of their first deals.
 */
function codeGroups(coded: TextCodes, n: number, weighted: Float64Array): Grouping {
  const { codes, texts } = coded;
  const tally = new Int32Array(TALLIED * texts.length);
  tallyCodes(codes, n, weighted, tally);
  const counting: number[] = [];
  let groups = 0;
  for (let code = 0; code < texts.length; code++) {
    counting.push(tally[TALLIED * code + 1]);
    if (tally[TALLIED * code] > 0) groups++;
  }
  return {
    of: codes,
    keys: texts.map((text) => text ?? NO_KEY),
    periods: texts.map(() => undefined),
    counting,
    rows: codesAsMet(codes, texts.length, groups),
  };
}

/** tallyCodes' figures a code: its deals, then those that count. */
const TALLIED = 2;

/**
 * codeGroups' pass over the deals, a function that ends with its loops (see binDeals). Four deals
 * a turn: the compiled loop's own work on each turn (its exit test, the index's overflow check, the
 * check for interrupts) is much of a deal's here (0.18 -> 0.14 ms a pass over 100,000 deals in a
 * loop alone). The deals beyond a multiple of four come first, as in weightedAmounts: a loop after
 * the long one, which had not run when the long one was compiled on the stack (none at 100,000
 * deals), threw that code away at its end, on every call in some processes.
 */
function tallyCodes(
  codes: Uint16Array | Int32Array,
  n: number,
  weighted: Float64Array,
  tally: Int32Array
): void {
  const head = n % 4;
  let i = 0;
  for (; i < head; i++) tallyCode(codes[i], weighted[i], tally);
  for (; i < n; i += 4) {
    tallyCode(codes[i], weighted[i], tally);
    tallyCode(codes[i + 1], weighted[i + 1], tally);
    tallyCode(codes[i + 2], weighted[i + 2], tally);
    tallyCode(codes[i + 3], weighted[i + 3], tally);
  }
}

/**
 * Tallies a deal of code `code` and weighted amount `w`. The deals that count are tallied without
 * a branch (a branch on each deal's test cost 10 % more in a standalone loop over 100,000 deals).
 */
function tallyCode(code: number, w: number, tally: Int32Array): void {
  const at = TALLIED * code;
  tally[at]++;
  tally[at + 1] += w === w ? 1 : 0; // NaN: it does not count
}

/** The first `groups` codes met in the deals' order: as far as the last one's first deal. */
function codesAsMet(codes: Uint16Array | Int32Array, size: number, groups: number): number[] {
  const met = new Uint8Array(size);
  const order: number[] = [];
  for (let i = 0; order.length < groups; i++) {
    const code = codes[i];
    if (met[code] === 0) {
      met[code] = 1;
      order.push(code);
    }
  }
  return order;
}

/** Days kept in groupByPeriod's array: 22 years. */
const INDEXED_DAYS = 8192;

/**
 * Each deal's group by the period of its close date (NO_KEY without one). A million deals fall on a
 * few hundred days: each day's group is looked up once, in an array over the INDEXED_DAYS around the
 * first day met (a pipeline's dates, in practice), in a Map for a day beyond them or not whole. The
 * deals that count are tallied by day in the array, then by group.
 */
function groupByPeriod(table: DealTable, groups: Groups, kind: PeriodKind): void {
  const byOffset = new Int32Array(INDEXED_DAYS).fill(-1);
  const countingAt = new Int32Array(INDEXED_DAYS);
  const days = table.columns.closeDates;
  // NaN without a day: then no day is indexed.
  const first = Math.floor(firstDay(days, table.length)) - INDEXED_DAYS / 2;
  placeByDay(
    days,
    table.length,
    first,
    new PeriodGroups(groups, periodLookup(kind)),
    byOffset,
    countingAt
  );
  for (let at = 0; at < INDEXED_DAYS; at++)
    if (countingAt[at] > 0) groups.counting[byOffset[at]] += countingAt[at];
}

/** The first close date of the deals; NaN without one. */
function firstDay(days: Float64Array, n: number): number {
  for (let i = 0; i < n; i++) if (days[i] === days[i]) return days[i];
  return NaN;
}

/**
 * groupByPeriod's pass over the deals, a function that ends with its loops (see binDeals): the
 * deals of days `first` + 0 to INDEXED_DAYS - 1 in the arrays (placeDay). Four deals a turn: the
 * compiled loop's own work on each turn (its exit test, the index's overflow check, the check for
 * interrupts) is much of a deal's here (0.48 -> 0.36 ms over 100,000 deals in a loop alone, with
 * placeDay's single test of a day). The deals beyond a multiple of four come first (see
 * tallyCodes), the deals still placed in their order.
 */
function placeByDay(
  days: Float64Array,
  n: number,
  first: number,
  periods: PeriodGroups,
  byOffset: Int32Array,
  countingAt: Int32Array
): void {
  const { of, weighted } = periods.groups;
  const head = n % 4;
  let i = 0;
  for (; i < head; i++) placeDay(i, days[i], first, of, weighted, byOffset, countingAt, periods);
  for (; i < n; i += 4) {
    placeDay(i, days[i], first, of, weighted, byOffset, countingAt, periods);
    placeDay(i + 1, days[i + 1], first, of, weighted, byOffset, countingAt, periods);
    placeDay(i + 2, days[i + 2], first, of, weighted, byOffset, countingAt, periods);
    placeDay(i + 3, days[i + 3], first, of, weighted, byOffset, countingAt, periods);
  }
}

/**
 * Places deal i, of close date `day`: a deal of an indexed day in its day's group (looked up once
 * a day) and counted at its day, any other by PeriodGroups.placeOther.
 */
function placeDay(
  i: number,
  day: number,
  first: number,
  of: Int32Array,
  weighted: Float64Array,
  byOffset: Int32Array,
  countingAt: Int32Array,
  periods: PeriodGroups
): void {
  const offset = day - first;
  // An offset of a whole number of days within the array is its own remainder by INDEXED_DAYS (a
  // power of two: & takes it of the offset as an integer); a NaN one (no day, no first) is not.
  const at = offset & (INDEXED_DAYS - 1);
  if (at !== offset) return periods.placeOther(i, day);
  let g = byOffset[at];
  if (g < 0) byOffset[at] = g = periods.groupOfWholeDay(day);
  of[i] = g;
  const w = weighted[i];
  countingAt[at] += w === w ? 1 : 0; // NaN: it does not count
}

/** The groups of periods for placeByDay: each period's made when its first deal comes. */
class PeriodGroups {
  private readonly byDay = new Map<number, number>();

  constructor(
    readonly groups: Groups,
    private readonly periodAt: (day: number) => Period
  ) {}

  /** The group of the period of `day` (a number). */
  groupOf(day: number): number {
    const period = this.periodAt(day);
    return this.groups.groupOf(period.key, period);
  }

  /**
   * The group of the period of `day`, a whole number: the group of a period met that holds it (from
   * its first day to its last), without working out its period again (periodAt makes a Period a
   * day, 0.1 ms for a year of days), or else groupOf's.
   */
  groupOfWholeDay(day: number): number {
    const { periods } = this.groups;
    for (let g = 0; g < periods.length; g++) {
      const period = periods[g];
      if (period !== undefined && period.start <= day && day <= period.end) return g;
    }
    return this.groupOf(day);
  }

  /** Places deal i of a day the array does not index, by a Map of days; NO_KEY without a day. */
  placeOther(i: number, day: number): void {
    const { groups } = this;
    if (day !== day) return groups.place(i, groups.groupOf(NO_KEY));
    let g = this.byDay.get(day);
    if (g === undefined) this.byDay.set(day, (g = this.groupOf(day)));
    groups.place(i, g);
  }
}

/**
 * Periods in time order, owners and products by weighted total (largest first); "(none)" last.
 * Periods go by their first day, not by comparing keys in a locale: the first localeCompare of a
 * process loads the collation tables (5 ms, longer than the rest of the sort).
 */
function sortRows(rows: ForecastRow[], dimension: ForecastDimension): ForecastRow[] {
  const last = (row: ForecastRow) => (row.key === NO_KEY ? 1 : 0);
  return rows.sort((a, b) =>
    last(a) !== last(b)
      ? last(a) - last(b)
      : dimension === "period"
        ? (a.start ?? 0) - (b.start ?? 0)
        : b.weighted - a.weighted || a.key.localeCompare(b.key)
  );
}
