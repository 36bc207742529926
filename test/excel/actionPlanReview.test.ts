/**
 * The semester's review written on Carnet's "Carnet Review" sheet, through Microsoft's Excel client
 * against the simulated host: the three tables add up, their formats, the native chart of attainment
 * by owner, and a second review that replaces Carnet's own output only.
 */
import { HyperFormula } from "hyperformula";
import { type Action, blankAction } from "../../src/domain/actionPlan/action";
import { serialFromYmd } from "../../src/domain/dates";
import {
  readActionPlan,
  saveActionPlan,
  writeActionPlanReview,
} from "../../src/excel/host/actionPlan";
import {
  REVIEW_BY_ACTION,
  REVIEW_BY_MEANS,
  REVIEW_BY_OWNER,
  REVIEW_CHART,
  REVIEW_SHEET,
} from "../../src/excel/plan/actionPlanSheet";
import {
  createExcelHost,
  createHyperFormulaBackend,
  type ExcelHost,
  type WorkbookBackend,
} from "../../src/workbench/sim";
import "../support/office-client";

const S1 = "2027-S1";
const EURO = '#,##0 "€"';
const day = (y: number, m: number, d: number) => serialFromYmd(y, m, d);
const act = (id: string, fields: Partial<Action>): Action => ({
  ...blankAction(id, S1),
  ...fields,
});

/** Two measured actions, one acted on, one not started, one of the next semester. */
const PLAN = [
  act("A-0001", {
    action: "Trade fair",
    means: "Trade fair",
    owner: "Bruno",
    objective: 40,
    unit: "meetings",
    actualResult: 30,
    budget: 12000,
    actualCost: 13500,
    phase: "Check",
    start: day(2027, 3, 1),
    end: day(2027, 3, 5),
  }),
  act("A-0002", {
    action: "Call the dormant customers",
    means: "Tele-prospecting",
    owner: "Anne",
    objective: 30000,
    unit: "€ revenue",
    actualResult: 36000,
    budget: 3000,
    actualCost: 2400,
    phase: "Act",
    correctiveAction: "Call them again in S2",
  }),
  act("A-0003", {
    action: "Visit key accounts",
    means: "Visits to existing customers",
    owner: "anne",
    objective: 10,
    unit: "visits",
    budget: 5000,
    phase: "Plan",
  }),
  act("A-0004", { semester: "2027-S2", means: "Mailing", owner: "Claire", budget: 999 }),
];

let backend: WorkbookBackend;
let host: ExcelHost;
let uninstall: () => void;

beforeEach(() => {
  const hf = HyperFormula.buildFromSheets({ Notes: [["Mine"]] } as never, {
    licenseKey: "gpl-v3",
    maxRows: 1048576,
  });
  backend = createHyperFormulaBackend(hf);
  host = createExcelHost(backend);
  uninstall = host.install();
});
afterEach(() => uninstall());

async function savePlan(edited: readonly Action[], base: readonly Action[] = []) {
  const result = await saveActionPlan({
    semester: S1,
    base,
    edited,
    lastId: null,
    currencyFormat: EURO,
  });
  expect(result.kind).toBe("saved");
}

/** A table's body as records by header, with its number formats, as the host holds them. */
function table(name: string) {
  const info = host.tables().find((t) => t.name === name)!;
  const [first, last] = info.address.split("!").pop()!.split(":");
  const at = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    const col = [...m[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
    return { row: Number(m[2]) - 1, col };
  };
  const top = at(first);
  const rows = at(last).row - top.row;
  const values = backend.getValues(info.sheet, top.row + 1, top.col, rows, info.headers.length);
  const formats = backend.getNumberFormats(
    info.sheet,
    top.row + 1,
    top.col,
    1,
    info.headers.length
  );
  return {
    sheet: info.sheet,
    records: values.map((r) => Object.fromEntries(info.headers.map((h, i) => [h, r[i]]))),
    format: (header: string) => formats[0][info.headers.indexOf(header)],
  };
}

const sum = (records: Record<string, unknown>[], header: string) =>
  records.reduce((s, r) => s + Number(r[header] || 0), 0);

describe("the semester's review", () => {
  it("says there is nothing to review before a plan is saved", async () => {
    await expect(writeActionPlanReview(S1)).rejects.toThrow(
      /There is no action plan to review yet: save the 2027-S1 plan first/
    );
  });

  it("writes attainment by action, by means and by owner, adding up, with a chart by owner", async () => {
    await savePlan(PLAN);
    const result = await writeActionPlanReview(S1);
    expect(result).toEqual({ sheet: REVIEW_SHEET, charts: [REVIEW_CHART] });
    const byAction = table(REVIEW_BY_ACTION);
    expect(byAction.sheet).toBe(REVIEW_SHEET);
    expect(byAction.records.map((r) => [r.Id, r.Attainment, r["Cost per result"]])).toEqual([
      ["A-0001", 0.75, 450],
      ["A-0002", 1.2, 2400 / 36000],
      ["A-0003", "", ""],
    ]);
    expect([byAction.format("Attainment"), byAction.format("Budget")]).toEqual(["0%", EURO]);
    const byMeans = table(REVIEW_BY_MEANS).records;
    const byOwner = table(REVIEW_BY_OWNER).records;
    // Anne and anne are one owner (names.ts); the next semester's Claire is not in this review.
    expect(byOwner.map((r) => [r.Owner, r.Actions, r.Checked, r.Attainment])).toEqual([
      ["Bruno", 1, 1, 0.75],
      ["Anne", 2, 1, 1.2],
    ]);
    // Each table adds up to the same totals: a SUM over any of them counts each action once.
    const checked = byAction.records.filter((r) => r.Phase === "Check" || r.Phase === "Act");
    const totals = {
      Budget: sum(byAction.records, "Budget"),
      "Actual cost": sum(byAction.records, "Actual cost"),
      Actions: byAction.records.length,
      Checked: checked.length,
    };
    expect(totals).toEqual({ Budget: 20000, "Actual cost": 15900, Actions: 3, Checked: 2 });
    for (const [header, total] of Object.entries(totals)) {
      expect(sum(byMeans, header)).toBe(total);
      expect(sum(byOwner, header)).toBe(total);
    }
    const [chart] = host.charts().filter((c) => c.name === REVIEW_CHART);
    expect(chart).toMatchObject({ sheet: REVIEW_SHEET, type: "ColumnClustered" });
    expect(chart.series).toEqual([
      { name: "Attainment", values: [0.75, 1.2], xValues: ["Bruno", "Anne"] },
    ]);
  });

  it("replaces Carnet's own output on a second run, and leaves the user's cells on the sheet", async () => {
    await savePlan(PLAN);
    await writeActionPlanReview(S1);
    host.type(REVIEW_SHEET, 40, 0, [["my own note"]]);
    const base = (await readActionPlan()).actions;
    // The fair's result came in; the visits were dropped from the plan.
    await savePlan([{ ...base[0], actualResult: 44 }, base[1], base[3]], base);
    await writeActionPlanReview(S1);
    expect(host.sheets()).toEqual(["Notes", "Carnet Action Plan", REVIEW_SHEET]);
    expect(table(REVIEW_BY_ACTION).records.map((r) => [r.Id, r.Attainment])).toEqual([
      ["A-0001", 1.1],
      ["A-0002", 1.2],
    ]);
    expect(table(REVIEW_BY_MEANS).records.map((r) => r.Means)).toEqual([
      "Trade fair",
      "Tele-prospecting",
    ]);
    expect(host.charts().filter((c) => c.sheet === REVIEW_SHEET)).toHaveLength(1);
    expect(backend.getValues(REVIEW_SHEET, 40, 0, 1, 1)).toEqual([["my own note"]]);
  });
});
