/**
 * A deal of the pipeline as the task pane reads it from the user's sales table: every field the
 * handbook's "carnet commercial" has, plus owner, stage, forecast category and id when present.
 */

/** Forecast categories (domain.md); Commit ⊂ Best case in roll-ups, Won/Lost/Omitted are not open. */
export type ForecastCategory = "Commit" | "Best case" | "Pipeline" | "Omitted" | "Won" | "Lost";

export const FORECAST_CATEGORIES: readonly ForecastCategory[] = [
  "Commit",
  "Best case",
  "Pipeline",
  "Omitted",
  "Won",
  "Lost",
];

export interface Deal {
  /** 0-based index of the deal's row in the source data (below the header), for addresses. */
  readonly row: number;
  readonly id: string | null;
  /** Excel serial day. */
  readonly closeDate: number | null;
  readonly company: string | null;
  readonly contact: string | null;
  readonly product: string | null;
  /** null when the amount cell could not be read (the deal then stays out of every total). */
  readonly amount: number | null;
  /** In [0, 1]; null when unknown. */
  readonly probability: number | null;
  /** Where the probability came from: typed on the deal, or the stage table's default. */
  readonly probabilitySource: "deal" | "stage" | null;
  readonly owner: string | null;
  readonly stage: string | null;
  readonly category: ForecastCategory | null;
  /**
   * Where the category came from: typed on the deal, or said by its stage ("Closed won"). A live
   * formula reads one status column, so it agrees with the pane only when it is told which.
   */
  readonly categorySource?: "deal" | "stage" | null;
  /** Problems found on this row, in words, for the pipeline's Issues column. */
  readonly issues: readonly string[];
}
