/**
 * `window.workbench`: the stable automation surface that browser tests (and curious people in the
 * console) drive the workbench with. Every method returns plain data or a promise of plain data, never
 * a live object: what crosses into a test is a copy.
 */
import type { Language } from "../domain/language";
import { parseAddress, rectAddress, type Rect } from "./sim/address";
import type { CellValue, ChartInfo, SimStats, TableInfo } from "./sim";
import type { CellInput, WorkbookData } from "./workbook-data";
import type { Workbench } from "./workbook";

export interface WorkbenchAutomation {
  /** Resolves once the functions are registered, the sample workbook is open and the grid is drawn. */
  ready: Promise<void>;
  /** Replaces the workbook: `{ sheets: [{ name, rows }] }`, a string starting with "=" is a formula. */
  loadWorkbook(workbook: WorkbookData): Promise<void>;
  /** Writes a block from the top-left cell of `address`. */
  setCells(sheet: string, address: string, rows: CellInput[][]): Promise<void>;
  /** Computed values; an error reads as its code ("#VALUE!"), a blank cell as "". */
  getValues(sheet: string, address: string): CellValue[][];
  /** Formulas ("=SUM(A1:A3)"), or the value for cells without one. */
  getFormulas(sheet: string, address: string): CellValue[][];
  /** Number format codes ("General" where none is set). */
  getNumberFormats(sheet: string, address: string): string[][];
  /** Why the top-left cell of `address` holds an error, or undefined. */
  errorMessage(sheet: string, address: string): string | undefined;
  sheets(): string[];
  tables(): TableInfo[];
  charts(): ChartInfo[];
  /** Selects a block (and shows its sheet), as a click and shift-click would. */
  select(sheet: string, address: string): Promise<void>;
  selection(): { sheet: string; address: string };
  /** Round trips of the task pane to the simulated host and its largest request, since the workbook opened. */
  stats(): SimStats;
  /** Office's display language the workbench simulates now: "en" or "fr". */
  language(): Language;
  /**
   * Office in English or French, as the top bar's Language does: the open workbook is kept, the
   * French function names are registered, the task pane reloads in that language. Resolves once the
   * page has drawn the new pane's frame (its content loads after).
   */
  setLanguage(language: Language): Promise<void>;
}

declare global {
  interface Window {
    workbench?: WorkbenchAutomation;
  }
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Resolves after the page has drawn what changed. */
const painted = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export function createAutomation(
  wb: Workbench,
  ready: Promise<void>,
  switchLanguage: (language: Language) => Promise<void>
): WorkbenchAutomation {
  const sheetOf = (sheet: string): string => {
    const found = wb
      .sheetNames()
      .find((name) => name.toLowerCase() === String(sheet).toLowerCase());
    if (!found)
      throw new Error(`no sheet named "${sheet}" (sheets: ${wb.sheetNames().join(", ")})`);
    return found;
  };
  const rectOf = (address: string): Rect => {
    const rect = parseAddress(address);
    if (!rect) throw new Error(`"${address}" is not an A1 address such as A1 or B2:C9`);
    if (rect.rows * rect.cols > 5_000_000)
      throw new Error(`${address} has more than 5,000,000 cells: read it in parts`);
    return rect;
  };
  return {
    ready,
    async loadWorkbook(workbook) {
      if (!workbook || !Array.isArray(workbook.sheets))
        throw new Error("loadWorkbook takes { sheets: [{ name, rows }] }");
      await wb.open(workbook, "Workbook.xlsx");
      await painted();
    },
    async setCells(sheet, address, rows) {
      const name = sheetOf(sheet);
      const rect = rectOf(address);
      if (!Array.isArray(rows) || rows.some((line) => !Array.isArray(line)))
        throw new Error("setCells takes a 2-D array of values");
      const width = Math.max(0, ...rows.map((line) => line.length));
      if ((rect.rows > 1 || rect.cols > 1) && (rect.rows !== rows.length || rect.cols !== width))
        throw new Error(
          `${address} is ${rect.rows}×${rect.cols} cells but the rows are ${rows.length}×${width}`
        );
      wb.backend.setCells(name, rect.row, rect.col, rows);
      await painted();
    },
    getValues: (sheet, address) => {
      const rect = rectOf(address);
      return copy(wb.backend.getValues(sheetOf(sheet), rect.row, rect.col, rect.rows, rect.cols));
    },
    getFormulas: (sheet, address) => {
      const rect = rectOf(address);
      return copy(wb.backend.getFormulas(sheetOf(sheet), rect.row, rect.col, rect.rows, rect.cols));
    },
    getNumberFormats: (sheet, address) => {
      const rect = rectOf(address);
      return copy(
        wb.backend.getNumberFormats(sheetOf(sheet), rect.row, rect.col, rect.rows, rect.cols)
      );
    },
    errorMessage: (sheet, address) => {
      const rect = rectOf(address);
      return wb.errorMessage(sheetOf(sheet), rect.row, rect.col);
    },
    sheets: () => copy(wb.sheetNames()),
    tables: () =>
      wb
        .tables()
        .map(({ name, sheet, address, headers }) => copy({ name, sheet, address, headers })),
    charts: () => copy(wb.charts()),
    async select(sheet, address) {
      const name = sheetOf(sheet);
      const rect = rectOf(address);
      wb.select(
        name,
        { row: rect.row, col: rect.col },
        { row: rect.row + rect.rows - 1, col: rect.col + rect.cols - 1 }
      );
      await painted();
    },
    selection: () => {
      const { sheet, anchor, focus } = wb.selection;
      const row = Math.min(anchor.row, focus.row);
      const col = Math.min(anchor.col, focus.col);
      return {
        sheet,
        address: rectAddress({
          row,
          col,
          rows: Math.abs(anchor.row - focus.row) + 1,
          cols: Math.abs(anchor.col - focus.col) + 1,
        }),
      };
    },
    stats: () => copy(wb.host.stats()),
    language: () => wb.language,
    async setLanguage(language) {
      await switchLanguage(language);
      await painted();
    },
  };
}
