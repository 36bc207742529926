/**
 * The semester's review, the Check of the plan as a whole (domain.md, "Sales action plan": attainment =
 * actual result ÷ objective; cost per result = actual cost ÷ actual result). The rules, each with why:
 * - Per action: attainment = Actual result ÷ Objective, blank (null) when either is blank or the
 *   Objective is 0 (no ratio to speak of); cost per result = Actual cost ÷ Actual result, blank when
 *   either is blank or the result is 0 (a cost with nothing to show is read in the Actual cost itself).
 * - By means, by owner and in total: the number of actions, of checked actions (phase Check or Act:
 *   measured), Σ Budget, Σ Actual cost, and attainment as the mean of the checked actions' attainments
 *   (those with one). Not Σ actual ÷ Σ objective: objectives come in different units, and that ratio
 *   would add meetings to euros; the mean gives each action one voice, whatever its unit.
 * - Money is summed in cents (money.ts), so the by-means and the by-owner budget and cost columns add
 *   up exactly to the totals, as the user will check with SUM.
 * - Groups are named by their first spelling, matched without case (names.ts), in order of first
 *   appearance in the plan; actions with a blank Means or Owner form a group named "".
 */
import type { Action } from "./action";
import { sumMoney } from "./money";
import { groupByName } from "./names";

export interface ActionReview {
  readonly action: Action;
  /** Actual result ÷ Objective; null when either is blank or the objective is 0. */
  readonly attainment: number | null;
  /** Actual cost ÷ Actual result; null when either is blank or the result is 0. */
  readonly costPerResult: number | null;
}

export interface GroupReview {
  /** The means or the owner as first spelt; "Total" for the totals. */
  readonly name: string;
  readonly actions: number;
  /** Actions in Check or Act. */
  readonly checked: number;
  readonly budget: number;
  readonly actualCost: number;
  /** The mean of the checked actions' attainments; null when none has one. */
  readonly attainment: number | null;
}

export interface SemesterReview {
  readonly semester: string;
  readonly byAction: readonly ActionReview[];
  readonly byMeans: readonly GroupReview[];
  readonly byOwner: readonly GroupReview[];
  readonly totals: GroupReview;
}

export function semesterReview(actions: readonly Action[], semester: string): SemesterReview {
  const byAction = actions.filter((a) => a.semester === semester).map(actionReview);
  const groups = (nameOf: (a: Action) => string) =>
    [...groupByName(byAction, (r) => nameOf(r.action))].map(([name, rows]) =>
      groupReview(name, rows)
    );
  return {
    semester,
    byAction,
    byMeans: groups((a) => a.means),
    byOwner: groups((a) => a.owner),
    totals: groupReview("Total", byAction),
  };
}

export function actionReview(action: Action): ActionReview {
  return {
    action,
    attainment: ratio(action.actualResult, action.objective),
    costPerResult: ratio(action.actualCost, action.actualResult),
  };
}

/** True once an action has been measured (Check, or Act after it). */
export function isChecked(action: Action): boolean {
  return action.phase === "Check" || action.phase === "Act";
}

// ---------------------------------------------------------------------------------------------------------------

function ratio(numerator: number | null, denominator: number | null): number | null {
  return numerator === null || denominator === null || denominator === 0
    ? null
    : numerator / denominator;
}

function groupReview(name: string, rows: readonly ActionReview[]): GroupReview {
  const checked = rows.filter((r) => isChecked(r.action));
  const attainments = checked.map((r) => r.attainment).filter((a): a is number => a !== null);
  return {
    name,
    actions: rows.length,
    checked: checked.length,
    budget: sumMoney(rows.map((r) => r.action.budget)),
    actualCost: sumMoney(rows.map((r) => r.action.actualCost)),
    attainment:
      attainments.length === 0 ? null : attainments.reduce((s, a) => s + a, 0) / attainments.length,
  };
}
