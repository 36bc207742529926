/**
 * The user's table as Carnet reads it: which one (the choice kept in the settings), its cells and
 * where they are. Read by host/source.ts; planned and reasoned about here, without a host: where the
 * header is and where the table ends are domain/tableExtent.ts's decisions, turned here into sheet rows.
 */
import {
  carriedTable,
  headerOfBlock,
  isBlankRow,
  type TableExtent,
} from "../../domain/tableExtent";
import { type CellValue, isBlankCell } from "../../domain/values";
import { cellAddress, parseRangeAddress, rangeAddress } from "./a1";

export type SourceChoice =
  | { readonly kind: "auto" }
  /**
   * The table found around a cell (its header's first cell), found again there on every read: a
   * table that grew or shrank since is read whole ("Read last range").
   */
  | { readonly kind: "region"; readonly sheet: string; readonly cell: string }
  | { readonly kind: "table"; readonly name: string }
  | {
      readonly kind: "range";
      readonly address: string;
      /** The header row the user picked, as the sheet numbers it (1-based); else Carnet finds it. */
      readonly header?: number;
    };

/** A row the pane offers as the header, with its first cells. */
export interface HeaderChoice {
  /** 0-based sheet row. */
  readonly row: number;
  /** "Row 3: Date jalon · Société · Montant · …" */
  readonly label: string;
}

export interface SourceData {
  readonly kind: "table" | "range";
  /** The Excel table's name when the source is a table (its formulas can then be live). */
  readonly tableName: string | null;
  readonly sheet: string;
  /** 0-based row and column of the header row's first cell. */
  readonly row: number;
  readonly col: number;
  /** The whole source, header included, e.g. Sheet1!A1:F5. */
  readonly address: string;
  readonly headers: CellValue[];
  /** Data rows below the header. */
  readonly rows: CellValue[][];
  /** Number format of each column's first data cell (to reuse the workbook's currency format). */
  readonly numberFormats: string[];
  /** The rows the user may take as the header instead: title and group rows above it, the first rows below. */
  readonly headerChoices?: readonly HeaderChoice[];
  /** True when the header is the row the user picked, not the one Carnet found. */
  readonly headerPicked?: boolean;
  /** Rows below a blank row left out because they do not look like the table's rows (0-based sheet rows). */
  readonly leftOut?: { readonly first: number; readonly last: number } | null;
  /** True when the table was found around a cell (the selection), not named by the user. */
  readonly found?: boolean;
}

/**
 * How the settings remember which table a column mapping was confirmed for: the Excel table's name
 * (it survives rows added or moved), else the range's address. The Pipeline and Matrix views key their
 * stored mappings with it (`mappingFor`); it has always been this rule, so saved workbooks keep matching.
 */
export function sourceKey(source: SourceData): string {
  return source.tableName ?? source.address;
}

/**
 * The choice that reads this source again next time ("Read Deals", "Read last range"), by the same
 * rule; a header the user picked is kept with it.
 */
export function sourceChoiceOf(source: SourceData): SourceChoice {
  if (source.tableName !== null) return { kind: "table", name: source.tableName };
  if (source.headerPicked) return withHeader(source, source.row);
  if (source.found)
    return { kind: "region", sheet: source.sheet, cell: cellAddress(null, source.row, source.col) };
  return { kind: "range", address: source.address };
}

/**
 * The choice that reads the source again with the header on sheet row `row` (0-based): the range from
 * the first row the pane offers (so it offers them again) to the table's last row, and the row.
 */
export function withHeader(source: SourceData, row: number): SourceChoice {
  const top = Math.min(row, source.row, ...(source.headerChoices ?? []).map((c) => c.row));
  const last = source.row + source.rows.length;
  return {
    kind: "range",
    address: rangeAddress(source.sheet, top, source.col, last - top + 1, source.headers.length),
    header: row + 1,
  };
}

/** What host/source.ts read, and how the table was chosen; rows and columns are 0-based on the sheet. */
export interface SourceCells {
  readonly sheet: string;
  readonly tableName: string | null;
  /** The sheet row of `rows[0]` and the sheet column of the table's first column. */
  readonly top: number;
  readonly col: number;
  /** The rows read, in the table's columns. */
  readonly rows: readonly CellValue[][];
  readonly how:
    | { readonly kind: "table" }
    /** A range the user named; `header` the sheet row (0-based) they picked for the header. */
    | { readonly kind: "range"; readonly header?: number }
    /** The current region around the selection (rows [regionTop, regionEnd) of `rows`), carried up and down. */
    | {
        readonly kind: "carried";
        readonly regionTop: number;
        readonly regionEnd: number;
        /** Whether row i has a cell just beside the table's columns. */
        readonly side: (row: number) => boolean;
        /** The sheet has used rows above `rows[0]` that were not read. */
        readonly moreAbove: boolean;
      };
}

/** Where the header is and where the table ends, in `rows`; "more above" when rows above must be read first. */
export type SourceLayout = TableExtent & { readonly picked: boolean };

export function sourceLayout(cells: SourceCells): SourceLayout | "more above" {
  const { rows, how } = cells;
  if (how.kind === "table")
    return { header: 0, end: rows.length, blockTop: 0, leftOut: null, picked: false };
  if (how.kind === "range") {
    if (how.header === undefined) {
      const header = headerOfBlock(rows, 0, rows.length);
      return { header, end: rows.length, blockTop: 0, leftOut: null, picked: false };
    }
    const header = how.header - cells.top;
    if (header < 0 || header >= rows.length)
      throw new Error(
        `row ${how.header + 1} is not in ${rangeAddress(cells.sheet, cells.top, cells.col, rows.length, rows[0]?.length ?? 1)}: pick a header row inside the table`
      );
    return { header, end: rows.length, blockTop: 0, leftOut: null, picked: true };
  }
  const extent = carriedTable({ rows, ...how });
  return extent === "more above" ? extent : { ...extent, picked: false };
}

/** The rows offered as the header: from the header's block top (at most nine rows above it) to three rows below. */
const CHOICES_ABOVE = 9;
const CHOICES_BELOW = 3;
/** Cells shown in a choice's label. */
const LABEL_CELLS = 7;

function choiceLabel(row: number, cells: readonly CellValue[]): string {
  const shown = cells.filter((c) => !isBlankCell(c)).map((c) => String(c).trim());
  const head = shown.slice(0, LABEL_CELLS).join(" · ");
  return `Row ${row + 1}: ${head}${shown.length > LABEL_CELLS ? " · …" : ""}`;
}

/** The source as the pane reads it, from the cells read, their layout and the first data row's number formats. */
export function sourceDataOf(
  cells: SourceCells,
  layout: SourceLayout,
  numberFormats: readonly string[]
): SourceData {
  const { sheet, top, col, rows } = cells;
  const width = rows[layout.header].length;
  const row = top + layout.header;
  const address = rangeAddress(sheet, row, col, layout.end - layout.header, width);
  if (layout.end - layout.header < 2)
    throw new Error(
      `${address} has no rows below its header: select a cell inside your sales table, or name its range`
    );
  const headerChoices: HeaderChoice[] = [];
  const from = Math.max(layout.blockTop, layout.header - CHOICES_ABOVE);
  for (let i = from; i < Math.min(layout.end, layout.header + CHOICES_BELOW + 1); i++)
    if (!isBlankRow(rows[i]))
      headerChoices.push({ row: top + i, label: choiceLabel(top + i, rows[i]) });
  const leftOut = layout.leftOut && {
    first: top + layout.leftOut.first,
    last: top + layout.leftOut.last,
  };
  return {
    kind: cells.tableName ? "table" : "range",
    tableName: cells.tableName,
    sheet,
    row,
    col,
    address,
    headers: rows[layout.header],
    rows: rows.slice(layout.header + 1, layout.end),
    numberFormats: numberFormats.map(String),
    headerChoices,
    headerPicked: layout.picked,
    leftOut,
    found: cells.how.kind === "carried",
  };
}

/**
 * The report line for rows left out below the table, as the pane shows it: "Rows 40–57 below a blank
 * row do not look like deals: left out". `what` names the table's rows ("deals", "product ranges").
 */
export function leftOutText(
  leftOut: { readonly first: number; readonly last: number },
  what: { one: string; many: string }
): string {
  return leftOut.first === leftOut.last
    ? `Row ${leftOut.first + 1} below a blank row does not look like ${what.one}: left out`
    : `Rows ${leftOut.first + 1}–${leftOut.last + 1} below a blank row do not look like ${what.many}: left out`;
}

/**
 * For reading down in blocks from the region's top: whether the rows read so far reach two blank rows
 * in a row below the region's `regionRows` rows (in the table's columns, from `offset` in the rows
 * read), so that the rest of the sheet need not be read. Each row is looked at once.
 */
export function blankPairAfter(
  regionRows: number,
  offset: number,
  cols: number
): (rows: readonly (readonly CellValue[])[]) => boolean {
  let scanned = regionRows;
  let previousBlank = false;
  return (rows) => {
    for (; scanned < rows.length; scanned++) {
      let blank = true;
      for (let c = offset; c < offset + cols && blank; c++) blank = isBlankCell(rows[scanned][c]);
      if (blank && previousBlank) return true;
      previousBlank = blank;
    }
    return false;
  };
}

/**
 * Whether a typed source address can be read: a range that names its sheet (Sheet1!A1:F200). The
 * pane checks it before asking Excel, to say so next to the field; Excel's side refuses it too.
 */
export function isSourceRangeAddress(address: string): boolean {
  return sourceRangeOf(address) !== null;
}

/** A typed source address read, when it names its sheet; else null (see isSourceRangeAddress). */
export function sourceRangeOf(address: string): { readonly sheet: string } | null {
  const ref = parseRangeAddress(address);
  return ref?.sheet ? { sheet: ref.sheet } : null;
}
