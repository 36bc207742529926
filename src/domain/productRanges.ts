/**
 * A product range of the portfolio, and the checks its figures pass whichever way they were had: read
 * from the user's product-range table (productRangeTable.ts) or built from the pipeline's won deals and
 * the figures typed in the pane (rangesFromWonDeals.ts). Both readers word their messages alike and
 * settle the market share the same way, here.
 *
 * Choices where domain.md is silent (each a finance reviewer's expectation, and tested):
 * - Market share: the share given wins over volume ÷ market volume; when both are there and differ by
 *   more than half a point, the range gets an issue (the given share is still used).
 * - A figure that cannot be right whatever the rest of the row says (a negative volume, a market volume
 *   of 0, a share above 100 %, a market smaller than the range's own volume) is reported and left blank.
 * - A negative margin is a loss-making range (class C), never an error.
 */
import type { PortfolioField } from "./columns";
import type { Language } from "./language";
import { rangeText } from "./rangeMessages";
import { decimalIn, problemText } from "./readingProblems";

export interface ProductRange {
  /**
   * 0-based index of the range's row within the data rows (below the header). For ranges built from won
   * deals, its position in the built list.
   */
  readonly row: number;
  /** As typed, trimmed ("Produit A."); compare names with {@link rangeKey}. */
  readonly name: string;
  readonly volume: number | null;
  readonly marketVolume: number | null;
  /** In [0, 1]: the share given, or else volume ÷ market volume; null when neither can be had. */
  readonly marketShare: number | null;
  /** Where the market share came from, so a writer can keep a computed share live as a formula. */
  readonly shareSource: "given" | "computed" | null;
  /** The largest competitor's market share, in (0, 1]; only the relative measure uses it. */
  readonly leaderShare: number | null;
  /** Revenue: the bubble size. */
  readonly sales: number | null;
  /** Contribution margin, in money; may be negative (a loss-making range, class C). */
  readonly margin: number | null;
  /** This range's problems, in words, for the report and the chart's tooltips. */
  readonly issues: readonly string[];
}

/** A range with the given fields and blanks elsewhere: for building ranges by hand (tests, the pane's form). */
export function productRange(
  fields: Partial<ProductRange> & Pick<ProductRange, "name">
): ProductRange {
  return {
    row: 0,
    volume: null,
    marketVolume: null,
    marketShare: null,
    shareSource: null,
    leaderShare: null,
    sales: null,
    margin: null,
    issues: [],
    ...fields,
  };
}

/**
 * The key two names of one range share: no accents, lower case, single spaces, no closing full stops.
 * "Produit A." (the handbook's style), "produit a" and "PRODUIT  A" are one range; "Gamme Élite" is "gamme elite".
 */
export function rangeKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .replace(/[\s.]+$/, "")
    .trim();
}

/** How a field is named inside messages ("margin 12,500 at row 3 is ambiguous…"), in `language`. */
export function fieldWord(field: PortfolioField, language: Language = "en"): string {
  return rangeText(`field.${field}`, {}, language);
}

/** The fields that hold a figure: all but the range's name. */
export type FigureField = Exclude<PortfolioField, "range">;
/** How a reader reports a problem with one field: the text as shown (null for a missing figure), and why. */
export type Say = (field: PortfolioField, shown: string | null, problem: string) => void;

/** "25 %", "25.3 %" in English; "25,3 %" (no-break space) in French. */
export function percent(share: number, language: Language = "en"): string {
  const figure = String(Number((share * 100).toFixed(1)));
  return language === "en" ? `${figure} %` : `${decimalIn(language, figure)}\u00a0%`;
}

/** A share above 1 typed as a plain number is almost always points: say how to write it. */
function shareProblem(value: number, shown: string, language: Language): string | null {
  if (value < 0) return problemText("value.shareNegative", {}, language);
  if (value <= 1) return null;
  if (!shown.includes("%") && value <= 100) {
    const fraction = decimalIn(language, String(Number(`${value}e-2`)));
    return rangeText("share.points", { shown, fraction }, language);
  }
  return rangeText("share.above100", {}, language);
}

/** The figure, or null (and a message) when it cannot be right whatever the rest of the row says. */
export function checkedFigure(
  field: FigureField,
  value: number,
  shown: string,
  say: Say,
  language: Language = "en"
): number | null {
  const problem = figureProblem(field, value, shown, language);
  if (problem === null) return value;
  say(field, shown, problem);
  return null;
}

/** Why the figure cannot be right, in `language`, or null. */
function figureProblem(
  field: FigureField,
  value: number,
  shown: string,
  language: Language
): string | null {
  const said = (key: Parameters<typeof rangeText>[0]) => rangeText(key, {}, language);
  switch (field) {
    case "volume":
      return value < 0 ? said("volume.negative") : null;
    case "marketVolume":
      if (value < 0) return said("marketVolume.negative");
      return value === 0 ? said("marketVolume.zero") : null;
    case "marketShare":
      return shareProblem(value, shown, language);
    case "leaderShare":
      return value === 0 ? said("leaderShare.zero") : shareProblem(value, shown, language);
    case "sales":
      return value < 0 ? said("sales.negative") : null;
    case "margin":
      return null; // a negative margin is a loss-making range, class C
  }
}

/** Half a point: typed shares are rounded, a larger gap means one of the figures is wrong. */
const SHARE_AGREEMENT = 0.005;
/** Float slack, so that a gap of exactly half a point (25,5 % against 25 %) is not an issue. */
const FLOAT_SLACK = 1e-9;

export interface StrengthContext {
  readonly shown: (field: PortfolioField) => string;
  readonly say: Say;
  /** A missing figure: "blank" for a cell, "notGiven" for the user's figures. */
  readonly missing: "blank" | "notGiven";
  /** The language of the messages (English when not given). */
  readonly language?: Language;
  /** Figures already reported as unreadable or impossible: not reported again as missing. */
  readonly refused: ReadonlySet<FigureField>;
  readonly canGiveShare: boolean;
  readonly canComputeShare: boolean;
  readonly wantsLeader: boolean;
}

/** The figures the strength axis comes from, each already checked on its own (null when blank or refused). */
export interface StrengthFigures {
  readonly volume: number | null;
  readonly marketVolume: number | null;
  readonly givenShare: number | null;
  readonly leaderShare: number | null;
}

/** The market share and leader share, with the problems that need the figures together. */
export function settleStrength(
  figures: StrengthFigures,
  context: StrengthContext
): Pick<ProductRange, "marketShare" | "shareSource" | "leaderShare"> {
  const { marketShare, shareSource, blocked } = settleMarketShare(figures, context);
  const flagged =
    blocked ||
    context.refused.has("volume") ||
    context.refused.has("marketVolume") ||
    context.refused.has("marketShare");
  if (marketShare === null && !flagged) reportMissingShare(figures, context);
  return {
    marketShare,
    shareSource,
    leaderShare: settleLeaderShare(figures.leaderShare, marketShare, context),
  };
}

/**
 * The share given, else volume ÷ market volume. `blocked` when the volumes contradict each other (reported:
 * the market is smaller than the range); a given share far from the computed one is reported and kept.
 */
function settleMarketShare(
  figures: StrengthFigures,
  context: StrengthContext
): Pick<ProductRange, "marketShare" | "shareSource"> & { blocked: boolean } {
  const { volume, marketVolume, givenShare } = figures;
  const { say, shown } = context;
  const language = context.language ?? "en";
  let computed: number | null = null;
  let blocked = false;
  if (volume !== null && marketVolume !== null) {
    if (volume > marketVolume) {
      say(
        "marketVolume",
        shown("marketVolume"),
        rangeText(
          "marketVolume.belowVolume",
          { volume: decimalIn(language, String(volume)) },
          language
        )
      );
      blocked = true;
    } else computed = volume / marketVolume;
  }
  if (
    givenShare !== null &&
    computed !== null &&
    Math.abs(givenShare - computed) > SHARE_AGREEMENT + FLOAT_SLACK
  ) {
    say(
      "marketShare",
      shown("marketShare"),
      rangeText("marketShare.disagrees", { computed: percent(computed, language) }, language)
    );
  }
  return {
    marketShare: givenShare ?? computed,
    shareSource: givenShare !== null ? "given" : computed !== null ? "computed" : null,
    blocked,
  };
}

/** Says which figure would give the missing market share, as the columns at hand allow. */
function reportMissingShare(figures: StrengthFigures, context: StrengthContext): void {
  const language = context.language ?? "en";
  const said = (key: Parameters<typeof rangeText>[0], choice: boolean) =>
    choice ? rangeText(key, {}, language) : "";
  const params = {
    missing: said(`missing.${context.missing}`, true),
    orShare: said("missing.orShare", context.canGiveShare),
    orFigures: said("missing.orFigures", context.canComputeShare),
  };
  type Missing = "volume" | "marketVolume" | "marketShare";
  const say = (field: Missing, key: Missing | "both" = field) =>
    context.say(field, null, rangeText(`missing.${key}`, params, language));
  if (context.canComputeShare && figures.volume !== null) say("marketVolume");
  else if (context.canComputeShare && figures.marketVolume !== null) say("volume");
  else if (context.canGiveShare) say("marketShare");
  else if (context.canComputeShare) say("marketVolume", "both");
}

/** The leader's share, or null when missing (reported when wanted) or impossible beside the range's own. */
function settleLeaderShare(
  leaderShare: number | null,
  marketShare: number | null,
  context: StrengthContext
): number | null {
  const { say, shown } = context;
  const language = context.language ?? "en";
  if (leaderShare === null) {
    if (context.wantsLeader && !context.refused.has("leaderShare")) {
      const missing = rangeText(`missing.${context.missing}`, {}, language);
      say("leaderShare", null, rangeText("missing.leaderShare", { missing }, language));
    }
    return null;
  }
  if (marketShare !== null && marketShare + leaderShare > 1 + FLOAT_SLACK) {
    say(
      "leaderShare",
      shown("leaderShare"),
      rangeText("leaderShare.sumAbove", { share: percent(marketShare, language) }, language)
    );
    return null;
  }
  return leaderShare;
}
