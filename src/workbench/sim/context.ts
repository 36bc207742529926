/**
 * The host's side of one request: the workbook objects that the request's object paths resolve to.
 * A statement (a property set, a method call) runs at once, in the request's order, as Excel runs a
 * request's actions; the first that fails stops the request, those before it stay applied.
 */
import { asOfficeError } from "./errors";
import type { WorkbookModel } from "./model";
import type { Action } from "./object";
import { Application, Workbook } from "./workbook";

export class RequestContext {
  /** @internal */
  readonly _model: WorkbookModel;
  /** @internal Kept for the objects' bookkeeping; the host has no client-side syncs. */
  readonly _syncCalls = 0;
  readonly workbook: Workbook;
  readonly application: Application;

  constructor(model: WorkbookModel) {
    this._model = model;
    this.workbook = new Workbook(this);
    this.application = this.workbook.application;
  }

  /** @internal Runs a statement now; its result (a method's value) is handed over at once. */
  _enqueue(action: Action): void {
    try {
      action.run(action.args)?.commit();
    } catch (error) {
      throw asOfficeError(error, action.where);
    }
  }

  /** @internal The host settles null objects when the client instantiates them. */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the object methods still announce them
  _instantiate(_object: unknown, _where: string): void {}
}
