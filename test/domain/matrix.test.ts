import {
  DEFAULT_CUTS,
  levelOf,
  levelOfAbc,
  NINE_BOX,
  nineBoxCell,
  nineBoxCellIn,
  zoneName,
  zoneOf,
  cutsProblem,
  type Level,
} from "../../src/domain/matrix";

describe("the strengths–attractiveness (GE-McKinsey) matrix", () => {
  it("cuts a 1–5 score into equal thirds at 7/3 and 11/3", () => {
    expect(levelOf(1)).toBe("Low");
    expect(levelOf(7 / 3)).toBe("Medium");
    expect(levelOf(3)).toBe("Medium");
    expect(levelOf(11 / 3)).toBe("High");
    expect(levelOf(5, DEFAULT_CUTS)).toBe("High");
  });

  it("uses the user's market-share cut-offs: low below 10 %, high from 25 %", () => {
    const cuts = { low: 0.1, high: 0.25 };
    expect(levelOf(0.05, cuts)).toBe("Low");
    expect(levelOf(0.1, cuts)).toBe("Medium");
    expect(levelOf(0.249, cuts)).toBe("Medium");
    expect(levelOf(0.25, cuts)).toBe("High");
  });

  it("reads an ABC class as attractiveness: A high, B medium, C low", () => {
    expect(["A", "B", "C"].map((c) => levelOfAbc(c as "A"))).toEqual(["High", "Medium", "Low"]);
  });

  it("names the nine cells as Kotler does (domain.md table)", () => {
    expect(nineBoxCell("High", "High")).toBe("Protect position");
    expect(nineBoxCell("Medium", "High")).toBe("Invest to build");
    expect(nineBoxCell("Low", "High")).toBe("Build selectively");
    expect(nineBoxCell("High", "Medium")).toBe("Build selectively");
    expect(nineBoxCell("Medium", "Medium")).toBe("Selectivity / manage for earnings");
    expect(nineBoxCell("Low", "Medium")).toBe("Limited expansion or harvest");
    expect(nineBoxCell("High", "Low")).toBe("Protect and refocus");
    expect(nineBoxCell("Medium", "Low")).toBe("Manage for earnings");
    expect(nineBoxCell("Low", "Low")).toBe("Divest");
  });

  it("groups the cells into three zones of three", () => {
    expect(zoneOf("High", "High")).toBe("Invest / grow");
    expect(zoneOf("Medium", "High")).toBe("Invest / grow");
    expect(zoneOf("High", "Medium")).toBe("Invest / grow");
    expect(zoneOf("Low", "High")).toBe("Selectivity");
    expect(zoneOf("Medium", "Medium")).toBe("Selectivity");
    expect(zoneOf("High", "Low")).toBe("Selectivity");
    expect(zoneOf("Low", "Medium")).toBe("Harvest / divest");
    expect(zoneOf("Medium", "Low")).toBe("Harvest / divest");
    expect(zoneOf("Low", "Low")).toBe("Harvest / divest");
    const counts = NINE_BOX.reduce<Record<string, number>>(
      (m, c) => ({ ...m, [c.zone]: (m[c.zone] ?? 0) + 1 }),
      {}
    );
    expect(counts).toEqual({ "Invest / grow": 3, Selectivity: 3, "Harvest / divest": 3 });
  });

  it("rejects cut-offs in the wrong order", () => {
    expect(cutsProblem({ low: 0.3, high: 0.1 })).toMatch(/above the high cut-off/);
    expect(cutsProblem({ low: 0.1, high: 0.3 })).toBeNull();
    expect(cutsProblem({ low: 0.3, high: 0.1 })).toBe(
      "the low cut-off 0.3 is above the high cut-off 0.1"
    );
    expect(cutsProblem({ low: 0.3, high: 0.1 }, { language: "fr" })).toBe(
      "le seuil bas 0,3 dépasse le seuil haut 0,1"
    );
    expect(cutsProblem({ low: NaN, high: 1 }, { language: "fr" })).toBe(
      "les seuils doivent être des nombres"
    );
  });
});

describe("the matrix's names in French (domain.md, the handbook's words)", () => {
  it("names the three zones Investir, Sélectivité, Récolter / abandonner", () => {
    expect(zoneName("Invest / grow", "fr")).toBe("Investir");
    expect(zoneName("Selectivity", "fr")).toBe("Sélectivité");
    expect(zoneName("Harvest / divest", "fr")).toBe("Récolter / abandonner");
    expect(zoneName("Selectivity", "en")).toBe("Selectivity");
  });

  it("names each of the nine cells in French, the English names unchanged", () => {
    const levels: Level[] = ["High", "Medium", "Low"];
    const grid = (language: "en" | "fr") =>
      levels.map((a) => levels.map((s) => nineBoxCellIn(language, s, a)));
    expect(grid("fr")).toEqual([
      ["Protéger sa position", "Investir pour se développer", "Se développer sélectivement"],
      [
        "Se développer sélectivement",
        "Sélectivité / gérer pour la rentabilité",
        "Expansion limitée ou récolte",
      ],
      ["Protéger et recentrer", "Gérer pour la rentabilité", "Abandonner"],
    ]);
    expect(grid("en")).toEqual(levels.map((a) => levels.map((s) => nineBoxCell(s, a))));
  });
});
