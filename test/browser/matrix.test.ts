/**
 * The portfolio matrix driven as a sales manager drives it, inside the workbench: select a cell of the
 * product-range table, open the Matrix tab, "Read selection", look at the data-quality report, "Build
 * matrix", then read CarnetMatrix and its charts in the workbook, edit a margin and watch the live
 * formulas reclassify, walk the nine-box with the keyboard, and see the handbook's warning about open
 * deals on Harvest / divest ranges. Everything goes through the real task pane bundle and the simulated
 * Excel host; the workbook is checked through `window.workbench`, as a person would check the grid.
 *
 * The ten-range workbook and its expected classes, cells and zones are test/excel/matrix.test.ts's
 * (domain.md's rules worked by hand there): the same data must give the same answers through the pane.
 */
import * as fs from "fs";
import * as path from "path";
import type { FrameLocator } from "playwright-core";
import { samplePipeline } from "../../src/workbench/sample";
import type { CellInput, SheetData } from "../../src/workbench/workbook-data";
import {
  openWorkbench,
  readmePicture,
  workbenchApi,
  screenshot,
  SCREENSHOTS,
  type Session,
} from "./support/browser";
import {
  RANGE_HEADERS_FR,
  TEN_RANGE_ANSWERS,
  TEN_RANGES_IN_CELLS,
  TEN_RANGE_NAMES,
} from "../support/ten-ranges";

jest.setTimeout(60_000);

let session: Session;

beforeAll(async () => {
  session = await openWorkbench();
});

afterAll(async () => {
  await session?.close();
});

const PANE = "iframe[title='Carnet task pane']";
const MATRIX_SHEET = "Carnet Matrix";

/** The task pane, re-found on each use: opening a workbook reloads it. */
const pane = (): FrameLocator => session.page.frameLocator(PANE);

const wb = workbenchApi(() => session.page);

/** Opens a workbook in place of the current one and waits for the reloaded pane. */
async function open(sheets: SheetData[]): Promise<void> {
  await session.page.evaluate((data) => window.workbench!.loadWorkbook(data), { sheets });
  await pane().getByRole("tab", { name: "Matrix" }).waitFor();
}

/** Clicks a pane tab, as a person switches views. */
async function showTab(name: "Pipeline" | "Matrix"): Promise<void> {
  await pane().getByRole("tab", { name, exact: true }).click();
  await pane().getByRole("button", { name: "Read selection" }).waitFor();
}

/** Clicks a pane button and waits until the pane is idle again (its buttons enabled). */
async function click(name: string): Promise<void> {
  await pane().getByRole("button", { name, exact: true }).click();
  await pane()
    .getByRole("button", { name: "Read selection" })
    .and(pane().locator(":enabled"))
    .waitFor();
}

/** A table's body as the grid computes it now, one record per row by header. */
async function tableRecords(name: string): Promise<Record<string, CellInput>[]> {
  const table = (await wb.tables()).find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  const rows = await wb.values(table.sheet, table.address.split("!").pop()!);
  return rows
    .slice(1)
    .map((row) => Object.fromEntries(table.headers.map((h, i) => [h, row[i] as CellInput])));
}

/** One column of CarnetMatrix, by range name. */
async function matrixColumn(header: string): Promise<Record<string, CellInput>> {
  const rows = await tableRecords("CarnetMatrix");
  return Object.fromEntries(rows.map((r) => [String(r.Range), r[header]]));
}

/** The nine-box's range items (focusable SVG groups), in document order. */
const rangeItems = () => pane().locator("svg g[role='button']");

/** The range whose item has the focus in the pane (its accessible name up to the colon). */
const focusedRange = async () =>
  (
    await pane()
      .locator(":root")
      .evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "")
  ).split(":")[0];

/** Presses a key where the focus is, as a person at the keyboard does. */
const press = (key: string) => session.page.keyboard.press(key);

/** The line under the nine-box that hover and focus fill: the grid's accessible description. */
async function details(): Promise<string> {
  const id = await pane().locator("svg[aria-describedby]").getAttribute("aria-describedby");
  return (await pane().locator(`[id="${id}"]`).textContent()) ?? "";
}

/** Numbers and percentages as the pane prints them in the browser's locale (12,500 and 12% in English). */
const shown = (n: number) => session.page.evaluate((v) => new Intl.NumberFormat().format(v), n);
const shownPercent = (n: number) =>
  session.page.evaluate(
    (v) =>
      new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 }).format(v),
    n
  );

/** Scrolls the pane so that the nine-box's heading is at its top. */
const showNineBox = () =>
  pane()
    .getByRole("heading", { name: "Nine-box" })
    .evaluate((heading) => heading.scrollIntoView({ block: "start" }));

// ---------------------------------------------------------------------------------------------------------------
// The issue's ten ranges: one loss-making (Foxtrot), two equal margins (Delta, Echo), a text margin
// "12 500 €" (Charlie), a blank market volume (Hotel), a share typed as text (Echo), a blank row, a total.

const HEADERS = RANGE_HEADERS_FR;
const TEN = TEN_RANGES_IN_CELLS;
const NAMES = TEN_RANGE_NAMES;

const TEN_RANGES: SheetData[] = [
  { name: "Notes", rows: [["My own notes", 42]] },
  { name: "Products", rows: [HEADERS, ...TEN], tables: [{ name: "Ranges", address: "A1:F13" }] },
];

const CLASSES = TEN_RANGE_ANSWERS["ABC class"];
const CELLS = TEN_RANGE_ANSWERS["Nine-box cell"];
const ZONES = TEN_RANGE_ANSWERS.Zone;

describe("the ten-range workbook, through the Matrix tab", () => {
  beforeAll(async () => {
    await open(TEN_RANGES);
  });

  it("reads the table with its data-quality report, and Build matrix writes domain.md's classes, cells and zones", async () => {
    await wb.select("Products", "B4");
    await showTab("Matrix");
    await click("Read selection");

    await expect(pane().getByText("Table Ranges · Products!A1:F13").count()).resolves.toBe(1);
    // Ten ranges: the blank row is skipped, the total row is recognised and left out.
    await expect(
      pane()
        .getByText(/ranges? read ·/)
        .textContent()
    ).resolves.toBe("10 ranges read · 1 total row(s) left out · 2 notes");
    const report = pane().getByRole("list", { name: "Data-quality report" });
    const notes = await report.getByRole("listitem").allTextContents();
    expect(notes).toEqual([
      expect.stringMatching(/^market volume at Products!C10 is blank/),
      "row Products!A13:F13 is a total: left out, so nothing counts twice",
    ]);
    // A note names its cell, and clicking it goes there.
    await report.getByRole("button", { name: /^market volume at Products!C10/ }).click();
    await session.page.waitForFunction(() => {
      const s = window.workbench!.selection();
      return s.sheet === "Products" && s.address === "C10";
    });
    // The columns were recognised from the French headers.
    await expect(pane().getByRole("combobox", { name: "Margin" }).inputValue()).resolves.toBe("5");

    await click("Build matrix");
    await expect(
      pane()
        .getByText(/^CarnetMatrix written to Carnet Matrix with 2 charts\./)
        .count()
    ).resolves.toBe(1);

    const matrix = (await wb.tables()).find((t) => t.name === "CarnetMatrix");
    expect(matrix).toMatchObject({ sheet: MATRIX_SHEET });
    expect(matrix!.headers).toEqual(
      expect.arrayContaining(["Range", "Margin", "ABC class", "Nine-box cell", "Zone"])
    );
    const rows = await tableRecords("CarnetMatrix");
    expect(rows.map((r) => r.Range)).toEqual(NAMES);
    expect(await matrixColumn("ABC class")).toEqual(CLASSES);
    expect(await matrixColumn("Nine-box cell")).toEqual(CELLS);
    expect(await matrixColumn("Zone")).toEqual(ZONES);
    // The text margin is read as 12 500; Hotel has no market share, so no cell and no zone.
    expect((await matrixColumn("Margin")).Charlie).toBe(12500);
    expect((await matrixColumn("Market share")).Hotel).toBe("");

    // Class, cell and zone are live CARNET formulas, not values pasted by the pane.
    const header = matrix!.address.split("!").pop()!.split(":")[0];
    expect(header).toMatch(/^A\d+$/); // the table starts in column A, so its columns are A, B, C…
    const top = Number(/\d+/.exec(header)![0]);
    const col = (name: string) => String.fromCharCode(65 + matrix!.headers.indexOf(name));
    const formula = async (name: string) =>
      String((await wb.formulas(MATRIX_SHEET, `${col(name)}${top + 1}`))[0][0]);
    await expect(formula("ABC class")).resolves.toMatch(/CARNET\.ABC_CLASS\(/);
    await expect(formula("Nine-box cell")).resolves.toMatch(/CARNET\.MATRIX_QUADRANT\(/);
    await expect(formula("Zone")).resolves.toMatch(/CARNET\.MATRIX_QUADRANT\(.*"zone"\)/);
    expect(session.errors).toEqual([]);
  });

  it("draws the bubble chart with one labelled point per range, and the Pareto chart", async () => {
    const charts = await wb.charts();
    expect(charts.map((c) => [c.sheet, c.name, c.type])).toEqual([
      [MATRIX_SHEET, "CarnetMatrixBubbleChart", "Bubble"],
      [MATRIX_SHEET, "CarnetMatrixParetoChart", "ColumnClustered"],
    ]);
    const [bubble, pareto] = charts;
    const ranges = bubble.series.filter((s) => NAMES.includes(String(s.name)));
    expect(ranges.map((s) => s.name)).toEqual(NAMES);
    expect(ranges.every((s) => s.values.length === 1)).toBe(true);
    const point = Object.fromEntries(
      ranges.map((s) => [s.name, [s.xValues?.[0], s.values[0], s.bubbleSizes?.[0]]])
    );
    // x = market share, y = attractiveness (A 3, B 2, C 1), size = sales.
    expect(point.Alpha).toEqual([0.3, 3, 450000]);
    expect(point.Charlie).toEqual([0.12, 2, 80000]);
    expect(point.Juliet).toEqual([0.05, 1, 10000]);
    expect(point.Hotel[1]).toBeNull(); // no market share: no bubble
    // Each range's bubble is labelled with its name, and only those: the legend is hidden.
    for (const s of ranges)
      expect(s.dataLabels).toEqual({ showSeriesName: true, showValue: false });
    expect(bubble.legend.visible).toBe(false);
    // Market share as %, from 0 to a maximum that leaves room beyond the largest share (Alpha's 30 %).
    expect(bubble.axes.category).toMatchObject({ numberFormat: "0%", minimum: 0 });
    expect(bubble.axes.category.maximum).toBeGreaterThanOrEqual(0.35);
    expect(bubble.axes.category.maximum).toBeLessThanOrEqual(1);
    // The titles say what the axes, the bubble size and the dotted lines are.
    expect(bubble.title).toMatch(/sized by sales/);
    expect(bubble.axes.category.title).toMatch(/market share.*Weak below 10 %.*Strong from 25 %/);
    expect(bubble.axes.value.title).toMatch(/ABC class of the margin/);
    // The two cut-offs are drawn as dotted vertical lines across the three class rows, unlabelled, in grey.
    const cuts = bubble.series.filter((s) => !NAMES.includes(String(s.name)));
    expect(cuts.map((s) => [...new Set(s.xValues)])).toEqual([[0.1], [0.25]]);
    for (const cut of cuts) {
      expect(cut.values.length).toBeGreaterThanOrEqual(5);
      expect(Math.min(...(cut.values as number[]))).toBeLessThan(1);
      expect(Math.max(...(cut.values as number[]))).toBeGreaterThan(3);
      expect(cut.dataLabels).toBeUndefined();
      expect(cut.fill).toMatch(/^#/);
    }
    // Pareto: ranges with a positive margin, largest first, and the cumulative line ends at 100 %.
    expect(pareto.series.map((s) => s.name)).toEqual(["Margin share", "Cumulative share"]);
    expect(pareto.series[0].xValues?.slice(0, 4)).toEqual(["Alpha", "Bravo", "Delta", "Echo"]);
    expect(pareto.series[0].xValues).not.toContain("Foxtrot");
    const line = pareto.series[1].values as number[];
    expect(line[line.length - 1]).toBeCloseTo(1, 9);

    // And both are drawn on the grid of the matrix sheet, as a user sees them.
    const page = session.page;
    await page.getByRole("tab", { name: MATRIX_SHEET, exact: true }).click();
    await page.locator("[data-chart]").first().waitFor();
    await expect(page.locator("[data-chart]").count()).resolves.toBe(2);
    const drawn = await page
      .locator("[data-chart='CarnetMatrixBubbleChart'] svg text")
      .allTextContents();
    expect(drawn).toEqual(expect.arrayContaining(["Alpha", "Juliet", "0%", "40%"]));
    expect(drawn).toContain(bubble.axes.category.title);
    expect(drawn).not.toContain("Weak | Medium"); // no legend
    expect(drawn.filter((t) => t.endsWith("%")).every((t) => /^\d+%$/.test(t))).toBe(true);
  });

  it("puts Strong on the right in the nine-box, as the bubble chart's market share axis does", async () => {
    // The grid's column labels, left to right, and the chart's x axis: strength grows to the right in both.
    const labels = await pane()
      .locator("svg[aria-describedby] > text:not([transform])")
      .evaluateAll((texts) =>
        texts
          .map((t) => ({ text: t.textContent ?? "", x: t.getBoundingClientRect().x }))
          .filter((t) => ["Weak", "Medium", "Strong"].includes(t.text))
          .sort((a, b) => a.x - b.x)
          .map((t) => t.text)
      );
    expect(labels).toEqual(["Weak", "Medium", "Strong"]);
    const left = async (name: string) =>
      (await rangeItems().filter({ hasText: name }).boundingBox())!.x;
    expect(await left("Alpha")).toBeGreaterThan(await left("Bravo")); // Strong right of Medium
    expect(await left("Bravo")).toBeGreaterThan(await left("Echo")); // Medium right of Weak
    await expect(pane().locator("svg[aria-describedby] > title").textContent()).resolves.toMatch(
      /strength Weak\s+to Strong from the left/
    );
    const bubble = (await wb.charts()).find((c) => c.name === "CarnetMatrixBubbleChart")!;
    const x = (name: string) => bubble.series.find((s) => s.name === name)!.xValues![0] as number;
    expect(x("Alpha")).toBeGreaterThan(x("Bravo"));
    expect(x("Bravo")).toBeGreaterThan(x("Echo"));
  });

  it("is one Tab stop: Tab enters the grid, the arrows move spatially, the next Tab leaves", async () => {
    await expect(rangeItems().count()).resolves.toBe(9);
    // Hotel cannot be placed, and the pane says why rather than dropping it silently.
    await expect(
      pane().getByText("Not in the grid: Hotel (no market share).").count()
    ).resolves.toBe(1);
    const inGrid = () =>
      pane()
        .locator(":root")
        .evaluate(() => document.activeElement?.closest("svg g[role='button']") != null);

    // From the button above the grid, Tab until the focus enters it: it lands on the first range.
    await pane().getByRole("button", { name: "Build matrix", exact: true }).focus();
    for (let i = 0; i < 40 && !(await inGrid()); i++) await press("Tab");
    expect(await focusedRange()).toBe("Echo"); // High attractiveness, Weak: top left
    expect(await details()).toMatch(/^Echo: market share .+, class A/);

    // The arrows move in the plane: right across strength, down across attractiveness.
    const path: [string, string][] = [
      ["ArrowRight", "Bravo"],
      ["ArrowRight", "Alpha"],
      ["ArrowDown", "Delta"], // the next range in the same cell
      ["ArrowDown", "India"], // no Strong range of Medium attractiveness: the Low one
      ["ArrowLeft", "Foxtrot"],
      ["ArrowLeft", "Juliet"],
      ["ArrowLeft", "Juliet"], // nothing further left
      ["ArrowUp", "Golf Élite"],
      ["ArrowRight", "Charlie"],
      ["ArrowUp", "Bravo"],
      ["ArrowUp", "Bravo"], // nothing above
      ["End", "India"],
      ["Home", "Echo"],
      ["ArrowRight", "Bravo"],
    ];
    for (const [key, range] of path) {
      await press(key);
      expect([key, await focusedRange()]).toEqual([key, range]);
      expect(await details()).toMatch(new RegExp(`^${range}: market share .+, class [ABC]`));
    }
    // One Tab stop: Shift+Tab leaves the grid backwards, Tab comes back to the range left, the next Tab
    // leaves it forwards.
    await press("Shift+Tab");
    expect(await inGrid()).toBe(false);
    await press("Tab");
    expect(await focusedRange()).toBe("Bravo");
    await press("Tab");
    expect(await inGrid()).toBe(false);
    await expect(
      rangeItems().evaluateAll(
        (items) => items.filter((i) => i.getAttribute("tabindex") === "0").length
      )
    ).resolves.toBe(1);

    // Each item's name carries its figures; the details line adds its cell and zone.
    const figures =
      `Charlie: market share ${await shownPercent(0.12)}, margin ${await shown(12500)}, ` +
      `class B, sales ${await shown(80000)}`;
    const charlie = rangeItems().filter({ hasText: "Charlie" });
    await expect(charlie.getAttribute("aria-label")).resolves.toBe(`${figures}. Select its row`);
    await charlie.focus();
    expect(await details()).toBe(`${figures}. Selectivity / manage for earnings (Selectivity).`);
    // Enter selects the range's row: once built, its CarnetMatrix row, whose first cell is the range.
    await press("Enter");
    await session.page.waitForFunction(() => window.workbench!.selection().address.includes(":"));
    const selected = await wb.selection();
    expect(selected.sheet).toBe(MATRIX_SHEET);
    const [first] = selected.address.split(":");
    expect(await wb.values(MATRIX_SHEET, first)).toEqual([["Charlie"]]);
    expect(selected.address).toMatch(/^A(\d+):[A-Z]+\1$/);
    // A click does the same.
    await rangeItems().filter({ hasText: "Juliet" }).click();
    await session.page.waitForFunction(
      (row) => window.workbench!.selection().address.split(":")[0] !== row,
      first
    );
    expect(await wb.values(MATRIX_SHEET, (await wb.selection()).address.split(":")[0])).toEqual([
      ["Juliet"],
    ]);

    // The cells say their name and zone in words, not by colour alone.
    await expect(
      pane()
        .getByRole("group", {
          name: /^Low attractiveness, weak strength: Divest, zone Harvest \/ divest, 1 range$/,
        })
        .count()
    ).resolves.toBe(1);

    await showNineBox();
    await screenshot(session.page, "matrix-ten-ranges.png");
    expect(session.errors).toEqual([]);
  });

  it("reclassifies a range through the live formulas when its margin is edited in the source", async () => {
    // Foxtrot turns profitable: 40 000 € instead of a 5 000 € loss (Products!F8), typed as text.
    await wb.setCells("Products", "F8", [["40 000 €"]]);
    const classes = await matrixColumn("ABC class");
    // Total 260 000: Foxtrot starts at 150 000 (below 80 %), so it is A; Charlie still starts past 80 %.
    expect(classes).toEqual({ ...CLASSES, Foxtrot: "A" });
    expect(await matrixColumn("Margin")).toMatchObject({ Foxtrot: 40000 });
    expect(await matrixColumn("Nine-box cell")).toEqual({ ...CELLS, Foxtrot: "Invest to build" });
    expect(await matrixColumn("Zone")).toEqual({ ...ZONES, Foxtrot: "Invest / grow" });
    // The Pareto chart follows: Foxtrot is now third by margin.
    const pareto = (await wb.charts()).find((c) => c.name === "CarnetMatrixParetoChart")!;
    expect(pareto.series[0].xValues?.slice(0, 3)).toEqual(["Alpha", "Bravo", "Foxtrot"]);
    // Its rows are the build's nine (Juliet, the least, drops out), and the sheet's note says so.
    expect(pareto.series[0].xValues).toHaveLength(9);
    expect(pareto.series[0].xValues).not.toContain("Juliet");
    expect(String((await wb.values(MATRIX_SHEET, "A1"))[0][0])).toMatch(
      /CarnetMatrixPareto and its chart list the 9 ranges .* build again when a margin turns positive or stops being positive\./
    );

    // Back to a loss: it drops to C and Harvest / divest again.
    await wb.setCells("Products", "F8", [[-5000]]);
    expect(await matrixColumn("ABC class")).toEqual(CLASSES);
    expect(await matrixColumn("Zone")).toEqual(ZONES);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The handbook's warning: open deals on ranges the matrix puts in Harvest / divest.

const DEALS: CellInput[][] = [
  ["Close date", "Company", "Product", "Amount", "Probability", "Forecast category"],
  ["2026-03-10", "Alder Foods", "Alpha", 12000, 0.5, "Best case"],
  ["2026-03-20", "Beacon Retail", "Juliet", 8000, 0.25, "Pipeline"],
  ["2026-04-02", "Cobalt Media", "Foxtrot", 15000, 0.75, "Commit"],
  ["2026-04-15", "Delta Motors", "Juliet", 5000, 1, "Won"],
  ["2026-05-05", "Evergreen Pharma", "Charlie", 9000, 0.5, "Best case"],
];

describe("the handbook's warning, from CarnetPipeline", () => {
  beforeAll(async () => {
    await open([...TEN_RANGES, { name: "Deals", rows: DEALS }]);
  });

  it("lists the open deals on Harvest / divest ranges, and the next forecast flags them", async () => {
    // The forecast first: CarnetPipeline from the deal table.
    await wb.select("Deals", "B3");
    await showTab("Pipeline");
    await click("Read selection");
    await click("Build forecast");
    expect((await wb.tables()).map((t) => t.name)).toContain("CarnetPipeline");

    await wb.select("Products", "A2");
    await showTab("Matrix");
    await click("Read selection");
    const warning = pane().getByText("opportunities that may not fit the plan", { exact: false });
    await expect(warning.textContent()).resolves.toBe("2 opportunities that may not fit the plan");
    // The open deals on Juliet (Divest) and Foxtrot (Manage for earnings); not the won Juliet deal,
    // not Alpha or Charlie. Grouped by range, largest amount first; each group opens on its deals.
    const groups = pane().locator("details > summary");
    await expect(groups.allTextContents()).resolves.toEqual([
      `Foxtrot: 1 deal, ${await shown(15000)}`,
      `Juliet: 1 deal, ${await shown(8000)}`,
    ]);
    for (const group of await groups.all()) await group.click();
    const lines = pane().getByRole("button", { name: /: Harvest \/ divest zone$/ });
    await expect(lines.allTextContents()).resolves.toEqual([
      `Cobalt Media (${await shown(15000)}) on Foxtrot: Harvest / divest zone`,
      `Beacon Retail (${await shown(8000)}) on Juliet: Harvest / divest zone`,
    ]);
    // A line selects the deal's row in CarnetPipeline.
    await lines.filter({ hasText: "Beacon Retail" }).click();
    await session.page.waitForFunction(() => window.workbench!.selection().sheet !== "Products");
    const selected = await wb.selection();
    const row = await wb.values(selected.sheet, selected.address);
    expect(row[0]).toEqual(expect.arrayContaining(["Beacon Retail", "Juliet"]));
    await screenshot(session.page, "matrix-harvest-warning.png");

    // Build the matrix, then the forecast again: CarnetPipeline's Issues column flags those two deals.
    await click("Build matrix");
    await showTab("Pipeline");
    await click("Read last range");
    await click("Build forecast");
    const deals = await tableRecords("CarnetPipeline");
    const issues = Object.fromEntries(
      deals.map((d) => [String(d.Company), String(d.Issues ?? "")])
    );
    expect(issues["Beacon Retail"]).toMatch(/Harvest \/ divest/);
    expect(issues["Cobalt Media"]).toMatch(/Harvest \/ divest/);
    expect(issues["Alder Foods"]).not.toMatch(/Harvest/);
    expect(session.errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The sample workbook, as a demo user first clicks through it.

describe("the sample workbook's product ranges (Gammes)", () => {
  beforeAll(async () => {
    await session.page.reload();
    await session.page.evaluate(() => window.workbench!.ready);
    await pane().getByRole("tab", { name: "Matrix" }).waitFor();
  });

  it("gives, in a few clicks, a matrix over the three zones and the sample deals it warns about", async () => {
    // Forecast first, from the sample's pipeline table, so that the matrix can check its open deals.
    await wb.select("Pipeline", "B2");
    await showTab("Pipeline");
    await click("Read selection");
    await click("Build forecast");

    await wb.select("Gammes", "A2");
    await showTab("Matrix");
    await click("Read selection");
    await expect(
      pane()
        .getByText(/ranges? read ·/)
        .textContent()
    ).resolves.toBe("8 ranges read · 0 notes");
    await click("Build matrix");
    const zones = await matrixColumn("Zone");
    expect(new Set(Object.values(zones))).toEqual(
      new Set(["Invest / grow", "Selectivity", "Harvest / divest"])
    );
    expect(new Set(Object.values(await matrixColumn("Nine-box cell"))).size).toBeGreaterThanOrEqual(
      6
    );
    expect((await matrixColumn("Margin"))["Premium Support"]).toBe(55000); // typed "55 000 €"
    await expect(rangeItems().count()).resolves.toBe(8);

    // The warning counts the sample's open deals on the ranges CarnetMatrix puts in Harvest / divest.
    const harvest = new Set(Object.keys(zones).filter((r) => zones[r] === "Harvest / divest"));
    const open = samplePipeline().filter(
      (d) => harvest.has(d.product) && !["Won", "Lost", "Omitted"].includes(d.forecastCategory)
    );
    expect(open.length).toBeGreaterThan(0);
    await expect(
      pane().getByText("opportunities that may not fit the plan", { exact: false }).textContent()
    ).resolves.toBe(`${open.length} opportunities that may not fit the plan`);

    await showNineBox();
    await rangeItems().first().focus();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await session.page
      .locator(".wb-pane")
      .screenshot({ path: path.join(SCREENSHOTS, "matrix.png") });
    expect(session.errors).toEqual([]);
    await wb.select("Carnet Matrix", "A38"); // scrolled to the bubble chart
    await readmePicture(session.page, "matrix.png");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The column choices: the same picker as the Pipeline tab's.

describe("a product-range table with a column without a header", () => {
  beforeAll(async () => {
    await open([
      {
        name: "Ranges",
        rows: [
          ["Gamme", "", "Part de marché", "Marge"],
          ["Alpha", "keep", "30 %", "120 000 €"],
          ["Bravo", "", "12 %", "40 000 €"],
        ],
      },
    ]);
  });

  it("offers that column by its letter in every column choice", async () => {
    await wb.select("Ranges", "A2");
    await showTab("Matrix");
    await click("Read selection");
    await pane().getByText("Ranges!A1:D3", { exact: true }).waitFor();
    const options = await pane()
      .getByRole("combobox", { name: "Margin" })
      .locator("option")
      .allTextContents();
    expect(options).toEqual(["(none)", "Gamme", "Column B (no header)", "Part de marché", "Marge"]);
    expect(session.errors).toEqual([]);
  });
});
