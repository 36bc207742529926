/**
 * What the pane and the host exchange about the semester's action plan (issue 13): the contract the
 * port's action-plan methods share. The rules (merge, checks, review) live in src/domain/actionPlan;
 * this file only names the data that crosses the port.
 */
import type { Action } from "../../domain/actionPlan/action";
import type { ActionConflict, PlanContext } from "../../domain/actionPlan/contract";
import type { Language } from "../../domain/language";

/** The plan as the workbook holds it now. */
export interface ActionPlanReading {
  /** False until a first plan is saved (no CarnetActionPlan table yet). */
  readonly exists: boolean;
  /** Every action of every semester, in the table's row order as it is now. */
  readonly actions: readonly Action[];
  /** Rows that could not be read, each located and said why ("'Carnet Action Plan'!J7: start …"). */
  readonly problems: readonly string[];
  /** Where each action's row is now, by Id ("'Carnet Action Plan'!A5:S5"), so a check can select it. */
  readonly rowAddress: ReadonlyMap<string, string>;
  /** The last Id ever issued (document setting), so a deleted action's Id is never reused. */
  readonly lastId: string | null;
  /** The budget envelope of each semester, by semester ("2027-S1"), from the document settings. */
  readonly envelopes: Readonly<Record<string, number>>;
  /** How many actions one owner can run at once (document setting); default 3. */
  readonly capacity: number;
  /** The month (1–12) the workbook's year starts; semesters start there (domain.md). */
  readonly fiscalStartMonth: number;
}

/** A save: what the pane read, and what it has now. The host merges them with the table as it is now. */
export interface ActionPlanSave {
  /** The semester the pane shows: the sheet's budget totals and timeline chart follow it. */
  readonly semester: string;
  readonly base: readonly Action[];
  readonly edited: readonly Action[];
  /** The answer to each conflict the last save returned, by `${id}\u0000${field}`. */
  readonly resolutions?: ReadonlyMap<string, "pane" | "sheet">;
  /** The envelope of a semester, when the pane changed it. */
  readonly envelope?: { readonly semester: string; readonly amount: number | null };
  /** The language the table's problems are said in (the pane's); English when not given. */
  readonly language?: Language;
  /** The last Id the pane issued (kept so a deleted action's Id is never issued again). */
  readonly lastId: string | null;
  /**
   * The workbook's currency format (currencyFormat.ts, from the sales table), for Budget and Actual
   * cost; without it the plan keeps its Budget column's format, else CarnetPipeline's amounts'.
   */
  readonly currencyFormat?: string;
}

export type ActionPlanSaveResult =
  /** Written; the plan as it is now in the workbook, and the ids deleted in Excel meanwhile (respected). */
  | {
      readonly kind: "saved";
      readonly reading: ActionPlanReading;
      readonly deletedInSheet: readonly string[];
      /** Ids the pane deleted that Excel changed meanwhile: kept as Excel has them (merge.ts). */
      readonly keptEditedInSheet?: readonly string[];
    }
  /** Nothing written: the same field of the same action changed in the pane and in Excel; ask. */
  | { readonly kind: "conflicts"; readonly conflicts: readonly ActionConflict[] };

/** The semester's review, written on its own Carnet sheet with a native chart. */
export interface ReviewWriteResult {
  readonly sheet: string;
  readonly charts: readonly string[];
}

export type { PlanContext };
