/**
 * The pipeline view's model, without React or Office: from what was read (SourceData) and the
 * workbook's settings to the mapping, the deals, the data-quality report with cell addresses, and
 * the headline figures.
 */
import {
  type ColumnMapping,
  completeMapping,
  missingFields,
  PIPELINE_FIELDS,
  type PipelineField,
  recogniseColumns,
} from "../domain/columns";
import { type ForecastFigures, forecastFiguresSteps, forecastRoomBytes } from "../domain/forecast";
import { KEPT_BYTES } from "../domain/keptRoom";
import type { Deals } from "../domain/dealTable";
import { issueText, type PipelineReading, pipelineReadingSteps } from "../domain/pipelineTable";
import { runSteps, STEP_ROWS, type Steps } from "../domain/steps";
import { dealsOnRanges, harvestWarning } from "../domain/harvest";
import { cellAddress, rangeAddress } from "../excel/plan/a1";
import {
  type CarnetSettings,
  dayFirstOf,
  mappingBeyondTable,
  stageTableOf,
} from "../excel/plan/settings";
import { type SourceData, sourceKey } from "../excel/plan/source";
import type { ChangeKind } from "../domain/snapshots";
import type { MessageKey } from "./i18n/messages";
import { ENGLISH_WORDS, type Words } from "./words";

export interface ReportLine {
  readonly address: string;
  readonly text: string;
  /** "total", "header" and "below" are rows left out on purpose, the others problems to fix. */
  readonly kind: "unreadable" | "missing" | "total" | "header" | "duplicate" | "below";
}

/** Rows left out on purpose (totals, repeated headers, rows below the table), not problems to fix. */
export function isLeftOut(line: ReportLine): boolean {
  return line.kind === "total" || line.kind === "header" || line.kind === "below";
}

export interface PipelineAnalysis {
  readonly source: SourceData;
  readonly sourceKey: string;
  readonly mapping: ColumnMapping<PipelineField>;
  /** Why the mapping kept for this source was not used (the table changed shape since); else null. */
  readonly mappingNote: string | null;
  /** Labels of required columns that are not mapped, in the pane's language. */
  readonly missing: string[];
  readonly reading: PipelineReading;
  readonly report: ReportLine[];
  readonly headline: ForecastFigures;
}

export function analysePipeline(
  source: SourceData,
  settings: CarnetSettings,
  objective: number | null = null,
  words: Words = ENGLISH_WORDS
): PipelineAnalysis {
  return runSteps(analysePipelineSteps(source, settings, objective, words));
}

/**
 * analysePipeline in steps (domain/steps.ts): the pane runs them with runStepsAsync, so that a
 * million deals leave it free to draw and to take a click on Cancel between two steps. The report
 * speaks `words`' language: its own sentences, and the reading's problems (the domain says them in
 * either language), so the deals' Issues lines are in it too.
 */
export function* analysePipelineSteps(
  source: SourceData,
  settings: CarnetSettings,
  objective: number | null = null,
  words: Words = ENGLISH_WORDS
): Steps<PipelineAnalysis> {
  const key = sourceKey(source);
  const saved = settings.mappingFor === key ? settings.mapping : undefined;
  const recognised = recogniseColumns(source.headers, PIPELINE_FIELDS);
  const mappingNote = saved
    ? mappingBeyondTable(saved, PIPELINE_FIELDS, source.headers.length, {
        language: words.language,
      })
    : null;
  const mapping = saved && !mappingNote ? completeMapping(saved, recognised) : recognised;
  // The room the headline's forecast needs, made before the reading's ids use it (keptRoom.ts).
  KEPT_BYTES.reserve(forecastRoomBytes(source.rows.length));
  const reading = yield* pipelineReadingSteps(source.rows, mapping, {
    stageTable: stageTableOf(settings),
    probabilityScale: settings.probabilityScale,
    dayFirst: dayFirstOf(settings),
    header: source.headers,
    language: words.language,
  });
  const report = yield* reportSteps(source, reading, words);
  return {
    source,
    sourceKey: key,
    mapping,
    mappingNote,
    missing: missingFields(mapping, PIPELINE_FIELDS, words.language),
    reading,
    report,
    headline: yield* forecastFiguresSteps(reading.table, objective),
  };
}

/** The reading's issues as report lines with their addresses (a table may have one a row). */
function* reportSteps(
  source: SourceData,
  reading: PipelineReading,
  { t, language }: Words
): Steps<ReportLine[]> {
  const width = source.headers.length;
  const report: ReportLine[] = [];
  for (const issue of reading.issues) {
    const row = source.row + 1 + issue.row;
    const address =
      issue.col === null
        ? rangeAddress(source.sheet, row, source.col, 1, width)
        : cellAddress(source.sheet, row, source.col + issue.col);
    report.push({ address, text: issueText(issue, address, language), kind: issue.kind });
    if (report.length % STEP_ROWS === 0) yield;
  }
  // Rows under a blank row that do not look like deals ended the table: said, never dropped silently.
  const below = source.leftOut;
  if (below) {
    const address = rangeAddress(
      source.sheet,
      below.first,
      source.col,
      below.last - below.first + 1,
      width
    );
    const text =
      below.first === below.last
        ? t("pipeline.report.belowOne", { row: String(below.first + 1) })
        : t("pipeline.report.belowMany", {
            first: String(below.first + 1),
            last: String(below.last + 1),
          });
    report.push({ address, text, kind: "below" });
  }
  return report;
}

/**
 * The handbook's warning for the pipeline's Issues column: open deals (opportunities; a won deal is
 * history) on product ranges the matrix puts in the Harvest / divest zone (names as rangeKey) are
 * flagged, never hidden — the same deals the Matrix tab counts. By deal row.
 */
export function harvestIssues(
  deals: Deals,
  harvest: ReadonlySet<string>,
  { language }: Pick<Words, "language"> = ENGLISH_WORDS
): Map<number, string> {
  return new Map(
    dealsOnRanges(deals, harvest).map((d) => [d.row, harvestWarning(d.product!, language)])
  );
}

/** Each kind of change between two snapshots, by its message (the English is CHANGE_LABELS'). */
const CHANGE_KEYS: Readonly<Record<ChangeKind, MessageKey>> = {
  new: "pipeline.change.new",
  removed: "pipeline.change.removed",
  won: "pipeline.change.won",
  lost: "pipeline.change.lost",
  omitted: "pipeline.change.omitted",
  reopened: "pipeline.change.reopened",
  "slipped out": "pipeline.change.slippedOut",
  "pulled in": "pipeline.change.pulledIn",
  "amount up": "pipeline.change.amountUp",
  "amount down": "pipeline.change.amountDown",
  "probability up": "pipeline.change.probabilityUp",
  "probability down": "pipeline.change.probabilityDown",
  unchanged: "pipeline.change.unchanged",
};

/**
 * A kind of change as the history and its waterfall name it; narrowed to a period ("Slipped out of
 * 2027-Q1") when the comparison is.
 */
export function changeLabel(
  kind: ChangeKind,
  period: string | null = null,
  { t }: Words = ENGLISH_WORDS
): string {
  if (period && kind === "slipped out") return t("pipeline.change.slippedOutOf", { period });
  if (period && kind === "pulled in") return t("pipeline.change.pulledInto", { period });
  return t(CHANGE_KEYS[kind]);
}
