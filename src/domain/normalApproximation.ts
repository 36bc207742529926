/**
 * Method 3 of distribution.ts: the normal approximation, with the Berry–Esseen bound for independent,
 * non-identically distributed summands (Shevtsova 2010, constant 0.5600):
 *     sup_x |P(V ≤ x) − Φ((x − E V)/σ)|  ≤  0.5600 · Σ_i E|X_i − E X_i|³ / σ³,   X_i = B_i b_i,
 * whatever the amounts (lattice or not). For a deal E|X − E X|³ = b³ p(1−p)(p² + (1−p)²). It is one
 * pass over the deals, and the bound falls as 1/√n: about 10^-3 at a million varied deals, more
 * where a few large deals or extreme probabilities dominate. distribution.ts takes it only where the
 * bound is within 10^-3 and the smoothed method's fast plan is not, or bounds less.
 */
import type { DetailedOutcomeDistribution } from "./distribution";
import { checkLevel, checkTarget, NORMAL_TAIL_ERROR, normalUpperTail, U } from "./distributionMath";
import type { Pipeline } from "./outcomePipeline";
import type { Moments } from "./pipelineMoments";

const { abs, max, min, sqrt } = Math;

/** Shevtsova (2010), "An improvement of convergence rate estimates in the Lyapunov theorem". */
const BERRY_ESSEEN_CONSTANT = 0.56;
/** Bisection tolerance on the standard normal quantile. */
const Z_TOLERANCE = 1e-9;
/** The quantile's bisection searches z in [−Z_REACH, Z_REACH], where the tail is 0 or 1 in doubles. */
const Z_REACH = 40;

/** 0.5600 · Σ E|X_i − E X_i|³ / σ³, raised by the round-off of the sums. */
export function berryEsseenBound(moments: Moments): number {
  const variance = moments.cumulants[2];
  const ratio = moments.absoluteThird / (variance * sqrt(variance));
  return min(1, BERRY_ESSEEN_CONSTANT * ratio * (1 + 3 * moments.roundOff));
}

/** The normal approximation's numbers: the centre, the spread and the error bounds. */
interface Normal {
  /** E S, compensated, and a bound on its error. */
  readonly mean: number;
  readonly meanError: number;
  readonly sd: number;
  /** Relative error bound of sd. */
  readonly sdError: number;
  readonly minTotal: number;
  readonly maxTotal: number;
  readonly rangeSlack: number;
  /** Bound on the numerical part of |P̂(S ≥ t) − (1 − Φ(z))|, over the feasible targets. */
  readonly numerical: number;
  readonly berryEsseen: number;
}

function normalNumbers(pipeline: Pipeline, moments: Moments): Normal {
  const variance = moments.cumulants[2];
  const sd = sqrt(variance);
  // Σ a p compensated: each product rounded (u Σ|a|p ≤ u Σ|a|), the sum within 2u of itself.
  const meanError = U * pipeline.absTotal * 1.01 + 2 * U * abs(pipeline.mean);
  const sdError = moments.roundOff / 2 + 2 * U;
  const minTotal = pipeline.offset;
  const maxTotal = pipeline.offset + moments.range;
  const rangeSlack = 4 * (pipeline.count + 4) * U * pipeline.absTotal;
  const farthest = max(abs(minTotal), abs(maxTotal)) + rangeSlack;
  // z = (t − E S)/σ is off by (meanError + 2u(|t| + |E S|))/σ + |z|(sdError + 2u); Φ moves by at
  // most φ(0) = 0.4 times the first part and |z|φ(z) ≤ 0.25 times the relative part.
  const numerical =
    NORMAL_TAIL_ERROR +
    (0.4 * (meanError + 2 * U * (farthest + abs(pipeline.mean)))) / sd +
    0.25 * (sdError + 2 * U);
  return {
    mean: pipeline.mean,
    meanError,
    sd,
    sdError,
    minTotal,
    maxTotal,
    rangeSlack,
    numerical,
    berryEsseen: berryEsseenBound(moments),
  };
}

/**
 * x̂ = E S + σ ẑ, ẑ the smallest of fixed bisection midpoints with Φ̂(ẑ) ≥ q. With δ' = β + the
 * numerical error: P(S ≤ x̂) ≥ Φ(ẑ) − β ≥ q − δ', so Q(q − δ') ≤ x̂ (+ ε, the arithmetic); and below
 * E S + σ(ẑ − tolerance) P(S ≤ x) < q + δ', so x̂ ≤ Q(q + δ') + ε.
 */
function normalQuantile(normal: Normal, level: number): number {
  checkLevel(level);
  let lo = -Z_REACH;
  let hi = Z_REACH;
  while (hi - lo > Z_TOLERANCE) {
    const mid = lo + (hi - lo) / 2;
    if (1 - normalUpperTail(mid) >= level) hi = mid;
    else lo = mid;
  }
  return min(normal.maxTotal, max(normal.minTotal, normal.mean + normal.sd * hi));
}

/** The normal approximation of the pipeline, with the Berry–Esseen bound. */
export function normalDistribution(
  pipeline: Pipeline,
  moments: Moments
): DetailedOutcomeDistribution {
  const normal = normalNumbers(pipeline, moments);
  const bound = min(1, normal.berryEsseen + normal.numerical);
  const probabilityAtLeast = (target: number): number => {
    checkTarget(target);
    if (target <= normal.minTotal - normal.rangeSlack) return 1;
    if (target > normal.maxTotal + normal.rangeSlack) return 0;
    return normalUpperTail((target - normal.mean) / normal.sd);
  };
  const quantileError =
    normal.sd * (Z_TOLERANCE + Z_REACH * (normal.sdError + 4 * U)) +
    normal.meanError +
    2 * U * abs(normal.mean);
  return {
    deals: pipeline.considered,
    mean: pipeline.mean,
    exact: false,
    quantileErrorShare: quantileError / pipeline.absTotal,
    probabilityAtLeast,
    probabilityBounds(target: number) {
      const p = probabilityAtLeast(target);
      if (p === 0 || p === 1) {
        // Certain outside the feasible range; inside it the bound applies as everywhere.
        const certain =
          target <= normal.minTotal - normal.rangeSlack ||
          target > normal.maxTotal + normal.rangeSlack;
        if (certain) return { low: p, high: p };
      }
      return { low: max(0, p - bound), high: min(1, p + bound) };
    },
    quantile: (level) => normalQuantile(normal, level),
    accuracy: {
      method: "normal",
      distinctTotals: 0,
      frequencies: 0,
      computedFrequencies: 0,
      factorEvaluations: 0,
      separateDeals: 0,
      // distribution.ts marks it fast when it takes it for a large pipeline.
      fast: false,
      smoothingSd: 0,
      probabilityError: normal.numerical,
      probabilityBound: bound,
      quantileError,
      quantileLevelSlack: bound,
    },
  };
}
