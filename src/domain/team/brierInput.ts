/**
 * The cells BRIER(probabilities, outcomes) reads, as forecast pairs for calibration.ts's brierScore
 * (one rule for the formula and the pane).
 *
 * Rules (domain.md, "Forecast calibration"):
 * - The two ranges hold the same number of cells (any shapes, read row by row, as the pipeline
 *   functions read theirs); pair i is the i-th cell of each, its position i quoted in errors.
 * - A probability is read as WEIGHTED_PIPELINE reads one: 0.2, 20 %, "20 %"; 120 % or 20 is an error.
 * - An outcome is won (1) or lost (0): the numbers 1 and 0, TRUE and FALSE, or the text Won / Lost,
 *   Gagné / Perdu, 1 / 0, True / False, Vrai / Faux, in any case, with or without accents, trimmed.
 *   Why no more: an outcome of 0.5 or "Open" is a deal not yet decided, and scoring it as either would
 *   falsify the score; it is an error that says where, never skipped.
 * - A pair with both cells blank is skipped (a blank row of the table); a blank beside a value is an
 *   error, since the forecast is half given.
 */
import { normaliseHeader } from "../columns";
import { cellCount, flatten, type Grid, InputProblem } from "../grid";
import { type CellValue, describeProblem, isBlankCell, readProbability } from "../values";
import type { ForecastPair } from "./calibration";

const OUTCOME_WORDS: ReadonlyMap<string, 0 | 1> = new Map([
  ["won", 1],
  ["gagne", 1],
  ["1", 1],
  ["true", 1],
  ["vrai", 1],
  ["lost", 0],
  ["perdu", 0],
  ["0", 0],
  ["false", 0],
  ["faux", 0],
]);

const OUTCOME_HINT =
  "is not won or lost: write 1 or 0, TRUE or FALSE, Won or Lost (Gagné or Perdu)";

/** A won / lost outcome from its cell; null when blank, undefined when it is neither. */
export function readOutcome(cell: CellValue): 0 | 1 | null | undefined {
  if (isBlankCell(cell)) return null;
  if (typeof cell === "boolean") return cell ? 1 : 0;
  if (typeof cell === "number") return cell === 1 ? 1 : cell === 0 ? 0 : undefined;
  return OUTCOME_WORDS.get(normaliseHeader(cell));
}

/** The forecast pairs of the two ranges (module comment: the rules); InputProblem says where and why. */
export function forecastPairs(probabilities: Grid, outcomes: Grid): ForecastPair[] {
  const n = cellCount(probabilities);
  if (cellCount(outcomes) !== n)
    throw new InputProblem(
      `the probabilities have ${n} cells but the outcomes have ${cellCount(outcomes)}: give ranges of the same size`
    );
  const p = flatten(probabilities);
  const o = flatten(outcomes);
  const pairs: ForecastPair[] = [];
  for (let i = 0; i < n; i++) {
    const pair = readPair(p[i], o[i], i + 1);
    if (pair) pairs.push(pair);
  }
  return pairs;
}

function readPair(p: CellValue, o: CellValue, position: number): ForecastPair | null {
  const where = `position ${position}`;
  if (isBlankCell(p) && isBlankCell(o)) return null;
  if (isBlankCell(p))
    throw new InputProblem(
      `probability at ${where} is blank but its outcome is ${String(o).trim()}: give both or neither`,
      position
    );
  if (isBlankCell(o))
    throw new InputProblem(
      `outcome at ${where} is blank but its probability is ${String(p).trim()}: give both or neither`,
      position
    );
  const probability = readProbability(p);
  if (probability.kind === "error")
    throw new InputProblem(describeProblem("probability", probability, where), position);
  const outcome = readOutcome(o);
  if (outcome === undefined || outcome === null)
    throw new InputProblem(
      describeProblem("outcome", { shown: String(o).trim(), problem: OUTCOME_HINT }, where),
      position
    );
  // isBlankCell and readProbability agree on blanks: a cell past the first test reads or fails.
  if (probability.kind !== "value") return null;
  return { probability: probability.value, outcome };
}
