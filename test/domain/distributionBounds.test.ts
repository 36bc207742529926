/**
 * The approximate methods of the outcome distribution (src/domain/distribution.ts: the smoothed
 * characteristic function, its fast plan from cumulants and the decay bound, and the normal
 * approximation with Berry–Esseen) held to their stated bounds against the exact distribution,
 * computed by dynamic programming over integer amounts — at every size where that is feasible, on
 * random pipelines of fixed seeds and adversarial ones — and, at a million deals, against the exact
 * binomial and each other.
 */
import {
  type DetailedOutcomeDistribution,
  outcomeDistribution,
  type OutcomeDistributionOptions,
} from "../../src/domain/distribution";
import { mulberry32 } from "../support/random";

type Deal = { amount: number; probability: number };

/** The exact distribution of S = Σ B_i a_i for integer amounts: P(S = lowest + j) = cells[j]. */
interface Exact {
  readonly lowest: number;
  readonly cells: Float64Array;
  /** atLeast[j] = P(S ≥ lowest + j), summed from the top. */
  readonly atLeast: Float64Array;
  readonly mean: number;
  readonly sd: number;
}

/**
 * Dynamic programming over the integer totals, deal by deal: a deal of amount a > 0 moves mass a
 * cells up with probability p; a credit note (a < 0) is counted won from the start and moves |a| up
 * when lost.
 */
function exactDistribution(deals: Deal[]): Exact {
  let lowest = 0;
  let span = 0;
  for (const d of deals) {
    if (!Number.isInteger(d.amount)) throw new Error("integer amounts only");
    if (d.amount < 0) lowest += d.amount;
    span += Math.abs(d.amount);
  }
  const cells = new Float64Array(span + 1);
  cells[0] = 1;
  let top = 0;
  for (const d of deals) {
    const k = Math.abs(d.amount);
    const up = d.amount > 0 ? d.probability : 1 - d.probability;
    const stay = 1 - up;
    if (k === 0 || up === 0) continue;
    for (let j = top + k; j >= k; j--) cells[j] = stay * cells[j] + up * cells[j - k];
    for (let j = Math.min(k, top + 1) - 1; j >= 0; j--) cells[j] *= stay;
    top += k;
  }
  const atLeast = new Float64Array(span + 2);
  for (let j = span; j >= 0; j--) atLeast[j] = atLeast[j + 1] + cells[j];
  const mean = deals.reduce((s, d) => s + d.amount * d.probability, 0);
  const variance = deals.reduce(
    (s, d) => s + d.amount * d.amount * d.probability * (1 - d.probability),
    0
  );
  return { lowest, cells, atLeast, mean, sd: Math.sqrt(variance) };
}

/** P(S ≥ t) exactly, for any real t. */
function exactAtLeast(e: Exact, t: number): number {
  const j = Math.ceil(t - e.lowest);
  if (j <= 0) return 1;
  if (j >= e.atLeast.length) return 0;
  return Math.min(1, e.atLeast[j]);
}

/** Q(q): the smallest total x with P(S ≤ x) ≥ q (−∞ for q ≤ 0, the largest total for q > 1). */
function exactQuantile(e: Exact, q: number): number {
  if (q <= 0) return -Infinity;
  let below = 0;
  for (let j = 0; j < e.cells.length; j++) {
    below += e.cells[j];
    if (below >= q) return e.lowest + j;
  }
  return e.lowest + e.cells.length - 1;
}

/** Integer and half-integer targets every σ/5 from 7σ below the mean to 7σ above, and the ends. */
function targetsOf(e: Exact): number[] {
  const targets = [
    e.lowest - 1,
    e.lowest,
    e.lowest + e.cells.length - 1,
    e.lowest + e.cells.length,
  ];
  for (let k = -35; k <= 35; k++) {
    const t = Math.round(e.mean + (k / 5) * e.sd);
    targets.push(t, t + 0.5);
  }
  return targets;
}

/** The largest |P̂(S ≥ t) − P(S ≥ t)| over the targets, after checking every interval and quantile. */
function holdsItsBounds(d: DetailedOutcomeDistribution, e: Exact, deals: Deal[]): number {
  // The dynamic programme's own sums are off by a few units in the last place.
  const slack = 1e-11;
  let worst = 0;
  for (const t of targetsOf(e)) {
    const exact = exactAtLeast(e, t);
    const p = d.probabilityAtLeast(t);
    const error = Math.abs(p - exact);
    worst = Math.max(worst, error);
    if (error > d.accuracy.probabilityBound + slack)
      throw new Error(
        `${d.accuracy.method}: P(S ≥ ${t}) = ${p}, exact ${exact}, off by ${error} > bound ${d.accuracy.probabilityBound}`
      );
    const b = d.probabilityBounds(t);
    expect(b.low).toBeLessThanOrEqual(exact + slack);
    expect(b.high).toBeGreaterThanOrEqual(exact - slack);
    expect(p).toBeGreaterThanOrEqual(b.low);
    expect(p).toBeLessThanOrEqual(b.high);
  }
  const total = deals.reduce((s, x) => s + (x.probability > 0 ? Math.abs(x.amount) : 0), 0);
  const epsilon = d.quantileErrorShare * total;
  const levelSlack = d.accuracy.quantileLevelSlack + 1e-12;
  for (const q of [0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999]) {
    const x = d.quantile(q);
    expect(x).toBeGreaterThanOrEqual(exactQuantile(e, q - levelSlack) - epsilon);
    expect(x).toBeLessThanOrEqual(exactQuantile(e, q + levelSlack) + epsilon);
  }
  return worst;
}

/** The smoothed method on its full budget of products over the deals. */
const SMOOTHED: OutcomeDistributionOptions = { maxExactTotals: 0, approximation: "smoothed" };
/**
 * The smoothed method on no budget: 1,024 frequencies, most of them had from the cumulant series or
 * left out on the decay bound, the few others by products.
 */
const STARVED: OutcomeDistributionOptions = { ...SMOOTHED, maxFrequencies: 0, frequencyWork: 0 };
const NORMAL: OutcomeDistributionOptions = { maxExactTotals: 0, approximation: "normal" };
const AUTOMATIC: OutcomeDistributionOptions = { maxExactTotals: 0 };

function randomDeals(
  seed: number,
  count: number,
  amount: (r: () => number) => number,
  probability: (r: () => number) => number
): Deal[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => ({
    amount: amount(random),
    probability: probability(random),
  }));
}

const upTo = (top: number) => (r: () => number) => 1 + Math.floor(r() * top);
const percent = (r: () => number) => Math.round(1 + r() * 98) / 100;

/** Pipelines whose dynamic programme costs at most a few 10^8 cell updates each. */
const PIPELINES: { name: string; deals: Deal[] }[] = [
  { name: "12 varied deals", deals: randomDeals(1, 12, upTo(100_000), percent) },
  { name: "60 varied deals", deals: randomDeals(2, 60, upTo(20_000), percent) },
  { name: "400 varied deals", deals: randomDeals(3, 400, upTo(2_000), percent) },
  { name: "3,000 varied deals", deals: randomDeals(4, 3000, upTo(100), percent) },
  {
    name: "one deal dominating 2,000 small ones",
    deals: [...randomDeals(5, 2000, upTo(50), percent), { amount: 20_000, probability: 0.5 }],
  },
  {
    name: "probabilities near 0 and 1",
    deals: randomDeals(6, 3000, upTo(100), (r) =>
      r() < 0.5 ? 0.001 + 0.02 * r() : 0.999 - 0.02 * r()
    ),
  },
  {
    name: "5,000 identical deals (a lattice)",
    deals: Array.from({ length: 5000 }, () => ({ amount: 3, probability: 0.37 })),
  },
  { name: "20,000 tiny deals", deals: randomDeals(7, 20_000, upTo(3), (r) => r()) },
  {
    name: "credit notes and certain deals",
    deals: randomDeals(
      8,
      1500,
      (r) => Math.floor(r() * 250) - 50 || 1,
      (r) => (r() < 0.1 ? 1 : percent(r))
    ),
  },
  {
    name: "500 deals of 5 to 2,500, whole units",
    deals: randomDeals(
      9,
      500,
      (r) => 5 + Math.floor(r() * 2496),
      (r) => 0.05 + 0.9 * r()
    ),
  },
  {
    // Long blocks bounded on the small deals alone, which fail where the lattice of tens returns.
    name: "1,000 deals of 10 to 100 and 60 of 10 to 1,000, in tens",
    deals: [
      ...randomDeals(10, 1000, (r) => 10 * upTo(10)(r), percent),
      ...randomDeals(11, 60, (r) => 10 * upTo(100)(r), percent),
    ],
  },
];

describe("approximations against dynamic programming over integer amounts", () => {
  const exact = new Map(PIPELINES.map((p) => [p.name, exactDistribution(p.deals)]));

  describe.each(PIPELINES)("$name", ({ name, deals }) => {
    const e = exact.get(name)!;
    let full: DetailedOutcomeDistribution | undefined;
    const fullBudget = () => (full ??= outcomeDistribution(deals, SMOOTHED));

    it("smoothed: every probability within the stated bound, every interval and quantile holding", () => {
      const d = fullBudget();
      expect(d.accuracy.method).toBe("smoothed");
      holdsItsBounds(d, e, deals);
    });

    it("smoothed on no budget (mostly the cumulant series and the decay bound) holds too", () => {
      const d = outcomeDistribution(deals, STARVED);
      expect(d.accuracy.method).toBe("smoothed");
      expect(d.accuracy.computedFrequencies).toBeLessThanOrEqual(d.accuracy.frequencies);
      holdsItsBounds(d, e, deals);
    });

    it("normal: within the Berry–Esseen bound at every target", () => {
      const d = outcomeDistribution(deals, NORMAL);
      expect(d.accuracy.method).toBe("normal");
      holdsItsBounds(d, e, deals);
    });

    it("automatic: the full budget here, or a fast method within 10^-3", () => {
      const d = outcomeDistribution(deals, AUTOMATIC);
      if (d.accuracy.fast) {
        expect(d.accuracy.probabilityBound).toBeLessThanOrEqual(1e-3);
        holdsItsBounds(d, e, deals);
      } else {
        // Too few deals for the fast methods to reach 10^-3: the same series as the full budget's.
        expect(d.accuracy).toEqual(fullBudget().accuracy);
        expect(d.probabilityAtLeast(e.mean)).toBe(fullBudget().probabilityAtLeast(e.mean));
      }
    });
  });

  it("states bounds that mean something: tight where V is smooth, the atoms' size on a lattice", () => {
    const varied = outcomeDistribution(PIPELINES[3].deals, SMOOTHED);
    expect(varied.accuracy.probabilityBound).toBeLessThan(1e-3);
    // On no budget, most of the 1,024 frequencies come without a product over the deals.
    const starved = outcomeDistribution(PIPELINES[3].deals, STARVED);
    expect(starved.accuracy.computedFrequencies).toBeLessThan(100);
    // Binomial(5 000, 0.37) in steps of 3: atoms of about 0.012, which no smoothing can split.
    const lattice = PIPELINES[6];
    const atom = Math.max(...exact.get(lattice.name)!.cells);
    expect(atom).toBeGreaterThan(0.01);
    const normal = outcomeDistribution(lattice.deals, NORMAL);
    // Berry–Esseen: 0.56 (p² + q²)/√(npq) = 0.56 · 0.5338 / 34.14.
    expect(normal.accuracy.probabilityBound).toBeCloseTo((0.56 * 0.5338) / 34.14, 4);
    expect(normal.accuracy.probabilityBound).toBeGreaterThan(atom / 2);
  });
});

/** P(Bin(n, p) = k) for every k, by the ratio of successive terms from the mode (exact but round-off). */
function binomial(n: number, p: number): Float64Array {
  const cells = new Float64Array(n + 1);
  const mode = Math.floor((n + 1) * p);
  cells[mode] = 1;
  for (let k = mode; k < n && cells[k] > 1e-300; k++)
    cells[k + 1] = (cells[k] * (n - k) * p) / ((k + 1) * (1 - p));
  for (let k = mode; k > 0 && cells[k] > 1e-300; k--)
    cells[k - 1] = (cells[k] * k * (1 - p)) / ((n - k + 1) * p);
  const total = cells.reduce((s, x) => s + x, 0);
  return cells.map((x) => x / total);
}

describe("a forecast group", () => {
  it("of 20,000 deals of 1,000 to 100,000: most blocks bounded on the smallest deals, long", () => {
    const random = mulberry32(13);
    const n = 20_000;
    const amounts = new Float64Array(n);
    const probabilities = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      amounts[i] = Math.round(1000 + random() * 99_000);
      probabilities[i] = Math.round(0.5 + random() * 18) / 20;
    }
    const d = outcomeDistribution({ amounts, probabilities });
    expect(d.accuracy.method).toBe("smoothed");
    expect(d.accuracy.probabilityBound).toBeLessThan(4e-4);
    // Blocks of all the deals, 145 frequencies long, took 50,000 factor evaluations.
    expect(d.accuracy.factorEvaluations).toBeLessThan(10_000);
    const normal = outcomeDistribution({ amounts, probabilities }, NORMAL);
    const sd = normal.quantile(0.8413447) - normal.mean;
    for (let k = -5; k <= 5; k += 0.5) {
      const t = d.mean + k * sd;
      expect(Math.abs(d.probabilityAtLeast(t) - normal.probabilityAtLeast(t))).toBeLessThanOrEqual(
        d.accuracy.probabilityBound + normal.accuracy.probabilityBound
      );
    }
  });
});

describe("a million deals", () => {
  it("of one size: the normal approximation, within its bound of the exact binomial at every total", () => {
    // 12,000 € at 30 %, a million times: a lattice too coarse for the fast smoothed plan.
    const n = 1_000_000;
    const amounts = new Float64Array(n).fill(12_000);
    const probabilities = new Float64Array(n).fill(0.3);
    const d = outcomeDistribution({ amounts, probabilities });
    expect(d.accuracy.method).toBe("normal");
    expect(d.accuracy.fast).toBe(true);
    expect(d.accuracy.probabilityBound).toBeLessThanOrEqual(1e-3);
    const cells = binomial(n, 0.3);
    const atLeast = new Float64Array(n + 2);
    for (let k = n; k >= 0; k--) atLeast[k] = atLeast[k + 1] + cells[k];
    const sd = Math.sqrt(n * 0.21);
    let worst = 0;
    for (let k = Math.round(n * 0.3 - 8 * sd); k <= n * 0.3 + 8 * sd; k++) {
      for (const t of [k * 12_000, k * 12_000 + 6_000]) {
        const exact = atLeast[Math.ceil(t / 12_000)];
        worst = Math.max(worst, Math.abs(d.probabilityAtLeast(t) - exact));
      }
    }
    expect(worst).toBeLessThanOrEqual(d.accuracy.probabilityBound);
    // The bound is not idle: the atoms are 8.7·10^-4 high, and Φ cuts them in half.
    expect(worst).toBeGreaterThan(d.accuracy.probabilityBound / 4);
  });

  const random = mulberry32(12);
  const n = 1_000_000;
  const amounts = new Float64Array(n);
  const probabilities = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    amounts[i] = Math.round((500 + random() * 249_500) * 100) / 100;
    probabilities[i] = Math.round((0.05 + 0.9 * random()) * 100) / 100;
  }

  it("of varied sizes: the fast smoothed plan, a bound well within 10^-3, no product over the deals", () => {
    const d = outcomeDistribution({ amounts, probabilities });
    expect(d.accuracy.method).toBe("smoothed");
    expect(d.accuracy.fast).toBe(true);
    expect(d.accuracy.probabilityBound).toBeLessThan(2e-4);
    expect(d.accuracy.factorEvaluations).toBeLessThanOrEqual(4 * n);
    expect(d.quantileErrorShare).toBeLessThan(1e-6);
    // Against the normal approximation: the two must agree within the sum of their bounds.
    const normal = outcomeDistribution({ amounts, probabilities }, NORMAL);
    const sd = Math.sqrt(
      amounts.reduce((s, a, i) => s + a * a * probabilities[i] * (1 - probabilities[i]), 0)
    );
    for (let k = -6; k <= 6; k += 0.5) {
      const t = d.mean + k * sd;
      expect(Math.abs(d.probabilityAtLeast(t) - normal.probabilityAtLeast(t))).toBeLessThanOrEqual(
        d.accuracy.probabilityBound + normal.accuracy.probabilityBound
      );
    }
  });

  it("of varied sizes, a tenth of them: the fast plan agrees with the full budget's factors", () => {
    const tenth = {
      amounts: amounts.subarray(0, n / 10),
      probabilities: probabilities.subarray(0, n / 10),
    };
    const fast = outcomeDistribution(tenth);
    expect(fast.accuracy.fast).toBe(true);
    expect(fast.accuracy.computedFrequencies).toBeLessThan(20);
    const thorough = outcomeDistribution(tenth, SMOOTHED);
    expect(thorough.accuracy.fast).toBe(false);
    // The full budget multiplies factors where the fast plan's decay bound leaves frequencies out
    // (most of them now a block at a time, blockBound in characteristicProduct.ts).
    expect(thorough.accuracy.frequencies).toBeGreaterThan(fast.accuracy.frequencies);
    expect(thorough.accuracy.factorEvaluations).toBeGreaterThan(1000);
    const sd = thorough.quantile(0.8413) - thorough.quantile(0.5);
    for (let k = -6; k <= 6; k += 0.25) {
      const t = fast.mean + k * sd;
      expect(
        Math.abs(fast.probabilityAtLeast(t) - thorough.probabilityAtLeast(t))
      ).toBeLessThanOrEqual(fast.accuracy.probabilityBound + thorough.accuracy.probabilityBound);
    }
  });

  it("mostly at low probabilities: still fast and within 10^-3", () => {
    const low = probabilities.map((p) => Math.max(0.01, p / 10));
    const d = outcomeDistribution({ amounts, probabilities: low });
    expect(d.accuracy.fast).toBe(true);
    expect(d.accuracy.probabilityBound).toBeLessThanOrEqual(1e-3);
  });
});
