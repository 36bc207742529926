/**
 * The characteristic function of a pipeline's won total as a product over its deals,
 * Π_i (1 − p_i + p_i e^{iθ_i}), θ_i = 2πm·b_i/T: what the smoothed method (smoothedDistribution.ts)
 * computes wherever the cumulant series and the decay bound do not serve. One factor costs a table
 * look-up and a handful of multiplications; the product is cut short once small enough.
 */
import { U } from "./distributionMath";
import { spreadBin } from "./pipelineMoments";

const { PI, abs, cos, exp, floor, min, sin, sqrt } = Math;
const TWO_PI = 2 * PI;

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
export const FACTOR_ERROR = 2e-15;

/** No factors yet (shared: never written), and their turns summed: 0. */
const NONE = new Float64Array(0);
const NO_TURNS = new Float64Array(1);

/**
 * The deals as the product needs them, largest p(1 − p) first — they shrink it fastest — gathered
 * only as far as products reach: most are cut short within a few hundred factors, and gathering a
 * million deals in that order costs more than all the products of a large pipeline.
 */
export class Factors {
  /** b_i / T, p_i and 1 − p_i, in product order, the first `filled` of them. */
  turns = NONE;
  p = NONE;
  q = NONE;
  /** Turns of the angle summed over the factors in product order: the angle error grows with them. */
  cumulativeTurns = NO_TURNS;
  filled = 0;

  constructor(
    private readonly amounts: Float64Array,
    private readonly probabilities: Float64Array,
    private readonly period: number,
    /** The deals to take first, in order (all of them, as they come, when null)… */
    first: Int32Array | null,
    /** …and the p(1 − p) bin below which the others lie, taken as they come when needed. */
    private readonly laterBelow = 0
  ) {
    this.append(first, first ? first.length : amounts.length);
  }

  get total(): number {
    return this.amounts.length;
  }

  /** Gathers the remaining deals. */
  extend(): void {
    const later: number[] = [];
    for (let i = 0; i < this.probabilities.length; i++)
      if (spreadBin(this.probabilities[i]) < this.laterBelow) later.push(i);
    this.append(Int32Array.from(later), later.length);
  }

  /**
   * The deals `indexes` (the first `count` deals when null) after those gathered. The four arrays
   * share one buffer: a typed array's own buffer costs an allocation outside the heap, dearer than
   * filling it for the few hundred deals a product usually gathers.
   */
  private append(indexes: Int32Array | null, count: number): void {
    const kept = this.filled;
    const size = kept + count;
    const room = new Float64Array(4 * size + 1).buffer;
    const turns = new Float64Array(room, 0, size);
    const p = new Float64Array(room, 8 * size, size);
    const q = new Float64Array(room, 16 * size, size);
    const cumulativeTurns = new Float64Array(room, 24 * size, size + 1);
    if (kept > 0) {
      turns.set(this.turns.subarray(0, kept));
      p.set(this.p.subarray(0, kept));
      q.set(this.q.subarray(0, kept));
      cumulativeTurns.set(this.cumulativeTurns.subarray(0, kept + 1));
    }
    gather(this.amounts, this.probabilities, this.period, indexes, kept, size, turns, p, q);
    gatherTurns(turns, kept, size, cumulativeTurns);
    this.turns = turns;
    this.p = p;
    this.q = q;
    this.cumulativeTurns = cumulativeTurns;
    this.filled = size;
  }
}

/** The deals `indexes` (the deals in order when null) at places from..to − 1 of turns, p and q. */
function gather(
  amounts: Float64Array,
  probabilities: Float64Array,
  period: number,
  indexes: Int32Array | null,
  from: number,
  to: number,
  turns: Float64Array,
  p: Float64Array,
  q: Float64Array
): void {
  for (let at = from; at < to; at++) {
    const i = indexes ? indexes[at - from] : at - from;
    turns[at] = amounts[i] / period;
    p[at] = probabilities[i];
    q[at] = 1 - probabilities[i];
  }
}

/** cumulativeTurns[at + 1] = the turns of the factors before at + 1, for at from..to − 1. */
function gatherTurns(turns: Float64Array, from: number, to: number, cumulativeTurns: Float64Array) {
  let sum = cumulativeTurns[from];
  for (let at = from; at < to; at++) {
    sum += turns[at];
    cumulativeTurns[at + 1] = sum;
  }
}

/** Round-off of a product over `used` factors at frequency m. */
export function productRoundOff(factors: Factors, m: number, used: number): number {
  // Per factor: table, products and rounding (FACTOR_ERROR), plus the angle's error: m·b/T is
  // off by at most 2u of itself (the quotient and the product each round once).
  return (used + 1) * FACTOR_ERROR + 4 * PI * U * m * factors.cumulativeTurns[used] + 4 * U;
}

/**
 * φ_Y(2πm/T) in window coordinates, y = V − w0, as a product over the deals, times φ_Z(2πm/T) =
 * e^{−ζm²} and the phase of the window's start; cut short once below `cutBelow` (it can only shrink
 * further: every factor has modulus ≤ 1). `used` factors were multiplied.
 */
export function product(
  factors: Factors,
  m: number,
  startTurns: number,
  zeta: number,
  cutBelow: number
): { re: number; im: number; used: number; cut: boolean } {
  const tau2 = cutBelow * cutBelow;
  const coarse = COARSE;
  const fine = FINE;
  const steps = FINE_STEPS;
  const step = FINE_ANGLE;
  const phiZ = exp(-zeta * m * m);
  // startTurns has few enough significant bits that m × startTurns is exact.
  const x0 = m * startTurns;
  const f0 = x0 - floor(x0);
  let re = phiZ * cos(TWO_PI * f0);
  let im = -phiZ * sin(TWO_PI * f0);
  let i = 0;
  for (;;) {
    const { turns, p, q, filled } = factors;
    for (; i < filled; i++) {
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
      if ((i & 7) === 7 && re * re + im * im < tau2) return { re, im, used: i + 1, cut: true };
    }
    if (filled === factors.total) return { re, im, used: filled, cut: false };
    factors.extend();
    if (factors.filled === filled) throw new Error("the factors ran out before their total");
  }
}

/**
 * Half the width of a block of frequencies, in turns of its largest factor's angle: ±1/8 turn. A
 * wider block gives up more of each angle and needs more factors; at 100,000 deals in 15 groups
 * (bench/forecast.ts) the evaluations fall 4-fold from ±0.02 to ±1/8 turn and hardly beyond.
 */
const BLOCK_HALF_TURNS = 0.125;

/** Frequencies a block may span so that the angles of `factors`' first `cap` move ≤ ±1/8 turn. */
export function blockLength(factors: Factors, cap: number): number {
  let largest = 0;
  const used = min(cap, factors.filled);
  for (let i = 0; i < used; i++) if (factors.turns[i] > largest) largest = factors.turns[i];
  return blockLengthFor(largest);
}

/** Frequencies a block may span so that an angle of `turns` per frequency moves ≤ ±1/8 turn. */
export function blockLengthFor(turns: number): number {
  return turns > 0 ? 1 + 2 * floor(BLOCK_HALF_TURNS / turns) : 1;
}

/**
 * A bound on Π|1 − p_i + p_i e^{iθ_i}| over the first `cap` factors that holds at every frequency
 * m in [from, to] at once, from one pass at the block's centre: there the angle of factor i is d_i
 * from 0, and anywhere in the block at least d_i − 2π·(b_i/T)·(to − from)/2. Since
 * |1 − p + p e^{iθ}|² = 1 − 2p(1 − p)(1 − cos θ) and 1 − cos is increasing on [0, π], each
 * factor's square is bounded by a polynomial, without a cosine. Stops once the bound is below `below`;
 * a bound above it means only that the block must be taken frequency by frequency.
 */
export function blockBound(
  factors: Factors,
  from: number,
  to: number,
  below: number,
  cap: number
): { bound: number; used: number } {
  const { turns, p, q } = factors;
  const used = min(cap, factors.filled);
  const centre = (from + to) / 2; // exact: both are integers below 2^52
  const target = below * below;
  // Locals, not the imported U, inside the loop: an import is read through a getter when the
  // code is not yet optimised.
  const reach = PI * (to - from) * (1 + 1e-12);
  const angleError = 4 * PI * U * (1 + 1e-12);
  const raise = 4 * U;
  const u2 = 2 * U;
  let squared = 1;
  let i = 0;
  // No branch in the loop but its end: the angles fall anywhere, and a branch on them would be
  // mispredicted half the time.
  while (i < used) {
    const t = turns[i];
    const x = centre * t;
    const f = x - floor(x);
    // The angle from 0 at the centre, less its reach over the block and its round-off (4πu·x,
    // as for a product's angle), widened for the rounding of these few operations; then ≥ 0.
    const r = TWO_PI * (0.5 - abs(f - 0.5)) - (reach * t + angleError * x + 1e-14);
    const e = (r + abs(r)) * 0.5;
    const e2 = e * e;
    // 1 − cos e ≥ e²/2 − e⁴/24 + e⁶/720 − e⁸/40320 (the cosine's series cut after a positive
    // term bounds it from above), within 1.2 % of 1 − cos e on [0, π].
    const lower = e2 * (0.5 - e2 * (1 / 24 - e2 * (1 / 720 - e2 * (1 / 40320)))) * (1 - 1e-12);
    // Raised by 4u so that the rounded factor is never below the true square it bounds.
    squared *= 1 - 2 * p[i] * q[i] * lower + raise;
    i++;
    if ((i & 7) === 0 && squared * (1 + u2 * i) < target) break;
  }
  // Each product rounds by at most u of itself; the square root by u.
  return { bound: sqrt(squared * (1 + 2 * i * U)) * (1 + 2 * U), used: i };
}
