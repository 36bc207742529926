/**
 * The workbook's language (domain/language.ts), decided here and nowhere else: the language Carnet
 * writes its headers, periods and notes in. Decided the first time Carnet writes in the workbook, then
 * kept in the document settings (`workbookLanguage`) whoever opens it next: a French Office opening a
 * workbook first written in English keeps writing English headers, because renaming a public table's
 * columns would break the formulas written on them.
 *
 * The first time: a workbook that already holds Carnet's tables (written before the language was
 * stored) keeps the language of their headers; else the document's language as Office reports it
 * (`Office.context.contentLanguage`): French when it is French, English otherwise.
 */
import { type Language, languageOfTag } from "../../domain/language";
import {
  type CarnetSettings,
  parseSettings,
  SETTINGS_KEY,
  settingsToStore,
} from "../plan/settings";
import { languageOfHeaders, LOCALISED_TABLES } from "../plan/workbookText";

/** The document's language as Office reports it, or null when unknown or neither French nor English. */
export function officeContentLanguage(): Language | null {
  return languageOfTag(Office.context?.contentLanguage);
}

/**
 * The language the settings' readings default to (settings.ts's documentLanguage): the workbook's
 * stored one, else the document's.
 */
export function documentLanguageOf(settings: CarnetSettings): Language | undefined {
  return settings.workbookLanguage ?? officeContentLanguage() ?? undefined;
}

/**
 * The workbook's language, stored the first time (see the module comment). Before every write of
 * Carnet's tables. One sync when it is stored; else two (three when Carnet's tables exist and must
 * tell it).
 */
export async function workbookLanguage(): Promise<Language> {
  return Excel.run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    item.load("value");
    const tables = LOCALISED_TABLES.map((name) => {
      const table = context.workbook.tables.getItemOrNullObject(name);
      table.load("name");
      return { name, table };
    });
    await context.sync();
    const settings = item.isNullObject ? {} : parseSettings(item.value).settings;
    if (settings.workbookLanguage) return settings.workbookLanguage;
    const language = (await languageOfTables(context, tables)) ?? fromOffice();
    context.workbook.settings.add(
      SETTINGS_KEY,
      JSON.stringify(settingsToStore(settings, { workbookLanguage: language }))
    );
    await context.sync();
    return language;
  });
}

/** French for a French document, English for any other (or an unknown one). */
function fromOffice(): Language {
  return officeContentLanguage() === "fr" ? "fr" : "en";
}

/** The language of the first of Carnet's tables whose headers tell it, or null (one sync, when any exists). */
async function languageOfTables(
  context: Excel.RequestContext,
  tables: readonly { name: string; table: Excel.Table }[]
): Promise<Language | null> {
  const existing = tables
    .filter((t) => !t.table.isNullObject)
    .map(({ name, table }) => {
      const header = table.getHeaderRowRange();
      header.load("values");
      return { name, header };
    });
  if (existing.length === 0) return null;
  await context.sync();
  for (const { name, header } of existing) {
    const language = languageOfHeaders(name, header.values[0] as (string | number | null)[]);
    if (language) return language;
  }
  return null;
}
