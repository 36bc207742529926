/* eslint-disable @typescript-eslint/no-explicit-any -- setting values are `any` in Office.js */
/**
 * Add-in settings stored in the document. Excel has two APIs over the same store:
 * `context.workbook.settings` (written at sync) and the older `Office.context.document.settings`
 * (an in-memory copy: `set` is local until `saveAsync`). Values are kept as JSON, as Office does, so
 * a stored object never aliases the caller's.
 */
import { ErrorCodes, officeError } from "./errors";
import { SimCollection, SimObject, ClientResult } from "./object";
import type { RequestContext } from "./context";

export class SettingsStore {
  private readonly values = new Map<string, string>();

  has(key: string): boolean {
    return this.values.has(key);
  }

  get(key: string): unknown {
    const json = this.values.get(key);
    return json === undefined ? undefined : JSON.parse(json);
  }

  set(key: string, value: unknown): void {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError(`Setting '${key}' has no JSON form.`);
    this.values.set(key, json);
  }

  remove(key: string): boolean {
    return this.values.delete(key);
  }

  keys(): string[] {
    return [...this.values.keys()];
  }

  /** Every setting, for display or to persist the workbench's document. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.keys().map((key) => [key, this.get(key)]));
  }
}

/** `Excel.Setting`. */
export class Setting extends SimObject<string> {
  constructor(
    context: RequestContext,
    private readonly _key: () => string | null
  ) {
    super(context);
  }

  get _typeName(): string {
    return "Setting";
  }

  override _resolve(): string | null {
    return this._key();
  }

  override _scalarNames(): readonly string[] {
    return ["key", "value"];
  }

  override _readScalar(name: string, key: string): unknown {
    return name === "key" ? key : this.context._model.settings.get(key);
  }

  /** The key that represents the ID of the setting. */
  get key(): string {
    return this._get("key");
  }

  /** Represents the value stored for this setting. */
  get value(): any {
    return this._get("value");
  }

  set value(value: any) {
    this._setProperty("value", value, (key, sent) => this.context._model.settings.set(key, sent));
  }

  /** Deletes the setting. */
  delete(): void {
    this._queue("delete", undefined, (key) => this.context._model.settings.remove(key));
  }
}

/** `Excel.SettingCollection` (`context.workbook.settings`). */
export class SettingCollection extends SimCollection<SettingsStore, Setting> {
  get _typeName(): string {
    return "SettingCollection";
  }

  override _resolve(): SettingsStore {
    return this.context._model.settings;
  }

  override _enumerate(store: SettingsStore): Setting[] {
    return store.keys().map((key) => new Setting(this.context, () => key));
  }

  /** Sets or adds the specified setting to the workbook. */
  add(key: string, value: string | number | boolean | Date | unknown[] | any): Setting {
    let added: string | undefined;
    this._queue("add", { key, value }, (store, sent) => {
      const { key: k, value: v } = sent as { key: unknown; value: unknown };
      if (typeof k !== "string" || k === "")
        throw officeError(ErrorCodes.invalidArgument, "SettingCollection.add");
      store.set(k, v);
      added = k;
    });
    return new Setting(this.context, () => {
      if (added === undefined)
        throw officeError(ErrorCodes.generalException, "SettingCollection.add");
      return added;
    });
  }

  /** Gets a setting entry by its key; ItemNotFound at sync when absent. */
  getItem(key: string): Setting {
    return new Setting(this.context, () => {
      if (!this.context._model.settings.has(key))
        throw officeError(ErrorCodes.itemNotFound, "SettingCollection.getItem");
      return key;
    });
  }

  /** Gets a setting entry by its key, or a null object when absent. */
  getItemOrNullObject(key: string): Setting {
    const setting = new Setting(this.context, () =>
      this.context._model.settings.has(key) ? key : null
    );
    this.context._instantiate(setting, "SettingCollection.getItemOrNullObject");
    return setting;
  }

  getCount(): ClientResult<number> {
    return this._result("getCount", (store) => store.keys().length);
  }
}

type AsyncCallback = (result: {
  status: "succeeded" | "failed";
  value: unknown;
  error?: unknown;
  asyncContext?: unknown;
}) => void;

/**
 * `Office.context.document.settings`: reads see local changes first, then the stored settings;
 * `saveAsync` writes the local changes to the store (so `workbook.settings` sees them).
 */
export function createDocumentSettings(store: SettingsStore) {
  const pending = new Map<string, { value: unknown } | "removed">();
  const callLater = (
    callback: AsyncCallback | undefined,
    value: unknown,
    asyncContext?: unknown
  ): void => {
    if (callback) setTimeout(() => callback({ status: "succeeded", value, asyncContext }), 0);
  };
  const pickCallback = (
    a: unknown,
    b: unknown
  ): { callback?: AsyncCallback; asyncContext?: unknown } => {
    if (typeof a === "function") return { callback: a as AsyncCallback };
    const options = (a ?? {}) as { asyncContext?: unknown };
    return {
      callback: typeof b === "function" ? (b as AsyncCallback) : undefined,
      asyncContext: options.asyncContext,
    };
  };
  const settings = {
    get(name: string): any {
      const local = pending.get(name);
      if (local === "removed") return null;
      if (local) return local.value;
      return store.has(name) ? store.get(name) : null;
    },
    set(name: string, value: unknown): void {
      pending.set(name, { value });
    },
    remove(name: string): void {
      pending.set(name, "removed");
    },
    saveAsync(options?: unknown, callback?: unknown): void {
      for (const [name, change] of pending) {
        if (change === "removed") store.remove(name);
        else store.set(name, change.value);
      }
      pending.clear();
      const { callback: cb, asyncContext } = pickCallback(options, callback);
      callLater(cb, undefined, asyncContext);
    },
    refreshAsync(callback?: AsyncCallback): void {
      pending.clear();
      callLater(callback, settings);
    },
    addHandlerAsync(
      _eventType: unknown,
      _handler: unknown,
      options?: unknown,
      callback?: unknown
    ): void {
      const { callback: cb, asyncContext } = pickCallback(options, callback);
      callLater(cb, undefined, asyncContext);
    },
    removeHandlerAsync(_eventType: unknown, options?: unknown, callback?: unknown): void {
      const { callback: cb, asyncContext } = pickCallback(options, callback);
      callLater(cb, undefined, asyncContext);
    },
  };
  return settings;
}
