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

  /** Returns a boolean value for whether the corresponding object is a null object; needs a sync first. */
  get isNullObject(): boolean {
    if (this._isNull !== undefined) return this._isNull;
    if (this.context._syncCalls > this._createdAt) {
      // Objects derived from a null object are null too; decided when first asked after a sync.
      try {
        this._isNull = this._resolve() === null;
      } catch {
        this._isNull = false;
      }
      return this._isNull;
    }
    throw propertyNotLoaded("isNullObject", this._typeName);
  }

  /** Queues up a command to load the specified properties of the object. */
  load(option?: LoadOption): this {
    this.context.load(this, option);
    return this;
  }

  /** Sets several properties at once, nested objects included (`range.set({ format: { ... } })`). */
  set(properties: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(properties)) {
      const child = this._nav(key);
      if (child && value !== null && typeof value === "object" && !Array.isArray(value)) {
        child.set(value as Record<string, unknown>);
      } else {
        Reflect.set(this, key, value);
      }
    }
  }

  /** The loaded properties as a plain object, as Office.js proxies serialize. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  /** @internal Runs a load of the given paths against the document, during a sync. */
  _readLoad(paths: string[][]): Loaded {
    const target = this._resolve();
    const scalars = new Set<string>();
    const navs = new Map<string, string[][]>();
    for (const path of paths) {
      if (path.length === 0) {
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
    if (target === null) {
      return {
        data: null,
        commit: () => {
          this._isNull = true;
          scalars.forEach((name) => this._loaded.set(name, null));
        },
      };
    }
    const data: Record<string, unknown> = {};
    for (const name of scalars) data[name] = this._readScalar(name, target);
    const children: Loaded[] = [];
    for (const [name, sub] of navs) {
      const loaded = (this._nav(name) as SimObject)._readLoad(sub);
      data[name] = loaded.data;
      children.push(loaded);
    }
    return {
      data,
      commit: () => {
        this._isNull = false;
        for (const name of scalars) this._loaded.set(name, data[name]);
        children.forEach((child) => child.commit());
      },
    };
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
  private _items: Item[] | undefined;

  /** @internal Proxies for the current items, each bound to its document object. */
  abstract _enumerate(target: T): Item[];

  /** @internal The collection's own scalar properties (usually just `count`). */
  _ownScalars(): readonly string[] {
    return [];
  }

  /** Gets the loaded child items in this collection. */
  get items(): Item[] {
    if (this._items) return this._items;
    if (this._isNull === true) return [];
    throw propertyNotLoaded("items", this._typeName);
  }

  override toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = Object.fromEntries(this._loaded);
    if (this._items) json.items = this._items.map((item) => item.toJSON());
    return json;
  }

  override _readLoad(paths: string[][]): Loaded {
    const target = this._resolve();
    const own = new Set<string>();
    const itemPaths: string[][] = [];
    for (const path of paths) {
      if (path.length === 1 && this._ownScalars().includes(path[0])) own.add(path[0]);
      else if (path[0] === "items") itemPaths.push(path.slice(1));
      else itemPaths.push(path);
    }
    if (target === null) {
      return {
        data: null,
        commit: () => {
          this._isNull = true;
          this._items = [];
        },
      };
    }
    const data: Record<string, unknown> = {};
    for (const name of own) data[name] = this._readScalar(name, target);
    const wantItems = itemPaths.length > 0 || own.size === 0;
    const items = wantItems ? this._enumerate(target) : [];
    const loads = wantItems
      ? items.map((item) => item._readLoad(itemPaths.length > 0 ? itemPaths : [[]]))
      : [];
    if (wantItems) data.items = loads.map((loaded) => loaded.data);
    return {
      data,
      commit: () => {
        this._isNull = false;
        for (const name of own) this._loaded.set(name, data[name]);
        if (wantItems) {
          loads.forEach((loaded) => loaded.commit());
          this._items = items;
        }
      },
    };
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
