/**
 * The pane's language, given once at the root (from Office's display language) and read by every view
 * through `useText()` and `useFormats()`. Without a provider (a component test) the pane is English.
 */
import * as React from "react";
import { DEFAULT_LOCALE, displayLanguageOf, type Language } from "../../domain/language";
import { formatAmount, formatPercent, formatSerialDate } from "../format";
import { type MessageKey, type MessageParams, translate } from "./messages";

export interface PaneLanguage {
  readonly language: Language;
  /** The full tag numbers and dates are formatted with ("fr-FR", "fr-CA", "en-GB"...). */
  readonly locale: string;
}

const ENGLISH: PaneLanguage = { language: "en", locale: DEFAULT_LOCALE.en };
const LanguageContext = React.createContext<PaneLanguage>(ENGLISH);

/** The pane's language for Office's display language ("fr-FR" → French; anything else English). */
export function paneLanguageOf(displayLanguage: string | null | undefined): PaneLanguage {
  const language = displayLanguageOf(displayLanguage);
  const tag = (displayLanguage ?? "").trim();
  const locale = tag && displayLanguageOf(tag) === language ? tag : DEFAULT_LOCALE[language];
  return { language, locale: Intl.NumberFormat.supportedLocalesOf(locale)[0] ?? DEFAULT_LOCALE[language] };
}

export function LanguageProvider(props: { value: PaneLanguage; children: React.ReactNode }) {
  return <LanguageContext.Provider value={props.value}>{props.children}</LanguageContext.Provider>;
}

export function usePaneLanguage(): PaneLanguage {
  return React.useContext(LanguageContext);
}

export type Text = (key: MessageKey, params?: MessageParams) => string;

/** `t(key, params)`: a message of the catalogue in the pane's language. */
export function useText(): Text {
  const { language, locale } = usePaneLanguage();
  return React.useCallback<Text>(
    (key, params) => translate(language, key, params, locale),
    [language, locale]
  );
}

export interface Formats {
  readonly amount: (value: number | null | undefined) => string;
  readonly percent: (value: number | null | undefined) => string;
  readonly date: (serial: number | null | undefined) => string;
}

/** Numbers, money and dates in `locale` (Intl): the one place the pane's formats are made. */
export function formatsIn(locale: string): Formats {
  return {
    amount: (v) => formatAmount(v, locale),
    percent: (v) => formatPercent(v, locale),
    date: (s) => formatSerialDate(s, locale),
  };
}

/** Numbers, money and dates as the pane shows them, in the display locale (Intl). */
export function useFormats(): Formats {
  const { locale } = usePaneLanguage();
  return React.useMemo(() => formatsIn(locale), [locale]);
}
