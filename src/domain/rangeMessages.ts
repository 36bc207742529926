/**
 * What Carnet says about a product range's figures (productRanges.ts) and the product-range table
 * (productRangeTable.ts), in English and French from one catalogue; French typed against English (a
 * missing key fails tsc). Problems follow "<field> <shown> at <where> " as the readers' do
 * (readingProblems.ts), so they start with a verb; a figure is passed as text, written the language's way.
 */
import { defineMessages, textOf } from "./messageCatalogue";

const PURPOSE_EN = "to place the range on the strength axis";
const PURPOSE_FR = "pour placer la gamme sur l'axe des atouts";

export const RANGE_MESSAGES = defineMessages(
  {
    // How a field is named inside messages ("margin 12,500 at row 3 is ambiguous…").
    "field.range": "range",
    "field.volume": "volume",
    "field.marketVolume": "market volume",
    "field.marketShare": "market share",
    "field.leaderShare": "leader share",
    "field.sales": "sales",
    "field.margin": "margin",
    // productRanges.ts: a figure that cannot be right, or figures that disagree
    "share.points": "is above 1: write {shown}% or {fraction}",
    "share.above100": "is above 100 %: a market share is at most 100 %",
    "volume.negative": "is below 0: a volume cannot be negative",
    "marketVolume.negative": "is below 0: a market volume cannot be negative",
    "marketVolume.zero": "is 0: a market share needs a market volume above 0",
    "leaderShare.zero":
      "is 0: the relative share divides by the largest competitor's share, give it above 0",
    "sales.negative": "is below 0: sales cannot be negative",
    "marketVolume.belowVolume":
      "is below the volume {volume}: a market holds at least the range's own volume",
    "marketShare.disagrees":
      "disagrees with volume ÷ market volume = {computed}: correct one of them; the market share given is used",
    "missing.blank": "blank",
    "missing.notGiven": "not given",
    "missing.orShare": ", or the market share,",
    "missing.orFigures": ", or the volume and the market volume,",
    "missing.volume": `is {missing}: give it{orShare} ${PURPOSE_EN}`,
    "missing.marketVolume": `is {missing}: give it{orShare} ${PURPOSE_EN}`,
    "missing.marketShare": `is {missing}: give it{orFigures} ${PURPOSE_EN}`,
    "missing.both": `is {missing}, and so is the volume: give both ${PURPOSE_EN}`,
    "missing.leaderShare": "is {missing}: the relative share needs the largest competitor's share",
    "leaderShare.sumAbove": "and the range's own market share {share} add up to more than 100 %",
    // productRangeTable.ts: the columns, and the table's rows
    "table.noColumn": "no {label} column: pick one",
    "table.noStrength":
      "no Market share column, nor Volume and Market volume columns: pick one or the other for the strength axis",
    "table.noLeader":
      "no Leader share column: the relative share needs the largest competitor's share",
    "table.noRange": "no Range column: pick the column that names the product ranges",
    "table.row": "row {row}",
    "table.cell": "{field} at {where} {problem}",
    "table.marginBlank": "is blank: give the range's contribution margin to classify it",
    "table.salesBlank": "is blank: the range gets no bubble in the chart",
    "table.nameBlank": "range at {where} is blank: name the range, or clear the row",
    "table.repeat":
      "range {name} at {where} repeats the range at {first}: list each range once, or add the rows up",
    // rangesFromWonDeals.ts: the figures the user gave in the pane for a range of won deals
    "won.cell": "{field} for {name} {problem}",
    "won.cellShown": "{field} {shown} for {name} {problem}",
    "won.notFinite": "is not a finite number",
    "won.marginMissing": "is not given: give the range's contribution margin to classify it",
    "won.unreadable":
      "leave out {count, plural, one {# won deal} other {# won deals}} whose amount could not be read",
  },
  {
    "field.range": "gamme",
    "field.volume": "volume",
    "field.marketVolume": "volume du marché",
    "field.marketShare": "part de marché",
    "field.leaderShare": "part du leader",
    "field.sales": "ventes",
    "field.margin": "marge",
    "share.points": "dépasse 1\u00a0: écrivez {shown}\u00a0% ou {fraction}",
    "share.above100": "dépasse 100\u00a0%\u00a0: une part de marché vaut au plus 100\u00a0%",
    "volume.negative": "est en dessous de 0\u00a0: un volume ne peut pas être négatif",
    "marketVolume.negative":
      "est en dessous de 0\u00a0: un volume du marché ne peut pas être négatif",
    "marketVolume.zero":
      "vaut 0\u00a0: une part de marché demande un volume du marché au-dessus de 0",
    "leaderShare.zero":
      "vaut 0\u00a0: la part relative divise par la part du premier concurrent, donnez-la au-dessus de 0",
    "sales.negative": "sont en dessous de 0\u00a0: des ventes ne peuvent pas être négatives",
    "marketVolume.belowVolume":
      "est en dessous du volume {volume}\u00a0: un marché contient au moins le volume de la gamme elle-même",
    "marketShare.disagrees":
      "ne concorde pas avec volume ÷ volume du marché = {computed}\u00a0: corrigez l'un des deux\u00a0; la part de marché saisie est retenue",
    "missing.blank": "vide",
    "missing.notGiven": "non renseigné",
    "missing.orShare": ", ou la part de marché,",
    "missing.orFigures": ", ou le volume et le volume du marché,",
    "missing.volume": `est {missing}\u00a0: donnez-le{orShare} ${PURPOSE_FR}`,
    "missing.marketVolume": `est {missing}\u00a0: donnez-le{orShare} ${PURPOSE_FR}`,
    "missing.marketShare": `est {missing}\u00a0: donnez-la{orFigures} ${PURPOSE_FR}`,
    "missing.both": `est {missing}, le volume aussi\u00a0: donnez les deux ${PURPOSE_FR}`,
    "missing.leaderShare":
      "est {missing}\u00a0: la part relative demande la part du premier concurrent",
    "leaderShare.sumAbove":
      "et la part de marché de la gamme elle-même, {share}, dépassent ensemble 100\u00a0%",
    "table.noColumn": "pas de colonne {label}\u00a0: choisissez-en une",
    "table.noStrength":
      "ni colonne Part de marché, ni colonnes Volume et Volume du marché\u00a0: choisissez l'une ou les autres pour l'axe des atouts",
    "table.noLeader":
      "pas de colonne Part du leader\u00a0: la part relative demande la part du premier concurrent",
    "table.noRange":
      "pas de colonne Gamme\u00a0: choisissez la colonne qui nomme les gammes de produits",
    "table.row": "ligne {row}",
    "table.cell": "{field} en {where} {problem}",
    "table.marginBlank":
      "est vide\u00a0: donnez la marge de contribution de la gamme pour la classer",
    "table.salesBlank": "sont vides\u00a0: la gamme n'a pas de bulle dans le graphique",
    "table.nameBlank": "la gamme en {where} est vide\u00a0: nommez la gamme, ou videz la ligne",
    "table.repeat":
      "la gamme {name} en {where} répète celle en {first}\u00a0: listez chaque gamme une fois, ou additionnez les lignes",
    "won.cell": "{field} de {name} {problem}",
    "won.cellShown": "{field} {shown} de {name} {problem}",
    "won.notFinite": "n'est pas un nombre fini",
    "won.marginMissing":
      "n'est pas renseignée\u00a0: donnez la marge de contribution de la gamme pour la classer",
    "won.unreadable":
      "laissent de côté {count, plural, one {# affaire gagnée} other {# affaires gagnées}} dont le montant n'a pas pu être lu",
  }
);

export type RangeMessageKey = keyof typeof RANGE_MESSAGES.en;

/** The range message `key` said in `language` (English when not given). */
export const rangeText = textOf(RANGE_MESSAGES);
