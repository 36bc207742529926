/**
 * The pane's choices, kept in the workbook (document settings) so the next session, or a colleague
 * opening the same file, finds them: the source, the column mapping, the stage table, the period.
 */
import {
  type CarnetSettings,
  parseSettings,
  SETTINGS_KEY,
  type SettingsOptions,
  settingsToStore,
  type SettingsReading,
} from "../plan/settings";
import { documentLanguageOf } from "./language";

/** The settings as the pane uses them: with the document's language their readings default to (not stored). */
function withDocumentLanguage(settings: CarnetSettings): CarnetSettings {
  const { documentLanguage: _stale, ...stored } = settings; // eslint-disable-line @typescript-eslint/no-unused-vars -- left out: never stored, worked out anew
  const language = documentLanguageOf(stored);
  return language === undefined ? stored : { ...stored, documentLanguage: language };
}

/** The stored settings, checked (parseSettings): a damaged or hand-edited one is left out, and said so. */
export async function loadSettings(options: SettingsOptions = {}): Promise<SettingsReading> {
  return Excel.run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    item.load("value");
    await context.sync();
    if (item.isNullObject) return { settings: withDocumentLanguage({}), dropped: [] };
    const reading = parseSettings(item.value, options);
    return { ...reading, settings: withDocumentLanguage(reading.settings) };
  });
}

/**
 * Merges `changes` into the stored settings. What the check leaves out of them (a damaged text, a value
 * of the wrong shape) is not written back: the pane said so when it loaded them.
 */
export async function saveSettings(changes: Partial<CarnetSettings>): Promise<CarnetSettings> {
  return Excel.run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    item.load("value");
    await context.sync();
    const current = item.isNullObject ? {} : parseSettings(item.value).settings;
    const next = settingsToStore(current, changes);
    context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(next));
    await context.sync();
    return withDocumentLanguage(next);
  });
}

/** Selects a cell or range (the data-quality report's entries link to their cells). */
export async function selectAddress(address: string): Promise<void> {
  await Excel.run(async (context) => {
    const bang = address.lastIndexOf("!");
    const sheetName =
      bang >= 0 ? address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : null;
    const sheet = sheetName
      ? context.workbook.worksheets.getItem(sheetName)
      : context.workbook.worksheets.getActiveWorksheet();
    sheet.activate();
    sheet.getRange(address.slice(bang + 1)).select();
    await context.sync();
  });
}
