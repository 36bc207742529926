/**
 * The bound a block of frequencies is left out on (blockBound in characteristicProduct.ts) against
 * |Π_i (1 − p_i + p_i e^{iθ_i})| at each frequency of the block, computed directly with a cosine
 * for every factor: on random pipelines, on lattices whose product returns to 1, and on blocks
 * wide enough that the angles' reach covers the whole circle.
 */
import { blockBound, Factors } from "../../src/domain/characteristicProduct";
import { mulberry32 } from "../support/random";

/** |Π (1 − p + p e^{2πi m b/T})| by its logarithm, one cosine a factor. */
function modulus(amounts: Float64Array, probabilities: Float64Array, period: number, m: number) {
  let log = 0;
  for (let i = 0; i < amounts.length; i++) {
    const p = probabilities[i];
    const angle = 2 * Math.PI * ((m * amounts[i]) / period);
    log += 0.5 * Math.log(Math.max(0, 1 - 2 * p * (1 - p) * (1 - Math.cos(angle))));
  }
  return Math.exp(log);
}

interface Case {
  amounts: Float64Array;
  probabilities: Float64Array;
  period: number;
}

function randomCase(random: () => number, lattice: boolean): Case {
  const n = 2 + Math.floor(random() * 300);
  const amounts = new Float64Array(n);
  const probabilities = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    amounts[i] = lattice ? 250 * (1 + Math.floor(random() * 8)) : 1 + Math.round(random() * 99_999);
    probabilities[i] = Math.round((0.01 + 0.98 * random()) * 100) / 100;
    total += amounts[i];
  }
  // A lattice's period a multiple of its step, so that some frequencies bring every angle to 0.
  const period = lattice ? 1000 * Math.ceil(total / 1000) : total * (0.3 + random());
  return { amounts, probabilities, period };
}

describe("a block of frequencies left out on one bound", () => {
  it("is bounded at every frequency of the block, whatever its width", () => {
    const random = mulberry32(21);
    let checked = 0;
    let below = 0;
    for (let c = 0; c < 200; c++) {
      const { amounts, probabilities, period } = randomCase(random, c % 4 === 3);
      const factors = new Factors(amounts, probabilities, period, null);
      const from = 1 + Math.floor(random() * 20_000);
      const to = from + Math.floor(random() * (c % 2 === 0 ? 8 : 400));
      // Without stopping early (below = 0): the bound over every factor.
      const { bound, used } = blockBound(factors, from, to, 0, amounts.length);
      expect(used).toBe(amounts.length);
      for (let m = from; m <= to; m++) {
        const exact = modulus(amounts, probabilities, period, m);
        // The direct product's own round-off: a few units in the last place a factor.
        expect(exact * (1 - 1e-12)).toBeLessThanOrEqual(bound);
        if (exact > 0.5) below++;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    // The lattices' returns to 1 were among the frequencies checked.
    expect(below).toBeGreaterThan(0);
  });

  it("stops once below the target, and then the product is below it everywhere in the block", () => {
    const random = mulberry32(22);
    let stopped = 0;
    for (let c = 0; c < 100; c++) {
      const { amounts, probabilities, period } = randomCase(random, false);
      const factors = new Factors(amounts, probabilities, period, null);
      const from = 1 + Math.floor(random() * 50_000);
      const to = from + Math.floor(random() * 100);
      const { bound, used } = blockBound(factors, from, to, 1e-16, amounts.length);
      if (bound >= 1e-16) continue;
      stopped++;
      expect(used).toBeLessThanOrEqual(amounts.length);
      for (let m = from; m <= to; m++)
        expect(modulus(amounts, probabilities, period, m)).toBeLessThan(1e-16);
    }
    expect(stopped).toBeGreaterThan(20);
  });
});

describe("the factors gathered for the products", () => {
  /** What Factors should hold for the deals in `order`: b/T, p, 1 − p and the turns summed. */
  function expected(c: Case, order: number[]) {
    const turns = order.map((i) => c.amounts[i] / c.period);
    const cumulative = [0];
    for (const t of turns) cumulative.push(cumulative[cumulative.length - 1] + t);
    return {
      turns,
      p: order.map((i) => c.probabilities[i]),
      q: order.map((i) => 1 - c.probabilities[i]),
      cumulative,
    };
  }

  function held(factors: Factors) {
    return {
      turns: Array.from(factors.turns),
      p: Array.from(factors.p),
      q: Array.from(factors.q),
      cumulative: Array.from(factors.cumulativeTurns),
    };
  }

  it("are every deal in order when no order is given", () => {
    const c = randomCase(mulberry32(23), false);
    const factors = new Factors(c.amounts, c.probabilities, c.period, null);
    const all = Array.from(c.amounts, (_, i) => i);
    expect(factors.filled).toBe(c.amounts.length);
    expect(held(factors)).toEqual(expected(c, all));
  });

  it("are the deals given first, then the others in order once extended", () => {
    const c = randomCase(mulberry32(24), false);
    // The deals of p(1 − p) bin 200 and up (p from about 0.3 to 0.7), last first; then the others.
    const spread = (i: number) => Math.floor(c.probabilities[i] * (1 - c.probabilities[i]) * 1024);
    const all = Array.from(c.amounts, (_, i) => i);
    const first = all.filter((i) => spread(i) >= 200).reverse();
    const later = all.filter((i) => spread(i) < 200);
    expect(first.length).toBeGreaterThan(0);
    expect(later.length).toBeGreaterThan(0);
    const factors = new Factors(c.amounts, c.probabilities, c.period, Int32Array.from(first), 200);
    expect(factors.filled).toBe(first.length);
    expect(held(factors)).toEqual(expected(c, first));
    factors.extend();
    expect(factors.filled).toBe(c.amounts.length);
    expect(held(factors)).toEqual(expected(c, [...first, ...later]));
  });
});
