/**
 * A workbook as the workbench opens it: the public `loadWorkbook` shape ({ sheets: [{ name, rows }] },
 * a string starting with "=" being a formula) plus what the sample and .xlsx files also carry.
 */
export type CellInput = number | string | boolean | null;

export interface SheetData {
  name: string;
  rows: CellInput[][];
  /** Number formats by block ("E2:E300" → '#,##0 "€"'). */
  formats?: Array<{ address: string; format: string }>;
  /** Excel tables, header row included in the address. */
  tables?: Array<{ name: string; address: string }>;
  /** Column widths in pixels, from column A; missing ones are sized from the content. */
  columnWidths?: number[];
  /** Cells or blocks shown in bold (display only). */
  bold?: string[];
}

export interface WorkbookData {
  sheets: SheetData[];
  /**
   * "values" keeps formulas as written without computing them: what a workbook of millions of cells
   * gets anyway (over 3,000,000 cells). Formulas are computed otherwise.
   */
  engine?: "formulas" | "values";
  /** The add-in's document settings (`workbook.settings`), by key; none when absent. */
  settings?: Record<string, unknown>;
}
