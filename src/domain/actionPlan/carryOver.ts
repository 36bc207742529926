/**
 * Carrying a semester's plan over into another (domain.md: "Act fills Corrective action; carrying over
 * makes a new action in the next semester with Carried from = the old Id"). The rules, each with why:
 * - An action of `from` still open (Plan or Do) becomes the same action in `to`: it has not been done,
 *   so it is still to do.
 * - An action of `from` in Act with a Corrective action becomes a new action whose Action is that
 *   corrective action: the lesson learnt is next semester's work. Act with a blank Corrective action
 *   (typed in Excel) has nothing to carry.
 * - An action in Check is done and measured, not carried: carrying it would plan it twice.
 * - The new action keeps Means, Target, Range, Unit, Owner, Objective, Budget and Order; its Phase is
 *   Plan; Actual result, Actual cost, Corrective action and Comment are blank (they were about the old
 *   semester's run); Carried from is the old Id; its Id comes from `issueId` (ids are issued in one
 *   place, src/domain/actionPlan/ids.ts).
 * - Dates move by the months between the two semesters' starts (six for the next semester), keeping
 *   the day of the month (the trade fair of 15 March → 15 September), the last day of a shorter month
 *   when that day does not exist (31 August → 28 or 29 February); then they are kept inside `to`'s
 *   bounds. A fixed number of days would drift (S1 has 181 days, S2 184). A blank date stays blank.
 * - An action already carried (some action of `to` has Carried from = its Id, compared without case)
 *   is not carried again: carrying over twice, or after carrying by hand, must not double the plan.
 */
import { type Action } from "./action";
import { serialFromYmd, ymdFromSerial } from "../dates";
import { semesterBounds } from "./semester";

/** The new actions of `to` carried from `from` (the plan's other actions are left as they are). */
export function carryOver(
  actions: readonly Action[],
  from: string,
  to: string,
  issueId: () => string,
  fiscalStartMonth = 1
): Action[] {
  if (from === to)
    throw new RangeError(`carry ${from} over into another semester, not into itself`);
  const source = semesterBounds(from, fiscalStartMonth);
  const target = semesterBounds(to, fiscalStartMonth);
  const moveDate = dateMover(source.start, target);
  const carried = new Set(
    actions
      .filter((a) => a.semester === to && a.carriedFrom.trim() !== "")
      .map((a) => idKey(a.carriedFrom))
  );
  const created: Action[] = [];
  for (const old of actions) {
    if (old.semester !== from || carried.has(idKey(old.id))) continue;
    const text = carriedText(old);
    if (text === null) continue;
    created.push({
      ...old,
      id: issueId(),
      semester: to,
      action: text,
      start: moveDate(old.start),
      end: moveDate(old.end),
      phase: "Plan",
      actualResult: null,
      actualCost: null,
      correctiveAction: "",
      carriedFrom: old.id,
      comment: "",
    });
  }
  return created;
}

/** The Action text of the carried action, or null when the action is not carried. */
function carriedText(action: Action): string | null {
  if (action.phase === "Plan" || action.phase === "Do") return action.action;
  if (action.phase === "Act" && action.correctiveAction.trim() !== "")
    return action.correctiveAction;
  return null;
}

function idKey(id: string): string {
  return id.trim().toLowerCase();
}

/** Moves a date by whole months from `fromStart`'s month to `to`'s, then into `to`'s bounds. */
function dateMover(
  fromStart: number,
  to: { start: number; end: number }
): (day: number | null) => number | null {
  const a = ymdFromSerial(fromStart);
  const b = ymdFromSerial(to.start);
  const months = b.year * 12 + b.month - (a.year * 12 + a.month);
  return (day) => {
    if (day === null) return null;
    const moved = addMonths(day, months, to);
    return Math.min(Math.max(moved, to.start), to.end);
  };
}

/** The same day of the month `months` later (the month's last day when it is shorter). */
function addMonths(day: number, months: number, fallback: { start: number; end: number }): number {
  const { year, month, day: dom } = ymdFromSerial(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  try {
    const first = serialFromYmd(y, m, 1);
    const next = m === 12 ? serialFromYmd(y + 1, 1, 1) : serialFromYmd(y, m + 1, 1);
    return first + Math.min(dom, next - first) - 1;
  } catch {
    // Beyond Excel's dates (year 10000): only a date far outside `from` gets there; keep it in `to`.
    return months > 0 ? fallback.end : fallback.start;
  }
}
