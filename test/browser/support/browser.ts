/**
 * What each browser test file needs: the built workbench served on a free port, headless Debian
 * Chromium driven by playwright-core, a page opened on the workbench with its console errors
 * collected, and helpers that act as a person would (click a cell, type, press Enter).
 *
 * Requires `npm run build:workbench` (the tests build nothing) and Chromium: /usr/bin/chromium, or
 * CHROMIUM_PATH (scripts/setup.sh installs Debian's chromium when missing).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { serveStatic, WORKBENCH_DIR, type StaticServer } from "../../../scripts/serve-workbench";
import type { CellInput } from "../../../src/workbench/workbook-data";

export const ROOT = path.resolve(__dirname, "../../..");
export const SCREENSHOTS = path.join(ROOT, "build/screenshots");

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Session {
  page: Page;
  context: BrowserContext;
  server: StaticServer;
  /** Console errors and uncaught exceptions of the page and its frames (the task pane's too). */
  errors: string[];
  close(): Promise<void>;
}

function checkPrerequisites(): void {
  if (!fs.existsSync(path.join(WORKBENCH_DIR, "index.html")))
    throw new Error(
      `${path.relative(ROOT, WORKBENCH_DIR)}/ is missing: run \`npm run build:workbench\` before the browser tests`
    );
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `no Chromium at ${CHROMIUM}: run scripts/setup.sh (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome binary`
    );
}

/** Serves the workbench, opens it in headless Chromium and waits for `window.workbench.ready`. */
export async function openWorkbench(
  viewport = { width: 1280, height: 800 },
  query = ""
): Promise<Session> {
  checkPrerequisites();
  const server = await serveStatic(WORKBENCH_DIR, 0);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "carnet-chromium-"));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: LAUNCH_ARGS,
      viewport,
      acceptDownloads: true,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${message.location().url}: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
    await page.goto(`${server.url}${query}`);
    await page.waitForFunction(() => window.workbench !== undefined);
    await page.evaluate(() => window.workbench!.ready);
    const opened = context;
    return {
      page,
      context: opened,
      server,
      errors,
      close: async () => {
        await opened.close();
        await server.close();
        fs.rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** The drawn cell of the shown sheet (only cells in view are drawn). */
export function cell(page: Page, address: string) {
  return page.locator(`.grid-canvas [data-cell="${address}"]`);
}

/** Shows a sheet by clicking its tab. */
export async function showSheet(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
}

/** Goes to a cell through the name box, as a person does for a cell out of view. */
export async function goTo(page: Page, address: string): Promise<void> {
  const box = page.getByLabel("Name box");
  await box.click();
  await box.fill(address);
  await box.press("Enter");
}

/** Clicks a cell in view, types the text and presses Enter, as a person fills a cell. */
export async function typeInCell(page: Page, address: string, text: string): Promise<void> {
  await cell(page, address).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file });
  return file;
}

/**
 * A picture for the README: taken on every run (build/screenshots/), copied to docs/ only on request
 * (UPDATE_SCREENSHOTS=1), so that a test run leaves the tree clean.
 */
export async function readmePicture(page: Page, name: string): Promise<void> {
  const file = await screenshot(page, name);
  if (process.env.UPDATE_SCREENSHOTS) fs.copyFileSync(file, path.join(ROOT, "docs", name));
}

/** window.workbench from the test's side, as plain data (the page comes later, from beforeAll). */
export function workbenchApi(page: () => Page) {
  return {
    values: (sheet: string, address: string) =>
      page().evaluate(([s, a]) => window.workbench!.getValues(s, a), [sheet, address]),
    formulas: (sheet: string, address: string) =>
      page().evaluate(([s, a]) => window.workbench!.getFormulas(s, a), [sheet, address]),
    formats: (sheet: string, address: string) =>
      page().evaluate(([s, a]) => window.workbench!.getNumberFormats(s, a), [sheet, address]),
    setCells: (sheet: string, address: string, rows: CellInput[][]) =>
      page().evaluate(([s, a, r]) => window.workbench!.setCells(s, a, r), [
        sheet,
        address,
        rows,
      ] as const),
    select: (sheet: string, address: string) =>
      page().evaluate(([s, a]) => window.workbench!.select(s, a), [sheet, address]),
    selection: () => page().evaluate(() => window.workbench!.selection()),
    sheets: () => page().evaluate(() => window.workbench!.sheets()),
    tables: () => page().evaluate(() => window.workbench!.tables()),
    charts: () => page().evaluate(() => window.workbench!.charts()),
  };
}
