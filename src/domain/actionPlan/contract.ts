/**
 * Shapes shared by the action plan's rules (merge, checks, review) and the code that shows or writes
 * them. Each rule's module exports its function; this file names what they return.
 */
import type { Action } from "./action";
import type { Zone } from "../matrix";

/** The same field of the same action changed in the pane and in Excel since the pane read it. */
export interface ActionConflict {
  readonly id: string;
  readonly field: keyof Action;
  readonly base: Action[keyof Action];
  readonly pane: Action[keyof Action];
  readonly sheet: Action[keyof Action];
}

/** What the checks need from the rest of the workbook, for one semester. */
export interface PlanContext {
  /** The matrix's cell and zone of each product range (by the range's name as the matrix writes it). */
  readonly zones: ReadonlyMap<string, { readonly cell: string; readonly zone: Zone }>;
  /** The team: the pipeline's owners. The checks flag an action owned outside it and a member with no action (checks.ts). */
  readonly team: readonly string[];
  /** Weighted open pipeline closing in the semester, by owner and by product range. */
  readonly weightedByOwner: ReadonlyMap<string, number>;
  readonly weightedByRange: ReadonlyMap<string, number>;
  /** Won in the previous semester, by owner and by product range. */
  readonly wonPreviousByOwner: ReadonlyMap<string, number>;
  readonly wonPreviousByRange: ReadonlyMap<string, number>;
}

export type CheckKind =
  | "harvest-range"
  | "invest-range-without-action"
  | "unrealistic-objective"
  | "owner-not-in-team"
  | "rep-without-action"
  | "over-envelope"
  | "over-capacity";

/** One finding of the handbook's quality rules, in words, with the action it is about (to select its row). */
export interface PlanCheck {
  readonly kind: CheckKind;
  /** The action's Id when the check is about one action. */
  readonly actionId?: string;
  readonly message: string;
}
