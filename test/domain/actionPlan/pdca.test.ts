import { blankAction, type Action } from "../../../src/domain/actionPlan/action";
import { actionProblems, isoDate, movePhase } from "../../../src/domain/actionPlan/pdca";
import { semesterBounds } from "../../../src/domain/actionPlan/semester";

// 2027-01-01 is serial 46388; 2027-S1 runs to 2027-06-30 (46568).
const JAN_1 = 46388;

const planned: Action = {
  ...blankAction("A-0001", "2027-S1"),
  action: "Call 200 dormant customers",
  means: "Tele-prospecting",
  objective: 40,
  unit: "meetings",
  owner: "Alice",
  start: JAN_1 + 14,
  end: JAN_1 + 58,
  budget: 2000,
};

describe("moving an action through Plan → Do → Check → Act", () => {
  it("goes from Plan to Do with nothing more to fill in", () => {
    expect(movePhase(planned, "Do")).toEqual({ ok: true, action: { ...planned, phase: "Do" } });
  });

  it("refuses Check without an Actual result, naming the column", () => {
    const doing = { ...planned, phase: "Do" as const };
    expect(movePhase(doing, "Check")).toEqual({
      ok: false,
      problem:
        "Check needs an Actual result: record what the action achieved (Actual cost may stay blank: no cost recorded)",
    });
  });

  it("allows Check with an Actual result and a blank Actual cost", () => {
    const doing = { ...planned, phase: "Do" as const, actualResult: 32 };
    const moved = movePhase(doing, "Check");
    expect(moved).toEqual({ ok: true, action: { ...doing, phase: "Check" } });
  });

  it("refuses Act without a Corrective action, and allows it with one", () => {
    const checked = { ...planned, phase: "Check" as const, actualResult: 32, actualCost: 1800 };
    expect(movePhase(checked, "Act")).toEqual({
      ok: false,
      problem: "Act needs a Corrective action: say what to do differently next semester",
    });
    const corrected = { ...checked, correctiveAction: "Call in the morning, when buyers answer" };
    expect(movePhase(corrected, "Act")).toEqual({
      ok: true,
      action: { ...corrected, phase: "Act" },
    });
  });

  it("moves forward one step at a time", () => {
    expect(movePhase(planned, "Check")).toEqual({
      ok: false,
      problem: "one step at a time: from Plan the next phase is Do",
    });
  });

  it("reopens one step back, keeping what was recorded", () => {
    const acted = {
      ...planned,
      phase: "Act" as const,
      actualResult: 32,
      actualCost: 1800,
      correctiveAction: "Call in the morning",
    };
    expect(movePhase(acted, "Check")).toEqual({ ok: true, action: { ...acted, phase: "Check" } });
    expect(movePhase(acted, "Do")).toEqual({
      ok: false,
      problem: "reopen one step at a time: from Act back to Check",
    });
  });

  it("leaves an action already in the phase as it is", () => {
    expect(movePhase(planned, "Plan")).toEqual({ ok: true, action: planned });
  });
});

describe("what the action form refuses", () => {
  const s1 = semesterBounds("2027-S1");

  it("accepts a well-formed action", () => {
    expect(actionProblems(planned, s1)).toEqual([]);
  });

  it("requires the action's text", () => {
    expect(actionProblems({ ...planned, action: "  " })).toEqual([
      "Action is required: say what will be done",
    ]);
  });

  it("refuses an End before the Start", () => {
    // 2027-03-01 is 46388 + 59; 2027-02-01 is 46388 + 31.
    expect(actionProblems({ ...planned, start: JAN_1 + 59, end: JAN_1 + 31 })).toEqual([
      "End 2027-02-01 is before Start 2027-03-01",
    ]);
  });

  it("refuses dates outside the semester when its bounds are given", () => {
    // 2027-07-01 is 46569, the first day of S2.
    const late = { ...planned, end: 46569 };
    expect(actionProblems(late, s1)).toEqual([
      "End 2027-07-01 is outside the semester (2027-01-01 to 2027-06-30)",
    ]);
    expect(actionProblems(late)).toEqual([]);
  });

  it("accepts blank dates", () => {
    expect(actionProblems({ ...planned, start: null, end: null }, s1)).toEqual([]);
  });

  it("refuses negative figures, naming each column", () => {
    const negative = { ...planned, objective: -1, budget: -200, actualResult: -3, actualCost: -50 };
    expect(actionProblems(negative)).toEqual([
      "Objective -1 is negative: it must be 0 or more",
      "Budget -200 is negative: it must be 0 or more",
      "Actual result -3 is negative: it must be 0 or more",
      "Actual cost -50 is negative: it must be 0 or more",
    ]);
  });

  it("accepts an action with no objective", () => {
    expect(actionProblems({ ...planned, objective: null, unit: "" })).toEqual([]);
  });

  it("refuses a phase whose requirements are missing (typed in Excel)", () => {
    expect(actionProblems({ ...planned, phase: "Act" })).toEqual([
      "Act needs an Actual result: record what the action achieved (Actual cost may stay blank: no cost recorded)",
      "Act needs a Corrective action: say what to do differently next semester",
    ]);
  });

  it("writes dates as ISO days", () => {
    expect(isoDate(JAN_1)).toBe("2027-01-01");
  });
});
