/**
 * What a pure model of the pane needs to compose what it shows: the catalogue's `t`, the display
 * locale's formats and the language (the plan's column headers, whose French names are the domain's), as one value the views pass in (useWords) and the tests build (wordsIn), so that
 * the models stay testable without React. English by default, so that callers outside the pane
 * (host tests, the Team tab's current pipeline) read the same English as before.
 */
import * as React from "react";
import { DEFAULT_LOCALE, type Language } from "../domain/language";
import {
  type Formats,
  formatsIn,
  type PaneLanguage,
  type Text,
  useFormats,
  usePaneLanguage,
  useText,
} from "./i18n/language";
import { translate } from "./i18n/messages";

export interface Words extends PaneLanguage {
  readonly t: Text;
  readonly formats: Formats;
}

/** The words of `language`, numbers and dates in `locale` (the language's default locale if none). */
export function wordsIn(language: Language, locale: string = DEFAULT_LOCALE[language]): Words {
  return {
    language,
    t: (key, params) => translate(language, key, params, locale),
    formats: formatsIn(locale),
    locale,
  };
}

export const ENGLISH_WORDS: Words = wordsIn("en");

/** The pane's words for the models, in the language and locale the LanguageProvider gives. */
export function useWords(): Words {
  const t = useText();
  const formats = useFormats();
  const { language, locale } = usePaneLanguage();
  return React.useMemo(() => ({ language, t, formats, locale }), [language, t, formats, locale]);
}

/** "A and B and C" in the pane's language (what Carnet wrote where, the columns to choose). */
export function andList(t: Text, items: readonly string[]): string {
  return items.reduce((list, item) => t("app.list.and", { list, item }));
}
