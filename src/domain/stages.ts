/**
 * Sales stages and forecast categories as teams type them. A stage table (stage → default probability)
 * fills deals that have a stage and no probability; a probability typed on the deal always wins.
 */
import { normaliseHeader } from "./columns";
import type { ForecastCategory } from "./deal";
import type { Language } from "./language";
import type { CellValue } from "./values";

export interface StageDefault {
  readonly stage: string;
  readonly probability: number;
  /**
   * Other names of the same stage (the other language's): a deal's stage matches the row by any of
   * them. Only the default tables carry synonyms; a table the user edited and stored has none.
   */
  readonly synonyms?: readonly string[];
}

/**
 * The default stages, each by its English and French name (domain.md's vocabulary): one probability
 * per stage, whatever the language the deals are typed in. Masculine and feminine forms of won and lost
 * both read ("Gagné" / "Gagnée": teams write either).
 */
const DEFAULT_STAGES: readonly {
  readonly en: string;
  readonly fr: string;
  readonly probability: number;
  readonly also?: readonly string[];
}[] = [
  { en: "Prospecting", fr: "Prospection", probability: 0.1 },
  { en: "Qualification", fr: "Qualification", probability: 0.2 },
  { en: "Needs analysis", fr: "Analyse des besoins", probability: 0.3 },
  { en: "Proposal", fr: "Proposition", probability: 0.5 },
  { en: "Negotiation", fr: "Négociation", probability: 0.75 },
  { en: "Closed won", fr: "Gagnée", probability: 1, also: ["Gagné", "Won"] },
  { en: "Closed lost", fr: "Perdue", probability: 0, also: ["Perdu", "Lost"] },
];

function defaultTable(language: Language): readonly StageDefault[] {
  return DEFAULT_STAGES.map(({ en, fr, probability, also = [] }) => {
    const [stage, other] = language === "fr" ? [fr, en] : [en, fr];
    const synonyms = [other, ...also].filter((s) => normaliseStage(s) !== normaliseStage(stage));
    return { stage, probability, synonyms };
  });
}

/** A starting table the user edits in the pane; it is stored in the workbook once changed. */
export const DEFAULT_STAGE_TABLE: readonly StageDefault[] = defaultTable("en");

/** The same table with the French names shown, the English ones its synonyms. */
export const DEFAULT_STAGE_TABLE_FR: readonly StageDefault[] = defaultTable("fr");

/** The default stage table a workbook of this language shows and starts from. */
export function defaultStageTable(language: Language | null | undefined): readonly StageDefault[] {
  return language === "fr" ? DEFAULT_STAGE_TABLE_FR : DEFAULT_STAGE_TABLE;
}

/** Same normalisation as headers: "Négociation." and "negociation" are one stage. */
export function normaliseStage(text: CellValue): string {
  return normaliseHeader(text);
}

/** Every name of a default stage, normalised, for each default stage. */
const DEFAULT_NAMES: readonly (readonly string[])[] = DEFAULT_STAGE_TABLE.map((row) =>
  [row.stage, ...(row.synonyms ?? [])].map(normaliseStage)
);

/** The normalised names a row of a stage table answers to: its own, its synonyms. */
function namesOf(row: StageDefault): string[] {
  return [row.stage, ...(row.synonyms ?? [])].map(normaliseStage);
}

/**
 * The stage table's row for a deal's stage: by the row's name or synonyms; else, when the stage is one
 * of the default stages by another of its names, the row named by any of them. So "Négociation" finds
 * the row "Negotiation" of a table the user edited and stored in English (before Carnet spoke French),
 * and "Negotiation" the row "Négociation" of a French one. Null when no row is that stage.
 */
export function stageRow(
  table: readonly StageDefault[],
  stage: string | null
): StageDefault | null {
  if (!stage) return null;
  const key = normaliseStage(stage);
  if (key === "") return null;
  const own = table.find((row) => namesOf(row).includes(key));
  if (own) return own;
  const names = DEFAULT_NAMES.find((n) => n.includes(key));
  return names ? (table.find((row) => namesOf(row).some((n) => names.includes(n))) ?? null) : null;
}

export function stageProbability(
  table: readonly StageDefault[],
  stage: string | null
): number | null {
  return stageRow(table, stage)?.probability ?? null;
}

const CATEGORY_WORDS: ReadonlyArray<[ForecastCategory, readonly string[]]> = [
  ["Commit", ["commit", "committed", "engage", "engagement", "ferme", "sur"]],
  ["Best case", ["best case", "bestcase", "upside", "meilleur cas", "probable"]],
  ["Pipeline", ["pipeline", "pipe", "open", "ouvert", "en cours", "possible"]],
  ["Omitted", ["omitted", "omit", "exclu", "omis", "hors prevision"]],
  ["Won", ["won", "closed won", "closed", "gagne", "gagnee", "signe", "closed/won"]],
  ["Lost", ["lost", "closed lost", "perdu", "perdue", "abandonne", "closed/lost"]],
];

/** A forecast category from its French or English name; null when blank, undefined when unknown. */
export function readCategory(cell: CellValue): ForecastCategory | null | undefined {
  const text = normaliseHeader(cell);
  if (text === "") return null;
  for (const [category, words] of CATEGORY_WORDS) if (words.includes(text)) return category;
  return undefined;
}
