/**
 * Chart data: the chart types Excel knows, how Excel reads series out of a source block, and the
 * charts as the workbench draws them (series read from the cells when asked, so they follow edits).
 */
import type { Rect } from "./address";
import type { CellValue } from "./backend";
import { ErrorCodes, officeError } from "./errors";
import type { CellRef, ChartRecord, SeriesRecord, SheetRecord, WorkbookModel } from "./model";

/** `Excel.ChartType` values. */
export const CHART_TYPES = [
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "3DColumnClustered",
  "3DColumnStacked",
  "3DColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "3DBarClustered",
  "3DBarStacked",
  "3DBarStacked100",
  "LineStacked",
  "LineStacked100",
  "LineMarkers",
  "LineMarkersStacked",
  "LineMarkersStacked100",
  "PieOfPie",
  "PieExploded",
  "3DPieExploded",
  "BarOfPie",
  "XYScatterSmooth",
  "XYScatterSmoothNoMarkers",
  "XYScatterLines",
  "XYScatterLinesNoMarkers",
  "AreaStacked",
  "AreaStacked100",
  "3DAreaStacked",
  "3DAreaStacked100",
  "DoughnutExploded",
  "RadarMarkers",
  "RadarFilled",
  "Surface",
  "SurfaceWireframe",
  "SurfaceTopView",
  "SurfaceTopViewWireframe",
  "Bubble",
  "Bubble3DEffect",
  "StockHLC",
  "StockOHLC",
  "StockVHLC",
  "StockVOHLC",
  "CylinderColClustered",
  "CylinderColStacked",
  "CylinderColStacked100",
  "CylinderBarClustered",
  "CylinderBarStacked",
  "CylinderBarStacked100",
  "CylinderCol",
  "ConeColClustered",
  "ConeColStacked",
  "ConeColStacked100",
  "ConeBarClustered",
  "ConeBarStacked",
  "ConeBarStacked100",
  "ConeCol",
  "PyramidColClustered",
  "PyramidColStacked",
  "PyramidColStacked100",
  "PyramidBarClustered",
  "PyramidBarStacked",
  "PyramidBarStacked100",
  "PyramidCol",
  "3DColumn",
  "Line",
  "3DLine",
  "3DPie",
  "Pie",
  "XYScatter",
  "3DArea",
  "Area",
  "Doughnut",
  "Radar",
  "Histogram",
  "Boxwhisker",
  "Pareto",
  "RegionMap",
  "Treemap",
  "Waterfall",
  "Sunburst",
  "Funnel",
] as const;

export interface SeriesInfo {
  name: string;
  /** Excel plots blanks and #N/A as gaps (null) and other non-numbers as 0. */
  values: (number | null)[];
  xValues?: (CellValue | null)[];
  bubbleSizes?: (number | null)[];
  /** Set when the series is drawn unlike its chart (a combo chart), e.g. "AreaStacked". */
  chartType?: string;
  /** Set by `format.fill`: a colour, or "none" for a see-through series. */
  fill?: string;
  /** Set when the series shows data labels (the chart's, or its own `hasDataLabels`): what each label says. */
  dataLabels?: { showSeriesName: boolean; showValue: boolean };
}

/** An axis as the workbench draws it: its title, its bounds when set, its number format. */
export interface AxisInfo {
  title: string;
  minimum?: number;
  maximum?: number;
  numberFormat?: string;
  /** The categories (or values) drawn in reverse order: a bar chart's first category at the top. */
  reversed?: boolean;
}

export interface ChartInfo {
  sheet: string;
  name: string;
  type: string;
  title: string;
  series: SeriesInfo[];
  /** The x axis of XY and bubble charts, the category axis of the others. */
  axes: { category: AxisInfo; value: AxisInfo };
  legend: { visible: boolean; position: string };
  position?: { startCell?: string; endCell?: string };
}

export function checkType(type: unknown, where: string): string {
  const found = CHART_TYPES.find(
    (t) => typeof type === "string" && t.toLowerCase() === type.toLowerCase()
  );
  if (!found) throw officeError(ErrorCodes.invalidArgument, where);
  return found;
}

function isText(value: CellValue): boolean {
  return typeof value === "string" && value !== "";
}

/**
 * Series from a source block, with Excel's reading of it: series in columns when the block is at
 * least as tall as wide (or as asked); a first row of text holds the series names; a first column
 * of text (or a blank top-left cell) holds the categories; XY and bubble charts take the first
 * column as X values, bubble charts then take the columns in (Y, size) pairs.
 */
export function seriesFromSource(
  model: WorkbookModel,
  sheet: SheetRecord,
  rect: Rect,
  seriesBy: string,
  type: string,
  firstId: number
): SeriesRecord[] {
  const values = model.backend.getValues(sheet.name, rect.row, rect.col, rect.rows, rect.cols);
  const byColumns = seriesBy === "Columns" || (seriesBy !== "Rows" && rect.rows >= rect.cols);
  const lines = byColumns ? rect.cols : rect.rows;
  const length = byColumns ? rect.rows : rect.cols;
  const at = (line: number, pos: number) => (byColumns ? values[pos][line] : values[line][pos]);
  const cells = (line: number, from: number, count: number): CellRef => ({
    sheetId: sheet.id,
    rect: byColumns
      ? { row: rect.row + from, col: rect.col + line, rows: count, cols: 1 }
      : { row: rect.row + line, col: rect.col + from, rows: 1, cols: count },
  });
  // A blank top-left cell marks a header row and a category column, in a block of several of each.
  const topLeftBlank = lines > 1 && length > 1 && at(0, 0) === "";
  const hasNames =
    length > 1 &&
    (topLeftBlank ||
      (lines > 1
        ? Array.from({ length: lines - 1 }, (_, l) => at(l + 1, 0)).some(isText)
        : isText(at(0, 0))));
  const first = hasNames ? 1 : 0;
  const xy = /^(XYScatter|Bubble)/.test(type);
  const bubble = type.startsWith("Bubble");
  const categoryText = Array.from({ length: length - first }, (_, p) => at(0, p + first)).some(
    isText
  );
  const hasCategories = lines > (bubble ? 2 : 1) && (topLeftBlank || categoryText || xy);
  const xValues = hasCategories && length > first ? cells(0, first, length - first) : undefined;
  const series: SeriesRecord[] = [];
  const step = bubble ? 2 : 1;
  for (let line = hasCategories ? 1 : 0; line + step - 1 < lines; line += step) {
    if (length - first < 1) break;
    const record: SeriesRecord = {
      id: firstId + series.length,
      name: hasNames ? String(at(line, 0)) : `Series${series.length + 1}`,
      values: cells(line, first, length - first),
      options: {},
    };
    if (hasNames) record.nameRef = cells(line, 0, 1);
    if (xValues) record.xValues = xValues;
    if (bubble) record.bubbleSizes = cells(line + 1, first, length - first);
    series.push(record);
  }
  return series;
}

export function chartSheet(model: WorkbookModel, chart: ChartRecord): SheetRecord {
  const sheet = model.sheetById(chart.sheetId);
  if (!sheet) throw officeError(ErrorCodes.itemNotFound, "Chart");
  return sheet;
}

export function seriesName(model: WorkbookModel, series: SeriesRecord): string {
  if (!series.nameRef) return series.name;
  const cells = readRef(model, series.nameRef);
  return cells.length > 0 ? String(cells[0]) : series.name;
}

function readRef(model: WorkbookModel, ref: CellRef): CellValue[] {
  const sheet = model.sheetById(ref.sheetId);
  if (!sheet) return [];
  const { row, col, rows, cols } = ref.rect;
  return model.backend.getValues(sheet.name, row, col, rows, cols).flat();
}

const SHOW_FLAGS = [
  "showValue",
  "showPercentage",
  "showCategoryName",
  "showSeriesName",
  "showLegendKey",
] as const;

/** Whether a series shows data labels: its own `hasDataLabels` when set, else whether the chart's show anything. */
export function seriesHasDataLabels(chart: ChartRecord, series: SeriesRecord): boolean {
  const own = series.options.hasDataLabels;
  if (typeof own === "boolean") return own;
  return SHOW_FLAGS.some((flag) => chart.dataLabels[flag] === true);
}

function plotted(value: CellValue): number | null {
  if (typeof value === "number") return value;
  return value === "" || value === "#N/A" ? null : 0;
}

/** The charts as the workbench draws them, with the series data read from the cells now. */
export function describeCharts(model: WorkbookModel): ChartInfo[] {
  return model.charts.map((chart) => {
    const sheet = chartSheet(model, chart);
    const axisNumber = (value: unknown) => (typeof value === "number" ? value : undefined);
    const axis = (kind: "category" | "value"): AxisInfo => {
      const info: AxisInfo = { title: String(chart.axisTitles[kind].text ?? "") };
      const { minimum, maximum, numberFormat, reversePlotOrder } = chart.axes[kind];
      if (axisNumber(minimum) !== undefined) info.minimum = axisNumber(minimum);
      if (axisNumber(maximum) !== undefined) info.maximum = axisNumber(maximum);
      if (typeof numberFormat === "string") info.numberFormat = numberFormat;
      if (reversePlotOrder === true) info.reversed = true;
      return info;
    };
    const info: ChartInfo = {
      sheet: sheet.name,
      name: chart.name,
      type: chart.type,
      title: String(chart.title.text ?? ""),
      series: chart.series.map((series) => {
        const described: SeriesInfo = {
          name: seriesName(model, series),
          values: series.values ? readRef(model, series.values).map(plotted) : [],
        };
        if (series.xValues)
          described.xValues = readRef(model, series.xValues).map((v) => (v === "" ? null : v));
        if (series.bubbleSizes)
          described.bubbleSizes = readRef(model, series.bubbleSizes).map(plotted);
        if (series.chartType) described.chartType = series.chartType;
        if (typeof series.options.fill === "string") described.fill = series.options.fill;
        if (seriesHasDataLabels(chart, series))
          described.dataLabels = {
            showSeriesName: chart.dataLabels.showSeriesName === true,
            // A series given labels of its own, on a chart that shows none, shows its values (Excel's default).
            showValue:
              chart.dataLabels.showValue === true ||
              !SHOW_FLAGS.some((flag) => chart.dataLabels[flag] === true),
          };
        return described;
      }),
      axes: { category: axis("category"), value: axis("value") },
      legend: {
        visible: chart.legend.visible !== false,
        position: typeof chart.legend.position === "string" ? chart.legend.position : "Right",
      },
    };
    if (chart.layout.startCell !== undefined) {
      info.position = {
        startCell: chart.layout.startCell as string,
        endCell: chart.layout.endCell as string | undefined,
      };
    }
    return info;
  });
}
