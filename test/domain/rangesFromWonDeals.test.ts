import { portfolioMatrix } from "../../src/domain/portfolioMatrix";
import { rangesFromWonDeals, unassignedWonDeals } from "../../src/domain/rangesFromWonDeals";
import { deal } from "../support/portfolio";

describe("ranges built from the pipeline's won deals", () => {
  const deals = [
    deal({ row: 0, product: "Produit A", category: "Won", amount: 1000 }),
    deal({ row: 1, product: "Produit B", category: "Won", amount: 4000 }),
    deal({ row: 2, product: "Produit A", category: "Won", amount: 2000 }),
    deal({ row: 3, product: "produit a.", category: "Won", amount: 500 }),
    deal({ row: 4, product: "Produit B", category: "Won", amount: null }),
    deal({ row: 5, product: "Produit C", category: "Pipeline", amount: 3000 }),
    deal({ row: 6, product: "Produit A", category: "Lost", amount: 9000 }),
    deal({ row: 7, product: null, category: "Won", amount: 700 }),
  ];
  const market = new Map([
    ["Produit A", { marketVolume: 30, margin: 1200 }],
    ["PRODUIT B", { marketVolume: 10, volume: 5, margin: null }],
    ["Produit D", { marketVolume: 100, margin: 50 }],
  ]);
  const ranges = rangesFromWonDeals(deals, market);

  it("sums won amounts by range and counts won deals as the volume unless one is given", () => {
    expect(
      ranges.map((r) => [r.row, r.name, r.sales, r.volume, r.marketVolume, r.marketShare, r.margin])
    ).toEqual([
      [0, "Produit A", 3500, 3, 30, 0.1, 1200],
      [1, "Produit B", 4000, 5, 10, 0.5, null],
      [2, "Produit D", 0, 0, 100, 0, 50], // figures given, no won deal: in the portfolio, no sales
    ]);
    expect(ranges[0].issues).toEqual([]);
    expect(ranges[0].shareSource).toBe("computed");
  });

  it("says what is missing or left out", () => {
    expect(ranges[1].issues).toEqual([
      "margin for Produit B is not given: give the range's contribution margin to classify it",
      "sales for Produit B leave out 1 won deal whose amount could not be read",
    ]);
    const bare = rangesFromWonDeals([deal({ product: "X", category: "Won" })], new Map());
    expect(bare[0].issues).toEqual([
      "market volume for X is not given: give it, or the market share, to place the range on the strength axis",
      "margin for X is not given: give the range's contribution margin to classify it",
    ]);
    const wrong = rangesFromWonDeals(
      [deal({ product: "X", category: "Won" }), deal({ product: "X", category: "Won" })],
      new Map([["X", { marketVolume: 1, margin: 10 }]])
    );
    expect(wrong[0].issues).toEqual([
      "market volume 1 for X is below the volume 2: a market holds at least the range's own volume",
    ]);
    expect(wrong[0].marketShare).toBeNull();
  });

  it("says the same in French for a French pane, figures written the French way", () => {
    expect(rangesFromWonDeals(deals, market, "fr")[1].issues).toEqual([
      "marge de Produit B n'est pas renseignée\u00a0: donnez la marge de contribution de la gamme pour la classer",
      "ventes de Produit B laissent de côté 1 affaire gagnée dont le montant n'a pas pu être lu",
    ]);
    const wrong = rangesFromWonDeals(
      [deal({ product: "X", category: "Won" }), deal({ product: "X", category: "Won" })],
      new Map([["X", { marketVolume: 1, marketShare: 0.253, margin: Number.NaN }]]),
      "fr"
    );
    expect(wrong[0].issues).toEqual([
      "marge NaN de X n'est pas un nombre fini",
      "volume du marché 1 de X est en dessous du volume 2\u00a0: un marché contient au moins le volume de la gamme elle-même",
    ]);
  });

  it("lists the won deals that belong to no range", () => {
    expect(unassignedWonDeals(deals).map((d) => d.row)).toEqual([7]);
  });

  it("feeds the matrix like a table does", () => {
    const rows = portfolioMatrix(ranges);
    expect(rows.map((r) => [r.abc, r.strength])).toEqual([
      ["A", "Medium"], // 1 200 of 1 250; 10 %
      [null, "High"], // no margin; 50 %
      ["C", "Low"], // 50 of 1 250 starts at 96 %, past the B line; share 0 %
    ]);
  });
});
