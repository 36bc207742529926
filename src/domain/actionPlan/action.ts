/**
 * An action of the semester's sales action plan (plan d'actions commerciales), one row of the public
 * `CarnetActionPlan` table. The columns, in this order, are a public interface (domain.md): renaming
 * or reordering them breaks users' formulas and pivot tables.
 */

/** The Plan–Do–Check–Act phase of an action: Plan (planned), Do (in progress), Check (actual vs objective), Act (corrective action). */
export type Phase = "Plan" | "Do" | "Check" | "Act";
export const PHASES: readonly Phase[] = Object.freeze(["Plan", "Do", "Check", "Act"]);

/** CarnetActionPlan's headers, in order (domain.md). */
export const ACTION_PLAN_COLUMNS = Object.freeze([
  "Id",
  "Semester",
  "Action",
  "Means",
  "Target",
  "Range",
  "Objective",
  "Unit",
  "Owner",
  "Start",
  "End",
  "Order",
  "Budget",
  "Phase",
  "Actual result",
  "Actual cost",
  "Corrective action",
  "Carried from",
  "Comment",
] as const);
export type ActionPlanColumn = (typeof ACTION_PLAN_COLUMNS)[number];

/**
 * One action. Texts are kept as typed (an id, "+33…", "40 rendez-vous" stay text); dates are Excel
 * serial day numbers (src/domain/dates.ts); a blank number is null.
 */
export interface Action {
  /** Stable text, `A-0001`, never reused (not even after the action is deleted). */
  readonly id: string;
  /** `2027-S1` (domain.md: semesters, with the workbook's fiscal year start). */
  readonly semester: string;
  readonly action: string;
  /** An open list seeded with the handbook's means (tele-prospecting, trade fair, …). */
  readonly means: string;
  /** Segment, customers or a product range. */
  readonly target: string;
  /** The matrix's product range when the action is about one, else "". */
  readonly range: string;
  readonly objective: number | null;
  /** `meetings`, `€ revenue`, … */
  readonly unit: string;
  readonly owner: string;
  readonly start: number | null;
  readonly end: number | null;
  readonly order: number | null;
  readonly budget: number | null;
  readonly phase: Phase;
  readonly actualResult: number | null;
  readonly actualCost: number | null;
  readonly correctiveAction: string;
  /** The Id of the action of an earlier semester this one was carried over from, else "". */
  readonly carriedFrom: string;
  readonly comment: string;
}

/** The Action field of each column, in column order. */
export const ACTION_FIELDS: Readonly<Record<ActionPlanColumn, keyof Action>> = Object.freeze({
  Id: "id",
  Semester: "semester",
  Action: "action",
  Means: "means",
  Target: "target",
  Range: "range",
  Objective: "objective",
  Unit: "unit",
  Owner: "owner",
  Start: "start",
  End: "end",
  Order: "order",
  Budget: "budget",
  Phase: "phase",
  "Actual result": "actualResult",
  "Actual cost": "actualCost",
  "Corrective action": "correctiveAction",
  "Carried from": "carriedFrom",
  Comment: "comment",
});

/** The handbook's means, the open list's seed. */
export const HANDBOOK_MEANS: readonly string[] = Object.freeze([
  "Tele-prospecting",
  "Trade fair",
  "Visits to existing customers",
  "Mailing",
]);

/** An action with every field blank and phase Plan: a new row, or what an action is before anyone fills it in. */
export function blankAction(id: string, semester = ""): Action {
  return {
    id,
    semester,
    action: "",
    means: "",
    target: "",
    range: "",
    objective: null,
    unit: "",
    owner: "",
    start: null,
    end: null,
    order: null,
    budget: null,
    phase: "Plan",
    actualResult: null,
    actualCost: null,
    correctiveAction: "",
    carriedFrom: "",
    comment: "",
  };
}
