/**
 * The two languages Carnet speaks: English and French (the handbook's language).
 *
 * Two different languages matter and are never confused:
 * - the **display language** (Office's user interface, `Office.context.displayLanguage`): the task
 *   pane's labels and messages, and the numbers and dates it shows;
 * - the **workbook language**: the headers, periods and stage names Carnet writes into cells. It is
 *   decided once per workbook (from the document's language the first time Carnet writes) and kept in
 *   the document settings, because renaming a public table's columns would break the user's formulas.
 */
export type Language = "en" | "fr";

export const LANGUAGES: readonly Language[] = ["en", "fr"];

/**
 * The language of a BCP 47 tag as Office reports it ("fr-FR", "fr-CA", "en-US"), or null when it is
 * neither French nor English, or unknown (blank): a caller then keeps its stricter behaviour (day-first
 * dates are not assumed) or its default (English).
 */
export function languageOfTag(tag: string | null | undefined): Language | null {
  const primary = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return primary === "fr" ? "fr" : primary === "en" ? "en" : null;
}

/** The pane's language for a display language: French when it starts with "fr", else English. */
export function displayLanguageOf(tag: string | null | undefined): Language {
  return languageOfTag(tag) === "fr" ? "fr" : "en";
}

/** The locale Intl formats a language's numbers and dates with, when Office gave no full tag. */
export const DEFAULT_LOCALE: Readonly<Record<Language, string>> = { en: "en-US", fr: "fr-FR" };
