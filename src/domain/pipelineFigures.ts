/**
 * The deals of three columns of cells as two columns of figures, for the outcome distribution of a
 * large pipeline: PIPELINE_PROBABILITY and PIPELINE_QUANTILE on a million rows should cost a few
 * passes over the cells, not a million deal objects.
 *
 * The reading rules stay countingRows' (through pipeline.ts): a block of plain cells — amounts and
 * probabilities that are numbers (a probability in [0, 1]), close dates that are serial numbers or
 * blank, and rows blank in all three — reads the same under them as here, since such rows can be
 * neither totals (no label, and every figured row has both figures) nor repeated headers (no text).
 * Any other cell, and any column this short path does not know, sends the whole range through
 * pipelineDeals, which applies every rule and names every problem.
 */
import { readDate } from "./dates";
import { type Grid, sameShape } from "./grid";
import { inPeriod, type PeriodFilter, pipelineDeals, type PipelineColumns } from "./pipeline";
import { type CellValue, isBlankCell } from "./values";

/** Amounts and probabilities of the deals, in order (what outcomeDistribution reads). */
export interface DealFigures {
  readonly amounts: Float64Array;
  readonly probabilities: Float64Array;
}

/** The amounts and probabilities of the deals of the columns that fall in the filter. */
export function pipelineFigures(columns: PipelineColumns, filter?: PeriodFilter): DealFigures {
  const plain = plainFigures(columns, filter);
  if (plain) return plain;
  const deals = pipelineDeals(columns, filter);
  return {
    amounts: Float64Array.from(deals, (d) => d.amount),
    probabilities: Float64Array.from(deals, (d) => d.probability),
  };
}

/** A close date cell's serial day (null when blank), or undefined when it is not plain. */
function plainDate(cell: CellValue): number | null | undefined {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "number") {
    const date = readDate(cell);
    return date.kind === "value" ? date.value : date.kind === "blank" ? null : undefined;
  }
  return isBlankCell(cell) ? null : undefined;
}

/** The figures when every cell is plain (see the module comment), else null. */
function plainFigures(columns: PipelineColumns, filter?: PeriodFilter): DealFigures | null {
  const { amounts, probabilities, closeDates, ...others } = columns;
  if (Object.values(others).some((column) => column != null)) return null;
  const dates: Grid | null = closeDates ?? null;
  if (!sameShape(amounts, probabilities) || (dates && !sameShape(amounts, dates))) return null;
  const rows = amounts.length;
  const width = rows > 0 ? amounts[0].length : 0;
  const outAmounts = new Float64Array(rows * width);
  const outProbabilities = new Float64Array(rows * width);
  let count = 0;
  for (let r = 0; r < rows; r++) {
    const ar = amounts[r];
    const pr = probabilities[r];
    const dr = dates ? dates[r] : null;
    for (let c = 0; c < width; c++) {
      const a = ar[c];
      const p = pr[c];
      const date = dr ? plainDate(dr[c]) : null;
      if (date === undefined) return null;
      if (typeof a === "number" && typeof p === "number") {
        // NaN and ±∞ (a formula's JavaScript caller) and probabilities outside [0, 1] are problems
        // the full reading names.
        if (a - a !== 0 || !(p >= 0 && p <= 1)) return null;
        if (!inPeriod(date, filter)) continue;
        outAmounts[count] = a;
        outProbabilities[count++] = p;
      } else if (!(isBlankCell(a) && isBlankCell(p) && date === null)) {
        return null;
      }
    }
  }
  return {
    amounts: outAmounts.subarray(0, count),
    probabilities: outProbabilities.subarray(0, count),
  };
}
