import { harvestOpportunities, harvestWarning } from "../../src/domain/harvest";
import { portfolioMatrix } from "../../src/domain/portfolioMatrix";
import { productRange } from "../../src/domain/productRanges";
import { deal, readTen } from "../support/portfolio";

describe("opportunities that may not fit the plan", () => {
  const rows = portfolioMatrix(readTen().ranges);

  it("lists open deals on ranges in the harvest / divest zone, names matched loosely", () => {
    const deals = [
      deal({ row: 0, product: "golf elite.", category: "Pipeline" }), // Golf Élite: harvest
      deal({ row: 1, product: "Alpha", category: "Commit" }), // invest: not flagged
      deal({ row: 2, product: "JULIET", category: "Won" }), // won: no longer an opportunity
      deal({ row: 3, product: "Juliet", category: "Lost" }),
      deal({ row: 4, product: "Foxtrot", category: null }), // no category: open
      deal({ row: 5, product: null, category: "Pipeline" }),
      deal({ row: 6, product: "Hotel", category: "Best case" }), // not placed: not flagged
      deal({ row: 7, product: "Unknown range", category: "Pipeline" }),
      deal({ row: 8, product: "  Juliet ", category: "Best case" }),
    ];
    const found = harvestOpportunities(deals, rows);
    expect(found.map((f) => [f.deal.row, f.range, f.zone])).toEqual([
      [0, "Golf Élite", "Harvest / divest"],
      [4, "Foxtrot", "Harvest / divest"],
      [8, "Juliet", "Harvest / divest"],
    ]);
    expect(harvestWarning(found[0].range)).toBe(
      "range Golf Élite is in the Harvest / divest zone of the matrix: an opportunity that may not fit the plan"
    );
    // In French, as the deal's other issues are in a French pane's Issues column.
    expect(harvestWarning(found[0].range, "fr")).toBe(
      "la gamme Golf Élite est dans la zone Récolter / abandonner de la matrice\u00a0: une " +
        "opportunité qui peut ne pas cadrer avec le plan"
    );
  });

  it("finds none when no range is in the zone", () => {
    const strong = portfolioMatrix([productRange({ name: "Alpha", margin: 1, marketShare: 0.5 })]);
    expect(
      harvestOpportunities([deal({ product: "Alpha", category: "Pipeline" })], strong)
    ).toEqual([]);
  });
});
