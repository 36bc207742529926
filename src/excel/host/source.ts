/**
 * Finding and reading the user's sales table: the Excel table or the current region around the
 * selection, or a range the user names; read in blocks so that a table as tall as Excel allows
 * (1,048,576 rows) never sends a response over 5 MB. Where the header is and where the table ends are
 * decided on the cells read, without a host (plan/source.ts, domain/tableExtent.ts).
 *
 * Around the selection, Excel's current region stops at a blank row; Carnet reads on from it, down to
 * two blank rows in a row (or the sheet's last used row) and up to two blank rows (or the first used
 * row), one column wider on each side to see a block of another shape. The rows above come in the same
 * sync as the first block below; more are read only when the table goes on above them.
 */
import { type CellValue, isBlankCell } from "../../domain/values";
import { parseRangeAddress } from "../plan/a1";
import { bytesOf, PROBE_ROWS, rowsPerBlock } from "../plan/blocks";
import { type Progress, throwIfCancelled } from "../plan/progress";
import {
  blankPairAfter,
  type SourceCells,
  type SourceChoice,
  type SourceData,
  sourceDataOf,
  sourceLayout,
  type SourceLayout,
  sourceRangeOf,
} from "../plan/source";

/** Excel's last column (XFD), 0-based. */
const LAST_COLUMN = 16383;
/** Number formats are loaded with the first block for this many rows below its top (the header is usually there). */
const FORMAT_ROWS = 12;

type Located =
  | { readonly kind: "table"; readonly range: Excel.Range; readonly tableName: string }
  /** `header`: the sheet row (0-based) the user picked. */
  | { readonly kind: "range"; readonly range: Excel.Range; readonly header?: number }
  | {
      readonly kind: "carried";
      readonly worksheet: Excel.Worksheet;
      readonly sheet: string;
      readonly region: { row: number; col: number; rows: number; cols: number };
      /** The sheet's used rows: [top, bottom). */
      readonly used: { top: number; bottom: number };
    };

function sheetOf(address: string): string {
  return parseRangeAddress(address)?.sheet ?? "";
}

/** Resolves the choice; two syncs at most (the region around the selection, the table under it). */
async function locate(context: Excel.RequestContext, choice: SourceChoice): Promise<Located> {
  if (choice.kind === "table") {
    const table = context.workbook.tables.getItem(choice.name);
    return { kind: "table", range: table.getRange(), tableName: choice.name };
  }
  if (choice.kind === "range") {
    const ref = sourceRangeOf(choice.address);
    if (!ref) throw new Error(`"${choice.address}" is not a range address like Sheet1!A1:F200`);
    return {
      kind: "range",
      range: context.workbook.worksheets
        .getItem(ref.sheet)
        .getRange(choice.address.split("!").pop()!),
      header: choice.header === undefined ? undefined : choice.header - 1,
    };
  }
  // Around the selection (on the active sheet), or around the cell where the table was found last
  // time: the sheet's tables are the candidates.
  const worksheet =
    choice.kind === "region"
      ? context.workbook.worksheets.getItem(choice.sheet)
      : context.workbook.worksheets.getActiveWorksheet();
  const selection =
    choice.kind === "region"
      ? worksheet.getRange(choice.cell)
      : context.workbook.getSelectedRange();
  selection.load("address");
  const tables = worksheet.tables;
  tables.load("items/name");
  const used = worksheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex, rowCount");
  const region = selection.getSurroundingRegion();
  region.load("address, rowIndex, columnIndex, rowCount, columnCount");
  await context.sync();
  if (tables.items.length > 0) {
    const hits = tables.items.map((t) => {
      const hit = t.getRange().getIntersectionOrNullObject(selection);
      hit.load("address");
      return { name: t.name, table: t, hit };
    });
    await context.sync();
    const hit = hits.find((t) => !t.hit.isNullObject);
    if (hit) return { kind: "table", range: hit.table.getRange(), tableName: hit.name };
  }
  const box = {
    row: region.rowIndex,
    col: region.columnIndex,
    rows: region.rowCount,
    cols: region.columnCount,
  };
  return {
    kind: "carried",
    worksheet,
    sheet: sheetOf(region.address),
    region: box,
    used: used.isNullObject
      ? { top: box.row, bottom: box.row + box.rows }
      : { top: used.rowIndex, bottom: used.rowIndex + used.rowCount },
  };
}

interface Window {
  readonly row: number;
  readonly col: number;
  readonly cols: number;
  readonly count: number;
}

/**
 * Reads `count` rows down from `at` in blocks: the first small (it measures what a row weighs), the
 * next sized so a response stays under 5 MB. `first` queues what else the first sync loads; `done`
 * may end the read early. One sync per block.
 */
async function readDown(
  context: Excel.RequestContext,
  worksheet: Excel.Worksheet,
  at: Window,
  options: {
    progress?: Progress;
    signal?: AbortSignal;
    first?: () => void;
    done?: (rows: readonly CellValue[][]) => boolean;
  }
): Promise<CellValue[][]> {
  const rows: CellValue[][] = [];
  let next = at.row;
  let size = Math.min(PROBE_ROWS, at.count);
  let block = worksheet.getRangeByIndexes(next, at.col, size, at.cols);
  block.load("values");
  options.first?.();
  await context.sync();
  // A sync per block is the point of reading in blocks (responses stay under 5 MB).
  for (;;) {
    const values = block.values as CellValue[][];
    for (const row of values) rows.push(row);
    next += size;
    // Progress counts the rows below the header's, as the pane counts deals.
    options.progress?.("Reading", Math.max(0, rows.length - 1), at.count - 1);
    if (rows.length >= at.count || options.done?.(rows)) break;
    throwIfCancelled(options.signal);
    size = Math.min(rowsPerBlock(bytesOf(values) / values.length), at.count - rows.length);
    block = worksheet.getRangeByIndexes(next, at.col, size, at.cols);
    block.load("values");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 4 MB block, by design
    await context.sync();
  }
  return rows;
}

/** Number formats of the rows below `row` loaded with the first block; the first data row's are taken from them. */
interface Formats {
  readonly row: number;
  readonly range: Excel.Range | null;
}

function loadFormats(worksheet: Excel.Worksheet, at: Window): Formats {
  const rows = Math.min(FORMAT_ROWS, at.count - 1);
  if (rows < 1) return { row: at.row + 1, range: null };
  const range = worksheet.getRangeByIndexes(at.row + 1, at.col, rows, at.cols);
  range.load("numberFormat");
  return { row: at.row + 1, range };
}

/** The first data row's number formats: from those loaded with the first block, else one more sync. */
async function formatsOf(
  context: Excel.RequestContext,
  worksheet: Excel.Worksheet,
  loaded: Formats,
  cells: SourceCells,
  layout: SourceLayout
): Promise<string[]> {
  const width = cells.rows[layout.header].length;
  const row = cells.top + layout.header + 1;
  if (layout.end - layout.header < 2) return Array<string>(width).fill("General");
  const formats = loaded.range?.numberFormat as string[][] | undefined;
  if (formats && row >= loaded.row && row - loaded.row < formats.length)
    return formats[row - loaded.row].map(String);
  const range = worksheet.getRangeByIndexes(row, cells.col, 1, width);
  range.load("numberFormat");
  await context.sync();
  return (range.numberFormat[0] as string[]).map(String);
}

export async function readSource(
  choice: SourceChoice,
  progress?: Progress,
  signal?: AbortSignal
): Promise<SourceData> {
  return Excel.run(async (context) => {
    const located = await locate(context, choice);
    if (located.kind === "carried") return readCarried(context, located, progress, signal);
    const { range } = located;
    range.load("address, rowIndex, columnIndex, rowCount, columnCount");
    await context.sync();
    if (range.rowCount < 2)
      throw new Error(
        `${range.address} has no rows below its header: select a cell inside your sales table, or name its range`
      );
    const worksheet = range.worksheet;
    const at = {
      row: range.rowIndex,
      col: range.columnIndex,
      cols: range.columnCount,
      count: range.rowCount,
    };
    let formats: Formats = { row: at.row + 1, range: null };
    const rows = await readDown(context, worksheet, at, {
      progress,
      signal,
      first: () => (formats = loadFormats(worksheet, at)),
    });
    const cells: SourceCells = {
      sheet: sheetOf(range.address),
      tableName: located.kind === "table" ? located.tableName : null,
      top: at.row,
      col: at.col,
      rows,
      how: located.kind === "table" ? { kind: "table" } : { kind: "range", header: located.header },
    };
    const layout = sourceLayout(cells) as SourceLayout; // "more above" is for carried regions only
    const data = sourceDataOf(
      cells,
      layout,
      await formatsOf(context, worksheet, formats, cells, layout)
    );
    // A table, or a range whose header is its first row, is the source at the address Excel gives it.
    return layout.header === 0 && layout.end === rows.length && !layout.picked
      ? { ...data, address: range.address }
      : data;
  });
}

/**
 * The table around the selection: the region read from its top down to two blank rows (or the last used
 * row), the rows above it up to two blank rows (or the first used row), one column wider each side.
 */
async function readCarried(
  context: Excel.RequestContext,
  located: Extract<Located, { kind: "carried" }>,
  progress?: Progress,
  signal?: AbortSignal
): Promise<SourceData> {
  const { worksheet, sheet, region, used } = located;
  const left = Math.max(0, region.col - 1);
  const right = Math.min(LAST_COLUMN, region.col + region.cols);
  const offset = region.col - left;
  const width = right - left + 1;
  const hasRight = right >= region.col + region.cols;
  const down = {
    row: region.row,
    col: left,
    cols: width,
    count: Math.max(region.rows, used.bottom - region.row),
  };
  // The rows above the region and the first data rows' formats come with the first block below.
  const size = Math.min(PROBE_ROWS, Math.max(0, region.row - used.top));
  const first = {
    formats: { row: region.row + 1, range: null } as Formats,
    above: null as Excel.Range | null,
  };
  const below = await readDown(context, worksheet, down, {
    progress,
    signal,
    first: () => {
      first.formats = loadFormats(worksheet, { ...down, col: region.col, cols: region.cols });
      if (size === 0) return;
      first.above = worksheet.getRangeByIndexes(region.row - size, left, size, width);
      first.above.load("values");
    },
    done: blankPairAfter(region.rows, offset, region.cols),
  });
  let aboveTop = region.row - size;
  let window: CellValue[][] = first.above
    ? [...(first.above.values as CellValue[][]), ...below]
    : below;
  const beside = (row: readonly CellValue[]) =>
    (offset > 0 && !isBlankCell(row[0])) || (hasRight && !isBlankCell(row[width - 1]));
  for (;;) {
    const rows = window.map((row) => row.slice(offset, offset + region.cols));
    const read = window;
    const cells: SourceCells = {
      sheet,
      tableName: null,
      top: aboveTop,
      col: region.col,
      rows,
      how: {
        kind: "carried",
        regionTop: region.row - aboveTop,
        regionEnd: region.row - aboveTop + region.rows,
        side: (i) => beside(read[i]),
        moreAbove: aboveTop > used.top,
      },
    };
    const layout = sourceLayout(cells);
    if (layout !== "more above")
      return sourceDataOf(
        cells,
        layout,
        await formatsOf(context, worksheet, first.formats, cells, layout)
      );
    // The table goes on above the rows read: read the next block up (rare: a blank row far down a tall table).
    throwIfCancelled(signal);
    const sample = window.slice(0, 100);
    const more = Math.min(rowsPerBlock(bytesOf(sample) / sample.length), aboveTop - used.top);
    const block = worksheet.getRangeByIndexes(aboveTop - more, left, more, width);
    block.load("values");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 4 MB block, by design
    await context.sync();
    window = [...(block.values as CellValue[][]), ...window];
    aboveTop -= more;
  }
}
