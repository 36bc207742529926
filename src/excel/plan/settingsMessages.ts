/**
 * What the pane says of the settings kept in the workbook that Carnet could not use (settings.ts), in
 * English and French from one catalogue; French typed against English (a missing key fails tsc).
 * `{shown}` is the stored value as JSON, quoted as stored in either language; numbers are passed as
 * text, written as before (`16384`, not grouped).
 */
import { type Language } from "../../domain/language";
import { defineMessages, textIn } from "../../domain/messageCatalogue";

const AGAIN_EN = "the columns are recognised again from the headers: check them";
const AGAIN_FR = "les colonnes sont reconnues à nouveau d'après les en-têtes\u00a0: vérifiez-les";
const DEFAULT_STAGES_EN = "the default stage table is used until you edit it";
const DEFAULT_STAGES_FR = "la table des étapes par défaut sert jusqu'à ce que vous la modifiiez";

export const SETTINGS_MESSAGES = defineMessages(
  {
    damaged:
      "the settings kept in this workbook are damaged and could not be read: Carnet starts " +
      "afresh (recognised columns, default stage table, by quarter) and your next change replaces them",
    notChoices:
      "the settings kept in this workbook ({shown}) are not a set of choices: Carnet starts afresh",
    periodKind:
      "the period kept in this workbook ({shown}) is not month, quarter, semester or year: " +
      "the forecast is by quarter until you choose",
    probabilityScale:
      'the probability scale kept in this workbook ({shown}) is not "fraction" or "points": ' +
      "probabilities are read as typed",
    dayFirst:
      "the date order kept in this workbook ({shown}) is not true or false: " +
      "each date's order is worked out from the dates",
    workbookLanguage:
      'the language kept for what Carnet writes in this workbook ({shown}) is not "en" or "fr": ' +
      "Carnet finds it again from its tables, or from the document's language",
    headerRow:
      "the header row kept for the table read last ({shown}) is not a row " +
      "of the sheet: Carnet finds the header again, pick another in the pane if need be",
    source:
      "the table read last ({shown}) is not an Excel table or a range Carnet knows: " +
      "select a cell in your table and read it again",
    mappingNotOne: `the column mapping kept in this workbook ({shown}) is not one: ${AGAIN_EN}`,
    mappingForNone: `the column mapping kept in this workbook does not say which table it is for: ${AGAIN_EN}`,
    mappingUnknownField:
      "the column mapping names a field Carnet does not know ({shown}): left out",
    mappingBadColumn:
      "the column kept for {field} ({shown}) is not a column of the table: " +
      "{field} is recognised again from the headers, check it",
    mappingBeyondTable:
      "the column mapping kept for this table names its column {column} for {field}, but the table " +
      "has {width} {width, plural, one {column} other {columns}}: the columns are recognised again from the headers, check them",
    stagesNotList: `the stage table kept in this workbook ({shown}) is not a list of stages: ${DEFAULT_STAGES_EN}`,
    stagesNone: `the stage table kept in this workbook has no stage Carnet can read: ${DEFAULT_STAGES_EN}`,
    stagesBadRow:
      "row {rows} of the stage table kept in this workbook is not a stage name with a " +
      "probability from 0 % to 100 %: left out",
    stagesBadRows:
      "rows {rows} of the stage table kept in this workbook are not a stage name with a " +
      "probability from 0 % to 100 %: left out",
    fiscalStartMonth:
      "the fiscal year's first month kept in this workbook ({shown}) is not a month from 1 to 12: " +
      "semesters start in January until you choose",
    capacity:
      "the actions one owner can run at once kept in this workbook ({shown}) is not a whole number from 1: " +
      "the plan's checks count 3 until you choose",
    envelopes:
      "the budget envelopes kept in this workbook ({shown}) are not amounts by semester: " +
      "type each semester's envelope again in the plan",
    envelope:
      "the budget envelope kept for {semester} ({shown}) is not an amount from 0 " +
      "for a semester written like 2027-S1: left out, type it again in the plan",
    lastId:
      "the last action Id kept in this workbook ({shown}) is not an Id like A-0042: " +
      "new Ids follow the highest Id in the plan, so the Id of an action deleted above it may come back",
    collectiveWeight:
      "the collective weight kept in this workbook ({shown}) is not a share from 0 to 1: " +
      "blended attainment is the individual one (w = 0) until you choose",
    teamObjective:
      "the team objective kept in this workbook ({shown}) is not an amount above 0: " +
      "the team objective is the sum of the reps' objectives until you set one",
  },
  {
    damaged:
      "les réglages conservés dans ce classeur sont abîmés et illisibles\u00a0: Carnet repart de zéro " +
      "(colonnes reconnues, table des étapes par défaut, par trimestre) et votre prochain changement les remplace",
    notChoices:
      "les réglages conservés dans ce classeur ({shown}) ne sont pas un ensemble de choix\u00a0: Carnet repart de zéro",
    periodKind:
      "la période conservée dans ce classeur ({shown}) n'est ni mois, ni trimestre, ni semestre, ni année\u00a0: " +
      "la prévision est par trimestre jusqu'à ce que vous choisissiez",
    probabilityScale:
      'l\'échelle des probabilités conservée dans ce classeur ({shown}) n\'est ni "fraction" ni "points"\u00a0: ' +
      "les probabilités sont lues comme saisies",
    dayFirst:
      "l'ordre des dates conservé dans ce classeur ({shown}) n'est ni true ni false\u00a0: " +
      "l'ordre de chaque date est déduit des dates",
    workbookLanguage:
      'la langue conservée pour ce que Carnet écrit dans ce classeur ({shown}) n\'est ni "en" ni "fr"\u00a0: ' +
      "Carnet la retrouve d'après ses tableaux, ou d'après la langue du document",
    headerRow:
      "la ligne d'en-tête conservée pour le dernier tableau lu ({shown}) n'est pas une ligne de la " +
      "feuille\u00a0: Carnet retrouve l'en-tête, choisissez-en une autre dans le volet au besoin",
    source:
      "le dernier tableau lu ({shown}) n'est ni un tableau Excel ni une plage que Carnet connaît\u00a0: " +
      "sélectionnez une cellule de votre tableau et lisez-le à nouveau",
    mappingNotOne: `la correspondance des colonnes conservée dans ce classeur ({shown}) n'en est pas une\u00a0: ${AGAIN_FR}`,
    mappingForNone: `la correspondance des colonnes conservée dans ce classeur ne dit pas à quel tableau elle s'applique\u00a0: ${AGAIN_FR}`,
    mappingUnknownField:
      "la correspondance des colonnes nomme un champ que Carnet ne connaît pas ({shown})\u00a0: écarté",
    mappingBadColumn:
      "la colonne conservée pour {field} ({shown}) n'est pas une colonne du tableau\u00a0: " +
      "{field} est reconnu à nouveau d'après les en-têtes, vérifiez-le",
    mappingBeyondTable:
      "la correspondance des colonnes conservée pour ce tableau lui donne la colonne {column} pour {field}, " +
      `mais le tableau a {width} {width, plural, one {colonne} other {colonnes}}\u00a0: ${AGAIN_FR}`,
    stagesNotList: `la table des étapes conservée dans ce classeur ({shown}) n'est pas une liste d'étapes\u00a0: ${DEFAULT_STAGES_FR}`,
    stagesNone: `la table des étapes conservée dans ce classeur n'a aucune étape que Carnet sache lire\u00a0: ${DEFAULT_STAGES_FR}`,
    stagesBadRow:
      "la ligne {rows} de la table des étapes conservée dans ce classeur n'est pas un nom d'étape avec " +
      "une probabilité de 0\u00a0% à 100\u00a0%\u00a0: écartée",
    stagesBadRows:
      "les lignes {rows} de la table des étapes conservée dans ce classeur ne sont pas un nom d'étape avec " +
      "une probabilité de 0\u00a0% à 100\u00a0%\u00a0: écartées",
    fiscalStartMonth:
      "le premier mois de l'exercice conservé dans ce classeur ({shown}) n'est pas un mois de 1 à 12\u00a0: " +
      "les semestres commencent en janvier jusqu'à ce que vous choisissiez",
    capacity:
      "le nombre d'actions qu'un responsable peut mener à la fois conservé dans ce classeur ({shown}) n'est pas " +
      "un nombre entier à partir de 1\u00a0: les contrôles du plan comptent 3 jusqu'à ce que vous choisissiez",
    envelopes:
      "les enveloppes budgétaires conservées dans ce classeur ({shown}) ne sont pas des montants par semestre\u00a0: " +
      "saisissez à nouveau l'enveloppe de chaque semestre dans le plan",
    envelope:
      "l'enveloppe budgétaire conservée pour {semester} ({shown}) n'est pas un montant à partir de 0 " +
      "pour un semestre écrit comme 2027-S1\u00a0: écartée, saisissez-la à nouveau dans le plan",
    lastId:
      "le dernier Id d'action conservé dans ce classeur ({shown}) n'est pas un Id comme A-0042\u00a0: " +
      "les nouveaux Id suivent le plus élevé du plan, si bien que l'Id d'une action supprimée au-dessus peut revenir",
    collectiveWeight:
      "le poids collectif conservé dans ce classeur ({shown}) n'est pas une part de 0 à 1\u00a0: " +
      "le taux de réalisation pondéré est l'individuel (w = 0) jusqu'à ce que vous choisissiez",
    teamObjective:
      "l'objectif d'équipe conservé dans ce classeur ({shown}) n'est pas un montant au-dessus de 0\u00a0: " +
      "l'objectif d'équipe est la somme des objectifs des commerciaux jusqu'à ce que vous en fixiez un",
  }
);

export type SettingsMessageKey = keyof typeof SETTINGS_MESSAGES.en;

/** A settings message in `language`. */
export function settingsText(
  key: SettingsMessageKey,
  params: Readonly<Record<string, string | number>>,
  language: Language
): string {
  return textIn(SETTINGS_MESSAGES, key, params, language);
}
