/**
 * Outcome distribution of a sales pipeline: each open deal i is won with probability p_i,
 * independently, and then brings its amount a_i, so the won total is S = Σ B_i a_i with B_i ~ Bernoulli(p_i).
 * Finance reads P(S ≥ objective) and the quantiles P10 (cautious) / P50 / P90 (optimistic) from it.
 *
 * Normalisation. Deals with p = 0 or a = 0 are dropped; p = 1 deals are a certain offset; a negative
 * amount (a credit note) becomes an offset plus a positive amount won with probability 1 − p, since
 * B a = a + (1 − B)|a|. What remains is S = c + V, V = Σ B_i b_i with b_i > 0 and 0 < p_i < 1.
 * The mean is always Σ a_i p_i, summed directly (compensated), whatever the method.
 *
 * 1. Exact (`exact: true`) when the reachable totals are few, by one of two dynamic programmes:
 *    - sparse: the sorted distinct totals, deal by deal, merging equal totals; it gives up beyond
 *      `maxExactTotals` (2^16) totals or `maxExactWork` (2·10^7, Σ over deals of the totals so far);
 *    - dense: when the amounts are decimals, one cell per multiple of their greatest common divisor
 *      (10,000 deals of one size, or round amounts, in tens of milliseconds), up to 2^20 cells and
 *      2·10^8 cell updates.
 *    Amounts that are decimals (at most six places, the double nearest the decimal, as typed) are
 *    added as integers, so totals are exact and read back as the decimals (0.1 + 0.2 is 0.3); a
 *    target reaches a total within a millionth of the smallest unit. Other amounts are added in
 *    floating point and totals within the sum's round-off are merged. A quantile counts a cumulative
 *    probability within 1e-12 of q as reaching q, so that round figures do not fall on the wrong side
 *    of a floating-point sum. The handbook pipeline has 8 totals.
 *
 * 2. Otherwise, Gaussian smoothing and the characteristic function (no rounding of amounts).
 *    Let Y = V + Z with Z ~ N(0, σ_Z²) independent. For any k > 0, with δ(k) = P(Z > kσ_Z):
 *        P(Y ≥ t + kσ_Z) − δ(k)  ≤  P(V ≥ t)  ≤  P(Y ≥ t − kσ_Z) + δ(k)
 *    (if Y ≥ t + kσ_Z and Z ≤ kσ_Z then V ≥ t; if V ≥ t and Z ≥ −kσ_Z then Y ≥ t − kσ_Z).
 *    Y has a smooth density, so P(Y ≥ t) is a short Fourier series on a window [w0, w0 + T) that holds
 *    V except with probability ≤ 2·10^-15 (Hoeffding or Bernstein, whichever is tighter, or the
 *    deterministic range [0, Σ b_i] where that is narrower), padded by 9σ_Z on each side:
 *        G(t) = (T − t)/T + Σ_{m ≥ 1} [Im φ_m (cos ω_m t − 1) − Re φ_m sin ω_m t] / (πm),
 *    t = y − w0, ω_m = 2πm/T, φ_m = φ_Y(ω_m) = e^{−iω_m w0} e^{−σ_Z²ω_m²/2} Π_i (1 − p_i + p_i e^{iω_m b_i}).
 *    Every source of error is bounded and added up at run time into δ_c (`accuracy.probabilityError`):
 *    - mass outside the window, which the periodic series folds back (the tail bounds above);
 *    - frequencies above M, where φ_Z ≤ e^{-36} (a closed-form geometric bound);
 *    - frequencies whose product fell below τ = 1e-16 and was cut short (every factor has modulus
 *      ≤ 1, so the rest can only shrink it): 2(τ + round-off)/(πm) each;
 *    - round-off: of the angles (2u of m·b/T per factor, u = 2^-53), of the sine/cosine tables and
 *      the products (2e-15 per factor), of the series' evaluation, and of reading the target
 *      (through Y's density, at most 1/(σ_Z √(2π))).
 *    So |computed P(Y ≥ t) − P(Y ≥ t)| ≤ δ_c, and `probabilityBounds` returns the rigorous interval
 *        [max_k Ĝ(t + kσ_Z) − δ_c − δ(k),  min_k Ĝ(t − kσ_Z) + δ_c + δ(k)],  k ∈ {3, 3.5, 4, 5, 6},
 *    with δ(k) from the Mills-ratio bound φ(k)/k (only the k with δ(k) ≥ δ_c, so the estimate below
 *    is provably inside). `probabilityAtLeast` is Ĝ(t), the smoothed probability.
 *    Cost: M frequencies × the factors needed before |φ| < τ — a few dozen at most frequencies, all
 *    n near the centre — so M = min(2^17, 2.5·10^7 / (estimated factors per frequency)), and
 *    σ_Z = 1.35·T/M: the smoothing, hence the bound, is a fixed share of the spread of S. Deals of
 *    very low or very high probability slow the decay and buy fewer frequencies (10,000 deals all at
 *    2 %: M ≈ 13,000 and a bound about ten times wider). Queries sum the kept terms: one by one for a
 *    large pipeline (about 50 of them), by Horner's rule for a small one, whose φ never dies out
 *    (0.5 ms per probability, 10 ms per quantile).
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
 * Figures for 10,000 deals of 500 € to 250,000 € with cents, at 5 % to 95 % (bench/probability.ts:
 * pipeline total 1.25·10^9 €, σ(S) = 6.2·10^6 €): M = 2^17 frequencies, σ_Z = 1.8·10^-4 σ(S)
 * (1,120 €), δ_c ≈ 6·10^-11, ε = 6,700 € = 1.1·10^-3 σ(S) = 5.4·10^-6 of the pipeline total, and
 * probabilityBounds 6.5·10^-4 wide at the weighted total (4·10^-4 at ±1σ, 1·10^-4 at ±2σ), against
 * a standard error of 1.6·10^-3 for a 100,000-trial Monte Carlo run — in under 0.1 s on one core,
 * where that Monte Carlo run takes about 2 s.
 *
 * Why not a lattice (round amounts to a step h, convolve with FFT, bound the rounding error D):
 * D's deviation at δ = 1e-9 is about 7·h·√(n/60), so the same 10,000-deal bound would need about a
 * million bins over the spread of S; the smoothing spends its resolution only where it pays.
 */

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
   * and δ' = accuracy.quantileLevelSlack (about 1e-9).
   */
  readonly quantileErrorShare: number;
}

/** How the distribution was computed and what its bounds rest on (for tests, benchmarks, tooltips). */
export interface OutcomeAccuracy {
  readonly method: "exact" | "smoothed";
  /** Distinct totals of the exact distribution (0 when smoothed). */
  readonly distinctTotals: number;
  /** Frequencies evaluated (0 when exact). */
  readonly frequencies: number;
  /** Standard deviation σ_Z of the Gaussian smoothing, in currency units (0 when exact). */
  readonly smoothingSd: number;
  /** δ_c: bound on the numerical error of the smoothed probability P(Y ≥ t) (0 when exact). */
  readonly probabilityError: number;
  /** ε: the quantile error bound in currency units (0 when exact). */
  readonly quantileError: number;
  /** δ': the quantile level slack of the bound (0 when exact). */
  readonly quantileLevelSlack: number;
}

export interface DetailedOutcomeDistribution extends OutcomeDistribution {
  readonly accuracy: OutcomeAccuracy;
}

export interface OutcomeDistributionOptions {
  /** Largest number of distinct totals the exact path keeps (default 2^16; 0 forces the smoothed path). */
  readonly maxExactTotals?: number;
  /**
   * Work budget of the sparse exact path: Σ over deals of the totals so far (default 2·10^7); the
   * dense one gets ten times as many cell updates.
   */
  readonly maxExactWork?: number;
  /** Most frequencies of the smoothed path (default 2^17). */
  readonly maxFrequencies?: number;
  /** Work budget of the smoothed path in factor evaluations (default 2.5·10^7). */
  readonly frequencyWork?: number;
}

// Local names: inside a sandbox (Jest's vm context) each `Math.` is a slow lookup on the global object.
const { PI, abs, ceil, cos, exp, floor, hypot, log, log2, max, min, round, sin, sqrt } = Math;

const DEFAULTS = {
  maxExactTotals: 1 << 16,
  maxExactWork: 2e7,
  maxFrequencies: 1 << 17,
  frequencyWork: 2.5e7,
};

/** Cells of the dense exact path (8 MB), and its work budget relative to the sparse one's. */
const DENSE_BINS = 1 << 20;
const DENSE_WORK_FACTOR = 10;
const TWO_PI = 2 * PI;

const U = 2 ** -53;
/** The product is cut short below this magnitude. */
const TAU = 1e-16;
/** One-sided probability that V leaves the window. */
const WINDOW_TAIL = 1e-15;
/** Padding of the window, in σ_Z. */
const PAD_SDS = 9;
/** e^{-36} is φ_Z at the last frequency: σ_Z = sqrt(36 / (2π²)) · T / M. */
const LAST_FREQUENCY_EXPONENT = 36;
const QUANTILE_TAIL = 1e-9;
/** Smoothing widths tried by probabilityBounds, in σ_Z (δ(3) ≈ 1.5e-3 … δ(6) ≈ 1e-9). */
const BOUND_SDS = [3, 3.5, 4, 5, 6];
const QUANTILE_REACH = 1e-12;

/** P(S ≥ target) etc. for the pipeline; see the module comment for the method and its error bounds. */
export function outcomeDistribution(
  deals: ReadonlyArray<{ amount: number; probability: number }>,
  options: OutcomeDistributionOptions = {}
): DetailedOutcomeDistribution {
  const settings = { ...DEFAULTS, ...options };
  const pipeline = normalise(deals);
  const scale = decimalScale(pipeline);
  if (pipeline.amounts.length === 0) {
    return exactDistribution(
      pipeline,
      { values: Float64Array.of(0), weights: Float64Array.of(1) },
      scale
    );
  }
  if (settings.maxExactTotals > 0) {
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
    if (totals) return exactDistribution(pipeline, totals, scale);
  }
  return smoothedDistribution(pipeline, settings.maxFrequencies, settings.frequencyWork);
}

interface Pipeline {
  /** Deals taken into account (p > 0, a ≠ 0). */
  readonly considered: number;
  /** Σ a_i p_i. */
  readonly mean: number;
  /** Σ |a_i| over the deals taken into account. */
  readonly absTotal: number;
  /** Certain part c of S. */
  readonly offset: number;
  /** Positive amounts b_i and probabilities 0 < p_i < 1 of the uncertain part V. */
  readonly amounts: number[];
  readonly probabilities: number[];
  /** Amounts of the certain part, to rebuild c exactly in integer units. */
  readonly offsetParts: number[];
}

function normalise(deals: ReadonlyArray<{ amount: number; probability: number }>): Pipeline {
  const mean = new CompensatedSum();
  const offset = new CompensatedSum();
  const absTotal = new CompensatedSum();
  const amounts: number[] = [];
  const probabilities: number[] = [];
  const offsetParts: number[] = [];
  let considered = 0;
  deals.forEach((deal, i) => {
    const { amount, probability } = deal;
    if (typeof amount !== "number" || !Number.isFinite(amount)) {
      throw new RangeError(`deal ${i + 1}: the amount must be a finite number`);
    }
    if (typeof probability !== "number" || !(probability >= 0 && probability <= 1)) {
      throw new RangeError(`deal ${i + 1}: the probability must be between 0 and 1`);
    }
    if (probability === 0 || amount === 0) return;
    considered++;
    mean.add(amount * probability);
    absTotal.add(abs(amount));
    if (probability === 1) {
      offset.add(amount);
      offsetParts.push(amount);
    } else if (amount > 0) {
      amounts.push(amount);
      probabilities.push(probability);
    } else {
      // A credit note: B a = a + (1 − B)|a|, and 1 − B is won with probability 1 − p.
      offset.add(amount);
      offsetParts.push(amount);
      amounts.push(-amount);
      probabilities.push(1 - probability);
    }
  });
  return {
    considered,
    mean: mean.value(),
    absTotal: absTotal.value(),
    offset: offset.value(),
    amounts,
    probabilities,
    offsetParts,
  };
}

/** Neumaier's compensated summation: the weighted total to the last digit on 10^6 deals. */
class CompensatedSum {
  private sum = 0;
  private carry = 0;
  add(x: number): void {
    const t = this.sum + x;
    this.carry += abs(this.sum) >= abs(x) ? this.sum - t + x : x - t + this.sum;
    this.sum = t;
  }
  value(): number {
    return this.sum + this.carry;
  }
}

/**
 * 10^d for the fewest decimals d ≤ 6 such that every amount is the double nearest a d-decimal number
 * (1234.56 is, 1/3 is not) and the totals in units of 10^-d stay exact integers; 0 otherwise (then
 * totals are floating-point sums, merged within their round-off).
 */
function decimalScale(pipeline: Pipeline): number {
  const amounts = [...pipeline.amounts, ...pipeline.offsetParts];
  for (let d = 0, scale = 1; d <= 6; d++, scale *= 10) {
    if (pipeline.absTotal * scale >= Number.MAX_SAFE_INTEGER / 4) return 0;
    if (amounts.every((a) => round(a * scale) / scale === a)) return scale;
  }
  return 0;
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
  const units = pipeline.amounts.map((a) => round(a * scale));
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
  const order = pipeline.amounts.map((_, i) => i);
  // Small amounts first: their totals overlap most, so the list grows slowest.
  order.sort((i, j) => pipeline.amounts[i] - pipeline.amounts[j]);
  // Integer totals are exact; a float sum of k positive terms is off by at most (k − 1)·u of itself,
  // so two totals closer than twice that may be one total reached in two orders.
  const integers = scale > 0;
  const relative = 2 * pipeline.amounts.length * U;
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

function checkTarget(target: number): void {
  if (typeof target !== "number" || Number.isNaN(target))
    throw new RangeError("the target must be a number");
}

function checkLevel(q: number): void {
  if (typeof q !== "number" || !(q > 0 && q < 1))
    throw new RangeError("the quantile level must be strictly between 0 and 1");
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
      smoothingSd: 0,
      probabilityError: 0,
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

/** Upper bound on P(N(0,1) > z) (Mills' ratio φ(z)/z, and 1/2 at z ≤ 0.8). */
function normalTailBound(z: number): number {
  if (z <= 0.8) return z >= 0 ? 0.5 : 1;
  return min(0.5, exp(-0.5 * z * z) / (z * sqrt(2 * PI)));
}

/** The k with normalTailBound(k) = δ (to 1e-12). */
function sdsForTail(delta: number): number {
  let lo = 0.8;
  let hi = 40;
  while (hi - lo > 1e-12) {
    const mid = (lo + hi) / 2;
    if (normalTailBound(mid) > delta) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** e^{2πi k/1024} and e^{2πi k/2^20}, k < 1024, interleaved (cos, sin): a cosine for 2 products. */
const COARSE = new Float64Array(2048);
const FINE = new Float64Array(2048);
for (let k = 0; k < 1024; k++) {
  COARSE[2 * k] = cos((TWO_PI * k) / 1024);
  COARSE[2 * k + 1] = sin((TWO_PI * k) / 1024);
  FINE[2 * k] = cos((TWO_PI * k) / 1048576);
  FINE[2 * k + 1] = sin((TWO_PI * k) / 1048576);
}
const FINE_STEPS = 1048576;
const FINE_ANGLE = TWO_PI / FINE_STEPS;
/** Bound on the absolute error of one computed factor 1 − p + p e^{iθ} and its product (≈ 18 u). */
const FACTOR_ERROR = 2e-15;

interface Spectrum {
  readonly frequencies: Float64Array;
  readonly re: Float64Array;
  readonly im: Float64Array;
  /** Error bound from the cut-short products and the round-off of the kept ones. */
  readonly error: number;
}

/**
 * φ_Y(2πm/T) for m = 1..M, where the window coordinate is y = V − w0. Products are cut short once
 * below TAU (they can only shrink further: every factor has modulus ≤ 1); their bound enters `error`.
 */
function spectrum(
  turns: Float64Array,
  p: Float64Array,
  q: Float64Array,
  startTurns: number,
  zeta: number,
  frequencies: number
): Spectrum {
  const n = turns.length;
  const kept = { m: [] as number[], re: [] as number[], im: [] as number[] };
  // Turns of the angle summed over the factors in product order: the angle error grows with them.
  const cumulativeTurns = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cumulativeTurns[i + 1] = cumulativeTurns[i] + turns[i];
  const tau2 = TAU * TAU;
  const coarse = COARSE;
  const fine = FINE;
  const steps = FINE_STEPS;
  const step = FINE_ANGLE;
  let error = 0;
  for (let m = 1; m <= frequencies; m++) {
    const phiZ = exp(-zeta * m * m);
    // startTurns has few enough significant bits that m × startTurns is exact.
    const x0 = m * startTurns;
    const f0 = x0 - floor(x0);
    let re = phiZ * cos(TWO_PI * f0);
    let im = -phiZ * sin(TWO_PI * f0);
    let used = n;
    let cut = false;
    for (let i = 0; i < n; i++) {
      const x = m * turns[i];
      const j = (x - floor(x)) * steps;
      const k = j | 0;
      const r = (j - k) * step;
      const hi = (k >>> 10) << 1;
      const lo = (k & 1023) << 1;
      const c1 = coarse[hi];
      const s1 = coarse[hi + 1];
      const c2 = fine[lo];
      const s2 = fine[lo + 1];
      const c12 = c1 * c2 - s1 * s2;
      const s12 = c1 * s2 + s1 * c2;
      const cr = 1 - 0.5 * r * r;
      const c = c12 * cr - s12 * r;
      const s = s12 * cr + c12 * r;
      const pi = p[i];
      const fr = q[i] + pi * c;
      const fi = pi * s;
      const nr = re * fr - im * fi;
      im = re * fi + im * fr;
      re = nr;
      if ((i & 7) === 7 && re * re + im * im < tau2) {
        used = i + 1;
        cut = true;
        break;
      }
    }
    // Per factor: table, products and rounding (FACTOR_ERROR), plus the angle's error: m·b/T is
    // off by at most 2u of itself (the quotient and the product each round once).
    const roundOff = (used + 1) * FACTOR_ERROR + 4 * PI * U * m * cumulativeTurns[used] + 4 * U;
    const weight = 2 / (PI * m);
    if (cut) {
      error += weight * (sqrt(re * re + im * im) + roundOff);
    } else {
      error += weight * roundOff;
      kept.m.push(m);
      kept.re.push(re);
      kept.im.push(im);
    }
  }
  return {
    frequencies: Float64Array.from(kept.m),
    re: Float64Array.from(kept.re),
    im: Float64Array.from(kept.im),
    error,
  };
}

/**
 * G(t), the computed P(Y ≥ t) in window coordinates, from the kept frequencies:
 *   G(t) = (T − t)/T + Σ_m Re[c_m (e^{−iω_m t} − 1)],  c_m = φ_Y(ω_m) / (iπm),
 * and a bound on its round-off. A few scattered frequencies (a large pipeline: the centre of the
 * spectrum and the odd revival) are summed term by term; a dense run of them (a small pipeline,
 * whose characteristic function never dies out) by Horner's rule in z = e^{−2πi t/T}, 20 times
 * cheaper than a sine and a cosine per term.
 */
function tailSeries(sp: Spectrum, period: number): { tail: (t: number) => number; error: number } {
  const count = sp.frequencies.length;
  const top = count > 0 ? sp.frequencies[count - 1] : 0;
  let sumAbs = 0; // Σ |c_m|
  let sumMAbs = 0; // Σ m |c_m|
  let constant = 0; // Σ Re c_m
  for (let k = 0; k < count; k++) {
    const m = sp.frequencies[k];
    const size = hypot(sp.re[k], sp.im[k]) / (PI * m);
    sumAbs += size;
    sumMAbs += m * size;
    constant += sp.im[k] / (PI * m);
  }
  const linear = (t: number) => (period - t) / period;
  if (top <= 40 * count) {
    const cRe = new Float64Array(top + 1);
    const cIm = new Float64Array(top + 1);
    for (let k = 0; k < count; k++) {
      const m = sp.frequencies[k];
      cRe[m] = sp.im[k] / (PI * m);
      cIm[m] = -sp.re[k] / (PI * m);
    }
    return {
      // Horner with |z| = 1: at most ≈ 4.9 u per step on Σ|c_m| (Higham), plus z's own error
      // compounding to m u on the m-th power.
      error: 8 * U * (top + 2) * (1 + sumAbs) + 4 * U * sumMAbs,
      tail(t: number): number {
        if (t <= 0) return 1;
        if (t >= period) return 0;
        const angle = TWO_PI * (t / period);
        const zr = cos(angle);
        const zi = -sin(angle);
        let ar = 0;
        let ai = 0;
        for (let m = top; m >= 1; m--) {
          const nr = ar * zr - ai * zi + cRe[m];
          ai = ar * zi + ai * zr + cIm[m];
          ar = nr;
        }
        // The sum is Σ c_m z^m = z × (Horner's value), whose real part is ar zr − ai zi.
        return linear(t) - constant + (ar * zr - ai * zi);
      },
    };
  }
  return {
    // Per term: the angle is off by at most 4πu·m (so the term by 4u|φ_m|), plus the additions.
    error: 16 * U * (count + 2) * (1 + sumAbs),
    tail(t: number): number {
      if (t <= 0) return 1;
      if (t >= period) return 0;
      const at = t / period;
      let sum = linear(t);
      for (let k = 0; k < count; k++) {
        const m = sp.frequencies[k];
        const x = m * at;
        const angle = TWO_PI * (x - floor(x));
        sum += (sp.im[k] * (cos(angle) - 1) - sp.re[k] * sin(angle)) / (PI * m);
      }
      return sum;
    },
  };
}

/** x rounded down to `bits` significant bits. */
function truncateBits(x: number, bits: number): number {
  if (x === 0) return 0;
  const scale = 2 ** (bits - 1 - floor(log2(abs(x))));
  return floor(x * scale) / scale;
}

function smoothedDistribution(
  pipeline: Pipeline,
  maxFrequencies: number,
  frequencyWork: number
): DetailedOutcomeDistribution {
  const n = pipeline.amounts.length;
  // Largest p(1 − p) first: those factors shrink the product fastest, so products are cut soonest.
  const order = pipeline.amounts.map((_, i) => i);
  const spread = (i: number) => pipeline.probabilities[i] * (1 - pipeline.probabilities[i]);
  order.sort((i, j) => spread(j) - spread(i) || pipeline.amounts[j] - pipeline.amounts[i]);

  let mean = 0;
  let variance = 0;
  let sumSquares = 0;
  let range = 0;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const b = pipeline.amounts[i];
    const pr = pipeline.probabilities[i];
    mean += pr * b;
    variance += pr * (1 - pr) * b * b;
    sumSquares += b * b;
    range += b;
    largest = max(largest, b);
  }
  // Window for V: Hoeffding or Bernstein, whichever is narrower, clipped to [0, Σ b].
  const logTail = log(1 / WINDOW_TAIL);
  const hoeffding = sqrt((logTail * sumSquares) / 2);
  const linear = (logTail * largest) / 3;
  const bernstein = linear + sqrt(linear * linear + 2 * logTail * variance);
  // Widened by a bound on the round-off of these sums, so that the tail bounds hold for the true ones.
  const sumSlack = 4 * (n + 4) * U * (range + min(hoeffding, bernstein));
  const deviation = min(hoeffding, bernstein) + sumSlack;
  const low = max(0, mean - deviation);
  const high = min(range + sumSlack, mean + deviation);

  // Frequencies: the work budget over the factors a product needs to fall below TAU, as if each
  // factor shrank it by e^{-p(1-p)} (it shrinks it by at least that much on average over angles).
  let needed = 0;
  let factors = n;
  for (let k = 0; k < n; k++) {
    needed += spread(order[k]);
    if (needed >= log(1 / TAU)) {
      factors = k + 1;
      break;
    }
  }
  const frequencies = max(1024, min(maxFrequencies, floor(frequencyWork / factors)));
  const widthPerFrequency = sqrt(LAST_FREQUENCY_EXPONENT / (2 * PI * PI));
  const period = (high - low) / (1 - (2 * PAD_SDS * widthPerFrequency) / frequencies);
  const zeta = LAST_FREQUENCY_EXPONENT / (frequencies * frequencies);
  // σ_Z as the ζ actually used defines it (φ_Z(2πm/T) = e^{-ζm²}).
  const sigmaZ = (period * sqrt(2 * zeta)) / TWO_PI;
  // The window starts PAD_SDS σ_Z below `low`, at a multiple of T short enough in bits that
  // m × (start / T) is exact for every m: the start's phase then carries no round-off.
  const startTurns = truncateBits(
    (low - PAD_SDS * sigmaZ) / period,
    52 - ceil(log2(frequencies + 1))
  );
  const start = startTurns * period;
  const outside =
    (low > 0 ? WINDOW_TAIL : 0) +
    (high < range + sumSlack ? WINDOW_TAIL : 0) +
    normalTailBound(((low - start) / sigmaZ) * (1 - 1e-12)) +
    normalTailBound(((start + period - high) / sigmaZ) * (1 - 1e-12));

  const turns = new Float64Array(n);
  const p = new Float64Array(n);
  const q = new Float64Array(n);
  order.forEach((i, k) => {
    turns[k] = pipeline.amounts[i] / period;
    p[k] = pipeline.probabilities[i];
    q[k] = 1 - pipeline.probabilities[i];
  });
  const sp = spectrum(turns, p, q, startTurns, zeta, frequencies);
  const next = frequencies + 1;
  const truncation = ((2 / (PI * next)) * exp(-zeta * next * next)) / (1 - exp(-2 * zeta * next));
  const series = tailSeries(sp, period);
  const probabilityError = outside + truncation + sp.error + series.error;
  const tail = series.tail;

  const origin = pipeline.offset + start;
  // Rounding of the offset, the origin and the target moves the point where the tail is read by at
  // most this much (times |target| + originRoundOff); Y's density is at most 1 / (σ_Z √(2π)).
  const originRoundOff = abs(origin) + abs(pipeline.offset) + abs(start) + period;
  const readingError = (target: number) =>
    (8 * U * (abs(target) + originRoundOff)) / (sigmaZ * sqrt(2 * PI));
  const minTotal = pipeline.offset;
  const maxTotal = pipeline.offset + range;
  const rangeSlack = 4 * (n + 4) * U * pipeline.absTotal;
  const probabilityBounds = (target: number) => {
    checkTarget(target);
    // Outside the feasible range (give or take the rounding of its ends) the answer is certain.
    if (target <= minTotal - rangeSlack) return { low: 1, high: 1 };
    if (target > maxTotal + rangeSlack) return { low: 0, high: 0 };
    const t = target - origin;
    const computed = probabilityError + readingError(target);
    let lowBound = 0;
    let highBound = 1;
    for (const k of BOUND_SDS) {
      const smoothing = normalTailBound(k * (1 - 1e-12));
      // Only widths whose tail exceeds the numerical error: then the smoothed estimate itself is
      // provably inside the interval (it is within δ_c of P(Y ≥ t), which is monotone in t).
      if (smoothing < computed) continue;
      const slack = computed + smoothing;
      lowBound = max(lowBound, tail(t + k * sigmaZ) - slack);
      highBound = min(highBound, tail(t - k * sigmaZ) + slack);
    }
    return { low: lowBound, high: highBound };
  };

  const quantileSds = sdsForTail(QUANTILE_TAIL) * (1 + 1e-12);
  const tolerance = 1e-3 * sigmaZ;
  const quantileError = quantileSds * sigmaZ + tolerance + 8 * U * originRoundOff;
  return {
    deals: pipeline.considered,
    mean: pipeline.mean,
    exact: false,
    quantileErrorShare: quantileError / pipeline.absTotal,
    probabilityAtLeast(target: number): number {
      checkTarget(target);
      if (target <= minTotal - rangeSlack) return 1;
      if (target > maxTotal + rangeSlack) return 0;
      return min(1, max(0, tail(target - origin)));
    },
    probabilityBounds,
    quantile(level: number): number {
      checkLevel(level);
      // A bisection on fixed midpoints: for q1 < q2 the two searches agree until the first midpoint
      // between them, so the result is non-decreasing in q even where the computed tail wobbles.
      let lo = 0;
      let hi = period;
      for (let step = 0; step < 200 && hi - lo > tolerance; step++) {
        const mid = lo + (hi - lo) / 2;
        if (1 - tail(mid) >= level) hi = mid;
        else lo = mid;
      }
      return min(maxTotal, max(minTotal, origin + hi));
    },
    accuracy: {
      method: "smoothed",
      distinctTotals: 0,
      frequencies,
      smoothingSd: sigmaZ,
      probabilityError,
      quantileError,
      quantileLevelSlack: QUANTILE_TAIL + probabilityError,
    },
  };
}
