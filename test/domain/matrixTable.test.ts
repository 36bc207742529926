import {
  DEFAULT_MATRIX_SETTINGS,
  DEFAULT_STRENGTH_CUTS,
  type MatrixSettings,
} from "../../src/domain/matrixSettings";
import { MATRIX_COLUMNS, matrixColumns, matrixTableRow } from "../../src/domain/matrixTable";
import { portfolioMatrix } from "../../src/domain/portfolioMatrix";
import { productRange } from "../../src/domain/productRanges";
import { byName, readTen } from "../support/portfolio";

describe("the CarnetMatrix table", () => {
  const row = byName(portfolioMatrix(readTen().ranges, DEFAULT_MATRIX_SETTINGS));

  it("writes a CarnetMatrix row in the published column order", () => {
    expect(MATRIX_COLUMNS).toEqual([
      "Range",
      "Volume",
      "Market volume",
      "Market share",
      "Sales",
      "Margin",
      "Margin share",
      "Cumulative share",
      "ABC class",
      "Strength",
      "Attractiveness",
      "Nine-box cell",
      "Zone",
    ]);
    const values = matrixTableRow(row.Bravo);
    expect(values).toHaveLength(MATRIX_COLUMNS.length);
    expect(values.slice(0, 6)).toEqual(["Bravo", 150, 1000, 0.15, 300000, 60000]);
    expect(values.slice(8)).toEqual(["A", "Medium", "High", "Invest to build", "Invest / grow"]);
    expect(matrixTableRow(row.Hotel).slice(2, 4)).toEqual([null, null]);
  });

  it("with the relative measure, adds the leader's share and the relative share after the thirteen", () => {
    const settings: MatrixSettings = {
      ...DEFAULT_MATRIX_SETTINGS,
      measure: "relative",
      strengthCuts: DEFAULT_STRENGTH_CUTS.relative, // 0.5 and 1
    };
    const ranges = [
      productRange({ name: "Leader", margin: 100, marketShare: 0.3, leaderShare: 0.25 }), // 1.2
      productRange({ name: "Half", margin: 100, marketShare: 0.1, leaderShare: 0.2 }), // 0.5
      productRange({ name: "Small", margin: 100, marketShare: 0.05, leaderShare: 0.5 }), // 0.1
      productRange({ name: "Unknown", margin: 100, marketShare: 0.4 }),
    ];
    const rows = portfolioMatrix(ranges, settings);
    expect(matrixColumns("relative").slice(-2)).toEqual(["Leader share", "Relative share"]);
    expect(matrixTableRow(rows[0], "relative").slice(-2)).toEqual([0.25, rows[0].relativeShare]);
  });
});
