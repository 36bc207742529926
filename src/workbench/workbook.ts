/**
 * The open workbook of the workbench: a HyperFormula engine (with the shipped CARNET functions), the
 * backend over it and the simulated Excel host the task pane talks to. Opening a workbook builds all
 * three anew, as Excel opens a document; the task pane is then reloaded against the new host.
 * The grid reads everything through this class and re-renders when it says something changed.
 */
import { HyperFormula } from "hyperformula";
import type { Language } from "../domain/language";
import { carnetFunctionsRequested, loadCarnetFunctions } from "./functions-loader";
import { MAX_COLUMNS, parseAddress, rectAddress, type Rect } from "./sim/address";
import { createHyperFormulaBackend, type CellValue, type WorkbookBackend } from "./sim/backend";
import { createMemoryBackend } from "./sim/memory-backend";
import {
  addTables,
  createWorkbenchHost,
  type ChartInfo,
  type ExcelHost,
  type TableInfo,
} from "./host";
import type { InputLocale } from "./sim";
import type { CellInput, WorkbookData } from "./workbook-data";

/**
 * What Office reports in each language: a French Office installation has both its display language
 * (the pane's words) and its editing language (`contentLanguage`, the document's: what the workbook's
 * headers and day-first dates follow) in French.
 */
export const OFFICE_LANGUAGES: Readonly<
  Record<Language, { displayLanguage: string; contentLanguage: string }>
> = {
  en: { displayLanguage: "en-US", contentLanguage: "en-US" },
  fr: { displayLanguage: "fr-FR", contentLanguage: "fr-FR" },
};

/** The regional format a user of each language has unless told otherwise (typing "1 000,50"). */
export const LOCALE_OF_LANGUAGE: Readonly<Record<Language, InputLocale>> = {
  en: "en-US",
  fr: "fr-FR",
};

/** Above this many cells a workbook opens values only (`Workbench.valuesOnly`). */
const VALUES_ONLY_CELLS = 3_000_000;

/** Re-renders on the engine's events; returns the unsubscribe. */
function watchEngine(hf: HyperFormula, changed: () => void): () => void {
  const events = ["valuesUpdated", "sheetAdded", "sheetRemoved", "sheetRenamed"] as const;
  events.forEach((event) => hf.on(event, changed));
  return () => events.forEach((event) => hf.off(event, changed));
}

export const ENGINE_CONFIG = {
  licenseKey: "gpl-v3",
  maxRows: 1048576,
  maxColumns: MAX_COLUMNS,
} as const;

export interface Cell {
  row: number;
  col: number;
}

export interface Selection {
  sheet: string;
  /** The active cell (where typing goes). */
  anchor: Cell;
  /** The other corner of the selected block. */
  focus: Cell;
}

export function selectionRect(selection: Pick<Selection, "anchor" | "focus">): Rect {
  const { anchor, focus } = selection;
  const row = Math.min(anchor.row, focus.row);
  const col = Math.min(anchor.col, focus.col);
  return {
    row,
    col,
    rows: Math.abs(anchor.row - focus.row) + 1,
    cols: Math.abs(anchor.col - focus.col) + 1,
  };
}

/** A block of cells as the grid draws them. */
export interface Block {
  values: CellValue[][];
  formats: string[][];
}

const DEFAULT_WIDTH = 88;
const MIN_WIDTH = 56;
const MAX_WIDTH = 280;

/** A width that fits the first rows' text, as Excel's AutoFit roughly does. */
function fittedWidths(rows: CellInput[][]): number[] {
  const widths: number[] = [];
  const sample = rows.slice(0, 200);
  for (const line of sample)
    line.forEach((value, col) => {
      if (value === null || value === "" || (typeof value === "string" && value.startsWith("=")))
        return;
      const chars =
        typeof value === "number" ? Math.min(String(value).length, 12) : String(value).length;
      widths[col] = Math.max(
        widths[col] ?? 0,
        Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, chars * 7 + 18))
      );
    });
  return Array.from(widths, (w) => w ?? DEFAULT_WIDTH);
}

function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

/** The block named by an address on a sheet ("A1", "B2:C9"); throws with the address when it cannot. */
export function rectOf(address: string): Rect {
  const rect = parseAddress(address);
  if (!rect) throw new Error(`"${address}" is not an A1 address (A1, B2:C9, A:A)`);
  return rect;
}

export class Workbench {
  /** The formula engine; null for a workbook opened values only (see `valuesOnly`). */
  hf: HyperFormula | null = null;
  /**
   * A workbook of millions of cells (a full sheet of deals) opens values only: formulas are kept as
   * written, not computed, since a spreadsheet engine in a browser tab cannot hold it. The status bar
   * says so.
   */
  valuesOnly = false;
  backend!: WorkbookBackend;
  host!: ExcelHost;
  /** Bumped each time a workbook is opened: the task pane reloads when it changes. */
  generation = 0;
  /** What the title bar shows. */
  title = "";
  selection: Selection = { sheet: "", anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 } };
  private readonly listeners = new Set<() => void>();
  private widths = new Map<string, number[]>();
  private bold = new Map<string, Set<number>>();
  private unsubscribe: Array<() => void> = [];
  private pending = false;
  private tablesSignature = "";
  private selecting = false;
  /** Delay of each simulated round trip (the page's ?latency=ms), to watch the pane's progress states. */
  latencyMs = 0;
  /**
   * The workbook's regional format: how typing reads "1 000,50". The language's (`LOCALE_OF_LANGUAGE`)
   * unless `localeChosen` (the page's ?locale=en-US or fr-FR).
   */
  locale: InputLocale = "en-US";
  /** The regional format was chosen on its own (?locale=): a language switch keeps it. */
  localeChosen = false;
  /** Office's display language, as the top bar's Language sets it (the page's ?lang=fr). */
  language: Language = "en";

  constructor() {
    // Tables and charts the add-in creates live in the simulated host, not in the engine: a light
    // poll notices them (engine edits are notified at once).
    window.setInterval(() => this.checkHostObjects(), 300);
  }

  /** Opens a workbook in place of the current one. */
  async open(data: WorkbookData, title: string): Promise<void> {
    if (data.sheets.length === 0) throw new Error("a workbook needs at least one sheet");
    const sheets: Record<string, CellInput[][]> = {};
    for (const sheet of data.sheets) {
      if (sheets[sheet.name]) throw new Error(`two sheets are named "${sheet.name}"`);
      sheets[sheet.name] = sheet.rows.map((line) =>
        line.map((value) => (value === "" || value === undefined ? null : value))
      );
    }
    this.unsubscribe.forEach((stop) => stop());
    const cells = data.sheets.reduce(
      (n, sheet) => n + sheet.rows.length * (sheet.rows[0]?.length ?? 0),
      0
    );
    const valuesOnly = data.engine === "values" || cells > VALUES_ONLY_CELLS;
    const hf = valuesOnly ? null : HyperFormula.buildFromSheets(sheets as never, ENGINE_CONFIG);
    const backend = hf ? createHyperFormulaBackend(hf) : createMemoryBackend(sheets);
    this.widths = new Map();
    this.bold = new Map();
    for (const sheet of data.sheets) {
      const fitted = fittedWidths(sheet.rows);
      this.widths.set(
        sheet.name,
        Array.from({ length: Math.max(fitted.length, sheet.columnWidths?.length ?? 0) }, (_, i) =>
          Math.round(sheet.columnWidths?.[i] ?? fitted[i] ?? DEFAULT_WIDTH)
        )
      );
      for (const { address, format } of sheet.formats ?? []) {
        const rect = rectOf(address);
        backend.setNumberFormats(
          sheet.name,
          rect.row,
          rect.col,
          Array.from({ length: rect.rows }, () => new Array<string>(rect.cols).fill(format))
        );
      }
      const bold = new Set<number>();
      for (const address of sheet.bold ?? []) {
        const rect = rectOf(address);
        for (let r = rect.row; r < rect.row + rect.rows; r++)
          for (let c = rect.col; c < rect.col + rect.cols; c++) bold.add(cellKey(r, c));
      }
      this.bold.set(sheet.name, bold);
    }
    this.hf = hf;
    this.valuesOnly = valuesOnly;
    this.backend = backend;
    this.host = createWorkbenchHost(backend, title, {
      latencyMs: this.latencyMs,
      locale: this.locale,
      ...OFFICE_LANGUAGES[this.language],
    });
    const tables = data.sheets.flatMap((sheet) =>
      (sheet.tables ?? []).map((table) => ({ sheet: sheet.name, ...table }))
    );
    if (tables.length > 0) await addTables(this.host, tables);
    for (const [key, value] of Object.entries(data.settings ?? {}))
      this.host.settings.set(key, value);
    // Setting up the document is not the add-in's traffic.
    this.host.resetStats();
    const changed = () => this.changed();
    const stopEngine = hf ? watchEngine(hf, changed) : (backend.onChange?.(changed) ?? (() => {}));
    const host = this.host;
    const stopSelection = host.selection.onChange(() => {
      if (this.selecting) return;
      // The add-in selected a range (Range.select()) or activated a sheet: the grid follows.
      const { sheet, address } = host.selection.get();
      const rect = parseAddress(address);
      if (!rect) return;
      const anchor = { row: rect.row, col: rect.col };
      const focus = { row: rect.row + rect.rows - 1, col: rect.col + rect.cols - 1 };
      this.selection = { sheet, anchor, focus };
      this.changed();
    });
    this.unsubscribe = [stopEngine, stopSelection];
    this.title = title;
    this.generation += 1;
    this.tablesSignature = "";
    const first = this.sheetNames()[0];
    this.selection = { sheet: first, anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 } };
    this.syncSelection();
    this.changed();
  }

  /**
   * Office in another language, the open workbook kept: the French function names registered in the
   * engine (formulas already in cells are computed again, so a French one typed before works), the
   * document reopened by an Office of that display and editing language (and its regional format,
   * unless ?locale= chose one), and the task pane reloaded, as Excel restarts it.
   */
  async setLanguage(language: Language): Promise<void> {
    if (language !== "en" && language !== "fr")
      throw new Error(`Unknown language "${String(language)}": en or fr.`);
    const fresh = !carnetFunctionsRequested(language);
    await loadCarnetFunctions("", language);
    if (fresh) this.hf?.rebuildAndRecalculate();
    if (language === this.language) return;
    this.language = language;
    if (!this.localeChosen) this.locale = LOCALE_OF_LANGUAGE[language];
    this.host.reopen(OFFICE_LANGUAGES[language]);
    this.host.setLocale(this.locale);
    this.generation += 1;
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Coalesces bursts of engine events into one re-render. */
  changed(): void {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.listeners.forEach((listener) => listener());
    });
  }

  private checkHostObjects(): void {
    if (!this.host) return;
    let signature: string;
    try {
      signature = JSON.stringify([
        this.host.tables(),
        this.host.charts(),
        this.host.sheets(),
        this.host.stats().syncs,
      ]);
    } catch {
      // A chart whose cells are mid-change: the next poll reads it.
      return;
    }
    if (signature !== this.tablesSignature) {
      this.tablesSignature = signature;
      this.changed();
    }
  }

  sheetNames(): string[] {
    return this.host ? this.host.sheets() : [];
  }

  hasSheet(sheet: string): boolean {
    return this.backend.sheetNames().includes(sheet);
  }

  private sheetId(sheet: string): number {
    const id = this.hf ? this.hf.getSheetId(sheet) : this.backend.sheetNames().indexOf(sheet);
    if (id === undefined || id < 0) throw new Error(`no sheet named "${sheet}"`);
    return id;
  }

  /** Rows and columns that hold something (spilled arrays included). */
  dimensions(sheet: string): { rows: number; cols: number } {
    if (!this.hf) {
      this.sheetId(sheet);
      const used = this.backend.usedRange(sheet);
      return used
        ? { rows: used.row + used.rows, cols: used.col + used.cols }
        : { rows: 0, cols: 0 };
    }
    const size = this.hf.getSheetDimensions(this.sheetId(sheet));
    return { rows: size.height, cols: size.width };
  }

  /** Whether a cell holds an error value (the engine's kind; values only: none is computed). */
  isError(sheet: string, row: number, col: number): boolean {
    if (!this.hf) return false;
    const id = this.sheetId(sheet);
    return String(this.hf.getCellValueType({ sheet: id, row, col })) === "ERROR";
  }

  block(sheet: string, rect: Rect): Block {
    this.sheetId(sheet);
    return {
      values: this.backend.getValues(sheet, rect.row, rect.col, rect.rows, rect.cols),
      formats: this.backend.getNumberFormats(sheet, rect.row, rect.col, rect.rows, rect.cols),
    };
  }

  columnWidth(sheet: string, col: number): number {
    return this.widths.get(sheet)?.[col] ?? DEFAULT_WIDTH;
  }

  setColumnWidth(sheet: string, col: number, width: number): void {
    const widths = this.widths.get(sheet) ?? [];
    for (let i = widths.length; i < col; i++) widths[i] = DEFAULT_WIDTH;
    widths[col] = Math.max(24, Math.round(width));
    this.widths.set(sheet, widths);
    this.changed();
  }

  isBold(sheet: string, row: number, col: number): boolean {
    return this.bold.get(sheet)?.has(cellKey(row, col)) ?? false;
  }

  boldCells(sheet: string): Cell[] {
    return [...(this.bold.get(sheet) ?? [])].map((key) => ({
      row: Math.floor(key / MAX_COLUMNS),
      col: key % MAX_COLUMNS,
    }));
  }

  /**
   * The anchor and size of the spilled array a cell belongs to, if any. The engine tells each cell's
   * kind (the formula, or a spilled cell); the block is found by walking from the cell to a formula
   * up and to the left whose spill covers it (arrays side by side are told apart that way).
   */
  spillOf(sheet: string, row: number, col: number): Rect | undefined {
    const hf = this.hf;
    if (!hf) return undefined; // values only: no formula spills
    const id = this.sheetId(sheet);
    const type = (r: number, c: number) =>
      r < 0 || c < 0 ? "EMPTY" : String(hf.getCellType({ sheet: id, row: r, col: c }));
    const inArray = (r: number, c: number) => {
      const kind = type(r, c);
      return kind === "ARRAY" || kind === "ARRAYFORMULA";
    };
    if (!inArray(row, col)) return undefined;
    const extent = (r: number, c: number): Rect => {
      let cols = 1;
      while (type(r, c + cols) === "ARRAY") cols += 1;
      let rows = 1;
      while (type(r + rows, c) === "ARRAY") rows += 1;
      return { row: r, col: c, rows, cols };
    };
    for (let c = col; c >= 0 && col - c < 1000 && inArray(row, c); c--) {
      let r = row;
      while (r > 0 && row - r < 100000 && type(r, c) === "ARRAY") r -= 1;
      if (type(r, c) !== "ARRAYFORMULA") continue;
      const block = extent(r, c);
      if (row < block.row + block.rows && col < block.col + block.cols) return block;
    }
    return undefined;
  }

  /** What the formula bar shows: the formula (a spilled cell shows its anchor's), else the value as typed. */
  formulaAt(sheet: string, row: number, col: number): { text: string; spilled: boolean } {
    const spill = this.spillOf(sheet, row, col);
    if (spill && (spill.row !== row || spill.col !== col)) {
      const anchor = this.backend.getFormulas(sheet, spill.row, spill.col, 1, 1)[0][0];
      return { text: String(anchor), spilled: true };
    }
    const value = this.backend.getFormulas(sheet, row, col, 1, 1)[0][0];
    if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", spilled: false };
    return { text: String(value), spilled: false };
  }

  errorMessage(sheet: string, row: number, col: number): string | undefined {
    return this.backend.errorMessage?.(sheet, row, col);
  }

  /**
   * Typing in a cell, as in Excel (the host's typed-input.ts, in the workbook's locale): "=..." is a
   * formula, "'..." is text, dates, numbers, percentages and booleans are recognised.
   */
  setInput(sheet: string, row: number, col: number, text: string): void {
    this.host.type(sheet, row, col, [[text]]); // "" clears the cell
  }

  clear(sheet: string, rect: Rect): void {
    this.backend.clear(sheet, rect.row, rect.col, rect.rows, rect.cols, "contents");
  }

  select(sheet: string, anchor: Cell, focus: Cell = anchor): void {
    this.selection = { sheet, anchor, focus };
    this.syncSelection();
    this.changed();
  }

  /** Tells the host what the grid selected (the pane's getSelectedRange() reads it). */
  private syncSelection(): void {
    this.selecting = true;
    try {
      this.host.selection.set(this.selection.sheet, rectAddress(selectionRect(this.selection)));
    } finally {
      this.selecting = false;
    }
  }

  /** The block of a table on its sheet. */
  rectOfTable(table: TableInfo): Rect {
    return rectOf(table.address);
  }

  tables(): TableInfo[] {
    return this.host.tables();
  }

  charts(): ChartInfo[] {
    return this.host.charts();
  }
}
