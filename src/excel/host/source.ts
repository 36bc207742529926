/**
 * Finding and reading the user's sales table: the Excel table or the current region around the
 * selection, or a range the user names; read in blocks so that a table as tall as Excel allows
 * (1,048,576 rows) never sends a response over 5 MB.
 */
import type { CellValue } from "../../domain/values";
import { parseRangeAddress, rangeAddress } from "../plan/a1";
import { bytesOf, PROBE_ROWS, rowsPerBlock } from "../plan/blocks";
import { type Progress, throwIfCancelled } from "../plan/progress";
import { endOfCarriedRegion, type SourceChoice, type SourceData } from "../plan/source";

interface Located {
  range: Excel.Range;
  tableName: string | null;
  /** When the current region was carried down: its own height, header included. */
  regionRows?: number;
}

function sheetOf(address: string): string {
  return parseRangeAddress(address)?.sheet ?? "";
}

/** Resolves the choice to a range; one sync at most (to find the table under the selection). */
async function locate(context: Excel.RequestContext, choice: SourceChoice): Promise<Located> {
  if (choice.kind === "table") {
    const table = context.workbook.tables.getItem(choice.name);
    return { range: table.getRange(), tableName: choice.name };
  }
  if (choice.kind === "range") {
    const ref = parseRangeAddress(choice.address);
    if (!ref || !ref.sheet)
      throw new Error(`"${choice.address}" is not a range address like Sheet1!A1:F200`);
    return {
      range: context.workbook.worksheets
        .getItem(ref.sheet)
        .getRange(choice.address.split("!").pop()!),
      tableName: null,
    };
  }
  const selection = context.workbook.getSelectedRange();
  selection.load("address");
  // The selection is on the active sheet; its tables are the candidates.
  const worksheet = context.workbook.worksheets.getActiveWorksheet();
  const tables = context.workbook.worksheets.getActiveWorksheet().tables;
  tables.load("items/name");
  const used = worksheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex, rowCount");
  const region = selection.getSurroundingRegion();
  region.load("address, rowIndex, columnIndex, rowCount, columnCount");
  await context.sync();
  const hits = tables.items.map((t) => {
    const hit = t.getRange().getIntersectionOrNullObject(selection);
    hit.load("address");
    return { name: t.name, table: t, hit };
  });
  await context.sync();
  const hit = hits.find((t) => !t.hit.isNullObject);
  if (hit) return { range: hit.table.getRange(), tableName: hit.name };
  // Excel's current region stops at a blank row, and sales tables often have blank lines: carry it
  // down to the last used row of the sheet (trailing blank rows are dropped when read).
  const bottom = used.isNullObject
    ? region.rowIndex + region.rowCount
    : used.rowIndex + used.rowCount;
  const rows = Math.max(region.rowCount, bottom - region.rowIndex);
  return {
    range: worksheet.getRangeByIndexes(
      region.rowIndex,
      region.columnIndex,
      rows,
      region.columnCount
    ),
    tableName: null,
    regionRows: region.rowCount,
  };
}

export async function readSource(
  choice: SourceChoice,
  progress?: Progress,
  signal?: AbortSignal
): Promise<SourceData> {
  return Excel.run(async (context) => {
    const { range, tableName, regionRows } = await locate(context, choice);
    range.load("address, rowIndex, columnIndex, rowCount, columnCount");
    await context.sync();
    const sheet = sheetOf(range.address);
    const worksheet = range.worksheet;
    const { rowIndex, columnIndex, rowCount, columnCount } = range;
    if (rowCount < 2)
      throw new Error(
        `${range.address} has no rows below its header: select a cell inside your sales table, or name its range`
      );

    // Header, the first data row's formats and a small probe block in one sync.
    const header = worksheet.getRangeByIndexes(rowIndex, columnIndex, 1, columnCount);
    header.load("values");
    const formats = worksheet.getRangeByIndexes(rowIndex + 1, columnIndex, 1, columnCount);
    formats.load("numberFormat");
    const total = rowCount - 1;
    const rows: CellValue[][] = [];
    let next = rowIndex + 1;
    let size = Math.min(PROBE_ROWS, total);
    let block = worksheet.getRangeByIndexes(next, columnIndex, size, columnCount);
    block.load("values");
    await context.sync();
    // Each block's size comes from what the rows read so far weigh; a sync per block is the point
    // of reading in blocks (responses stay under 5 MB), so the loop syncs by design.
    for (;;) {
      const values = block.values as CellValue[][];
      for (const row of values) rows.push(row);
      next += size;
      progress?.("Reading", rows.length, total);
      if (rows.length >= total) break;
      throwIfCancelled(signal);
      size = Math.min(rowsPerBlock(bytesOf(values) / values.length), total - rows.length);
      block = worksheet.getRangeByIndexes(next, columnIndex, size, columnCount);
      block.load("values");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 4 MB block, by design
      await context.sync();
    }
    if (regionRows !== undefined) rows.length = endOfCarriedRegion(rows, regionRows - 1);
    return {
      kind: tableName ? "table" : "range",
      tableName,
      sheet,
      row: rowIndex,
      col: columnIndex,
      address:
        regionRows === undefined
          ? range.address
          : rangeAddress(sheet, rowIndex, columnIndex, rows.length + 1, columnCount),
      headers: header.values[0] as CellValue[],
      rows,
      numberFormats: (formats.numberFormat[0] as string[]).map(String),
    };
  });
}
