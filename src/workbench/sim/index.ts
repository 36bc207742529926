/**
 * A simulated Excel host: a workbook model (sheets, cells, formats, tables, charts, settings) that
 * answers the RichApi requests of Microsoft's own Excel JavaScript client (@microsoft/office-js),
 * with the errors and limits of Excel on the web. The real task pane bundle runs against it in the
 * workbench page, and `src/excel/` code runs against it in jest, every Office.js call judged by
 * Microsoft's client:
 *
 *   // Microsoft's client loaded in this scope first (a script tag, or eval in Node)
 *   const host = createExcelHost(createHyperFormulaBackend(hf));
 *   const uninstall = host.install();
 *   await Excel.run(async (context) => { ... });
 */
import { parseAddress, rectAddress } from "./address";
import type { WorkbookBackend } from "./backend";
import { turnOffCalculatedColumns } from "./calculated-columns";
import { type ClientScope, type ConnectableHost, excelFor, installClient } from "./client";
import { EXCEL_ON_THE_WEB_LIMITS, WorkbookModel, type Limits, type SimStats } from "./model";
import { DEFAULT_REQUIREMENT_SETS, PlatformType, type Platform } from "./office";
import { RichApiHost } from "./richapi";
import type { SettingsStore } from "./settings";
import { describeTables, type TableInfo } from "./tables";
import { describeCharts, type ChartInfo } from "./charts";
import { writeCells } from "./cells";
import { INPUT_LOCALES, type InputLocale, inputLocaleOf } from "./typed-input";

export {
  createHyperFormulaBackend,
  type CellInput,
  type CellValue,
  type WorkbookBackend,
} from "./backend";
export { createMemoryBackend } from "./memory-backend";
export { EXCEL_ON_THE_WEB_LIMITS, type Limits, type SimStats } from "./model";
export { hasClient, type ClientScope } from "./client";
export type { ChartInfo, SeriesInfo } from "./charts";
export type { TableInfo } from "./tables";
export { typeInput, type InputLocale, type TypedInput } from "./typed-input";

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
  /** What `Office.context.displayLanguage` answers (default "en-US"). */
  displayLanguage?: string;
  /**
   * What `Office.context.contentLanguage` answers, the document's language (by default the display
   * language): a French Office may open a workbook written in English, and the reverse.
   */
  contentLanguage?: string;
  /**
   * The workbook's regional format, as Excel's "Region" setting: how `Range.formulasLocal` and
   * typing in a cell read "1 000,50", "20 %", "26/11/2026" ("en-US" or "fr-FR"). By default the
   * display language's (fr-* is fr-FR, anything else en-US), as a new Excel has it. `values`,
   * `formulas` and the table members read strings the en-US way whatever it is, as Excel does.
   */
  locale?: InputLocale;
  /**
   * Excel's AutoCorrect option "Fill formulas in tables to create calculated columns": on by
   * default, as in Excel (calculated-columns.ts).
   */
  calculatedColumns?: boolean;
}

export interface HostSelection {
  /** The active sheet and the selected block on it. */
  get(): { sheet: string; address: string };
  /** Selects a block: `set("Sheet1", "A1:B3")` or `set("'My Sheet'!A1")`. */
  set(sheetOrAddress: string, address?: string): void;
  /** Called when the selection or the active sheet changes (including from the task pane). */
  onChange(listener: () => void): () => void;
}

let hostCount = 0;

export function createExcelHost(backend: WorkbookBackend, options: ExcelHostOptions = {}) {
  const platform = options.platform ?? PlatformType.OfficeOnline;
  const limits: Limits = {
    ...EXCEL_ON_THE_WEB_LIMITS,
    ...(platform === PlatformType.OfficeOnline ? {} : { payloadBytes: Number.POSITIVE_INFINITY }),
    ...options.limits,
  };
  if (options.locale !== undefined && !INPUT_LOCALES.includes(options.locale))
    throw new Error(`Unsupported locale "${String(options.locale)}": en-US or fr-FR.`);
  const locale = options.locale ?? inputLocaleOf(options.displayLanguage);
  const model = new WorkbookModel(backend, {
    limits,
    workbookName: options.workbookName ?? "Book1.xlsx",
    latencyMs: options.latencyMs ?? 0,
    locale,
  });

  if (options.calculatedColumns === false) turnOffCalculatedColumns(model);

  const requirementSets = options.requirementSets ?? DEFAULT_REQUIREMENT_SETS;
  const richApi = new RichApiHost(model, requirementSets);
  const url = `https://excel-${++hostCount}.workbench.invalid`;
  let profile: ConnectableHost["profile"] = {
    requirementSets,
    displayLanguage: options.displayLanguage ?? "en-US",
    contentLanguage: options.contentLanguage ?? options.displayLanguage ?? "en-US",
    platform,
  };
  const connectable: ConnectableHost = {
    url,
    latencyMs: options.latencyMs ?? 0,
    processQuery: (body: unknown) => richApi.processQuery(body),
    // Read on each question Office answers: reopen() may open the document in another Office.
    get profile() {
      return profile;
    },
  };

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
    ...connectable,
    /**
     * Microsoft's client's `Excel` namespace, loaded in `scope`, with `run` talking to this host
     * (for the workbench's own calls and the simulator's tests).
     */
    excel: (scope: ClientScope = globalThis): typeof globalThis.Excel =>
      excelFor(scope, connectable),
    get Excel(): typeof globalThis.Excel {
      return excelFor(globalThis, connectable);
    },
    backend,
    /** Round trips and payload sizes since creation (or the last reset). */
    stats: (): SimStats => ({ ...model.stats }),
    resetStats: (): void => model.resetStats(),
    /** The document's add-in settings (`workbook.settings` reads and writes them). */
    settings: model.settings as SettingsStore,
    selection,
    /** The tables, with their current headers. */
    tables: (): TableInfo[] => describeTables(model),
    /** The charts, with their series data read from the cells now. */
    charts: (): ChartInfo[] => describeCharts(model),
    /** The sheet names in tab order. */
    sheets: (): string[] => model.sheets().map((sheet) => sheet.name),
    /** The workbook's regional format (see `ExcelHostOptions.locale`). */
    locale,
    /**
     * Typing into a block of cells, as a user does in Excel: strings read in the workbook's locale
     * (dates, numbers, percentages, booleans, "=" formulas; a leading "'" keeps text), null leaves a
     * cell as it is. The workbench's grid types through it.
     */
    type(
      sheetName: string,
      row: number,
      col: number,
      rows: (string | number | boolean | null)[][]
    ) {
      const sheet = model.sheetByName(sheetName);
      if (!sheet) throw new Error(`No sheet named '${sheetName}'.`);
      const cols = Math.max(0, ...rows.map((line) => line.length));
      if (rows.length === 0 || cols === 0) return;
      writeCells(backend, sheet, { row, col, rows: rows.length, cols }, rows, "type", locale);
    },
    /**
     * Makes this the host that Microsoft's client in `scope` (the global object by default) talks
     * to, with Office answering from its profile; returns a function that undoes it.
     */
    install(scope: ClientScope = globalThis): () => void {
      return installClient(scope, connectable);
    },
    /**
     * Closes the document and opens it again: a new session, as in another Excel or after another
     * program saved the file. Names, cells, formats, tables, charts, settings and the selection stay;
     * sheets, tables and charts get new ids (sheets by position, as Excel on the web numbers them),
     * so an id kept from before may name nothing or another object; kept references are dropped.
     * `office` opens it in another Office: another display or content language (a French Office
     * opening a workbook written in English).
     */
    reopen(office?: { displayLanguage?: string; contentLanguage?: string }): void {
      model.reopen();
      richApi.references.clear();
      if (office) profile = { ...profile, ...office };
    },
    /** Objects the client keeps between requests (ranges it tracks), for tests of the host. */
    references: () => richApi.references.size,
  };
  return host;
}

export type ExcelHost = ReturnType<typeof createExcelHost>;
