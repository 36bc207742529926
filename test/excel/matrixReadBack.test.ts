import { MATRIX_COLUMNS, RELATIVE_MATRIX_COLUMNS } from "../../src/domain/matrixTable";
import { rangeKey } from "../../src/domain/productRanges";
import { harvestRangeKeys, rangeZones } from "../../src/excel/plan/matrixReadBack";

/** A CarnetMatrix body row with only what the read-back uses; every other cell is what Excel shows. */
function row(headers: readonly string[], cells: Record<string, unknown>): unknown[] {
  return headers.map((h) => (h in cells ? cells[h] : h === "Zone" ? "#BUSY!" : ""));
}

const SHARE_SETTINGS = [
  ["Strength: Weak below this market share", 0.1],
  ["Strength: Strong from this market share", 0.25],
  ["ABC: share of the margin class A reaches", 0.8],
  ["ABC: share classes A and B reach", 0.95],
];

describe("the harvest ranges read back from CarnetMatrix's figures", () => {
  it("computes the zones with the domain: a weak range of class C is Harvest / divest, whatever Zone says", () => {
    const h = MATRIX_COLUMNS;
    const body = [
      row(h, { Range: "Alpha", "Market share": 0.3, Margin: 50000 }), // A, Strong: invest
      row(h, { Range: "Bravo", "Market share": 0.15, Margin: 30000 }), // A, Medium: invest
      row(h, { Range: "Golf Élite", "Market share": 0.05, Margin: 15000 }), // B, Weak: harvest
      row(h, { Range: "Produit A.", "Market share": 0.05, Margin: 5000 }), // C, Weak: harvest
      row(h, { Range: "", "Market share": 0.05, Margin: 10 }),
    ];
    expect(harvestRangeKeys(h, body, SHARE_SETTINGS)).toEqual(
      new Set(["golf elite", rangeKey("produit a")])
    );
  });

  it("uses the relative share when the table has it", () => {
    const h = RELATIVE_MATRIX_COLUMNS;
    const settings = [
      [null, 0.5],
      [null, 1],
      [null, 0.8],
      [null, 0.95],
    ];
    const body = [
      row(h, { Range: "Leader", "Market share": 0.4, "Leader share": 0.2, Margin: 50000 }),
      row(h, { Range: "Follower", "Market share": 0.05, "Leader share": 0.4, Margin: 1000 }),
    ];
    expect(harvestRangeKeys(h, body, settings)).toEqual(new Set(["follower"]));
  });

  it("says nothing rather than guess when the settings or the columns cannot be read", () => {
    const h = MATRIX_COLUMNS;
    const body = [row(h, { Range: "Alpha", "Market share": 0.05, Margin: 10 })];
    expect(harvestRangeKeys(h, body, [[null, "#BUSY!"]])).toEqual(new Set());
    expect(harvestRangeKeys(["Range"], [["Alpha"]], SHARE_SETTINGS)).toEqual(new Set());
  });
});

describe("every placed range's cell and zone, for the action plan's checks", () => {
  it("names them as CarnetMatrix does, computed from the figures; an unplaced range is left out", () => {
    const h = MATRIX_COLUMNS;
    const body = [
      row(h, { Range: "Alpha", "Market share": 0.3, Margin: 50000 }), // A, Strong
      row(h, { Range: "Bravo", "Market share": 0.15, Margin: 30000 }), // A, Medium
      row(h, { Range: "Golf Élite", "Market share": 0.05, Margin: 15000 }), // B, Weak
      row(h, { Range: "Hotel", "Market share": "", Margin: "" }), // no share: no cell
    ];
    expect(rangeZones(h, body, SHARE_SETTINGS)).toEqual(
      new Map([
        ["Alpha", { cell: "Protect position", zone: "Invest / grow" }],
        ["Bravo", { cell: "Invest to build", zone: "Invest / grow" }],
        ["Golf Élite", { cell: "Limited expansion or harvest", zone: "Harvest / divest" }],
      ])
    );
    expect(rangeZones(h, body, [[null, "#BUSY!"]])).toEqual(new Map());
  });
});
