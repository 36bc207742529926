/**
 * The custom functions' public names in each language, for whatever shows them (the task pane's
 * Functions tab, help text). The French names come from the one translation file the build turns into
 * functions-fr.json (functions.fr.json, checked against the functions at every build); the English
 * name of every Carnet function is its id.
 */
import type { Language } from "./language";
import translation from "./functions.fr.json";

export interface TranslatedText {
  readonly name: string;
  readonly description: string;
}

export interface TranslatedFunction extends TranslatedText {
  /** By the parameter's English name. */
  readonly parameters: Readonly<Record<string, TranslatedText>>;
}

/** Every function's French name, description and parameters, by function id. */
export const FRENCH_FUNCTIONS: Readonly<Record<string, TranslatedFunction>> = translation.functions;

/** The name a user types after CARNET. in `language`: "WEIGHTED_PIPELINE" → "PIPELINE_PONDERE". */
export function functionName(id: string, language: Language): string {
  return language === "fr" ? (FRENCH_FUNCTIONS[id]?.name ?? id) : id;
}

/** A parameter's name as the formula tooltip shows it in `language`: "close_dates" → "dates_jalon". */
export function parameterName(id: string, parameter: string, language: Language): string {
  return language === "fr"
    ? (FRENCH_FUNCTIONS[id]?.parameters[parameter]?.name ?? parameter)
    : parameter;
}

const SYNTAX = /^(=?CARNET\.)([A-Z0-9_.]+)\((.*)\)$/;

/**
 * An English syntax line in `language`: French names, and ";" between arguments as French Excel
 * writes them. "=CARNET.ABC_CLASS(values, [a_share])" → "=CARNET.CLASSE_ABC(valeurs; [part_a])".
 * A line that is not a CARNET call is returned as it is.
 */
export function localizeSyntax(syntax: string, language: Language): string {
  const call = SYNTAX.exec(syntax.trim());
  if (language === "en" || !call) return syntax;
  const [, prefix, id, args] = call;
  const names = args
    .split(",")
    .map((arg) => arg.trim())
    .filter((arg) => arg !== "")
    .map((arg) => {
      const optional = /^\[(.*)\]$/.exec(arg);
      const name = parameterName(id, optional ? optional[1] : arg, language);
      return optional ? `[${name}]` : name;
    });
  return `${prefix}${functionName(id, language)}(${names.join("; ")})`;
}
