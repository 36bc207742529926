/**
 * Steering the reps (domain.md, "Steering the reps"): one row of figures per rep, the team's own
 * figures, and the blend of individual and team attainment a manager pays on.
 *
 * Rules:
 * - Reps are the owners of the pipeline's deals and the owners of the semester's actions (an action
 *   is the semester's when its Semester is that label, as the plan's checks read it). Names match
 *   trimmed and case-insensitively (actionPlan/names.ts: "Alice ", "alice" are one rep), shown under
 *   the first spelling met, deals before actions; rows are in alphabetical order.
 *   Why: the pipeline and the plan are typed by different people; a rep with actions but no deal yet
 *   (a newcomer) is still on the team, and a manager looks a person up by name.
 * - A deal or an action without an owner is on no rep's row and in no team total.
 *   Why: the pane's pipeline report already lists the deals missing an owner; a "(no owner)" row would
 *   carry neither objective nor attainment, and counting its won amount in the team's attainment would
 *   pay the reps on sales no one of them is accountable for.
 * - Open pipeline, weighted and won follow countingRows: a deal counts in the open pipeline and the
 *   weighted total when it counts in the forecast (open, with an amount and a probability), weighted =
 *   Σ weightedAmount; won = Σ amount of the Won deals (the deal's category, which the pipeline reader
 *   already took from a closing stage). Every deal of the pipeline as read counts, whatever its date,
 *   like the pane's forecast by owner: the user's table is the period's.
 *   Why: one rule, one place — CarnetTeam's Weighted then ties out to CarnetForecastByOwner's.
 * - An objective is a positive number; a blank, zero or negative one is no objective (no attainment,
 *   coverage or probability), since "won ÷ 0" means nothing to pay on.
 * - Attainment = won ÷ objective. Coverage = weighted ÷ (objective − won), null when won ≥ objective
 *   (nothing remains to cover) or without an objective. P(objective) = P(won + outcome of the open
 *   deals ≥ objective) = P(outcome ≥ objective − won) from the pipeline's outcome distribution
 *   (distribution.ts), 1 when already reached.
 * - Team objective = the one the manager set, else Σ individual objectives (null when none); team won
 *   = Σ the reps' won; team attainment = team won ÷ team objective.
 * - Blended = individual × (1 − w) + team × w, w in [0, 1] (150 %, 85 %, w = 0.2 → 137 %); a w outside
 *   is a RangeError, since the pane must not store it.
 * - Trade-off: a rep is "carried" when the blend lifts them at least {@link TRADE_OFF_POINTS} above
 *   their individual attainment, "held back" when it lowers them at least that much, else "even".
 *   Why ten points: blended − individual = w × (team − individual); below ten points of attainment a
 *   pay basis moves less than most bonus grids' steps, above it the rep's pay visibly depends on the
 *   others.
 */
import { nameKey } from "../actionPlan/names";
import type { Action } from "../actionPlan/action";
import { countsInForecast, weightedAmount, wonAmount } from "../countingRows";
import type { Deal } from "../deal";
import { outcomeDistribution } from "../distribution";
import type { RepFigures, RepTradeOff, TeamFigures, TeamSettings } from "./contract";

/** Blended − individual, in attainment (0.10 = ten points), from which a rep is carried or held back. */
export const TRADE_OFF_POINTS = 0.1;

/** Two attainments within this are equal: 0.2 × (0.85 − 1.35) is −0.1 give or take the last bit. */
const SAME = 1e-9;

export interface TeamInput {
  readonly deals: readonly Deal[];
  readonly actions: readonly Action[];
  /** The action plan's semester whose actions and budget count (`2027-S1`). */
  readonly semester: string;
  /** Objectives by rep, as typed in CarnetTeam; matched by name (trimmed, any case). */
  readonly objectives: ReadonlyMap<string, number>;
  readonly settings: TeamSettings;
}

/** One rep's deals and actions, gathered under the first spelling of their name. */
interface RepGroup {
  readonly rep: string;
  readonly deals: Deal[];
  readonly actions: Action[];
}

/** CarnetTeam's rows and the team's figures (module comment: the rules). */
export function teamFigures(input: TeamInput): TeamFigures {
  const { settings } = input;
  checkWeight(settings.collectiveWeight);
  checkTeamObjective(settings.teamObjective);
  const objectives = objectivesByName(input.objectives);
  const rows = groupReps(input).map((group) =>
    repRow(group, objectives.get(nameKey(group.rep)) ?? null)
  );
  const individual = rows.filter((r) => r.objective !== null);
  const teamObjective =
    settings.teamObjective ??
    (individual.length > 0 ? individual.reduce((sum, r) => sum + (r.objective ?? 0), 0) : null);
  const teamWon = rows.reduce((sum, r) => sum + r.won, 0);
  const teamAttainment = teamObjective === null ? null : teamWon / teamObjective;
  const reps = rows.map((r) => ({
    ...r,
    blendedAttainment: blendedAttainment(r.attainment, teamAttainment, settings.collectiveWeight),
  }));
  return { reps, teamObjective, teamWon, teamAttainment };
}

/**
 * individual × (1 − w) + team × w. Null without an individual attainment; without a team attainment,
 * the individual one when w = 0 (the team then weighs nothing), else null.
 */
export function blendedAttainment(
  individual: number | null,
  team: number | null,
  w: number
): number | null {
  checkWeight(w);
  if (individual === null) return null;
  if (w === 0) return individual;
  if (team === null) return null;
  return individual * (1 - w) + team * w;
}

/** For each rep, the pay basis individual-only (w = 0), team-only (w = 1) and at w, and who moves. */
export function tradeOffs(figures: TeamFigures, w: number): RepTradeOff[] {
  checkWeight(w);
  return figures.reps.map((r) => {
    const blended = blendedAttainment(r.attainment, figures.teamAttainment, w);
    return {
      rep: r.rep,
      individualOnly: r.attainment,
      teamOnly: figures.teamAttainment,
      blended,
      effect: effectOf(r.attainment, blended),
    };
  });
}

function effectOf(individual: number | null, blended: number | null): RepTradeOff["effect"] {
  if (individual === null || blended === null) return "even";
  const move = blended - individual;
  if (move >= TRADE_OFF_POINTS - SAME) return "carried";
  if (move <= -TRADE_OFF_POINTS + SAME) return "held back";
  return "even";
}

function checkWeight(w: number): void {
  if (typeof w !== "number" || !(w >= 0 && w <= 1))
    throw new RangeError(`the collective weight ${w} must lie between 0 and 1 (0 % to 100 %)`);
}

function checkTeamObjective(objective: number | null): void {
  if (objective !== null && !(Number.isFinite(objective) && objective > 0))
    throw new RangeError(`the team objective ${objective} must be a positive amount, or blank`);
}

/** The objectives that are objectives (positive numbers), by name key; the first spelling wins. */
function objectivesByName(objectives: ReadonlyMap<string, number>): Map<string, number> {
  const byKey = new Map<string, number>();
  for (const [name, value] of objectives) {
    const key = nameKey(name);
    if (key !== "" && !byKey.has(key) && Number.isFinite(value) && value > 0) byKey.set(key, value);
  }
  return byKey;
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** The order reps are listed in, here and in the calibration: alphabetical, any case or accent. */
export function compareRepNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The reps: deals' owners then the semester's action owners, by name key, in alphabetical order. */
function groupReps(input: TeamInput): RepGroup[] {
  const groups = new Map<string, RepGroup>();
  const groupOf = (owner: string | null): RepGroup | null => {
    const name = owner?.trim() ?? "";
    if (name === "") return null;
    const key = nameKey(name);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { rep: name, deals: [], actions: [] }));
    return group;
  };
  for (const deal of input.deals) groupOf(deal.owner)?.deals.push(deal);
  for (const action of input.actions)
    if (action.semester === input.semester) groupOf(action.owner)?.actions.push(action);
  return [...groups.values()].sort((a, b) => compareRepNames(a.rep, b.rep));
}

/** A rep's row before the blend (which needs the whole team). */
function repRow(group: RepGroup, objective: number | null): RepFigures {
  let openPipeline = 0;
  let weighted = 0;
  let won = 0;
  const open: { amount: number; probability: number }[] = [];
  for (const deal of group.deals) {
    won += wonAmount(deal) ?? 0;
    if (!countsInForecast(deal)) continue;
    open.push(deal);
    openPipeline += deal.amount;
    weighted += weightedAmount(deal) ?? 0;
  }
  const remaining = objective === null ? null : objective - won;
  return {
    rep: group.rep,
    openPipeline,
    weighted,
    objective,
    won,
    attainment: objective === null ? null : won / objective,
    coverage: remaining === null || remaining <= 0 ? null : weighted / remaining,
    pObjective:
      remaining === null
        ? null
        : remaining <= 0
          ? 1
          : outcomeDistribution(open).probabilityAtLeast(remaining),
    actions: group.actions.length,
    budget: group.actions.reduce((sum, a) => sum + (a.budget ?? 0), 0),
    blendedAttainment: null,
  };
}
