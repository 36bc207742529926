/**
 * Action ids (domain.md: "Id: stable text (`A-0001`), never reused").
 *
 * Rule: the next id is `A-` and one above the highest number among the ids in the plan and the last
 * id ever issued (kept in the document's settings), padded to four digits (`A-0042`; `A-10000` after
 * `A-9999`). Ids that do not read as `A-` and digits (typed by hand: `X1`, `A-12b`) are ignored for
 * the numbering; surrounding spaces and a lower-case `a` are forgiven.
 * Why: ids are how a user's formulas, comments and carried-over actions (Carried from) point at an
 * action; issuing a deleted action's id again would silently point them at another action. Taking the
 * highest of both, not a count, also survives rows deleted or sorted in Excel.
 */

const ACTION_ID = /^A-(\d+)$/i;

/** The number of an id written `A-<digits>`, else null. */
export function actionIdNumber(id: string): number | null {
  const match = ACTION_ID.exec(id.trim());
  if (match === null) return null;
  const n = Number(match[1]);
  return Number.isSafeInteger(n) ? n : null;
}

/** The id of the n-th action: `A-0001` for 1. */
export function formatActionId(n: number): string {
  return `A-${String(n).padStart(4, "0")}`;
}

/** One above the highest of the ids and the last issued one; `A-0001` for a first action. */
export function nextActionId(ids: Iterable<string>, lastIssued: string | null): string {
  return formatActionId(highestNumber(ids, lastIssued) + 1);
}

/**
 * An issuer for several new ids in a row (carrying a plan over, naming rows added in Excel): each
 * call gives the next id, none repeated. `issued()` is the last id it gave (or `lastIssued` before
 * any), for the document's settings.
 */
export function actionIdIssuer(
  ids: Iterable<string>,
  lastIssued: string | null
): { next: () => string; issued: () => string | null } {
  let highest = highestNumber(ids, lastIssued);
  let last = lastIssued;
  return {
    next: () => {
      highest += 1;
      last = formatActionId(highest);
      return last;
    },
    issued: () => last,
  };
}

function highestNumber(ids: Iterable<string>, lastIssued: string | null): number {
  let highest = lastIssued === null ? 0 : (actionIdNumber(lastIssued) ?? 0);
  for (const id of ids) {
    const n = actionIdNumber(id);
    if (n !== null && n > highest) highest = n;
  }
  return highest;
}
