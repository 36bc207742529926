import { normalise } from "../../src/domain/outcomePipeline";
import { pipelineMoments, smallestSpreads, spreadBin } from "../../src/domain/pipelineMoments";
import { mulberry32 } from "../support/random";

/**
 * smallestSpreads by its definition: the deals below the limit, by p(1 − p) bin down, then in
 * order.
 */
function bySpread(amounts: Float64Array, probabilities: Float64Array, limit: number): number[] {
  const below = [...amounts.keys()].filter((i) => amounts[i] < limit);
  return below.sort((i, j) => spreadBin(probabilities[j]) - spreadBin(probabilities[i]) || i - j);
}

describe("the smallest deals of the largest p(1 − p)", () => {
  // 4k + 0 to 4k + 3 deals: the pass takes four deals a turn, and the caller the last few.
  it.each([4000, 4001, 4002, 4003])("are those below the limit, in order, of %i deals", (n) => {
    const random = mulberry32(n);
    const amounts = Float64Array.from({ length: n }, () => Math.round(1000 + random() * 99_000));
    const probabilities = Float64Array.from(
      { length: n },
      () => Math.round(1 + random() * 98) / 100
    );
    // The smallest amounts at the very end: deals the four-a-turn pass leaves to the caller.
    for (let i = n - 3; i < n; i++) amounts[i] = 500 + i - n;
    const pipeline = normalise({ amounts, probabilities });
    const moments = pipelineMoments(pipeline);
    const small = smallestSpreads(pipeline, moments, 40, 10_000)!;
    const expected = bySpread(pipeline.amounts, pipeline.probabilities, small.limit);
    expect(Array.from(small.order)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(100);
    expect(expected).toEqual(expect.arrayContaining([n - 3, n - 2, n - 1]));
    // Kept to atMost, the first of the same order.
    const kept = smallestSpreads(pipeline, moments, 40, 50)!;
    expect(Array.from(kept.order)).toEqual(expected.slice(0, 50));
  });
});

describe("the moments of a pipeline", () => {
  it("bin every deal, the largest amount's too, and are left ready for the next pipeline", () => {
    const random = mulberry32(3);
    const n = 5001;
    const amounts = Float64Array.from({ length: n }, () => Math.round(100 + random() * 9_900));
    const probabilities = Float64Array.from(
      { length: n },
      () => Math.round(1 + random() * 98) / 100
    );
    // One deal far above the others, alone in the last amount bin.
    amounts[2500] = 1e6;
    const pipeline = normalise({ amounts, probabilities });
    for (let round = 0; round < 2; round++) {
      const moments = pipelineMoments(pipeline);
      const { edges, dealsBelow } = moments.profile;
      expect(moments.largest).toBe(1e6);
      expect(edges[edges.length - 1]).toBeGreaterThan(1e6);
      expect(edges[edges.length - 2]).toBeLessThan(1e6);
      expect(dealsBelow[edges.length]).toBe(n);
      // κ_2 = Σ p(1 − p) b², to the sums' round-off.
      let variance = 0;
      for (let i = 0; i < n; i++)
        variance += probabilities[i] * (1 - probabilities[i]) * amounts[i] ** 2;
      expect(Math.abs(moments.cumulants[2] - variance)).toBeLessThan(1e-12 * variance);
    }
  });
});

/**
 * A Bernoulli(p)'s cumulants κ_1..κ_8 as polynomials in p (coefficients, lowest first), by
 * κ_{k+1} = p(1 − p)·dκ_k/dp.
 */
function bernoulliCumulants(): number[][] {
  const cumulants = [[], [0, 1]];
  for (let k = 1; k < 8; k++) {
    const derivative = cumulants[k].slice(1).map((c, j) => (j + 1) * c);
    const next = new Array(derivative.length + 2).fill(0);
    derivative.forEach((c, j) => {
      next[j + 1] += c;
      next[j + 2] -= c;
    });
    cumulants.push(next);
  }
  return cumulants;
}

describe("the cumulant sums", () => {
  it("are each deal's Bernoulli cumulants times its amount's powers, summed, at every order", () => {
    const polynomials = bernoulliCumulants();
    const random = mulberry32(8);
    const n = 300;
    const amounts = Float64Array.from({ length: n }, () => Math.round(10 + random() * 5_000));
    const probabilities = Float64Array.from({ length: n }, () => 0.01 + 0.98 * random());
    const { cumulants } = pipelineMoments(normalise({ amounts, probabilities }));
    for (let k = 2; k <= 8; k++) {
      let sum = 0;
      let size = 0;
      for (let i = 0; i < n; i++) {
        const p = probabilities[i];
        const value = polynomials[k].reduceRight((total, c) => total * p + c, 0);
        sum += value * amounts[i] ** k;
        size += p * (1 - p) * amounts[i] ** k;
      }
      expect(Math.abs(cumulants[k] - sum)).toBeLessThan(1e-11 * size);
    }
  });
});
