import { blankAction, type Action } from "../../../src/domain/actionPlan/action";
import type { Deal } from "../../../src/domain/deal";
import type { TeamFigures, TeamSettings } from "../../../src/domain/team/contract";
import {
  blendedAttainment,
  TRADE_OFF_POINTS,
  teamFigures,
  tradeOffs,
} from "../../../src/domain/team/team";

let row = 0;
function deal(
  owner: string | null,
  amount: number | null,
  probability: number | null,
  extra: Partial<Deal> = {}
): Deal {
  return {
    row: row++,
    id: null,
    closeDate: null,
    company: `Company ${row}`,
    contact: null,
    product: null,
    amount,
    probability,
    probabilitySource: "deal",
    owner,
    stage: null,
    category: null,
    issues: [],
    ...extra,
  };
}

function action(id: string, owner: string, budget: number | null, semester = "2027-S1"): Action {
  return { ...blankAction(id, semester), action: `action ${id}`, owner, budget };
}

const SETTINGS: TeamSettings = { collectiveWeight: 0.2, teamObjective: null };

/**
 * Alice: the handbook's three open deals (1 000 € at 20 %, 2 000 € at 50 %, 4 000 € at 75 %: weighted
 * 4 200 €), 3 000 € won, a lost and an omitted deal that count nowhere. Bob: 9 000 € won, 1 000 € open
 * at 50 %. Chloé: no deal, two actions. Plus deals and actions without an owner.
 */
function pipeline(): { deals: Deal[]; actions: Action[] } {
  return {
    deals: [
      deal("Alice", 1000, 0.2),
      deal("alice ", 2000, 0.5),
      deal(" ALICE", 4000, 0.75),
      deal("Alice", 3000, 1, { category: "Won" }),
      deal("Alice", 5000, 0.6, { category: "Lost" }),
      deal("Alice", 7000, 0.9, { category: "Omitted" }),
      deal("Alice", null, 0.5), // unreadable amount: out of every total
      deal("Bob", 9000, null, { category: "Won" }),
      deal("Bob", 1000, 0.5),
      deal(null, 50000, 1, { category: "Won" }),
      deal("  ", 8000, 0.5),
    ],
    actions: [
      action("A-0001", "Chloé", 1500),
      action("A-0002", "chloé", 500),
      action("A-0003", " alice", null),
      action("A-0004", "Bob", 2000, "2026-S2"), // another semester's
      action("A-0005", "", 900),
    ],
  };
}

const OBJECTIVES = new Map([
  ["ALICE", 8000],
  ["Bob", 6000],
  ["Chloé", 4000],
]);

function build(settings: TeamSettings = SETTINGS, objectives = OBJECTIVES): TeamFigures {
  return teamFigures({ ...pipeline(), semester: "2027-S1", objectives, settings });
}

describe("teamFigures: one row per rep", () => {
  it("gathers the pipeline's and the semester plan's owners by name, under the first spelling, alphabetically", () => {
    expect(build().reps.map((r) => r.rep)).toEqual(["Alice", "Bob", "Chloé"]);
  });

  it("counts a rep's open pipeline, weighted and won as countingRows does (lost, omitted, unreadable out)", () => {
    const alice = build().reps[0];
    expect(alice).toMatchObject({ openPipeline: 7000, weighted: 4200, won: 3000, objective: 8000 });
    const bob = build().reps[1];
    expect(bob).toMatchObject({ openPipeline: 1000, weighted: 500, won: 9000, objective: 6000 });
  });

  it("attainment = won ÷ objective, coverage = weighted ÷ (objective − won)", () => {
    const [alice, , chloe] = build().reps;
    expect(alice.attainment).toBeCloseTo(3000 / 8000, 12); // 37.5 %
    expect(alice.coverage).toBeCloseTo(4200 / 5000, 12); // 0.84
    expect(chloe.attainment).toBe(0);
    expect(chloe.coverage).toBe(0); // nothing open against 4 000 € to go
  });

  it("leaves coverage blank once the objective is reached, and P(objective) is then 1", () => {
    const bob = build().reps[1];
    expect(bob.attainment).toBeCloseTo(1.5, 12);
    expect(bob.coverage).toBeNull();
    expect(bob.pObjective).toBe(1);
  });

  it("P(objective) = P(open deals won ≥ objective − won), against the enumeration of Alice's eight outcomes", () => {
    // 5 000 € to go from 1 000 @ 20 %, 2 000 @ 50 %, 4 000 @ 75 %: the outcomes reaching it are
    // 1 000 + 4 000 (0.2 × 0.5 × 0.75 = 0.075), 2 000 + 4 000 (0.8 × 0.5 × 0.75 = 0.3) and all three
    // (0.2 × 0.5 × 0.75 = 0.075): 0.45.
    expect(build().reps[0].pObjective).toBeCloseTo(0.45, 12);
    // Chloé has nothing open: 4 000 € cannot be reached.
    expect(build().reps[2].pObjective).toBe(0);
  });

  it("counts the semester's actions and their budget per rep, a blank budget as nothing", () => {
    const [alice, bob, chloe] = build().reps;
    expect([alice.actions, alice.budget]).toEqual([1, 0]);
    expect([bob.actions, bob.budget]).toEqual([0, 0]);
    expect([chloe.actions, chloe.budget]).toEqual([2, 2000]);
  });

  it("a rep without an objective (or with 0) has no attainment, coverage, probability or blend", () => {
    const figures = build(
      SETTINGS,
      new Map([
        ["Alice", 8000],
        ["Bob", 0],
      ])
    );
    const [, bob, chloe] = figures.reps;
    for (const r of [bob, chloe])
      expect(r).toMatchObject({
        objective: null,
        attainment: null,
        coverage: null,
        pObjective: null,
        blendedAttainment: null,
      });
    expect(figures.teamObjective).toBe(8000);
  });
});

describe("teamFigures: the team", () => {
  it("team objective defaults to Σ individual objectives; team won is Σ the reps' won (no owner: out)", () => {
    const figures = build();
    expect(figures.teamObjective).toBe(18000);
    expect(figures.teamWon).toBe(12000);
    expect(figures.teamAttainment).toBeCloseTo(12000 / 18000, 12);
  });

  it("takes the manager's team objective when set", () => {
    const figures = build({ collectiveWeight: 0.2, teamObjective: 15000 });
    expect(figures.teamObjective).toBe(15000);
    expect(figures.teamAttainment).toBeCloseTo(0.8, 12);
  });

  it("has no team objective when no one has an objective nor the manager set one", () => {
    const figures = build(SETTINGS, new Map());
    expect(figures.teamObjective).toBeNull();
    expect(figures.teamAttainment).toBeNull();
    expect(figures.teamWon).toBe(12000);
  });

  it("blends each rep's attainment with the team's at w", () => {
    // Team 12 000 / 18 000 = 2/3. Alice 0.375 × 0.8 + 2/3 × 0.2 = 0.43333…; Bob 1.5 × 0.8 + 2/15 =
    // 1.33333…; Chloé 0 + 2/15.
    const [alice, bob, chloe] = build().reps;
    expect(alice.blendedAttainment).toBeCloseTo(0.3 + 2 / 15, 12);
    expect(bob.blendedAttainment).toBeCloseTo(1.2 + 2 / 15, 12);
    expect(chloe.blendedAttainment).toBeCloseTo(2 / 15, 12);
  });

  it("refuses a collective weight outside [0, 1] and a team objective that is not a positive amount", () => {
    expect(() => build({ collectiveWeight: 1.2, teamObjective: null })).toThrow(RangeError);
    expect(() => build({ collectiveWeight: 0.2, teamObjective: 0 })).toThrow(
      /team objective 0 must be a positive amount/
    );
  });

  it("has no rep at all for an empty pipeline and plan", () => {
    expect(
      teamFigures({
        deals: [],
        actions: [],
        semester: "2027-S1",
        objectives: OBJECTIVES,
        settings: SETTINGS,
      })
    ).toEqual({ reps: [], teamObjective: null, teamWon: 0, teamAttainment: null });
  });
});

describe("blendedAttainment", () => {
  it("is individual × (1 − w) + team × w: 150 %, 85 %, w = 0.2 → 137 %", () => {
    expect(blendedAttainment(1.5, 0.85, 0.2)).toBeCloseTo(1.37, 12);
  });

  it("is the individual attainment at w = 0 and the team's at w = 1", () => {
    expect(blendedAttainment(1.5, 0.85, 0)).toBe(1.5);
    expect(blendedAttainment(1.5, 0.85, 1)).toBe(0.85);
    expect(blendedAttainment(1.5, null, 0)).toBe(1.5);
  });

  it("is null without an individual attainment, or without a team one when the team weighs", () => {
    expect(blendedAttainment(null, 0.85, 0.2)).toBeNull();
    expect(blendedAttainment(1.5, null, 0.2)).toBeNull();
  });

  it("throws a RangeError for w outside [0, 1] or not a number", () => {
    expect(() => blendedAttainment(1.5, 0.85, -0.1)).toThrow(RangeError);
    expect(() => blendedAttainment(1.5, 0.85, 1.01)).toThrow(/between 0 and 1/);
    expect(() => blendedAttainment(1.5, 0.85, NaN)).toThrow(RangeError);
  });
});

describe("tradeOffs", () => {
  it("gives each rep's pay basis individual-only, team-only and at w, and who the team carries or holds back", () => {
    expect(tradeOffs(build(), 0.2)).toEqual([
      // Alice moves +0.2 × (2/3 − 0.375) = +5.8 points: even.
      {
        rep: "Alice",
        individualOnly: 0.375,
        teamOnly: 2 / 3,
        blended: expect.closeTo(0.3 + 2 / 15, 12),
        effect: "even",
      },
      // Bob moves 0.2 × (2/3 − 1.5) = −16.7 points: held back.
      {
        rep: "Bob",
        individualOnly: 1.5,
        teamOnly: 2 / 3,
        blended: expect.closeTo(1.2 + 2 / 15, 12),
        effect: "held back",
      },
      // Chloé moves +13.3 points: carried.
      {
        rep: "Chloé",
        individualOnly: 0,
        teamOnly: 2 / 3,
        blended: expect.closeTo(2 / 15, 12),
        effect: "carried",
      },
    ]);
  });

  it("at w = 0 no one moves", () => {
    expect(tradeOffs(build(), 0).map((t) => t.effect)).toEqual(["even", "even", "even"]);
  });

  it(`is carried or held back from exactly ${TRADE_OFF_POINTS * 100} points`, () => {
    const figures: TeamFigures = {
      reps: [
        { ...build().reps[0], rep: "Held", attainment: 1.35 }, // 0.2 × (0.85 − 1.35) = −0.10
        { ...build().reps[0], rep: "Carried", attainment: 0.35 }, // 0.2 × (0.85 − 0.35) = +0.10
        { ...build().reps[0], rep: "Just even", attainment: 0.36 }, // +0.098
      ],
      teamObjective: 1,
      teamWon: 0.85,
      teamAttainment: 0.85,
    };
    expect(tradeOffs(figures, 0.2).map((t) => [t.rep, t.effect])).toEqual([
      ["Held", "held back"],
      ["Carried", "carried"],
      ["Just even", "even"],
    ]);
  });

  it("a rep without an objective is even, with no blend", () => {
    const figures = build(SETTINGS, new Map([["Alice", 8000]]));
    expect(tradeOffs(figures, 0.5)[1]).toEqual({
      rep: "Bob",
      individualOnly: null,
      teamOnly: 12000 / 8000,
      blended: null,
      effect: "even",
    });
  });
});
