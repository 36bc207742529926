/**
 * The action plan saved and read through Microsoft's Excel client against the simulated host over a
 * HyperFormula workbook (its SUMIFS computing as Excel's): the first save, the merge by Id against a
 * table users sorted and edited in Excel, conflicts, rows deleted in Excel, the budget block's live
 * totals, the Gantt chart, and round trips that do not grow with the plan.
 */
import { HyperFormula } from "hyperformula";
import { ACTION_PLAN_COLUMNS, type Action, blankAction } from "../../src/domain/actionPlan/action";
import { resolutionKey } from "../../src/domain/actionPlan/merge";
import { serialFromYmd } from "../../src/domain/dates";
import { PlanProblemsError, readActionPlan, saveActionPlan } from "../../src/excel/host/actionPlan";
import {
  ACTION_PLAN_SHEET,
  ACTION_PLAN_TABLE,
  BUDGET_TABLE,
  BY_MEANS_TABLE,
  BY_OWNER_TABLE,
  GANTT_CHART,
  TIMELINE_TABLE,
} from "../../src/excel/plan/actionPlanSheet";
import type { ActionPlanReading, ActionPlanSave } from "../../src/excel/plan/actionPlanPort";
import { SETTINGS_KEY } from "../../src/excel/plan/settings";
import {
  createExcelHost,
  createHyperFormulaBackend,
  type ExcelHost,
  type ExcelHostOptions,
  type WorkbookBackend,
} from "../../src/workbench/sim";
import "../support/office-client";

const day = (y: number, m: number, d: number) => serialFromYmd(y, m, d);
const S1 = "2027-S1";
const EURO = '#,##0 "€"';

function act(id: string, fields: Partial<Action>): Action {
  return { ...blankAction(id, S1), ...fields };
}

const FAIR = act("A-0001", {
  action: "Stand at the Lyon trade fair",
  means: "Trade fair",
  target: "+33 6 12 34 56 78",
  objective: 40,
  unit: "meetings",
  owner: "Bruno",
  start: day(2027, 3, 1),
  end: day(2027, 3, 5),
  order: 2,
  budget: 12000,
  comment: "0012",
});
const CALLS = act("A-0002", {
  action: "Call the dormant customers",
  means: "Tele-prospecting",
  target: "Dormant customers",
  objective: 30000,
  unit: "€ revenue",
  owner: "Anne",
  start: day(2027, 1, 4),
  end: day(2027, 2, 26),
  order: 1,
  budget: 3000,
});
const VISITS = act("A-0003", {
  action: "Visit the ten largest customers",
  means: "Visits to existing customers",
  target: "Key accounts",
  owner: "Anne",
  start: day(2027, 4, 1),
  end: day(2027, 6, 30),
  order: 2,
  budget: 5000,
});

let backend: WorkbookBackend;
let host: ExcelHost;
let uninstall: () => void;

function open(
  options?: ExcelHostOptions,
  sheets: Record<string, unknown[][]> = { Notes: [["Mine"]] }
) {
  const hf = HyperFormula.buildFromSheets(sheets as never, {
    licenseKey: "gpl-v3",
    maxRows: 1048576,
  });
  backend = createHyperFormulaBackend(hf);
  host = createExcelHost(backend, options);
  uninstall = host.install();
}

beforeEach(() => open());
afterEach(() => uninstall());

function save(fields: Partial<ActionPlanSave> & { edited: readonly Action[] }): ActionPlanSave {
  return { semester: S1, base: [], lastId: null, currencyFormat: EURO, ...fields };
}

async function saved(s: ActionPlanSave): Promise<ActionPlanReading> {
  const result = await saveActionPlan(s);
  if (result.kind !== "saved") throw new Error(`conflicts: ${JSON.stringify(result.conflicts)}`);
  return result.reading;
}

/** The table's place now: its sheet rows of header and body, from the host's own record. */
function table(name = ACTION_PLAN_TABLE) {
  const info = host.tables().find((t) => t.name === name)!;
  const [first, last] = info.address.split("!").pop()!.split(":");
  const rc = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    return {
      row: Number(m[2]) - 1,
      col: [...m[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1,
    };
  };
  const top = rc(first);
  const end = rc(last);
  return {
    ...info,
    row: top.row,
    col: top.col,
    bodyRows: end.row - top.row,
    cols: end.col - top.col + 1,
  };
}

/** The table's body as records by header: values as Excel computes them. */
function records(name = ACTION_PLAN_TABLE): Record<string, unknown>[] {
  const t = table(name);
  return backend
    .getValues(t.sheet, t.row + 1, t.col, t.bodyRows, t.cols)
    .map((row) => Object.fromEntries(t.headers.map((h, i) => [h, row[i]])));
}

function formatsOf(header: string): string[] {
  const t = table();
  const col = t.col + t.headers.indexOf(header);
  return backend.getNumberFormats(t.sheet, t.row + 1, col, t.bodyRows, 1).map((r) => r[0]);
}

/** A user's sort in Excel: the body's rows (contents and formats) in a new order. */
function sortTable(compare: (a: Record<string, unknown>, b: Record<string, unknown>) => number) {
  const t = table();
  const formulas = backend.getFormulas(t.sheet, t.row + 1, t.col, t.bodyRows, t.cols);
  const formats = backend.getNumberFormats(t.sheet, t.row + 1, t.col, t.bodyRows, t.cols);
  const rows = records().map((record, i) => ({
    record,
    formulas: formulas[i],
    formats: formats[i],
  }));
  rows.sort((a, b) => compare(a.record, b.record));
  // Text goes to the backend marked as text, as the host hands it over (backend.ts).
  const input = rows.map((r) =>
    r.formulas.map((v) => (typeof v === "string" && v !== "" && !v.startsWith("=") ? `'${v}` : v))
  );
  backend.setCells(t.sheet, t.row + 1, t.col, input);
  backend.setNumberFormats(
    t.sheet,
    t.row + 1,
    t.col,
    rows.map((r) => r.formats)
  );
}

/** A cell of the plan typed by the user in Excel (`host.type` types as Excel's grid does). */
function typeInPlan(id: string, header: string, text: string | number) {
  const t = table();
  const row = records().findIndex((r) => r.Id === id);
  host.type(t.sheet, t.row + 1 + row, t.col + t.headers.indexOf(header), [[text]]);
}

describe("the first save", () => {
  it("reads no plan in a workbook without one", async () => {
    const reading = await readActionPlan();
    expect(reading).toMatchObject({ exists: false, actions: [], problems: [], lastId: null });
    expect(reading).toMatchObject({ envelopes: {}, capacity: 3, fiscalStartMonth: 1 });
  });

  it("makes Carnet's sheet and CarnetActionPlan, texts kept as text and dates as dates", async () => {
    const reading = await saved(
      save({ edited: [FAIR, CALLS], lastId: "A-0002", envelope: { semester: S1, amount: 50000 } })
    );
    expect(host.sheets()).toEqual(["Notes", ACTION_PLAN_SHEET]);
    const t = table();
    expect(t.headers).toEqual([...ACTION_PLAN_COLUMNS]);
    expect(t.address).toBe(`'${ACTION_PLAN_SHEET}'!A3:S5`);
    const [fair, calls] = records();
    // Excel would have made a formula of the phone number and 12 of the comment, typed as values.
    expect(fair.Target).toBe("+33 6 12 34 56 78");
    expect(fair.Comment).toBe("0012");
    expect(fair.Start).toBe(FAIR.start);
    expect(calls.Budget).toBe(3000);
    expect(formatsOf("Start")).toEqual(["yyyy-mm-dd", "yyyy-mm-dd"]);
    expect(formatsOf("Budget")).toEqual([EURO, EURO]);
    expect(formatsOf("Comment")).toEqual(["@", "@"]);
    expect(reading.actions).toEqual([FAIR, CALLS]);
    expect(reading.rowAddress.get("A-0002")).toBe(`'${ACTION_PLAN_SHEET}'!A5:S5`);
    expect(reading).toMatchObject({ exists: true, lastId: "A-0002", envelopes: { [S1]: 50000 } });
    expect(JSON.parse(String(host.settings.get(SETTINGS_KEY)))).toMatchObject({
      actionPlanLastId: "A-0002",
      actionPlanEnvelopes: { [S1]: 50000 },
    });
    expect(await readActionPlan()).toEqual(reading);
  });
});

describe("a save over a table edited in Excel", () => {
  it("merges by Id: Excel's sort, edit and new row kept, the pane's edits written where the rows are now", async () => {
    const base = await saved(save({ edited: [FAIR, CALLS, VISITS], lastId: "A-0003" }));
    // In Excel: sorted by owner, Anne's visits moved to Claire, a row added without an Id.
    sortTable(
      (a, b) =>
        String(a.Owner).localeCompare(String(b.Owner)) || String(a.Id).localeCompare(String(b.Id))
    );
    typeInPlan("A-0003", "Owner", "Claire");
    await Excel.run(async (context) => {
      const row = ACTION_PLAN_COLUMNS.map((c) =>
        c === "Semester"
          ? S1
          : c === "Action"
            ? "Mail the catalogue"
            : c === "Means"
              ? "Mailing"
              : ""
      );
      context.workbook.tables.getItem(ACTION_PLAN_TABLE).rows.add(undefined, [row]);
      await context.sync();
    });
    // In the pane: the fair's budget raised, a comment on the calls, a new action.
    const ROADSHOW = act("A-0004", {
      action: "Roadshow",
      owner: "Bruno",
      target: "0044 20 7946",
      budget: 800,
    });
    const result = await saveActionPlan(
      save({
        base: base.actions,
        edited: [
          { ...FAIR, budget: 15000 },
          { ...CALLS, comment: "=start with the 2025 list" },
          VISITS,
          ROADSHOW,
        ],
        lastId: "A-0004",
      })
    );
    expect(result).toMatchObject({ kind: "saved", deletedInSheet: [] });
    const rows = records();
    // The sorted order stays; Excel's row keeps its place and gets the next Id; the pane's new row comes last.
    expect(rows.map((r) => r.Id)).toEqual(["A-0002", "A-0003", "A-0001", "A-0005", "A-0004"]);
    expect(rows.map((r) => r.Owner)).toEqual(["Anne", "Claire", "Bruno", "", "Bruno"]);
    expect(rows[0].Comment).toBe("=start with the 2025 list");
    expect(rows[2].Budget).toBe(15000);
    expect(rows[3]).toMatchObject({ Action: "Mail the catalogue", Means: "Mailing" });
    expect(rows[4]).toMatchObject({ Action: "Roadshow", Target: "0044 20 7946", Budget: 800 });
    expect(formatsOf("Budget")[4]).toBe(EURO);
    if (result.kind !== "saved") return;
    expect(result.reading.actions.map((a) => a.id)).toEqual([
      "A-0002",
      "A-0003",
      "A-0001",
      "A-0005",
      "A-0004",
    ]);
    expect(result.reading.actions[1]).toEqual({ ...VISITS, owner: "Claire" });
    expect(result.reading.rowAddress.get("A-0001")).toBe(`'${ACTION_PLAN_SHEET}'!A6:S6`);
    expect(result.reading.lastId).toBe("A-0005");
  });

  it("writes only the cells that changed: a formula the user put in a Comment stays", async () => {
    const base = await saved(save({ edited: [FAIR, CALLS], lastId: "A-0002" }));
    const t = table();
    const comment = t.col + t.headers.indexOf("Comment");
    backend.setNumberFormats(t.sheet, t.row + 1, comment, [["General"]]);
    backend.setCells(t.sheet, t.row + 1, comment, [['="Fair: "&TEXT(J4,"yyyy-mm-dd")']]);
    const read = await readActionPlan();
    expect(read.actions[0].comment).toBe("Fair: 2027-03-01");
    await saved(
      save({ base: read.actions, edited: [read.actions[0], { ...CALLS, objective: 35000 }] })
    );
    expect(backend.getFormulas(t.sheet, t.row + 1, comment, 1, 1)).toEqual([
      ['="Fair: "&TEXT(J4,"yyyy-mm-dd")'],
    ]);
    expect(records()[1].Objective).toBe(35000);
    void base;
  });

  it("returns the conflicts and writes nothing when a field changed on both sides, then writes the answers", async () => {
    const base = await saved(save({ edited: [FAIR, CALLS], lastId: "A-0002" }));
    typeInPlan("A-0001", "Budget", 13000);
    typeInPlan("A-0002", "Owner", "Claire");
    const before = JSON.stringify([records(), host.tables(), host.settings.get(SETTINGS_KEY)]);
    const edited = [
      { ...FAIR, budget: 14000 },
      { ...CALLS, objective: 32000 },
    ];
    const result = await saveActionPlan(save({ base: base.actions, edited }));
    expect(result).toEqual({
      kind: "conflicts",
      conflicts: [{ id: "A-0001", field: "budget", base: 12000, pane: 14000, sheet: 13000 }],
    });
    expect(JSON.stringify([records(), host.tables(), host.settings.get(SETTINGS_KEY)])).toBe(
      before
    );
    const resolutions = new Map([[resolutionKey("A-0001", "budget"), "pane" as const]]);
    await saved(save({ base: base.actions, edited, resolutions }));
    expect(records().map((r) => [r.Budget, r.Owner, r.Objective])).toEqual([
      [14000, "Bruno", 40],
      [3000, "Claire", 32000],
    ]);
  });

  it("respects a row deleted in Excel, and deletes the rows the pane deleted", async () => {
    const base = await saved(save({ edited: [FAIR, CALLS, VISITS], lastId: "A-0003" }));
    await Excel.run(async (context) => {
      context.workbook.tables.getItem(ACTION_PLAN_TABLE).rows.getItemAt(0).delete(); // the fair, in Excel
      await context.sync();
    });
    const result = await saveActionPlan(
      save({ base: base.actions, edited: [{ ...FAIR, budget: 1 }, VISITS], lastId: "A-0003" })
    );
    expect(result).toMatchObject({ kind: "saved", deletedInSheet: ["A-0001"] });
    expect(records().map((r) => r.Id)).toEqual(["A-0003"]);
    // The last Id stays issued: a new action does not take a deleted one's.
    const next = await saved(
      save({ base: (await readActionPlan()).actions, edited: [VISITS], lastId: null })
    );
    expect(next.lastId).toBe("A-0003");
  });

  it("saves nothing while a cell of the table cannot be read, and says where", async () => {
    const base = await saved(save({ edited: [FAIR], lastId: "A-0001" }));
    typeInPlan("A-0001", "Start", "soon");
    const before = JSON.stringify(records());
    const error = await saveActionPlan(
      save({ base: base.actions, edited: [{ ...FAIR, budget: 1 }] })
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanProblemsError);
    expect((error as Error).message).toMatch(
      /'Carnet Action Plan'!J4: Start soon is text, not a date/
    );
    expect(JSON.stringify(records())).toBe(before);
  });

  it("says why it saved nothing in French when the pane is French", () => {
    const error = new PlanProblemsError(["'Carnet Action Plan'!J4\u00a0: Début soon …"], "fr");
    expect(error.message).toBe(
      "Carnet ne peut pas lire une cellule de CarnetActionPlan, il n'a donc rien enregistré\u00a0: " +
        "corrigez-la dans Excel, puis enregistrez à nouveau. 'Carnet Action Plan'!J4\u00a0: Début soon …"
    );
    expect(new PlanProblemsError(["a", "b"], "fr").message).toMatch(
      /^Carnet ne peut pas lire des cellules de CarnetActionPlan.*corrigez-les dans Excel.* a; b$/
    );
    expect(new PlanProblemsError(["a", "b"]).message).toBe(
      "Carnet cannot read cells of CarnetActionPlan, so it saved nothing: fix them in Excel, then save again. a; b"
    );
  });
});

describe("the budget block and the timeline beside the table", () => {
  /** The block's value cells by item, then by means and by owner, as Excel computes them now. */
  function block() {
    const pairs = (name: string) =>
      Object.fromEntries(records(name).map((r) => Object.values(r) as [string, unknown]));
    return {
      budget: pairs(BUDGET_TABLE),
      means: pairs(BY_MEANS_TABLE),
      owners: pairs(BY_OWNER_TABLE),
    };
  }

  it("sums the semester's budget live: a Budget typed in the table updates the totals", async () => {
    const S2_ACTION = act("A-0004", {
      semester: "2027-S2",
      budget: 99999,
      owner: "Anne",
      means: "Mailing",
    });
    await saved(
      save({ edited: [FAIR, CALLS, VISITS, S2_ACTION], envelope: { semester: S1, amount: 25000 } })
    );
    expect(block()).toEqual({
      budget: { Semester: S1, Envelope: 25000, "Total budget": 20000, Remaining: 5000 },
      means: {
        "Trade fair": 12000,
        "Tele-prospecting": 3000,
        "Visits to existing customers": 5000,
      },
      owners: { Bruno: 12000, Anne: 8000 },
    });
    typeInPlan("A-0002", "Budget", 9000);
    expect(block()).toEqual({
      budget: { Semester: S1, Envelope: 25000, "Total budget": 26000, Remaining: -1000 },
      means: {
        "Trade fair": 12000,
        "Tele-prospecting": 9000,
        "Visits to existing customers": 5000,
      },
      owners: { Bruno: 12000, Anne: 14000 },
    });
    const t = table(BUDGET_TABLE);
    expect(t.address).toBe(`'${ACTION_PLAN_SHEET}'!U3:V7`); // one blank column after the table's S
  });

  it("takes the envelope typed in the block's Envelope cell, unless the pane sets one", async () => {
    const first = await saved(
      save({ edited: [FAIR, CALLS], envelope: { semester: S1, amount: 25000 } })
    );
    const t = table(BUDGET_TABLE);
    // Typed the French way in an English workbook: text, which Excel's subtraction cannot use...
    host.type(t.sheet, t.row + 2, t.col + 1, [["30 000 €"]]);
    expect(block().budget.Remaining).toBe("");
    // ...and Carnet reads as an amount, and writes back as one.
    const second = await saved(save({ base: first.actions, edited: first.actions }));
    expect(second.envelopes).toEqual({ [S1]: 30000 });
    expect(block().budget).toMatchObject({ Envelope: 30000, Remaining: 15000 });
    host.type(t.sheet, t.row + 2, t.col + 1, [[40000]]);
    const third = await saved(
      save({
        base: second.actions,
        edited: second.actions,
        envelope: { semester: S1, amount: 20000 },
      })
    );
    expect(third.envelopes).toEqual({ [S1]: 20000 });
    expect(block().budget).toMatchObject({ Envelope: 20000, Remaining: 5000 });
  });

  it("draws the semester's Gantt, by owner then Order, and redraws it on the next save", async () => {
    const reading = await saved(save({ edited: [FAIR, CALLS, VISITS] }));
    const gantt = () => host.charts().filter((c) => c.name === GANTT_CHART);
    expect(gantt()).toHaveLength(1);
    const [chart] = gantt();
    expect(chart).toMatchObject({ type: "BarStacked", title: "Timeline 2027-S1" });
    expect(chart.series.map((s) => [s.name, s.fill])).toEqual([
      ["Start offset", "none"],
      ["Days", undefined],
    ]);
    // Anne's calls (order 1) then her visits (order 2), then Bruno's fair: days from 1 January.
    expect(chart.series[0].xValues).toEqual([CALLS.action, VISITS.action, FAIR.action]);
    expect(chart.series[0].values).toEqual([3, 90, 59]);
    expect(chart.series[1].values).toEqual([54, 91, 5]);
    expect(chart.axes.category.reversed).toBe(true);
    expect(chart.axes.value).toMatchObject({ minimum: 0, maximum: 181 });
    await saved(
      save({ base: reading.actions, edited: [FAIR, { ...CALLS, owner: "Zoé" }, VISITS] })
    );
    expect(gantt()).toHaveLength(1);
    expect(gantt()[0].series[0].xValues).toEqual([VISITS.action, FAIR.action, CALLS.action]);
    expect(records(TIMELINE_TABLE).map((r) => r.Owner)).toEqual(["Anne", "Bruno", "Zoé"]);
  });

  it("saves nothing where the block would cover cells the user typed beside the table", async () => {
    // One action: the block ends on row 13; three: it reaches row 16, where the user typed a note.
    const base = await saved(save({ edited: [FAIR] }));
    host.type(ACTION_PLAN_SHEET, 15, 21, [["my note"]]);
    const before = JSON.stringify(records());
    await expect(
      saveActionPlan(save({ base: base.actions, edited: [FAIR, CALLS, VISITS] }))
    ).rejects.toThrow(/over cells you typed on sheet "Carnet Action Plan": V16\. Move them/);
    expect(JSON.stringify(records())).toBe(before);
  });
});

describe("round trips", () => {
  /** n actions of the semester, four owners, dated, each with a budget. */
  const plan = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      act(`A-${String(i + 1).padStart(4, "0")}`, {
        action: `Action ${i + 1}`,
        means: ["Mailing", "Trade fair", "Tele-prospecting"][i % 3],
        owner: ["Anne", "Bruno", "Claire", "David"][i % 4],
        start: day(2027, 1, 4) + (i % 60),
        end: day(2027, 3, 31) + (i % 60),
        order: i,
        budget: 100 * (i + 1),
        comment: `Comment ${i + 1} with some words in it, as users write`,
      })
    );

  /** Round trips of a save changing every action, and of a read, on a plan of n actions. */
  async function trips(n: number) {
    uninstall();
    open();
    const first = await saved(save({ edited: plan(n) }));
    const before = host.stats().syncs;
    const edited = first.actions.map((a) => ({ ...a, budget: (a.budget ?? 0) + 1 }));
    const after = await saved(save({ base: first.actions, edited, lastId: first.lastId }));
    expect(after.actions).toEqual(edited);
    const saving = host.stats().syncs - before;
    const read = host.stats().syncs;
    await readActionPlan();
    return { saving, reading: host.stats().syncs - read };
  }

  it("do not grow with the plan: as many for 400 actions as for 5", async () => {
    const small = await trips(5);
    const large = await trips(400);
    expect(large).toEqual(small);
    expect(small.saving).toBeLessThanOrEqual(8);
    expect(host.stats().largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });
});

describe("a French workbook", () => {
  it("writes the table's headers in French, and reads them back", async () => {
    uninstall();
    open({ displayLanguage: "fr-FR" });
    const reading = await saved(save({ edited: [FAIR, CALLS] }));
    expect(table().headers.slice(0, 4)).toEqual(["Id", "Semestre", "Action", "Moyen"]);
    expect(reading.actions).toEqual([FAIR, CALLS]);
    expect(records(BY_OWNER_TABLE).map((r) => r.Budget)).toEqual([12000, 3000]);
  });
});
