/**
 * What the Plan and Team models need to speak the pane's language without React: its messages (`t`),
 * its language (the plan's column headers, whose French names are the domain's) and the locale figures
 * and dates are formatted in. The views get it from the LanguageProvider (usePaneWords); tests build it
 * with paneWordsOf.
 */
import * as React from "react";
import { DEFAULT_LOCALE, type Language } from "../../domain/language";
import { type PaneLanguage, type Text, usePaneLanguage, useText } from "../i18n/language";
import { translate } from "../i18n/messages";

export interface PaneWords extends PaneLanguage {
  readonly t: Text;
}

/** The words of a pane in `language`, figures in `locale` (the language's default locale by default). */
export function paneWordsOf(language: Language, locale = DEFAULT_LOCALE[language]): PaneWords {
  return { language, locale, t: (key, params) => translate(language, key, params, locale) };
}

/** The pane's words, as the LanguageProvider gives them (English without one). */
export function usePaneWords(): PaneWords {
  const { language, locale } = usePaneLanguage();
  const t = useText();
  return React.useMemo(() => ({ language, locale, t }), [language, locale, t]);
}
