/**
 * The host's side of one request: the workbook objects that the request's object paths resolve to.
 * A statement (a property set, a method call) runs at once, in the request's order, as Excel runs a
 * request's actions; the first that fails stops the request, those before it stay applied.
 */
import { asOfficeError } from "./errors";
import type { WorkbookModel } from "./model";
import type { Action } from "./object";
import { Workbook } from "./workbook";

export class RequestContext {
  /** @internal */
  readonly _model: WorkbookModel;
  readonly workbook: Workbook;

  constructor(model: WorkbookModel) {
    this._model = model;
    this.workbook = new Workbook(this);
  }

  /** @internal Runs a statement now; a failure is an Excel error located at the statement. */
  _run(action: Action): void {
    try {
      action.run(action.args);
    } catch (error) {
      throw asOfficeError(error, action.where);
    }
  }
}
