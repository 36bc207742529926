/* eslint-disable @typescript-eslint/no-explicit-any -- setting values are `any` in Office.js */
/**
 * Add-in settings stored in the document, as `context.workbook.settings` reads and writes them.
 * Values are kept as JSON, as Office does, so a stored object never aliases the caller's.
 * (`Office.context.document.settings`, the older API over the same store, is not simulated.)
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

  /** Represents the value stored for this setting. */
  set value(value: any) {
    this._setProperty("value", value, (key, sent) => this.context._model.settings.set(key, sent));
  }

  /** Deletes the setting. */
  delete(): void {
    this._apply("delete", undefined, (key) => this.context._model.settings.remove(key));
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
    this._apply("add", { key, value }, (store, sent) => {
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

  /** Gets a setting entry by its key; ItemNotFound when absent. */
  getItem(key: string): Setting {
    return new Setting(this.context, () => {
      if (!this.context._model.settings.has(key))
        throw officeError(ErrorCodes.itemNotFound, "SettingCollection.getItem");
      return key;
    });
  }

  /** Gets a setting entry by its key, or a null object when absent. */
  getItemOrNullObject(key: string): Setting {
    return new Setting(this.context, () => (this.context._model.settings.has(key) ? key : null));
  }

  getCount(): ClientResult<number> {
    return this._result("getCount", (store) => store.keys().length);
  }
}
