/**
 * The deals of three columns of cells as two columns of figures, for the outcome distribution of a
 * large pipeline: PIPELINE_PROBABILITY and PIPELINE_QUANTILE on a million rows should cost a few
 * passes over the cells, not a million deal objects.
 *
 * The reading rules stay countingRows' (through pipeline.ts): a block of plain cells — amounts and
 * probabilities that are numbers (a probability in [0, 1]), close dates that are serial numbers or
 * blank, and rows blank in all three; a status that closes the deal (countingRows.closingStatus) on
 * a row whose amount is a number — reads the same under them as here, since such rows can be
 * neither totals (no label, and every open figured row has both figures) nor repeated headers.
 * Any other cell, and any column this short path does not know, sends the whole range through
 * pipelineDeals, which applies every rule and names every problem.
 */
import { closingStatus } from "./countingRows";
import { readDate } from "./dates";
import { type Grid, sameShape } from "./grid";
import type { Language } from "./language";
import { inPeriod, type PeriodFilter, pipelineDeals, type PipelineColumns } from "./pipeline";
import { type CellValue, isBlankCell } from "./values";

/** Amounts and probabilities of the deals, in order (what outcomeDistribution reads). */
export interface DealFigures {
  readonly amounts: Float64Array;
  readonly probabilities: Float64Array;
}

/** The amounts and probabilities of the deals of the columns that fall in the filter. */
export function pipelineFigures(
  columns: PipelineColumns,
  filter?: PeriodFilter,
  language: Language = "en"
): DealFigures {
  return plainFigures(columns, filter, allocate) ?? figuresOfDeals(columns, filter, language);
}

/**
 * `use(figures)` for the deals of the columns that fall in the filter, read into buffers kept from
 * call to call: a million rows then hand the garbage collector nothing. 16 MB a call would cost it
 * more than the whole distribution, since each collection it triggers walks the million rows of
 * cells the call was given. The figures are valid only while `use` runs, and it must not keep them
 * (outcomeDistribution keeps nothing of them: its answers are computed from its own arrays).
 */
export function withPipelineFigures<T>(
  columns: PipelineColumns,
  filter: PeriodFilter | undefined,
  use: (figures: DealFigures) => T,
  language: Language = "en"
): T {
  // A call from within `use` gets buffers of its own.
  if (buffers.busy) return use(pipelineFigures(columns, filter, language));
  buffers.busy = true;
  try {
    return use(plainFigures(columns, filter, reuse) ?? figuresOfDeals(columns, filter, language));
  } finally {
    buffers.busy = false;
  }
}

const buffers = { amounts: new Float64Array(0), probabilities: new Float64Array(0), busy: false };

function allocate(size: number): DealFigures {
  return { amounts: new Float64Array(size), probabilities: new Float64Array(size) };
}

/** The kept buffers, grown to `size` if need be (they keep the largest size asked for). */
function reuse(size: number): DealFigures {
  if (buffers.amounts.length < size) {
    buffers.amounts = new Float64Array(size);
    buffers.probabilities = new Float64Array(size);
  }
  return buffers;
}

function figuresOfDeals(
  columns: PipelineColumns,
  filter: PeriodFilter | undefined,
  language: Language
): DealFigures {
  const deals = pipelineDeals(columns, filter, language);
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

/** The figures when every cell is plain (see the module comment), in `arrays`, else null. */
function plainFigures(
  columns: PipelineColumns,
  filter: PeriodFilter | undefined,
  arrays: (size: number) => DealFigures
): DealFigures | null {
  const { amounts, probabilities, closeDates, statuses, ...others } = columns;
  if (Object.values(others).some((column) => column != null)) return null;
  const dates: Grid | null = closeDates ?? null;
  const status: Grid | null = statuses ?? null;
  if (!sameShape(amounts, probabilities) || (dates && !sameShape(amounts, dates))) return null;
  if (status && !sameShape(amounts, status)) return null;
  const rows = amounts.length;
  const width = rows > 0 ? amounts[0].length : 0;
  const { amounts: outAmounts, probabilities: outProbabilities } = arrays(rows * width);
  let count = 0;
  for (let r = 0; r < rows; r++) {
    const ar = amounts[r];
    const pr = probabilities[r];
    const dr = dates ? dates[r] : null;
    const sr = status ? status[r] : null;
    for (let c = 0; c < width; c++) {
      const a = ar[c];
      const p = pr[c];
      const date = dr ? plainDate(dr[c]) : null;
      if (date === undefined) return null;
      if (sr && !isBlankCell(sr[c]) && closingStatus(sr[c]) !== null) {
        // A closed deal counts nowhere; plain when its amount is a number and its probability a
        // number or blank (anything else: the full reading says where).
        if (typeof a !== "number" || a - a !== 0) return null;
        if (!isBlankCell(p) && !(typeof p === "number" && p >= 0 && p <= 1)) return null;
        continue;
      }
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
