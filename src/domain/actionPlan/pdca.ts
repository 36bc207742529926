/**
 * The PDCA loop of an action (domain.md, "Sales action plan"): Plan (planned), Do (in progress),
 * Check (actual vs objective, budget vs actual), Act (corrective action, carried into the next plan);
 * and what the action form must refuse. The rules, each with why:
 * - Forward one step at a time, Plan → Do → Check → Act: skipping Check would close an action nobody
 *   measured, and skipping Do would check an action that never ran.
 * - Check needs an Actual result; a blank Actual cost is allowed and means no cost recorded (many
 *   actions, calls or visits, cost nothing beyond salaries). Act needs a Corrective action, which is
 *   what carrying over turns into next semester's action. The requirements add up: an action in Act
 *   also needs its Actual result.
 * - Back one step (reopen) is always allowed and keeps what was recorded: the user corrects a figure
 *   or resumes an action; clearing their typing would lose it. Back two steps or more is refused like
 *   skipping forward, so the loop reads the same both ways.
 * - The form refuses: a blank Action; End before Start; a date outside the semester when its bounds
 *   are given; a negative Objective, Budget, Actual result or Actual cost (a result or spending cannot
 *   be below zero; a fall is an objective of its own, such as "churned customers"); and a phase whose
 *   requirements are not met (typed in Excel, or cleared after the move).
 * Messages name fields by their column header, as the user sees them in the table and the form.
 */
import { PHASES, type Action, type Phase } from "./action";
import { ymdFromSerial } from "../dates";

export type PhaseMove = { ok: true; action: Action } | { ok: false; problem: string };

/** The action in phase `to`, or why it cannot go there now. */
export function movePhase(action: Action, to: Phase): PhaseMove {
  const from = PHASES.indexOf(action.phase);
  const step = PHASES.indexOf(to) - from;
  if (step === 0) return { ok: true, action };
  if (step === -1) return { ok: true, action: { ...action, phase: to } };
  if (step < -1) {
    return {
      ok: false,
      problem: `reopen one step at a time: from ${action.phase} back to ${PHASES[from - 1]}`,
    };
  }
  if (step > 1) {
    return {
      ok: false,
      problem: `one step at a time: from ${action.phase} the next phase is ${PHASES[from + 1]}`,
    };
  }
  const missing = phaseRequirements(action, to);
  return missing.length > 0
    ? { ok: false, problem: missing[0] }
    : { ok: true, action: { ...action, phase: to } };
}

/** What an action lacks to be in `phase` (the requirements of every phase up to it), in words. */
export function phaseRequirements(action: Action, phase: Phase): string[] {
  const reached = PHASES.indexOf(phase);
  const missing: string[] = [];
  if (reached >= PHASES.indexOf("Check") && action.actualResult === null) {
    missing.push(
      `${phase} needs an Actual result: record what the action achieved (Actual cost may stay blank: no cost recorded)`
    );
  }
  if (reached >= PHASES.indexOf("Act") && action.correctiveAction.trim() === "") {
    missing.push(`${phase} needs a Corrective action: say what to do differently next semester`);
  }
  return missing;
}

/** Everything the action form must refuse, in words; [] when the action can be saved. */
export function actionProblems(action: Action, bounds?: { start: number; end: number }): string[] {
  const problems: string[] = [];
  if (action.action.trim() === "") problems.push("Action is required: say what will be done");
  const { start, end } = action;
  if (start !== null && end !== null && end < start) {
    problems.push(`End ${isoDate(end)} is before Start ${isoDate(start)}`);
  }
  if (bounds !== undefined) {
    const semester = `${isoDate(bounds.start)} to ${isoDate(bounds.end)}`;
    for (const [column, day] of [
      ["Start", start],
      ["End", end],
    ] as const) {
      if (day !== null && (day < bounds.start || day > bounds.end)) {
        problems.push(`${column} ${isoDate(day)} is outside the semester (${semester})`);
      }
    }
  }
  const amounts = [
    ["Objective", action.objective],
    ["Budget", action.budget],
    ["Actual result", action.actualResult],
    ["Actual cost", action.actualCost],
  ] as const;
  for (const [column, value] of amounts) {
    if (value !== null && value < 0)
      problems.push(`${column} ${value} is negative: it must be 0 or more`);
  }
  problems.push(...phaseRequirements(action, action.phase));
  return problems;
}

/** A serial day as `2027-03-01`, as the messages show dates whatever the workbook's locale. */
export function isoDate(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
