/**
 * The matrix view's model, without React or Office: from what was read (a product-range table, or
 * CarnetPipeline and the user's market figures) and the workbook's settings to the mapping, the ranges,
 * the data-quality report with cell addresses, the classification, the handbook's warning, and the
 * nine-box grid's geometry and keyboard order.
 */
import type { AbcShares } from "../domain/abc";
import {
  type ColumnMapping,
  PIPELINE_FIELDS,
  PORTFOLIO_FIELDS,
  type PortfolioField,
  recogniseColumns,
} from "../domain/columns";
import type { Deal } from "../domain/deal";
import { harvestOpportunities } from "../domain/harvest";
import {
  type Cuts,
  type Level,
  nineBoxCellIn,
  type Zone,
  zoneName as zoneNameIn,
} from "../domain/matrix";
import {
  DEFAULT_MATRIX_SETTINGS,
  DEFAULT_STRENGTH_CUTS,
  type MatrixSettings,
  settingsProblem,
  type StrengthMeasure,
} from "../domain/matrixSettings";
import { readPipelineRows } from "../domain/pipelineTable";
import { type MatrixRow, nineBoxContents, portfolioMatrix } from "../domain/portfolioMatrix";
import { portfolioMappingProblems, readPortfolioRows } from "../domain/productRangeTable";
import type { ProductRange } from "../domain/productRanges";
import {
  type MarketFigures,
  rangesFromWonDeals,
  unassignedWonDeals,
} from "../domain/rangesFromWonDeals";
import { cellAddress, rangeAddress } from "../excel/plan/a1";
import { currencyFormatFor } from "../excel/plan/currencyFormat";
import { type MatrixBuild, matrixRowAddress } from "../excel/plan/matrixPlan";
import type { CarnetSettings } from "../excel/plan/settings";
import { type SourceChoice, type SourceData, sourceKey } from "../excel/plan/source";
import { readAmount, readNumber } from "../domain/values";
import type { MessageKey } from "./i18n/messages";
import { ENGLISH_WORDS, type Words } from "./words";

// ---------------------------------------------------------------------------------------------------------------
// Settings kept in the workbook

/** The workbook settings key under which the matrix keeps its choices. */
export const MATRIX_KEY = "matrix";

export type MatrixOrigin = "table" | "won";

/** What the matrix keeps in the workbook's settings (`settings.matrix`). */
export interface StoredMatrixSettings {
  readonly strengthCuts?: Cuts;
  readonly abcShares?: AbcShares;
  readonly measure?: StrengthMeasure;
  /** Column mapping the user confirmed, for the table at `mappingFor` (its table name or address). */
  readonly mapping?: Partial<ColumnMapping<PortfolioField>>;
  readonly mappingFor?: string;
  /** The user's market figures by range name, for ranges built from won deals. */
  readonly marketFigures?: Readonly<Record<string, MarketFigures>>;
  /** The product-range table read last. */
  readonly source?: SourceChoice;
  readonly origin?: MatrixOrigin;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** The matrix's settings as stored, keeping only what has the right shape (a damaged setting is ignored). */
export function storedMatrix(settings: CarnetSettings): StoredMatrixSettings {
  const raw = settings[MATRIX_KEY];
  if (!isObject(raw)) return {};
  const out: { -readonly [K in keyof StoredMatrixSettings]: StoredMatrixSettings[K] } = {};
  const cuts = raw.strengthCuts;
  if (isObject(cuts) && isNumber(cuts.low) && isNumber(cuts.high))
    out.strengthCuts = { low: cuts.low, high: cuts.high };
  const abc = raw.abcShares;
  if (isObject(abc) && isNumber(abc.a) && isNumber(abc.b)) out.abcShares = { a: abc.a, b: abc.b };
  if (raw.measure === "share" || raw.measure === "relative") out.measure = raw.measure;
  if (isObject(raw.mapping)) {
    const mapping: Partial<Record<PortfolioField, number | null>> = {};
    for (const spec of PORTFOLIO_FIELDS) {
      const col = raw.mapping[spec.field];
      if (col === null || (isNumber(col) && Number.isInteger(col) && col >= 0))
        mapping[spec.field] = col;
    }
    out.mapping = mapping;
  }
  if (typeof raw.mappingFor === "string") out.mappingFor = raw.mappingFor;
  if (isObject(raw.marketFigures)) {
    const figures: Record<string, MarketFigures> = {};
    for (const [name, given] of Object.entries(raw.marketFigures)) {
      if (!isObject(given)) continue;
      const entry: Record<string, number | null> = {};
      for (const key of ["marketVolume", "volume", "margin", "marketShare", "leaderShare"]) {
        const value = given[key];
        if (isNumber(value) || value === null) entry[key] = value;
      }
      figures[name] = entry as MarketFigures;
    }
    out.marketFigures = figures;
  }
  if (isObject(raw.source)) {
    const source = raw.source;
    if (source.kind === "table" && typeof source.name === "string")
      out.source = { kind: "table", name: source.name };
    if (source.kind === "range" && typeof source.address === "string")
      out.source = { kind: "range", address: source.address };
    if (
      source.kind === "region" &&
      typeof source.sheet === "string" &&
      typeof source.cell === "string"
    )
      out.source = { kind: "region", sheet: source.sheet, cell: source.cell };
  }
  if (raw.origin === "table" || raw.origin === "won") out.origin = raw.origin;
  return out;
}

/** The settings to save: the stored ones with `changes` merged, under the matrix's key. */
export function matrixSettingsChange(
  settings: CarnetSettings,
  changes: Partial<StoredMatrixSettings>
): Partial<CarnetSettings> {
  return { [MATRIX_KEY]: { ...storedMatrix(settings), ...changes } };
}

/** The classification settings, with the defaults for what was never set. */
export function matrixSettingsOf(stored: StoredMatrixSettings): MatrixSettings {
  const measure = stored.measure ?? DEFAULT_MATRIX_SETTINGS.measure;
  return {
    measure,
    strengthCuts: stored.strengthCuts ?? DEFAULT_STRENGTH_CUTS[measure],
    abcShares: stored.abcShares ?? DEFAULT_MATRIX_SETTINGS.abcShares,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

export interface MatrixReportLine {
  /** The cell or row to select; null when the problem has no cell (a figure the user gave in the pane). */
  readonly address: string | null;
  readonly text: string;
}

export interface MatrixAnalysis {
  readonly origin: MatrixOrigin;
  /** The product-range table, or CarnetPipeline when the ranges come from won deals. */
  readonly source: SourceData;
  /** How the settings remember the table's mapping: its table name, else its address. */
  readonly sourceKey: string;
  /** The table's columns (all null for won deals). */
  readonly mapping: ColumnMapping<PortfolioField>;
  /** What stops the matrix (columns missing, settings wrong); empty when it can be built. */
  readonly problems: string[];
  readonly settings: MatrixSettings;
  readonly ranges: ProductRange[];
  /** Data rows read as totals and left out (table origin). */
  readonly totalRows: number[];
  /** Won deals left out because they name no product (won origin). */
  readonly unassigned: number;
  readonly report: MatrixReportLine[];
  /** The classification, in the ranges' order; empty when `problems` is not. */
  readonly rows: MatrixRow[];
}

const NO_MAPPING = Object.fromEntries(
  PORTFOLIO_FIELDS.map((s) => [s.field, null])
) as ColumnMapping<PortfolioField>;

function classify(
  ranges: ProductRange[],
  settings: MatrixSettings,
  problems: string[]
): MatrixRow[] {
  if (problems.length > 0 || ranges.length === 0) return [];
  return portfolioMatrix(ranges, settings);
}

/**
 * A product-range table read from the workbook: mapping (the user's, else recognised), ranges, report.
 * The report's sentences and the reading's problems (the domain's catalogue) are in `words`' language.
 */
export function analyseRangeTable(
  source: SourceData,
  stored: StoredMatrixSettings,
  { t, language }: Words = ENGLISH_WORDS
): MatrixAnalysis {
  const key = sourceKey(source);
  const recognised = recogniseColumns(source.headers, PORTFOLIO_FIELDS);
  // The user's choices win; a field they never set (one added since, say) keeps its recognised column.
  const mapping: ColumnMapping<PortfolioField> =
    stored.mappingFor === key && stored.mapping ? { ...recognised, ...stored.mapping } : recognised;
  const settings = matrixSettingsOf(stored);
  const problems = portfolioMappingProblems(mapping, settings.measure, language);
  const problem = settingsProblem(settings, { language });
  if (problem) problems.push(problem);
  const width = source.headers.length;
  const where = (row: number, col: number | null) =>
    col === null
      ? rangeAddress(source.sheet, source.row + 1 + row, source.col, 1, width)
      : cellAddress(source.sheet, source.row + 1 + row, source.col + col);
  const reading =
    mapping.range === null ? null : readPortfolioRows(source.rows, mapping, { where, language });
  const ranges = reading?.ranges ?? [];
  const report: MatrixReportLine[] = (reading?.issues ?? []).map((issue) => ({
    address: where(issue.row, issue.col),
    text: issue.message,
  }));
  for (const row of reading?.totalRows ?? []) {
    const address = where(row, null);
    report.push({ address, text: t("matrix.report.total", { address }) });
  }
  const below = source.leftOut;
  if (below)
    report.push({
      address: rangeAddress(
        source.sheet,
        below.first,
        source.col,
        below.last - below.first + 1,
        width
      ),
      text:
        below.first === below.last
          ? t("matrix.report.belowOne", { row: String(below.first + 1) })
          : t("matrix.report.belowMany", {
              first: String(below.first + 1),
              last: String(below.last + 1),
            }),
    });
  return {
    origin: "table",
    source,
    sourceKey: key,
    mapping,
    problems,
    settings,
    ranges,
    totalRows: reading?.totalRows ?? [],
    unassigned: 0,
    report,
    rows: classify(ranges, settings, problems),
  };
}

/** The deals of CarnetPipeline (or any pipeline table), read with recognised columns. */
export function pipelineDealsOf(pipeline: SourceData): Deal[] {
  return readPipelineRows(pipeline.rows, recogniseColumns(pipeline.headers, PIPELINE_FIELDS)).deals;
}

function pipelineRowAddress(pipeline: SourceData, row: number): string {
  return rangeAddress(
    pipeline.sheet,
    pipeline.row + 1 + row,
    pipeline.col,
    1,
    pipeline.headers.length
  );
}

/** Ranges built from CarnetPipeline's won deals and the market figures the user typed in the pane. */
export function analyseWonDeals(
  pipeline: SourceData,
  stored: StoredMatrixSettings,
  { t, language }: Words = ENGLISH_WORDS
): MatrixAnalysis {
  const deals = pipelineDealsOf(pipeline);
  const market = new Map(Object.entries(stored.marketFigures ?? {}));
  const ranges = rangesFromWonDeals(deals, market, language);
  const settings = matrixSettingsOf(stored);
  const problems: string[] = [];
  const problem = settingsProblem(settings, { language });
  if (problem) problems.push(problem);
  if (settings.measure === "relative") problems.push(t("matrix.problem.relativeFromWon"));
  const report: MatrixReportLine[] = ranges.flatMap((range) =>
    range.issues.map((text) => ({ address: null, text }))
  );
  const unassigned = unassignedWonDeals(deals);
  if (unassigned.length > 0)
    report.push({
      address: pipelineRowAddress(pipeline, unassigned[0].row),
      text: t("matrix.report.unassigned", { count: unassigned.length }),
    });
  return {
    origin: "won",
    source: pipeline,
    sourceKey: sourceKey(pipeline),
    mapping: NO_MAPPING,
    problems,
    settings,
    ranges,
    totalRows: [],
    unassigned: unassigned.length,
    report,
    rows: classify(ranges, settings, problems),
  };
}

/** What "Build matrix" hands the Excel side. */
export function matrixBuildOf(analysis: MatrixAnalysis, stamp: string): MatrixBuild {
  const table = analysis.origin === "table";
  return {
    ranges: analysis.ranges,
    settings: analysis.settings,
    source: table ? { data: analysis.source, mapping: analysis.mapping } : null,
    stamp,
    // The margin's format first, then the sales'; whole units. No source table: a plain number.
    currencyFormat: table
      ? currencyFormatFor(analysis.source, [analysis.mapping.margin, analysis.mapping.sales], 0)
      : currencyFormatFor(null, [], 0),
    wonDealsFrom: table ? undefined : analysis.source.address,
  };
}

/**
 * Where selecting a range takes the user: its CarnetMatrix row once the matrix is built (the pane then shows
 * what the sheet says), else its row in the source table; null for a range built from won deals before a build.
 */
export function rangeRowAddress(
  analysis: MatrixAnalysis,
  index: number,
  builtSheet: string | null
): string | null {
  if (builtSheet !== null) return matrixRowAddress(builtSheet, index, analysis.settings.measure);
  if (analysis.origin !== "table") return null;
  const { source } = analysis;
  const range = analysis.ranges[index];
  return rangeAddress(
    source.sheet,
    source.row + 1 + range.row,
    source.col,
    1,
    source.headers.length
  );
}

// ---------------------------------------------------------------------------------------------------------------
// What the user types in the pane

export type InputReading = { readonly value: number } | { readonly problem: string };

/**
 * A percentage typed in a percent field: "10" and "10 %" are both 10 % (0.1), "7,5" is 7.5 %; the domain's
 * reading rules otherwise ("1,000" is ambiguous, and said so).
 */
export function readPercentInput(
  text: string,
  { t, language }: Words = ENGLISH_WORDS
): InputReading {
  const reading = readNumber(text, { language });
  if (reading.kind === "blank") return { problem: t("app.input.blank") };
  if (reading.kind === "error") return { problem: `${reading.shown} ${reading.problem}` };
  return { value: text.includes("%") ? reading.value : Number(`${reading.value}e-2`) };
}

/** A plain number typed in the pane (a relative share's cut-off, a volume, a margin such as "12 500 €"). */
export function readNumberInput(
  text: string,
  allowPercent = true,
  { t, language }: Words = ENGLISH_WORDS
): InputReading {
  // The domain says why in the pane's language: "dix n'est pas un nombre" in French.
  const reading = allowPercent ? readNumber(text, { language }) : readAmount(text, { language });
  if (reading.kind === "blank") return { problem: t("app.input.blank") };
  if (reading.kind === "error") return { problem: `${reading.shown} ${reading.problem}` };
  return { value: reading.value };
}

/** How a fraction shows in a percent field: 0.1 → "10", 0.075 → "7.5". */
export function percentInputText(value: number): string {
  return String(Number((value * 100).toPrecision(12)));
}

// ---------------------------------------------------------------------------------------------------------------
// The handbook's warning

export interface HarvestLine {
  /** The deal's row in CarnetPipeline. */
  readonly address: string;
  readonly range: string;
  readonly amount: number | null;
  readonly text: string;
}

export interface HarvestGroup {
  readonly range: string;
  readonly lines: readonly HarvestLine[];
  /** Σ of the deals' amounts (deals without one add nothing). */
  readonly amount: number;
}

/** The warning's lines by range, largest amount first: a manager reads ranges, then opens the deals. */
export function harvestGroups(lines: readonly HarvestLine[]): HarvestGroup[] {
  const groups = new Map<string, HarvestLine[]>();
  for (const line of lines) groups.set(line.range, [...(groups.get(line.range) ?? []), line]);
  return [...groups]
    .map(([range, members]) => ({
      range,
      lines: members,
      amount: members.reduce((sum, l) => sum + (l.amount ?? 0), 0),
    }))
    .sort((a, b) => b.amount - a.amount || a.range.localeCompare(b.range));
}

/** Open deals in CarnetPipeline on ranges in the Harvest / divest zone: "opportunities that may not fit the plan". */
export function harvestLines(
  rows: readonly MatrixRow[],
  pipeline: SourceData | null,
  { t, formats }: Words = ENGLISH_WORDS
): HarvestLine[] {
  if (!pipeline || rows.length === 0) return [];
  return harvestOpportunities(pipelineDealsOf(pipeline), rows).map(({ deal, range }) => {
    const who = deal.company ?? deal.id ?? t("matrix.harvest.aDeal");
    const params = { who, range, amount: formats.amount(deal.amount) };
    return {
      address: pipelineRowAddress(pipeline, deal.row),
      range,
      amount: deal.amount,
      text: t(deal.amount === null ? "matrix.harvest.line" : "matrix.harvest.lineAmount", params),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// What the pane says about a range

/** A range's figures in words, for the grid's details and its items' accessible names. */
export function rangeFigures(
  row: MatrixRow,
  measure: StrengthMeasure,
  { t, formats, locale }: Words = ENGLISH_WORDS
): string {
  const r = row.range;
  const twoDecimals = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const relative = row.relativeShare === null ? "–" : twoDecimals.format(row.relativeShare);
  const parts = [
    t("matrix.figures.share", { value: formats.percent(r.marketShare) }),
    ...(measure === "relative" ? [t("matrix.figures.relative", { value: relative })] : []),
    t("matrix.figures.margin", { value: formats.amount(r.margin) }),
    t("matrix.figures.class", { value: row.abc ?? "–" }),
  ];
  if (r.sales !== null) parts.push(t("matrix.figures.sales", { value: formats.amount(r.sales) }));
  return parts.join(", ");
}

// ---------------------------------------------------------------------------------------------------------------
// The nine-box grid's geometry (SVG user units) and keyboard order

export interface NineBoxItem {
  readonly row: MatrixRow;
  /** Position in the keyboard order (0-based). */
  readonly order: number;
  readonly x: number;
  readonly y: number;
  /** The name as drawn: wrapped on up to two lines, the second shortened to fit the cell. */
  readonly label: string;
  readonly lines: readonly string[];
  /** Height taken in the cell (one line or two). */
  readonly height: number;
}

export interface NineBoxCell {
  readonly strength: Level;
  readonly attractiveness: Level;
  /** The domain's cell and zone (English, as MATRIX_QUADRANT returns them)… */
  readonly cell: string;
  readonly zone: Zone;
  /** …and as the pane names them, in its language. */
  readonly cellName: string;
  readonly zoneName: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The cell's name as the pane says it, wrapped to the cell's width. */
  readonly nameLines: string[];
  readonly items: NineBoxItem[];
}

export interface NineBoxLayout {
  readonly width: number;
  readonly height: number;
  readonly cells: NineBoxCell[];
  /** Every placed range, in reading order: row by row (High first), Weak to Strong, then sheet order. */
  readonly order: MatrixRow[];
  /** Ranges that have no cell (no strength or no margin: unplacedReason says which). */
  readonly unplaced: MatrixRow[];
  readonly columns: { readonly text: string; readonly x: number }[];
  readonly rows: { readonly text: string; readonly y: number }[];
  readonly top: number;
  readonly left: number;
}

/** The geometry's constants: the SVG scales to the pane's width, these are its user units. */
export const NINE_BOX_GEOMETRY = {
  width: 300,
  left: 18,
  top: 16,
  padding: 4,
  lineHeight: 12,
  itemHeight: 16,
  minRowHeight: 76,
  charsPerLine: 15,
  labelChars: 14,
  labelLines: 2,
  labelLineHeight: 11,
} as const;

/** A range's name on at most `most` lines of `max` characters; what does not fit ends in "…". */
export function labelLines(name: string, max: number, most: number): string[] {
  const lines = wrapWords(name, max).map((line) => shorten(line, max));
  if (lines.length <= most) return lines;
  const kept = lines.slice(0, most);
  // Greedy wrapping put the next word on a new line because it did not fit: the last kept line
  // plus it is longer than `max`, so shortening always shows the "…".
  kept[most - 1] = shorten(`${kept[most - 1]} ${lines[most]}`, max);
  return kept;
}

/** Greedy word wrap to at most `max` characters per line (a longer word keeps its own line). */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

function shorten(name: string, max: number): string {
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------------------------
// The matrix's words in the pane's language (cell and zone names are domain/matrix.ts's, in either language)

const LEVEL_KEYS: Readonly<Record<Level, MessageKey>> = {
  High: "matrix.level.high",
  Medium: "matrix.level.medium",
  Low: "matrix.level.low",
};
const STRENGTH_KEYS: Readonly<Record<Level, MessageKey>> = {
  High: "matrix.strength.strong",
  Medium: "matrix.strength.medium",
  Low: "matrix.strength.weak",
};
/** An attractiveness level as the grid's rows say it: High, Medium, Low. */
export function levelName(level: Level, { t }: Words = ENGLISH_WORDS): string {
  return t(LEVEL_KEYS[level]);
}

/** A strength level as the grid's columns say it: Strong, Medium, Weak. */
export function strengthName(level: Level, { t }: Words = ENGLISH_WORDS): string {
  return t(STRENGTH_KEYS[level]);
}

/** A zone's name in the pane's language: the domain's (MATRIX_QUADRANT writes the same words). */
export function zoneName(zone: Zone, { language }: Words = ENGLISH_WORDS): string {
  return zoneNameIn(zone, language);
}

/** The nine-box cell's name for a range's strength and attractiveness, the domain's in the pane's language. */
export function cellName(
  strength: Level,
  attractiveness: Level,
  { language }: Words = ENGLISH_WORDS
): string {
  return nineBoxCellIn(language, strength, attractiveness);
}

const LEVELS: readonly Level[] = ["High", "Medium", "Low"];
/** Strength columns from the left: Weak to Strong, as the bubble chart's market share axis grows to the right. */
const STRENGTHS: readonly Level[] = ["Low", "Medium", "High"];

/**
 * The grid: attractiveness rows High, Medium, Low from the top, strength columns Weak, Medium, Strong from the
 * left. domain.md's table puts Strong on the left; the pane follows the bubble chart beside it instead, whose
 * x axis is the market share, so that Strong is on the right in both. Each row is as tall as its fullest cell
 * needs.
 */
export function nineBoxLayout(
  rows: readonly MatrixRow[],
  words: Words = ENGLISH_WORDS
): NineBoxLayout {
  const g = NINE_BOX_GEOMETRY;
  const cellWidth = (g.width - g.left) / 3;
  const contents = nineBoxContents(rows);

  const cells: NineBoxCell[] = [];
  const order: MatrixRow[] = [];
  const rowLabels: { text: string; y: number }[] = [];
  let y = g.top;
  for (const attractiveness of LEVELS) {
    const boxes = STRENGTHS.map((strength) =>
      contents.find((b) => b.attractiveness === attractiveness && b.strength === strength)!
    );
    const names = boxes.map((b) =>
      wrapWords(cellName(b.strength, b.attractiveness, words), g.charsPerLine)
    );
    const nameHeight = Math.max(...names.map((n) => n.length)) * g.lineHeight;
    const headerHeight = g.padding + nameHeight + g.lineHeight + g.padding; // the name, then the zone
    const itemLines = (row: MatrixRow) => labelLines(row.range.name, g.labelChars, g.labelLines);
    const itemHeight = (lines: readonly string[]) =>
      g.itemHeight + (lines.length - 1) * g.labelLineHeight;
    const tallest = Math.max(
      ...boxes.map((b) => b.rows.reduce((h, r) => h + itemHeight(itemLines(r)), 0))
    );
    const height = Math.max(g.minRowHeight, headerHeight + tallest + g.padding);
    boxes.forEach(({ rows: inside, ...box }, c) => {
      const x = g.left + c * cellWidth;
      let itemY = y + headerHeight;
      const items = inside.map((row) => {
        order.push(row);
        const lines = itemLines(row);
        const item = {
          row,
          order: order.length - 1,
          x: x + g.padding,
          y: itemY,
          label: lines.join(" "),
          lines,
          height: itemHeight(lines),
        };
        itemY += item.height;
        return item;
      });
      cells.push({
        ...box,
        cellName: names[c].join(" "),
        zoneName: zoneName(box.zone, words),
        x,
        y,
        width: cellWidth,
        height,
        nameLines: names[c],
        items,
      });
    });
    rowLabels.push({ text: levelName(attractiveness, words), y: y + height / 2 });
    y += height;
  }
  return {
    width: g.width,
    height: y,
    cells,
    order,
    unplaced: rows.filter((r) => r.strength === null || r.attractiveness === null),
    columns: STRENGTHS.map((level, c) => ({
      text: strengthName(level, words),
      x: g.left + c * cellWidth + cellWidth / 2,
    })),
    rows: rowLabels,
    top: g.top,
    left: g.left,
  };
}

/**
 * Where a key moves the focus in the grid, spatially: ArrowLeft and ArrowRight go to the nearest range in that
 * direction across strength (the same attractiveness row first, then the nearest row), ArrowUp and ArrowDown to
 * the nearest range above or below (the next one in the same cell, else the nearest cell in the same strength
 * column, then the nearest column); Home and End go to the first and last range in reading order. The focus
 * stays where it is when nothing lies that way. `current` and the result are positions in `layout.order`; null
 * for other keys, or an empty grid.
 */
export function nextFocus(layout: NineBoxLayout, current: number, key: string): number | null {
  const items = layout.cells.flatMap((cell, c) =>
    cell.items.map((item) => ({
      order: item.order,
      row: Math.floor(c / 3),
      col: c % 3,
      y: item.y,
    }))
  );
  if (items.length === 0) return null;
  if (key === "Home") return 0;
  if (key === "End") return items.length - 1;
  const from = items.find((i) => i.order === current);
  if (!from) return null;
  type Spot = (typeof items)[number];
  const sameCell = (i: Spot) => i.row === from.row && i.col === from.col;
  const across = (i: Spot) => [
    Math.abs(i.row - from.row),
    Math.abs(i.col - from.col),
    Math.abs(i.y - from.y),
  ];
  const along = (i: Spot) => [
    Math.abs(i.col - from.col),
    Math.abs(i.row - from.row),
    Math.abs(i.y - from.y),
  ];
  const moves: Record<string, { toward: (i: Spot) => boolean; rank: (i: Spot) => number[] }> = {
    ArrowRight: { toward: (i) => i.col > from.col, rank: (i) => across(i) },
    ArrowLeft: { toward: (i) => i.col < from.col, rank: (i) => across(i) },
    ArrowDown: {
      toward: (i) => i.row > from.row || (sameCell(i) && i.y > from.y),
      rank: (i) => along(i),
    },
    ArrowUp: {
      toward: (i) => i.row < from.row || (sameCell(i) && i.y < from.y),
      rank: (i) => along(i),
    },
  };
  const move = moves[key];
  if (!move) return null;
  let best: { item: Spot; rank: number[] } | null = null;
  for (const item of items) {
    if (!move.toward(item)) continue;
    const rank = move.rank(item);
    if (best === null || before(rank, best.rank)) best = { item, rank };
  }
  return best?.item.order ?? current;
}

/** Lexicographic order of two rankings of the same length: whether `a` comes first. */
function before(a: readonly number[], b: readonly number[]): boolean {
  const k = a.findIndex((v, i) => v !== b[i]);
  return k >= 0 && a[k] < b[k];
}
