/**
 * What Carnet says about a cell it cannot read (values.ts, dates.ts, pipelineTable.ts), in English
 * and French from one catalogue: the readers decide *what* is wrong (a key and its parameters), this
 * file how it is said in each language. French is typed against English (messageCatalogue.ts), so a
 * key missing in either language fails the build.
 *
 * Each problem follows "<label> <shown> at <where> " in English ("is not a number") and "<libellé>
 * <texte> en <où> " in French ("n'est pas un nombre"): it starts with a verb and names no gender, so
 * that it reads after any label ("montant", "probabilité", "date de début"). Examples of how to write
 * a value are written the way each language writes numbers (`0.2`, `0,2`).
 *
 * Parameters are strings, made by the readers in the message's language (numbers are never
 * formatted by the template: a year is `2003`, not `2,003`).
 */
import { type Language } from "./language";
import { defineMessages, textOf } from "./messageCatalogue";
import type { CellValue } from "./values";

const HOW_TO_WRITE_DATE_EN = "write it as 2003-04-04 or 4 avril 2003";
const HOW_TO_WRITE_DATE_FR = "écrivez-la 2003-04-04 ou 4 avril 2003";

export const READING_PROBLEMS = defineMessages(
  {
    // values.ts
    "value.notANumber": "is not a number",
    "value.notFinite": "is not a finite number",
    "value.excelError": "is an error value in the cell: fix its formula or what it refers to",
    "value.twoSigns": "is not a number: it has more than one sign",
    "value.twoCurrencies": "is not a number: it has two currency signs, keep one",
    "value.currencyAndPercent": "is not a number: it has both a currency and %",
    "value.badGroups": "is not a number: its separators do not group thousands by three",
    "value.tooLarge": "is too large to be a number",
    "value.ambiguous":
      "is ambiguous: {typed} may be {thousands} or {decimal}; write {thousands} or {decimal}",
    "value.percentNotAmount": "is a percentage, not an amount",
    "value.amountNotProbability": "is an amount, not a probability",
    "value.amountNotShare": "is an amount, not a share",
    "value.shareNegative": "is below 0: a share cannot be negative",
    "probability.negative": "is below 0: a probability is between 0% and 100%",
    "probability.above100": "is above 100 %: a probability is at most 100 %",
    "probability.points": "is above 1: write {typed}% or {fraction}",
    "probability.above1": "is above 1: a probability is between 0 and 1, or 0% and 100%",
    "value.where": "{label} {shown} at {where} {problem}",
    // dates.ts
    "date.notADate": "is not a date",
    "date.outsideSerials": "is outside Excel's dates: serials run from 1 (1900-01-01) to 2958465",
    "date.outsideYears": "is outside Excel's dates: 1900-01-01 to 9999-12-31",
    "date.twoDigitYear": "has a two-digit year: write the year in full, as in 2003-04-04",
    "date.digitsAlone": `is not a date: digits alone may be a year or a serial number; ${HOW_TO_WRITE_DATE_EN}`,
    "date.unreadable": `is not a date: ${HOW_TO_WRITE_DATE_EN}`,
    "date.twoYears": `is not a date: it has two years; ${HOW_TO_WRITE_DATE_EN}`,
    "date.twoMonths": `is not a date: it names two months; ${HOW_TO_WRITE_DATE_EN}`,
    "date.twoWeekdays": `is not a date: it names two weekdays; ${HOW_TO_WRITE_DATE_EN}`,
    "date.twoDays": `is not a date: it has two days; ${HOW_TO_WRITE_DATE_EN}`,
    "date.noDay": `is not a date: it has no day; ${HOW_TO_WRITE_DATE_EN}`,
    "date.noYear": `is not a date: it has no year; ${HOW_TO_WRITE_DATE_EN}`,
    "date.erAfterOne": `is not a date: "er" only follows 1 (1er mai); ${HOW_TO_WRITE_DATE_EN}`,
    "date.noMonthDayFirst": "is not a real date in day/month/year order: there is no month {month}",
    "date.noMonthMonthFirst":
      "is not a real date in month/day/year order: there is no month {month}",
    "date.ambiguous":
      "is ambiguous: {typed} may be {dayFirst} or {monthFirst}; write {dayFirstIso} or {monthFirstIso}",
    "date.neitherMonth": "is not a real date: neither {first} nor {second} can be a month",
    "date.inconsistent": "is not a consistent date: {date} is a {actual}, not a {named}",
    "date.noSuchMonth": "is not a real date: there is no month {month}",
    "date.noSuchDay": "is not a real date: there is no day {day}",
    "date.monthLength": "is not a real date: {month} has {days} days",
    // pipelineTable.ts
    "pipeline.issue": "{head} at {address} {problem}",
    "pipeline.rowIssue": "Row at {address} {problem}",
    "pipeline.headerRow": "repeats the header: left out",
    "pipeline.totalRow": "is a total or subtotal row: left out so that it is not counted twice",
    "pipeline.amountBlank": "is blank: a deal needs an amount to count in the forecast",
    "pipeline.probabilityBlankStage":
      'is blank and stage "{stage}" has no default probability: type one or add the stage to the stage table',
    "pipeline.probabilityBlank":
      "is blank: type one, or give the deal a stage with a default probability",
    "pipeline.duplicateId": "repeats the id of data row {row}: ids must be unique",
    "pipeline.notACategory":
      "is not a forecast category: write Commit, Best case, Pipeline, Omitted, Won or Lost",
    // pipeline.ts: the deals of WEIGHTED_PIPELINE's and the other functions' columns
    "columns.amount": "amount",
    "columns.probability": "probability",
    "columns.closeDate": "close date",
    "columns.position": "position {position}",
    "columns.amountBlank":
      "amount at position {position} is blank but its probability is {probability}: give both or neither",
    "columns.probabilityBlank":
      "probability at position {position} is blank but its amount is {amount}: give both or neither",
    "columns.closedAmountBlank":
      "amount at position {position} is blank but the deal is {status}: give its amount",
    "columns.sizes":
      "the amounts have {count} cells but the {name} have {other}: give ranges of the same size",
    "columns.probabilities": "probabilities",
    "columns.closeDates": "close dates",
    "columns.statuses": "statuses",
    "columns.won": "Won",
    "columns.lost": "Lost",
    "columns.omitted": "Omitted",
    "columns.periodReversed": "the period starts after it ends",
    // team/brierInput.ts: BRIER's pairs
    "brier.sizes":
      "the probabilities have {count} cells but the outcomes have {other}: give ranges of the same size",
    "brier.probabilityBlank":
      "probability at position {position} is blank but its outcome is {outcome}: give both or neither",
    "brier.outcomeBlank":
      "outcome at position {position} is blank but its probability is {probability}: give both or neither",
    "brier.outcome": "outcome",
    "brier.notAnOutcome":
      "is not won or lost: write 1 or 0, TRUE or FALSE, Won or Lost (Gagné or Perdu)",
  },
  {
    "value.notANumber": "n'est pas un nombre",
    "value.notFinite": "n'est pas un nombre fini",
    "value.excelError":
      "est une valeur d'erreur dans la cellule\u00a0: corrigez sa formule ou ce à quoi elle renvoie",
    "value.twoSigns": "n'est pas un nombre\u00a0: un seul signe est permis",
    "value.twoCurrencies": "n'est pas un nombre\u00a0: deux devises sont écrites, gardez-en une",
    "value.currencyAndPercent": "n'est pas un nombre\u00a0: une devise et un % à la fois",
    "value.badGroups":
      "n'est pas un nombre\u00a0: ses séparateurs ne groupent pas les milliers par trois",
    "value.tooLarge": "a trop de chiffres pour être un nombre",
    "value.ambiguous":
      "se lit de deux façons\u00a0: {typed} peut valoir {thousands} ou {decimal}\u00a0; écrivez {thousands} ou {decimal}",
    "value.percentNotAmount": "est un pourcentage, pas un montant",
    "value.amountNotProbability": "est un montant, pas une probabilité",
    "value.amountNotShare": "est un montant, pas une part",
    "value.shareNegative": "est en dessous de 0\u00a0: une part ne peut pas être négative",
    "probability.negative":
      "est en dessous de 0\u00a0: une probabilité est comprise entre 0\u00a0% et 100\u00a0%",
    "probability.above100": "dépasse 100\u00a0%\u00a0: une probabilité vaut au plus 100\u00a0%",
    "probability.points": "dépasse 1\u00a0: écrivez {typed}\u00a0% ou {fraction}",
    "probability.above1":
      "dépasse 1\u00a0: une probabilité est comprise entre 0 et 1, ou entre 0\u00a0% et 100\u00a0%",
    "value.where": "{label} {shown} en {where} {problem}",
    "date.notADate": "n'est pas une date",
    "date.outsideSerials":
      "sort des dates d'Excel\u00a0: les numéros de série vont de 1 (1900-01-01) à 2\u00a0958\u00a0465",
    "date.outsideYears": "sort des dates d'Excel\u00a0: du 1900-01-01 au 9999-12-31",
    "date.twoDigitYear":
      "a une année à deux chiffres\u00a0: écrivez l'année en entier, comme dans 2003-04-04",
    "date.digitsAlone": `n'est pas une date\u00a0: des chiffres seuls peuvent être une année ou un numéro de série\u00a0; ${HOW_TO_WRITE_DATE_FR}`,
    "date.unreadable": `n'est pas une date\u00a0: ${HOW_TO_WRITE_DATE_FR}`,
    "date.twoYears": `n'est pas une date\u00a0: deux années y sont écrites\u00a0; ${HOW_TO_WRITE_DATE_FR}`,
    "date.twoMonths": `n'est pas une date\u00a0: deux mois y sont nommés\u00a0; ${HOW_TO_WRITE_DATE_FR}`,
    "date.twoWeekdays": `n'est pas une date\u00a0: deux jours de la semaine y sont nommés\u00a0; ${HOW_TO_WRITE_DATE_FR}`,
    "date.twoDays": `n'est pas une date\u00a0: deux jours y sont écrits\u00a0; ${HOW_TO_WRITE_DATE_FR}`,
    "date.noDay": `n'est pas une date\u00a0: il manque le jour\u00a0; ${HOW_TO_WRITE_DATE_FR}`,
    "date.noYear": `n'est pas une date\u00a0: il manque l'année\u00a0; ${HOW_TO_WRITE_DATE_FR}`,
    "date.erAfterOne": `n'est pas une date\u00a0: "er" ne suit que 1 (1er mai)\u00a0; ${HOW_TO_WRITE_DATE_FR}`,
    "date.noMonthDayFirst":
      "n'est pas une vraie date dans l'ordre jour/mois/année\u00a0: il n'y a pas de mois {month}",
    "date.noMonthMonthFirst":
      "n'est pas une vraie date dans l'ordre mois/jour/année\u00a0: il n'y a pas de mois {month}",
    "date.ambiguous":
      "se lit de deux façons\u00a0: {typed} peut être le {dayFirst} ou le {monthFirst}\u00a0; écrivez {dayFirstIso} ou {monthFirstIso}",
    "date.neitherMonth":
      "n'est pas une vraie date\u00a0: ni {first} ni {second} ne peut être un mois",
    "date.inconsistent":
      "n'est pas une date cohérente\u00a0: le {date} est un {actual}, pas un {named}",
    "date.noSuchMonth": "n'est pas une vraie date\u00a0: il n'y a pas de mois {month}",
    "date.noSuchDay": "n'est pas une vraie date\u00a0: il n'y a pas de jour {day}",
    "date.monthLength": "n'est pas une vraie date\u00a0: {month} a {days} jours",
    "pipeline.issue": "{head} en {address} {problem}",
    "pipeline.rowIssue": "La ligne {address} {problem}",
    "pipeline.headerRow": "répète l'en-tête\u00a0: écartée",
    "pipeline.totalRow":
      "est une ligne de total ou de sous-total\u00a0: écartée pour ne pas compter deux fois",
    "pipeline.amountBlank":
      "est vide\u00a0: une affaire a besoin d'un montant pour compter dans la prévision",
    "pipeline.probabilityBlankStage":
      "est vide et l'étape \"{stage}\" n'a pas de probabilité par défaut\u00a0: saisissez-en une ou ajoutez l'étape à la table des étapes",
    "pipeline.probabilityBlank":
      "est vide\u00a0: saisissez-en une, ou donnez à l'affaire une étape qui a une probabilité par défaut",
    "pipeline.duplicateId":
      "répète l'identifiant de la ligne de données {row}\u00a0: les identifiants doivent être uniques",
    "pipeline.notACategory":
      "n'est pas une catégorie de prévision\u00a0: écrivez Engagé, Meilleur cas, Pipeline, Exclu, Gagné ou Perdu",
    "columns.amount": "montant",
    "columns.probability": "probabilité",
    "columns.closeDate": "date jalon",
    "columns.position": "position {position}",
    "columns.amountBlank":
      "montant en position {position} est vide mais sa probabilité vaut {probability}\u00a0: donnez les deux ou aucun",
    "columns.probabilityBlank":
      "probabilité en position {position} est vide mais son montant vaut {amount}\u00a0: donnez les deux ou aucun",
    "columns.closedAmountBlank":
      "montant en position {position} est vide mais l'affaire est {status}\u00a0: donnez son montant",
    "columns.sizes":
      "les montants ont {count, plural, one {# cellule} other {# cellules}} mais les {name} en ont {other}\u00a0: donnez des plages de même taille",
    "columns.probabilities": "probabilités",
    "columns.closeDates": "dates jalon",
    "columns.statuses": "statuts",
    "columns.won": "gagnée",
    "columns.lost": "perdue",
    "columns.omitted": "exclue",
    "columns.periodReversed": "la période commence après sa fin",
    "brier.sizes":
      "les probabilités ont {count, plural, one {# cellule} other {# cellules}} mais les issues en ont {other}\u00a0: donnez des plages de même taille",
    "brier.probabilityBlank":
      "probabilité en position {position} est vide mais son issue vaut {outcome}\u00a0: donnez les deux ou aucune",
    "brier.outcomeBlank":
      "issue en position {position} est vide mais sa probabilité vaut {probability}\u00a0: donnez les deux ou aucune",
    "brier.outcome": "issue",
    "brier.notAnOutcome":
      "n'est ni gagnée ni perdue\u00a0: écrivez 1 ou 0, VRAI ou FAUX, Gagné ou Perdu (Won ou Lost)",
  }
);

export type ReadingProblemKey = keyof typeof READING_PROBLEMS.en;

type ProblemParams = Readonly<Record<string, string>>;

/** A problem as a reader finds it, before it is said in a language. */
export interface ProblemSpec {
  readonly key: ReadingProblemKey;
  /** Its parameters: the same in both languages, or made for one (`0.2` / `0,2`). */
  readonly params?: ProblemParams | ((language: Language) => ProblemParams);
}

/** A reader's problem said in `language`. */
export function say(spec: ProblemSpec, language: Language = "en"): string {
  const { params } = spec;
  return problemText(spec.key, typeof params === "function" ? params(language) : params, language);
}

/** The problem `key` said in `language` (English when not given). */
export const problemText = textOf(READING_PROBLEMS);

/** What the readers take to speak: the language of their problems (English by default). */
export interface SpeakOptions {
  readonly language?: Language;
}

/**
 * A decimal number as written in `language` for the user to type it: `0.2` in English, `0,2` in
 * French, never grouped (the reader takes both; an example must stay unambiguous).
 */
export function decimalIn(language: Language, text: string): string {
  return language === "fr" ? text.replace(".", ",") : text;
}

/** A cell as a message quotes it: its text as typed, a number with the language's decimal mark (`0,5`). */
export function quotedCell(cell: CellValue, language: Language): string {
  return typeof cell === "number" ? decimalIn(language, String(cell)) : String(cell).trim();
}
