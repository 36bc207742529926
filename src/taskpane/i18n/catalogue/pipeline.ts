import { defineMessages } from "../define";

/** The Pipeline tab's messages (keys "pipeline.…"): reading, data quality, forecast, history. */
export const pipelineMessages = defineMessages(
  {
    "pipeline.rangePlaceholder": "Sheet1!A1:F200",
    "pipeline.title": "Pipeline",
    "pipeline.intro": "Select a cell in your sales table, or name its range, then read it.",
    "pipeline.extent.more":
      "The table is now {now} (it was {was}): {count} rows below the header, more than when last read.",
    "pipeline.extent.fewer":
      "The table is now {now} (it was {was}): {count} rows below the header, fewer than when last read.",

    "pipeline.header.found": "Header: row {row}",
    "pipeline.header.picked": "Header: row {row} (your choice)",
    "pipeline.header.row": "Header row",
    "pipeline.columns.recognised": "Columns: {count} of {total} recognised",
    "pipeline.columns.missing": "Choose the column for: {fields}.",

    "pipeline.quality.deals": "{count} deals read",
    "pipeline.quality.totals":
      "{count, plural, one {# total row left out} other {# total rows left out}}",
    "pipeline.quality.headers":
      "{count, plural, one {# header row left out} other {# header rows left out}}",
    "pipeline.quality.below":
      "{count, plural, one {# row below the table left out} other {# rows below the table left out}}",
    "pipeline.quality.problems": "{count, plural, one {# problem} other {# problems}}",
    "pipeline.report.belowOne": "Row {row} below a blank row does not look like a deal: left out",
    "pipeline.report.belowMany":
      "Rows {first}–{last} below a blank row do not look like deals: left out",
    "pipeline.points.question": "Probabilities are typed like 20, 50, 75. Are they percentages?",
    "pipeline.points.adopt": "Read as percentages",
    "pipeline.points.adopted": "Probabilities read as percentage points.",

    "pipeline.stages.title": "Stage table (default probabilities)",
    "pipeline.stages.stage": "Stage {row}",
    "pipeline.stages.probability": "Probability of stage {row}",
    "pipeline.stages.remove": "Remove stage {row}",
    "pipeline.stages.add": "Add stage",
    "pipeline.stages.blank": "Row {row}: probability {typed} is blank",
    "pipeline.stages.problem": "Row {row}: probability {typed} {problem}",

    "pipeline.forecast.title": "Forecast",
    "pipeline.forecast.weighted": "Weighted",
    "pipeline.forecast.unweighted": "Unweighted",
    "pipeline.forecast.openDeals": "Open deals",
    "pipeline.forecast.objective": "Probability of reaching the objective: {percent}",
    "pipeline.forecast.by": "By",
    "pipeline.forecast.build": "Build forecast",
    "pipeline.period.month": "month",
    "pipeline.period.quarter": "quarter",
    "pipeline.period.semester": "semester",
    "pipeline.period.year": "year",
    "pipeline.built.where": "Written to {sheets} ({count} tables).",
    "pipeline.built.live": "Period figures are live formulas.",
    "pipeline.built.values": "Figures are values as of now.",

    "pipeline.settingsLeftOut.title": "Some settings kept in this workbook could not be used",
    "pipeline.settingsLeftOut.label": "Settings left out",

    "pipeline.history.title": "History",
    "pipeline.history.name": "Snapshot name (optional)",
    "pipeline.history.namePlaceholder": "e.g. Monday review",
    "pipeline.history.take": "Take snapshot",
    "pipeline.history.compare": "Compare snapshots",
    "pipeline.history.none": "No snapshot yet. Take another later to see how the pipeline moved.",
    "pipeline.history.one":
      "One snapshot so far. Take another later to see how the pipeline moved.",
    "pipeline.history.unreadable":
      "{count} rows of CarnetSnapshots could not be read and were left out.",
    "pipeline.history.from": "From",
    "pipeline.history.to": "To",
    "pipeline.history.period": "Period",
    "pipeline.history.wholePipeline": "Whole pipeline",
    "pipeline.history.weighted": "Weighted total {before} → {after}",
    "pipeline.history.changes": "Changes by kind",
    "pipeline.history.line": "{label} ({count}{moved}): {deals}",
    "pipeline.history.duplicates":
      "{count} deals share an id or company + contact + product and were matched in order: {keys}.",
    "pipeline.waterfall.before": "Before",
    "pipeline.waterfall.after": "After",
    "pipeline.waterfall.label": "Weighted total movement. {summary}",
    // The kinds of change (domain/snapshots.ts): the English is CHANGE_LABELS', word for word.
    "pipeline.change.new": "New deals",
    "pipeline.change.removed": "Removed from the pipeline",
    "pipeline.change.won": "Won",
    "pipeline.change.lost": "Lost",
    "pipeline.change.omitted": "Omitted from the forecast",
    "pipeline.change.reopened": "Reopened",
    "pipeline.change.slippedOut": "Slipped out of the period",
    "pipeline.change.pulledIn": "Pulled into the period",
    "pipeline.change.amountUp": "Amount up",
    "pipeline.change.amountDown": "Amount down",
    "pipeline.change.probabilityUp": "Probability up",
    "pipeline.change.probabilityDown": "Probability down",
    "pipeline.change.unchanged": "Unchanged",
    "pipeline.change.slippedOutOf": "Slipped out of {period}",
    "pipeline.change.pulledInto": "Pulled into {period}",
  },
  {
    "pipeline.rangePlaceholder": "Feuil1!A1:F200",
    "pipeline.title": "Pipeline",
    "pipeline.intro":
      "Sélectionnez une cellule de votre tableau des ventes, ou donnez sa plage, puis lisez-le.",
    "pipeline.extent.more":
      "Le tableau est maintenant {now} (il était {was})\u00a0: {count, plural, one {# ligne} other {# lignes}} sous l'en-tête, plus qu'à la dernière lecture.",
    "pipeline.extent.fewer":
      "Le tableau est maintenant {now} (il était {was})\u00a0: {count, plural, one {# ligne} other {# lignes}} sous l'en-tête, moins qu'à la dernière lecture.",

    "pipeline.header.found": "En-tête\u00a0: ligne {row}",
    "pipeline.header.picked": "En-tête\u00a0: ligne {row} (votre choix)",
    "pipeline.header.row": "Ligne d'en-tête",
    "pipeline.columns.recognised":
      "Colonnes\u00a0: {count, plural, one {# reconnue} other {# reconnues}} sur {total}",
    "pipeline.columns.missing": "Choisissez la colonne pour\u00a0: {fields}.",

    "pipeline.quality.deals": "{count, plural, one {# affaire lue} other {# affaires lues}}",
    "pipeline.quality.totals":
      "{count, plural, one {# ligne de total écartée} other {# lignes de total écartées}}",
    "pipeline.quality.headers":
      "{count, plural, one {# ligne d'en-tête écartée} other {# lignes d'en-tête écartées}}",
    "pipeline.quality.below":
      "{count, plural, one {# ligne sous le tableau écartée} other {# lignes sous le tableau écartées}}",
    "pipeline.quality.problems": "{count, plural, one {# problème} other {# problèmes}}",
    "pipeline.report.belowOne":
      "La ligne {row}, sous une ligne vide, ne ressemble pas à une affaire\u00a0: écartée",
    "pipeline.report.belowMany":
      "Les lignes {first} à {last}, sous une ligne vide, ne ressemblent pas à des affaires\u00a0: écartées",
    "pipeline.points.question":
      "Les probabilités sont saisies comme 20, 50, 75. Sont-ce des pourcentages\u00a0?",
    "pipeline.points.adopt": "Lire comme des pourcentages",
    "pipeline.points.adopted": "Probabilités lues comme des points de pourcentage.",

    "pipeline.stages.title": "Table des étapes (probabilités par défaut)",
    "pipeline.stages.stage": "Étape {row}",
    "pipeline.stages.probability": "Probabilité de l'étape {row}",
    "pipeline.stages.remove": "Supprimer l'étape {row}",
    "pipeline.stages.add": "Ajouter une étape",
    "pipeline.stages.blank": "Ligne {row}\u00a0: probabilité {typed} vide",
    "pipeline.stages.problem": "Ligne {row}\u00a0: la probabilité {typed} {problem}",

    "pipeline.forecast.title": "Prévision",
    "pipeline.forecast.weighted": "Pondéré",
    "pipeline.forecast.unweighted": "Non pondéré",
    "pipeline.forecast.openDeals": "Affaires en cours",
    "pipeline.forecast.objective": "Probabilité d'atteindre l'objectif\u00a0: {percent}",
    "pipeline.forecast.by": "Par",
    "pipeline.forecast.build": "Établir la prévision",
    "pipeline.period.month": "mois",
    "pipeline.period.quarter": "trimestre",
    "pipeline.period.semester": "semestre",
    "pipeline.period.year": "année",
    "pipeline.built.where":
      "Écrit dans {sheets} ({count, plural, one {# tableau} other {# tableaux}}).",
    "pipeline.built.live": "Les chiffres par période sont des formules qui suivent les affaires.",
    "pipeline.built.values": "Les chiffres sont des valeurs à cette date.",

    "pipeline.settingsLeftOut.title":
      "Certains réglages conservés dans ce classeur n'ont pas pu être utilisés",
    "pipeline.settingsLeftOut.label": "Réglages écartés",

    "pipeline.history.title": "Historique",
    "pipeline.history.name": "Nom de l'instantané (facultatif)",
    "pipeline.history.namePlaceholder": "p. ex. revue du lundi",
    "pipeline.history.take": "Prendre un instantané",
    "pipeline.history.compare": "Comparer les instantanés",
    "pipeline.history.none":
      "Aucun instantané pour l'instant. Prenez-en un autre plus tard pour voir comment le pipeline a bougé.",
    "pipeline.history.one":
      "Un seul instantané pour l'instant. Prenez-en un autre plus tard pour voir comment le pipeline a bougé.",
    "pipeline.history.unreadable":
      "{count, plural, one {# ligne de CarnetSnapshots illisible a été écartée} other {# lignes de CarnetSnapshots illisibles ont été écartées}}.",
    "pipeline.history.from": "Du",
    "pipeline.history.to": "Au",
    "pipeline.history.period": "Période",
    "pipeline.history.wholePipeline": "Tout le pipeline",
    "pipeline.history.weighted": "Total pondéré {before} → {after}",
    "pipeline.history.changes": "Changements par nature",
    "pipeline.history.line": "{label} ({count}{moved})\u00a0: {deals}",
    "pipeline.history.duplicates":
      "{count, plural, one {# affaire partage} other {# affaires partagent}} un identifiant ou une même société + interlocuteur + produit et ont été appariées dans l'ordre\u00a0: {keys}.",
    "pipeline.waterfall.before": "Avant",
    "pipeline.waterfall.after": "Après",
    "pipeline.waterfall.label": "Évolution du total pondéré. {summary}",
    "pipeline.change.new": "Nouvelles affaires",
    "pipeline.change.removed": "Retirées du pipeline",
    "pipeline.change.won": "Gagnées",
    "pipeline.change.lost": "Perdues",
    "pipeline.change.omitted": "Exclues de la prévision",
    "pipeline.change.reopened": "Rouvertes",
    "pipeline.change.slippedOut": "Sorties de la période",
    "pipeline.change.pulledIn": "Avancées dans la période",
    "pipeline.change.amountUp": "Montant en hausse",
    "pipeline.change.amountDown": "Montant en baisse",
    "pipeline.change.probabilityUp": "Probabilité en hausse",
    "pipeline.change.probabilityDown": "Probabilité en baisse",
    "pipeline.change.unchanged": "Inchangées",
    "pipeline.change.slippedOutOf": "Sorties de {period}",
    "pipeline.change.pulledInto": "Avancées dans {period}",
  }
);
