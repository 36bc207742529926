import { blankAction, type Action } from "../../../src/domain/actionPlan/action";
import { budgetTotals, isRevenueUnit, planChecks } from "../../../src/domain/actionPlan/checks";
import type { PlanContext } from "../../../src/domain/actionPlan/contract";
import type { Zone } from "../../../src/domain/matrix";

// 2027-03-01 is serial 46388 + 59 = 46447.
const MAR_1 = 46447;

function action(id: string, fields: Partial<Action> = {}): Action {
  return { ...blankAction(id, "2027-S1"), action: `action ${id}`, owner: "Alice", ...fields };
}

function context(fields: Partial<PlanContext> = {}): PlanContext {
  return {
    zones: new Map<string, { cell: string; zone: Zone }>(),
    team: ["Alice"],
    weightedByOwner: new Map(),
    weightedByRange: new Map(),
    wonPreviousByOwner: new Map(),
    wonPreviousByRange: new Map(),
    ...fields,
  };
}

const check = (actions: Action[], ctx = context(), envelope: number | null = null, capacity = 3) =>
  planChecks(actions, "2027-S1", ctx, envelope, capacity);

describe("continuity with strategy", () => {
  const zones = new Map<string, { cell: string; zone: Zone }>([
    ["Pumps", { cell: "High / High", zone: "Invest / grow" }],
    ["Valves", { cell: "Low / Low", zone: "Harvest / divest" }],
    ["Filters", { cell: "High / Medium", zone: "Invest / grow" }],
    ["Seals", { cell: "Medium / Medium", zone: "Selectivity" }],
  ]);

  it("flags effort on a Harvest / divest range, naming the range, its cell and zone", () => {
    const checks = check(
      [action("A-0001", { range: " valves" }), action("A-0002", { range: "Pumps" })],
      context({ zones })
    );
    expect(checks.filter((c) => c.kind === "harvest-range")).toEqual([
      {
        kind: "harvest-range",
        actionId: "A-0001",
        message:
          "A-0001 puts effort on range valves, in matrix cell Low / Low, zone Harvest / divest: the strategy there is to harvest or divest, not to invest",
      },
    ]);
  });

  it("lists each Invest / grow range with no action this semester", () => {
    const plan = [
      action("A-0001", { range: "PUMPS" }),
      action("A-0002", { range: "Filters", semester: "2026-S2" }), // another semester's
    ];
    expect(
      check(plan, context({ zones })).filter((c) => c.kind === "invest-range-without-action")
    ).toEqual([
      {
        kind: "invest-range-without-action",
        message:
          "range Filters is in matrix cell High / Medium, zone Invest / grow, and has no action in 2027-S1",
      },
    ]);
  });
});

describe("realistic objectives", () => {
  it("flags a revenue objective above the owner's weighted pipeline plus last semester's won, with the gap", () => {
    // Support 30 000 + 10 000 = 40 000; objective 50 000: gap 10 000, 25 % of the support.
    const ctx = context({
      weightedByOwner: new Map([["alice", 30000]]),
      wonPreviousByOwner: new Map([["Alice", 10000]]),
    });
    const plan = [action("A-0001", { objective: 50000, unit: "€ revenue" })];
    expect(check(plan, ctx)).toEqual([
      {
        kind: "unrealistic-objective",
        actionId: "A-0001",
        message:
          "A-0001's objective of 50 000 € revenue is 10 000 (25 %) above what supports it for Alice: " +
          "weighted pipeline 30 000 + won in 2026-S2 10 000 = 40 000",
      },
    ]);
  });

  it("accepts an objective exactly at its support", () => {
    const ctx = context({
      weightedByOwner: new Map([["Alice", 30000.1]]),
      wonPreviousByOwner: new Map([["Alice", 0.2]]),
    });
    expect(check([action("A-0001", { objective: 30000.3, unit: "EUR" })], ctx)).toEqual([]);
  });

  it("judges the Range's support too when a Range is set", () => {
    // Owner support 200 000 is enough; the range's 60 000 + 20 000 = 80 000 is not: 100 000 is 20 000 (25 %) above.
    const ctx = context({
      weightedByOwner: new Map([["Alice", 200000]]),
      weightedByRange: new Map([["Pumps", 60000]]),
      wonPreviousByRange: new Map([["Pumps", 20000]]),
    });
    const [found] = check(
      [action("A-0002", { objective: 100000, unit: "CA", range: "pumps" })],
      ctx
    );
    expect(found.message).toBe(
      "A-0002's objective of 100 000 CA is 20 000 (25 %) above what supports it for range pumps: " +
        "weighted pipeline 60 000 + won in 2026-S2 20 000 = 80 000"
    );
  });

  it("says so when nothing supports the objective at all", () => {
    const [found] = check([action("A-0001", { objective: 5000, unit: "sales" })]);
    expect(found.message).toBe(
      "A-0001's objective of 5 000 sales is 5 000 above what supports it for Alice: weighted pipeline 0 + won in 2026-S2 0 = 0"
    );
  });

  it("does not judge objectives in other units, nor actions with no objective", () => {
    const plan = [
      action("A-0001", { objective: 40, unit: "meetings" }),
      action("A-0002", { unit: "€" }),
    ];
    expect(check(plan)).toEqual([]);
  });

  it("knows revenue units in any case, English or French", () => {
    for (const unit of [
      "€",
      "$",
      "£",
      "€ revenue",
      "Revenue",
      "SALES",
      "net sales",
      "CA",
      "ca HT",
      "Chiffre d’affaires",
      "turnover",
      "EUR",
    ]) {
      expect([unit, isRevenueUnit(unit)]).toEqual([unit, true]);
    }
    for (const unit of ["meetings", "calls", "sales meetings", "new customers", "cases", ""]) {
      expect([unit, isRevenueUnit(unit)]).toEqual([unit, false]);
    }
  });
});

describe("built with the reps", () => {
  it("flags an owner who is not in the team, and a blank owner", () => {
    const plan = [
      action("A-0001", { owner: " alice " }),
      action("A-0002", { owner: "Zoé" }),
      action("A-0003", { owner: "" }),
    ];
    expect(check(plan).filter((c) => c.kind === "owner-not-in-team")).toEqual([
      {
        kind: "owner-not-in-team",
        actionId: "A-0002",
        message:
          "A-0002's Owner Zoé is not in the team (the pipeline's owners): check the spelling",
      },
      {
        kind: "owner-not-in-team",
        actionId: "A-0003",
        message: "A-0003 has no Owner: give it to one of the team",
      },
    ]);
  });

  it("lists each rep with no action this semester, once", () => {
    const ctx = context({ team: ["Alice", "Bruno", "bruno ", "Chloé", ""] });
    const plan = [
      action("A-0001", { owner: "Alice" }),
      action("A-0002", { owner: "Chloé", semester: "2026-S2" }),
    ];
    expect(check(plan, ctx).map((c) => c.message)).toEqual([
      "Bruno has no action in 2027-S1: build the plan with every rep",
      "Chloé has no action in 2027-S1: build the plan with every rep",
    ]);
  });
});

describe("budget", () => {
  const plan = [
    action("A-0001", { budget: 4000, means: "Trade fair", owner: "Alice" }),
    action("A-0002", { budget: 5000, means: "Mailing", owner: "Bruno" }),
    action("A-0003", { budget: 3000, means: "trade fair ", owner: "alice" }),
    action("A-0004", { budget: null, means: "Mailing", owner: "Alice" }),
    action("A-0005", { budget: 99999, semester: "2027-S2" }),
  ];
  const ctx = context({ team: ["Alice", "Bruno"] });

  it("flags a total above the envelope, with the gap", () => {
    // 4 000 + 5 000 + 3 000 = 12 000 against 10 000; the 2027-S2 action does not count.
    expect(check(plan, ctx, 10000)).toEqual([
      {
        kind: "over-envelope",
        message: "the budget of 2027-S1 totals 12 000, 2 000 above its envelope of 10 000",
      },
    ]);
  });

  it("accepts a total exactly on the envelope, to the cent", () => {
    const cents = [action("A-0001", { budget: 0.1 }), action("A-0002", { budget: 0.2 })];
    expect(check(cents, context(), 0.3)).toEqual([]);
    expect(check(cents, context(), null)).toEqual([]);
  });

  it("totals the budget by means and by owner, groups matched without case", () => {
    const totals = budgetTotals(plan.filter((a) => a.semester === "2027-S1"));
    expect(totals.byMeans).toEqual(
      new Map([
        ["Trade fair", 7000],
        ["Mailing", 5000],
      ])
    );
    expect(totals.byOwner).toEqual(
      new Map([
        ["Alice", 7000],
        ["Bruno", 5000],
      ])
    );
    expect(totals.total).toBe(12000);
  });

  it("totals an empty plan to nothing", () => {
    expect(budgetTotals([])).toEqual({ byMeans: new Map(), byOwner: new Map(), total: 0 });
  });
});

describe("capacity", () => {
  it("flags the day an owner runs more actions than the capacity, naming the actions", () => {
    const plan = [
      action("A-0001", { start: MAR_1 - 10, end: MAR_1 + 30 }),
      action("A-0002", { start: MAR_1 - 5, end: MAR_1 + 5 }),
      action("A-0003", { start: MAR_1 - 1, end: MAR_1 }),
      action("A-0004", { start: MAR_1, end: MAR_1 + 2 }), // the fourth on 1 March
      action("A-0005", { start: MAR_1 + 1, end: MAR_1 + 3 }), // A-0003 has ended: 4 again on 2 March
      action("A-0006", { start: MAR_1 + 20, end: MAR_1 + 25 }), // only A-0001 alongside
      action("A-0007", { start: null, end: MAR_1 }), // not scheduled
    ];
    expect(check(plan, context(), null, 3)).toEqual([
      {
        kind: "over-capacity",
        actionId: "A-0004",
        message:
          "Alice runs 4 actions on 2027-03-01, above the capacity of 3: A-0001, A-0002, A-0003, A-0004",
      },
      {
        kind: "over-capacity",
        actionId: "A-0005",
        message:
          "Alice runs 4 actions on 2027-03-02, above the capacity of 3: A-0001, A-0002, A-0004, A-0005",
      },
    ]);
  });

  it("counts owners apart, without case", () => {
    const plan = [
      action("A-0001", { owner: "Alice", start: MAR_1, end: MAR_1 }),
      action("A-0002", { owner: "alice", start: MAR_1, end: MAR_1 }),
      action("A-0003", { owner: "Bruno", start: MAR_1, end: MAR_1 }),
    ];
    const ctx = context({ team: ["Alice", "Bruno"] });
    expect(check(plan, ctx, null, 1).map((c) => c.message)).toEqual([
      "Alice runs 2 actions on 2027-03-01, above the capacity of 1: A-0001, A-0002",
    ]);
  });

  it("refuses a capacity below one action", () => {
    expect(() => check([], context(), null, 0)).toThrow(RangeError);
  });
});

describe("a plan that meets every rule", () => {
  it("has no checks; an empty plan only lacks the team's actions", () => {
    expect(check([action("A-0001")])).toEqual([]);
    expect(check([])).toEqual([
      {
        kind: "rep-without-action",
        message: "Alice has no action in 2027-S1: build the plan with every rep",
      },
    ]);
  });
});
