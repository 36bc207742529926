/**
 * The sheets a French workbook gets beyond the forecast (issue 15): the matrix, the team, the
 * calibration, the action plan with its budget block, the review and the snapshots write their notes,
 * labels, words and chart titles in French, semesters as "S1 2027"; a rebuild over them works and what
 * Carnet reads back (the plan, the envelope, the team's figures, the harvest ranges) reads as in English.
 * Through Microsoft's client against the simulated host over a HyperFormula workbook with the built
 * CARNET functions. Needs `npm run build` first (dist/functions.js).
 */
import { type Action, blankAction } from "../../src/domain/actionPlan/action";
import { serialFromYmd } from "../../src/domain/dates";
import { type Level, NINE_BOX, nineBoxCellIn, type Zone, zoneName } from "../../src/domain/matrix";
import type { Snapshot } from "../../src/domain/snapshots";
import { brierScore, reliability } from "../../src/domain/team/calibration";
import type { CalibrationReport } from "../../src/domain/team/contract";
import { teamFigures } from "../../src/domain/team/team";
import {
  readActionPlan,
  saveActionPlan,
  writeActionPlanReview,
} from "../../src/excel/host/actionPlan";
import { writeForecast } from "../../src/excel/host/forecast";
import { readHarvestRanges, writeMatrix } from "../../src/excel/host/matrix";
import { appendSnapshot, readSnapshots } from "../../src/excel/host/snapshots";
import { readSource } from "../../src/excel/host/source";
import { readTeam, writeCalibration, writeTeam } from "../../src/excel/host/team";
import {
  ACTION_PLAN_SHEET,
  ACTION_PLAN_TABLE,
  BUDGET_TABLE,
  GANTT_CHART,
  REVIEW_BY_ACTION,
  REVIEW_BY_OWNER,
  REVIEW_CHART,
  REVIEW_SHEET,
} from "../../src/excel/plan/actionPlanSheet";
import type { ActionPlanSave } from "../../src/excel/plan/actionPlanPort";
import type { ForecastBuild } from "../../src/excel/plan/forecastPlan";
import { MATRIX_SHEET } from "../../src/excel/plan/matrixPlan";
import { SNAPSHOT_SHEET } from "../../src/excel/plan/snapshotPlan";
import {
  BIAS_TABLE,
  CALIBRATION_SHEET,
  CALIBRATION_TABLE,
  RELIABILITY_CHART,
  TEAM_SETTINGS_TABLE,
  TEAM_SHEET,
  TEAM_TABLE,
} from "../../src/excel/plan/teamSheet";
import type { TeamSettings } from "../../src/domain/team/contract";
import { analyseRangeTable, matrixBuildOf } from "../../src/taskpane/matrixModel";
import { analysePipeline } from "../../src/taskpane/pipelineModel";
import { formulaWorkbook, type TestWorkbook } from "../support/excel-host";
import {
  RANGE_HEADERS_FR,
  TEN_RANGE_ANSWERS,
  TEN_RANGE_NAMES,
  TEN_RANGES_IN_CELLS,
} from "../support/ten-ranges";

const FRENCH = { displayLanguage: "fr-FR" } as const;
const S1 = "2027-S1";
const EURO = '#,##0 "€"';
const day = (m: number, d: number) => serialFromYmd(2027, m, d);

let book: TestWorkbook;
afterEach(() => book?.dispose());

/** A table's place and its body as Excel computes it, rows as records by header. */
function table(name: string) {
  const info = book.host.tables().find((t) => t.name === name);
  if (!info) throw new Error(`no table ${name}`);
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

const records = (name: string) => table(name).records;
const note = (sheet: string) => String(book.values(sheet, "A1")[0][0]);
const chart = (name: string) => book.host.charts().find((c) => c.name === name)!;

/** Words a French note must not hold: the English notes' own. */
const ENGLISH = /\b(Computed|Live|values as of|rewritten|Yours|Review of|Each snapshot|the pane)\b/;

// ---------------------------------------------------------------------------------------------------------------

describe("the matrix of a French workbook", () => {
  async function build(stamp = "2026-11-26 10:00") {
    book = formulaWorkbook(
      {
        Notes: [["Mes notes", 42]],
        Produits: [RANGE_HEADERS_FR, ...TEN_RANGES_IN_CELLS.map((r) => r.map((c) => c ?? null))],
      },
      FRENCH
    );
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Produits").tables.add("A1:F13", true).name = "Gammes";
      await context.sync();
    });
    book.host.selection.set("Produits", "B4");
    const analysis = analyseRangeTable(await readSource({ kind: "auto" }), {});
    expect(analysis.problems).toEqual([]);
    return writeMatrix(matrixBuildOf(analysis, stamp));
  }

  /** The French names of the nine-box cells and zones, from the English answers (domain.md's). */
  function inFrench(answers: Record<string, string>, kind: "cell" | "zone") {
    const french = (name: string) => {
      if (name === "") return "";
      if (kind === "zone") return zoneName(name as Zone, "fr");
      const box = NINE_BOX.find((b) => b.cell === name)!;
      return nineBoxCellIn("fr", box.strength, box.attractiveness);
    };
    return Object.fromEntries(
      Object.entries(answers).map(([range, name]) => [range, french(name)])
    );
  }

  const byRange = (rows: Record<string, unknown>[], header: string) =>
    Object.fromEntries(rows.map((r) => [String(r.Gamme), r[header]]));

  it("writes French levels, cells and zones through MATRIX_QUADRANT's language, French settings and note", async () => {
    await build();
    const rows = records("CarnetMatrix");
    expect(rows.map((r) => r.Gamme)).toEqual(TEN_RANGE_NAMES);
    const levels: Record<string, string> = {
      High: "Élevé",
      Medium: "Moyen",
      Low: "Faible",
      "": "",
    };
    expect(byRange(rows, "Atouts")).toEqual(
      Object.fromEntries(
        Object.entries(TEN_RANGE_ANSWERS.Strength).map(([r, level]) => [r, levels[level as Level]])
      )
    );
    expect(byRange(rows, "Case")).toEqual(inFrench(TEN_RANGE_ANSWERS["Nine-box cell"], "cell"));
    expect(byRange(rows, "Zone")).toEqual(inFrench(TEN_RANGE_ANSWERS.Zone, "zone"));
    expect(byRange(rows, "Case").Alpha).toBe("Protéger sa position");
    expect(records("CarnetMatrixSettings").map((r) => [r["Paramètre"], r.Valeur])).toEqual([
      ["Atouts : Faible sous cette part de marché", 0.1],
      ["Atouts : Fort dès cette part de marché", 0.25],
      ["ABC : part de la marge qu'atteint la classe A", 0.8],
      ["ABC : part de la marge qu'atteignent les classes A et B", 0.95],
    ]);
    expect(new Set(records("CarnetMatrixCutMarks").map((r) => r.Seuil))).toEqual(
      new Set(["Faible | Moyen", "Moyen | Fort"])
    );
    const line = note(MATRIX_SHEET);
    expect(line).toMatch(
      /^Carnet Matrix, écrit par Carnet\. Calculé le 2026-11-26 10:00 à partir de Produits!A1:F13 : 10 gammes\. En direct : /
    );
    expect(line).toContain("CARNET.MONTANT");
    expect(line).toContain("reconstruisez la matrice");
    expect(line).not.toMatch(ENGLISH);
  });

  it("titles the bubble and Pareto charts, their axes and series in French", async () => {
    await build();
    const bubble = chart("CarnetMatrixBubbleChart");
    expect(bubble.title).toBe(
      "Matrice atouts-attraits : une bulle par gamme, de la taille de son chiffre d'affaires"
    );
    expect(bubble.axes.category.title).toBe(
      "Atouts : part de marché en volume (pointillés : Faible sous 10 %, Fort dès 25 %)"
    );
    expect(bubble.axes.value.title).toBe("Attraits : classe ABC de la marge (3 = A, 2 = B, 1 = C)");
    expect(bubble.series.slice(TEN_RANGE_NAMES.length).map((s) => s.name)).toEqual([
      "Faible | Moyen",
      "Moyen | Fort",
    ]);
    // The cut-off lines still find their cut-offs: their x follows the French label's formula.
    expect(bubble.series.slice(TEN_RANGE_NAMES.length).map((s) => [...new Set(s.xValues)])).toEqual(
      [[0.1], [0.25]]
    );
    const pareto = chart("CarnetMatrixParetoChart");
    expect(pareto.title).toBe(
      "Pareto de la marge sur coût variable : classe A jusqu'à 80 %, B jusqu'à 95 %"
    );
    expect(pareto.series.map((s) => s.name)).toEqual(["Part de la marge", "Part cumulée"]);
  });

  it("rebuilds over its French sheet, and reads the harvest ranges from it", async () => {
    await build();
    const harvest = await readHarvestRanges();
    expect(harvest.size).toBeGreaterThan(0);
    const again = await build();
    expect(again.sheet).toBe(MATRIX_SHEET);
    expect(book.host.sheets().filter((s) => s.startsWith("Carnet Matrix"))).toEqual([MATRIX_SHEET]);
    expect(book.host.charts().map((c) => c.name)).toEqual([
      "CarnetMatrixBubbleChart",
      "CarnetMatrixParetoChart",
    ]);
    expect(await readHarvestRanges()).toEqual(harvest);
  });
});

// ---------------------------------------------------------------------------------------------------------------

type Row = (string | number | null)[];
const DEALS: Row[] = [
  ["Close date", "Company", "Amount", "Probability", "Owner", "Category"],
  ["2027-02-10", "Alpha", 10000, 1, "Anne", "Won"],
  ["2027-04-15", "Bêta", 8000, 0.5, "Anne", "Commit"],
  ["2027-01-20", "Zêta", 6000, 1, "Bruno", "Won"],
  ["2027-05-05", "Êta", 12000, 0.75, "Bruno", "Commit"],
];

function act(id: string, fields: Partial<Action>): Action {
  return { ...blankAction(id, S1), ...fields };
}

const PLAN: Action[] = [
  act("A-0001", {
    action: "Appels",
    means: "Phoning",
    owner: "Anne",
    budget: 3000,
    start: day(1, 4),
    end: day(2, 26),
  }),
  act("A-0002", {
    action: "Salon",
    means: "Salon",
    owner: "Bruno",
    budget: 12000,
    start: day(3, 1),
    end: day(3, 5),
    phase: "Check",
    objective: 40,
    actualResult: 30,
    actualCost: 11000,
  }),
  act("A-0003", { action: "Suite", semester: "2027-S2", owner: "Anne", budget: 99999 }),
];

function save(fields: Partial<ActionPlanSave> & { edited: readonly Action[] }): ActionPlanSave {
  return { semester: S1, base: [], lastId: null, currencyFormat: EURO, ...fields };
}

async function saved(s: ActionPlanSave) {
  const result = await saveActionPlan(s);
  if (result.kind !== "saved") throw new Error(`conflicts: ${JSON.stringify(result.conflicts)}`);
  return result.reading;
}

/** A French workbook with the deals, their forecast and the semester's plan, written by Carnet's code. */
async function openWithPlan() {
  book = formulaWorkbook({ Ventes: DEALS as never }, FRENCH);
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
  await writeForecast(build);
  return saved(save({ edited: PLAN }));
}

/** A cell of a table typed in Excel, on the first row whose `key` column holds `value`. */
function typeIn(name: string, key: string, value: unknown, header: string, typed: unknown) {
  const t = table(name);
  const r = t.records.findIndex((row) => row[key] === value);
  book.host.type(t.sheet, t.row + 1 + r, t.col + t.headers.indexOf(header), [[typed as never]]);
}

describe("the action plan of a French workbook", () => {
  it("shows semesters as S1 2027 and phases in French, and reads the plan back as saved", async () => {
    const reading = await openWithPlan();
    expect(reading.actions).toEqual(PLAN);
    const rows = records(ACTION_PLAN_TABLE);
    expect(rows.map((r) => [r.Id, r.Semestre, r.Phase])).toEqual([
      ["A-0001", "S1 2027", "Planifier"],
      ["A-0002", "S1 2027", "Vérifier"],
      ["A-0003", "S2 2027", "Planifier"],
    ]);
    expect((await readActionPlan()).actions).toEqual(PLAN);
    expect(note(ACTION_PLAN_SHEET)).toMatch(/cellule Enveloppe ou dans le volet\.$/);
  });

  it("writes the budget block in French, its totals live, and takes the envelope typed in Enveloppe", async () => {
    await openWithPlan();
    expect(records(BUDGET_TABLE).map((r) => [r["Élément"], r.Valeur])).toEqual([
      ["Semestre", "S1 2027"],
      ["Enveloppe", ""],
      ["Budget total", 15000],
      ["Reste", ""],
    ]);
    typeIn(BUDGET_TABLE, "Élément", "Enveloppe", "Valeur", 20000);
    const after = await saved(save({ base: PLAN, edited: PLAN }));
    expect(after.envelopes).toEqual({ [S1]: 20000 });
    expect(records(BUDGET_TABLE).map((r) => r.Valeur)).toEqual(["S1 2027", 20000, 15000, 5000]);
    const gantt = chart(GANTT_CHART);
    expect(gantt.title).toBe("Planning S1 2027");
    expect(gantt.series.map((s) => s.name)).toEqual(["Décalage du début", "Jours"]);
  });

  it("reads a semester typed 2027-S1 in the French table, and writes it again as S1 2027 so the totals count it", async () => {
    await openWithPlan();
    typeIn(ACTION_PLAN_TABLE, "Id", "A-0001", "Semestre", "2027-S1");
    const reading = await readActionPlan();
    expect(reading.problems).toEqual([]);
    expect(reading.actions.find((a) => a.id === "A-0001")?.semester).toBe(S1);
    // Until the save, SUMIFS compares "2027-S1" with the block's "S1 2027" as text: Anne's 3 000 is out.
    expect(records(BUDGET_TABLE)[2].Valeur).toBe(12000);
    await saved(save({ base: reading.actions, edited: reading.actions }));
    expect(records(ACTION_PLAN_TABLE)[0].Semestre).toBe("S1 2027");
    expect(records(BUDGET_TABLE)[2].Valeur).toBe(15000);
  });

  it("writes the review in French, and a second review replaces it", async () => {
    await openWithPlan();
    await writeActionPlanReview(S1);
    expect(note(REVIEW_SHEET)).toBe(
      "Carnet Review, écrit par Carnet. Bilan de S1 2027 : 2 actions, 1 vérifiée, budget 15 000, " +
        "coût réel 11 000, taux de réalisation moyen des actions vérifiées 75 %. Réécrit à chaque bilan ; " +
        "taux de réalisation = résultat réel ÷ objectif."
    );
    expect(records(REVIEW_BY_ACTION).map((r) => [r.Id, r.Phase])).toEqual([
      ["A-0001", "Planifier"],
      ["A-0002", "Vérifier"],
    ]);
    expect(chart(REVIEW_CHART).title).toBe("Taux de réalisation par responsable, S1 2027");
    const again = await writeActionPlanReview(S1);
    expect(again.sheet).toBe(REVIEW_SHEET);
    expect(records(REVIEW_BY_OWNER).map((r) => r.Responsable)).toEqual(["Anne", "Bruno"]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("the team of a French workbook", () => {
  const INDIVIDUAL: TeamSettings = { collectiveWeight: 0, teamObjective: null };

  async function buildTeam(replaceTyped = false) {
    book.host.selection.set("Ventes", "B2");
    const analysis = analysePipeline(await readSource({ kind: "auto" }), {});
    const reading = await readTeam();
    const objectives = new Map<string, number>();
    for (const rep of reading?.figures.reps ?? [])
      if (rep.objective !== null) objectives.set(rep.rep, rep.objective);
    const actions = (await readActionPlan()).actions;
    const figures = teamFigures({
      deals: analysis.reading.deals,
      actions,
      semester: S1,
      objectives,
      settings: INDIVIDUAL,
    });
    return writeTeam(
      { figures, settings: INDIVIDUAL, semester: S1, currencyFormat: EURO },
      undefined,
      undefined,
      { replaceTyped }
    );
  }

  it("counts the S1 2027 actions, writes Semestre S1 2027 and a French note", async () => {
    await openWithPlan();
    await buildTeam();
    expect(records(TEAM_SETTINGS_TABLE)[0].Semestre).toBe("S1 2027");
    expect(records(TEAM_TABLE).map((r) => [r.Commercial, r.Actions, r.Budget])).toEqual([
      ["Anne", 1, 3000],
      ["Bruno", 1, 12000],
    ]);
    const line = note(TEAM_SHEET);
    expect(line).toMatch(/^Carnet Team, écrit par Carnet\. Formules en direct : /);
    expect(line).toContain("sur les actions S1 2027 de CarnetActionPlan");
    expect(line).not.toMatch(ENGLISH);
  });

  it("shows recalculer for another objective, reads it back as such, and a rebuild computes it again", async () => {
    await openWithPlan();
    await buildTeam();
    typeIn(TEAM_TABLE, "Commercial", "Anne", "Objectif", 30000);
    await buildTeam();
    expect(typeof records(TEAM_TABLE)[0]["P(objectif)"]).toBe("number");
    typeIn(TEAM_TABLE, "Commercial", "Anne", "Objectif", 40000);
    expect(records(TEAM_TABLE)[0]["P(objectif)"]).toBe("recalculer");
    const reading = await readTeam();
    expect(reading?.problems).toEqual([
      expect.stringMatching(/P\(objective\) of Anne was computed for another objective/),
    ]);
    expect(reading?.figures.reps[0]).toMatchObject({ rep: "Anne", objective: 40000 });
    await buildTeam();
    expect(records(TEAM_TABLE).map((r) => [r.Commercial, r.Objectif])).toEqual([
      ["Anne", 40000],
      ["Bruno", ""],
    ]);
    expect(typeof records(TEAM_TABLE)[0]["P(objectif)"]).toBe("number");
  });

  it("writes the calibration with (équipe), (sans commercial), T4 2026 and a French note, twice", async () => {
    book = formulaWorkbook({ Notes: [["Mes notes"]] }, FRENCH);
    const anne = [
      { probability: 0.9, outcome: 1 as const },
      { probability: 0.3, outcome: 0 as const },
    ];
    const nobody = [{ probability: 0.5, outcome: 1 as const }];
    const calibration = (rep: string | null, pairs: typeof anne) => ({
      rep,
      forecasts: pairs.length,
      brier: brierScore(pairs),
      reliability: reliability(pairs),
    });
    const report: CalibrationReport = {
      team: calibration(null, [...anne, ...nobody]),
      reps: [calibration("Anne", anne), calibration("", nobody)],
      bias: [{ period: "2026-Q4", forecast: 12000, won: 9000, bias: 3000 }],
      stages: [],
    };
    await writeCalibration(report);
    expect(records(CALIBRATION_TABLE).map((r) => r.Commercial)).toEqual([
      "(équipe)",
      "Anne",
      "(sans commercial)",
    ]);
    expect(records(BIAS_TABLE).map((r) => r["Période"])).toEqual(["T4 2026"]);
    expect(note(CALIBRATION_SHEET)).toMatch(
      /^Carnet Calibration, écrit par Carnet\. Calibration à partir de CarnetSnapshots : 3 prévisions /
    );
    const reliabilityChart = chart(RELIABILITY_CHART);
    expect(reliabilityChart.title).toBe("Taux de gain selon la probabilité annoncée (équipe)");
    expect(reliabilityChart.axes.category.title).toBe("Probabilité annoncée");
    const again = await writeCalibration(report);
    expect(again.sheet).toBe(CALIBRATION_SHEET);
    expect(book.host.sheets().filter((s) => s.startsWith("Carnet Calibration"))).toEqual([
      CALIBRATION_SHEET,
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("the snapshots of a French workbook", () => {
  it("get a French note and headers, and read back after a second snapshot", async () => {
    book = formulaWorkbook({ Notes: [["Mes notes"]] }, FRENCH);
    const snapshot = (label: string): Snapshot => ({
      label,
      takenAt: serialFromYmd(2027, 1, 5),
      deals: [
        {
          id: "D-1",
          company: "Alpha",
          contact: "",
          product: "Gamme A",
          closeDate: day(2, 10),
          amount: 10000,
          probability: 0.5,
          owner: "Anne",
          stage: "Proposition",
          category: "Commit",
        },
      ],
    });
    await appendSnapshot(snapshot("janvier"), EURO);
    await appendSnapshot(snapshot("février"), EURO);
    expect(note(SNAPSHOT_SHEET)).toBe(
      "Carnet Snapshots, écrit par Carnet. Chaque instantané fige le pipeline tel qu'il a été lu à ce moment. " +
        "Carnet ajoute des lignes ; il ne réécrit jamais les précédentes."
    );
    expect(table("CarnetSnapshots").headers.slice(0, 2)).toEqual(["Instantané", "Pris le"]);
    const { snapshots, problems } = await readSnapshots();
    expect(problems).toEqual([]);
    expect(snapshots.map((s) => s.label)).toEqual(["janvier", "février"]);
  });
});
