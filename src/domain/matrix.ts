/**
 * The GE-McKinsey strengths–attractiveness matrix ("matrice atouts-attraits").
 *
 * Strength (x axis) is the company's market share in volume, or a 1–5 score; attractiveness (y axis)
 * is a score or the ABC class of the range's sales by contribution margin. Each axis is cut into
 * three levels by two cut-offs; the nine cells carry Kotler's names (domain.md).
 */
import type { AbcClass } from "./abc";
import { type Language } from "./language";
import { defineMessages, textIn } from "./messageCatalogue";
import { decimalIn, type SpeakOptions } from "./readingProblems";

export type Level = "Low" | "Medium" | "High";
export type Zone = "Invest / grow" | "Selectivity" | "Harvest / divest";

export interface Cuts {
  readonly low: number;
  readonly high: number;
}

/** A 1–5 score cut into equal thirds. */
export const DEFAULT_CUTS: Cuts = { low: 7 / 3, high: 11 / 3 };

const CUTS_MESSAGES = defineMessages(
  {
    notNumbers: "the cut-offs must be numbers",
    reversed: "the low cut-off {low} is above the high cut-off {high}",
  },
  {
    notNumbers: "les seuils doivent être des nombres",
    reversed: "le seuil bas {low} dépasse le seuil haut {high}",
  }
);

/** Why two cut-offs cannot cut an axis, in `options.language` (English by default), or null. */
export function cutsProblem(cuts: Cuts, options: SpeakOptions = {}): string | null {
  const language = options.language ?? "en";
  const say = (key: keyof typeof CUTS_MESSAGES.en, params: Record<string, string> = {}) =>
    textIn(CUTS_MESSAGES, key, params, language);
  if (!Number.isFinite(cuts.low) || !Number.isFinite(cuts.high)) return say("notNumbers");
  if (cuts.low > cuts.high) {
    const [low, high] = [cuts.low, cuts.high].map((v) => decimalIn(language, String(v)));
    return say("reversed", { low, high });
  }
  return null;
}

/** Low when x < low cut, High when x ≥ high cut, else Medium. */
export function levelOf(x: number, cuts: Cuts = DEFAULT_CUTS): Level {
  if (x < cuts.low) return "Low";
  if (x >= cuts.high) return "High";
  return "Medium";
}

/** A → High, B → Medium, C → Low: a range with more of the margin attracts more. */
export function levelOfAbc(abc: AbcClass): Level {
  return abc === "A" ? "High" : abc === "B" ? "Medium" : "Low";
}

/** The strength axis says Strong / Medium / Weak for High / Medium / Low. */
export function strengthWord(level: Level): "Strong" | "Medium" | "Weak" {
  return level === "High" ? "Strong" : level === "Low" ? "Weak" : "Medium";
}

/** The nine cells, attractiveness → strength → name, in each language (domain.md; French: the handbook's words). */
const CELLS: Record<Language, Record<Level, Record<Level, string>>> = {
  en: {
    High: { High: "Protect position", Medium: "Invest to build", Low: "Build selectively" },
    Medium: {
      High: "Build selectively",
      Medium: "Selectivity / manage for earnings",
      Low: "Limited expansion or harvest",
    },
    Low: { High: "Protect and refocus", Medium: "Manage for earnings", Low: "Divest" },
  },
  fr: {
    High: {
      High: "Protéger sa position",
      Medium: "Investir pour se développer",
      Low: "Se développer sélectivement",
    },
    Medium: {
      High: "Se développer sélectivement",
      Medium: "Sélectivité / gérer pour la rentabilité",
      Low: "Expansion limitée ou récolte",
    },
    Low: { High: "Protéger et recentrer", Medium: "Gérer pour la rentabilité", Low: "Abandonner" },
  },
};

/** The nine-box cell name for a range's strength and attractiveness levels (English). */
export function nineBoxCell(strength: Level, attractiveness: Level): string {
  return CELLS.en[attractiveness][strength];
}

/** The nine-box cell name in `language`: what MATRIX_QUADRANT writes when asked for French. */
export function nineBoxCellIn(language: Language, strength: Level, attractiveness: Level): string {
  return CELLS[language][attractiveness][strength];
}

/**
 * An English nine-box cell name (as the matrix's rows and the plan's context carry it) said in
 * `language`; a name that is no cell's is kept as written.
 */
export function cellNameIn(cell: string, language: Language): string {
  if (language === "en") return cell;
  const at = NINE_BOX.find((box) => box.cell === cell);
  return at ? nineBoxCellIn(language, at.strength, at.attractiveness) : cell;
}

const ZONE_NAMES: Record<Zone, Record<Language, string>> = {
  "Invest / grow": { en: "Invest / grow", fr: "Investir" },
  Selectivity: { en: "Selectivity", fr: "Sélectivité" },
  "Harvest / divest": { en: "Harvest / divest", fr: "Récolter / abandonner" },
};

/** A zone's name in `language` (domain.md: Investir, Sélectivité, Récolter / abandonner). */
export function zoneName(zone: Zone, language: Language): string {
  return ZONE_NAMES[zone][language];
}

const RANK: Record<Level, number> = { Low: 0, Medium: 1, High: 2 };

/**
 * The zone: above the diagonal invest, on it be selective, below it harvest or divest.
 * With ranks 0..2 the diagonal is strength + attractiveness = 2.
 */
export function zoneOf(strength: Level, attractiveness: Level): Zone {
  const sum = RANK[strength] + RANK[attractiveness];
  return sum > 2 ? "Invest / grow" : sum === 2 ? "Selectivity" : "Harvest / divest";
}

/** All nine cells, strongest-most-attractive first, for views that draw the grid. */
export const NINE_BOX: ReadonlyArray<{
  strength: Level;
  attractiveness: Level;
  cell: string;
  zone: Zone;
}> = (["High", "Medium", "Low"] as Level[]).flatMap((attractiveness) =>
  (["High", "Medium", "Low"] as Level[]).map((strength) => ({
    strength,
    attractiveness,
    cell: nineBoxCell(strength, attractiveness),
    zone: zoneOf(strength, attractiveness),
  }))
);
