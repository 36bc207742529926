/**
 * CarnetTeam written and read through Microsoft's Excel client against the simulated host over a
 * HyperFormula workbook with the built CARNET functions (its SUMIFS computing as Excel's), over a
 * CarnetPipeline written by the real forecast code and a CarnetActionPlan saved by the real save: the
 * figures against hand computation, objectives typed in the sheet kept by a rebuild and updating their row
 * live, the collective weight and team objective, and round trips that do not grow with the reps.
 * Needs `npm run build` first (dist/functions.js).
 */
import { type Action, blankAction } from "../../src/domain/actionPlan/action";
import { serialFromYmd } from "../../src/domain/dates";
import type { TeamSettings } from "../../src/domain/team/contract";
import { teamFigures } from "../../src/domain/team/team";
import { readActionPlan, saveActionPlan } from "../../src/excel/host/actionPlan";
import { writeForecast } from "../../src/excel/host/forecast";
import { readSource } from "../../src/excel/host/source";
import { readTeam, writeTeam } from "../../src/excel/host/team";
import { ACTION_PLAN_TABLE } from "../../src/excel/plan/actionPlanSheet";
import { buildForecastPlans, type ForecastBuild } from "../../src/excel/plan/forecastPlan";
import { SETTINGS_KEY } from "../../src/excel/plan/settings";
import {
  TEAM_CHART,
  TEAM_SETTINGS_TABLE,
  TEAM_SHEET,
  TEAM_TABLE,
} from "../../src/excel/plan/teamSheet";
import type { TeamBuild, TeamReading } from "../../src/excel/plan/teamPort";
import { TypedOverError } from "../../src/excel/plan/typedOver";
import { analysePipeline } from "../../src/taskpane/pipelineModel";
import type { ExcelHostOptions } from "../../src/workbench/sim";
import { formulaWorkbook, type TestWorkbook } from "../support/excel-host";

const S1 = "2027-S1";
const EURO = '#,##0 "€"';
const day = (m: number, d: number) => serialFromYmd(2027, m, d);

type Row = (string | number | null)[];
const HEADERS: Row = ["Close date", "Company", "Amount", "Probability", "Owner", "Category"];
/**
 * Anne: 10 000 won; 8 000 at 50 % and 4 000 at 25 % open (typed ANNE: one rep); 2 000 lost; 5 000 open
 * without a probability (not in the forecast). Bruno: 6 000 won, 12 000 at 75 %, 3 000 omitted.
 * Chloé has no deal: she is on the team by her action in the plan.
 */
const DEALS: Row[] = [
  ["2027-02-10", "Alpha", 10000, 1, "Anne", "Won"],
  ["2027-04-15", "Bêta", 8000, 0.5, "Anne", "Commit"],
  ["2027-05-20", "Gamma", 4000, 0.25, "ANNE", "Pipeline"],
  ["2027-03-01", "Delta", 2000, 0, "Anne", "Lost"],
  ["2027-06-01", "Epsilon", 5000, null, "Anne", "Pipeline"],
  ["2027-01-20", "Zêta", 6000, 1, "Bruno", "Won"],
  ["2027-05-05", "Êta", 12000, 0.75, "Bruno", "Commit"],
  ["2027-06-10", "Thêta", 3000, 0.5, "Bruno", "Omitted"],
];

function act(id: string, fields: Partial<Action>): Action {
  return { ...blankAction(id, S1), ...fields };
}

/** The semester's plan: Anne two actions (3 000 + 5 000), Bruno one (12 000), Chloé one (1 500); Anne's S2 action does not count. */
const PLAN: Action[] = [
  act("A-0001", {
    action: "Calls",
    owner: "Anne",
    budget: 3000,
    start: day(1, 4),
    end: day(2, 26),
  }),
  act("A-0002", {
    action: "Visits",
    owner: "Anne",
    budget: 5000,
    start: day(4, 1),
    end: day(6, 30),
  }),
  act("A-0003", {
    action: "Fair",
    owner: "Bruno",
    budget: 12000,
    start: day(3, 1),
    end: day(3, 5),
  }),
  act("A-0004", {
    action: "Mailing",
    owner: "Chloé",
    budget: 1500,
    start: day(5, 2),
    end: day(5, 9),
  }),
  act("A-0005", { action: "Next", semester: "2027-S2", owner: "Anne", budget: 99999 }),
];

let book: TestWorkbook;
afterEach(() => book?.dispose());

/** The deals and the plan written by Carnet's own code: CarnetPipeline by Build forecast, CarnetActionPlan by a save. */
async function open(options?: ExcelHostOptions, deals: Row[] = DEALS, plan: Action[] = PLAN) {
  book = formulaWorkbook({ Ventes: [HEADERS, ...deals] as never }, options);
  book.host.selection.set("Ventes", "B2");
  const source = await readSource({ kind: "auto" });
  const analysis = analysePipeline(source, {});
  const build: ForecastBuild = {
    source,
    mapping: analysis.mapping,
    deals: analysis.reading.deals,
    periodKind: "quarter",
    stamp: "2027-06-15 10:00",
    currencyFormat: EURO,
  };
  expect(buildForecastPlans(build).plans[0].tables[0].rows).toHaveLength(deals.length);
  await writeForecast(build);
  const saved = await saveActionPlan({
    semester: S1,
    base: [],
    edited: plan,
    lastId: null,
    currencyFormat: EURO,
  });
  expect(saved.kind).toBe("saved");
  return analysis.reading.deals;
}

/** What Build team sends, as the pane makes it: the objectives typed in CarnetTeam, the domain's figures. */
async function teamBuildNow(settings: TeamSettings): Promise<TeamBuild> {
  book.host.selection.set("Ventes", "B2");
  const analysis = analysePipeline(await readSource({ kind: "auto" }), {});
  const reading = await readTeam();
  const objectives = new Map<string, number>();
  for (const rep of reading?.figures.reps ?? [])
    if (rep.objective !== null) objectives.set(rep.rep, rep.objective);
  const actions = (await readActionPlan()).actions;
  const deals = analysis.reading.deals;
  const figures = teamFigures({ deals, actions, semester: S1, objectives, settings });
  return { figures, settings, semester: S1, currencyFormat: EURO };
}

/** Build team as the pane does it. */
async function buildTeam(settings: TeamSettings, replaceTyped = false) {
  return writeTeam(await teamBuildNow(settings), undefined, undefined, { replaceTyped });
}

const INDIVIDUAL: TeamSettings = { collectiveWeight: 0, teamObjective: null };

/** A table's place now and its body as Excel computes it, rows as records by header. */
function table(name: string) {
  const info = book.host.tables().find((t) => t.name === name)!;
  const [first, last] = info.address.split("!").pop()!.split(":");
  const at = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    const col = [...m[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
    return { row: Number(m[2]) - 1, col };
  };
  const top = at(first);
  const rows = at(last).row - top.row;
  const values = book.host.backend.getValues(
    info.sheet,
    top.row + 1,
    top.col,
    rows,
    info.headers.length
  );
  return {
    ...info,
    ...top,
    records: values.map((row) => Object.fromEntries(info.headers.map((h, i) => [h, row[i]]))),
  };
}

const team = () => table(TEAM_TABLE).records;
const settingsRow = () => table(TEAM_SETTINGS_TABLE).records[0];

/** A cell of CarnetTeam typed by the manager in Excel, on the row of `rep`. */
function typeInTeam(rep: string, header: string, value: string | number | null) {
  const t = table(TEAM_TABLE);
  const r = t.records.findIndex((row) => row.Rep === rep);
  book.host.type(t.sheet, t.row + 1 + r, t.col + t.headers.indexOf(header), [[value]]);
}

function typeSetting(header: string, value: string | number | null) {
  const t = table(TEAM_SETTINGS_TABLE);
  book.host.type(t.sheet, t.row + 1, t.col + t.headers.indexOf(header), [[value]]);
}

/** The rows' figures by rep, rounded where a division leaves a long fraction. */
function figuresOf(records: Record<string, unknown>[], headers: string[]) {
  const round = (v: unknown) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v);
  return Object.fromEntries(
    records.map((r) => [r.Rep, Object.fromEntries(headers.map((h) => [h, round(r[h])]))])
  );
}

describe("a first build", () => {
  it("writes one row per rep of the pipeline and the semester's plan, live over Carnet's tables", async () => {
    await open();
    const result = await buildTeam(INDIVIDUAL);
    expect(result).toMatchObject({
      sheet: TEAM_SHEET,
      charts: [TEAM_CHART],
      // Open, weighted, won, actions, budget, attainment, coverage, blended for 3 reps, and the team's 3.
      liveCells: 3 * 8 + 3,
      stampedCells: 3,
    });
    expect(table(TEAM_TABLE).address).toBe(`'${TEAM_SHEET}'!A3:K6`);
    expect(figuresOf(team(), ["Open pipeline", "Weighted", "Won", "Actions", "Budget"])).toEqual({
      Anne: { "Open pipeline": 12000, Weighted: 5000, Won: 10000, Actions: 2, Budget: 8000 },
      Bruno: { "Open pipeline": 12000, Weighted: 9000, Won: 6000, Actions: 1, Budget: 12000 },
      Chloé: { "Open pipeline": 0, Weighted: 0, Won: 0, Actions: 1, Budget: 1500 },
    });
    // No objective yet: nothing to attain, cover or blend.
    expect(team().map((r) => [r.Objective, r.Attainment, r.Coverage, r["P(objective)"]])).toEqual([
      ["", "", "", ""],
      ["", "", "", ""],
      ["", "", "", ""],
    ]);
    // The figures are formulas over CarnetPipeline and CarnetActionPlan, not values.
    const t = table(TEAM_TABLE);
    const [anne] = book.host.backend.getFormulas(t.sheet, t.row + 1, t.col, 1, 11);
    expect(anne[1]).toMatch(/^=SUMIFS\('Carnet Pipeline'!\$F:\$F,'Carnet Pipeline'!\$I:\$I,/);
    expect(anne[8]).toMatch(/^=COUNTIFS\('Carnet Action Plan'!\$I:\$I,/);
    expect(JSON.parse(String(book.host.settings.get(SETTINGS_KEY)))).toMatchObject({
      collectiveWeight: 0,
      teamObjective: null,
    });
    const reading = await readTeam();
    expect(reading?.figures.reps.map((r) => r.rep)).toEqual(["Anne", "Bruno", "Chloé"]);
    expect(reading?.rowAddress.get("Bruno")).toBe(`'${TEAM_SHEET}'!A5:K5`);
    expect(reading?.problems).toEqual([]);
  });

  it("reads nothing before a first build", async () => {
    await open();
    expect(await readTeam()).toBeNull();
  });
});

describe("objectives typed in CarnetTeam", () => {
  /** Anne 20 000, Bruno 15 000, Chloé 5 000, typed in the sheet after a first build. */
  async function typedObjectives(settings: TeamSettings = INDIVIDUAL) {
    await open();
    await buildTeam(settings);
    typeInTeam("Anne", "Objective", 20000);
    typeInTeam("Bruno", "Objective", 15000);
    typeInTeam("Chloé", "Objective", 5000);
  }

  it("update their rows live, and a rebuild keeps them and computes P(objective)", async () => {
    await typedObjectives();
    const live = ["Attainment", "Coverage", "P(objective)", "Blended attainment"];
    // Anne: 10 000 ÷ 20 000; coverage 5 000 ÷ (20 000 − 10 000). Bruno: 6 000 ÷ 15 000, 9 000 ÷ 9 000.
    // P(objective) asks for a build: it was computed without an objective.
    expect(figuresOf(team(), live)).toEqual({
      Anne: {
        Attainment: 0.5,
        Coverage: 0.5,
        "P(objective)": "rebuild",
        "Blended attainment": 0.5,
      },
      Bruno: { Attainment: 0.4, Coverage: 1, "P(objective)": "rebuild", "Blended attainment": 0.4 },
      Chloé: { Attainment: 0, Coverage: 0, "P(objective)": "rebuild", "Blended attainment": 0 },
    });
    // Team: Σ objectives 40 000, won 16 000.
    expect(settingsRow()).toMatchObject({
      "Team objective": "",
      "Team objective used": 40000,
      "Team won": 16000,
      "Team attainment": 0.4,
    });
    const reading = (await readTeam())!;
    expect(reading.problems).toEqual([
      expect.stringMatching(
        /^'Carnet Team'!H4: P\(objective\) of Anne was computed for another objective/
      ),
      expect.stringMatching(/^'Carnet Team'!H5: /),
      expect.stringMatching(/^'Carnet Team'!H6: /),
    ]);
    // A rebuild (the typed-over check does not stop it) keeps the objectives; P(objective) is the
    // outcome distribution's: Anne needs 10 000 more from 8 000 at 50 % and 4 000 at 25 % (both: 12.5 %),
    // Bruno 9 000 from 12 000 at 75 %, Chloé 5 000 from nothing.
    await buildTeam(INDIVIDUAL);
    expect(team().map((r) => [r.Rep, r.Objective, r["P(objective)"]])).toEqual([
      ["Anne", 20000, 0.125],
      ["Bruno", 15000, 0.75],
      ["Chloé", 5000, 0],
    ]);
    expect((await readTeam())!.problems).toEqual([]);
  });

  it("recalculate the row when one changes: attainment, coverage, the team and the blend", async () => {
    await typedObjectives({ collectiveWeight: 0.2, teamObjective: null });
    await buildTeam({ collectiveWeight: 0.2, teamObjective: null });
    typeInTeam("Anne", "Objective", 12500);
    // Anne: 10 000 ÷ 12 500 = 80 %; coverage 5 000 ÷ 2 500 = 2; the team's objective Σ 32 500, so its
    // attainment 16 000 ÷ 32 500; blended 0.8 × 0.8 + 0.2 × 16 000 ÷ 32 500.
    const team32500 = 16000 / 32500;
    const anne = team()[0];
    expect(anne).toMatchObject({ Attainment: 0.8, Coverage: 2, "P(objective)": "rebuild" });
    expect(anne["Blended attainment"]).toBeCloseTo(0.8 * 0.8 + 0.2 * team32500, 9);
    expect(team()[1]["Blended attainment"]).toBeCloseTo(0.4 * 0.8 + 0.2 * team32500, 9);
    expect(settingsRow()["Team attainment"]).toBeCloseTo(team32500, 9);
    // Reached: coverage is blank, the probability certain.
    typeInTeam("Anne", "Objective", 9000);
    expect(team()[0]).toMatchObject({ Coverage: "", "P(objective)": 1 });
    // Cleared: no objective, no attainment, out of the team's objective.
    typeInTeam("Anne", "Objective", "");
    expect(team()[0]).toMatchObject({ Attainment: "", "Blended attainment": "" });
    expect(settingsRow()["Team objective used"]).toBe(20000);
  });

  it("blend with w = 0.2 and a team objective, as the manager sets them, by hand computation", async () => {
    await typedObjectives();
    const settings = { collectiveWeight: 0.2, teamObjective: 32000 };
    await buildTeam(settings);
    // Team: 16 000 ÷ 32 000 = 50 %. Blended: Anne 0.5 × 0.8 + 0.5 × 0.2 = 50 %, Bruno 0.4 × 0.8 + 0.1 =
    // 42 %, Chloé 0 × 0.8 + 0.1 = 10 %.
    expect(settingsRow()).toMatchObject({
      "Collective weight": 0.2,
      "Team objective": 32000,
      "Team objective used": 32000,
      "Team attainment": 0.5,
    });
    expect(figuresOf(team(), ["Blended attainment"])).toEqual({
      Anne: { "Blended attainment": 0.5 },
      Bruno: { "Blended attainment": 0.42 },
      Chloé: { "Blended attainment": 0.1 },
    });
    expect(JSON.parse(String(book.host.settings.get(SETTINGS_KEY)))).toMatchObject(settings);
    // The manager types another weight in the sheet: the blend follows, and the sheet is what readTeam says.
    typeSetting("Collective weight", 0.5);
    expect(team()[1]["Blended attainment"]).toBeCloseTo(0.4 * 0.5 + 0.5 * 0.5, 12);
    const reading = (await readTeam())!;
    expect(reading.settings).toEqual({ collectiveWeight: 0.5, teamObjective: 32000 });
    expect(reading.figures).toMatchObject({
      teamObjective: 32000,
      teamWon: 16000,
      teamAttainment: 0.5,
    });
    expect(reading.figures.reps[1]).toEqual({
      rep: "Bruno",
      openPipeline: 12000,
      weighted: 9000,
      objective: 15000,
      won: 6000,
      attainment: 0.4,
      coverage: 1,
      pObjective: 0.75,
      actions: 1,
      budget: 12000,
      blendedAttainment: expect.closeTo(0.45, 12),
    });
  });

  it("stop a rebuild that would replace a figure the manager typed over, and say where", async () => {
    await typedObjectives();
    await buildTeam(INDIVIDUAL);
    typeInTeam("Bruno", "Won", 7000);
    const error = await buildTeam(INDIVIDUAL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypedOverError);
    expect((error as Error).message).toMatch(/'Carnet Team'!E5 \(Won: 7000\)/);
    await buildTeam(INDIVIDUAL, true);
    expect(team()[1]).toMatchObject({ Won: 6000, Objective: 15000 });
  });
});

describe("live over the tables as they change", () => {
  it("counts a budget typed in CarnetActionPlan and follows the plan's French headers", async () => {
    // A French workbook: CarnetActionPlan and CarnetTeam both have French headers.
    await open({ displayLanguage: "fr-FR" });
    await buildTeam(INDIVIDUAL);
    expect(table(TEAM_TABLE).headers.slice(0, 4)).toEqual([
      "Commercial",
      "Pipeline ouvert",
      "Pondéré",
      "Objectif",
    ]);
    expect(team().map((r) => [r.Commercial, r.Actions, r.Budget])).toEqual([
      ["Anne", 2, 8000],
      ["Bruno", 1, 12000],
      ["Chloé", 1, 1500],
    ]);
    const plan = table(ACTION_PLAN_TABLE);
    const row = plan.records.findIndex((r) => r.Id === "A-0003");
    const budget = plan.headers.indexOf("Budget");
    book.host.type(plan.sheet, plan.row + 1 + row, plan.col + budget, [[20000]]);
    expect(team()[1].Budget).toBe(20000);
  });

  it("matches a rep's name as text: a name like a wildcard counts its own deals only", async () => {
    const deals: Row[] = [
      ["2027-02-10", "Alpha", 1000, 0.5, "A*", "Commit"],
      ["2027-02-11", "Bêta", 2000, 0.5, "Anne", "Commit"],
      ["2027-02-12", "Gamma", 4000, 1, "a?b", "Won"],
      ["2027-02-13", "Delta", 8000, 1, "Arb", "Won"],
    ];
    await open(undefined, deals, []);
    await buildTeam(INDIVIDUAL);
    expect(team().map((r) => [r.Rep, r["Open pipeline"], r.Won])).toEqual([
      ["a?b", 0, 4000],
      ["A*", 1000, 0],
      ["Anne", 2000, 0],
      ["Arb", 0, 8000],
    ]);
  });

  it("keeps the typed objectives on Excel without Table.resize (tables deleted and added again)", async () => {
    await open({ requirementSets: { ExcelApi: "1.8", CustomFunctionsRuntime: "1.2" } });
    await buildTeam(INDIVIDUAL);
    typeInTeam("Bruno", "Objective", 15000);
    await buildTeam(INDIVIDUAL);
    expect(team().map((r) => [r.Rep, r.Objective, r.Attainment, r["P(objective)"]])).toEqual([
      ["Anne", "", "", ""],
      ["Bruno", 15000, 0.4, 0.75],
      ["Chloé", "", "", ""],
    ]);
  });

  it("writes the build's figures as values where there is no CarnetPipeline or plan, and says so", async () => {
    book = formulaWorkbook({ Notes: [["Mine"]] });
    const figures = teamFigures({
      deals: [],
      actions: PLAN,
      semester: S1,
      objectives: new Map([["Chloé", 3000]]),
      settings: INDIVIDUAL,
    });
    const result = await writeTeam({
      figures,
      settings: INDIVIDUAL,
      semester: S1,
      currencyFormat: EURO,
    });
    expect(result).toMatchObject({ liveCells: 3 * 3 + 3, stampedCells: 3 * 6 });
    expect(team().map((r) => [r.Rep, r.Actions, r.Budget, r.Attainment])).toEqual([
      ["Anne", 2, 8000, ""],
      ["Bruno", 1, 12000, ""],
      ["Chloé", 1, 1500, 0],
    ]);
    const t = table(TEAM_TABLE);
    const note = book.host.backend.getValues(t.sheet, 0, 0, 1, 1)[0][0];
    expect(note).toMatch(
      /Values as of Build team: Open pipeline, Weighted and Won \(no CarnetPipeline/
    );
    expect(note).toMatch(/Actions and Budget \(no CarnetActionPlan\)/);
  });
});

describe("the chart", () => {
  it("draws attainment by rep as columns and the team's attainment as a line, redrawn by a rebuild", async () => {
    await open();
    await buildTeam(INDIVIDUAL);
    typeInTeam("Anne", "Objective", 20000);
    typeInTeam("Bruno", "Objective", 15000);
    await buildTeam({ collectiveWeight: 0.2, teamObjective: 25000 });
    const charts = book.host.charts().filter((c) => c.name === TEAM_CHART);
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect(chart.type).toBe("ColumnClustered");
    expect(chart.series.map((s) => [s.name, s.chartType, s.xValues, s.values])).toEqual([
      ["Attainment", undefined, ["Anne", "Bruno", "Chloé"], [0.5, 0.4, null]],
      ["Team attainment", "Line", ["Anne", "Bruno", "Chloé"], [0.64, 0.64, 0.64]],
    ]);
  });
});

describe("round trips", () => {
  /** n reps, each with two deals (one won) and one action of the semester. */
  function team(n: number): { deals: Row[]; plan: Action[] } {
    const reps = Array.from({ length: n }, (_, i) => `Rep ${String(i + 1).padStart(3, "0")}`);
    return {
      deals: reps.flatMap((rep, i) => [
        ["2027-03-01", `Won ${i}`, 1000 + i, 1, rep, "Won"],
        ["2027-05-01", `Open ${i}`, 2000 + i, 0.5, rep, "Commit"],
      ]),
      plan: reps.map((rep, i) =>
        act(`A-${String(i + 1).padStart(4, "0")}`, {
          action: `Action ${i}`,
          owner: rep,
          budget: 100,
        })
      ),
    };
  }

  async function trips(n: number) {
    const { deals, plan } = team(n);
    book?.dispose();
    await open(undefined, deals, plan);
    await buildTeam(INDIVIDUAL);
    const build = await teamBuildNow({ collectiveWeight: 0.2, teamObjective: null });
    const before = book.host.stats().syncs;
    await writeTeam(build);
    const building = book.host.stats().syncs - before;
    const read = book.host.stats().syncs;
    const reading = (await readTeam()) as TeamReading;
    expect(reading.figures.reps).toHaveLength(n);
    return { building, reading: book.host.stats().syncs - read };
  }

  it("do not grow with the team: as many for 60 reps as for 3", async () => {
    const small = await trips(3);
    const large = await trips(60);
    expect(large).toEqual(small);
    // One for the workbook's language (kept since the first build), two to find Carnet's tables,
    // writeOwnedSheets' own (one per table), two for the settings.
    expect(small.building).toBeLessThanOrEqual(14);
    expect(small.reading).toBe(3);
    expect(book.host.stats().largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });
});
