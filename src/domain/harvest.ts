/**
 * The handbook's warning (domain.md, "The pipeline"): an opportunity on a product range the plan does not
 * back can harm the company's position. Open deals on ranges in the matrix's Harvest / divest zone are
 * flagged — in the pane, and in CarnetPipeline's Issues column — never hidden.
 */
import { isOpen } from "./countingRows";
import type { Deal } from "./deal";
import type { DealTable, Deals } from "./dealTable";
import { type Zone, zoneName } from "./matrix";
import { DEFAULT_LOCALE, type Language } from "./language";
import { defineMessages, render } from "./messageCatalogue";
import type { MatrixRow } from "./portfolioMatrix";
import { rangeKey } from "./productRanges";

export interface HarvestOpportunity {
  readonly deal: Deal;
  /** The range's name as the matrix has it. */
  readonly range: string;
  readonly zone: Zone;
}

/**
 * Open deals (not Won, Lost or Omitted) on a range in the "Harvest / divest" zone, in deal order: the
 * "opportunities that may not fit the plan". Product and range names match by {@link rangeKey}; deals on
 * ranges the matrix does not hold are not flagged.
 */
export function harvestOpportunities(
  deals: readonly Deal[],
  rows: readonly MatrixRow[]
): HarvestOpportunity[] {
  const harvest = new Map<string, MatrixRow>();
  for (const row of rows) {
    const key = rangeKey(row.range.name);
    if (row.zone === "Harvest / divest" && !harvest.has(key)) harvest.set(key, row);
  }
  return dealsOnRanges(deals, new Set(harvest.keys())).map((deal) => ({
    deal,
    range: harvest.get(rangeKey(deal.product!))!.range.name,
    zone: "Harvest / divest",
  }));
}

/**
 * The open deals (opportunities: a won deal is history) whose product is one of `rangeKeys` (names as
 * {@link rangeKey}), in order: what the handbook's warning counts, in the pane and in the pipeline.
 */
export function dealsOnRanges(deals: Deals, rangeKeys: ReadonlySet<string>): Deal[] {
  if (rangeKeys.size === 0) return [];
  if (Array.isArray(deals))
    return deals.filter(
      (d) => isOpen(d) && d.product !== null && rangeKeys.has(rangeKey(d.product))
    );
  // A table's deals are made objects only when on such a range (a few of a million, if any), and
  // each product's key is worked out once: a million deals name a few products.
  const table = deals as DealTable;
  const productOf = table.text("product");
  const onRange = new Map<string, boolean>();
  const isOnRange = (product: string) => {
    let on = onRange.get(product);
    if (on === undefined) onRange.set(product, (on = rangeKeys.has(rangeKey(product))));
    return on;
  };
  const found: Deal[] = [];
  for (let i = 0; i < table.length; i++) {
    const product = productOf(i);
    if (product !== null && isOnRange(product)) {
      const deal = table.at(i);
      if (isOpen(deal)) found.push(deal);
    }
  }
  return found;
}

/**
 * The line the forecast build adds to a flagged deal's Issues column, in `language` (the language the
 * deal's other issues are said in; English by default): the zone by its name in that language.
 */
export function harvestWarning(range: string, language: Language = "en"): string {
  const zone = zoneName("Harvest / divest", language);
  return render(HARVEST_MESSAGES[language].warning, { range, zone }, DEFAULT_LOCALE[language]);
}

const HARVEST_MESSAGES = defineMessages(
  {
    warning:
      "range {range} is in the {zone} zone of the matrix: an opportunity that may not fit the plan",
  },
  {
    warning:
      "la gamme {range} est dans la zone {zone} de la matrice\u00a0: une opportunité qui peut ne pas cadrer avec le plan",
  }
);
