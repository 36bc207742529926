import { serialFromYmd } from "../../../src/domain/dates";
import type { Snapshot, SnapshotDeal } from "../../../src/domain/snapshots";
import { DEFAULT_STAGE_TABLE } from "../../../src/domain/stages";
import type { CalibrationForecast } from "../../../src/domain/team/contract";
import {
  brierScore,
  calibrationByRep,
  calibrationForecasts,
  calibrationReport,
  MINIMUM_STAGE_FORECASTS,
  periodBias,
  reliability,
  stageSuggestions,
} from "../../../src/domain/team/calibration";

const day = (y: number, m: number, d: number) => serialFromYmd(y, m, d);

function deal(id: string | null, fields: Partial<SnapshotDeal> = {}): SnapshotDeal {
  return {
    id,
    company: id === null ? null : `Co ${id}`,
    contact: null,
    product: null,
    closeDate: null,
    amount: null,
    probability: null,
    owner: null,
    stage: null,
    category: null,
    ...fields,
  };
}

const snapshot = (label: string, takenAt: number, deals: SnapshotDeal[]): Snapshot => ({
  label,
  takenAt,
  deals,
});

/** D7 has no Id in the snapshots (the Id column came later): it is matched by its names. */
const D7_NAMES = { company: "Delta", contact: "Mr W", product: "Pumps" };

/**
 * Three snapshots, mid-January, mid-April and mid-July 2027, and the pipeline now:
 * - D1 Alice, open at 80 % in S1, won since (1 forecast, won);
 * - D2 Alice, open at 60 % then 50 % ("alice ", "proposal."), then lost (2 forecasts, lost);
 * - D3 Bob at 30 % in S1, lost in S2, reopened in S3 under Chloé at 70 %, won now (2 forecasts, won);
 * - D4 Bob at 40 %, lost in S2, reopened in S3 and open now (no forecast: no outcome yet);
 * - D5 Dan, open throughout (no forecast); D6 no owner, open, omitted now (no forecast);
 * - D7 Alice at 90 % (no Id), won in S2 and won now with an Id (1 forecast, won);
 * - D9 no owner at 10 % in S2, lost (1 forecast, team only).
 */
const S1 = snapshot("S1", day(2027, 1, 15) + 0.4, [
  deal("D1", {
    owner: "Alice",
    amount: 1000,
    probability: 0.8,
    closeDate: day(2027, 3, 31),
    stage: "Negotiation",
  }),
  deal("D2", {
    owner: "Alice",
    amount: 2000,
    probability: 0.6,
    closeDate: day(2027, 5, 10),
    stage: "Proposal",
  }),
  deal("D3", {
    owner: "Bob",
    amount: 4000,
    probability: 0.3,
    closeDate: day(2027, 6, 15),
    stage: "Qualification",
  }),
  deal("D4", { owner: "Bob", amount: 3000, probability: 0.4, closeDate: day(2027, 5, 20) }),
  deal("D5", { owner: "Dan", amount: 1000, probability: 0.2, closeDate: day(2027, 9, 30) }),
  deal("D6", { amount: 500, probability: 0.5, closeDate: day(2027, 6, 1) }),
  deal(null, {
    ...D7_NAMES,
    owner: "Alice",
    amount: 5000,
    probability: 0.9,
    closeDate: day(2027, 2, 28),
    stage: "Custom stage",
  }),
]);
const S2 = snapshot("S2", day(2027, 4, 15) + 0.4, [
  deal("D1", {
    owner: "Alice",
    amount: 1000,
    probability: 1,
    closeDate: day(2027, 3, 20),
    category: "Won",
  }),
  deal("D2", {
    owner: "alice ",
    amount: 2000,
    probability: 0.5,
    closeDate: day(2027, 5, 10),
    stage: "proposal.",
  }),
  deal("D3", {
    owner: "Bob",
    amount: 4000,
    probability: 0,
    closeDate: day(2027, 6, 15),
    category: "Lost",
  }),
  deal("D4", { owner: "Bob", amount: 3000, probability: 0, stage: "Closed lost" }),
  deal("D5", { owner: "Dan", amount: 1000, probability: 0.2, closeDate: day(2027, 9, 30) }),
  deal("D6", { amount: 500, probability: 0.5, closeDate: day(2027, 6, 1) }),
  deal(null, {
    ...D7_NAMES,
    owner: "Alice",
    amount: 5000,
    probability: 1,
    closeDate: day(2027, 5, 5),
    category: "Won",
  }),
  deal("D9", { amount: 800, probability: 0.1, closeDate: day(2027, 8, 15) }),
]);
const S3 = snapshot("S3", day(2027, 7, 15) + 0.4, [
  deal("D2", { owner: "Alice", amount: 2000, probability: 0, category: "Lost" }),
  deal("D3", {
    owner: "Chloé",
    amount: 4000,
    probability: 0.7,
    closeDate: day(2027, 8, 1),
    stage: "negotiation ",
  }),
  deal("D4", { owner: "Bob", amount: 3000, probability: 0.6, closeDate: day(2027, 8, 20) }),
  deal("D5", { owner: "Dan", amount: 1000, probability: 0.2, closeDate: day(2027, 9, 30) }),
  deal("D6", { amount: 500, probability: 0.5, closeDate: day(2027, 6, 1) }),
  deal("D9", { amount: 800, probability: 0, category: "Lost" }),
]);
const NOW: SnapshotDeal[] = [
  deal("D1", { owner: "Alice", amount: 1000, closeDate: day(2027, 3, 20), category: "Won" }),
  deal("D2", { owner: "Alice", amount: 2000, closeDate: day(2027, 7, 1), category: "Lost" }),
  deal("D3", { owner: "Chloé", amount: 4000, closeDate: day(2027, 8, 1), stage: "Closed won" }),
  deal("D4", { owner: "Bob", amount: 3000, probability: 0.6, closeDate: day(2027, 8, 20) }),
  deal("D5", { owner: "Dan", amount: 1000, probability: 0.2, closeDate: day(2027, 9, 30) }),
  deal("D6", { amount: 500, probability: 0.5, category: "Omitted" }),
  deal("D7", {
    ...D7_NAMES,
    owner: "Alice",
    amount: 5000,
    closeDate: day(2027, 5, 5),
    category: "Won",
  }),
  deal("D9", { amount: 800, closeDate: day(2027, 8, 15), category: "Lost" }),
];
const HISTORY = [S1, S2, S3];

const summary = (f: CalibrationForecast) =>
  [f.dealKey, f.rep, f.stage, f.probability, f.outcome].join(" ");

describe("calibrationForecasts", () => {
  it("is every (snapshot, deal) pair open then and won or lost now, with the outcome of now", () => {
    expect(calibrationForecasts(HISTORY, NOW).map(summary)).toEqual([
      "id:d1 Alice Negotiation 0.8 1",
      "id:d2 Alice Proposal 0.6 0",
      "id:d3 Bob Qualification 0.3 1",
      "id:d7 Alice Custom stage 0.9 1", // matched by its names across the Id column's arrival
      "id:d2 alice proposal. 0.5 0",
      "id:d9   0.1 0",
      "id:d3 Chloé negotiation 0.7 1", // reopened after S2's loss, won now: S1 and S3 count
    ]);
  });

  it("keeps what the snapshot said: its time, close date and amount", () => {
    const [first] = calibrationForecasts(HISTORY, NOW);
    expect(first).toEqual({
      dealKey: "id:d1",
      rep: "Alice",
      stage: "Negotiation",
      takenAt: S1.takenAt,
      closeDate: day(2027, 3, 31),
      amount: 1000,
      probability: 0.8,
      outcome: 1,
    });
  });

  it("makes no forecast of a deal that reopened and is open now, nor of one omitted now", () => {
    const keys = calibrationForecasts(HISTORY, NOW).map((f) => f.dealKey);
    expect(keys).not.toContain("id:d4");
    expect(keys).not.toContain("id:d6");
    expect(keys).not.toContain("id:d5");
  });

  it("does not depend on the order the snapshots come in", () => {
    expect(calibrationForecasts([S3, S1, S2], NOW)).toEqual(calibrationForecasts(HISTORY, NOW));
  });

  it("pairs deals sharing a key in order of appearance, and never matches two different ids", () => {
    const twin = (p: number) => deal(null, { company: "Twin", amount: 100, probability: p });
    const before = snapshot("before", day(2027, 1, 1), [
      twin(0.2),
      twin(0.7),
      deal("X1", { ...D7_NAMES, probability: 0.5 }),
    ]);
    const now = [
      deal(null, { company: "Twin", amount: 100, category: "Lost" }),
      deal(null, { company: "Twin", amount: 100, category: "Won" }),
      deal("X2", { ...D7_NAMES, category: "Won" }),
    ];
    expect(calibrationForecasts([before], now).map((f) => [f.probability, f.outcome])).toEqual([
      [0.2, 0],
      [0.7, 1],
    ]);
  });

  it("skips an open deal whose probability is unknown", () => {
    const before = snapshot("before", day(2027, 1, 1), [deal("A"), deal("B", { probability: 0 })]);
    const now = [deal("A", { category: "Won" }), deal("B", { category: "Won" })];
    expect(calibrationForecasts([before], now).map((f) => f.dealKey)).toEqual(["id:b"]);
  });
});

describe("brierScore", () => {
  it("is the mean of (p − o)² over the forecasts", () => {
    // (0.8−1)² + (0.6−0)² + (0.3−1)² + (0.9−1)² + (0.5−0)² + (0.1−0)² + (0.7−1)²
    // = 0.04 + 0.36 + 0.49 + 0.01 + 0.25 + 0.01 + 0.09 = 1.25, over 7.
    expect(brierScore(calibrationForecasts(HISTORY, NOW))).toBeCloseTo(1.25 / 7, 12);
  });

  it("is 0.25 for always saying 50 %, 0 for certainty that came true, 1 for certainty that did not", () => {
    expect(
      brierScore([
        { probability: 0.5, outcome: 1 },
        { probability: 0.5, outcome: 0 },
      ])
    ).toBe(0.25);
    expect(
      brierScore([
        { probability: 1, outcome: 1 },
        { probability: 0, outcome: 0 },
      ])
    ).toBe(0);
    expect(brierScore([{ probability: 1, outcome: 0 }])).toBe(1);
  });

  it("is null without a forecast", () => {
    expect(brierScore([])).toBeNull();
  });
});

describe("reliability", () => {
  it("counts forecasts, mean stated p and win rate in five bands", () => {
    expect(reliability(calibrationForecasts(HISTORY, NOW))).toEqual([
      { from: 0, to: 0.2, forecasts: 1, meanProbability: 0.1, winRate: 0 },
      { from: 0.2, to: 0.4, forecasts: 1, meanProbability: 0.3, winRate: 1 },
      { from: 0.4, to: 0.6, forecasts: 1, meanProbability: 0.5, winRate: 0 },
      { from: 0.6, to: 0.8, forecasts: 2, meanProbability: expect.closeTo(0.65, 12), winRate: 0.5 },
      { from: 0.8, to: 1, forecasts: 2, meanProbability: expect.closeTo(0.85, 12), winRate: 1 },
    ]);
  });

  it("puts a band's lower edge in it, and 100 % in the last band", () => {
    const bands = reliability(
      [0, 0.2, 0.4, 0.6, 0.8, 1].map((probability) => ({ probability, outcome: 1 as const }))
    );
    expect(bands.map((b) => b.forecasts)).toEqual([1, 1, 1, 1, 2]);
    expect(reliability([]).every((b) => b.forecasts === 0 && b.winRate === null)).toBe(true);
  });
});

describe("calibration per rep", () => {
  it("judges each rep by the forecasts made under their name then, and gives every owner a row", () => {
    const report = calibrationReport(HISTORY, NOW, DEFAULT_STAGE_TABLE, "quarter");
    expect(report.reps.map((r) => [r.rep, r.forecasts, r.brier])).toEqual([
      ["Alice", 4, expect.closeTo((0.04 + 0.36 + 0.01 + 0.25) / 4, 12)],
      ["Bob", 1, expect.closeTo(0.49, 12)],
      ["Chloé", 1, expect.closeTo(0.09, 12)],
      ["Dan", 0, null], // no closed deal yet: no Brier score
    ]);
    expect(report.team).toMatchObject({
      rep: null,
      forecasts: 7,
      brier: expect.closeTo(1.25 / 7, 12),
    });
    expect(report.reps[3].reliability.every((b) => b.forecasts === 0)).toBe(true);
  });

  it("lists no rep when no one owns a deal, the team then being every forecast", () => {
    const forecasts = calibrationForecasts(HISTORY, NOW).map((f) => ({ ...f, rep: null }));
    expect(calibrationByRep(forecasts)).toEqual([]);
  });
});

describe("periodBias", () => {
  it("sets the weighted forecast at the last snapshot before each ended quarter against what was won in it", () => {
    // Q2 2027: S1 (15 January) is the last snapshot before 1 April; its open deals closing in Q2 weigh
    // D2 2 000 × 60 % + D3 4 000 × 30 % + D4 3 000 × 40 % + D6 500 × 50 % = 3 850; won in Q2 now: D7's
    // 5 000. Q1 has no snapshot before it; Q3 has not ended by S3 (15 July).
    expect(periodBias(HISTORY, NOW, "quarter")).toEqual([
      { period: "2027-Q2", forecast: 3850, won: 5000, bias: -1150 },
    ]);
  });

  it("takes for each month the snapshot just before it", () => {
    expect(periodBias(HISTORY, NOW, "month")).toEqual([
      { period: "2027-02", forecast: 4500, won: 0, bias: 4500 }, // D7 at 90 % in S1, slipped to May
      { period: "2027-03", forecast: 800, won: 1000, bias: -200 }, // D1 at 80 % in S1
      { period: "2027-05", forecast: 1000, won: 5000, bias: -4000 }, // S2: D2 at 50 %; D7 won
      { period: "2027-06", forecast: 250, won: 0, bias: 250 }, // S2: D6 at 50 %
    ]);
  });

  it("has nothing to say without snapshots", () => {
    expect(periodBias([], NOW, "quarter")).toEqual([]);
  });
});

describe("stageSuggestions", () => {
  it("gives each stage's win rate with its count, none below the minimum, beside the stage table's", () => {
    const forecasts = calibrationForecasts(HISTORY, NOW);
    expect(stageSuggestions(forecasts, DEFAULT_STAGE_TABLE, 2)).toEqual([
      { stage: "Prospecting", forecasts: 0, suggested: null, current: 0.1 },
      { stage: "Qualification", forecasts: 1, suggested: null, current: 0.2 },
      { stage: "Needs analysis", forecasts: 0, suggested: null, current: 0.3 },
      { stage: "Proposal", forecasts: 2, suggested: 0, current: 0.5 },
      { stage: "Negotiation", forecasts: 2, suggested: 1, current: 0.75 },
      { stage: "Custom stage", forecasts: 1, suggested: null, current: null },
    ]);
  });

  it(`suggests from ${MINIMUM_STAGE_FORECASTS} forecasts by default, not from 19`, () => {
    const at = (n: number): CalibrationForecast[] =>
      Array.from({ length: n }, (_, i) => ({
        dealKey: `id:${i}`,
        rep: null,
        stage: "Proposal",
        takenAt: 0,
        closeDate: null,
        amount: null,
        probability: 0.5,
        outcome: i < 5 ? 1 : 0,
      }));
    const proposal = (n: number) =>
      stageSuggestions(at(n), DEFAULT_STAGE_TABLE).find((s) => s.stage === "Proposal");
    expect(proposal(20)).toEqual({
      stage: "Proposal",
      forecasts: 20,
      suggested: 0.25,
      current: 0.5,
    });
    expect(proposal(19)?.suggested).toBeNull();
  });

  it("refuses a minimum that is not a whole number of forecasts", () => {
    expect(() => stageSuggestions([], DEFAULT_STAGE_TABLE, 0)).toThrow(RangeError);
  });
});
