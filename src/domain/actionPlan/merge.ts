/**
 * Saving the pane's plan over a table users also edit in Excel: a three-way merge of the plan the pane
 * read (`base`), the pane's plan now (`pane`) and the table now (`sheet`), action by action (by Id),
 * then field by field. Nothing anyone did is lost silently. The rules, each with why:
 * - Added in Excel (in sheet, not in base): kept, a colleague's new action.
 * - Deleted in Excel (in base, not in sheet): respected, even if the pane edited it meanwhile; its id is
 *   listed in `deletedInSheet` so the pane can say so (when the pane had not deleted it too). Deleting a
 *   row is a deliberate act in Excel; resurrecting it would undo it.
 * - Added in the pane (in pane, neither in base nor sheet): appended after the sheet's rows.
 * - Deleted in the pane (in base and sheet, not in pane): dropped, unless Excel changed that action
 *   since the pane read it: then Excel's version is kept and its id listed in `keptEditedInSheet`.
 *   A deletion must not silently lose a colleague's edit; the user can delete it again, knowingly.
 * - In all three: per field, a field changed on one side only takes that side's value; changed on both
 *   to the same value, that value; changed on both to different values, a conflict (the base's value
 *   stays in `merged`), unless `resolutions` answers it under the key `${id}\u0000${field}`.
 * - An id in pane and sheet but not in base (both sides added an action with the same id, which only a
 *   hand-typed id can cause) merges as if the base were a blank action: differing fields are conflicts.
 * - Order: the sheet's row order (a sort done in Excel survives), the pane's additions after, in the
 *   pane's order.
 * Ids are compared as they are: the pane and the host both take them from the table.
 */
import { ACTION_FIELDS, ACTION_PLAN_COLUMNS, blankAction, type Action } from "./action";
import type { ActionConflict } from "./contract";

export interface MergeResult {
  merged: Action[];
  /** Unresolved conflicts: the caller asks the user, then merges again with the answers. */
  conflicts: ActionConflict[];
  /** Ids deleted in Excel since the pane read the plan while the pane still had them (respected). */
  deletedInSheet: string[];
  /** Ids the pane deleted but Excel changed meanwhile: kept as Excel has them. */
  keptEditedInSheet: string[];
}

/** The key of a conflict's answer in `resolutions`. */
export function resolutionKey(id: string, field: keyof Action): string {
  return `${id}\u0000${field}`;
}

export function mergeActions(
  base: readonly Action[],
  pane: readonly Action[],
  sheet: readonly Action[],
  resolutions: ReadonlyMap<string, "pane" | "sheet"> = new Map()
): MergeResult {
  const baseById = byId(base);
  const paneById = byId(pane);
  const sheetIds = new Set(sheet.map((a) => a.id));
  const result: MergeResult = {
    merged: [],
    conflicts: [],
    deletedInSheet: [],
    keptEditedInSheet: [],
  };

  for (const theirs of sheet) {
    const original = baseById.get(theirs.id);
    const mine = paneById.get(theirs.id);
    if (mine === undefined) {
      if (original === undefined)
        result.merged.push(theirs); // added in Excel
      else if (!sameAction(original, theirs)) {
        result.merged.push(theirs); // deleted in the pane, edited in Excel: Excel's edit wins
        result.keptEditedInSheet.push(theirs.id);
      }
      continue;
    }
    const merged = mergeFields(original ?? blankAction(theirs.id), mine, theirs, resolutions);
    result.merged.push(merged.action);
    result.conflicts.push(...merged.conflicts);
  }
  for (const mine of pane) {
    if (sheetIds.has(mine.id)) continue;
    if (baseById.has(mine.id)) result.deletedInSheet.push(mine.id);
    else result.merged.push(mine); // added in the pane
  }
  return result;
}

/** Every field of an action, in column order. */
export const MERGED_FIELDS: readonly (keyof Action)[] = ACTION_PLAN_COLUMNS.map(
  (c) => ACTION_FIELDS[c]
);

/** True when every field is equal. */
export function sameAction(a: Action, b: Action): boolean {
  return MERGED_FIELDS.every((field) => a[field] === b[field]);
}

// ---------------------------------------------------------------------------------------------------------------

function byId(actions: readonly Action[]): Map<string, Action> {
  return new Map(actions.map((a) => [a.id, a]));
}

function mergeFields(
  base: Action,
  pane: Action,
  sheet: Action,
  resolutions: ReadonlyMap<string, "pane" | "sheet">
): { action: Action; conflicts: ActionConflict[] } {
  const action: Record<string, unknown> = { ...base };
  const conflicts: ActionConflict[] = [];
  for (const field of MERGED_FIELDS) {
    const [b, p, s] = [base[field], pane[field], sheet[field]];
    if (p === s || s === b) action[field] = p;
    else if (p === b) action[field] = s;
    else {
      const answer = resolutions.get(resolutionKey(base.id, field));
      if (answer === undefined) conflicts.push({ id: base.id, field, base: b, pane: p, sheet: s });
      action[field] = answer === "pane" ? p : answer === "sheet" ? s : b;
    }
  }
  return { action: action as unknown as Action, conflicts };
}
