/**
 * Outcome distribution of a 10,000-deal pipeline (src/domain/distribution.ts) against the obvious
 * alternative, a 100,000-trial Monte Carlo run, in the same process on the same deals:
 * time, and error — our rigorous bound against the Monte Carlo standard error sqrt(p(1 − p)/N).
 * Then a million deals (issue 12): PIPELINE_PROBABILITY and PIPELINE_QUANTILE, as built, against a
 * bare weighted-sum loop over the same cells, with the bound they state.
 *
 * `npx tsx bench/probability.ts` prints the lines; bench/run.ts collects them with the other targets.
 * The million-deal part needs `npm run build` first (bench/run.ts does it). It also times the domain
 * path the functions take once they read the cells with withPipelineFigures (src/domain/pipelineFigures.ts).
 */
import { builtImplementations } from "../test/support/carnet-engine";
import { type DetailedOutcomeDistribution, outcomeDistribution } from "../src/domain/distribution";
import { pipelineFigures, withPipelineFigures } from "../src/domain/pipelineFigures";
import { mulberry32 } from "../test/support/random";

const DEALS = 10_000;
const TRIALS = 100_000;

/** Varied amounts 500 € to 250,000 € with cents, probabilities 5 % to 95 % in whole percents. */
function pipeline(): { amount: number; probability: number }[] {
  const random = mulberry32(399);
  return Array.from({ length: DEALS }, () => ({
    amount: Math.round((500 + random() * 249_500) * 100) / 100,
    probability: Math.round((0.05 + 0.9 * random()) * 100) / 100,
  }));
}

/**
 * The share of simulated outcomes at or above the target, and P10/P50/P90 of the simulated totals.
 * As fast as a plain loop gets, so the baseline is not handicapped: xorshift128 (Marsaglia), and a
 * branch-free "won" test (a random branch would mispredict half the time).
 */
function monteCarlo(
  deals: { amount: number; probability: number }[],
  target: number,
  trials: number
) {
  const n = deals.length;
  const amounts = Float64Array.from(deals, (d) => d.amount);
  const cut = Int32Array.from(deals, (d) => Math.floor(d.probability * 2 ** 31));
  const totals = new Float64Array(trials);
  let x = 399;
  let y = 362436069;
  let z = 521288629;
  let w = 88675123;
  let hits = 0;
  for (let k = 0; k < trials; k++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const t = x ^ (x << 11);
      x = y;
      y = z;
      z = w;
      w = w ^ (w >>> 19) ^ (t ^ (t >>> 8));
      // ((w >>> 1) − cut) >> 31 is −1 exactly when the uniform 31-bit draw is below p·2^31.
      total += amounts[i] * ((((w >>> 1) - cut[i]) >> 31) & 1);
    }
    totals[k] = total;
    if (total >= target) hits++;
  }
  totals.sort();
  const at = (q: number) => totals[Math.ceil(q * trials) - 1];
  return { probability: hits / trials, p10: at(0.1), p50: at(0.5), p90: at(0.9) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const euros = (x: number) => `${Math.round(x).toLocaleString("en-US")} €`;
const ms = (t: number) => `${t.toFixed(1)} ms`;

/** Median wall time of `runs` calls, in ms. */
function time(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const MILLION = 1_000_000;
/** The target: the functions within this many times the bare weighted-sum loop. */
const LOOP_RATIO = 20;

/** A column of cells as Excel hands a range to a custom function: one array per row. */
function cells(values: number[]): number[][] {
  return values.map((v) => [v]);
}

function describeAccuracy(d: DetailedOutcomeDistribution, total: number): string {
  const a = d.accuracy;
  const how =
    a.method === "smoothed"
      ? `smoothed, ${a.fast ? "fast plan" : "full budget"}: ${a.frequencies.toLocaleString("en-US")} frequencies, ` +
        `${a.computedFrequencies} of them by a product over the deals, σ_Z ${euros(a.smoothingSd)}`
      : a.method;
  return (
    `    ${how}; every probability within ±${a.probabilityBound.toExponential(2)}, ` +
    `quantiles within ${euros(a.quantileError)} (${((a.quantileError / total) * 100).toExponential(2)} % of the pipeline total) ` +
    `at levels q ± ${a.quantileLevelSlack.toExponential(1)}`
  );
}

/** A million rows of the varied pipeline, as cells, and the bare weighted-sum loop over them. */
function millionRows() {
  const random = mulberry32(1_000_399);
  const amountValues: number[] = [];
  const probabilityValues: number[] = [];
  for (let i = 0; i < MILLION; i++) {
    amountValues.push(Math.round((500 + random() * 249_500) * 100) / 100);
    probabilityValues.push(Math.round((0.05 + 0.9 * random()) * 100) / 100);
  }
  const amounts = cells(amountValues);
  const probabilities = cells(probabilityValues);
  const bare = () => {
    let s = 0;
    for (let i = 0; i < MILLION; i++) s += amounts[i][0] * probabilities[i][0];
    return s;
  };
  return { amounts, probabilities, total: amountValues.reduce((s, a) => s + a, 0), bare };
}

/**
 * PIPELINE_PROBABILITY and PIPELINE_QUANTILE over a million rows, against the floor: one bare loop
 * of amount × probability over the same cells. Each timed five times, alternated, medians.
 */
function benchMillion(): string[] {
  const { amounts, probabilities, total, bare } = millionRows();
  const weighted = bare();
  const target = Math.ceil(weighted / 1_000_000) * 1_000_000;
  const functions = builtImplementations();
  const probability = functions.get("PIPELINE_PROBABILITY")!;
  const quantile = functions.get("PIPELINE_QUANTILE")!;
  const columns = { amounts, probabilities };
  const domainProbability = () =>
    withPipelineFigures(columns, undefined, (f) =>
      outcomeDistribution(f).probabilityAtLeast(target)
    );
  const domainQuantile = () =>
    withPipelineFigures(columns, undefined, (f) => outcomeDistribution(f).quantile(0.1));
  // Warm-up, and the answers must agree whichever way they are reached.
  const p = probability(amounts, probabilities, target) as number;
  const q = quantile(amounts, probabilities, 0.1) as number;
  if (p !== domainProbability() || q !== domainQuantile())
    throw new Error("the built functions and the domain path disagree");
  const times = {
    bare: [] as number[],
    p: [] as number[],
    q: [] as number[],
    dp: [] as number[],
    dq: [] as number[],
  };
  for (let run = 0; run < 5; run++) {
    times.bare.push(time(bare, 3));
    times.p.push(time(() => probability(amounts, probabilities, target), 1));
    times.q.push(time(() => quantile(amounts, probabilities, 0.1), 1));
    times.dp.push(time(domainProbability, 1));
    times.dq.push(time(domainQuantile, 1));
  }
  const tBare = median(times.bare);
  const [tP, tQ, tDp, tDq] = [times.p, times.q, times.dp, times.dq].map(median);
  const d = outcomeDistribution(pipelineFigures(columns));
  const bound = d.accuracy.probabilityBound;
  const ratio = (t: number) => `${(t / tBare).toFixed(1)}×`;
  const pass = tP <= LOOP_RATIO * tBare && tQ <= LOOP_RATIO * tBare && bound <= 1e-3;
  return [
    "",
    `Outcome distribution, ${MILLION.toLocaleString("en-US")} deals as cells of a range (weighted total ${euros(weighted)}, pipeline total ${euros(total)}), target ${euros(target)}`,
    `  bare weighted-sum loop over the same cells: ${ms(tBare)} (median of 5 × 3)`,
    `  PIPELINE_PROBABILITY, built functions.js: ${ms(tP)} = ${ratio(tP)} the loop; P(S ≥ target) = ${p.toFixed(5)}`,
    `  PIPELINE_QUANTILE(10 %), built functions.js: ${ms(tQ)} = ${ratio(tQ)} the loop; P10 = ${euros(q)}`,
    `  the domain path, withPipelineFigures(..., outcomeDistribution): probability ${ms(tDp)} = ${ratio(tDp)}, quantile ${ms(tDq)} = ${ratio(tDq)}`,
    describeAccuracy(d, total),
    `${pass ? "PASS" : "FAIL"}  PIPELINE_PROBABILITY and PIPELINE_QUANTILE, 1,000,000 deals: within ${LOOP_RATIO}× the bare weighted-sum loop ` +
      `(${ratio(tP)} and ${ratio(tQ)}) with every probability within ±${bound.toExponential(2)} (target ≤ 1e-3)`,
  ];
}

export async function benchProbability(): Promise<string[]> {
  const deals = pipeline();
  const weighted = deals.reduce((s, d) => s + d.amount * d.probability, 0);
  // An objective a sales manager would set: the weighted total rounded up to the next 100,000 €.
  const target = Math.ceil(weighted / 100_000) * 100_000;

  const run = () => {
    const d = outcomeDistribution(deals);
    return {
      d,
      p: d.probabilityAtLeast(target),
      p10: d.quantile(0.1),
      p50: d.quantile(0.5),
      p90: d.quantile(0.9),
    };
  };
  run(); // warm-up: compile the hot loops before timing, as Monte Carlo's loop is compiled during its run
  const times: number[] = [];
  let ours = run();
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    ours = run();
    times.push(performance.now() - t0);
  }
  const tOurs = median(times);
  const bounds = ours.d.probabilityBounds(target);
  const ourError = Math.max(ours.p - bounds.low, bounds.high - ours.p);

  const t0 = performance.now();
  const mc = monteCarlo(deals, target, TRIALS);
  const tMonteCarlo = performance.now() - t0;
  const standardError = Math.sqrt((mc.probability * (1 - mc.probability)) / TRIALS);
  const gap = Math.abs(mc.probability - ours.p);

  const faster = tOurs < tMonteCarlo;
  const tighter = ourError < standardError;
  const accuracy = ours.d.accuracy;
  const total = deals.reduce((s, d) => s + d.amount, 0);
  return [
    "",
    `Outcome distribution, ${DEALS.toLocaleString("en-US")} deals (weighted total ${euros(weighted)}, pipeline total ${euros(total)}), target ${euros(target)}`,
    `  ours (${accuracy.method}, ${accuracy.frequencies} frequencies, σ_Z ${euros(accuracy.smoothingSd)}): ` +
      `${ms(tOurs)} for the distribution, P(S ≥ target) and P10/P50/P90 (median of 5)`,
    `    P(S ≥ target) = ${ours.p.toFixed(5)}, rigorous interval [${bounds.low.toFixed(5)}, ${bounds.high.toFixed(5)}], ` +
      `error ≤ ${ourError.toExponential(2)}`,
    `    P10 / P50 / P90 = ${euros(ours.p10)} / ${euros(ours.p50)} / ${euros(ours.p90)}, ` +
      `each within ${euros(accuracy.quantileError)} (${(ours.d.quantileErrorShare * 100).toExponential(2)} % of the pipeline total)`,
    `  Monte Carlo, ${TRIALS.toLocaleString("en-US")} trials: ${ms(tMonteCarlo)}`,
    `    P(S ≥ target) = ${mc.probability.toFixed(5)}, standard error ${standardError.toExponential(2)} ` +
      `(ours is ${(gap / standardError).toFixed(2)} standard errors away)`,
    `    P10 / P50 / P90 = ${euros(mc.p10)} / ${euros(mc.p50)} / ${euros(mc.p90)}`,
    `  Monte Carlo time / ours = ${(tMonteCarlo / tOurs).toFixed(1)}; Monte Carlo standard error / our bound = ${(standardError / ourError).toFixed(1)}`,
    `${faster && tighter ? "PASS" : "FAIL"}  outcome distribution, 10,000 deals: faster than a 100,000-trial Monte Carlo run ` +
      `(${ms(tOurs)} vs ${ms(tMonteCarlo)}) and a tighter error bound than its standard error ` +
      `(${ourError.toExponential(2)} vs ${standardError.toExponential(2)})`,
    ...benchMillion(),
  ];
}

if (/bench[\\/]probability\.ts$/.test(process.argv[1] ?? "")) {
  void benchProbability().then((lines) => {
    for (const line of lines) console.log(line);
  });
}
