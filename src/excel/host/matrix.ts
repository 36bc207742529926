/**
 * "Build matrix" on the Excel side: the tables through writeOwnedSheets (Carnet's own sheet, tables kept
 * by name and resized), then the bubble and Pareto charts, which owned.ts's ChartPlan cannot describe (a
 * bubble series needs x values, y values and sizes). writeOwnedSheets deletes the sheet's charts on every
 * run, so a second build redraws them rather than adding copies. Also: reading CarnetPipeline for the
 * handbook's warning, and the harvest / divest ranges for the forecast's Issues column.
 */
import type { MatrixWriteResult } from "../port";
import {
  buildMatrixPlans,
  type MatrixBuild,
  type MatrixCharts,
  MATRIX_SHEET,
  MATRIX_SETTINGS_TABLE,
  MATRIX_TABLE,
} from "../plan/matrixPlan";
import { harvestRangeKeys } from "../plan/matrixReadBack";
import { PIPELINE_TABLE } from "../plan/forecastPlan";
import { type WriteOptions, writeOwnedSheets } from "./owned";
import type { Progress } from "../plan/progress";
import type { SourceData } from "../plan/source";
import { readSource } from "./source";
import { workbookLanguage } from "./language";
import { englishHeaders } from "../plan/workbookText";

export async function writeMatrix(
  build: MatrixBuild,
  progress?: Progress,
  signal?: AbortSignal,
  options?: WriteOptions
): Promise<MatrixWriteResult> {
  const language = await workbookLanguage();
  const { plans, charts, liveCells, stampedCells } = buildMatrixPlans({ ...build, language });
  const result = await writeOwnedSheets(plans, progress, signal, options);
  const sheet = result.sheets[MATRIX_SHEET];
  progress?.("Drawing charts", 0, 0);
  const drawn = await drawMatrixCharts(sheet, charts);
  return { ...result, sheet, charts: drawn, liveCells, stampedCells };
}

/** The cut-off lines' colour: a neutral grey that reads as a guide, not as a range. */
const CUT_LINE_COLOR = "#7F7F7F";

/**
 * Draws the charts the plan describes on the (Carnet-owned) sheet; one sync. The bubble chart: the x axis as
 * the plan formats it (% for market shares) from 0 to the plan's maximum, so that no bubble is cut at the right;
 * each range's bubble labelled with its name; the cut-offs as grey dotted lines without labels; no legend (the
 * labels name the ranges, the axis titles say what the axes, sizes and dotted lines are).
 */
export async function drawMatrixCharts(sheetName: string, charts: MatrixCharts): Promise<string[]> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const place = (
      chart: Excel.Chart,
      at: { row: number; col: number; rows: number; cols: number }
    ) =>
      chart.setPosition(
        sheet.getRangeByIndexes(at.row, at.col, 1, 1),
        sheet.getRangeByIndexes(at.row + at.rows - 1, at.col + at.cols - 1, 1, 1)
      );
    const drawn: string[] = [];

    const bubble = charts.bubble;
    if (bubble) {
      // Created over the first range's x, y and size cells (one series, one point), then one series per
      // range, so that each bubble carries its range's name as its label.
      const [firstSeries, ...others] = bubble.series;
      const firstRow = `${firstSeries.x}:${firstSeries.size}`;
      const chart = sheet.charts.add(
        Excel.ChartType.bubble,
        sheet.getRange(firstRow),
        Excel.ChartSeriesBy.columns
      );
      chart.name = bubble.name;
      chart.title.text = bubble.title;
      const fill = (series: Excel.ChartSeries, plan: (typeof bubble.series)[number]) => {
        series.name = plan.name;
        series.setXAxisValues(sheet.getRange(plan.x));
        series.setValues(sheet.getRange(plan.y));
        series.setBubbleSizes(sheet.getRange(plan.size));
        return series;
      };
      const all = [
        fill(chart.series.getItemAt(0), firstSeries),
        ...others.map((plan) => fill(chart.series.add(plan.name), plan)),
      ];
      // The chart's labels apply to every series: set them first, then take them off the cut-off lines.
      chart.dataLabels.showSeriesName = true;
      chart.dataLabels.showValue = false;
      for (const cut of all.slice(bubble.rangeSeries)) {
        cut.hasDataLabels = false;
        cut.format.fill.setSolidColor(CUT_LINE_COLOR);
      }
      chart.legend.visible = false;
      const x = chart.axes.categoryAxis;
      x.title.text = bubble.xTitle;
      x.numberFormat = bubble.xFormat;
      x.minimum = 0;
      x.maximum = bubble.xMaximum;
      const y = chart.axes.valueAxis;
      y.title.text = bubble.yTitle;
      y.minimum = 0;
      y.maximum = 4;
      y.majorUnit = 1;
      place(chart, bubble.at);
      drawn.push(bubble.name);
    }

    const pareto = charts.pareto;
    if (pareto) {
      const chart = sheet.charts.add(
        Excel.ChartType.columnClustered,
        sheet.getRange(pareto.bars.values),
        Excel.ChartSeriesBy.columns
      );
      chart.name = pareto.name;
      chart.title.text = pareto.title;
      const bars = chart.series.getItemAt(0);
      bars.name = pareto.bars.name;
      bars.setXAxisValues(sheet.getRange(pareto.categories));
      const line = chart.series.add(pareto.line.name);
      line.chartType = Excel.ChartType.lineMarkers;
      line.setValues(sheet.getRange(pareto.line.values));
      line.setXAxisValues(sheet.getRange(pareto.categories));
      const y = chart.axes.valueAxis;
      y.minimum = 0;
      y.maximum = 1;
      y.numberFormat = "0%";
      chart.legend.position = Excel.ChartLegendPosition.bottom;
      place(chart, pareto.at);
      drawn.push(pareto.name);
    }

    await context.sync();
    return drawn;
  });
}

/** The CarnetPipeline table the last forecast build wrote (read in blocks), or null when there is none. */
export async function readPipelineTable(
  progress?: Progress,
  signal?: AbortSignal
): Promise<SourceData | null> {
  const exists = await Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(PIPELINE_TABLE);
    table.load("name");
    await context.sync();
    return !table.isNullObject;
  });
  return exists ? readSource({ kind: "table", name: PIPELINE_TABLE }, progress, signal) : null;
}

/** CarnetMatrix's header and body values and CarnetMatrixSettings' body values, as Excel returns them. */
export interface MatrixCells {
  readonly headers: readonly unknown[];
  readonly body: readonly (readonly unknown[])[];
  readonly settingsBody: readonly (readonly unknown[])[];
}

/**
 * The matrix's tables as they are, or null when the matrix has not been built. Two syncs; the table
 * holds one row per product range, far below 5 MB.
 */
export async function readMatrixCells(): Promise<MatrixCells | null> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(MATRIX_TABLE);
    table.load("name");
    const settings = context.workbook.tables.getItemOrNullObject(MATRIX_SETTINGS_TABLE);
    settings.load("name");
    await context.sync();
    if (table.isNullObject || settings.isNullObject) return null;
    const header = table.getHeaderRowRange();
    header.load("values");
    const body = table.getDataBodyRange();
    body.load("values");
    const settingsBody = settings.getDataBodyRange();
    settingsBody.load("values");
    await context.sync();
    // Either language: the read-back finds CarnetMatrix's columns by their English headers.
    const headers = englishHeaders(MATRIX_TABLE, header.values[0] as (string | number | null)[]);
    return { headers, body: body.values, settingsBody: settingsBody.values };
  });
}

/**
 * The ranges CarnetMatrix places in the Harvest / divest zone, as rangeKey gives their names (compare a deal's
 * product with rangeKey too), computed from its figures and settings (matrixReadBack.ts). Empty when the
 * matrix has not been built.
 */
export async function readHarvestRanges(): Promise<Set<string>> {
  const cells = await readMatrixCells();
  return cells === null
    ? new Set<string>()
    : harvestRangeKeys(cells.headers, cells.body, cells.settingsBody);
}
