/**
 * Steering the reps inside the workbench (issue 14), as a sales manager does it: the forecast built in
 * the Pipeline tab (CarnetPipeline), then in the Team tab Build team; each rep's objective typed in
 * CarnetTeam's Objective cells in the grid; the collective weight (0.2) and a team objective typed in the
 * pane. Every figure (attainment, coverage, P(objective), blended, the trade-off) is checked against a
 * hand computation, in the sheet and in the cards; an objective edited in the grid updates its row.
 * Then three snapshots taken in the Pipeline tab's history with deals won and lost between them, and
 * Calibration: the Brier scores, the reliability table and chart, and a `=CARNET.BRIER` typed over the
 * same forecasts agrees with the pane.
 */
import type { FrameLocator, Locator } from "playwright-core";
import { serialFromYmd, ymdFromSerial } from "../../src/domain/dates";
import { TEAM_LABEL } from "../../src/excel/plan/teamSheet";
import type { CellInput } from "../../src/workbench/workbook-data";
import {
  goTo,
  openWorkbench,
  readmePicture,
  screenshot,
  showSheet,
  workbenchApi,
  type Session,
} from "./support/browser";

jest.setTimeout(120_000);

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

// ---------------------------------------------------------------------------------------------------------------
// The workbook: three reps' deals

const now = new Date();
const TODAY = serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
function iso(days: number): string {
  const { year, month, day } = ymdFromSerial(TODAY + days);
  const pad = (v: number) => String(v).padStart(2, "0");
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Anne: 15 000 won; open 4 000 at 50 % and 6 000 at 80 % (weighted 6 800).
 * Bruno: 2 000 won; open 3 000 at 50 % and 1 000 at 20 % (weighted 1 700).
 * Chloé: nothing won; open 10 000 at 40 % and 8 000 at 50 % (weighted 8 000).
 */
const DEALS: CellInput[][] = [
  ["Id", "Close date", "Company", "Product", "Amount", "Probability", "Forecast category", "Owner"],
  ["D1", iso(-20), "Alder Foods", "Alpha", 15000, 1, "Won", "Anne"],
  ["D2", iso(30), "Birch Retail", "Alpha", 4000, 0.5, "Best case", "Anne"],
  ["D3", iso(45), "Cedar Media", "Bravo", 6000, 0.8, "Commit", "Anne"],
  ["D4", iso(-10), "Dune Motors", "Bravo", 2000, 1, "Won", "Bruno"],
  ["D5", iso(40), "Elm Clinics", "Alpha", 3000, 0.5, "Best case", "Bruno"],
  ["D6", iso(50), "Fern Hotels", "Delta", 1000, 0.2, "Pipeline", "Bruno"],
  ["D8", iso(60), "Hill Energy", "Delta", 10000, 0.4, "Pipeline", "Chloé"],
  ["D9", iso(70), "Iris Labs", "Alpha", 8000, 0.5, "Best case", "Chloé"],
];
/** The sheet's row of each deal, for editing its forecast category. */
const ROW = Object.fromEntries(DEALS.slice(1).map((d, i) => [String(d[0]), i + 2]));

// ---------------------------------------------------------------------------------------------------------------
// Driving the pane

async function showTab(name: "Pipeline" | "Team"): Promise<void> {
  await pane().getByRole("tab", { name, exact: true }).click();
}

/** Waits until the Team tab is idle: Build team enabled, no progress bar anywhere in the pane. */
async function teamIdle(): Promise<void> {
  await pane()
    .getByRole("button", { name: "Build team", exact: true })
    .and(pane().locator(":enabled"))
    .waitFor();
  await pane().getByRole("progressbar").first().waitFor({ state: "detached" });
}

async function click(name: string): Promise<void> {
  await pane().getByRole("button", { name, exact: true }).click();
}

/** Types in one of the manager's fields and presses Enter, then waits for the team written again. */
async function setField(label: "Collective weight" | "Team objective", text: string) {
  const field = pane().getByLabel(label, { exact: true });
  await field.fill(text);
  await field.press("Enter");
  await teamIdle();
}

/** A rep's card: label → value, as the pane prints them. */
async function card(rep: string): Promise<Record<string, string>> {
  const figures = pane().getByRole("group", { name: rep, exact: true }).locator("dl");
  const labels = await figures.locator("dt").allTextContents();
  const values = await figures.locator("dd").allTextContents();
  return Object.fromEntries(labels.map((l, i) => [l, values[i]]));
}

/** The trade-off line of a rep's card. */
const cardLine = (rep: string): Locator =>
  pane().getByRole("group", { name: rep, exact: true }).locator("p");

/** A figure as the pane prints it in the browser's locale. */
const shown = (n: number) =>
  session.page.evaluate(
    (v) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(v),
    n
  );
const shownPercent = (n: number) =>
  session.page.evaluate(
    (v) =>
      new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 }).format(v),
    n
  );
const shownCoverage = (n: number) =>
  session.page.evaluate(
    (v) => `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(v)}×`,
    n
  );
const shownBrier = (n: number) =>
  session.page.evaluate(
    (v) =>
      new Intl.NumberFormat(undefined, {
        minimumFractionDigits: 3,
        maximumFractionDigits: 3,
      }).format(v),
    n
  );

/** Take snapshot in the Pipeline tab's history, waiting for its rows in CarnetSnapshots. */
async function takeSnapshot(): Promise<void> {
  const table = (await wb.tables()).find((x) => x.name === "CarnetSnapshots");
  const count = table ? (await wb.values(table.sheet, table.address.split("!").pop()!)).length : 0;
  await click("Take snapshot");
  await session.page.waitForFunction((n) => {
    const t = window.workbench!.tables().find((x) => x.name === "CarnetSnapshots");
    if (!t) return false;
    return window.workbench!.getValues(t.sheet, t.address.split("!").pop()!).length > n;
  }, count);
  await pane()
    .getByRole("button", { name: "Take snapshot", exact: true })
    .and(pane().locator(":enabled"))
    .waitFor();
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the workbook

async function tableOf(name: string) {
  const table = (await wb.tables()).find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return table;
}

/** CarnetTeam's rows by rep, one record per row by header, as the grid holds them now. */
async function teamRows(): Promise<Record<string, Record<string, CellInput>>> {
  const table = await tableOf("CarnetTeam");
  const rows = await wb.values(table.sheet, table.address.split("!").pop()!);
  return Object.fromEntries(
    rows
      .slice(1)
      .map((row) => Object.fromEntries(table.headers.map((h, i) => [h, row[i] as CellInput])))
      .map((r) => [String(r.Rep), r])
  );
}

/** The grid address of a rep's cell in CarnetTeam. */
async function teamCell(rep: string, header: string): Promise<{ sheet: string; address: string }> {
  const table = await tableOf("CarnetTeam");
  const m = /([A-Z]+)(\d+):[A-Z]+\d+$/.exec(table.address)!;
  const reps = Object.keys(await teamRows());
  const index = reps.indexOf(rep);
  if (index < 0) throw new Error(`no row for ${rep} in CarnetTeam`);
  const col = m[1].charCodeAt(0) - 65 + table.headers.indexOf(header);
  return {
    sheet: table.sheet,
    address: `${String.fromCharCode(65 + col)}${Number(m[2]) + 1 + index}`,
  };
}

/** Types a rep's objective in CarnetTeam as a person does: Name box, type, Enter. */
async function typeObjective(rep: string, objective: number): Promise<void> {
  const at = await teamCell(rep, "Objective");
  await showSheet(session.page, at.sheet);
  await goTo(session.page, at.address);
  await session.page.keyboard.type(String(objective));
  await session.page.keyboard.press("Enter");
  await session.page.waitForFunction(
    ([sheet, address, value]) => window.workbench!.getValues(sheet, address)[0][0] === value,
    [at.sheet, at.address, objective] as const
  );
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Objectives: Anne 10 000, Bruno 4 000, Chloé 15 000 (Σ 29 000); team objective typed 25 000; w = 0.2.
 * Team won 17 000 of 25 000 = 68 %, so the team's part of every blend is 0.2 × 68 % = 13.6 points.
 * - Anne: 15 000 ÷ 10 000 = 150 %, objective reached: no coverage, P = 100 %; blended 120 + 13.6 =
 *   133.6 %, 16.4 points below her own: held back.
 * - Bruno: 2 000 ÷ 4 000 = 50 %; coverage 1 700 ÷ 2 000 = 0.85; P(won ≥ 2 000 more) = P(the 3 000
 *   deal) = 50 %; blended 40 + 13.6 = 53.6 %: even.
 * - Chloé: 0 ÷ 15 000 = 0 %; coverage 8 000 ÷ 15 000 = 0.533; P(≥ 15 000) = both deals = 0.4 × 0.5 =
 *   20 %; blended 0 + 13.6 = 13.6 %, carried.
 */
const EXPECTED = {
  Anne: {
    objective: 10000,
    open: 10000,
    weighted: 6800,
    won: 15000,
    attainment: 1.5,
    coverage: null,
    p: 1,
    blended: 1.336,
  },
  Bruno: {
    objective: 4000,
    open: 4000,
    weighted: 1700,
    won: 2000,
    attainment: 0.5,
    coverage: 0.85,
    p: 0.5,
    blended: 0.536,
  },
  Chloé: {
    objective: 15000,
    open: 18000,
    weighted: 8000,
    won: 0,
    attainment: 0,
    coverage: 8000 / 15000,
    p: 0.2,
    blended: 0.136,
  },
} as const;

describe("the Team tab", () => {
  beforeAll(async () => {
    await session.page.evaluate((data) => window.workbench!.loadWorkbook(data), {
      sheets: [{ name: "Deals", rows: DEALS }],
    });
    await pane().getByRole("tab", { name: "Team" }).waitFor();
    await wb.select("Deals", "C3");
    await showTab("Pipeline");
    await click("Read selection");
    await click("Build forecast");
    await pane()
      .getByText(/^Written to /)
      .waitFor();
  });

  it("builds CarnetTeam from the pipeline, a row per rep, and shows it", async () => {
    await showTab("Team");
    await teamIdle();
    await expect(
      pane()
        .getByText(/^No CarnetTeam in this workbook yet/)
        .count()
    ).resolves.toBe(1);
    await click("Build team");
    await teamIdle();
    await pane()
      .getByText(/^CarnetTeam written to /)
      .waitFor();
    const rows = await teamRows();
    expect(Object.keys(rows)).toEqual(["Anne", "Bruno", "Chloé"]);
    for (const [rep, e] of Object.entries(EXPECTED))
      expect([rows[rep]["Open pipeline"], rows[rep].Weighted, rows[rep].Won]).toEqual([
        e.open,
        e.weighted,
        e.won,
      ]);
    expect((await card("Chloé")).Weighted).toBe(await shown(8000));
    expect((await card("Anne")).Objective).toBe("–");
    expect(session.errors).toEqual([]);
  });

  it("shows objectives typed in CarnetTeam's cells when the tab is shown again", async () => {
    for (const [rep, e] of Object.entries(EXPECTED)) await typeObjective(rep, e.objective);
    // Attainment is a live formula: the sheet follows the typed objective at once.
    expect((await teamRows()).Anne.Attainment).toBe(1.5);
    await showTab("Pipeline");
    await showTab("Team");
    await teamIdle();
    expect((await card("Bruno")).Objective).toBe(await shown(4000));
    expect((await card("Bruno")).Attainment).toBe(await shownPercent(0.5));
    // Blank team objective: the team's is Σ individual objectives, 29 000.
    await pane()
      .getByText(new RegExp(`^Team objective ${await shown(29000)} \\(Σ individual objectives\\)`))
      .waitFor();
    expect(session.errors).toEqual([]);
  });

  it("refuses a weight outside [0, 1] next to the field, and writes nothing", async () => {
    const field = pane().getByLabel("Collective weight", { exact: true });
    await field.fill("20");
    await field.press("Enter");
    await pane().getByText("Collective weight 20 is above 1: write 20% or 0.2").waitFor();
    await expect(field.getAttribute("aria-invalid")).resolves.toBe("true");
    expect(session.errors).toEqual([]);
  });

  it("blends each rep's attainment with the team's at w = 0.2 and a team objective of 25 000", async () => {
    await setField("Collective weight", "0.2");
    await setField("Team objective", "25 000");
    await pane()
      .getByText(
        `Team objective ${await shown(25000)}, won ${await shown(17000)}: attainment ${await shownPercent(0.68)}.`
      )
      .waitFor();
    const rows = await teamRows();
    for (const [rep, e] of Object.entries(EXPECTED)) {
      const row = rows[rep];
      expect(row.Objective).toBe(e.objective);
      expect(row.Attainment as number).toBeCloseTo(e.attainment, 9);
      if (e.coverage === null) expect(row.Coverage).toBe("");
      else expect(row.Coverage as number).toBeCloseTo(e.coverage, 9);
      expect(row["P(objective)"] as number).toBeCloseTo(e.p, 9);
      expect(row["Blended attainment"] as number).toBeCloseTo(e.blended, 9);
      // The card shows the sheet's figures.
      const shownCard = await card(rep);
      expect(shownCard).toMatchObject({
        "Open pipeline": await shown(e.open),
        Weighted: await shown(e.weighted),
        Objective: await shown(e.objective),
        Won: await shown(e.won),
        Attainment: await shownPercent(e.attainment),
        Coverage: e.coverage === null ? "–" : await shownCoverage(e.coverage),
        "P(objective)": await shownPercent(e.p),
        Blended: await shownPercent(e.blended),
      });
    }
    // The handbook's trade-off, in words.
    await expect(cardLine("Anne").textContent()).resolves.toMatch(
      /Held back by the team \(−16 points\)\.$/
    );
    await expect(cardLine("Chloé").textContent()).resolves.toMatch(
      /Carried by the team \(\+14 points\)\.$/
    );
    await expect(cardLine("Bruno").textContent()).resolves.toMatch(
      /The team barely moves it \(\+4 points\)\.$/
    );
    await pane()
      .getByText(
        `At ${await shownPercent(0.2)} team, carried by the team: Chloé; held back by it: Anne.`
      )
      .waitFor();
    // Stored in the workbook: read again, the fields hold what was typed.
    await showTab("Pipeline");
    await showTab("Team");
    await teamIdle();
    await expect(
      pane().getByLabel("Collective weight", { exact: true }).inputValue()
    ).resolves.toBe("20 %");
    await expect(pane().getByLabel("Team objective", { exact: true }).inputValue()).resolves.toBe(
      "25000"
    );
    // The native chart of attainment by rep, on CarnetTeam's sheet.
    const teamSheet = (await tableOf("CarnetTeam")).sheet;
    expect((await wb.charts()).some((c) => c.sheet === teamSheet)).toBe(true);
    await goTo(session.page, "A1");
    await readmePicture(session.page, "team.png");
    expect(session.errors).toEqual([]);
  });

  it("updates a rep's row when their objective is edited in the grid", async () => {
    // Bruno 4 000 → 5 000: 2 000 ÷ 5 000 = 40 %; coverage 1 700 ÷ 3 000; blended 32 + 13.6 = 45.6 %.
    await typeObjective("Bruno", 5000);
    const row = (await teamRows()).Bruno;
    expect(row.Attainment as number).toBeCloseTo(0.4, 9);
    expect(row.Coverage as number).toBeCloseTo(1700 / 3000, 9);
    expect(row["Blended attainment"] as number).toBeCloseTo(0.456, 9);
    await click("Refresh");
    await teamIdle();
    await expect(card("Bruno")).resolves.toMatchObject({
      Objective: await shown(5000),
      Attainment: await shownPercent(0.4),
      Coverage: await shownCoverage(1700 / 3000),
      Blended: await shownPercent(0.456),
      "P(objective)": "–",
    });
    // P(objective) is computed by Build team: the pane says it is for another objective now, where.
    const problems = pane().getByRole("list", { name: "CarnetTeam problems" });
    await expect(problems.getByRole("listitem").allTextContents()).resolves.toEqual([
      expect.stringMatching(
        /P\(objective\) of Bruno was computed for another objective: Build team computes it again\.$/
      ),
    ]);
    // Built again, it is computed for 5 000: P(won ≥ 3 000 more) = P(the 3 000 deal) = 50 %.
    await click("Build team");
    await teamIdle();
    await expect(card("Bruno")).resolves.toMatchObject({ "P(objective)": await shownPercent(0.5) });
    await expect(problems.count()).resolves.toBe(0);
    expect(session.errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

/**
 * Three snapshots, deals closing between them and after the last:
 *   snapshot 1, then D2 won and D6 lost; snapshot 2, then D3 lost and D8 won; snapshot 3, then D5 won.
 * Forecasts (open in a snapshot, closed now), stated p → outcome:
 *   snapshot 1: D2 .5→1, D3 .8→0, D5 .5→1, D6 .2→0, D8 .4→1;  snapshot 2: D3 .8→0, D5 .5→1, D8 .4→1;
 *   snapshot 3: D5 .5→1. D9 is still open: no forecast.
 * Brier (team) = (.25 + .64 + .25 + .04 + .36 + .64 + .25 + .36 + .25) ÷ 9 = 3.04 ÷ 9;
 * Anne (D2, D3, D3) 1.53 ÷ 3 = 0.51; Bruno (D5 ×3, D6) 0.79 ÷ 4; Chloé (D8 ×2) 0.72 ÷ 2 = 0.36.
 */
const FORECASTS: [number, CellInput][] = [
  [0.5, "Won"],
  [0.8, "Lost"],
  [0.5, 1],
  [0.2, 0],
  [0.4, "Gagné"],
  [0.8, "perdu"],
  [0.5, "WON"],
  [0.4, true],
  [0.5, 1],
];
const TEAM_BRIER = 3.04 / 9;

describe("calibration", () => {
  const close = (id: string, category: "Won" | "Lost") =>
    wb.setCells("Deals", `G${ROW[id]}`, [[category]]);

  it("measures the forecasts of three snapshots, writes the table and chart, and agrees with CARNET.BRIER", async () => {
    await showTab("Pipeline");
    await takeSnapshot();
    await close("D2", "Won");
    await close("D6", "Lost");
    await takeSnapshot();
    await close("D3", "Lost");
    await close("D8", "Won");
    await takeSnapshot();
    await close("D5", "Won");

    await showTab("Team");
    await teamIdle();
    await click("Calibration");
    await teamIdle();
    await pane()
      .getByText(/^Calibration of 9 forecasts written to /)
      .waitFor();

    const brier = pane().getByRole("table", { name: "Brier score by rep" });
    const rowOf = (name: string) =>
      brier
        .getByRole("row", { name: new RegExp(`^${name} `) })
        .locator("td")
        .allTextContents();
    await expect(rowOf("Team")).resolves.toEqual(["9", await shownBrier(TEAM_BRIER)]);
    await expect(rowOf("Anne")).resolves.toEqual(["3", await shownBrier(0.51)]);
    await expect(rowOf("Bruno")).resolves.toEqual(["4", await shownBrier(0.79 / 4)]);
    await expect(rowOf("Chloé")).resolves.toEqual(["2", await shownBrier(0.36)]);
    await pane()
      .getByText(/0 is perfect, 0\.25 is always saying 50 %/)
      .waitFor();

    // Reliability of the team: [20, 40 %) holds D6 at 20 %, lost; [40, 60 %) the six forecasts at 50 %
    // and 40 % (stated 2.8 ÷ 6), all won; [80, 100 %] D3 twice at 80 %, lost; the other bands none.
    const reliability = pane().getByRole("table", { name: "Reliability of the team" });
    const band = (label: string) =>
      reliability
        .getByRole("row", { name: new RegExp(`^${label} `) })
        .locator("td")
        .allTextContents();
    await expect(band("20–40 %")).resolves.toEqual([
      "1",
      await shownPercent(0.2),
      await shownPercent(0),
    ]);
    await expect(band("40–60 %")).resolves.toEqual([
      "6",
      await shownPercent(2.8 / 6),
      await shownPercent(1),
    ]);
    await expect(band("80–100 %")).resolves.toEqual([
      "2",
      await shownPercent(0.8),
      await shownPercent(0),
    ]);
    await expect(
      pane()
        .getByRole("img", { name: /^Reliability chart of the team: / })
        .count()
    ).resolves.toBe(1);

    // On the workbook: the calibration sheet and its chart.
    const message = (await pane()
      .getByText(/^Calibration of 9 forecasts written to /)
      .textContent())!;
    const sheet = /written to (.+) with \d+ charts?\.$/.exec(message)![1];
    expect(await wb.sheets()).toContain(sheet);
    expect((await wb.charts()).some((c) => c.sheet === sheet)).toBe(true);
    const calibration = await tableOf("CarnetCalibration");
    expect(calibration.sheet).toBe(sheet);
    const written = await wb.values(sheet, calibration.address.split("!").pop()!);
    const teamRow = written.find((r) => r[0] === TEAM_LABEL)!;
    expect(teamRow[1]).toBe(9);
    expect(teamRow[2] as number).toBeCloseTo(TEAM_BRIER, 12);
    expect((await tableOf("CarnetReliability")).sheet).toBe(sheet);

    // The same forecasts typed in a sheet of the user's, and CARNET.BRIER over them.
    await wb.setCells("Deals", "K1", [["p", "o"], ...FORECASTS]);
    await showSheet(session.page, "Deals");
    await goTo(session.page, "M1");
    await session.page.keyboard.type("=CARNET.BRIER(K2:K10,L2:L10)");
    await session.page.keyboard.press("Enter");
    const [[value]] = await wb.values("Deals", "M1");
    // The workbench's engine keeps 11 significant digits of a formula's result.
    expect(value as number).toBeCloseTo(TEAM_BRIER, 9);
    await expect(rowOf("Team")).resolves.toEqual(["9", await shownBrier(value as number)]);
    await pane()
      .getByRole("img", { name: /^Reliability chart of the team: / })
      .scrollIntoViewIfNeeded();
    await screenshot(session.page, "calibration.png");
    expect(session.errors).toEqual([]);
  });
});

/**
 * A stage's suggestion adopted: ten deals at Proposal (no probability typed: the stage table's 50 %)
 * in two snapshots, then seven won and three lost: 20 forecasts at Proposal, 14 won, a win rate of
 * 70 %. Adopted, the stage table holds 70 % and the Pipeline tab weighs the open Proposal deal with it.
 */
describe("adopting a stage's suggested probability", () => {
  const HEADERS = ["Id", "Company", "Amount", "Probability", "Stage", "Forecast category", "Owner"];
  const TEN = Array.from({ length: 10 }, (_, i) => [
    `P${i + 1}`,
    `Company ${i + 1}`,
    1000,
    "",
    "Proposal",
    "Pipeline",
    i % 2 === 0 ? "Anne" : "Bruno",
  ]);
  const OPEN = ["P11", "Company 11", 1000, "", "Proposal", "Pipeline", "Chloé"];

  /** The Pipeline tab's headline figure under its label. */
  const headline = async (label: string) =>
    (await pane()
      .getByText(label, { exact: true })
      .first()
      .locator("xpath=following-sibling::*[1]")
      .textContent()) ?? "";

  it("offers the stage's win rate from 20 forecasts, and the Pipeline tab uses it once adopted", async () => {
    await session.page.evaluate((data) => window.workbench!.loadWorkbook(data), {
      sheets: [{ name: "Stages", rows: [HEADERS, ...TEN, OPEN] as CellInput[][] }],
    });
    await pane().getByRole("button", { name: "Read selection" }).waitFor();
    await wb.select("Stages", "B2");
    await showTab("Pipeline");
    await click("Read selection");
    // Eleven open deals of 1 000 at the stage table's 50 %.
    await expect(headline("Weighted")).resolves.toBe(await shown(5500));
    await takeSnapshot();
    await takeSnapshot();
    for (let i = 0; i < 10; i++)
      await wb.setCells("Stages", `F${i + 2}`, [[i < 7 ? "Won" : "Lost"]]);

    await showTab("Team");
    await teamIdle();
    await click("Calibration");
    await teamIdle();
    const suggestions = pane().getByRole("list", { name: "Stage suggestions" });
    await suggestions
      .getByText(
        `Proposal: 20 forecasts, won ${await shownPercent(0.7)}; the stage table says ${await shownPercent(0.5)}.`
      )
      .waitFor();
    // The stages no forecast was made at are named in one line, with nothing to adopt.
    await pane()
      .getByText(/^No forecast yet at Prospecting, Qualification, .*Negotiation/)
      .waitFor();
    await expect(suggestions.getByRole("button").count()).resolves.toBe(1);
    await suggestions
      .getByRole("button", { name: `Adopt ${await shownPercent(0.7)} for Proposal` })
      .click();
    await suggestions.getByText("Adopted").waitFor();

    // The Pipeline tab's stage table and figures follow: the eleven deals it last read now weigh 700
    // each; read again, only P11 is open: 700.
    await showTab("Pipeline");
    await expect(headline("Weighted")).resolves.toBe(await shown(7700));
    await wb.select("Stages", "B2");
    await click("Read selection");
    await pane().getByRole("progressbar").waitFor({ state: "detached" });
    await expect(headline("Weighted")).resolves.toBe(await shown(700));
    await pane().getByRole("button", { name: "Stage table (default probabilities)" }).click();
    const stages = await pane()
      .getByRole("textbox", { name: /^Stage \d+$/ })
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    const at = stages.indexOf("Proposal") + 1;
    await expect(
      pane().getByLabel(`Probability of stage ${at}`, { exact: true }).inputValue()
    ).resolves.toBe("70 %");
    expect(session.errors).toEqual([]);
  });
});
