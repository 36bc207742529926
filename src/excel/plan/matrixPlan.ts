/**
 * What "Build matrix" writes, as plans: the tables for writeOwnedSheets, and the two charts for the
 * matrix's own chart writer (matrix.ts), because a bubble chart needs x values, y values and sizes per
 * series, which owned.ts's ChartPlan cannot say. Pure: no Office.js.
 *
 * The "Carnet Matrix" sheet, from the top: the note (A1), then side by side from row 3:
 * - `CarnetMatrix`, the public table (matrixColumns(measure)), one row per range in the source's order;
 * - `CarnetMatrixSettings`: the strength cut-offs and the ABC shares, labelled, in cells the formulas
 *   reference (editing one reclassifies at once; the pane's settings win again at the next build);
 * - `CarnetMatrixChartData`: the bubble chart's points (x = strength, y = attractiveness 3/2/1 for
 *   A/B/C, size = sales) and each range's Pareto rank;
 * - `CarnetMatrixPareto`: the ranges with a positive margin sorted by margin, largest first, found
 *   through the live ranks (INDEX/MATCH), so that the Pareto chart stays sorted when a margin changes;
 * - `CarnetMatrixCutMarks`: four points marking the two cut-offs on the bubble chart;
 * then the bubble chart and the Pareto chart below them.
 *
 * Every column of every table is one formula in R1C1 terms (the same formula in every row, its references
 * relative to the row) or values: Excel's calculated columns copy a formula written into a table column
 * over the whole column when a rebuild writes into last build's tables, so a column mixing row-specific
 * formulas, or formulas and values, would not survive a rebuild.
 *
 * Each CarnetMatrix row is the domain's (matrixTableRow), every value written as the formula that gives it
 * where the workbook can compute it, else as the domain has it. CarnetMatrixPareto has a row for each range
 * of the domain's Pareto order (paretoRows), found live in that order. Tests hold the formulas to both.
 *
 * Live, so that changing a margin in the source reclassifies: Volume, Market volume, Sales and Margin
 * are `=IFERROR(CARNET.AMOUNT(INDEX(<source column>,<Row in source>)),"")` (text amounts such as "12 500 €"
 * read as the pane reads them; a cell that stops being readable shows blank, as the pane's reading leaves it
 * blank and reports it): CarnetMatrix's last column, Row in source, says which row of the source each range
 * was read from, so one formula reads every row although the source's blank and total rows are left out.
 * Market share is the share typed in the source when it is a number, else volume ÷ market volume; the other
 * columns are formulas over the table's own columns (CARNET.ABC_CLASS for the class, CARNET.MATRIX_QUADRANT
 * for the cell and zone). Stamped, as values, a whole figure column when one of its cells cannot be read by
 * the column's formula as the pane read it: a cell the pane could not read (the domain reads it blank), a
 * share typed as text ("8 %": no formula reads it as the pane does); and every figure of ranges built from
 * won deals (they have no source cell).
 * A formula never spills inside a table: each row takes its class with
 * `=INDEX(CARNET.ABC_CLASS(<margin column>,…),ROW()-ROW(<first margin>)+1)`.
 * References are A1, sheet-qualified for the source (no structured references: the workbench's engine
 * has none).
 */
import type { PortfolioMapping } from "../../domain/columns";
import type { Language } from "../../domain/language";
import type { MatrixSettings, StrengthMeasure } from "../../domain/matrixSettings";
import { matrixColumns, matrixTableRow } from "../../domain/matrixTable";
import { type MatrixRow, paretoRows, portfolioMatrix } from "../../domain/portfolioMatrix";
import type { ProductRange } from "../../domain/productRanges";
import { type CellValue, isBlankCell } from "../../domain/values";
import { cellAddress, columnLetters, formulaRef, rangeAddress } from "./a1";
import { type SheetPlan, type TablePlan, textCell } from "./sheetPlan";
import type { SourceData } from "./source";
import {
  decimalIn,
  headerIn,
  inWorkbookLanguage,
  MATRIX_WORDS,
  type MatrixNoteFacts,
} from "./workbookText";

export const MATRIX_SHEET = "Carnet Matrix";
export const MATRIX_TABLE = "CarnetMatrix";
export const MATRIX_SETTINGS_TABLE = "CarnetMatrixSettings";
export const MATRIX_CHART_DATA_TABLE = "CarnetMatrixChartData";
export const MATRIX_PARETO_TABLE = "CarnetMatrixPareto";
export const MATRIX_CUT_MARKS_TABLE = "CarnetMatrixCutMarks";
export const BUBBLE_CHART = "CarnetMatrixBubbleChart";
export const PARETO_CHART = "CarnetMatrixParetoChart";

export const SETTINGS_COLUMNS = ["Setting", "Value"] as const;
export const CHART_DATA_COLUMNS = [
  "Point",
  "Strength (x)",
  "Attractiveness (y)",
  "Bubble size",
  "Pareto rank",
] as const;
export const CUT_MARK_COLUMNS = [
  "Cut-off",
  "Strength (x)",
  "Attractiveness (y)",
  "Bubble size",
] as const;
/**
 * After the domain's columns, CarnetMatrix says where each range was read: its row among the source's
 * data rows (1 = the first row under the header), which the live figures' formulas read through INDEX.
 */
export const ROW_IN_SOURCE = "Row in source";
export const PARETO_COLUMNS = [
  "Rank",
  "Range",
  "Margin",
  "Margin share",
  "Cumulative share",
  "ABC class",
] as const;

/** The cut-off marks' labels in English: the levels on either side of each cut (MATRIX_WORDS has both languages). */
export const CUT_LABELS = MATRIX_WORDS.en.cuts;
/** Attractiveness as a number for the chart's y axis: A = 3 (high) … C = 1 (low). */
export const ATTRACTIVENESS_SCORE = { A: 3, B: 2, C: 1 } as const;
/**
 * The y axis runs from 0 to 4; each cut-off is a dotted vertical line of small bubbles from just below the C row
 * to just above the A row. Excel draws no line in a bubble chart: it combines with no other chart type, and
 * error bars (whose length Office.js cannot set) and shapes need ExcelApi 1.9.
 */
const MARK_Y = [0.5, 1, 1.5, 2, 2.5, 3, 3.5] as const;
/** A mark's bubble is this fraction of the largest sales: a dot. */
const MARK_SIZE_DIVISOR = 400;

/** The table the ranges were read from, and the columns the user confirmed. */
export interface MatrixSource {
  readonly data: SourceData;
  readonly mapping: PortfolioMapping;
}

export interface MatrixBuild {
  /** The ranges as read (readPortfolioRows) or built from won deals (rangesFromWonDeals). */
  readonly ranges: readonly ProductRange[];
  readonly settings: MatrixSettings;
  /** Where `ranges` were read; null when they were built from won deals (their figures are then values). */
  readonly source: MatrixSource | null;
  /** The time written in the note, e.g. "2026-11-26 10:04". */
  readonly stamp: string;
  /** Excel's number format for sales and margins. */
  readonly currencyFormat: string;
  /**
   * Without a source table: the address of the won deals the ranges were built from (CarnetPipeline's),
   * for the note; the note says "the figures given in the pane" either way.
   */
  readonly wonDealsFrom?: string;
  /**
   * The workbook's language (host/language.ts): the tables' headers, the settings' labels, the level,
   * cell and zone words the formulas write, the charts and the note; English when not given.
   */
  readonly language?: Language;
}

/** Places on the sheet, 0-based (row, col) as Office.js getRangeByIndexes takes them. */
export interface MatrixLayout {
  readonly measure: StrengthMeasure;
  /** Number of ranges (CarnetMatrix rows). */
  readonly ranges: number;
  /** Number of Pareto rows: the ranges with a positive margin at build time. */
  readonly pareto: number;
  /** The header row shared by the four tables. */
  readonly headerRow: number;
  readonly matrixCol: number;
  readonly settingsCol: number;
  readonly chartDataCol: number;
  readonly paretoCol: number;
  readonly cutMarksCol: number;
  /** Where the charts start. */
  readonly chartsRow: number;
}

export interface BubbleSeriesPlan {
  readonly name: string;
  /** Addresses on the matrix sheet, without the sheet name (it may be "Carnet Matrix (2)"). */
  readonly x: string;
  readonly y: string;
  readonly size: string;
}

export interface ChartPlace {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface BubbleChartPlan {
  readonly name: string;
  readonly title: string;
  /** One series per range (named after it, one point), then the two cut-off lines (MARK_Y's points each). */
  readonly series: readonly BubbleSeriesPlan[];
  /** How many of `series` are ranges (the first ones). */
  readonly rangeSeries: number;
  readonly xTitle: string;
  readonly xFormat: string;
  /** The x axis' maximum: room beyond the largest strength (and the high cut-off), at most 100 % for shares. */
  readonly xMaximum: number;
  readonly yTitle: string;
  readonly at: ChartPlace;
}

export interface ParetoChartPlan {
  readonly name: string;
  readonly title: string;
  /** Range names, in Pareto order. */
  readonly categories: string;
  /** Margin shares as columns (the margins on a 0–100 % scale, so the cumulative line shares the axis). */
  readonly bars: { readonly name: string; readonly values: string };
  readonly line: { readonly name: string; readonly values: string };
  readonly at: ChartPlace;
}

export interface MatrixCharts {
  readonly bubble: BubbleChartPlan | null;
  readonly pareto: ParetoChartPlan | null;
}

export interface MatrixPlans {
  readonly plans: SheetPlan[];
  readonly charts: MatrixCharts;
  readonly layout: MatrixLayout;
  /** The domain's classification: what the live formulas give for the data as read. */
  readonly rows: MatrixRow[];
  /** Figure cells that read the source live, and figure cells written as values. */
  readonly liveCells: number;
  readonly stampedCells: number;
}

const HEADER_ROW = 2; // the note, a blank line, then the headers
const SETTINGS_ROWS = 4; // strength low and high cut-offs, ABC A and B shares
const CUT_MARKS = 2 * MARK_Y.length; // one dotted line per cut-off
const SHARE_FORMAT = "0.0%";
const RATIO_FORMAT = "0.00";
const COUNT_FORMAT = "#,##0";

export function matrixLayout(
  ranges: number,
  pareto: number,
  measure: StrengthMeasure
): MatrixLayout {
  const matrixCol = 0;
  const settingsCol = matrixCol + carnetMatrixColumns(measure).length + 1;
  const chartDataCol = settingsCol + SETTINGS_COLUMNS.length + 1;
  const paretoCol = chartDataCol + CHART_DATA_COLUMNS.length + 1;
  const cutMarksCol = paretoCol + PARETO_COLUMNS.length + 1;
  // Each table takes at least two rows below its header (owned.ts keeps an empty table two rows tall).
  const tallest = Math.max(ranges, CUT_MARKS, pareto, SETTINGS_ROWS, 1);
  return {
    measure,
    ranges,
    pareto,
    headerRow: HEADER_ROW,
    matrixCol,
    settingsCol,
    chartDataCol,
    paretoCol,
    cutMarksCol,
    chartsRow: HEADER_ROW + 1 + tallest + 2,
  };
}

/** CarnetMatrix's columns: the domain's (matrixColumns), then where each range was read. */
export function carnetMatrixColumns(measure: StrengthMeasure): readonly string[] {
  return [...matrixColumns(measure), ROW_IN_SOURCE];
}

/** CarnetMatrix's row for the range at `index` (0-based, in build order), for selecting it. */
export function matrixRowAddress(sheet: string, index: number, measure: StrengthMeasure): string {
  return rangeAddress(sheet, HEADER_ROW + 1 + index, 0, 1, carnetMatrixColumns(measure).length);
}

export function buildMatrixPlans(build: MatrixBuild): MatrixPlans {
  const { ranges, settings } = build;
  const language = build.language ?? "en";
  const rows = portfolioMatrix(ranges, settings);
  const paretoCount = paretoRows(rows).length;
  const at = new MatrixAddresses(
    matrixLayout(ranges.length, paretoCount, settings.measure),
    language
  );
  const figures = new SourceFigures(build.source, at, ranges);
  const tables = [
    carnetMatrixTable(at, rows, figures, build.currencyFormat),
    matrixSettingsTable(at, settings),
    chartDataTable(at, build.currencyFormat),
    paretoTable(at, build.currencyFormat),
    cutMarksTable(at, build.currencyFormat),
  ];
  return {
    plans: [
      inWorkbookLanguage(
        { sheet: MATRIX_SHEET, note: matrixNote(build, at, figures), tables },
        language
      ),
    ],
    charts: { bubble: bubbleChart(at, rows, settings), pareto: paretoChart(at, settings) },
    layout: at.layout,
    rows,
    liveCells: figures.liveCells,
    stampedCells: figures.stampedCells,
  };
}

type ChartDataColumn = (typeof CHART_DATA_COLUMNS)[number];
type ParetoColumn = (typeof PARETO_COLUMNS)[number];
type CutMarkColumn = (typeof CUT_MARK_COLUMNS)[number];

/**
 * A1 addresses on the matrix sheet, named for what each cell holds: what the four tables' formulas and the
 * charts refer to. Rows follow CarnetMatrix's, one per range in build order (`i`, 0-based).
 */
class MatrixAddresses {
  readonly measure: StrengthMeasure;
  readonly headers: readonly string[];
  /** 0-based sheet rows of the first and last data rows (the last at least the first). */
  readonly first: number;
  readonly last: number;

  /** The words the formulas, labels and charts write, in the workbook's language. */
  readonly words: (typeof MATRIX_WORDS)[Language];

  constructor(
    readonly layout: MatrixLayout,
    readonly language: Language = "en"
  ) {
    this.words = MATRIX_WORDS[language];
    this.measure = layout.measure;
    this.headers = carnetMatrixColumns(layout.measure);
    this.first = HEADER_ROW + 1;
    this.last = this.first + Math.max(layout.ranges, 1) - 1;
  }

  /** CarnetMatrix's cell in column `header` on the row of the range at `i` ("F4"). */
  matrixCell(header: string, i: number): string {
    return `${this.matrixLetters(header)}${this.first + 1 + i}`;
  }

  /** CarnetMatrix's column `header`, absolute ("$F$4:$F$13"). */
  matrixColumn(header: string): string {
    return this.absoluteColumn(this.matrixLetters(header));
  }

  range(i: number): string {
    return this.matrixCell("Range", i);
  }
  volume(i: number): string {
    return this.matrixCell("Volume", i);
  }
  marketVolume(i: number): string {
    return this.matrixCell("Market volume", i);
  }
  marketShare(i: number): string {
    return this.matrixCell("Market share", i);
  }
  sales(i: number): string {
    return this.matrixCell("Sales", i);
  }
  margin(i: number): string {
    return this.matrixCell("Margin", i);
  }
  abcClass(i: number): string {
    return this.matrixCell("ABC class", i);
  }
  leaderShare(i: number): string {
    return this.matrixCell("Leader share", i);
  }
  /** The value the strength level is read from: the market share, or the relative share with that measure. */
  strengthValue(i: number): string {
    return this.measure === "relative" ? this.matrixCell("Relative share", i) : this.marketShare(i);
  }

  /** Every range's margin: the ABC class's and the Pareto's input. */
  get margins(): string {
    return this.matrixColumn("Margin");
  }
  /** The first range's margin, anchored: the ABC class's INDEX counts rows from it. */
  get firstMargin(): string {
    return `$${this.matrixLetters("Margin")}$${this.first + 1}`;
  }
  /** The margins from the first range's down to the one at `i`: the equal margins that count before it. */
  marginsUpTo(i: number): string {
    return `${this.firstMargin}:${this.margin(i)}`;
  }
  /** Σ of the positive margins: the ABC total. */
  get positiveMarginTotal(): string {
    return `SUMIF(${this.margins},">0")`;
  }

  /** CarnetMatrixSettings' value cells, absolute: the cut-offs, then the ABC shares. */
  get lowCut(): string {
    return this.settingValue(0);
  }
  get highCut(): string {
    return this.settingValue(1);
  }
  get cuts(): string {
    return `${this.lowCut}:${this.highCut}`;
  }
  get aShare(): string {
    return this.settingValue(2);
  }
  get bShare(): string {
    return this.settingValue(3);
  }
  /** The four settings values, as a block ("P4:P7"), for the note. */
  get settingsValues(): string {
    return rangeAddress(null, this.first, this.layout.settingsCol + 1, SETTINGS_ROWS, 1);
  }

  /** CarnetMatrixChartData's cell in column `header` on the row of the range at `k`. */
  chartCell(header: ChartDataColumn, k: number): string {
    return `${this.chartLetters(header)}${this.first + 1 + k}`;
  }
  /** CarnetMatrixCutMarks' cell in column `header`, row `k`. */
  cutMarkCell(header: CutMarkColumn, k: number): string {
    return `${columnLetters(this.layout.cutMarksCol + CUT_MARK_COLUMNS.indexOf(header))}${this.first + 1 + k}`;
  }
  /** Every range's Pareto rank, absolute. */
  get paretoRanks(): string {
    return this.absoluteColumn(this.chartLetters("Pareto rank"));
  }

  /** CarnetMatrixPareto's cell in column `header`, row `k`. */
  paretoCell(header: ParetoColumn, k: number): string {
    return `${columnLetters(this.layout.paretoCol + PARETO_COLUMNS.indexOf(header))}${this.first + 1 + k}`;
  }
  /** CarnetMatrixPareto's column `header` over its `count` rows, for the chart. */
  paretoColumn(header: ParetoColumn, count: number): string {
    return rangeAddress(
      null,
      this.first,
      this.layout.paretoCol + PARETO_COLUMNS.indexOf(header),
      count,
      1
    );
  }

  private settingValue(k: number): string {
    return cellAddress(null, this.first + k, this.layout.settingsCol + 1, true);
  }
  private matrixLetters(header: string): string {
    const i = this.headers.indexOf(header);
    if (i < 0) throw new Error(`no ${header} column`);
    return columnLetters(this.layout.matrixCol + i);
  }
  private chartLetters(header: ChartDataColumn): string {
    return columnLetters(this.layout.chartDataCol + CHART_DATA_COLUMNS.indexOf(header));
  }
  private absoluteColumn(letters: string): string {
    return `$${letters}$${this.first + 1}:$${letters}$${this.last + 1}`;
  }
}

/** CarnetMatrix's money and count columns, and the field of the range each reads. */
const AMOUNT_COLUMNS = [
  ["Volume", "volume"],
  ["Market volume", "marketVolume"],
  ["Sales", "sales"],
  ["Margin", "margin"],
] as const;

/** A row's formula for a figure, and its kind: a column is live when every row has one of one kind. */
interface RowFormula {
  /** "source": reads the source's cell; "computed": volume ÷ market volume only. */
  readonly kind: "source" | "computed";
  readonly formula: string;
}

/**
 * The figures CarnetMatrix takes from the ranges, column by column: a live formula in every row where a
 * formula reads each row's source cell as the pane did, else the domain's values in every row (stamped).
 * Excel's calculated columns copy a table column's formula over the whole column when one is written into
 * it, so a column is one formula (in R1C1 terms) or values, never both. Counts both kinds of cells, for the
 * note and the pane's message.
 */
class SourceFigures {
  liveCells = 0;
  stampedCells = 0;
  /** The live columns' formulas, by header then range. */
  private readonly live = new Map<string, string[]>();
  /** The figure columns written as values, in table order. */
  readonly stampedColumns: string[] = [];

  constructor(
    private readonly source: MatrixSource | null,
    private readonly at: MatrixAddresses,
    ranges: readonly ProductRange[]
  ) {
    const columns: [string, (range: ProductRange, i: number) => RowFormula | null][] = [
      ...AMOUNT_COLUMNS.map(
        ([header, field]) =>
          [header, (range: ProductRange, i: number) => this.liveAmount(range, field, i)] as [
            string,
            (range: ProductRange, i: number) => RowFormula | null,
          ]
      ),
      ["Market share", (range, i) => this.marketShare(range, i)],
    ];
    if (at.measure === "relative")
      columns.push(["Leader share", (range, i) => this.liveLeaderShare(range, i)]);
    for (const [header, formulaOf] of columns) {
      const formulas = ranges.map((range, i) => formulaOf(range, i));
      const kinds = new Set(formulas.map((f) => f?.kind ?? null));
      if (ranges.length > 0 && kinds.size === 1 && !kinds.has(null)) {
        this.live.set(
          header,
          formulas.map((f) => f!.formula)
        );
        if (kinds.has("source")) this.liveCells += ranges.length;
      } else this.stampedColumns.push(header);
    }
  }

  /** The formula of a figure column on the row of the range at `i`; undefined when the column is values. */
  formula(header: string, i: number): string | undefined {
    return this.live.get(header)?.[i];
  }

  /** The domain's value as written: a name as text, a figure as it was read (counted when there is one). */
  stamp(header: string, value: string | number | null): CellValue {
    if (header === "Range") return textCell(String(value));
    if (value !== null) this.stampedCells++;
    return typeof value === "string" ? textCell(value) : value;
  }

  /** The range's row among the source's data rows (1 = the first under the header); blank without a source. */
  rowInSource(range: ProductRange): number | null {
    return this.source === null ? null : range.row + 1;
  }

  /**
   * A money or count figure: the source cell, live, when the pane read it (or it is blank: a figure typed there
   * later then counts). Null when there is no source column, or the pane could not read the cell: the domain's
   * value is written then (blank for an unreadable cell, as the pane reads it and reports it).
   */
  private liveAmount(
    range: ProductRange,
    field: "volume" | "marketVolume" | "sales" | "margin",
    i: number
  ): RowFormula | null {
    const col = this.columnOf(field);
    if (col === null) return null;
    if (!isBlankCell(this.sourceCell(range, col)) && range[field] === null) return null;
    return { kind: "source", formula: `=IFERROR(CARNET.AMOUNT(${this.sourceRef(col, i)}),"")` };
  }

  /**
   * The share typed in the source wins (as in the domain), else volume ÷ market volume. Live when the source
   * cell is a number the pane accepted, or blank (a share typed there later then wins). Null when a share was
   * given that no formula reads as the pane did ("8 %" typed as text, or the user's figure for won deals): the
   * domain's value is written then.
   */
  private marketShare(range: ProductRange, i: number): RowFormula | null {
    const col = this.columnOf("marketShare");
    const raw = col === null ? undefined : this.sourceCell(range, col);
    const given = range.shareSource === "given";
    if (col !== null && ((given && typeof raw === "number") || isBlankCell(raw))) {
      const ref = this.sourceRef(col, i);
      return {
        kind: "source",
        formula: `=IF(ISNUMBER(${ref}),${ref},${computedShareFormula(this.at, i)})`,
      };
    }
    if (given) return null;
    // No share column, or a share the pane refused.
    return { kind: "computed", formula: `=${computedShareFormula(this.at, i)}` };
  }

  /** The leader's share, live on the same terms as the market share; null to write the domain's value. */
  private liveLeaderShare(range: ProductRange, i: number): RowFormula | null {
    const col = this.columnOf("leaderShare");
    if (col === null) return null;
    const raw = this.sourceCell(range, col);
    if ((range.leaderShare !== null && typeof raw === "number") || isBlankCell(raw)) {
      const ref = this.sourceRef(col, i);
      return { kind: "source", formula: `=IF(ISNUMBER(${ref}),${ref},"")` };
    }
    return null; // typed as text ("20 %"), or refused by the pane (written blank)
  }

  /** The source column of `field`; null when the ranges have no source table or it has no such column. */
  private columnOf(field: keyof PortfolioMapping): number | null {
    return this.source?.mapping[field] ?? null;
  }
  private sourceCell(range: ProductRange, col: number): CellValue | undefined {
    return this.source!.data.rows[range.row]?.[col];
  }
  /**
   * The source's cell in column `col` on the row of the range at `i`, found through the Row in source
   * column: one formula in every row, whatever rows of the source were left out (blank rows, totals).
   */
  private sourceRef(col: number, i: number): string {
    const data = this.source!.data;
    const column = formulaRef(
      data.sheet,
      data.row + 1,
      data.col + col,
      Math.max(data.rows.length, 1),
      1,
      true
    );
    return `INDEX(${column},${this.at.matrixCell(ROW_IN_SOURCE, i)})`;
  }
}

/** Volume ÷ market volume on the range's row, "" when either is missing or impossible. */
function computedShareFormula(at: MatrixAddresses, i: number): string {
  const volume = at.volume(i);
  const market = at.marketVolume(i);
  return `IF(AND(ISNUMBER(${volume}),ISNUMBER(${market}),${volume}>=0,${market}>0,${volume}<=${market}),${volume}/${market},"")`;
}

/** CarnetMatrix's computed columns for the range at `i`: formulas over its own row and the settings. */
function classificationFormulas(at: MatrixAddresses, i: number): Record<string, string> {
  const margin = at.margin(i);
  const total = at.positiveMarginTotal;
  const value = at.strengthValue(i);
  const abc = at.abcClass(i);
  const placed = `AND(ISNUMBER(${value}),${abc}<>"")`;
  const { Low, Medium, High } = at.words.levels;
  // French names from MATRIX_QUADRANT when the workbook is French (its language argument, never Office's).
  const names = at.language === "en" ? "" : `,"${at.language}"`;
  const formulas: Record<string, string> = {
    "Margin share": `=IF(AND(ISNUMBER(${margin}),${margin}>0),${margin}/${total},"")`,
    // Ties in sheet order: the equal margins at or above this row count before it.
    "Cumulative share":
      `=IF(AND(ISNUMBER(${margin}),${margin}>0),` +
      `(SUMIF(${at.margins},">"&${margin})+${margin}*COUNTIF(${at.marginsUpTo(i)},${margin}))/${total},"")`,
    // ROW()-ROW(first)+1 rather than ROWS(first:this): HyperFormula 3 miscounts ROWS over a $-anchored range.
    "ABC class": `=INDEX(CARNET.ABC_CLASS(${at.margins},${at.aShare},${at.bShare}),ROW()-ROW(${at.firstMargin})+1)`,
    Strength: `=IF(ISNUMBER(${value}),IF(${value}<${at.lowCut},"${Low}",IF(${value}>=${at.highCut},"${High}","${Medium}")),"")`,
    Attractiveness: `=IF(${abc}="A","${High}",IF(${abc}="B","${Medium}",IF(${abc}="C","${Low}","")))`,
    "Nine-box cell": `=IF(${placed},CARNET.MATRIX_QUADRANT(${value},${abc},${at.cuts}${names ? `,,${names}` : ""}),"")`,
    Zone: `=IF(${placed},CARNET.MATRIX_QUADRANT(${value},${abc},${at.cuts},,"zone"${names}),"")`,
  };
  if (at.measure === "relative") {
    const share = at.marketShare(i);
    const leader = at.leaderShare(i);
    formulas["Relative share"] =
      `=IF(AND(ISNUMBER(${share}),ISNUMBER(${leader}),${leader}>0,${share}+${leader}<=1.000000001),${share}/${leader},"")`;
  }
  return formulas;
}

/**
 * CarnetMatrix's row for a range: the domain's row (matrixTableRow, the one definition of the table's columns
 * and values), each value written as the formula that gives it where the workbook can compute it, else as the
 * domain has it. So a formula and a stamped value cannot disagree on what a column holds.
 */
function carnetMatrixRow(
  at: MatrixAddresses,
  figures: SourceFigures,
  row: MatrixRow,
  i: number
): CellValue[] {
  const formulas = classificationFormulas(at, i);
  const values = matrixTableRow(row, at.measure).map((value, k) => {
    const header = at.headers[k];
    return formulas[header] ?? figures.formula(header, i) ?? figures.stamp(header, value);
  });
  return [...values, figures.rowInSource(row.range)];
}

/** `CarnetMatrix`, the public table: one row per range, its figures from the source, the rest formulas. */
function carnetMatrixTable(
  at: MatrixAddresses,
  rows: readonly MatrixRow[],
  figures: SourceFigures,
  currencyFormat: string
): TablePlan {
  const formatOf: Record<string, string | null> = {
    Volume: COUNT_FORMAT,
    "Market volume": COUNT_FORMAT,
    "Market share": SHARE_FORMAT,
    Sales: currencyFormat,
    Margin: currencyFormat,
    "Margin share": SHARE_FORMAT,
    "Cumulative share": SHARE_FORMAT,
    "Leader share": SHARE_FORMAT,
    "Relative share": RATIO_FORMAT,
    [ROW_IN_SOURCE]: "0",
  };
  return {
    name: MATRIX_TABLE,
    headers: at.headers,
    rows: rows.map((row, i) => carnetMatrixRow(at, figures, row, i)),
    numberFormats: at.headers.map((h) => formatOf[h] ?? null),
    row: HEADER_ROW,
    col: at.layout.matrixCol,
    key: at.headers[0],
  };
}

/** `CarnetMatrixSettings`: the cut-offs and ABC shares, labelled, in the cells the formulas reference. */
function matrixSettingsTable(at: MatrixAddresses, settings: MatrixSettings): TablePlan {
  const { strengthCuts, abcShares } = settings;
  // Read back by their order, never by their label (matrixReadBack.ts): the labels may be French.
  const [low, high, a, b] = at.words.settings(settings.measure === "share");
  return {
    name: MATRIX_SETTINGS_TABLE,
    headers: [...SETTINGS_COLUMNS],
    rows: [
      [textCell(low), strengthCuts.low],
      [textCell(high), strengthCuts.high],
      [textCell(a), abcShares.a],
      [textCell(b), abcShares.b],
    ],
    // One format per column: shares as %; a relative share's cut-offs are ratios, so plain numbers there.
    numberFormats: [null, settings.measure === "share" ? SHARE_FORMAT : "General"],
    row: HEADER_ROW,
    col: at.layout.settingsCol,
    key: SETTINGS_COLUMNS[0],
  };
}

/** The bubble chart's point for the range at `i`, and its Pareto rank (ties in sheet order). */
function chartPointRow(at: MatrixAddresses, i: number): CellValue[] {
  const value = at.strengthValue(i);
  const abc = at.abcClass(i);
  const sales = at.sales(i);
  const margin = at.margin(i);
  const score = ATTRACTIVENESS_SCORE;
  return [
    `=${at.range(i)}`,
    `=IF(ISNUMBER(${value}),${value},NA())`,
    `=IF(AND(ISNUMBER(${value}),${abc}<>""),IF(${abc}="A",${score.A},IF(${abc}="B",${score.B},${score.C})),NA())`,
    `=IF(AND(ISNUMBER(${sales}),${sales}>0),${sales},NA())`,
    `=IF(AND(ISNUMBER(${margin}),${margin}>0),COUNTIF(${at.margins},">"&${margin})+COUNTIF(${at.marginsUpTo(i)},${margin}),"")`,
  ];
}

/** `CarnetMatrixChartData`: the bubble chart's points and Pareto ranks, one row per range. */
function chartDataTable(at: MatrixAddresses, currencyFormat: string): TablePlan {
  return {
    name: MATRIX_CHART_DATA_TABLE,
    headers: [...CHART_DATA_COLUMNS],
    rows: Array.from({ length: at.layout.ranges }, (_, i) => chartPointRow(at, i)),
    numberFormats: [
      null,
      at.measure === "share" ? SHARE_FORMAT : RATIO_FORMAT,
      "0.0",
      currencyFormat,
      "0",
    ],
    row: HEADER_ROW,
    col: at.layout.chartDataCol,
  };
}

/**
 * `CarnetMatrixCutMarks`: two points per cut-off, at the bottom and the top of the chart, sized as dots. A
 * table of its own, so that each column of it and of CarnetMatrixChartData is one formula or values (Excel's
 * calculated columns); the x of a mark follows its cut-off cell, chosen by the mark's label.
 */
function cutMarksTable(at: MatrixAddresses, currencyFormat: string): TablePlan {
  const markSize = `=MAX(1,MAX(${at.matrixColumn("Sales")}))/${MARK_SIZE_DIVISOR}`;
  const rows: CellValue[][] = [];
  const cuts = at.words.cuts;
  for (const label of [cuts.low, cuts.high]) {
    for (const y of MARK_Y) {
      const k = rows.length;
      const x = `=IF(${at.cutMarkCell("Cut-off", k)}="${cuts.low}",${at.lowCut},${at.highCut})`;
      rows.push([textCell(label), x, y, markSize]);
    }
  }
  return {
    name: MATRIX_CUT_MARKS_TABLE,
    headers: [...CUT_MARK_COLUMNS],
    rows,
    numberFormats: [
      null,
      at.measure === "share" ? SHARE_FORMAT : RATIO_FORMAT,
      "0.0",
      currencyFormat,
    ],
    row: HEADER_ROW,
    col: at.layout.cutMarksCol,
  };
}

/**
 * `CarnetMatrixPareto`: rank k's range found through the live ranks (INDEX/MATCH), so that the table stays
 * sorted by margin when a margin changes.
 */
function paretoTable(at: MatrixAddresses, currencyFormat: string): TablePlan {
  const rows: CellValue[][] = Array.from({ length: at.layout.pareto }, (_, k) => {
    const match = `MATCH(${at.paretoCell("Rank", k)},${at.paretoRanks},0)`;
    const pick = (header: string) => `=IFERROR(INDEX(${at.matrixColumn(header)},${match}),"")`;
    return [
      k + 1,
      pick("Range"),
      pick("Margin"),
      pick("Margin share"),
      pick("Cumulative share"),
      pick("ABC class"),
    ];
  });
  return {
    name: MATRIX_PARETO_TABLE,
    headers: [...PARETO_COLUMNS],
    rows,
    numberFormats: ["0", null, currencyFormat, SHARE_FORMAT, SHARE_FORMAT, null],
    row: HEADER_ROW,
    col: at.layout.paretoCol,
  };
}

/** The line above the tables: when and from what, what is live, where the cut-offs are (MATRIX_WORDS says it). */
function matrixNote(build: MatrixBuild, at: MatrixAddresses, figures: SourceFigures): string {
  // CarnetMatrixPareto's rows are fixed at the build: a range whose margin changes sign needs a build to enter or
  // leave it (until then the least of the others drops out, or the last row is blank).
  const facts: MatrixNoteFacts = {
    stamp: build.stamp,
    ranges: at.layout.ranges,
    cutOffs: at.settingsValues,
    paretoRanges: at.layout.pareto,
    source: build.source?.data.address ?? null,
    wonDealsFrom: build.wonDealsFrom,
    live: ["Volume", "Market volume", "Sales", "Margin"].filter(
      (h) => !figures.stampedColumns.includes(h)
    ),
    stamped: figures.stampedColumns,
    stampedCells: figures.stampedCells,
  };
  return at.words.note(facts);
}

/** One bubble series per range (named after it, one point), then the two cut-off lines (MARK_Y's points each). */
function bubbleChart(
  at: MatrixAddresses,
  rows: readonly MatrixRow[],
  settings: MatrixSettings
): BubbleChartPlan | null {
  const n = rows.length;
  if (n === 0) return null;
  const series: BubbleSeriesPlan[] = rows.map(({ range }, i) => ({
    name: range.name,
    x: at.chartCell("Strength (x)", i),
    y: at.chartCell("Attractiveness (y)", i),
    size: at.chartCell("Bubble size", i),
  }));
  const marks = (header: CutMarkColumn, c: number) => {
    const first = c * MARK_Y.length;
    return `${at.cutMarkCell(header, first)}:${at.cutMarkCell(header, first + MARK_Y.length - 1)}`;
  };
  [at.words.cuts.low, at.words.cuts.high].forEach((name, c) =>
    series.push({
      name,
      x: marks("Strength (x)", c),
      y: marks("Attractiveness (y)", c),
      size: marks("Bubble size", c),
    })
  );
  const share = at.measure === "share";
  const { low, high } = settings.strengthCuts;
  const cut = (v: number) =>
    decimalIn(share ? `${Number((v * 100).toPrecision(12))} %` : String(v), at.language);
  // Room for the bubble of the largest strength: 15 % more plus a step, rounded up to the next step.
  const step = share ? 0.05 : 0.1;
  const values = rows.map((r) => (share ? r.range.marketShare : r.relativeShare));
  const largest = Math.max(high, ...values.filter((v): v is number => v !== null));
  const room = Math.ceil(Number(((largest * 1.15 + step) / step).toFixed(9))) * step;
  return {
    name: BUBBLE_CHART,
    title: at.words.bubbleTitle,
    series,
    rangeSeries: n,
    xTitle: at.words.xTitle(share, cut(low), cut(high)),
    xFormat: share ? "0%" : RATIO_FORMAT,
    xMaximum: share ? Math.min(1, Number(room.toFixed(9))) : Number(room.toFixed(9)),
    yTitle: at.words.yTitle,
    at: { row: at.layout.chartsRow, col: 0, rows: 20, cols: 7 },
  };
}

/** The Pareto chart over CarnetMatrixPareto: margin shares as bars, the cumulative share as a line. */
function paretoChart(at: MatrixAddresses, settings: MatrixSettings): ParetoChartPlan | null {
  const count = at.layout.pareto;
  if (count === 0) return null;
  const { a, b } = settings.abcShares;
  // The series are named as CarnetMatrixPareto's columns they draw.
  const name = (header: ParetoColumn) => headerIn(MATRIX_PARETO_TABLE, header, at.language);
  return {
    name: PARETO_CHART,
    title: at.words.paretoTitle(Math.round(a * 100), Math.round(b * 100)),
    categories: at.paretoColumn("Range", count),
    bars: { name: name("Margin share"), values: at.paretoColumn("Margin share", count) },
    line: { name: name("Cumulative share"), values: at.paretoColumn("Cumulative share", count) },
    at: { row: at.layout.chartsRow, col: 8, rows: 20, cols: 8 },
  };
}
