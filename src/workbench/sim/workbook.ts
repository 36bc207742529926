/** `Excel.Workbook` (`context.workbook`) and `Excel.Application`. */
import type { RequestContext } from "./context";
import type { WorkbookModel } from "./model";
import { BagObject, SimObject, defineBagProperties } from "./object";
import { Range } from "./range";
import { SettingCollection } from "./settings";
import { TableCollection } from "./tables";
import { WorksheetCollection } from "./worksheet";

export class Workbook extends SimObject<WorkbookModel> {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly settings: SettingCollection;
  readonly application: Application;

  constructor(context: RequestContext) {
    super(context);
    this.worksheets = new WorksheetCollection(context);
    this.tables = new TableCollection(context);
    this.settings = new SettingCollection(context);
    this.application = new Application(context);
  }

  get _typeName(): string {
    return "Workbook";
  }

  override _resolve(): WorkbookModel {
    return this.context._model;
  }

  override _scalarNames(): readonly string[] {
    return ["name"];
  }

  override _readScalar(name: string, model: WorkbookModel): unknown {
    return name === "name" ? model.options.workbookName : super._readScalar(name, model);
  }

  override _nav(name: string): SimObject | undefined {
    switch (name) {
      case "worksheets":
        return this.worksheets;
      case "tables":
        return this.tables;
      case "settings":
        return this.settings;
      case "application":
        return this.application;
      default:
        return undefined;
    }
  }

  /** The selected range (the host's selection on the active sheet). */
  getSelectedRange(): Range {
    return new Range(this.context, () => this.context._model.selection());
  }

  /** The active cell: the top-left cell of the selection. */
  getActiveCell(): Range {
    return new Range(this.context, () => {
      const { sheet, rect } = this.context._model.selection();
      return { sheet, rect: { row: rect.row, col: rect.col, rows: 1, cols: 1 } };
    });
  }
}

/** `Excel.Application`: calculation settings accepted (the backends always recalculate). */
export class Application extends BagObject {
  declare calculationMode: string;
  private readonly _settings: Record<string, unknown> = {};

  get _typeName(): string {
    return "Application";
  }
  get _defaults(): Readonly<Record<string, unknown>> {
    return { calculationMode: "Automatic" };
  }
  protected _bag(): Record<string, unknown> {
    return this._settings;
  }

  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- kept to mirror the Office.js signature
  calculate(_calculationType?: string): void {
    this._apply("calculate", undefined, () => undefined);
  }
  suspendApiCalculationUntilNextSync(): void {
    this._apply("suspendApiCalculationUntilNextSync", undefined, () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._apply("suspendScreenUpdatingUntilNextSync", undefined, () => undefined);
  }
}
defineBagProperties(Application, ["calculationMode"]);
