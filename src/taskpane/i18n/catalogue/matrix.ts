import { defineMessages } from "../define";

/** The Matrix tab's messages (keys "matrix.…"): reading, settings, build, nine-box, the handbook's warning. */
export const matrixMessages = defineMessages(
  {
    "matrix.rangePlaceholder": "Sheet1!A1:F20",
    "matrix.title": "Portfolio matrix",
    "matrix.intro":
      "Strength is each range's market share; attractiveness is the ABC class of its contribution margin. Select a cell in your product-range table, or build the ranges from won deals.",
    "matrix.fromWonDeals": "From won deals",
    "matrix.noPipeline":
      "No CarnetPipeline table yet: build the forecast in the Pipeline tab first.",
    "matrix.source.wonDeals": "Won deals of {where}",
    "matrix.problems": "{problems}.",
    "matrix.problem.relativeFromWon":
      "the relative share needs each range's leader share: use a product-range table for it",
    "matrix.columns": "Columns",

    "matrix.quality.ranges": "{count, plural, one {# range read} other {# ranges read}}",
    "matrix.quality.totals": "{count} total row(s) left out",
    "matrix.quality.notes": "{count, plural, one {# note} other {# notes}}",
    "matrix.report.total": "row {address} is a total: left out, so nothing counts twice",
    "matrix.report.belowOne":
      "Row {row} below a blank row does not look like a product range: left out",
    "matrix.report.belowMany":
      "Rows {first}–{last} below a blank row do not look like product ranges: left out",
    "matrix.report.unassigned":
      "{count, plural, one {# won deal names no product: left out of every range} other {# won deals name no product: left out of every range}}",

    "matrix.input.problem": "{label} {problem}",
    "matrix.settings.title": "Settings",
    "matrix.settings.measure": "Strength measure",
    "matrix.settings.share": "Market share in volume",
    "matrix.settings.relative": "Relative share (÷ the leader's share)",
    "matrix.settings.weakBelow": "Weak below",
    "matrix.settings.strongFrom": "Strong from",
    "matrix.settings.classA": "Class A to",
    "matrix.settings.classB": "Class B to",
    "matrix.settings.saved": "Saved in this workbook.",
    "matrix.market.none": "No won deal with a product in CarnetPipeline yet.",
    "matrix.market.title": "Market figures",
    "matrix.market.intro":
      "Sales are the won deals' amounts; give each range's market volume (or share) and its contribution margin.",
    "matrix.market.share": "Share",

    "matrix.build": "Build matrix",
    "matrix.built.where": "CarnetMatrix written to {sheet} with {count} charts.",
    "matrix.built.live":
      "{count} figures read the source live: editing a margin there reclassifies.",
    "matrix.built.values":
      "Figures are values: edit a margin in CarnetMatrix itself to reclassify.",

    "matrix.nineBox.heading": "Nine-box",
    "matrix.nineBox.title":
      "Strengths–attractiveness matrix: attractiveness High to Low from the top, strength Weak to Strong from the left",
    "matrix.nineBox.cell":
      "{attractiveness} attractiveness, {strength} strength: {cell}, zone {zone}, {count, plural, one {# range} other {# ranges}}",
    "matrix.nineBox.item": "{name}: {figures}. Select its row",
    "matrix.nineBox.itemTitle": "{name}: {figures}",
    "matrix.nineBox.details": ": {figures}. {cell} ({zone}).",
    "matrix.nineBox.empty": "No range has both a market share and a margin yet.",
    "matrix.nineBox.hint":
      "Point at a range, or Tab into the grid and use the arrow keys, to see its figures; Enter selects its row.",
    "matrix.nineBox.unplaced": "Not in the grid: {ranges}.",
    "matrix.nineBox.unplacedRange": "{name} ({reason})",
    "matrix.figures.share": "market share {value}",
    "matrix.figures.relative": "relative share {value}",
    "matrix.figures.margin": "margin {value}",
    "matrix.figures.class": "class {value}",
    "matrix.figures.sales": "sales {value}",

    // The matrix's words (domain/matrix.ts): the English is the domain's, word for word.
    "matrix.level.high": "High",
    "matrix.level.medium": "Medium",
    "matrix.level.low": "Low",
    "matrix.strength.strong": "Strong",
    "matrix.strength.medium": "Medium",
    "matrix.strength.weak": "Weak",

    "matrix.harvest.noPipeline":
      "Build the forecast (Pipeline tab) to check open deals against the Harvest / divest zone.",
    "matrix.harvest.none": "No open deal in CarnetPipeline is on a Harvest / divest range.",
    "matrix.harvest.title":
      "{count, plural, one {# opportunity that may not fit the plan} other {# opportunities that may not fit the plan}}",
    "matrix.harvest.intro":
      "Open deals on ranges in the Harvest / divest zone; the next forecast build flags them in CarnetPipeline's Issues column.",
    "matrix.harvest.group": "{range}: {count, plural, one {# deal} other {# deals}}, {amount}",
    "matrix.harvest.aDeal": "A deal",
    "matrix.harvest.line": "{who} on {range}: Harvest / divest zone",
    "matrix.harvest.lineAmount": "{who} ({amount}) on {range}: Harvest / divest zone",
  },
  {
    "matrix.rangePlaceholder": "Feuil1!A1:F20",
    "matrix.title": "Matrice du portefeuille",
    "matrix.intro":
      "L'atout de chaque gamme est sa part de marché\u00a0; son attrait est la classe ABC de sa marge sur coût variable. Sélectionnez une cellule de votre tableau des gammes, ou construisez les gammes à partir des affaires gagnées.",
    "matrix.fromWonDeals": "Depuis les affaires gagnées",
    "matrix.noPipeline":
      "Pas encore de tableau CarnetPipeline\u00a0: établissez d'abord la prévision dans l'onglet Pipeline.",
    "matrix.source.wonDeals": "Affaires gagnées de {where}",
    "matrix.problems": "{problems}.",
    "matrix.problem.relativeFromWon":
      "la part relative demande la part du leader de chaque gamme\u00a0: utilisez pour cela un tableau des gammes",
    "matrix.columns": "Colonnes",

    "matrix.quality.ranges": "{count, plural, one {# gamme lue} other {# gammes lues}}",
    "matrix.quality.totals":
      "{count, plural, one {# ligne de total écartée} other {# lignes de total écartées}}",
    "matrix.quality.notes": "{count, plural, one {# remarque} other {# remarques}}",
    "matrix.report.total":
      "la ligne {address} est un total\u00a0: écartée, pour que rien ne compte deux fois",
    "matrix.report.belowOne":
      "La ligne {row}, sous une ligne vide, ne ressemble pas à une gamme de produits\u00a0: écartée",
    "matrix.report.belowMany":
      "Les lignes {first} à {last}, sous une ligne vide, ne ressemblent pas à des gammes de produits\u00a0: écartées",
    "matrix.report.unassigned":
      "{count, plural, one {# affaire gagnée ne nomme aucun produit\u00a0: écartée de toutes les gammes} other {# affaires gagnées ne nomment aucun produit\u00a0: écartées de toutes les gammes}}",

    "matrix.input.problem": "{label}\u00a0: {problem}",
    "matrix.settings.title": "Réglages",
    "matrix.settings.measure": "Mesure de l'atout",
    "matrix.settings.share": "Part de marché en volume",
    "matrix.settings.relative": "Part relative (÷ la part du leader)",
    "matrix.settings.weakBelow": "Faible sous",
    "matrix.settings.strongFrom": "Fort dès",
    "matrix.settings.classA": "Classe A jusqu'à",
    "matrix.settings.classB": "Classe B jusqu'à",
    "matrix.settings.saved": "Enregistré dans ce classeur.",
    "matrix.market.none": "Pas encore d'affaire gagnée avec un produit dans CarnetPipeline.",
    "matrix.market.title": "Chiffres du marché",
    "matrix.market.intro":
      "Les ventes sont les montants des affaires gagnées\u00a0; donnez pour chaque gamme le volume du marché (ou la part) et la marge sur coût variable.",
    "matrix.market.share": "Part",

    "matrix.build": "Construire la matrice",
    "matrix.built.where":
      "CarnetMatrix écrite dans {sheet} avec {count, plural, one {# graphique} other {# graphiques}}.",
    "matrix.built.live":
      "{count, plural, one {# chiffre lit} other {# chiffres lisent}} la source en direct\u00a0: modifier une marge là-bas reclasse la gamme.",
    "matrix.built.values":
      "Les chiffres sont des valeurs\u00a0: modifiez une marge dans CarnetMatrix même pour reclasser.",

    "matrix.nineBox.heading": "Les neuf cases",
    "matrix.nineBox.title":
      "Matrice atouts-attraits\u00a0: attrait de Élevé à Faible depuis le haut, atout de Faible à Fort depuis la gauche",
    "matrix.nineBox.cell":
      "Attrait {attractiveness}, atout {strength}\u00a0: {cell}, zone {zone}, {count, plural, one {# gamme} other {# gammes}}",
    "matrix.nineBox.item": "{name}\u00a0: {figures}. Sélectionner sa ligne",
    "matrix.nineBox.itemTitle": "{name}\u00a0: {figures}",
    "matrix.nineBox.details": "\u00a0: {figures}. {cell} ({zone}).",
    "matrix.nineBox.empty": "Aucune gamme n'a encore à la fois une part de marché et une marge.",
    "matrix.nineBox.hint":
      "Pointez une gamme, ou entrez dans la grille avec Tab et utilisez les flèches, pour voir ses chiffres\u00a0; Entrée sélectionne sa ligne.",
    "matrix.nineBox.unplaced": "Hors de la grille\u00a0: {ranges}.",
    "matrix.nineBox.unplacedRange": "{name} ({reason})",
    "matrix.figures.share": "part de marché {value}",
    "matrix.figures.relative": "part relative {value}",
    "matrix.figures.margin": "marge {value}",
    "matrix.figures.class": "classe {value}",
    "matrix.figures.sales": "ventes {value}",

    "matrix.level.high": "Élevé",
    "matrix.level.medium": "Moyen",
    "matrix.level.low": "Faible",
    "matrix.strength.strong": "Fort",
    "matrix.strength.medium": "Moyen",
    "matrix.strength.weak": "Faible",
    // domain.md's French zone names.

    "matrix.harvest.noPipeline":
      "Établissez la prévision (onglet Pipeline) pour confronter les affaires en cours à la zone Récolter / abandonner.",
    "matrix.harvest.none":
      "Aucune affaire en cours de CarnetPipeline ne porte sur une gamme à récolter ou abandonner.",
    "matrix.harvest.title":
      "{count, plural, one {# opportunité qui pourrait ne pas s'inscrire dans le plan} other {# opportunités qui pourraient ne pas s'inscrire dans le plan}}",
    "matrix.harvest.intro":
      "Affaires en cours sur des gammes de la zone Récolter / abandonner\u00a0; la prochaine prévision les signale dans la colonne Issues de CarnetPipeline.",
    "matrix.harvest.group":
      "{range}\u00a0: {count, plural, one {# affaire} other {# affaires}}, {amount}",
    "matrix.harvest.aDeal": "Une affaire",
    "matrix.harvest.line": "{who} sur {range}\u00a0: zone Récolter / abandonner",
    "matrix.harvest.lineAmount": "{who} ({amount}) sur {range}\u00a0: zone Récolter / abandonner",
  }
);
