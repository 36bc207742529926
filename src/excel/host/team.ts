/**
 * The team and its calibration on the Excel side (issue 14): where Carnet's tables the team's formulas read
 * are now, CarnetTeam written through writeOwnedSheets (Carnet's own sheet, tables kept by name and resized,
 * the user's typed cells checked before anything is written), the manager's settings kept in the workbook,
 * and CarnetTeam read back as Excel computes it now. The layout and the reading are plan/teamSheet.ts'.
 */
import type { SpeakOptions } from "../../domain/readingProblems";
import { actionPlanColumns } from "../../domain/actionPlan/rows";
import type { TeamSettings } from "../../domain/team/contract";
import type { CellValue } from "../../domain/values";
import { parseRangeAddress } from "../plan/a1";
import { ACTION_PLAN_TABLE } from "../plan/actionPlanSheet";
import { PIPELINE_TABLE } from "../plan/forecastPlan";
import { breathe, type Progress } from "../plan/progress";
import { parseSettings, SETTINGS_KEY } from "../plan/settings";
import {
  CALIBRATION_SHEET,
  calibrationSheetPlan,
  RELIABILITY_CHART,
  RELIABILITY_CHART_DATA_TABLE,
  TEAM_CHART,
  TEAM_PIPELINE_HEADERS,
  TEAM_PLAN_COLUMNS,
  TEAM_SETTINGS_TABLE,
  TEAM_SHEET,
  TEAM_TABLE,
  type TeamPipelineHeader,
  type TeamPlanColumn,
  teamReadingOf,
  teamSheetPlan,
  type TeamSources,
} from "../plan/teamSheet";
import type {
  CalibrationReport,
  CalibrationWriteResult,
  TeamBuild,
  TeamReading,
  TeamWriteResult,
} from "../plan/teamPort";
import { type WriteOptions, writeOwnedSheets } from "./owned";
import { saveSettings } from "./settings";
import { workbookLanguage } from "./language";
import { englishHeaders, headerIn } from "../plan/workbookText";

/** The money format when CarnetPipeline does not say (the calibration's bias is money). */
const PLAIN_AMOUNT = "#,##0";

/**
 * Writes CarnetTeam (plan/teamSheet.ts) where Carnet's pipeline and action plan tables are now, then keeps
 * the collective weight and team objective in the workbook's settings. A constant number of syncs whatever
 * the number of reps: two to find the tables, writeOwnedSheets' own, two for the settings.
 */
export async function writeTeam(
  build: TeamBuild,
  progress?: Progress,
  signal?: AbortSignal,
  options?: WriteOptions
): Promise<TeamWriteResult> {
  progress?.("Finding CarnetPipeline and CarnetActionPlan", 0, 0);
  const language = await workbookLanguage();
  const sources = await readTeamSources();
  await breathe(signal);
  const { plan, liveCells, stampedCells } = teamSheetPlan(build, sources, language);
  const result = await writeOwnedSheets([plan], progress, signal, options);
  await saveSettings({
    collectiveWeight: build.settings.collectiveWeight,
    teamObjective: build.settings.teamObjective,
  });
  return {
    ...result,
    sheet: result.sheets[TEAM_SHEET],
    charts: build.figures.reps.length > 0 ? [TEAM_CHART] : [],
    liveCells,
    stampedCells,
  };
}

interface FoundTable {
  readonly table: Excel.Table;
  readonly sheet: Excel.Worksheet;
  readonly header: Excel.Range;
}

/** A found table's headers, as Carnet reads its own tables: English, whatever the workbook's language. */
function headersOf(found: FoundTable): CellValue[] {
  return englishHeaders(found.table.name, found.header.values[0] as CellValue[]);
}

/** A table by name, with its sheet's name and its header row (values, address) loaded; null when absent. */
async function findTables(
  context: Excel.RequestContext,
  names: readonly string[]
): Promise<(FoundTable | null)[]> {
  const tables = names.map((name) => {
    const table = context.workbook.tables.getItemOrNullObject(name);
    table.load("name");
    return table;
  });
  await context.sync();
  const found = tables.map((table) => {
    if (table.isNullObject) return null;
    const sheet = table.worksheet;
    sheet.load("name");
    const header = table.getHeaderRowRange();
    header.load("values, address");
    return { table, sheet, header };
  });
  await context.sync();
  return found;
}

/**
 * Where CarnetPipeline's and CarnetActionPlan's columns are now (a user may have moved the plan's; a French
 * workbook names them in French): null for a table that is missing or lacks a column the formulas read.
 */
async function readTeamSources(): Promise<TeamSources> {
  return Excel.run(async (context) => {
    const [pipeline, plan] = await findTables(context, [PIPELINE_TABLE, ACTION_PLAN_TABLE]);
    return {
      pipeline: pipeline && sourceColumns(pipeline, TEAM_PIPELINE_HEADERS, pipelineColumnsOf),
      actionPlan: plan && sourceColumns(plan, TEAM_PLAN_COLUMNS, (h) => actionPlanColumns(h)),
    };
  });
}

function pipelineColumnsOf(
  headers: readonly CellValue[]
): Record<TeamPipelineHeader, number | null> {
  const at = (h: TeamPipelineHeader) => {
    const i = headers.indexOf(h);
    return i < 0 ? null : i;
  };
  return Object.fromEntries(TEAM_PIPELINE_HEADERS.map((h) => [h, at(h)])) as Record<
    TeamPipelineHeader,
    number | null
  >;
}

/** The table's sheet and the sheet columns of `wanted`, or null when one of them is missing. */
function sourceColumns<K extends TeamPipelineHeader | TeamPlanColumn>(
  found: FoundTable,
  wanted: readonly K[],
  columnsOf: (headers: readonly CellValue[]) => Partial<Record<K, number | null>>
): { sheet: string; columns: Record<K, number> } | null {
  const box = parseRangeAddress(found.header.address);
  const indexes = columnsOf(headersOf(found));
  if (box === null || wanted.some((k) => indexes[k] === null || indexes[k] === undefined))
    return null;
  const columns = Object.fromEntries(wanted.map((k) => [k, box.col + indexes[k]!])) as Record<
    K,
    number
  >;
  return { sheet: found.sheet.name, columns };
}

/**
 * CarnetTeam as Excel computes it now (objectives typed, live cells recalculated), with the settings of its
 * CarnetTeamSettings (the workbook's stored ones where a cell cannot be read); null before a first build.
 * Three syncs, whatever the number of reps (one row each: far below 5 MB).
 */
export async function readTeam(options: SpeakOptions = {}): Promise<TeamReading | null> {
  return Excel.run(async (context) => {
    const stored = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    stored.load("value");
    const [team, settings] = await findTables(context, [TEAM_TABLE, TEAM_SETTINGS_TABLE]);
    if (team === null) return null;
    const body = team.table.getDataBodyRange();
    body.load("values");
    const settingsBody = settings?.table.getDataBodyRange();
    settingsBody?.load("values");
    await context.sync();
    const at = parseRangeAddress(team.header.address)!;
    const block = settings && parseRangeAddress(settings.header.address);
    return teamReadingOf(
      {
        sheet: team.sheet.name,
        row: at.row,
        col: at.col,
        headers: headersOf(team),
        body: body.values as CellValue[][],
        settings:
          settings && block && settingsBody
            ? {
                row: block.row,
                col: block.col,
                headers: headersOf(settings),
                values: (settingsBody.values[0] ?? []) as CellValue[],
              }
            : null,
      },
      storedTeamSettings(stored.isNullObject ? undefined : stored.value),
      options.language
    );
  });
}

/** The team settings kept in the workbook, as settings.ts checks them. */
function storedTeamSettings(value: unknown): Partial<TeamSettings> {
  if (value === undefined) return {};
  const { collectiveWeight, teamObjective } = parseSettings(value).settings;
  return { collectiveWeight, teamObjective };
}

/**
 * Writes the calibration sheet (plan/teamSheet.ts) through writeOwnedSheets, its money in CarnetPipeline's
 * format, then sets the reliability chart's axes from 0 to 100 %, where a perfect forecaster's diagonal runs
 * corner to corner. A second run rewrites Carnet's tables and chart on it, nothing else.
 */
export async function writeCalibration(report: CalibrationReport): Promise<CalibrationWriteResult> {
  const language = await workbookLanguage();
  const currency = await pipelineAmountFormat();
  const plan = calibrationSheetPlan(report, currency, language);
  const result = await writeOwnedSheets([plan]);
  const sheet = result.sheets[CALIBRATION_SHEET];
  await Excel.run(async (context) => {
    const chart = context.workbook.worksheets.getItem(sheet).charts.getItem(RELIABILITY_CHART);
    const x = chart.axes.getItem(Excel.ChartAxisType.category);
    x.title.text = headerIn(RELIABILITY_CHART_DATA_TABLE, "Stated probability", language);
    const y = chart.axes.getItem(Excel.ChartAxisType.value);
    y.title.text = headerIn(RELIABILITY_CHART_DATA_TABLE, "Win rate", language);
    const percent = (axis: Excel.ChartAxis) => {
      axis.minimum = 0;
      axis.maximum = 1;
      axis.numberFormat = "0%";
    };
    percent(x);
    percent(y);
    await context.sync();
  });
  return { sheet, charts: [RELIABILITY_CHART] };
}

/** The number format of CarnetPipeline's first amount, or a plain amount without one. */
async function pipelineAmountFormat(): Promise<string> {
  return Excel.run(async (context) => {
    const [pipeline] = await findTables(context, [PIPELINE_TABLE]);
    const col = pipeline ? headersOf(pipeline).indexOf("Amount") : -1;
    if (pipeline === null || col < 0) return PLAIN_AMOUNT;
    const first = pipeline.table.getDataBodyRange().getCell(0, col);
    first.load("numberFormat");
    await context.sync();
    const format = String(first.numberFormat[0][0] ?? "");
    return format === "" || format === "General" ? PLAIN_AMOUNT : format;
  });
}
