/**
 * The action plan as the pane holds it (issue 13): what was read from CarnetActionPlan (the base of the
 * next save), the pane's actions of every semester (the edited side), the semester shown, the ids issued,
 * the envelopes typed, and what the last save answered (conflicts to settle, actions deleted in Excel).
 * Pure: a reducer and what the views show, tested in jest. Every rule of the plan (semesters, ids, phases,
 * what an action may not be, carrying over, checks, totals, review) is the domain's: this module only calls
 * src/domain/actionPlan and arranges what it answers for the pane.
 */
import {
  ACTION_FIELDS,
  ACTION_PLAN_COLUMNS,
  type Action,
  type ActionPlanColumn,
  type Phase,
} from "../../domain/actionPlan/action";
import { carryOver } from "../../domain/actionPlan/carryOver";
import type { ActionConflict } from "../../domain/actionPlan/contract";
import { actionIdIssuer, nextActionId } from "../../domain/actionPlan/ids";
import { resolutionKey } from "../../domain/actionPlan/merge";
import { groupByName } from "../../domain/actionPlan/names";
import { actionProblems, isoDate, movePhase } from "../../domain/actionPlan/pdca";
import {
  nextSemester,
  previousSemester,
  semesterBounds,
  semesterOf,
} from "../../domain/actionPlan/semester";
import { serialFromYmd, ymdFromSerial } from "../../domain/dates";
import { headerIn } from "../../domain/actionPlan/rows";
import type { Language } from "../../domain/language";
import type { ActionPlanReading, ActionPlanSave } from "../../excel/plan/actionPlanPort";
import { formatSerialDate, sentence } from "../format";
import type { Text } from "../i18n/language";
import type { MessageKey } from "../i18n/messages";
import { readNumberInput } from "../matrixModel";
import type { Words } from "../words";

// ---------------------------------------------------------------------------------------------------------------
// The pane's state and its events

export interface PlanState {
  /** The plan as last read or saved; null before the first reading. */
  readonly reading: ActionPlanReading | null;
  /** What the pane read: the base of the three-way merge of the next save (the reading's actions). */
  readonly base: readonly Action[];
  /** The pane's actions, every semester, in the table's order then the pane's additions. */
  readonly actions: readonly Action[];
  /** The last Id issued, by the workbook or by the pane since: never issued again. */
  readonly lastId: string | null;
  /** The semester shown. */
  readonly semester: string;
  /** Semesters opened with New plan that have no action yet (the picker offers them). */
  readonly opened: readonly string[];
  /** Envelopes typed in the pane and not saved yet, by semester. */
  readonly envelopes: Readonly<Record<string, number | null>>;
  /** What the last save could not merge, to be settled one by one. */
  readonly conflicts: readonly ActionConflict[];
  /** The user's answer to each conflict, by conflictKey. */
  readonly resolutions: ReadonlyMap<string, "pane" | "sheet">;
  /** Actions the last save did not keep because they were deleted in Excel meanwhile. */
  readonly deletedInSheet: readonly DeletedAction[];
  /** What the last Carry over did (noticeText says it). */
  readonly notice: PlanNotice | null;
}

/** What a Carry over did: how many actions it brought from which semester. */
export interface PlanNotice {
  readonly carried: number;
  readonly from: string;
}

/** A Carry over's notice in words: "2 actions carried over from 2027-S1." */
export function noticeText(notice: PlanNotice, t: Text): string {
  return notice.carried === 0
    ? t("plan.carry.none", { semester: notice.from })
    : t("plan.carry.done", { count: notice.carried, semester: notice.from });
}

export interface DeletedAction {
  readonly id: string;
  /** The action's name as the pane last had it. */
  readonly action: string;
}

export type PlanEvent =
  | { readonly type: "read"; readonly reading: ActionPlanReading; readonly today: number }
  | { readonly type: "show"; readonly semester: string }
  | { readonly type: "new-plan" }
  | { readonly type: "add"; readonly action: Action }
  | { readonly type: "update"; readonly action: Action }
  | { readonly type: "delete"; readonly id: string }
  | { readonly type: "carry-over" }
  | { readonly type: "envelope"; readonly amount: number | null }
  | { readonly type: "conflicts"; readonly conflicts: readonly ActionConflict[] }
  | { readonly type: "resolve"; readonly key: string; readonly choice: "pane" | "sheet" }
  | {
      readonly type: "saved";
      readonly reading: ActionPlanReading;
      readonly deletedInSheet: readonly string[];
    };

/** A day of the calendar (today, by default) as an Excel serial day. */
export function serialOfDate(date = new Date()): number {
  return serialFromYmd(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** Before the first reading: nothing read, today's semester (the calendar year's; the reading corrects it). */
export function initialPlanState(today: number): PlanState {
  return {
    reading: null,
    base: [],
    actions: [],
    lastId: null,
    semester: semesterOf(today),
    opened: [],
    envelopes: {},
    conflicts: [],
    resolutions: new Map(),
    deletedInSheet: [],
    notice: null,
  };
}

export function planReducer(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case "read":
      return readPlan(state, event.reading, event.today);
    case "show":
      return { ...state, semester: event.semester, notice: null };
    case "new-plan":
      return newPlan(state);
    case "add":
      return addAction(state, event.action);
    case "update":
      return {
        ...state,
        actions: state.actions.map((a) => (a.id === event.action.id ? event.action : a)),
        notice: null,
      };
    case "delete":
      return { ...state, actions: state.actions.filter((a) => a.id !== event.id), notice: null };
    case "carry-over":
      return carryIntoShown(state);
    case "envelope":
      return { ...state, envelopes: { ...state.envelopes, [state.semester]: event.amount } };
    case "conflicts":
      return { ...state, conflicts: event.conflicts, resolutions: new Map(), notice: null };
    case "resolve":
      return {
        ...state,
        resolutions: new Map(state.resolutions).set(event.key, event.choice),
      };
    case "saved":
      return savedPlan(state, event.reading, event.deletedInSheet);
  }
}

/**
 * A reading replaces what the pane holds (the view reads only when nothing is left unsaved). The first
 * one picks the semester: today's when the plan has actions in it or has none at all, else the latest
 * semester with actions (a plan prepared ahead, or last year's workbook).
 */
function readPlan(state: PlanState, reading: ActionPlanReading, today: number): PlanState {
  const first = state.reading === null;
  const current = semesterOf(today, reading.fiscalStartMonth);
  const used = semestersOf(reading.actions);
  const semester = !first
    ? state.semester
    : used.length === 0 || used.includes(current)
      ? current
      : used[used.length - 1];
  return {
    ...state,
    reading,
    base: reading.actions,
    actions: reading.actions,
    lastId: reading.lastId,
    semester,
    conflicts: [],
    resolutions: new Map(),
    envelopes: {},
    deletedInSheet: [],
  };
}

/** New plan: the semester after the latest one the pane knows, empty, to fill from scratch or carry over. */
function newPlan(state: PlanState): PlanState {
  const known = semesterChoices(state);
  const semester = nextSemester(known[known.length - 1] ?? state.semester);
  return { ...state, semester, opened: [...state.opened, semester], notice: null };
}

/** The next Id: above every Id the workbook or the pane holds and above the last one ever issued. */
export function nextId(state: PlanState): string {
  return nextActionId(idsOf(state), state.lastId);
}

function idsOf(state: PlanState): Set<string> {
  return new Set([...state.base, ...state.actions].map((a) => a.id));
}

function addAction(state: PlanState, action: Action): PlanState {
  const id = nextId(state);
  return {
    ...state,
    actions: [...state.actions, { ...action, id }],
    lastId: id,
    notice: null,
  };
}

/** Carry over into the semester shown, from the one before it (the domain decides which actions go). */
function carryIntoShown(state: PlanState): PlanState {
  const from = previousSemester(state.semester);
  const issuer = actionIdIssuer(idsOf(state), state.lastId);
  const carried = carryOver(
    state.actions,
    from,
    state.semester,
    issuer.next,
    state.reading?.fiscalStartMonth ?? 1
  );
  return {
    ...state,
    actions: [...state.actions, ...carried],
    lastId: issuer.issued(),
    notice: { carried: carried.length, from },
  };
}

/** After a save the workbook's plan is the pane's: the next save merges from it. */
function savedPlan(
  state: PlanState,
  reading: ActionPlanReading,
  deletedInSheet: readonly string[]
): PlanState {
  const named = new Map(state.actions.map((a) => [a.id, a.action]));
  const envelopes = { ...state.envelopes };
  delete envelopes[state.semester];
  return {
    ...state,
    reading,
    base: reading.actions,
    actions: reading.actions,
    lastId: laterId(reading.lastId, state.lastId),
    conflicts: [],
    resolutions: new Map(),
    envelopes,
    deletedInSheet: deletedInSheet.map((id) => ({ id, action: named.get(id) ?? "" })),
    notice: null,
  };
}

/** The later of two issued Ids (nextActionId decides what "later" is: it issues above both). */
function laterId(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  return nextActionId([a], null) === nextActionId([a, b], null) ? a : b;
}

// ---------------------------------------------------------------------------------------------------------------
// What the pane shows of the state

/** The semesters the picker offers: those with actions, those opened, today's and the one shown. */
export function semesterChoices(state: PlanState): string[] {
  return [...new Set([...semestersOf(state.actions), ...state.opened, state.semester])].sort();
}

function semestersOf(actions: readonly Action[]): string[] {
  return [...new Set(actions.map((a) => a.semester))].sort();
}

/** The semester's actions, by Order (actions without one last), then as the table holds them. */
export function semesterActions(actions: readonly Action[], semester: string): Action[] {
  return actions
    .filter((a) => a.semester === semester)
    .map((action, index) => ({ action, index }))
    .sort((a, b) => byOrder(a.action, b.action) || a.index - b.index)
    .map((x) => x.action);
}

function byOrder(a: Action, b: Action): number {
  if (a.order === b.order) return 0;
  if (a.order === null) return 1;
  if (b.order === null) return -1;
  return a.order - b.order;
}

/** The shown semester's envelope: typed in the pane and not saved yet, else the workbook's. */
export function envelopeOf(state: PlanState): number | null {
  if (state.semester in state.envelopes) return state.envelopes[state.semester];
  return state.reading?.envelopes[state.semester] ?? null;
}

/** Whether the pane holds something the workbook does not: edited actions or a typed envelope. */
export function hasUnsavedChanges(state: PlanState): boolean {
  return (
    Object.keys(state.envelopes).length > 0 ||
    JSON.stringify(state.actions) !== JSON.stringify(state.base)
  );
}

/** The key of a conflict's answer, as the merge reads resolutions. */
export function conflictKey(conflict: Pick<ActionConflict, "id" | "field">): string {
  return resolutionKey(conflict.id, conflict.field);
}

/** Whether every conflict of the last save has an answer. */
export function allResolved(state: PlanState): boolean {
  return state.conflicts.every((c) => state.resolutions.has(conflictKey(c)));
}

/** What Save sends: the base read, every action the pane holds, the answers, the shown semester's envelope. */
export function saveRequest(state: PlanState): ActionPlanSave {
  const envelope =
    state.semester in state.envelopes
      ? { semester: state.semester, amount: state.envelopes[state.semester] }
      : undefined;
  return {
    semester: state.semester,
    base: state.base,
    edited: state.actions,
    ...(state.resolutions.size > 0 ? { resolutions: state.resolutions } : {}),
    ...(envelope ? { envelope } : {}),
    lastId: state.lastId,
  };
}

/** What the pane says after a save: "Saved to CarnetActionPlan: 6 actions in 2027-S1, 9 in all." */
export function savedMessage(state: PlanState, semester: string, t: Text): string {
  const count = state.actions.filter((a) => a.semester === semester).length;
  return t("plan.saved", { count, semester, total: state.actions.length });
}

/** What the pane says once the review is written: "Review of 2027-S1 written to … with 1 chart." */
export function reviewMessage(
  semester: string,
  result: { readonly sheet: string; readonly charts: readonly string[] },
  t: Text
): string {
  return t("plan.review.written", { semester, sheet: result.sheet, count: result.charts.length });
}

/** The semester's first and last day, for the form's checks and the timeline. */
export function boundsOf(state: PlanState): { start: number; end: number } {
  return semesterBounds(state.semester, state.reading?.fiscalStartMonth ?? 1);
}

// ---------------------------------------------------------------------------------------------------------------
// Values as the pane shows them

/** An Excel serial day as the date inputs hold it and the domain's messages write it: 2027-02-01. */
export { isoDate };

/**
 * A day as the plan's views show it: in the display locale ("Feb 1, 2027", "1 févr. 2027"), as every
 * date the pane shows. The date inputs keep ISO (2027-02-01), the one form typed alike in any locale.
 */
export function planDate(serial: number, words: Pick<Words, "locale">): string {
  return formatSerialDate(serial, words.locale);
}

/** A column's header in the pane's language: the domain's French header in French (rows.ts). */
export function columnLabel(column: ActionPlanColumn, language: Language): string {
  return headerIn(column, language);
}

const PHASE_KEYS: Readonly<Record<Phase, MessageKey>> = {
  Plan: "plan.phase.Plan",
  Do: "plan.phase.Do",
  Check: "plan.phase.Check",
  Act: "plan.phase.Act",
};

/** A phase's name in the pane's language (Planifier, Faire, Vérifier, Agir: those rows.ts reads). */
export function phaseLabel(phase: Phase, t: Text): string {
  return t(PHASE_KEYS[phase]);
}

const DATE_FIELDS: ReadonlySet<keyof Action> = new Set(["start", "end"]);

/** A field's value in words, for a conflict: dates as dates, blanks said. */
export function fieldText(field: keyof Action, value: Action[keyof Action], words: Words): string {
  if (value === null || value === "") return words.t("plan.blank");
  if (typeof value === "number" && DATE_FIELDS.has(field)) return planDate(value, words);
  if (field === "phase") return phaseLabel(value as Phase, words.t);
  return String(value);
}

/** A field's column header, for a conflict: "Actual result" for actualResult. */
export function columnOf(field: keyof Action): ActionPlanColumn {
  const found = (Object.keys(ACTION_FIELDS) as ActionPlanColumn[]).find(
    (c) => ACTION_FIELDS[c] === field
  );
  return found ?? (field as ActionPlanColumn);
}

/** An action's short name: "A-0003 Trade fair Lyon". */
export function actionName(action: Pick<Action, "id" | "action">): string {
  return action.action ? `${action.id} ${action.action}` : action.id;
}

// ---------------------------------------------------------------------------------------------------------------
// The form: what is typed, and the action it makes

/** The columns the pane fills itself, never typed in the form. */
const NOT_IN_FORM = ["Id", "Semester", "Carried from"] as const;
export type FormField = Exclude<ActionPlanColumn, (typeof NOT_IN_FORM)[number]>;

/**
 * The form's fields, by their visible labels: the plan's columns, in their order, but those the pane
 * fills (a public contract: the browser tests find them by name).
 */
export const FORM_FIELDS: readonly FormField[] = Object.freeze(
  ACTION_PLAN_COLUMNS.filter(
    (column): column is FormField => !(NOT_IN_FORM as readonly string[]).includes(column)
  )
);

/** What the form holds: each field as typed (dates as yyyy-mm-dd, the date inputs' value). */
export type ActionDraft = Readonly<Record<FormField, string>>;

const NUMBER_FIELDS: ReadonlySet<FormField> = new Set([
  "Objective",
  "Order",
  "Budget",
  "Actual result",
  "Actual cost",
]);
const DATE_LABELS: ReadonlySet<FormField> = new Set(["Start", "End"]);

/** An empty form: a new action, in Plan. */
export function emptyDraft(): ActionDraft {
  const draft = Object.fromEntries(FORM_FIELDS.map((f) => [f, ""])) as Record<FormField, string>;
  return { ...draft, Phase: "Plan" };
}

/** The form filled with an action, to edit it. */
export function draftOf(action: Action): ActionDraft {
  const entries = FORM_FIELDS.map((label) => {
    const value = action[ACTION_FIELDS[label]];
    if (value === null) return [label, ""];
    if (typeof value === "number" && DATE_LABELS.has(label)) return [label, isoDate(value)];
    return [label, String(value)];
  });
  return Object.fromEntries(entries) as Record<FormField, string>;
}

/** What the form refuses, by field; "form" for what no field can be blamed for. */
export type FormProblems = Partial<Record<FormField | "form", string[]>>;

export type DraftOutcome =
  | { readonly ok: true; readonly action: Action }
  | { readonly ok: false; readonly problems: FormProblems };

/**
 * The action the form makes, or what it refuses and where: numbers and dates that cannot be read, then
 * the phase's move (movePhase: Plan → Do → Check → Act), then what the domain refuses of the action in
 * its semester (actionProblems). `original` is the action edited (null for a new one); a new action is
 * made in Plan with the Id `id`, in `semester`, and moved to the phase chosen.
 */
export function actionFromDraft(
  draft: ActionDraft,
  original: Action | null,
  context: {
    readonly id: string;
    readonly semester: string;
    readonly bounds: { start: number; end: number };
    /** The pane's words: what the form itself refuses is said in them. */
    readonly words: Words;
  }
): DraftOutcome {
  const problems: FormProblems = {};
  const read = readDraftValues(draft, problems, context.words);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const before: Action = {
    id: original?.id ?? context.id,
    semester: original?.semester ?? context.semester,
    carriedFrom: original?.carriedFrom ?? "",
    ...read,
    phase: original?.phase ?? "Plan",
  } as Action;
  let action = before;
  const phase = draft.Phase as Phase;
  const { language } = context.words;
  if (phase !== before.phase) {
    const moved = movePhase(before, phase, { language });
    if (!moved.ok)
      return { ok: false, problems: placeProblems([moved.problem], "Phase", language) };
    action = moved.action;
  }
  const refused = actionProblems(action, context.bounds, { language });
  if (refused.length > 0) return { ok: false, problems: placeProblems(refused, "form", language) };
  return { ok: true, action };
}

/** The form's values as the action's fields; what cannot be read goes into `problems`, by field. */
function readDraftValues(
  draft: ActionDraft,
  problems: FormProblems,
  words: Words
): Partial<Action> {
  const { t, language } = words;
  const values: Record<string, string | number | null> = {};
  for (const label of FORM_FIELDS) {
    if (label === "Phase") continue;
    const text = draft[label].trim();
    const field = ACTION_FIELDS[label];
    const shown = columnLabel(label, language);
    if (text === "") values[field] = NUMBER_FIELDS.has(label) || DATE_LABELS.has(label) ? null : "";
    else if (NUMBER_FIELDS.has(label)) {
      const reading = readNumberInput(text, false, words);
      if ("problem" in reading)
        problems[label] = [t("plan.form.fieldProblem", { field: shown, problem: reading.problem })];
      else values[field] = reading.value;
    } else if (DATE_LABELS.has(label)) {
      const serial = dateInput(text);
      if (serial === null) problems[label] = [t("plan.form.notDate", { field: shown, text })];
      else values[field] = serial;
    } else values[field] = text;
  }
  return values as Partial<Action>;
}

/** A date input's value (yyyy-mm-dd) as an Excel serial day; null when it is not a date Excel holds. */
export function dateInput(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  try {
    return serialFromYmd(Number(match[1]), Number(match[2]), Number(match[3]));
  } catch {
    return null;
  }
}

/**
 * Each of the domain's problems next to the field it names first ("End 2027-01-05 is before Start …" goes
 * to End): the label found earliest in the message, the longest when two start at the same place
 * ("Actual cost" rather than a shorter label); a problem naming no field goes to `otherwise` (under the
 * form, or next to the phase for a refused move).
 */
export function placeProblems(
  problems: readonly string[],
  otherwise: FormField | "form" = "form",
  language: Language = "en"
): FormProblems {
  const placed: FormProblems = {};
  for (const problem of problems) {
    const field = fieldNamed(problem, language) ?? otherwise;
    placed[field] = [...(placed[field] ?? []), problem];
  }
  return placed;
}

function fieldNamed(problem: string, language: Language): FormField | null {
  let best: { field: FormField; at: number; label: string } | null = null;
  for (const field of FORM_FIELDS) {
    // The problem names the field by its header in the language it is said in (pdca.ts).
    const label = columnLabel(field, language);
    const at = wordIndex(problem, label);
    if (at < 0) continue;
    if (!best || at < best.at || (at === best.at && label.length > best.label.length))
      best = { field, at, label };
  }
  return best?.field ?? null;
}

/** Where `word` first appears in `text` as whole words, any case; -1 when it does not. */
function wordIndex(text: string, word: string): number {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`(^|[^\\p{L}\\p{N}])(${escaped})(?![\\p{L}\\p{N}])`, "iu").exec(text);
  return match ? match.index + match[1].length : -1;
}

// ---------------------------------------------------------------------------------------------------------------
// The form's open lists

/** The Means offered: the handbook's, then those the plan already uses, each once (any case). */
export function meansChoices(handbook: readonly string[], actions: readonly Action[]): string[] {
  return uniqueTexts([...handbook, ...actions.map((a) => a.means)]);
}

/** The Owners offered: the team, the plan's owners and anyone typed in the pane, each once. */
export function ownerChoices(team: readonly string[], actions: readonly Action[]): string[] {
  return uniqueTexts([...team, ...actions.map((a) => a.owner)]);
}

/** The Ranges offered: the matrix's product ranges, then those the plan already names. */
export function rangeChoices(zones: Iterable<string>, actions: readonly Action[]): string[] {
  return uniqueTexts([...zones, ...actions.map((a) => a.range)]);
}

/** The Units offered: a revenue and a count seed (in the pane's language), then those the plan uses. */
export function unitChoices(actions: readonly Action[], t: Text): string[] {
  return uniqueTexts([
    t("plan.unit.revenue"),
    t("plan.unit.meetings"),
    ...actions.map((a) => a.unit),
  ]);
}

/** Each name once, matched as the plan matches names (names.ts), under its first spelling; blanks left out. */
function uniqueTexts(texts: readonly string[]): string[] {
  return [...groupByName(texts, (t) => t).keys()].filter((t) => t !== "");
}

// ---------------------------------------------------------------------------------------------------------------
// The semester's timeline: actions as bars, grouped by owner, in order

export interface TimelineBar {
  readonly action: Action;
  readonly y: number;
  /** Where the bar starts and how wide it is, clipped to the semester; null without both dates. */
  readonly x: number | null;
  readonly width: number;
  /** The bar's <title>: the action, its owner, its dates and its phase. */
  readonly title: string;
  /** The words on the bar (name and phase, shortened), where they go and which way they run. */
  readonly label: string;
  readonly labelX: number;
  readonly anchor: "start" | "end";
}

export interface TimelineLane {
  readonly owner: string;
  /** The owner's label, above their bars. */
  readonly y: number;
  readonly bars: readonly TimelineBar[];
}

export interface TimelineLayout {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly months: readonly { readonly x: number; readonly text: string }[];
  readonly lanes: readonly TimelineLane[];
  /** The figure in one sentence: the semester, how many actions by how many owners, those without dates. */
  readonly summary: string;
}

/** The timeline's geometry, in SVG user units (the drawing scales to the pane's width). */
export const TIMELINE_GEOMETRY = {
  width: 300,
  left: 4,
  right: 296,
  top: 14,
  laneLabel: 14,
  bar: 12,
  row: 16,
  bottom: 4,
} as const;

/** The semester's actions on its days: one lane per owner (by name, no owner last), bars by Order then Start. */
export function timelineLayout(
  actions: readonly Action[],
  bounds: { readonly start: number; readonly end: number },
  semester: string,
  words: Words
): TimelineLayout {
  const g = TIMELINE_GEOMETRY;
  const days = bounds.end - bounds.start + 1;
  const xOf = (serial: number) =>
    g.left +
    ((Math.min(Math.max(serial, bounds.start), bounds.end + 1) - bounds.start) / days) *
      (g.right - g.left);
  let y = g.top;
  const noOwner = words.t("plan.timeline.noOwner");
  const lanes = ownerGroups(actions).map(([owner, members]) => {
    const laneY = y;
    y += g.laneLabel;
    const bars = members.map((action) => {
      const bar = barOf(action, y, xOf, words);
      y += g.row;
      return bar;
    });
    return { owner: owner || noOwner, y: laneY, bars };
  });
  return {
    width: g.width,
    height: y + g.bottom,
    left: g.left,
    right: g.right,
    top: g.top,
    months: monthTicks(bounds, xOf, words.locale),
    lanes,
    summary: timelineSummary(actions, lanes, bounds, semester, words),
  };
}

/**
 * Owners matched as the plan matches names (names.ts): "anne " and "Anne" share a lane; the actions
 * without an owner ("" here) make the last one.
 */
function ownerGroups(actions: readonly Action[]): [string, Action[]][] {
  const groups = [...groupByName(actions, (a) => a.owner)];
  const byStart = (a: Action, b: Action) => (a.start ?? Infinity) - (b.start ?? Infinity);
  return groups
    .sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)))
    .map(([owner, members]) => [
      owner,
      members
        .map((action, index) => ({ action, index }))
        .sort(
          (a, b) => byOrder(a.action, b.action) || byStart(a.action, b.action) || a.index - b.index
        )
        .map((m) => m.action),
    ]);
}

function barOf(
  action: Action,
  y: number,
  xOf: (serial: number) => number,
  words: Words
): TimelineBar {
  const g = TIMELINE_GEOMETRY;
  const { t } = words;
  const dated = action.start !== null && action.end !== null;
  const x = dated ? xOf(action.start!) : null;
  const width = dated ? Math.max(xOf(action.end! + 1) - x!, 2) : 0;
  const when = dated
    ? t("plan.timeline.dates", {
        start: planDate(action.start!, words),
        end: planDate(action.end!, words),
      })
    : t("plan.timeline.noDate");
  const owner = action.owner.trim() || t("plan.timeline.noOwner");
  const name = shortened(action.action || action.id, 24);
  const phase = phaseLabel(action.phase, t);
  const label = [name, phase, dated ? "" : t("plan.timeline.noDates")].filter(Boolean).join(" · ");
  // A bar in the right half is labelled leftwards from its end, so its words stay inside the figure.
  const rightward = x === null || x < (g.left + g.right) / 2;
  return {
    action,
    y,
    x,
    width,
    title: t("plan.timeline.title", { action: actionName(action), owner, when, phase }),
    label,
    labelX: rightward ? (x ?? g.left) + 3 : x! + width - 3,
    anchor: rightward ? "start" : "end",
  };
}

function shortened(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The first day of each month of the semester, for the axis, named in the locale ("Jan", "janv."). */
function monthTicks(
  bounds: { readonly start: number; readonly end: number },
  xOf: (serial: number) => number,
  locale: string
): { x: number; text: string }[] {
  const ticks: { x: number; text: string }[] = [];
  const monthName = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
  let { year, month } = ymdFromSerial(bounds.start);
  for (let first = bounds.start; first <= bounds.end;) {
    ticks.push({ x: xOf(first), text: monthName.format(Date.UTC(year, month - 1, 1)) });
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
    first = serialFromYmd(year, month, 1);
  }
  return ticks;
}

function timelineSummary(
  actions: readonly Action[],
  lanes: readonly TimelineLane[],
  bounds: { readonly start: number; readonly end: number },
  semester: string,
  words: Words
): string {
  const { t } = words;
  const head = {
    semester,
    start: planDate(bounds.start, words),
    end: planDate(bounds.end, words),
  };
  if (actions.length === 0) return t("plan.timeline.empty", head);
  const list = lanes.map((l) => `${l.owner} ${l.bars.length}`).join(", ");
  const undated = actions.filter((a) => a.start === null || a.end === null).length;
  const figures = { ...head, count: actions.length, owners: lanes.length, list, undated };
  return t(undated > 0 ? "plan.timeline.summaryUndated" : "plan.timeline.summary", figures);
}

// ---------------------------------------------------------------------------------------------------------------
// Budget totals and checks, as lines

export interface AmountLine {
  readonly name: string;
  readonly amount: number;
}

/** A total's lines, largest first (then by name): where the money goes. */
export function amountLines(totals: ReadonlyMap<string, number>, t: Text): AmountLine[] {
  return [...totals]
    .map(([name, amount]) => ({ name: name.trim() || t("plan.none"), amount }))
    .sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name));
}

/** A check as a line of the list: its words as a sentence, and its action's row once it has one. */
export function checkLine(
  check: { readonly actionId?: string; readonly message: string },
  rowAddress: ReadonlyMap<string, string> | undefined
): { text: string; address: string | null } {
  const address = check.actionId ? (rowAddress?.get(check.actionId) ?? null) : null;
  return { text: sentence(check.message), address };
}
