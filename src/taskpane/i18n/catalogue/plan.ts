import { defineMessages } from "../define";

/**
 * The Plan tab's messages (keys "plan.…"). The action form's field labels are not here: they are the
 * plan's column headers, English or French (src/domain/actionPlan/rows.ts, ACTION_PLAN_COLUMNS_FR).
 * The phases' French names are those CarnetActionPlan's reader accepts (rows.ts), so a French user
 * types in the sheet the word the pane shows.
 */
export const planMessages = defineMessages(
  {
    "plan.title": "Sales action plan",
    "plan.intro":
      "One plan per semester: actions with their means, owner, dates and budget, followed through {plan}, {do}, {check} and {act}.",
    "plan.phase.Plan": "Plan",
    "plan.phase.Do": "Do",
    "plan.phase.Check": "Check",
    "plan.phase.Act": "Act",
    // Long tasks and what failed
    "plan.task.read": "Reading the plan",
    "plan.task.save": "Saving the plan",
    "plan.task.review": "Writing the review",
    "plan.review.noPlan": "There is no action plan to review yet: save the {semester} plan first.",
    "plan.task.select": "Could not select {address}",
    "plan.task.context": "Could not read the team, the matrix and the pipeline",
    // The toolbar
    "plan.semester": "Semester",
    "plan.newPlan": "New plan",
    "plan.carryOver": "Carry over",
    "plan.save": "Save",
    "plan.review": "Review",
    "plan.unsaved":
      "Unsaved changes: Save writes them to CarnetActionPlan; Review reads the saved plan.",
    "plan.unreadRows": "Rows of CarnetActionPlan that could not be read: {problems}.",
    "plan.carry.none": "Nothing to carry over from {semester}.",
    "plan.carry.done":
      "{count, plural, one {# action carried over} other {# actions carried over}} from {semester}.",
    "plan.saved":
      "Saved to CarnetActionPlan: {count, plural, one {# action} other {# actions}} in {semester}, {total} in all.",
    // The semester's actions
    "plan.actions.heading": "Actions of {semester}",
    "plan.actions.none":
      "No action in {semester} yet: add one below, or Carry over the previous semester's.",
    "plan.actions.edit": "Edit",
    "plan.actions.editNamed": "Edit {action}",
    "plan.details.noOwner": "no owner",
    "plan.details.from": "from {date}",
    "plan.details.budget": "budget {amount}",
    "plan.details.carriedFrom": "carried from {semester}",
    // The form
    "plan.form.new": "New action",
    "plan.form.editing": "Edit action",
    "plan.form.add": "Add action",
    "plan.form.update": "Update action",
    "plan.form.delete": "Delete action",
    "plan.form.cancel": "Cancel",
    "plan.form.fieldProblem": "{field} {problem}",
    "plan.form.notDate": "{field} {text} is not a date (yyyy-mm-dd)",
    "plan.unit.revenue": "€ revenue",
    "plan.unit.meetings": "meetings",
    // Budget and checks
    "plan.budget.heading": "Budget",
    "plan.budget.envelope": "Budget envelope",
    "plan.budget.totalNoEnvelope": "Total {total} · no envelope set for {semester}",
    "plan.budget.totalOfEnvelope": "Total {total} of an envelope of {envelope}",
    "plan.budget.byMeans": "By means",
    "plan.budget.byOwner": "By owner",
    "plan.budget.byMeansList": "Budget by means",
    "plan.budget.byOwnerList": "Budget by owner",
    "plan.none": "(none)",
    "plan.blank": "(blank)",
    "plan.checks.heading": "Quality checks",
    "plan.checks.reading": "Reading the team, the matrix and the pipeline…",
    "plan.checks.none": "No finding: the plan follows the handbook's rules.",
    "plan.checks.unsaved": "Actions not saved yet have no row to select: Save first.",
    // What a save could not decide alone
    "plan.conflicts.title": "Nothing saved yet.",
    "plan.conflicts.body":
      "{count, plural, one {# field} other {# fields}} changed both in the pane and in Excel since the pane read the plan. Choose which value to keep for each, then Save again.",
    "plan.conflicts.pane": "Pane: {value}",
    "plan.conflicts.sheet": "Excel: {value}",
    "plan.deleted":
      "{count, plural, one {This action was deleted in Excel and was not kept} other {These # actions were deleted in Excel and were not kept}}: {actions}.",
    // The timeline
    "plan.timeline.heading": "Timeline",
    "plan.timeline.empty": "Timeline of {semester}, {start} to {end}: no action.",
    "plan.timeline.summary":
      "Timeline of {semester}, {start} to {end}: {count, plural, one {# action} other {# actions}} by {owners, plural, one {# owner} other {# owners}} ({list}).",
    "plan.timeline.summaryUndated":
      "Timeline of {semester}, {start} to {end}: {count, plural, one {# action} other {# actions}} by {owners, plural, one {# owner} other {# owners}} ({list}); {undated} without dates.",
    "plan.timeline.noOwner": "(no owner)",
    "plan.timeline.dates": "{start} to {end}",
    "plan.timeline.noDate": "no start or end date",
    "plan.timeline.noDates": "no dates",
    "plan.timeline.title": "{action} ({owner}): {when}, {phase}",
    // The review
    "plan.review.heading": "Review of {semester}",
    "plan.review.written":
      "Review of {semester} written to {sheet} with {count, plural, one {# chart} other {# charts}}.",
    "plan.review.byAction": "Attainment by action",
    "plan.review.byMeans": "Attainment by means",
    "plan.review.byOwner": "Attainment by owner",
    "plan.review.result": "Result",
    "plan.review.attainment": "Attainment",
    "plan.review.costPerResult": "Cost per result",
    "plan.review.checked": "Checked",
    "plan.review.total": "Total",
    "plan.review.resultOf": "{result} of {objective}",
    "plan.review.countOf": "{checked} of {actions}",
    "plan.review.note":
      "Attainment is actual result ÷ objective; a group's is the mean of its checked actions (objectives come in different units). Cost per result is actual cost ÷ actual result.",
  },
  {
    "plan.title": "Plan d'actions commerciales",
    "plan.intro":
      "Un plan par semestre : des actions avec leur moyen, leur responsable, leurs dates et leur budget, suivies au fil des phases {plan}, {do}, {check} et {act}.",
    "plan.phase.Plan": "Planifier",
    "plan.phase.Do": "Faire",
    "plan.phase.Check": "Vérifier",
    "plan.phase.Act": "Agir",
    "plan.task.read": "Lecture du plan",
    "plan.task.save": "Enregistrement du plan",
    "plan.task.review": "Écriture du bilan",
    "plan.review.noPlan":
      "Il n'y a pas encore de plan d'actions à évaluer\u00a0: enregistrez d'abord le plan {semester}.",
    "plan.task.select": "Impossible de sélectionner {address}",
    "plan.task.context": "Impossible de lire l'équipe, la matrice et le pipeline",
    "plan.semester": "Semestre",
    "plan.newPlan": "Nouveau plan",
    "plan.carryOver": "Reprendre",
    "plan.save": "Enregistrer",
    "plan.review": "Bilan",
    "plan.unsaved":
      "Modifications non enregistrées : Enregistrer les écrit dans CarnetActionPlan ; Bilan lit le plan enregistré.",
    "plan.unreadRows": "Lignes de CarnetActionPlan illisibles : {problems}.",
    "plan.carry.none": "Rien à reprendre de {semester}.",
    "plan.carry.done":
      "{count, plural, one {# action reprise} other {# actions reprises}} de {semester}.",
    "plan.saved":
      "Enregistré dans CarnetActionPlan : {count, plural, one {# action} other {# actions}} en {semester}, {total} en tout.",
    "plan.actions.heading": "Actions de {semester}",
    "plan.actions.none":
      "Aucune action en {semester} pour l'instant : ajoutez-en une ci-dessous, ou reprenez celles du semestre précédent.",
    "plan.actions.edit": "Modifier",
    "plan.actions.editNamed": "Modifier {action}",
    "plan.details.noOwner": "sans responsable",
    "plan.details.from": "à partir du {date}",
    "plan.details.budget": "budget {amount}",
    "plan.details.carriedFrom": "reprise de {semester}",
    "plan.form.new": "Nouvelle action",
    "plan.form.editing": "Modifier l'action",
    "plan.form.add": "Ajouter l'action",
    "plan.form.update": "Mettre à jour l'action",
    "plan.form.delete": "Supprimer l'action",
    "plan.form.cancel": "Annuler",
    "plan.form.fieldProblem": "{field} {problem}",
    "plan.form.notDate": "{field} {text} n'est pas une date (aaaa-mm-jj)",
    "plan.unit.revenue": "€ de CA",
    "plan.unit.meetings": "rendez-vous",
    "plan.budget.heading": "Budget",
    "plan.budget.envelope": "Enveloppe budgétaire",
    "plan.budget.totalNoEnvelope": "Total {total} · aucune enveloppe fixée pour {semester}",
    "plan.budget.totalOfEnvelope": "Total {total} sur une enveloppe de {envelope}",
    "plan.budget.byMeans": "Par moyen",
    "plan.budget.byOwner": "Par responsable",
    "plan.budget.byMeansList": "Budget par moyen",
    "plan.budget.byOwnerList": "Budget par responsable",
    "plan.none": "(aucun)",
    "plan.blank": "(vide)",
    "plan.checks.heading": "Contrôles qualité",
    "plan.checks.reading": "Lecture de l'équipe, de la matrice et du pipeline…",
    "plan.checks.none": "Aucune remarque : le plan suit les règles du manuel.",
    "plan.checks.unsaved":
      "Les actions pas encore enregistrées n'ont pas de ligne à sélectionner : enregistrez d'abord.",
    "plan.conflicts.title": "Rien n'est encore enregistré.",
    "plan.conflicts.body":
      "{count, plural, one {# champ a changé} other {# champs ont changé}} à la fois dans le volet et dans Excel depuis que le volet a lu le plan. Choisissez la valeur à garder pour chacun, puis enregistrez à nouveau.",
    "plan.conflicts.pane": "Volet : {value}",
    "plan.conflicts.sheet": "Excel : {value}",
    "plan.deleted":
      "{count, plural, one {Cette action a été supprimée dans Excel et n'a pas été gardée} other {Ces # actions ont été supprimées dans Excel et n'ont pas été gardées}} : {actions}.",
    "plan.timeline.heading": "Calendrier",
    "plan.timeline.empty": "Calendrier de {semester}, du {start} au {end} : aucune action.",
    "plan.timeline.summary":
      "Calendrier de {semester}, du {start} au {end} : {count, plural, one {# action} other {# actions}} pour {owners, plural, one {# responsable} other {# responsables}} ({list}).",
    "plan.timeline.summaryUndated":
      "Calendrier de {semester}, du {start} au {end} : {count, plural, one {# action} other {# actions}} pour {owners, plural, one {# responsable} other {# responsables}} ({list}) ; {undated} sans dates.",
    "plan.timeline.noOwner": "(sans responsable)",
    "plan.timeline.dates": "du {start} au {end}",
    "plan.timeline.noDate": "sans date de début ni de fin",
    "plan.timeline.noDates": "sans dates",
    "plan.timeline.title": "{action} ({owner}) : {when}, {phase}",
    "plan.review.heading": "Bilan de {semester}",
    "plan.review.written":
      "Bilan de {semester} écrit dans {sheet} avec {count, plural, one {# graphique} other {# graphiques}}.",
    "plan.review.byAction": "Taux de réalisation par action",
    "plan.review.byMeans": "Taux de réalisation par moyen",
    "plan.review.byOwner": "Taux de réalisation par responsable",
    "plan.review.result": "Résultat",
    // The tables' captions say "Taux de réalisation": a short header keeps five columns in 320 px.
    "plan.review.attainment": "Taux",
    "plan.review.costPerResult": "Coût par résultat",
    "plan.review.checked": "Vérifiées",
    "plan.review.total": "Total",
    "plan.review.resultOf": "{result} sur {objective}",
    "plan.review.countOf": "{checked} sur {actions}",
    "plan.review.note":
      "Le taux de réalisation est le résultat réel ÷ l'objectif ; celui d'un groupe est la moyenne de ses actions vérifiées (les objectifs ont des unités différentes). Le coût par résultat est le coût réel ÷ le résultat réel.",
  }
);
