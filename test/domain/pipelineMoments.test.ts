import { normalise } from "../../src/domain/outcomePipeline";
import { pipelineMoments, smallestSpreads, spreadBin } from "../../src/domain/pipelineMoments";
import { mulberry32 } from "../support/random";

/** smallestSpreads by its definition: the deals below the limit, by p(1 − p) bin down, then in order. */
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
