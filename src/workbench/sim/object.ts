/**
 * The host's object model: a workbook object (a sheet, a range, a table...) as one request's object
 * paths reach it. The host answers Query actions with `_query`, runs SetProperty actions through the
 * classes' setters and Method actions through their methods (richapi.ts); each statement runs at
 * once, in the request's order (context.ts). This module holds what every class shares; it imports
 * no concrete class so that the class modules can extend it freely.
 */
import { ErrorCodes, officeError } from "./errors";
import type { RequestContext } from "./context";

/** One statement of a request: a property set or a method call, run by the host at once. */
export interface Action {
  /** "Range.values", "WorksheetCollection.add": the `errorLocation` of a failure. */
  where: string;
  /** The statement's arguments, as they came in the request (JSON). */
  args?: unknown;
  run(args: unknown): void;
}

/** Classes whose items Microsoft's client addresses by `Id` (`worksheets[id]`) in later requests. */
const KEYED = new Set(["Worksheet", "Table", "TableColumn", "Chart"]);

/** Excel's name for a property on the wire: `values` → `Values`. */
export function wireName(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * A workbook object of the Excel class `_typeName`. `T` is what it resolves to while a request runs
 * (a sheet record, a located block of cells...); `null` means a null object (from an *OrNullObject
 * method).
 */
export abstract class SimObject<T = unknown> {
  readonly context: RequestContext;

  /** The Excel class name, used in error locations ("Range.values") and to find members. */
  abstract get _typeName(): string;

  constructor(context: RequestContext) {
    this.context = context;
  }

  /**
   * @internal Finds the document object now (while the request runs). Throws `ItemNotFound` (or
   * another Excel error) when the object is required and missing; returns null for a null object.
   */
  abstract _resolve(): T | null;

  /** @internal Scalar properties, all loaded by `load()` with no argument. */
  _scalarNames(): readonly string[] {
    return [];
  }

  /** @internal Reads one scalar property from the resolved object. */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the default ignores what overrides use
  _readScalar(name: string, _target: T): unknown {
    throw officeError(
      ErrorCodes.invalidArgument,
      `${this._typeName}.load`,
      `Unknown property '${name}'.`
    );
  }

  /** @internal Navigation properties (child proxies) that a load path can go through. */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the default ignores what overrides use
  _nav(_name: string): SimObject | undefined {
    return undefined;
  }

  /**
   * @internal The answer to a Query (a `load`) of the given property paths, as Excel sends it:
   * PascalCase keys, navigation properties as nested objects, null for a null object.
   */
  _query(paths: string[][]): unknown {
    const target = this._resolve();
    const scalars = new Set<string>();
    const navs = new Map<string, string[][]>();
    for (const path of paths) {
      if (path.length === 0 || (path.length === 1 && path[0] === "*")) {
        this._scalarNames().forEach((name) => scalars.add(name));
      } else if (path.length === 1 && this._scalarNames().includes(path[0])) {
        scalars.add(path[0]);
      } else if (this._nav(path[0])) {
        const sub = navs.get(path[0]) ?? [];
        sub.push(path.slice(1));
        navs.set(path[0], sub);
      } else {
        throw officeError(
          ErrorCodes.invalidArgument,
          `${this._typeName}.load`,
          `The property '${path.join("/")}' does not exist on ${this._typeName}.`
        );
      }
    }
    if (target === null) return null;
    const data: Record<string, unknown> = { ...this._identity(target) };
    for (const name of scalars) data[wireName(name)] = this._readScalar(name, target);
    for (const [name, sub] of navs)
      data[wireName(name)] = (this._nav(name) as SimObject)._query(sub);
    return data;
  }

  /**
   * @internal What lets Microsoft's client address this object in a later request: `Id` for
   * worksheets, tables, table columns and charts, `_Id` for settings (by default nothing).
   */
  _identity(target: T): Record<string, unknown> {
    if (this._typeName === "Setting") return { _Id: this._readScalar("key", target) };
    return KEYED.has(this._typeName) ? { Id: this._readScalar("id", target) } : {};
  }

  /**
   * Runs a change of the object. `args` are what the request carried: Microsoft's client sent them
   * as JSON, so they are what survives serialization (NaN became null, dates became strings), as
   * Excel receives them. A change to a null object does nothing.
   */
  protected _apply(member: string, args: unknown, apply: (target: T, sent: unknown) => void): void {
    this.context._run({
      where: `${this._typeName}.${member}`,
      args,
      run: (sent) => {
        const target = this._resolve();
        if (target !== null) apply(target, sent);
      },
    });
  }

  /** Sets a property (a SetProperty action). */
  protected _setProperty(
    name: string,
    value: unknown,
    apply: (target: T, sent: unknown) => void
  ): void {
    this._apply(name, value, apply);
  }

  /** Runs a method that returns a value (`getCount()` and the like): the Method action's result. */
  protected _result<V>(member: string, compute: (target: T) => V): ClientResult<V> {
    let value = null as V;
    this.context._run({
      where: `${this._typeName}.${member}`,
      run: () => {
        const target = this._resolve();
        if (target !== null) value = compute(target);
      },
    });
    return new ClientResult(value);
  }
}

/**
 * A collection (`WorksheetCollection`, `TableCollection`...): loading it loads its items; a property
 * path that is not the collection's own goes to every item (`sheets.load("name")`).
 */
export abstract class SimCollection<T, Item extends SimObject> extends SimObject<T> {
  /** @internal The current items, each bound to its document object. */
  abstract _enumerate(target: T): Item[];

  /** @internal The collection's own scalar properties (usually just `count`). */
  _ownScalars(): readonly string[] {
    return [];
  }

  override _query(paths: string[][], page: { top?: number; skip?: number } = {}): unknown {
    const target = this._resolve();
    const own = new Set<string>();
    const itemPaths: string[][] = [];
    for (const path of paths) {
      if (path.length === 1 && this._ownScalars().includes(path[0])) own.add(path[0]);
      else if (path[0] === "items") itemPaths.push(path.slice(1));
      else itemPaths.push(path);
    }
    if (target === null) return null;
    const data: Record<string, unknown> = {};
    for (const name of own) data[wireName(name)] = this._readScalar(name, target);
    if (itemPaths.length === 0 && own.size > 0) return data;
    const skip = page.skip ?? 0;
    const items = this._enumerate(target).slice(
      skip,
      page.top === undefined ? undefined : skip + page.top
    );
    data._Items = items.map((item, i) => {
      const value = item._query(itemPaths.length > 0 ? itemPaths : [[]]) as Record<string, unknown>;
      return { ...value, _Index: skip + i };
    });
    return data;
  }
}

/**
 * What a method returns to the client (`getCount()`): the host sends `value` as the Method action's
 * result, and Microsoft's client hands it to the add-in as its `ClientResult`.
 */
export class ClientResult<T> {
  constructor(readonly value: T) {}
}

/**
 * A value the workbook keeps, as its own: an object or array sent may be the client's own (the host
 * reads a view of the client's request that shares what JSON keeps unchanged: json-view.ts), which
 * the add-in may change later, where Excel keeps what it received.
 */
export function keptCopy(sent: unknown): unknown {
  return typeof sent === "object" && sent !== null ? JSON.parse(JSON.stringify(sent)) : sent;
}

/**
 * An object whose properties are kept in a plain record (chart titles, axes, legend) or are accepted
 * and forgotten (range formatting): the task pane may set them, the simulator has nothing to show.
 */
export abstract class BagObject extends SimObject<Record<string, unknown>> {
  /** @internal Property names and the value Excel reports before anything is set. */
  abstract get _defaults(): Readonly<Record<string, unknown>>;
  /** @internal The record holding the values, found when the request uses the object. */
  protected abstract _bag(): Record<string, unknown> | null;

  override _resolve(): Record<string, unknown> | null {
    return this._bag();
  }

  override _scalarNames(): readonly string[] {
    return Object.keys(this._defaults);
  }

  override _readScalar(name: string, target: Record<string, unknown>): unknown {
    return name in target ? target[name] : this._defaults[name];
  }

  /** @internal Used by the setters that `defineBagProperties` puts on the prototype. */
  _bagSet(name: string, value: unknown): void {
    this._setProperty(name, value, (bag, sent) => {
      bag[name] = keptCopy(sent);
    });
  }
}

/**
 * Puts a setter per property on a BagObject class (declared with `declare` fields), for the
 * SetProperty actions; loads read the record through `_readScalar`.
 */
export function defineBagProperties(cls: { prototype: BagObject }, names: readonly string[]): void {
  for (const name of names) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: false,
      set(this: BagObject, value: unknown) {
        this._bagSet(name, value);
      },
    });
  }
}
