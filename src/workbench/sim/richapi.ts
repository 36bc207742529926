/**
 * The host: Excel's side of the RichApi protocol that Microsoft's Excel JavaScript client speaks.
 * Every `context.sync()` of the add-in becomes one request body (JSON: `Actions` run in order over
 * `ObjectPaths`); the host resolves each path to a workbook object by class and member (members.ts),
 * runs the actions, and answers as Excel does: `Results` by action id with PascalCase property
 * values, `null` for a null object, `_ReferenceId` for a range the client keeps, `Id` / `_Id` for
 * objects it addresses later, or an `Error` with Excel's code, message, location and action index.
 * Microsoft's client turns that answer into the values, proxies and errors the add-in sees.
 *
 * Sizes are measured on the bodies themselves, in UTF-8 bytes: a request over the limit is refused
 * before anything runs, a response over it fails the request after it ran (as Excel on the web).
 */
import { RequestContext } from "./context";
import { ErrorCodes, type ExcelError, asOfficeError, officeError } from "./errors";
import { NOT_PLAIN, jsonBytes, jsonView } from "./json-view";
import { type Member, memberOf, versionAtMost } from "./members";
import type { WorkbookModel } from "./model";
import { ClientResult, SimCollection, SimObject, wireName } from "./object";

interface ArgumentInfo {
  readonly Arguments?: unknown[];
  readonly ReferencedObjectPathIds?: unknown[];
}

interface ObjectPath {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: ArgumentInfo;
}

interface RequestAction {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: ArgumentInfo;
  readonly QueryInfo?: {
    readonly Select?: string[];
    readonly Expand?: string[];
    readonly Top?: number;
    readonly Skip?: number;
  };
}

export interface RichApiRequest {
  readonly Actions: RequestAction[];
  readonly ObjectPaths: Record<string, ObjectPath>;
}

export interface RichApiError {
  readonly Code: string;
  readonly Message: string;
  readonly Location?: string;
  readonly ActionIndex?: number;
  readonly HttpStatusCode: number;
}

export interface RichApiResponse {
  Results: { ActionId: number; Value: unknown }[];
  TraceIds?: number[];
  Error?: RichApiError;
}

const PATH = { global: 1, newObject: 2, method: 3, property: 4, indexer: 5, reference: 6, null: 7 };
const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4, trace: 5 };

/** A path that the client knows to be a null object, and everything below it. */
const NULL_OBJECT = Symbol("null object");
type Resolved = SimObject | typeof NULL_OBJECT;

const HTTP_STATUS: Record<string, number> = {
  ItemNotFound: 404,
  ApiNotFound: 404,
  AccessDenied: 403,
  ItemAlreadyExists: 409,
  GeneralException: 500,
  NotImplemented: 501,
};

/** UTF-8 bytes of a string, without building the encoded copy (request bodies reach 5 MB). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one four-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function errorOf(error: ExcelError, actionIndex?: number): RichApiError {
  return {
    Code: error.code,
    Message: error.message,
    ...(error.location ? { Location: error.location } : {}),
    ...(actionIndex === undefined ? {} : { ActionIndex: actionIndex }),
    HttpStatusCode: HTTP_STATUS[error.code] ?? 400,
  };
}

/** Excel's answer for a member it lacks; the location names the member. */
function apiNotFound(location: string): ExcelError {
  return officeError(ErrorCodes.apiNotFound, location);
}

/** `GetRange` → `getRange`, `Values` → `values`: the member's name on the object classes. */
function jsName(wire: string): string {
  return wire.charAt(0).toLowerCase() + wire.slice(1);
}

export class RichApiHost {
  private readonly context: RequestContext;
  /** Objects the client keeps between requests (`_KeepReference`), by the id handed out. */
  readonly references = new Map<string, SimObject>();
  private lastReference = 0;

  constructor(
    readonly model: WorkbookModel,
    /** Requirement sets this host supports ("ExcelApi" → "1.17"); a member above them is ApiNotFound. */
    readonly sets: Readonly<Record<string, string>>
  ) {
    this.context = new RequestContext(model);
  }

  get root(): SimObject {
    return this.context.workbook;
  }

  newReference(object: SimObject): string {
    const id = `R${++this.lastReference}`;
    this.references.set(id, object);
    return id;
  }

  /** Whether the host's profile has the requirement set a member came with. */
  supports(since: string): boolean {
    const [set, version] = /^\d/.test(since) ? ["ExcelApi", since] : since.split(" ");
    const highest = this.sets[set];
    return highest !== undefined && versionAtMost(version, highest);
  }

  /**
   * One request body in, the response body out (Excel on the web answers HTTP 200 either way). The
   * body is JSON text, or the object the client would send as JSON: that is read and measured as JSON
   * carries it (json-view.ts), without making or parsing its text; it is never changed, and nothing
   * of it is kept.
   */
  processQuery(body: unknown): string {
    const stats = this.model.stats;
    const view = typeof body === "string" ? NOT_PLAIN : jsonView(body);
    const requestBytes =
      typeof body === "string"
        ? utf8Bytes(body)
        : view !== NOT_PLAIN
          ? jsonBytes(view)
          : utf8Bytes(JSON.stringify(body));
    const request = (
      view !== NOT_PLAIN ? view : JSON.parse(typeof body === "string" ? body : JSON.stringify(body))
    ) as RichApiRequest;
    // The client's own request releasing kept references once a run ends is not a sync of the add-in.
    const cleanup =
      request.Actions.some((a) => a.Name === "_RemoveReference") &&
      request.Actions.every(
        (a) => a.ActionType === ACTION.instantiate || a.Name === "_RemoveReference"
      );
    if (!cleanup) {
      stats.syncs += 1;
      stats.largestRequestBytes = Math.max(stats.largestRequestBytes, requestBytes);
      stats.totalRequestBytes += requestBytes;
    }
    const limit = this.model.limits.payloadBytes;
    if (requestBytes > limit) {
      // Refused before anything runs: the request never reaches the workbook.
      const error = officeError(ErrorCodes.requestPayloadSizeLimitExceeded);
      return JSON.stringify({ Results: [], Error: errorOf(error) });
    }
    const response = new RequestRun(this, request).execute();
    const text = JSON.stringify(response);
    const responseBytes = utf8Bytes(text);
    if (!cleanup) {
      stats.largestResponseBytes = Math.max(stats.largestResponseBytes, responseBytes);
      stats.totalResponseBytes += responseBytes;
    }
    if (responseBytes > limit) {
      const error = officeError(ErrorCodes.responsePayloadSizeLimitExceeded);
      return JSON.stringify({ Results: [], Error: errorOf(error) });
    }
    return text;
  }
}

/** One request: its paths resolved once each, its actions run in order until one fails. */
class RequestRun {
  private readonly resolved = new Map<number, Resolved>();
  private readonly kept = new Set<number>();
  private readonly response: RichApiResponse = { Results: [] };

  constructor(
    private readonly host: RichApiHost,
    private readonly request: RichApiRequest
  ) {}

  execute(): RichApiResponse {
    const actions = this.request.Actions;
    for (let i = 0; i < actions.length; i++) {
      try {
        this.run(actions[i]);
      } catch (error) {
        this.response.Error = errorOf(asOfficeError(error, actions[i].Name || "Request"), i);
        break;
      }
    }
    return this.response;
  }

  private answer(action: RequestAction, value: unknown): void {
    this.response.Results.push({ ActionId: action.Id, Value: value });
  }

  private run(action: RequestAction): void {
    switch (action.ActionType) {
      case ACTION.instantiate:
        return this.answer(action, this.instantiate(action.ObjectPathId));
      case ACTION.query:
        return this.query(action);
      case ACTION.method:
        return this.method(action);
      case ACTION.setProperty:
        return this.setProperty(action);
      case ACTION.trace:
        (this.response.TraceIds ??= []).push(action.Id);
        return;
      default:
        throw officeError(
          ErrorCodes.notImplemented,
          "Request",
          `The host does not run actions of type ${action.ActionType}.`
        );
    }
  }

  /** null for a null object, the reference the client keeps, or what lets it find the object again. */
  private instantiate(pathId: number): unknown {
    const object = this.resolve(pathId);
    if (object === NULL_OBJECT) return null;
    const target = object._resolve();
    if (target === null) return null;
    if (this.kept.delete(pathId)) return { _ReferenceId: this.host.newReference(object) };
    return object._identity(target);
  }

  private query(action: RequestAction): void {
    const object = this.resolve(action.ObjectPathId);
    if (object === NULL_OBJECT) return this.answer(action, null);
    const info = action.QueryInfo ?? {};
    const names = [...(info.Select ?? []), ...(info.Expand ?? [])];
    const paths = names.length === 0 ? [[]] : names.map((n) => n.split("/").map((s) => s.trim()));
    this.checkQuery(object, paths);
    const value =
      object instanceof SimCollection
        ? object._query(paths, { top: info.Top, skip: info.Skip })
        : object._query(paths);
    this.answer(action, value);
  }

  private method(action: RequestAction): void {
    const object = this.resolve(action.ObjectPathId);
    if (action.Name === "_KeepReference") {
      this.kept.add(action.ObjectPathId);
      return;
    }
    if (action.Name === "_RemoveReference") {
      this.host.references.delete(String(action.ArgumentInfo?.Arguments?.[0]));
      return;
    }
    if (action.Name === "_ValidateArraySize") return; // the chunks that follow are checked as written
    if (object === NULL_OBJECT) return; // a statement on a null object does nothing (see README)
    this.member(object, action.Name, ["method"]);
    const result: unknown = this.call(object, action.Name, action.ArgumentInfo);
    if (result instanceof ClientResult) this.answer(action, result.value);
  }

  private setProperty(action: RequestAction): void {
    const object = this.resolve(action.ObjectPathId);
    if (object === NULL_OBJECT) return;
    const member = this.member(object, action.Name, ["scalar"]);
    if (member.setSince !== undefined && !this.host.supports(member.setSince))
      throw apiNotFound(`${object._typeName}.${jsName(action.Name)}`);
    if (!member.writable)
      throw officeError(
        ErrorCodes.invalidArgument,
        `${object._typeName}.${jsName(action.Name)}`,
        `The property '${jsName(action.Name)}' of ${object._typeName} is read-only.`
      );
    const [value] = this.argumentsOf(action.ArgumentInfo);
    Reflect.set(object, jsName(action.Name), value);
  }

  /** The member, if the object's class has it in this host's profile; else Excel's ApiNotFound. */
  private member(object: SimObject, wire: string, kinds: Member["kind"][]): Member {
    const member = memberOf(object._typeName, wire);
    if (!member || !kinds.includes(member.kind) || !this.host.supports(member.since))
      throw apiNotFound(`${object._typeName}.${jsName(wire)}`);
    return member;
  }

  /** A load names properties the class has (a collection's: its own, or its items'). */
  private checkQuery(object: SimObject, paths: string[][]): void {
    const itemClass =
      object instanceof SimCollection
        ? (memberOf(object._typeName, "_Indexer") ?? memberOf(object._typeName, "GetItemAt"))
            ?.returns
        : null;
    for (const path of paths) {
      if (path.length === 0 || path[0] === "*" || path[0] === "items") continue;
      const wire = wireName(path[0]);
      const own = memberOf(object._typeName, wire);
      if (own && this.host.supports(own.since)) continue;
      if (itemClass) {
        const itemMember = memberOf(itemClass, wire);
        if (itemMember && this.host.supports(itemMember.since)) continue;
      }
      this.member(object, wire, ["scalar", "nav"]);
    }
  }

  private call(object: SimObject, wire: string, info: ArgumentInfo | undefined): unknown {
    const fn = Reflect.get(object, jsName(wire)) as ((...args: unknown[]) => unknown) | undefined;
    if (typeof fn !== "function")
      throw officeError(ErrorCodes.notImplemented, `${object._typeName}.${jsName(wire)}`);
    return fn.apply(object, this.argumentsOf(info));
  }

  /** The arguments as sent, with the objects they reference (by path id) resolved. */
  private argumentsOf(info: ArgumentInfo | undefined): unknown[] {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds;
    return args.map((arg, i) => {
      const ref = refs?.[i];
      if (typeof ref === "number" && ref > 0) return this.argumentObject(ref);
      if (arg !== null && typeof arg === "object" && "_ObjectPathId" in arg)
        return this.argumentObject(Number((arg as { _ObjectPathId: number })._ObjectPathId));
      return arg === null ? undefined : arg;
    });
  }

  private argumentObject(pathId: number): SimObject | null {
    const object = this.resolve(pathId);
    return object === NULL_OBJECT ? null : object;
  }

  /** The object a path stands for, computed once per request (a method path adds a table once). */
  private resolve(pathId: number): Resolved {
    const known = this.resolved.get(pathId);
    if (known !== undefined) return known;
    const path = this.request.ObjectPaths[String(pathId)];
    if (!path)
      throw officeError(ErrorCodes.invalidObjectPath, "Request", `Unknown object path ${pathId}.`);
    const object = this.resolvePath(path);
    this.resolved.set(pathId, object);
    return object;
  }

  private resolvePath(path: ObjectPath): Resolved {
    switch (path.ObjectPathType) {
      case PATH.global:
        return this.host.root;
      case PATH.null:
        return NULL_OBJECT;
      case PATH.reference: {
        const kept = this.host.references.get(path.Name);
        if (!kept)
          throw officeError(
            ErrorCodes.invalidObjectPath,
            "Request",
            `The object reference ${path.Name} was released.`
          );
        return kept;
      }
    }
    const parent = this.resolve(path.ParentObjectPathId ?? 0);
    if (parent === NULL_OBJECT) return NULL_OBJECT;
    switch (path.ObjectPathType) {
      case PATH.property:
        this.member(parent, path.Name, ["nav"]);
        return this.child(Reflect.get(parent, jsName(path.Name)), parent, path.Name);
      case PATH.method:
        this.member(parent, path.Name, ["object"]);
        return this.child(this.call(parent, path.Name, path.ArgumentInfo), parent, path.Name);
      case PATH.indexer:
        this.member(parent, "_Indexer", ["object"]);
        return this.child(this.call(parent, "GetItem", path.ArgumentInfo), parent, "GetItem");
      default:
        throw officeError(
          ErrorCodes.notImplemented,
          "Request",
          `The host does not resolve object paths of type ${path.ObjectPathType}.`
        );
    }
  }

  private child(value: unknown, parent: SimObject, wire: string): SimObject {
    if (value instanceof SimObject) return value;
    throw officeError(
      ErrorCodes.generalException,
      `${parent._typeName}.${jsName(wire)}`,
      `${parent._typeName}.${jsName(wire)} gave no object.`
    );
  }
}
