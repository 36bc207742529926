/**
 * Excel's rules for tables (`ListObject`s), over the model's table records: names valid as defined
 * names and unique, unique non-blank headers, no overlap, at least one body row.
 */
import { MAX_COLUMNS, formatAddress, intersect, type Rect } from "./address";
import type { CellInput, CellValue } from "./backend";
import { shiftRows } from "./cells";
import { ErrorCodes, officeError } from "./errors";
import type { SheetRecord, TableRecord, WorkbookModel } from "./model";
import { insideSheet } from "./range";

/** What the workbench shows of a table. */
export interface TableInfo {
  name: string;
  sheet: string;
  address: string;
  headers: string[];
}

export function headerRect(table: TableRecord): Rect {
  return { ...table.rect, rows: 1 };
}

export function bodyRect(table: TableRecord): Rect {
  return { ...table.rect, row: table.rect.row + 1, rows: table.rect.rows - 1 };
}

export function sheetOf(model: WorkbookModel, table: TableRecord): SheetRecord {
  const sheet = model.sheetById(table.sheetId);
  if (!sheet) throw officeError(ErrorCodes.itemNotFound, "Table");
  return sheet;
}

export function tableHeaders(model: WorkbookModel, table: TableRecord): string[] {
  const sheet = sheetOf(model, table);
  const { row, col, cols } = table.rect;
  return model.backend.getValues(sheet.name, row, col, 1, cols)[0].map((v) => String(v));
}

/**
 * Excel's rules for table names (those of defined names): a letter, underscore or backslash first,
 * then letters, digits, periods, underscores; no cell reference look-alike; at most 255 characters;
 * unique in the workbook, case-insensitively.
 */
export function checkTableName(
  model: WorkbookModel,
  name: unknown,
  where: string,
  except?: TableRecord
): string {
  const valid =
    typeof name === "string" &&
    name.length <= 255 &&
    /^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^([RrCc]|[Rr][0-9]*[Cc][0-9]*|[Rr][0-9]+|[Cc][0-9]+)$/.test(name);
  if (!valid) throw officeError(ErrorCodes.invalidArgument, where, "The table name is not valid.");
  const clash = model.tableByName(name);
  if (clash && clash !== except) {
    throw officeError(ErrorCodes.invalidArgument, where, "A table with this name already exists.");
  }
  return name;
}

/** A header as the backend takes text: marked with "'", so "2024", "TRUE" or "=x" stay text. */
export function asText(text: string): CellInput {
  return `'${text}`;
}

/** Blank headers become "ColumnN", repeated ones get a number, as Excel does when a table is made. */
export function normalizeHeaders(values: CellValue[]): string[] {
  const seen = new Set<string>();
  return values.map((value, i) => {
    const shown = typeof value === "boolean" ? String(value).toUpperCase() : String(value);
    const base = value === "" ? `Column${i + 1}` : shown;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n += 1) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * A table's header cells hold text, as in Excel: after a write over some of them, a number or a
 * boolean there becomes its text and a blank one "ColumnN" (the names stay unique).
 */
export function headersStayText(model: WorkbookModel, sheet: SheetRecord, rect: Rect): void {
  for (const table of model.tables) {
    if (table.sheetId !== sheet.id || !intersect(headerRect(table), rect)) continue;
    const { row, col, cols } = table.rect;
    const current = model.backend.getValues(sheet.name, row, col, 1, cols)[0];
    const headers = normalizeHeaders(current);
    if (headers.some((h, j) => h !== current[j]))
      model.backend.setCells(sheet.name, row, col, [headers.map(asText)]);
  }
}

export function checkNoOverlap(
  model: WorkbookModel,
  sheet: SheetRecord,
  rect: Rect,
  where: string,
  except?: TableRecord
): void {
  const clash = model.tables.find(
    (t) => t !== except && t.sheetId === sheet.id && intersect(t.rect, rect)
  );
  if (clash)
    throw officeError(ErrorCodes.invalidArgument, where, "A table can't overlap another table.");
}

export function rowIsBlank(model: WorkbookModel, sheet: SheetRecord, rect: Rect): boolean {
  return model.backend
    .getFormulas(sheet.name, rect.row, rect.col, 1, rect.cols)[0]
    .every((v) => v === "");
}

/** Makes a table over `rect`, as `TableCollection.add` does. */
export function createTable(
  model: WorkbookModel,
  sheet: SheetRecord,
  rect: Rect,
  hasHeaders: boolean,
  where: string
): TableRecord {
  insideSheet(rect, where);
  // A table may hold every row of the sheet (office-js #3776: a user's table over entire columns,
  // 1,048,576 rows), but not every column, and one request may not make a table of over 5,000,000
  // cells (the stricter reading: such a table is made small and grown by rows.add).
  if (rect.rows * rect.cols > 5_000_000 || rect.cols === MAX_COLUMNS) {
    throw officeError(ErrorCodes.invalidArgument, where);
  }
  let tableRect = { ...rect };
  if (!hasHeaders) {
    // Excel puts a header row above the data: the data moves down one row within the table's columns.
    tableRect.rows += 1;
    insideSheet(tableRect, where);
    checkNoOverlap(model, sheet, tableRect, where);
    shiftRows(model, sheet, { col: rect.col, cols: rect.cols }, rect.row, 1, where);
    const headers = normalizeHeaders(new Array<CellValue>(rect.cols).fill(""));
    model.backend.setCells(sheet.name, rect.row, rect.col, [headers.map(asText)]);
  } else {
    // A table has at least one body row: a header-only range takes the row below.
    if (tableRect.rows === 1) tableRect = { ...tableRect, rows: 2 };
    insideSheet(tableRect, where);
    checkNoOverlap(model, sheet, tableRect, where);
    const current = model.backend.getValues(sheet.name, rect.row, rect.col, 1, rect.cols)[0];
    const headers = normalizeHeaders(current);
    if (headers.some((h, j) => h !== current[j])) {
      model.backend.setCells(sheet.name, rect.row, rect.col, [headers.map(asText)]);
    }
  }
  const table: TableRecord = {
    id: model.newTableId(),
    name: model.nextTableName(),
    sheetId: sheet.id,
    rect: tableRect,
    showHeaders: true,
    showTotals: false,
    style: "TableStyleMedium2",
    options: {},
  };
  model.tables.push(table);
  return table;
}

/** The workbench's view of the tables: name, sheet, address and current headers. */
export function describeTables(model: WorkbookModel): TableInfo[] {
  return model.tables.map((table) => {
    const sheet = sheetOf(model, table);
    return {
      name: table.name,
      sheet: sheet.name,
      address: formatAddress(sheet.name, table.rect),
      headers: tableHeaders(model, table),
    };
  });
}
