/**
 * The "Carnet Team" sheet (issue 14), planned without a host: CarnetTeam, one row per rep, and beside it
 * the manager's settings, the probabilities Build team computed and the chart's data. host/team.ts finds
 * Carnet's tables the formulas read, writes this plan through writeOwnedSheets and reads the sheet back.
 *
 * Live wherever Excel can compute it, so that an objective typed in the sheet updates its row:
 * - Open pipeline, Weighted and Won are SUMIFS over CarnetPipeline's columns (the deals as Build forecast
 *   last wrote them): its Weighted amount column already holds countingRows' weighted amount (blank for a
 *   deal that does not count), and a deal counts in the open pipeline when its category is not Won, Lost or
 *   Omitted and it has a probability (countingRows' countsInForecast), in Won when its category is Won.
 * - Actions and Budget are COUNTIFS / SUMIFS over CarnetActionPlan's Owner, Semester and Budget columns.
 * - Attainment, Coverage and Blended attainment are formulas over the row and the settings (team.ts'
 *   rules: an objective is a positive number; blended is the individual one when w = 0).
 * - The settings' team objective used (the one typed, else Σ of the positive objectives), team won and
 *   team attainment are formulas over CarnetTeam's columns.
 * References are whole columns (`'Carnet Pipeline'!$F:$F`) or fixed ranges, never structured references
 * (`CarnetPipeline[Amount]`): the workbench's engine (HyperFormula) has none, and whole columns keep
 * counting the rows a rebuilt forecast or a user adds. A rep is matched by an escaped criterion ("=" and
 * the name with `~ * ?` escaped): SUMIFS then compares the name as text, in any case, as team.ts does;
 * a name typed with spaces around it in CarnetActionPlan is not trimmed by Excel, and is not counted.
 *
 * Stamped: P(objective). The outcome distribution of a rep's open deals is =CARNET.PIPELINE_PROBABILITY over
 * that rep's deals, which Excel could compute with an array IF over the Owner column as its `statuses`,
 * but the workbench's engine computes such an IF only inside its own ARRAYFORMULA, which Excel has not: no
 * one formula computes in both. So Build team computes it (team.ts), writes it in CarnetTeamProbability
 * with the objective it was computed for, and the P(objective) column looks it up by rep: it is 100 % when
 * the won amount reaches the objective, the stamped figure while the objective is the one it was
 * computed for, and "rebuild" after another objective is typed. Where CarnetPipeline or CarnetActionPlan
 * does not exist (or lacks a column), their columns are stamped too; the note says which.
 *
 * Every column of CarnetTeam is one formula in every row, or values: Excel's calculated columns copy a
 * formula written into a table column over the whole column (src/workbench/sim/README.md), so a row's own
 * figures are never literals inside its formula.
 */
import type { ActionPlanColumn } from "../../domain/actionPlan/action";
import { MINIMUM_STAGE_FORECASTS } from "../../domain/team/calibration";
import {
  type Calibration,
  type CalibrationReport,
  type ReliabilityBand,
  type RepFigures,
  TEAM_COLUMNS,
  type TeamFigures,
  type TeamSettings,
} from "../../domain/team/contract";
import {
  type CellValue,
  isBlankCell,
  type Reading,
  readAmount,
  readNumber,
  readProbability,
} from "../../domain/values";
import { cellAddress, columnLetters, formulaRef, rangeAddress } from "./a1";
import { PIPELINE_COLUMNS } from "./forecastPlan";
import { type ChartPlan, type SheetPlan, type TablePlan, textCell } from "./sheetPlan";
import type { TeamBuild, TeamReading } from "./teamPort";
import { semesterLabel } from "../../domain/actionPlan/semester";
import type { Language } from "../../domain/language";
import { periodLabel } from "../../domain/pipeline";
import type { SpeakOptions } from "../../domain/readingProblems";
import { teamSheetText } from "./teamMessages";
import { headerIn, inWorkbookLanguage, isRebuildWord, TEAM_WORDS } from "./workbookText";

export const TEAM_SHEET = "Carnet Team";
export const TEAM_TABLE = "CarnetTeam";
export const TEAM_SETTINGS_TABLE = "CarnetTeamSettings";
export const TEAM_PROBABILITY_TABLE = "CarnetTeamProbability";
export const TEAM_CHART_DATA_TABLE = "CarnetTeamChartData";
export const TEAM_CHART = "CarnetTeamAttainment";

/** CarnetTeamSettings' headers: one row, a setting a column (each with its own number format). */
export const TEAM_SETTINGS_COLUMNS = Object.freeze([
  "Semester",
  "Collective weight",
  "Team objective",
  "Team objective used",
  "Team won",
  "Team attainment",
] as const);
const PROBABILITY_COLUMNS = ["Rep", "Objective", "P(objective)"] as const;
const CHART_DATA_COLUMNS = ["Rep", "Attainment", "Team attainment"] as const;

/** Where the tables go, 0-based: CarnetTeam at A3, the settings one blank column after it, the rest under them. */
export const TEAM_AT = { row: 2, col: 0 } as const;
const SETTINGS_AT = { row: 2, col: TEAM_COLUMNS.length + 1 } as const;
const PROBABILITY_AT = { row: SETTINGS_AT.row + 4, col: SETTINGS_AT.col } as const;
const CHART_DATA_AT = { row: PROBABILITY_AT.row, col: SETTINGS_AT.col + 4 } as const;

const PERCENT = "0%";
const COVERAGE_FORMAT = '0.00"×"';

/** The CarnetPipeline columns the live formulas read. */
export const TEAM_PIPELINE_HEADERS = [
  "Amount",
  "Probability",
  "Weighted amount",
  "Owner",
  "Forecast category",
] as const satisfies readonly (typeof PIPELINE_COLUMNS)[number][];
export type TeamPipelineHeader = (typeof TEAM_PIPELINE_HEADERS)[number];

/** The CarnetActionPlan columns the live formulas read. */
export const TEAM_PLAN_COLUMNS = [
  "Semester",
  "Owner",
  "Budget",
] as const satisfies readonly ActionPlanColumn[];
export type TeamPlanColumn = (typeof TEAM_PLAN_COLUMNS)[number];

/**
 * Carnet's tables the live formulas read, where the host found them: the sheet, and each column's sheet
 * column (0-based). Null when the table does not exist or lacks one of the columns: those figures are stamped.
 */
export interface TeamSources {
  readonly pipeline: {
    readonly sheet: string;
    readonly columns: Readonly<Record<TeamPipelineHeader, number>>;
  } | null;
  readonly actionPlan: {
    readonly sheet: string;
    readonly columns: Readonly<Record<TeamPlanColumn, number>>;
  } | null;
}

export interface TeamPlan {
  readonly plan: SheetPlan;
  /** Figures of CarnetTeam and its settings computed by formulas over Carnet's tables, and written as values. */
  readonly liveCells: number;
  readonly stampedCells: number;
}

/**
 * The sheet as Build team writes it (module comment), in the workbook's language: headers, the semester
 * ("S1 2027" in French, as CarnetActionPlan's Semester column shows it, which the Actions and Budget
 * criteria compare it with), the rebuild word and the note.
 */
export function teamSheetPlan(
  build: TeamBuild,
  sources: TeamSources,
  language: Language = "en"
): TeamPlan {
  const reps = build.figures.reps;
  const team = teamTable(build, sources, language);
  const probability = probabilityTable(reps);
  const chartData = chartDataTable(reps.length);
  const liveColumns = 3 + (sources.pipeline ? 3 : 0) + (sources.actionPlan ? 2 : 0);
  const note = TEAM_WORDS[language].note({
    semester: semesterLabel(build.semester, language),
    pipeline: sources.pipeline !== null,
    actionPlan: sources.actionPlan !== null,
  });
  const plan: SheetPlan = {
    sheet: TEAM_SHEET,
    note,
    tables: [team, settingsTable(build, language), probability, chartData],
    charts: reps.length > 0 ? [teamChart(reps.length)] : [],
  };
  return {
    plan: inWorkbookLanguage(plan, language),
    liveCells: reps.length * liveColumns + 3,
    stampedCells: reps.length * (TEAM_COLUMNS.length - 2 - liveColumns),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Cells the formulas refer to

/** A cell of the sheet, absolute ($N$4), 0-based in. */
const absolute = (row: number, col: number) => cellAddress(null, row, col, true);

/** A settings cell (its only row, under the header). */
function settingCell(header: (typeof TEAM_SETTINGS_COLUMNS)[number]): string {
  return absolute(SETTINGS_AT.row + 1, SETTINGS_AT.col + TEAM_SETTINGS_COLUMNS.indexOf(header));
}

/** A CarnetTeam column as a whole column of its sheet ($D:$D): rows a user adds count too. */
function teamColumn(header: (typeof TEAM_COLUMNS)[number]): string {
  const letters = columnLetters(TEAM_AT.col + TEAM_COLUMNS.indexOf(header));
  return `$${letters}:$${letters}`;
}

/** Another sheet's column as a whole column, the sheet's name quoted: 'Carnet Pipeline'!$F:$F. */
function otherColumn(sheet: string, col: number): string {
  const letters = columnLetters(col);
  return `${formulaRef(sheet, 0, col).split("!")[0]}!$${letters}:$${letters}`;
}

/** A column of the probability table, over the rows Build team wrote (it is rewritten by each build). */
function probabilityColumn(header: (typeof PROBABILITY_COLUMNS)[number], rows: number): string {
  const col = PROBABILITY_AT.col + PROBABILITY_COLUMNS.indexOf(header);
  return rangeAddress(null, PROBABILITY_AT.row + 1, col, Math.max(rows, 1), 1, true);
}

/**
 * The criterion that matches the rep named in `cell` as text, whatever its case: "=" so that a name such as
 * "<Bob>" is not read as a comparison, and `~ * ?` escaped so that "A*" is not a wildcard.
 */
export function repCriterion(cell: string): string {
  return `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cell},"~","~~"),"*","~*"),"?","~?")`;
}

// ---------------------------------------------------------------------------------------------------------------
// CarnetTeam

/** A rep's row's cells the formulas use, on 1-based sheet row `sheetRow`. */
function rowCells(sheetRow: number) {
  const at = (header: (typeof TEAM_COLUMNS)[number]) =>
    `$${columnLetters(TEAM_AT.col + TEAM_COLUMNS.indexOf(header))}${sheetRow}`;
  return {
    rep: at("Rep"),
    open: at("Open pipeline"),
    weighted: at("Weighted"),
    objective: at("Objective"),
    won: at("Won"),
    attainment: at("Attainment"),
  };
}

/** The formulas over CarnetPipeline (Open pipeline, Weighted, Won), for the row's criterion. */
function pipelineFormulas(pipeline: NonNullable<TeamSources["pipeline"]>, criterion: string) {
  const column = (h: TeamPipelineHeader) => otherColumn(pipeline.sheet, pipeline.columns[h]);
  const owner = `${column("Owner")},${criterion}`;
  const category = column("Forecast category");
  const open = ["Won", "Lost", "Omitted"].map((c) => `${category},"<>${c}"`).join(",");
  return {
    open: `=SUMIFS(${column("Amount")},${owner},${column("Probability")},">=0",${open})`,
    weighted: `=SUMIFS(${column("Weighted amount")},${owner})`,
    won: `=SUMIFS(${column("Amount")},${owner},${category},"=Won")`,
  };
}

/** The formulas over CarnetActionPlan (Actions, Budget), for the row's criterion. */
function planFormulas(plan: NonNullable<TeamSources["actionPlan"]>, criterion: string) {
  const column = (c: TeamPlanColumn) => otherColumn(plan.sheet, plan.columns[c]);
  const semester = `${column("Semester")},${settingCell("Semester")}`;
  return {
    actions: `=COUNTIFS(${column("Owner")},${criterion},${semester})`,
    budget: `=SUMIFS(${column("Budget")},${column("Owner")},${criterion},${semester})`,
  };
}

/**
 * The row's own formulas (team.ts' rules): attainment and coverage need a positive objective; P(objective)
 * is 100 % once won reaches it, else the one Build team computed for that objective; blended needs a w in
 * [0, 1], is the individual attainment when w = 0, else needs the team's.
 */
function rowFormulas(
  sheetRow: number,
  criterion: string,
  probabilityRows: number,
  language: Language
) {
  const c = rowCells(sheetRow);
  const w = settingCell("Collective weight");
  const team = settingCell("Team attainment");
  const objective = (then: string) => `IF(N(${c.objective})>0,${then},"")`;
  const rep = `${probabilityColumn("Rep", probabilityRows)},${criterion}`;
  const forObjective = `${probabilityColumn("Objective", probabilityRows)},${c.objective}`;
  const stamped = `SUMIFS(${probabilityColumn("P(objective)", probabilityRows)},${rep},${forObjective})`;
  // A blank weight is 0 (individual attainment only), as teamReadingOf reads it.
  const blend = `IF(N(${w})=0,${c.attainment},IF(ISNUMBER(${team}),${c.attainment}*(1-${w})+${team}*${w},""))`;
  return {
    attainment: `=${objective(`${c.won}/${c.objective}`)}`,
    coverage: `=${objective(`IF(${c.objective}>${c.won},${c.weighted}/(${c.objective}-${c.won}),"")`)}`,
    pObjective: `=${objective(`IF(${c.won}>=${c.objective},1,IF(COUNTIFS(${rep},${forObjective})>0,${stamped},"${TEAM_WORDS[language].rebuild}"))`)}`,
    blended: `=IF(AND(ISNUMBER(${c.attainment}),N(${w})>=0,N(${w})<=1),${blend},"")`,
  };
}

/** One rep's row: live where the sources exist, the build's figures elsewhere. */
function teamRow(
  rep: RepFigures,
  sheetRow: number,
  sources: TeamSources,
  probabilityRows: number,
  language: Language
): CellValue[] {
  const criterion = repCriterion(rowCells(sheetRow).rep);
  const pipeline = sources.pipeline
    ? pipelineFormulas(sources.pipeline, criterion)
    : { open: rep.openPipeline, weighted: rep.weighted, won: rep.won };
  const plan = sources.actionPlan
    ? planFormulas(sources.actionPlan, criterion)
    : { actions: rep.actions, budget: rep.budget };
  const own = rowFormulas(sheetRow, criterion, probabilityRows, language);
  return [
    textCell(rep.rep),
    pipeline.open,
    pipeline.weighted,
    rep.objective,
    pipeline.won,
    own.attainment,
    own.coverage,
    own.pObjective,
    plan.actions,
    plan.budget,
    own.blended,
  ];
}

function teamTable(build: TeamBuild, sources: TeamSources, language: Language): TablePlan {
  const money = build.currencyFormat;
  const formats: Record<(typeof TEAM_COLUMNS)[number], string | null> = {
    Rep: null,
    "Open pipeline": money,
    Weighted: money,
    Objective: money,
    Won: money,
    Attainment: PERCENT,
    Coverage: COVERAGE_FORMAT,
    "P(objective)": PERCENT,
    Actions: "0",
    Budget: money,
    "Blended attainment": PERCENT,
  };
  const reps = build.figures.reps;
  return {
    name: TEAM_TABLE,
    headers: [...TEAM_COLUMNS],
    rows: reps.map((rep, i) => teamRow(rep, TEAM_AT.row + 2 + i, sources, reps.length, language)),
    numberFormats: TEAM_COLUMNS.map((h) => formats[h]),
    row: TEAM_AT.row,
    col: TEAM_AT.col,
    key: "Rep",
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Beside it: the settings, the probabilities, the chart

/**
 * CarnetTeamSettings: the semester the actions count, the manager's w and team objective (cells they may
 * type in), and the team's figures as formulas over CarnetTeam's columns.
 */
function settingsTable(build: TeamBuild, language: Language): TablePlan {
  const typed = settingCell("Team objective");
  const used = settingCell("Team objective used");
  const objectives = `SUMIF(${teamColumn("Objective")},">0")`;
  const money = build.currencyFormat;
  return {
    name: TEAM_SETTINGS_TABLE,
    headers: [...TEAM_SETTINGS_COLUMNS],
    rows: [
      [
        textCell(semesterLabel(build.semester, language)),
        build.settings.collectiveWeight,
        build.settings.teamObjective,
        `=IF(N(${typed})>0,${typed},IF(${objectives}>0,${objectives},""))`,
        `=SUM(${teamColumn("Won")})`,
        `=IF(ISNUMBER(${used}),${settingCell("Team won")}/${used},"")`,
      ],
    ],
    numberFormats: [null, PERCENT, money, money, money, PERCENT],
    row: SETTINGS_AT.row,
    col: SETTINGS_AT.col,
  };
}

/** CarnetTeamProbability: P(objective) as Build team computed it, with the objective it was computed for. */
function probabilityTable(reps: readonly RepFigures[]): TablePlan {
  return {
    name: TEAM_PROBABILITY_TABLE,
    headers: [...PROBABILITY_COLUMNS],
    rows: reps.map((r) => [
      textCell(r.rep),
      r.objective,
      r.objective === null ? null : r.pObjective,
    ]),
    numberFormats: [null, null, PERCENT],
    row: PROBABILITY_AT.row,
    col: PROBABILITY_AT.col,
    key: "Rep",
  };
}

/**
 * CarnetTeamChartData: CarnetTeam's reps and attainment row by row, as they stand now (sorted in Excel or
 * not), and the team's attainment on every row for the chart's line; #N/A where there is none (a gap).
 */
function chartDataTable(reps: number): TablePlan {
  const team = settingCell("Team attainment");
  return {
    name: TEAM_CHART_DATA_TABLE,
    headers: [...CHART_DATA_COLUMNS],
    rows: Array.from({ length: reps }, (_, i) => {
      const c = rowCells(TEAM_AT.row + 2 + i);
      return [
        `=${c.rep}&""`,
        `=IF(ISNUMBER(${c.attainment}),${c.attainment},NA())`,
        `=IF(ISNUMBER(${team}),${team},NA())`,
      ];
    }),
    numberFormats: [null, PERCENT, PERCENT],
    row: CHART_DATA_AT.row,
    col: CHART_DATA_AT.col,
  };
}

/** Attainment by rep as columns, the team's attainment as a line across them; below CarnetTeam. */
function teamChart(reps: number): ChartPlan {
  return {
    name: TEAM_CHART,
    type: "ColumnClustered",
    title: "Attainment by rep, and the team's",
    table: TEAM_CHART_DATA_TABLE,
    categories: "Rep",
    series: ["Attainment", "Team attainment"],
    seriesTypes: [null, "Line"],
    at: { row: TEAM_AT.row + Math.max(reps + 1, 2) + 2, col: 0, rows: 16, cols: 8 },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the sheet back

/** CarnetTeam and CarnetTeamSettings as the host read them: where they are, their headers and values. */
export interface TeamCellsNow {
  readonly sheet: string;
  /** CarnetTeam's header cell, 0-based. */
  readonly row: number;
  readonly col: number;
  readonly headers: readonly CellValue[];
  readonly body: readonly (readonly CellValue[])[];
  /** CarnetTeamSettings' header cell, headers and first row, or null when it is gone. */
  readonly settings: {
    readonly row: number;
    readonly col: number;
    readonly headers: readonly CellValue[];
    readonly values: readonly CellValue[];
  } | null;
}

/**
 * The sheet's figures, settings and row addresses, with the cells that could not be read (values.ts),
 * said in `language` (columns by their headers in it); English when not given.
 */
export function teamReadingOf(
  now: TeamCellsNow,
  stored: Partial<TeamSettings>,
  language: Language = "en"
): TeamReading {
  const problems: string[] = [];
  const col = (header: string) => now.headers.findIndex((h) => h === header);
  const missing = TEAM_COLUMNS.filter((h) => col(h) < 0);
  if (missing.length > 0) {
    const columns = missing.map((h) => headerIn(TEAM_TABLE, h, language)).join(", ");
    problems.push(teamSheetText("missingColumns", { sheet: now.sheet, columns }, language));
  }
  const reps: RepFigures[] = [];
  const rowAddress = new Map<string, string>();
  now.body.forEach((cells, r) => {
    const rep = cells[col("Rep")];
    if (isBlankCell(rep)) return;
    const where = (header: string) =>
      cellAddress(now.sheet, now.row + 1 + r, now.col + col(header));
    const read = cellReader(cells, col, where, problems, language);
    const raw = (header: string) => (col(header) < 0 ? null : cells[col(header)]);
    const name = String(rep).trim();
    reps.push(repOf(name, read, raw, where, problems, language));
    rowAddress.set(
      name,
      rangeAddress(now.sheet, now.row + 1 + r, now.col, 1, Math.max(now.headers.length, 1))
    );
  });
  const team = teamSettingsOf(now, stored, problems, language);
  return {
    figures: { reps, ...team.figures },
    settings: team.settings,
    rowAddress,
    problems,
  };
}

/** A reader of one cell, in the language its problems are said in. */
type CellReader<T> = (cell: CellValue, options: SpeakOptions) => Reading<T>;
type CellRead = <T>(header: string, reader: CellReader<T>, blank: T) => T | null;

/** Reads a cell of the row by header: its value, `blank` when blank, null (and a problem) when unreadable. */
function cellReader(
  cells: readonly CellValue[],
  col: (header: string) => number,
  where: (header: string) => string,
  problems: string[],
  language: Language
): CellRead {
  return (header, reader, blank) => {
    const at = col(header);
    if (at < 0) return blank;
    const reading = reader(cells[at], { language });
    if (reading.kind === "value") return reading.value;
    if (reading.kind === "blank") return blank;
    const { shown, problem } = reading;
    const column = headerIn(TEAM_TABLE, header, language);
    const params = { where: where(header), column, shown, problem };
    problems.push(teamSheetText("cell", params, language));
    return null;
  };
}

/** The text P(objective) shows, in English, once the objective is not the one Build team computed it for. */
export const REBUILD = TEAM_WORDS.en.rebuild;

/** One rep's figures as the row shows them; a figure that cannot be read counts 0 (amounts) or none. */
function repOf(
  rep: string,
  read: CellRead,
  raw: (header: string) => CellValue,
  where: (header: string) => string,
  problems: string[],
  language: Language
): RepFigures {
  const objective = read("Objective", readAmount, null);
  if (typeof raw("Objective") === "string" && objective !== null)
    problems.push(teamSheetText("objectiveText", { where: where("Objective"), rep }, language));
  let pObjective: number | null = null;
  // Either language's word: the sheet may be French.
  if (isRebuildWord(raw("P(objective)")))
    problems.push(teamSheetText("otherObjective", { where: where("P(objective)"), rep }, language));
  else pObjective = read("P(objective)", readProbability, null);
  return {
    rep,
    openPipeline: read("Open pipeline", readAmount, 0) ?? 0,
    weighted: read("Weighted", readAmount, 0) ?? 0,
    objective: objective !== null && objective > 0 ? objective : null,
    won: read("Won", readAmount, 0) ?? 0,
    attainment: read("Attainment", readNumber, null),
    coverage: read("Coverage", readNumber, null),
    pObjective,
    actions: read("Actions", readNumber, 0) ?? 0,
    budget: read("Budget", readAmount, 0) ?? 0,
    blendedAttainment: read("Blended attainment", readNumber, null),
  };
}

type TeamTotals = Pick<TeamFigures, "teamObjective" | "teamWon" | "teamAttainment">;

/**
 * The settings as the sheet holds them, the stored ones where a cell cannot be read (and said so), and the
 * team's figures as its formulas computed them. A blank weight is 0 and a blank team objective is Σ of the
 * objectives, as the formulas read them.
 */
function teamSettingsOf(
  now: TeamCellsNow,
  stored: Partial<TeamSettings>,
  problems: string[],
  language: Language
): { settings: TeamSettings; figures: TeamTotals } {
  const fallback: TeamSettings = {
    collectiveWeight: stored.collectiveWeight ?? 0,
    teamObjective: stored.teamObjective ?? null,
  };
  const block = now.settings;
  if (block === null) {
    problems.push(teamSheetText("settingsGone", { sheet: now.sheet }, language));
    return {
      settings: fallback,
      figures: { teamObjective: null, teamWon: 0, teamAttainment: null },
    };
  }
  const read = <T>(
    header: (typeof TEAM_SETTINGS_COLUMNS)[number],
    reader: CellReader<T>,
    blank: T
  ) => {
    const at = block.headers.findIndex((h) => h === header);
    const where = cellAddress(now.sheet, block.row + 1, block.col + Math.max(at, 0));
    const column = headerIn(TEAM_SETTINGS_TABLE, header, language);
    const cell = at < 0 ? null : block.values[at];
    return settingRead(
      cell,
      (c) => reader(c, { language }),
      blank,
      language,
      (text) => problems.push(teamSheetText("setting", { where, column, text }, language))
    );
  };
  const weight = read("Collective weight", readProbability, 0);
  const objective = read("Team objective", readTeamObjective, null);
  return {
    settings: {
      collectiveWeight: weight ?? fallback.collectiveWeight,
      teamObjective: objective === undefined ? fallback.teamObjective : objective,
    },
    figures: {
      teamObjective: read("Team objective used", readAmount, null) ?? null,
      teamWon: read("Team won", readAmount, 0) ?? 0,
      teamAttainment: read("Team attainment", readNumber, null) ?? null,
    },
  };
}

/** A team objective: an amount above 0 (team.ts), blank for Σ of the objectives. */
function readTeamObjective(cell: CellValue, options: SpeakOptions): Reading<number> {
  const reading = readAmount(cell, options);
  if (reading.kind !== "value" || reading.value > 0) return reading;
  return {
    kind: "error",
    shown: String(cell).trim(),
    problem: teamSheetText("teamObjectiveNotAbove0", {}, options.language),
  };
}

/**
 * A settings cell read with `reader`: its value (text the formulas cannot use is read, and said so), `blank`
 * when blank, undefined when it cannot be read (and said so).
 */
function settingRead<T>(
  cell: CellValue,
  reader: (cell: CellValue) => Reading<T>,
  blank: T,
  language: Language,
  problem: (text: string) => void
): T | undefined {
  const reading = reader(cell);
  if (reading.kind === "blank") return blank;
  if (reading.kind === "error") {
    problem(`${reading.shown} ${reading.problem}`);
    return undefined;
  }
  if (typeof cell === "string") problem(teamSheetText("settingText", { cell }, language));
  return reading.value;
}

// ---------------------------------------------------------------------------------------------------------------
// The calibration sheet

export const CALIBRATION_SHEET = "Carnet Calibration";
export const CALIBRATION_TABLE = "CarnetCalibration";
export const RELIABILITY_TABLE = "CarnetReliability";
export const RELIABILITY_CHART_DATA_TABLE = "CarnetReliabilityChartData";
export const BIAS_TABLE = "CarnetForecastBias";
export const STAGE_SUGGESTIONS_TABLE = "CarnetStageSuggestions";
export const RELIABILITY_CHART = "CarnetReliabilityChart";

/**
 * How the team's rows are labelled in the Rep columns of an English workbook (a rep's name is never in
 * parentheses in Carnet's tables); TEAM_WORDS has the French, and the rep of deals without an owner.
 */
export const TEAM_LABEL = TEAM_WORDS.en.team;

const CALIBRATION_COLUMNS = ["Rep", "Forecasts", "Brier score"] as const;
const RELIABILITY_COLUMNS = [
  "Rep",
  "Band",
  "Forecasts",
  "Mean stated probability",
  "Win rate",
] as const;
const RELIABILITY_CHART_COLUMNS = [
  "Stated probability",
  "Win rate",
  "Perfect calibration",
] as const;
const BIAS_COLUMNS = ["Period", "Forecast", "Won", "Bias"] as const;
const STAGE_COLUMNS = [
  "Stage",
  "Forecasts",
  "Suggested probability",
  "Current probability",
] as const;

/** The band's label: "0–20 %", …, "80–100 %". */
export function bandLabel(band: Pick<ReliabilityBand, "from" | "to">): string {
  return `${Math.round(band.from * 100)}–${Math.round(band.to * 100)} %`;
}

/**
 * The calibration sheet, values as the domain computed them from the snapshots (calibration.ts), side by side
 * from row 3: the Brier score by rep and for the team, the reliability table (team's bands first, then each
 * rep's), the chart's points under its chart, the bias by period and the suggested probability by stage. The
 * chart plots the team's win rate against its mean stated probability with the diagonal of a perfect
 * forecaster, from (0, 0) to (1, 1), through the same x values so that one column of x serves both series.
 */
export function calibrationSheetPlan(
  report: CalibrationReport,
  currencyFormat: string,
  language: Language = "en"
): SheetPlan {
  const at = (col: number) => ({ row: CALIBRATION_ROW, col });
  const chartAt = at(10);
  const words = TEAM_WORDS[language];
  const plan: SheetPlan = {
    sheet: CALIBRATION_SHEET,
    note: words.calibrationNote(report.team.forecasts, MINIMUM_STAGE_FORECASTS),
    tables: [
      { ...brierTable(report, words), ...at(0) },
      { ...reliabilityTable(report, words), ...at(4) },
      { ...reliabilityChartData(report.team), ...chartAt },
      {
        name: BIAS_TABLE,
        headers: [...BIAS_COLUMNS],
        rows: report.bias.map((b) => [
          textCell(periodLabel(b.period, language)),
          b.forecast,
          b.won,
          b.bias,
        ]),
        numberFormats: [null, currencyFormat, currencyFormat, currencyFormat],
        ...at(14),
        key: "Period",
      },
      {
        name: STAGE_SUGGESTIONS_TABLE,
        headers: [...STAGE_COLUMNS],
        rows: report.stages.map((s) => [textCell(s.stage), s.forecasts, s.suggested, s.current]),
        numberFormats: [null, "0", PERCENT, PERCENT],
        ...at(19),
        key: "Stage",
      },
    ],
    charts: [
      {
        name: RELIABILITY_CHART,
        type: "XYScatterLines",
        title: "Win rate against stated probability (team)",
        table: RELIABILITY_CHART_DATA_TABLE,
        categories: "Stated probability",
        series: ["Win rate", "Perfect calibration"],
        // Under its points: at most the five bands and the two ends of the diagonal, and the header.
        at: { row: chartAt.row + 8 + 2, col: chartAt.col, rows: 16, cols: 8 },
      },
    ],
  };
  return inWorkbookLanguage(plan, language);
}

/** The calibration tables' header row, 0-based: row 3, under the note and a blank row. */
const CALIBRATION_ROW = 2;

type TeamWords = (typeof TEAM_WORDS)[Language];

/** A Calibration's name in the Rep columns, the team's and a deal without owner's in the workbook's language. */
function who(c: Calibration, words: TeamWords): string | null {
  return textCell(c.rep === null ? words.team : c.rep === "" ? words.noOwner : c.rep);
}

/** CarnetCalibration: the team's forecasts and Brier score, then each rep's. */
function brierTable(report: CalibrationReport, words: TeamWords): Omit<TablePlan, "row" | "col"> {
  return {
    name: CALIBRATION_TABLE,
    headers: [...CALIBRATION_COLUMNS],
    rows: [report.team, ...report.reps].map((c) => [who(c, words), c.forecasts, c.brier]),
    numberFormats: [null, "0", "0.000"],
    key: "Rep",
  };
}

/** CarnetReliability: the team's five bands, then each rep's (a rep and a band name a row). */
function reliabilityTable(
  report: CalibrationReport,
  words: TeamWords
): Omit<TablePlan, "row" | "col"> {
  return {
    name: RELIABILITY_TABLE,
    headers: [...RELIABILITY_COLUMNS],
    rows: [report.team, ...report.reps].flatMap((c) =>
      c.reliability.map((b) => [
        who(c, words),
        textCell(bandLabel(b)),
        b.forecasts,
        b.meanProbability,
        b.winRate,
      ])
    ),
    numberFormats: [null, null, "0", PERCENT, PERCENT],
  };
}

/**
 * The chart's points: (0, 0) and (1, 1) for the diagonal, and between them each band that has forecasts, at
 * its mean stated probability, with its win rate (on the diagonal too, so that its line runs straight).
 */
function reliabilityChartData(team: Calibration): Omit<TablePlan, "row" | "col"> {
  const bands = team.reliability.filter((b) => b.forecasts > 0 && b.meanProbability !== null);
  return {
    name: RELIABILITY_CHART_DATA_TABLE,
    headers: [...RELIABILITY_CHART_COLUMNS],
    rows: [
      [0, null, 0],
      ...bands.map((b) => [b.meanProbability, b.winRate, b.meanProbability]),
      [1, null, 1],
    ],
    numberFormats: [PERCENT, PERCENT, PERCENT],
  };
}
