/**
 * What the action plan's rules say (checks.ts, pdca.ts, rows.ts), in English and French from one
 * catalogue: the rules decide *what* is wrong (a key and its parameters), this file how each language
 * says it. French is typed against English (messageCatalogue.ts), so a key missing in either fails tsc.
 *
 * Fields are named by their column header in the message's language (Résultat réel, Fin), as the user
 * sees them in the table and the form; phases, semesters and zones likewise (Vérifier, S1 2027,
 * Investir / développer). Parameters are strings made by the rules in the message's language: the
 * template formats no number (a money figure is `12 500,5` in French, made by money.ts).
 */
import { defineMessages, textOf } from "../messageCatalogue";

export const PLAN_MESSAGES = defineMessages(
  {
    // checks.ts
    "checks.harvestRange":
      "{id} puts effort on range {range}, in matrix cell {cell}, zone {zone}: the strategy there is to harvest or divest, not to invest",
    "checks.investRangeWithoutAction":
      "range {range} is in matrix cell {cell}, zone {zone}, and has no action in {semester}",
    "checks.unrealisticObjective":
      "{id}'s objective of {objective} {unit} is {gap}{share} above what supports it for {who}: weighted pipeline {weighted} + won in {previous} {won} = {total}",
    "checks.rangeWho": "range {range}",
    "checks.noOwner": "{id} has no Owner: give it to one of the team",
    "checks.ownerNotInTeam":
      "{id}'s Owner {owner} is not in the team (the pipeline's owners): check the spelling",
    "checks.repWithoutAction": "{rep} has no action in {semester}: build the plan with every rep",
    "checks.overEnvelope":
      "the budget of {semester} totals {total}, {gap} above its envelope of {envelope}",
    "checks.overCapacity":
      "{owner} runs {count} actions on {day}, above the capacity of {capacity}: {ids}",
    // pdca.ts
    "pdca.reopen": "reopen one step at a time: from {from} back to {to}",
    "pdca.oneStep": "one step at a time: from {from} the next phase is {to}",
    "pdca.needsActualResult":
      "{phase} needs an Actual result: record what the action achieved (Actual cost may stay blank: no cost recorded)",
    "pdca.needsCorrectiveAction":
      "{phase} needs a Corrective action: say what to do differently next semester",
    "pdca.actionRequired": "Action is required: say what will be done",
    "pdca.endBeforeStart": "End {end} is before Start {start}",
    "pdca.outsideSemester": "{column} {day} is outside the semester ({from} to {to})",
    "pdca.negative": "{column} {value} is negative: it must be 0 or more",
    // rows.ts: reading CarnetActionPlan back
    "rows.missingColumn": "the action plan has no column {columns}: it reads as blank",
    "rows.missingColumns": "the action plan has no column {columns}: they read as blank",
    "rows.duplicateId":
      "{where}: Id {id} is already the Id of {first}: clear this Id to make the row a new action",
    "rows.cell": "{where}: {column} {problem}",
    "rows.value": "{shown} {problem}",
    "rows.dateText":
      "{shown} is text, not a date: type the date again (or pick it) so that Excel stores it as a date",
    "rows.notAPhase": "{shown} is not a phase: write Plan, Do, Check or Act",
    "rows.semesterBlank": "is blank: write it as 2027-S1 or 2027-S2",
    "rows.notASemester": "{shown} is not a semester: write it as 2027-S1 or 2027-S2",
    // The save, stopped by cells of the table it cannot read (the host's PlanProblemsError)
    "save.unreadable":
      "Carnet cannot read {count, plural, one {a cell} other {cells}} of {table}, so it saved nothing: " +
      "fix {count, plural, one {it} other {them}} in Excel, then save again. {problems}",
  },
  {
    "checks.harvestRange":
      "{id} met de l'effort sur la gamme {range}, dans la case {cell} de la matrice, zone {zone}\u00a0: la stratégie y est de récolter ou de se désengager, pas d'investir",
    "checks.investRangeWithoutAction":
      "la gamme {range} est dans la case {cell} de la matrice, zone {zone}, et n'a aucune action en {semester}",
    "checks.unrealisticObjective":
      "l'objectif de {id}, {objective} {unit}, dépasse de {gap}{share} ce qui le soutient pour {who}\u00a0: pipeline pondéré {weighted} + gagné en {previous} {won} = {total}",
    "checks.rangeWho": "la gamme {range}",
    "checks.noOwner": "{id} n'a pas de Responsable\u00a0: confiez-la à quelqu'un de l'équipe",
    "checks.ownerNotInTeam":
      "le Responsable de {id}, {owner}, n'est pas dans l'équipe (les commerciaux du pipeline)\u00a0: vérifiez l'orthographe",
    "checks.repWithoutAction":
      "{rep} n'a aucune action en {semester}\u00a0: construisez le plan avec chaque commercial",
    "checks.overEnvelope":
      "le budget de {semester} totalise {total}, soit {gap} au-dessus de son enveloppe de {envelope}",
    "checks.overCapacity":
      "{owner} mène {count} actions le {day}, au-delà de sa capacité de {capacity}\u00a0: {ids}",
    "pdca.reopen": "rouvrez une étape à la fois\u00a0: de {from}, on revient à {to}",
    "pdca.oneStep": "une étape à la fois\u00a0: après {from} vient {to}",
    "pdca.needsActualResult":
      "{phase} demande un Résultat réel\u00a0: notez ce que l'action a obtenu (le Coût réel peut rester vide\u00a0: aucun coût noté)",
    "pdca.needsCorrectiveAction":
      "{phase} demande une Action corrective\u00a0: dites ce qu'il faudra faire autrement au semestre suivant",
    "pdca.actionRequired": "Action est obligatoire\u00a0: dites ce qui sera fait",
    "pdca.endBeforeStart": "Fin {end} tombe avant Début {start}",
    "pdca.outsideSemester": "{column} {day} tombe hors du semestre (du {from} au {to})",
    "pdca.negative": "{column} {value} est négatif\u00a0: il doit valoir 0 ou plus",
    "rows.missingColumn": "le plan d'actions n'a pas de colonne {columns}\u00a0: elle se lit vide",
    "rows.missingColumns":
      "le plan d'actions n'a pas de colonnes {columns}\u00a0: elles se lisent vides",
    "rows.duplicateId":
      "{where}\u00a0: l'Id {id} est déjà celui de {first}\u00a0: effacez cet Id pour faire de la ligne une nouvelle action",
    "rows.cell": "{where}\u00a0: {column} {problem}",
    "rows.value": "{shown} {problem}",
    "rows.dateText":
      "{shown} est du texte, pas une date\u00a0: saisissez la date à nouveau (ou choisissez-la) pour qu'Excel la garde comme date",
    "rows.notAPhase":
      "{shown} n'est pas une phase\u00a0: écrivez Planifier, Faire, Vérifier ou Agir",
    "rows.semesterBlank": "est vide\u00a0: écrivez-le S1 2027 ou S2 2027",
    "rows.notASemester": "{shown} n'est pas un semestre\u00a0: écrivez-le S1 2027 ou S2 2027",
    "save.unreadable":
      "Carnet ne peut pas lire {count, plural, one {une cellule} other {des cellules}} de {table}, il n'a donc " +
      "rien enregistré\u00a0: {count, plural, one {corrigez-la} other {corrigez-les}} dans Excel, puis enregistrez " +
      "à nouveau. {problems}",
  }
);

export type PlanMessageKey = keyof typeof PLAN_MESSAGES.en;

/** The plan's message `key` said in `language` (English when not given). */
export const planText = textOf(PLAN_MESSAGES);

/** "A, B, C": names joined as the messages list them (the same in both languages). */
export function listed(items: readonly string[]): string {
  return items.join(", ");
}
