/**
 * Outcome distribution of a sales pipeline: each open deal i is won with probability p_i,
 * independently, and then brings its amount a_i, so the won total is S = Σ B_i a_i with B_i ~ Bernoulli(p_i).
 * Finance reads P(S ≥ objective) and the quantiles P10 (cautious) / P50 / P90 (optimistic) from it.
 *
 * Normalisation (outcomePipeline.ts). Deals with p = 0 or a = 0 are dropped; p = 1 deals are a certain
 * offset; a negative amount (a credit note) becomes an offset plus a positive amount won with
 * probability 1 − p, since B a = a + (1 − B)|a|. What remains is S = c + V, V = Σ B_i b_i with b_i > 0
 * and 0 < p_i < 1, in typed arrays. The mean is always Σ a_i p_i, summed directly (compensated),
 * whatever the method. Deals come as objects or as two columns of figures (pipelineFigures.ts).
 *
 * 1. Exact (`exact: true`) when the reachable totals are few, by one of two dynamic programmes:
 *    - sparse: the sorted distinct totals, deal by deal, merging equal totals; it gives up beyond
 *      `maxExactTotals` (2^16) totals or `maxExactWork` (2·10^7, Σ over deals of the totals so far),
 *      at once when there are too many distinct amounts (362 make more than 2^16 totals);
 *    - dense: when the amounts are decimals, one cell per multiple of their greatest common divisor
 *      (10,000 deals of one size, or round amounts, in tens of milliseconds), up to 2^20 cells and
 *      2·10^8 cell updates.
 *    Either programme's work is at least n(n + 1)/2 for n deals (the k-th deal meets at least k
 *    totals), so beyond 20,000 deals neither is tried.
 *    Amounts that are decimals (at most six places, the double nearest the decimal, as typed) are
 *    added as integers, so totals are exact and read back as the decimals (0.1 + 0.2 is 0.3); a
 *    target reaches a total within a millionth of the smallest unit. Other amounts are added in
 *    floating point and totals within the sum's round-off are merged. A quantile counts a cumulative
 *    probability within 1e-12 of q as reaching q, so that round figures do not fall on the wrong side
 *    of a floating-point sum. The handbook pipeline has 8 totals.
 *
 * 2. Otherwise, Gaussian smoothing and the characteristic function (smoothedDistribution.ts; no
 *    rounding of amounts). Let Y = V + Z with Z ~ N(0, σ_Z²) independent. For any k > 0, with
 *    δ(k) = P(Z > kσ_Z):
 *        P(Y ≥ t + kσ_Z) − δ(k)  ≤  P(V ≥ t)  ≤  P(Y ≥ t − kσ_Z) + δ(k)
 *    (if Y ≥ t + kσ_Z and Z ≤ kσ_Z then V ≥ t; if V ≥ t and Z ≥ −kσ_Z then Y ≥ t − kσ_Z).
 *    Y has a smooth density, so P(Y ≥ t) is a short Fourier series on a window [w0, w0 + T) that holds
 *    V except with probability ≤ 2·10^-15 (Hoeffding or Bernstein, whichever is tighter, or the
 *    deterministic range [0, Σ b_i] where that is narrower), padded by 9σ_Z on each side:
 *        G(t) = (T − t)/T + Σ_{m ≥ 1} [Im φ_m (cos ω_m t − 1) − Re φ_m sin ω_m t] / (πm),
 *    t = y − w0, ω_m = 2πm/T, φ_m = φ_Y(ω_m) = e^{−iω_m w0} e^{−σ_Z²ω_m²/2} Π_i (1 − p_i + p_i e^{iω_m b_i}).
 *    Each φ_m, m = 1..M, is had in one of three ways (pipelineMoments.ts):
 *    - near 0, by the cumulant series of log φ_V to order 8 — an Edgeworth expansion's starting
 *      point — with its remainder bounded by Cauchy's estimate (a deal's terms of order ≥ 9 are at
 *      most p(1−p)·25.3·x²(x/2)⁷/(72(1 − x/2)), x = ω b_i ≤ 1/2), used where that bound is no larger
 *      than a product's round-off. In a lumpy pipeline the series covers all but the largest deals
 *      (at most 16, 64, … 4,096 of them), whose factors are multiplied in, and so reaches further;
 *    - left out, when |φ_m| < τ = 1e-16 is proved without a product: |φ_V(ω)| ≤
 *      exp(−(2/π²) ω² W(π/ω)), W(x) = Σ_{b_i ≤ x} p_i(1 − p_i) b_i², from a histogram of W by amount
 *      (1 − cos θ ≥ 2θ²/π² on [−π, π]);
 *    - left out a block of consecutive frequencies at a time, when one pass over the factors at the
 *      block's centre bounds |φ_m| below τ at every m of the block: a factor's angle moves at most
 *      π·(b_i/T)·(width) over it, and 1 − cos θ is bounded from below by its series cut after a
 *      positive term (characteristicProduct.ts, blockBound). Most frequencies of a large pipeline
 *      go so: its φ_V is negligible far from 0, where the decay profile cannot show it. The bound
 *      holds over any of the factors (each has modulus ≤ 1); on the smallest deals alone it holds
 *      over blocks as many times longer as their amounts are smaller;
 *    - otherwise by the product over the deals, largest p(1 − p) first, cut short once below τ
 *      (every factor has modulus ≤ 1, so the rest can only shrink it).
 *    Every source of error is bounded and added up at run time into δ_c (`accuracy.probabilityError`):
 *    - mass outside the window, which the periodic series folds back (the tail bounds above);
 *    - frequencies above M, where φ_Z ≤ e^{-36} (a closed-form geometric bound);
 *    - frequencies left out or cut short: 2|φ_m|/(πm) each, with their bounds;
 *    - the cumulant series' remainder and round-off, 2|error of φ_m|/(πm) each;
 *    - round-off: of the angles (2u of m·b/T per factor, u = 2^-53), of the sine/cosine tables and
 *      the products (2e-15 per factor), of the series' evaluation, and of reading the target
 *      (through Y's density, at most 1/(σ_Z √(2π))).
 *    So |computed P(Y ≥ t) − P(Y ≥ t)| ≤ δ_c, and `probabilityBounds` returns the rigorous interval
 *        [max_k Ĝ(t + kσ_Z) − δ_c − δ(k),  min_k Ĝ(t − kσ_Z) + δ_c + δ(k)],  k ∈ {3, 3.5, 4, 5, 6},
 *    with δ(k) from the Mills-ratio bound φ(k)/k (only the k with δ(k) ≥ δ_c, so the estimate below
 *    is provably inside). `probabilityAtLeast` is Ĝ(t), the smoothed probability.
 *    One bound for every target, `accuracy.probabilityBound`: Y's density is at most
 *    f = (1/T)(1 + 2 Σ_{m ≥ 1} |φ_m|) (that of its periodisation, whose Fourier coefficients are the
 *    φ_m), so P(Y ≥ t ∓ kσ_Z) is within f·kσ_Z of P(Y ≥ t), and
 *        |Ĝ(t) − P(S ≥ t)|  ≤  min_k (f·kσ_Z + δ(k)) + δ_c.
 *    Choosing M (σ_Z = 1.35·T/M: the smoothing, hence the bound, is a fixed share of the spread of S).
 *    Products cost a pass over the factors each (a few dozen of them at most frequencies, all n
 *    near the centre); the other frequencies cost nothing per deal. The full budget: the most
 *    frequencies whose products fit (at most 2^17 of them and 2.5·10^7 factor evaluations). The fast
 *    plan: the most frequencies (up to 2^22) whose products cost at most 4 passes over the deals,
 *    taken when it predicts a bound within 10^-3 and proves it — with many deals φ_V is nearly
 *    Gaussian, dies within a few dozen frequencies, and the histogram bounds all the others. Deals
 *    of very low or very high probability slow the products' decay and buy fewer frequencies (10,000
 *    deals all at 2 %: M ≈ 13,000 and a bound about ten times wider). Queries sum the kept terms: one
 *    by one for a large pipeline (about 50 of them), by Horner's rule for a small one, whose φ never
 *    dies out (0.5 ms per probability, 10 ms per quantile).
 *
 * Quantiles (smoothed path). x̂ = the smallest y with computed P(Y ≤ y) ≥ q, by bisection on fixed
 * midpoints to 1e-3 σ_Z (so x̂ is non-decreasing in q), clipped to the feasible range of S. With k_q
 * such that δ(k_q) = 1e-9 (k_q ≈ 6.0), ε = k_q σ_Z + 1e-3 σ_Z (+ round-off) and δ' = 1e-9 + δ_c:
 *        Q(q − δ') − ε  ≤  x̂  ≤  Q(q + δ') + ε,
 * where Q is the exact quantile function. `quantileErrorShare` = ε / Σ|a_i| (the pipeline total);
 * δ' is `accuracy.quantileLevelSlack`. The level slack is needed in principle: where the exact
 * distribution function is flat, Q jumps, and no finite-precision method can place a quantile near
 * a jump (the handbook pipeline, forced through this path, has P(S ≤ x) = 0.1 for 0 ≤ x < 1000, so
 * its P10 may come out anywhere there).
 *
 * 3. The normal approximation (normalApproximation.ts), with the Berry–Esseen bound β = 0.5600 ·
 *    Σ E|X_i − E X_i|³ / σ³ (Shevtsova 2010, for independent summands that are not identically
 *    distributed, lattice or not) plus its numerical error (erfc within 1.2·10^-7): one pass over the
 *    deals. It falls as 1/√n: 1.0·10^-3 for a million deals of the varied pipeline below (so the
 *    smoothed plan is taken there), 7·10^-4 for a million deals of one size (a lattice too coarse for
 *    the smoothing, so the normal approximation is taken).
 *    `probabilityBound` = `quantileLevelSlack` = β + numerical error: the quantiles satisfy the
 *    inequality above with δ' = β and ε the arithmetic's round-off.
 *
 * Which method. Exact where a programme fits; else the fast smoothed plan or the normal approximation,
 * whichever bounds less, among those within 10^-3 (`accuracy.fast`); else the smoothed method on its
 * full budget (seconds for a million deals, but bounded however lumpy the distribution).
 *
 * Figures for 10,000 deals of 500 € to 250,000 € with cents, at 5 % to 95 % (bench/probability.ts:
 * pipeline total 1.25·10^9 €, σ(S) = 6.2·10^6 €): M = 2^17 frequencies, σ_Z = 1.8·10^-4 σ(S)
 * (1,120 €), δ_c ≈ 2·10^-11, ε = 6,700 € = 1.1·10^-3 σ(S) = 5.4·10^-6 of the pipeline total, every
 * probability within 3.2·10^-4 and probabilityBounds 6.5·10^-4 wide at the weighted total (4·10^-4
 * at ±1σ, 1·10^-4 at ±2σ), against a standard error of 1.6·10^-3 for a 100,000-trial Monte Carlo
 * run — in under 0.1 s on one core, where that Monte Carlo run takes about 2 s. A million such deals
 * (σ(S) = 6.2·10^7 €) take the fast plan: M = 881,744 frequencies, none of them a product,
 * σ_Z = 2.6·10^-5 σ(S) (1,580 €), every probability within 5·10^-5, ε = 9,500 € = 7.6·10^-8 of the
 * pipeline total — in about two passes over the deals (30 ms, a few times a bare weighted-sum loop).
 *
 * Why not a lattice (round amounts to a step h, convolve with FFT, bound the rounding error D):
 * D's deviation at δ = 1e-9 is about 7·h·√(n/60), so the same 10,000-deal bound would need about a
 * million bins over the spread of S; the smoothing spends its resolution only where it pays.
 */
import { checkLevel, checkTarget, U } from "./distributionMath";
import { normalDistribution } from "./normalApproximation";
import { normalise, type OutcomeDeals, type Pipeline } from "./outcomePipeline";
import { pipelineMoments } from "./pipelineMoments";
import { planSmoothing, smoothedDistribution } from "./smoothedDistribution";

export type { OutcomeDeals } from "./outcomePipeline";

/** A sales pipeline's won-total distribution. */
export interface OutcomeDistribution {
  /** Deals with p > 0 and a != 0 taken into account. */
  readonly deals: number;
  /** E[S] = Σ a_i p_i, the weighted total. */
  readonly mean: number;
  /** True when computed exactly (no approximation of the distribution). */
  readonly exact: boolean;
  /** P(S >= target). */
  probabilityAtLeast(target: number): number;
  /** A rigorous interval holding the exact P(S >= target) (equal to [p, p] when exact). */
  probabilityBounds(target: number): { low: number; high: number };
  /** Smallest total x with P(S <= x) >= q, 0 < q < 1 (P10 cautious, P90 optimistic). */
  quantile(q: number): number;
  /**
   * Bound on |computed quantile - exact quantile| as a share of the pipeline total Σ|a_i| (0 when exact):
   * the computed x̂ satisfies Q(q − δ') − ε ≤ x̂ ≤ Q(q + δ') + ε with ε = quantileErrorShare × Σ|a_i|
   * and δ' = accuracy.quantileLevelSlack (about 1e-9 when smoothed, the Berry–Esseen bound when normal).
   */
  readonly quantileErrorShare: number;
}

/** How the distribution was computed and what its bounds rest on (for tests, benchmarks, tooltips). */
export interface OutcomeAccuracy {
  readonly method: "exact" | "smoothed" | "normal";
  /** Distinct totals of the exact distribution (0 otherwise). */
  readonly distinctTotals: number;
  /** Frequencies M of the smoothed series (0 otherwise). */
  readonly frequencies: number;
  /** Of those, the frequencies whose product over the deals was computed (0 otherwise)… */
  readonly computedFrequencies: number;
  /** …and the factors multiplied in those products. */
  readonly factorEvaluations: number;
  /** The largest deals multiplied out beside the cumulant series of the others (0 otherwise). */
  readonly separateDeals: number;
  /**
   * Whether a large pipeline's few-pass method was taken (the smoothed series from cumulants and the
   * decay bound, or the normal approximation): then `probabilityBound` ≤ 10^-3.
   */
  readonly fast: boolean;
  /** Standard deviation σ_Z of the Gaussian smoothing, in currency units (0 otherwise). */
  readonly smoothingSd: number;
  /**
   * The numerical error: δ_c, bound on the error of the smoothed probability P(Y ≥ t) when smoothed;
   * that of the normal tail and its argument when normal (0 when exact).
   */
  readonly probabilityError: number;
  /** A bound on |probabilityAtLeast(t) − P(S ≥ t)| that holds for every target t (0 when exact). */
  readonly probabilityBound: number;
  /** ε: the quantile error bound in currency units (0 when exact). */
  readonly quantileError: number;
  /** δ': the quantile level slack of the bound (0 when exact). */
  readonly quantileLevelSlack: number;
}

export interface DetailedOutcomeDistribution extends OutcomeDistribution {
  readonly accuracy: OutcomeAccuracy;
}

export interface OutcomeDistributionOptions {
  /** Largest number of distinct totals the exact path keeps (default 2^16; 0 forces an approximation). */
  readonly maxExactTotals?: number;
  /**
   * Work budget of the sparse exact path: Σ over deals of the totals so far (default 2·10^7); the
   * dense one gets ten times as many cell updates.
   */
  readonly maxExactWork?: number;
  /** Most frequencies of the smoothed path whose product over the deals is computed (default 2^17). */
  readonly maxFrequencies?: number;
  /** Work budget of those products in factor evaluations (default 2.5·10^7). */
  readonly frequencyWork?: number;
  /** Most frequencies of the smoothed path in all (default 2^22). */
  readonly frequencyCap?: number;
  /**
   * Which approximation when not exact: chosen by bound and cost (default), or forced (for tests):
   * the smoothed method on its full budget, or the normal approximation.
   */
  readonly approximation?: "auto" | "smoothed" | "normal";
}

// Local names: inside a sandbox (Jest's vm context) each `Math.` is a slow lookup on the global object.
const { abs, max, min, round } = Math;

const DEFAULTS = {
  maxExactTotals: 1 << 16,
  maxExactWork: 2e7,
  maxFrequencies: 1 << 17,
  frequencyWork: 2.5e7,
  frequencyCap: 1 << 22,
  approximation: "auto" as "auto" | "smoothed" | "normal",
};

/** Cells of the dense exact path (8 MB), and its work budget relative to the sparse one's. */
const DENSE_BINS = 1 << 20;
const DENSE_WORK_FACTOR = 10;
const QUANTILE_REACH = 1e-12;
/** The fast methods are taken only with a bound at most this on every probability (issue 12). */
const FAST_BOUND_LIMIT = 1e-3;

/** P(S ≥ target) etc. for the pipeline; see the module comment for the methods and their error bounds. */
export function outcomeDistribution(
  deals: OutcomeDeals,
  options: OutcomeDistributionOptions = {}
): DetailedOutcomeDistribution {
  return pipelineDistribution(normalise(deals), options);
}

/** outcomeDistribution of a pipeline already normalised (outcomePipeline.ts). */
export function pipelineDistribution(
  pipeline: Pipeline,
  options: OutcomeDistributionOptions = {}
): DetailedOutcomeDistribution {
  const settings = { ...DEFAULTS, ...options };
  if (pipeline.count === 0) {
    return exactDistribution(
      pipeline,
      { values: Float64Array.of(0), weights: Float64Array.of(1) },
      decimalScale(pipeline)
    );
  }
  const exact = settings.maxExactTotals > 0 ? exactByProgramme(pipeline, settings) : null;
  return exact ?? approximateDistribution(pipeline, settings);
}

/** The exact distribution when a dynamic programme fits its budgets, else null. */
function exactByProgramme(
  pipeline: Pipeline,
  settings: typeof DEFAULTS
): DetailedOutcomeDistribution | null {
  const n = pipeline.count;
  if ((n * (n + 1)) / 2 > DENSE_WORK_FACTOR * settings.maxExactWork) return null;
  // Too many deals for the sparse merge and a lattice too long, seen on a few of them before the
  // passes over all the deals that would find out (a tenth of a forecast group's time).
  if ((n * (n + 1)) / 2 > settings.maxExactWork && latticeTooLong(pipeline.amounts, DENSE_BINS))
    return null;
  const scale = decimalScale(pipeline);
  const lattice =
    scale > 0
      ? planLattice(pipeline, scale, DENSE_BINS, DENSE_WORK_FACTOR * settings.maxExactWork)
      : null;
  // The sparse merge first (a few deals of any amounts), but on no more work than would make a
  // feasible dense run the better buy; it is about five times dearer per total.
  const sparseWork = lattice
    ? min(settings.maxExactWork, max(1000, lattice.work / 20))
    : settings.maxExactWork;
  const totals =
    sparseTotals(pipeline, scale, settings.maxExactTotals, sparseWork) ??
    (lattice ? latticeTotals(pipeline, lattice) : null);
  return totals ? exactDistribution(pipeline, totals, scale) : null;
}

/**
 * The cheapest method whose bound is within 10^-3, the tighter where two are about as cheap: the fast
 * smoothed plan or the normal approximation; else the thorough smoothed plan (seconds for a million
 * deals, but bounded however lumpy the distribution).
 */
function approximateDistribution(
  pipeline: Pipeline,
  settings: typeof DEFAULTS
): DetailedOutcomeDistribution {
  const moments = pipelineMoments(pipeline);
  if (settings.approximation === "normal") return normalDistribution(pipeline, moments);
  const plans = planSmoothing(moments, settings);
  if (settings.approximation === "smoothed")
    return smoothedDistribution(pipeline, moments, plans.thorough);
  const normal = normalDistribution(pipeline, moments);
  const normalBound = normal.accuracy.probabilityBound;
  if (plans.fast) {
    const fast = smoothedDistribution(pipeline, moments, plans.fast);
    // The plan's prediction assumed a density like a normal's; a lumpy V (one dominant deal) may
    // bound less well, and then the fast plan is not taken.
    const bound = fast.accuracy.probabilityBound;
    if (bound <= FAST_BOUND_LIMIT) return normalBound < bound ? asFast(normal) : fast;
  }
  if (normalBound <= FAST_BOUND_LIMIT) return asFast(normal);
  return smoothedDistribution(pipeline, moments, plans.thorough);
}

function asFast(d: DetailedOutcomeDistribution): DetailedOutcomeDistribution {
  return { ...d, accuracy: { ...d.accuracy, fast: true } };
}

/**
 * 10^d for the fewest decimals d ≤ 6 such that every amount is the double nearest a d-decimal number
 * (1234.56 is, 1/3 is not) and the totals in units of 10^-d stay exact integers; 0 otherwise (then
 * totals are floating-point sums, merged within their round-off).
 */
function decimalScale(pipeline: Pipeline): number {
  for (let d = 0, scale = 1; d <= 6; d++, scale *= 10) {
    if (pipeline.absTotal * scale >= Number.MAX_SAFE_INTEGER / 4) return 0;
    if (decimals(pipeline.amounts, scale) && pipeline.offsetParts.every((a) => isDecimal(a, scale)))
      return scale;
  }
  return 0;
}

function isDecimal(amount: number, scale: number): boolean {
  return round(amount * scale) / scale === amount;
}

/**
 * Whether every amount is the double nearest a multiple of 1/scale: a loop over the deals' own
 * array, never given another kind of array (that would deoptimise it for the next group).
 */
function decimals(amounts: Float64Array, scale: number): boolean {
  for (let i = 0; i < amounts.length; i++)
    if (round(amounts[i] * scale) / scale !== amounts[i]) return false;
  return true;
}

interface Totals {
  /** Sorted distinct values of V, in scaled units (integers when a decimal scale applies). */
  readonly values: Float64Array;
  readonly weights: Float64Array;
}

function gcd(a: number, b: number): number {
  while (b > 0) [a, b] = [b, a % b];
  return a;
}

interface Lattice {
  /** The amounts' greatest common divisor, in integer units. */
  readonly unit: number;
  /** Each amount in units, and the order to add them in (smallest first). */
  readonly steps: number[];
  readonly order: number[];
  /** Cells touched in all: Σ over deals of the lattice length so far. */
  readonly work: number;
}

/**
 * The lattice of the amounts' greatest common divisor g (in integer units), when a dense run over it
 * fits the budgets: one array cell per multiple of g. For round amounts (all multiples of 1 000 €,
 * or all equal) it beats the sparse merge by far: 10,000 deals of one size in about 50 ms.
 */
function planLattice(
  pipeline: Pipeline,
  scale: number,
  maxCells: number,
  maxWork: number
): Lattice | null {
  if (latticeEnd(pipeline.amounts, scale) + 1 > maxCells) return null;
  const units = Array.from(pipeline.amounts, (a) => round(a * scale));
  const unit = units.reduce(gcd, 0);
  const steps = units.map((u) => u / unit);
  const order = steps.map((_, i) => i).sort((i, j) => steps[i] - steps[j]);
  let top = 0;
  let work = 0;
  for (const i of order) {
    top += steps[i];
    work += top + 1;
    if (top + 1 > maxCells || work > maxWork) return null;
  }
  return { unit, steps, order, work };
}

/** Deals whose amounts tell latticeTooLong the lattice's length, at most. */
const LATTICE_SAMPLE = 4096;
/** Deals sampleStep reads between two checks of its proof. */
const SAMPLE_CHUNK = 8;

/**
 * Whether the dense run's lattice surely has more than `maxCells` cells, from the first deals: in
 * any decimal scale it has Σ b / g + 1 of them for the amounts' common step g, which divides every
 * amount and every gap between two, so is at most the smallest of either (widened for the
 * round-off of the doubles and the gaps, 4u of the amounts), and Σ b is more than the first deals'.
 * The gaps between neighbours in the deals' order: 4,096 amounts of 1,000 to 100,000 have one of
 * about 12, and their lattice 17 million cells at least; most often the first thousand deals show
 * it already, and the pass stops there. Exported for its tests.
 */
export function latticeTooLong(amounts: Float64Array, maxCells: number): boolean {
  const first = amounts[0];
  const found = Float64Array.of(first, first * (1 + 4 * U));
  const count = min(amounts.length, LATTICE_SAMPLE);
  sampleStep(amounts, count, found[0], found[1], maxCells, found);
  return cellsExceed(found[0], found[1], maxCells);
}

/**
 * Whether a lattice of step at most `step` over amounts summing to more than `sum` has more than
 * `maxCells` cells. Once true it stays true over more deals: the sum only grows and the step only
 * shrinks, and the rounded quotient, product and sum are monotone in them.
 */
function cellsExceed(sum: number, step: number, maxCells: number): boolean {
  return (sum / step) * (1 - 1e-9) + 1 > maxCells;
}

/**
 * latticeTooLong's pass over the first `count` deals: their sum and a bound on their common step,
 * written into `found` as it goes, stopping soon after they prove the lattice too long (it stays
 * so, see cellsExceed), in a function that ends with its loop. A long loop's code is compiled while
 * it runs (on the first call, before any code after it has run), and whatever after the loop needs
 * what the earlier runs saw (a comparison, even building an object to return) is dropped from that
 * code, then taken again on every call in some processes: the loop's code is kept and entered
 * again, and leaves by the dropped path (340 times in 30 computes). The first deal's sum and step
 * come as arguments, `found` holding them already: on the first call, what runs before the loop
 * runs before the function records what its code meets, and its compiled code, lacking it, was
 * dropped for good (every group then entered the loop's on-stack code, 264 times in 24 computes).
 */
function sampleStep(
  amounts: Float64Array,
  count: number,
  sum: number,
  step: number,
  maxCells: number,
  found: Float64Array
): void {
  // Proved (or not) eight deals at a time: the answer is the same as deal by deal, since once
  // proved it stays so, for one division in eight (a sixth of the pass's time).
  for (let k = 1; k < count && !cellsExceed(sum, step, maxCells);) {
    const end = min(count, k + SAMPLE_CHUNK);
    for (; k < end; k++) {
      sum += amounts[k];
      const gap = abs(amounts[k] - amounts[k - 1]);
      // Not Math.min: its NaN and −0 checks chain one deal's step to the next (neither occurs
      // here, a gap > 0 being between two numbers).
      const bound = gap + 4 * U * max(amounts[k], amounts[k - 1]);
      if (gap > 0 && bound < step) step = bound;
    }
    found[0] = sum;
    found[1] = step;
  }
}

/**
 * Σ units / g, where the lattice ends: past the cells for most amounts, seen without sorting the
 * deals. The greatest common divisor is 1 after a few deals, and its loop stops there; the sum is
 * a loop of its own, with no call left in it for a later deal to deoptimise (a dozen groups each
 * paid for compiling it again).
 */
function latticeEnd(amounts: Float64Array, scale: number): number {
  let unit = 0;
  for (let i = 0; i < amounts.length && unit !== 1; i++)
    unit = gcd(unit, round(amounts[i] * scale));
  return unitsTotal(amounts, scale) / unit;
}

function unitsTotal(amounts: Float64Array, scale: number): number {
  let sum = 0;
  for (let i = 0; i < amounts.length; i++) sum += round(amounts[i] * scale);
  return sum;
}

/** The exact distribution of V by a dense run over the lattice. */
function latticeTotals(pipeline: Pipeline, lattice: Lattice): Totals {
  const { unit, steps, order } = lattice;
  const cells = new Float64Array(steps.reduce((s, k) => s + k, 0) + 1);
  cells[0] = 1;
  let top = 0;
  for (const i of order) {
    const k = steps[i];
    const p = pipeline.probabilities[i];
    const q = 1 - p;
    for (let j = top + k; j >= k; j--) cells[j] = q * cells[j] + p * cells[j - k];
    for (let j = min(k, top + 1) - 1; j >= 0; j--) cells[j] *= q;
    top += k;
  }
  let count = 0;
  for (let j = 0; j <= top; j++) if (cells[j] > 0) count++;
  const values = new Float64Array(count);
  const weights = new Float64Array(count);
  for (let j = 0, c = 0; j <= top; j++) {
    if (cells[j] > 0) {
      values[c] = j * unit;
      weights[c++] = cells[j];
    }
  }
  return { values, weights };
}

/** The exact distribution of V, or null when it would exceed the budgets. */
function sparseTotals(
  pipeline: Pipeline,
  scale: number,
  maxTotals: number,
  maxWork: number
): Totals | null {
  const n = pipeline.count;
  // The k-th deal meets at least k totals (0 and the sums of the largest ones so far are distinct).
  if ((n * (n + 1)) / 2 > maxWork) return null;
  // Integer totals are never merged unless equal, and too many distinct amounts have too many.
  if (scale > 0 && distinctAtLeast(pipeline.amounts, fewestOverflowing(maxTotals))) return null;
  const order = Array.from({ length: n }, (_, i) => i);
  // Small amounts first: their totals overlap most, so the list grows slowest.
  order.sort((i, j) => pipeline.amounts[i] - pipeline.amounts[j]);
  // Integer totals are exact; a float sum of k positive terms is off by at most (k − 1)·u of itself,
  // so two totals closer than twice that may be one total reached in two orders.
  const integers = scale > 0;
  const relative = 2 * n * U;
  let values = new Float64Array(16);
  let weights = new Float64Array(16);
  let nextValues = new Float64Array(16);
  let nextWeights = new Float64Array(16);
  values[0] = 0;
  weights[0] = 1;
  let length = 1;
  let work = 0;
  for (const i of order) {
    const b = scale > 0 ? round(pipeline.amounts[i] * scale) : pipeline.amounts[i];
    const p = pipeline.probabilities[i];
    const q = 1 - p;
    work += length;
    if (work > maxWork) return null;
    const capacity = min(2 * length, maxTotals);
    if (nextValues.length < capacity) {
      nextValues = new Float64Array(max(capacity, 2 * nextValues.length));
      nextWeights = new Float64Array(nextValues.length);
    }
    // Merge "lost" (v, w q) with "won" (v + b, w p), both already sorted.
    let lost = 0;
    let won = 0;
    let k = 0;
    while (lost < length || won < length) {
      let v: number;
      let w: number;
      if (won >= length || (lost < length && values[lost] <= values[won] + b)) {
        v = values[lost];
        w = weights[lost++] * q;
      } else {
        v = values[won] + b;
        w = weights[won++] * p;
      }
      if (k > 0 && v - nextValues[k - 1] <= (integers ? 0.5 : relative * v)) {
        nextWeights[k - 1] += w;
      } else {
        if (k >= maxTotals || k >= nextValues.length) return null;
        nextValues[k] = v;
        nextWeights[k++] = w;
      }
    }
    [values, nextValues] = [nextValues, values];
    [weights, nextWeights] = [nextWeights, weights];
    length = k;
  }
  return { values: values.slice(0, length), weights: weights.slice(0, length) };
}

/**
 * The fewest distinct amounts that surely make more than `maxTotals` distinct totals: D amounts
 * a_1 < … < a_D make at least D(D + 1)/2 + 1, since for each k < D the sums of the k largest and
 * one of the D − k others are D − k distinct totals in (sum of the k largest, sum of the k + 1
 * largest], beside 0. A list of 65,536 totals is overflowed by 362 distinct amounts.
 */
function fewestOverflowing(maxTotals: number): number {
  let d = 0;
  while ((d * (d + 1)) / 2 + 1 <= maxTotals) d++;
  return d;
}

/** Whether the amounts take at least `count` distinct values (found among the first deals, mostly). */
function distinctAtLeast(amounts: Float64Array, count: number): boolean {
  const seen = new Set<number>();
  for (let i = 0; i < amounts.length && seen.size < count; i++) seen.add(amounts[i]);
  return seen.size >= count;
}

function exactDistribution(
  pipeline: Pipeline,
  totals: Totals,
  scale: number
): DetailedOutcomeDistribution {
  const count = totals.values.length;
  const values = new Float64Array(count);
  if (scale > 0) {
    // Integer units throughout, one division at the end: 0.1 + 0.2 reads back as 0.3.
    let scaledOffset = 0;
    for (const a of pipeline.offsetParts) scaledOffset += round(a * scale);
    for (let j = 0; j < count; j++) values[j] = (scaledOffset + totals.values[j]) / scale;
  } else {
    for (let j = 0; j < count; j++) values[j] = pipeline.offset + totals.values[j];
  }
  // Tails summed from the top and the distribution function from the bottom: each small
  // probability is then a sum of small numbers, accurate to its own size.
  const atLeast = new Float64Array(count + 1);
  for (let j = count - 1; j >= 0; j--) atLeast[j] = min(1, atLeast[j + 1] + totals.weights[j]);
  const atMost = new Float64Array(count);
  let running = 0;
  for (let j = 0; j < count; j++) atMost[j] = running = min(1, running + totals.weights[j]);
  // A total within round-off of the target reaches it: a millionth of the smallest unit for decimal
  // amounts (whose totals are the doubles nearest the decimals, like the targets typed), and the
  // round-off bound of a float sum of all the terms otherwise.
  const terms = pipeline.considered + 2;
  const reach = (target: number) =>
    scale > 0
      ? 1e-6 / scale
      : 2 * terms * U * (abs(target) + 2 * abs(pipeline.offset)) + Number.MIN_VALUE;

  const probabilityAtLeast = (target: number): number => {
    checkTarget(target);
    return atLeast[lowerBound(values, target - reach(target))];
  };
  return {
    deals: pipeline.considered,
    mean: pipeline.mean,
    exact: true,
    quantileErrorShare: 0,
    probabilityAtLeast,
    probabilityBounds(target: number) {
      const p = probabilityAtLeast(target);
      return { low: p, high: p };
    },
    quantile(q: number): number {
      checkLevel(q);
      return values[min(count - 1, lowerBound(atMost, q - QUANTILE_REACH))];
    },
    accuracy: {
      method: "exact",
      distinctTotals: count,
      frequencies: 0,
      computedFrequencies: 0,
      factorEvaluations: 0,
      separateDeals: 0,
      fast: false,
      smoothingSd: 0,
      probabilityError: 0,
      probabilityBound: 0,
      quantileError: 0,
      quantileLevelSlack: 0,
    },
  };
}

/** First index j with sorted[j] ≥ x (sorted.length when none). */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
