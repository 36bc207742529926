/* eslint-disable @typescript-eslint/no-explicit-any -- the cell grids are `any[][]` in Office.js */
/**
 * `Excel.Range`: a block of cells on a sheet. A range binds to its sheet and block the first time
 * the request uses it; later edits elsewhere do not move it (a range the client keeps between
 * requests stays on that block).
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  formatAddress,
  intersect,
  isInsideSheet,
  parseAddress,
  type Rect,
} from "./address";
import type { CellValue } from "./backend";
import { writeCellsInTables } from "./calculated-columns";
import { currentRegion, shiftRows, writeFormats } from "./cells";
import type { RequestContext } from "./context";
import { ErrorCodes, officeError } from "./errors";
import type { SheetRecord } from "./model";
import { formatValue } from "./number-format";
import { BagObject, SimObject, defineBagProperties } from "./object";
import { headersStayText } from "./table-rules";
import type { InputLocale } from "./typed-input";
import { Worksheet } from "./worksheet";

/** Where a range is, once found. */
export interface Located {
  sheet: SheetRecord;
  rect: Rect;
}

const BASIC = [
  "address",
  "addressLocal",
  "cellCount",
  "columnCount",
  "columnIndex",
  "rowCount",
  "rowIndex",
  "isEntireColumn",
  "isEntireRow",
] as const;
/** Properties whose size grows with the range: subject to the read limit. */
const CELL_DATA = [
  "values",
  "formulas",
  "formulasLocal",
  "numberFormat",
  "numberFormatLocal",
  "text",
  "valueTypes",
];
const SCALARS: readonly string[] = [...BASIC, ...CELL_DATA];

const ERROR_CODES = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#SPILL!",
  "#CALC!",
  "#CYCLE!",
]);

/** `Excel.RangeValueType` of a value as read. */
function valueType(value: CellValue): string {
  if (value === "") return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return ERROR_CODES.has(value) ? "Error" : "String";
}

/** A block checked to lie in the sheet; outside it Office.js answers InvalidArgument. */
export function insideSheet(rect: Rect, where: string): Rect {
  if (!isInsideSheet(rect)) throw officeError(ErrorCodes.invalidArgument, where);
  return rect;
}

/** Parses an address given to `getRange` and the like, on `sheet` unless it names another. */
export function addressOnSheet(
  model: { sheetByName(name: string): SheetRecord | undefined },
  sheet: SheetRecord,
  address: string,
  where: string
): Located {
  const parsed = typeof address === "string" ? parseAddress(address) : undefined;
  if (!parsed) throw officeError(ErrorCodes.invalidArgument, where);
  if (parsed.sheet !== undefined && model.sheetByName(parsed.sheet) !== sheet) {
    throw officeError(ErrorCodes.invalidArgument, where);
  }
  return {
    sheet,
    rect: { row: parsed.row, col: parsed.col, rows: parsed.rows, cols: parsed.cols },
  };
}

type ClearApplyTo = "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks";

export class Range extends SimObject<Located> {
  private _bound: { sheetId: string; rect: Rect } | undefined;
  private _format: RangeFormat | undefined;
  private _worksheet: Worksheet | undefined;

  /** @param _find locates the range when the request first uses it (null: a null object). */
  constructor(
    context: RequestContext,
    private readonly _find: () => Located | null
  ) {
    super(context);
  }

  get _typeName(): string {
    return "Range";
  }

  override _resolve(): Located | null {
    if (this._bound) {
      const sheet = this.context._model.sheetById(this._bound.sheetId);
      if (!sheet) throw officeError(ErrorCodes.itemNotFound, "Range");
      return { sheet, rect: this._bound.rect };
    }
    const found = this._find();
    if (found !== null) this._bound = { sheetId: found.sheet.id, rect: found.rect };
    return found;
  }

  override _scalarNames(): readonly string[] {
    return SCALARS;
  }

  override _nav(name: string): SimObject | undefined {
    if (name === "format") return this.format;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  override _readScalar(name: string, { sheet, rect }: Located): unknown {
    switch (name) {
      case "address":
      case "addressLocal":
        return formatAddress(sheet.name, rect);
      case "cellCount":
        return rect.rows * rect.cols;
      case "columnCount":
        return rect.cols;
      case "columnIndex":
        return rect.col;
      case "rowCount":
        return rect.rows;
      case "rowIndex":
        return rect.row;
      case "isEntireColumn":
        return rect.row === 0 && rect.rows === MAX_ROWS;
      case "isEntireRow":
        return rect.col === 0 && rect.cols === MAX_COLUMNS;
    }
    const { limits, backend } = this.context._model;
    if (rect.rows * rect.cols > limits.readCells) {
      if (limits.oversizedRead === "null") return null;
      throw officeError(ErrorCodes.rangeExceedsLimit, `Range.${name}`);
    }
    const args = [sheet.name, rect.row, rect.col, rect.rows, rect.cols] as const;
    switch (name) {
      case "values":
        return backend.getValues(...args);
      case "formulas":
      case "formulasLocal":
        return backend.getFormulas(...args);
      case "numberFormat":
      case "numberFormatLocal":
        return backend.getNumberFormats(...args);
      case "text": {
        const formats = backend.getNumberFormats(...args);
        return backend
          .getValues(...args)
          .map((line, i) => line.map((v, j) => formatValue(v, formats[i][j])));
      }
      case "valueTypes":
        return backend.getValues(...args).map((line) => line.map(valueType));
      default:
        return super._readScalar(name, { sheet, rect });
    }
  }

  // ---- properties the client sets (reads go through _readScalar) ----

  /** Raw values; blank cells read as "", errors as their code. Set: a grid of the range's shape or one value. */
  set values(values: any[][]) {
    this._write("values", values);
  }

  /** Formulas in A1 style; cells without a formula give their value. */
  set formulas(formulas: any[][]) {
    this._write("formulas", formulas);
  }

  /** As `formulas`, strings read in the workbook's locale ("26/11/2026" is a date in fr-FR). */
  set formulasLocal(formulas: any[][]) {
    this._write("formulasLocal", formulas, this.context._model.options.locale);
  }

  /** Writes cells as typed (typed-input.ts); a table's header cells written over stay text. */
  private _write(member: string, sent: unknown, locale?: InputLocale): void {
    this._setProperty(member, sent, (loc, grid) => {
      const model = this.context._model;
      writeCellsInTables(model, loc.sheet, loc.rect, grid, `Range.${member}`, undefined, locale);
      headersStayText(model, loc.sheet, loc.rect);
    });
  }

  /** Excel number format codes ("General", "0.00%", "m/d/yyyy"). */
  set numberFormat(formats: any[][]) {
    this._setProperty("numberFormat", formats, (loc, sent) =>
      writeFormats(this.context._model.backend, loc.sheet, loc.rect, sent, "Range.numberFormat")
    );
  }

  set numberFormatLocal(formats: any[][]) {
    this._setProperty("numberFormatLocal", formats, (loc, sent) =>
      writeFormats(
        this.context._model.backend,
        loc.sheet,
        loc.rect,
        sent,
        "Range.numberFormatLocal"
      )
    );
  }

  /** The worksheet containing the range. */
  get worksheet(): Worksheet {
    this._worksheet ??= new Worksheet(this.context, () => this._resolve()?.sheet ?? null);
    return this._worksheet;
  }

  /** Formatting: accepted, not rendered (see RangeFormat). */
  get format(): RangeFormat {
    this._format ??= new RangeFormat(
      this.context,
      () => {
        const found = this._resolve();
        return found === null ? null : columnWidthBag(this.context._model, found);
      },
      () => this._resolve()
    );
    return this._format;
  }

  // ---- derived ranges ----

  /** A range computed from this one when the request uses it. */
  private _derive(where: string, compute: (loc: Located) => Rect | null): Range {
    return new Range(this.context, () => {
      const loc = this._resolve();
      if (loc === null) return null;
      const rect = compute(loc);
      return rect === null ? null : { sheet: loc.sheet, rect: insideSheet(rect, where) };
    });
  }

  /** The cell at (row, column) relative to the top-left cell; may lie outside the range, not outside the sheet. */
  getCell(row: number, column: number): Range {
    return this._derive("Range.getCell", ({ rect }) => ({
      row: rect.row + row,
      col: rect.col + column,
      rows: 1,
      cols: 1,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this._derive("Range.getResizedRange", ({ rect }) => ({
      ...rect,
      rows: rect.rows + deltaRows,
      cols: rect.cols + deltaColumns,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this._derive("Range.getOffsetRange", ({ rect }) => ({
      ...rect,
      row: rect.row + rowOffset,
      col: rect.col + columnOffset,
    }));
  }

  getRow(row: number): Range {
    return this._derive("Range.getRow", ({ rect }) => ({ ...rect, row: rect.row + row, rows: 1 }));
  }

  getColumn(column: number): Range {
    return this._derive("Range.getColumn", ({ rect }) => ({
      ...rect,
      col: rect.col + column,
      cols: 1,
    }));
  }

  getLastCell(): Range {
    return this._derive("Range.getLastCell", ({ rect }) => ({
      row: rect.row + rect.rows - 1,
      col: rect.col + rect.cols - 1,
      rows: 1,
      cols: 1,
    }));
  }

  getLastRow(): Range {
    return this._derive("Range.getLastRow", ({ rect }) => ({
      ...rect,
      row: rect.row + rect.rows - 1,
      rows: 1,
    }));
  }

  getLastColumn(): Range {
    return this._derive("Range.getLastColumn", ({ rect }) => ({
      ...rect,
      col: rect.col + rect.cols - 1,
      cols: 1,
    }));
  }

  getRowsAbove(count = 1): Range {
    return this._derive("Range.getRowsAbove", ({ rect }) => ({
      ...rect,
      row: rect.row - count,
      rows: count,
    }));
  }

  getRowsBelow(count = 1): Range {
    return this._derive("Range.getRowsBelow", ({ rect }) => ({
      ...rect,
      row: rect.row + rect.rows,
      rows: count,
    }));
  }

  getColumnsBefore(count = 1): Range {
    return this._derive("Range.getColumnsBefore", ({ rect }) => ({
      ...rect,
      col: rect.col - count,
      cols: count,
    }));
  }

  getColumnsAfter(count = 1): Range {
    return this._derive("Range.getColumnsAfter", ({ rect }) => ({
      ...rect,
      col: rect.col + rect.cols,
      cols: count,
    }));
  }

  getEntireColumn(): Range {
    return this._derive("Range.getEntireColumn", ({ rect }) => ({
      ...rect,
      row: 0,
      rows: MAX_ROWS,
    }));
  }

  getEntireRow(): Range {
    return this._derive("Range.getEntireRow", ({ rect }) => ({
      ...rect,
      col: 0,
      cols: MAX_COLUMNS,
    }));
  }

  /** The used cells of this range; ItemNotFound when there are none. */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- kept to mirror the Office.js signature
  getUsedRange(_valuesOnly?: boolean): Range {
    return this._derive("Range.getUsedRange", ({ sheet, rect }) => {
      const used = this.context._model.backend.usedRange(sheet.name);
      const inside = used && intersect(used, rect);
      if (!inside) throw officeError(ErrorCodes.itemNotFound, "Range.getUsedRange");
      return inside;
    });
  }

  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- kept to mirror the Office.js signature
  getUsedRangeOrNullObject(_valuesOnly?: boolean): Range {
    return this._derive("Range.getUsedRangeOrNullObject", ({ sheet, rect }) => {
      const used = this.context._model.backend.usedRange(sheet.name);
      return (used && intersect(used, rect)) ?? null;
    });
  }

  /** The current region around the range, as Ctrl+Shift+* selects it. */
  getSurroundingRegion(): Range {
    return this._derive("Range.getSurroundingRegion", ({ sheet, rect }) =>
      currentRegion(this.context._model.backend, sheet.name, rect)
    );
  }

  private _other(other: Range | string, where: string, sheet: SheetRecord): Rect {
    if (typeof other === "string")
      return addressOnSheet(this.context._model, sheet, other, where).rect;
    const loc = other._resolve();
    if (loc === null || loc.sheet !== sheet) throw officeError(ErrorCodes.invalidArgument, where);
    return loc.rect;
  }

  getIntersection(anotherRange: Range | string): Range {
    return this._derive("Range.getIntersection", ({ sheet, rect }) => {
      const common = intersect(rect, this._other(anotherRange, "Range.getIntersection", sheet));
      if (!common) throw officeError(ErrorCodes.itemNotFound, "Range.getIntersection");
      return common;
    });
  }

  getIntersectionOrNullObject(anotherRange: Range | string): Range {
    return this._derive(
      "Range.getIntersectionOrNullObject",
      ({ sheet, rect }) =>
        intersect(rect, this._other(anotherRange, "Range.getIntersectionOrNullObject", sheet)) ??
        null
    );
  }

  getBoundingRect(anotherRange: Range | string): Range {
    return this._derive("Range.getBoundingRect", ({ sheet, rect }) => {
      const other = this._other(anotherRange, "Range.getBoundingRect", sheet);
      const row = Math.min(rect.row, other.row);
      const col = Math.min(rect.col, other.col);
      return {
        row,
        col,
        rows: Math.max(rect.row + rect.rows, other.row + other.rows) - row,
        cols: Math.max(rect.col + rect.cols, other.col + other.cols) - col,
      };
    });
  }

  // ---- actions ----

  /** Clears values, formats or both (default: both). Hyperlinks: nothing to clear here. */
  clear(applyTo: ClearApplyTo = "All"): void {
    this._apply("clear", applyTo, (loc, sent) => {
      const what =
        sent === "All"
          ? "all"
          : sent === "Formats"
            ? "formats"
            : sent === "Contents"
              ? "contents"
              : undefined;
      if (sent !== "Hyperlinks" && sent !== "RemoveHyperlinks" && what === undefined) {
        throw officeError(ErrorCodes.invalidArgument, "Range.clear");
      }
      if (what)
        this.context._model.backend.clear(
          loc.sheet.name,
          loc.rect.row,
          loc.rect.col,
          loc.rect.rows,
          loc.rect.cols,
          what
        );
    });
  }

  /**
   * Deletes the cells, moving those below up ("Up"). Shifting left is not simulated (NotImplemented).
   * Formulas elsewhere are not re-pointed (see `shiftRows`).
   */
  delete(shift: "Up" | "Left"): void {
    this._apply("delete", shift, ({ sheet, rect }, sent) => {
      if (sent !== "Up")
        throw officeError(
          ErrorCodes.notImplemented,
          "Range.delete",
          "Only shifting up is simulated."
        );
      shiftRows(
        this.context._model,
        sheet,
        { col: rect.col, cols: rect.cols },
        rect.row,
        -rect.rows,
        "Range.delete"
      );
    });
  }

  /**
   * Inserts blank cells here, moving the cells below down ("Down"); returns the new cells. Shifting
   * right is not simulated (NotImplemented).
   */
  insert(shift: "Down" | "Right"): Range {
    this._apply("insert", shift, ({ sheet, rect }, sent) => {
      if (sent !== "Down")
        throw officeError(
          ErrorCodes.notImplemented,
          "Range.insert",
          "Only shifting down is simulated."
        );
      shiftRows(
        this.context._model,
        sheet,
        { col: rect.col, cols: rect.cols },
        rect.row,
        rect.rows,
        "Range.insert"
      );
    });
    return this._derive("Range.insert", ({ rect }) => rect);
  }

  /** Selects the range in the Excel UI (and activates its sheet). */
  select(): void {
    this._apply("select", undefined, (loc) => this.context._model.select(loc.sheet, loc.rect));
  }

  /** Recalculation is automatic in the backends: accepted. */
  calculate(): void {
    this._apply("calculate", undefined, () => undefined);
  }
}

/** `Excel.RangeFormat`: accepted and forgotten; loads give Excel's defaults. */
export class RangeFormat extends BagObject {
  declare columnWidth: number;
  declare rowHeight: number;
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  declare wrapText: boolean;
  private _font: RangeFont | undefined;
  private _fill: RangeFill | undefined;

  constructor(
    context: RequestContext,
    private readonly _provide: () => Record<string, unknown> | null,
    private readonly _cells: () => Located | null = () => null
  ) {
    super(context);
  }

  get _typeName(): string {
    return "RangeFormat";
  }
  get _defaults(): Readonly<Record<string, unknown>> {
    return {
      columnWidth: 48,
      rowHeight: 15,
      horizontalAlignment: "General",
      verticalAlignment: "Bottom",
      wrapText: false,
    };
  }
  protected _bag(): Record<string, unknown> | null {
    return this._provide();
  }
  override _nav(name: string): SimObject | undefined {
    return name === "font" ? this.font : name === "fill" ? this.fill : undefined;
  }

  get font(): RangeFont {
    this._font ??= new RangeFont(this.context, this._provide);
    return this._font;
  }
  get fill(): RangeFill {
    this._fill ??= new RangeFill(this.context, this._provide);
    return this._fill;
  }

  /**
   * Sizes each column of the range to its widest cell, as Excel does: over the whole column, not
   * only the range's cells (so a long note above a table widens the table's first column).
   */
  autofitColumns(): void {
    this._apply("autofitColumns", undefined, () => {
      const found = this._cells();
      if (found) autofit(this.context._model, found);
    });
  }
  autofitRows(): void {
    this._apply("autofitRows", undefined, () => undefined);
  }
}
defineBagProperties(RangeFormat, [
  "columnWidth",
  "rowHeight",
  "horizontalAlignment",
  "verticalAlignment",
  "wrapText",
]);

export class RangeFont extends BagObject {
  declare bold: boolean;
  declare italic: boolean;
  declare color: string;
  declare name: string;
  declare size: number;
  declare underline: string;

  constructor(
    context: RequestContext,
    private readonly _provide: () => Record<string, unknown> | null
  ) {
    super(context);
  }
  get _typeName(): string {
    return "RangeFont";
  }
  get _defaults(): Readonly<Record<string, unknown>> {
    return {
      bold: false,
      italic: false,
      color: "#000000",
      name: "Calibri",
      size: 11,
      underline: "None",
    };
  }
  protected _bag(): Record<string, unknown> | null {
    return this._provide();
  }
}
defineBagProperties(RangeFont, ["bold", "italic", "color", "name", "size", "underline"]);

export class RangeFill extends BagObject {
  declare color: string;

  constructor(
    context: RequestContext,
    private readonly _provide: () => Record<string, unknown> | null
  ) {
    super(context);
  }
  get _typeName(): string {
    return "RangeFill";
  }
  get _defaults(): Readonly<Record<string, unknown>> {
    return { color: "#FFFFFF" };
  }
  protected _bag(): Record<string, unknown> | null {
    return this._provide();
  }
  clear(): void {
    this._apply("clear", undefined, () => undefined);
  }
}
defineBagProperties(RangeFill, ["color"]);

/** A range's format bag whose column width is the sheet's (the first column's when read). */
function columnWidthBag(model: RequestContext["_model"], { sheet, rect }: Located) {
  const bag: Record<string, unknown> = {};
  Object.defineProperty(bag, "columnWidth", {
    enumerable: true,
    get: () => model.columnWidth(sheet, rect.col),
    set: (points: number) => {
      for (let c = rect.col; c < rect.col + rect.cols; c++) model.setColumnWidth(sheet, c, points);
    },
  });
  return bag;
}

/** About 7 points a character of Calibri 11, and a margin; Excel caps a column at 255 characters. */
const POINTS_PER_CHARACTER = 7;
const MAX_COLUMN_POINTS = 1790;

/** Rows autofit reads at a time: small enough to die young (cells.ts, CHUNK_CELLS). */
const AUTOFIT_CHUNK_ROWS = 1 << 12;

function autofit(model: RequestContext["_model"], { sheet, rect }: Located): void {
  const used = model.backend.usedRange(sheet.name);
  if (!used) return;
  for (let c = rect.col; c < rect.col + rect.cols; c++) {
    if (c < used.col || c >= used.col + used.cols) continue;
    let widest = 0;
    for (let top = used.row; top < used.row + used.rows; top += AUTOFIT_CHUNK_ROWS) {
      const rows = Math.min(AUTOFIT_CHUNK_ROWS, used.row + used.rows - top);
      const values = model.backend.getValues(sheet.name, top, c, rows, 1);
      const formats = model.backend.getNumberFormats(sheet.name, top, c, rows, 1);
      for (let i = 0; i < rows; i++) {
        const v = values[i][0];
        if (v !== null && v !== "") widest = Math.max(widest, formatValue(v, formats[i][0]).length);
      }
    }
    if (widest > 0)
      model.setColumnWidth(
        sheet,
        c,
        Math.min(MAX_COLUMN_POINTS, widest * POINTS_PER_CHARACTER + 10)
      );
  }
}
