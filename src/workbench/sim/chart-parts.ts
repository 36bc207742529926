/**
 * The parts of a chart: title, legend, data labels and axes (properties kept in the chart's record),
 * and its series, each pointing at cells for values, X values and bubble sizes.
 */
import { checkType, seriesHasDataLabels, seriesName } from "./chart-data";
import { located, type Chart } from "./charts";
import type { RequestContext } from "./context";
import { ErrorCodes, officeError } from "./errors";
import type { CellRef, ChartRecord, SeriesRecord } from "./model";
import { BagObject, ClientResult, SimCollection, SimObject, defineBagProperties } from "./object";
import type { Range } from "./range";

/** A chart part whose properties live in a record of the chart. */
abstract class ChartPart extends BagObject {
  constructor(
    context: RequestContext,
    private readonly _name: string,
    private readonly _provide: () => Record<string, unknown> | null
  ) {
    super(context);
  }
  get _typeName(): string {
    return this._name;
  }
  protected _bag(): Record<string, unknown> | null {
    return this._provide();
  }
}

export class ChartTitle extends ChartPart {
  declare text: string;
  declare visible: boolean;
  declare overlay: boolean;
  get _defaults(): Readonly<Record<string, unknown>> {
    return { text: "", visible: true, overlay: false };
  }
}
defineBagProperties(ChartTitle, ["text", "visible", "overlay"]);

export class ChartLegend extends ChartPart {
  declare visible: boolean;
  declare position: string;
  declare overlay: boolean;
  get _defaults(): Readonly<Record<string, unknown>> {
    return { visible: true, position: "Right", overlay: false };
  }
}
defineBagProperties(ChartLegend, ["visible", "position", "overlay"]);

export class ChartDataLabels extends ChartPart {
  declare showValue: boolean;
  declare showPercentage: boolean;
  declare showCategoryName: boolean;
  declare showSeriesName: boolean;
  declare showLegendKey: boolean;
  declare position: string;
  declare numberFormat: string;
  get _defaults(): Readonly<Record<string, unknown>> {
    return {
      showValue: false,
      showPercentage: false,
      showCategoryName: false,
      showSeriesName: false,
      showLegendKey: false,
      position: "BestFit",
      numberFormat: "General",
    };
  }
}
defineBagProperties(ChartDataLabels, [
  "showValue",
  "showPercentage",
  "showCategoryName",
  "showSeriesName",
  "showLegendKey",
  "position",
  "numberFormat",
]);

export class ChartAxisTitle extends ChartPart {
  declare text: string;
  declare visible: boolean;
  get _defaults(): Readonly<Record<string, unknown>> {
    return { text: "", visible: false };
  }
}
defineBagProperties(ChartAxisTitle, ["text", "visible"]);

export class ChartAxis extends ChartPart {
  declare minimum: number | string;
  declare maximum: number | string;
  declare majorUnit: number | string;
  declare minorUnit: number | string;
  declare visible: boolean;
  declare numberFormat: string;
  declare reversePlotOrder: boolean;
  private _title: ChartAxisTitle | undefined;

  constructor(
    context: RequestContext,
    name: string,
    provide: () => Record<string, unknown> | null,
    private readonly _provideTitle: () => Record<string, unknown> | null
  ) {
    super(context, name, provide);
  }
  get _defaults(): Readonly<Record<string, unknown>> {
    return {
      minimum: null,
      maximum: null,
      majorUnit: null,
      minorUnit: null,
      visible: true,
      numberFormat: "General",
      reversePlotOrder: false,
    };
  }
  override _nav(name: string): SimObject | undefined {
    return name === "title" ? this.title : undefined;
  }
  get title(): ChartAxisTitle {
    this._title ??= new ChartAxisTitle(this.context, "ChartAxisTitle", this._provideTitle);
    return this._title;
  }
}
defineBagProperties(ChartAxis, [
  "minimum",
  "maximum",
  "majorUnit",
  "minorUnit",
  "visible",
  "numberFormat",
  "reversePlotOrder",
]);

type AxisKind = "category" | "value" | "series";

export class ChartAxes extends SimObject<ChartRecord> {
  private readonly _axes = new Map<AxisKind, ChartAxis>();

  constructor(
    context: RequestContext,
    private readonly _chart: Chart
  ) {
    super(context);
  }
  get _typeName(): string {
    return "ChartAxes";
  }
  override _resolve(): ChartRecord | null {
    return this._chart._resolve();
  }
  override _nav(name: string): SimObject | undefined {
    if (name === "categoryAxis") return this.categoryAxis;
    if (name === "valueAxis") return this.valueAxis;
    if (name === "seriesAxis") return this.seriesAxis;
    return undefined;
  }
  private _axis(kind: AxisKind): ChartAxis {
    let axis = this._axes.get(kind);
    if (!axis) {
      const chart = () => this._chart._resolve();
      axis = new ChartAxis(
        this.context,
        "ChartAxis",
        () => chart()?.axes[kind] ?? null,
        () => chart()?.axisTitles[kind] ?? null
      );
      this._axes.set(kind, axis);
    }
    return axis;
  }
  get categoryAxis(): ChartAxis {
    return this._axis("category");
  }
  get valueAxis(): ChartAxis {
    return this._axis("value");
  }
  get seriesAxis(): ChartAxis {
    return this._axis("series");
  }
  getItem(type: "Invalid" | "Category" | "Value" | "Series" | string): ChartAxis {
    return this._axis(type === "Value" ? "value" : type === "Series" ? "series" : "category");
  }
}

interface SeriesTarget {
  chart: ChartRecord;
  series: SeriesRecord;
}

export class ChartSeriesCollection extends SimCollection<ChartRecord, ChartSeries> {
  constructor(
    context: RequestContext,
    private readonly _chart: Chart
  ) {
    super(context);
  }
  get _typeName(): string {
    return "ChartSeriesCollection";
  }
  override _resolve(): ChartRecord | null {
    return this._chart._resolve();
  }
  override _ownScalars(): readonly string[] {
    return ["count"];
  }
  override _scalarNames(): readonly string[] {
    return ["count"];
  }
  override _readScalar(name: string, chart: ChartRecord): unknown {
    return name === "count" ? chart.series.length : super._readScalar(name, chart);
  }
  override _enumerate(chart: ChartRecord): ChartSeries[] {
    return chart.series.map((s) => this._byId(s.id));
  }
  private _byId(id: number): ChartSeries {
    return new ChartSeries(this.context, () => {
      const chart = this._chart._resolve();
      if (chart === null) return null;
      const series = chart.series.find((s) => s.id === id);
      if (!series) throw officeError(ErrorCodes.itemNotFound, "ChartSeries");
      return { chart, series };
    });
  }

  getItemAt(index: number): ChartSeries {
    return new ChartSeries(this.context, () => {
      const chart = this._chart._resolve();
      if (chart === null) return null;
      const series = chart.series[index];
      if (!series) throw officeError(ErrorCodes.invalidArgument, "ChartSeriesCollection.getItemAt");
      return { chart, series };
    });
  }

  getCount(): ClientResult<number> {
    return this._result("getCount", (chart) => chart.series.length);
  }

  /** Adds an empty series; give it data with setValues (and setXAxisValues, setBubbleSizes). */
  add(name?: string, index?: number): ChartSeries {
    let added: number | undefined;
    this._apply("add", { name: name ?? null, index: index ?? null }, (chart, sent) => {
      const args = sent as { name: string | null; index: number | null };
      const series: SeriesRecord = {
        id: chart.nextSeriesId++,
        name: args.name ?? `Series${chart.series.length + 1}`,
        options: {},
      };
      const at = args.index ?? chart.series.length;
      if (!Number.isInteger(at) || at < 0 || at > chart.series.length) {
        throw officeError(ErrorCodes.invalidArgument, "ChartSeriesCollection.add");
      }
      chart.series.splice(at, 0, series);
      added = series.id;
    });
    return new ChartSeries(this.context, () => {
      const chart = this._chart._resolve();
      const series = chart?.series.find((s) => s.id === added);
      if (!chart || !series)
        throw officeError(ErrorCodes.itemNotFound, "ChartSeriesCollection.add");
      return { chart, series };
    });
  }
}

export class ChartSeries extends SimObject<SeriesTarget> {
  constructor(
    context: RequestContext,
    private readonly _find: () => SeriesTarget | null
  ) {
    super(context);
  }
  get _typeName(): string {
    return "ChartSeries";
  }
  override _resolve(): SeriesTarget | null {
    return this._find();
  }
  override _scalarNames(): readonly string[] {
    return ["name", "chartType", "hasDataLabels"];
  }
  override _readScalar(name: string, { chart, series }: SeriesTarget): unknown {
    if (name === "name") return seriesName(this.context._model, series);
    if (name === "chartType") return series.chartType ?? chart.type;
    if (name === "hasDataLabels") return seriesHasDataLabels(chart, series);
    return super._readScalar(name, { chart, series });
  }

  /**
   * Whether the series shows data labels. Unset, it follows the chart's `dataLabels`; set, it wins over them
   * (Excel applies the chart's data labels to every series when they are set, so set a series' after).
   */
  set hasDataLabels(value: boolean) {
    this._setProperty("hasDataLabels", value, ({ series }, sent) => {
      if (typeof sent !== "boolean")
        throw officeError(ErrorCodes.invalidArgument, "ChartSeries.hasDataLabels");
      series.options.hasDataLabels = sent;
    });
  }

  set name(name: string) {
    this._setProperty("name", name, ({ series }, sent) => {
      series.name = String(sent ?? "");
      delete series.nameRef;
    });
  }

  set chartType(type: string) {
    this._setProperty(
      "chartType",
      type,
      ({ series }, sent) => void (series.chartType = checkType(sent, "ChartSeries.chartType"))
    );
  }

  private _setSource(
    member: string,
    source: Range,
    assign: (series: SeriesRecord, ref: CellRef) => void
  ): void {
    this._apply(member, undefined, ({ series }) => {
      const loc = located(source, `ChartSeries.${member}`);
      if (loc.rect.rows !== 1 && loc.rect.cols !== 1) {
        throw officeError(
          ErrorCodes.invalidArgument,
          `ChartSeries.${member}`,
          "The source must be a single row or column."
        );
      }
      assign(series, { sheetId: loc.sheet.id, rect: loc.rect });
    });
  }

  /** The series' fill (areas, columns, bubbles): kept in its options as `fill` (a colour, or "none"). */
  get format(): ChartSeriesFormat {
    return new ChartSeriesFormat(this.context, () => this._find());
  }

  setValues(sourceData: Range): void {
    this._setSource("setValues", sourceData, (series, ref) => (series.values = ref));
  }

  setXAxisValues(sourceData: Range): void {
    this._setSource("setXAxisValues", sourceData, (series, ref) => (series.xValues = ref));
  }

  setBubbleSizes(sourceData: Range): void {
    this._setSource("setBubbleSizes", sourceData, (series, ref) => (series.bubbleSizes = ref));
  }

  delete(): void {
    this._apply("delete", undefined, ({ chart, series }) => {
      chart.series.splice(chart.series.indexOf(series), 1);
    });
  }
}

/** `ChartSeries.format`: only its fill, which the workbench draws (a band needs a see-through base). */
export class ChartSeriesFormat extends SimObject<SeriesTarget> {
  constructor(
    context: RequestContext,
    private readonly _find: () => SeriesTarget | null
  ) {
    super(context);
  }
  get _typeName(): string {
    return "ChartSeriesFormat";
  }
  override _resolve(): SeriesTarget | null {
    return this._find();
  }
  override _scalarNames(): readonly string[] {
    return [];
  }
  get fill(): ChartFill {
    return new ChartFill(this.context, () => this._find());
  }
}

export class ChartFill extends SimObject<SeriesTarget> {
  constructor(
    context: RequestContext,
    private readonly _find: () => SeriesTarget | null
  ) {
    super(context);
  }
  get _typeName(): string {
    return "ChartFill";
  }
  override _resolve(): SeriesTarget | null {
    return this._find();
  }
  override _scalarNames(): readonly string[] {
    return [];
  }
  clear(): void {
    this._apply("clear", undefined, ({ series }) => void (series.options.fill = "none"));
  }
  setSolidColor(color: string): void {
    this._apply("setSolidColor", color, ({ series }) => void (series.options.fill = String(color)));
  }
}
