/**
 * Method 2 of distribution.ts: Gaussian smoothing and the characteristic function, with its error
 * bounded at run time. The module comment of distribution.ts states the method and the bounds; this
 * file computes them in three steps:
 *   planSmoothing   — the window, the number M of frequencies, and which frequencies need what;
 *   spectrum        — φ_Y at the frequencies that matter, by the cumulant series near 0, by the
 *                     product over the deals elsewhere (characteristicProduct.ts), and a bound for
 *                     every frequency left out (a block of them at a time where one pass shows
 *                     the product negligible over the block);
 *   smoothedDistribution — the probabilities, their rigorous interval and the quantiles.
 */
import type { DetailedOutcomeDistribution } from "./distribution";
import {
  checkLevel,
  checkTarget,
  normalTailBound,
  sdsForTail,
  U as UNIT_ROUNDOFF,
} from "./distributionMath";
import {
  blockBound,
  blockLength,
  blockLengthFor,
  FACTOR_ERROR,
  Factors,
  product,
  productRoundOff,
} from "./characteristicProduct";
import type { Pipeline } from "./outcomePipeline";
import {
  CUMULANT_REACH,
  type CumulantSums,
  cumulantsBelow,
  dealsFrom,
  decayWeight,
  factorsToVanish,
  largestSpreads,
  logCharacteristic,
  smallestSpreads,
  type Moments,
} from "./pipelineMoments";

const { PI, abs, ceil, cos, exp, floor, hypot, log, log2, max, min, sin, sqrt } = Math;
/**
 * The unit round-off as this module's own constant: an imported binding is read through a getter
 * in CommonJS (tsx, Jest), a call each time in code not yet optimised — the planner's loops.
 */
const U = UNIT_ROUNDOFF;
const TWO_PI = 2 * PI;

/** The product is cut short below this magnitude, and a frequency whose |φ_Y| is below it is left out. */
const TAU = 1e-16;
const LOG_TAU = log(1 / TAU);
/** One-sided probability that V leaves the window. */
const WINDOW_TAIL = 1e-15;
/** Padding of the window, in σ_Z. */
const PAD_SDS = 9;
/** e^{-36} is φ_Z at the last frequency: σ_Z = sqrt(36 / (2π²)) · T / M. */
const LAST_FREQUENCY_EXPONENT = 36;
const QUANTILE_TAIL = 1e-9;
/**
 * The widths, in σ_Z, whose normal tail bound is QUANTILE_TAIL: a bisection, worked out once, not
 * once a distribution.
 */
const QUANTILE_SDS = sdsForTail(QUANTILE_TAIL) * (1 + 1e-12);
/** Smoothing widths tried by probabilityBounds, in σ_Z (δ(3) ≈ 1.5e-3 … δ(6) ≈ 1e-9). */
const BOUND_SDS = [3, 3.5, 4, 5, 6];
/** Widths tried for the uniform bound, in σ_Z. */
const UNIFORM_SDS = [2.5, 3, 3.25, 3.5, 3.75, 4, 4.25, 4.5, 5, 5.5, 6, 7];
/** normalTailBound at each of them, for predictedBound (asked of every plan tried). */
const UNIFORM_TAILS = UNIFORM_SDS.map(normalTailBound);
/** The same at each width lowered for its rounding, for uniformBound (once a distribution). */
const UNIFORM_TAILS_WIDENED = UNIFORM_SDS.map((k) => normalTailBound(k * (1 - 1e-12)));
/** Frequencies tried: 1024 · 2^{j/4} up to the cap. */
const FEWEST_FREQUENCIES = 1024;
/**
 * A plan is fast when its products cost at most this many passes over the deals; a fast plan whose
 * predicted bound is within GOAL is taken even where the budget would buy a tighter one: a million
 * deals then cost a few passes instead of seconds.
 */
const CHEAP_PASSES = 4;
const GOAL = 1e-3;
/** A product's cost beyond its factors (the phase, the bookkeeping), in factor evaluations. */
const PRODUCT_OVERHEAD = 32;
/** Deals first gathered for the products: enough for every product cut short, as most are. */
const FIRST_FACTORS = 4096;
/**
 * Most factors a block's bound (blockBound) multiplies before the block is taken frequency by
 * frequency: a bound that needs more is not worth its pass.
 */
const BLOCK_FACTORS = 512;
/**
 * Σ p(1 − p) of the smallest deals that bound long blocks: a block where φ_Z ≈ 1 needs Σ −ln|factor|²
 * ≥ 2 ln(1/τ) ≈ 74, and a factor gives about 2p(1 − p) where its angle is spread, less its reach.
 */
const LONG_BLOCK_SPREAD = 128;

export interface SmoothingSettings {
  /** Most frequencies whose product over the deals is computed. */
  readonly maxFrequencies: number;
  /** Work budget of those products in factor evaluations. */
  readonly frequencyWork: number;
  /** Most frequencies in all (the others being bounded without a product). */
  readonly frequencyCap: number;
}

/** Where V lies except with probability WINDOW_TAIL on each side that is not a hard end. */
interface ValueRange {
  readonly low: number;
  readonly high: number;
  /** Whether each end is the hard end of V's range (0 or Σ b), so that nothing lies beyond it. */
  readonly lowIsHard: boolean;
  readonly highIsHard: boolean;
}

/** Hoeffding or Bernstein, whichever is narrower, clipped to [0, Σ b]. */
function valueRange(moments: Moments): ValueRange {
  const n = moments.count;
  const logTail = log(1 / WINDOW_TAIL);
  const hoeffding = sqrt((logTail * moments.sumSquares) / 2);
  const linear = (logTail * moments.largest) / 3;
  const variance = moments.cumulants[2];
  const bernstein = linear + sqrt(linear * linear + 2 * logTail * variance);
  // Widened by a bound on the round-off of these sums, so that the tail bounds hold for the true ones.
  const sumSlack = 4 * (n + 4) * U * (moments.range + min(hoeffding, bernstein));
  const deviation = min(hoeffding, bernstein) + sumSlack;
  const hardHigh = moments.range + sumSlack;
  return {
    low: max(0, moments.mean - deviation),
    high: min(hardHigh, moments.mean + deviation),
    lowIsHard: moments.mean - deviation <= 0,
    highIsHard: moments.mean + deviation >= hardHigh,
  };
}

/** The window [start, start + T) and the smoothing for M frequencies. */
interface SmoothingWindow {
  readonly frequencies: number;
  readonly period: number;
  /** φ_Z(2πm/T) = e^{−ζm²}. */
  readonly zeta: number;
  readonly sigmaZ: number;
  /** start / T, short enough in bits that m × startTurns is exact for every m ≤ M. */
  readonly startTurns: number;
  readonly start: number;
  /** Probability that the periodic series folds back: V or the padding leaving the window. */
  readonly outside: number;
}

/** The period T, ζ and σ_Z of a window of M frequencies: all the planner reads of most windows. */
function windowScale(range: ValueRange, frequencies: number) {
  const widthPerFrequency = sqrt(LAST_FREQUENCY_EXPONENT / (2 * PI * PI));
  const period = (range.high - range.low) / (1 - (2 * PAD_SDS * widthPerFrequency) / frequencies);
  const zeta = LAST_FREQUENCY_EXPONENT / (frequencies * frequencies);
  // σ_Z as the ζ actually used defines it (φ_Z(2πm/T) = e^{-ζm²}).
  const sigmaZ = (period * sqrt(2 * zeta)) / TWO_PI;
  return { period, zeta, sigmaZ };
}

function smoothingWindow(range: ValueRange, frequencies: number): SmoothingWindow {
  const { period, zeta, sigmaZ } = windowScale(range, frequencies);
  // The window starts PAD_SDS σ_Z below `low`, at a multiple of T short enough in bits that
  // m × (start / T) is exact for every m: the start's phase then carries no round-off.
  const startTurns = truncateBits(
    (range.low - PAD_SDS * sigmaZ) / period,
    52 - ceil(log2(frequencies + 1))
  );
  const start = startTurns * period;
  const outside =
    (range.lowIsHard ? 0 : WINDOW_TAIL) +
    (range.highIsHard ? 0 : WINDOW_TAIL) +
    normalTailBound(((range.low - start) / sigmaZ) * (1 - 1e-12)) +
    normalTailBound(((start + period - range.high) / sigmaZ) * (1 - 1e-12));
  return { frequencies, period, zeta, sigmaZ, startTurns, start, outside };
}

/** x rounded down to `bits` significant bits. */
function truncateBits(x: number, bits: number): number {
  if (x === 0) return 0;
  const scale = 2 ** (bits - 1 - floor(log2(abs(x))));
  return floor(x * scale) / scale;
}

/**
 * Which deals the cumulant series covers: those of the first `bins` occupied amount bins, all below
 * `reach`; the `explicit` others (the few largest deals of a lumpy pipeline) are multiplied out at
 * each frequency the series serves, which then reaches up to ω = CUMULANT_REACH / reach.
 */
interface Split {
  readonly bins: number;
  readonly reach: number;
  readonly explicit: number;
}

/** The whole pipeline by its cumulants, or all but its largest deals (at most 16, 64, … 4,096 of them). */
function splits(moments: Moments): Split[] {
  const { edges, dealsBelow } = moments.profile;
  const occupied = edges.length;
  const n = moments.count;
  const out: Split[] = [{ bins: occupied, reach: moments.largest, explicit: 0 }];
  for (let explicit = 16, k = occupied; explicit <= 4096; explicit *= 4) {
    while (k > 1 && n - dealsBelow[k - 1] <= explicit) k--;
    if (k < out[out.length - 1].bins)
      out.push({ bins: k, reach: edges[k - 1], explicit: n - dealsBelow[k] });
  }
  return out;
}

/** What to do at each frequency m = 1..M of a window. */
export interface SmoothingPlan {
  readonly window: SmoothingWindow;
  readonly split: Split;
  /** Frequencies 1..cumulantTop lie where the cumulant series may be used (ω·reach ≤ 1/2). */
  readonly cumulantTop: number;
  /** Frequencies above cumulantTop whose product must be computed, as [from, to] pairs. */
  readonly productRanges: readonly number[];
  readonly productFrequencies: number;
  /** Estimated factor evaluations of those products. */
  readonly productWork: number;
  /** Over the frequencies above cumulantTop that the decay profile puts below TAU: Σ 2|φ_Y|/(πm) and Σ |φ_Y|. */
  readonly certifiedError: number;
  readonly certifiedMass: number;
  /** Chosen for its low cost rather than the budget's tightest bound. */
  readonly fast: boolean;
  /** Whether certifiedError and certifiedMass were summed (else they are 0). */
  readonly tails: boolean;
}

/** Σ_{m ≥ first} e^{−a m²}, bounded by a geometric series (m² ≥ first² + 2·first·(m − first)). */
function gaussianTail(a: number, first: number): number {
  return exp(-a * first * first) / -Math.expm1(-2 * a * first);
}

/**
 * The plan for M frequencies. Above cumulantTop the decay profile bounds |φ_Y(ω_m)| by e^{−a m²},
 * a = 8W(T/2m)/T² + ζ, over blocks of m where W(T/2m) stays the same: below the m where that bound
 * reaches TAU, the block's frequencies need a product; from there on they are left out, with a bound.
 */
function frequencyPlan(
  moments: Moments,
  range: ValueRange,
  frequencies: number,
  factors: number,
  split: Split,
  /** Whether to sum the bounds of the frequencies left out: only the chosen plans need them. */
  tails: boolean
): SmoothingPlan {
  const window = smoothingWindow(range, frequencies);
  const { period, zeta } = window;
  const n = moments.count;
  const cumulantTop = min(frequencies, floor((CUMULANT_REACH * period) / (TWO_PI * split.reach)));
  const { edges, below, spreadBelow } = moments.profile;
  // Bin j counts at m when its upper edge is at most π/ω_m = T/(2m).
  const limit = (j: number) => floor((period / (2 * edges[j])) * (1 - 4 * U));
  // A product's cost: `factors` where the angles are spread over the circle; more where many are
  // small, each deal below π/ω shrinking it by about p(1−p)θ²/2 rather than p(1−p) (an estimate).
  const spreadTotal = spreadBelow[edges.length];
  const productCost = (m: number, k: number) => {
    const shrink =
      (2 * PI * PI * m * m * below[k]) / (period * period) + spreadTotal - spreadBelow[k];
    return PRODUCT_OVERHEAD + min(n, (factors * spreadTotal) / max(shrink, Number.MIN_VALUE));
  };
  const productRanges: number[] = [];
  let productFrequencies = 0;
  let productWork = split.explicit > 0 ? cumulantTop * (split.explicit + PRODUCT_OVERHEAD) : 0;
  let certifiedError = 0;
  let certifiedMass = 0;
  let m = cumulantTop + 1;
  for (let k = edges.length; k >= 0 && m <= frequencies; k--) {
    const last = k > 0 ? min(frequencies, limit(k - 1)) : frequencies;
    if (last < m) continue;
    const a = ((8 * below[k]) / (period * period)) * (1 - 8 * U) + zeta;
    const certified = firstCertified(a, m);
    if (certified > m) {
      const to = min(last, certified - 1);
      productRanges.push(m, to);
      productFrequencies += to - m + 1;
      // The block's first frequency is its dearest: the shrinking grows with m.
      productWork += (to - m + 1) * productCost(m, k);
    }
    if (tails && certified <= last) {
      const tail = gaussianTail(a, certified);
      certifiedMass += tail;
      certifiedError += (2 / (PI * certified)) * tail;
    }
    m = last + 1;
  }
  return {
    window,
    split,
    cumulantTop,
    productRanges,
    productFrequencies,
    productWork,
    certifiedError,
    certifiedMass,
    fast: false,
    tails,
  };
}

/**
 * The first m' ≥ m with e^{−a m'²} ≤ TAU, a = decay exponent (frequencyPlan, eight plans a
 * distribution, a hundred blocks each). Most blocks are past it already (a·m² ≥ LOG_TAU with room
 * for the rounding: then LOG_TAU / a rounds to at most m², whose square root is m), and are
 * answered without the division and the square root. Exported for its tests.
 */
export function firstCertified(a: number, m: number): number {
  if (a * m * m >= LOG_TAU * (1 + 1e-9)) return m;
  const certified = max(m, ceil(sqrt(LOG_TAU / a)));
  return a * certified * certified < LOG_TAU ? certified + 1 : certified;
}

/** The bound a smoothing σ_Z would give if V's density were about that of a normal of V's variance. */
function predictedBound(moments: Moments, sigmaZ: number): number {
  const density = 1.25 / sqrt(2 * PI * moments.cumulants[2]);
  let best = 1;
  for (let j = 0; j < UNIFORM_SDS.length; j++)
    best = min(best, density * UNIFORM_SDS[j] * sigmaZ + UNIFORM_TAILS[j]);
  return best;
}

/**
 * Lower bounds on the product frequencies and work of the plan for M frequencies, without the
 * plan: no amount bin counts above π/ω = T/(2·the smallest amounts' edge), so every frequency from
 * there (or from cumulantTop) up to M needs a product, of PRODUCT_OVERHEAD at least. The same
 * sums as frequencyPlan's, so never above its own (rounding is monotone).
 */
function leastProducts(
  moments: Moments,
  period: number,
  frequencies: number,
  split: Split
): { frequencies: number; work: number } {
  const cumulantTop = min(frequencies, floor((CUMULANT_REACH * period) / (TWO_PI * split.reach)));
  const { edges } = moments.profile;
  const bare = edges.length > 0 ? floor((period / (2 * edges[0])) * (1 - 4 * U)) : 0;
  const count = max(0, frequencies - max(cumulantTop, bare));
  const work = split.explicit > 0 ? cumulantTop * (split.explicit + PRODUCT_OVERHEAD) : 0;
  return { frequencies: count, work: work + count * PRODUCT_OVERHEAD };
}

/**
 * M and what each frequency needs, two ways. `thorough`: the most frequencies the budget allows, as
 * before. `fast`: when a plan whose products cost at most CHEAP_PASSES passes over the deals predicts
 * a bound within GOAL, the largest such plan — with many deals V is nearly normal, φ_V dies within a
 * few dozen frequencies, and the decay profile bounds all the others without a product.
 * Each split's plans are tried from the most frequencies down, and no further than can still change
 * either choice (the planning was a tenth of a forecast group's time).
 */
export function planSmoothing(
  moments: Moments,
  settings: SmoothingSettings
): { fast: SmoothingPlan | null; thorough: SmoothingPlan } {
  const range = valueRange(moments);
  const factors = factorsToVanish(moments, LOG_TAU);
  const choice: PlanChoice = { thorough: null, thoroughFits: false, fast: null };
  let top = 0;
  while (frequencySteps(top + 1) <= settings.frequencyCap) top++;
  const all = splits(moments);
  const likely = considerLikelyFit(choice, moments, range, factors, all[0], settings, top);
  // Each M's window, worked out once for all the splits.
  const windows: WindowVerdict[] = [];
  for (const split of all) {
    for (let j = top; j >= 0; j--) {
      const frequencies = frequencySteps(j);
      const { period, unreachable } = (windows[j] ??= windowVerdict(moments, range, frequencies));
      const least = leastProducts(moments, period, frequencies, split);
      if (mayBeChosen(choice, moments, settings, least, frequencies, unreachable))
        consider(
          choice,
          likely && likely.split === split && likely.window.frequencies === frequencies
            ? likely
            : frequencyPlan(moments, range, frequencies, factors, split, false),
          moments,
          settings
        );
      const next = j > 0 ? frequencySteps(j - 1) : 0;
      // Fewer frequencies never beat a plan that fits with more; and σ_Z only grows as M falls,
      // so once the predicted bound is past GOAL no smaller plan of this split is fast.
      const thoroughSettled = choice.thoroughFits && next < choice.thorough!.window.frequencies;
      const fastSettled = unreachable || (choice.fast && next < choice.fast.window.frequencies);
      if (thoroughSettled && fastSettled) break;
    }
  }
  // The chosen plans again, with the bounds of what they leave out (the choice does not read them).
  const withTails = (plan: SmoothingPlan) =>
    plan.tails
      ? plan
      : {
          ...frequencyPlan(moments, range, plan.window.frequencies, factors, plan.split, true),
          fast: plan.fast,
        };
  return { fast: choice.fast && withTails(choice.fast), thorough: withTails(choice.thorough!) };
}

/** frequencySteps(j) once computed: a power is dear in code not yet optimised, and asked twice a plan. */
const STEPS: number[] = [];

/** 1024 · 2^{j/4}, rounded to a multiple of 4: the numbers of frequencies tried. */
function frequencySteps(j: number): number {
  return (STEPS[j] ??= round4(FEWEST_FREQUENCIES * 2 ** (j / 4)));
}

interface PlanChoice {
  thorough: SmoothingPlan | null;
  thoroughFits: boolean;
  fast: SmoothingPlan | null;
}

/**
 * The plan of the first split with the most frequencies whose count alone fits the budget,
 * considered first when it fits: then the plans above it, most of which need more products than
 * the budget and fewer passes could buy, need not be planned at all (mayBeChosen). The choice is
 * the same (the one most frequencies of all that fit), in a tenth of the planning. Planned with
 * its tails, as it is most often the one chosen; returned for planSmoothing not to plan it again.
 */
function considerLikelyFit(
  choice: PlanChoice,
  moments: Moments,
  range: ValueRange,
  factors: number,
  split: Split,
  settings: SmoothingSettings,
  top: number
): SmoothingPlan | null {
  let j = top;
  while (j >= 0 && frequencySteps(j) > settings.maxFrequencies) j--;
  if (j < 0) return null;
  const plan = frequencyPlan(moments, range, frequencySteps(j), factors, split, true);
  if (fitsBudget(plan, settings)) consider(choice, plan, moments, settings);
  return plan;
}

interface WindowVerdict {
  readonly period: number;
  /** Whether the window's predicted bound is past GOAL (then no smaller plan is fast). */
  readonly unreachable: boolean;
}

/** The period of the window of `frequencies`, and its verdict: the same for every split. */
function windowVerdict(moments: Moments, range: ValueRange, frequencies: number): WindowVerdict {
  const scale = windowScale(range, frequencies);
  return { period: scale.period, unreachable: predictedBound(moments, scale.sigmaZ) > GOAL };
}

/**
 * Whether a plan with at least `least` products could be taken by consider: as the thorough
 * choice while none fits, or if it may fit with as many frequencies; as the fast one if it may be
 * cheap, predicts a bound within GOAL and has as many frequencies.
 */
function mayBeChosen(
  choice: PlanChoice,
  moments: Moments,
  settings: SmoothingSettings,
  least: { frequencies: number; work: number },
  frequencies: number,
  unreachable: boolean
): boolean {
  const mayFit =
    least.frequencies <= settings.maxFrequencies && least.work <= settings.frequencyWork;
  const thorough =
    !choice.thoroughFits || (mayFit && frequencies >= choice.thorough!.window.frequencies);
  const fast =
    !unreachable &&
    least.work <= CHEAP_PASSES * moments.count &&
    (!choice.fast || frequencies >= choice.fast.window.frequencies);
  return thorough || fast;
}

function fitsBudget(plan: SmoothingPlan, settings: SmoothingSettings): boolean {
  return (
    plan.productFrequencies <= settings.maxFrequencies && plan.productWork <= settings.frequencyWork
  );
}

/** Takes the plan as the thorough or the fast choice where it is better. */
function consider(
  choice: PlanChoice,
  plan: SmoothingPlan,
  moments: Moments,
  settings: SmoothingSettings
): void {
  const fits = fitsBudget(plan, settings);
  // The most frequencies that fit; while none does, the least work (then the most frequencies:
  // the products a lumpy pipeline needs near 0 are the same whatever M).
  if (
    fits
      ? !choice.thoroughFits || better(plan, choice.thorough)
      : !choice.thoroughFits && leastWork(plan, choice.thorough)
  )
    choice.thorough = plan;
  choice.thoroughFits ||= fits;
  const bound = predictedBound(moments, plan.window.sigmaZ);
  const cheap = plan.productWork <= CHEAP_PASSES * moments.count;
  if (cheap && bound <= GOAL && better(plan, choice.fast)) choice.fast = { ...plan, fast: true };
}

/** More frequencies first, then less work. */
function better(a: SmoothingPlan, b: SmoothingPlan | null): boolean {
  return (
    !b ||
    a.window.frequencies > b.window.frequencies ||
    (a.window.frequencies === b.window.frequencies && a.productWork < b.productWork)
  );
}

function leastWork(a: SmoothingPlan, b: SmoothingPlan | null): boolean {
  return (
    !b ||
    a.productWork < b.productWork ||
    (a.productWork === b.productWork && a.window.frequencies > b.window.frequencies)
  );
}

/** Rounded to a multiple of 4 (the number of frequencies need not be a power of two). */
function round4(x: number): number {
  return 4 * Math.round(x / 4);
}

interface Spectrum {
  /** The kept frequencies, ascending, and φ_Y there. */
  readonly frequencies: Float64Array;
  readonly re: Float64Array;
  readonly im: Float64Array;
  /** Bound on Σ_m 2|error of φ_m|/(πm) over m = 1..M, left-out frequencies counting their |φ_Y|. */
  readonly error: number;
  /** Bound on Σ_{m=1..M} |φ_Y(ω_m)|. */
  readonly mass: number;
  /** Frequencies whose product was computed, and the factors multiplied in all. */
  readonly products: number;
  readonly factorEvaluations: number;
}

/** Collects kept frequencies and the error and mass bounds of all of them. */
class SpectrumBuilder {
  private readonly m: number[] = [];
  private readonly re: number[] = [];
  private readonly im: number[] = [];
  private ascending = true;
  private error = 0;
  private mass = 0;
  products = 0;
  factorEvaluations = 0;

  /** A kept frequency, within `error` of φ_Y. */
  keep(m: number, re: number, im: number, error: number): void {
    if (this.m.length > 0 && m < this.m[this.m.length - 1]) this.ascending = false;
    this.m.push(m);
    this.re.push(re);
    this.im.push(im);
    this.error += (2 / (PI * m)) * error;
    this.mass += hypot(re, im) + error;
  }

  /** A frequency left out, with |φ_Y| ≤ bound. */
  leaveOut(m: number, bound: number): void {
    this.error += (2 / (PI * m)) * bound;
    this.mass += bound;
  }

  /**
   * The frequencies from..to left out, each with |φ_Y| ≤ bound: Σ 1/m over them is at most
   * 1/from + ln(to/from), one logarithm instead of a division a frequency.
   */
  leaveOutBlock(from: number, to: number, bound: number): void {
    const harmonic = (1 / from + log(to / from)) * (1 + 1e-12);
    this.error += (2 / PI) * bound * harmonic;
    this.mass += bound * (to - from + 1);
  }

  /** Frequencies left out together, with their summed bounds. */
  leaveOutAll(error: number, mass: number): void {
    this.error += error;
    this.mass += mass;
  }

  build(): Spectrum {
    const count = this.m.length;
    const order: number[] = [];
    for (let k = 0; k < count; k++) order.push(k);
    if (!this.ascending) order.sort((a, b) => this.m[a] - this.m[b]);
    // Plain loops: Float64Array.from with a mapping function calls it through the runtime, a few
    // microseconds for a spectrum's two dozen frequencies, once a distribution.
    const frequencies = new Float64Array(count);
    const re = new Float64Array(count);
    const im = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      frequencies[k] = this.m[order[k]];
      re[k] = this.re[order[k]];
      im[k] = this.im[order[k]];
    }
    return {
      frequencies,
      re,
      im,
      error: this.error,
      mass: this.mass,
      products: this.products,
      factorEvaluations: this.factorEvaluations,
    };
  }
}

/**
 * The decay profile's bound on |φ_Y(ω_m)|: exp(−(2/π²)ω_m² W(π/ω_m) − ζm²), with ω_m = 2πm/T.
 */
function decayBound(moments: Moments, period: number, zeta: number, m: number): number {
  const weight = decayWeight(moments.profile, period / (2 * m));
  return exp(-((8 * weight) / (period * period)) * (1 - 8 * U) * m * m - zeta * m * m);
}

/** The cumulant series of the split's deals, the factors of the others, and where the phase starts. */
interface SeriesPart {
  readonly sums: CumulantSums;
  /** κ_1 of the series' deals − w0, and a bound on its error. */
  readonly shift: number;
  readonly shiftError: number;
  readonly explicit: Factors | null;
}

function seriesPart(pipeline: Pipeline, moments: Moments, plan: SmoothingPlan): SeriesPart {
  const { start, period } = plan.window;
  const explicit = plan.split.explicit > 0 ? dealsFrom(pipeline, plan.split.reach) : null;
  const explicitMean = explicit ? explicit.mean : 0;
  // κ_1 − w0, from the compensated totals: off by a few units in the last place of the totals.
  const shift = pipeline.mean - pipeline.offset - explicitMean - start;
  const magnitudes =
    pipeline.absTotal + abs(pipeline.mean) + abs(pipeline.offset) + 2 * abs(explicitMean);
  return {
    sums: cumulantsBelow(moments, plan.split.bins),
    shift,
    shiftError: 3 * U * (magnitudes + abs(start) + abs(shift)),
    explicit: explicit ? new Factors(explicit.amounts, explicit.probabilities, period, null) : null,
  };
}

/**
 * φ_Y(ω_m) near 0: the cumulant series of the split's deals, times the product over the others.
 * `distance` bounds |φ_Y − value|, `bound` bounds |φ_Y|; `complete` is false when the product was
 * cut short (then only the bound holds).
 */
function seriesTerm(
  part: SeriesPart,
  m: number,
  period: number,
  zeta: number
): { re: number; im: number; distance: number; bound: number; complete: boolean } {
  const omega = (TWO_PI * m) / period;
  const series = logCharacteristic(part.sums, omega, part.shift, part.shiftError);
  const error = series.error + 4 * U * zeta * m * m;
  const size = exp(series.re - zeta * m * m);
  // |φ − φ̂| ≤ |φ̂|(e^ρ − 1) for the series' error ρ, plus the round-off of exp, cos and sin.
  const distance = size * (Math.expm1(error) + 8 * U * exp(error)) * (1 + 4 * U);
  const re = size * cos(series.im);
  const im = size * sin(series.im);
  const bound = size * (1 + 4 * U) + distance;
  if (!part.explicit) return { re, im, distance, bound, complete: true };
  // Times φ_E, |φ_E| ≤ 1: |φ_C φ_E − φ̂_C φ̂_E| ≤ |φ_C − φ̂_C|(|φ̂_E| + e) + |φ̂_C|·e. Never cut
  // short: a few factors, and a value where φ_C is large.
  const e = product(part.explicit, m, 0, 0, 0);
  const eError = productRoundOff(part.explicit, m, e.used);
  const eSize = hypot(e.re, e.im);
  return {
    re: re * e.re - im * e.im,
    im: re * e.im + im * e.re,
    distance: distance * (eSize + eError) + size * (1 + 4 * U) * eError + 4 * U * size * eSize,
    bound: bound * (eSize + eError),
    complete: !e.cut,
  };
}

/**
 * φ_Y(ω_m), m = 1..M, as the plan says. Near 0 by the cumulant series (times the product over the
 * split's largest deals), where its error is no larger than a product's round-off would be;
 * elsewhere by the product over all the deals; the rest left out with the decay profile's bound.
 * Every left-out frequency and every error enters the spectrum's bounds.
 */
function spectrum(pipeline: Pipeline, moments: Moments, plan: SmoothingPlan): Spectrum {
  const { period, zeta, startTurns } = plan.window;
  const builder = new SpectrumBuilder();
  const part = seriesPart(pipeline, moments, plan);
  const productError = (pipeline.count + 1) * FACTOR_ERROR;
  const leftover: number[] = [];
  for (let m = 1; m <= plan.cumulantTop; m++) {
    const term = seriesTerm(part, m, period, zeta);
    if (part.explicit) builder.factorEvaluations += part.explicit.turns.length;
    if (term.bound < TAU) builder.leaveOut(m, term.bound);
    else if (term.complete && term.distance <= productError)
      builder.keep(m, term.re, term.im, term.distance);
    else {
      const decay = decayBound(moments, period, zeta, m);
      if (decay < TAU) builder.leaveOut(m, decay);
      else leftover.push(m);
    }
  }
  if (leftover.length > 0 || plan.productFrequencies > 0) {
    const factors = new SpectrumFactors(pipeline, moments, plan);
    for (const m of leftover) addProduct(builder, factors.all(), m, startTurns, zeta);
    const ranges = plan.productRanges;
    for (let r = 0; r < ranges.length; r += 2)
      productRange(builder, factors, plan.window, ranges[r], ranges[r + 1]);
  }
  builder.leaveOutAll(plan.certifiedError, plan.certifiedMass);
  return builder.build();
}

/**
 * The factors of the block bounds (blockBound) and of the products, all the deals' gathered only on
 * first use. A block's length is set by the largest amount among its bound's factors (whose angle
 * may move only ±1/8 turn over the block), so the smallest deals bound blocks as many times longer
 * as their amounts are smaller, for about as many factors a block: a group of 20,000 deals of 1,000
 * to 100,000 leaves its frequencies out in blocks 20 times as long, on 3,700 factor evaluations
 * instead of 50,000. Where their bound fails (near the centre, where small amounts have not turned
 * yet, or where a lattice of them returns), the block is taken in short blocks on all the deals.
 */
class SpectrumFactors {
  /** The smallest deals of the largest p(1 − p), and the length of their blocks (null: none). */
  readonly long: { factors: Factors; length: number } | null;
  private readonly period: number;
  private every: Factors | null = null;
  private everyLength = 0;

  constructor(
    private readonly pipeline: Pipeline,
    private readonly moments: Moments,
    plan: SmoothingPlan
  ) {
    this.period = plan.window.period;
    const small = longBlocksPay(moments, plan)
      ? smallestSpreads(pipeline, moments, LONG_BLOCK_SPREAD, BLOCK_FACTORS)
      : null;
    // Only ever read by blockBound: they are some of the deals, never a product's.
    const factors =
      small && new Factors(pipeline.amounts, pipeline.probabilities, this.period, small.order);
    this.long = factors && { factors, length: blockLength(factors, BLOCK_FACTORS) };
  }

  /** Every deal, largest p(1 − p) first (the products), gathered as far as products reach. */
  all(): Factors {
    if (!this.every) {
      const first = largestSpreads(this.pipeline, this.moments, FIRST_FACTORS);
      const { amounts, probabilities } = this.pipeline;
      this.every = new Factors(amounts, probabilities, this.period, first.order, first.below);
      this.everyLength = blockLength(this.every, BLOCK_FACTORS);
    }
    return this.every;
  }

  /** The length of a block bounded on all the deals. */
  shortLength(): number {
    this.all();
    return this.everyLength;
  }
}

/**
 * Whether the short blocks would cost more factor evaluations than the long blocks' pass over the
 * deals to find the smallest: about factorsToVanish a block (an estimate). At a tenth of a
 * million deals of 500 to 250,000 they cost 2,300 evaluations, and the long blocks would save
 * nothing worth a pass; at 20,000 deals of 1,000 to 100,000, 50,000.
 */
function longBlocksPay(moments: Moments, plan: SmoothingPlan): boolean {
  const blocks = plan.productFrequencies / blockLengthFor(moments.largest / plan.window.period);
  return blocks * factorsToVanish(moments, LOG_TAU) > moments.count;
}

/**
 * The frequencies from..to that the plan gives a product: left out a block at a time where a
 * block's bound (blockBound) is below τ — most of them in a large pipeline, whose φ_V is negligible
 * far from 0 where the decay profile cannot show it — long blocks first, on the smallest deals.
 */
function productRange(
  builder: SpectrumBuilder,
  factors: SpectrumFactors,
  window: SmoothingWindow,
  from: number,
  to: number
): void {
  const long = factors.long;
  for (let m = from; m <= to;) {
    const last = long ? min(to, m + long.length - 1) : to;
    // Even a single frequency: its product would need all the deals ordered for it.
    if (!(long && leftOutOnBound(builder, long.factors, window, m, last)))
      shortBlocks(builder, factors, window, m, last);
    m = last + 1;
  }
}

/** The frequencies from..to in blocks bounded on all the deals, and one product each elsewhere. */
function shortBlocks(
  builder: SpectrumBuilder,
  factors: SpectrumFactors,
  window: SmoothingWindow,
  from: number,
  to: number
): void {
  const all = factors.all();
  const length = factors.shortLength();
  for (let m = from; m <= to;) {
    const last = min(to, m + length - 1);
    if (last > m && leftOutOnBound(builder, all, window, m, last)) {
      m = last + 1;
      continue;
    }
    for (; m <= last; m++) addProduct(builder, all, m, window.startTurns, window.zeta);
  }
}

/** Leaves the frequencies from..to out, and says so, when the factors' bound puts them below τ. */
function leftOutOnBound(
  builder: SpectrumBuilder,
  factors: Factors,
  window: SmoothingWindow,
  from: number,
  to: number
): boolean {
  // φ_Z is largest at the block's first frequency; widened for the rounding of ζm² and exp.
  const phiZ = exp(-window.zeta * from * from) * (1 + 1e-12);
  const block = blockBound(factors, from, to, TAU / phiZ, BLOCK_FACTORS);
  builder.factorEvaluations += block.used;
  const bound = phiZ * block.bound * (1 + 2 * U);
  if (bound >= TAU) return false;
  builder.leaveOutBlock(from, to, bound);
  return true;
}

function addProduct(
  builder: SpectrumBuilder,
  factors: Factors,
  m: number,
  startTurns: number,
  zeta: number
): void {
  const { re, im, used, cut } = product(factors, m, startTurns, zeta, TAU);
  builder.products++;
  builder.factorEvaluations += used;
  const roundOff = productRoundOff(factors, m, used);
  if (cut) builder.leaveOut(m, hypot(re, im) + roundOff);
  else builder.keep(m, re, im, roundOff);
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

/** Everything the answers need: the series, where S lives, and the error bounds. */
interface Smoothed {
  readonly tail: (t: number) => number;
  readonly period: number;
  readonly sigmaZ: number;
  /** S = origin + y in window coordinates. */
  readonly origin: number;
  readonly minTotal: number;
  readonly maxTotal: number;
  readonly rangeSlack: number;
  /** δ_c: bound on |computed P(Y ≥ t) − P(Y ≥ t)| apart from reading the target. */
  readonly probabilityError: number;
  readonly readingError: (target: number) => number;
  /** A bound on Y's density: (1/T)(1 + 2 Σ_{m≥1} |φ_Y(ω_m)|) bounds the periodised density. */
  readonly densityBound: number;
  readonly originRoundOff: number;
}

function smoothedSeries(
  pipeline: Pipeline,
  moments: Moments,
  plan: SmoothingPlan,
  sp: Spectrum
): Smoothed {
  const { period, zeta, sigmaZ, start, outside, frequencies } = plan.window;
  const next = frequencies + 1;
  const beyond = gaussianTail(zeta, next);
  const truncation = (2 / (PI * next)) * beyond;
  const series = tailSeries(sp, period);
  const origin = pipeline.offset + start;
  // Rounding of the offset, the origin and the target moves the point where the tail is read by at
  // most this much (times |target| + originRoundOff); Y's density is at most 1 / (σ_Z √(2π)).
  const originRoundOff = abs(origin) + abs(pipeline.offset) + abs(start) + period;
  return {
    tail: series.tail,
    period,
    sigmaZ,
    origin,
    minTotal: pipeline.offset,
    maxTotal: pipeline.offset + moments.range,
    rangeSlack: 4 * (pipeline.count + 4) * U * pipeline.absTotal,
    probabilityError: outside + truncation + sp.error + series.error,
    readingError: (target) => (8 * U * (abs(target) + originRoundOff)) / (sigmaZ * sqrt(2 * PI)),
    densityBound: (1 + 2 * (sp.mass + beyond)) / period,
    originRoundOff,
  };
}

/**
 * A bound on |P̂(S ≥ t) − P(S ≥ t)| for every target t: for any k, P(V ≥ t) lies between
 * P(Y ≥ t + kσ_Z) − δ(k) and P(Y ≥ t − kσ_Z) + δ(k), each within f·kσ_Z of P(Y ≥ t) (f bounds Y's
 * density), and the computed value is within δ_c (and the reading error) of P(Y ≥ t).
 */
function uniformBound(s: Smoothed): number {
  const farthest = max(abs(s.minTotal), abs(s.maxTotal)) + s.rangeSlack;
  const computed = s.probabilityError + s.readingError(farthest);
  let best = 1;
  for (let j = 0; j < UNIFORM_SDS.length; j++)
    best = min(best, s.densityBound * UNIFORM_SDS[j] * s.sigmaZ + UNIFORM_TAILS_WIDENED[j]);
  return min(1, best + computed);
}

/** The rigorous interval of P(S ≥ target): see distribution.ts, method 2. */
function smoothedBounds(s: Smoothed, target: number): { low: number; high: number } {
  checkTarget(target);
  // Outside the feasible range (give or take the rounding of its ends) the answer is certain.
  if (target <= s.minTotal - s.rangeSlack) return { low: 1, high: 1 };
  if (target > s.maxTotal + s.rangeSlack) return { low: 0, high: 0 };
  const t = target - s.origin;
  const computed = s.probabilityError + s.readingError(target);
  let lowBound = 0;
  let highBound = 1;
  for (const k of BOUND_SDS) {
    const smoothing = normalTailBound(k * (1 - 1e-12));
    // Only widths whose tail exceeds the numerical error: then the smoothed estimate itself is
    // provably inside the interval (it is within δ_c of P(Y ≥ t), which is monotone in t).
    if (smoothing < computed) continue;
    const slack = computed + smoothing;
    lowBound = max(lowBound, s.tail(t + k * s.sigmaZ) - slack);
    highBound = min(highBound, s.tail(t - k * s.sigmaZ) + slack);
  }
  return { low: lowBound, high: highBound };
}

/**
 * The smallest y with computed P(Y ≤ y) ≥ q, by a bisection on fixed midpoints: for q1 < q2 the two
 * searches agree until the first midpoint between them, so the result is non-decreasing in q even
 * where the computed tail wobbles.
 */
function smoothedQuantile(s: Smoothed, level: number, tolerance: number): number {
  checkLevel(level);
  let lo = 0;
  let hi = s.period;
  for (let step = 0; step < 200 && hi - lo > tolerance; step++) {
    const mid = lo + (hi - lo) / 2;
    if (1 - s.tail(mid) >= level) hi = mid;
    else lo = mid;
  }
  return min(s.maxTotal, max(s.minTotal, s.origin + hi));
}

/** The smoothed distribution of the pipeline, by the plan. */
export function smoothedDistribution(
  pipeline: Pipeline,
  moments: Moments,
  plan: SmoothingPlan
): DetailedOutcomeDistribution {
  const sp = spectrum(pipeline, moments, plan);
  const s = smoothedSeries(pipeline, moments, plan, sp);
  const tolerance = 1e-3 * s.sigmaZ;
  const quantileError = QUANTILE_SDS * s.sigmaZ + tolerance + 8 * U * s.originRoundOff;
  return {
    deals: pipeline.considered,
    mean: pipeline.mean,
    exact: false,
    quantileErrorShare: quantileError / pipeline.absTotal,
    probabilityAtLeast(target: number): number {
      checkTarget(target);
      if (target <= s.minTotal - s.rangeSlack) return 1;
      if (target > s.maxTotal + s.rangeSlack) return 0;
      return min(1, max(0, s.tail(target - s.origin)));
    },
    probabilityBounds: (target) => smoothedBounds(s, target),
    quantile: (level) => smoothedQuantile(s, level, tolerance),
    accuracy: {
      method: "smoothed",
      distinctTotals: 0,
      frequencies: plan.window.frequencies,
      computedFrequencies: sp.products,
      factorEvaluations: sp.factorEvaluations,
      separateDeals: plan.split.explicit,
      fast: plan.fast,
      smoothingSd: s.sigmaZ,
      probabilityError: s.probabilityError,
      probabilityBound: uniformBound(s),
      quantileError,
      quantileLevelSlack: QUANTILE_TAIL + s.probabilityError,
    },
  };
}
