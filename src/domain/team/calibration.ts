/**
 * Forecast calibration (domain.md, "Forecast calibration"): how well the probabilities stated in the
 * pipeline foretold what was won, from the snapshots Carnet keeps (CarnetSnapshots).
 *
 * Rules:
 * - A forecast is a (snapshot, deal) pair where the deal is open in the snapshot (its effective
 *   category, snapshots.ts, is not Won, Lost or Omitted) with a known probability, and the same deal is
 *   Won or Lost now (`now`: the current pipeline, as snapshot deals). Its outcome is the deal's state
 *   now: won 1, lost 0. Its rep, stage, amount and close date are the snapshot's (what was said then).
 *   Why the state now: a deal lost, reopened and won in the end was won; the forecasts made before it
 *   was first lost were forecasts of that deal, and they count. A snapshot where it stood lost is no
 *   forecast (it was not open). A deal that reopened and is open now has no outcome yet: not a forecast.
 *   An omitted deal was neither won nor lost: not a forecast.
 * - Matching across snapshots is snapshots.ts's: the deal's key (dealKey: its Id, else company +
 *   contact + product, without case, accents or closing full stops); deals sharing a key in one
 *   snapshot pair in order of appearance (first with first); when the Id column came or went, a deal
 *   with an id on one side only matches by company + contact + product when that names one deal on
 *   each side. A deal that nothing identifies is no forecast.
 * - Brier score = mean (p − o)² (0 perfect; always 50 % scores 0.25); null without a forecast.
 *   BRIER, the custom function, computes it here too.
 * - Reliability: bands [0, 20 %), [20, 40 %), [40, 60 %), [60, 80 %), [80, 100 %], each with its
 *   forecasts, mean stated p and observed win rate (null when empty).
 * - Per rep (the owner in the snapshot the forecast was made in, matched trimmed and in any case like
 *   team.ts, shown under the first spelling) and for the team (every forecast, with an owner or not).
 *   Every owner of a deal in the snapshots or now has a row, a rep with no closed deal yet with no
 *   forecast and no Brier score: the manager sees who cannot be judged yet, rather than no one.
 * - Bias of a period (pipeline.ts periods of the chosen kind): the weighted forecast of the deals
 *   closing in it (by their close date then), at the last snapshot taken before its first day, against
 *   the amount won in it now (Won deals of `now` whose close date falls in it); bias = forecast − won
 *   (positive: optimistic). A period is judged once it has ended: its last day is before the day of
 *   the latest snapshot. Why: `now` carries no date; the latest snapshot is the latest moment whose
 *   date Carnet knows, and a period still running may yet win more (a period whose deals happen to be
 *   all closed is not over). A period with no snapshot before it has no forecast and is left out.
 * - Suggested probability of a stage: the win rate of the forecasts made at that stage (stage names
 *   matched as stages.ts does), with their count; none below the minimum (20 forecasts), since a win
 *   rate on a handful of deals would move the stage table on noise. Listed: the stage table's open
 *   stages (a stage that closes a deal, "Closed won", is never the stage of a forecast) in its order,
 *   then stages met only in the snapshots, in the order met; each with the table's probability beside.
 */
import { closingStatus, isOpen } from "../countingRows";
import { inPeriod, type PeriodKind, periodOf } from "../pipeline";
import {
  dealKey,
  effectiveCategory,
  type Snapshot,
  type SnapshotDeal,
  snapshotPeriods,
  snapshotWeightedTotal,
} from "../snapshots";
import { normaliseStage, type StageDefault, stageRow } from "../stages";
import { nameKey } from "../actionPlan/names";
import type {
  Calibration,
  CalibrationForecast,
  CalibrationReport,
  PeriodBias,
  ReliabilityBand,
  StageSuggestion,
} from "./contract";
import { compareRepNames } from "./team";

/** What a Brier score and a reliability table need of a forecast. */
export interface ForecastPair {
  readonly probability: number;
  readonly outcome: 0 | 1;
}

/** Forecasts a stage needs before its win rate is suggested (domain.md). */
export const MINIMUM_STAGE_FORECASTS = 20;

/** The reliability table's band edges: [0, .2), [.2, .4), [.4, .6), [.6, .8), [.8, 1]. */
const BAND_EDGES = [0, 0.2, 0.4, 0.6, 0.8, 1] as const;

/** Every forecast of the history, in snapshot time order, then the snapshot's deal order. */
export function calibrationForecasts(
  snapshots: readonly Snapshot[],
  now: readonly SnapshotDeal[]
): CalibrationForecast[] {
  const outcomeOf = outcomeFinder(now);
  const forecasts: CalibrationForecast[] = [];
  for (const snapshot of [...snapshots].sort((a, b) => a.takenAt - b.takenAt)) {
    const outcomes = outcomeOf(snapshot.deals);
    snapshot.deals.forEach((deal, i) => {
      const outcome = outcomes[i];
      if (outcome === null || deal.probability === null) return;
      if (!isOpen({ category: effectiveCategory(deal) })) return;
      forecasts.push({
        dealKey: outcome.key,
        rep: deal.owner?.trim() || null,
        stage: deal.stage?.trim() || null,
        takenAt: snapshot.takenAt,
        closeDate: deal.closeDate,
        amount: deal.amount,
        probability: deal.probability,
        outcome: outcome.outcome,
      });
    });
  }
  return forecasts;
}

/** Mean (p − o)² over the forecasts; null without one. */
export function brierScore(forecasts: readonly ForecastPair[]): number | null {
  if (forecasts.length === 0) return null;
  let sum = 0;
  for (const { probability, outcome } of forecasts) sum += (probability - outcome) ** 2;
  return sum / forecasts.length;
}

/** The five bands of the reliability table, each with its forecasts, mean p and win rate. */
export function reliability(forecasts: readonly ForecastPair[]): ReliabilityBand[] {
  const bands = BAND_EDGES.slice(1).map(() => ({ count: 0, p: 0, won: 0 }));
  for (const { probability, outcome } of forecasts) {
    const band = bands[bandIndex(probability)];
    band.count++;
    band.p += probability;
    band.won += outcome;
  }
  return bands.map((b, i) => ({
    from: BAND_EDGES[i],
    to: BAND_EDGES[i + 1],
    forecasts: b.count,
    meanProbability: b.count === 0 ? null : b.p / b.count,
    winRate: b.count === 0 ? null : b.won / b.count,
  }));
}

/** The band holding p: the last band is closed at 100 %, the others open at their upper edge. */
function bandIndex(p: number): number {
  let i = 0;
  while (i < BAND_EDGES.length - 2 && p >= BAND_EDGES[i + 1]) i++;
  return i;
}

/** The calibration of one rep's forecasts, or the team's (rep null). */
export function calibrationOf(
  rep: string | null,
  forecasts: readonly CalibrationForecast[]
): Calibration {
  return {
    rep,
    forecasts: forecasts.length,
    brier: brierScore(forecasts),
    reliability: reliability(forecasts),
  };
}

/**
 * One calibration per rep, alphabetically: each rep of `reps` (a rep with no forecast yet gets a row
 * with no Brier score) and each owner of a forecast; a forecast without an owner is in none.
 */
export function calibrationByRep(
  forecasts: readonly CalibrationForecast[],
  reps: readonly string[] = []
): Calibration[] {
  const groups = new Map<string, { rep: string; forecasts: CalibrationForecast[] }>();
  const groupOf = (name: string) => {
    const key = nameKey(name);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { rep: name.trim(), forecasts: [] }));
    return group;
  };
  for (const rep of reps) if (rep.trim() !== "") groupOf(rep);
  for (const forecast of forecasts)
    if (forecast.rep !== null) groupOf(forecast.rep).forecasts.push(forecast);
  return [...groups.values()]
    .sort((a, b) => compareRepNames(a.rep, b.rep))
    .map((g) => calibrationOf(g.rep, g.forecasts));
}

/** The owners of the deals of the snapshots (in time order) and of the pipeline now. */
function ownersOf(snapshots: readonly Snapshot[], now: readonly SnapshotDeal[]): string[] {
  const owners: string[] = [];
  for (const snapshot of [...snapshots].sort((a, b) => a.takenAt - b.takenAt))
    for (const deal of snapshot.deals) if (deal.owner) owners.push(deal.owner);
  for (const deal of now) if (deal.owner) owners.push(deal.owner);
  return owners;
}

/** The bias of each period that has ended, in time order (module comment: the rule). */
export function periodBias(
  snapshots: readonly Snapshot[],
  now: readonly SnapshotDeal[],
  periodKind: PeriodKind
): PeriodBias[] {
  const ordered = [...snapshots].sort((a, b) => a.takenAt - b.takenAt);
  if (ordered.length === 0) return [];
  const today = Math.floor(ordered[ordered.length - 1].takenAt);
  const periods = new Map<string, { key: string; start: number; end: number }>();
  for (const p of snapshotPeriods(ordered, periodKind)) periods.set(p.key, p);
  for (const deal of now)
    if (effectiveCategory(deal) === "Won" && deal.closeDate !== null) {
      const { key, start, end } = periodOf(deal.closeDate, periodKind);
      periods.set(key, { key, start, end });
    }
  const biases: PeriodBias[] = [];
  for (const period of [...periods.values()].sort((a, b) => a.start - b.start)) {
    if (period.end >= today) continue;
    const before = ordered.filter((s) => s.takenAt < period.start).pop();
    if (!before) continue;
    const range = { from: period.start, to: period.end };
    const forecast = snapshotWeightedTotal(before, range);
    const won = wonIn(now, range);
    biases.push({ period: period.key, forecast, won, bias: forecast - won });
  }
  return biases;
}

function wonIn(now: readonly SnapshotDeal[], range: { from: number; to: number }): number {
  let won = 0;
  for (const deal of now)
    if (
      effectiveCategory(deal) === "Won" &&
      deal.amount !== null &&
      inPeriod(deal.closeDate, range)
    )
      won += deal.amount;
  return won;
}

/** Each stage's win rate from the forecasts made at it, suggested from `minimum` forecasts up. */
export function stageSuggestions(
  forecasts: readonly CalibrationForecast[],
  stageTable: readonly StageDefault[],
  minimum: number = MINIMUM_STAGE_FORECASTS
): StageSuggestion[] {
  if (!(Number.isInteger(minimum) && minimum >= 1))
    throw new RangeError(
      `the minimum number of forecasts ${minimum} must be a whole number, 1 or more`
    );
  const stages = new Map<
    string,
    { stage: string; current: number | null; count: number; won: number }
  >();
  for (const row of stageTable) {
    const key = normaliseStage(row.stage);
    if (key !== "" && !stages.has(key) && closingStatus(row.stage) === null)
      stages.set(key, { stage: row.stage, current: row.probability, count: 0, won: 0 });
  }
  for (const forecast of forecasts) {
    if (forecast.stage === null) continue;
    // The table's row for the stage, by any of its names (stageRow): "Négociation" is "Negotiation".
    const key = normaliseStage(stageRow(stageTable, forecast.stage)?.stage ?? forecast.stage);
    let stage = stages.get(key);
    if (!stage)
      stages.set(key, (stage = { stage: forecast.stage, current: null, count: 0, won: 0 }));
    stage.count++;
    stage.won += forecast.outcome;
  }
  return [...stages.values()].map((s) => ({
    stage: s.stage,
    forecasts: s.count,
    suggested: s.count >= minimum ? s.won / s.count : null,
    current: s.current,
  }));
}

/** The whole report the pane shows and the host writes: team, reps, period bias and stages. */
export function calibrationReport(
  snapshots: readonly Snapshot[],
  now: readonly SnapshotDeal[],
  stageTable: readonly StageDefault[],
  periodKind: PeriodKind
): CalibrationReport {
  const forecasts = calibrationForecasts(snapshots, now);
  return {
    team: calibrationOf(null, forecasts),
    reps: calibrationByRep(forecasts, ownersOf(snapshots, now)),
    bias: periodBias(snapshots, now, periodKind),
    stages: stageSuggestions(forecasts, stageTable),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Matching a snapshot's deals with the deals now

interface Outcome {
  readonly key: string;
  readonly outcome: 0 | 1;
}

/** A deal's company + contact + product key without its id, or null when none of them is given. */
function namesKey(deal: SnapshotDeal): string | null {
  return dealKey({ ...deal, id: null });
}

function hasId(deal: SnapshotDeal): boolean {
  return dealKey(deal)?.startsWith("id:") ?? false;
}

/** Occurrence keys: the n-th deal with key K in a list is `K#n` (duplicates pair in order). */
function occurrenceKeys(deals: readonly SnapshotDeal[]): (string | null)[] {
  const seen = new Map<string, number>();
  return deals.map((deal) => {
    const key = dealKey(deal);
    if (key === null) return null;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${key}#${n}`;
  });
}

/** How many deals of the list carry each names key. */
function namesCount(deals: readonly SnapshotDeal[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const deal of deals) {
    const key = namesKey(deal);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * For the deals of a snapshot, each one's outcome now (null when it has none: not found, open or
 * omitted now). By occurrence key; failing that, across a change of the Id column, by names that
 * point to one deal on each side, one with an id and the other without.
 */
function outcomeFinder(
  now: readonly SnapshotDeal[]
): (deals: readonly SnapshotDeal[]) => (Outcome | null)[] {
  const byKey = new Map<string, SnapshotDeal>();
  occurrenceKeys(now).forEach((key, i) => key !== null && byKey.set(key, now[i]));
  const nowNames = namesCount(now);
  const byNames = new Map<string, SnapshotDeal>();
  for (const deal of now) {
    const key = namesKey(deal);
    if (key !== null && nowNames.get(key) === 1) byNames.set(key, deal);
  }
  return (deals) => {
    const names = namesCount(deals);
    const keys = occurrenceKeys(deals);
    return deals.map((deal, i) => {
      const key = keys[i];
      let match = key === null ? undefined : byKey.get(key);
      if (!match) {
        const nk = namesKey(deal);
        const candidate = nk === null || names.get(nk) !== 1 ? undefined : byNames.get(nk);
        if (candidate && hasId(candidate) !== hasId(deal)) match = candidate;
      }
      const category = match ? effectiveCategory(match) : null;
      if (!match || (category !== "Won" && category !== "Lost")) return null;
      return { key: dealKey(match) ?? "", outcome: category === "Won" ? 1 : 0 };
    });
  };
}
