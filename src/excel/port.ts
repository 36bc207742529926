/**
 * The port: everything the task pane may ask of Excel, as plain callbacks. host/index.ts implements
 * it with Office.js (the one place that calls Excel.run); the views receive it as a prop, so they
 * never touch Office.js, and their tests hand them a host of their own.
 */
import type { SpeakOptions } from "../domain/readingProblems";
import type { Snapshot, SnapshotRowProblem } from "../domain/snapshots";
import type {
  ActionPlanReading,
  ActionPlanSave,
  ActionPlanSaveResult,
  PlanContext,
  ReviewWriteResult,
} from "./plan/actionPlanPort";
import type {
  CalibrationReport,
  CalibrationWriteResult,
  TeamBuild,
  TeamReading,
  TeamWriteResult,
} from "./plan/teamPort";
import type { ForecastBuild } from "./plan/forecastPlan";
import type { MatrixBuild } from "./plan/matrixPlan";
import type { Progress } from "./plan/progress";
import type { CarnetSettings, SettingsOptions, SettingsReading } from "./plan/settings";
import type { WriteResult } from "./plan/sheetPlan";
import type { SourceChoice, SourceData } from "./plan/source";

export interface MatrixWriteResult extends WriteResult {
  /** The sheet the matrix was written to ("Carnet Matrix", or "Carnet Matrix (2)" beside a user's sheet). */
  readonly sheet: string;
  /** The charts drawn on it. */
  readonly charts: string[];
  /** Figure cells reading the source live, and figure cells written as values. */
  readonly liveCells: number;
  readonly stampedCells: number;
}

export interface CarnetHost {
  /** The workbook's settings, checked: what a view can use, and what was left out (said in words). */
  /** The settings kept in the workbook; what was left out said in `options.language` (English by default). */
  loadSettings(options?: SettingsOptions): Promise<SettingsReading>;
  /** Merges `changes` into the workbook's settings (the matrix keeps its own under the `matrix` key). */
  saveSettings(changes: Partial<CarnetSettings>): Promise<CarnetSettings>;
  /** A sales or product-range table: the Excel table or region around the selection, a named table or a range. */
  readSource(choice: SourceChoice, progress?: Progress, signal?: AbortSignal): Promise<SourceData>;
  /** Selects a cell or a row, e.g. "Sheet1!A5:F5" (activating its sheet). */
  select(address: string): Promise<void>;

  /** Objectives typed in Carnet's forecast tables, by table then by row key, so a rebuild keeps them. */
  readObjectives(): Promise<Map<string, Map<string, number>>>;
  /**
   * Writes the forecast. Stops with a TypedOverError (plan/typedOver.ts), writing nothing, where the
   * user typed over cells of Carnet's tables since the last build, unless `replaceTyped`.
   */
  writeForecast(
    build: ForecastBuild,
    progress?: Progress,
    signal?: AbortSignal,
    options?: { replaceTyped?: boolean }
  ): Promise<WriteResult & { live: boolean }>;
  appendSnapshot(
    snapshot: Snapshot,
    currencyFormat: string,
    progress?: Progress,
    signal?: AbortSignal
  ): Promise<void>;
  readSnapshots(
    progress?: Progress,
    signal?: AbortSignal,
    /** The language of the rows' problems (the pane's); English when not given. */
    options?: SpeakOptions
  ): Promise<{ snapshots: Snapshot[]; problems: SnapshotRowProblem[] }>;
  /** Names (rangeKey) of the product ranges in the matrix's Harvest / divest zone; empty without a matrix. */
  readHarvestRanges(): Promise<Set<string>>;

  /** The CarnetPipeline table the last forecast build wrote, or null when there is none yet. */
  readPipeline(progress?: Progress, signal?: AbortSignal): Promise<SourceData | null>;
  /** Writes CarnetMatrix and its tables on Carnet's "Carnet Matrix" sheet, then draws the two charts. */
  writeMatrix(
    build: MatrixBuild,
    progress?: Progress,
    signal?: AbortSignal,
    options?: { replaceTyped?: boolean }
  ): Promise<MatrixWriteResult>;

  /** CarnetActionPlan as it is now (every semester), with the plan's settings (issue 13). */
  readActionPlan(
    progress?: Progress,
    signal?: AbortSignal,
    /** The language of the table's problems (the pane's); English when not given. */
    options?: SpeakOptions
  ): Promise<ActionPlanReading>;
  /**
   * Merges the pane's edits with CarnetActionPlan as it is now, by Id, and writes the result with the
   * semester's budget totals and timeline chart; writes nothing and returns the conflicts when the same
   * field of the same action changed in the pane and in Excel since the pane read it.
   */
  saveActionPlan(
    save: ActionPlanSave,
    progress?: Progress,
    signal?: AbortSignal
  ): Promise<ActionPlanSaveResult>;
  /** What the plan's checks need for `semester`: the matrix's zones, the team, the pipeline, last semester's won. */
  readPlanContext(semester: string, fiscalStartMonth: number): Promise<PlanContext>;
  /**
   * Writes the semester's review (attainment by action, means and owner) on its Carnet sheet with a
   * native chart. Stops with a TypedOverError (plan/typedOver.ts), writing nothing, where the user typed
   * over cells of the review's tables since the last review, unless `replaceTyped`.
   */
  writeActionPlanReview(
    semester: string,
    options?: { replaceTyped?: boolean }
  ): Promise<ReviewWriteResult>;

  /** CarnetTeam as it is now (objectives typed, live cells recalculated), or null before a first build (issue 14). */
  /** `options.language`: the language of the sheet's problems (the pane's); English when not given. */
  readTeam(options?: SpeakOptions): Promise<TeamReading | null>;
  /**
   * Writes CarnetTeam on Carnet's "Carnet Team" sheet (objectives typed there kept, by rep), the
   * collective weight and team objective in its cells and the workbook's settings, and the chart of
   * attainment by rep with the team line.
   */
  writeTeam(
    build: TeamBuild,
    progress?: Progress,
    signal?: AbortSignal,
    options?: { replaceTyped?: boolean }
  ): Promise<TeamWriteResult>;
  /** Writes the calibration (Brier by rep, reliability with its chart and diagonal, bias, stage suggestions) on its sheet. */
  writeCalibration(report: CalibrationReport): Promise<CalibrationWriteResult>;
}
