import fc from "fast-check";
import { serialFromYmd } from "../../src/domain/dates";
import { type Deal, FORECAST_CATEGORIES } from "../../src/domain/deal";
import { InputProblem } from "../../src/domain/grid";
import { type PeriodFilter, periodOf } from "../../src/domain/pipeline";
import {
  type Comparison,
  compareSnapshots,
  dealKey,
  type Snapshot,
  SNAPSHOT_COLUMNS,
  type SnapshotDeal,
  snapshotFromDeals,
  snapshotLabel,
  snapshotRows,
  snapshotsFromRows,
  snapshotWeightedTotal,
} from "../../src/domain/snapshots";

const day = (y: number, m: number, d: number) => serialFromYmd(y, m, d);
const quarter = periodOf(day(2003, 4, 4), "quarter");
/** Q2 2003: 1 April to 30 June, both inclusive. */
const Q2: PeriodFilter = { from: quarter.start, to: quarter.end };

function deal(
  names: string,
  closeDate: number | null,
  amount: number | null,
  probability: number | null,
  more: Partial<SnapshotDeal> = {}
): SnapshotDeal {
  const [company, contact, product] = names.split(" / ").map((s) => (s === "" ? null : s));
  return {
    id: null,
    company: company ?? null,
    contact: contact ?? null,
    product: product ?? null,
    closeDate,
    amount,
    probability,
    owner: null,
    stage: null,
    category: null,
    ...more,
  };
}

const snapshot = (label: string, takenAt: number, deals: SnapshotDeal[]): Snapshot => ({
  label,
  takenAt,
  deals,
});

const byLabel = (comparison: Comparison) =>
  Object.fromEntries(comparison.changes.map((c) => [c.label, c]));

// ---------------------------------------------------------------------------------------------------------------
// A worked example: one deal of each kind, the first three the handbook's Tableau 399 (4 200 € weighted).

const before = snapshot("Week 14", day(2003, 4, 4) + 0.5, [
  deal("Alpha. / Mr. X. / Produit A.", day(2003, 4, 4), 1000, 0.2),
  deal("Bêta. / Mr. Y. / Produit B.", day(2003, 4, 3), 2000, 0.5),
  deal("Gamma. / Mme. Z. / Produit C.", day(2003, 4, 3), 4000, 0.75),
  deal("Delta / Mr. D / Produit A", day(2003, 5, 15), 3000, 0.4),
  deal("Epsilon / Ms. E / Produit B", day(2003, 6, 20), 1500, 0.6),
  deal("Zeta / Mr. F / Produit C", day(2003, 7, 15), 2500, 0.2),
  deal("Eta / Mr. G / Produit A", day(2003, 4, 30), 6000, 0.5),
  deal("Theta / Ms. H / Produit B", day(2003, 5, 5), 800, 0.25),
  deal("Iota / Mr. I / Produit C", day(2003, 5, 20), 1200, 0.8),
  deal("Kappa / Ms. K / Produit A", day(2003, 6, 1), 700, 0.4),
  deal("Mu / Mr. M / Produit B", day(2003, 6, 10), 1000, 0.3, { category: "Commit" }),
  deal("Nu / Ms. N / Produit C", day(2003, 4, 15), 2000, 0, { category: "Lost" }),
  deal("Xi / Mr. O / Produit A", day(2003, 6, 30), 10000, 0.5),
]);

const after = snapshot("Week 15", day(2003, 4, 11) + 0.5, [
  deal("Alpha. / Mr. X. / Produit A.", day(2003, 4, 4), 1000, 0.2), // unchanged
  deal("Bêta. / Mr. Y. / Produit B.", day(2003, 4, 3), 2000, 1, { category: "Won" }),
  deal("Gamma. / Mme. Z. / Produit C.", day(2003, 4, 3), 5000, 0.75), // amount up
  deal("Delta / Mr. D / Produit A", day(2003, 5, 15), 3000, 0, { category: "Lost" }),
  deal("Epsilon / Ms. E / Produit B", day(2003, 7, 10), 1500, 0.6), // June → July
  deal("Zeta / Mr. F / Produit C", day(2003, 6, 1), 2500, 0.2), // July → June
  deal("Eta / Mr. G / Produit A", day(2003, 4, 30), 4000, 0.5), // amount down
  deal("Theta / Ms. H / Produit B", day(2003, 5, 5), 800, 0.75), // probability up
  deal("Iota / Mr. I / Produit C", day(2003, 5, 20), 1200, 0.3), // probability down
  // Kappa is gone.
  deal("Lambda / Mr. L / Produit B", day(2003, 5, 25), 900, 0.5), // new
  deal("Mu / Mr. M / Produit B", day(2003, 6, 10), 1000, 0.3, { category: "Omitted" }),
  deal("Nu / Ms. N / Produit C", day(2003, 4, 15), 2000, 0.25, { category: "Pipeline" }),
  deal("Xi / Mr. O / Produit A", day(2003, 6, 30), 12000, 0.4), // amount up and probability down
]);

describe("comparing two snapshots over a period (worked example, Q2 2003)", () => {
  const comparison = compareSnapshots(before, after, Q2);

  it("weights open deals in the period: the handbook's 4 200 € is the first three deals", () => {
    expect(snapshotWeightedTotal(snapshot("h", 1, before.deals.slice(0, 3)))).toBeCloseTo(4200, 9);
    // 200 + 1 000 + 3 000 + 1 200 + 900 + 3 000 + 200 + 960 + 280 + 300 + 5 000;
    // Zeta (July) and Nu (lost) are out.
    expect(comparison.weightedBefore).toBeCloseTo(16040, 9);
    // 200 + 3 750 + 500 + 2 000 + 600 + 360 + 450 + 500 + 4 800.
    expect(comparison.weightedAfter).toBeCloseTo(13160, 9);
  });

  it("classifies each deal, several kinds when several things moved; a deal won or lost is listed as that alone", () => {
    const kinds = Object.fromEntries(comparison.changes.map((c) => [c.label, c.kinds]));
    expect(kinds).toEqual({
      "Alpha / Mr. X / Produit A": ["unchanged"],
      "Bêta / Mr. Y / Produit B": ["won"],
      "Gamma / Mme. Z / Produit C": ["amount up"],
      "Delta / Mr. D / Produit A": ["lost"],
      "Epsilon / Ms. E / Produit B": ["slipped out"],
      "Zeta / Mr. F / Produit C": ["pulled in"],
      "Eta / Mr. G / Produit A": ["amount down"],
      "Theta / Ms. H / Produit B": ["probability up"],
      "Iota / Mr. I / Produit C": ["probability down"],
      "Lambda / Mr. L / Produit B": ["new"],
      "Mu / Mr. M / Produit B": ["omitted"],
      "Nu / Ms. N / Produit C": ["reopened", "probability up"],
      "Xi / Mr. O / Produit A": ["amount up", "probability down"],
      "Kappa / Ms. K / Produit A": ["removed"],
    });
    // The later snapshot's order, the removed deal last.
    expect(comparison.changes.map((c) => c.label).at(-1)).toBe("Kappa / Ms. K / Produit A");
    expect(comparison.changes[0].label).toBe("Alpha / Mr. X / Produit A");
  });

  it("splits the move of the weighted total into steps computed by hand", () => {
    const steps = comparison.waterfall.map((s) => [s.kind, s.deals]);
    expect(steps).toEqual([
      ["new", 1],
      ["removed", 1],
      ["won", 1],
      ["lost", 1],
      ["omitted", 1],
      ["reopened", 1],
      ["slipped out", 1],
      ["pulled in", 1],
      ["amount up", 2],
      ["amount down", 1],
      ["probability up", 1],
      ["probability down", 2],
    ]);
    const delta = Object.fromEntries(comparison.waterfall.map((s) => [s.kind, s.delta]));
    const byHand: Record<string, number> = {
      new: 900 * 0.5, // Lambda
      removed: -700 * 0.4, // Kappa
      won: -2000 * 0.5, // Bêta leaves the open pipeline whatever its new probability
      lost: -3000 * 0.4, // Delta
      omitted: -1000 * 0.3, // Mu
      reopened: 2000 * 0.25, // Nu
      "slipped out": -1500 * 0.6, // Epsilon
      "pulled in": 2500 * 0.2, // Zeta
      "amount up": 1000 * 0.75 + 2000 * 0.5, // Gamma; Xi's +2 000 at its old 50 %
      "amount down": -2000 * 0.5, // Eta
      "probability up": 800 * 0.5, // Theta
      "probability down": -1200 * 0.5 - 12000 * 0.1, // Iota; Xi's −10 points on its new 12 000
    };
    for (const [kind, value] of Object.entries(byHand)) expect(delta[kind]).toBeCloseTo(value, 9);
    const sum = comparison.waterfall.reduce((s, step) => s + step.delta, 0);
    expect(sum).toBeCloseTo(13160 - 16040, 9);
  });

  it("gives each deal its own weighted amounts and steps, for drilling into a bar", () => {
    const xi = byLabel(comparison)["Xi / Mr. O / Produit A"];
    expect(xi.weightedBefore).toBeCloseTo(5000, 9);
    expect(xi.weightedAfter).toBeCloseTo(4800, 9);
    expect(xi.steps.map((s) => s.kind)).toEqual(["amount up", "probability down"]);
    expect(xi.steps[0].delta).toBeCloseTo(1000, 9);
    expect(xi.steps[1].delta).toBeCloseTo(-1200, 9);
    const alpha = byLabel(comparison)["Alpha / Mr. X / Produit A"];
    expect(alpha.steps).toEqual([]);
    expect(alpha.matchedBy).toBe("names");
  });

  it("refuses a period that ends before it starts", () => {
    expect(() => compareSnapshots(before, after, { from: Q2.to, to: Q2.from })).toThrow(
      InputProblem
    );
  });
});

describe("comparing without a period", () => {
  const comparison = compareSnapshots(before, after);

  it("counts every open deal, whatever its close date", () => {
    expect(comparison.weightedBefore).toBeCloseTo(16040 + 2500 * 0.2, 9); // Zeta (July) now counts
    expect(comparison.weightedAfter).toBeCloseTo(13160 + 1500 * 0.6, 9); // and Epsilon (July)
  });

  it("calls a move to a later quarter a slip, but moves nothing in the waterfall for it", () => {
    const changes = byLabel(comparison);
    expect(changes["Epsilon / Ms. E / Produit B"].kinds).toEqual(["slipped out"]);
    expect(changes["Zeta / Mr. F / Produit C"].kinds).toEqual(["pulled in"]);
    expect(changes["Epsilon / Ms. E / Produit B"].steps).toEqual([]);
    const kinds = comparison.waterfall.map((s) => s.kind);
    expect(kinds).not.toContain("slipped out");
    expect(kinds).not.toContain("pulled in");
    const sum = comparison.waterfall.reduce((s, step) => s + step.delta, 0);
    expect(sum).toBeCloseTo(comparison.weightedAfter - comparison.weightedBefore, 9);
  });

  it("does not call a move within the quarter a slip, unless asked for months", () => {
    const early = snapshot("a", 1, [deal("Alpha / Mr. X / Produit A", day(2003, 4, 4), 1000, 0.2)]);
    const late = snapshot("b", 2, [deal("Alpha / Mr. X / Produit A", day(2003, 5, 25), 1000, 0.2)]);
    expect(compareSnapshots(early, late).changes[0].kinds).toEqual(["unchanged"]);
    expect(
      compareSnapshots(early, late, undefined, { slipPeriod: "month" }).changes[0].kinds
    ).toEqual(["slipped out"]);
    expect(
      compareSnapshots(late, early, undefined, { slipPeriod: "month" }).changes[0].kinds
    ).toEqual(["pulled in"]);
  });

  it("reads Won and Lost from the stage when the deal has no category", () => {
    const open = snapshot("a", 1, [deal("Alpha / Mr. X / Produit A", null, 1000, 0.6)]);
    const won = snapshot("b", 2, [
      deal("Alpha / Mr. X / Produit A", null, 1000, 0.6, { stage: "Closed won" }),
    ]);
    const comparison = compareSnapshots(open, won);
    expect(comparison.changes[0].kinds).toEqual(["won"]);
    expect(comparison.weightedAfter).toBe(0);
    expect(comparison.waterfall).toEqual([{ kind: "won", label: "Won", delta: -600, deals: 1 }]);
  });
});

describe("matching deals across snapshots", () => {
  it("keys on the id, else on company + contact + product without case, accents or full stops", () => {
    expect(dealKey(deal("Alpha / Mr. X / Produit A", null, 1, 1, { id: " OPP-7 " }))).toBe(
      "id:opp-7"
    );
    expect(dealKey(deal("Alpha. / Mr. X. / Produit A.", null, 1, 1))).toBe(
      "ccp:alpha|mr. x|produit a"
    );
    expect(dealKey(deal("ALPHA / mr. x / produit a", null, 1, 1))).toBe(
      "ccp:alpha|mr. x|produit a"
    );
    expect(dealKey(deal("Bêta / Mr. Y / ", null, 1, 1))).toBe("ccp:beta|mr. y|");
    expect(dealKey(deal(" /  / ", null, 1, 1))).toBeNull();
    // A separator inside a name cannot make two different deals look the same.
    expect(dealKey(deal("A|B / C / ", null, 1, 1))).not.toBe(
      dealKey(deal("A / B|C / ", null, 1, 1))
    );
  });

  it("matches the handbook's 'Alpha.' with a later 'ALPHA', 'Bêta' with 'Beta'", () => {
    const then = snapshot("a", 1, [
      deal("Alpha. / Mr. X. / Produit A.", null, 1000, 0.2),
      deal("Bêta. / Mr. Y. / Produit B.", null, 2000, 0.5),
    ]);
    const now = snapshot("b", 2, [
      deal("ALPHA / mr. x / produit a", null, 1000, 0.2),
      deal("Beta / Mr. Y / Produit B", null, 2000, 0.5),
    ]);
    const comparison = compareSnapshots(then, now);
    expect(comparison.changes.map((c) => [c.kinds, c.matchedBy])).toEqual([
      [["unchanged"], "names"],
      [["unchanged"], "names"],
    ]);
    expect(comparison.changes[0].label).toBe("ALPHA / mr. x / produit a"); // the later names
  });

  it("matches by id even when the names changed, and never matches two different ids", () => {
    const then = snapshot("a", 1, [
      deal("Alpha / Mr. X / Produit A", null, 1000, 0.2, { id: "OPP-1" }),
      deal("Gamma / Mme. Z / Produit C", null, 4000, 0.75, { id: "OPP-3" }),
    ]);
    const now = snapshot("b", 2, [
      deal("Alpha SA / Mr. X / Produit A", null, 1000, 0.2, { id: "opp-1" }),
      deal("Gamma / Mme. Z / Produit C", null, 4000, 0.75, { id: "OPP-4" }),
    ]);
    const changes = compareSnapshots(then, now).changes;
    expect(changes.map((c) => [c.label, c.kinds, c.matchedBy])).toEqual([
      ["Alpha SA / Mr. X / Produit A [opp-1]", ["unchanged"], "id"],
      ["Gamma / Mme. Z / Produit C [OPP-4]", ["new"], null],
      ["Gamma / Mme. Z / Produit C [OPP-3]", ["removed"], null],
    ]);
  });

  it("matches by names when the Id column was added between the snapshots, if unambiguous", () => {
    const then = snapshot("a", 1, [
      deal("Alpha / Mr. X / Produit A", null, 1000, 0.2),
      deal("Gamma / Mme. Z / Produit C", null, 4000, 0.75),
    ]);
    const now = snapshot("b", 2, [
      deal("Alpha / Mr. X / Produit A", null, 1000, 0.5, { id: "OPP-1" }),
      // Two Gamma deals with ids: which one was the Gamma deal before? Not guessed.
      deal("Gamma / Mme. Z / Produit C", null, 4000, 0.75, { id: "OPP-3" }),
      deal("Gamma / Mme. Z / Produit C", null, 500, 0.75, { id: "OPP-5" }),
    ]);
    const changes = compareSnapshots(then, now).changes;
    expect(changes.map((c) => [c.key, c.kinds, c.matchedBy])).toEqual([
      ["ccp:alpha|mr. x|produit a", ["probability up"], "names"],
      ["id:opp-3", ["new"], null],
      ["id:opp-5", ["new"], null],
      ["ccp:gamma|mme. z|produit c", ["removed"], null],
    ]);
  });

  it("reports duplicates with their rows and pairs them in order of appearance", () => {
    const then = snapshot("a", 1, [
      deal("Alpha / Mr. X / Produit A", null, 1000, 0.2, { row: 4 }),
      deal("Bêta / Mr. Y / Produit B", null, 2000, 0.5, { row: 5 }),
      deal("alpha. / Mr. X / Produit A.", null, 500, 0.2, { row: 6 }),
    ]);
    const now = snapshot("b", 2, [
      deal("Alpha / Mr. X / Produit A", null, 1000, 0.2),
      deal("Bêta / Mr. Y / Produit B", null, 2000, 0.5),
      deal("Alpha / Mr. X / Produit A", null, 800, 0.2),
    ]);
    const comparison = compareSnapshots(then, now);
    expect(comparison.duplicates).toEqual([
      { snapshot: "before", key: "ccp:alpha|mr. x|produit a", rows: [4, 6] },
      // Without row numbers on the deals, their positions in the snapshot.
      { snapshot: "after", key: "ccp:alpha|mr. x|produit a", rows: [0, 2] },
    ]);
    expect(comparison.changes.map((c) => [c.kinds, c.matchedBy])).toEqual([
      [["unchanged"], "order"],
      [["unchanged"], "names"],
      [["amount up"], "order"],
    ]);
    expect(comparison.waterfall).toEqual([
      { kind: "amount up", label: "Amount up", delta: 300 * 0.2, deals: 1 },
    ]);
  });

  it("reports deals nothing identifies, and pairs them in order too", () => {
    const anonymous = snapshot("a", 1, [
      deal(" /  / ", null, 1000, 0.2),
      deal(" /  / ", null, 50, 1),
    ]);
    const comparison = compareSnapshots(anonymous, anonymous);
    expect(comparison.unidentified).toEqual([
      { snapshot: "before", rows: [0, 1] },
      { snapshot: "after", rows: [0, 1] },
    ]);
    expect(comparison.duplicates).toEqual([]);
    expect(comparison.changes.map((c) => [c.label, c.kinds, c.matchedBy])).toEqual([
      ["(unidentified deal)", ["unchanged"], "order"],
      ["(unidentified deal)", ["unchanged"], "order"],
    ]);
  });

  it("finds only unchanged deals and an empty waterfall when a snapshot meets itself", () => {
    for (const s of [before, after]) {
      const comparison = compareSnapshots(s, s, Q2);
      expect(comparison.changes).toHaveLength(s.deals.length);
      expect(new Set(comparison.changes.flatMap((c) => c.kinds))).toEqual(new Set(["unchanged"]));
      expect(comparison.waterfall).toEqual([]);
      expect(comparison.weightedAfter).toBe(comparison.weightedBefore);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("the CarnetSnapshots table", () => {
  const takenAt = day(2003, 4, 4) + (10 * 60 + 30) / 1440; // 4 April 2003, 10:30

  it("has stable column names, users' formulas depend on them", () => {
    expect(SNAPSHOT_COLUMNS).toEqual([
      "Snapshot",
      "Taken at",
      "Id",
      "Company",
      "Contact",
      "Product",
      "Close date",
      "Amount",
      "Probability",
      "Weighted amount",
      "Owner",
      "Stage",
      "Forecast category",
    ]);
  });

  it("writes one row per deal; the weighted amounts of a snapshot add up to its weighted total", () => {
    const s = snapshot("Handbook", takenAt, [
      deal("Alpha / Mr. X / Produit A", day(2003, 4, 4), 1000, 0.2, { id: "1", owner: "Ann" }),
      deal("Bêta / Mr. Y / Produit B", day(2003, 4, 3), 2000, 0.5),
      deal("Gamma / Mme. Z / Produit C", day(2003, 4, 3), 4000, 0.75, { category: "Commit" }),
      deal("Delta / Mr. D / Produit A", day(2003, 4, 1), 9000, 1, { category: "Won" }),
      deal("Eta / Mr. G / Produit A", null, 3000, null),
    ]);
    const rows = snapshotRows(s);
    expect(rows[0]).toEqual([
      "Handbook",
      takenAt,
      "1",
      "Alpha",
      "Mr. X",
      "Produit A",
      day(2003, 4, 4),
      1000,
      0.2,
      200,
      "Ann",
      null,
      null,
    ]);
    const weighted = rows.map((r) => r[SNAPSHOT_COLUMNS.indexOf("Weighted amount")]);
    expect(weighted).toEqual([200, 1000, 3000, null, null]); // won: not open; no probability: blank
    const sum = weighted.reduce<number>((t, w) => t + (typeof w === "number" ? w : 0), 0);
    expect(sum).toBeCloseTo(4200, 9);
    expect(snapshotWeightedTotal(s)).toBeCloseTo(4200, 9);
  });

  it("reads its rows back, grouped by snapshot and in time order", () => {
    const first = snapshot("Week 14", takenAt, [
      deal("Alpha. / Mr. X. / Produit A.", day(2003, 4, 4), 1000, 0.2, {
        id: "1042",
        stage: "Proposal",
      }),
      deal("Bêta / Mr. Y / ", null, null, 0.5, { owner: "Bob", category: "Best case" }),
    ]);
    const second = snapshot("Week 15", takenAt + 7, [
      deal("Gamma / Mme. Z / Produit C", day(2003, 4, 3), -4000, 0.75, { category: "Lost" }),
    ]);
    const empty = snapshot("Quiet week", takenAt + 14, []);
    const rows = [...snapshotRows(second), ...snapshotRows(empty), ...snapshotRows(first)];
    expect(rows).toHaveLength(4); // the empty snapshot keeps one row with its label and time
    const { snapshots, problems } = snapshotsFromRows(rows);
    expect(problems).toEqual([]);
    const withRows = (s: Snapshot, rowsFrom: number) => ({
      ...s,
      deals: s.deals.map((d, i) => ({ ...d, row: rowsFrom + i })),
    });
    expect(snapshots).toEqual([withRows(first, 2), withRows(second, 0), empty]);
  });

  it("reads what a user typed into the table, and reports what it cannot read with the row", () => {
    const row = (...cells: unknown[]) => cells;
    const at = takenAt;
    const { snapshots, problems } = snapshotsFromRows([
      row(
        "W14",
        at,
        1042,
        "Alpha.",
        "Mr. X.",
        "Produit A.",
        "4 avril 2003.",
        "1 000 €",
        "20 %.",
        "",
        "",
        "",
        "commit"
      ),
      row("W14", at, "", "Bêta", "", "", "", "12,500", "50 %", "", "", "", "peut-être"),
      row("", "", "", "", "", "", "", "", "", "", "", "", ""),
      row("", at, "", "Gamma", "", "", "", 4000, 0.75),
      row("W14", at + 1, "", "Delta", "", "", "", 300, 1),
      row("W15", "yesterday", "", "Eta", "", "", "", 300, 1),
    ]);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0].deals).toEqual([
      {
        id: "1042",
        company: "Alpha.",
        contact: "Mr. X.",
        product: "Produit A.",
        closeDate: day(2003, 4, 4),
        amount: 1000,
        probability: 0.2,
        owner: null,
        stage: null,
        category: "Commit",
        row: 0,
      },
      expect.objectContaining({
        company: "Bêta",
        amount: null,
        probability: 0.5,
        category: null,
        row: 1,
      }),
      expect.objectContaining({ company: "Delta", row: 4 }),
    ]);
    expect(problems.map((p) => p.row)).toEqual([1, 1, 3, 4, 5]);
    expect(problems[0].message).toMatch(/^Amount 12,500 is ambiguous.*left blank$/);
    expect(problems[1].message).toMatch(/^Forecast category peut-être is not a forecast category/);
    expect(problems[2].message).toMatch(/^Snapshot is blank/);
    expect(problems[3].message).toMatch(
      /^Taken at 2003-04-05 10:30 differs from the time of snapshot "W14"/
    );
    expect(problems[4].message).toMatch(/^Taken at yesterday /);
  });

  it("says the rows' problems in French, columns by the names the host gives", () => {
    const NBSP = "\u00a0";
    const row = (...cells: unknown[]) => cells;
    const names: Record<string, string> = {
      Snapshot: "Instantané",
      "Taken at": "Pris le",
      Amount: "Montant",
      "Forecast category": "Catégorie de prévision",
    };
    const { snapshots, problems } = snapshotsFromRows(
      [
        row("W14", takenAt, "", "Bêta", "", "", "", "dix", "50 %", "", "", "", "peut-être"),
        row("", takenAt, "", "Gamma", "", "", "", 4000, 0.75),
        row("W14", takenAt + 1, "", "Delta", "", "", "", 300, 1),
        row("W15", "hier", "", "Eta", "", "", "", 300, 1),
        row("W16", 0, "", "Zêta", "", "", "", 300, 1),
      ],
      { language: "fr", columnName: (header) => names[header] ?? header }
    );
    expect(snapshots.map((s) => [s.label, s.deals.map((d) => d.company)])).toEqual([
      ["W14", ["Bêta", "Delta"]],
    ]);
    expect(problems.map((p) => [p.row, p.message])).toEqual([
      [0, `Montant dix n'est pas un nombre${NBSP}: la cellule est lue vide`],
      [
        0,
        "Catégorie de prévision peut-être n'est pas une catégorie de prévision " +
          `(Engagé, Meilleur cas, Pipeline, Exclu, Gagné ou Perdu)${NBSP}: la cellule est lue vide`,
      ],
      [1, `Instantané est vide${NBSP}: la ligne n'appartient à aucun instantané et est écartée`],
      [
        2,
        `Pris le 2003-04-05 10:30 diffère de l'heure de l'instantané "W14" (2003-04-04 10:30)${NBSP}: ` +
          `la ligne reste dans cet instantané${NBSP}; donnez des noms différents aux instantanés différents`,
      ],
      [3, expect.stringMatching(/^Pris le hier n'est pas une date.*: la ligne est écartée$/)],
      [4, `Pris le 0 n'est pas une date et heure d'Excel${NBSP}: la ligne est écartée`],
    ]);
  });

  it("freezes the deals the pipeline reader gives", () => {
    const read: Deal = {
      row: 7,
      id: null,
      closeDate: day(2003, 4, 4),
      company: "Alpha",
      contact: "Mr. X",
      product: "Produit A",
      amount: 1000,
      probability: 0.2,
      probabilitySource: "deal",
      owner: "Ann",
      stage: "Proposal",
      category: "Commit",
      issues: [],
    };
    const s = snapshotFromDeals("W14", takenAt, [read]);
    expect(s).toEqual({
      label: "W14",
      takenAt,
      deals: [
        {
          id: null,
          company: "Alpha",
          contact: "Mr. X",
          product: "Produit A",
          closeDate: day(2003, 4, 4),
          amount: 1000,
          probability: 0.2,
          owner: "Ann",
          stage: "Proposal",
          category: "Commit",
          row: 7,
        },
      ],
    });
  });

  it("labels a snapshot with its time, never reusing a label", () => {
    expect(snapshotLabel(takenAt)).toBe("2003-04-04 10:30");
    expect(snapshotLabel(takenAt, ["2003-04-04 10:30", "2003-04-04 10:30 (2)"])).toBe(
      "2003-04-04 10:30 (3)"
    );
    expect(snapshotLabel(day(2003, 4, 4) + 0.99999)).toBe("2003-04-05 00:00"); // 23:59:59.1 rounds up
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const text = (options: string[]) => fc.option(fc.constantFrom(...options), { nil: null });
const snapshotDeal: fc.Arbitrary<SnapshotDeal> = fc.record({
  // Small pools, so that random snapshots share keys, have duplicates and ids on one side only.
  id: text(["OPP-1", "opp-1", "OPP-2", "3"]),
  company: text(["Alpha", "alpha.", "Bêta", "Gamma"]),
  contact: text(["Mr. X", "Mme. Z"]),
  product: text(["Produit A", "Produit B"]),
  closeDate: fc.option(fc.integer({ min: day(2003, 1, 1), max: day(2003, 12, 31) }), { nil: null }),
  amount: fc.option(fc.integer({ min: -2000, max: 50000 }), { nil: null }),
  probability: fc.option(
    fc.integer({ min: 0, max: 20 }).map((n) => n / 20),
    { nil: null }
  ),
  owner: text(["Ann", "Bob"]),
  stage: text(["Proposal", "Closed won", "Perdu"]),
  category: fc.option(fc.constantFrom(...FORECAST_CATEGORIES), { nil: null }),
});
const snapshotOf = (deals: SnapshotDeal[]) => snapshot("s", 1, deals);
const period: fc.Arbitrary<PeriodFilter | undefined> = fc.option(
  fc
    .tuple(
      fc.integer({ min: day(2003, 1, 1), max: day(2003, 12, 31) }),
      fc.integer({ min: 0, max: 200 })
    )
    .map(([from, length]) => ({ from, to: from + length })),
  { nil: undefined }
);
/** A later snapshot: some deals edited, some dropped, some added. */
const pair = fc
  .tuple(
    fc.array(snapshotDeal, { maxLength: 12 }),
    fc.array(fc.option(snapshotDeal, { nil: null }), { maxLength: 12 }),
    fc.array(fc.constantFrom("keep", "drop", "edit"), { maxLength: 12 }),
    fc.array(snapshotDeal, { maxLength: 4 })
  )
  .map(([deals, edits, fate, added]) => {
    const later: SnapshotDeal[] = [];
    deals.forEach((d, i) => {
      const f = fate[i] ?? "keep";
      const edit = edits[i];
      if (f === "keep") later.push(d);
      else if (f === "edit" && edit)
        later.push({
          ...edit,
          id: d.id,
          company: d.company,
          contact: d.contact,
          product: d.product,
        });
    });
    return [snapshotOf(deals), snapshotOf([...later, ...added])] as const;
  });

describe("properties of the comparison", () => {
  const scale = (s: Snapshot) => 1 + s.deals.reduce((t, d) => t + Math.abs(d.amount ?? 0), 0);

  it("the waterfall always adds up: Σ steps = weighted after − weighted before", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          pair,
          fc
            .tuple(
              fc.array(snapshotDeal, { maxLength: 12 }),
              fc.array(snapshotDeal, { maxLength: 12 })
            )
            .map(([x, y]) => [snapshotOf(x), snapshotOf(y)] as const)
        ),
        period,
        ([x, y], p) => {
          const c = compareSnapshots(x, y, p);
          const tolerance = 1e-9 * (scale(x) + scale(y));
          const steps = c.waterfall.reduce((t, s) => t + s.delta, 0);
          expect(Math.abs(steps - (c.weightedAfter - c.weightedBefore))).toBeLessThan(tolerance);
          expect(Math.abs(c.weightedBefore - snapshotWeightedTotal(x, p))).toBeLessThan(tolerance);
          expect(Math.abs(c.weightedAfter - snapshotWeightedTotal(y, p))).toBeLessThan(tolerance);
          // Every deal is in exactly one change; each change's steps add up to its own move and
          // only use kinds the change has.
          expect(c.changes.filter((ch) => ch.before).length).toBe(x.deals.length);
          expect(c.changes.filter((ch) => ch.after).length).toBe(y.deals.length);
          for (const ch of c.changes) {
            const own = ch.steps.reduce((t, s) => t + s.delta, 0);
            expect(Math.abs(own - (ch.weightedAfter - ch.weightedBefore))).toBeLessThan(tolerance);
            for (const s of ch.steps) expect(ch.kinds).toContain(s.kind);
            expect(ch.kinds.length).toBeGreaterThan(0);
            if (ch.kinds.includes("unchanged")) expect(ch.kinds).toEqual(["unchanged"]);
          }
          expect(c.waterfall.reduce((t, s) => t + s.deals, 0)).toBe(
            c.changes.reduce((t, ch) => t + ch.steps.length, 0)
          );
        }
      )
    );
  });

  it("a snapshot compared with itself is unchanged throughout", () => {
    fc.assert(
      fc.property(fc.array(snapshotDeal, { maxLength: 15 }), period, (deals, p) => {
        const s = snapshotOf(deals);
        const c = compareSnapshots(s, s, p);
        expect(c.changes.every((ch) => ch.kinds.length === 1 && ch.kinds[0] === "unchanged")).toBe(
          true
        );
        expect(c.changes).toHaveLength(deals.length);
        expect(c.waterfall).toEqual([]);
      })
    );
  });

  it("a snapshot written to the table reads back the same", () => {
    fc.assert(
      fc.property(
        fc.array(snapshotDeal, { maxLength: 10 }),
        fc.integer({ min: day(2000, 1, 1) * 1440, max: day(2030, 1, 1) * 1440 }),
        (deals, minute) => {
          const s = snapshot("Week", minute / 1440, deals);
          const { snapshots, problems } = snapshotsFromRows(snapshotRows(s));
          expect(problems).toEqual([]);
          expect(snapshots).toEqual([{ ...s, deals: deals.map((d, row) => ({ ...d, row })) }]);
        }
      )
    );
  });
});
