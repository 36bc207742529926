/**
 * How Carnet declares its messages, wherever they are shown (the task pane, the custom functions'
 * errors): English and French side by side, the French one typed against the English one, so a key
 * missing in either language fails the build.
 *
 * A message is a template: `{name}` is replaced by a parameter (numbers formatted in the caller's
 * locale), and `{count, plural, one {# deal} other {# deals}}` picks a form with Intl.PluralRules,
 * `#` being the count formatted. A brace that names no parameter (`{low, high}`) is left as written.
 */
import { DEFAULT_LOCALE, type Language } from "./language";

export type Messages<K extends string> = Readonly<Record<K, string>>;

export interface AreaCatalogue<K extends string> {
  readonly en: Messages<K>;
  readonly fr: Messages<K>;
}

/** An area's catalogue: `fr` must have exactly `en`'s keys. */
export function defineMessages<K extends string>(
  en: Messages<K>,
  fr: Messages<NoInfer<K>>
): AreaCatalogue<K> {
  return { en, fr };
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** `{count, plural, one {…} other {…}}`: the forms of one plural placeholder. */
const PLURAL = /\{(\w+), plural, ((?:\w+ \{[^{}]*\} ?)+)\}/g;
const PLURAL_FORM = /(\w+) \{([^{}]*)\}/g;
const PLACEHOLDER = /\{(\w+)\}/g;

function shown(value: string | number, locale: string): string {
  return typeof value === "number" ? new Intl.NumberFormat(locale).format(value) : value;
}

/** A template with its parameters in place (see above for the two forms of placeholder). */
export function render(template: string, params: MessageParams, locale: string): string {
  // Most templates have no plural: those skip making PluralRules (a reader's problem may be said
  // once a row of a large table).
  const withPlurals = template.includes(", plural,")
    ? withPluralForms(template, params, locale)
    : template;
  return withPlurals.replace(PLACEHOLDER, (whole, name: string) =>
    name in params ? shown(params[name], locale) : whole
  );
}

function withPluralForms(template: string, params: MessageParams, locale: string): string {
  const plurals = new Intl.PluralRules(locale);
  return template.replace(PLURAL, (_whole, name: string, forms: string) => {
    const count = Number(params[name]);
    const chosen = new Map<string, string>();
    for (const [, form, text] of forms.matchAll(PLURAL_FORM)) chosen.set(form, text);
    const text = chosen.get(plurals.select(count)) ?? chosen.get("other") ?? "";
    return text.replace(/#/g, shown(count, locale));
  });
}

/** The message `key` of an area's catalogue in `language`, its numbers in that language's locale. */
export function textIn<K extends string>(
  catalogue: AreaCatalogue<K>,
  key: K,
  params: MessageParams,
  language: Language
): string {
  return render(catalogue[language][key], params, DEFAULT_LOCALE[language]);
}

/**
 * How an area's modules say its messages: textIn bound to the area's catalogue, with no parameters
 * and English unless told (what the domain's callers that name no language mean).
 */
export function textOf<K extends string>(
  catalogue: AreaCatalogue<K>
): (key: K, params?: MessageParams, language?: Language) => string {
  return (key, params = {}, language = "en") => textIn(catalogue, key, params, language);
}
