/**
 * `Excel.TableCollection` and `Excel.Table`: tables as metadata over the backend's cells (see
 * table-rules.ts for Excel's rules, table-items.ts for rows and columns).
 */
import { parseAddress, intersect, type Rect } from "./address";
import { extendCalculatedColumns, markCalculatedColumns } from "./calculated-columns";
import type { RequestContext } from "./context";
import { ErrorCodes, officeError } from "./errors";
import type { SheetRecord, TableRecord } from "./model";
import { ClientResult, SimCollection, SimObject } from "./object";
import { Range, insideSheet } from "./range";
import { TableColumnCollection, TableRowCollection } from "./table-items";
import {
  asText,
  bodyRect,
  checkNoOverlap,
  checkTableName,
  createTable,
  headerRect,
  normalizeHeaders,
  sheetOf,
} from "./table-rules";
import { Worksheet } from "./worksheet";

export { describeTables, type TableInfo } from "./table-rules";

export class TableCollection extends SimCollection<{ sheet?: SheetRecord }, Table> {
  /** @param _scope the worksheet whose tables these are; the workbook's tables without one. */
  constructor(
    context: RequestContext,
    private readonly _scope?: Worksheet
  ) {
    super(context);
  }

  get _typeName(): string {
    return "TableCollection";
  }

  override _resolve(): { sheet?: SheetRecord } | null {
    if (!this._scope) return {};
    const sheet = this._scope._resolve();
    return sheet === null ? null : { sheet };
  }

  override _ownScalars(): readonly string[] {
    return ["count"];
  }

  override _scalarNames(): readonly string[] {
    return ["count"];
  }

  private _list(scope: { sheet?: SheetRecord }): TableRecord[] {
    return this.context._model.tables.filter((t) => !scope.sheet || t.sheetId === scope.sheet.id);
  }

  override _readScalar(name: string, scope: { sheet?: SheetRecord }): unknown {
    return name === "count" ? this._list(scope).length : super._readScalar(name, scope);
  }

  override _enumerate(scope: { sheet?: SheetRecord }): Table[] {
    return this._list(scope).map((t) => tableById(this.context, t.id, "TableCollection.items"));
  }

  /**
   * Creates a table over an address ("A1:D1", "Sheet1!A1:D8") or a range. Without headers, Excel
   * adds a header row above the data ("Column1"...).
   */
  add(address: Range | string, hasHeaders: boolean): Table {
    let created: string | undefined;
    const source = address;
    this._apply(
      "add",
      { address: typeof source === "string" ? source : null, hasHeaders },
      (scope, sent) => {
        const model = this.context._model;
        const { hasHeaders: headers } = sent as { hasHeaders: unknown };
        let sheet: SheetRecord;
        let rect: Rect;
        if (typeof source === "string") {
          const parsed = parseAddress(source);
          if (!parsed) throw officeError(ErrorCodes.invalidArgument, "TableCollection.add");
          const named = parsed.sheet === undefined ? undefined : model.sheetByName(parsed.sheet);
          if (parsed.sheet !== undefined && !named)
            throw officeError(ErrorCodes.invalidArgument, "TableCollection.add");
          if (scope.sheet && named && named !== scope.sheet)
            throw officeError(ErrorCodes.invalidArgument, "TableCollection.add");
          sheet = scope.sheet ?? named ?? model.activeSheet();
          rect = { row: parsed.row, col: parsed.col, rows: parsed.rows, cols: parsed.cols };
        } else {
          const loc = source._resolve();
          if (loc === null) throw officeError(ErrorCodes.invalidArgument, "TableCollection.add");
          if (scope.sheet && loc.sheet !== scope.sheet)
            throw officeError(ErrorCodes.invalidArgument, "TableCollection.add");
          sheet = loc.sheet;
          rect = loc.rect;
        }
        const table = createTable(model, sheet, rect, headers === true, "TableCollection.add");
        markCalculatedColumns(model, sheet, table);
        created = table.id;
      }
    );
    return new Table(this.context, () => {
      const table =
        created === undefined
          ? undefined
          : this.context._model.tables.find((t) => t.id === created);
      if (!table) throw officeError(ErrorCodes.itemNotFound, "TableCollection.add");
      return table;
    });
  }

  private _find(scope: { sheet?: SheetRecord }, key: string): TableRecord | undefined {
    const lower = String(key).toLowerCase();
    return this._list(scope).find((t) => t.name.toLowerCase() === lower || t.id === String(key));
  }

  /** A table by name (case-insensitive) or id; ItemNotFound when absent. */
  getItem(key: string): Table {
    return new Table(this.context, () => {
      const scope = this._resolve();
      if (scope === null) return null;
      const table = this._find(scope, key);
      if (!table) throw officeError(ErrorCodes.itemNotFound, "TableCollection.getItem");
      return table;
    });
  }

  getItemOrNullObject(key: string): Table {
    return new Table(this.context, () => {
      const scope = this._resolve();
      return scope === null ? null : (this._find(scope, key) ?? null);
    });
  }

  getItemAt(index: number): Table {
    return new Table(this.context, () => {
      const scope = this._resolve();
      if (scope === null) return null;
      const table = this._list(scope)[index];
      if (!table) throw officeError(ErrorCodes.invalidArgument, "TableCollection.getItemAt");
      return table;
    });
  }

  getCount(): ClientResult<number> {
    return this._result("getCount", (scope) => this._list(scope).length);
  }
}

function tableById(context: RequestContext, id: string, where: string): Table {
  return new Table(context, () => {
    const table = context._model.tables.find((t) => t.id === id);
    if (!table) throw officeError(ErrorCodes.itemNotFound, where);
    return table;
  });
}

const TABLE_OPTIONS = [
  "highlightFirstColumn",
  "highlightLastColumn",
  "showBandedColumns",
  "showBandedRows",
  "showFilterButton",
];
const TABLE_SCALARS = [
  "id",
  "legacyId",
  "name",
  "showHeaders",
  "showTotals",
  "style",
  ...TABLE_OPTIONS,
];
const OPTION_DEFAULTS: Record<string, boolean> = {
  highlightFirstColumn: false,
  highlightLastColumn: false,
  showBandedColumns: false,
  showBandedRows: true,
  showFilterButton: true,
};

export class Table extends SimObject<TableRecord> {
  private _id: string | undefined;
  private _columns: TableColumnCollection | undefined;
  private _rows: TableRowCollection | undefined;
  private _worksheet: Worksheet | undefined;

  constructor(
    context: RequestContext,
    private readonly _find: () => TableRecord | null
  ) {
    super(context);
  }

  get _typeName(): string {
    return "Table";
  }

  override _resolve(): TableRecord | null {
    if (this._id !== undefined) {
      const table = this.context._model.tables.find((t) => t.id === this._id);
      if (!table) throw officeError(ErrorCodes.itemNotFound, "Table");
      return table;
    }
    const table = this._find();
    if (table) this._id = table.id;
    return table;
  }

  override _scalarNames(): readonly string[] {
    return TABLE_SCALARS;
  }

  override _readScalar(name: string, table: TableRecord): unknown {
    switch (name) {
      case "id":
      case "legacyId":
        return table.id;
      case "name":
        return table.name;
      case "showHeaders":
        return table.showHeaders;
      case "showTotals":
        return table.showTotals;
      case "style":
        return table.style;
      default:
        if (TABLE_OPTIONS.includes(name)) return table.options[name] ?? OPTION_DEFAULTS[name];
        return super._readScalar(name, table);
    }
  }

  override _nav(name: string): SimObject | undefined {
    if (name === "columns") return this.columns;
    if (name === "rows") return this.rows;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  private _option(name: string, value: unknown): void {
    this._setProperty(name, value, (table, sent) => void (table.options[name] = sent === true));
  }

  set name(name: string) {
    this._setProperty("name", name, (table, sent) => {
      table.name = checkTableName(this.context._model, sent, "Table.name", table);
    });
  }

  /** Accepted; hiding the header row is not simulated (the header row stays in the table's range). */
  set showHeaders(show: boolean) {
    this._setProperty(
      "showHeaders",
      show,
      (table, sent) => void (table.showHeaders = sent === true)
    );
  }

  /** Accepted; no total row is added to the sheet. */
  set showTotals(show: boolean) {
    this._setProperty("showTotals", show, (table, sent) => void (table.showTotals = sent === true));
  }

  set style(style: string) {
    this._setProperty("style", style, (table, sent) => void (table.style = String(sent ?? "")));
  }

  set highlightFirstColumn(value: boolean) {
    this._option("highlightFirstColumn", value);
  }
  set highlightLastColumn(value: boolean) {
    this._option("highlightLastColumn", value);
  }
  set showBandedColumns(value: boolean) {
    this._option("showBandedColumns", value);
  }
  set showBandedRows(value: boolean) {
    this._option("showBandedRows", value);
  }
  set showFilterButton(value: boolean) {
    this._option("showFilterButton", value);
  }

  get columns(): TableColumnCollection {
    this._columns ??= new TableColumnCollection(this.context, this);
    return this._columns;
  }

  get rows(): TableRowCollection {
    this._rows ??= new TableRowCollection(this.context, this);
    return this._rows;
  }

  get worksheet(): Worksheet {
    this._worksheet ??= new Worksheet(this.context, () => {
      const table = this._resolve();
      return table === null ? null : sheetOf(this.context._model, table);
    });
    return this._worksheet;
  }

  /** @internal A range over part of the table, found when the request uses it. */
  _part(where: string, part: (table: TableRecord) => Rect): Range {
    return new Range(this.context, () => {
      const table = this._resolve();
      return table === null
        ? null
        : { sheet: sheetOf(this.context._model, table), rect: part(table) };
    });
  }

  getRange(): Range {
    return this._part("Table.getRange", (t) => t.rect);
  }

  getHeaderRowRange(): Range {
    return this._part("Table.getHeaderRowRange", headerRect);
  }

  getDataBodyRange(): Range {
    return this._part("Table.getDataBodyRange", bodyRect);
  }

  /** No total row is simulated: fails, as Excel does when the total row is hidden. */
  getTotalRowRange(): Range {
    return this._part("Table.getTotalRowRange", () => {
      throw officeError(ErrorCodes.invalidArgument, "Table.getTotalRowRange");
    });
  }

  /** Deletes the table and its cells' contents. */
  delete(): void {
    this._apply("delete", undefined, (table) => {
      const model = this.context._model;
      const sheet = sheetOf(model, table);
      const { row, col, rows, cols } = table.rect;
      model.backend.clear(sheet.name, row, col, rows, cols, "all");
      model.tables.splice(model.tables.indexOf(table), 1);
    });
  }

  /** Turns the table back into plain cells (kept); returns the former table's range. */
  convertToRange(): Range {
    let kept: { sheetId: string; rect: Rect } | undefined;
    this._apply("convertToRange", undefined, (table) => {
      const model = this.context._model;
      kept = { sheetId: table.sheetId, rect: table.rect };
      model.tables.splice(model.tables.indexOf(table), 1);
    });
    return new Range(this.context, () => {
      const sheet = kept && this.context._model.sheetById(kept.sheetId);
      if (!kept || !sheet) throw officeError(ErrorCodes.itemNotFound, "Table.convertToRange");
      return { sheet, rect: kept.rect };
    });
  }

  /** Resizes the table: the header row stays in place; the new range must still hold a body row. */
  resize(newRange: Range | string): void {
    this._apply("resize", typeof newRange === "string" ? newRange : null, (table) => {
      const model = this.context._model;
      const sheet = sheetOf(model, table);
      let rect: Rect | undefined;
      if (typeof newRange === "string") {
        const parsed = parseAddress(newRange);
        if (parsed && (parsed.sheet === undefined || model.sheetByName(parsed.sheet) === sheet))
          rect = parsed;
      } else {
        const loc = newRange._resolve();
        if (loc && loc.sheet === sheet) rect = loc.rect;
      }
      if (!rect || rect.row !== table.rect.row || rect.rows < 2 || !intersect(rect, table.rect)) {
        throw officeError(ErrorCodes.invalidArgument, "Table.resize");
      }
      const next = { row: rect.row, col: rect.col, rows: rect.rows, cols: rect.cols };
      insideSheet(next, "Table.resize");
      checkNoOverlap(model, sheet, next, "Table.resize", table);
      const current = model.backend.getValues(sheet.name, next.row, next.col, 1, next.cols)[0];
      const headers = normalizeHeaders(current);
      if (headers.some((h, j) => h !== current[j]))
        model.backend.setCells(sheet.name, next.row, next.col, [headers.map(asText)]);
      const bottom = table.rect.row + table.rect.rows;
      table.rect = next;
      extendCalculatedColumns(model, sheet, table, {
        row: bottom,
        rows: next.rows - (bottom - next.row),
      });
    });
  }

  /** Filters are not simulated: accepted. */
  clearFilters(): void {
    this._apply("clearFilters", undefined, () => undefined);
  }

  reapplyFilters(): void {
    this._apply("reapplyFilters", undefined, () => undefined);
  }
}
