/**
 * The pane's choices, kept in the workbook (document settings) so the next session, or a colleague
 * opening the same file, finds them: the source, the column mapping, the stage table, the period.
 */
import type { ColumnMapping, PipelineField } from "../../domain/columns";
import type { PeriodKind } from "../../domain/pipeline";
import type { StageDefault } from "../../domain/stages";
import type { SourceChoice } from "./source";

export const SETTINGS_KEY = "carnet.settings";

export interface CarnetSettings {
  readonly source?: SourceChoice;
  /** Column mapping the user confirmed, for the source at `mappingFor` (its address or table name). */
  readonly mapping?: ColumnMapping<PipelineField>;
  readonly mappingFor?: string;
  readonly stageTable?: readonly StageDefault[];
  readonly periodKind?: PeriodKind;
  readonly probabilityScale?: "fraction" | "points";
  /** Dates typed dd/mm/yyyy in this workbook. */
  readonly dayFirst?: boolean;
  /** Open-ended: later features add their own keys (the matrix's cut-offs, ...). */
  readonly [key: string]: unknown;
}
