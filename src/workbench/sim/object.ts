/**
 * The proxy-object model of Office.js: a proxy stands for a document object; reading one of its
 * properties needs `load()` then `context.sync()`; setting properties and calling methods queue
 * operations that run, in order, at the next sync. This module holds the machinery every simulated
 * class shares; it imports no concrete class so that the class modules can extend it freely.
 */
import { ErrorCodes, officeError, propertyNotLoaded } from "./errors";
import type { RequestContext } from "./context";

/** What a load sends back: the data (sized as the response) and how to hand it to the proxies. */
export interface Loaded {
  data: unknown;
  commit(): void;
}

/** One queued statement of a batch. */
export interface Action {
  /** "Range.values", "WorksheetCollection.add": the `errorLocation` of a failure. */
  where: string;
  /** Reads go to the response, writes change the workbook. */
  kind: "load" | "write";
  /** What the statement sends; serialized (and sized) as JSON when the batch is sent. */
  args?: unknown;
  run(args: unknown): Loaded | void;
}

/** Classes whose items Microsoft's client addresses by `Id` (`worksheets[id]`) in later requests. */
const KEYED = new Set(["Worksheet", "Table", "TableColumn", "Chart"]);

/** Excel's name for a property on the wire: `values` → `Values`. */
export function wireName(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `OfficeExtension.LoadOption` and the `Interfaces.*LoadOptions` object form. */
export type LoadOption =
  | string
  | string[]
  | { select?: string | string[]; expand?: string | string[]; top?: number; skip?: number }
  | { [property: string]: unknown };

function splitNames(text: string): string[][] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => part.split("/").map((segment) => segment.trim()));
}

function pathsOfTree(tree: Record<string, unknown>, prefix: string[]): string[][] {
  const paths: string[][] = [];
  for (const [key, value] of Object.entries(tree)) {
    if (key === "$all") {
      if (value === true) paths.push(prefix);
    } else if (value === true) {
      paths.push([...prefix, key]);
    } else if (value !== null && typeof value === "object") {
      const nested = pathsOfTree(value as Record<string, unknown>, [...prefix, key]);
      paths.push(...(nested.length > 0 ? nested : [[...prefix, key]]));
    }
  }
  return paths;
}

/**
 * Turns every accepted form of a load option into property paths; `[]` (the empty path) means
 * "all scalar properties", as `load()` without argument does in Office.js.
 */
export function parseLoadOption(option?: LoadOption): string[][] {
  if (option === undefined || option === null) return [[]];
  if (typeof option === "string") return splitNames(option);
  if (Array.isArray(option)) return option.flatMap(splitNames);
  if ("select" in option || "expand" in option || "top" in option || "skip" in option) {
    const select = option.select;
    const expand = option.expand;
    const paths: string[][] = [];
    const add = (value: unknown): void => {
      if (typeof value === "string") paths.push(...splitNames(value));
      else if (Array.isArray(value))
        value.forEach((v) => typeof v === "string" && paths.push(...splitNames(v)));
    };
    add(select);
    add(expand);
    return paths.length > 0 ? paths : [[]];
  }
  return pathsOfTree(option as Record<string, unknown>, []);
}

/**
 * `OfficeExtension.ClientObject`. `T` is what the proxy resolves to while a batch runs (a sheet
 * record, a located block of cells...); `null` means a null object (from an *OrNullObject method).
 */
export abstract class SimObject<T = unknown> {
  readonly context: RequestContext;
  /** @internal Property values received from the last loads, or set locally. */
  readonly _loaded = new Map<string, unknown>();
  /** @internal Known after the first sync that saw this object. */
  _isNull: boolean | undefined;
  private readonly _createdAt: number;

  /** The Office.js class name, used in error locations ("Range.values"). */
  abstract get _typeName(): string;

  constructor(context: RequestContext) {
    this.context = context;
    this._createdAt = context._syncCalls;
  }

  /**
   * @internal Finds the document object now (during a sync). Throws `ItemNotFound` (or another
   * Office error) when the object is required and missing; returns null for a null object.
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
   * worksheets, tables and table columns, `_Id` for settings (by default nothing).
   */
  _identity(target: T): Record<string, unknown> {
    if (this._typeName === "Setting") return { _Id: this._readScalar("key", target) };
    return KEYED.has(this._typeName) ? { Id: this._readScalar("id", target) } : {};
  }

  /** Reads a property: the loaded (or locally set) value, null on a null object, else PropertyNotLoaded. */
  protected _get<V>(name: string): V {
    if (this._loaded.has(name)) return this._loaded.get(name) as V;
    if (this._isNull === true) return null as V;
    throw propertyNotLoaded(name, this._typeName);
  }

  /**
   * Queues a change. Office.js sends `args` as JSON, so the action runs on what survives
   * serialization (NaN becomes null, dates become strings), exactly what Excel would receive.
   * Changes to a null object are skipped, as in Office.js.
   */
  protected _queue(member: string, args: unknown, apply: (target: T, sent: unknown) => void): void {
    this.context._enqueue({
      where: `${this._typeName}.${member}`,
      kind: "write",
      args,
      run: (sent) => {
        const target = this._resolve();
        if (target !== null) apply(target, sent);
      },
    });
  }

  /** Sets a property: remembered locally (as Office.js does) and queued for the next sync. */
  protected _setProperty(
    name: string,
    value: unknown,
    apply: (target: T, sent: unknown) => void
  ): void {
    this._loaded.set(name, value);
    this._queue(name, value, apply);
  }

  /** Queues a method whose result comes back with the next sync (`getCount()` and the like). */
  protected _result<V>(member: string, compute: (target: T) => V): ClientResult<V> {
    const result = new ClientResult<V>();
    this.context._enqueue({
      where: `${this._typeName}.${member}`,
      kind: "load",
      run: () => {
        const target = this._resolve();
        const value = target === null ? (null as V) : compute(target);
        return { data: value, commit: () => result._set(value) };
      },
    });
    return result;
  }
}

/**
 * A collection proxy (`WorksheetCollection`, `TableCollection`...): loading it loads its items; a
 * property path that is not the collection's own goes to every item (`sheets.load("name")`).
 */
export abstract class SimCollection<T, Item extends SimObject> extends SimObject<T> {
  /** @internal Proxies for the current items, each bound to its document object. */
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

/** `OfficeExtension.ClientResult`: a method's return value, readable after the sync. */
export class ClientResult<T> {
  private _value: T | undefined;
  private _ready = false;

  get value(): T {
    if (!this._ready) throw officeError(ErrorCodes.valueNotLoaded, "ClientResult.value");
    return this._value as T;
  }

  /** @internal */
  _set(value: T): void {
    this._value = value;
    this._ready = true;
  }
}

/**
 * A proxy whose properties are kept in a plain record (chart titles, axes, legend) or are accepted
 * and forgotten (range formatting): the task pane may set them, the simulator has nothing to show.
 */
export abstract class BagObject extends SimObject<Record<string, unknown>> {
  /** @internal Property names and the value Excel reports before anything is set. */
  abstract get _defaults(): Readonly<Record<string, unknown>>;
  /** @internal The record holding the values, found when the batch runs. */
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

  /** @internal Used by the accessors that `defineBagProperties` puts on the prototype. */
  _bagGet(name: string): unknown {
    return this._get(name);
  }

  /** @internal */
  _bagSet(name: string, value: unknown): void {
    this._setProperty(name, value, (bag, sent) => {
      bag[name] = sent;
    });
  }
}

/** Puts a getter/setter pair per property on a BagObject class (declared with `declare` fields). */
export function defineBagProperties(cls: { prototype: BagObject }, names: readonly string[]): void {
  for (const name of names) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: false,
      get(this: BagObject) {
        return this._bagGet(name);
      },
      set(this: BagObject, value: unknown) {
        this._bagSet(name, value);
      },
    });
  }
}
