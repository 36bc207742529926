/**
 * ABC classification of items (product ranges) by value, usually contribution margin.
 *
 * domain.md: items are ranked by value, largest first. With total = the sum of the positive values
 * and before(x) = the sum of the positive values strictly greater than x, an item is
 * A when before(x) < a × total, B when before(x) < b × total, else C. Values ≤ 0 are C and stay out
 * of the total; blank items have no class.
 *
 * before(x) never grows as x grows, so each class is a band of values: every value ≥ the smallest
 * A value is A, and so on. We therefore find the two cut values by selection (linear on average, no
 * sort) and classify each item with two comparisons. Equal values get one class whatever their order
 * in the sheet, and a million values cost less than one sort of them.
 */
import { DEFAULT_LOCALE } from "./language";
import { defineMessages, render } from "./messageCatalogue";
import { decimalIn, type SpeakOptions } from "./readingProblems";

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
export function abcSharesProblem(shares: AbcShares, options: SpeakOptions = {}): string | null {
  const language = options.language ?? "en";
  const { a, b } = shares;
  const say = (key: keyof typeof ABC_SHARES_MESSAGES.en) =>
    render(
      ABC_SHARES_MESSAGES[language][key],
      { a: decimalIn(language, String(a)), b: decimalIn(language, String(b)) },
      DEFAULT_LOCALE[language]
    );
  if (!Number.isFinite(a) || !Number.isFinite(b)) return say("notNumbers");
  if (!(a > 0)) return say("aNotAbove0");
  if (!(a < b)) return say("aNotBelowB");
  if (!(b <= 1)) return say("bAbove1");
  return null;
}

/** The ABC shares' problems, in English and French (French typed against English). */
const ABC_SHARES_MESSAGES = defineMessages(
  {
    notNumbers: "the A and B shares must be numbers",
    aNotAbove0: "the A share {a} must be above 0",
    aNotBelowB: "the A share {a} must be below the B share {b}",
    bAbove1: "the B share {b} must be at most 1 (100 %)",
  },
  {
    notNumbers: "les parts A et B doivent être des nombres",
    aNotAbove0: "la part A {a} doit être au-dessus de 0",
    aNotBelowB: "la part A {a} doit être en dessous de la part B {b}",
    bAbove1: "la part B {b} doit valoir au plus 1 (100\u00a0%)",
  }
);

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
  const pool = new Float64Array(positives); // the positive values, permuted in place by the selections
  let k = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > 0) {
      pool[k++] = v;
      total += v;
    }
  }
  const aLine = (shares.a - LINE_TOLERANCE) * total;
  const bLine = (shares.b - LINE_TOLERANCE) * total;
  const minA = smallestWithBeforeBelow(pool, aLine);
  const minB = smallestWithBeforeBelow(pool, bLine);
  return { total, minA, minB };
}

/**
 * The smallest value v of `values` (all positive) with before(v) < line, where before(v) is the sum of
 * the values strictly greater than v; Infinity when none. A selection, not a sort: each round splits
 * the remaining values around a pivot into greater / equal / smaller, keeps the side that holds the
 * answer and knows the sum of everything above it, so the work is linear on average. The values that
 * satisfy the condition are the top ones (before never grows as v grows), which is what makes the
 * search a bisection. `values` is permuted, not changed as a multiset.
 */
function smallestWithBeforeBelow(values: Float64Array, line: number): number {
  let lo = 0;
  let hi = values.length;
  let above = 0; // sum of the values greater than every value in [lo, hi)
  let best = Infinity;
  let seed = 0x9e3779b9;
  while (lo < hi) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const pivot = values[lo + (seed % (hi - lo))];
    // Three-way partition, largest first: [lo, gtEnd) > pivot, [gtEnd, i) = pivot, [ltStart, hi) < pivot.
    let gtEnd = lo;
    let i = lo;
    let ltStart = hi;
    let greater = 0;
    let equal = 0;
    while (i < ltStart) {
      const v = values[i];
      if (v > pivot) {
        values[i] = values[gtEnd];
        values[gtEnd] = v;
        gtEnd++;
        i++;
        greater += v;
      } else if (v < pivot) {
        ltStart--;
        values[i] = values[ltStart];
        values[ltStart] = v;
      } else {
        i++;
        equal += v;
      }
    }
    if (above + greater < line) {
      // The pivot is in the class; a smaller value may be too.
      best = pivot;
      above += greater + equal;
      lo = ltStart;
    } else hi = gtEnd; // neither the pivot nor anything smaller: look among the larger values
  }
  return best;
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
