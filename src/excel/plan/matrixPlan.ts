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
 *   A/B/C, size = sales) and each range's Pareto rank, then four points marking the two cut-offs;
 * - `CarnetMatrixPareto`: the ranges with a positive margin sorted by margin, largest first, found
 *   through the live ranks (INDEX/MATCH), so that the Pareto chart stays sorted when a margin changes;
 * then the bubble chart and the Pareto chart below them.
 *
 * Live, so that changing a margin in the source reclassifies: Volume, Market volume, Sales and Margin
 * are `=IFERROR(CARNET.AMOUNT(<source cell>),"")` (text amounts such as "12 500 €" read as the pane reads
 * them; a cell that stops being readable shows blank, as the pane's reading leaves it blank and reports
 * it); Market share is the share typed in the source when it is a number, else volume ÷ market volume;
 * the other columns are formulas over the table's own columns (CARNET.ABC_CLASS for the class,
 * CARNET.MATRIX_QUADRANT for the cell and zone). Stamped, as values: a cell the pane could not read
 * (written blank, as the domain reads it), a share typed as text ("8 %": no formula reads it as the pane
 * does), and every figure of ranges built from won deals (they have no source cell).
 * A formula never spills inside a table: each row takes its class with
 * `=INDEX(CARNET.ABC_CLASS(<margin column>,…),ROW()-ROW(<first margin>)+1)`.
 * References are A1, sheet-qualified for the source (no structured references: the workbench's engine
 * has none).
 */
import type { PortfolioMapping } from "../../domain/columns";
import type { MatrixSettings, StrengthMeasure } from "../../domain/matrixSettings";
import { matrixColumns } from "../../domain/matrixTable";
import { type MatrixRow, portfolioMatrix } from "../../domain/portfolioMatrix";
import { type ProductRange, rangeKey } from "../../domain/productRanges";
import { type CellValue, isBlankCell } from "../../domain/values";
import { cellAddress, columnLetters, rangeAddress } from "./a1";
import type { SheetPlan, TablePlan } from "./sheetPlan";
import type { SourceData } from "./source";

export const MATRIX_SHEET = "Carnet Matrix";
export const MATRIX_TABLE = "CarnetMatrix";
export const MATRIX_SETTINGS_TABLE = "CarnetMatrixSettings";
export const MATRIX_CHART_DATA_TABLE = "CarnetMatrixChartData";
export const MATRIX_PARETO_TABLE = "CarnetMatrixPareto";
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
export const PARETO_COLUMNS = [
  "Rank",
  "Range",
  "Margin",
  "Margin share",
  "Cumulative share",
  "ABC class",
] as const;

/** The cut-off marks' labels: the levels on either side of each cut. */
export const CUT_LABELS = { low: "Weak | Medium", high: "Medium | Strong" } as const;
/** Attractiveness as a number for the chart's y axis: A = 3 (high) … C = 1 (low). */
export const ATTRACTIVENESS_SCORE = { A: 3, B: 2, C: 1 } as const;
/** The y axis runs from 0 to 4; the cut-off marks sit just outside the three class rows. */
const MARK_Y = [0.5, 3.5] as const;
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
  /** Where the ranges came from, for the note when there is no source table. */
  readonly origin?: string;
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
  /** One series per range (named after it, one point), then the two cut-off marks (two points each). */
  readonly series: readonly BubbleSeriesPlan[];
  /** How many of `series` are ranges (the first ones). */
  readonly rangeSeries: number;
  readonly xTitle: string;
  readonly xFormat: string;
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
const CUT_MARKS = 4; // two points per cut-off, at the bottom and the top of the chart
const SHARE_FORMAT = "0.0%";
const RATIO_FORMAT = "0.00";
const COUNT_FORMAT = "#,##0";

export function matrixLayout(
  ranges: number,
  pareto: number,
  measure: StrengthMeasure
): MatrixLayout {
  const matrixCol = 0;
  const settingsCol = matrixCol + matrixColumns(measure).length + 1;
  const chartDataCol = settingsCol + SETTINGS_COLUMNS.length + 1;
  const paretoCol = chartDataCol + CHART_DATA_COLUMNS.length + 1;
  // Each table takes at least two rows below its header (owned.ts keeps an empty table two rows tall).
  const tallest = Math.max(ranges + CUT_MARKS, pareto, SETTINGS_ROWS, 1);
  return {
    measure,
    ranges,
    pareto,
    headerRow: HEADER_ROW,
    matrixCol,
    settingsCol,
    chartDataCol,
    paretoCol,
    chartsRow: HEADER_ROW + 1 + tallest + 2,
  };
}

/** CarnetMatrix's row for the range at `index` (0-based, in build order), for selecting it. */
export function matrixRowAddress(sheet: string, index: number, measure: StrengthMeasure): string {
  return rangeAddress(sheet, HEADER_ROW + 1 + index, 0, 1, matrixColumns(measure).length);
}

/** A name written as text even when it looks like a formula or a number ("=X", "2024"). */
function textCell(text: string): string {
  return /^[=+\-@']/.test(text) || (text.trim() !== "" && Number.isFinite(Number(text)))
    ? `'${text}`
    : text;
}

export function buildMatrixPlans(build: MatrixBuild): MatrixPlans {
  const { ranges, settings, source } = build;
  const measure = settings.measure;
  const rows = portfolioMatrix(ranges, settings);
  const n = ranges.length;
  const paretoCount = rows.filter((r) => r.marginShare !== null).length;
  const layout = matrixLayout(n, paretoCount, measure);
  const headers = matrixColumns(measure);
  const first = HEADER_ROW + 1; // 0-based sheet row of the first data row
  const last = first + Math.max(n, 1) - 1;

  // Letters of CarnetMatrix's columns, by header.
  const letter = (header: string) => {
    const i = headers.indexOf(header);
    if (i < 0) throw new Error(`no ${header} column`);
    return columnLetters(layout.matrixCol + i);
  };
  const cell = (header: string, i: number) => `${letter(header)}${first + 1 + i}`;
  const column = (header: string) =>
    `$${letter(header)}$${first + 1}:$${letter(header)}$${last + 1}`;
  const B = (i: number) => cell("Volume", i);
  const C = (i: number) => cell("Market volume", i);
  const D = (i: number) => cell("Market share", i);
  const E = (i: number) => cell("Sales", i);
  const F = (i: number) => cell("Margin", i);
  const I = (i: number) => cell("ABC class", i);
  const strengthCell = (i: number) =>
    measure === "relative" ? cell("Relative share", i) : cell("Market share", i);
  const margins = column("Margin");
  const positiveTotal = `SUMIF(${margins},">0")`;
  const firstMargin = `$${letter("Margin")}$${first + 1}`;
  const marginsUpTo = (i: number) => `${firstMargin}:${F(i)}`;

  // The settings cells the formulas reference.
  const settingsValue = (k: number) => cellAddress(null, first + k, layout.settingsCol + 1, true);
  const lowCut = settingsValue(0);
  const highCut = settingsValue(1);
  const cutsRange = `${lowCut}:${highCut}`;
  const aShare = settingsValue(2);
  const bShare = settingsValue(3);

  let liveCells = 0;
  let stampedCells = 0;
  const sourceRef = (range: ProductRange, col: number): string => {
    const data = source!.data;
    return cellAddress(data.sheet, data.row + 1 + range.row, data.col + col);
  };
  const sourceCell = (
    range: ProductRange,
    field: keyof PortfolioMapping
  ): CellValue | undefined => {
    const col = source?.mapping[field] ?? null;
    return col === null ? undefined : source!.data.rows[range.row]?.[col];
  };

  /** A money or count figure: the source cell, live, unless the pane could not read it. */
  const amount = (
    range: ProductRange,
    field: "volume" | "marketVolume" | "sales" | "margin"
  ): CellValue => {
    const col = source?.mapping[field] ?? null;
    const value = range[field];
    if (source === null || col === null) {
      if (value !== null) stampedCells++;
      return value;
    }
    const raw = sourceCell(range, field);
    if (isBlankCell(raw) || value !== null) {
      liveCells++;
      return `=IFERROR(CARNET.AMOUNT(${sourceRef(range, col)}),"")`;
    }
    return null; // unreadable at reading: blank, as the pane reads it (and reports it)
  };

  const computedShare = (i: number) =>
    `IF(AND(ISNUMBER(${B(i)}),ISNUMBER(${C(i)}),${B(i)}>=0,${C(i)}>0,${B(i)}<=${C(i)}),${B(i)}/${C(i)},"")`;

  /**
   * The share typed in the source wins (as in the domain), else volume ÷ market volume. Live when the source
   * cell is a number the pane accepted, or blank (a share typed there later then wins).
   */
  const share = (range: ProductRange, i: number): CellValue => {
    const col = source?.mapping.marketShare ?? null;
    const raw = sourceCell(range, "marketShare");
    const given = range.shareSource === "given";
    if (col !== null && ((given && typeof raw === "number") || isBlankCell(raw))) {
      liveCells++;
      const ref = sourceRef(range, col);
      return `=IF(ISNUMBER(${ref}),${ref},${computedShare(i)})`;
    }
    if (given) {
      stampedCells++;
      return range.marketShare; // "8 %" typed as text, or the user's figure for won deals
    }
    return `=${computedShare(i)}`; // no share column, or a share the pane refused: the computed share
  };

  /** The leader's share, live on the same terms as the market share. */
  const leader = (range: ProductRange): CellValue => {
    const col = source?.mapping.leaderShare ?? null;
    const raw = sourceCell(range, "leaderShare");
    if (
      col !== null &&
      ((range.leaderShare !== null && typeof raw === "number") || isBlankCell(raw))
    ) {
      liveCells++;
      const ref = sourceRef(range, col);
      return `=IF(ISNUMBER(${ref}),${ref},"")`;
    }
    if (range.leaderShare !== null) stampedCells++;
    return range.leaderShare; // typed as text ("20 %"), or null when the pane refused it
  };

  const matrixRows: CellValue[][] = ranges.map((range, i) => {
    const s = strengthCell(i);
    const values: Record<string, CellValue> = {
      Range: textCell(range.name),
      Volume: amount(range, "volume"),
      "Market volume": amount(range, "marketVolume"),
      "Market share": share(range, i),
      Sales: amount(range, "sales"),
      Margin: amount(range, "margin"),
      "Margin share": `=IF(AND(ISNUMBER(${F(i)}),${F(i)}>0),${F(i)}/${positiveTotal},"")`,
      // Ties in sheet order: the equal margins at or above this row count before it.
      "Cumulative share":
        `=IF(AND(ISNUMBER(${F(i)}),${F(i)}>0),` +
        `(SUMIF(${margins},">"&${F(i)})+${F(i)}*COUNTIF(${marginsUpTo(i)},${F(i)}))/${positiveTotal},"")`,
      // ROW()-ROW(first)+1 rather than ROWS(first:this): HyperFormula 3 miscounts ROWS over a $-anchored range.
      "ABC class": `=INDEX(CARNET.ABC_CLASS(${margins},${aShare},${bShare}),ROW()-ROW(${firstMargin})+1)`,
      Strength: `=IF(ISNUMBER(${s}),IF(${s}<${lowCut},"Low",IF(${s}>=${highCut},"High","Medium")),"")`,
      Attractiveness: `=IF(${I(i)}="A","High",IF(${I(i)}="B","Medium",IF(${I(i)}="C","Low","")))`,
      "Nine-box cell": `=IF(AND(ISNUMBER(${s}),${I(i)}<>""),CARNET.MATRIX_QUADRANT(${s},${I(i)},${cutsRange}),"")`,
      Zone: `=IF(AND(ISNUMBER(${s}),${I(i)}<>""),CARNET.MATRIX_QUADRANT(${s},${I(i)},${cutsRange},,"zone"),"")`,
    };
    if (measure === "relative") {
      const N = cell("Leader share", i);
      values["Leader share"] = leader(range);
      values["Relative share"] =
        `=IF(AND(ISNUMBER(${D(i)}),ISNUMBER(${N}),${N}>0,${D(i)}+${N}<=1.000000001),${D(i)}/${N},"")`;
    }
    return headers.map((h) => values[h] ?? null);
  });

  const formatOf: Record<string, string | null> = {
    Volume: COUNT_FORMAT,
    "Market volume": COUNT_FORMAT,
    "Market share": SHARE_FORMAT,
    Sales: build.currencyFormat,
    Margin: build.currencyFormat,
    "Margin share": SHARE_FORMAT,
    "Cumulative share": SHARE_FORMAT,
    "Leader share": SHARE_FORMAT,
    "Relative share": RATIO_FORMAT,
  };
  const matrixTable: TablePlan = {
    name: MATRIX_TABLE,
    headers,
    rows: matrixRows,
    numberFormats: headers.map((h) => formatOf[h] ?? null),
    row: HEADER_ROW,
    col: layout.matrixCol,
  };

  const what = measure === "share" ? "market share" : "relative share";
  const { strengthCuts, abcShares } = settings;
  const settingsTable: TablePlan = {
    name: MATRIX_SETTINGS_TABLE,
    headers: [...SETTINGS_COLUMNS],
    rows: [
      [`Strength: Weak below this ${what}`, strengthCuts.low],
      [`Strength: Strong from this ${what}`, strengthCuts.high],
      ["ABC: share of the margin class A reaches", abcShares.a],
      ["ABC: share classes A and B reach", abcShares.b],
    ],
    // One format per column: shares as %; a relative share's cut-offs are ratios, so plain numbers there.
    numberFormats: [null, measure === "share" ? SHARE_FORMAT : "General"],
    row: HEADER_ROW,
    col: layout.settingsCol,
  };

  // The chart's points and the Pareto ranks, one row per range in CarnetMatrix's order.
  const chartLetter = (header: (typeof CHART_DATA_COLUMNS)[number]) =>
    columnLetters(layout.chartDataCol + CHART_DATA_COLUMNS.indexOf(header));
  const chartCell = (header: (typeof CHART_DATA_COLUMNS)[number], k: number) =>
    `${chartLetter(header)}${first + 1 + k}`;
  const rankColumn = `$${chartLetter("Pareto rank")}$${first + 1}:$${chartLetter("Pareto rank")}$${last + 1}`;
  const largestSales = `MAX(${column("Sales")})`;
  const chartRows: CellValue[][] = ranges.map((_, i) => {
    const s = strengthCell(i);
    const I_ = I(i);
    return [
      `=${cell("Range", i)}`,
      `=IF(ISNUMBER(${s}),${s},NA())`,
      `=IF(AND(ISNUMBER(${s}),${I_}<>""),IF(${I_}="A",${ATTRACTIVENESS_SCORE.A},IF(${I_}="B",${ATTRACTIVENESS_SCORE.B},${ATTRACTIVENESS_SCORE.C})),NA())`,
      `=IF(AND(ISNUMBER(${E(i)}),${E(i)}>0),${E(i)},NA())`,
      `=IF(AND(ISNUMBER(${F(i)}),${F(i)}>0),COUNTIF(${margins},">"&${F(i)})+COUNTIF(${marginsUpTo(i)},${F(i)}),"")`,
    ];
  });
  const markSize = `=MAX(1,${largestSales})/${MARK_SIZE_DIVISOR}`;
  for (const [label, cut] of [
    [CUT_LABELS.low, lowCut],
    [CUT_LABELS.high, highCut],
  ] as const) {
    for (const y of MARK_Y) chartRows.push([label, `=${cut}`, y, markSize, null]);
  }
  const chartDataTable: TablePlan = {
    name: MATRIX_CHART_DATA_TABLE,
    headers: [...CHART_DATA_COLUMNS],
    rows: chartRows,
    numberFormats: [
      null,
      measure === "share" ? SHARE_FORMAT : RATIO_FORMAT,
      "0.0",
      build.currencyFormat,
      "0",
    ],
    row: HEADER_ROW,
    col: layout.chartDataCol,
  };

  const paretoLetter = (header: (typeof PARETO_COLUMNS)[number]) =>
    columnLetters(layout.paretoCol + PARETO_COLUMNS.indexOf(header));
  const paretoRowsCells: CellValue[][] = Array.from({ length: paretoCount }, (_, k) => {
    const match = `MATCH(${paretoLetter("Rank")}${first + 1 + k},${rankColumn},0)`;
    const pick = (header: string) => `=IFERROR(INDEX(${column(header)},${match}),"")`;
    return [
      k + 1,
      pick("Range"),
      pick("Margin"),
      pick("Margin share"),
      pick("Cumulative share"),
      pick("ABC class"),
    ];
  });
  const paretoTable: TablePlan = {
    name: MATRIX_PARETO_TABLE,
    headers: [...PARETO_COLUMNS],
    rows: paretoRowsCells,
    numberFormats: ["0", null, build.currencyFormat, SHARE_FORMAT, SHARE_FORMAT, null],
    row: HEADER_ROW,
    col: layout.paretoCol,
  };

  const settingsAddress = rangeAddress(null, first, layout.settingsCol + 1, SETTINGS_ROWS, 1);
  const from = source
    ? `from ${source.data.address}`
    : `from ${build.origin ?? "the figures given in the pane"}`;
  const note = source
    ? `Computed ${build.stamp} ${from}: ${n} ranges. Live: Volume, Market volume, Sales and Margin read the ` +
      `source cells (CARNET.AMOUNT; blank when unreadable), and shares, ABC class, strength, nine-box cell ` +
      `and zone are formulas over them and the cut-offs in ${settingsAddress}: editing a margin in the source ` +
      `reclassifies. ${stampedCells > 0 ? `${stampedCells} figures typed as text percentages are values as of ${build.stamp}. ` : ""}` +
      `Build again after adding or removing ranges.`
    : `Computed ${build.stamp} ${from}: ${n} ranges. Volume, market volume, sales and margin are values as of ` +
      `${build.stamp}; shares, ABC class, strength, nine-box cell and zone are formulas over them and the ` +
      `cut-offs in ${settingsAddress}: editing a margin here reclassifies.`;

  const chartsTop = layout.chartsRow;
  const bubbleSeries: BubbleSeriesPlan[] = ranges.map((range, i) => ({
    name: range.name,
    x: chartCell("Strength (x)", i),
    y: chartCell("Attractiveness (y)", i),
    size: chartCell("Bubble size", i),
  }));
  const markRange = (header: (typeof CHART_DATA_COLUMNS)[number], k: number) =>
    `${chartCell(header, n + k)}:${chartCell(header, n + k + 1)}`;
  [CUT_LABELS.low, CUT_LABELS.high].forEach((name, c) =>
    bubbleSeries.push({
      name,
      x: markRange("Strength (x)", 2 * c),
      y: markRange("Attractiveness (y)", 2 * c),
      size: markRange("Bubble size", 2 * c),
    })
  );
  const charts: MatrixCharts = {
    bubble:
      n === 0
        ? null
        : {
            name: BUBBLE_CHART,
            title: "Strengths–attractiveness matrix: one bubble per range, sized by sales",
            series: bubbleSeries,
            rangeSeries: n,
            xTitle:
              measure === "share"
                ? "Strength: market share in volume"
                : "Strength: market share ÷ the leader's share",
            xFormat: measure === "share" ? "0%" : RATIO_FORMAT,
            yTitle: "Attractiveness: ABC class of the margin (3 = A, 2 = B, 1 = C)",
            at: { row: chartsTop, col: 0, rows: 20, cols: 7 },
          },
    pareto:
      paretoCount === 0
        ? null
        : {
            name: PARETO_CHART,
            title: `Pareto of the contribution margin: classes A to ${Math.round(abcShares.a * 100)} %, B to ${Math.round(abcShares.b * 100)} %`,
            categories: rangeAddress(null, first, layout.paretoCol + 1, paretoCount, 1),
            bars: {
              name: "Margin share",
              values: rangeAddress(null, first, layout.paretoCol + 3, paretoCount, 1),
            },
            line: {
              name: "Cumulative share",
              values: rangeAddress(null, first, layout.paretoCol + 4, paretoCount, 1),
            },
            at: { row: chartsTop, col: 8, rows: 20, cols: 8 },
          },
  };

  return {
    plans: [
      {
        sheet: MATRIX_SHEET,
        note,
        tables: [matrixTable, settingsTable, chartDataTable, paretoTable],
      },
    ],
    charts,
    layout,
    rows,
    liveCells,
    stampedCells,
  };
}

/**
 * The names (as rangeKey gives them) of the ranges CarnetMatrix places in the Harvest / divest zone, from the
 * table's header and body values as Excel returns them. Empty when the table has no Range or Zone column.
 */
export function harvestRangeKeys(
  headers: readonly unknown[],
  body: readonly (readonly unknown[])[]
): Set<string> {
  const rangeCol = headers.indexOf("Range");
  const zoneCol = headers.indexOf("Zone");
  const found = new Set<string>();
  if (rangeCol < 0 || zoneCol < 0) return found;
  for (const row of body) {
    const name = row[rangeCol];
    if (
      row[zoneCol] === "Harvest / divest" &&
      name !== null &&
      name !== undefined &&
      String(name).trim() !== ""
    ) {
      found.add(rangeKey(String(name)));
    }
  }
  return found;
}

/** The workbook's currency format on the margin (or sales) column, else one from the text's currency sign. */
export function matrixCurrencyFormat(
  source: SourceData | null,
  mapping: PortfolioMapping | null
): string {
  if (!source || !mapping) return "#,##0";
  const cols = [mapping.margin, mapping.sales].filter(
    (c): c is number => c !== null && c !== undefined
  );
  for (const col of cols) {
    const format = source.numberFormats[col] ?? "";
    if (/[€$£]|\[\$/.test(format)) return format;
  }
  const sample = source.rows
    .slice(0, 50)
    .flatMap((r) => cols.map((c) => String(r[c] ?? "")))
    .join(" ");
  if (sample.includes("€")) return '#,##0 "€"';
  if (sample.includes("$")) return '"$"#,##0';
  if (sample.includes("£")) return '"£"#,##0';
  return "#,##0";
}
