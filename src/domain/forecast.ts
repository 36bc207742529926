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
import { forecastDeals, weightedTotal } from "./countingRows";
import type { Deal } from "./deal";
import { outcomeDistribution } from "./distribution";
import { periodOf, type PeriodKind } from "./pipeline";

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
  const open = forecastDeals(deals);
  const hasCategories = deals.some((d) => d.category !== null);
  let unweighted = 0;
  let commit = 0;
  let bestCase = 0;
  for (const d of open) {
    unweighted += d.amount;
    if (d.category === "Commit") commit += d.amount;
    if (d.category === "Commit" || d.category === "Best case") bestCase += d.amount;
  }
  let won = 0;
  for (const d of deals) if (d.category === "Won" && d.amount !== null) won += d.amount;
  const distribution = outcomeDistribution(
    open.map((d) => ({ amount: d.amount, probability: d.probability }))
  );
  const remaining = objective === null ? null : objective - won;
  return {
    deals: open.length,
    unweighted,
    weighted: weightedTotal(open),
    commit: hasCategories ? commit : null,
    bestCase: hasCategories ? bestCase : null,
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
  const kind = options.periodKind ?? "quarter";
  const groups = new Map<string, { deals: Deal[]; start?: number; end?: number }>();
  for (const deal of deals) {
    let key: string;
    let start: number | undefined;
    let end: number | undefined;
    if (dimension === "period") {
      if (deal.closeDate === null) key = NO_KEY;
      else ({ key, start, end } = periodOf(deal.closeDate, kind));
    } else key = (dimension === "owner" ? deal.owner : deal.product) ?? NO_KEY;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { deals: [], start, end }));
    group.deals.push(deal);
  }
  const rows: ForecastRow[] = [...groups.entries()].map(([key, group]) => ({
    key,
    ...(group.start !== undefined ? { start: group.start, end: group.end } : {}),
    ...forecastFigures(group.deals, options.objectives?.get(key) ?? null),
  }));
  const last = (row: ForecastRow) => (row.key === NO_KEY ? 1 : 0);
  return rows.sort((a, b) =>
    last(a) !== last(b)
      ? last(a) - last(b)
      : dimension === "period"
        ? a.key.localeCompare(b.key)
        : b.weighted - a.weighted || a.key.localeCompare(b.key)
  );
}
