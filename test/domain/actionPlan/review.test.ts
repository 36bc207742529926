import fc from "fast-check";
import { blankAction, type Action, type Phase } from "../../../src/domain/actionPlan/action";
import { sumMoney } from "../../../src/domain/actionPlan/money";
import { semesterReview } from "../../../src/domain/actionPlan/review";

function action(id: string, fields: Partial<Action>): Action {
  return { ...blankAction(id, "2027-S1"), action: `action ${id}`, ...fields };
}

const plan = [
  action("A-0001", {
    means: "Tele-prospecting",
    owner: "Alice",
    objective: 40,
    unit: "meetings",
    actualResult: 32,
    budget: 2000,
    actualCost: 1800,
    phase: "Check",
  }),
  action("A-0002", {
    means: "Trade fair",
    owner: "Alice",
    objective: 30000,
    unit: "€ revenue",
    actualResult: 36000,
    budget: 10000,
    actualCost: 12000,
    phase: "Act",
    correctiveAction: "Book the stand earlier",
  }),
  action("A-0003", {
    means: "tele-prospecting",
    owner: "Bruno",
    objective: 50,
    unit: "meetings",
    actualResult: 20,
    budget: 1500.5,
    phase: "Check",
  }),
  action("A-0004", {
    means: "Mailing",
    owner: "Bruno",
    actualResult: 500,
    budget: 800.25,
    actualCost: 700,
    phase: "Check",
  }),
  action("A-0005", {
    means: "Mailing",
    owner: "alice",
    objective: 100,
    actualResult: 30,
    budget: 300,
    phase: "Do",
  }),
  action("A-0006", { means: "Mailing", owner: "Alice", budget: 99999, semester: "2027-S2" }),
];

describe("the semester's review", () => {
  const review = semesterReview(plan, "2027-S1");

  it("gives each action its attainment and cost per result", () => {
    expect(review.byAction.map((r) => [r.action.id, r.attainment, r.costPerResult])).toEqual([
      ["A-0001", 0.8, 56.25], // 32 ÷ 40; 1 800 ÷ 32
      ["A-0002", 1.2, 1 / 3], // 36 000 ÷ 30 000; 12 000 ÷ 36 000
      ["A-0003", 0.4, null], // no cost recorded
      ["A-0004", null, 1.4], // no objective; 700 ÷ 500
      ["A-0005", 0.3, null],
    ]);
  });

  it("sums by means: attainment is the mean of the checked actions', not Σ actual ÷ Σ objective", () => {
    expect(review.byMeans).toEqual([
      // (0.8 + 0.4) ÷ 2 = 0.6; Σ actual ÷ Σ objective would be 52 ÷ 90.
      {
        name: "Tele-prospecting",
        actions: 2,
        checked: 2,
        budget: 3500.5,
        actualCost: 1800,
        attainment: expect.closeTo(0.6, 12),
      },
      {
        name: "Trade fair",
        actions: 1,
        checked: 1,
        budget: 10000,
        actualCost: 12000,
        attainment: 1.2,
      },
      // A-0004 has no objective and A-0005 is not checked yet.
      {
        name: "Mailing",
        actions: 2,
        checked: 1,
        budget: 1100.25,
        actualCost: 700,
        attainment: null,
      },
    ]);
  });

  it("sums by owner, matching owners without case", () => {
    expect(review.byOwner).toEqual([
      // Meetings at 80 % and revenue at 120 %: one voice each, 100 %, whatever the units.
      { name: "Alice", actions: 3, checked: 2, budget: 12300, actualCost: 13800, attainment: 1 },
      { name: "Bruno", actions: 2, checked: 2, budget: 2300.75, actualCost: 700, attainment: 0.4 },
    ]);
  });

  it("totals the semester, leaving other semesters out", () => {
    expect(review.totals).toEqual({
      name: "Total",
      actions: 5,
      checked: 4,
      budget: 14600.75,
      actualCost: 14500,
      attainment: expect.closeTo(0.8, 12), // (0.8 + 1.2 + 0.4) ÷ 3
    });
  });

  it("has no attainment when the objective is 0", () => {
    const [row] = semesterReview(
      [action("A-0001", { objective: 0, actualResult: 5, phase: "Check" })],
      "2027-S1"
    ).byAction;
    expect(row.attainment).toBeNull();
  });

  it("reviews an empty plan to zeros and no attainment", () => {
    expect(semesterReview([], "2027-S1")).toEqual({
      semester: "2027-S1",
      byAction: [],
      byMeans: [],
      byOwner: [],
      totals: { name: "Total", actions: 0, checked: 0, budget: 0, actualCost: 0, attainment: null },
    });
  });
});

describe("the review's columns add up", () => {
  const phases: Phase[] = ["Plan", "Do", "Check", "Act"];
  const cents = fc.option(
    fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100),
    { nil: null }
  );
  const actionArb = fc.record({
    means: fc.constantFrom("Mailing", "mailing ", "Trade fair", ""),
    owner: fc.constantFrom("Alice", "ALICE", "Bruno", ""),
    budget: cents,
    actualCost: cents,
    phase: fc.constantFrom(...phases),
  });

  it("by means and by owner, budget and cost add up to the totals, to the cent", () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 30 }), (fields) => {
        const review = semesterReview(
          fields.map((f, i) => action(`A-${i + 1}`, f)),
          "2027-S1"
        );
        for (const groups of [review.byMeans, review.byOwner]) {
          expect(sumMoney(groups.map((g) => g.budget))).toBe(review.totals.budget);
          expect(sumMoney(groups.map((g) => g.actualCost))).toBe(review.totals.actualCost);
          expect(groups.reduce((n, g) => n + g.actions, 0)).toBe(review.totals.actions);
          expect(groups.reduce((n, g) => n + g.checked, 0)).toBe(review.totals.checked);
        }
      }),
      { seed: 13 }
    );
  });
});
