/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands custom functions untyped cells; the
   metadata generator needs the literal `any[][]` to declare a range that accepts text. */
/**
 * Carnet's custom functions (namespace CARNET). Each is a thin adapter: it turns Excel's arguments
 * into domain calls and domain problems into #VALUE! errors that say where and why. The metadata
 * (functions.json) is generated from these JSDoc comments at build time.
 */
import { abcCuts, abcClassOf, type AbcShares, DEFAULT_ABC_SHARES } from "../domain/abc";
import { readDate } from "../domain/dates";
import { outcomeDistribution } from "../domain/distribution";
import { withPipelineFigures } from "../domain/pipelineFigures";
import { cellCount, flatten, type Grid, InputProblem, reshape } from "../domain/grid";
import {
  cutsProblem,
  type Cuts,
  DEFAULT_CUTS,
  type Level,
  levelOf,
  levelOfAbc,
  nineBoxCellIn,
  zoneName,
  zoneOf,
} from "../domain/matrix";
import { type Language, languageOfTag } from "../domain/language";
import {
  type PeriodFilter,
  periodFilterProblem,
  type PipelineColumns,
  weightedPipeline as weightedPipelineOf,
} from "../domain/pipeline";
import { type CellValue, isBlankCell, readAmount, readNumber, readShare } from "../domain/values";
import { brierScore } from "../domain/team/calibration";
import { forecastPairs } from "../domain/team/brierInput";
import {
  asExcelError,
  divisionByZero,
  excelValue,
  optionalGrid,
  requiredGrid,
  scalar,
} from "./arguments";
import { functionMessage, functionsLanguage } from "./messages";

/**
 * What the readers take so their problems speak the functions' language ("montant dix n'est pas
 * un nombre" under a French display): asked once a call, as the functions' messages are.
 */
function speaking(): { readonly language: Language } {
  return { language: functionsLanguage() };
}

/** A problem with a one-value argument: its name says where ("target beaucoup is not a number"). */
function argumentProblem(label: string, reading: { shown: string; problem: string }): string {
  return functionMessage("argument.reading", {
    argument: label,
    shown: reading.shown,
    problem: reading.problem,
  });
}

/** A problem with one cell of a range: its argument and position say where. */
function cellProblem(
  label: string,
  reading: { shown: string; problem: string },
  position: number
): string {
  return functionMessage("cell.reading", {
    argument: label,
    shown: reading.shown,
    position,
    problem: reading.problem,
  });
}

function pipelineColumns(
  amounts: any,
  probabilities: any,
  closeDates: any,
  statuses: any
): PipelineColumns {
  return {
    amounts: requiredGrid(amounts),
    probabilities: requiredGrid(probabilities),
    closeDates: optionalGrid(closeDates),
    statuses: optionalGrid(statuses),
  };
}

function dateBound(arg: unknown, name: string): number | null {
  const cell = scalar(arg, name);
  if (isBlankCell(cell)) return null;
  const date = readDate(cell, speaking());
  if (date.kind === "error") throw new InputProblem(argumentProblem(name, date));
  return date.kind === "value" ? date.value : null;
}

function periodFilter(closeDates: any, from: any, to: any): PeriodFilter {
  const filter = {
    from: dateBound(from, functionMessage("argument.from")),
    to: dateBound(to, functionMessage("argument.to")),
  };
  if ((filter.from != null || filter.to != null) && closeDates == null)
    throw new InputProblem(functionMessage("period.needsCloseDates"));
  const problem = periodFilterProblem(filter, functionsLanguage());
  if (problem) throw new InputProblem(problem);
  return filter;
}

/**
 * Probability-weighted total of a sales pipeline: the sum of amount × probability over the open deals, optionally only those closing between two dates.
 * @customfunction WEIGHTED_PIPELINE
 * @param amounts Deal amounts: numbers or text such as "1 000 €" or "€1,000".
 * @param probabilities Win probabilities, one per amount: 20%, 0.2 or text such as "20 %".
 * @param [close_dates] Expected close dates, one per amount (needed to filter by period).
 * @param [from] First close date counted (inclusive); blank for no lower bound.
 * @param [to] Last close date counted (inclusive); blank for no upper bound.
 * @param [statuses] Forecast category or stage of each deal: Won, Lost and Omitted deals (Gagné, Perdu, Closed won…) are closed and left out.
 * @returns The weighted total.
 */
export function weightedPipeline(
  amounts: any[][],
  probabilities: any[][],
  close_dates?: any[][],
  from?: any,
  to?: any,
  statuses?: any[][]
): number {
  return excelValue(() =>
    weightedPipelineOf(
      pipelineColumns(amounts, probabilities, close_dates, statuses),
      periodFilter(close_dates, from, to),
      functionsLanguage()
    )
  );
}

/**
 * Probability that the deals won reach a target total, each deal won with its probability, independently.
 * @customfunction PIPELINE_PROBABILITY
 * @param amounts Deal amounts: numbers or text such as "1 000 €".
 * @param probabilities Win probabilities, one per amount: 20%, 0.2 or "20 %".
 * @param target The total to reach, e.g. the objective.
 * @param [close_dates] Expected close dates, one per amount.
 * @param [from] First close date counted (inclusive).
 * @param [to] Last close date counted (inclusive).
 * @param [statuses] Forecast category or stage of each deal: Won, Lost and Omitted deals (Gagné, Perdu, Closed won…) are closed and left out.
 * @returns P(total won ≥ target), between 0 and 1.
 */
export function pipelineProbability(
  amounts: any[][],
  probabilities: any[][],
  target: any,
  close_dates?: any[][],
  from?: any,
  to?: any,
  statuses?: any[][]
): number {
  return excelValue(() => {
    const label = functionMessage("argument.target");
    const goal = readAmount(scalar(target, label), speaking());
    if (goal.kind === "error") throw new InputProblem(argumentProblem(label, goal));
    if (goal.kind === "blank") throw new InputProblem(functionMessage("target.blank"));
    return withPipelineFigures(
      pipelineColumns(amounts, probabilities, close_dates, statuses),
      periodFilter(close_dates, from, to),
      (figures) => outcomeDistribution(figures).probabilityAtLeast(goal.value),
      functionsLanguage()
    );
  });
}

/**
 * Quantile of the total won: the smallest total x such that the chance of winning at most x is at least q (P10 cautious, P90 optimistic).
 * @customfunction PIPELINE_QUANTILE
 * @param amounts Deal amounts: numbers or text such as "1 000 €".
 * @param probabilities Win probabilities, one per amount: 20%, 0.2 or "20 %".
 * @param q The level, strictly between 0 and 1: 10% for P10, 50% for the median, 90% for P90.
 * @param [close_dates] Expected close dates, one per amount.
 * @param [from] First close date counted (inclusive).
 * @param [to] Last close date counted (inclusive).
 * @param [statuses] Forecast category or stage of each deal: Won, Lost and Omitted deals (Gagné, Perdu, Closed won…) are closed and left out.
 * @returns The total won at level q.
 */
export function pipelineQuantile(
  amounts: any[][],
  probabilities: any[][],
  q: any,
  close_dates?: any[][],
  from?: any,
  to?: any,
  statuses?: any[][]
): number {
  return excelValue(() => {
    const label = functionMessage("argument.q");
    const level = readShare(scalar(q, label), speaking());
    if (level.kind === "error") throw new InputProblem(argumentProblem(label, level));
    if (level.kind === "blank") throw new InputProblem(functionMessage("q.blank"));
    if (!(level.value > 0 && level.value < 1))
      throw new InputProblem(functionMessage("q.outOfRange", { value: level.value }));
    return withPipelineFigures(
      pipelineColumns(amounts, probabilities, close_dates, statuses),
      periodFilter(close_dates, from, to),
      (figures) => outcomeDistribution(figures).quantile(level.value),
      functionsLanguage()
    );
  });
}

function shareArgument(arg: unknown, name: string, fallback: number): number {
  const cell = scalar(arg, name);
  const share = readShare(cell, speaking());
  if (share.kind === "error") throw new InputProblem(argumentProblem(name, share));
  return share.kind === "value" ? share.value : fallback;
}

/**
 * ABC class of each value (e.g. contribution margin by product range): A for the top items that make up the first a_share of the total, B up to b_share, C for the rest and for values of zero or less.
 * @customfunction ABC_CLASS
 * @param values The values to classify: a column, a row or a block; numbers or text such as "12 500 €".
 * @param [a_share] Share of the total reached by class A (default 80%).
 * @param [b_share] Share of the total reached by classes A and B together (default 95%).
 * @returns "A", "B" or "C" for each value, in the shape of values; blank for a blank cell.
 */
export function abcClass(values: any[][], a_share?: any, b_share?: any): string[][] {
  const grid = requiredGrid(values);
  const shares: AbcShares = excelValue(() => ({
    a: shareArgument(a_share, functionMessage("argument.aShare"), DEFAULT_ABC_SHARES.a),
    b: shareArgument(b_share, functionMessage("argument.bShare"), DEFAULT_ABC_SHARES.b),
  }));
  // Read every cell in one pass over the rows (no flattened copy: a column of a million cells would
  // cost a million small arrays); a cell that cannot be read gets its own error, out of the total.
  const cols = grid.length === 0 ? 0 : grid[0].length;
  const numbers = new Float64Array(grid.length * cols);
  const problems = new Map<number, CustomFunctions.Error>();
  const options = speaking();
  for (let r = 0, i = 0; r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < cols; c++, i++) {
      const cell = row[c];
      if (typeof cell === "number") {
        numbers[i] = cell;
        continue;
      }
      const value = readNumber(cell, options);
      if (value.kind === "value") numbers[i] = value.value;
      else {
        numbers[i] = NaN;
        if (value.kind === "error")
          problems.set(
            i,
            asExcelError(
              new InputProblem(cellProblem(functionMessage("argument.value"), value, i + 1), i + 1)
            )
          );
      }
    }
  }
  const cuts = excelValue(() => abcCuts(numbers, shares));
  // Excel accepts an error object in one cell of a returned array; the type says string for the metadata.
  const out: (string | CustomFunctions.Error)[][] = new Array(grid.length);
  for (let r = 0, i = 0; r < grid.length; r++) {
    const row: (string | CustomFunctions.Error)[] = new Array(cols);
    for (let c = 0; c < cols; c++, i++)
      row[c] = problems.get(i) ?? abcClassOf(numbers[i], cuts) ?? "";
    out[r] = row;
  }
  return out as string[][];
}

const ABC_LETTER = /^\s*([abc])\s*\.?\s*$/i;

type Axis = "strength" | "attractiveness";

function axisName(axis: Axis): string {
  return functionMessage(axis === "strength" ? "axis.strength" : "axis.attractiveness");
}

function readLevel(
  cell: CellValue,
  cuts: Cuts,
  axis: Axis,
  position: number,
  allowAbc: boolean,
  options: { readonly language: Language }
): Level | null {
  if (isBlankCell(cell)) return null;
  if (allowAbc && typeof cell === "string") {
    const letter = ABC_LETTER.exec(cell);
    if (letter) return levelOfAbc(letter[1].toUpperCase() as "A" | "B" | "C");
  }
  const value =
    typeof cell === "number" ? { kind: "value" as const, value: cell } : readShare(cell, options);
  if (value.kind === "error") {
    const hint = allowAbc
      ? functionMessage("level.orAbcClass", { problem: value.problem })
      : value.problem;
    throw new InputProblem(
      cellProblem(axisName(axis), { shown: value.shown, problem: hint }, position),
      position
    );
  }
  return value.kind === "value" ? levelOf(value.value, cuts) : null;
}

function cutsArgument(arg: unknown, axis: Axis): Cuts {
  const grid = optionalGrid(arg);
  if (!grid || (cellCount(grid) === 1 && isBlankCell(grid[0][0]))) return DEFAULT_CUTS;
  const cells = flatten(grid);
  const params = { axis: axisName(axis) };
  if (cells.length !== 2)
    throw new InputProblem(functionMessage("cuts.count", { ...params, count: cells.length }));
  const [low, high] = cells.map((cell, i) => {
    const value = readShare(cell, speaking());
    if (value.kind === "error")
      throw new InputProblem(
        argumentProblem(functionMessage(i === 0 ? "cuts.low" : "cuts.high", params), value)
      );
    if (value.kind === "blank")
      throw new InputProblem(functionMessage(i === 0 ? "cuts.lowBlank" : "cuts.highBlank", params));
    return value.value;
  });
  const cuts = { low, high };
  const problem = cutsProblem(cuts, speaking());
  if (problem) throw new InputProblem(functionMessage("cuts.problem", { ...params, problem }));
  return cuts;
}

/** Pairs two grids cell by cell; a single cell is repeated over the other grid, like Excel's lifting. */
function broadcast(
  a: Grid,
  b: Grid
): { shape: Grid; at: (i: number) => [CellValue, CellValue]; count: number } {
  const one = (g: Grid) => cellCount(g) === 1;
  const fa = flatten(a);
  const fb = flatten(b);
  if (one(a) || one(b) || (a.length === b.length && a[0]?.length === b[0]?.length)) {
    const shape = one(a) ? b : a;
    return {
      shape,
      count: cellCount(shape),
      at: (i) => [one(a) ? fa[0] : fa[i], one(b) ? fb[0] : fb[i]],
    };
  }
  throw new InputProblem(
    functionMessage("matrix.shapes", {
      strengthRows: a.length,
      strengthColumns: a[0]?.length ?? 0,
      attractivenessRows: b.length,
      attractivenessColumns: b[0]?.length ?? 0,
    })
  );
}

type Style = "cell" | "zone";

/** "cell" (or the French "case") and "zone", in any case; blank is "cell". */
function styleArgument(arg: unknown): Style {
  const cell = scalar(arg, functionMessage("argument.style"));
  if (isBlankCell(cell)) return "cell";
  const word = String(cell).trim().toLowerCase();
  if (word === "cell" || word === "case") return "cell";
  if (word === "zone") return "zone";
  throw new InputProblem(functionMessage("matrix.style", { value: String(cell) }));
}

const LANGUAGE_WORDS: Readonly<Record<string, Language>> = {
  english: "en",
  anglais: "en",
  french: "fr",
  français: "fr",
  francais: "fr",
};

/**
 * The language of the names MATRIX_QUADRANT returns: blank is English, the names a workbook already
 * holds; "fr", "fr-FR", "français" are French. Never the display language: a cell's value must not
 * change with who opens the workbook.
 */
function languageArgument(arg: unknown): Language {
  const cell = scalar(arg, functionMessage("argument.language"));
  if (isBlankCell(cell)) return "en";
  const word = String(cell).trim().toLowerCase();
  const language = LANGUAGE_WORDS[word] ?? languageOfTag(word);
  if (language === null)
    throw new InputProblem(functionMessage("matrix.language", { value: String(cell) }));
  return language;
}

/**
 * Nine-box cell of the strengths–attractiveness (GE-McKinsey) matrix for a product range, or its zone.
 * @customfunction MATRIX_QUADRANT
 * @param strength Strength: a 1–5 score or the market share in volume (then give strength_cuts), one cell or a range.
 * @param attractiveness Attractiveness: a 1–5 score, or the ABC class of the range's contribution margin.
 * @param [strength_cuts] Two cells {low, high}: below low is Weak, from high up is Strong (default {7/3, 11/3}).
 * @param [attractiveness_cuts] Two cells {low, high} for a numeric attractiveness (default {7/3, 11/3}).
 * @param [style] "cell" (default) for the cell's name, or "zone" for Invest / grow, Selectivity or Harvest / divest.
 * @param [language] "en" (default) for English names, or "fr" for French ones (Protéger sa position… ; Investir, Sélectivité, Récolter / abandonner).
 * @returns The cell or zone name for each range.
 */
export function matrixQuadrant(
  strength: any[][],
  attractiveness: any[][],
  strength_cuts?: any[][],
  attractiveness_cuts?: any[][],
  style?: any,
  language?: any
): string[][] {
  return excelValue(() => {
    const sCuts = cutsArgument(strength_cuts, "strength");
    const aCuts = cutsArgument(attractiveness_cuts, "attractiveness");
    const styleName = styleArgument(style);
    const names = languageArgument(language);
    const pairs = broadcast(requiredGrid(strength), requiredGrid(attractiveness));
    const options = speaking();
    const out: string[] = new Array(pairs.count);
    for (let i = 0; i < pairs.count; i++) {
      const [s, a] = pairs.at(i);
      const sLevel = readLevel(s, sCuts, "strength", i + 1, false, options);
      const aLevel = readLevel(a, aCuts, "attractiveness", i + 1, true, options);
      if (sLevel === null || aLevel === null) {
        if (sLevel !== aLevel)
          throw new InputProblem(
            functionMessage("matrix.halfBlank", {
              axis: axisName(sLevel === null ? "strength" : "attractiveness"),
              position: i + 1,
            }),
            i + 1
          );
        out[i] = "";
        continue;
      }
      out[i] =
        styleName === "zone"
          ? zoneName(zoneOf(sLevel, aLevel), names)
          : nineBoxCellIn(names, sLevel, aLevel);
    }
    return reshape(out, pairs.shape);
  });
}

/**
 * A money amount or number typed as text, read as a number: "12 500 €", "1 000,50", "$1,000.50", "(1 000)". Lets ordinary formulas (SUM, averages, shares) use a column of amounts kept as text.
 * @customfunction AMOUNT
 * @param value The cell to read: a number, or text such as "12 500 €".
 * @returns The number; blank for a blank cell.
 */
export function amount(value: any): number | string {
  return excelValue(() => {
    const reading = readAmount(scalar(value, functionMessage("argument.value")), speaking());
    if (reading.kind === "error")
      throw new InputProblem(argumentProblem(functionMessage("argument.amount"), reading));
    return reading.kind === "value" ? reading.value : "";
  });
}

/**
 * Brier score of win probabilities against what happened: the mean of (probability − outcome)², 0 for perfect forecasts, 0.25 for always saying 50 %, 1 for certainty that proved wrong.
 * @customfunction BRIER
 * @param probabilities The stated win probabilities: 20%, 0.2 or text such as "20 %".
 * @param outcomes What became of each deal, one per probability: 1 or 0, TRUE or FALSE, Won or Lost, Gagné or Perdu. A pair of blank cells is skipped.
 * @returns The mean of (probability − outcome)², between 0 and 1.
 */
export function brier(probabilities: any[][], outcomes: any[][]): number {
  return excelValue(() => {
    const pairs = forecastPairs(
      requiredGrid(probabilities),
      requiredGrid(outcomes),
      functionsLanguage()
    );
    const score = brierScore(pairs);
    if (score === null) throw divisionByZero(functionMessage("brier.nothingToScore"));
    return score;
  });
}
