/**
 * ABC classification of items (product ranges) by value, usually contribution margin.
 *
 * domain.md: items are ranked by value, largest first. With total = the sum of the positive values
 * and before(x) = the sum of the positive values strictly greater than x, an item is
 * A when before(x) < a × total, B when before(x) < b × total, else C. Values ≤ 0 are C and stay out
 * of the total; blank items have no class.
 *
 * before(x) never grows as x grows, so each class is a band of values: every value ≥ the smallest
 * A value is A, and so on. We therefore sort the positive values once (a native numeric sort of a
 * Float64Array), find the two cut values, and classify each item with two comparisons. Equal values
 * get one class whatever their order in the sheet, and a million values cost about one sort.
 */

export type AbcClass = "A" | "B" | "C";

export interface AbcShares {
  /** Share of the total that class A reaches (default 0.8). */
  readonly a: number;
  /** Share of the total that classes A and B reach together (default 0.95). */
  readonly b: number;
}

export const DEFAULT_ABC_SHARES: AbcShares = { a: 0.8, b: 0.95 };

/** A value exactly on a line, within this share of the total, is not below it (domain.md). */
const LINE_TOLERANCE = 1e-9;

/** Why the shares cannot be used, or null when 0 < a < b ≤ 1. */
export function abcSharesProblem(shares: AbcShares): string | null {
  const { a, b } = shares;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return "the A and B shares must be numbers";
  if (!(a > 0)) return `the A share ${a} must be above 0`;
  if (!(a < b)) return `the A share ${a} must be below the B share ${b}`;
  if (!(b <= 1)) return `the B share ${b} must be at most 1 (100 %)`;
  return null;
}

/** The smallest value of class A and of class B; a value classifies as A when ≥ minA, and so on. */
export interface AbcCuts {
  readonly total: number;
  readonly minA: number;
  readonly minB: number;
}

/**
 * The cut values for a set of values. `values` may hold NaN for items to ignore (blank or unreadable).
 * Throws when the shares are invalid.
 */
export function abcCuts(
  values: ArrayLike<number>,
  shares: AbcShares = DEFAULT_ABC_SHARES
): AbcCuts {
  const problem = abcSharesProblem(shares);
  if (problem) throw new RangeError(problem);
  let positives = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > 0) positives++;
  const sorted = new Float64Array(positives);
  let k = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > 0) {
      sorted[k++] = v;
      total += v;
    }
  }
  sorted.sort(); // ascending, numeric

  const aLine = (shares.a - LINE_TOLERANCE) * total;
  const bLine = (shares.b - LINE_TOLERANCE) * total;
  // Walk from the largest value down, one group of equal values at a time: `before` is the sum of
  // the values strictly greater than the group's value.
  let minA = Infinity;
  let minB = Infinity;
  let before = 0;
  let i = positives - 1;
  while (i >= 0) {
    const v = sorted[i];
    if (before < aLine) minA = v;
    if (before < bLine) minB = v;
    else break;
    let groupSum = 0;
    while (i >= 0 && sorted[i] === v) {
      groupSum += v;
      i--;
    }
    before += groupSum;
  }
  return { total, minA, minB };
}

/** The class of one value given the cuts; null for NaN (no value). */
export function abcClassOf(value: number, cuts: AbcCuts): AbcClass | null {
  if (Number.isNaN(value)) return null;
  if (value <= 0) return "C";
  if (value >= cuts.minA) return "A";
  if (value >= cuts.minB) return "B";
  return "C";
}

/**
 * The ABC class of every value, in order; NaN (blank) gives null.
 * Example (domain.md): 50, 30, 15, 5 → A, A, B, C.
 */
export function abcClasses(
  values: ArrayLike<number>,
  shares: AbcShares = DEFAULT_ABC_SHARES
): (AbcClass | null)[] {
  const cuts = abcCuts(values, shares);
  const out = new Array<AbcClass | null>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = abcClassOf(values[i], cuts);
  return out;
}
