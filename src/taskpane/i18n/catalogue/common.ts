import { defineMessages } from "../define";

/**
 * What every view shares: the pane's frame, its tabs, the Functions help, the source picker, the
 * progress line, the column picker's fields, and words used everywhere ("app.…"). French puts a
 * no-break space (\u00a0) before : ; ? ! throughout.
 */
export const commonMessages = defineMessages(
  {
    "app.tab.pipeline": "Pipeline",
    "app.tab.matrix": "Matrix",
    "app.tab.plan": "Plan",
    "app.tab.team": "Team",
    "app.tab.functions": "Functions",

    "app.intro":
      "Your sales workbook, turned into a sales plan: the probability-weighted pipeline and its forecast, ABC classes of product ranges by contribution margin, the strengths–attractiveness matrix, the semester's sales action plan, and the reps' objectives and forecasts.",
    "app.openFromExcel": "Open this pane from Excel (Home › Sales plan) to work on a workbook.",

    "app.functions.title": "Functions you can type in a cell",
    "app.fn.WEIGHTED_PIPELINE.summary":
      "Probability-weighted total of the deals, optionally those closing between two dates.",
    "app.fn.WEIGHTED_PIPELINE.example":
      "1 000 € at 20 %, 2 000 € at 50 %, 4 000 € at 75 % → 4 200 €",
    "app.fn.PIPELINE_PROBABILITY.summary":
      "Chance that the deals won reach the target, each deal won independently.",
    "app.fn.PIPELINE_PROBABILITY.example": "Same three deals, target 4 000 € → 0.75",
    "app.fn.PIPELINE_QUANTILE.summary":
      "Total won at level q: P10 is the cautious figure, P90 the optimistic one.",
    "app.fn.PIPELINE_QUANTILE.example": "Same three deals, q = 50 % → 4 000 €",
    "app.fn.ABC_CLASS.summary":
      "A, B or C for each product range by contribution margin (80 % / 95 % by default).",
    "app.fn.ABC_CLASS.example": "Margins 50, 30, 15, 5 → A, A, B, C",
    "app.fn.MATRIX_QUADRANT.summary":
      "Nine-box cell (or zone) of the strengths–attractiveness matrix for each range.",
    "app.fn.MATRIX_QUADRANT.example": 'Share 30 %, class A, cuts {10 %, 25 %} → "Protect position"',
    "app.fn.AMOUNT.summary":
      "A money amount typed as text, as a number that SUM and friends can use.",
    "app.fn.AMOUNT.example": '"12 500 €" → 12500',
    "app.fn.BRIER.summary":
      "How well win probabilities foretold the outcomes: mean (p − o)², 0 is perfect.",
    "app.fn.BRIER.example": "80 % won, 60 % lost, 30 % won → 0.297",

    "app.source.readSelection": "Read selection",
    "app.source.readTable": "Read {name}",
    "app.source.readLastRange": "Read last range",
    "app.source.orRange": "Or a range",
    "app.source.readRange": "Read range",
    "app.source.notAnAddress": '"{address}" is not a range address like {example}',
    "app.source.tableAt": "Table {name} · {address}",

    "app.phase.reading": "Reading",
    "app.phase.writing": "Writing",
    "app.phase.readingDeals": "Reading the deals",
    "app.phase.computingForecast": "Computing the forecast",
    "app.phase.drawingCharts": "Drawing charts",
    "app.phase.checkingTables": "Checking Carnet's tables",
    "app.phase.readingActionPlan": "Reading the action plan",
    "app.phase.savingActionPlan": "Saving the action plan",
    "app.phase.findingTables": "Finding CarnetPipeline and CarnetActionPlan",
    "app.task.phase": "{phase}…",
    "app.task.progress": "{phase} {done} of {total} rows",
    "app.task.cancelled": "Cancelled: nothing more was read or written.",
    "app.task.failed": "{failed}: {error}",
    "app.task.replace": "Replace them",
    "app.typedOver.question":
      "You typed over {count, plural, one {a cell} other {# cells}} of {tables} since the last build: {cells}{more}. A rebuild writes what the source says there. Copy what you typed to your own sheet (or correct the source), then build again, or replace them; nothing was written.",
    "app.typedOver.cell": "{address} ({header}: {value})",
    "app.typedOver.more": " and {count} more",
    "app.typedOver.cleared": "cleared",
    "app.failed.readSettings": "Could not read the settings kept in this workbook",
    "app.failed.saveChoice": "Could not save your choice in the workbook",
    "app.failed.select": "Could not select {address}",

    "app.cancel": "Cancel",
    "app.undo": "Undo",
    "app.dismiss": "Dismiss",
    "app.list.and": "{list} and {item}",
    "app.selectCell": "Select {address}",
    "app.quality.title": "Data quality",
    "app.quality.report": "Data-quality report",
    "app.input.blank": "is blank",

    "app.column.none": "(none)",
    "app.column.noHeader": "Column {letter} (no header)",
    "app.column.sameHeader": "{header} (column {letter})",
    // The columns Carnet reads (domain/columns.ts): the English is the domain's label, word for word.
    "app.field.id": "Id",
    "app.field.closeDate": "Close date",
    "app.field.company": "Company",
    "app.field.contact": "Contact",
    "app.field.product": "Product",
    "app.field.amount": "Amount",
    "app.field.probability": "Probability",
    "app.field.owner": "Owner",
    "app.field.stage": "Stage",
    "app.field.category": "Forecast category",
    "app.field.range": "Range",
    "app.field.marketVolume": "Market volume",
    "app.field.leaderShare": "Leader share",
    "app.field.marketShare": "Market share",
    "app.field.volume": "Volume",
    "app.field.sales": "Sales",
    "app.field.margin": "Margin",
  },
  {
    "app.tab.pipeline": "Pipeline",
    "app.tab.matrix": "Matrice",
    "app.tab.plan": "Plan",
    "app.tab.team": "Équipe",
    "app.tab.functions": "Fonctions",

    "app.intro":
      "Votre classeur de ventes devenu plan de vente\u00a0: le pipeline pondéré par les probabilités et sa prévision, les classes ABC des gammes de produits selon leur marge sur coût variable, la matrice atouts-attraits, le plan d'actions commerciales du semestre, et les objectifs et prévisions des commerciaux.",
    "app.openFromExcel":
      "Ouvrez ce volet depuis Excel (Accueil › Plan de vente) pour travailler sur un classeur.",

    "app.functions.title": "Fonctions à saisir dans une cellule",
    "app.fn.WEIGHTED_PIPELINE.summary":
      "Total des affaires pondéré par leurs probabilités, éventuellement limité à celles qui se concluent entre deux dates.",
    "app.fn.WEIGHTED_PIPELINE.example": "1 000 € à 20 %, 2 000 € à 50 %, 4 000 € à 75 % → 4 200 €",
    "app.fn.PIPELINE_PROBABILITY.summary":
      "Probabilité que les affaires gagnées atteignent la cible, chacune étant gagnée indépendamment des autres.",
    "app.fn.PIPELINE_PROBABILITY.example": "Les trois mêmes affaires, cible 4 000 € → 0,75",
    "app.fn.PIPELINE_QUANTILE.summary":
      "Total gagné au niveau q\u00a0: P10 est le chiffre prudent, P90 le chiffre optimiste.",
    "app.fn.PIPELINE_QUANTILE.example": "Les trois mêmes affaires, q = 50 % → 4 000 €",
    "app.fn.ABC_CLASS.summary":
      "A, B ou C pour chaque gamme de produits selon sa marge sur coût variable (80 % / 95 % par défaut).",
    "app.fn.ABC_CLASS.example": "Marges 50, 30, 15, 5 → A, A, B, C",
    "app.fn.MATRIX_QUADRANT.summary":
      "Case (ou zone) de la matrice atouts-attraits de chaque gamme.",
    "app.fn.MATRIX_QUADRANT.example":
      'Part de marché 30 %, classe A, seuils 10 % et 25 % → "Protect position"',
    "app.fn.AMOUNT.summary":
      "Un montant saisi comme du texte, rendu en nombre que SOMME et les autres fonctions savent additionner.",
    "app.fn.AMOUNT.example": '"12 500 €" → 12500',
    "app.fn.BRIER.summary":
      "Dans quelle mesure les probabilités de gain annonçaient les résultats\u00a0: moyenne de (p − o)², 0 est parfait.",
    "app.fn.BRIER.example": "80 % gagnée, 60 % perdue, 30 % gagnée → 0,297",

    "app.source.readSelection": "Lire la sélection",
    "app.source.readTable": "Lire {name}",
    "app.source.readLastRange": "Relire la dernière plage",
    "app.source.orRange": "Ou une plage",
    "app.source.notAnAddress":
      "«\u00a0{address}\u00a0» n'est pas une adresse de plage comme {example}",
    "app.source.readRange": "Lire la plage",
    "app.source.tableAt": "Tableau {name} · {address}",

    "app.phase.reading": "Lecture",
    "app.phase.writing": "Écriture",
    "app.phase.readingDeals": "Lecture des affaires",
    "app.phase.computingForecast": "Calcul de la prévision",
    "app.phase.drawingCharts": "Tracé des graphiques",
    "app.phase.checkingTables": "Vérification des tableaux de Carnet",
    "app.phase.readingActionPlan": "Lecture du plan d'actions",
    "app.phase.savingActionPlan": "Enregistrement du plan d'actions",
    "app.phase.findingTables": "Recherche de CarnetPipeline et de CarnetActionPlan",
    "app.task.phase": "{phase}…",
    "app.task.progress": "{phase}\u00a0: {done} lignes sur {total}",
    "app.task.cancelled": "Annulé\u00a0: rien de plus n'a été lu ni écrit.",
    "app.task.failed": "{failed}\u00a0: {error}",
    "app.task.replace": "Les remplacer",
    "app.typedOver.question":
      "Vous avez modifié {count, plural, one {une cellule} other {# cellules}} de {tables} depuis le dernier calcul\u00a0: {cells}{more}. Un nouveau calcul y écrit ce que dit la source. Copiez ce que vous avez saisi dans votre propre feuille (ou corrigez la source), puis relancez le calcul, ou remplacez-les\u00a0; rien n'a été écrit.",
    "app.typedOver.cell": "{address} ({header}\u00a0: {value})",
    "app.typedOver.more": " et {count} de plus",
    "app.typedOver.cleared": "effacée",
    "app.failed.readSettings": "Impossible de lire les réglages conservés dans ce classeur",
    "app.failed.saveChoice": "Impossible d'enregistrer votre choix dans le classeur",
    "app.failed.select": "Impossible de sélectionner {address}",

    "app.cancel": "Annuler",
    "app.undo": "Annuler",
    "app.dismiss": "Fermer",
    "app.list.and": "{list} et {item}",
    "app.selectCell": "Sélectionner {address}",
    "app.quality.title": "Qualité des données",
    "app.quality.report": "Rapport de qualité des données",
    "app.input.blank": "est vide",

    "app.column.none": "(aucune)",
    "app.column.noHeader": "Colonne {letter} (sans en-tête)",
    "app.column.sameHeader": "{header} (colonne {letter})",
    "app.field.id": "Identifiant",
    "app.field.closeDate": "Date jalon",
    "app.field.company": "Société",
    "app.field.contact": "Interlocuteur",
    "app.field.product": "Produit",
    "app.field.amount": "Montant",
    "app.field.probability": "Probabilité",
    "app.field.owner": "Commercial",
    "app.field.stage": "Étape",
    "app.field.category": "Catégorie de prévision",
    "app.field.range": "Gamme",
    "app.field.marketVolume": "Volume du marché",
    "app.field.leaderShare": "Part du leader",
    "app.field.marketShare": "Part de marché",
    "app.field.volume": "Volume",
    "app.field.sales": "Ventes",
    "app.field.margin": "Marge",
  }
);
