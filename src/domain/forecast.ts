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
import { countsInForecast, weightedAmount } from "./countingRows";
import type { Deal } from "./deal";
import { outcomeDistribution } from "./distribution";
import { type Period, periodLookup, type PeriodKind } from "./pipeline";

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

export function forecastFigures(
  deals: readonly Deal[],
  objective: number | null = null
): ForecastFigures {
  const sums = new FigureSums();
  for (const deal of deals) sums.add(deal);
  return sums.figures(objective);
}

/** A deal that counts in the forecast: open, with an amount and a probability (countingRows). */
type OpenDeal = Deal & { amount: number; probability: number };

/**
 * A group's figures, summed deal by deal as the deals come (so each sum is the one a loop over the
 * group gives), with the deals that count kept for the outcome distribution as they are. A table
 * visits each deal once, however many groups it lands in.
 */
class FigureSums {
  private readonly open: OpenDeal[] = [];
  private hasCategories = false;
  private unweighted = 0;
  private weighted = 0;
  private commit = 0;
  private bestCase = 0;
  private won = 0;

  add(d: Deal): void {
    if (d.category !== null) this.hasCategories = true;
    if (d.category === "Won" && d.amount !== null) this.won += d.amount;
    if (!countsInForecast(d)) return;
    this.open.push(d);
    this.unweighted += d.amount;
    this.weighted += weightedAmount(d)!;
    if (d.category === "Commit") this.commit += d.amount;
    if (d.category === "Commit" || d.category === "Best case") this.bestCase += d.amount;
  }

  figures(objective: number | null): ForecastFigures {
    const { open, unweighted, won } = this;
    const distribution = outcomeDistribution(open);
    const remaining = objective === null ? null : objective - won;
    return {
      deals: open.length,
      unweighted,
      weighted: this.weighted,
      commit: this.hasCategories ? this.commit : null,
      bestCase: this.hasCategories ? this.bestCase : null,
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

export interface ForecastOptions {
  readonly periodKind?: PeriodKind;
  /** Objectives by row key, e.g. the values the user typed in the table's Objective column last time. */
  readonly objectives?: ReadonlyMap<string, number>;
}

/** One row per period (in time order), owner or product (largest weighted total first). */
export function forecastBy(
  deals: readonly Deal[],
  dimension: ForecastDimension,
  options: ForecastOptions = {}
): ForecastRow[] {
  return forecastTables(deals, [dimension], () => options)[dimension];
}

/**
 * The forecast by each of `dimensions`, as forecastBy gives it, in one pass over the deals (a large
 * pipeline is read once, not once a table); `optionsOf` gives each table its period and objectives.
 */
export function forecastTables<D extends ForecastDimension>(
  deals: readonly Deal[],
  dimensions: readonly D[],
  optionsOf: (dimension: D) => ForecastOptions
): Record<D, ForecastRow[]> {
  const tables = dimensions.map((dimension) => {
    const periodAt = periodLookup(optionsOf(dimension).periodKind ?? "quarter");
    const periodOf = (deal: Deal) =>
      dimension === "period" && deal.closeDate !== null ? periodAt(deal.closeDate) : undefined;
    const keyOf = (deal: Deal): string =>
      dimension === "period"
        ? (periodOf(deal)?.key ?? NO_KEY)
        : ((dimension === "owner" ? deal.owner : deal.product) ?? NO_KEY);
    return { dimension, keyOf, periodOf, groups: new Map<string, Group>() };
  });
  for (const deal of deals)
    for (const { keyOf, periodOf, groups } of tables) {
      const key = keyOf(deal);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { sums: new FigureSums(), period: periodOf(deal) }));
      group.sums.add(deal);
    }
  const result = {} as Record<D, ForecastRow[]>;
  for (const { dimension, groups } of tables) {
    const objectives = optionsOf(dimension).objectives;
    const rows: ForecastRow[] = [];
    for (const [key, { sums, period }] of groups)
      rows.push({
        key,
        ...(period ? { start: period.start, end: period.end } : {}),
        ...sums.figures(objectives?.get(key) ?? null),
      });
    result[dimension] = sortRows(rows, dimension);
  }
  return result;
}

interface Group {
  readonly sums: FigureSums;
  /** The period of a period table's row; undefined for owners, products and undated deals. */
  readonly period?: Period;
}

/** Periods in time order, owners and products by weighted total (largest first); "(none)" last. */
function sortRows(rows: ForecastRow[], dimension: ForecastDimension): ForecastRow[] {
  const last = (row: ForecastRow) => (row.key === NO_KEY ? 1 : 0);
  return rows.sort((a, b) =>
    last(a) !== last(b)
      ? last(a) - last(b)
      : dimension === "period"
        ? a.key.localeCompare(b.key)
        : b.weighted - a.weighted || a.key.localeCompare(b.key)
  );
}
