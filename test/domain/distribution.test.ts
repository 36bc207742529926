import fc from "fast-check";
import { latticeTooLong, outcomeDistribution } from "../../src/domain/distribution";
import { mulberry32 } from "../support/random";

type Deal = { amount: number; probability: number };

/** The exact distribution by enumerating all 2^n outcomes: sorted distinct totals (to the cent). */
function enumerate(deals: Deal[]): { totals: number[]; weights: number[] } {
  const byCents = new Map<number, number>();
  for (let mask = 0; mask < 1 << deals.length; mask++) {
    let cents = 0;
    let weight = 1;
    deals.forEach((d, i) => {
      const won = (mask >> i) & 1;
      weight *= won ? d.probability : 1 - d.probability;
      if (won) cents += Math.round(d.amount * 100);
    });
    if (weight > 0) byCents.set(cents, (byCents.get(cents) ?? 0) + weight);
  }
  const keys = [...byCents.keys()].sort((a, b) => a - b);
  return { totals: keys.map((k) => k / 100), weights: keys.map((k) => byCents.get(k)!) };
}

function atLeast(e: { totals: number[]; weights: number[] }, target: number): number {
  let p = 0;
  e.totals.forEach((t, i) => {
    if (t >= target - 1e-9) p += e.weights[i];
  });
  return p;
}

/** Smallest total whose cumulative probability reaches `level` (minus `reach`), clamped to the support. */
function quantileOf(
  e: { totals: number[]; weights: number[] },
  level: number,
  reach: number
): number {
  let cumulative = 0;
  for (let i = 0; i < e.totals.length; i++) {
    cumulative += e.weights[i];
    if (cumulative >= level - reach) return e.totals[i];
  }
  return e.totals[e.totals.length - 1];
}

const cents = (lo: number, hi: number) =>
  fc.integer({ min: lo * 100, max: hi * 100 }).map((c) => c / 100);
const probability = fc.oneof(
  fc.integer({ min: 1, max: 99 }).map((p) => p / 100),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0, 1)
);
/** Amounts with cents (sparse exact path), round amounts (dense path), and the odd credit note. */
const amount = fc.oneof(
  { weight: 4, arbitrary: cents(1, 250_000) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 40 }).map((k) => k * 500) },
  { weight: 1, arbitrary: cents(-20_000, -1) }
);
const pipeline = (maxLength: number) =>
  fc.array(fc.record({ amount, probability }), { minLength: 1, maxLength });

describe("outcome distribution: worked examples", () => {
  // Handbook, Tableau 399: 1 000 € at 20 %, 2 000 € at 50 %, 4 000 € at 75 %. By hand, the eight
  // outcomes: 0 (.8×.5×.25 = .1), 1000 (.025), 2000 (.1), 3000 (.025), 4000 (.3), 5000 (.075),
  // 6000 (.3), 7000 (.075).
  const handbook = [
    { amount: 1000, probability: 0.2 },
    { amount: 2000, probability: 0.5 },
    { amount: 4000, probability: 0.75 },
  ];

  it("computes the handbook pipeline exactly", () => {
    const d = outcomeDistribution(handbook);
    expect(d.exact).toBe(true);
    expect(d.deals).toBe(3);
    expect(d.mean).toBeCloseTo(4200, 9);
    expect(d.quantileErrorShare).toBe(0);
    // Reaching 4 000 € needs the 4 000 € deal: 1 000 + 2 000 is short.
    expect(d.probabilityAtLeast(4000)).toBeCloseTo(0.75, 12);
    // The weighted total 4 200 € is not itself a possible outcome: reaching it means 5 000 € or more.
    expect(d.probabilityAtLeast(4200)).toBeCloseTo(0.075 + 0.3 + 0.075, 12);
    expect(d.probabilityAtLeast(7000)).toBeCloseTo(0.075, 12);
    expect(d.probabilityAtLeast(7000.01)).toBe(0);
    expect(d.probabilityAtLeast(0)).toBe(1);
    expect(d.probabilityAtLeast(-50)).toBe(1);
    expect(d.probabilityBounds(4000)).toEqual({
      low: d.probabilityAtLeast(4000),
      high: d.probabilityAtLeast(4000),
    });
  });

  it("reads the handbook quantiles off the cumulative probabilities, ties included", () => {
    // P(S ≤ x): 0 → .1, 1000 → .125, 2000 → .225, 3000 → .25, 4000 → .55, 5000 → .625, 6000 → .925.
    const d = outcomeDistribution(handbook);
    expect(d.quantile(0.1)).toBe(0); // exactly reached at 0
    expect(d.quantile(0.11)).toBe(1000);
    expect(d.quantile(0.25)).toBe(3000); // exactly reached at 3 000
    expect(d.quantile(0.5)).toBe(4000);
    expect(d.quantile(0.9)).toBe(6000);
    expect(d.quantile(0.95)).toBe(7000);
  });

  it("handles a single deal", () => {
    const d = outcomeDistribution([{ amount: 5000, probability: 0.3 }]);
    expect(d.exact).toBe(true);
    expect(d.mean).toBeCloseTo(1500, 9);
    expect(d.probabilityAtLeast(5000)).toBeCloseTo(0.3, 15);
    expect(d.probabilityAtLeast(0.01)).toBeCloseTo(0.3, 15);
    expect(d.probabilityAtLeast(5000.01)).toBe(0);
    expect(d.quantile(0.7)).toBe(0); // P(S ≤ 0) = 0.7 reaches 0.7
    expect(d.quantile(0.71)).toBe(5000);
  });

  it("makes certain deals (p = 1) a certain total", () => {
    const d = outcomeDistribution([
      { amount: 1200.5, probability: 1 },
      { amount: 800, probability: 1 },
    ]);
    expect(d.exact).toBe(true);
    expect(d.deals).toBe(2);
    expect(d.mean).toBe(2000.5);
    expect(d.probabilityAtLeast(2000.5)).toBe(1);
    expect(d.probabilityAtLeast(2000.51)).toBe(0);
    expect(d.quantile(0.1)).toBe(2000.5);
    expect(d.quantile(0.9)).toBe(2000.5);
  });

  it("ignores deals at probability 0 and deals of 0 €", () => {
    const d = outcomeDistribution([
      { amount: 1000, probability: 0 },
      { amount: 0, probability: 0.5 },
    ]);
    expect(d.deals).toBe(0);
    expect(d.mean).toBe(0);
    expect(d.probabilityAtLeast(0)).toBe(1);
    expect(d.probabilityAtLeast(0.01)).toBe(0);
    expect(d.quantile(0.5)).toBe(0);
    expect(outcomeDistribution([]).quantile(0.9)).toBe(0);
  });

  it("subtracts a credit note (negative amount) when it is won", () => {
    // 1 000 € at 50 % and a −300 € credit note at 50 %: −300, 0, 700, 1 000, each 1/4.
    const d = outcomeDistribution([
      { amount: 1000, probability: 0.5 },
      { amount: -300, probability: 0.5 },
    ]);
    expect(d.exact).toBe(true);
    expect(d.mean).toBeCloseTo(350, 12);
    expect(d.probabilityAtLeast(-300)).toBe(1);
    expect(d.probabilityAtLeast(-299.99)).toBeCloseTo(0.75, 15);
    expect(d.probabilityAtLeast(700)).toBeCloseTo(0.5, 15);
    expect(d.probabilityAtLeast(700.01)).toBeCloseTo(0.25, 15);
    expect(d.quantile(0.25)).toBe(-300);
    expect(d.quantile(0.5)).toBe(0);
    expect(d.quantile(0.9)).toBe(1000);
  });

  it("counts a total that equals the target even when the target carries floating-point noise", () => {
    const d = outcomeDistribution([
      { amount: 0.1, probability: 0.5 },
      { amount: 0.2, probability: 0.5 },
    ]);
    expect(d.probabilityAtLeast(0.1 + 0.2)).toBeCloseTo(0.25, 15);
    expect(d.quantile(0.9)).toBe(0.3);
  });

  it("stays exact for 10,000 deals of one standard size", () => {
    const d = outcomeDistribution(
      Array.from({ length: 10_000 }, () => ({ amount: 12_000, probability: 0.3 }))
    );
    expect(d.exact).toBe(true);
    // Binomial(10 000, 0.3) × 12 000 €: median 3 000 deals.
    expect(d.quantile(0.5)).toBe(3000 * 12_000);
    expect(d.probabilityAtLeast(d.mean + 1)).toBeLessThan(0.5);
  });

  it("stays exact for 7,000 deals in quarters of a euro, too many for the merge, on the lattice", () => {
    const deals = Array.from({ length: 7000 }, (_, i) => ({
      amount: 0.25 * (1 + ((i * 7) % 10)),
      probability: 0.05 + 0.1 * (i % 10),
    }));
    const d = outcomeDistribution(deals);
    expect(d.exact).toBe(true);
    // 700 deals each of 0.25 € to 2.50 €: totals in quarters from 0 to 9,625 € (those far out
    // of probability 0 in doubles).
    expect(d.accuracy.distinctTotals).toBeGreaterThan(10_000);
    expect(d.probabilityAtLeast(0)).toBeCloseTo(1, 12);
    expect(d.quantile(0.5)).toBeCloseTo(d.mean, -1);
  });

  it("rejects what is not a pipeline", () => {
    expect(() => outcomeDistribution([{ amount: NaN, probability: 0.5 }])).toThrow(
      /deal 1: the amount/
    );
    expect(() =>
      outcomeDistribution([
        { amount: 10, probability: 0.5 },
        { amount: 10, probability: 1.2 },
      ])
    ).toThrow(/deal 2: the probability/);
    const d = outcomeDistribution([{ amount: 10, probability: 0.5 }]);
    expect(() => d.quantile(0)).toThrow(RangeError);
    expect(() => d.quantile(1)).toThrow(RangeError);
    expect(() => d.probabilityAtLeast(NaN)).toThrow(RangeError);
  });
});

describe("outcome distribution: exact path against enumeration of all outcomes", () => {
  function matchesEnumeration(deals: Deal[]): void {
    const d = outcomeDistribution(deals);
    const e = enumerate(deals);
    expect(d.exact).toBe(true);
    for (const t of e.totals) {
      expect(d.probabilityAtLeast(t)).toBeCloseTo(atLeast(e, t), 12);
      expect(d.probabilityAtLeast(t + 0.005)).toBeCloseTo(atLeast(e, t + 0.005), 12);
    }
    for (const q of [0.1, 0.25, 0.5, 0.75, 0.9])
      expect(d.quantile(q)).toBe(quantileOf(e, q, 1e-12));
  }

  it("gives every P(S ≥ total) and the quantiles of random pipelines of up to 14 deals", () => {
    fc.assert(fc.property(pipeline(14), matchesEnumeration), { numRuns: 60 });
  });

  it("does the same for round amounts, which take the dense lattice", () => {
    const round = fc.record({
      amount: fc.integer({ min: -10, max: 60 }).map((k) => (k === 0 ? 1000 : k * 1000)),
      probability,
    });
    fc.assert(fc.property(fc.array(round, { minLength: 1, maxLength: 14 }), matchesEnumeration), {
      numRuns: 40,
    });
  });
});

describe("outcome distribution: smoothed path holds its bounds against enumeration", () => {
  const smoothed = (deals: Deal[]) => outcomeDistribution(deals, { maxExactTotals: 0 });

  it("is tight between the handbook's outcomes and brackets them at the outcomes", () => {
    const d = smoothed([
      { amount: 1000, probability: 0.2 },
      { amount: 2000, probability: 0.5 },
      { amount: 4000, probability: 0.75 },
    ]);
    expect(d.exact).toBe(false);
    expect(d.mean).toBeCloseTo(4200, 9);
    // Half-way between two outcomes, nothing is uncertain but the numerics.
    const between = d.probabilityBounds(4500);
    expect(between.low).toBeLessThanOrEqual(0.45);
    expect(between.high).toBeGreaterThanOrEqual(0.45);
    expect(between.high - between.low).toBeLessThan(1e-8);
    expect(d.probabilityAtLeast(4500)).toBeCloseTo(0.45, 8);
    // At an outcome the smoothing cannot tell which side the 0.3 atom is on, and says so.
    const at = d.probabilityBounds(4000);
    expect(at.low).toBeLessThanOrEqual(0.75);
    expect(at.high).toBeGreaterThanOrEqual(0.75);
    expect(d.quantile(0.5)).toBeCloseTo(4000, -1);
  });

  it("brackets the exact P(S ≥ target) and quantiles of random pipelines", () => {
    fc.assert(
      fc.property(
        pipeline(10),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
        (deals, us) => {
          const d = smoothed(deals);
          const e = enumerate(deals);
          const lo = e.totals[0];
          const hi = e.totals[e.totals.length - 1];
          // Up to 8 outcomes spread over the range, just above each, and a few anywhere.
          const picked = e.totals.filter((_, i) => i % Math.ceil(e.totals.length / 8) === 0);
          const targets = [
            ...picked,
            ...picked.map((t) => t + 0.005),
            ...us.map((u) => lo - 1 + u * (hi - lo + 2)),
          ];
          for (const t of targets) {
            const exact = atLeast(e, t);
            const b = d.probabilityBounds(t);
            // (The enumeration's own sums are off by a few ulps.)
            expect(b.low).toBeLessThanOrEqual(exact + 1e-12);
            expect(b.high).toBeGreaterThanOrEqual(exact - 1e-12);
            const p = d.probabilityAtLeast(t);
            expect(p).toBeGreaterThanOrEqual(b.low);
            expect(p).toBeLessThanOrEqual(b.high);
          }
          const total = deals.reduce((s, x) => s + (x.probability > 0 ? Math.abs(x.amount) : 0), 0);
          const epsilon = d.quantileErrorShare * total;
          const slack = d.accuracy.quantileLevelSlack + 1e-12;
          for (const q of [0.1, 0.5, 0.9]) {
            const x = d.quantile(q);
            expect(x).toBeGreaterThanOrEqual(quantileOf(e, q - slack, 0) - epsilon);
            expect(x).toBeLessThanOrEqual(quantileOf(e, q + slack, 0) + epsilon);
          }
        }
      ),
      { numRuns: 12 }
    );
  });
});

describe("outcome distribution: a 10,000-deal pipeline against Monte Carlo", () => {
  const random = mulberry32(20_030_404);
  const deals: Deal[] = Array.from({ length: 10_000 }, () => ({
    amount: Math.round((500 + random() * 249_500) * 100) / 100,
    probability: Math.round((0.05 + 0.9 * random()) * 100) / 100,
  }));
  const d = outcomeDistribution(deals);
  const sd = Math.sqrt(
    deals.reduce((s, x) => s + x.probability * (1 - x.probability) * x.amount ** 2, 0)
  );
  const targets = [
    d.mean - 1.5 * sd,
    d.mean - 0.5 * sd,
    d.mean,
    d.mean + 0.25 * sd,
    d.mean + 1.5 * sd,
  ];
  const levels = [0.1, 0.5, 0.9];
  const quantiles = levels.map((q) => d.quantile(q));

  /** Share of N simulated outcomes at or above each threshold (xorshift128, branch-free inner loop). */
  function simulate(thresholds: number[], trials: number): number[] {
    const n = deals.length;
    const amounts = Float64Array.from(deals, (x) => x.amount);
    const cut = Int32Array.from(deals, (x) => Math.floor(x.probability * 2 ** 31));
    let [x, y, z, w] = [123456789, 362436069, 521288629, 88675123];
    const hits = new Array<number>(thresholds.length).fill(0);
    for (let k = 0; k < trials; k++) {
      let total = 0;
      for (let i = 0; i < n; i++) {
        const t = x ^ (x << 11);
        x = y;
        y = z;
        z = w;
        w = w ^ (w >>> 19) ^ (t ^ (t >>> 8));
        // ((w >>> 1) − cut) >> 31 is −1 exactly when the uniform 31-bit draw is below p·2^31.
        total += amounts[i] * ((((w >>> 1) - cut[i]) >> 31) & 1);
      }
      // A plain loop: a closure here would capture `total` and box it on every addition.
      for (let j = 0; j < thresholds.length; j++) if (total >= thresholds[j]) hits[j]++;
    }
    return hits.map((h) => h / trials);
  }

  const trials = 100_000;
  let simulated: number[] = [];
  beforeAll(() => {
    simulated = simulate([...targets, ...quantiles], trials);
  });

  it("is the smoothed method, with its bound tighter than the Monte Carlo standard error", () => {
    expect(d.exact).toBe(false);
    expect(d.deals).toBe(10_000);
    for (const t of targets) {
      const b = d.probabilityBounds(t);
      const p = d.probabilityAtLeast(t);
      expect(b.high - b.low).toBeLessThan(Math.sqrt((p * (1 - p)) / trials));
    }
    expect(d.quantileErrorShare).toBeLessThan(1e-5);
  });

  it("agrees with 100,000 simulated quarters within 4 standard errors", () => {
    targets.forEach((t, j) => {
      const p = d.probabilityAtLeast(t);
      const se = Math.sqrt((p * (1 - p)) / trials);
      expect(Math.abs(simulated[j] - p)).toBeLessThan(4 * se);
    });
  });

  it("puts P10, P50 and P90 where the simulation finds 90 %, 50 % and 10 % of outcomes above", () => {
    expect(quantiles[0]).toBeLessThan(quantiles[1]);
    expect(quantiles[1]).toBeLessThan(quantiles[2]);
    levels.forEach((q, j) => {
      const se = Math.sqrt((q * (1 - q)) / trials);
      expect(Math.abs(simulated[targets.length + j] - (1 - q))).toBeLessThan(4 * se + 1e-3);
    });
  });
});

describe("outcome distribution: properties", () => {
  const options = fc.constantFrom<{ maxExactTotals?: number }>({}, { maxExactTotals: 0 });

  it("has P(S ≥ target) in [0, 1] and non-increasing in the target", () => {
    fc.assert(
      fc.property(
        pipeline(30),
        options,
        fc.double({ noNaN: true, min: -1e7, max: 1e7 }),
        fc.double({ noNaN: true, min: 0, max: 1e6 }),
        (deals, o, t, step) => {
          const d = outcomeDistribution(deals, o);
          const p1 = d.probabilityAtLeast(t);
          const p2 = d.probabilityAtLeast(t + step);
          expect(p1).toBeGreaterThanOrEqual(0);
          expect(p1).toBeLessThanOrEqual(1);
          // Strict when exact; within the stated numerical error when smoothed.
          expect(p2).toBeLessThanOrEqual(p1 + 2 * d.accuracy.probabilityError);
          const b = d.probabilityBounds(t);
          expect(0 <= b.low && b.low <= p1 && p1 <= b.high && b.high <= 1).toBe(true);
        }
      ),
      { numRuns: 40 }
    );
  });

  it("has quantiles non-decreasing in q and inside the possible totals", () => {
    fc.assert(
      fc.property(
        pipeline(20),
        options,
        fc.double({ min: 0, max: 1, noNaN: true, minExcluded: true, maxExcluded: true }),
        fc.double({ min: 0, max: 1, noNaN: true, minExcluded: true, maxExcluded: true }),
        (deals, o, a, b) => {
          const d = outcomeDistribution(deals, o);
          const [q1, q2] = a <= b ? [a, b] : [b, a];
          expect(d.quantile(q1)).toBeLessThanOrEqual(d.quantile(q2));
          const live = deals.filter((x) => x.probability > 0);
          const lowest = live.reduce(
            (s, x) => s + (x.probability === 1 || x.amount < 0 ? x.amount : 0),
            0
          );
          const highest = live.reduce(
            (s, x) => s + (x.probability === 1 || x.amount > 0 ? x.amount : 0),
            0
          );
          expect(d.quantile(q1)).toBeGreaterThanOrEqual(lowest - 1e-6);
          expect(d.quantile(q2)).toBeLessThanOrEqual(highest + 1e-6);
        }
      ),
      { numRuns: 25 }
    );
  });

  it("has mean Σ amount × probability, whatever the method", () => {
    fc.assert(
      fc.property(pipeline(30), options, (deals, o) => {
        const d = outcomeDistribution(deals, o);
        const weighted = deals.reduce((s, x) => s + x.amount * x.probability, 0);
        const scale = deals.reduce((s, x) => s + Math.abs(x.amount) * x.probability, 0);
        expect(Math.abs(d.mean - weighted)).toBeLessThanOrEqual(1e-9 * Math.max(scale, 1));
        expect(d.deals).toBe(deals.filter((x) => x.probability > 0 && x.amount !== 0).length);
      }),
      { numRuns: 40 }
    );
  });
});

describe("outcome distribution: the lattice too long, seen on the first deals", () => {
  const CELLS = 1 << 20;
  /** Deals of 1,000 € to 100,000 € in whole thousands: a lattice of 100,000 cells at most. */
  const thousands = (count: number) =>
    Float64Array.from({ length: count }, (_, i) => 1000 * (1 + ((i * 37) % 100)));

  it("says so of amounts to the euro, from their first thousand deals or so", () => {
    const random = mulberry32(5);
    const amounts = Float64Array.from({ length: 4096 }, () => Math.round(1000 + random() * 99_000));
    expect(latticeTooLong(amounts, CELLS)).toBe(true);
    // The same from fewer deals: the sum only grows and the step only shrinks.
    expect(latticeTooLong(amounts.subarray(0, 2000), CELLS)).toBe(true);
  });

  it("does not say so of round amounts, whose lattice fits", () => {
    expect(latticeTooLong(thousands(4096), CELLS)).toBe(false);
  });

  it("reads as far as the last deal of its sample, and no further", () => {
    // A deal 0.5 € above the one before (a gap of 0.5 €: 400 million cells) as the sample's last…
    const last = thousands(4096);
    last[4095] = last[4094] + 0.5;
    expect(latticeTooLong(last, CELLS)).toBe(true);
    // …and just past it.
    const past = thousands(4097);
    past[4096] = past[4095] + 0.5;
    expect(latticeTooLong(past, CELLS)).toBe(false);
  });
});
