import fc from "fast-check";
import { outcomeDistribution } from "../../src/domain/distribution";
import { GroupedSplit, normalise } from "../../src/domain/outcomePipeline";

const deal = fc.record({
  amount: fc.oneof(
    fc.integer({ min: -2000, max: 250_000 }).map((c) => c / 100),
    fc.constantFrom(0, 1000)
  ),
  probability: fc.oneof(
    fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
    fc.constantFrom(0, 1)
  ),
});

describe("the pipeline as the outcome distribution reads it", () => {
  it("reads two columns of figures as it reads deal objects, and leaves the figures as they were", () => {
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 40 }), (deals) => {
        const amounts = Float64Array.from(deals, (d) => d.amount);
        const probabilities = Float64Array.from(deals, (d) => d.probability);
        const [a, p] = [amounts.slice(), probabilities.slice()];
        const fromFigures = normalise({ amounts, probabilities });
        const fromDeals = normalise(deals);
        expect({ ...fromFigures, amounts: [...fromFigures.amounts] }).toEqual({
          ...fromDeals,
          amounts: [...fromDeals.amounts],
        });
        expect([...fromFigures.probabilities]).toEqual([...fromDeals.probabilities]);
        expect(amounts).toEqual(a);
        expect(probabilities).toEqual(p);
      }),
      { numRuns: 200 }
    );
  });

  it("splits figures given as scratch in place, into what it makes of a copy", () => {
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 40 }), (deals) => {
        const amounts = Float64Array.from(deals, (d) => d.amount);
        const probabilities = Float64Array.from(deals, (d) => d.probability);
        const copied = normalise({
          amounts: amounts.slice(),
          probabilities: probabilities.slice(),
        });
        const inPlace = normalise({ amounts, probabilities, scratch: true });
        expect(inPlace.amounts.buffer).toBe(amounts.buffer);
        expect({ ...inPlace, amounts: [...inPlace.amounts], probabilities: [] }).toEqual({
          ...copied,
          amounts: [...copied.amounts],
          probabilities: [],
        });
        expect([...inPlace.probabilities]).toEqual([...copied.probabilities]);
      }),
      { numRuns: 200 }
    );
  });

  it("keeps plain figures without a copy, and copies them from the first deal that changes", () => {
    const amounts = Float64Array.of(100, 200, 300);
    const probabilities = Float64Array.of(0.5, 0.25, 0.75);
    expect(normalise({ amounts, probabilities }).amounts.buffer).toBe(amounts.buffer);
    const withCredit = normalise({
      amounts: Float64Array.of(100, -50, 300),
      probabilities: Float64Array.of(0.5, 0.2, 0.75),
    });
    expect([...withCredit.amounts]).toEqual([100, 50, 300]);
    expect([...withCredit.probabilities]).toEqual([0.5, 0.8, 0.75]);
    expect(withCredit.offset).toBe(-50);
  });

  it("gives the same distribution for the handbook's deals as figures", () => {
    const d = outcomeDistribution({
      amounts: Float64Array.of(1000, 2000, 4000),
      probabilities: Float64Array.of(0.2, 0.5, 0.75),
    });
    expect(d.probabilityAtLeast(4000)).toBeCloseTo(0.75, 12);
    expect(d.quantile(0.5)).toBe(4000);
  });

  it("names a bad figure by its deal, and columns of different lengths", () => {
    expect(() =>
      outcomeDistribution({
        amounts: Float64Array.of(1, NaN),
        probabilities: Float64Array.of(0.5, 0.5),
      })
    ).toThrow(/deal 2: the amount/);
    expect(() => outcomeDistribution({ amounts: [1, 2], probabilities: [0.5] })).toThrow(
      /2 amounts but 1 probabilities/
    );
    // Deals as objects: a missing figure is named, never taken for 0; the first bad deal is named.
    const deals = (amount: unknown, probability: unknown) =>
      [
        { amount: 1, probability: 0.5 },
        { amount, probability },
        { amount: "x", probability: 0.5 },
      ] as { amount: number; probability: number }[];
    expect(() => normalise(deals(null, 0.5))).toThrow(/deal 2: the amount/);
    expect(() => normalise(deals(1, null))).toThrow(/deal 2: the probability/);
    expect(() => normalise(deals(1, 1.5))).toThrow(/deal 2: the probability/);
  });

  it("sums to the last digit what each addition's rounding lost, whichever term is larger", () => {
    // 1 + 10^17 rounds the 1 away (twice): only the carry keeps the 2 left after −10^17.
    const deals = [1, 1e17, 1, -1e17].map((amount) => ({ amount, probability: 1 }));
    const pipeline = normalise(deals);
    expect(pipeline.offset).toBe(2);
    expect(pipeline.mean).toBe(2);
    const split = new GroupedSplit(Int32Array.of(0), new Float64Array(4), new Float64Array(4));
    deals.forEach((d) => split.add(0, d.amount, d.probability));
    expect(split.pipeline(0).offset).toBe(2);
    expect(split.pipeline(0).mean).toBe(2);
  });

  it("splits several groups' deals as they come into the pipelines normalise gives of each group", () => {
    const grouped = fc.array(fc.record({ group: fc.integer({ min: 0, max: 2 }), deal }), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(grouped, (deals) => {
        const ofGroup = [0, 1, 2].map((g) => deals.filter((d) => d.group === g).map((d) => d.deal));
        const first = Int32Array.of(0, ofGroup[0].length, ofGroup[0].length + ofGroup[1].length);
        const split = new GroupedSplit(
          first,
          new Float64Array(deals.length),
          new Float64Array(deals.length)
        );
        for (const { group, deal } of deals) split.add(group, deal.amount, deal.probability);
        ofGroup.forEach((groupDeals, g) => {
          const pipeline = split.pipeline(g);
          const alone = normalise(groupDeals);
          expect({ ...pipeline, amounts: [...pipeline.amounts] }).toEqual({
            ...alone,
            amounts: [...alone.amounts],
          });
          expect([...pipeline.probabilities]).toEqual([...alone.probabilities]);
        });
      }),
      { numRuns: 200 }
    );
  });

  it("keeps every certain part of a group with more of them than its first room holds", () => {
    // 40 certain deals and 20 credit notes in group 1, between deals of group 0.
    const ofGroup: { amount: number; probability: number }[][] = [[], []];
    for (let k = 0; k < 60; k++) {
      ofGroup[0].push({ amount: 10 + k, probability: 0.5 });
      ofGroup[1].push(
        k % 3 === 2 ? { amount: -5 - k, probability: 0.25 } : { amount: 100 + k, probability: 1 }
      );
    }
    const split = new GroupedSplit(
      Int32Array.of(0, 60),
      new Float64Array(120),
      new Float64Array(120)
    );
    for (let k = 0; k < 60; k++)
      for (const g of [0, 1]) split.add(g, ofGroup[g][k].amount, ofGroup[g][k].probability);
    const alone = normalise(ofGroup[1]);
    expect(alone.offsetParts).toHaveLength(60);
    expect(split.pipeline(1)).toEqual(alone);
    expect(split.pipeline(0)).toEqual(normalise(ofGroup[0]));
  });

  it("keeps every certain part of a large group, its first room made for one deal in 32", () => {
    // Group 0 of 1,000 deals starts with room for 31 parts: its 100 certain deals outgrow it.
    const deals = Array.from({ length: 1000 }, (_, k) =>
      k % 10 === 0 ? { amount: 1 + k, probability: 1 } : { amount: 1 + k, probability: 0.5 }
    );
    const split = new GroupedSplit(
      Int32Array.of(0, 1000),
      new Float64Array(1010),
      new Float64Array(1010)
    );
    for (const { amount, probability } of deals) split.add(0, amount, probability);
    const alone = normalise(deals);
    expect(alone.offsetParts).toHaveLength(100);
    expect(split.pipeline(0)).toEqual(alone);
  });

  it("refuses a group's first bad deal by its index in the group, when its pipeline is asked for", () => {
    const split = new GroupedSplit(Int32Array.of(0, 3), new Float64Array(6), new Float64Array(6));
    split.add(0, 100, 0.5);
    split.add(1, 100, 0.5);
    split.add(1, 100, 1.5);
    split.add(0, Infinity, 0.5);
    split.add(1, NaN, 0.5);
    split.add(0, NaN, 2);
    expect(() => split.pipeline(0)).toThrow("deal 2: the amount must be a finite number");
    expect(() => split.pipeline(1)).toThrow("deal 2: the probability must be between 0 and 1");
  });

  it("counts in a refused deal's index the deals before it left out, certain or uncertain", () => {
    const deals = [
      { amount: 100, probability: 0 }, // left out
      { amount: 0, probability: 0.5 }, // left out
      { amount: 100, probability: 1 }, // certain, no uncertain part
      { amount: -50, probability: 0.5 }, // a credit note: certain and uncertain parts
      { amount: 100, probability: -1 }, // refused
      { amount: NaN, probability: 0.5 }, // after the first refused: not named
    ];
    const split = new GroupedSplit(Int32Array.of(0), new Float64Array(6), new Float64Array(6));
    for (const { amount, probability } of deals) split.add(0, amount, probability);
    const refusal = "deal 5: the probability must be between 0 and 1";
    expect(() => normalise(deals)).toThrow(refusal);
    expect(() => split.pipeline(0)).toThrow(refusal);
  });
});
