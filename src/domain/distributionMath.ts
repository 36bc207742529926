/**
 * Numerics shared by the outcome distribution's methods (distribution.ts): the unit round-off, bounds
 * on the normal tail, the normal distribution function, and the checks of a target and a level.
 */

// Local names: inside a sandbox (Jest's vm context) each `Math.` is a slow lookup on the global object.
const { PI, abs, exp, min, sqrt } = Math;

/** Unit round-off of a double. */
export const U = 2 ** -53;

/** Upper bound on P(N(0,1) > z) (Mills' ratio φ(z)/z, and 1/2 at z ≤ 0.8). */
export function normalTailBound(z: number): number {
  if (z <= 0.8) return z >= 0 ? 0.5 : 1;
  return min(0.5, exp(-0.5 * z * z) / (z * sqrt(2 * PI)));
}

/** The k with normalTailBound(k) = δ (to 1e-12). */
export function sdsForTail(delta: number): number {
  let lo = 0.8;
  let hi = 40;
  while (hi - lo > 1e-12) {
    const mid = (lo + hi) / 2;
    if (normalTailBound(mid) > delta) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * Bound on |normalUpperTail(z) − P(N(0,1) > z)|: erfc below is within 1.2·10^-7 of erfc relatively
 * (Numerical Recipes' stated bound; a dense check against the C library's erfc finds 1.05·10^-7), so
 * the tail, half of it, is within 6·10^-8, plus the round-off of z/√2 and of the arithmetic.
 */
export const NORMAL_TAIL_ERROR = 1e-7;

/**
 * erfc(x) by Numerical Recipes' Chebyshev fit (erfcc), relative error below 1.2·10^-7 for x ≥ 0.
 * That is ample beside the Berry–Esseen bound it serves (≥ 10^-4 at any size Carnet meets).
 */
function erfc(x: number): number {
  const z = abs(x);
  const t = 1 / (1 + 0.5 * z);
  const series =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * exp(series);
  return x >= 0 ? value : 2 - value;
}

/** P(N(0,1) > z), within NORMAL_TAIL_ERROR. */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

export function checkTarget(target: number): void {
  if (typeof target !== "number" || Number.isNaN(target))
    throw new RangeError("the target must be a number");
}

export function checkLevel(q: number): void {
  if (typeof q !== "number" || !(q > 0 && q < 1))
    throw new RangeError("the quantile level must be strictly between 0 and 1");
}
