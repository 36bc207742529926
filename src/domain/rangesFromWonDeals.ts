/**
 * Product ranges built from the pipeline's won deals, for a sales manager without a product-range table:
 * the sales are what was won, the market figures and the margin are what the user types in the pane.
 */
import type { PortfolioField } from "./columns";
import type { Deal } from "./deal";
import type { Language } from "./language";
import {
  checkedFigure,
  fieldWord,
  type FigureField,
  percent,
  type ProductRange,
  rangeKey,
  type Say,
  settleStrength,
} from "./productRanges";
import { rangeText } from "./rangeMessages";

/** What the user types for a range when the ranges are built from won deals; every figure optional. */
export interface MarketFigures {
  readonly marketVolume?: number | null;
  /** Units sold; when not given, the count of won deals stands in for it. */
  readonly volume?: number | null;
  readonly margin?: number | null;
  /** A share given directly, used as in a table (it wins over volume ÷ market volume). */
  readonly marketShare?: number | null;
  readonly leaderShare?: number | null;
}

/**
 * Product ranges built from `CarnetPipeline`'s won deals (category "Won") and the user's market figures,
 * keyed by range name (names compared with {@link rangeKey}):
 * - sales = Σ amount of the range's won deals (a won deal whose amount could not be read is left out, and
 *   the range says so);
 * - volume = the user's figure, else the count of won deals: that is a number of deals, comparable with a
 *   market volume only when the market is counted in deals too (contracts, projects), so give units sold
 *   when the market is counted in units;
 * - margin = the user's figure only, never guessed from sales (a margin rate would be a guess): when not given
 *   the range has no class, and an issue says so;
 * - market share = the user's share, else volume ÷ market volume, checked as in {@link readPortfolioRows}.
 * Ranges appear in the order of their first won deal, then the ranges the user gave figures for that have no
 * won deal (sales 0: part of the portfolio all the same). Won deals without a product are left out: see
 * {@link unassignedWonDeals}. `row` is the position in the returned list.
 */
export function rangesFromWonDeals(
  deals: readonly Deal[],
  market: ReadonlyMap<string, MarketFigures>,
  language: Language = "en"
): ProductRange[] {
  const groups = wonDealsByRange(deals);
  const figuresByKey = new Map<string, MarketFigures>();
  for (const [name, figures] of market) {
    const key = rangeKey(name);
    if (!figuresByKey.has(key)) figuresByKey.set(key, figures);
    if (!groups.has(key)) groups.set(key, { name: name.trim(), won: 0, sales: 0, unreadable: 0 });
  }
  return [...groups].map(([key, group], row) =>
    rangeOfWonDeals(group, figuresByKey.get(key) ?? {}, row, language)
  );
}

/** A range's won deals: its name as first written, how many, their amounts, and how many had none. */
interface WonGroup {
  name: string;
  won: number;
  sales: number;
  unreadable: number;
}

/** The won deals naming a product, grouped by range (names as {@link rangeKey}), in first-deal order. */
function wonDealsByRange(deals: readonly Deal[]): Map<string, WonGroup> {
  const groups = new Map<string, WonGroup>();
  for (const deal of deals) {
    if (deal.category !== "Won") continue;
    const product = deal.product?.trim();
    if (!product) continue;
    const key = rangeKey(product);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { name: product, won: 0, sales: 0, unreadable: 0 }));
    group.won++;
    if (deal.amount === null) group.unreadable++;
    else group.sales += deal.amount;
  }
  return groups;
}

/** One range from its won deals and the figures the user gave, each checked as a table's would be. */
function rangeOfWonDeals(
  group: WonGroup,
  given: MarketFigures,
  row: number,
  language: Language
): ProductRange {
  const issues: string[] = [];
  const field = (f: PortfolioField) => fieldWord(f, language);
  const say: Say = (f, shown, problem) =>
    issues.push(
      shown === null
        ? rangeText("won.cell", { field: field(f), name: group.name, problem }, language)
        : rangeText(
            "won.cellShown",
            { field: field(f), shown, name: group.name, problem },
            language
          )
    );
  const givenOf = (field: PortfolioField): number | null =>
    field === "range" ? null : (given[field as keyof MarketFigures] ?? null);
  const shownOf = (field: PortfolioField): string => {
    const value = givenOf(field);
    if (value === null) return "";
    return field === "marketShare" || field === "leaderShare"
      ? percent(value, language)
      : String(value);
  };
  const refused = new Set<FigureField>();
  const figure = (field: FigureField): number | null => {
    const value = givenOf(field);
    if (value === null) return null;
    const checked = Number.isFinite(value)
      ? checkedFigure(field, value, shownOf(field), say, language)
      : (say(field, String(value), rangeText("won.notFinite", {}, language)), null);
    if (checked === null) refused.add(field);
    return checked;
  };
  const volume = givenOf("volume") !== null ? figure("volume") : group.won;
  const marketVolume = figure("marketVolume");
  const givenShare = figure("marketShare");
  const leaderShare = figure("leaderShare");
  const margin = figure("margin");
  const strength = settleStrength(
    { volume, marketVolume, givenShare, leaderShare },
    {
      shown: shownOf,
      say,
      missing: "notGiven",
      language,
      refused,
      canGiveShare: true,
      canComputeShare: true,
      wantsLeader: false,
    }
  );
  if (margin === null && !refused.has("margin")) {
    say("margin", null, rangeText("won.marginMissing", {}, language));
  }
  if (group.unreadable > 0) {
    const count = String(group.unreadable);
    say("sales", null, rangeText("won.unreadable", { count }, language));
  }
  const { name, sales } = group;
  return { row, name, volume, marketVolume, ...strength, sales, margin, issues };
}

/** Won deals with no product: they belong to no range, and the pane says how many were left out. */
export function unassignedWonDeals(deals: readonly Deal[]): Deal[] {
  return deals.filter((d) => d.category === "Won" && !d.product?.trim());
}
