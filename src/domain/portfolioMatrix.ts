/**
 * The product portfolio in the GE-McKinsey strengths–attractiveness matrix (handbook 8.6.1.3,
 * domain.md "Strengths–attractiveness matrix"): each product range's strength ("atouts", its market
 * share in volume) against its attractiveness ("attraits", the ABC class of its contribution margin),
 * and the nine-box cell and zone that follow.
 *
 * The flow the task pane follows:
 * 1. `recogniseColumns(headers, PORTFOLIO_FIELDS)` (columns.ts) and `portfolioMappingProblems` check the
 *    table;
 * 2. `readPortfolioRows` (productRangeTable.ts) reads the rows below the header into ranges and a
 *    data-quality report — or `rangesFromWonDeals` (rangesFromWonDeals.ts) builds the ranges from the
 *    pipeline's won deals and the user's market figures;
 * 3. {@link portfolioMatrix} classifies them with the user's settings (matrixSettings.ts), and
 *    {@link unplacedReason} says why a range gets no cell;
 * 4. `matrixTableRow` (matrixTable.ts) gives the `CarnetMatrix` values, {@link paretoRows} the Pareto
 *    chart's order, {@link nineBoxContents} the pane's grid, `harvestOpportunities` (harvest.ts) the deals
 *    that may not fit the plan.
 *
 * Choices where domain.md is silent (each a finance reviewer's expectation, and tested):
 * - Relative share (the "relative" strength measure) is the range's share ÷ the share of its largest
 *   competitor, as in the BCG and GE matrices, read from an optional "Leader share" column. Dividing by
 *   the largest share among the user's own ranges was rejected: ranges sell into different markets, so
 *   that ratio compares unrelated numbers and moves when an unrelated range is added.
 * - Margin share and cumulative share are shares of the total positive margin (the ABC total): ranges
 *   with a margin ≤ 0 or none have neither, which keeps the Pareto line rising to exactly 100 %.
 */
import { abcClassOf, abcCuts, type AbcClass } from "./abc";
import {
  type Level,
  levelOf,
  levelOfAbc,
  NINE_BOX,
  nineBoxCell,
  type Zone,
  zoneOf,
} from "./matrix";
import { DEFAULT_MATRIX_SETTINGS, type MatrixSettings, settingsProblem } from "./matrixSettings";
import type { ProductRange } from "./productRanges";

export interface MatrixRow {
  readonly range: ProductRange;
  /** margin ÷ total positive margin; null when the margin is ≤ 0 or blank (out of the ABC total). */
  readonly marginShare: number | null;
  /**
   * Σ margin share of this range and of those before it in margin-descending order (equal margins in input
   * order); the last is exactly 1. Null when marginShare is. A range of class A may end above the A share:
   * the range that crosses the line belongs to the class above it (domain.md).
   */
  readonly cumulativeShare: number | null;
  readonly abc: AbcClass | null;
  /** The relative share (market share ÷ leader share) when both are known, whatever the measure. */
  readonly relativeShare: number | null;
  /** The x value the strength level comes from: the market share, or the relative share. */
  readonly strengthValue: number | null;
  readonly strength: Level | null;
  readonly attractiveness: Level | null;
  readonly cell: string | null;
  readonly zone: Zone | null;
}

/**
 * Classifies the ranges (rows in input order). Attractiveness is the ABC class of the margin (abc.ts rules:
 * equal margins share a class, loss-making ranges are C, a blank margin has no class). Strength is the level
 * of the measure's value; a range without it gets no strength, cell or zone. Throws a RangeError when
 * {@link settingsProblem} finds one.
 */
export function portfolioMatrix(
  ranges: readonly ProductRange[],
  settings: MatrixSettings = DEFAULT_MATRIX_SETTINGS
): MatrixRow[] {
  const problem = settingsProblem(settings);
  if (problem) throw new RangeError(problem);
  const n = ranges.length;
  const margins = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const margin = ranges[i].margin;
    margins[i] = margin !== null && Number.isFinite(margin) ? margin : NaN;
  }
  const cuts = abcCuts(margins, settings.abcShares);
  const classified = ranges.map((range, i) =>
    classifiedRange(range, abcClassOf(margins[i], cuts), settings)
  );
  return withMarginShares(classified);
}

/** The range's class, strength, cell and zone; its margin shares are left to {@link withMarginShares}. */
function classifiedRange(
  range: ProductRange,
  abc: AbcClass | null,
  settings: MatrixSettings
): MatrixRow {
  const relativeShare =
    range.marketShare !== null && range.leaderShare !== null && range.leaderShare > 0
      ? range.marketShare / range.leaderShare
      : null;
  const strengthValue = settings.measure === "relative" ? relativeShare : range.marketShare;
  const strength = strengthValue === null ? null : levelOf(strengthValue, settings.strengthCuts);
  const attractiveness = abc === null ? null : levelOfAbc(abc);
  const placed = strength !== null && attractiveness !== null;
  return {
    range,
    marginShare: null,
    cumulativeShare: null,
    abc,
    relativeShare,
    strengthValue,
    strength,
    attractiveness,
    cell: placed ? nineBoxCell(strength, attractiveness) : null,
    zone: placed ? zoneOf(strength, attractiveness) : null,
  };
}

/**
 * Each range's margin share and cumulative share of the total positive margin, in the Pareto order
 * ({@link paretoRows}). Summing in that same order makes the last cumulative share exactly total ÷ total = 1.
 */
function withMarginShares(rows: readonly MatrixRow[]): MatrixRow[] {
  const order = paretoRows(rows);
  let total = 0;
  for (const row of order) total += row.range.margin!;
  const shares = new Map<MatrixRow, Pick<MatrixRow, "marginShare" | "cumulativeShare">>();
  let running = 0;
  for (const row of order) {
    const margin = row.range.margin!;
    running += margin;
    shares.set(row, { marginShare: margin / total, cumulativeShare: running / total });
  }
  return rows.map((row) => ({ ...row, ...shares.get(row) }));
}

/** A margin that enters the ABC total and the Pareto: a finite number above 0. */
function hasPositiveMargin(range: ProductRange): boolean {
  return range.margin !== null && Number.isFinite(range.margin) && range.margin > 0;
}

/**
 * The Pareto order: ranges with a positive margin, largest first, ties in input order (Array.prototype.sort
 * is stable). The order the cumulative shares are summed in, and the Pareto chart's bars.
 */
export function paretoRows(rows: readonly MatrixRow[]): MatrixRow[] {
  return rows
    .filter((row) => hasPositiveMargin(row.range))
    .sort((x, y) => y.range.margin! - x.range.margin!);
}

/** The nine cells in NINE_BOX order (attractive and strong first), each with its ranges in input order. */
export function nineBoxContents(
  rows: readonly MatrixRow[]
): { strength: Level; attractiveness: Level; cell: string; zone: Zone; rows: MatrixRow[] }[] {
  return NINE_BOX.map((box) => ({
    ...box,
    rows: rows.filter(
      (row) => row.strength === box.strength && row.attractiveness === box.attractiveness
    ),
  }));
}

/**
 * Why a range has no place in the grid, for the pane's list: what is missing, and what to fill when it is not
 * plain. Strength is missing when the measure's value is: the market share, or — with the relative measure,
 * whose value is share ÷ leader's share — the leader's share when the range's own share is known.
 * Attractiveness is missing when the margin is (no ABC class).
 */
export function unplacedReason(row: MatrixRow): string {
  const missing: string[] = [];
  const leaderMissing = row.strength === null && row.range.marketShare !== null;
  if (row.strength === null) missing.push(leaderMissing ? "no leader share" : "no market share");
  if (row.attractiveness === null) missing.push("no margin");
  const reason = missing.join(" and ");
  return leaderMissing
    ? `${reason}: give the largest competitor's share in the Leader share column`
    : reason;
}
