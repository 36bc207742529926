/**
 * Carnet in French inside the workbench (issue 15), as a French sales manager meets it: the workbench
 * started with ?lang=fr (Office's display and document language French, the fr-FR regional format),
 * the sample's pipeline built with the pane's French buttons, the tables Carnet writes in French
 * (headers, periods "T1 2027"), a French formula =CARNET.PIPELINE_PONDERE computing what the English
 * one does, the Matrix, Plan and Team tabs in French. Then the top bar's Language switched with a
 * workbook open: the workbook stays, the pane reloads in the other language.
 *
 * Every label the test clicks comes from the pane's catalogue (`translate("fr", key)`), and is checked
 * to differ from the English one the other browser tests click, so that finding it proves French.
 */
import type { FrameLocator } from "playwright-core";
import { ACTION_PLAN_COLUMNS_FR } from "../../src/domain/actionPlan/rows";
import { nextSemester, semesterBounds, semesterOf } from "../../src/domain/actionPlan/semester";
import { serialFromYmd, ymdFromSerial } from "../../src/domain/dates";
import { functionName } from "../../src/domain/functionNames";
import { zoneName } from "../../src/domain/matrix";
import { type MessageKey, type MessageParams, translate } from "../../src/taskpane/i18n/messages";
import {
  goTo,
  openWorkbench,
  readmePicture,
  showSheet,
  workbenchApi,
  type Session,
} from "./support/browser";

jest.setTimeout(180_000);

let session: Session;
const PANE = "iframe[title='Carnet task pane']";
/** The task pane, re-found on each use: a language switch reloads it. */
const pane = (): FrameLocator => session.page.frameLocator(PANE);
const wb = workbenchApi(() => session.page);

const fr = (key: MessageKey, params?: MessageParams) => translate("fr", key, params);
const en = (key: MessageKey, params?: MessageParams) => translate("en", key, params);

/** The French label of `key`, which must not be the English one (else finding it proves nothing). */
function french(key: MessageKey, params?: MessageParams): string {
  const label = fr(key, params);
  expect(label).not.toBe(en(key, params));
  return label;
}

async function click(name: string): Promise<void> {
  await pane().getByRole("button", { name, exact: true }).click();
}

/** Clicks a button of the Pipeline or Matrix tab and waits until the pane is idle again. */
async function clickAndWait(name: string): Promise<void> {
  await click(name);
  await pane()
    .getByRole("button", { name: fr("app.source.readSelection"), exact: true })
    .and(pane().locator(":enabled"))
    .waitFor();
}

async function showTab(key: MessageKey): Promise<void> {
  await pane()
    .getByRole("tab", { name: fr(key), exact: true })
    .click();
}

async function tableOf(name: string) {
  const table = (await wb.tables()).find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return table;
}

/** One column of a table's body, by header. */
async function column(name: string, header: string) {
  const table = await tableOf(name);
  const rows = await wb.values(table.sheet, table.address.split("!").pop()!);
  const at = table.headers.indexOf(header);
  if (at < 0) throw new Error(`${name} has no column ${header}: ${table.headers.join(", ")}`);
  return rows.slice(1).map((row) => row[at]);
}

/** Clicks a cell through the name box, types as a person does and presses Enter. */
async function typeAt(sheet: string, address: string, text: string): Promise<void> {
  await showSheet(session.page, sheet);
  await goTo(session.page, address);
  await session.page.keyboard.type(text);
  await session.page.keyboard.press("Enter");
}

/** The sample's pipeline columns, as the summary sheet's formulas name them. */
async function pipelineArgs(): Promise<string> {
  const table = await tableOf("Pipeline");
  const last = /(\d+)$/.exec(table.address)![1];
  const col = (letter: string) => `Pipeline!${letter}2:${letter}${last}`;
  return `${col("E")},${col("F")},${col("A")},,,${col("I")}`;
}

// ---------------------------------------------------------------------------------------------------------------

describe("the workbench started in French (?lang=fr)", () => {
  beforeAll(async () => {
    session = await openWorkbench({ width: 1280, height: 800 }, "?lang=fr");
    await pane()
      .getByRole("tab", { name: fr("app.tab.matrix"), exact: true })
      .waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("shows Français in the top bar, the pane's tabs in French, and reads typing the French way", async () => {
    await expect(session.page.getByLabel("Language", { exact: true }).inputValue()).resolves.toBe(
      "fr"
    );
    await expect(session.page.evaluate(() => window.workbench!.language())).resolves.toBe("fr");
    for (const key of ["app.tab.matrix", "app.tab.team", "app.tab.functions"] as const)
      await pane()
        .getByRole("tab", { name: french(key), exact: true })
        .waitFor();
    await expect(
      pane()
        .getByRole("tab", { name: en("app.tab.matrix") })
        .count()
    ).resolves.toBe(0);
    // ?lang=fr implies the fr-FR regional format: "1 000,50" is a number, 15/03/2027 the 15th of March.
    await typeAt("Summary", "H1", "1 000,50");
    await typeAt("Summary", "H2", "15/03/2027");
    expect(await wb.values("Summary", "H1:H2")).toEqual([[1000.5], [serialFromYmd(2027, 3, 15)]]);
    await wb.setCells("Summary", "H1:H2", [[null], [null]]);
  });

  it("builds the sample's forecast with the French buttons: French headers, periods T1 2027", async () => {
    await wb.select("Pipeline", "B2");
    await showTab("app.tab.pipeline");
    await clickAndWait(french("app.source.readSelection"));
    await clickAndWait(french("pipeline.forecast.build"));
    await pane().getByText(french("pipeline.built.live"), { exact: false }).waitFor();

    const pipeline = await tableOf("CarnetPipeline");
    expect(pipeline.headers).toEqual(
      expect.arrayContaining(["Date de clôture", "Société", "Montant", "Montant pondéré"])
    );
    expect(pipeline.headers).not.toContain("Weighted amount");
    const amounts = (await column("CarnetPipeline", "Montant")) as number[];
    const probabilities = (await column("CarnetPipeline", "Probabilité")) as number[];
    const weighted = (await column("CarnetPipeline", "Montant pondéré")) as (number | "")[];
    const categories = await column("CarnetPipeline", "Catégorie de prévision");
    expect(weighted.length).toBeGreaterThan(100);
    // Blank for the deals already closed (their category stays Excel's English word), else amount × probability.
    weighted.forEach((w, i) => {
      if (["Won", "Lost", "Omitted"].includes(String(categories[i]))) expect(w).toBe("");
      else expect(w).toBeCloseTo(amounts[i] * probabilities[i], 6);
    });

    const byPeriod = await tableOf("CarnetForecastByPeriod");
    expect(byPeriod.headers).toEqual(
      expect.arrayContaining(["Période", "Début", "Fin", "Total pondéré"])
    );
    const periods = (await column("CarnetForecastByPeriod", "Période")) as string[];
    expect(periods.length).toBeGreaterThan(1);
    for (const period of periods) expect(period).toMatch(/^T[1-4] \d{4}$/);
    // The periods' total is the open deals' weighted amount: the same figure in either language.
    const total = (await column("CarnetForecastByPeriod", "Total pondéré")) as number[];
    const summary = (await wb.values("Summary", "B3"))[0][0] as number;
    expect(total.reduce((a, b) => a + b, 0)).toBeCloseTo(summary, 2);

    await wb.select(pipeline.sheet, "A1");
    await readmePicture(session.page, "french.png");
    expect(session.errors).toEqual([]);
  });

  it("computes =CARNET.PIPELINE_PONDERE typed in a cell as =CARNET.WEIGHTED_PIPELINE does", async () => {
    expect(functionName("WEIGHTED_PIPELINE", "fr")).toBe("PIPELINE_PONDERE");
    const args = await pipelineArgs();
    await typeAt("Summary", "H1", `=CARNET.PIPELINE_PONDERE(${args})`);
    await typeAt("Summary", "H2", `=CARNET.WEIGHTED_PIPELINE(${args})`);
    const [[inFrench], [inEnglish]] = (await wb.values("Summary", "H1:H2")) as number[][];
    expect(typeof inFrench).toBe("number");
    expect(inFrench).toBeGreaterThan(0);
    expect(inFrench).toBe(inEnglish);
    expect(inFrench).toBe((await wb.values("Summary", "B3"))[0][0]);
    await expect(wb.formulas("Summary", "H1")).resolves.toEqual([
      [`=CARNET.PIPELINE_PONDERE(${args})`],
    ]);
    // The functions' own messages follow Office's display language too (the domain's reading words stay English).
    await wb.setCells("Summary", "H3", [['=CARNET.MONTANT("abc")']]);
    await expect(
      session.page.evaluate(() => window.workbench!.errorMessage("Summary", "H3"))
    ).resolves.toMatch(/^montant abc /);
  });

  it("builds the matrix of the sample's ranges in the Matrice tab", async () => {
    await wb.select("Gammes", "A2");
    await showTab("app.tab.matrix");
    await clickAndWait(fr("app.source.readSelection"));
    await pane()
      .getByText(french("matrix.quality.ranges", { count: 8 }), { exact: false })
      .waitFor();
    await clickAndWait(french("matrix.build"));
    const matrix = await tableOf("CarnetMatrix");
    expect(matrix.headers).toEqual(expect.arrayContaining(["Gamme", "Marge", "Case", "Zone"]));
    expect((await column("CarnetMatrix", "Gamme")).length).toBe(8);
    // The nine-box names its zones in French.
    await expect(
      pane().getByText(zoneName("Invest / grow", "fr"), { exact: false }).count()
    ).resolves.toBeGreaterThan(0);
    expect(session.errors).toEqual([]);
  });

  it("adds an action to a new plan, saves it with French headers, and builds the team", async () => {
    await showTab("app.tab.plan");
    const newPlan = pane().getByRole("button", { name: french("plan.newPlan"), exact: true });
    await newPlan.and(pane().locator(":enabled")).waitFor();
    await newPlan.click();
    await pane().getByRole("progressbar").waitFor({ state: "detached" });
    const now = new Date();
    const semester = nextSemester(
      semesterOf(serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate()))
    );
    const start = semesterBounds(semester).start + 14;
    const iso = (serial: number) => {
      const { year, month, day } = ymdFromSerial(serial);
      return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    };
    const form = pane().getByRole("form");
    const field = (column: keyof typeof ACTION_PLAN_COLUMNS_FR) =>
      form.getByLabel(ACTION_PLAN_COLUMNS_FR[column], { exact: true });
    await field("Action").fill("Visite des grands comptes");
    for (const [column, value] of [
      ["Means", "Visites clients"],
      ["Owner", "Anne"],
    ] as const) {
      const box = form.getByRole("combobox", { name: ACTION_PLAN_COLUMNS_FR[column], exact: true });
      await box.fill(value);
      await box.press("Escape");
    }
    await field("Start").fill(iso(start));
    await field("End").fill(iso(start + 30));
    await field("Budget").fill("2000");
    await click(french("plan.form.add"));
    const list = pane().getByRole("list", {
      name: french("plan.actions.heading", { semester }),
    });
    await expect(list.getByRole("listitem").first().textContent()).resolves.toContain(
      "Visite des grands comptes"
    );
    await click(french("plan.save"));
    await session.page.waitForFunction(() =>
      window.workbench!.tables().some((t) => t.name === "CarnetActionPlan")
    );
    const plan = await tableOf("CarnetActionPlan");
    expect(plan.headers).toEqual(
      expect.arrayContaining(["Semestre", "Moyen", "Responsable", "Début", "Fin"])
    );
    await expect(column("CarnetActionPlan", "Action")).resolves.toEqual([
      "Visite des grands comptes",
    ]);

    await showTab("app.tab.team");
    const build = pane().getByRole("button", { name: french("team.build"), exact: true });
    await build.click();
    await session.page.waitForFunction(() =>
      window.workbench!.tables().some((t) => t.name === "CarnetTeam")
    );
    await build.and(pane().locator(":enabled")).waitFor();
    const team = await tableOf("CarnetTeam");
    expect(team.headers).toEqual(expect.arrayContaining(["Commercial", "Pipeline ouvert"]));
    const reps = (await column("CarnetTeam", "Commercial")) as string[];
    expect(reps.length).toBeGreaterThan(1);
    // Each rep has a card, named by the rep.
    await pane().getByRole("group", { name: reps[0], exact: true }).waitFor();
    expect(session.errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("the top bar's Language, switched with a workbook open", () => {
  beforeAll(async () => {
    session = await openWorkbench();
    await pane()
      .getByRole("tab", { name: en("app.tab.matrix"), exact: true })
      .waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("keeps the workbook, reloads the pane in French, and makes a French formula typed before compute", async () => {
    const args = await pipelineArgs();
    // In English Office, the French name is unknown.
    await typeAt("Summary", "H1", `=CARNET.PIPELINE_PONDERE(${args})`);
    await expect(wb.values("Summary", "H1")).resolves.toEqual([["#NAME?"]]);
    await typeAt("Summary", "H2", "1,000.50");
    const sheets = await wb.sheets();

    await session.page.getByLabel("Language", { exact: true }).selectOption("fr");
    await pane()
      .getByRole("tab", { name: french("app.tab.matrix"), exact: true })
      .waitFor();
    await expect(session.page.evaluate(() => window.workbench!.language())).resolves.toBe("fr");
    expect(new URL(session.page.url()).searchParams.get("lang")).toBe("fr");
    // The same workbook: the cells typed before are there, not the sample opened again.
    await expect(wb.sheets()).resolves.toEqual(sheets);
    await expect(wb.values("Summary", "H2")).resolves.toEqual([[1000.5]]);
    const weighted = (await wb.values("Summary", "B3"))[0][0];
    await expect(wb.values("Summary", "H1")).resolves.toEqual([[weighted]]);
    // The regional format followed: typing reads French now.
    await typeAt("Summary", "H3", "2 500,25");
    await expect(wb.values("Summary", "H3")).resolves.toEqual([[2500.25]]);

    await session.page.evaluate(() => window.workbench!.setLanguage("en"));
    await pane()
      .getByRole("tab", { name: en("app.tab.matrix"), exact: true })
      .waitFor();
    await expect(session.page.getByLabel("Language", { exact: true }).inputValue()).resolves.toBe(
      "en"
    );
    await typeAt("Summary", "H4", "1,250.75");
    await expect(wb.values("Summary", "H4")).resolves.toEqual([[1250.75]]);
    await wb.setCells("Summary", "H5", [['=CARNET.AMOUNT("abc")']]);
    await expect(
      session.page.evaluate(() => window.workbench!.errorMessage("Summary", "H5"))
    ).resolves.toMatch(/^amount abc /);
    expect(session.errors).toEqual([]);
  });
});
