/**
 * The workbench as a person first sees it: the sample sales workbook in the grid (handbook table as
 * printed, a pipeline of a few hundred deals shown as an Excel table), and the real Carnet task pane
 * running inside it against the simulated Excel host, with nothing fetched from the internet and no
 * console error. Tables and charts the add-in creates through Office.js appear in the grid.
 * Screenshots go to build/screenshots/ (UPDATE_SCREENSHOTS=1 copies one to docs/workbench.png for the README).
 */
import * as fs from "fs";
import * as path from "path";
import type { Frame } from "playwright-core";
import { HANDBOOK_ROWS, PIPELINE_HEADERS, samplePipeline } from "../../src/workbench/sample";
import { cell, openWorkbench, ROOT, screenshot, showSheet, type Session } from "./support/browser";

jest.setTimeout(90_000);

let session: Session;
const outsideRequests: string[] = [];

beforeAll(async () => {
  session = await openWorkbench();
  session.page.on("request", (request) => {
    if (!request.url().startsWith(session.server.url) && !/^(data|blob):/.test(request.url()))
      outsideRequests.push(request.url());
  });
});

afterAll(async () => {
  await session?.close();
});

async function paneFrame(): Promise<Frame> {
  const handle = await session.page.waitForSelector("iframe[title='Carnet task pane']");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the task pane iframe has no frame");
  await frame.waitForSelector("#container > *");
  return frame;
}

describe("the sample workbook", () => {
  it("has the pipeline, the handbook's table, a summary and product ranges, the pipeline as an Excel table", async () => {
    const { page } = session;
    const sheets = await page.evaluate(() => window.workbench!.sheets());
    expect(sheets).toEqual(["Pipeline", "Carnet commercial", "Summary", "Gammes"]);
    const tables = await page.evaluate(() => window.workbench!.tables());
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({
      name: "Pipeline",
      sheet: "Pipeline",
      headers: [...PIPELINE_HEADERS],
    });
  });

  it("holds Tableau 399 as text, exactly as the handbook prints it, total row included", async () => {
    const values = await session.page.evaluate(() =>
      window.workbench!.getValues("Carnet commercial", "A1:F5")
    );
    expect(values).toEqual(HANDBOOK_ROWS);
  });

  it("holds a few hundred deals across owners, products, stages and both semesters", async () => {
    const { page } = session;
    const table = (await page.evaluate(() => window.workbench!.tables()))[0];
    const rows = await page.evaluate(
      (address) => window.workbench!.getValues("Pipeline", address),
      table.address.split("!")[1]
    );
    const deals = rows.slice(1);
    expect(deals.length).toBeGreaterThanOrEqual(200);
    const column = (name: string) => deals.map((d) => d[PIPELINE_HEADERS.indexOf(name as never)]);
    expect(new Set(column("Owner")).size).toBeGreaterThanOrEqual(4);
    expect(new Set(column("Product")).size).toBeGreaterThanOrEqual(5);
    expect(new Set(column("Stage")).size).toBeGreaterThanOrEqual(5);
    // Close dates are real dates (serial numbers) in both halves of one year.
    const months = (column("Close date") as number[]).map(
      (serial) => new Date(Date.UTC(1899, 11, 30) + serial * 86400000).getUTCMonth() + 1
    );
    expect(months.some((m) => m <= 6) && months.some((m) => m >= 7)).toBe(true);
    for (const p of column("Probability") as number[]) expect(p >= 0 && p <= 1).toBe(true);
    expect(new Set(column("Id")).size).toBe(deals.length);
  });

  it("shows cells with their number formats and the table styled with its name", async () => {
    const { page } = session;
    await expect(cell(page, "A1").textContent()).resolves.toBe("Close date");
    await expect(cell(page, "A2").textContent()).resolves.toMatch(/^2026-\d\d-\d\d$/);
    await expect(cell(page, "E2").textContent()).resolves.toMatch(/^\d{1,3}(,\d{3})* €$/);
    await expect(cell(page, "F2").textContent()).resolves.toMatch(/^\d+%$/);
    expect(await cell(page, "B1").getAttribute("class")).toContain("th");
    await expect(page.locator('[data-table="Pipeline"]').textContent()).resolves.toContain(
      "Pipeline"
    );
  });

  it("computes the summary's CARNET formulas from the shipped functions bundle", async () => {
    const { page } = session;
    const [[total], [first], [second]] = await page.evaluate(() =>
      window.workbench!.getValues("Summary", "B3:B5")
    );
    // Open deals only: the sample's won, lost and omitted deals are left out by their category.
    const open = samplePipeline().filter(
      (d) => !["Won", "Lost", "Omitted"].includes(d.forecastCategory)
    );
    expect(open.length).toBeLessThan(samplePipeline().length);
    expect(total as number).toBeCloseTo(
      open.reduce((sum, d) => sum + d.amount * d.probability, 0),
      6
    );
    expect(first as number).toBeGreaterThan(0);
    expect(second as number).toBeGreaterThan(0);
    expect((first as number) + (second as number)).toBeCloseTo(total as number, 6);
    const classes = await page.evaluate(() => window.workbench!.getValues("Summary", "D10:D17"));
    expect(classes.flat().every((c) => c === "A" || c === "B" || c === "C")).toBe(true);
  });
});

describe("the task pane", () => {
  it("runs the add-in's own bundle inside the workbench on Microsoft's Excel client, talking to the simulated host, with no console error", async () => {
    const frame = await paneFrame();
    // The pane's Excel is Microsoft's client (its HTTP layer and RichApi request context), and its
    // requests go to the workbench's host, whose round trips count them.
    const wiring = await frame.evaluate(async () => {
      const scope = window as unknown as {
        OfficeExtension: {
          HttpUtility?: unknown;
          ClientRequestContext: { defaultRequestUrlAndHeaders: unknown };
        };
        parent: { carnetHost: { url: string; stats(): { syncs: number } } };
      };
      const host = scope.parent.carnetHost;
      const before = host.stats().syncs;
      await Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().load("name");
        await context.sync();
      });
      return {
        microsoft: typeof scope.OfficeExtension.HttpUtility === "function",
        address:
          scope.OfficeExtension.ClientRequestContext.defaultRequestUrlAndHeaders === host.url,
        roundTrips: host.stats().syncs - before,
      };
    });
    expect(wiring).toEqual({ microsoft: true, address: true, roundTrips: 1 });
    await expect(frame.locator("body").innerText()).resolves.toContain("Carnet");
    // Outside Excel the pane would say so: here it must believe it is in Excel.
    await expect(frame.getByText("Open this pane from Excel").count()).resolves.toBe(0);
    await session.page.waitForTimeout(300);
    expect(session.errors).toEqual([]);
    expect(outsideRequests).toEqual([]);
    const file = await screenshot(session.page, "workbench-sample.png");
    // The README's picture is refreshed on request only, so that a test run leaves the tree clean.
    if (process.env.UPDATE_SCREENSHOTS)
      fs.copyFileSync(file, path.join(ROOT, "docs/workbench.png"));
  });

  it("shows the tables and charts the add-in creates through Excel.run", async () => {
    const { page } = session;
    const frame = await paneFrame();
    // What a pane view does: a sheet of its own, a table with a stable name, a chart from it.
    await frame.evaluate(async () => {
      await Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.add("Forecast");
        sheet.getRange("A1:C4").values = [
          ["Owner", "Weighted", "Commit"],
          ["Claire Martin", 182000, 120000],
          ["Hugo Bernard", 143500, 98000],
          ["Sofia Rossi", 99800, 40500],
        ];
        sheet.getRange("B2:C4").numberFormat = [
          ['#,##0 "€"', '#,##0 "€"'],
          ['#,##0 "€"', '#,##0 "€"'],
          ['#,##0 "€"', '#,##0 "€"'],
        ];
        sheet.tables.add("A1:C4", true).name = "CarnetForecastByOwner";
        const chart = sheet.charts.add(Excel.ChartType.columnClustered, sheet.getRange("A1:C4"));
        chart.title.text = "Forecast by owner";
        chart.setPosition("E2", "L16");
        await context.sync();
      });
    });
    const tables = await page.evaluate(() => window.workbench!.tables());
    expect(tables.map((t) => t.name)).toContain("CarnetForecastByOwner");
    const charts = await page.evaluate(() => window.workbench!.charts());
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ sheet: "Forecast", title: "Forecast by owner" });
    expect(charts[0].series.map((s) => s.values)).toEqual([
      [182000, 143500, 99800],
      [120000, 98000, 40500],
    ]);
    await page.getByRole("tab", { name: "Forecast", exact: true }).waitFor();
    await showSheet(page, "Forecast");
    await page.locator('[data-table="CarnetForecastByOwner"]').waitFor();
    // One bar per owner and series.
    await expect(page.locator("[data-chart] svg rect.bar").count()).resolves.toBe(6);
    await expect(page.locator("[data-chart] svg").textContent()).resolves.toContain(
      "Forecast by owner"
    );
    await expect(cell(page, "B2").textContent()).resolves.toBe("182,000 €");
    const stats = await page.evaluate(() => window.workbench!.stats());
    expect(stats.syncs).toBeGreaterThanOrEqual(1);
    expect(stats.largestRequestBytes).toBeGreaterThan(0);
    await screenshot(page, "workbench-table-chart.png");
    expect(session.errors).toEqual([]);
  });
});
