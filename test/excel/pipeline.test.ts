/**
 * The Excel side of "Build forecast" against the simulated host: what the sales manager sees in the
 * workbook, what stays untouched, and how many round trips it takes.
 */
import { readObjectives, writeForecast } from "../../src/excel/host/forecast";
import { currencyFormatFor } from "../../src/excel/plan/currencyFormat";
import { PIPELINE_COLUMNS } from "../../src/excel/plan/forecastPlan";
import { loadSettings, saveSettings } from "../../src/excel/host/settings";
import { readSource } from "../../src/excel/host/source";
import { sourceChoiceOf, withHeader } from "../../src/excel/plan/source";
import { analysePipeline, harvestIssues } from "../../src/taskpane/pipelineModel";
import { formulaWorkbook, memoryWorkbook, type TestWorkbook } from "../support/excel-host";

const HANDBOOK = [
  ["Date jalon", "Société", "Interlocuteur", "Nature", "Montant", "Probabilité"],
  ["4 avril 2003.", "Alpha.", "Mr. X.", "Produit A.", "1 000 €", "20 %."],
  ["3 avril 2003.", "Bêta.", "Mr. Y.", "Produit B.", "2 000 €", "50 %."],
  ["3 avril 2003", "Gamma.", "Mme. Z.", "Produit C.", "4 000 €", "75 %."],
  ["Total probabilisé du carnet commercial", null, null, null, null, "4 200 €"],
];

let book: TestWorkbook;
afterEach(() => book?.dispose());

async function buildFrom(choice: Parameters<typeof readSource>[0]) {
  const source = await readSource(choice);
  const analysis = analysePipeline(source, (await loadSettings()).settings);
  const result = await writeForecast({
    source,
    mapping: analysis.mapping,
    deals: analysis.reading.deals,
    periodKind: "semester",
    objectives: await readObjectives(),
    stamp: "2026-11-26 10:00",
    currencyFormat: currencyFormatFor(source, [analysis.mapping.amount], 2),
  });
  return { source, analysis, result };
}

function tableValues(name: string) {
  const info = book.host.tables().find((t) => t.name === name)!;
  const [sheet, range] = [info.sheet, info.address.split("!").pop()!];
  return { info, rows: book.values(sheet, range) };
}

describe("reading the user's sales table", () => {
  it("finds the handbook's table around the selection and reports its total row by address", async () => {
    book = formulaWorkbook({ Carnet: HANDBOOK as never });
    book.host.selection.set("Carnet", "C3");
    const source = await readSource({ kind: "auto" });
    expect(source).toMatchObject({
      kind: "range",
      sheet: "Carnet",
      address: "Carnet!A1:F5",
      row: 0,
      col: 0,
    });
    const analysis = analysePipeline(source, {});
    expect(analysis.reading.deals).toHaveLength(3);
    expect(analysis.headline.weighted).toBeCloseTo(4200);
    expect(analysis.report).toEqual([
      expect.objectContaining({ kind: "total", address: "Carnet!A5:F5" }),
    ]);
  });

  it("names the cell of every problem in a messy French workbook", async () => {
    book = formulaWorkbook({
      Ventes: [
        ["Société", "Nature", "Montant", "Probabilité", "Date jalon"],
        ["Alpha", "Produit A", "1 000 €", "20 %", "4 avril 2003"],
        [null, null, null, null, null],
        ["Bêta", "Produit B", "1,000", "50 %", "3 avril 2003"],
        ["Gamma", "Produit C", "2 000 €", 75, "bientôt"],
        ["Sous-total", null, "3 000 €", null, null],
        ["Delta", "Produit A", "500 €", "10 %", "2003-05-02"],
      ] as never,
    });
    book.host.selection.set("Ventes", "A1");
    const analysis = analysePipeline(await readSource({ kind: "auto" }), {});
    expect(analysis.report.map((l) => l.text)).toEqual([
      expect.stringMatching(/^Amount 1,000 at Ventes!C4 is ambiguous/),
      "Close date bientôt at Ventes!E5 is not a date: write it as 2003-04-04 or 4 avril 2003",
      "Probability 75 at Ventes!D5 is above 1: write 75% or 0.75",
      expect.stringMatching(/^Row at Ventes!A6:E6 is a total or subtotal row/),
    ]);
    expect(analysis.reading.blankRows).toBe(1);
  });

  it("reads 1,048,576 rows in blocks: no request or response over 5 MB, syncs grow with blocks not rows", async () => {
    const rows: (string | number)[][] = [
      ["Id", "Company", "Product", "Amount", "Probability", "Close date"],
    ];
    for (let i = 1; i < 1048576; i++)
      rows.push([
        `D${i}`,
        `Company ${i % 997}`,
        `P${i % 13}`,
        1000 + (i % 5000),
        (i % 100) / 100,
        37700 + (i % 365),
      ]);
    book = memoryWorkbook({ Big: rows });
    book.host.selection.set("Big", "B2");
    const phases: number[] = [];
    const source = await readSource({ kind: "auto" }, (_, done) => phases.push(done));
    expect(source.rows).toHaveLength(1048575);
    expect(source.rows[1048574]).toEqual([
      "D1048575",
      `Company ${1048575 % 997}`,
      `P${1048575 % 13}`,
      1000 + (1048575 % 5000),
      0.75,
      37700 + (1048575 % 365),
    ]);
    const stats = book.host.stats();
    expect(stats.largestResponseBytes).toBeLessThan(5 * 1024 * 1024);
    expect(stats.largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
    // About 60 bytes a row → ~70,000 rows per 4 MB block: tens of syncs, not a million.
    expect(stats.syncs).toBeLessThan(40);
    expect(phases.at(-1)).toBe(1048575);
  });
});

describe("Build forecast", () => {
  it("writes the handbook's pipeline and forecast on Carnet's own sheets, leaving the user's sheet untouched", async () => {
    book = formulaWorkbook({ Carnet: HANDBOOK as never });
    const before = book.fingerprint("Carnet");
    book.host.selection.set("Carnet", "B2");
    const { result } = await buildFrom({ kind: "auto" });
    expect(result.live).toBe(false);
    expect(book.host.sheets()).toEqual(["Carnet", "Carnet Pipeline", "Carnet Forecast"]);
    expect(book.fingerprint("Carnet")).toBe(before);

    const pipeline = tableValues("CarnetPipeline");
    expect(pipeline.info.headers).toEqual([...PIPELINE_COLUMNS]);
    expect(pipeline.rows.slice(1).map((r) => [r[2], r[5], r[6], r[7]])).toEqual([
      ["Alpha", 1000, 0.2, 200],
      ["Bêta", 2000, 0.5, 1000],
      ["Gamma", 4000, 0.75, 3000],
    ]);
    const byPeriod = tableValues("CarnetForecastByPeriod");
    expect(byPeriod.rows[1].slice(0, 6)).toEqual(["2003-S1", 37622, 37802, 3, 7000, 4200]);
    const chart = book.host.charts().find((c) => c.name === "CarnetForecastChart")!;
    // One period: the figures as bars side by side (a line needs two points).
    expect(chart.series.map((s) => [s.name, s.values])).toEqual([
      ["P10", [0]],
      ["Weighted total", [4200]],
      ["P90", [6000]],
      ["Unweighted total", [7000]],
    ]);
  });

  it("keeps deals without a date off the chart's time axis, and draws a single period as bars", async () => {
    book = formulaWorkbook({
      Ventes: [
        ["Date jalon", "Société", "Montant", "Probabilité"],
        ["2027-01-15", "Alpha", 1000, 0.2],
        ["2027-08-10", "Bêta", 2000, 0.5],
        [null, "Gamma", 4000, 0.75], // no close date yet
      ] as never,
    });
    await buildFrom({ kind: "range", address: "Ventes!A1:D4" });
    const periods = tableValues("CarnetForecastByPeriod")
      .rows.slice(1)
      .map((r) => r[0]);
    expect(periods).toEqual(["2027-S1", "2027-S2", "(none)"]); // its own row in the table...
    const chart = book.host.charts().find((c) => c.name === "CarnetForecastChart")!;
    // ...never on the time axis: every series has the two dated periods only.
    expect(chart.series.map((s) => s.values.length)).toEqual([2, 2, 2, 2]);
    expect(chart.series.find((s) => s.name === "Weighted total")!.values).toEqual([200, 1000]);
    // The P10–P90 band (a see-through P10 base, the spread stacked on it) under the totals' lines.
    expect(chart.series.map((s) => [s.name, s.chartType, s.fill])).toEqual([
      ["P10", "AreaStacked", "none"],
      ["P10–P90 spread", "AreaStacked", "#C7E0F4"],
      ["Weighted total", "LineMarkers", undefined],
      ["Unweighted total", "LineMarkers", undefined],
    ]);

    book.dispose();
    book = formulaWorkbook({ Carnet: HANDBOOK as never }); // three deals, all in 2003-Q2
    await buildFrom({ kind: "range", address: "Carnet!A1:F5" });
    const single = book.host.charts().find((c) => c.name === "CarnetForecastChart")!;
    // One period: bars (P10, weighted, P90, unweighted side by side), not four lone dots.
    expect(single.type).toBe("ColumnClustered");
    expect(single.series.map((s) => [s.name, s.chartType, s.values])).toEqual([
      ["P10", undefined, [0]],
      ["Weighted total", undefined, [4200]],
      ["P90", undefined, [6000]],
      ["Unweighted total", undefined, [7000]],
    ]);
  });

  it("replaces only its own output on a second run, keeps objectives, and never touches a user's sheet of the same name", async () => {
    book = formulaWorkbook({
      Carnet: HANDBOOK as never,
      "Carnet Forecast": [["My own notes"]] as never,
    });
    const mine = book.fingerprint("Carnet Forecast");
    book.host.selection.set("Carnet", "B2");
    const first = await buildFrom({ kind: "auto" });
    expect(first.result.sheets["Carnet Forecast"]).toBe("Carnet Forecast (2)");
    // The user types an objective for the semester.
    const byPeriod = book.host.tables().find((t) => t.name === "CarnetForecastByPeriod")!;
    const objectiveCol = byPeriod.headers.indexOf("Objective");
    book.host.backend.setCells("Carnet Forecast (2)", 3, objectiveCol, [[5000]]);
    const userSheets = ["Carnet", "Carnet Forecast"].map((s) => book.fingerprint(s));
    book.host.resetStats();

    await buildFrom({ kind: "auto" });
    expect(book.host.sheets()).toEqual([
      "Carnet",
      "Carnet Forecast",
      "Carnet Pipeline",
      "Carnet Forecast (2)",
    ]);
    expect(["Carnet", "Carnet Forecast"].map((s) => book.fingerprint(s))).toEqual(userSheets);
    expect(book.fingerprint("Carnet Forecast")).toBe(mine);
    const row = tableValues("CarnetForecastByPeriod").rows[1];
    const headers = byPeriod.headers;
    expect(row[headers.indexOf("Objective")]).toBe(5000);
    // Remaining 5 000 needs the 4 000 € deal and one other: 0.75 × (1 − 0.8 × 0.5).
    expect(row[headers.indexOf("Probability of objective")]).toBeCloseTo(0.45);
    expect(row[headers.indexOf("Coverage")]).toBeCloseTo(7000 / 5000);
    expect(book.host.tables().filter((t) => t.name.startsWith("Carnet"))).toHaveLength(4);
    expect(book.host.stats().syncs).toBeLessThan(25);
  });

  it("makes the period figures live formulas over an Excel table, so editing a deal updates the forecast", async () => {
    book = formulaWorkbook({
      Deals: [
        ["Close date", "Company", "Amount", "Probability"],
        ["2003-04-04", "Alpha", "1 000 €", "20 %"],
        ["2003-04-03", "Bêta", "2 000 €", "50 %"],
        ["2003-09-03", "Gamma", "4 000 €", "75 %"],
      ] as never,
    });
    await Excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Deals").tables.add("A1:D4", true);
      table.name = "Deals";
      await context.sync();
    });
    book.host.selection.set("Deals", "B3");
    const { result } = await buildFrom({ kind: "auto" });
    expect(result.live).toBe(true);
    const { info } = tableValues("CarnetForecastByPeriod");
    const weightedCol = info.headers.indexOf("Weighted total");
    const weighted = () =>
      tableValues("CarnetForecastByPeriod")
        .rows.slice(1)
        .map((r) => r[weightedCol]);
    expect(weighted()).toEqual([1200, 3000]);
    expect(String(book.formulas(info.sheet, "F4")[0][0])).toMatch(/^=CARNET\.WEIGHTED_PIPELINE\(/);
    book.host.backend.setCells("Deals", 1, 2, [["3 000 €"]]);
    expect(weighted()).toEqual([1600, 3000]);
  });

  it("fits the tables' columns to the tables, not to the long note line above them", async () => {
    book = formulaWorkbook({ Carnet: HANDBOOK as never });
    await buildFrom({ kind: "range", address: "Carnet!A1:F5" });
    const widths = await Excel.run(async (context) => {
      const found = ["Carnet Pipeline", "Carnet Forecast"].map((name) => {
        const sheet = context.workbook.worksheets.getItem(name);
        const note = sheet.getRange("A1");
        note.load("values");
        const first = sheet.getRange("A3");
        first.load("format/columnWidth");
        return { note, first };
      });
      await context.sync();
      return found.map(({ note, first }) => ({
        note: String(note.values[0][0]).length,
        width: first.format.columnWidth,
      }));
    });
    for (const { note, width } of widths) {
      expect(note).toBeGreaterThan(60); // the note is long...
      expect(width).toBeLessThan(200); // ...and column A is sized for the table's ids and periods
    }
  });

  it("remembers the user's choices in the workbook", async () => {
    book = formulaWorkbook({ Carnet: HANDBOOK as never });
    await saveSettings({ periodKind: "month", probabilityScale: "points" });
    await saveSettings({ dayFirst: true });
    expect(await loadSettings()).toEqual({
      // With the document's language (Office's, English here), worked out on loading, never stored.
      settings: {
        periodKind: "month",
        probabilityScale: "points",
        dayFirst: true,
        documentLanguage: "en",
      },
      dropped: [],
    });
  });
});

describe("snapshots", () => {
  it("appends snapshots to CarnetSnapshots and reads them back for comparison", async () => {
    const { appendSnapshot, readSnapshots } = await import("../../src/excel/host/snapshots");
    const { snapshotFromDeals, compareSnapshots } = await import("../../src/domain/snapshots");
    book = formulaWorkbook({ Carnet: HANDBOOK as never });
    const before = book.fingerprint("Carnet");
    book.host.selection.set("Carnet", "B2");
    const first = analysePipeline(await readSource({ kind: "auto" }), {});
    await appendSnapshot(snapshotFromDeals("Monday", 46000.4, first.reading.deals), "#,##0");
    // The Gamma deal is won by Friday and Alpha's amount doubles.
    book.host.backend.setCells("Carnet", 1, 4, [["2 000 €"]]);
    const second = analysePipeline(await readSource({ kind: "auto" }), {});
    const won = second.reading.deals.map((d) =>
      d.company === "Gamma" ? { ...d, category: "Won" as const } : d
    );
    await appendSnapshot(snapshotFromDeals("Friday", 46004.7, won), "#,##0");

    const { snapshots, problems } = await readSnapshots();
    expect(problems).toEqual([]);
    expect(snapshots.map((s) => [s.label, s.deals.length])).toEqual([
      ["Monday", 3],
      ["Friday", 3],
    ]);
    const comparison = compareSnapshots(snapshots[0], snapshots[1]);
    expect(comparison.weightedBefore).toBeCloseTo(4200);
    expect(comparison.weightedAfter).toBeCloseTo(400 + 1000);
    const kinds = Object.fromEntries(
      comparison.changes.map((c) => [c.label.split(" / ")[0], c.kinds])
    );
    expect(kinds).toEqual({ Alpha: ["amount up"], Bêta: ["unchanged"], Gamma: ["won"] });
    expect(book.fingerprint("Carnet")).not.toBe(before); // the user edited it, not Carnet
    expect(book.host.sheets()).toEqual(["Carnet", "Carnet Snapshots"]);
  });
});

/**
 * A pipeline whose text looks like something else to Excel's typing: an id with leading zeros, a phone
 * number, a product named like a date or a boolean, an owner and a stage that read as a formula or a
 * number. The user's own sheet holds them as text (typed with an apostrophe, or a Text column).
 */
const LOOKALIKES = [
  ["Id", "Close date", "Company", "Contact", "Product", "Amount", "Probability", "Owner", "Stage"],
  ["'00123", "2003-04-04", "'TRUE", "'+33 1 23 45 67 89", "'3/4", 1000, 0.2, "'-Anne-", "'1,000"],
  ["'00124", "2003-05-04", "'2026-11-26 10:04", "'=x", "'2003-04", 2000, 0.5, "'Bob", "'20%"],
];
const LOOKALIKE_TEXT = [
  ["00123", "TRUE", "+33 1 23 45 67 89", "3/4", "-Anne-", "1,000"],
  ["00124", "2026-11-26 10:04", "=x", "2003-04", "Bob", "20%"],
];

describe("text that Excel's typing would turn into something else", () => {
  it("is written to CarnetPipeline as the user's text: ids, contacts, products, owners, stages", async () => {
    book = formulaWorkbook({ Deals: LOOKALIKES as never });
    book.host.selection.set("Deals", "A2");
    await buildFrom({ kind: "auto" });
    const { info, rows } = tableValues("CarnetPipeline");
    const col = (h: string) => info.headers.indexOf(h);
    const columns = ["Id", "Company", "Contact", "Product", "Owner", "Stage"].map(col);
    expect(rows.slice(1).map((r) => columns.map((c) => r[c]))).toEqual(LOOKALIKE_TEXT);
    const byProduct = tableValues("CarnetForecastByProduct").rows.slice(1);
    expect(byProduct.map((r) => r[0]).sort()).toEqual(["2003-04", "3/4"]);
  });

  it("keeps the objective typed on a product named like a date when the forecast is rebuilt", async () => {
    book = formulaWorkbook({ Deals: LOOKALIKES as never });
    book.host.selection.set("Deals", "A2");
    await buildFrom({ kind: "auto" });
    const byProduct = tableValues("CarnetForecastByProduct");
    const objective = byProduct.info.headers.indexOf("Objective");
    const row = byProduct.rows.findIndex((r) => r[0] === "3/4");
    // The user types 5,000 in the Objective cell of product "3/4" (Excel stores 5000).
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("CarnetForecastByProduct");
      table.getRange().getCell(row, objective).values = [["5,000"]];
      await context.sync();
    });
    book.host.selection.set("Deals", "A2");
    await buildFrom({ kind: "auto" });
    const after = tableValues("CarnetForecastByProduct").rows;
    expect(after.find((r) => r[0] === "3/4")?.[objective]).toBe(5000);
  });

  it("is kept in CarnetSnapshots, created and appended, and compares deal by deal as written", async () => {
    const { appendSnapshot, readSnapshots } = await import("../../src/excel/host/snapshots");
    const { snapshotFromDeals, compareSnapshots } = await import("../../src/domain/snapshots");
    book = formulaWorkbook({ Deals: LOOKALIKES as never });
    book.host.selection.set("Deals", "A2");
    const { deals } = analysePipeline(await readSource({ kind: "auto" }), {}).reading;
    await appendSnapshot(snapshotFromDeals("Monday", 46000.4, deals), "#,##0");
    await appendSnapshot(snapshotFromDeals("Friday", 46004.7, deals), "#,##0");

    const { snapshots, problems } = await readSnapshots();
    expect(problems).toEqual([]);
    for (const snapshot of snapshots)
      expect(
        snapshot.deals.map((d) => [d.id, d.company, d.contact, d.product, d.owner, d.stage])
      ).toEqual(LOOKALIKE_TEXT);
    const comparison = compareSnapshots(snapshots[0], snapshots[1]);
    expect(comparison.changes.map((c) => c.kinds)).toEqual([["unchanged"], ["unchanged"]]);
  });

  it("writes a sheet's note and its tables' headers as the plan's text", async () => {
    const { writeOwnedSheets } = await import("../../src/excel/host/owned");
    book = formulaWorkbook({ Sheet1: [] });
    await writeOwnedSheets([
      {
        sheet: "Carnet Plan",
        note: "- draft: 2026-11-26 10:04 -",
        tables: [
          { name: "CarnetPlan", headers: ["Quarter", "3/4", "TRUE"], rows: [], row: 2, col: 0 },
        ],
      },
    ]);
    expect(book.values("Carnet Plan", "A1")).toEqual([
      ["Carnet Plan, written by Carnet. - draft: 2026-11-26 10:04 -"],
    ]);
    expect(book.host.tables().find((t) => t.name === "CarnetPlan")?.headers).toEqual([
      "Quarter",
      "3/4",
      "TRUE",
    ]);
  });

  it("keeps two snapshots taken in the same minute apart, under labels that stay text", async () => {
    const { appendSnapshot, readSnapshots } = await import("../../src/excel/host/snapshots");
    const { snapshotFromDeals, snapshotLabel } = await import("../../src/domain/snapshots");
    book = formulaWorkbook({ Carnet: HANDBOOK as never });
    book.host.selection.set("Carnet", "B2");
    const { deals } = analysePipeline(await readSource({ kind: "auto" }), {}).reading;
    // "Take snapshot" twice at 10:04 on 26 November 2026, as the pane does it.
    const at = 46352 + (10 * 60 + 4) / 1440;
    for (const takenAt of [at, at + 20 / 86400]) {
      const existing = (await readSnapshots()).snapshots.map((s) => s.label);
      await appendSnapshot(
        snapshotFromDeals(snapshotLabel(takenAt, existing), takenAt, deals),
        "#,##0"
      );
    }
    const { snapshots, problems } = await readSnapshots();
    expect(problems).toEqual([]);
    expect(snapshots.map((s) => [s.label, s.deals.length])).toEqual([
      ["2026-11-26 10:04", 3],
      ["2026-11-26 10:04 (2)", 3],
    ]);
  });
});

describe("the handbook's warning on the next forecast build", () => {
  it("flags deals on harvest / divest ranges in CarnetPipeline's Issues column", async () => {
    const { readHarvestRanges, writeMatrix } = await import("../../src/excel/host/matrix");
    const { analyseRangeTable, matrixBuildOf } = await import("../../src/taskpane/matrixModel");
    const { harvestWarning } = await import("../../src/domain/harvest");
    const { rangeKey } = await import("../../src/domain/productRanges");
    book = formulaWorkbook({
      Carnet: HANDBOOK as never,
      Gammes: [
        ["Gamme", "Part de marché", "Marge"],
        ["Produit A", 0.05, 1000],
        ["Produit B", 0.3, 50000],
        ["Produit C", 0.15, 9000],
      ] as never,
    });
    book.host.selection.set("Gammes", "A2");
    await writeMatrix(
      matrixBuildOf(analyseRangeTable(await readSource({ kind: "auto" }), {}), "now")
    );
    // Produit A: weak share, class C → Divest; Produit B: Protect position; Produit C: B class, medium share.
    const harvest = await readHarvestRanges();
    expect([...harvest]).toEqual([rangeKey("Produit A")]);

    book.host.selection.set("Carnet", "B2");
    const source = await readSource({ kind: "auto" });
    const analysis = analysePipeline(source, {});
    const extraIssues = harvestIssues(analysis.reading.deals, harvest);
    await writeForecast({
      source,
      mapping: analysis.mapping,
      deals: analysis.reading.deals,
      periodKind: "semester",
      extraIssues,
      stamp: "now",
      currencyFormat: "#,##0",
    });
    const issues = tableValues("CarnetPipeline")
      .rows.slice(1)
      .map((r) => [r[4], r[13]]);
    expect(issues).toEqual([
      ["Produit A", harvestWarning("Produit A")],
      ["Produit B", ""],
      ["Produit C", ""],
    ]);
  });
});

describe("rebuilding after the user changed things", () => {
  it("keeps every request under 5 MB with a long currency format on 20,000 deals", async () => {
    const rows: (string | number)[][] = [["Id", "Close date", "Company", "Amount", "Probability"]];
    for (let i = 1; i <= 20000; i++)
      rows.push([`D${i}`, 46023 + (i % 365), `Company ${i}`, 1000 + i, 0.5]);
    book = memoryWorkbook({ Deals: rows });
    book.host.selection.set("Deals", "B2");
    const source = await readSource({ kind: "auto" });
    const analysis = analysePipeline(source, {});
    book.host.resetStats();
    // Excel's French accounting format, as a workbook carries it: long, and sent with every row.
    const accounting =
      '_-* #,##0.00\\ [$€-40C]_-;\\-* #,##0.00\\ [$€-40C]_-;_-* "-"??\\ [$€-40C]_-;_-@_-';
    await writeForecast({
      source,
      mapping: analysis.mapping,
      deals: analysis.reading.deals,
      periodKind: "quarter",
      stamp: "now",
      currencyFormat: accounting,
    });
    expect(book.host.stats().largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(tableValues("CarnetPipeline").rows).toHaveLength(20001);
  });

  it("keeps every request and response under 5 MB in bytes with Japanese and Greek customer names", async () => {
    // Three bytes a character in UTF-8 for Japanese, two for Greek: counting characters would size
    // blocks two or three times too big.
    const rows: (string | number)[][] = [
      ["Id", "Close date", "Company", "Contact", "Amount", "Probability"],
    ];
    for (let i = 1; i <= 12000; i++)
      rows.push([
        `D${i}`,
        46023 + (i % 365),
        `株式会社さくら商事ホールディングス東京本社営業部第${i}課`.repeat(3),
        `Αλέξανδρος Παπαδόπουλος-Κωνσταντινίδης ${i}`.repeat(3),
        1000 + i,
        0.5,
      ]);
    book = memoryWorkbook({ Deals: rows });
    book.host.selection.set("Deals", "B2");
    const source = await readSource({ kind: "auto" });
    expect(source.rows).toHaveLength(12000);
    const analysis = analysePipeline(source, {});
    await writeForecast({
      source,
      mapping: analysis.mapping,
      deals: analysis.reading.deals,
      periodKind: "quarter",
      stamp: "now",
      currencyFormat: "#,##0",
    });
    const stats = book.host.stats();
    expect(stats.largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(stats.largestResponseBytes).toBeLessThan(5 * 1024 * 1024);
    expect(tableValues("CarnetPipeline").rows).toHaveLength(12001);
  });

  it("rebuilds after the user inserts a row above Carnet's table, again and again", async () => {
    book = formulaWorkbook({ Carnet: HANDBOOK as never });
    book.host.selection.set("Carnet", "B2");
    await buildFrom({ kind: "auto" });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Carnet Pipeline").getRange("A1:Z1").insert("Down");
      await context.sync();
    });
    book.host.selection.set("Carnet", "B2");
    await buildFrom({ kind: "auto" });
    book.host.selection.set("Carnet", "B2");
    await buildFrom({ kind: "auto" });
    expect(
      tableValues("CarnetPipeline")
        .rows.slice(1)
        .map((r) => r[2])
    ).toEqual(["Alpha", "Bêta", "Gamma"]);
    expect(book.host.tables().filter((t) => t.name === "CarnetPipeline")).toHaveLength(1);
  });

  it("never writes to a sheet the user made under the name of a Carnet sheet they deleted", async () => {
    book = formulaWorkbook({ Carnet: HANDBOOK as never });
    book.host.selection.set("Carnet", "B2");
    await buildFrom({ kind: "auto" });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Carnet Pipeline").delete();
      const mine = context.workbook.worksheets.add("Carnet Pipeline");
      mine.getRange("A1:B2").values = [
        ["My notes", 1],
        ["Keep", 2],
      ];
      await context.sync();
    });
    const mine = book.fingerprint("Carnet Pipeline");
    book.host.selection.set("Carnet", "B2");
    const { result } = await buildFrom({ kind: "auto" });
    expect(result.sheets["Carnet Pipeline"]).toBe("Carnet Pipeline (2)");
    expect(book.fingerprint("Carnet Pipeline")).toBe(mine);
    expect(tableValues("CarnetPipeline").info.sheet).toBe("Carnet Pipeline (2)");
  });
});

describe("finding the sales table", () => {
  it("carries the table over single blank lines but stops at two, before a block below it", async () => {
    book = formulaWorkbook({
      Ventes: [
        ["Société", "Montant", "Probabilité"],
        ["Alpha", "1 000 €", "20 %"],
        [null, null, null],
        ["Bêta", "2 000 €", "50 %"],
        [null, null, null],
        [null, null, null],
        ["Objectif", "10 000 €", null],
      ] as never,
    });
    book.host.selection.set("Ventes", "A2");
    const source = await readSource({ kind: "auto" });
    expect(source.address).toBe("Ventes!A1:C4");
    const analysis = analysePipeline(source, {});
    expect(analysis.reading.deals.map((d) => d.company)).toEqual(["Alpha", "Bêta"]);
    expect(analysis.report).toEqual([]);
  });
});

describe("finding the sales table as workbooks hold it", () => {
  const HEADER = ["Id", "Date jalon", "Société", "Montant", "Probabilité", "Commercial"];
  const deal = (n: number) => [
    `D-${n}`,
    `2003-04-${String(1 + (n % 28)).padStart(2, "0")}`,
    `Client ${n}`,
    `${1000 + 100 * (n % 50)} €`,
    `${10 * (1 + (n % 9))} %`,
    n % 2 ? "Anne" : "Bruno",
  ];
  const deals = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => deal(from + i));
  const BLANK = HEADER.map(() => null);

  it("finds the header above a deleted deal's blank row when the selection is below it, in three syncs", async () => {
    book = formulaWorkbook({ Ventes: [HEADER, ...deals(1, 9), BLANK, ...deals(10, 18)] as never });
    book.host.selection.set("Ventes", "C15");
    book.host.resetStats();
    const source = await readSource({ kind: "auto" });
    expect(source).toMatchObject({ address: "Ventes!A1:F20", row: 0, headers: HEADER });
    const analysis = analysePipeline(source, {});
    expect(analysis.missing).toEqual([]);
    expect(analysis.reading.deals).toHaveLength(18);
    expect(analysis.report).toEqual([]);
    // The region and the used range; the rows below and above with the formats; the first data row's formats.
    expect(book.host.stats().syncs).toBe(3);
  });

  it("skips a title and a group row above the header, and reads again with the header the user picked", async () => {
    book = formulaWorkbook({
      Ventes: [
        ["Carnet commercial — printemps 2003"],
        ["Affaire", null, null, "Montants", "Avancement"],
        HEADER,
        ...deals(1, 4),
      ] as never,
    });
    book.host.selection.set("Ventes", "C5");
    const source = await readSource({ kind: "auto" });
    expect(source).toMatchObject({ address: "Ventes!A3:F7", row: 2, headerPicked: false });
    expect(source.headerChoices!.map((c) => c.row)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(analysePipeline(source, {}).missing).toEqual([]);
    // The user picks row 2: kept in the settings with the source, and read so again.
    const picked = await readSource(withHeader(source, 1));
    expect(picked).toMatchObject({ address: "Ventes!A2:F7", row: 1, headerPicked: true });
    await saveSettings({ source: sourceChoiceOf(picked) });
    const { settings } = await loadSettings();
    expect(settings.source).toEqual({ kind: "range", address: "Ventes!A1:F7", header: 2 });
    expect((await readSource(settings.source!)).address).toBe("Ventes!A2:F7");
  });

  it("leaves out a header repeated mid-table and reports it with its address", async () => {
    book = formulaWorkbook({
      Ventes: [HEADER, ...deals(1, 10), HEADER, ...deals(11, 18)] as never,
    });
    book.host.selection.set("Ventes", "C5");
    const analysis = analysePipeline(await readSource({ kind: "auto" }), {});
    expect(analysis.reading.deals).toHaveLength(18);
    expect(analysis.report).toEqual([
      {
        address: "Ventes!A12:F12",
        text: "Row at Ventes!A12:F12 repeats the header: left out",
        kind: "header",
      },
    ]);
  });

  it("ends the table at a block of formulas one blank row under it, and says what was left out", async () => {
    const checks = Array.from({ length: 18 }, () => [
      "=ROW()-39",
      "=(ROW()-39)*700",
      '="Semaine "&(ROW()-39)',
      "=COUNTA(D2:D38)*100",
      "=ROW()/100",
      null,
    ]);
    book = formulaWorkbook({ Ventes: [HEADER, ...deals(1, 37), BLANK, ...checks] as never });
    book.host.selection.set("Ventes", "C5");
    const source = await readSource({ kind: "auto" });
    expect(source).toMatchObject({ address: "Ventes!A1:F38", leftOut: { first: 39, last: 56 } });
    const analysis = analysePipeline(source, {});
    expect(analysis.reading.deals).toHaveLength(37);
    expect(analysis.report).toEqual([
      {
        address: "Ventes!A40:F57",
        text: "Rows 40–57 below a blank row do not look like deals: left out",
        kind: "below",
      },
    ]);
  });

  it("reads the rows above in blocks when the blank row is far down a tall table", async () => {
    const rows: (string | number | null)[][] = [
      ["Id", "Company", "Amount", "Probability", "Close date"],
    ];
    for (let i = 1; i < 200000; i++)
      rows.push([
        `D${i}`,
        `Company ${i % 997}`,
        1000 + (i % 5000),
        (i % 100) / 100,
        37700 + (i % 365),
      ]);
    rows.push([null, null, null, null, null]);
    for (let i = 200000; i < 200010; i++)
      rows.push([`D${i}`, `Company ${i % 997}`, 1000, 0.5, 37700]);
    book = memoryWorkbook({ Big: rows as never });
    book.host.selection.set("Big", "B200005");
    const source = await readSource({ kind: "auto" });
    expect(source.address).toBe("Big!A1:E200011");
    expect(source.rows).toHaveLength(200010);
    const stats = book.host.stats();
    expect(stats.largestResponseBytes).toBeLessThan(5 * 1024 * 1024);
    expect(stats.syncs).toBeLessThan(15);
  });
});

describe("cancelling and clashes", () => {
  it("stops at the next block or sheet, and remembers the sheets it created", async () => {
    book = formulaWorkbook({ Carnet: HANDBOOK as never });
    book.host.selection.set("Carnet", "B2");
    const source = await readSource({ kind: "auto" });
    const analysis = analysePipeline(source, {});
    const controller = new AbortController();
    const build = {
      source,
      mapping: analysis.mapping,
      deals: analysis.reading.deals,
      periodKind: "semester" as const,
      stamp: "now",
      currencyFormat: "#,##0",
    };
    // Cancel as soon as the first sheet's rows are written (its one block).
    const cancelOnWrite = (phase: string) => {
      if (phase === "Writing") controller.abort();
    };
    await expect(writeForecast(build, cancelOnWrite, controller.signal)).rejects.toThrow(
      /^Cancelled/
    );
    expect(book.host.sheets()).toEqual(["Carnet", "Carnet Pipeline"]);
    expect(tableValues("CarnetPipeline").rows).toHaveLength(4);
    // The next build takes the sheet it created as its own, not as a user's sheet.
    await writeForecast(build);
    expect(book.host.sheets()).toEqual(["Carnet", "Carnet Pipeline", "Carnet Forecast"]);
  });

  it("refuses to start when a user's table has one of Carnet's names, and writes nothing", async () => {
    book = formulaWorkbook({
      Carnet: HANDBOOK as never,
      Mine: [
        ["A", "B"],
        [1, 2],
      ] as never,
    });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Mine").tables.add("A1:B2", true).name =
        "CarnetForecastByOwner";
      await context.sync();
    });
    book.host.selection.set("Carnet", "B2");
    await expect(buildFrom({ kind: "auto" })).rejects.toThrow(
      /A table named CarnetForecastByOwner already exists on sheet "Mine"/
    );
    expect(book.host.sheets()).toEqual(["Carnet", "Mine"]);
  });
});
