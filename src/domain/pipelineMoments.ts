/**
 * One pass over the uncertain part V = Σ B_i b_i of a pipeline (outcomePipeline.ts) for what the
 * approximate methods of distribution.ts need: the window's moments, the Berry–Esseen sum, and the
 * deals by amount (`AmountProfile`: the cumulants of V to order 6 below each amount, for its
 * characteristic function near 0, see `logCharacteristic`, and a lower bound on how fast |φ_V|
 * decays) and by p(1−p) (to order and cost the products of the characteristic function).
 */
import { CompensatedSum, type Pipeline } from "./outcomePipeline";
import { U } from "./distributionMath";

/** Bins of p(1−p) ∈ (0, 1/4]: bin ⌊1024·p(1−p)⌋, 0 to 256. */
const SPREAD_SCALE = 1024;
const SPREAD_BINS = SPREAD_SCALE / 4 + 1;

/** Amount bins: a positive double's top 16 bits (exponent and 4 mantissa bits), 16 bins per octave. */
const AMOUNT_BINS = 1 << 15;
/** Per amount bin: Σ p(1−p), the deals, and κ_2 … κ_8 (slot k holds κ_k; κ_2 = Σ p(1−p)b²). */
const STRIDE = 10;
const SPREAD = 0;
const DEALS = 1;
/** The cumulant series' order. */
const ORDER = 8;
const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);
/** Which 32-bit word of a double holds its sign and exponent (1 on little-endian machines). */
const HIGH_WORD = (() => {
  BITS[0] = 1;
  return WORDS[1] === 0x3ff00000 ? 1 : 0;
})();

/** The bin of a positive amount (as binDeals computes it, inline). */
function amountBin(amount: number): number {
  BITS[0] = amount;
  return WORDS[HIGH_WORD] >>> 16;
}

/** The smallest double above every amount of bin `bin`. */
function binUpperEdge(bin: number): number {
  WORDS[HIGH_WORD] = (bin + 1) << 16;
  WORDS[1 - HIGH_WORD] = 0;
  return BITS[0];
}

/**
 * The deals by amount, over the occupied amount bins in ascending order. Two uses:
 *
 * W(x) = Σ over deals with b_i ≤ x of p_i(1 − p_i) b_i², from below. Since 1 − cos θ ≥ 2θ²/π² for
 * |θ| ≤ π, and |1 − p + p e^{iθ}|² = 1 − 2p(1 − p)(1 − cos θ) ≤ e^{−2p(1−p)(1−cos θ)},
 *     |φ_V(ω)| ≤ exp(−(2/π²) ω² W(π/ω))   for every ω > 0, whatever the amounts,
 * so one histogram bounds the characteristic function at every frequency where enough of the
 * pipeline's variance sits in deals smaller than π/ω (a lattice of coarse amounts gets no bound
 * there, as it should: its |φ_V| returns to 1).
 *
 * The cumulants of the deals below each bin edge: the cumulant series of those deals reaches up to
 * ω = CUMULANT_REACH / edge, and the few larger deals of a lumpy pipeline are multiplied out.
 */
export interface AmountProfile {
  /** Upper edges of the occupied amount bins, ascending. */
  readonly edges: Float64Array;
  /** below[k] = W over the first k occupied bins, lowered by its round-off (below[0] = 0). */
  readonly below: Float64Array;
  /** Σ p(1−p) and the number of deals over the first k occupied bins (for estimating costs). */
  readonly spreadBelow: Float64Array;
  readonly dealsBelow: Float64Array;
  /** κ_2..κ_8 over the first k occupied bins at [9k + 2 … 9k + 8]. */
  readonly cumulantsBelow: Float64Array;
}

/** What the cumulant series needs: κ_2..κ_8 (at indexes 2..8), the largest amount, and the round-off. */
export interface CumulantSums {
  readonly cumulants: Float64Array;
  readonly largest: number;
  /**
   * Relative round-off γ of the sums: |computed κ_k − κ_k| ≤ γ·|c|_k·b_max^{k−2}·κ_2, since every
   * term is within 16u of itself and |c_k(p)| ≤ |c|_k·p(1 − p), |c|_k = 1 up to order 6, 2 and 5
   * for orders 7 and 8.
   */
  readonly roundOff: number;
}

export interface Moments extends CumulantSums {
  /** Number n of uncertain deals. */
  readonly count: number;
  /** Σ p_i b_i, Σ b_i², Σ b_i and max b_i, plainly summed (for the window). */
  readonly mean: number;
  readonly sumSquares: number;
  readonly range: number;
  /** Σ_i E|X_i − E X_i|³ = Σ_i p_i(1 − p_i)(1 − 2p_i(1 − p_i)) b_i³ (Berry–Esseen). */
  readonly absoluteThird: number;
  readonly profile: AmountProfile;
  /** Deals per bin of p(1 − p), bin ⌊1024·p(1−p)⌋ (whole numbers, as binDeals counts them). */
  readonly spreads: Float64Array;
}

/**
 * The amount bins, kept from call to call and left zeroed: 2.6 MB that a million-deal call would
 * otherwise hand the garbage collector each time. A constant of the module rather than an argument:
 * binDeals' compiled loop then knows the array and checks it once, not on every deal (5 % of the
 * pass). After the amount bins, in the same array for the same reason, the deals per bin of
 * p(1 − p) (counted in doubles, exactly) and one slot that binDeals writes each amount to, to read
 * its top bits through BIN_WORDS: three arrays fewer for the loop to check (9 % of the pass).
 */
const SPREAD_COUNTS = STRIDE * AMOUNT_BINS;
const SCRATCH = SPREAD_COUNTS + SPREAD_BINS;
/**
 * After the scratch slot, the constants of binDeals' polynomials, which its loop reads from here
 * rather than writing them in its code: with a dozen sums live, the compiled loop has no register
 * left for them and rebuilt each from the code on every deal (two instructions each), where a read
 * beside the bins' own costs one (4 % of the pass; the loop is bound by the instructions it issues).
 * Multiplying by a constant read or written gives the same double.
 */
const CONSTANTS = SCRATCH + 1;
const SIX = CONSTANTS;
const TWELVE = CONSTANTS + 1;
const C30 = CONSTANTS + 2;
const C120 = CONSTANTS + 3;
const C60 = CONSTANTS + 4;
const C360 = CONSTANTS + 5;
const C126 = CONSTANTS + 6;
const C1680 = CONSTANTS + 7;
const C5040 = CONSTANTS + 8;
const SCALE = CONSTANTS + 9;
const AMOUNT_BIN_SUMS = new Float64Array(CONSTANTS + 10);
AMOUNT_BIN_SUMS.set([6, 12, 30, 120, 60, 360, 126, 1680, 5040, SPREAD_SCALE], CONSTANTS);
const BIN_WORDS = new Uint32Array(AMOUNT_BIN_SUMS.buffer);
/**
 * The word of BIN_WORDS that holds the sign and exponent of AMOUNT_BIN_SUMS[SCRATCH]; a constant
 * of the module, as binDeals' first call has no feedback for the arithmetic before its loop.
 */
const SCRATCH_HIGH = 2 * SCRATCH + HIGH_WORD;

/** The moments, cumulants and histograms of V in one pass over the deals. */
export function pipelineMoments(pipeline: Pipeline): Moments {
  const { amounts, probabilities, count: n } = pipeline;
  const sums = binDeals(amounts, probabilities, n);
  // A copy of the counts as they are (converting them to integers would cost more than the copy).
  const spreads = AMOUNT_BIN_SUMS.slice(SPREAD_COUNTS, SCRATCH);
  AMOUNT_BIN_SUMS.fill(0, SPREAD_COUNTS, SCRATCH);
  // The largest amount's bin is the last occupied one (a positive double's top bits grow with it).
  const profile = amountProfile(AMOUNT_BIN_SUMS, n, sums.firstBin, amountBin(sums.largest));
  const occupied = profile.edges.length;
  return {
    count: n,
    mean: sums.mean,
    sumSquares: sums.sumSquares,
    range: sums.range,
    largest: sums.largest,
    cumulants: profile.cumulantsBelow.slice(9 * occupied, 9 * occupied + 9),
    roundOff: cumulantRoundOff(n, occupied),
    absoluteThird: sums.third,
    profile,
    spreads,
  };
}

/**
 * The pass over the deals, a function of its own whose loop is followed only by the object of its
 * sums: the compiler optimises a long loop while it runs, and code after it that reads or calls
 * anything, never run by then, would be dropped and taken again on every call (a million deals cut
 * in a dozen groups is a dozen calls).
 */
function binDeals(amounts: Float64Array, probabilities: Float64Array, n: number) {
  const bins = AMOUNT_BIN_SUMS;
  const words = BIN_WORDS;
  const high = SCRATCH_HIGH;
  let mean = 0;
  let sumSquares = 0;
  let range = 0;
  let largest = 0;
  let third = 0;
  let firstBin = AMOUNT_BINS;
  for (let i = 0; i < n; i++) {
    const b = amounts[i];
    const p = probabilities[i];
    const s = p * (1 - p);
    const d = 1 - 2 * p;
    const b2 = b * b;
    const sb2 = s * b2;
    const sb3 = sb2 * b;
    const sb4 = sb3 * b;
    const sb5 = sb4 * b;
    const sb6 = sb5 * b;
    mean += p * b;
    sumSquares += b2;
    range += b;
    if (b > largest) largest = b;
    third += sb3 * (1 - 2 * s);
    bins[SCRATCH] = b;
    const bin = words[high] >>> 16; // as amountBin(b)
    if (bin < firstBin) firstBin = bin;
    const at = bin * STRIDE;
    // κ_2 … κ_8 of a Bernoulli(p) (κ_{k+1} = p(1−p)·dκ_k/dp): s, s·d, s(1 − 6s), s·d(1 − 12s),
    // s(1 − 30s + 120s²), s·d(1 − 60s + 360s²), s(1 − 126s + 1680s² − 5040s³).
    bins[at + SPREAD] += s;
    bins[at + DEALS]++;
    bins[at + 2] += sb2;
    bins[at + 3] += sb3 * d;
    bins[at + 4] += sb4 * (1 - s * bins[SIX]);
    bins[at + 5] += sb5 * d * (1 - s * bins[TWELVE]);
    bins[at + 6] += sb6 * (1 - s * (bins[C30] - s * bins[C120]));
    bins[at + 7] += sb6 * b * d * (1 - s * (bins[C60] - s * bins[C360]));
    bins[at + 8] += sb6 * b2 * (1 - s * (bins[C126] - s * (bins[C1680] - s * bins[C5040])));
    bins[SPREAD_COUNTS + ((s * bins[SCALE]) | 0)]++;
  }
  return { mean, sumSquares, range, largest, third, firstBin };
}

/** γ for sums of n terms spread over `occupied` bins and added up bin by bin. */
function cumulantRoundOff(n: number, occupied: number): number {
  return 1.1 * (n + occupied + 16) * U;
}

/** The profile of the amount bins `first` to `last` (the others are empty), emptying them. */
function amountProfile(bins: Float64Array, n: number, first: number, last: number): AmountProfile {
  let occupied = 0;
  for (let bin = first; bin <= last; bin++) if (bins[STRIDE * bin + DEALS] > 0) occupied++;
  const edges = new Float64Array(occupied);
  const below = new Float64Array(occupied + 1);
  const spreadBelow = new Float64Array(occupied + 1);
  const dealsBelow = new Float64Array(occupied + 1);
  const cumulantsBelow = new Float64Array(9 * (occupied + 1));
  // Each bin's sum and the running sum are off by at most (n + occupied + 8)u of themselves.
  const lowered = 1 - 2 * (n + occupied + 8) * U;
  for (let bin = first, k = 0; bin <= last; bin++) {
    const at = STRIDE * bin;
    if (!(bins[at + DEALS] > 0)) continue;
    edges[k] = binUpperEdge(bin);
    spreadBelow[k + 1] = spreadBelow[k] + bins[at + SPREAD];
    dealsBelow[k + 1] = dealsBelow[k] + bins[at + DEALS];
    // Emptied slot by slot as read (a call of fill per bin took an eighth of a small pipeline's
    // moments).
    const row = 9 * k;
    for (let order = 2; order <= ORDER; order++) {
      cumulantsBelow[row + 9 + order] = cumulantsBelow[row + order] + bins[at + order];
      bins[at + order] = 0;
    }
    below[k + 1] = cumulantsBelow[row + 11] * lowered;
    bins[at + SPREAD] = 0;
    bins[at + DEALS] = 0;
    k++;
  }
  return { edges, below, spreadBelow, dealsBelow, cumulantsBelow };
}

/** W(x) from below: the deals of the bins lying wholly at or below x. */
export function decayWeight(profile: AmountProfile, x: number): number {
  let lo = 0;
  let hi = profile.edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (profile.edges[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return profile.below[lo];
}

/**
 * The cumulant sums of the deals of the first `bins` occupied bins (all of them: the pipeline's),
 * whose amounts lie below that bin's upper edge.
 */
export function cumulantsBelow(moments: Moments, bins: number): CumulantSums {
  const { profile } = moments;
  const occupied = profile.edges.length;
  if (bins >= occupied) return moments;
  return {
    cumulants: profile.cumulantsBelow.slice(9 * bins, 9 * bins + 9),
    largest: bins > 0 ? profile.edges[bins - 1] : 0,
    roundOff: cumulantRoundOff(moments.count, occupied),
  };
}

/** The deals at or above `threshold` (to be multiplied out), and Σ p·b over them, compensated. */
export function dealsFrom(
  pipeline: Pipeline,
  threshold: number
): { amounts: Float64Array; probabilities: Float64Array; mean: number } {
  const { amounts, probabilities, count: n } = pipeline;
  let count = 0;
  for (let i = 0; i < n; i++) if (amounts[i] >= threshold) count++;
  const out = { amounts: new Float64Array(count), probabilities: new Float64Array(count) };
  const mean = new CompensatedSum();
  for (let i = 0, k = 0; i < n; i++) {
    if (amounts[i] < threshold) continue;
    out.amounts[k] = amounts[i];
    out.probabilities[k++] = probabilities[i];
    mean.add(amounts[i] * probabilities[i]);
  }
  return { ...out, mean: mean.value() };
}

/**
 * How many factors, largest p(1−p) first, a product Π|1 − p + p e^{iθ}| needs before it can fall
 * below e^{−logTarget} where the angles θ are spread over the circle: each factor shrinks it by
 * about e^{−p(1−p)} (its average over angles is at most that). An estimate of cost, not a bound.
 */
export function factorsToVanish(moments: Moments, logTarget: number): number {
  let total = 0;
  let factors = 0;
  for (let bin = SPREAD_BINS - 1; bin > 0; bin--) {
    const deals = moments.spreads[bin];
    const spread = bin / SPREAD_SCALE;
    if (total + deals * spread >= logTarget)
      return factors + Math.ceil((logTarget - total) / spread);
    total += deals * spread;
    factors += deals;
  }
  return moments.count;
}

/** The p(1 − p) bin of a probability: ⌊1024·p(1−p)⌋. */
export function spreadBin(p: number): number {
  return (p * (1 - p) * SPREAD_SCALE) | 0;
}

/**
 * The deals of the largest p(1 − p), at least `atLeast` of them (whole bins), largest first (a
 * counting sort over those bins), and the bin below which the others lie.
 */
export function largestSpreads(
  pipeline: Pipeline,
  moments: Moments,
  atLeast: number
): { order: Int32Array; below: number } {
  let below = SPREAD_BINS;
  let count = 0;
  while (below > 0 && count < atLeast) count += moments.spreads[--below];
  const next = new Int32Array(SPREAD_BINS);
  for (let bin = SPREAD_BINS - 2, at = moments.spreads[SPREAD_BINS - 1]; bin >= below; bin--) {
    next[bin] = at;
    at += moments.spreads[bin];
  }
  const order = new Int32Array(count);
  placeBySpread(pipeline.probabilities, pipeline.count, below, next, order);
  return { order, below };
}

/**
 * The deals of the bins from `below` up, each at the next place of its bin: a pass over the deals in
 * a function that ends with its loop (see binDeals).
 */
function placeBySpread(
  probabilities: Float64Array,
  n: number,
  below: number,
  next: Int32Array,
  order: Int32Array
): void {
  for (let i = 0; i < n; i++) {
    const bin = spreadBin(probabilities[i]);
    if (bin >= below) order[next[bin]++] = i;
  }
}

/**
 * The deals of the smallest amounts whose Σ p(1 − p) reaches `spread` (whole amount bins), the
 * largest p(1 − p) first, at most `atMost` of them; null when those amounts reach past a quarter of
 * the largest (then they are no smaller than the deals' own, see the long blocks of
 * smoothedDistribution.ts). The amounts are below `limit`.
 */
export function smallestSpreads(
  pipeline: Pipeline,
  moments: Moments,
  spread: number,
  atMost: number
): { order: Int32Array; limit: number } | null {
  const { edges, spreadBelow, dealsBelow } = moments.profile;
  let k = 1;
  while (k < edges.length && spreadBelow[k] < spread) k++;
  if (!(spreadBelow[k] >= spread) || edges[k - 1] > moments.largest / 4) return null;
  const limit = edges[k - 1];
  // Exactly the deals of the first k occupied bins lie below their upper edge: dealsBelow[k].
  const pool = new Int32Array(dealsBelow[k]);
  const { amounts, probabilities, count: n } = pipeline;
  const whole = n - (n % 4);
  let found = dealsBelowLimit(amounts, whole, limit, pool);
  for (let i = whole; i < n && found < pool.length; i++) if (amounts[i] < limit) pool[found++] = i;
  // By p(1 − p), largest first: a counting sort over the bins of p(1 − p), stable.
  // Bin b goes to place SPREAD_BINS − 1 − b; start[k] is where place k starts.
  const start = new Int32Array(SPREAD_BINS + 1);
  const places = new Int32Array(found);
  for (let c = 0; c < found; c++) {
    const place = SPREAD_BINS - 1 - spreadBin(probabilities[pool[c]]);
    places[c] = place;
    start[place + 1]++;
  }
  for (let k = 1; k <= SPREAD_BINS; k++) start[k] += start[k - 1];
  const order = new Int32Array(found);
  for (let c = 0; c < found; c++) order[start[places[c]]++] = pool[c];
  return { order: order.subarray(0, Math.min(atMost, found)), limit };
}

/**
 * The deals of amount below `limit` among the first `whole` (a multiple of 4), in order, as many
 * as `into` holds: a pass that ends with its loop (see binDeals; the caller takes the last few
 * deals). Four deals a turn, with one test of all four: a deal below the limit is rare (the
 * smallest few hundred of a group of thousands), and the pass takes two thirds of the time.
 */
function dealsBelowLimit(
  amounts: Float64Array,
  whole: number,
  limit: number,
  into: Int32Array
): number {
  let found = 0;
  for (let i = 0; i < whole && found < into.length; i += 4) {
    const a0 = amounts[i];
    const a1 = amounts[i + 1];
    const a2 = amounts[i + 2];
    const a3 = amounts[i + 3];
    if (a0 < limit || a1 < limit || a2 < limit || a3 < limit) {
      if (a0 < limit) into[found++] = i;
      if (a1 < limit) into[found++] = i + 1;
      if (a2 < limit) into[found++] = i + 2;
      if (a3 < limit) into[found++] = i + 3;
    }
  }
  return found;
}

/** Radius of the circle of Cauchy's estimate below (the nearest singularity is at distance ≥ π). */
const CAUCHY_RADIUS = 2;
/**
 * e^R / cos²(R/2): on |z| ≤ R, |d²/dz² log(1 − p + p e^z)| = p(1−p)/|(1−p)e^{−z/2} + p e^{z/2}|² is
 * at most p(1−p)·e^R/cos²(R/2), since the sum's real part is at least e^{−R/2}cos(R/2).
 */
const SECOND_DERIVATIVE_BOUND = Math.exp(CAUCHY_RADIUS) / Math.cos(CAUCHY_RADIUS / 2) ** 2;
/** Where the cumulant series is used: ω·b_max at most this. */
export const CUMULANT_REACH = 0.5;

/**
 * The cumulant series of log(φ_V(ω)·e^{−iω·w0}) to order 8, shift = κ_1 − w0, and a bound on its error:
 *     log φ_V(ω) = Σ_{k=1..8} κ_k (iω)^k / k! + E,
 * exactly what an Edgeworth expansion starts from, but with its remainder bounded: g'' of a deal's
 * g(z) = log(1 − p + p e^z) has Taylor coefficients κ_{k+2}/k! at most p(1−p)·H/r^k (Cauchy's
 * estimate on |z| = r, the radius above, with its bound H), so g's terms of order ≥ 9 add up to at
 * most p(1−p)·H·x²(x/r)⁷/(72(1 − x/r)) at z = iω b_i, x = ω b_i; summed over the deals,
 * |E| ≤ H ω²κ_2 (x/r)⁷/(72(1 − x/r)) with x = ω b_max. `shift` carries `shiftError`. Infinite error
 * beyond CUMULANT_REACH.
 */
export function logCharacteristic(
  sums: CumulantSums,
  omega: number,
  shift: number,
  shiftError: number
): { re: number; im: number; error: number } {
  const x = omega * sums.largest;
  if (!(x <= CUMULANT_REACH)) return { re: 0, im: 0, error: Infinity };
  const c = sums.cumulants;
  const w2 = omega * omega;
  const w3 = w2 * omega;
  // (iω)^k: real and alternating in sign for even k, imaginary and alternating for odd k.
  const re = -w2 * (c[2] / 2 - w2 * (c[4] / 24 - w2 * (c[6] / 720 - (w2 * c[8]) / 40320)));
  const im = omega * shift - w3 * (c[3] / 6 - w2 * (c[5] / 120 - (w2 * c[7]) / 5040));
  const gaussian = w2 * c[2];
  const y = x / CAUCHY_RADIUS;
  const remainder =
    (SECOND_DERIVATIVE_BOUND * gaussian * (1 + sums.roundOff) * y ** 7) / (72 * (1 - y));
  // The sums' round-off (γ·ω²κ_2 over all orders, as Σ_k |c|_k x^{k−2}/k! < 1), the evaluation's
  // and ω's (24u of each term), and the shift's.
  const error =
    remainder +
    (sums.roundOff + 24 * U) * gaussian +
    24 * U * omega * Math.abs(shift) +
    omega * shiftError;
  const finite = Number.isFinite(re) && Number.isFinite(im) && Number.isFinite(error);
  return finite ? { re, im, error } : { re: 0, im: 0, error: Infinity };
}
