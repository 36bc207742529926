/**
 * What the pane may ask of Excel, as plain callbacks. The real implementation is src/excel (the one
 * place that calls Excel.run); the views receive it as a prop, so they never touch Office.js.
 */
import type { Snapshot, SnapshotRowProblem } from "../domain/snapshots";
import type { ForecastBuild } from "../excel/forecastPlan";
import type { WriteResult } from "../excel/owned";
import type { Progress } from "../excel/progress";
import type { CarnetSettings } from "../excel/settings";
import type { SourceChoice, SourceData } from "../excel/source";

export interface CarnetHost {
  loadSettings(): Promise<CarnetSettings>;
  saveSettings(changes: Partial<CarnetSettings>): Promise<CarnetSettings>;
  readSource(choice: SourceChoice, progress?: Progress, signal?: AbortSignal): Promise<SourceData>;
  select(address: string): Promise<void>;
  readObjectives(): Promise<Map<string, Map<string, number>>>;
  writeForecast(
    build: ForecastBuild,
    progress?: Progress,
    signal?: AbortSignal
  ): Promise<WriteResult & { live: boolean }>;
  appendSnapshot(
    snapshot: Snapshot,
    currencyFormat: string,
    progress?: Progress,
    signal?: AbortSignal
  ): Promise<void>;
  readSnapshots(
    progress?: Progress,
    signal?: AbortSignal
  ): Promise<{ snapshots: Snapshot[]; problems: SnapshotRowProblem[] }>;
  /** Names (rangeKey) of the product ranges in the matrix's Harvest / divest zone; empty without a matrix. */
  readHarvestRanges(): Promise<Set<string>>;
}
