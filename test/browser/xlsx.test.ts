/**
 * A real .xlsx file opened in the workbench (values, formulas, number formats, tables come through,
 * CARNET formulas compute) and the workbook downloaded as .xlsx (another reader finds the same), the
 * add-in's document settings kept in the file as Excel keeps them.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import type { Frame } from "playwright-core";
import { ADDIN_ID, addSettingsToXlsx } from "../../src/workbench/xlsx-settings";
import { cell, openWorkbench, type Session } from "./support/browser";

jest.setTimeout(90_000);

let session: Session;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "carnet-xlsx-"));
  session = await openWorkbench();
});

afterAll(async () => {
  await session?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A small pipeline as Excel would save it: typed values, formats, a formula with its cached result, a table. */
async function writeFixture(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("Deals");
  ws.addTable({
    name: "Deals",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "Close date" }, { name: "Amount" }, { name: "Probability" }],
    rows: [
      [new Date(Date.UTC(2003, 3, 4)), 1000, 0.2],
      [new Date(Date.UTC(2003, 3, 3)), 2000, 0.5],
      [new Date(Date.UTC(2003, 3, 3)), 4000, 0.75],
    ],
  });
  for (let r = 2; r <= 4; r++) {
    ws.getCell(`A${r}`).numFmt = "dd/mm/yyyy";
    ws.getCell(`B${r}`).numFmt = '#,##0 "€"';
    ws.getCell(`C${r}`).numFmt = "0%";
  }
  ws.getCell("E1").value = "Weighted";
  ws.getCell("E2").value = { formula: "CARNET.WEIGHTED_PIPELINE(B2:B4,C2:C4)", result: 0 };
  ws.getCell("E2").numFmt = '#,##0 "€"';
  ws.getCell("F2").value = { formula: "SUM(B2:B4)", result: 7000 };
  await book.xlsx.writeFile(file);
}

const PANE = "iframe[title='Carnet task pane']";

async function paneFrame(): Promise<Frame> {
  const frame = await (await session.page.waitForSelector(PANE)).contentFrame();
  if (!frame) throw new Error("the task pane iframe has no frame");
  return frame;
}

async function download(name: string): Promise<string> {
  const [file] = await Promise.all([
    session.page.waitForEvent("download"),
    session.page.getByRole("button", { name: "Download .xlsx" }).click(),
  ]);
  const saved = path.join(dir, name);
  await file.saveAs(saved);
  return saved;
}

async function openFile(file: string): Promise<void> {
  await session.page.locator('[data-testid="open-file"]').setInputFiles(file);
  await session.page.locator(".wb-doc", { hasText: path.basename(file) }).waitFor();
}

const settings = () => session.page.evaluate(() => window.carnetHost!.settings.toJSON());

/** Settings whose values an attribute or JSON could lose. */
const TRICKY = {
  "carnet.settings": {
    mapping: { amount: 4, probability: 5, date: null },
    period: "quarter",
    stages: [{ name: 'Won "signed" <b> & co', probability: 1 }],
  },
  "test.text": "Société Bêta — 4 200 € · 東京 · 😀\nsecond line\ttab",
  "test.markup": '</we:property><we:property name="x" value="y"/> &amp; ]]>',
  "test.list": [1, "two", [3], { four: [null, true, -0.5] }],
  "test.number": 1e-7,
};

describe("xlsx files", () => {
  it("opens a real .xlsx: values, formulas, number formats and tables", async () => {
    const { page } = session;
    const file = path.join(dir, "deals.xlsx");
    await writeFixture(file);
    await page.locator('[data-testid="open-file"]').setInputFiles(file);
    await page.waitForFunction(() => window.workbench!.sheets().join() === "Deals");
    const values = await page.evaluate(() => window.workbench!.getValues("Deals", "A1:F2"));
    // 4 April 2003 is serial 37715 in Excel's 1900 date system.
    expect(values).toEqual([
      ["Close date", "Amount", "Probability", "", "Weighted", ""],
      [37715, 1000, 0.2, "", 4200, 7000],
    ]);
    const formulas = await page.evaluate(() => window.workbench!.getFormulas("Deals", "E2:F2"));
    expect(formulas).toEqual([["=CARNET.WEIGHTED_PIPELINE(B2:B4,C2:C4)", "=SUM(B2:B4)"]]);
    const formats = await page.evaluate(() => window.workbench!.getNumberFormats("Deals", "A2:C2"));
    expect(formats).toEqual([["dd/mm/yyyy", '#,##0 "€"', "0%"]]);
    const tables = await page.evaluate(() => window.workbench!.tables());
    expect(tables).toEqual([
      {
        name: "Deals",
        sheet: "Deals",
        address: "Deals!A1:C4",
        headers: ["Close date", "Amount", "Probability"],
      },
    ]);
    await expect(cell(page, "A2").textContent()).resolves.toBe("04/04/2003");
    await expect(cell(page, "E2").textContent()).resolves.toBe("4,200 €");
    await expect(page.locator(".wb-doc").textContent()).resolves.toContain("deals.xlsx");
  });

  it("downloads the workbook as .xlsx that another reader opens with the same content", async () => {
    const { page } = session;
    await page.evaluate(() => window.workbench!.setCells("Deals", "B2", [[3000]]));
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .xlsx" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("deals.xlsx");
    const saved = path.join(dir, "downloaded.xlsx");
    await download.saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    const ws = book.getWorksheet("Deals")!;
    expect(ws.getCell("B2").value).toBe(3000);
    expect(ws.getCell("B2").numFmt).toBe('#,##0 "€"');
    expect(ws.getCell("E2").formula).toBe("CARNET.WEIGHTED_PIPELINE(B2:B4,C2:C4)");
    // The cached result is the recalculated one: 3 000 × 20 % + 1 000 + 3 000.
    expect(ws.getCell("E2").result).toBe(4600);
    expect(
      ws.getTables().map((t) => (t as unknown as { table: { name: string } }).table.name)
    ).toEqual(["Deals"]);
    expect(session.errors).toEqual([]);
  });

  it("keeps the add-in's document settings through Download .xlsx and Open .xlsx, exactly", async () => {
    // The add-in stores them through Office.js, as the pane does.
    await (
      await paneFrame()
    ).evaluate(
      (values) =>
        Excel.run(async (context) => {
          for (const [key, value] of Object.entries(values))
            context.workbook.settings.add(key, value);
          await context.sync();
        }),
      TRICKY
    );
    const before = await settings();
    expect(before).toEqual(expect.objectContaining(TRICKY));
    const saved = await download("with-settings.xlsx");
    await openFile(saved);
    const after = await settings();
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    // Another reader still opens the file.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    expect(book.getWorksheet("Deals")!.getCell("B2").value).toBe(3000);
    expect(session.errors).toEqual([]);
  });

  it("opens a file whose web extension is another add-in's, taking none of its settings", async () => {
    const file = path.join(dir, "other-addin.xlsx");
    await writeFixture(file);
    const zip = await JSZip.loadAsync(
      await addSettingsToXlsx(fs.readFileSync(file), { "other.settings": { theme: "dark" } })
    );
    const part = "xl/webextensions/webextension1.xml";
    const other = (await zip.file(part)!.async("string")).replace(
      new RegExp(ADDIN_ID, "gi"),
      "5c7c8fef-a7c0-4f0f-9c7e-38a6c7e37ec8"
    );
    zip.file(part, other);
    fs.writeFileSync(file, await zip.generateAsync({ type: "uint8array" }));
    await openFile(file);
    expect(await session.page.evaluate(() => window.workbench!.sheets())).toEqual(["Deals"]);
    expect(await settings()).toEqual({});
    expect(session.errors).toEqual([]);
  });
});
