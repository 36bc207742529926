import { defineMessages } from "../define";

/** The Team tab's messages (keys "team.…"): CarnetTeam, the pay trade-off and the forecast calibration. */
export const teamMessages = defineMessages(
  {
    "team.title": "Team",
    "team.intro":
      "Each rep's pipeline, objective and attainment, and how much of their pay basis rides on the team's.",
    "team.build": "Build team",
    "team.refresh": "Refresh",
    "team.task.read": "Reading CarnetTeam",
    "team.task.build": "Building the team",
    "team.task.select": "Could not select {address}",
    "team.task.deals": "Reading the deals",
    "team.none": "No CarnetTeam in this workbook yet: Build team writes it.",
    "team.sheetNow": "CarnetTeam as it is now",
    "team.sheetProblems": "CarnetTeam problems",
    "team.built":
      "CarnetTeam written to {sheet}: {reps, plural, one {# rep} other {# reps}}, {charts, plural, one {# chart} other {# charts}}, actions of {semester}.",
    "team.builtLive":
      "CarnetTeam written to {sheet}: {reps, plural, one {# rep} other {# reps}}, {charts, plural, one {# chart} other {# charts}}, actions of {semester}. Its figures are live formulas: an objective typed in CarnetTeam updates its row.",
    "team.pipeline.noSource":
      "Read your sales table in the Pipeline tab first: the team is built from its deals.",
    "team.pipeline.missing": "Choose the column for {columns} in the Pipeline tab first.",
    // The manager's fields
    "team.weight": "Collective weight",
    "team.weight.hint": "0 to 1, or 20 %",
    "team.weight.blank": "Type a weight from 0 to 1, or 0 % to 100 %",
    "team.objective": "Team objective",
    "team.objective.hint": "Blank: Σ of the reps' objectives",
    "team.objective.notAbove0":
      "Team objective {text} is not above 0: leave it blank for Σ objectives",
    "team.fieldProblem": "{field} {shown} {problem}",
    "team.fields.notBuilt": "Build team writes these to the workbook with CarnetTeam.",
    // The cards
    "team.figure.openPipeline": "Open pipeline",
    "team.figure.weighted": "Weighted",
    "team.figure.objective": "Objective",
    "team.figure.won": "Won",
    "team.figure.attainment": "Attainment",
    "team.figure.coverage": "Coverage",
    "team.figure.pObjective": "P(objective)",
    "team.figure.blended": "Blended",
    "team.figure.actions": "Actions",
    "team.figure.budget": "Budget",
    "team.card.showRow": "Show row",
    "team.card.showRowOf": "Show {rep}'s row",
    "team.card.figuresOf": "{rep}'s figures",
    "team.line.noObjective":
      "Team won {won}; no objective yet: type the reps' objectives in CarnetTeam, or a team objective here.",
    "team.line.set": "Team objective {objective}, won {won}: attainment {attainment}.",
    "team.line.sum":
      "Team objective {objective} (Σ individual objectives), won {won}: attainment {attainment}.",
    "team.points": "{sign}{count, plural, one {# point} other {# points}}",
    "team.tradeOff.noObjective":
      "No objective for {rep}: nothing to blend until one is typed in CarnetTeam.",
    "team.tradeOff.range":
      "Individual only {individual}, team only {team}; blended at {weight} team: {blended}",
    "team.tradeOff.carried": "{range}. Carried by the team ({moved}).",
    "team.tradeOff.held": "{range}. Held back by the team ({moved}).",
    "team.tradeOff.even": "{range}. The team barely moves it ({moved}).",
    "team.summary.none":
      "At {weight} team, no one's pay basis moves much from their own attainment.",
    "team.summary.carried": "At {weight} team, carried by the team: {carried}.",
    "team.summary.held": "At {weight} team, held back by it: {held}.",
    "team.summary.both":
      "At {weight} team, carried by the team: {carried}; held back by it: {held}.",
    // Calibration
    "team.calibration.heading": "Forecast calibration",
    "team.calibration.intro":
      "Every deal open in a snapshot and won or lost since is a forecast: how often did what was said happen?",
    "team.calibration.button": "Calibration",
    "team.calibration.task": "Calibrating",
    "team.calibration.written":
      "Calibration of {count, plural, one {# forecast} other {# forecasts}} written to {sheet} with {charts, plural, one {# chart} other {# charts}}.",
    "team.calibration.unread":
      "{count, plural, one {# row of CarnetSnapshots could not be read and was left out.} other {# rows of CarnetSnapshots could not be read and were left out.}}",
    "team.calibration.none":
      "No forecast yet: no deal open in a snapshot has been won or lost since. Take snapshots in the Pipeline tab's History as deals move.",
    "team.calibration.adoptFailed": "Could not adopt {stage}'s probability",
    "team.brier.table": "Brier score by rep",
    "team.brier.rep": "Rep",
    "team.brier.forecasts": "Forecasts",
    "team.brier.score": "Brier",
    "team.brier.sentence":
      "The Brier score is the mean of (stated probability − outcome)²: 0 is perfect, 0.25 is always saying 50 %.",
    "team.team": "Team",
    "team.theTeam": "the team",
    "team.reliability.of": "Reliability of",
    "team.reliability.table": "Reliability of {name}",
    "team.reliability.band": "Band",
    "team.reliability.stated": "Stated",
    "team.reliability.won": "Won",
    "team.reliability.point":
      "{band}: {count, plural, one {# forecast} other {# forecasts}}, stated {stated}, won {won}",
    "team.chart.name": "Reliability chart of {name}: {summary}",
    "team.chart.empty": "no forecast yet",
    "team.chart.stated": "Stated probability",
    "team.chart.won": "Won",
    "team.bias.none":
      "No period has ended yet since a snapshot taken before it started: no bias to measure yet.",
    "team.bias.table": "Forecast bias by period",
    "team.bias.period": "Period",
    "team.bias.forecast": "Forecast",
    "team.bias.won": "Won",
    "team.bias.bias": "Bias",
    "team.bias.note":
      "Bias = weighted forecast at the last snapshot before the period − won in it (above 0: optimistic).",
    "team.stages.heading": "Stage probabilities from the history",
    "team.stages.list": "Stage suggestions",
    "team.stages.none": "No forecast yet at {stages}.",
    "team.stages.below":
      "{stage}: {count, plural, one {# forecast} other {# forecasts}}, below {minimum}: no suggestion yet.",
    "team.stages.suggested":
      "{stage}: {count, plural, one {# forecast} other {# forecasts}}, won {won}; the stage table says {current}.",
    "team.stages.adopted": "Adopted",
    "team.stages.adopt": "Adopt",
    "team.stages.adoptNamed": "Adopt {probability} for {stage}",
    "team.stages.adoptedNote":
      "The stage table now holds what you adopted: the Pipeline tab's figures and the next forecast use it.",
  },
  {
    "team.title": "Équipe",
    "team.intro":
      "Le pipeline, l'objectif et le taux de réalisation de chaque commercial, et la part de sa rémunération qui dépend de celle de l'équipe.",
    "team.build": "Construire l'équipe",
    "team.refresh": "Actualiser",
    "team.task.read": "Lecture de CarnetTeam",
    "team.task.build": "Construction de l'équipe",
    "team.task.select": "Impossible de sélectionner {address}",
    "team.task.deals": "Lecture des affaires",
    "team.none": "Pas encore de CarnetTeam dans ce classeur : Construire l'équipe l'écrit.",
    "team.sheetNow": "CarnetTeam tel qu'il est maintenant",
    "team.sheetProblems": "Problèmes de CarnetTeam",
    "team.built":
      "CarnetTeam écrit dans {sheet} : {reps, plural, one {# commercial} other {# commerciaux}}, {charts, plural, one {# graphique} other {# graphiques}}, actions de {semester}.",
    "team.builtLive":
      "CarnetTeam écrit dans {sheet} : {reps, plural, one {# commercial} other {# commerciaux}}, {charts, plural, one {# graphique} other {# graphiques}}, actions de {semester}. Ses chiffres sont des formules : un objectif saisi dans CarnetTeam met sa ligne à jour.",
    "team.pipeline.noSource":
      "Lisez d'abord votre tableau des ventes dans l'onglet Pipeline : l'équipe est construite à partir de ses affaires.",
    "team.pipeline.missing": "Choisissez d'abord la colonne de {columns} dans l'onglet Pipeline.",
    "team.weight": "Part collective",
    "team.weight.hint": "0 à 1, ou 20 %",
    "team.weight.blank": "Saisissez une part de 0 à 1, ou de 0 % à 100 %",
    "team.objective": "Objectif d'équipe",
    "team.objective.hint": "Vide : Σ des objectifs des commerciaux",
    "team.objective.notAbove0":
      "Objectif d'équipe {text} n'est pas supérieur à 0 : laissez-le vide pour la Σ des objectifs",
    "team.fieldProblem": "{field} {shown} {problem}",
    "team.fields.notBuilt": "Construire l'équipe les écrit dans le classeur avec CarnetTeam.",
    "team.figure.openPipeline": "Pipeline ouvert",
    "team.figure.weighted": "Pondéré",
    "team.figure.objective": "Objectif",
    "team.figure.won": "Gagné",
    "team.figure.attainment": "Réalisation",
    "team.figure.coverage": "Couverture",
    "team.figure.pObjective": "P(objectif)",
    "team.figure.blended": "Mixte",
    "team.figure.actions": "Actions",
    "team.figure.budget": "Budget",
    "team.card.showRow": "Voir la ligne",
    "team.card.showRowOf": "Voir la ligne de {rep}",
    "team.card.figuresOf": "Chiffres de {rep}",
    "team.line.noObjective":
      "Équipe : {won} gagnés ; pas encore d'objectif : saisissez les objectifs des commerciaux dans CarnetTeam, ou un objectif d'équipe ici.",
    "team.line.set":
      "Objectif d'équipe {objective}, gagné {won} : taux de réalisation {attainment}.",
    "team.line.sum":
      "Objectif d'équipe {objective} (Σ des objectifs individuels), gagné {won} : taux de réalisation {attainment}.",
    "team.points": "{sign}{count, plural, one {# point} other {# points}}",
    "team.tradeOff.noObjective":
      "Pas d'objectif pour {rep} : rien à combiner tant qu'il n'est pas saisi dans CarnetTeam.",
    "team.tradeOff.range":
      "Individuel seul {individual}, équipe seule {team} ; à {weight} d'équipe : {blended}",
    "team.tradeOff.carried": "{range}. Porté par l'équipe ({moved}).",
    "team.tradeOff.held": "{range}. Freiné par l'équipe ({moved}).",
    "team.tradeOff.even": "{range}. L'équipe le change à peine ({moved}).",
    "team.summary.none":
      "À {weight} d'équipe, la base de rémunération de chacun s'écarte peu de son propre taux de réalisation.",
    "team.summary.carried": "À {weight} d'équipe, portés par l'équipe : {carried}.",
    "team.summary.held": "À {weight} d'équipe, freinés par elle : {held}.",
    "team.summary.both":
      "À {weight} d'équipe, portés par l'équipe : {carried} ; freinés par elle : {held}.",
    "team.calibration.heading": "Fiabilité des prévisions",
    "team.calibration.intro":
      "Chaque affaire ouverte dans un instantané et gagnée ou perdue depuis est une prévision : ce qui était annoncé s'est-il produit ?",
    "team.calibration.button": "Calibrage",
    "team.calibration.task": "Calibrage",
    "team.calibration.written":
      "Calibrage de {count, plural, one {# prévision} other {# prévisions}} écrit dans {sheet} avec {charts, plural, one {# graphique} other {# graphiques}}.",
    "team.calibration.unread":
      "{count, plural, one {# ligne de CarnetSnapshots illisible a été laissée de côté.} other {# lignes de CarnetSnapshots illisibles ont été laissées de côté.}}",
    "team.calibration.none":
      "Pas encore de prévision : aucune affaire ouverte dans un instantané n'a été gagnée ou perdue depuis. Prenez des instantanés dans l'historique de l'onglet Pipeline au fil des affaires.",
    "team.calibration.adoptFailed": "Impossible d'adopter la probabilité de {stage}",
    "team.brier.table": "Score de Brier par commercial",
    "team.brier.rep": "Commercial",
    "team.brier.forecasts": "Prévisions",
    "team.brier.score": "Brier",
    "team.brier.sentence":
      "Le score de Brier est la moyenne de (probabilité annoncée − résultat)² : 0 est parfait, 0,25 revient à toujours annoncer 50 %.",
    "team.team": "Équipe",
    "team.theTeam": "l'équipe",
    "team.reliability.of": "Fiabilité de",
    "team.reliability.table": "Fiabilité de {name}",
    "team.reliability.band": "Tranche",
    "team.reliability.stated": "Annoncé",
    "team.reliability.won": "Gagné",
    "team.reliability.point":
      "{band} : {count, plural, one {# prévision} other {# prévisions}}, annoncé {stated}, gagné {won}",
    "team.chart.name": "Diagramme de fiabilité de {name} : {summary}",
    "team.chart.empty": "pas encore de prévision",
    "team.chart.stated": "Probabilité annoncée",
    "team.chart.won": "Gagné",
    "team.bias.none":
      "Aucune période n'est encore terminée depuis un instantané pris avant son début : pas encore de biais à mesurer.",
    "team.bias.table": "Biais des prévisions par période",
    "team.bias.period": "Période",
    "team.bias.forecast": "Prévision",
    "team.bias.won": "Gagné",
    "team.bias.bias": "Biais",
    "team.bias.note":
      "Biais = prévision pondérée au dernier instantané avant la période − gagné pendant celle-ci (au-dessus de 0 : optimiste).",
    "team.stages.heading": "Probabilités des étapes d'après l'historique",
    "team.stages.list": "Suggestions par étape",
    "team.stages.none": "Pas encore de prévision aux étapes {stages}.",
    "team.stages.below":
      "{stage} : {count, plural, one {# prévision} other {# prévisions}}, moins de {minimum} : pas encore de suggestion.",
    "team.stages.suggested":
      "{stage} : {count, plural, one {# prévision} other {# prévisions}}, {won} gagnées ; la table des étapes indique {current}.",
    "team.stages.adopted": "Adoptée",
    "team.stages.adopt": "Adopter",
    "team.stages.adoptNamed": "Adopter {probability} pour {stage}",
    "team.stages.adoptedNote":
      "La table des étapes contient maintenant ce que vous avez adopté : les chiffres de l'onglet Pipeline et la prochaine prévision l'utilisent.",
  }
);
