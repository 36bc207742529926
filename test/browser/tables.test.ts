/**
 * Reading real tables: the pipeline pane on tables as sales workbooks hold them, driven as a sales
 * manager drives it (select a cell, "Read selection", look at the columns and the report). Each case
 * is one the pane used to get wrong: a deleted deal's blank row above the selection, a two-row header
 * under a title, a header pasted again mid-table, a block of formulas one blank row under the table.
 */
import type { FrameLocator } from "playwright-core";
import type { CellInput } from "../../src/workbench/workbook-data";
import { openWorkbench, workbenchApi, type Session } from "./support/browser";

jest.setTimeout(60_000);

let session: Session;

beforeAll(async () => {
  session = await openWorkbench();
});

afterAll(async () => {
  await session?.close();
});

const PANE = "iframe[title='Carnet task pane']";
const pane = (): FrameLocator => session.page.frameLocator(PANE);
const wb = workbenchApi(() => session.page);

async function open(sheets: Record<string, CellInput[][]>): Promise<void> {
  await session.page.evaluate((data) => window.workbench!.loadWorkbook(data), {
    sheets: Object.entries(sheets).map(([name, rows]) => ({ name, rows })),
  });
  await pane().getByRole("button", { name: "Read selection" }).waitFor();
}

/** Clicks a pane button and waits until the pane is idle again. */
async function click(name: string): Promise<void> {
  await pane().getByRole("button", { name, exact: true }).click();
  await idle();
}

const idle = () =>
  pane().getByRole("button", { name: "Read selection" }).and(pane().locator(":enabled")).waitFor();

/** The pane shows where the table is and which row it took as the header. */
async function shows(address: string, header: number): Promise<void> {
  await pane().getByText(address, { exact: true }).waitFor();
  await pane().getByText(`Header: row ${header}`).waitFor();
}

const qualityLine = () => pane().getByText(/deals read ·/);
const columnsLine = () => pane().getByRole("button", { name: /^Columns: / });
const reportLines = () =>
  pane().getByRole("list", { name: "Data-quality report" }).getByRole("button").allTextContents();

/** A French team's pipeline, ten columns: every one Carnet knows. */
const HEADER = [
  "Id",
  "Date jalon",
  "Société",
  "Interlocuteur",
  "Nature",
  "Montant",
  "Probabilité",
  "Commercial",
  "Étape",
  "Catégorie",
];
const COMPANIES = ["Alpha", "Bêta", "Gamma", "Delta", "Epsilon", "Zêta", "Êta", "Thêta", "Iota"];

/** Deal n (from 1): dates in spring 2003, amounts typed as text, probabilities as percentages. */
function deal(n: number): CellInput[] {
  return [
    `D-${String(n).padStart(3, "0")}`,
    `2003-0${4 + (n % 3)}-${String(1 + (n % 28)).padStart(2, "0")}`,
    `${COMPANIES[n % COMPANIES.length]} ${n}`,
    `Contact ${n}`,
    `Produit ${"ABC"[n % 3]}`,
    `${1000 + 250 * (n % 8)} €`,
    `${10 * (1 + (n % 9))} %`,
    n % 2 ? "Anne" : "Bruno",
    "Proposition",
    "Pipeline",
  ];
}
const deals = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => deal(from + i));
const BLANK: CellInput[] = [];

describe("a blank row inside the table (a deleted deal)", () => {
  it("finds the header above it when the selection is below it", async () => {
    // Header on row 1, deals on rows 2–10 and 12–20, row 11 emptied when a deal was deleted.
    await open({ Ventes: [HEADER, ...deals(1, 9), BLANK, ...deals(10, 18)] });
    await wb.select("Ventes", "C15");
    await click("Read selection");
    await expect(columnsLine().textContent()).resolves.toBe("Columns: 10 of 10 recognised");
    await shows("Ventes!A1:J20", 1);
    await expect(qualityLine().textContent()).resolves.toBe(
      "18 deals read · 0 total rows left out · 0 problems"
    );
    expect(session.errors).toEqual([]);
  });
});

describe("a two-row header under a title", () => {
  it("skips the title and the group row, says which row is the header, and lets the user pick another", async () => {
    await open({
      Ventes: [
        ["Carnet commercial — printemps 2003"],
        ["Affaire", null, null, null, null, "Montants", null, "Avancement", null, null],
        HEADER,
        ...deals(1, 12),
      ],
    });
    await wb.select("Ventes", "C6");
    await click("Read selection");
    await expect(columnsLine().textContent()).resolves.toBe("Columns: 10 of 10 recognised");
    await shows("Ventes!A3:J15", 3);
    await expect(qualityLine().textContent()).resolves.toBe(
      "12 deals read · 0 total rows left out · 0 problems"
    );

    // The user says the header is row 2 (wrongly): the pane reads again with it, and keeps the choice.
    await columnsLine().click();
    const picker = pane().getByRole("combobox", { name: "Header row" });
    await expect(picker.locator("option").allTextContents()).resolves.toEqual([
      "Row 1: Carnet commercial — printemps 2003",
      "Row 2: Affaire · Montants · Avancement",
      "Row 3: Id · Date jalon · Société · Interlocuteur · Nature · Montant · Probabilité · …",
      "Row 4: D-001 · 2003-05-02 · Bêta 1 · Contact 1 · Produit B · 1250 € · 20 % · …",
      "Row 5: D-002 · 2003-06-03 · Gamma 2 · Contact 2 · Produit C · 1500 € · 30 % · …",
      "Row 6: D-003 · 2003-04-04 · Delta 3 · Contact 3 · Produit A · 1750 € · 40 % · …",
    ]);
    await picker.selectOption({ label: "Row 2: Affaire · Montants · Avancement" });
    await idle();
    await shows("Ventes!A2:J15", 2);
    await expect(columnsLine().textContent()).resolves.toMatch(/^Columns: [0-2] of 10 recognised$/);
    // Kept in the workbook with the source: the pane opens again and reads the last range the same way.
    await (
      await session.page.waitForSelector(PANE)
    )
      .contentFrame()
      .then((frame) => frame!.evaluate(() => location.reload()));
    await click("Read last range");
    await shows("Ventes!A2:J15", 2);

    // And back to row 3.
    await pane().getByText("Header: row 2 (your choice)", { exact: true }).waitFor();
    await pane().getByRole("combobox", { name: "Header row" }).selectOption({
      label:
        "Row 3: Id · Date jalon · Société · Interlocuteur · Nature · Montant · Probabilité · …",
    });
    await idle();
    await shows("Ventes!A3:J15", 3);
    await expect(columnsLine().textContent()).resolves.toBe("Columns: 10 of 10 recognised");
    expect(session.errors).toEqual([]);
  });
});

describe("a header repeated mid-table (a pasted block)", () => {
  it("is left out like a total row and reported with its address", async () => {
    await open({ Ventes: [HEADER, ...deals(1, 10), HEADER, ...deals(11, 18)] });
    await wb.select("Ventes", "C5");
    await click("Read selection");
    await expect(qualityLine().textContent()).resolves.toBe(
      "18 deals read · 0 total rows left out · 1 header row left out · 0 problems"
    );
    await shows("Ventes!A1:J20", 1);
    await expect(reportLines()).resolves.toEqual([
      "Row at Ventes!A12:J12 repeats the header: left out",
    ]);
    expect(session.errors).toEqual([]);
  });
});

describe("a block of formulas one blank row under the table", () => {
  it("ends the table, and the report says what was left out", async () => {
    // 37 deals on rows 2–38, row 39 blank, then a block of 18 formulas on rows 40–57: a check the
    // team keeps under the table, whose numbers used to read as 18 deals dated 1900–1934.
    const checks: CellInput[][] = Array.from({ length: 18 }, () => [
      "=ROW()-39",
      "=(ROW()-39)*700",
      '="Semaine "&(ROW()-39)',
      null,
      null,
      "=COUNTA(F2:F38)*100",
      "=ROW()/100",
    ]);
    await open({ Ventes: [HEADER, ...deals(1, 37), BLANK, ...checks] });
    expect(await wb.values("Ventes", "B57")).toEqual([[12600]]);
    await wb.select("Ventes", "C5");
    await click("Read selection");
    await expect(qualityLine().textContent()).resolves.toBe(
      "37 deals read · 0 total rows left out · 18 rows below the table left out · 0 problems"
    );
    await shows("Ventes!A1:J38", 1);
    const lines = await reportLines();
    expect(lines).toEqual(["Rows 40–57 below a blank row do not look like deals: left out"]);
    // Clicking the line shows the rows left out.
    await pane().getByRole("button", { name: lines[0] }).click();
    await session.page.waitForFunction(() => window.workbench!.selection().address === "A40:J57");

    // The forecast holds the 37 deals, none dated in 1900–1934.
    await click("Build forecast");
    await pane()
      .getByText(/^Written to /)
      .waitFor();
    const table = (await wb.tables()).find((t) => t.name === "CarnetForecastByPeriod")!;
    const rows = await wb.values(table.sheet, table.address.split("!").pop()!);
    const periods = rows.slice(1).map((r) => r[table.headers.indexOf("Period")]);
    expect(periods).toEqual(["2003-Q2"]);
    expect(session.errors).toEqual([]);
  });
});
