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
import type { Language } from "../language";
import { problemText, quotedCell } from "../readingProblems";
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

/** A won / lost outcome from its cell; null when blank, undefined when it is neither. */
export function readOutcome(cell: CellValue): 0 | 1 | null | undefined {
  if (isBlankCell(cell)) return null;
  if (typeof cell === "boolean") return cell ? 1 : 0;
  if (typeof cell === "number") return cell === 1 ? 1 : cell === 0 ? 0 : undefined;
  return OUTCOME_WORDS.get(normaliseHeader(cell));
}

/**
 * The forecast pairs of the two ranges (module comment: the rules); InputProblem says where and why,
 * in `language`.
 */
export function forecastPairs(
  probabilities: Grid,
  outcomes: Grid,
  language: Language = "en"
): ForecastPair[] {
  const n = cellCount(probabilities);
  if (cellCount(outcomes) !== n) {
    const params = { count: String(n), other: String(cellCount(outcomes)) };
    throw new InputProblem(problemText("brier.sizes", params, language));
  }
  const p = flatten(probabilities);
  const o = flatten(outcomes);
  const pairs: ForecastPair[] = [];
  for (let i = 0; i < n; i++) {
    const pair = readPair(p[i], o[i], i + 1, language);
    if (pair) pairs.push(pair);
  }
  return pairs;
}

function readPair(
  p: CellValue,
  o: CellValue,
  position: number,
  language: Language
): ForecastPair | null {
  const at = String(position);
  const where = problemText("columns.position", { position: at }, language);
  if (isBlankCell(p) && isBlankCell(o)) return null;
  if (isBlankCell(p)) {
    const params = { position: at, outcome: quotedCell(o, language) };
    throw new InputProblem(problemText("brier.probabilityBlank", params, language), position);
  }
  if (isBlankCell(o)) {
    const params = { position: at, probability: quotedCell(p, language) };
    throw new InputProblem(problemText("brier.outcomeBlank", params, language), position);
  }
  const probability = readProbability(p, { language });
  if (probability.kind === "error") {
    const label = problemText("columns.probability", {}, language);
    throw new InputProblem(describeProblem(label, probability, where, language), position);
  }
  const outcome = readOutcome(o);
  if (outcome === undefined || outcome === null) {
    const label = problemText("brier.outcome", {}, language);
    const reading = {
      shown: quotedCell(o, language),
      problem: problemText("brier.notAnOutcome", {}, language),
    };
    throw new InputProblem(describeProblem(label, reading, where, language), position);
  }
  // isBlankCell and readProbability agree on blanks: a cell past the first test reads or fails.
  if (probability.kind !== "value") return null;
  return { probability: probability.value, outcome };
}
