/**
 * A simulated Excel host: the part of the Excel JavaScript API (Office.js) that Carnet's task pane
 * uses, behaving as Office.js does (proxies, load/sync, errors, the limits of Excel on the web),
 * over a cell backend. Install it as globals and the real task pane bundle runs in the local
 * workbench page, or `src/excel/` code runs in jest, with no hand-written mock:
 *
 *   const host = createExcelHost(createHyperFormulaBackend(hf));
 *   const uninstall = host.install();
 *   await Excel.run(async (context) => { ... });
 */
import { parseAddress, rectAddress } from "./address";
import type { WorkbookBackend } from "./backend";
import { RequestContext, TrackedObjects, createRun } from "./context";
import { excelEnums } from "./enums";
import { ErrorCodes, OfficeExtensionError } from "./errors";
import { EventHandlerResult, EventHandlers } from "./events";
import { EXCEL_ON_THE_WEB_LIMITS, WorkbookModel, type Limits, type SimStats } from "./model";
import { ClientResult, SimObject } from "./object";
import { DEFAULT_REQUIREMENT_SETS, PlatformType, createOffice, type Platform } from "./office";
import { Range, RangeFill, RangeFont, RangeFormat } from "./range";
import { Setting, SettingCollection, type SettingsStore } from "./settings";
import { describeTables, Table, TableCollection, type TableInfo } from "./tables";
import { TableColumn, TableColumnCollection, TableRow, TableRowCollection } from "./table-items";
import { Application, Workbook } from "./workbook";
import { Worksheet, WorksheetCollection, WorksheetFreezePanes } from "./worksheet";
import { Chart, ChartCollection, describeCharts, type ChartInfo } from "./charts";
import {
  ChartAxes,
  ChartAxis,
  ChartAxisTitle,
  ChartDataLabels,
  ChartLegend,
  ChartSeries,
  ChartSeriesCollection,
  ChartTitle,
} from "./chart-parts";

export {
  createHyperFormulaBackend,
  type CellInput,
  type CellValue,
  type WorkbookBackend,
} from "./backend";
export { createMemoryBackend } from "./memory-backend";
export { EXCEL_ON_THE_WEB_LIMITS, type Limits, type SimStats } from "./model";
export { OfficeExtensionError } from "./errors";
export type { ChartInfo, SeriesInfo } from "./charts";
export type { TableInfo } from "./tables";

export interface ExcelHostOptions {
  /** Override the enforced limits (defaults: Excel on the web). */
  limits?: Partial<Limits>;
  /** "OfficeOnline" by default; other platforms have no 5 MB payload limit (unless `limits` sets one). */
  platform?: Platform;
  /** Requirement sets reported by `Office.context.requirements.isSetSupported` (default: ExcelApi 1.17...). */
  requirementSets?: Record<string, string>;
  /** Delay added to every round trip, so the workbench shows the task pane's progress states. */
  latencyMs?: number;
  workbookName?: string;
  displayLanguage?: string;
  /** Where errors thrown by event handlers go (default: console.error). */
  onHandlerError?: (error: unknown) => void;
}

export interface HostSelection {
  /** The active sheet and the selected block on it. */
  get(): { sheet: string; address: string };
  /** Selects a block: `set("Sheet1", "A1:B3")` or `set("'My Sheet'!A1")`. */
  set(sheetOrAddress: string, address?: string): void;
  /** Called when the selection or the active sheet changes (including from the task pane). */
  onChange(listener: () => void): () => void;
}

export function createExcelHost(backend: WorkbookBackend, options: ExcelHostOptions = {}) {
  const platform = options.platform ?? PlatformType.OfficeOnline;
  const limits: Limits = {
    ...EXCEL_ON_THE_WEB_LIMITS,
    ...(platform === PlatformType.OfficeOnline ? {} : { payloadBytes: Number.POSITIVE_INFINITY }),
    ...options.limits,
  };
  const model = new WorkbookModel(backend, {
    limits,
    workbookName: options.workbookName ?? "Book1.xlsx",
    latencyMs: options.latencyMs ?? 0,
    onHandlerError:
      options.onHandlerError ?? ((error) => console.error("Excel event handler failed:", error)),
  });

  /** `Excel.RequestContext` bound to this host's workbook (`new Excel.RequestContext()` works too). */
  class HostRequestContext extends RequestContext {
    constructor() {
      super(model);
    }
  }

  const Excel = {
    run: createRun(() => new HostRequestContext()),
    RequestContext: HostRequestContext,
    ...excelEnums,
    Workbook,
    Application,
    Worksheet,
    WorksheetCollection,
    WorksheetFreezePanes,
    Range,
    RangeFormat,
    RangeFont,
    RangeFill,
    Table,
    TableCollection,
    TableColumn,
    TableColumnCollection,
    TableRow,
    TableRowCollection,
    Chart,
    ChartCollection,
    ChartTitle,
    ChartLegend,
    ChartDataLabels,
    ChartAxes,
    ChartAxis,
    ChartAxisTitle,
    ChartSeries,
    ChartSeriesCollection,
    Setting,
    SettingCollection,
  };

  const OfficeExtension = {
    Error: OfficeExtensionError,
    ErrorCodes,
    ClientObject: SimObject,
    ClientRequestContext: RequestContext,
    ClientResult,
    EventHandlers,
    EventHandlerResult,
    TrackedObjects,
    config: { extendedErrorLogging: false },
    Promise,
  };

  const Office = createOffice(model.settings, {
    platform,
    requirementSets: options.requirementSets ?? DEFAULT_REQUIREMENT_SETS,
    displayLanguage: options.displayLanguage ?? "en-US",
  });

  const selection: HostSelection = {
    get() {
      const { sheet, rect } = model.selection();
      return {
        sheet: sheet.name,
        address: rectAddress(rect),
      };
    },
    set(sheetOrAddress, address) {
      const parsed = parseAddress(address ?? sheetOrAddress);
      const sheetName = address === undefined ? parsed?.sheet : sheetOrAddress;
      const sheet = sheetName === undefined ? model.activeSheet() : model.sheetByName(sheetName);
      if (!parsed || !sheet)
        throw new Error(`Cannot select '${sheetOrAddress}${address ? `!${address}` : ""}'.`);
      model.select(sheet, {
        row: parsed.row,
        col: parsed.col,
        rows: parsed.rows,
        cols: parsed.cols,
      });
    },
    onChange: (listener) => model.onSelectionChange(listener),
  };

  const host = {
    Excel,
    Office,
    OfficeExtension,
    backend,
    /** Round trips and payload sizes since creation (or the last reset). */
    stats: (): SimStats => ({ ...model.stats }),
    resetStats: (): void => model.resetStats(),
    /** The document's add-in settings (both settings APIs read and write it). */
    settings: model.settings as SettingsStore,
    selection,
    /** The tables, with their current headers. */
    tables: (): TableInfo[] => describeTables(model),
    /** The charts, with their series data read from the cells now. */
    charts: (): ChartInfo[] => describeCharts(model),
    /** The sheet names in tab order. */
    sheets: (): string[] => model.sheets().map((sheet) => sheet.name),
    /**
     * Sets `Excel`, `Office` and `OfficeExtension` on `target` (the global object by default);
     * returns a function that puts back what was there.
     */
    install(target: object = globalThis): () => void {
      const slots = target as Record<string, unknown>;
      const previous = {
        Excel: slots.Excel,
        Office: slots.Office,
        OfficeExtension: slots.OfficeExtension,
      };
      slots.Excel = Excel;
      slots.Office = Office;
      slots.OfficeExtension = OfficeExtension;
      return () => {
        for (const [key, value] of Object.entries(previous)) {
          if (value === undefined) delete slots[key];
          else slots[key] = value;
        }
      };
    },
  };
  return host;
}

export type ExcelHost = ReturnType<typeof createExcelHost>;
