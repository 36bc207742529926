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
import { defineMessages, textIn } from "./messageCatalogue";
import { decimalIn, type SpeakOptions } from "./readingProblems";

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
 * Cut-offs to offer when the user switches measure. Market share: 10 % and 25 % (the example).
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

/** The settings' problems, in English and French (French typed against English). */
const SETTINGS_MESSAGES = defineMessages(
  {
    unknownMeasure: 'the strength measure "{measure}" is not known: use share or relative',
    lowNegativeShare: "the low cut-off {low} is below 0: a market share cannot be negative",
    lowNegativeRelative: "the low cut-off {low} is below 0: a relative share cannot be negative",
    highPoints: "the high cut-off {high} is above 100 %: write {high}% or {fraction}",
    highAbove100: "the high cut-off {high} is above 100 %: a market share is at most 100 %",
  },
  {
    unknownMeasure:
      'la mesure des atouts "{measure}" est inconnue\u00a0: choisissez share (part de marché) ou relative (part relative)',
    lowNegativeShare:
      "le seuil bas {low} est en dessous de 0\u00a0: une part de marché ne peut pas être négative",
    lowNegativeRelative:
      "le seuil bas {low} est en dessous de 0\u00a0: une part relative ne peut pas être négative",
    highPoints:
      "le seuil haut {high} dépasse 100\u00a0%\u00a0: écrivez {high}\u00a0% ou {fraction}",
    highAbove100:
      "le seuil haut {high} dépasse 100\u00a0%\u00a0: une part de marché vaut au plus 100\u00a0%",
  }
);

/** Why the settings cannot be used, in `options.language` (English by default), or null. */
export function settingsProblem(
  settings: MatrixSettings,
  options: SpeakOptions = {}
): string | null {
  const language = options.language ?? "en";
  const say = (key: keyof typeof SETTINGS_MESSAGES.en, params: Record<string, string> = {}) =>
    textIn(SETTINGS_MESSAGES, key, params, language);
  const figure = (value: number) => decimalIn(language, String(value));
  const { measure, strengthCuts } = settings;
  if (measure !== "share" && measure !== "relative")
    return say("unknownMeasure", { measure: String(measure) });
  const abc = abcSharesProblem(settings.abcShares, options);
  if (abc) return abc;
  const cuts = cutsProblem(strengthCuts, options);
  if (cuts) return cuts;
  if (strengthCuts.low < 0) {
    const key = measure === "share" ? "lowNegativeShare" : "lowNegativeRelative";
    return say(key, { low: figure(strengthCuts.low) });
  }
  if (measure === "share" && strengthCuts.high > 1) {
    const high = strengthCuts.high;
    if (high > 100) return say("highAbove100", { high: figure(high) });
    return say("highPoints", { high: figure(high), fraction: figure(Number(`${high}e-2`)) });
  }
  return null;
}
