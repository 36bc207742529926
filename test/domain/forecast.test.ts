import { serialFromYmd } from "../../src/domain/dates";
import type { Deal } from "../../src/domain/deal";
import { forecastBy, forecastFigures, NO_KEY } from "../../src/domain/forecast";

let row = 0;
function deal(amount: number, probability: number, extra: Partial<Deal> = {}): Deal {
  return {
    row: row++,
    id: null,
    closeDate: null,
    company: null,
    contact: null,
    product: null,
    amount,
    probability,
    probabilitySource: "deal",
    owner: null,
    stage: null,
    category: null,
    issues: [],
    ...extra,
  };
}

const HANDBOOK = [deal(1000, 0.2), deal(2000, 0.5), deal(4000, 0.75)];

describe("forecast figures", () => {
  it("gives the handbook's 4 200 weighted, 7 000 unweighted and its P10 / P50 / P90", () => {
    const f = forecastFigures(HANDBOOK);
    expect(f).toMatchObject({
      deals: 3,
      unweighted: 7000,
      won: 0,
      commit: null,
      bestCase: null,
      exact: true,
    });
    expect(f.weighted).toBeCloseTo(4200);
    // Outcomes: 0 (.1), 1000 (.025), 2000 (.1), 3000 (.025), 4000 (.3), 5000 (.075), 6000 (.3), 7000 (.075).
    expect([f.p10, f.p50, f.p90]).toEqual([0, 4000, 6000]);
  });

  it("measures coverage and the chance of the objective against what remains after won deals", () => {
    const f = forecastFigures([...HANDBOOK, deal(1000, 1, { category: "Won" })], 5000);
    expect(f.won).toBe(1000);
    expect(f.coverage).toBeCloseTo(7000 / 4000);
    // Remaining 4 000 needs the 4 000 € deal: 75 %.
    expect(f.probabilityOfObjective).toBeCloseTo(0.75);
    expect(forecastFigures(HANDBOOK, 0).coverage).toBe(Infinity);
    expect(forecastFigures(HANDBOOK).coverage).toBeNull();
  });

  it("rolls Commit into Best case and leaves lost and omitted deals out", () => {
    const f = forecastFigures([
      deal(100, 0.9, { category: "Commit" }),
      deal(200, 0.6, { category: "Best case" }),
      deal(400, 0.2, { category: "Pipeline" }),
      deal(800, 0.5, { category: "Omitted" }),
      deal(1600, 0, { category: "Lost" }),
    ]);
    expect(f).toMatchObject({ deals: 3, unweighted: 700, commit: 100, bestCase: 300 });
    expect(f.weighted).toBeCloseTo(90 + 120 + 80);
  });
});

describe("forecast tables", () => {
  const deals = [
    deal(1000, 0.2, { closeDate: serialFromYmd(2003, 4, 4), owner: "Anne", product: "A" }),
    deal(2000, 0.5, { closeDate: serialFromYmd(2003, 4, 3), owner: "Bruno", product: "B" }),
    deal(4000, 0.75, { closeDate: serialFromYmd(2003, 9, 30), owner: "Anne", product: "B" }),
    deal(500, 0.5, { owner: null }),
  ];

  it("groups by semester in time order, undated deals last", () => {
    const rows = forecastBy(deals, "period", { periodKind: "semester" });
    expect(rows.map((r) => [r.key, r.weighted])).toEqual([
      ["2003-S1", 1200],
      ["2003-S2", 3000],
      [NO_KEY, 250],
    ]);
    expect(rows[0]).toMatchObject({
      start: serialFromYmd(2003, 1, 1),
      end: serialFromYmd(2003, 6, 30),
    });
  });

  it("groups by owner and product, largest weighted first, and applies objectives by key", () => {
    const byOwner = forecastBy(deals, "owner", { objectives: new Map([["Anne", 4000]]) });
    expect(byOwner.map((r) => r.key)).toEqual(["Anne", "Bruno", NO_KEY]);
    expect(byOwner[0]).toMatchObject({ weighted: 3200, objective: 4000, coverage: 5000 / 4000 });
    expect(byOwner[1].objective).toBeNull();
    expect(forecastBy(deals, "product").map((r) => r.key)).toEqual(["B", "A", NO_KEY]);
  });

  it("adds up to the whole pipeline whatever the grouping", () => {
    const total = forecastFigures(deals).weighted;
    for (const dim of ["period", "owner", "product"] as const)
      expect(forecastBy(deals, dim).reduce((s, r) => s + r.weighted, 0)).toBeCloseTo(total);
  });
});
