/**
 * What "Build forecast" writes, as plans for writeOwnedSheets: the normalised pipeline
 * (CarnetPipeline) and the forecast by period, owner and product, with a chart. Pure: no Office.js.
 *
 * Live or stamped: when the source is an Excel table whose deals all carry a close date and, when
 * open, their own probability, the period table's weighted total, P10/P50/P90 and probability of the
 * objective are =CARNET.… formulas over the source's columns, the forecast category (or stage) column
 * telling the formulas which deals are closed: editing a deal, or marking it won, updates the
 * forecast. Otherwise, and for the owner and product tables (the public functions filter by date
 * only), figures are values stamped with the time they were computed; the note says which.
 */
import type { ColumnMapping, PipelineField } from "../../domain/columns";
import { OPEN_CODES } from "../../domain/countingRows";
import {
  categoryOfCode,
  DEAL_TEXTS,
  type DealTable,
  type DealText,
  sourceCode,
  type Deals,
  dealTableOf,
} from "../../domain/dealTable";
import {
  type ForecastDimension,
  type ForecastRow,
  forecastTablesSteps,
  NO_KEY,
} from "../../domain/forecast";
import { runSteps, type Steps } from "../../domain/steps";
import type { Language } from "../../domain/language";
import { periodKeyOf, periodLabel, periodLookup, type PeriodKind } from "../../domain/pipeline";
import type { CellValue } from "../../domain/values";
import { cellAddress, columnLetters, formulaRef } from "./a1";
import {
  type ChartPlan,
  type RowSource,
  SHEET_ROWS,
  type SheetPlan,
  type TablePlan,
  textCell,
} from "./sheetPlan";
import type { SourceData } from "./source";
import { FORECAST_NOTES, FORECAST_WORDS, inWorkbookLanguage } from "./workbookText";

export const PIPELINE_SHEET = "Carnet Pipeline";
export const FORECAST_SHEET = "Carnet Forecast";
export const PIPELINE_TABLE = "CarnetPipeline";

export const PIPELINE_COLUMNS = [
  "Id",
  "Close date",
  "Company",
  "Contact",
  "Product",
  "Amount",
  "Probability",
  "Weighted amount",
  "Owner",
  "Stage",
  "Forecast category",
  "Period",
  "Source cell",
  "Issues",
] as const;

const FIGURE_COLUMNS = [
  "Deals",
  "Unweighted total",
  "Weighted total",
  "Commit",
  "Best case",
  "Won",
  "P10",
  "P50",
  "P90",
  "P10–P90 spread",
  "Objective",
  "Coverage",
  "Probability of objective",
  // Values the probability of objective was computed with: its formula is one formula in every
  // row (Excel's calculated columns copy a table column's formula over the column), so the row's
  // own figures live in cells, not in the formula. Added after the others: formulas on them stay.
  "Objective at build",
  "Probability at build",
] as const;

export const FORECAST_TABLES: Record<ForecastDimension, { name: string; key: string }> = {
  period: { name: "CarnetForecastByPeriod", key: "Period" },
  owner: { name: "CarnetForecastByOwner", key: "Owner" },
  product: { name: "CarnetForecastByProduct", key: "Product" },
};

export function forecastColumns(dimension: ForecastDimension): string[] {
  const key = FORECAST_TABLES[dimension].key;
  return dimension === "period"
    ? [key, "Start", "End", ...FIGURE_COLUMNS]
    : [key, ...FIGURE_COLUMNS];
}

export interface ForecastBuild {
  readonly source: SourceData;
  readonly mapping: ColumnMapping<PipelineField>;
  /** The deals as read: the reading's table (a large pipeline), or objects. */
  readonly deals: Deals;
  readonly periodKind: PeriodKind;
  /** Objectives the user typed last time, by table name then row key. */
  readonly objectives?: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Extra words for a deal's Issues column (e.g. the matrix's harvest/divest warning), by deal row. */
  readonly extraIssues?: ReadonlyMap<number, string>;
  /** The time written in the note, e.g. "2026-11-26 10:04". */
  readonly stamp: string;
  /** Excel's number format for amounts, from the workbook when it has one. */
  readonly currencyFormat: string;
  /** How the pane read the cells; the functions read them as typed, so live formulas need the defaults. */
  readonly probabilityScale?: "fraction" | "points";
  readonly dayFirst?: boolean;
  /** The workbook's language (host/language.ts decides it): headers, periods and notes; English when not given. */
  readonly language?: Language;
}

export interface ForecastPlans {
  readonly plans: SheetPlan[];
  readonly live: boolean;
  readonly rows: Record<ForecastDimension, ForecastRow[]>;
}

const DATE_FORMAT = "yyyy-mm-dd";
const PERCENT = "0%";

/**
 * Whether the period table can be live formulas over the source (see the module comment): the CARNET
 * functions read the cells as typed, so the pane must have read them the same way — no cell it could
 * not read, no percentage-points or day-first reading chosen in the pane — or a live cell would show
 * #VALUE! where the pane showed a figure.
 */
export function canBeLive(
  build: Pick<ForecastBuild, "source" | "mapping" | "deals" | "probabilityScale" | "dayFirst">
): boolean {
  const { source, mapping } = build;
  return (
    source.kind === "table" &&
    mapping.amount !== null &&
    mapping.probability !== null &&
    mapping.closeDate !== null &&
    build.probabilityScale !== "points" &&
    !(build.dayFirst && someCloseDateIsText(source, mapping.closeDate)) &&
    everyDealReadAsTyped(dealTableOf(build.deals), statusField(mapping))
  );
}

/**
 * Whether a close date is typed as text: only those are read day first (a French workbook's default),
 * and the CARNET functions read text dates without that choice. Dates Excel stores read alike.
 */
function someCloseDateIsText(source: SourceData, closeDate: number): boolean {
  return source.rows.some((row) => typeof row[closeDate] === "string" && row[closeDate] !== "");
}

/** Whether the CARNET functions, reading the cells as typed, see every deal as the pane read it. */
function everyDealReadAsTyped(table: DealTable, status: "category" | "stage" | null): boolean {
  const c = table.columns;
  const open = OPEN_CODES;
  const [deal, stage] = [sourceCode("deal"), sourceCode("stage")];
  if (c.issues.size > 0) return false;
  for (let i = 0; i < table.length; i++) {
    if (
      (open[c.categories[i]] === 1 && c.probabilitySources[i] !== deal) ||
      // The formulas read one status column: a category the pane took from the stage because
      // the category cell was blank would be open to them.
      (status === "category" && c.categorySources[i] === stage) ||
      c.amounts[i] !== c.amounts[i] ||
      // An undated deal's period row has no Start and End to bound a formula: its figures would
      // be values in columns of formulas, which Excel's calculated columns overwrite.
      c.closeDates[i] !== c.closeDates[i]
    )
      return false;
  }
  return true;
}

/** The column the live formulas read to leave closed deals out: the category, else the stage. */
function statusField(mapping: ColumnMapping<PipelineField>): "category" | "stage" | null {
  if (mapping.category !== null) return "category";
  return mapping.stage !== null ? "stage" : null;
}

export function buildForecastPlans(build: ForecastBuild): ForecastPlans {
  return runSteps(forecastPlansSteps(build));
}

/**
 * buildForecastPlans in steps (domain/steps.ts), for a caller that pauses between them (the host
 * writing the forecast for the pane). CarnetPipeline's rows are not made here: the write makes them.
 */
export function* forecastPlansSteps(build: ForecastBuild): Steps<ForecastPlans> {
  const live = canBeLive(build);
  const dimensions: ForecastDimension[] = ["period", "owner", "product"];
  const rows = yield* forecastTablesSteps(build.deals, dimensions, (dimension) => ({
    periodKind: build.periodKind,
    objectives: build.objectives?.get(FORECAST_TABLES[dimension].name),
  }));
  const tables: TablePlan[] = [];
  let col = 0;
  for (const dimension of dimensions) {
    const table = forecastTable(build, dimension, rows[dimension], col, live);
    tables.push(table);
    col += table.headers.length + 1;
  }
  const pipeline = pipelineTable(build, dealTableOf(build.deals));
  const language = build.language ?? "en";
  const plans: SheetPlan[] = [
    {
      sheet: PIPELINE_SHEET,
      note: FORECAST_NOTES[language].pipeline(build.stamp, build.source.address),
      tables: [pipeline],
      // Below a note and a blank row when the sheet has room; else from A1, the note beside the header.
      noteAt: pipeline.row === 0 ? { row: 0, col: PIPELINE_COLUMNS.length + 1 } : undefined,
    },
    {
      sheet: FORECAST_SHEET,
      note: forecastNote(build, live),
      tables,
      charts: forecastChart(rows.period),
    },
  ];
  return { plans: plans.map((plan) => inWorkbookLanguage(plan, language)), live, rows };
}

/**
 * CarnetPipeline: the deals as read, one row each, with the weighted amount as a live formula. Its
 * header is on row 3, under the note, unless the deals need those rows (a full sheet: 1,048,575).
 * Its rows are made as the write asks for them, a block at a time (sheetPlan's RowSource).
 */
function pipelineTable(build: ForecastBuild, deals: DealTable): TablePlan {
  const row = pipelineHeaderRow(deals.length);
  const byHeader: Partial<Record<(typeof PIPELINE_COLUMNS)[number], string>> = {
    "Close date": DATE_FORMAT,
    Amount: build.currencyFormat,
    Probability: PERCENT,
    "Weighted amount": build.currencyFormat,
  };
  return {
    name: PIPELINE_TABLE,
    headers: [...PIPELINE_COLUMNS],
    rows: pipelineRows(build, deals, row + 2),
    numberFormats: PIPELINE_COLUMNS.map((h) => byHeader[h] ?? null),
    row,
    col: 0,
    key: "Source cell",
  };
}

/**
 * CarnetPipeline's header row, 0-based: row 3 under the note and a blank row, or row 1 when the deals
 * need every row below it (the note then stands beside the header).
 */
export function pipelineHeaderRow(deals: number): number {
  return deals + 3 <= SHEET_ROWS ? 2 : 0;
}

/** The letter of a CarnetPipeline column (the table starts in column A). */
function pipelineLetter(header: (typeof PIPELINE_COLUMNS)[number]): string {
  return columnLetters(PIPELINE_COLUMNS.indexOf(header));
}

/**
 * countingRows' weighted amount as a formula on CarnetPipeline's row: amount × probability when the
 * deal is open (its category neither Won, Lost nor Omitted) and has both figures, else blank; so
 * that the column's total is the weighted total, and a probability typed over follows.
 */
export function weightedAmountFormula(sheetRow: number): string {
  return WEIGHTED_AMOUNT_PARTS.join(String(sheetRow));
}

const CLOSED_CATEGORIES = ["Won", "Lost", "Omitted"] as const;

/** The formula with `row` for its row number. */
function weightedAmountFormulaAt(row: string): string {
  const [amount, probability, category] = (
    ["Amount", "Probability", "Forecast category"] as const
  ).map((h) => `${pipelineLetter(h)}${row}`);
  const closed = CLOSED_CATEGORIES.map((c) => `${category}="${c}"`).join(",");
  return `=IF(AND(ISNUMBER(${amount}),ISNUMBER(${probability}),NOT(OR(${closed}))),${amount}*${probability},"")`;
}

/**
 * The formula's text around its row numbers, worked out once: a row's formula is one join, a flat
 * string (a template literal leaves a tree of pieces, three times the memory over a million rows).
 */
const WEIGHTED_AMOUNT_PARTS = weightedAmountFormulaAt("#").split("#");

/**
 * CarnetPipeline's rows, deal i on sheet row firstSheetRow + i (1-based), made when asked, with what
 * rows share worked out once: see RowTexts.
 */
function pipelineRows(build: ForecastBuild, deals: DealTable, firstSheetRow: number): RowSource {
  const texts = rowTexts(build);
  const fields = Object.fromEntries(DEAL_TEXTS.map((f) => [f, deals.text(f)])) as DealFields;
  return {
    length: deals.length,
    slice(start, end) {
      const rows: CellValue[][] = [];
      for (let i = start; i < Math.min(end, deals.length); i++)
        rows.push(pipelineRow(build, deals, fields, i, firstSheetRow + i, texts));
      return rows;
    },
  };
}

/** A deal's text fields, by deal index. */
type DealFields = Record<DealText, (i: number) => string | null>;

/** Most distinct texts RowTexts keeps: a column of a million different names is not kept whole. */
const MOST_KEPT_TEXTS = 100_000;

interface RowTexts {
  /** The text of a day's period, made once a day. */
  period(serial: number): string | null;
  /** The deal's cell in the source: the column's address made once, the row number added. */
  sourceCell(dealRow: number): string;
  /**
   * textCell for the texts that repeat down a column (companies, products, owners, stages,
   * categories): one string per distinct text, not one a row (a hundred megabytes at a million deals).
   */
  repeated(text: string | null): string | null;
}

function rowTexts({ source, periodKind, language = "en" }: ForecastBuild): RowTexts {
  const periodAt = periodLookup(periodKind);
  const periods = new Map<number, string | null>();
  const kept = new Map<string, string | null>();
  // cellAddress ends with the row number: row -1 is written 0, dropped to leave the column.
  const column = textCell(cellAddress(source.sheet, -1, source.col))!.slice(0, -1);
  return {
    period(serial) {
      let text = periods.get(serial);
      if (text === undefined)
        periods.set(serial, (text = textCell(periodLabel(periodAt(serial).key, language))));
      return text;
    },
    sourceCell: (dealRow) => [column, source.row + 2 + dealRow].join(""),
    repeated(text) {
      if (text === null) return null;
      let cell = kept.get(text);
      if (cell === undefined) {
        cell = textCell(text);
        if (kept.size < MOST_KEPT_TEXTS) kept.set(text, cell);
      }
      return cell;
    },
  };
}

/** Deal i's CarnetPipeline row, on 1-based sheet row `sheetRow`, read from the table's columns. */
function pipelineRow(
  build: ForecastBuild,
  deals: DealTable,
  fields: DealFields,
  i: number,
  sheetRow: number,
  texts: RowTexts
): CellValue[] {
  const { columns: c } = deals;
  const { id, company, contact, product, owner, stage } = fields;
  const row = deals.rowOf(i);
  const extra = build.extraIssues?.get(row);
  const found = c.issues.get(i) ?? [];
  const issues = extra === undefined ? found : [...found, extra];
  const closeDate = orNull(c.closeDates[i]);
  return [
    textCell(id(i)),
    closeDate,
    texts.repeated(company(i)),
    texts.repeated(contact(i)),
    texts.repeated(product(i)),
    orNull(c.amounts[i]),
    orNull(c.probabilities[i]),
    weightedAmountFormula(sheetRow),
    texts.repeated(owner(i)),
    texts.repeated(stage(i)),
    texts.repeated(categoryOfCode(c.categories[i])),
    closeDate === null ? null : texts.period(closeDate),
    texts.sourceCell(row),
    issues.length === 0 ? null : textCell(issues.join("; ") || null),
  ];
}

/** A figure of the table's columns as a cell: NaN (no figure) is a blank cell. */
function orNull(x: number): number | null {
  return x === x ? x : null;
}

/** CarnetForecastByPeriod / ByOwner / ByProduct, its header at row 3 of the sheet, from column `col`. */
function forecastTable(
  build: ForecastBuild,
  dimension: ForecastDimension,
  found: readonly ForecastRow[],
  col: number,
  live: boolean
): TablePlan {
  const headers = forecastColumns(dimension);
  const cellOf = (header: string, r: number) =>
    `${columnLetters(col + headers.indexOf(header))}${4 + r}`; // header on sheet row 3, data from row 4
  const liveArgs = live && dimension === "period" ? liveArguments(build) : null;
  return {
    name: FORECAST_TABLES[dimension].name,
    headers,
    rows: found.map((figures, r) =>
      forecastRow(
        figures,
        dimension,
        (header) => cellOf(header, r),
        figures.key === NO_KEY ? null : liveArgs,
        build.language ?? "en"
      )
    ),
    numberFormats: forecastFormats(headers, dimension, build.currencyFormat),
    row: 2,
    col,
    key: FORECAST_TABLES[dimension].key,
  };
}

/**
 * The live formulas' range arguments: the source table's amount, probability and date columns, and
 * the status column that leaves closed deals out (after the period bounds: the functions' last).
 */
function liveArguments({ source, mapping }: ForecastBuild): LiveArguments {
  const column = (col: number | null) =>
    formulaRef(source.sheet, source.row + 1, source.col + col!, source.rows.length, 1, true);
  const status = statusField(mapping);
  return {
    figures: `${column(mapping.amount)},${column(mapping.probability)}`,
    dates: column(mapping.closeDate),
    statuses: status === null ? "" : `,${column(mapping[status])}`,
  };
}

interface LiveArguments {
  readonly figures: string;
  readonly dates: string;
  /** "" or ",<range>": appended after a formula's period bounds. */
  readonly statuses: string;
}

/**
 * One row of a forecast table: stamped figures, or for a live period row CARNET formulas over the
 * source bounded by the row's Start and End. Coverage and the P10–P90 spread are formulas either way.
 */
function forecastRow(
  f: ForecastRow,
  dimension: ForecastDimension,
  cell: (header: string) => string,
  live: LiveArguments | null,
  language: Language
): CellValue[] {
  const words = FORECAST_WORDS[language];
  const objective = cell("Objective");
  const atBuild = cell("Objective at build");
  const remaining = `(${objective}-${cell("Won")})`;
  const args = live && `${live.figures}`;
  const dates = live && `${live.dates},${cell("Start")},${cell("End")}${live.statuses}`;
  const quantile = (q: number, stamped: number) =>
    live ? `=CARNET.PIPELINE_QUANTILE(${args},${q},${dates})` : stamped;
  return [
    textCell(rowKeyLabel(f.key, dimension, language)),
    ...(dimension === "period" ? [f.start ?? null, f.end ?? null] : []),
    f.deals,
    f.unweighted,
    live ? `=CARNET.WEIGHTED_PIPELINE(${args},${dates})` : f.weighted,
    f.commit,
    f.bestCase,
    f.won,
    quantile(0.1, f.p10),
    quantile(0.5, f.p50),
    quantile(0.9, f.p90),
    // The band the chart draws: derived from the two cells beside it, live when they are.
    `=${cell("P90")}-${cell("P10")}`,
    f.objective,
    `=IF(ISNUMBER(${objective}),IF(${remaining}<=0,"${words.met}",${cell("Unweighted total")}/${remaining}),"")`,
    live
      ? `=IF(ISNUMBER(${objective}),IF(${remaining}<=0,1,CARNET.PIPELINE_PROBABILITY(${args},${remaining},${dates})),"")`
      : // Stamped against the objective it was computed for: a new objective asks for a rebuild.
        `=IF(ISNUMBER(${objective}),IF(AND(ISNUMBER(${atBuild}),${objective}=${atBuild}),${cell("Probability at build")},"${words.rebuild}"),"")`,
    f.objective,
    f.objective === null ? null : (f.probabilityOfObjective ?? 0),
  ];
}

function forecastFormats(
  headers: readonly string[],
  dimension: ForecastDimension,
  currencyFormat: string
): (string | null)[] {
  const firstFigure = dimension === "period" ? 3 : 1;
  const figureFormat: Record<string, string> = {
    Deals: "0",
    Coverage: '0.00"×"',
    "Probability of objective": PERCENT,
    "Probability at build": PERCENT,
  };
  return headers.map((h, i) =>
    i < firstFigure
      ? h === "Start" || h === "End"
        ? DATE_FORMAT
        : null
      : (figureFormat[h] ?? currencyFormat)
  );
}

/** The line above the forecast tables: when the figures were computed, and whether they are live. */
function forecastNote({ stamp, source, language = "en" }: ForecastBuild, live: boolean): string {
  const notes = FORECAST_NOTES[language];
  if (live) return notes.live(stamp, source.address);
  return notes.stamped(stamp, source.address, source.kind === "table");
}

/** A forecast row's key as the table shows it: a period in the workbook's language, "(none)" in it too. */
function rowKeyLabel(key: string, dimension: ForecastDimension, language: Language): string {
  if (key === NO_KEY) return FORECAST_WORDS[language].none;
  return dimension === "period" ? periodLabel(key, language) : key;
}

/**
 * A forecast table's row key from the cell Carnet wrote (rowKeyLabel's inverse, either language): the
 * objectives typed on a French workbook's "T1 2027" row are the period 2027-Q1's.
 */
export function forecastRowKey(cell: string, dimension: ForecastDimension): string {
  if (cell === FORECAST_WORDS.en.none || cell === FORECAST_WORDS.fr.none) return NO_KEY;
  return dimension === "period" ? periodKeyOf(cell) : cell;
}

/**
 * The forecast by period, below the period table: the weighted and unweighted totals as lines over the
 * P10–P90 band, over the dated periods only (deals without a date have their own row in the table,
 * never a place on the time axis). A single period is drawn as bars: a line needs two points. No
 * chart when no deal has a date.
 */
function forecastChart(periods: readonly ForecastRow[]): ChartPlan[] {
  const dated = periods.filter((p) => p.key !== NO_KEY).length; // NO_KEY sorts last
  const common = {
    name: "CarnetForecastChart",
    table: FORECAST_TABLES.period.name,
    categories: "Period",
    rows: dated,
    at: { row: 2 + Math.max(periods.length + 1, 2) + 2, col: 0, rows: 16, cols: 8 },
  };
  if (dated === 0) return [];
  if (dated === 1)
    return [
      {
        ...common,
        type: "ColumnClustered",
        title: "Forecast: P10, weighted, P90 and unweighted totals",
        series: ["P10", "Weighted total", "P90", "Unweighted total"],
      },
    ];
  return [
    {
      ...common,
      type: "Line",
      title: "Forecast by period: weighted vs unweighted, P10–P90",
      // P10 as a see-through base with the spread stacked on it draws the P10–P90 band;
      // the weighted and unweighted totals are lines over it.
      series: ["P10", "P10–P90 spread", "Weighted total", "Unweighted total"],
      seriesTypes: ["AreaStacked", "AreaStacked", "LineMarkers", "LineMarkers"],
      seriesFill: ["none", "#C7E0F4", null, null],
    },
  ];
}
