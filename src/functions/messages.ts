/**
 * The custom functions' own error messages (the text of a #VALUE! or #DIV/0!), in English and French
 * from one catalogue, and the one place that decides which language they speak.
 *
 * What the domain says about a value it cannot read ("is not a number", values.ts, dates.ts...) is
 * passed through as `{problem}`: those words belong to the domain's reading rules and its catalogue
 * (domain/readingProblems.ts), asked in the language {@link functionsLanguage} finds. In French they
 * start with a verb, as in English ("n'est pas un nombre"), so they follow "{argument} {shown}".
 */
import { displayLanguageOf, type Language } from "../domain/language";
import { defineMessages, type MessageParams, textIn } from "../domain/messageCatalogue";

export const FUNCTION_MESSAGES = defineMessages(
  {
    "argument.reading": "{argument} {shown} {problem}",
    "argument.notOneValue": "{argument} must be one value, not a range of {count} cells",
    "argument.from": "from date",
    "argument.to": "to date",
    "argument.target": "target",
    "argument.q": "q",
    "argument.aShare": "a_share",
    "argument.bShare": "b_share",
    "argument.style": "style",
    "argument.language": "language",
    "argument.value": "value",
    "argument.amount": "amount",
    "axis.strength": "strength",
    "axis.attractiveness": "attractiveness",
    "cell.reading": "{argument} {shown} at position {position} {problem}",
    "period.needsCloseDates": "a from or to date needs the close_dates range to filter on",
    "target.blank": "target is blank: give the total to reach",
    "q.blank": "q is blank: give a level such as 10% or 90%",
    "q.outOfRange": "q {value} must lie strictly between 0 and 1 (e.g. 10% for P10)",
    "level.orAbcClass": "{problem} (or an ABC class A, B or C)",
    "cuts.count": "{axis} cuts need two cells {low, high}, not {count}",
    "cuts.low": "{axis} low cut",
    "cuts.high": "{axis} high cut",
    "cuts.lowBlank": "{axis} low cut is blank",
    "cuts.highBlank": "{axis} high cut is blank",
    "cuts.problem": "{axis} cuts: {problem}",
    "matrix.shapes":
      "strength has {strengthRows}×{strengthColumns} cells and attractiveness {attractivenessRows}×{attractivenessColumns}: give ranges of the same shape",
    "matrix.halfBlank": "{axis} at position {position} is blank: a range needs both",
    "matrix.style": 'style "{value}" is not known: write "cell" or "zone"',
    "matrix.language": 'language "{value}" is not known: write "en" or "fr"',
    "brier.nothingToScore": "no forecast to score: every pair of cells is blank",
  },
  {
    "argument.reading": "{argument} {shown} {problem}",
    "argument.notOneValue":
      "{argument} doit être une seule valeur, pas une plage de {count} cellules",
    "argument.from": "date de début",
    "argument.to": "date de fin",
    "argument.target": "objectif",
    "argument.q": "q",
    "argument.aShare": "part_a",
    "argument.bShare": "part_b",
    "argument.style": "style",
    "argument.language": "langue",
    "argument.value": "valeur",
    "argument.amount": "montant",
    "axis.strength": "atouts",
    "axis.attractiveness": "attraits",
    "cell.reading": "{argument} {shown} en position {position} {problem}",
    "period.needsCloseDates":
      "une date de début ou de fin demande la plage dates_jalon pour filtrer les affaires",
    "target.blank": "objectif est vide\u00a0: donnez le total à atteindre",
    "q.blank": "q est vide\u00a0: donnez un niveau comme 10\u00a0% ou 90\u00a0%",
    "q.outOfRange": "q {value} doit être strictement entre 0 et 1 (par exemple 10\u00a0% pour P10)",
    "level.orAbcClass": "{problem} (ou une classe ABC\u00a0: A, B ou C)",
    "cuts.count": "les seuils des {axis} demandent deux cellules {bas, haut}, pas {count}",
    "cuts.low": "le seuil bas des {axis}",
    "cuts.high": "le seuil haut des {axis}",
    "cuts.lowBlank": "le seuil bas des {axis} est vide",
    "cuts.highBlank": "le seuil haut des {axis} est vide",
    "cuts.problem": "seuils des {axis}\u00a0: {problem}",
    "matrix.shapes":
      "atouts a {strengthRows}×{strengthColumns} cellules et attraits {attractivenessRows}×{attractivenessColumns}\u00a0: donnez des plages de même forme",
    "matrix.halfBlank": "{axis} en position {position} est vide\u00a0: une gamme a besoin des deux",
    "matrix.style": 'le style "{value}" est inconnu\u00a0: écrivez "case" ou "zone"',
    "matrix.language": 'la langue "{value}" est inconnue\u00a0: écrivez "fr" ou "en"',
    "brier.nothingToScore": "aucune prévision à évaluer\u00a0: chaque paire de cellules est vide",
  }
);

export type FunctionMessageKey = keyof typeof FUNCTION_MESSAGES.en;

/** What the functions' runtime may offer to tell the user's language (each part may be missing). */
export interface LanguageSources {
  readonly Office?: { readonly context?: { readonly displayLanguage?: string } | null };
  readonly navigator?: { readonly language?: string } | null;
}

/**
 * The language of the functions' messages: Office's display language when the runtime has Office.js
 * (a shared runtime, the workbench), else the browser's language (Excel on the web runs functions in a
 * page), else English. Excel's JavaScript-only runtime has neither Office.context nor a DOM, so there
 * the messages are English. Read on each error, never cached: errors are rare and the workbench can
 * switch its display language while the page lives.
 */
export function functionsLanguage(
  sources: LanguageSources = globalThis as unknown as LanguageSources
): Language {
  let tag: string | undefined;
  try {
    tag = sources.Office?.context?.displayLanguage ?? sources.navigator?.language;
  } catch {
    // Office.context throws when read before Office is initialized: fall back to English.
    tag = undefined;
  }
  return displayLanguageOf(tag);
}

/** The message `key` in `language` (by default the one {@link functionsLanguage} finds). */
export function functionMessage(
  key: FunctionMessageKey,
  params: MessageParams = {},
  language: Language = functionsLanguage()
): string {
  return textIn(FUNCTION_MESSAGES, key, params, language);
}
