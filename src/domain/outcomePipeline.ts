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
  readonly offsetParts: number[];
}

/** Neumaier's compensated summation: the weighted total to the last digit on 10^6 deals. */
export class CompensatedSum {
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
 * Splits each deal into the certain offset and the uncertain part, checking it as it goes. Figures
 * in Float64Arrays are kept as they are while every deal is a plain uncertain one (0 < p < 1, a > 0),
 * as in a large pipeline read from cells: a million deals then cost no copy (the garbage collector
 * would pay for it), and nothing here or downstream writes to them. Arrays the caller gives as
 * scratch are never copied: deal i is written at `count` ≤ i, so splitting them in place reads each
 * deal before it can be overwritten.
 */
class PipelineBuilder {
  private readonly mean = new CompensatedSum();
  private readonly offset = new CompensatedSum();
  private readonly absTotal = new CompensatedSum();
  private readonly offsetParts: number[] = [];
  private amounts: Float64Array;
  private probabilities: Float64Array;
  /** While true, `amounts` and `probabilities` are the caller's, and deal i is at i. */
  private shared: boolean;
  /** Whether the caller's arrays may be written (OutcomeDeals' scratch). */
  private readonly scratch: boolean;
  private considered = 0;
  private count = 0;

  constructor(
    private readonly capacity: number,
    source?: {
      readonly amounts: Float64Array;
      readonly probabilities: Float64Array;
      readonly scratch?: boolean;
    }
  ) {
    this.shared = source !== undefined;
    this.scratch = source?.scratch === true;
    this.amounts = source ? source.amounts : new Float64Array(capacity);
    this.probabilities = source ? source.probabilities : new Float64Array(capacity);
  }

  /** Copies the deals kept so far into arrays of our own, before the first one that changes. */
  private unshare(): void {
    if (!this.shared) return;
    if (this.scratch) {
      this.shared = false; // the arrays are ours to write: in place from here on
      return;
    }
    const amounts = new Float64Array(this.capacity);
    const probabilities = new Float64Array(this.capacity);
    amounts.set(this.amounts.subarray(0, this.count));
    probabilities.set(this.probabilities.subarray(0, this.count));
    this.amounts = amounts;
    this.probabilities = probabilities;
    this.shared = false;
  }

  add(amount: number, probability: number, index: number): void {
    if (typeof amount !== "number" || amount - amount !== 0) {
      throw new RangeError(`deal ${index + 1}: the amount must be a finite number`);
    }
    if (typeof probability !== "number" || !(probability >= 0 && probability <= 1)) {
      throw new RangeError(`deal ${index + 1}: the probability must be between 0 and 1`);
    }
    if (probability === 0 || amount === 0) {
      this.unshare();
      return;
    }
    this.considered++;
    this.mean.add(amount * probability);
    this.absTotal.add(abs(amount));
    if (probability === 1) {
      this.unshare();
      this.offset.add(amount);
      this.offsetParts.push(amount);
    } else if (amount > 0) {
      if (this.shared) {
        this.count++;
        return;
      }
      this.amounts[this.count] = amount;
      this.probabilities[this.count++] = probability;
    } else {
      // A credit note: B a = a + (1 − B)|a|, and 1 − B is won with probability 1 − p.
      this.unshare();
      this.offset.add(amount);
      this.offsetParts.push(amount);
      this.amounts[this.count] = -amount;
      this.probabilities[this.count++] = 1 - probability;
    }
  }

  build(): Pipeline {
    return {
      considered: this.considered,
      mean: this.mean.value(),
      absTotal: this.absTotal.value(),
      offset: this.offset.value(),
      count: this.count,
      amounts: this.amounts.subarray(0, this.count),
      probabilities: this.probabilities.subarray(0, this.count),
      offsetParts: this.offsetParts,
    };
  }
}

function isDealList(
  deals: OutcomeDeals
): deals is ReadonlyArray<{ readonly amount: number; readonly probability: number }> {
  return Array.isArray(deals);
}

/** Checks the deals and splits them into S = c + V (see the module comment of distribution.ts). */
export function normalise(deals: OutcomeDeals): Pipeline {
  if (isDealList(deals)) {
    const builder = new PipelineBuilder(deals.length);
    for (let i = 0; i < deals.length; i++) {
      const deal = deals[i];
      builder.add(deal.amount, deal.probability, i);
    }
    return builder.build();
  }
  const { amounts, probabilities, scratch } = deals;
  if (amounts.length !== probabilities.length)
    throw new RangeError(
      `${amounts.length} amounts but ${probabilities.length} probabilities: give one of each per deal`
    );
  const builder =
    amounts instanceof Float64Array && probabilities instanceof Float64Array
      ? new PipelineBuilder(amounts.length, { amounts, probabilities, scratch })
      : new PipelineBuilder(amounts.length);
  for (let i = 0; i < amounts.length; i++) builder.add(amounts[i], probabilities[i], i);
  return builder.build();
}
