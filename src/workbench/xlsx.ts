/**
 * Real .xlsx files in and out of the workbench, through ExcelJS (loaded on first use: it is large).
 * In: values, formulas (shared and array ones too), number formats, column widths, bold cells and
 * tables. Out: the same, with each formula's last result so that other readers see values.
 * Both ways, the add-in's document settings, in the web extension part where Excel keeps them
 * (xlsx-settings.ts: ExcelJS knows nothing of that part).
 * Charts are not written: ExcelJS 4.4 has no chart API, it neither reads nor writes chart parts
 * (exceljs#141).
 */
import type * as ExcelJSTypes from "exceljs";
import { cellAddress, MAX_COLUMNS, parseAddress, rectAddress } from "./sim/address";
import type { CellInput, SheetData, WorkbookData } from "./workbook-data";
import type { Workbench } from "./workbook";
import { addSettingsToXlsx, readSettingsFromXlsx } from "./xlsx-settings";

type ExcelJSModule = typeof ExcelJSTypes;

async function loadExcelJS(): Promise<ExcelJSModule> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as {
    default?: ExcelJSModule;
  } & ExcelJSModule;
  return mod.default ?? mod;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH) / 86400000;
}

/**
 * Formula text as the engine reads it: "=" in front, Excel's storage prefixes of newer functions
 * dropped (_xlfn.XLOOKUP), custom functions saved as _xldudf_CARNET_X read back as CARNET.X.
 */
export function formulaFromFile(formula: string): string {
  const text = formula
    .replace(/_xlfn\._xlws\./gi, "")
    .replace(/_xlfn\./gi, "")
    .replace(/_xldudf_CARNET_/gi, "CARNET.");
  return text.startsWith("=") ? text : `=${text}`;
}

const ERROR_FORMULAS: Record<string, string> = {
  "#N/A": "=NA()",
  "#DIV/0!": "=1/0",
  "#REF!": "=#REF!",
  "#VALUE!": '="a"+1',
};

function inputOf(value: ExcelJSTypes.CellValue, cell: ExcelJSTypes.Cell): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") {
    // Text that the engine would otherwise read as a number, a formula or a date stays text.
    return /^[=+\-'@]|^\s*[\d.,$€£%\s/-]+\s*$/.test(value) ? `'${value}` : value;
  }
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) return formulaFromFile(cell.formula);
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("hyperlink" in value) return String(value.text ?? value.hyperlink);
    if ("error" in value) return ERROR_FORMULAS[value.error] ?? `'${value.error}`;
  }
  return String(value);
}

/** Number formats as blocks: runs of equal formats down each column. */
function formatRuns(cells: Map<number, string>[], rows: number): SheetData["formats"] {
  const runs: NonNullable<SheetData["formats"]> = [];
  cells.forEach((byRow, col) => {
    let start = -1;
    let current = "";
    const flush = (end: number) => {
      if (start >= 0 && current !== "")
        runs.push({
          address: rectAddress({ row: start, col, rows: end - start, cols: 1 }),
          format: current,
        });
    };
    for (let row = 0; row <= rows; row++) {
      const format = byRow.get(row) ?? "";
      if (format !== current) {
        flush(row);
        start = row;
        current = format;
      }
    }
    flush(rows + 1);
  });
  return runs;
}

/** Reads an .xlsx file into the workbench's workbook shape. */
export async function readXlsx(data: ArrayBuffer): Promise<WorkbookData> {
  const ExcelJS = await loadExcelJS();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data);
  const sheets: SheetData[] = [];
  book.eachSheet((ws) => {
    const rows: CellInput[][] = [];
    const formats: Map<number, string>[] = [];
    const bold: string[] = [];
    const spills: Array<{ row: number; col: number; rows: number; cols: number }> = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const r = rowNumber - 1;
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const c = colNumber - 1;
        if (c >= MAX_COLUMNS) return;
        const value = cell.value;
        (rows[r] ??= [])[c] = inputOf(value, cell);
        const model = value as { shareType?: string; ref?: string } | null;
        if (model && typeof model === "object" && model.shareType === "array" && model.ref) {
          const block = parseAddress(model.ref);
          if (block) spills.push(block);
        }
        if (cell.numFmt && cell.numFmt !== "General")
          (formats[c] ??= new Map()).set(r, cell.numFmt);
        if (cell.font?.bold && bold.length < 10000) bold.push(cellAddress(r, c));
      });
    });
    // An array formula's other cells hold its last results in the file; here it spills into them.
    for (const block of spills)
      for (let r = block.row; r < block.row + block.rows; r++)
        for (let c = block.col; c < block.col + block.cols; c++)
          if ((r !== block.row || c !== block.col) && rows[r]) rows[r][c] = null;
    const dense = Array.from(rows, (line) => Array.from(line ?? [], (v) => v ?? null));
    const widths: number[] = [];
    ws.columns?.forEach((column, i) => {
      if (column.width) widths[i] = Math.round(column.width * 7 + 5);
    });
    const tables = (
      ws.getTables() as unknown as Array<{
        table?: { name?: string; tableRef?: string; ref?: string };
        name?: string;
      }>
    )
      .map((t) => ({
        name: t.table?.name ?? t.name ?? "",
        address: t.table?.tableRef ?? t.table?.ref ?? "",
      }))
      .filter((t) => t.name !== "" && parseAddress(t.address) !== undefined);
    sheets.push({
      name: ws.name,
      rows: dense,
      formats: formatRuns(formats, dense.length),
      columnWidths: Array.from(widths, (w) => w ?? 0).map((w) => w || 88),
      bold,
      tables,
    });
  });
  if (sheets.length === 0) throw new Error("the file holds no worksheet");
  return { sheets, settings: await readSettingsFromXlsx(data) };
}

function resultOf(value: unknown): ExcelJSTypes.CellValue {
  if (typeof value === "string" && /^#(VALUE!|N\/A|DIV\/0!|NUM!|NULL!|NAME\?|REF!)$/.test(value))
    return { error: value } as ExcelJSTypes.CellErrorValue;
  return value === "" ? null : (value as ExcelJSTypes.CellValue);
}

/** Writes the open workbook as an .xlsx file. */
export async function writeXlsx(wb: Workbench): Promise<Blob> {
  const ExcelJS = await loadExcelJS();
  const book = new ExcelJS.Workbook();
  book.creator = "Carnet workbench";
  const tables = wb.tables();
  for (const name of wb.sheetNames()) {
    const ws = book.addWorksheet(name);
    const { rows, cols } = wb.dimensions(name);
    for (let c = 0; c < cols; c++)
      ws.getColumn(c + 1).width = Math.round((wb.columnWidth(name, c) - 5) / 7);
    if (rows === 0 || cols === 0) continue;
    const values = wb.backend.getValues(name, 0, 0, rows, cols);
    const formulas = wb.backend.getFormulas(name, 0, 0, rows, cols);
    const formats = wb.backend.getNumberFormats(name, 0, 0, rows, cols);
    const cellValue = (r: number, c: number): ExcelJSTypes.CellValue | undefined => {
      const formula = formulas[r][c];
      if (typeof formula === "string" && formula.startsWith("=")) {
        const spill = wb.spillOf(name, r, c);
        const result = resultOf(values[r][c]);
        if (spill && spill.row === r && spill.col === c && (spill.rows > 1 || spill.cols > 1))
          return {
            formula: formula.slice(1),
            result,
            shareType: "array",
            ref: rectAddress(spill),
          } as unknown as ExcelJSTypes.CellValue;
        return { formula: formula.slice(1), result } as ExcelJSTypes.CellFormulaValue;
      }
      const value = values[r][c];
      if (value === "") return undefined;
      return resultOf(value);
    };
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const value = cellValue(r, c);
        if (value === undefined || value === null) continue;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = value;
        if (formats[r][c] !== "General") cell.numFmt = formats[r][c];
      }
    for (const { row, col } of wb.boldCells(name))
      ws.getCell(row + 1, col + 1).font = { bold: true };
    for (const table of tables.filter((t) => t.sheet === name)) {
      const rect = wb.rectOfTable(table);
      const body: ExcelJSTypes.CellValue[][] = [];
      for (let r = rect.row + 1; r < rect.row + rect.rows; r++) {
        const line: ExcelJSTypes.CellValue[] = [];
        for (let c = rect.col; c < rect.col + rect.cols; c++) line.push(cellValue(r, c) ?? null);
        body.push(line);
      }
      ws.addTable({
        name: table.name,
        ref: cellAddress(rect.row, rect.col),
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: table.headers.map((header) => ({ name: header, filterButton: true })),
        rows: body.length > 0 ? body : [table.headers.map(() => null)],
      });
      // addTable writes the rows as plain cells: give them back their number formats.
      for (let r = rect.row + 1; r < rect.row + rect.rows; r++)
        for (let c = rect.col; c < rect.col + rect.cols; c++)
          if (formats[r]?.[c] && formats[r][c] !== "General")
            ws.getCell(r + 1, c + 1).numFmt = formats[r][c];
    }
  }
  const buffer = await book.xlsx.writeBuffer();
  const file = await addSettingsToXlsx(buffer as unknown as Uint8Array, wb.host.settings.toJSON());
  return new Blob([file as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}
