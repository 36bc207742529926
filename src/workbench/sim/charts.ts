/**
 * `Excel.ChartCollection` and `Excel.Chart`: charts as metadata (type, title, axes, series pointing
 * at cells); parts in chart-parts.ts, series reading and the workbench's view in chart-data.ts.
 */
import { formatAddress } from "./address";
import { chartSheet, checkType, seriesFromSource } from "./chart-data";
import {
  ChartAxes,
  ChartDataLabels,
  ChartLegend,
  ChartSeriesCollection,
  ChartTitle,
} from "./chart-parts";
import type { RequestContext } from "./context";
import { ErrorCodes, officeError } from "./errors";
import type { ChartRecord, SheetRecord, WorkbookModel } from "./model";
import { ClientResult, SimCollection, SimObject, keptCopy } from "./object";
import { type Located, type Range } from "./range";
import { Worksheet } from "./worksheet";

export {
  CHART_TYPES,
  describeCharts,
  seriesFromSource,
  type AxisInfo,
  type ChartInfo,
  type SeriesInfo,
} from "./chart-data";

function newChart(model: WorkbookModel, sheet: SheetRecord, type: string): ChartRecord {
  return {
    id: model.newChartId(),
    name: model.nextChartName(),
    sheetId: sheet.id,
    type,
    title: {},
    legend: {},
    dataLabels: {},
    axes: { category: {}, value: {}, series: {} },
    axisTitles: { category: {}, value: {}, series: {} },
    series: [],
    layout: {},
    nextSeriesId: 1,
  };
}

/** Resolves a Range argument (source data, series values) while the request runs. */
export function located(range: Range, where: string): Located {
  const loc = range._resolve();
  if (loc === null) throw officeError(ErrorCodes.invalidArgument, where);
  return loc;
}

export class ChartCollection extends SimCollection<SheetRecord, Chart> {
  constructor(
    context: RequestContext,
    private readonly _sheet: Worksheet
  ) {
    super(context);
  }

  get _typeName(): string {
    return "ChartCollection";
  }

  override _resolve(): SheetRecord | null {
    return this._sheet._resolve();
  }

  override _ownScalars(): readonly string[] {
    return ["count"];
  }

  override _scalarNames(): readonly string[] {
    return ["count"];
  }

  private _list(sheet: SheetRecord): ChartRecord[] {
    return this.context._model.charts.filter((c) => c.sheetId === sheet.id);
  }

  override _readScalar(name: string, sheet: SheetRecord): unknown {
    return name === "count" ? this._list(sheet).length : super._readScalar(name, sheet);
  }

  override _enumerate(sheet: SheetRecord): Chart[] {
    return this._list(sheet).map((chart) => this._byId(chart.id));
  }

  private _byId(id: string): Chart {
    return new Chart(this.context, () => {
      const chart = this.context._model.charts.find((c) => c.id === id);
      if (!chart) throw officeError(ErrorCodes.itemNotFound, "ChartCollection.getItem");
      return chart;
    });
  }

  /** Adds a chart of `type` over `sourceData`; `seriesBy` "Auto" (default), "Columns" or "Rows". */
  add(
    type: string,
    sourceData: Range,
    seriesBy: "Auto" | "Columns" | "Rows" | string = "Auto"
  ): Chart {
    let created: string | undefined;
    this._apply("add", { type, seriesBy }, (sheet, sent) => {
      const model = this.context._model;
      const args = sent as { type: unknown; seriesBy: unknown };
      const chartType = checkType(args.type, "ChartCollection.add");
      const source = located(sourceData, "ChartCollection.add");
      const chart = newChart(model, sheet, chartType);
      chart.series = seriesFromSource(
        model,
        source.sheet,
        source.rect,
        String(args.seriesBy ?? "Auto"),
        chartType,
        1
      );
      chart.nextSeriesId = chart.series.length + 1;
      model.charts.push(chart);
      created = chart.id;
    });
    return new Chart(this.context, () => {
      const chart =
        created === undefined
          ? undefined
          : this.context._model.charts.find((c) => c.id === created);
      if (!chart) throw officeError(ErrorCodes.itemNotFound, "ChartCollection.add");
      return chart;
    });
  }

  getItem(name: string): Chart {
    return new Chart(this.context, () => {
      const sheet = this._resolve();
      if (sheet === null) return null;
      const chart = this._list(sheet).find((c) => c.name === name || c.id === name);
      if (!chart) throw officeError(ErrorCodes.itemNotFound, "ChartCollection.getItem");
      return chart;
    });
  }

  getItemOrNullObject(name: string): Chart {
    return new Chart(this.context, () => {
      const sheet = this._resolve();
      return sheet === null
        ? null
        : (this._list(sheet).find((c) => c.name === name || c.id === name) ?? null);
    });
  }

  getItemAt(index: number): Chart {
    return new Chart(this.context, () => {
      const sheet = this._resolve();
      if (sheet === null) return null;
      const chart = this._list(sheet)[index];
      if (!chart) throw officeError(ErrorCodes.invalidArgument, "ChartCollection.getItemAt");
      return chart;
    });
  }

  getCount(): ClientResult<number> {
    return this._result("getCount", (sheet) => this._list(sheet).length);
  }
}

const LAYOUT_DEFAULTS: Record<string, number> = { top: 0, left: 0, width: 360, height: 216 };

export class Chart extends SimObject<ChartRecord> {
  private _id: string | undefined;
  private _title: ChartTitle | undefined;
  private _legend: ChartLegend | undefined;
  private _dataLabels: ChartDataLabels | undefined;
  private _axes: ChartAxes | undefined;
  private _series: ChartSeriesCollection | undefined;
  private _worksheet: Worksheet | undefined;

  constructor(
    context: RequestContext,
    private readonly _find: () => ChartRecord | null
  ) {
    super(context);
  }

  get _typeName(): string {
    return "Chart";
  }

  override _resolve(): ChartRecord | null {
    if (this._id !== undefined) {
      const chart = this.context._model.charts.find((c) => c.id === this._id);
      if (!chart) throw officeError(ErrorCodes.itemNotFound, "Chart");
      return chart;
    }
    const chart = this._find();
    if (chart) this._id = chart.id;
    return chart;
  }

  override _scalarNames(): readonly string[] {
    return ["id", "name", "chartType", "top", "left", "width", "height"];
  }

  override _readScalar(name: string, chart: ChartRecord): unknown {
    switch (name) {
      case "id":
        return chart.id;
      case "name":
        return chart.name;
      case "chartType":
        return chart.type;
      default:
        if (name in LAYOUT_DEFAULTS) return chart.layout[name] ?? LAYOUT_DEFAULTS[name];
        return super._readScalar(name, chart);
    }
  }

  override _nav(name: string): SimObject | undefined {
    switch (name) {
      case "title":
        return this.title;
      case "legend":
        return this.legend;
      case "dataLabels":
        return this.dataLabels;
      case "axes":
        return this.axes;
      case "series":
        return this.series;
      case "worksheet":
        return this.worksheet;
      default:
        return undefined;
    }
  }

  set name(name: string) {
    this._setProperty("name", name, (chart, sent) => {
      if (typeof sent !== "string" || sent === "")
        throw officeError(ErrorCodes.invalidArgument, "Chart.name");
      chart.name = sent;
    });
  }

  set chartType(type: string) {
    this._setProperty(
      "chartType",
      type,
      (chart, sent) => void (chart.type = checkType(sent, "Chart.chartType"))
    );
  }

  private _layout(name: string, value: number): void {
    this._setProperty(name, value, (chart, sent) => void (chart.layout[name] = keptCopy(sent)));
  }
  set top(value: number) {
    this._layout("top", value);
  }
  set left(value: number) {
    this._layout("left", value);
  }
  set width(value: number) {
    this._layout("width", value);
  }
  set height(value: number) {
    this._layout("height", value);
  }

  private _bag(
    pick: (chart: ChartRecord) => Record<string, unknown>
  ): () => Record<string, unknown> | null {
    return () => {
      const chart = this._resolve();
      return chart === null ? null : pick(chart);
    };
  }

  get title(): ChartTitle {
    this._title ??= new ChartTitle(
      this.context,
      "ChartTitle",
      this._bag((c) => c.title)
    );
    return this._title;
  }

  get legend(): ChartLegend {
    this._legend ??= new ChartLegend(
      this.context,
      "ChartLegend",
      this._bag((c) => c.legend)
    );
    return this._legend;
  }

  get dataLabels(): ChartDataLabels {
    this._dataLabels ??= new ChartDataLabels(
      this.context,
      "ChartDataLabels",
      this._bag((c) => c.dataLabels)
    );
    return this._dataLabels;
  }

  get axes(): ChartAxes {
    this._axes ??= new ChartAxes(this.context, this);
    return this._axes;
  }

  get series(): ChartSeriesCollection {
    this._series ??= new ChartSeriesCollection(this.context, this);
    return this._series;
  }

  get worksheet(): Worksheet {
    this._worksheet ??= new Worksheet(this.context, () => {
      const chart = this._resolve();
      return chart === null ? null : chartSheet(this.context._model, chart);
    });
    return this._worksheet;
  }

  /** Places the chart over cells; remembered for the workbench, which may lay charts out with it. */
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    const address = (cell: Range | string | undefined): string | undefined => {
      if (cell === undefined) return undefined;
      if (typeof cell === "string") return cell;
      const loc = located(cell, "Chart.setPosition");
      return formatAddress(loc.sheet.name, loc.rect);
    };
    this._apply(
      "setPosition",
      { startCell: typeof startCell === "string" ? startCell : null },
      (chart) => {
        chart.layout.startCell = address(startCell);
        chart.layout.endCell = address(endCell);
      }
    );
  }

  /** Replaces the series with those read from a new source block. */
  setData(sourceData: Range, seriesBy: "Auto" | "Columns" | "Rows" | string = "Auto"): void {
    this._apply("setData", { seriesBy }, (chart, sent) => {
      const source = located(sourceData, "Chart.setData");
      const by = String((sent as { seriesBy: unknown }).seriesBy ?? "Auto");
      chart.series = seriesFromSource(
        this.context._model,
        source.sheet,
        source.rect,
        by,
        chart.type,
        chart.nextSeriesId
      );
      chart.nextSeriesId += chart.series.length;
    });
  }

  delete(): void {
    this._apply("delete", undefined, (chart) => {
      const charts = this.context._model.charts;
      charts.splice(charts.indexOf(chart), 1);
    });
  }

  activate(): void {
    this._apply("activate", undefined, () => undefined);
  }
}
