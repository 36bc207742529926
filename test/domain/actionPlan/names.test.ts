import { caselessMap, groupByName, nameKey } from "../../../src/domain/actionPlan/names";

describe("matching names typed by people", () => {
  it("matches trimmed and without case, keeping accents", () => {
    expect(nameKey("  Alice ")).toBe(nameKey("ALICE"));
    expect(nameKey("Hélène")).not.toBe(nameKey("Helene"));
  });

  it("looks a map up by name without case", () => {
    const weighted = caselessMap([
      ["Alice", 30000],
      ["alice", 1], // a second spelling of the same key: the first wins
    ]);
    expect(weighted.get(" ALICE")).toBe(30000);
    expect(weighted.get("Bruno")).toBeUndefined();
  });

  it("groups under the first spelling, groups in order of first appearance", () => {
    const groups = groupByName(["Mailing", "Trade fair", " mailing", "TRADE FAIR", ""], (s) => s);
    expect([...groups]).toEqual([
      ["Mailing", ["Mailing", " mailing"]],
      ["Trade fair", ["Trade fair", "TRADE FAIR"]],
      ["", [""]],
    ]);
  });
});
