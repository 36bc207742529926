/**
 * `Excel.RequestContext` and `Excel.run`: the batch. Statements queue up on the context; `sync()`
 * sends them as one request, which Excel on the web refuses above 5 MB, runs them in order (a
 * failing statement stops the batch; those before it stay applied, as in Excel), then hands the
 * loaded values to the proxies, unless the response is over the limit.
 */
import { ErrorCodes, OfficeExtensionError, asOfficeError, officeError } from "./errors";
import type { WorkbookModel } from "./model";
import { parseLoadOption, SimObject, type Action, type Loaded, type LoadOption } from "./object";
import { Application, Workbook } from "./workbook";

/** `OfficeExtension.TrackedObjects`: the simulator never releases objects, so tracking is a no-op. */
export class TrackedObjects {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- kept to mirror the Office.js signature
  add(_objects: SimObject | SimObject[]): void {}
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- kept to mirror the Office.js signature
  remove(_objects: SimObject | SimObject[]): void {}
}

export class RequestContext {
  /** @internal */
  readonly _model: WorkbookModel;
  /** @internal Calls to sync() so far; proxies created before a sync know their null state after it. */
  _syncCalls = 0;
  private _pending: Action[] = [];
  readonly workbook: Workbook;
  readonly application: Application;
  readonly trackedObjects = new TrackedObjects();
  readonly requestHeaders: Record<string, string> = {};

  constructor(model: WorkbookModel) {
    this._model = model;
    this.workbook = new Workbook(this);
    this.application = this.workbook.application;
  }

  /** Statements waiting for the next sync, by location (for debugging, as in Office.js). */
  get debugInfo(): { pendingStatements: string[] } {
    return { pendingStatements: this._pending.map((action) => action.where) };
  }

  /** Queues up a command to load the specified properties of the object. */
  load(object: SimObject, option?: LoadOption): void {
    const paths = parseLoadOption(option);
    this._enqueue({
      where: `${object._typeName}.load`,
      kind: "load",
      run: () => object._readLoad(paths),
    });
  }

  /** Adds a trace message to the batch; kept for API compatibility, not recorded. */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- kept to mirror the Office.js signature
  trace(_message: string): void {}

  /** @internal */
  _enqueue(action: Action): void {
    this._pending.push(action);
  }

  /**
   * @internal Settles an *OrNullObject proxy at its place in the batch, so `isNullObject` reflects
   * the document at that point, and reading it after the sync needs no load.
   */
  _instantiate(object: SimObject, where: string): void {
    this._enqueue({
      where,
      kind: "load",
      run: () => {
        const isNull = object._resolve() === null;
        return { data: null, commit: () => void (object._isNull = isNull) };
      },
    });
  }

  /** Synchronizes the state between proxy objects and the workbook, running queued statements. */
  async sync<T>(passThroughValue?: T): Promise<T> {
    const model = this._model;
    const stats = model.stats;
    this._syncCalls += 1;
    stats.syncCalls += 1;
    const batch = this._pending;
    this._pending = [];
    if (batch.length === 0) return passThroughValue as T;
    stats.syncs += 1;

    const limit = model.limits.payloadBytes;
    let requestBytes = 0;
    const sent = batch.map((action) => {
      if (action.args === undefined) return undefined;
      const json = JSON.stringify(action.args) ?? "null";
      requestBytes += json.length;
      return json;
    });
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, requestBytes);
    stats.totalRequestBytes += requestBytes;
    if (requestBytes > limit) {
      // Refused before anything runs: the request never reaches the workbook.
      throw officeError(ErrorCodes.requestPayloadSizeLimitExceeded, batch[0].where);
    }

    const loaded: Loaded[] = [];
    let responseBytes = 0;
    let failure: OfficeExtensionError | undefined;
    let overflowAt: string | undefined;
    for (let i = 0; i < batch.length; i += 1) {
      const action = batch[i];
      // Past the response limit the sync fails anyway; reads have no effect, so skip them.
      if (overflowAt !== undefined && action.kind === "load") continue;
      try {
        const json = sent[i];
        const result = action.run(json === undefined ? undefined : JSON.parse(json));
        if (result) {
          responseBytes += (JSON.stringify(result.data) ?? "null").length;
          loaded.push(result);
          if (responseBytes > limit) overflowAt = action.where;
        }
      } catch (error) {
        failure = asOfficeError(error, action.where);
        break;
      }
    }
    stats.largestResponseBytes = Math.max(stats.largestResponseBytes, responseBytes);
    stats.totalResponseBytes += responseBytes;
    if (model.options.latencyMs > 0)
      await new Promise((resolve) => setTimeout(resolve, model.options.latencyMs));
    if (failure) throw failure;
    if (overflowAt !== undefined)
      throw officeError(ErrorCodes.responsePayloadSizeLimitExceeded, overflowAt);
    loaded.forEach((result) => result.commit());
    return passThroughValue as T;
  }
}

/** `Excel.RunOptions` (accepted, ignored: the simulator has no cell-edit mode to wait for). */
export interface RunOptions {
  delayForCellEdit?: boolean;
  previousObjects?: SimObject | SimObject[] | RequestContext;
}

export type Batch<T> = (context: RequestContext) => Promise<T>;

/**
 * `Excel.run`: creates a context (or reuses the one of the given object or context, for event
 * handlers and long-lived objects), runs the batch, then sends what is still queued, as Office.js
 * does before releasing the context.
 */
export function createRun(newContext: () => RequestContext) {
  function run<T>(batch: Batch<T>): Promise<T>;
  function run<T>(
    reuse: SimObject | SimObject[] | RequestContext | RunOptions,
    batch: Batch<T>
  ): Promise<T>;
  async function run<T>(first: unknown, second?: Batch<T>): Promise<T> {
    const batch = (typeof first === "function" ? first : second) as Batch<T> | undefined;
    if (typeof batch !== "function") throw officeError(ErrorCodes.invalidArgument, "Excel.run");
    const reuse = typeof first === "function" ? undefined : first;
    const previous =
      reuse &&
      !(reuse instanceof RequestContext) &&
      !(reuse instanceof SimObject) &&
      !Array.isArray(reuse)
        ? (reuse as RunOptions).previousObjects
        : reuse;
    let context: RequestContext;
    if (previous instanceof RequestContext) context = previous;
    else if (previous instanceof SimObject) context = previous.context;
    else if (Array.isArray(previous) && previous[0] instanceof SimObject)
      context = previous[0].context;
    else context = newContext();
    const pending = batch(context);
    if (!pending || typeof (pending as Promise<T>).then !== "function") {
      throw officeError(ErrorCodes.runMustReturnPromise, "Excel.run");
    }
    const result = await pending;
    await context.sync();
    return result;
  }
  return run;
}
