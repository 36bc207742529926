/**
 * The GE-McKinsey strengths–attractiveness matrix ("matrice atouts-attraits").
 *
 * Strength (x axis) is the company's market share in volume, or a 1–5 score; attractiveness (y axis)
 * is a score or the ABC class of the range's sales by contribution margin. Each axis is cut into
 * three levels by two cut-offs; the nine cells carry Kotler's names (domain.md).
 */
import type { AbcClass } from "./abc";

export type Level = "Low" | "Medium" | "High";
export type Zone = "Invest / grow" | "Selectivity" | "Harvest / divest";

export interface Cuts {
  readonly low: number;
  readonly high: number;
}

/** A 1–5 score cut into equal thirds. */
export const DEFAULT_CUTS: Cuts = { low: 7 / 3, high: 11 / 3 };

export function cutsProblem(cuts: Cuts): string | null {
  if (!Number.isFinite(cuts.low) || !Number.isFinite(cuts.high))
    return "the cut-offs must be numbers";
  if (cuts.low > cuts.high)
    return `the low cut-off ${cuts.low} is above the high cut-off ${cuts.high}`;
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

const CELLS: Record<Level, Record<Level, string>> = {
  // attractiveness → strength → cell
  High: { High: "Protect position", Medium: "Invest to build", Low: "Build selectively" },
  Medium: {
    High: "Build selectively",
    Medium: "Selectivity / manage for earnings",
    Low: "Limited expansion or harvest",
  },
  Low: { High: "Protect and refocus", Medium: "Manage for earnings", Low: "Divest" },
};

/** The nine-box cell name for a range's strength and attractiveness levels. */
export function nineBoxCell(strength: Level, attractiveness: Level): string {
  return CELLS[attractiveness][strength];
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
