import { actionIdIssuer, actionIdNumber, nextActionId } from "../../../src/domain/actionPlan/ids";

describe("action ids: A-0001, never reused", () => {
  it("starts at A-0001", () => {
    expect(nextActionId([], null)).toBe("A-0001");
  });

  it("goes one above the highest id in the plan, not the count", () => {
    // Three actions, but A-0007 exists: the next is A-0008.
    expect(nextActionId(["A-0001", "A-0007", "A-0003"], null)).toBe("A-0008");
  });

  it("never reissues a deleted action's id: the last issued id counts even when gone from the plan", () => {
    // A-0009 was issued then deleted; the plan's highest is A-0004.
    expect(nextActionId(["A-0002", "A-0004"], "A-0009")).toBe("A-0010");
  });

  it("takes the plan's highest when it is above the last issued id (ids typed in Excel)", () => {
    expect(nextActionId(["A-0012"], "A-0009")).toBe("A-0013");
  });

  it("ignores malformed ids for the numbering", () => {
    expect(nextActionId(["X1", "A-12b", "", "A-", "B-0050", "A-0002"], "garbage")).toBe("A-0003");
  });

  it("forgives spaces and a lower-case a", () => {
    expect(actionIdNumber(" a-0041 ")).toBe(41);
    expect(nextActionId([" a-0041 "], null)).toBe("A-0042");
  });

  it("goes past four digits", () => {
    expect(nextActionId(["A-9999"], null)).toBe("A-10000");
  });

  it("issues several ids in a row, none repeated, and remembers the last", () => {
    const issuer = actionIdIssuer(["A-0003"], "A-0005");
    expect(issuer.issued()).toBe("A-0005");
    expect([issuer.next(), issuer.next()]).toEqual(["A-0006", "A-0007"]);
    expect(issuer.issued()).toBe("A-0007");
  });
});
