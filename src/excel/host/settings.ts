/**
 * The pane's choices, kept in the workbook (document settings) so the next session, or a colleague
 * opening the same file, finds them: the source, the column mapping, the stage table, the period.
 */
import {
  type CarnetSettings,
  parseSettings,
  SETTINGS_KEY,
  type SettingsReading,
} from "../plan/settings";

/** The stored settings, checked (parseSettings): a damaged or hand-edited one is left out, and said so. */
export async function loadSettings(): Promise<SettingsReading> {
  return Excel.run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    item.load("value");
    await context.sync();
    if (item.isNullObject) return { settings: {}, dropped: [] };
    return parseSettings(item.value);
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
    const next = { ...current, ...changes };
    context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(next));
    await context.sync();
    return next;
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
