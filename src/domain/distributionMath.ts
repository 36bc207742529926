/**
 * Numerics shared by the outcome distribution's methods (distribution.ts): the unit round-off, bounds
 * on the normal tail, and the checks of a target and a level.
 */

// Local names: inside a sandbox (Jest's vm context) each `Math.` is a slow lookup on the global object.
const { PI, exp, min, sqrt } = Math;

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

export function checkTarget(target: number): void {
  if (typeof target !== "number" || Number.isNaN(target))
    throw new RangeError("the target must be a number");
}

export function checkLevel(q: number): void {
  if (typeof q !== "number" || !(q > 0 && q < 1))
    throw new RangeError("the quantile level must be strictly between 0 and 1");
}
