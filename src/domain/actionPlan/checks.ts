/**
 * The handbook's quality rules for a semester's plan, as checks shown to the user (domain.md, "Sales
 * action plan"), plus the reps' capacity. Each check names the action (to select its row) and says what
 * is wrong in words. The rules, each with why:
 * - harvest-range: an action on a range in the Harvest / divest zone of the matrix is flagged with the
 *   range, its cell and zone: effort there goes against the strategy (continuity with strategy).
 * - invest-range-without-action: every Invest / grow range with no action this semester: the strategy
 *   says grow it, and nothing in the plan does.
 * - unrealistic-objective: an action whose Unit is revenue ({@link isRevenueUnit}) with an Objective
 *   above its support, support = the owner's weighted pipeline closing in the semester + what the owner
 *   won in the previous semester; likewise against the Range's support when a Range is set. The message
 *   gives the gap in money and percent and the support's parts, so the manager can argue it. Each action
 *   is judged on its own, as the handbook states the rule; the objective is compared as typed, in the
 *   pipeline's currency (a `k€` objective is not scaled).
 * - owner-not-in-team: an action whose Owner (blank too) is not one of the team (the pipeline's
 *   owners): a plan built with the reps has every action owned by one of them.
 * - rep-without-action: every member of the team with no action this semester: every rep takes part.
 * - over-envelope: the semester's Σ Budget above its envelope, with the gap (to the cent, see money.ts).
 * - over-capacity: a day on which an owner runs more than `capacity` actions whose [Start, End]
 *   overlap, naming the owner, the day and the actions; one check per day an action starts while the
 *   owner is over capacity. An action without both dates (or with End before Start, which the form
 *   refuses) is not scheduled yet and takes no day.
 * Owners and ranges match trimmed and without case (names.ts). The checks look only at the actions of
 * `semester`. The messages are said in `options.language` (English by default, planMessages.ts):
 * money with the language's decimal mark, zones and semesters with its names (S1 2027 in French).
 */
import type { Action } from "./action";
import type { PlanCheck, PlanContext } from "./contract";
import { caselessMap, groupByName, nameKey } from "./names";
import { moneyText, percentText, moneyAbove, sumMoney } from "./money";
import { isoDate } from "./pdca";
import { listed, planText } from "./planMessages";
import { previousSemester, semesterLabel } from "./semester";
import { cellNameIn, zoneName } from "../matrix";
import type { Language } from "../language";
import type { SpeakOptions } from "../readingProblems";

export function planChecks(
  actions: readonly Action[],
  semester: string,
  context: PlanContext,
  envelope: number | null,
  capacity: number,
  options: SpeakOptions = {}
): PlanCheck[] {
  const language = options.language ?? "en";
  if (!(Number.isInteger(capacity) && capacity >= 1)) {
    throw new RangeError(
      `an owner's capacity must be a whole number of actions, 1 or more, not ${capacity}`
    );
  }
  const plan = actions.filter((a) => a.semester === semester);
  return [
    ...harvestRanges(plan, context, language),
    ...investRangesWithoutAction(plan, semester, context, language),
    ...unrealisticObjectives(plan, semester, context, language),
    ...ownersNotInTeam(plan, context, language),
    ...repsWithoutAction(plan, semester, context, language),
    ...overEnvelope(plan, semester, envelope, language),
    ...overCapacity(plan, capacity, language),
  ];
}

/** Σ Budget by means, by owner and overall, exact to the cent (money.ts); groups named by first spelling. */
export function budgetTotals(actions: readonly Action[]): {
  byMeans: Map<string, number>;
  byOwner: Map<string, number>;
  total: number;
} {
  const sums = (groups: Map<string, Action[]>) =>
    new Map([...groups].map(([name, group]) => [name, sumMoney(group.map((a) => a.budget))]));
  return {
    byMeans: sums(groupByName(actions, (a) => a.means)),
    byOwner: sums(groupByName(actions, (a) => a.owner)),
    total: sumMoney(actions.map((a) => a.budget)),
  };
}

/**
 * True when a Unit means money earned: a currency sign or code (€ $ £, EUR USD GBP CHF) or the words
 * revenue, turnover, chiffre d'affaires, CA, ventes, or sales when no other word follows it ("net
 * sales" is money, "sales meetings" are meetings). Any case, accents and apostrophe style ignored.
 */
export function isRevenueUnit(unit: string): boolean {
  const text = unit
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2019`]/g, "'");
  return REVENUE_UNIT.test(text);
}

const REVENUE_UNIT =
  /[€$£]|\b(?:eur|usd|gbp|chf|revenues?|turnover|chiffre d'affaires|ca|ventes)\b|\bsales\b(?!\s+[a-z])/;

// ---------------------------------------------------------------------------------------------------------------

function harvestRanges(
  plan: readonly Action[],
  context: PlanContext,
  language: Language
): PlanCheck[] {
  const zones = caselessMap(context.zones);
  const checks: PlanCheck[] = [];
  for (const action of plan) {
    const place = action.range.trim() === "" ? undefined : zones.get(action.range);
    if (place?.zone !== "Harvest / divest") continue;
    checks.push({
      kind: "harvest-range",
      actionId: action.id,
      message: planText(
        "checks.harvestRange",
        {
          id: action.id,
          range: action.range.trim(),
          cell: cellNameIn(place.cell, language),
          zone: zoneName(place.zone, language),
        },
        language
      ),
    });
  }
  return checks;
}

function investRangesWithoutAction(
  plan: readonly Action[],
  semester: string,
  context: PlanContext,
  language: Language
): PlanCheck[] {
  const worked = new Set(plan.map((a) => nameKey(a.range)));
  return [...context.zones]
    .filter(([range, place]) => place.zone === "Invest / grow" && !worked.has(nameKey(range)))
    .map(([range, place]) => ({
      kind: "invest-range-without-action" as const,
      message: planText(
        "checks.investRangeWithoutAction",
        {
          range,
          cell: cellNameIn(place.cell, language),
          zone: zoneName(place.zone, language),
          semester: semesterLabel(semester, language),
        },
        language
      ),
    }));
}

function unrealisticObjectives(
  plan: readonly Action[],
  semester: string,
  context: PlanContext,
  language: Language
): PlanCheck[] {
  const previous = semesterLabel(previousSemester(semester), language);
  const byOwner = supportLookup(context.weightedByOwner, context.wonPreviousByOwner);
  const byRange = supportLookup(context.weightedByRange, context.wonPreviousByRange);
  const checks: PlanCheck[] = [];
  for (const action of plan) {
    if (action.objective === null || !isRevenueUnit(action.unit)) continue;
    const sides = [
      { name: action.owner.trim(), who: action.owner.trim(), lookup: byOwner },
      {
        name: action.range.trim(),
        who: planText("checks.rangeWho", { range: action.range.trim() }, language),
        lookup: byRange,
      },
    ];
    for (const { name, who, lookup } of sides) {
      if (name === "") continue;
      const support = lookup(name);
      const total = sumMoney([support.weighted, support.won]);
      if (!moneyAbove(action.objective, total)) continue;
      checks.push({
        kind: "unrealistic-objective",
        actionId: action.id,
        message: objectiveMessage(action, who, support, previous, language),
      });
    }
  }
  return checks;
}

function supportLookup(
  weighted: ReadonlyMap<string, number>,
  won: ReadonlyMap<string, number>
): (name: string) => { weighted: number; won: number } {
  const w = caselessMap(weighted);
  const v = caselessMap(won);
  return (name) => ({ weighted: w.get(name) ?? 0, won: v.get(name) ?? 0 });
}

function objectiveMessage(
  action: Action,
  who: string,
  support: { weighted: number; won: number },
  previous: string,
  language: Language
): string {
  const objective = action.objective ?? 0;
  const total = sumMoney([support.weighted, support.won]);
  const gap = sumMoney([objective, -total]);
  const money = (value: number) => moneyText(value, language);
  return planText(
    "checks.unrealisticObjective",
    {
      id: action.id,
      objective: money(objective),
      unit: action.unit.trim(),
      gap: money(gap),
      share: total > 0 ? ` (${percentText(gap / total, language)})` : "",
      who,
      weighted: money(support.weighted),
      previous,
      won: money(support.won),
      total: money(total),
    },
    language
  );
}

function ownersNotInTeam(
  plan: readonly Action[],
  context: PlanContext,
  language: Language
): PlanCheck[] {
  const team = new Set(context.team.map(nameKey));
  return plan
    .filter((a) => !team.has(nameKey(a.owner)) || a.owner.trim() === "")
    .map((a) => ({
      kind: "owner-not-in-team" as const,
      actionId: a.id,
      message:
        a.owner.trim() === ""
          ? planText("checks.noOwner", { id: a.id }, language)
          : planText("checks.ownerNotInTeam", { id: a.id, owner: a.owner.trim() }, language),
    }));
}

function repsWithoutAction(
  plan: readonly Action[],
  semester: string,
  context: PlanContext,
  language: Language
): PlanCheck[] {
  const owners = new Set(plan.map((a) => nameKey(a.owner)));
  const reps = groupByName(
    context.team.filter((rep) => rep.trim() !== ""),
    (rep) => rep
  );
  return [...reps.keys()]
    .filter((rep) => !owners.has(nameKey(rep)))
    .map((rep) => ({
      kind: "rep-without-action" as const,
      message: planText(
        "checks.repWithoutAction",
        { rep, semester: semesterLabel(semester, language) },
        language
      ),
    }));
}

function overEnvelope(
  plan: readonly Action[],
  semester: string,
  envelope: number | null,
  language: Language
): PlanCheck[] {
  if (envelope === null) return [];
  const total = budgetTotals(plan).total;
  if (!moneyAbove(total, envelope)) return [];
  const gap = sumMoney([total, -envelope]);
  return [
    {
      kind: "over-envelope",
      message: planText(
        "checks.overEnvelope",
        {
          semester: semesterLabel(semester, language),
          total: moneyText(total, language),
          gap: moneyText(gap, language),
          envelope: moneyText(envelope, language),
        },
        language
      ),
    },
  ];
}

function overCapacity(plan: readonly Action[], capacity: number, language: Language): PlanCheck[] {
  // A blank owner is owner-not-in-team's finding; nobody's capacity is at stake.
  const scheduled = plan.filter(
    (a) => a.owner.trim() !== "" && a.start !== null && a.end !== null && a.end >= a.start
  );
  const checks: PlanCheck[] = [];
  for (const [owner, actions] of groupByName(scheduled, (a) => a.owner)) {
    const starts = [...new Set(actions.map((a) => a.start as number))].sort((x, y) => x - y);
    for (const day of starts) {
      const running = actions.filter((a) => (a.start as number) <= day && day <= (a.end as number));
      if (running.length <= capacity) continue;
      const starting = running.filter((a) => a.start === day);
      checks.push({
        kind: "over-capacity",
        actionId: starting[starting.length - 1].id,
        message: planText(
          "checks.overCapacity",
          {
            owner,
            count: String(running.length),
            day: isoDate(day),
            capacity: String(capacity),
            ids: listed(running.map((a) => a.id)),
          },
          language
        ),
      });
    }
  }
  return checks;
}
