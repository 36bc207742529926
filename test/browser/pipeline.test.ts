/**
 * The pipeline pane driven as a sales manager drives it, inside the workbench: select a cell of the
 * sales table, "Read selection", look at the figures and the data-quality report, click a report line
 * to land on the cell, "Build forecast", and later compare two snapshots. Everything goes through the
 * real task pane bundle and the simulated Excel host; the workbook is checked through
 * `window.workbench` as a person would check the grid.
 */
import type { Frame, FrameLocator } from "playwright-core";
import type { CellInput } from "../../src/workbench/workbook-data";
import { HANDBOOK_ROWS } from "../../src/workbench/sample";
import {
  openWorkbench,
  readmePicture,
  workbenchApi,
  screenshot,
  type Session,
} from "./support/browser";

jest.setTimeout(60_000);

let session: Session;

beforeAll(async () => {
  session = await openWorkbench();
});

afterAll(async () => {
  await session?.close();
});

type Sheets = Record<string, CellInput[][]>;

const PANE = "iframe[title='Carnet task pane']";

/** The task pane, re-found on each use: opening a workbook reloads it. */
const pane = (): FrameLocator => session.page.frameLocator(PANE);

/** Opens a workbook in place of the current one and waits for the reloaded pane. */
async function open(sheets: Sheets): Promise<void> {
  await session.page.evaluate((data) => window.workbench!.loadWorkbook(data), {
    sheets: Object.entries(sheets).map(([name, rows]) => ({ name, rows })),
  });
  await pane().getByRole("button", { name: "Read selection" }).waitFor();
}

/** The pane's frame, for what a test does through Office.js itself (creating a table as a user would). */
async function paneFrame(): Promise<Frame> {
  const frame = await (await session.page.waitForSelector(PANE)).contentFrame();
  if (!frame) throw new Error("the task pane iframe has no frame");
  return frame;
}

const wb = workbenchApi(() => session.page);

/** A table's cells as the grid holds them, header first. */
async function tableRows(name: string) {
  const table = (await wb.tables()).find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return { table, rows: await wb.values(table.sheet, table.address.split("!").pop()!) };
}

/** One column of a table's body, by header. */
async function tableColumn(name: string, header: string) {
  const { table, rows } = await tableRows(name);
  return rows.slice(1).map((r) => r[table.headers.indexOf(header)]);
}

/** Clicks a pane button and waits until the pane is idle again (its buttons enabled). */
async function click(name: string): Promise<void> {
  const button = pane().getByRole("button", { name, exact: true });
  await button.click();
  await pane()
    .getByRole("button", { name: "Read selection" })
    .and(pane().locator(":enabled"))
    .waitFor();
}

/** The headline figure under its label ("Weighted", "P50"...), as the pane prints it. */
async function figure(label: string): Promise<string> {
  const value = pane().getByText(label, { exact: true }).locator("xpath=following-sibling::*[1]");
  return (await value.textContent()) ?? "";
}

/** The pane's summary line under "Data quality". */
const qualityLine = () => pane().getByText(/deals read ·/);

/** A number as the pane prints it in the browser's locale (4,200 in English). */
const shown = (n: number) => session.page.evaluate((v) => new Intl.NumberFormat().format(v), n);

describe("the handbook's table (Tableau 399, as printed, total row included)", () => {
  it("reads three deals and 4 200 weighted, leaves the total row out, and builds Carnet's tables", async () => {
    await open({ Carnet: HANDBOOK_ROWS });
    await wb.select("Carnet", "C3");
    await click("Read selection");

    await expect(qualityLine().textContent()).resolves.toBe(
      "3 deals read · 1 total row left out · 0 problems"
    );
    expect(await figure("Weighted")).toBe(await shown(4200));
    expect(await figure("Unweighted")).toBe(await shown(7000));
    expect(await figure("Open deals")).toBe("3");
    await expect(pane().getByText("Carnet!A1:F5", { exact: true }).count()).resolves.toBe(1);
    // The total row is in the report with its address, and clicking it shows the row.
    const total = pane().getByRole("button", { name: /^Row at Carnet!A5:F5 is a total/ });
    await total.click();
    await session.page.waitForFunction(() => window.workbench!.selection().address === "A5:F5");

    await click("Build forecast");
    await pane()
      .getByText(/^Written to /)
      .waitFor();
    const tables = await wb.tables();
    expect(tables.map((t) => [t.name, t.sheet]).sort()).toEqual([
      ["CarnetForecastByOwner", "Carnet Forecast"],
      ["CarnetForecastByPeriod", "Carnet Forecast"],
      ["CarnetForecastByProduct", "Carnet Forecast"],
      ["CarnetPipeline", "Carnet Pipeline"],
    ]);
    expect(await wb.sheets()).toEqual(["Carnet", "Carnet Pipeline", "Carnet Forecast"]);
    const pipeline = await tableRows("CarnetPipeline");
    const col = (h: string) => pipeline.table.headers.indexOf(h);
    expect(
      pipeline.rows
        .slice(1)
        .map((r) => [
          r[col("Company")],
          r[col("Amount")],
          r[col("Probability")],
          r[col("Weighted amount")],
        ])
    ).toEqual([
      ["Alpha", 1000, 0.2, 200],
      ["Bêta", 2000, 0.5, 1000],
      ["Gamma", 4000, 0.75, 3000],
    ]);
    // All three close in April 2003: one quarter, 7 000 unweighted, 4 200 weighted.
    expect(await tableColumn("CarnetForecastByPeriod", "Period")).toEqual(["2003-Q2"]);
    expect(await tableColumn("CarnetForecastByPeriod", "Weighted total")).toEqual([4200]);
    expect(await tableColumn("CarnetForecastByPeriod", "Unweighted total")).toEqual([7000]);

    // The pane after a build, as a person sees it at 1280×800: figures, period and the result.
    await pane().getByRole("button", { name: "Build forecast" }).scrollIntoViewIfNeeded();
    await screenshot(session.page, "pipeline.png");
    expect(session.errors).toEqual([]);
  });
});

/** A team's own workbook: a title, French headers in their own order, and every kind of mess. */
const MESSY: Sheets = {
  Ventes: [
    ["Carnet commercial — printemps 2003"],
    [],
    [null, "Montant", "Société", "Date jalon", "Probabilité", "Nature"],
    [null, "1 000 €", "Alpha", "4 avril 2003", "20 %", "Produit A"],
    [null, "2 000 €", "Bêta", "3 avril 2003", "=NA()", "Produit B"],
    [],
    [null, "deux mille", "Gamma", "2003-05-02", "50 %", "Produit C"],
    [null, "1,000", "Delta", "2003-05-03", "75 %", "Produit A"],
    [null, "1 500 €", "Epsilon", "bientôt", "10 %", "Produit B"],
    [],
    [null, "3 500 €", "Sous-total", null, null, null],
    [null, "500 €", "Zêta", "2003-06-01", "30 %", "Produit C"],
    [null, null, "Êta", "2003-06-02", "40 %", "Produit A"],
  ],
};

describe("a messy French workbook", () => {
  it("reports every unreadable cell and the subtotal row by address, and a click selects the cell", async () => {
    await open(MESSY);
    expect(await wb.values("Ventes", "E5")).toEqual([["#N/A"]]);
    await wb.select("Ventes", "C4");
    await click("Read selection");

    // The table is found below the title, blank lines and all, with its columns recognised.
    await pane().getByText("Ventes!B3:F13", { exact: true }).waitFor();
    const report = pane().getByRole("list", { name: "Data-quality report" }).getByRole("button");
    const lines = await report.allTextContents();
    expect(lines).toEqual([
      expect.stringMatching(/^Probability #N\/A at Ventes!E5 is an error value in the cell/),
      expect.stringMatching(/^Amount deux mille at Ventes!B7 is not a number/),
      expect.stringMatching(/^Amount 1,000 at Ventes!B8 is ambiguous/),
      expect.stringMatching(/^Close date bientôt at Ventes!D9 is not a date/),
      expect.stringMatching(/^Row at Ventes!B11:F11 is a total or subtotal row/),
      expect.stringMatching(/^Amount at Ventes!B13 is blank/),
    ]);
    await expect(qualityLine().textContent()).resolves.toMatch(
      /^\d+ deals read · 1 total row left out · 5 problems$/
    );
    // Only the deals with both figures count: Alpha 200, Epsilon 150 (date or not), Zêta 150.
    expect(await figure("Weighted")).toBe(await shown(500));

    // Clicking a line lands on its cell in the grid, name box included.
    for (const [line, address] of [
      [/^Close date bientôt/, "D9"],
      [/^Probability #N\/A/, "E5"],
      [/^Row at Ventes!B11:F11/, "B11:F11"],
    ] as const) {
      await report.filter({ hasText: line }).click();
      await session.page.waitForFunction(
        (a) => window.workbench!.selection().address === a,
        address
      );
      expect(await wb.selection()).toEqual({ sheet: "Ventes", address });
    }
    // The name box follows the selection on the grid's next render: wait for it, then read it.
    await session.page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('[aria-label="Name box"]')?.value === "B11:F11"
    );
    await expect(session.page.getByLabel("Name box").inputValue()).resolves.toBe("B11:F11");
    expect(session.errors).toEqual([]);
  });
});

describe("a second Build forecast", () => {
  it("replaces only Carnet's output and leaves the user's sheets byte-identical", async () => {
    // The user already has a sheet named like Carnet's, and formulas over the sales table.
    await open({
      Carnet: HANDBOOK_ROWS,
      "Carnet Forecast": [
        ["My own forecast notes"],
        ["Deals typed", "=COUNTA(Carnet!B2:B4)"],
        ["Largest", "=MAX(1000,2000,4000)"],
      ],
      Notes: [["Call Gamma back"], [null, '=Carnet!E4&" for Gamma"']],
    });
    const userSheets = ["Carnet", "Carnet Forecast", "Notes"];
    // Well past each sheet's used area, so a stray write anywhere near it would show.
    const fingerprint = async () =>
      JSON.stringify(
        await Promise.all(
          userSheets.map(async (s) => [
            await wb.formulas(s, "A1:Z60"),
            await wb.formats(s, "A1:Z60"),
            await wb.values(s, "A1:Z60"),
          ])
        )
      );
    const before = await fingerprint();

    await wb.select("Carnet", "B2");
    await click("Read selection");
    await click("Build forecast");
    await pane()
      .getByText(/^Written to /)
      .waitFor();
    // Carnet wrote beside the user's "Carnet Forecast", never into it.
    const sheetsAfterFirst = await wb.sheets();
    expect(sheetsAfterFirst).toEqual([
      "Carnet",
      "Carnet Forecast",
      "Notes",
      "Carnet Pipeline",
      "Carnet Forecast (2)",
    ]);
    expect(await tableColumn("CarnetForecastByPeriod", "Period")).toEqual(["2003-Q2"]);

    // By month this time: the second run rewrites Carnet's tables in place.
    const period = pane().getByLabel("By");
    await period.selectOption("month");
    // The pane shows the choice once it is saved in the workbook; the build then uses it.
    await (
      await paneFrame()
    ).waitForFunction(() =>
      [...document.querySelectorAll("select")].some((select) => select.value === "month")
    );
    await click("Build forecast");
    expect(await wb.sheets()).toEqual(sheetsAfterFirst);
    const tables = await wb.tables();
    expect(tables.map((t) => [t.name, t.sheet]).sort()).toEqual([
      ["CarnetForecastByOwner", "Carnet Forecast (2)"],
      ["CarnetForecastByPeriod", "Carnet Forecast (2)"],
      ["CarnetForecastByProduct", "Carnet Forecast (2)"],
      ["CarnetPipeline", "Carnet Pipeline"],
    ]);
    expect(await tableColumn("CarnetForecastByPeriod", "Period")).toEqual(["2003-04"]);
    expect(await tableColumn("CarnetForecastByPeriod", "Weighted total")).toEqual([4200]);
    // Replaced, not appended: still the three deals, now with their month.
    expect(await tableColumn("CarnetPipeline", "Company")).toEqual(["Alpha", "Bêta", "Gamma"]);
    expect(await tableColumn("CarnetPipeline", "Period")).toEqual([
      "2003-04",
      "2003-04",
      "2003-04",
    ]);
    expect(await fingerprint()).toBe(before);
    expect(session.errors).toEqual([]);
  });
});

describe("an Excel table as the source", () => {
  it("gives live period figures: editing a deal's amount in the table updates the forecast in the grid", async () => {
    await open({
      Deals: [
        ["Close date", "Company", "Amount", "Probability", "Owner"],
        ["2003-04-04", "Alpha", "1 000 €", "20 %", "Anne"],
        ["2003-04-03", "Bêta", "2 000 €", "50 %", "Bruno"],
        ["2003-09-03", "Gamma", "4 000 €", "75 %", "Anne"],
      ],
    });
    // The user formats the range as a table ("Format as Table"), through Office.js itself.
    const frame = await paneFrame();
    await frame.evaluate(() =>
      Excel.run(async (context) => {
        const table = context.workbook.worksheets.getItem("Deals").tables.add("A1:E4", true);
        table.name = "Deals";
        await context.sync();
      })
    );
    await wb.select("Deals", "C3");
    await click("Read selection");
    await pane().getByText("Table Deals · Deals!A1:E4", { exact: true }).waitFor();
    await click("Build forecast");
    await pane()
      .getByText(/Period figures are live formulas\.$/)
      .waitFor();

    const weighted = () => tableColumn("CarnetForecastByPeriod", "Weighted total");
    expect(await tableColumn("CarnetForecastByPeriod", "Period")).toEqual(["2003-Q2", "2003-Q3"]);
    expect(await weighted()).toEqual([1200, 3000]);
    const { table } = await tableRows("CarnetForecastByPeriod");
    const formulas = await wb.formulas(table.sheet, table.address.split("!").pop()!);
    const col = table.headers.indexOf("Weighted total");
    for (const row of formulas.slice(1))
      expect(String(row[col])).toMatch(
        /^=CARNET\.WEIGHTED_PIPELINE\(Deals!\$C\$2:\$C\$4,Deals!\$D\$2:\$D\$4,/
      );

    // Alpha's amount goes from 1 000 € to 3 000 €: Q2 becomes 0.2 × 3 000 + 1 000.
    await wb.setCells("Deals", "C2", [["3 000 €"]]);
    expect(await weighted()).toEqual([1600, 3000]);
    // A number typed instead of text counts the same.
    await wb.setCells("Deals", "C4", [[6000]]);
    expect(await weighted()).toEqual([1600, 4500]);
    expect(session.errors).toEqual([]);
  });
});

describe("the sample workbook's pipeline, with won, lost and omitted deals", () => {
  beforeAll(async () => {
    await session.page.reload();
    await session.page.evaluate(() => window.workbench!.ready);
    await pane().getByRole("button", { name: "Read selection" }).waitFor();
  });

  it("builds live figures: a deal marked Won leaves the forecast, a typed objective updates coverage and probability at once", async () => {
    await wb.select("Pipeline", "B2");
    await click("Read selection");
    await click("Build forecast");
    await pane()
      .getByText(/Period figures are live formulas\.$/)
      .waitFor();

    const { table, rows } = await tableRows("CarnetForecastByPeriod");
    const at = (header: string) => table.headers.indexOf(header);
    const [start, end] = [rows[1][at("Start")] as number, rows[1][at("End")] as number];
    const weighted = async () =>
      (await tableRows("CarnetForecastByPeriod")).rows[1][at("Weighted total")];
    const before = (await weighted()) as number;

    // An open deal of the first period, as the sheet holds it (close date, amount, probability, category).
    const deals = (await wb.values("Pipeline", "A2:I321")) as (string | number)[][];
    const r = deals.findIndex(
      (d) =>
        (d[0] as number) >= start &&
        (d[0] as number) <= end &&
        !["Won", "Lost", "Omitted"].includes(d[8] as string)
    );
    expect(r).toBeGreaterThanOrEqual(0);
    await wb.setCells("Pipeline", `I${r + 2}`, [["Won"]]);
    expect(await weighted()).toBeCloseTo(
      before - (deals[r][4] as number) * (deals[r][5] as number),
      6
    );

    // The objective typed in the table: coverage and probability follow without a rebuild.
    const top = Number(/!\$?[A-Z]+\$?(\d+)/.exec(table.address)![1]);
    const letter = (header: string) => String.fromCharCode(65 + at(header));
    const figures = async () => {
      const row = (await tableRows("CarnetForecastByPeriod")).rows[1];
      return [row[at("Coverage")], row[at("Probability of objective")]];
    };
    await wb.setCells(table.sheet, `${letter("Objective")}${top + 1}`, [[before]]);
    const [coverage, probability] = await figures();
    expect(typeof coverage).toBe("number");
    expect(probability as number).toBeGreaterThan(0);
    expect(probability as number).toBeLessThan(1);
    await wb.setCells(table.sheet, `${letter("Objective")}${top + 1}`, [[before * 2]]);
    const [, harder] = await figures();
    expect(harder as number).toBeLessThan(probability as number);
    expect(session.errors).toEqual([]);
    await wb.select(table.sheet, "A1");
    await readmePicture(session.page, "forecast.png");
  });
});

describe("history", () => {
  const HEADERS = [
    "Id",
    "Company",
    "Product",
    "Amount",
    "Probability",
    "Close date",
    "Forecast category",
  ];

  it("classifies each kind of change between two snapshots and draws the waterfall", async () => {
    await open({
      Suivi: [
        HEADERS,
        ["D1", "Alpha", "Produit A", 1000, 0.2, "2003-04-04", "Pipeline"],
        ["D2", "Bêta", "Produit B", 2000, 0.5, "2003-04-10", "Best case"],
        ["D3", "Gamma", "Produit C", 4000, 0.75, "2003-05-02", "Commit"],
        ["D4", "Delta", "Produit A", 3000, 0.5, "2003-05-20", "Pipeline"],
        ["D5", "Epsilon", "Produit B", 1000, 0.4, "2003-05-10", "Pipeline"],
        ["D6", "Zêta", "Produit C", 2000, 0.25, "2003-10-01", "Pipeline"],
        ["D7", "Êta", "Produit A", 1000, 0.3, "2003-06-01", "Pipeline"],
        ["D8", "Thêta", "Produit B", 1000, 0.6, "2003-06-15", "Pipeline"],
        ["D9", "Iota", "Produit C", 500, 0.2, "2003-06-20", "Pipeline"],
      ],
    });
    await wb.select("Suivi", "B2");
    await click("Read selection");
    expect(await figure("Weighted")).toBe(await shown(7600));
    await pane().getByLabel("Snapshot name (optional)").fill("Monday review");
    await click("Take snapshot");
    await pane()
      .getByText(/^One snapshot so far\./)
      .waitFor();

    // A week later the team updates the sheet.
    await wb.setCells("Suivi", "G2", [["Won"]]); // Alpha
    await wb.setCells("Suivi", "G3", [["Lost"]]); // Bêta
    await wb.setCells("Suivi", "D4", [[6000]]); // Gamma's amount up
    await wb.setCells("Suivi", "D5", [[2000]]); // Delta's amount down
    await wb.setCells("Suivi", "F6", [["2003-08-10"]]); // Epsilon slips to Q3
    await wb.setCells("Suivi", "F7", [["2003-06-01"]]); // Zêta pulled in from Q4
    await wb.setCells("Suivi", "E8", [[0.6]]); // Êta's probability up
    await wb.setCells("Suivi", "E9", [[0.3]]); // Thêta's probability down
    // Iota dropped from the sheet, a new deal in its place.
    await wb.setCells("Suivi", "A10:G10", [
      ["D10", "Kappa", "Produit A", 3000, 0.2, "2003-06-25", "Pipeline"],
    ]);
    await click("Read selection");
    // 4 500 + 1 000 + 400 + 500 + 600 + 300 + 600, Alpha and Bêta closed.
    expect(await figure("Weighted")).toBe(await shown(7900));
    await click("Take snapshot");
    await click("Compare snapshots");

    const [from, to] = [
      pane().getByLabel("From", { exact: true }),
      pane().getByLabel("To", { exact: true }),
    ];
    const labels = await from.locator("option").allTextContents();
    expect(labels).toHaveLength(2);
    expect(labels[0]).toBe("Monday review"); // named; the next one by the time it was taken
    expect(labels[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await expect(from.inputValue()).resolves.toBe("0");
    await expect(to.inputValue()).resolves.toBe("1");
    await pane()
      .getByText(`Weighted total ${await shown(7600)} → ${await shown(7900)}`)
      .waitFor();

    const changes = await pane()
      .getByRole("list", { name: "Changes by kind" })
      .getByRole("listitem")
      .allTextContents();
    const moved = async (v: number) => `${v > 0 ? "+" : "−"}${await shown(Math.abs(v))}`;
    // Each kind with what it moved the weighted total by; a won deal is listed as won alone.
    expect(changes).toEqual([
      `New deals (1, ${await moved(600)}): Kappa / Produit A [D10]`,
      `Removed from the pipeline (1, ${await moved(-100)}): Iota / Produit C [D9]`,
      `Won (1, ${await moved(-200)}): Alpha / Produit A [D1]`,
      `Lost (1, ${await moved(-1000)}): Bêta / Produit B [D2]`,
      "Slipped out of the period (1): Epsilon / Produit B [D5]",
      "Pulled into the period (1): Zêta / Produit C [D6]",
      `Amount up (1, ${await moved(1500)}): Gamma / Produit C [D3]`,
      `Amount down (1, ${await moved(-500)}): Delta / Produit A [D4]`,
      `Probability up (1, ${await moved(300)}): Êta / Produit A [D7]`,
      `Probability down (1, ${await moved(-300)}): Thêta / Produit B [D8]`,
    ]);

    // Narrowed to the second quarter: what slipped out of it and what was pulled in, with amounts.
    await pane().getByLabel("Period", { exact: true }).selectOption("2003-Q2");
    const inQuarter = await pane()
      .getByRole("list", { name: "Changes by kind" })
      .getByRole("listitem")
      .allTextContents();
    expect(inQuarter).toContain(
      `Slipped out of 2003-Q2 (1, ${await moved(-400)}): Epsilon / Produit B [D5]`
    );
    expect(inQuarter).toContain(
      `Pulled into 2003-Q2 (1, ${await moved(500)}): Zêta / Produit C [D6]`
    );
    await pane().getByLabel("Period", { exact: true }).selectOption("");

    // The waterfall: before, one bar per step that moved the total, after.
    const waterfall = pane().getByRole("img", { name: /^Weighted total movement/ });
    const summary = (await waterfall.getAttribute("aria-label")) ?? "";
    const steps = Object.fromEntries(
      summary
        .replace(/^Weighted total movement\. /, "")
        .split("; ")
        .map((part) => part.split(": "))
    );
    const n = async (v: number) => shown(v);
    // Steps are written with their sign beside the bar; totals as they are.
    const d = async (v: number) => `${v > 0 ? "+" : "−"}${await shown(Math.abs(v))}`;
    expect(steps).toEqual({
      Before: await n(7600),
      "New deals": await d(600),
      "Removed from the pipeline": await d(-100),
      Won: await d(-200),
      Lost: await d(-1000),
      "Amount up": await d(1500),
      "Amount down": await d(-500),
      "Probability up": await d(300),
      "Probability down": await d(-300),
      After: await n(7900),
    });
    await expect(waterfall.locator("rect").count()).resolves.toBe(10);
    expect(session.errors).toEqual([]);
  });
});

describe("a column without a header", () => {
  it("is offered in every column choice by its letter, never as a blank line", async () => {
    // The table starts in column B; its third column has no header (blank text), its fifth none at all.
    await open({
      Deals: [
        [null, "Company", "", "Amount", "Probability", null],
        [null, "Alpha", "call back", "1 000 €", "20 %", "note"],
        [null, "Bêta", "", "2 000 €", "50 %", null],
      ],
    });
    await wb.select("Deals", "C2");
    await click("Read selection");
    await pane().getByText("Deals!B1:F3", { exact: true }).waitFor();
    await pane()
      .getByRole("button", { name: /^Columns: / })
      .click();
    const options = await pane()
      .getByRole("combobox", { name: "Amount" })
      .locator("option")
      .allTextContents();
    expect(options).toEqual([
      "(none)",
      "Company",
      "Column C (no header)",
      "Amount",
      "Probability",
      "Column F (no header)",
    ]);
    expect(session.errors).toEqual([]);
  });
});

describe("settings edited by hand in the workbook", () => {
  it("are left out with a message, and the table is read with Carnet's defaults", async () => {
    await open({ Carnet: HANDBOOK_ROWS });
    // Someone edits Carnet's settings by hand (or an older Carnet wrote them), then opens the pane.
    await (
      await paneFrame()
    ).evaluate(() =>
      Excel.run(async (context) => {
        context.workbook.settings.add(
          "carnet.settings",
          JSON.stringify({ stageTable: "x", periodKind: "week" })
        );
        await context.sync();
      })
    );
    // The pane opens again (it keeps its state while open, so the settings are read at opening).
    await (await paneFrame()).evaluate(() => location.reload());
    await paneFrame();
    const leftOut = pane().getByRole("list", { name: "Settings left out" }).getByRole("listitem");
    await leftOut.first().waitFor();
    await expect(leftOut.allTextContents()).resolves.toEqual([
      expect.stringMatching(/^The stage table kept in this workbook \("x"\) is not a list/),
      expect.stringMatching(/^The period kept in this workbook \("week"\) is not month, quarter/),
    ]);

    // The table reads (a stage table "x" used to fail every read) and builds by quarter.
    await wb.select("Carnet", "C3");
    await click("Read selection");
    expect(await figure("Weighted")).toBe(await shown(4200));
    await expect(pane().getByLabel("By").inputValue()).resolves.toBe("quarter");
    await click("Build forecast");
    expect(await tableColumn("CarnetForecastByPeriod", "Period")).toEqual(["2003-Q2"]);

    await click("Dismiss");
    await expect(leftOut.count()).resolves.toBe(0);
    expect(session.errors).toEqual([]);
  });
});

describe("a pane action that fails", () => {
  it("says so in the pane: a report line whose sheet was renamed since the table was read", async () => {
    await open(MESSY);
    await wb.select("Ventes", "C4");
    await click("Read selection");
    const report = pane().getByRole("list", { name: "Data-quality report" }).getByRole("button");
    // The user renames the sheet (through Office.js, as Excel would), then clicks a line read before.
    const frame = await paneFrame();
    await frame.evaluate(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Ventes").name = "Ventes 2003";
        await context.sync();
      })
    );
    await report.filter({ hasText: /^Close date bientôt/ }).click();
    await pane()
      .getByText(/^Could not select Ventes!D9: /)
      .waitFor({ timeout: 5_000 });
    expect(session.errors).toEqual([]);
  });
});

describe("switching tabs", () => {
  it("keeps the reading, the build message and the figures: Pipeline → Matrix → Pipeline", async () => {
    await open({ Carnet: HANDBOOK_ROWS });
    await wb.select("Carnet", "C3");
    await click("Read selection");
    await click("Build forecast");
    await pane()
      .getByText(/^Written to /)
      .waitFor();
    await pane().getByRole("tab", { name: "Matrix" }).click();
    await pane().getByRole("button", { name: "From won deals" }).waitFor();
    await pane().getByRole("tab", { name: "Pipeline" }).click();
    await expect(qualityLine().textContent()).resolves.toBe(
      "3 deals read · 1 total row left out · 0 problems"
    );
    expect(await figure("Weighted")).toBe(await shown(4200));
    await expect(
      pane()
        .getByText(/^Written to /)
        .count()
    ).resolves.toBe(1);
  });
});

describe("the figures are the sheet as it is now", () => {
  const TABLE: CellInput[][] = [
    ["Date jalon", "Société", "Nature", "Montant", "Probabilité"],
    ["2003-04-04", "Alpha", "Produit A", "1,000", 0.2],
    ["2003-04-03", "Bêta", "Produit B", 2000, 0.5],
    ["2003-04-03", "Gamma", "Produit C", 4000, 0.75],
  ];

  it("Build forecast reads the sheet again: a cell fixed after the report counts", async () => {
    await open({ Ventes: TABLE });
    await wb.select("Ventes", "B2");
    await click("Read selection");
    expect(await figure("Weighted")).toBe(await shown(4000)); // "1,000" is ambiguous: left out
    await wb.setCells("Ventes", "D2", [[1000]]); // the manager fixes the cell the report pointed at
    await click("Build forecast");
    await pane()
      .getByText(/^Written to /)
      .waitFor();
    expect(await tableColumn("CarnetForecastByPeriod", "Weighted total")).toEqual([4200]);
    expect(await figure("Weighted")).toBe(await shown(4200));
  });

  it("Take snapshot reads the sheet again: two snapshots with an edit between them differ", async () => {
    await open({
      Ventes: TABLE.map((row, i) => (i === 1 ? [...row.slice(0, 3), 1000, 0.2] : row)),
    });
    await wb.select("Ventes", "B2");
    await click("Read selection");
    await click("Take snapshot");
    await pane()
      .getByText(/^One snapshot so far\./)
      .waitFor();
    await wb.setCells("Ventes", "E3", [[0.9]]); // Bêta's probability up, no Read in between
    await click("Take snapshot");
    await click("Compare snapshots");
    await pane()
      .getByText(`Weighted total ${await shown(4200)} → ${await shown(5000)}`)
      .waitFor();
  });

  it("Build forecast asks before replacing a figure typed inside CarnetPipeline, and replaces it when told to", async () => {
    await open({
      Ventes: TABLE.map((row, i) => (i === 1 ? [...row.slice(0, 3), 1000, 0.2] : row)),
    });
    await wb.select("Ventes", "B2");
    await click("Read selection");
    await click("Build forecast");
    const { table } = await tableRows("CarnetPipeline");
    const probability = String.fromCharCode(65 + table.headers.indexOf("Probability"));
    const top = Number(/!\$?[A-Z]+\$?(\d+)/.exec(table.address)![1]);
    // The finance reviewer corrects Bêta's probability in Carnet's table rather than in Ventes.
    await wb.setCells(table.sheet, `${probability}${top + 2}`, [[0.9]]);
    await click("Build forecast");
    await pane()
      .getByText(/^You typed over a cell of CarnetPipeline since the last build: /)
      .waitFor();
    expect(await tableColumn("CarnetPipeline", "Probability")).toEqual([0.2, 0.9, 0.75]);
    await click("Replace them");
    await pane()
      .getByText(/^Written to /)
      .waitFor();
    expect(await tableColumn("CarnetPipeline", "Probability")).toEqual([0.2, 0.5, 0.75]);
    expect(session.errors).toEqual([]);
  });
});

describe("Read last range", () => {
  it("finds the table again where it was: a deal added below is read, and the pane says the table grew", async () => {
    await open({
      Ventes: [
        ["Date jalon", "Société", "Montant", "Probabilité"],
        ["2003-04-04", "Alpha", 1000, 0.2],
        ["2003-04-03", "Bêta", 2000, 0.5],
        ["2003-04-03", "Gamma", 4000, 0.75],
      ],
    });
    await wb.select("Ventes", "B3");
    await click("Read selection");
    expect(await figure("Weighted")).toBe(await shown(4200));
    await wb.setCells("Ventes", "A5:D5", [["2003-04-20", "Delta", 1000, 0.5]]);
    await wb.select("Ventes", "H20"); // the selection is elsewhere now
    await click("Read last range");
    expect(await figure("Weighted")).toBe(await shown(4700));
    await pane()
      .getByText("The table is now Ventes!A1:D5 (it was Ventes!A1:D4)", { exact: false })
      .waitFor();
  });
});
