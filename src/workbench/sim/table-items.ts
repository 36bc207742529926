/* eslint-disable @typescript-eslint/no-explicit-any -- the cell grids are `any[][]` in Office.js */
/**
 * A table's rows and columns (`Excel.TableRowCollection`, `TableRow`, `TableColumnCollection`,
 * `TableColumn`). Rows are added by inserting (the cells below move down), as Excel does.
 */
import { MAX_ROWS, type Rect } from "./address";
import { extendCalculatedColumns, writeCellsInTables } from "./calculated-columns";
import { shiftRows } from "./cells";
import type { RequestContext } from "./context";
import { ErrorCodes, officeError } from "./errors";
import type { TableRecord } from "./model";
import { ClientResult, SimCollection, SimObject } from "./object";
import { Range, insideSheet } from "./range";
import {
  asText,
  bodyRect,
  checkNoOverlap,
  headersStayText,
  normalizeHeaders,
  rowIsBlank,
  sheetOf,
  tableHeaders,
} from "./table-rules";
import type { Table } from "./tables";

interface ColumnTarget {
  table: TableRecord;
  index: number;
}

export class TableColumnCollection extends SimCollection<TableRecord, TableColumn> {
  constructor(
    context: RequestContext,
    private readonly _table: Table
  ) {
    super(context);
  }

  get _typeName(): string {
    return "TableColumnCollection";
  }

  override _resolve(): TableRecord | null {
    return this._table._resolve();
  }

  override _ownScalars(): readonly string[] {
    return ["count"];
  }

  override _scalarNames(): readonly string[] {
    return ["count"];
  }

  override _readScalar(name: string, table: TableRecord): unknown {
    return name === "count" ? table.rect.cols : super._readScalar(name, table);
  }

  override _enumerate(table: TableRecord): TableColumn[] {
    return Array.from({ length: table.rect.cols }, (_, index) =>
      this._at(index, "TableColumnCollection.items")
    );
  }

  private _at(index: number, where: string): TableColumn {
    return new TableColumn(this.context, () => {
      const table = this._table._resolve();
      if (table === null) return null;
      if (!Number.isInteger(index) || index < 0 || index >= table.rect.cols)
        throw officeError(ErrorCodes.itemNotFound, where);
      return { table, index };
    });
  }

  private _find(table: TableRecord, key: number | string): number {
    if (typeof key === "number") return key - 1;
    const headers = tableHeaders(this.context._model, table).map((h) => h.toLowerCase());
    const byName = headers.indexOf(String(key).toLowerCase());
    return byName >= 0 ? byName : /^[0-9]+$/.test(String(key)) ? Number(key) - 1 : -1;
  }

  /** A column by name (case-insensitive) or id (1-based); ItemNotFound when absent. */
  getItem(key: number | string): TableColumn {
    return new TableColumn(this.context, () => {
      const table = this._table._resolve();
      if (table === null) return null;
      const index = this._find(table, key);
      if (index < 0 || index >= table.rect.cols)
        throw officeError(ErrorCodes.itemNotFound, "TableColumnCollection.getItem");
      return { table, index };
    });
  }

  getItemOrNullObject(key: number | string): TableColumn {
    return new TableColumn(this.context, () => {
      const table = this._table._resolve();
      if (table === null) return null;
      const index = this._find(table, key);
      return index < 0 || index >= table.rect.cols ? null : { table, index };
    });
  }

  getItemAt(index: number): TableColumn {
    return this._at(index, "TableColumnCollection.getItemAt");
  }

  getCount(): ClientResult<number> {
    return this._result("getCount", (table) => table.rect.cols);
  }

  /**
   * Adds a column at the right end (inserting elsewhere is not simulated: NotImplemented).
   * `values` may hold the header and the body, or the body only (then the header is `name` or "ColumnN").
   */
  add(
    index?: number | null,
    values?: any[][] | boolean | string | number,
    name?: string
  ): TableColumn {
    let added: number | undefined;
    this._apply(
      "add",
      { index: index ?? null, values: values ?? null, name: name ?? null },
      (table, sent) => {
        const model = this.context._model;
        const sheet = sheetOf(model, table);
        const args = sent as { index: number | null; values: unknown; name: string | null };
        if (args.index !== null && args.index !== table.rect.cols) {
          throw officeError(
            ErrorCodes.notImplemented,
            "TableColumnCollection.add",
            "The simulator adds columns at the end only."
          );
        }
        const column: Rect = {
          row: table.rect.row,
          col: table.rect.col + table.rect.cols,
          rows: table.rect.rows,
          cols: 1,
        };
        insideSheet(column, "TableColumnCollection.add");
        checkNoOverlap(model, sheet, column, "TableColumnCollection.add", table);
        const headers = tableHeaders(model, table);
        let body: unknown = args.values;
        let header = args.name ?? undefined;
        if (Array.isArray(args.values)) {
          const grid = args.values as unknown[][];
          if (grid.length === table.rect.rows) {
            header ??=
              grid[0]?.[0] === undefined || grid[0][0] === null ? undefined : String(grid[0][0]);
            body = grid.slice(1);
          } else if (grid.length !== table.rect.rows - 1) {
            throw officeError(ErrorCodes.invalidArgument, "TableColumnCollection.add");
          }
        }
        const [unique] = normalizeHeaders([...headers, header ?? ""]).slice(-1);
        model.backend.setCells(sheet.name, column.row, column.col, [
          [asText(unique === "" ? `Column${headers.length + 1}` : unique)],
        ]);
        table.rect = { ...table.rect, cols: table.rect.cols + 1 };
        if (body !== null)
          writeCellsInTables(
            model,
            sheet,
            { ...column, row: column.row + 1, rows: column.rows - 1 },
            body,
            "TableColumnCollection.add"
          );
        added = table.rect.cols - 1;
      }
    );
    return new TableColumn(this.context, () => {
      const table = this._table._resolve();
      if (table === null || added === undefined)
        throw officeError(ErrorCodes.itemNotFound, "TableColumnCollection.add");
      return { table, index: added };
    });
  }
}

export class TableColumn extends SimObject<ColumnTarget> {
  constructor(
    context: RequestContext,
    private readonly _find: () => ColumnTarget | null
  ) {
    super(context);
  }

  get _typeName(): string {
    return "TableColumn";
  }

  override _resolve(): ColumnTarget | null {
    return this._find();
  }

  override _scalarNames(): readonly string[] {
    return ["id", "index", "name", "values"];
  }

  private _rect({ table, index }: ColumnTarget): Rect {
    return { row: table.rect.row, col: table.rect.col + index, rows: table.rect.rows, cols: 1 };
  }

  override _readScalar(name: string, target: ColumnTarget): unknown {
    const model = this.context._model;
    switch (name) {
      case "id":
        return target.index + 1;
      case "index":
        return target.index;
      case "name":
        return tableHeaders(model, target.table)[target.index];
      case "values": {
        const rect = this._rect(target);
        return model.backend.getValues(
          sheetOf(model, target.table).name,
          rect.row,
          rect.col,
          rect.rows,
          1
        );
      }
      default:
        return super._readScalar(name, target);
    }
  }

  /** The header text. Setting it writes the header cell. */
  set name(name: string) {
    this._setProperty("name", name, (target, sent) => {
      const model = this.context._model;
      if (typeof sent !== "string" || sent === "")
        throw officeError(ErrorCodes.invalidArgument, "TableColumn.name");
      const others = tableHeaders(model, target.table).filter((_, i) => i !== target.index);
      if (others.some((h) => h.toLowerCase() === sent.toLowerCase())) {
        throw officeError(
          ErrorCodes.invalidArgument,
          "TableColumn.name",
          "A column with this name already exists."
        );
      }
      const rect = this._rect(target);
      model.backend.setCells(sheetOf(model, target.table).name, rect.row, rect.col, [
        [asText(sent)],
      ]);
    });
  }

  /** The whole column, header included. */
  set values(values: any[][]) {
    this._setProperty("values", values, (target, sent) => {
      const model = this.context._model;
      const sheet = sheetOf(model, target.table);
      writeCellsInTables(model, sheet, this._rect(target), sent, "TableColumn.values");
      headersStayText(model, sheet, this._rect(target));
    });
  }

  private _part(part: (target: ColumnTarget) => Rect): Range {
    return new Range(this.context, () => {
      const target = this._resolve();
      return target === null
        ? null
        : { sheet: sheetOf(this.context._model, target.table), rect: part(target) };
    });
  }

  getRange(): Range {
    return this._part((t) => this._rect(t));
  }

  getHeaderRowRange(): Range {
    return this._part((t) => ({ ...this._rect(t), rows: 1 }));
  }

  getDataBodyRange(): Range {
    return this._part((t) => ({
      ...this._rect(t),
      row: t.table.rect.row + 1,
      rows: t.table.rect.rows - 1,
    }));
  }

  /** Deleting table columns is not simulated: fails with NotImplemented. */
  delete(): void {
    this._apply("delete", undefined, () => {
      throw officeError(ErrorCodes.notImplemented, "TableColumn.delete");
    });
  }
}

interface RowTarget {
  table: TableRecord;
  index: number;
}

export class TableRowCollection extends SimCollection<TableRecord, TableRow> {
  constructor(
    context: RequestContext,
    private readonly _table: Table
  ) {
    super(context);
  }

  get _typeName(): string {
    return "TableRowCollection";
  }

  override _resolve(): TableRecord | null {
    return this._table._resolve();
  }

  override _ownScalars(): readonly string[] {
    return ["count"];
  }

  override _scalarNames(): readonly string[] {
    return ["count"];
  }

  override _readScalar(name: string, table: TableRecord): unknown {
    return name === "count" ? table.rect.rows - 1 : super._readScalar(name, table);
  }

  override _enumerate(table: TableRecord): TableRow[] {
    return Array.from({ length: table.rect.rows - 1 }, (_, index) => this.getItemAt(index));
  }

  getItemAt(index: number): TableRow {
    return new TableRow(this.context, () => {
      const table = this._table._resolve();
      if (table === null) return null;
      if (!Number.isInteger(index) || index < 0 || index >= table.rect.rows - 1) {
        throw officeError(ErrorCodes.invalidArgument, "TableRowCollection.getItemAt");
      }
      return { table, index };
    });
  }

  getCount(): ClientResult<number> {
    return this._result("getCount", (table) => table.rect.rows - 1);
  }

  /**
   * Adds rows (at the end, or before body row `index`), shifting the cells below down within the
   * table's columns. A new table's single blank body row is filled first, as Excel does.
   */
  add(
    index?: number | null,
    values?: any[][] | boolean | string | number,
    alwaysInsert?: boolean
  ): TableRow {
    let addedAt: number | undefined;
    const args = {
      index: index ?? null,
      values: values ?? null,
      alwaysInsert: alwaysInsert ?? true,
    };
    this._apply("add", args, (table, sent) => {
      const model = this.context._model;
      const sheet = sheetOf(model, table);
      const where = "TableRowCollection.add";
      const { index: at0, values: given, alwaysInsert: insert } = sent as typeof args;
      const body = bodyRect(table);
      let grid: unknown[][] | null = null;
      if (Array.isArray(given)) {
        if (
          given.length === 0 ||
          !given.every((line) => Array.isArray(line) && line.length === body.cols)
        ) {
          throw officeError(ErrorCodes.invalidArgument, where);
        }
        grid = given as unknown[][];
      } else if (given !== null) {
        grid = [new Array<unknown>(body.cols).fill(given)];
      }
      const count = grid ? grid.length : 1;
      let at = at0 === null || at0 === -1 ? body.rows : at0;
      if (!Number.isInteger(at) || at < 0 || at > body.rows)
        throw officeError(ErrorCodes.invalidArgument, where);
      const fillsBlank = body.rows === 1 && at === 1 && rowIsBlank(model, sheet, body);
      if (fillsBlank) at = 0;
      const inserted = fillsBlank ? count - 1 : count;
      if (inserted > 0) {
        const firstNew = body.row + at + (fillsBlank ? 1 : 0);
        if (insert === false && at === body.rows) {
          checkNoOverlap(model, sheet, { ...body, row: firstNew, rows: inserted }, where, table);
        } else {
          shiftRows(
            model,
            sheet,
            { col: body.col, cols: body.cols },
            firstNew,
            inserted,
            where,
            table
          );
        }
        if (table.rect.row + table.rect.rows + inserted > MAX_ROWS)
          throw officeError(ErrorCodes.invalidOperation, where);
        table.rect = { ...table.rect, rows: table.rect.rows + inserted };
      }
      const added = { ...body, row: body.row + at, rows: count };
      extendCalculatedColumns(model, sheet, table, added);
      if (grid) writeCellsInTables(model, sheet, added, grid, where, table);
      addedAt = at;
    });
    return new TableRow(this.context, () => {
      const table = this._table._resolve();
      if (table === null || addedAt === undefined)
        throw officeError(ErrorCodes.itemNotFound, "TableRowCollection.add");
      return { table, index: addedAt };
    });
  }

  /** Deletes `count` body rows from `index`, moving the cells below up; the last row is cleared, not removed. */
  deleteRowsAt(index: number, count = 1): void {
    this._apply("deleteRowsAt", { index, count }, (table, sent) => {
      const where = "TableRowCollection.deleteRowsAt";
      const { index: at, count: n } = sent as { index: number; count: number };
      const model = this.context._model;
      const sheet = sheetOf(model, table);
      const body = bodyRect(table);
      if (!Number.isInteger(at) || !Number.isInteger(n) || at < 0 || n < 1 || at + n > body.rows) {
        throw officeError(ErrorCodes.invalidArgument, where);
      }
      const removed = n === body.rows ? n - 1 : n;
      if (n === body.rows)
        model.backend.clear(sheet.name, body.row, body.col, 1, body.cols, "contents");
      const from = body.row + at + (n === body.rows ? 1 : 0);
      if (removed > 0) {
        shiftRows(model, sheet, { col: body.col, cols: body.cols }, from, -removed, where, table);
        table.rect = { ...table.rect, rows: table.rect.rows - removed };
      }
    });
  }
}

export class TableRow extends SimObject<RowTarget> {
  constructor(
    context: RequestContext,
    private readonly _find: () => RowTarget | null
  ) {
    super(context);
  }

  get _typeName(): string {
    return "TableRow";
  }

  override _resolve(): RowTarget | null {
    return this._find();
  }

  override _scalarNames(): readonly string[] {
    return ["index", "values"];
  }

  private _rect({ table, index }: RowTarget): Rect {
    return { row: table.rect.row + 1 + index, col: table.rect.col, rows: 1, cols: table.rect.cols };
  }

  override _readScalar(name: string, target: RowTarget): unknown {
    if (name === "index") return target.index;
    if (name === "values") {
      const model = this.context._model;
      const rect = this._rect(target);
      return model.backend.getValues(
        sheetOf(model, target.table).name,
        rect.row,
        rect.col,
        1,
        rect.cols
      );
    }
    return super._readScalar(name, target);
  }

  set values(values: any[][]) {
    this._setProperty("values", values, (target, sent) => {
      const model = this.context._model;
      writeCellsInTables(
        model,
        sheetOf(model, target.table),
        this._rect(target),
        sent,
        "TableRow.values"
      );
    });
  }

  getRange(): Range {
    return new Range(this.context, () => {
      const target = this._resolve();
      return target === null
        ? null
        : { sheet: sheetOf(this.context._model, target.table), rect: this._rect(target) };
    });
  }

  delete(): void {
    this._apply("delete", undefined, (target) => {
      const model = this.context._model;
      const sheet = sheetOf(model, target.table);
      const body = bodyRect(target.table);
      if (body.rows === 1) {
        model.backend.clear(sheet.name, body.row, body.col, 1, body.cols, "contents");
        return;
      }
      shiftRows(
        model,
        sheet,
        { col: body.col, cols: body.cols },
        body.row + target.index,
        -1,
        "TableRow.delete",
        target.table
      );
      target.table.rect = { ...target.table.rect, rows: target.table.rect.rows - 1 };
    });
  }
}
