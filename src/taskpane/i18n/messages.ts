/**
 * The pane's one message catalogue, English and French, gathered from the areas' files (one file per
 * tab, so each view's words sit together) and rendered with the pane's locale.
 */
import type { Language } from "../../domain/language";
import { type MessageParams, render } from "../../domain/messageCatalogue";
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

export { type MessageParams, render };

type KeysOf<T> = T extends { en: Readonly<Record<infer K, string>> } ? K : never;
export type MessageKey = KeysOf<(typeof AREAS)[number]>;

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

/** The message `key` in `language`, its parameters formatted in `locale`. */
export function translate(
  language: Language,
  key: MessageKey,
  params: MessageParams = {},
  locale = language === "fr" ? "fr-FR" : "en-US"
): string {
  return render(CATALOGUE[language][key], params, locale);
}
