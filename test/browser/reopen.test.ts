/**
 * Carnet's sheets after the workbook went out as an .xlsx file and came back in: the workbench's
 * Download .xlsx, then Open .xlsx, as a file saved by another program. The sheets have new ids; the
 * add-in's document settings travel in the file as Excel keeps them (sim/README.md), so the sheet ids
 * Carnet kept there are stale; the task pane starts again. A rebuild still finds Carnet's sheets.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { FrameLocator } from "playwright-core";
import { HANDBOOK_ROWS } from "../../src/workbench/sample";
import { openWorkbench, workbenchApi, type Session } from "./support/browser";

jest.setTimeout(90_000);

let session: Session;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "carnet-reopen-"));
  session = await openWorkbench();
});

afterAll(async () => {
  await session?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const PANE = "iframe[title='Carnet task pane']";
const pane = (): FrameLocator => session.page.frameLocator(PANE);
const wb = workbenchApi(() => session.page);

async function click(name: string): Promise<void> {
  await pane().getByRole("button", { name, exact: true }).click();
  await pane()
    .getByRole("button", { name: "Read selection" })
    .and(pane().locator(":enabled"))
    .waitFor();
}

/** Reads the handbook's table and builds the forecast, as the sales manager does. */
async function buildForecast(): Promise<void> {
  await pane().getByRole("button", { name: "Read selection" }).waitFor();
  await wb.select("Carnet", "B2");
  await click("Read selection");
  await click("Build forecast");
  await pane()
    .getByText(/^Written to /)
    .waitFor();
}

/** The Objective cell of CarnetForecastByPeriod's first row, as [sheet, A1 address]. */
async function objectiveCell(): Promise<[string, string]> {
  const table = (await wb.tables()).find((t) => t.name === "CarnetForecastByPeriod")!;
  const top = Number(/!\$?[A-Z]+\$?(\d+)/.exec(table.address)![1]);
  const col = String.fromCharCode(65 + table.headers.indexOf("Objective"));
  return [table.sheet, `${col}${top + 1}`];
}

describe("a workbook downloaded and opened again", () => {
  it("rebuilds on Carnet's own sheets, keeping the objective typed before, though the kept sheet ids are stale", async () => {
    await session.page.evaluate(
      (rows) => window.workbench!.loadWorkbook({ sheets: [{ name: "Carnet", rows }] }),
      HANDBOOK_ROWS
    );
    await buildForecast();
    const [sheet, address] = await objectiveCell();
    await wb.setCells(sheet, address, [[5000]]);
    const sheets = await wb.sheets();
    const tables = (await wb.tables()).map((t) => [t.name, t.sheet]);
    expect(sheets).toEqual(["Carnet", "Carnet Pipeline", "Carnet Forecast"]);
    const settings = () => session.page.evaluate(() => window.carnetHost!.settings.toJSON());
    const kept = await settings();
    expect(Object.keys(kept)).toEqual(expect.arrayContaining(["carnet.ownedSheets"]));

    const [download] = await Promise.all([
      session.page.waitForEvent("download"),
      session.page.getByRole("button", { name: "Download .xlsx" }).click(),
    ]);
    const file = path.join(dir, "carnet.xlsx");
    await download.saveAs(file);
    await session.page.locator('[data-testid="open-file"]').setInputFiles(file);
    await session.page.locator(".wb-doc", { hasText: "carnet.xlsx" }).waitFor();
    // The settings Carnet kept came back with the file, its sheets' ids among them: ids of the
    // session before, which may name nothing now, or another sheet.
    expect(await settings()).toEqual(kept);

    await buildForecast();
    expect(await wb.sheets()).toEqual(sheets);
    expect((await wb.tables()).map((t) => [t.name, t.sheet])).toEqual(tables);
    expect(await wb.values(...(await objectiveCell()))).toEqual([[5000]]);
    expect(session.errors).toEqual([]);
  });
});
