/**
 * The pane's one message catalogue, English and French, gathered from the areas' files (one file per
 * tab, so each view's words sit together) and rendered with the pane's locale.
 */
import type { Language } from "../../domain/language";
import { commonMessages } from "./catalogue/common";
import { matrixMessages } from "./catalogue/matrix";
import { pipelineMessages } from "./catalogue/pipeline";
import { planMessages } from "./catalogue/plan";
import { teamMessages } from "./catalogue/team";

const AREAS = [
  commonMessages,
  pipelineMessages,
  matrixMessages,
  planMessages,
  teamMessages,
] as const;

type KeysOf<T> = T extends { en: Readonly<Record<infer K, string>> } ? K : never;
export type MessageKey = KeysOf<(typeof AREAS)[number]>;
export type MessageParams = Readonly<Record<string, string | number>>;

function gather(language: Language): Readonly<Record<MessageKey, string>> {
  const all: Record<string, string> = {};
  for (const area of AREAS)
    for (const [key, text] of Object.entries(area[language])) {
      if (key in all) throw new Error(`message key ${key} is declared by two areas`);
      all[key] = text;
    }
  return all as Record<MessageKey, string>;
}

/** Every message, by language: what the key-parity test reads. */
export const CATALOGUE: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = {
  en: gather("en"),
  fr: gather("fr"),
};

/** `{count, plural, one {…} other {…}}`: the forms of one plural placeholder. */
const PLURAL = /\{(\w+), plural, ((?:\w+ \{[^{}]*\} ?)+)\}/g;
const PLURAL_FORM = /(\w+) \{([^{}]*)\}/g;
const PLACEHOLDER = /\{(\w+)\}/g;

function shown(value: string | number, locale: string): string {
  return typeof value === "number" ? new Intl.NumberFormat(locale).format(value) : value;
}

/** A template with its parameters in place (see define.ts for the two forms of placeholder). */
export function render(template: string, params: MessageParams, locale: string): string {
  const plurals = new Intl.PluralRules(locale);
  const withPlurals = template.replace(PLURAL, (_whole, name: string, forms: string) => {
    const count = Number(params[name]);
    const chosen = new Map<string, string>();
    for (const [, form, text] of forms.matchAll(PLURAL_FORM)) chosen.set(form, text);
    const text = chosen.get(plurals.select(count)) ?? chosen.get("other") ?? "";
    return text.replace(/#/g, shown(count, locale));
  });
  return withPlurals.replace(PLACEHOLDER, (whole, name: string) =>
    name in params ? shown(params[name], locale) : whole
  );
}

/** The message `key` in `language`, its parameters formatted in `locale`. */
export function translate(
  language: Language,
  key: MessageKey,
  params: MessageParams = {},
  locale = language === "fr" ? "fr-FR" : "en-US"
): string {
  return render(CATALOGUE[language][key], params, locale);
}
