/**
 * The pipeline as the outcome distribution sees it (distribution.ts, "Normalisation"): the won total
 * S = c + V, V = Σ B_i b_i with b_i > 0 and 0 < p_i < 1, read in one pass into typed arrays, so that a
 * million deals cost no allocation per deal.
 */

const { abs } = Math;

/** Deals as objects (the pane, the forecast, tests) or as two columns of figures (the functions). */
export type OutcomeDeals =
  | ReadonlyArray<{ readonly amount: number; readonly probability: number }>
  | {
      readonly amounts: ArrayLike<number>;
      readonly probabilities: ArrayLike<number>;
      /**
       * The arrays are the caller's scratch (Float64Arrays it will not read again): the deals are
       * split in them, in place, rather than in a copy when one is not a plain uncertain deal.
       */
      readonly scratch?: boolean;
    };

export interface Pipeline {
  /** Deals taken into account (p > 0, a ≠ 0). */
  readonly considered: number;
  /** Σ a_i p_i, compensated. */
  readonly mean: number;
  /** Σ |a_i| over the deals taken into account. */
  readonly absTotal: number;
  /** Certain part c of S, compensated. */
  readonly offset: number;
  /** Positive amounts b_i and probabilities 0 < p_i < 1 of the uncertain part V, `count` of them. */
  readonly count: number;
  readonly amounts: Float64Array;
  readonly probabilities: Float64Array;
  /** Amounts of the certain part, to rebuild c exactly in integer units. */
  readonly offsetParts: Float64Array;
}

/** Neumaier's compensated summation: the weighted total to the last digit on 10^6 deals. */
export class CompensatedSum {
  private sum = 0;
  private carry = 0;
  add(x: number): void {
    const t = this.sum + x;
    this.carry += carryOf(this.sum, x, t);
    this.sum = t;
  }
  value(): number {
    return this.sum + this.carry;
  }
}

/**
 * What the rounding of t = sum + x lost, for Neumaier's carry: exactly sum + x − t, which is a
 * double (finite figures). Worked out by Knuth's TwoSum, six operations and no branch, rather than by
 * Neumaier's test of which term is larger (a branch, and its comparison of two absolute values, on
 * every deal): both give that exact error, so the carry, and every sum, to the last digit.
 */
function carryOf(sum: number, x: number, t: number): number {
  const xPart = t - sum;
  return sum - (t - xPart) + (x - xPart);
}

function isDealList(
  deals: OutcomeDeals
): deals is ReadonlyArray<{ readonly amount: number; readonly probability: number }> {
  return Array.isArray(deals);
}

const badAmount = (index: number) =>
  new RangeError(`deal ${index + 1}: the amount must be a finite number`);
const badProbability = (index: number) =>
  new RangeError(`deal ${index + 1}: the probability must be between 0 and 1`);

/** Checks the deals and splits them into S = c + V (see the module comment of distribution.ts). */
export function normalise(deals: OutcomeDeals): Pipeline {
  if (isDealList(deals)) return split(figuresOfDeals(deals), "own");
  const { amounts, probabilities } = deals;
  if (amounts.length !== probabilities.length)
    throw new RangeError(
      `${amounts.length} amounts but ${probabilities.length} probabilities: give one of each per deal`
    );
  const columns = amounts instanceof Float64Array && probabilities instanceof Float64Array;
  if (!columns) return split({ amounts, probabilities }, "copy");
  return split({ amounts, probabilities }, deals.scratch ? "own" : "shared");
}

/**
 * Deals as objects, their figures in arrays of their own; what is not a number is NaN there (not the
 * 0 an array would make of null), for split to name in its turn.
 */
function figuresOfDeals(
  deals: ReadonlyArray<{ readonly amount: number; readonly probability: number }>
) {
  const amounts = new Float64Array(deals.length);
  const probabilities = new Float64Array(deals.length);
  deals.forEach(({ amount, probability }, i) => {
    amounts[i] = typeof amount === "number" ? amount : NaN;
    probabilities[i] = typeof probability === "number" ? probability : NaN;
  });
  return { amounts, probabilities };
}

/**
 * Splits each deal into the certain offset and the uncertain part, checking it as it goes. Where the
 * split uncertain deals go: "shared", in the caller's Float64Arrays themselves while every deal is a
 * plain uncertain one (0 < p < 1, a > 0), as in a large pipeline read from cells, so that a million
 * deals cost no copy (the garbage collector would pay for it), copied from the first deal that
 * changes; "own", in place (deal i is written at `count` ≤ i, so each deal is read before it can be
 * overwritten); "copy", in arrays of its own from the start (figures in other arrays).
 */
function split(
  figures: { readonly amounts: ArrayLike<number>; readonly probabilities: ArrayLike<number> },
  into: "shared" | "own" | "copy"
): Pipeline {
  const n = figures.amounts.length;
  // Always an object of these two fields (one shape for the loop to read), however made.
  const out =
    into === "copy"
      ? { amounts: new Float64Array(n), probabilities: new Float64Array(n) }
      : {
          amounts: figures.amounts as Float64Array,
          probabilities: figures.probabilities as Float64Array,
        };
  const found = splitDeals(figures.amounts, figures.probabilities, into === "shared", out);
  const { count } = found;
  return {
    considered: found.considered,
    mean: found.mean,
    absTotal: found.absTotal,
    offset: found.offset,
    count,
    amounts: found.kept.subarray(0, count),
    probabilities: found.keptProbabilities.subarray(0, count),
    offsetParts: new Float64Array(found.offsetParts),
  };
}

/**
 * split's pass over the deals, a function whose loop is followed only by the object of what it found
 * (locals, nothing read or called): the compiler optimises a long loop while it runs, and code after
 * it that reads or calls anything, never run by then, would be dropped and taken again on every call
 * (a forecast makes a dozen calls and more). The uncertain deals go into `out`, unless `shared`
 * (they are in `out` already, until the first deal that changes).
 */
function splitDeals(
  amounts: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  shared: boolean,
  out: { amounts: Float64Array; probabilities: Float64Array }
) {
  const mean = new CompensatedSum();
  const offset = new CompensatedSum();
  const absTotal = new CompensatedSum();
  const offsetParts: number[] = [];
  // The arrays in locals: a field read on every deal would be reloaded after each store.
  let kept = out.amounts;
  let keptProbabilities = out.probabilities;
  let considered = 0;
  let count = 0;
  for (let i = 0; i < amounts.length; i++) {
    const amount = amounts[i];
    const probability = probabilities[i];
    if (typeof amount !== "number" || amount - amount !== 0) throw badAmount(i);
    if (typeof probability !== "number" || !(probability >= 0 && probability <= 1))
      throw badProbability(i);
    const plain = amount > 0 && probability > 0 && probability < 1;
    if (shared && !plain) {
      ({ amounts: kept, probabilities: keptProbabilities } = copied(
        kept,
        keptProbabilities,
        count
      ));
      shared = false;
    }
    if (probability === 0 || amount === 0) continue;
    considered++;
    mean.add(amount * probability);
    absTotal.add(abs(amount));
    if (plain) {
      if (!shared) {
        kept[count] = amount;
        keptProbabilities[count] = probability;
      }
      count++;
      continue;
    }
    offset.add(amount);
    offsetParts.push(amount);
    // A credit note: B a = a + (1 − B)|a|, and 1 − B is won with probability 1 − p.
    if (probability !== 1) {
      kept[count] = -amount;
      keptProbabilities[count++] = 1 - probability;
    }
  }
  return {
    considered,
    count,
    mean: mean.value(),
    offset: offset.value(),
    absTotal: absTotal.value(),
    offsetParts,
    kept,
    keptProbabilities,
  };
}

/** The first `count` deals in arrays of their own, of the same room. */
function copied(amounts: Float64Array, probabilities: Float64Array, count: number) {
  const capacity = amounts.length;
  const into = { amounts: new Float64Array(capacity), probabilities: new Float64Array(capacity) };
  into.amounts.set(amounts.subarray(0, count));
  into.probabilities.set(probabilities.subarray(0, count));
  return into;
}

/**
 * The split of several groups' deals at once, for a pass that gathers the deals group by group
 * (forecast.ts): each deal is split as it is gathered, the uncertain ones written into its group's
 * range of `amounts` and `probabilities`, rather than gathered there and then read again by
 * normalise. Each group's pipeline is the one normalise gives of the group's deals in the order they
 * are added: the same terms added to the same compensated sums in the same order, and a bad deal
 * refused with its index in the group, when the group's pipeline is asked for (as normalise would
 * refuse it then). That index is worked out when a deal is refused, from the group's deals split
 * until then, rather than passed with every deal (the caller's count of each group's deals, a
 * store and a reload a deal, was needed for nothing else).
 */
export class GroupedSplit {
  /**
   * Each group's state, GROUP_STATE doubles from GROUP_STATE·g on: first CALLER_SLOTS for the
   * caller's own sums of the group (its to write), then the split's (MEAN to WHOLE). One array for
   * all, at a constant stride: a compiled loop checks each typed array it reads or writes (its map,
   * its length) on every turn, TurboFan hoisting nothing out of a loop, so a pass that keeps its own
   * sums and the split's in one array makes one check a deal where it made six (count, totals,
   * sums, considered, next), 10-15 % of the pass; a stride in a field rather than a constant costs
   * as much (each slot's offset then worked out and checked). Doubles, not CompensatedSum objects,
   * whose fields hold small integers until a sum is not one (or passes 2^30), and which then change
   * shape, as the lists of parts did (see partsOf).
   */
  readonly state: Float64Array;
  /**
   * Group g's amounts of the certain part, the first parts[g] of them: in typed arrays, not in lists.
   * A list's elements are small integers, then doubles once the compiled loop adds one, and the
   * next computation's lists start as doubles: the loop's code, compiled for the first shape, was
   * left for the interpreter on the headline's second run (2.3 -> 6.8 ms at 100,000 deals).
   */
  private readonly partsOf: Float64Array[] = [];
  private readonly parts: Int32Array;
  private readonly refused: (RangeError | undefined)[] = [];

  /** Group g's range of `amounts` and `probabilities` starts at first[g]. */
  constructor(
    private readonly first: Int32Array,
    private readonly amounts: Float64Array,
    private readonly probabilities: Float64Array
  ) {
    const size = first.length;
    this.state = new Float64Array(GROUP_STATE * size);
    this.parts = new Int32Array(size);
    for (let g = 0; g < size; g++) {
      this.state[GROUP_STATE * g + NEXT] = first[g];
      const deals = (g + 1 < size ? first[g + 1] : amounts.length) - first[g];
      this.partsOf.push(new Float64Array(Math.max(FIRST_PARTS, deals >> PARTS_SHIFT)));
      this.refused.push(undefined);
    }
  }

  /** Splits the next deal of group g, as splitDeals does. */
  add(g: number, amount: number, probability: number): void {
    if (!(amount - amount === 0 && probability >= 0 && probability <= 1))
      return this.refuse(g, amount);
    const { state } = this;
    const at = GROUP_STATE * g;
    if (probability === 0 || amount === 0) {
      state[at + LEFT_OUT]++;
      return;
    }
    const x = amount * probability;
    const mean = state[at + MEAN];
    const meanTotal = mean + x;
    state[at + MEAN_CARRY] += carryOf(mean, x, meanTotal);
    state[at + MEAN] = meanTotal;
    const size = abs(amount);
    const absTotal = state[at + ABS_TOTAL];
    const absSum = absTotal + size;
    state[at + ABS_CARRY] += carryOf(absTotal, size, absSum);
    state[at + ABS_TOTAL] = absSum;
    if (amount > 0 && probability < 1) {
      const to = state[at + NEXT]++;
      this.amounts[to] = amount;
      this.probabilities[to] = probability;
    } else this.addCertain(g, amount, probability);
  }

  /** A certain part: the amount to the offset, and a credit note's uncertain part (see splitDeals). */
  private addCertain(g: number, amount: number, probability: number): void {
    const { state } = this;
    const at = GROUP_STATE * g;
    const offset = state[at + OFFSET];
    const offsetSum = offset + amount;
    state[at + OFFSET_CARRY] += carryOf(offset, amount, offsetSum);
    state[at + OFFSET] = offsetSum;
    const part = this.parts[g]++;
    if (part === this.partsOf[g].length) this.partsOf[g] = grown(this.partsOf[g]);
    this.partsOf[g][part] = amount;
    if (probability !== 1) {
      const to = state[at + NEXT]++;
      this.amounts[to] = -amount;
      this.probabilities[to] = 1 - probability;
    } else state[at + WHOLE]++;
  }

  /**
   * Refuses the next deal of group g (only its first refusal is kept, as normalise stops at the
   * first). Each deal added before it was taken into account (an uncertain part or WHOLE) or left
   * out (LEFT_OUT): their number is its index among the group's deals.
   */
  private refuse(g: number, amount: number): void {
    if (this.refused[g]) return;
    const at = GROUP_STATE * g;
    const { state } = this;
    const index = state[at + NEXT] - this.first[g] + state[at + WHOLE] + state[at + LEFT_OUT];
    this.refused[g] = amount - amount !== 0 ? badAmount(index) : badProbability(index);
  }

  /**
   * Group g's Σ a·p summed plainly, deal by deal in the order added (its carry left out): what a
   * plain loop adding each of the group's deals' a·p gives. A deal left out of the split (p = 0 or
   * a = 0) would have added ±0, which changes no sum but −0, and the sum starts at +0 and is never
   * −0 (x + y is −0 only when both are). Valid only when the group's pipeline is (nothing refused).
   */
  plainMean(g: number): number {
    return this.state[GROUP_STATE * g + MEAN];
  }

  /** Group g's pipeline; its uncertain deals are in its range of the arrays. */
  pipeline(g: number): Pipeline {
    const refused = this.refused[g];
    if (refused) throw refused;
    const { state } = this;
    const at = GROUP_STATE * g;
    const from = this.first[g];
    const to = state[at + NEXT];
    return {
      // Each deal taken into account left an uncertain part or was certain with p = 1 (WHOLE).
      considered: to - from + state[at + WHOLE],
      mean: state[at + MEAN] + state[at + MEAN_CARRY],
      absTotal: state[at + ABS_TOTAL] + state[at + ABS_CARRY],
      offset: state[at + OFFSET] + state[at + OFFSET_CARRY],
      count: to - from,
      amounts: this.amounts.subarray(from, to),
      probabilities: this.probabilities.subarray(from, to),
      offsetParts: this.partsOf[g].subarray(0, this.parts[g]),
    };
  }
}

/** Slots at the start of each group's GroupedSplit.state for the caller's sums (forecast.ts's 6). */
const CALLER_SLOTS = 6;
/**
 * The split's slots of a group's state: Σ a·p and its carry, Σ |a| and its carry, the offset c and
 * its carry (Neumaier's, as CompensatedSum), where the group's next uncertain deal goes, and how many
 * of its deals were certain with p = 1 (the only ones taken into account that leave no uncertain
 * part: counted on that rare path, rather than every deal taken into account counted on every deal),
 * and how many were left out (p = 0 or a = 0), for the index of a deal refused (see refuse).
 */
const MEAN = CALLER_SLOTS;
const MEAN_CARRY = CALLER_SLOTS + 1;
const ABS_TOTAL = CALLER_SLOTS + 2;
const ABS_CARRY = CALLER_SLOTS + 3;
const OFFSET = CALLER_SLOTS + 4;
const OFFSET_CARRY = CALLER_SLOTS + 5;
const NEXT = CALLER_SLOTS + 6;
const WHOLE = CALLER_SLOTS + 7;
const LEFT_OUT = CALLER_SLOTS + 8;
/** The doubles of a group's state in GroupedSplit.state. */
export const GROUP_STATE = CALLER_SLOTS + 9;

/**
 * Room for the certain parts of a group at first, doubled when full (grown): FIRST_PARTS, or one
 * for 2^PARTS_SHIFT deals of its range if more. Grown from 16, a large group's parts were copied
 * into a new array a dozen times and more (0.15 ms a forecast at 100,000 deals, 2.5 % certain).
 */
const FIRST_PARTS = 16;
const PARTS_SHIFT = 5;

/** The same figures in an array twice as long. */
function grown(figures: Float64Array): Float64Array {
  const into = new Float64Array(2 * figures.length);
  into.set(figures);
  return into;
}
