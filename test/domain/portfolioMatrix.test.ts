import fc from "fast-check";
import {
  DEFAULT_MATRIX_SETTINGS,
  DEFAULT_STRENGTH_CUTS,
  type MatrixSettings,
} from "../../src/domain/matrixSettings";
import {
  nineBoxContents,
  paretoRows,
  portfolioMatrix,
  unplacedReason,
} from "../../src/domain/portfolioMatrix";
import { productRange } from "../../src/domain/productRanges";
import { byName, readTen } from "../support/portfolio";

// The ten-range workbook, typed as a sales manager would: one loss-making range (Foxtrot), two equal
// margins (Delta and Echo), a text margin "12 500 €" (Charlie), a blank market volume (Hotel), a share typed
// instead of volumes (Echo), a share typed that agrees with the volumes (India), a blank row and a total row.

describe("the ten-range workbook (issue 5's proof), classified", () => {
  const reading = readTen();
  const rows = portfolioMatrix(reading.ranges, DEFAULT_MATRIX_SETTINGS);
  const row = byName(rows);

  it("gives the ABC classes of domain.md: total positive margin 220 000, lines at 176 000 and 209 000", () => {
    // Largest first: 90 000, 60 000, 20 000 ×2 (before = 150 000 < 176 000: both A), 12 500 (before 190 000: B),
    // 8 000 (before 202 500: B), 5 000 (before 210 500 ≥ 209 000: C), 3 000, 1 500; Foxtrot loses money: C.
    const classes = Object.fromEntries(rows.map((r) => [r.range.name, r.abc]));
    expect(classes).toEqual({
      Alpha: "A",
      Bravo: "A",
      Charlie: "B",
      Delta: "A",
      Echo: "A",
      Foxtrot: "C",
      "Golf Élite": "B",
      Hotel: "C",
      India: "C",
      Juliet: "C",
    });
  });

  it("gives margin and cumulative shares of the positive margin, ties in sheet order", () => {
    expect(row.Alpha.marginShare).toBeCloseTo(90000 / 220000, 12);
    expect(row.Alpha.cumulativeShare).toBeCloseTo(90000 / 220000, 12);
    expect(row.Bravo.cumulativeShare).toBeCloseTo(150000 / 220000, 12);
    expect(row.Delta.cumulativeShare).toBeCloseTo(170000 / 220000, 12);
    // Echo crosses the 80 % line (86.4 %) yet is A: the range that crosses belongs to the class above.
    expect(row.Echo.cumulativeShare).toBeCloseTo(190000 / 220000, 12);
    expect(row.Charlie.cumulativeShare).toBeCloseTo(202500 / 220000, 12);
    expect(row.Juliet.cumulativeShare).toBe(1);
    expect(row.Foxtrot.marginShare).toBeNull();
    expect(row.Foxtrot.cumulativeShare).toBeNull();
  });

  it("gives the strength levels with cuts at 10 % and 25 % (25 % exactly is strong)", () => {
    const levels = Object.fromEntries(rows.map((r) => [r.range.name, r.strength]));
    expect(levels).toEqual({
      Alpha: "High", // 30 %
      Bravo: "Medium", // 15 %
      Charlie: "Medium", // 12 %
      Delta: "High", // 25 %
      Echo: "Low", // 8 %
      Foxtrot: "Medium", // 20 %
      "Golf Élite": "Low", // 6 %
      Hotel: null, // no market volume
      India: "High", // 30 %
      Juliet: "Low", // 5 %
    });
  });

  it("places each range in its nine-box cell and zone", () => {
    const placed = Object.fromEntries(
      rows.map((r) => [r.range.name, [r.attractiveness, r.cell, r.zone]])
    );
    expect(placed).toEqual({
      Alpha: ["High", "Protect position", "Invest / grow"],
      Bravo: ["High", "Invest to build", "Invest / grow"],
      Charlie: ["Medium", "Selectivity / manage for earnings", "Selectivity"],
      Delta: ["High", "Protect position", "Invest / grow"],
      Echo: ["High", "Build selectively", "Selectivity"],
      Foxtrot: ["Low", "Manage for earnings", "Harvest / divest"],
      "Golf Élite": ["Medium", "Limited expansion or harvest", "Harvest / divest"],
      Hotel: ["Low", null, null],
      India: ["Low", "Protect and refocus", "Selectivity"],
      Juliet: ["Low", "Divest", "Harvest / divest"],
    });
  });

  it("orders the Pareto bars by margin, ties in sheet order, loss-making range out", () => {
    expect(paretoRows(rows).map((r) => r.range.name)).toEqual([
      "Alpha",
      "Bravo",
      "Delta",
      "Echo",
      "Charlie",
      "Golf Élite",
      "Hotel",
      "India",
      "Juliet",
    ]);
  });

  it("fills the nine-box grid, every placed range in exactly one cell", () => {
    const boxes = nineBoxContents(rows);
    expect(boxes).toHaveLength(9);
    const inside = Object.fromEntries(
      boxes.map((b) => [b.cell + " / " + b.attractiveness, b.rows.map((r) => r.range.name)])
    );
    expect(inside["Protect position / High"]).toEqual(["Alpha", "Delta"]);
    expect(inside["Build selectively / High"]).toEqual(["Echo"]);
    expect(inside["Build selectively / Medium"]).toEqual([]);
    expect(boxes.reduce((n, b) => n + b.rows.length, 0)).toBe(9); // Hotel has no place
  });
});

describe("the matrix follows its settings", () => {
  const settings = (changes: Partial<MatrixSettings>): MatrixSettings => ({
    ...DEFAULT_MATRIX_SETTINGS,
    ...changes,
  });

  it("stop the matrix when wrong", () => {
    expect(() => portfolioMatrix([], settings({ strengthCuts: { low: 0.3, high: 0.2 } }))).toThrow(
      RangeError
    );
  });

  it("follow the user's ABC shares", () => {
    const ranges = [50, 30, 15, 5].map((margin, i) => productRange({ name: `R${i}`, margin }));
    expect(portfolioMatrix(ranges).map((r) => r.abc)).toEqual(["A", "A", "B", "C"]);
    expect(
      portfolioMatrix(ranges, settings({ abcShares: { a: 0.5, b: 0.8 } })).map((r) => r.abc)
    ).toEqual(["A", "B", "C", "C"]);
  });
});

describe("the matrix", () => {
  it("classes Heizer & Render's chips example A A A B B C C C C C", () => {
    const margins = [90000, 77000, 26350, 15001, 12500, 8502, 1200, 850, 504, 150];
    const rows = portfolioMatrix(
      margins.map((margin, i) => productRange({ name: `Chip ${i}`, margin }))
    );
    expect(rows.map((r) => r.abc).join("")).toBe("AAABBCCCCC");
  });

  it("leaves a range without margin unclassified and out of the shares", () => {
    const rows = portfolioMatrix([
      productRange({ name: "A", margin: 100, marketShare: 0.3 }),
      productRange({ name: "B", margin: null, marketShare: 0.3 }),
    ]);
    expect(rows[1]).toMatchObject({
      abc: null,
      attractiveness: null,
      marginShare: null,
      cell: null,
      zone: null,
    });
    expect(rows[1].strength).toBe("High");
    expect(rows[0].marginShare).toBe(1);
  });

  it("classes every range C, with no shares, when no range makes money", () => {
    const rows = portfolioMatrix([
      productRange({ name: "A", margin: -10 }),
      productRange({ name: "B", margin: 0 }),
    ]);
    expect(rows.map((r) => [r.abc, r.marginShare, r.cumulativeShare])).toEqual([
      ["C", null, null],
      ["C", null, null],
    ]);
  });

  it("with the relative measure, divides the share by the largest competitor's share", () => {
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
    expect(rows.map((r) => r.strength)).toEqual(["High", "Medium", "Low", null]);
    expect(rows[0].relativeShare).toBeCloseTo(1.2, 12);
    expect(rows[3]).toMatchObject({
      relativeShare: null,
      strengthValue: null,
      cell: null,
      zone: null,
    });
    // The same ranges by market share: 30 % and 40 % strong, 10 % medium, 5 % weak.
    expect(portfolioMatrix(ranges).map((r) => r.strength)).toEqual([
      "High",
      "Medium",
      "Low",
      "High",
    ]);
    // CarnetMatrix's two extra columns: test/domain/matrixTable.test.ts.
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Invariants

/** Margins with many ties, losses, zeros and blanks, as real tables have. */
const marginArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 12 }).map((k) => k * 1000) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(null) }
);
const rangesArb = fc
  .array(
    fc.record({ margin: marginArb, share: fc.option(fc.double({ min: 0, max: 1, noNaN: true })) }),
    {
      maxLength: 25,
    }
  )
  .map((items) =>
    items.map((item, i) =>
      productRange({ name: `R${i}`, row: i, margin: item.margin, marketShare: item.share })
    )
  );
/** The ranges and a permutation of them. */
const shuffledArb = rangesArb.chain((ranges) =>
  fc.array(fc.double({ noNaN: true }), { minLength: ranges.length, maxLength: ranges.length }).map(
    (keys) =>
      [
        ranges,
        ranges
          .map((r, i) => [keys[i], r] as const)
          .sort((x, y) => x[0] - y[0])
          .map(([, r]) => r),
      ] as const
  )
);

describe("why a range is not on the matrix", () => {
  const relative: MatrixSettings = {
    ...DEFAULT_MATRIX_SETTINGS,
    measure: "relative",
    strengthCuts: DEFAULT_STRENGTH_CUTS.relative,
  };

  it("names the missing market share, the missing margin, or both", () => {
    const rows = portfolioMatrix([
      productRange({ name: "No share", margin: 100 }),
      productRange({ name: "No margin", marketShare: 0.3 }),
      productRange({ name: "Neither" }),
    ]);
    expect(rows.map(unplacedReason)).toEqual([
      "no market share",
      "no margin",
      "no market share and no margin",
    ]);
  });

  // A bug fixed: with the relative measure, a range whose own share is known but whose leader's share is not
  // was said to have "no market share", sending the user to fill a cell that is already filled.
  it("says the leader's share is missing when only it is, and what to fill", () => {
    const rows = portfolioMatrix(
      [
        productRange({ name: "No leader", margin: 100, marketShare: 0.3 }),
        productRange({ name: "Neither", marketShare: 0.3 }),
        productRange({ name: "No share", margin: 100, leaderShare: 0.4 }),
      ],
      relative
    );
    expect(rows.map(unplacedReason)).toEqual([
      "no leader share: give the largest competitor's share in the Leader share column",
      "no leader share and no margin: give the largest competitor's share in the Leader share column",
      "no market share",
    ]);
  });
});

describe("invariants", () => {
  it("classes, cells and zones do not depend on row order", () => {
    fc.assert(
      fc.property(shuffledArb, ([ranges, shuffled]) => {
        const placed = (rows: ReturnType<typeof portfolioMatrix>) =>
          Object.fromEntries(rows.map((r) => [r.range.name, [r.abc, r.cell, r.zone]]));
        expect(placed(portfolioMatrix(shuffled))).toEqual(placed(portfolioMatrix(ranges)));
      })
    );
  });

  it("margin shares sum to 1 over the positive margins", () => {
    fc.assert(
      fc.property(rangesArb, (ranges) => {
        const rows = portfolioMatrix(ranges);
        const shared = rows.filter((r) => r.marginShare !== null);
        expect(shared.length).toBe(ranges.filter((r) => r.margin !== null && r.margin > 0).length);
        if (shared.length > 0)
          expect(shared.reduce((s, r) => s + (r.marginShare ?? 0), 0)).toBeCloseTo(1, 9);
      })
    );
  });

  it("cumulative share never falls in margin-descending order and ends at exactly 1", () => {
    fc.assert(
      fc.property(rangesArb, (ranges) => {
        const pareto = paretoRows(portfolioMatrix(ranges));
        for (let i = 1; i < pareto.length; i++) {
          expect(pareto[i].range.margin!).toBeLessThanOrEqual(pareto[i - 1].range.margin!);
          expect(pareto[i].cumulativeShare!).toBeGreaterThanOrEqual(pareto[i - 1].cumulativeShare!);
        }
        if (pareto.length > 0) expect(pareto[pareto.length - 1].cumulativeShare).toBe(1);
      })
    );
  });

  it("a larger margin never has a lower class", () => {
    fc.assert(
      fc.property(rangesArb, (ranges) => {
        const rows = portfolioMatrix(ranges).filter((r) => r.abc !== null);
        for (const x of rows)
          for (const y of rows)
            if (x.range.margin! > y.range.margin!) expect(x.abc! <= y.abc!).toBe(true); // "A" < "B" < "C"
      })
    );
  });
});
