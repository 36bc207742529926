/**
 * Sales stages and forecast categories as teams type them. A stage table (stage → default probability)
 * fills deals that have a stage and no probability; a probability typed on the deal always wins.
 */
import { normaliseHeader } from "./columns";
import type { ForecastCategory } from "./deal";
import type { CellValue } from "./values";

export interface StageDefault {
  readonly stage: string;
  readonly probability: number;
}

/** A starting table the user edits in the pane; it is stored in the workbook once changed. */
export const DEFAULT_STAGE_TABLE: readonly StageDefault[] = [
  { stage: "Prospecting", probability: 0.1 },
  { stage: "Qualification", probability: 0.2 },
  { stage: "Needs analysis", probability: 0.3 },
  { stage: "Proposal", probability: 0.5 },
  { stage: "Negotiation", probability: 0.75 },
  { stage: "Closed won", probability: 1 },
  { stage: "Closed lost", probability: 0 },
];

/** Same normalisation as headers: "Négociation." and "negociation" are one stage. */
export const normaliseStage = normaliseHeader;

export function stageProbability(
  table: readonly StageDefault[],
  stage: string | null
): number | null {
  if (!stage) return null;
  const key = normaliseStage(stage);
  const found = table.find((s) => normaliseStage(s.stage) === key);
  return found ? found.probability : null;
}

const CATEGORY_WORDS: ReadonlyArray<[ForecastCategory, readonly string[]]> = [
  ["Commit", ["commit", "committed", "engage", "engagement", "ferme", "sur"]],
  ["Best case", ["best case", "bestcase", "upside", "meilleur cas", "probable"]],
  ["Pipeline", ["pipeline", "pipe", "open", "ouvert", "en cours", "possible"]],
  ["Omitted", ["omitted", "omit", "exclu", "omis", "hors prevision"]],
  ["Won", ["won", "closed won", "closed", "gagne", "signe", "closed/won"]],
  ["Lost", ["lost", "closed lost", "perdu", "abandonne", "closed/lost"]],
];

/** A forecast category from its French or English name; null when blank, undefined when unknown. */
export function readCategory(cell: CellValue): ForecastCategory | null | undefined {
  const text = normaliseHeader(cell);
  if (text === "") return null;
  for (const [category, words] of CATEGORY_WORDS) if (words.includes(text)) return category;
  return undefined;
}
