/**
 * What the simulated Excel knows beyond the cells: sheet identities and order, tables, charts,
 * settings, the selection, limits and statistics. The cells stay in the backend;
 * tables and charts are metadata over them, keyed by sheet id so that they follow renames.
 */
import type { Rect } from "./address";
import type { WorkbookBackend } from "./backend";
import { ErrorCodes, officeError } from "./errors";
import { SettingsStore } from "./settings";
import type { InputLocale } from "./typed-input";

/** The limits of Excel on the web that the simulator enforces. */
export interface Limits {
  /** Largest request and response body, in UTF-8 bytes. 5 MB in Excel on the web. */
  payloadBytes: number;
  /** Largest range whose values, formulas, formats or text can be read in one load. */
  readCells: number;
  /**
   * What an over-large read does: fail the sync with RangeExceedsLimit ("error"), or return null
   * for the property, as some Excel builds do ("null").
   */
  oversizedRead: "error" | "null";
}

export const EXCEL_ON_THE_WEB_LIMITS: Limits = {
  payloadBytes: 5 * 1024 * 1024,
  readCells: 5_000_000,
  oversizedRead: "error",
};

/** What the host saw of the requests: their number and the UTF-8 bytes of their bodies. */
export interface SimStats {
  /**
   * Round trips: the requests the add-in's syncs sent (a sync with nothing queued sends none; the
   * client's own release of kept references after a run is not counted).
   */
  syncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
}

/** Excel's default column width, 8.43 characters of Calibri 11: 48 points (64 pixels). */
export const DEFAULT_COLUMN_WIDTH = 48;

export interface SheetRecord {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor: string;
  showGridlines: boolean;
}

export interface TableRecord {
  id: string;
  name: string;
  sheetId: string;
  /** Header row included. */
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  options: Record<string, unknown>;
}

/** A block of cells a chart series reads. */
export interface CellRef {
  sheetId: string;
  rect: Rect;
}

export interface SeriesRecord {
  id: number;
  name: string;
  /** When set, the name is read from this cell (a header), so it follows edits. */
  nameRef?: CellRef;
  values?: CellRef;
  xValues?: CellRef;
  bubbleSizes?: CellRef;
  chartType?: string;
  options: Record<string, unknown>;
}

export interface ChartRecord {
  id: string;
  name: string;
  sheetId: string;
  type: string;
  title: Record<string, unknown>;
  legend: Record<string, unknown>;
  dataLabels: Record<string, unknown>;
  axes: {
    category: Record<string, unknown>;
    value: Record<string, unknown>;
    series: Record<string, unknown>;
  };
  axisTitles: {
    category: Record<string, unknown>;
    value: Record<string, unknown>;
    series: Record<string, unknown>;
  };
  series: SeriesRecord[];
  layout: Record<string, unknown>;
  nextSeriesId: number;
}

const FORBIDDEN_IN_SHEET_NAMES = /[:\\/?*[\]]/;

/**
 * The id of a sheet the document holds when it opens, from its position, as Excel on the web gives
 * them: {00000000-0001-0000-0000-000000000000} for the first sheet, ...-0003-... for the fourth
 * (office-js-docs#297, office-js#552, office-js#1390). Another session may give it to another sheet.
 */
function openedSheetId(position: number): string {
  return `{00000000-0001-0000-${position.toString(16).toUpperCase().padStart(4, "0")}-000000000000}`;
}

/** The id of the n-th sheet added during a session (n from 1): unlike any opened sheet's id. */
function addedSheetId(n: number): string {
  return `{00000000-0001-0000-0000-${n.toString(16).toUpperCase().padStart(12, "0")}}`;
}

function chartId(n: number): string {
  return `{C0000000-0000-0000-0000-${n.toString(16).toUpperCase().padStart(12, "0")}}`;
}

/** What a reference to a sheet that is gone holds: no sheet has this id. */
const NO_SHEET = "#REF!";

export interface ModelOptions {
  limits: Limits;
  workbookName: string;
  latencyMs: number;
  /** How `formulasLocal` and typing read strings; `values` and `formulas` read them as en-US. */
  locale: InputLocale;
}

export class WorkbookModel {
  readonly settings = new SettingsStore();
  readonly tables: TableRecord[] = [];
  readonly charts: ChartRecord[] = [];
  readonly stats: SimStats = WorkbookModel.emptyStats();
  /** Column widths in points by sheet id, where they differ from Excel's default (48 pt). */
  private readonly widths = new Map<string, Map<number, number>>();
  private records: SheetRecord[] = [];
  private nextSheetId = 1;
  private nextTableId = 1;
  private nextChartId = 1;
  private activeId: string | undefined;
  private readonly selections = new Map<string, Rect>();
  private readonly selectionListeners = new Set<() => void>();

  constructor(
    readonly backend: WorkbookBackend,
    readonly options: ModelOptions
  ) {
    // Excel always has a sheet; an empty backend (HyperFormula.buildEmpty) gets one.
    if (backend.sheetNames().length === 0) backend.addSheet("Sheet1");
    this.startSession();
  }

  /**
   * Closes the document and opens it again, as another session, another Excel (desktop, web) or
   * a file saved by another program would: names, cells, formats, tables, charts, settings, the
   * selection stay; every id is given afresh. Sheets are numbered by position, tables and charts
   * in tab order, and the ids of objects added later start again from the first: an id kept from
   * an earlier session may name nothing, or another object. Kept references are the host's to drop.
   */
  reopen(): void {
    this.startSession();
  }

  private startSession(): void {
    const sheets = this.sheets();
    const ids = new Map(sheets.map((sheet, position) => [sheet.id, openedSheetId(position)]));
    const remap = (id: string) => ids.get(id) ?? NO_SHEET;
    for (const sheet of sheets) sheet.id = remap(sheet.id);
    // Tables and charts in tab order, then in the order they were made.
    const byTab = <T extends { sheetId: string }>(items: T[]) =>
      sheets.flatMap((sheet) => items.filter((item) => item.sheetId === sheet.id));
    for (const table of this.tables) table.sheetId = remap(table.sheetId);
    byTab(this.tables).forEach((table, i) => (table.id = String(i + 1)));
    for (const chart of this.charts) {
      chart.sheetId = remap(chart.sheetId);
      for (const series of chart.series)
        for (const ref of [series.nameRef, series.values, series.xValues, series.bubbleSizes])
          if (ref) ref.sheetId = remap(ref.sheetId);
    }
    byTab(this.charts).forEach((chart, i) => (chart.id = chartId(i + 1)));
    this.nextSheetId = 1;
    this.nextTableId = this.tables.length + 1;
    this.nextChartId = this.charts.length + 1;
    const selections = [...this.selections].map(([id, rect]) => [remap(id), rect] as const);
    this.selections.clear();
    for (const [id, rect] of selections) this.selections.set(id, rect);
    this.activeId = this.activeId === undefined ? undefined : remap(this.activeId);
    // Column widths are part of the file: they follow their sheet.
    const widths = [...this.widths].map(([id, byCol]) => [remap(id), byCol] as const);
    this.widths.clear();
    for (const [id, byCol] of widths) this.widths.set(id, byCol);
  }

  static emptyStats(): SimStats {
    return {
      syncs: 0,
      largestRequestBytes: 0,
      largestResponseBytes: 0,
      totalRequestBytes: 0,
      totalResponseBytes: 0,
    };
  }

  columnWidth(sheet: SheetRecord, col: number): number {
    return this.widths.get(sheet.id)?.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  setColumnWidth(sheet: SheetRecord, col: number, points: number): void {
    let byCol = this.widths.get(sheet.id);
    if (!byCol) this.widths.set(sheet.id, (byCol = new Map()));
    byCol.set(col, points);
  }

  resetStats(): void {
    Object.assign(this.stats, WorkbookModel.emptyStats());
  }

  get limits(): Limits {
    return this.options.limits;
  }

  // ---- sheets ----

  /** Sheets in tab order, kept in step with the backend (sheets it added appear at the end). */
  sheets(): SheetRecord[] {
    const names = this.backend.sheetNames();
    const present = new Set(names);
    const gone = this.records.filter((r) => !present.has(r.name)).map((r) => r.id);
    if (gone.length > 0) {
      this.records = this.records.filter((r) => present.has(r.name));
      gone.forEach((id) => this.forgetSheet(id));
    }
    const known = new Set(this.records.map((r) => r.name));
    for (const name of names) {
      if (known.has(name)) continue;
      this.records.push({
        id: addedSheetId(this.nextSheetId++),
        name,
        visibility: "Visible",
        tabColor: "",
        showGridlines: true,
      });
    }
    return this.records;
  }

  sheetById(id: string): SheetRecord | undefined {
    return this.sheets().find((s) => s.id === id);
  }

  /** Sheet names are case-insensitive in Excel. */
  sheetByName(name: string): SheetRecord | undefined {
    const lower = name.toLowerCase();
    return this.sheets().find((s) => s.name.toLowerCase() === lower);
  }

  private checkSheetName(name: unknown, where: string, except?: SheetRecord): string {
    if (
      typeof name !== "string" ||
      name.length === 0 ||
      name.length > 31 ||
      FORBIDDEN_IN_SHEET_NAMES.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'") ||
      name.toLowerCase() === "history"
    ) {
      throw officeError(ErrorCodes.invalidArgument, where);
    }
    const clash = this.sheetByName(name);
    if (clash && clash !== except) throw officeError(ErrorCodes.itemAlreadyExists, where);
    return name;
  }

  addSheet(name: unknown, where: string): SheetRecord {
    let chosen: string;
    if (name === undefined || name === null) {
      const taken = this.sheets()
        .map((s) => /^Sheet(\d+)$/i.exec(s.name))
        .filter((m) => m !== null);
      const next = Math.max(this.sheets().length, ...taken.map((m) => Number(m[1]))) + 1;
      chosen = `Sheet${next}`;
    } else {
      chosen = this.checkSheetName(name, where);
    }
    this.backend.addSheet(chosen);
    return this.sheets().find((s) => s.name === chosen) as SheetRecord;
  }

  renameSheet(sheet: SheetRecord, name: unknown, where: string): void {
    const chosen = this.checkSheetName(name, where, sheet);
    if (chosen === sheet.name) return;
    this.backend.renameSheet(sheet.name, chosen);
    sheet.name = chosen;
  }

  deleteSheet(sheet: SheetRecord, where: string): void {
    const visible = this.sheets().filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet) {
      throw officeError(
        ErrorCodes.invalidOperation,
        where,
        "A workbook must contain at least one visible worksheet."
      );
    }
    this.backend.removeSheet(sheet.name);
    this.records = this.records.filter((r) => r !== sheet);
    this.forgetSheet(sheet.id);
  }

  moveSheet(sheet: SheetRecord, position: number, where: string): void {
    const sheets = this.sheets();
    if (!Number.isInteger(position) || position < 0 || position >= sheets.length) {
      throw officeError(ErrorCodes.invalidArgument, where);
    }
    this.records = sheets.filter((s) => s !== sheet);
    this.records.splice(position, 0, sheet);
  }

  private forgetSheet(id: string): void {
    for (let i = this.tables.length - 1; i >= 0; i -= 1)
      if (this.tables[i].sheetId === id) this.tables.splice(i, 1);
    for (let i = this.charts.length - 1; i >= 0; i -= 1)
      if (this.charts[i].sheetId === id) this.charts.splice(i, 1);
    this.selections.delete(id);
    if (this.activeId === id) this.activeId = undefined;
  }

  // ---- selection ----

  activeSheet(): SheetRecord {
    const active = this.activeId === undefined ? undefined : this.sheetById(this.activeId);
    if (active) return active;
    const first = this.sheets().find((s) => s.visibility === "Visible") ?? this.sheets()[0];
    this.activeId = first.id;
    return first;
  }

  activate(sheet: SheetRecord): void {
    this.activeId = sheet.id;
    this.selectionListeners.forEach((listener) => listener());
  }

  selection(): { sheet: SheetRecord; rect: Rect } {
    const sheet = this.activeSheet();
    return { sheet, rect: this.selections.get(sheet.id) ?? { row: 0, col: 0, rows: 1, cols: 1 } };
  }

  select(sheet: SheetRecord, rect: Rect): void {
    this.selections.set(sheet.id, rect);
    this.activate(sheet);
  }

  onSelectionChange(listener: () => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  // ---- tables and charts ----

  newTableId(): string {
    return String(this.nextTableId++);
  }

  newChartId(): string {
    return chartId(this.nextChartId++);
  }

  tableByName(name: string): TableRecord | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  /** "Table1", "Table2"...: the first free number, as Excel names new tables. */
  nextTableName(): string {
    for (let n = 1; ; n += 1) if (!this.tableByName(`Table${n}`)) return `Table${n}`;
  }

  nextChartName(): string {
    for (let n = 1; ; n += 1)
      if (!this.charts.some((c) => c.name === `Chart ${n}`)) return `Chart ${n}`;
  }
}
