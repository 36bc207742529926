/**
 * What the pane and the host exchange about the team and the forecast calibration (issue 14). The
 * rules live in src/domain/team; this file names the data that crosses the port.
 */
import type { CalibrationReport, TeamFigures, TeamSettings } from "../../domain/team/contract";
import type { WriteResult } from "./sheetPlan";

/** CarnetTeam as the workbook holds it now (its live cells recalculated), or null when not built yet. */
export interface TeamReading {
  readonly figures: TeamFigures;
  readonly settings: TeamSettings;
  /** Where each rep's row is now, by rep, to select it. */
  readonly rowAddress: ReadonlyMap<string, string>;
  /**
   * Cells of CarnetTeam and CarnetTeamSettings that could not be read as the figures they should hold, each
   * with its address and why (values.ts); their figures count 0 or none. Added by the host (issue 14).
   */
  readonly problems?: readonly string[];
}

/** What a team build writes: the figures as computed, and the settings the sheet's cells take. */
export interface TeamBuild {
  readonly figures: TeamFigures;
  readonly settings: TeamSettings;
  /** The semester of the action plan the Actions and Budget columns count. */
  readonly semester: string;
  readonly currencyFormat: string;
}

export interface TeamWriteResult extends WriteResult {
  readonly sheet: string;
  readonly charts: readonly string[];
  /** Cells computed by live formulas over Carnet's tables, and cells written as values. */
  readonly liveCells: number;
  readonly stampedCells: number;
}

export interface CalibrationWriteResult {
  readonly sheet: string;
  readonly charts: readonly string[];
}

export type { CalibrationReport, TeamFigures, TeamSettings };
