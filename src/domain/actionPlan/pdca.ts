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
 * Messages name fields by their column header, as the user sees them in the table and the form, in
 * the language asked (English by default; planMessages.ts): "Résultat réel", "Vérifier" in French.
 */
import { PHASES, type Action, type Phase } from "./action";
import { ymdFromSerial } from "../dates";
import { decimalIn, type SpeakOptions } from "../readingProblems";
import { planText } from "./planMessages";
import { headerIn, phaseLabel } from "./rows";

export type PhaseMove = { ok: true; action: Action } | { ok: false; problem: string };

/** The action in phase `to`, or why it cannot go there now. */
export function movePhase(action: Action, to: Phase, options: SpeakOptions = {}): PhaseMove {
  const language = options.language ?? "en";
  const from = PHASES.indexOf(action.phase);
  const phase = (p: Phase) => phaseLabel(p, language);
  const step = PHASES.indexOf(to) - from;
  if (step === 0) return { ok: true, action };
  if (step === -1) return { ok: true, action: { ...action, phase: to } };
  if (step < -1) {
    return {
      ok: false,
      problem: planText(
        "pdca.reopen",
        { from: phase(action.phase), to: phase(PHASES[from - 1]) },
        language
      ),
    };
  }
  if (step > 1) {
    return {
      ok: false,
      problem: planText(
        "pdca.oneStep",
        { from: phase(action.phase), to: phase(PHASES[from + 1]) },
        language
      ),
    };
  }
  const missing = phaseRequirements(action, to, options);
  return missing.length > 0
    ? { ok: false, problem: missing[0] }
    : { ok: true, action: { ...action, phase: to } };
}

/** What an action lacks to be in `phase` (the requirements of every phase up to it), in words. */
export function phaseRequirements(
  action: Action,
  phase: Phase,
  options: SpeakOptions = {}
): string[] {
  const language = options.language ?? "en";
  const reached = PHASES.indexOf(phase);
  const missing: string[] = [];
  const named = { phase: phaseLabel(phase, language) };
  if (reached >= PHASES.indexOf("Check") && action.actualResult === null) {
    missing.push(planText("pdca.needsActualResult", named, language));
  }
  if (reached >= PHASES.indexOf("Act") && action.correctiveAction.trim() === "") {
    missing.push(planText("pdca.needsCorrectiveAction", named, language));
  }
  return missing;
}

/** Everything the action form must refuse, in words; [] when the action can be saved. */
export function actionProblems(
  action: Action,
  bounds?: { start: number; end: number },
  options: SpeakOptions = {}
): string[] {
  const language = options.language ?? "en";
  const problems: string[] = [];
  if (action.action.trim() === "") problems.push(planText("pdca.actionRequired", {}, language));
  const { start, end } = action;
  if (start !== null && end !== null && end < start) {
    problems.push(
      planText("pdca.endBeforeStart", { end: isoDate(end), start: isoDate(start) }, language)
    );
  }
  if (bounds !== undefined) {
    const semester = { from: isoDate(bounds.start), to: isoDate(bounds.end) };
    for (const [column, day] of [
      ["Start", start],
      ["End", end],
    ] as const) {
      if (day !== null && (day < bounds.start || day > bounds.end)) {
        const where = { column: headerIn(column, language), day: isoDate(day), ...semester };
        problems.push(planText("pdca.outsideSemester", where, language));
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
    if (value !== null && value < 0) {
      const shown = {
        column: headerIn(column, language),
        value: decimalIn(language, String(value)),
      };
      problems.push(planText("pdca.negative", shown, language));
    }
  }
  problems.push(...phaseRequirements(action, action.phase, options));
  return problems;
}

/** A serial day as `2027-03-01`, as the messages show dates whatever the workbook's locale. */
export function isoDate(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
