/**
 * The CarnetMatrix table: its columns and one row's values. A public interface: users write formulas on
 * it, so renaming or reordering a column breaks them (domain.md, "Output tables"). This is the one
 * definition of the table's row: the Excel plan (matrixPlan.ts) writes it, formulas standing in for the
 * values the workbook can compute.
 */
import type { StrengthMeasure } from "./matrixSettings";
import type { MatrixRow } from "./portfolioMatrix";

export const MATRIX_COLUMNS: readonly string[] = Object.freeze([
  "Range",
  "Volume",
  "Market volume",
  "Market share",
  "Sales",
  "Margin",
  "Margin share",
  "Cumulative share",
  "ABC class",
  "Strength",
  "Attractiveness",
  "Nine-box cell",
  "Zone",
]);

/** With the relative measure, two columns follow the thirteen (after them, so formulas on those stay right). */
export const RELATIVE_MATRIX_COLUMNS: readonly string[] = Object.freeze([
  ...MATRIX_COLUMNS,
  "Leader share",
  "Relative share",
]);

export function matrixColumns(measure: StrengthMeasure): readonly string[] {
  return measure === "relative" ? RELATIVE_MATRIX_COLUMNS : MATRIX_COLUMNS;
}

/**
 * One CarnetMatrix row as values, in matrixColumns(measure) order: shares as fractions (the writer formats
 * them as %), levels as Low / Medium / High on both axes, null for an empty cell. The Excel plan writes every
 * row through this: a value the workbook can compute is written as the live formula that gives it (a test
 * holds the formulas to these values), the others as they are here.
 */
export function matrixTableRow(
  row: MatrixRow,
  measure: StrengthMeasure = "share"
): (string | number | null)[] {
  const r = row.range;
  const values: (string | number | null)[] = [
    r.name,
    r.volume,
    r.marketVolume,
    r.marketShare,
    r.sales,
    r.margin,
    row.marginShare,
    row.cumulativeShare,
    row.abc,
    row.strength,
    row.attractiveness,
    row.cell,
    row.zone,
  ];
  if (measure === "relative") values.push(r.leaderShare, row.relativeShare);
  return values;
}
