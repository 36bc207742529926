/**
 * The matrix's settings, the user's choices: which strength measure, its two cut-offs, and the ABC shares
 * that cut the attractiveness axis; their defaults, and what makes them unusable.
 *
 * Choice where domain.md is silent: the relative share (the "relative" measure) is the range's share ÷ the
 * share of its largest competitor, as in the BCG and GE matrices (see portfolioMatrix.ts); its default
 * cut-offs are half the leader's share and the leader's share itself.
 */
import { abcSharesProblem, type AbcShares, DEFAULT_ABC_SHARES } from "./abc";
import { type Cuts, cutsProblem } from "./matrix";

/**
 * The strength axis: `share` is the range's market share in volume (the handbook's measure); `relative` is
 * its share ÷ its largest competitor's share (the range's `leaderShare`), above 1 for a market leader.
 */
export type StrengthMeasure = "share" | "relative";

export interface MatrixSettings {
  /** Below `low` is Weak, from `high` up is Strong, on the measure's scale (shares as fractions: 0.1 = 10 %). */
  readonly strengthCuts: Cuts;
  readonly abcShares: AbcShares;
  readonly measure: StrengthMeasure;
}

/**
 * Cut-offs to offer when the user switches measure. Market share: 10 % and 25 % (the issue's example).
 * Relative share: half the leader's share, and the leader's share itself (strong means leading the market).
 */
export const DEFAULT_STRENGTH_CUTS: Readonly<Record<StrengthMeasure, Cuts>> = Object.freeze({
  share: Object.freeze({ low: 0.1, high: 0.25 }),
  relative: Object.freeze({ low: 0.5, high: 1 }),
});

export const DEFAULT_MATRIX_SETTINGS: MatrixSettings = Object.freeze({
  strengthCuts: DEFAULT_STRENGTH_CUTS.share,
  abcShares: DEFAULT_ABC_SHARES,
  measure: "share" as const,
});

/** Why the settings cannot be used, in words for the pane, or null. */
export function settingsProblem(settings: MatrixSettings): string | null {
  const { measure, strengthCuts } = settings;
  if (measure !== "share" && measure !== "relative") {
    return `the strength measure "${String(measure)}" is not known: use share or relative`;
  }
  const abc = abcSharesProblem(settings.abcShares);
  if (abc) return abc;
  const cuts = cutsProblem(strengthCuts);
  if (cuts) return cuts;
  const what = measure === "share" ? "a market share" : "a relative share";
  if (strengthCuts.low < 0)
    return `the low cut-off ${strengthCuts.low} is below 0: ${what} cannot be negative`;
  if (measure === "share" && strengthCuts.high > 1) {
    const high = strengthCuts.high;
    return high <= 100
      ? `the high cut-off ${high} is above 100 %: write ${high}% or ${Number(`${high}e-2`)}`
      : `the high cut-off ${high} is above 100 %: a market share is at most 100 %`;
  }
  return null;
}
