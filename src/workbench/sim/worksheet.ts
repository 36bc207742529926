/** `Excel.Worksheet` and `Excel.WorksheetCollection`. */
import { MAX_COLUMNS, MAX_ROWS } from "./address";
import { ChartCollection } from "./charts";
import type { RequestContext } from "./context";
import { ErrorCodes, officeError } from "./errors";
import type { SheetRecord, WorkbookModel } from "./model";
import { BagObject, ClientResult, SimCollection, SimObject, defineBagProperties } from "./object";
import { Range, addressOnSheet, insideSheet, type Located } from "./range";
import { TableCollection } from "./tables";

const VISIBILITIES = ["Visible", "Hidden", "VeryHidden"];
const SCALARS = ["id", "name", "position", "visibility", "tabColor", "showGridlines"];

export class Worksheet extends SimObject<SheetRecord> {
  private _id: string | undefined;
  private _tables: TableCollection | undefined;
  private _charts: ChartCollection | undefined;
  private _freezePanes: WorksheetFreezePanes | undefined;

  /** @param _find finds the sheet when the request first uses it; the object then keeps to that sheet. */
  constructor(
    context: RequestContext,
    private readonly _find: () => SheetRecord | null
  ) {
    super(context);
  }

  get _typeName(): string {
    return "Worksheet";
  }

  override _resolve(): SheetRecord | null {
    if (this._id !== undefined) {
      const sheet = this.context._model.sheetById(this._id);
      if (!sheet) throw officeError(ErrorCodes.itemNotFound, "Worksheet");
      return sheet;
    }
    const sheet = this._find();
    if (sheet) this._id = sheet.id;
    return sheet;
  }

  override _scalarNames(): readonly string[] {
    return SCALARS;
  }

  override _readScalar(name: string, sheet: SheetRecord): unknown {
    switch (name) {
      case "id":
        return sheet.id;
      case "name":
        return sheet.name;
      case "position":
        return this.context._model.sheets().indexOf(sheet);
      case "visibility":
        return sheet.visibility;
      case "tabColor":
        return sheet.tabColor;
      case "showGridlines":
        return sheet.showGridlines;
      default:
        return super._readScalar(name, sheet);
    }
  }

  override _nav(name: string): SimObject | undefined {
    if (name === "tables") return this.tables;
    if (name === "charts") return this.charts;
    if (name === "freezePanes") return this.freezePanes;
    return undefined;
  }

  private get _model(): WorkbookModel {
    return this.context._model;
  }

  set name(name: string) {
    this._setProperty("name", name, (sheet, sent) =>
      this._model.renameSheet(sheet, sent, "Worksheet.name")
    );
  }

  /** Zero-based position in the workbook. */
  set position(position: number) {
    this._setProperty("position", position, (sheet, sent) =>
      this._model.moveSheet(sheet, sent as number, "Worksheet.position")
    );
  }

  set visibility(visibility: "Visible" | "Hidden" | "VeryHidden") {
    this._setProperty("visibility", visibility, (sheet, sent) => {
      if (typeof sent !== "string" || !VISIBILITIES.includes(sent)) {
        throw officeError(ErrorCodes.invalidArgument, "Worksheet.visibility");
      }
      const visible = this._model.sheets().filter((s) => s.visibility === "Visible" && s !== sheet);
      if (sent !== "Visible" && visible.length === 0) {
        throw officeError(
          ErrorCodes.invalidOperation,
          "Worksheet.visibility",
          "A workbook must contain at least one visible worksheet."
        );
      }
      sheet.visibility = sent as SheetRecord["visibility"];
    });
  }

  set tabColor(color: string) {
    this._setProperty(
      "tabColor",
      color,
      (sheet, sent) => void (sheet.tabColor = String(sent ?? ""))
    );
  }

  set showGridlines(show: boolean) {
    this._setProperty(
      "showGridlines",
      show,
      (sheet, sent) => void (sheet.showGridlines = sent === true)
    );
  }

  get tables(): TableCollection {
    this._tables ??= new TableCollection(this.context, this);
    return this._tables;
  }

  get charts(): ChartCollection {
    this._charts ??= new ChartCollection(this.context, this);
    return this._charts;
  }

  get freezePanes(): WorksheetFreezePanes {
    this._freezePanes ??= new WorksheetFreezePanes(this.context, () =>
      this._resolve() === null ? null : {}
    );
    return this._freezePanes;
  }

  private _range(locate: (sheet: SheetRecord) => Located | null): Range {
    return new Range(this.context, () => {
      const sheet = this._resolve();
      return sheet === null ? null : locate(sheet);
    });
  }

  /** A range by address ("A1", "A1:C10", "B:B", "3:5"); the whole sheet without an address. */
  getRange(address?: string): Range {
    return this._range((sheet) =>
      address === undefined || address === ""
        ? { sheet, rect: { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLUMNS } }
        : addressOnSheet(this._model, sheet, address, "Worksheet.getRange")
    );
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): Range {
    return this._range((sheet) => ({
      sheet,
      rect: insideSheet(
        { row: startRow, col: startColumn, rows: rowCount, cols: columnCount },
        "Worksheet.getRangeByIndexes"
      ),
    }));
  }

  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** The used range; on a blank sheet, A1 (as Excel does). */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- kept to mirror the Office.js signature
  getUsedRange(_valuesOnly?: boolean): Range {
    return this._range((sheet) => ({
      sheet,
      rect: this._model.backend.usedRange(sheet.name) ?? { row: 0, col: 0, rows: 1, cols: 1 },
    }));
  }

  /** The used range, or a null object on a blank sheet. */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- kept to mirror the Office.js signature
  getUsedRangeOrNullObject(_valuesOnly?: boolean): Range {
    return this._range((sheet) => {
      const rect = this._model.backend.usedRange(sheet.name);
      return rect ? { sheet, rect } : null;
    });
  }

  delete(): void {
    this._apply("delete", undefined, (sheet) => this._model.deleteSheet(sheet, "Worksheet.delete"));
  }

  activate(): void {
    this._apply("activate", undefined, (sheet) => this._model.activate(sheet));
  }

  /** Recalculation is automatic in the backends: accepted. */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- kept to mirror the Office.js signature
  calculate(_markAllDirty?: boolean): void {
    this._apply("calculate", undefined, () => undefined);
  }
}

/** `Excel.WorksheetFreezePanes`: accepted, not rendered. */
export class WorksheetFreezePanes extends BagObject {
  constructor(
    context: RequestContext,
    private readonly _provide: () => Record<string, unknown> | null
  ) {
    super(context);
  }
  get _typeName(): string {
    return "WorksheetFreezePanes";
  }
  get _defaults(): Readonly<Record<string, unknown>> {
    return {};
  }
  protected _bag(): Record<string, unknown> | null {
    return this._provide();
  }
  freezeRows(count = 1): void {
    this._apply("freezeRows", count, () => undefined);
  }
  freezeColumns(count = 1): void {
    this._apply("freezeColumns", count, () => undefined);
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- kept to mirror the Office.js signature
  freezeAt(_frozenRange: Range | string): void {
    this._apply("freezeAt", undefined, () => undefined);
  }
  unfreeze(): void {
    this._apply("unfreeze", undefined, () => undefined);
  }
}
defineBagProperties(WorksheetFreezePanes, []);

export class WorksheetCollection extends SimCollection<WorkbookModel, Worksheet> {
  get _typeName(): string {
    return "WorksheetCollection";
  }

  override _resolve(): WorkbookModel {
    return this.context._model;
  }

  private _byId(id: string, where: string): Worksheet {
    return new Worksheet(this.context, () => {
      const sheet = this.context._model.sheetById(id);
      if (!sheet) throw officeError(ErrorCodes.itemNotFound, where);
      return sheet;
    });
  }

  override _enumerate(model: WorkbookModel): Worksheet[] {
    return model.sheets().map((sheet) => this._byId(sheet.id, "WorksheetCollection.items"));
  }

  /** Adds a sheet (named "SheetN" when no name is given); ItemAlreadyExists for a taken name. */
  add(name?: string): Worksheet {
    let created: string | undefined;
    this._apply("add", name ?? null, (model, sent) => {
      created = model.addSheet(sent, "WorksheetCollection.add").id;
    });
    return new Worksheet(this.context, () => {
      const sheet = created === undefined ? undefined : this.context._model.sheetById(created);
      if (!sheet) throw officeError(ErrorCodes.itemNotFound, "WorksheetCollection.add");
      return sheet;
    });
  }

  private _find(key: string): SheetRecord | undefined {
    const model = this.context._model;
    return typeof key === "string" ? (model.sheetByName(key) ?? model.sheetById(key)) : undefined;
  }

  /** A sheet by name (case-insensitive) or id; ItemNotFound when absent. */
  getItem(key: string): Worksheet {
    return new Worksheet(this.context, () => {
      const sheet = this._find(key);
      if (!sheet) throw officeError(ErrorCodes.itemNotFound, "WorksheetCollection.getItem");
      return sheet;
    });
  }

  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.context, () => this._find(key) ?? null);
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, () => this.context._model.activeSheet());
  }

  getFirst(visibleOnly?: boolean): Worksheet {
    return new Worksheet(this.context, () => {
      const sheets = this.context._model
        .sheets()
        .filter((s) => !visibleOnly || s.visibility === "Visible");
      return sheets[0];
    });
  }

  getLast(visibleOnly?: boolean): Worksheet {
    return new Worksheet(this.context, () => {
      const sheets = this.context._model
        .sheets()
        .filter((s) => !visibleOnly || s.visibility === "Visible");
      return sheets[sheets.length - 1];
    });
  }

  getCount(visibleOnly?: boolean): ClientResult<number> {
    return this._result(
      "getCount",
      (model) => model.sheets().filter((s) => !visibleOnly || s.visibility === "Visible").length
    );
  }
}
