/**
 * The semester's action plan driven as a sales manager drives it, inside the workbench (issue 13): the
 * forecast and the matrix built first (the team and the ranges' zones come from them), then, in the Plan
 * tab, a plan of six actions for three reps typed in the form, saved to CarnetActionPlan; the table sorted,
 * a row edited and a row added in the grid while the pane edits and adds too, then saved from the pane with
 * nothing lost or misplaced; a conflict settled; the checks flagging a harvest-zone action and a plan over
 * its envelope; Check and Act on two actions, carried over to the next semester; the semester's review.
 *
 * The semester is the one after today's (New plan from an empty workbook opens it), so the test does not
 * age: its dates are computed from that semester's bounds with the domain's own semester rules.
 */
import type { Frame, FrameLocator, Locator } from "playwright-core";
import { ACTION_PLAN_COLUMNS } from "../../src/domain/actionPlan/action";
import {
  nextSemester,
  previousSemester,
  semesterBounds,
  semesterOf,
} from "../../src/domain/actionPlan/semester";
import { serialFromYmd, ymdFromSerial } from "../../src/domain/dates";
import { formatSerialDate } from "../../src/taskpane/format";
import type { CellInput } from "../../src/workbench/workbook-data";
import { RANGE_HEADERS_FR, TEN_RANGES_IN_CELLS } from "../support/ten-ranges";
import {
  openWorkbench,
  readmePicture,
  screenshot,
  goTo,
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

async function paneFrame(): Promise<Frame> {
  const frame = await (await session.page.waitForSelector(PANE)).contentFrame();
  if (!frame) throw new Error("the task pane iframe has no frame");
  return frame;
}

// ---------------------------------------------------------------------------------------------------------------
// The semester and its days

const now = new Date();
const TODAY = serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
/** New plan, from an empty plan showing today's semester, opens the next one. */
const SEMESTER = nextSemester(semesterOf(TODAY));
const NEXT = nextSemester(SEMESTER);
const BOUNDS = semesterBounds(SEMESTER);

/** The semester's day `n` (0 is its first day), as the date inputs take it and as a serial. */
const serial = (n: number) => BOUNDS.start + n;
/** Day `n` as the pane shows a date, in its locale (en-US here): "Jan 5, 2027". */
function shownDay(n: number): string {
  return formatSerialDate(serial(n), "en-US");
}

function iso(n: number): string {
  const { year, month, day } = ymdFromSerial(serial(n));
  const pad = (v: number) => String(v).padStart(2, "0");
  return `${year}-${pad(month)}-${pad(day)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The workbook: ten product ranges (Juliet, Foxtrot and Golf Élite in Harvest / divest) and deals of three reps

const DEALS: CellInput[][] = [
  ["Close date", "Company", "Product", "Amount", "Probability", "Forecast category", "Owner"],
  [iso(20), "Alder Foods", "Alpha", 12000, 0.5, "Best case", "Anne"],
  [iso(40), "Beacon Retail", "Bravo", 8000, 0.25, "Pipeline", "Bruno"],
  [iso(60), "Cobalt Media", "Delta", 15000, 0.75, "Commit", "Chloé"],
  [iso(80), "Delta Motors", "Alpha", 5000, 0.5, "Best case", "Bruno"],
];

const WORKBOOK = [
  {
    name: "Products",
    rows: [RANGE_HEADERS_FR, ...TEN_RANGES_IN_CELLS],
    tables: [{ name: "Ranges", address: "A1:F13" }],
  },
  { name: "Deals", rows: DEALS },
];

// ---------------------------------------------------------------------------------------------------------------
// Driving the pane

async function showTab(name: "Pipeline" | "Matrix" | "Plan"): Promise<void> {
  await pane().getByRole("tab", { name, exact: true }).click();
}

/** Waits until the plan is idle: read, nothing running (its buttons enabled, no progress bar). */
async function planIdle(): Promise<void> {
  await pane()
    .getByRole("button", { name: "New plan", exact: true })
    .and(pane().locator(":enabled"))
    .waitFor();
  await pane().getByRole("progressbar").waitFor({ state: "detached" });
}

/** Clicks a button of the pane (the Pipeline and Matrix tabs' wait for Read selection again). */
async function click(name: string): Promise<void> {
  await pane().getByRole("button", { name, exact: true }).click();
}

async function clickAndWait(name: string): Promise<void> {
  await click(name);
  await planIdle();
}

type Label =
  | "Action"
  | "Means"
  | "Target"
  | "Range"
  | "Objective"
  | "Unit"
  | "Owner"
  | "Start"
  | "End"
  | "Order"
  | "Budget"
  | "Phase"
  | "Actual result"
  | "Actual cost"
  | "Corrective action"
  | "Comment";

const LISTS = new Set<Label>(["Means", "Range", "Unit", "Owner"]);

/** The action form (adding or editing). */
const form = (): Locator => pane().getByRole("form");

/** Fills the form's fields as a person does: types in each, picks the phase. */
async function fill(fields: Partial<Record<Label, string>>): Promise<void> {
  for (const [label, value] of Object.entries(fields) as [Label, string][]) {
    if (label === "Phase") {
      await form().getByRole("combobox", { name: "Phase", exact: true }).selectOption(value);
    } else if (LISTS.has(label)) {
      const box = form().getByRole("combobox", { name: label, exact: true });
      await box.fill(value);
      await box.press("Escape");
    } else await form().getByLabel(label, { exact: true }).fill(value);
  }
}

/** The semester's actions as the pane lists them, "A-0001 Visit key accounts". */
async function listed(semester = SEMESTER): Promise<string[]> {
  const list = pane().getByRole("list", { name: `Actions of ${semester}` });
  if ((await list.count()) === 0) return [];
  return list.getByRole("listitem").locator("p, span > span:first-child").allTextContents();
}

async function edit(id: string): Promise<void> {
  await pane()
    .getByRole("button", { name: new RegExp(`^Edit ${id}\\b`) })
    .click();
  await form()
    .getByRole("heading", { name: new RegExp(`^Edit ${id}`) })
    .waitFor();
}

/** Edits an action's fields in the form, then Update action. */
async function update(id: string, fields: Partial<Record<Label, string>>): Promise<void> {
  await edit(id);
  await fill(fields);
  await click("Update action");
  await form().getByRole("heading", { name: "New action" }).waitFor();
}

const press = (key: string) => session.page.keyboard.press(key);
const type = (text: string) => session.page.keyboard.type(text);

/** Presses Tab until the focus is on the field labelled `label`, as a person tabs through a form. */
async function tabTo(label: Label): Promise<void> {
  const focused = () =>
    pane()
      .locator(":root")
      .evaluate(
        () => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? ""
      );
  for (let i = 0; i < 4; i++) {
    await press("Tab");
    if ((await focused()) === label) return;
  }
  throw new Error(`Tab did not reach ${label}`);
}

/** The message under a form field: what its input is described by. */
async function fieldMessage(label: Label): Promise<string> {
  const input = form().getByLabel(label, { exact: true });
  const ids = ((await input.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => pane().locator(`[id="${id}"]`).textContent()));
  return texts.join(" ");
}

/** A budget total's lines, "Anne 8,000". */
async function totals(name: string): Promise<string[]> {
  const list = pane().locator(`dl[aria-label="${name}"]`);
  const terms = await list.locator("dt").allTextContents();
  const amounts = await list.locator("dd").allTextContents();
  return terms.map((t, i) => `${t} ${amounts[i]}`);
}

/** A number as the pane prints it in the browser's locale (12,500 in English). */
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
/** A cost per result, with its cents below 100 (51.43). */
const shownCost = (n: number) =>
  session.page.evaluate(
    (v) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(v),
    n
  );

/** The cells of a table's row (after its header cell), found by the row's name. */
const cellsOf = (table: Locator, row: RegExp) =>
  table.getByRole("row", { name: row }).getByRole("cell").allTextContents();

// ---------------------------------------------------------------------------------------------------------------
// Reading the workbook

/** A table's body as the grid holds it now, one record per row by header. */
async function tableRecords(name: string): Promise<Record<string, CellInput>[]> {
  const table = (await wb.tables()).find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  const rows = await wb.values(table.sheet, table.address.split("!").pop()!);
  return rows
    .slice(1)
    .map((row) => Object.fromEntries(table.headers.map((h, i) => [h, row[i] as CellInput])));
}

/** CarnetActionPlan's rows by Id, with only the columns asked. */
async function planRows(...columns: string[]): Promise<Record<string, CellInput[]>> {
  const rows = await tableRecords("CarnetActionPlan");
  return Object.fromEntries(rows.map((r) => [String(r.Id), columns.map((c) => r[c])]));
}

const planTable = async () => {
  const table = (await wb.tables()).find((t) => t.name === "CarnetActionPlan");
  if (!table) throw new Error("no CarnetActionPlan table");
  return table;
};

function corners(address: string): { col: string; row: number; endCol: string; endRow: number } {
  const m = /([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`not a block: ${address}`);
  return { col: m[1], row: Number(m[2]), endCol: m[3], endRow: Number(m[4]) };
}

/** Sorts CarnetActionPlan's body in the grid by a column, as Excel's Sort does: whole rows move. */
async function sortPlanTable(header: string, descending: boolean): Promise<void> {
  const table = await planTable();
  const at = corners(table.address);
  const body = `${at.col}${at.row + 1}:${at.endCol}${at.endRow}`;
  const rows = await wb.formulas(table.sheet, body);
  const c = table.headers.indexOf(header);
  const sorted = [...rows].sort((a, b) => {
    const order = String(a[c]).localeCompare(String(b[c]), undefined, { numeric: true });
    return descending ? -order : order;
  });
  await wb.setCells(table.sheet, body, sorted as CellInput[][]);
}

/** The grid's address of an action's cell in CarnetActionPlan. */
async function planCell(id: string, header: string): Promise<{ sheet: string; address: string }> {
  const table = await planTable();
  const at = corners(table.address);
  const records = await tableRecords("CarnetActionPlan");
  const index = records.findIndex((r) => r.Id === id);
  if (index < 0) throw new Error(`no row ${id} in CarnetActionPlan`);
  const col = at.col.charCodeAt(0) - 65 + table.headers.indexOf(header);
  return { sheet: table.sheet, address: `${String.fromCharCode(65 + col)}${at.row + 1 + index}` };
}

/** Types a value in an action's cell of CarnetActionPlan, as a person does: Name box, type, Enter. */
async function typeInPlan(id: string, header: string, text: string): Promise<void> {
  const at = await planCell(id, header);
  await showSheet(session.page, at.sheet);
  await goTo(session.page, at.address);
  await type(text);
  await press("Enter");
  await session.page.waitForFunction(
    ([sheet, address, shown]) =>
      String(window.workbench!.getValues(sheet, address)[0][0]) === shown,
    [at.sheet, at.address, text] as const
  );
}

/** A row as Office.js adds it to CarnetActionPlan (Insert › Table row, then typed): no Id. */
async function addRowInExcel(cells: Partial<Record<string, CellInput>>): Promise<void> {
  const table = await planTable();
  const values = [table.headers.map((h) => cells[h] ?? "")];
  const frame = await paneFrame();
  await frame.evaluate(
    (row) =>
      Excel.run(async (context) => {
        context.workbook.tables.getItem("CarnetActionPlan").rows.add(undefined, row);
        await context.sync();
      }),
    values
  );
}

/** Deletes an action's row in Excel (Delete › Table row). */
async function deleteRowInExcel(id: string): Promise<void> {
  const index = (await tableRecords("CarnetActionPlan")).findIndex((r) => r.Id === id);
  const frame = await paneFrame();
  await frame.evaluate(
    (at) =>
      Excel.run(async (context) => {
        context.workbook.tables.getItem("CarnetActionPlan").rows.getItemAt(at).delete();
        await context.sync();
      }),
    index
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The six actions, three reps

const SIX: Partial<Record<Label, string>>[] = [
  {
    Action: "Visit key accounts",
    Means: "Visits to existing customers",
    Target: "Top 20 customers",
    Range: "Alpha",
    Objective: "40",
    Unit: "meetings",
    Owner: "Anne",
    Start: iso(0),
    End: iso(59),
    Order: "1",
    Budget: "2 000",
  },
  {
    Action: "Trade fair Lyon",
    Means: "Trade fair",
    Target: "Retailers",
    Range: "Juliet",
    Objective: "15",
    Unit: "leads",
    Owner: "Anne",
    Start: iso(70),
    End: iso(72),
    Order: "2",
    Budget: "6 000 €",
  },
  {
    Action: "Call hospitals",
    Means: "Tele-prospecting",
    Target: "Hospitals",
    Range: "Bravo",
    Objective: "30000",
    Unit: "€ revenue",
    Owner: "Bruno",
    Start: iso(10),
    End: iso(120),
    Order: "1",
    Budget: "1500",
  },
  {
    Action: "Spring mailing",
    Means: "Mailing",
    Target: "Prospects",
    Objective: "200",
    Unit: "replies",
    Owner: "Bruno",
    Start: iso(30),
    End: iso(45),
    Order: "2",
    Budget: "800",
  },
  {
    Action: "Product webinar",
    Means: "Webinar",
    Target: "Distributors",
    Range: "Bravo",
    Objective: "50",
    Unit: "attendees",
    Owner: "Chloé",
    Start: iso(90),
    End: iso(90),
    Order: "1",
    Budget: "1200",
  },
  {
    Action: "Visit distributors",
    Means: "Visits to existing customers",
    Target: "Distributors",
    Range: "Delta",
    Objective: "12",
    Unit: "meetings",
    Owner: "Chloé",
    Start: iso(100),
    End: iso(170),
    Order: "2",
    Budget: "1000",
  },
];

// ---------------------------------------------------------------------------------------------------------------

describe("a semester's action plan through the Plan tab", () => {
  /** The Id the save gave the row added in Excel. */
  let addedInExcel = "";

  beforeAll(async () => {
    await session.page.evaluate((data) => window.workbench!.loadWorkbook(data), {
      sheets: WORKBOOK,
    });
    await pane().getByRole("tab", { name: "Plan" }).waitFor();
    // The team (the pipeline's owners) and the ranges' zones come from the forecast and the matrix.
    await wb.select("Deals", "B3");
    await showTab("Pipeline");
    await click("Read selection");
    await click("Build forecast");
    await pane()
      .getByText(/^Written to /)
      .waitFor();
    await wb.select("Products", "A2");
    await showTab("Matrix");
    await click("Read selection");
    await click("Build matrix");
    await pane()
      .getByText(/^CarnetMatrix written to /)
      .waitFor();
  });

  it("builds a plan of six actions for three reps in the form, and saves it to CarnetActionPlan", async () => {
    await showTab("Plan");
    await planIdle();
    await clickAndWait("New plan");
    await expect(pane().getByRole("combobox", { name: "Semester" }).inputValue()).resolves.toBe(
      SEMESTER
    );

    // The first action by keyboard only: Tab from field to field (a list's Open button is a stop of
    // its own), type, Enter to add. Dates are typed as the date input shows them (month first here).
    const first = SIX[0];
    await form().getByLabel("Action", { exact: true }).focus();
    await type(first.Action!);
    for (const label of ["Means", "Target", "Range", "Objective", "Unit", "Owner"] as const) {
      await tabTo(label);
      await type(first[label]!);
    }
    for (const label of ["Start", "End"] as const) {
      await tabTo(label);
      const [year, month, day] = first[label]!.split("-");
      await type(`${month}${day}${year}`);
    }
    for (const label of ["Order", "Budget"] as const) {
      await tabTo(label);
      await type(first[label]!);
    }
    await press("Enter");
    await expect(listed()).resolves.toEqual(["A-0001 Visit key accounts"]);
    // Enter added it and the form is empty again, its first field focused for the next action.
    await expect(form().getByLabel("Action", { exact: true }).inputValue()).resolves.toBe("");

    for (const action of SIX.slice(1)) {
      await fill(action);
      await click("Add action");
    }
    await expect(listed()).resolves.toEqual([
      "A-0001 Visit key accounts",
      "A-0003 Call hospitals",
      "A-0005 Product webinar",
      "A-0002 Trade fair Lyon",
      "A-0004 Spring mailing",
      "A-0006 Visit distributors",
    ]);
    // Means is an open list: Webinar, typed, is offered from now on beside the handbook's means.
    await form().getByRole("combobox", { name: "Means", exact: true }).click();
    await expect(
      pane().getByRole("listbox").getByRole("option").allTextContents()
    ).resolves.toEqual([
      "Tele-prospecting",
      "Trade fair",
      "Visits to existing customers",
      "Mailing",
      "Webinar",
    ]);
    await session.page.keyboard.press("Escape");

    // The workbench's pane is 320 px wide, as Excel's: nothing runs off its side.
    await expect(
      pane()
        .locator(":root")
        .evaluate((root) => root.scrollWidth - root.clientWidth)
    ).resolves.toBe(0);

    await clickAndWait("Save");
    await pane()
      .getByText(`Saved to CarnetActionPlan: 6 actions in ${SEMESTER}, 6 in all.`)
      .waitFor();
    const table = await planTable();
    expect(table.headers).toEqual([...ACTION_PLAN_COLUMNS]);
    expect(
      await planRows("Semester", "Action", "Means", "Owner", "Start", "End", "Budget", "Phase")
    ).toEqual({
      "A-0001": [
        SEMESTER,
        "Visit key accounts",
        "Visits to existing customers",
        "Anne",
        serial(0),
        serial(59),
        2000,
        "Plan",
      ],
      "A-0002": [
        SEMESTER,
        "Trade fair Lyon",
        "Trade fair",
        "Anne",
        serial(70),
        serial(72),
        6000,
        "Plan",
      ],
      "A-0003": [
        SEMESTER,
        "Call hospitals",
        "Tele-prospecting",
        "Bruno",
        serial(10),
        serial(120),
        1500,
        "Plan",
      ],
      "A-0004": [
        SEMESTER,
        "Spring mailing",
        "Mailing",
        "Bruno",
        serial(30),
        serial(45),
        800,
        "Plan",
      ],
      "A-0005": [
        SEMESTER,
        "Product webinar",
        "Webinar",
        "Chloé",
        serial(90),
        serial(90),
        1200,
        "Plan",
      ],
      "A-0006": [
        SEMESTER,
        "Visit distributors",
        "Visits to existing customers",
        "Chloé",
        serial(100),
        serial(170),
        1000,
        "Plan",
      ],
    });
    expect(session.errors).toEqual([]);
  });

  it("refuses what the domain refuses, next to the field", async () => {
    await fill({ Action: "Backwards", Owner: "Anne", Start: iso(50), End: iso(40) });
    await click("Add action");
    // Nothing added; the domain's message sits under the field it is about, and is read with it.
    await expect(listed()).resolves.toHaveLength(6);
    await expect(fieldMessage("End")).resolves.toBe(`End ${iso(40)} is before Start ${iso(50)}`);
    await expect(
      form().getByLabel("End", { exact: true }).getAttribute("aria-invalid")
    ).resolves.toBe("true");
    await fill({ End: iso(60) });
    await click("Add action");
    await expect(listed()).resolves.toHaveLength(7);
    // Not wanted after all: edit it, delete it (its Id is not issued again).
    await edit("A-0007");
    await click("Delete action");
    await expect(listed()).resolves.toHaveLength(6);
  });

  it("flags a harvest-zone action and a plan over its envelope, and a check selects the action's row", async () => {
    const envelope = pane().getByLabel("Budget envelope", { exact: true });
    await envelope.fill("10 000");
    await envelope.press("Enter");
    // 2 000 + 6 000 + 1 500 + 800 + 1 200 + 1 000 = 12 500, over 10 000.
    const checks = pane().getByRole("list", { name: "Quality checks" }).getByRole("listitem");
    await checks
      .filter({ hasText: /envelope/i })
      .first()
      .waitFor();
    // The harvest-zone action, the plan over its envelope, and the hospitals' revenue objective that
    // Bruno's pipeline (8 000 × 25 % + 5 000 × 50 %) and the Bravo range's (2 000) do not support.
    const before = previousSemester(SEMESTER);
    await expect(checks.allTextContents()).resolves.toEqual([
      "A-0002 puts effort on range Juliet, in matrix cell Divest, zone Harvest / divest: the strategy there is to harvest or divest, not to invest.",
      `A-0003's objective of 30 000 € revenue is 25 500 (567 %) above what supports it for Bruno: weighted pipeline 4 500 + won in ${before} 0 = 4 500.`,
      `A-0003's objective of 30 000 € revenue is 28 000 (1400 %) above what supports it for range Bravo: weighted pipeline 2 000 + won in ${before} 0 = 2 000.`,
      `The budget of ${SEMESTER} totals 12 500, 2 500 above its envelope of 10 000.`,
    ]);
    await expect(
      pane()
        .getByText(`Total ${await shown(12500)} of an envelope of ${await shown(10000)}`)
        .count()
    ).resolves.toBe(1);
    await expect(totals("Budget by owner")).resolves.toEqual([
      `Anne ${await shown(8000)}`,
      `Bruno ${await shown(2300)}`,
      `Chloé ${await shown(2200)}`,
    ]);
    await expect(totals("Budget by means")).resolves.toEqual([
      `Trade fair ${await shown(6000)}`,
      `Visits to existing customers ${await shown(3000)}`,
      `Tele-prospecting ${await shown(1500)}`,
      `Webinar ${await shown(1200)}`,
      `Mailing ${await shown(800)}`,
    ]);

    // The envelope goes with the next save, into the workbook: the plan read again keeps it.
    await clickAndWait("Save");
    await showTab("Matrix");
    await showTab("Plan");
    await planIdle();
    await expect(envelope.inputValue()).resolves.toBe("10000");
    // The harvest check selects A-0002's row.
    await checks
      .filter({ hasText: /Juliet/ })
      .getByRole("button")
      .click();
    await session.page.waitForFunction(() => window.workbench!.selection().address.includes(":"));
    const selected = await wb.selection();
    const at = await planCell("A-0002", "Id");
    expect(selected.sheet).toBe(at.sheet);
    expect(selected.address.split(":")[0]).toBe(at.address);

    // The timeline: a figure summed up in words, a bar per action with its title.
    const figure = pane().getByRole("img", { name: /^Timeline of / });
    await expect(figure.getAttribute("aria-label")).resolves.toMatch(
      new RegExp(
        `^Timeline of ${SEMESTER}, .*: 6 actions by 3 owners \\(Anne 2, Bruno 2, Chloé 2\\)\\.$`
      )
    );
    await expect(figure.locator("title").allTextContents()).resolves.toEqual([
      `A-0001 Visit key accounts (Anne): ${shownDay(0)} to ${shownDay(59)}, Plan`,
      `A-0002 Trade fair Lyon (Anne): ${shownDay(70)} to ${shownDay(72)}, Plan`,
      `A-0003 Call hospitals (Bruno): ${shownDay(10)} to ${shownDay(120)}, Plan`,
      `A-0004 Spring mailing (Bruno): ${shownDay(30)} to ${shownDay(45)}, Plan`,
      `A-0005 Product webinar (Chloé): ${shownDay(90)} to ${shownDay(90)}, Plan`,
      `A-0006 Visit distributors (Chloé): ${shownDay(100)} to ${shownDay(170)}, Plan`,
    ]);
    // The README's picture: the plan's first columns beside the pane's checks and timeline.
    await goTo(session.page, "A1");
    await figure.scrollIntoViewIfNeeded();
    await readmePicture(session.page, "action-plan.png");
    expect(session.errors).toEqual([]);
  });

  it("merges a table sorted, edited and added to in the grid with the pane's edits: nothing lost or misplaced", async () => {
    // In Excel: sort by Owner, Z to A; type a new budget for the mailing; add a row (no Id).
    await sortPlanTable("Owner", true);
    expect((await tableRecords("CarnetActionPlan")).map((r) => r.Owner)).toEqual([
      "Chloé",
      "Chloé",
      "Bruno",
      "Bruno",
      "Anne",
      "Anne",
    ]);
    await typeInPlan("A-0004", "Budget", "900");
    await addRowInExcel({
      Semester: SEMESTER,
      Action: "Customer day",
      Means: "Event",
      Owner: "Bruno",
      Start: serial(130),
      End: serial(130),
      Budget: 700,
      Phase: "Plan",
    });
    // In the pane meanwhile: the fair moves to Do, and one more action.
    await update("A-0002", { Phase: "Do" });
    await fill({ Action: "Partner lunch", Means: "Event", Owner: "Chloé", Budget: "300" });
    await click("Add action");

    await clickAndWait("Save");
    const rows = await planRows("Action", "Owner", "Budget", "Phase");
    const added = Object.entries(rows).find(([, r]) => r[0] === "Customer day");
    expect(added).toBeDefined();
    const [addedId] = added!;
    addedInExcel = addedId;
    expect(addedId).toMatch(/^A-\d{4}$/);
    expect(rows).toEqual({
      "A-0001": ["Visit key accounts", "Anne", 2000, "Plan"],
      "A-0002": ["Trade fair Lyon", "Anne", 6000, "Do"],
      "A-0003": ["Call hospitals", "Bruno", 1500, "Plan"],
      "A-0004": ["Spring mailing", "Bruno", 900, "Plan"],
      "A-0005": ["Product webinar", "Chloé", 1200, "Plan"],
      "A-0006": ["Visit distributors", "Chloé", 1000, "Plan"],
      "A-0008": ["Partner lunch", "Chloé", 300, "Plan"],
      [addedId]: ["Customer day", "Bruno", 700, "Plan"],
    });
    // Ids are never reused: A-0007 was issued (then deleted) in the pane.
    expect(addedId).not.toBe("A-0007");
    // The sheet's order is kept (sorted by owner, Z to A), the pane's addition after it.
    const order = (await tableRecords("CarnetActionPlan")).map((r) => r.Id);
    expect(order.slice(0, 6)).toEqual(["A-0005", "A-0006", "A-0003", "A-0004", "A-0001", "A-0002"]);
    expect(order).toContain("A-0008");
    // The pane shows what the workbook holds now.
    await expect(listed()).resolves.toContain("A-0004 Spring mailing");
    expect(session.errors).toEqual([]);
  });

  it("asks when a field changed on both sides, shows both values, and keeps the one chosen", async () => {
    await typeInPlan("A-0005", "Budget", "1250");
    await update("A-0005", { Budget: "1300" });
    // And a row deleted in Excel while the pane edits another one.
    await deleteRowInExcel("A-0008");

    await clickAndWait("Save");
    const question = pane().getByRole("radiogroup");
    await expect(question.count()).resolves.toBe(1);
    await expect(
      pane()
        .getByRole("radio")
        .evaluateAll((radios) =>
          radios.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)
        )
    ).resolves.toEqual(["Pane: 1300", "Excel: 1250"]);
    await expect(pane().getByText("A-0005 Product webinar · Budget").count()).resolves.toBe(1);
    // Nothing was written.
    expect((await planRows("Budget"))["A-0005"]).toEqual([1250]);
    await pane().getByRole("radio", { name: "Excel: 1250" }).check();
    await clickAndWait("Save");
    expect((await planRows("Budget"))["A-0005"]).toEqual([1250]);
    await expect(pane().getByRole("radiogroup").count()).resolves.toBe(0);
    await pane()
      .getByText(/deleted in Excel and was not kept: A-0008 Partner lunch\.$/)
      .waitFor();
    expect(Object.keys(await planRows("Id"))).not.toContain("A-0008");
    expect(session.errors).toEqual([]);
  });

  it("checks and acts on two actions, and carries them over to the next semester with their corrective actions", async () => {
    // One step at a time: Plan cannot jump to Check, and the form says so under Phase.
    await edit("A-0001");
    await fill({ Phase: "Check", "Actual result": "35" });
    await click("Update action");
    await expect(fieldMessage("Phase")).resolves.toBe(
      "one step at a time: from Plan the next phase is Do"
    );
    await click("Cancel");
    for (const [id, result, cost, corrective] of [
      ["A-0001", "35", "1800", "Visit in pairs with the area manager"],
      ["A-0003", "24000", "1500", "Call back every quote left unanswered"],
    ]) {
      await update(id, { Phase: "Do" });
      await update(id, { Phase: "Check", "Actual result": result, "Actual cost": cost });
      await update(id, { Phase: "Act", "Corrective action": corrective });
    }
    await clickAndWait("Save");
    expect(
      await planRows("Phase", "Actual result", "Actual cost", "Corrective action")
    ).toMatchObject({
      "A-0001": ["Act", 35, 1800, "Visit in pairs with the area manager"],
      "A-0003": ["Act", 24000, 1500, "Call back every quote left unanswered"],
    });

    await clickAndWait("New plan");
    await expect(pane().getByRole("combobox", { name: "Semester" }).inputValue()).resolves.toBe(
      NEXT
    );
    await clickAndWait("Carry over");
    await expect(
      pane().getByText(`7 actions carried over from ${SEMESTER}.`).count()
    ).resolves.toBe(1);
    await clickAndWait("Save");

    // Open actions go on as they were; acted ones come back as their corrective action; the checked
    // one stays behind. Each is new (Plan, a new Id) and says where it came from.
    const rows = (await tableRecords("CarnetActionPlan")).filter((r) => r.Semester === NEXT);
    expect(Object.fromEntries(rows.map((r) => [r["Carried from"], r.Action]))).toEqual({
      "A-0001": "Visit in pairs with the area manager",
      "A-0002": "Trade fair Lyon",
      "A-0003": "Call back every quote left unanswered",
      "A-0004": "Spring mailing",
      "A-0005": "Product webinar",
      "A-0006": "Visit distributors",
      [addedInExcel]: "Customer day",
    });
    const earlier = (await tableRecords("CarnetActionPlan"))
      .filter((r) => r.Semester === SEMESTER)
      .map((r) => r.Id);
    for (const r of rows) {
      expect([r.Phase, r["Actual result"], r["Corrective action"]]).toEqual(["Plan", "", ""]);
      expect(String(r.Id)).toMatch(/^A-\d{4}$/);
      expect(earlier).not.toContain(r.Id);
    }
    expect(new Set(rows.map((r) => r.Id)).size).toBe(7);
    // Six months later, the same day of the month.
    const visits = rows.find((r) => r["Carried from"] === "A-0001")!;
    expect(visits.Start).toBe(semesterBounds(NEXT).start);
    await expect(listed(NEXT)).resolves.toContain(
      `${String(visits.Id)} Visit in pairs with the area manager`
    );
    await screenshot(session.page, "action-plan-carried.png");
    expect(session.errors).toEqual([]);
  });

  it("writes the semester's review, whose figures add up", async () => {
    await pane().getByRole("combobox", { name: "Semester" }).selectOption(SEMESTER);
    await planIdle();
    await clickAndWait("Review");
    await pane()
      .getByText(new RegExp(`^Review of ${SEMESTER} written to Carnet Review with 1 chart\\.$`))
      .waitFor();

    // In the pane. A-0001: 35 meetings of 40 is 88 %, 1 800 ÷ 35 = 51.43 per meeting; A-0003: 24 000 €
    // of 30 000 € is 80 %, 1 500 ÷ 24 000 = 0.06 per euro won; the others are not checked yet.
    const byAction = pane().getByRole("table", { name: "Attainment by action" });
    await expect(cellsOf(byAction, /^A-0001 /)).resolves.toEqual([
      `${await shown(35)} of ${await shown(40)}`,
      await shownPercent(0.875),
      await shownCost(1800 / 35),
    ]);
    await expect(cellsOf(byAction, /^A-0003 /)).resolves.toEqual([
      `${await shown(24000)} of ${await shown(30000)}`,
      await shownPercent(0.8),
      await shownCost(1500 / 24000),
    ]);
    await expect(cellsOf(byAction, /^A-0005 /)).resolves.toEqual(["–", "–", "–"]);
    await expect(byAction.getByRole("row").count()).resolves.toBe(1 + 7);
    // By owner: checked of all, budget, actual cost, mean attainment of the checked; the total row is
    // the sum of the rows above it, and the group's attainment the mean of its checked actions'.
    const byOwner = pane().getByRole("table", { name: "Attainment by owner" });
    const owners: [RegExp, string, number, number, number | null][] = [
      [/^Anne /, "1 of 2", 8000, 1800, 0.875],
      [/^Bruno /, "1 of 3", 3100, 1500, 0.8],
      [/^Chloé /, "0 of 2", 2250, 0, null],
      [/^Total /, "2 of 7", 13350, 3300, (0.875 + 0.8) / 2],
    ];
    for (const [owner, checked, budget, cost, attainment] of owners)
      await expect(cellsOf(byOwner, owner)).resolves.toEqual([
        checked,
        await shown(budget),
        await shown(cost),
        attainment === null ? "–" : await shownPercent(attainment),
      ]);

    // On the review sheet: the three tables add up to the same totals, and the chart of attainment by
    // owner is drawn from the by-owner table.
    const actions = await tableRecords("CarnetReviewByAction");
    const means = await tableRecords("CarnetReviewByMeans");
    const people = await tableRecords("CarnetReviewByOwner");
    const sum = (rows: Record<string, CellInput>[], column: string) =>
      rows.reduce((total, r) => total + Number(r[column] || 0), 0);
    for (const rows of [actions, means, people]) {
      expect(sum(rows, "Budget")).toBe(13350);
      expect(sum(rows, "Actual cost")).toBe(3300);
    }
    expect(sum(means, "Actions")).toBe(7);
    expect(sum(people, "Checked")).toBe(2);
    expect(Object.fromEntries(people.map((r) => [r.Owner, r.Attainment]))).toEqual({
      Anne: 0.875,
      Bruno: 0.8,
      Chloé: "",
    });
    const a1 = actions.find((r) => r.Id === "A-0001")!;
    expect([a1.Attainment, a1["Cost per result"]]).toEqual([0.875, 1800 / 35]);
    const chart = (await wb.charts()).find((c) => c.name === "CarnetReviewAttainmentByOwner");
    expect(chart?.series[0].xValues).toEqual(people.map((r) => r.Owner));
    expect(new Set(chart?.series[0].xValues)).toEqual(new Set(["Anne", "Bruno", "Chloé"]));
    await screenshot(session.page, "action-plan-review.png");
    expect(session.errors).toEqual([]);
  });
});
