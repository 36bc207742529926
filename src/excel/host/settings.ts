/**
 * The pane's choices, kept in the workbook (document settings) so the next session, or a colleague
 * opening the same file, finds them: the source, the column mapping, the stage table, the period.
 */
import { type CarnetSettings, SETTINGS_KEY } from "../plan/settings";

export async function loadSettings(): Promise<CarnetSettings> {
  return Excel.run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    item.load("value");
    await context.sync();
    if (item.isNullObject) return {};
    try {
      return JSON.parse(String(item.value)) as CarnetSettings;
    } catch {
      // A damaged setting must not block the pane: start afresh, the next save replaces it.
      return {};
    }
  });
}

/** Merges `changes` into the stored settings. */
export async function saveSettings(changes: Partial<CarnetSettings>): Promise<CarnetSettings> {
  return Excel.run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    item.load("value");
    await context.sync();
    let current: CarnetSettings = {};
    if (!item.isNullObject) {
      try {
        current = JSON.parse(String(item.value)) as CarnetSettings;
      } catch {
        current = {};
      }
    }
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
