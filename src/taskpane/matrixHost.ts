/**
 * What the matrix view may ask of Excel, as plain callbacks. The real implementation is
 * src/excel/matrix.ts (excelMatrixHost); the view receives it as a prop and never touches Office.js.
 */
import type { MatrixBuild } from "../excel/matrixPlan";
import type { WriteResult } from "../excel/owned";
import type { Progress } from "../excel/progress";
import type { CarnetSettings } from "../excel/settings";
import type { SourceChoice, SourceData } from "../excel/source";

export interface MatrixWriteResult extends WriteResult {
  /** The sheet the matrix was written to ("Carnet Matrix", or "Carnet Matrix (2)" beside a user's sheet). */
  readonly sheet: string;
  /** The charts drawn on it. */
  readonly charts: string[];
  /** Figure cells reading the source live, and figure cells written as values. */
  readonly liveCells: number;
  readonly stampedCells: number;
}

export interface MatrixHost {
  loadSettings(): Promise<CarnetSettings>;
  /** Merges `changes` into the workbook's settings (the matrix keeps its own under the `matrix` key). */
  saveSettings(changes: Partial<CarnetSettings>): Promise<CarnetSettings>;
  /** The product-range table: the Excel table or region around the selection, a named table or a range. */
  readSource(choice: SourceChoice, progress?: Progress, signal?: AbortSignal): Promise<SourceData>;
  /** The CarnetPipeline table the last forecast build wrote, or null when there is none yet. */
  readPipeline(progress?: Progress, signal?: AbortSignal): Promise<SourceData | null>;
  /** Selects a cell or a row, e.g. "Sheet1!A5:F5" (activating its sheet). */
  select(address: string): Promise<void>;
  /** Writes CarnetMatrix and its tables on Carnet's "Carnet Matrix" sheet, then draws the two charts. */
  writeMatrix(
    build: MatrixBuild,
    progress?: Progress,
    signal?: AbortSignal
  ): Promise<MatrixWriteResult>;
}
