import { blankAction, type Action } from "../../../src/domain/actionPlan/action";
import { carryOver } from "../../../src/domain/actionPlan/carryOver";
import { actionIdIssuer } from "../../../src/domain/actionPlan/ids";

// Hand-computed serials: 2027-01-01 is 46388, 2028-01-01 is 46753.
const MAR_15_2027 = 46461;
const MAR_31_2027 = 46477;
const SEP_15_2027 = 46645;
const SEP_30_2027 = 46660;

function action(id: string, fields: Partial<Action>): Action {
  return {
    ...blankAction(id, "2027-S1"),
    action: `action ${id}`,
    means: "Trade fair",
    target: "Hospitals",
    range: "Pumps",
    objective: 30000,
    unit: "€ revenue",
    owner: "Alice",
    order: 2,
    budget: 5000,
    ...fields,
  };
}

function issuer(actions: readonly Action[]) {
  const ids = actionIdIssuer(
    actions.map((a) => a.id),
    null
  );
  return ids.next;
}

describe("carrying 2027-S1 over into 2027-S2", () => {
  const plan = [
    action("A-0001", { phase: "Plan", start: MAR_15_2027, end: MAR_31_2027 }),
    action("A-0002", { phase: "Do", comment: "half done" }),
    action("A-0003", { phase: "Check", actualResult: 28000, actualCost: 5200 }),
    action("A-0004", {
      phase: "Act",
      actualResult: 12,
      actualCost: 900,
      correctiveAction: "Follow every lead up within a week",
    }),
    action("A-0005", { phase: "Act", actualResult: 3 }), // no corrective action: nothing to carry
    action("A-0006", { phase: "Plan", semester: "2026-S2" }),
  ];

  const carried = carryOver(plan, "2027-S1", "2027-S2", issuer(plan));

  it("carries open actions and corrective actions, not checked ones nor other semesters'", () => {
    expect(carried.map((a) => [a.id, a.carriedFrom, a.action])).toEqual([
      ["A-0007", "A-0001", "action A-0001"],
      ["A-0008", "A-0002", "action A-0002"],
      ["A-0009", "A-0004", "Follow every lead up within a week"],
    ]);
  });

  it("keeps the plan's fields and starts the new action afresh in Plan", () => {
    expect(carried[2]).toEqual({
      ...blankAction("A-0009", "2027-S2"),
      action: "Follow every lead up within a week",
      means: "Trade fair",
      target: "Hospitals",
      range: "Pumps",
      objective: 30000,
      unit: "€ revenue",
      owner: "Alice",
      order: 2,
      budget: 5000,
      carriedFrom: "A-0004",
    });
    expect(carried[1].comment).toBe("");
  });

  it("moves dates six months on, the same day of the month or the month's last day", () => {
    // 15 March → 15 September; 31 March → 30 September (September has 30 days).
    expect([carried[0].start, carried[0].end]).toEqual([SEP_15_2027, SEP_30_2027]);
  });

  it("leaves blank dates blank", () => {
    expect([carried[1].start, carried[1].end]).toEqual([null, null]);
  });

  it("does not carry an action twice", () => {
    const after = [...plan, ...carried];
    expect(carryOver(after, "2027-S1", "2027-S2", issuer(after))).toEqual([]);
  });

  it("does not carry an action carried by hand (Carried from typed in any case)", () => {
    const byHand = [...plan, action("A-0010", { semester: "2027-S2", carriedFrom: "a-0002" })];
    const again = carryOver(byHand, "2027-S1", "2027-S2", issuer(byHand));
    expect(again.map((a) => a.carriedFrom)).toEqual(["A-0001", "A-0004"]);
  });

  it("keeps a date outside the old semester inside the new one", () => {
    // End 2027-07-10 (after S1) → 2028-01-10, beyond 2027-S2's last day 2027-12-31 (46752).
    const late = [action("A-0001", { start: MAR_15_2027, end: 46578 })];
    const [moved] = carryOver(late, "2027-S1", "2027-S2", issuer(late));
    expect([moved.start, moved.end]).toEqual([SEP_15_2027, 46752]);
  });
});

describe("carrying across the year", () => {
  it("carries 2027-S2 into 2028-S1: 31 August becomes 29 February of the leap year", () => {
    // 2027-08-31 is 46630; 2028-02-29 is 46753 + 31 + 28 = 46812.
    const plan = [action("A-0001", { semester: "2027-S2", start: 46630, end: 46630 })];
    const [moved] = carryOver(plan, "2027-S2", "2028-S1", issuer(plan));
    expect([moved.semester, moved.start, moved.end]).toEqual(["2028-S1", 46812, 46812]);
  });

  it("follows a fiscal year starting in April: 15 January 2028 (2027-S2) → 15 July 2028 (2028-S1)", () => {
    // 2028-01-15 is 46767; 2028-07-15 is 46753 + 182 + 14 = 46949.
    const plan = [action("A-0001", { semester: "2027-S2", start: 46767, end: null })];
    const [moved] = carryOver(plan, "2027-S2", "2028-S1", issuer(plan), 4);
    expect([moved.start, moved.end]).toEqual([46949, null]);
  });
});

describe("carrying edge cases", () => {
  it("carries nothing from an empty plan and issues no id", () => {
    const issueId = jest.fn(() => "A-0001");
    expect(carryOver([], "2027-S1", "2027-S2", issueId)).toEqual([]);
    expect(issueId).not.toHaveBeenCalled();
  });

  it("refuses to carry a semester into itself or a malformed one", () => {
    expect(() => carryOver([], "2027-S1", "2027-S1", () => "A-0001")).toThrow(RangeError);
    expect(() => carryOver([], "2027-S1", "S2", () => "A-0001")).toThrow(/not a semester/);
  });
});
