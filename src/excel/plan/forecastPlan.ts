/**
 * What "Build forecast" writes, as plans for writeOwnedSheets: the normalised pipeline
 * (CarnetPipeline) and the forecast by period, owner and product, with a chart. Pure: no Office.js.
 *
 * Live or stamped: when the source is an Excel table whose deals all carry their own probability and
 * none is closed (no Won/Lost/Omitted to leave out), the period table's weighted total, P10/P50/P90
 * and probability of the objective are =CARNET.… formulas over the source's columns: editing a deal
 * updates the forecast. Otherwise, and for the owner and product tables (the public functions filter
 * by date only), figures are values stamped with the time they were computed; the note says which.
 */
import type { ColumnMapping, PipelineField } from "../../domain/columns";
import type { Deal } from "../../domain/deal";
import { isOpen } from "../../domain/deal";
import {
  type ForecastDimension,
  forecastBy,
  type ForecastRow,
  NO_KEY,
} from "../../domain/forecast";
import { periodOf, type PeriodKind } from "../../domain/pipeline";
import type { CellValue } from "../../domain/values";
import { cellAddress, columnLetters, rangeAddress } from "./a1";
import { type SheetPlan, type TablePlan, textCell } from "./sheetPlan";
import type { SourceData } from "./source";

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
  readonly deals: readonly Deal[];
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
  const { source, mapping, deals } = build;
  return (
    source.kind === "table" &&
    mapping.amount !== null &&
    mapping.probability !== null &&
    mapping.closeDate !== null &&
    build.probabilityScale !== "points" &&
    !build.dayFirst &&
    deals.every(
      (d) =>
        isOpen(d) && d.probabilitySource === "deal" && d.amount !== null && d.issues.length === 0
    )
  );
}

function sourceColumn(source: SourceData, col: number): string {
  return rangeAddress(source.sheet, source.row + 1, source.col + col, source.rows.length, 1, true);
}

export function buildForecastPlans(build: ForecastBuild): ForecastPlans {
  const { source, mapping, deals, periodKind } = build;
  const live = canBeLive(build);
  const pipelineRows: CellValue[][] = deals.map((d, i) => {
    const sheetRow = 3 + i; // the note, a blank line, the header, then the deals (1-based row = i + 4)
    const issues = [
      ...d.issues,
      ...(build.extraIssues?.has(d.row) ? [build.extraIssues.get(d.row)!] : []),
    ];
    return [
      textCell(d.id),
      d.closeDate,
      textCell(d.company),
      textCell(d.contact),
      textCell(d.product),
      d.amount,
      d.probability,
      `=IF(AND(ISNUMBER(F${sheetRow + 1}),ISNUMBER(G${sheetRow + 1})),F${sheetRow + 1}*G${sheetRow + 1},"")`,
      textCell(d.owner),
      textCell(d.stage),
      textCell(d.category),
      d.closeDate === null ? null : textCell(periodOf(d.closeDate, periodKind).key),
      textCell(cellAddress(source.sheet, source.row + 1 + d.row, source.col)),
      textCell(issues.join("; ") || null),
    ];
  });
  const pipelineTable: TablePlan = {
    name: PIPELINE_TABLE,
    headers: [...PIPELINE_COLUMNS],
    rows: pipelineRows,
    numberFormats: [
      null,
      DATE_FORMAT,
      null,
      null,
      null,
      build.currencyFormat,
      PERCENT,
      build.currencyFormat,
      null,
      null,
      null,
      null,
      null,
      null,
    ],
    row: 2,
    col: 0,
  };

  const rows = {} as Record<ForecastDimension, ForecastRow[]>;
  const tables: TablePlan[] = [];
  let col = 0;
  for (const dimension of ["period", "owner", "product"] as ForecastDimension[]) {
    const { name } = FORECAST_TABLES[dimension];
    const found = forecastBy(deals, dimension, {
      periodKind,
      objectives: build.objectives?.get(name),
    });
    rows[dimension] = found;
    const headers = forecastColumns(dimension);
    const firstFigure = dimension === "period" ? 3 : 1;
    const at = (header: string, r: number) =>
      `${columnLetters(col + headers.indexOf(header))}${4 + r}`; // header on sheet row 3, data from row 4
    const tableRows = found.map((f, r) => {
      const cells: CellValue[] = [textCell(f.key)];
      if (dimension === "period") cells.push(f.start ?? null, f.end ?? null);
      const objective = at("Objective", r);
      const won = at("Won", r);
      const remaining = `(${objective}-${won})`;
      const liveRow = live && dimension === "period" && f.key !== NO_KEY;
      const args = liveRow
        ? `${sourceColumn(source, mapping.amount!)},${sourceColumn(source, mapping.probability!)}`
        : "";
      const dates = liveRow
        ? `${sourceColumn(source, mapping.closeDate!)},${at("Start", r)},${at("End", r)}`
        : "";
      cells.push(
        f.deals,
        f.unweighted,
        liveRow ? `=CARNET.WEIGHTED_PIPELINE(${args},${dates})` : f.weighted,
        f.commit,
        f.bestCase,
        f.won,
        liveRow ? `=CARNET.PIPELINE_QUANTILE(${args},0.1,${dates})` : f.p10,
        liveRow ? `=CARNET.PIPELINE_QUANTILE(${args},0.5,${dates})` : f.p50,
        liveRow ? `=CARNET.PIPELINE_QUANTILE(${args},0.9,${dates})` : f.p90,
        // The band the chart draws: derived from the two cells beside it, live when they are.
        `=${at("P90", r)}-${at("P10", r)}`,
        f.objective,
        `=IF(ISNUMBER(${objective}),IF(${remaining}<=0,"met",${at("Unweighted total", r)}/${remaining}),"")`,
        liveRow
          ? `=IF(ISNUMBER(${objective}),IF(${remaining}<=0,1,CARNET.PIPELINE_PROBABILITY(${args},${remaining},${dates})),"")`
          : // Stamped against the objective it was computed for: a new objective asks for a rebuild.
            `=IF(ISNUMBER(${objective}),IF(${objective}=${f.objective ?? '""'},${f.probabilityOfObjective ?? 0},"rebuild"),"")`
      );
      return cells;
    });
    const formats: (string | null)[] = headers.map((h, i) =>
      i < firstFigure
        ? h === "Start" || h === "End"
          ? DATE_FORMAT
          : null
        : h === "Deals"
          ? "0"
          : h === "Coverage"
            ? '0.00"×"'
            : h === "Probability of objective"
              ? PERCENT
              : build.currencyFormat
    );
    tables.push({ name, headers, rows: tableRows, numberFormats: formats, row: 2, col });
    col += headers.length + 1;
  }

  const periodHeight = Math.max(rows.period.length + 1, 2);
  const note = live
    ? `Computed ${build.stamp} from ${source.address}. Live: the period table's weighted total, P10/P50/P90 and probability of objective are CARNET formulas over the source table's rows (edit deals in place; rebuild after adding rows); other figures are as of ${build.stamp}. Type objectives in the Objective columns: they are kept on the next build.`
    : `Computed ${build.stamp} from ${source.address}: values as of that time (${
        source.kind === "table"
          ? "some deals are closed or take their probability from the stage table, so the figures cannot be formulas over the source"
          : "the source is not an Excel table, so the figures cannot be live formulas"
      }). Type objectives in the Objective columns: they are kept on the next build.`;

  const plans: SheetPlan[] = [
    {
      sheet: PIPELINE_SHEET,
      note: `Deals read ${build.stamp} from ${source.address}, normalised. Issues says what could not be read.`,
      tables: [pipelineTable],
    },
    {
      sheet: FORECAST_SHEET,
      note,
      tables,
      charts: [
        {
          name: "CarnetForecastChart",
          type: "Line",
          title: "Forecast by period: weighted vs unweighted, P10–P90",
          table: "CarnetForecastByPeriod",
          categories: "Period",
          // P10 as a see-through base with the spread stacked on it draws the P10–P90 band;
          // the weighted and unweighted totals are lines over it.
          series: ["P10", "P10–P90 spread", "Weighted total", "Unweighted total"],
          seriesTypes: ["AreaStacked", "AreaStacked", "LineMarkers", "LineMarkers"],
          seriesFill: ["none", "#C7E0F4", null, null],
          at: { row: 2 + periodHeight + 2, col: 0, rows: 16, cols: 8 },
        },
      ],
    },
  ];
  return { plans, live, rows };
}
