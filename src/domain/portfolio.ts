/**
 * The product portfolio in the GE-McKinsey strengths–attractiveness matrix (handbook 8.6.1.3,
 * domain.md "Strengths–attractiveness matrix"): each product range's strength ("atouts", its market
 * share in volume) against its attractiveness ("attraits", the ABC class of its contribution margin),
 * the nine-box cell and zone that follow, and the pipeline deals the handbook warns about.
 *
 * The flow the task pane follows:
 * 1. `recogniseColumns(headers, PORTFOLIO_FIELDS)` and {@link portfolioMappingProblems} check the table;
 * 2. {@link readPortfolioRows} reads the rows below the header into {@link ProductRange}s and a
 *    data-quality report ({@link CellIssue}s) — or {@link rangesFromWonDeals} builds the ranges from the
 *    pipeline's won deals and the user's market figures;
 * 3. {@link portfolioMatrix} classifies them with the user's {@link MatrixSettings};
 * 4. {@link matrixTableRow} gives the `CarnetMatrix` values, {@link paretoRows} the Pareto chart's order,
 *    {@link nineBoxContents} the pane's grid, {@link harvestOpportunities} the deals that may not fit
 *    the plan.
 *
 * Choices where domain.md is silent (each a finance reviewer's expectation, and tested):
 * - Market share: the share typed in the table wins over volume ÷ market volume; when both are there
 *   and differ by more than half a point, the row gets an issue (the typed share is still used).
 * - Relative share (the "relative" strength measure) is the range's share ÷ the share of its largest
 *   competitor, as in the BCG and GE matrices, read from an optional "Leader share" column. Dividing by
 *   the largest share among the user's own ranges was rejected: ranges sell into different markets, so
 *   that ratio compares unrelated numbers and moves when an unrelated range is added.
 * - Margin share and cumulative share are shares of the total positive margin (the ABC total): ranges
 *   with a margin ≤ 0 or none have neither, which keeps the Pareto line rising to exactly 100 %.
 * - Sales, margins and volumes are read with the amount rules: `12 500 €` is 12 500, but `35 %` in a
 *   margin column is an error (a margin rate, not a margin); shares take `%` text or fractions.
 * - Duplicate range names are reported and both rows kept, so that a range split over two rows still
 *   counts once in full in the ABC total.
 */
import {
  abcClassOf,
  abcCuts,
  abcSharesProblem,
  type AbcClass,
  type AbcShares,
  DEFAULT_ABC_SHARES,
} from "./abc";
import type { ColumnMapping, FieldSpec } from "./columns";
import { isOpen, isTotalLabel } from "./countingRows";
import type { Deal } from "./deal";
import type { Grid } from "./grid";
import {
  type Cuts,
  cutsProblem,
  type Level,
  levelOf,
  levelOfAbc,
  NINE_BOX,
  nineBoxCell,
  type Zone,
  zoneOf,
} from "./matrix";
import {
  type CellValue,
  describeProblem,
  isBlankCell,
  readAmount,
  type Reading,
  readShare,
} from "./values";

// ---------------------------------------------------------------------------------------------------------------
// Columns

/** `leaderShare` (the largest competitor's market share) is optional: only the relative measure needs it. */
export type PortfolioField =
  "range" | "volume" | "marketVolume" | "marketShare" | "leaderShare" | "sales" | "margin";

/**
 * The product-range table's columns, French and English. The order matters for headers that merely start
 * with a synonym (see recogniseColumns): market volume and the leader's share come before volume and market
 * share, so that "Volume du marché (unités)" is the market's volume and "Part de marché du leader (%)" the
 * leader's share, never the range's own.
 */
export const PORTFOLIO_FIELDS: readonly FieldSpec<PortfolioField>[] = [
  {
    field: "range",
    label: "Range",
    required: true,
    synonyms: [
      "gamme",
      "product range",
      "range",
      "product line",
      "gamme de produits",
      "ligne de produits",
      "famille de produits",
      "product family",
      "famille",
      "produit",
      "product",
    ],
  },
  {
    field: "marketVolume",
    label: "Market volume",
    required: false,
    synonyms: [
      "marche",
      "market volume",
      "volume du marche",
      "market size",
      "taille du marche",
      "volume marche",
      "total market",
      "marche total",
    ],
  },
  {
    field: "leaderShare",
    label: "Leader share",
    required: false,
    synonyms: [
      "part du leader",
      "leader share",
      "leader's share",
      "leader’s share",
      "part de marche du leader",
      "pdm du leader",
      "pdm leader",
      "largest competitor share",
      "largest competitor's share",
      "largest competitor’s share",
      "part du premier concurrent",
      "part du concurrent principal",
    ],
  },
  {
    field: "marketShare",
    label: "Market share",
    required: false,
    synonyms: ["part de marche", "market share", "pdm", "part de marche en volume", "share"],
  },
  {
    field: "volume",
    label: "Volume",
    required: false,
    synonyms: [
      "volume",
      "units sold",
      "quantite vendue",
      "quantites vendues",
      "volume des ventes",
      "sales volume",
      "volume vendu",
      "unites vendues",
      "quantite",
      "quantity",
      "units",
    ],
  },
  {
    field: "sales",
    label: "Sales",
    required: false,
    synonyms: [
      "chiffre d'affaires",
      "chiffre d’affaires",
      "ca",
      "sales",
      "revenue",
      "ventes",
      "ca ht",
      "chiffre d'affaires ht",
      "chiffre d’affaires ht",
      "turnover",
      "net sales",
    ],
  },
  {
    field: "margin",
    label: "Margin",
    required: true,
    synonyms: [
      "marge",
      "marge de contribution",
      "contribution margin",
      "margin",
      "marge sur couts variables",
      "mcv",
      "contribution",
      "marge brute",
      "gross margin",
    ],
  },
];

/** A mapping as recogniseColumns gives it; fields left out count as not mapped. */
export type PortfolioMapping = Readonly<Partial<ColumnMapping<PortfolioField>>>;

/** How a field is named inside messages ("margin 12,500 at row 3 is ambiguous…"). */
const FIELD_WORDS: Record<PortfolioField, string> = {
  range: "range",
  volume: "volume",
  marketVolume: "market volume",
  marketShare: "market share",
  leaderShare: "leader share",
  sales: "sales",
  margin: "margin",
};

// ---------------------------------------------------------------------------------------------------------------
// Product ranges

export interface ProductRange {
  /**
   * 0-based index of the range's row within the data rows (below the header). For ranges built from won
   * deals, its position in the built list.
   */
  readonly row: number;
  /** As typed, trimmed ("Produit A."); compare names with {@link rangeKey}. */
  readonly name: string;
  readonly volume: number | null;
  readonly marketVolume: number | null;
  /** In [0, 1]: the share given, or else volume ÷ market volume; null when neither can be had. */
  readonly marketShare: number | null;
  /** Where the market share came from, so a writer can keep a computed share live as a formula. */
  readonly shareSource: "given" | "computed" | null;
  /** The largest competitor's market share, in (0, 1]; only the relative measure uses it. */
  readonly leaderShare: number | null;
  /** Revenue: the bubble size. */
  readonly sales: number | null;
  /** Contribution margin, in money; may be negative (a loss-making range, class C). */
  readonly margin: number | null;
  /** This range's problems, in words, for the report and the chart's tooltips. */
  readonly issues: readonly string[];
}

/** A range with the given fields and blanks elsewhere: for building ranges by hand (tests, the pane's form). */
export function productRange(
  fields: Partial<ProductRange> & Pick<ProductRange, "name">
): ProductRange {
  return {
    row: 0,
    volume: null,
    marketVolume: null,
    marketShare: null,
    shareSource: null,
    leaderShare: null,
    sales: null,
    margin: null,
    issues: [],
    ...fields,
  };
}

/**
 * The key two names of one range share: no accents, lower case, single spaces, no closing full stops.
 * "Produit A." (the handbook's style), "produit a" and "PRODUIT  A" are one range; "Gamme Élite" is "gamme elite".
 */
export function rangeKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .replace(/[\s.]+$/, "")
    .trim();
}

/** One problem in the source table. The pane turns `row` and `col` into a cell address. */
export interface CellIssue {
  /** 0-based within the data rows (below the header). */
  readonly row: number;
  /** 0-based column of the cell at fault, or null when the problem is the row's (or a column is not mapped). */
  readonly col: number | null;
  readonly field: PortfolioField | null;
  readonly message: string;
}

export interface ReadPortfolioOptions {
  /**
   * How messages name a place: `where(row, col)` with the 0-based data row and column (col null for a whole
   * row). The default says `row N`, N counting the first row below the header as 1; the pane passes one that
   * gives cell addresses ("F7").
   */
  readonly where?: (row: number, col: number | null) => string;
}

export interface PortfolioReading {
  /** The ranges, in sheet order. Rows without a range name are left out (and reported). */
  readonly ranges: ProductRange[];
  /** Every problem, in sheet order. Each range's own problems are also in its `issues`. */
  readonly issues: CellIssue[];
  /** 0-based data rows read as totals or subtotals and left out, so that nothing counts twice. */
  readonly totalRows: number[];
}

/**
 * What stops the table from being read, for the pane's column picker: the required columns missing, and a
 * strength axis that cannot be had (no market share column, nor volume and market volume columns; for the
 * relative measure, no leader share column). Empty when the mapping will do.
 */
export function portfolioMappingProblems(
  mapping: PortfolioMapping,
  measure: StrengthMeasure = "share"
): string[] {
  const has = (field: PortfolioField) => (mapping[field] ?? null) !== null;
  const problems: string[] = [];
  for (const spec of PORTFOLIO_FIELDS) {
    if (spec.required && !has(spec.field)) problems.push(`no ${spec.label} column: pick one`);
  }
  if (!has("marketShare") && !(has("volume") && has("marketVolume"))) {
    problems.push(
      "no Market share column, nor Volume and Market volume columns: pick one or the other for the strength axis"
    );
  }
  if (measure === "relative" && !has("leaderShare")) {
    problems.push(
      "no Leader share column: the relative share needs the largest competitor's share"
    );
  }
  return problems;
}

/**
 * Reads a product-range table's data rows (the rows below its header) with the columns the mapping gives.
 *
 * - Blank rows are skipped. A row whose range name, or first non-blank cell, says "Total", "Sous-total",
 *   "Subtotal", "Grand total"… is a total: left out and listed in `totalRows`. So is a row with no name whose
 *   figures all equal the sums of the ranges above it (since the previous total, or since the top).
 * - Each figure follows domain.md's reading rules; an unreadable or impossible figure is reported (wording of
 *   describeProblem, "margin 12,500 at row 3 is ambiguous: …") and read as blank.
 * - Market share = the share given, else volume ÷ market volume. A missing share is reported when the mapping
 *   could have given one; a given share that differs from the computed one by more than half a point too.
 * - A blank margin or sales cell is reported when its column is mapped (no class, no bubble).
 *
 * Throws when the mapping has no range column: check {@link portfolioMappingProblems} first.
 */
export function readPortfolioRows(
  rows: Grid,
  mapping: PortfolioMapping,
  options: ReadPortfolioOptions = {}
): PortfolioReading {
  const rangeCol = mapping.range ?? null;
  if (rangeCol === null)
    throw new RangeError("no Range column: pick the column that names the product ranges");
  const where = options.where ?? ((row: number) => `row ${row + 1}`);
  const colOf = (field: PortfolioField): number | null => mapping[field] ?? null;
  const mappedCols = PORTFOLIO_FIELDS.map((s) => colOf(s.field)).filter(
    (c): c is number => c !== null
  );
  const canGiveShare = colOf("marketShare") !== null;
  const canComputeShare = colOf("volume") !== null && colOf("marketVolume") !== null;

  const ranges: ProductRange[] = [];
  const issues: CellIssue[] = [];
  const totalRows: number[] = [];
  const firstRowOf = new Map<string, number>();
  const sinceTop = { volume: 0, sales: 0, margin: 0 };
  let sinceTotal = { volume: 0, sales: 0, margin: 0 };

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const cellOf = (field: PortfolioField): CellValue => {
      const c = colOf(field);
      return c === null ? null : row[c];
    };
    if (mappedCols.every((c) => isBlankCell(row[c]))) continue;
    const nameCell = cellOf("range");
    if (isTotalLabel(nameCell) || isTotalLabel(row.find((cell) => !isBlankCell(cell)))) {
      totalRows.push(r);
      sinceTotal = { volume: 0, sales: 0, margin: 0 };
      continue;
    }

    const readings = {
      volume: readAmount(cellOf("volume")),
      marketVolume: readAmount(cellOf("marketVolume")),
      marketShare: readShare(cellOf("marketShare")),
      leaderShare: readShare(cellOf("leaderShare")),
      sales: readAmount(cellOf("sales")),
      margin: readAmount(cellOf("margin")),
    };
    const named = !isBlankCell(nameCell);
    if (!named && looksLikeTotal(readings, sinceTotal, sinceTop)) {
      totalRows.push(r);
      sinceTotal = { volume: 0, sales: 0, margin: 0 };
      continue;
    }

    const rowIssues: CellIssue[] = [];
    const say: Say = (field, shown, problem) => {
      const col = colOf(field);
      const place = where(r, col);
      const message =
        shown === null
          ? `${FIELD_WORDS[field]} at ${place} ${problem}`
          : describeProblem(FIELD_WORDS[field], { shown, problem }, place);
      rowIssues.push({ row: r, col, field, message });
    };
    const shownOf = (field: PortfolioField) => shownText(cellOf(field));
    // Figures already reported (unreadable or impossible) are not reported again as missing.
    const refused = new Set<FigureField>();
    const figure = (field: FigureField): number | null => {
      const reading = readings[field];
      if (reading.kind === "blank") return null;
      const value =
        reading.kind === "error"
          ? (say(field, reading.shown, reading.problem), null)
          : checkedFigure(field, reading.value, shownOf(field), say);
      if (value === null) refused.add(field);
      return value;
    };

    const volume = figure("volume");
    const marketVolume = figure("marketVolume");
    const givenShare = figure("marketShare");
    const leader = figure("leaderShare");
    const sales = figure("sales");
    const margin = figure("margin");
    const strength = settleStrength(
      { volume, marketVolume, givenShare, leaderShare: leader },
      {
        shown: shownOf,
        say,
        missing: "blank",
        refused,
        canGiveShare,
        canComputeShare,
        wantsLeader: colOf("leaderShare") !== null,
      }
    );
    if (colOf("margin") !== null && readings.margin.kind === "blank") {
      say("margin", null, "is blank: give the range's contribution margin to classify it");
    }
    if (colOf("sales") !== null && readings.sales.kind === "blank") {
      say("sales", null, "is blank: the range gets no bubble in the chart");
    }

    if (!named) {
      rowIssues.unshift({
        row: r,
        col: rangeCol,
        field: "range",
        message: `range at ${where(r, rangeCol)} is blank: name the range, or clear the row`,
      });
      issues.push(...rowIssues);
      continue;
    }
    const name = shownText(nameCell);
    const key = rangeKey(name);
    const first = firstRowOf.get(key);
    if (first === undefined) firstRowOf.set(key, r);
    else {
      rowIssues.unshift({
        row: r,
        col: rangeCol,
        field: "range",
        message:
          `range ${name} at ${where(r, rangeCol)} repeats the range at ${where(first, rangeCol)}: ` +
          "list each range once, or add the rows up",
      });
    }
    issues.push(...rowIssues);
    for (const sums of [sinceTop, sinceTotal]) {
      sums.volume += volume ?? 0;
      sums.sales += sales ?? 0;
      sums.margin += margin ?? 0;
    }
    ranges.push({
      row: r,
      name,
      volume,
      marketVolume,
      ...strength,
      sales,
      margin,
      issues: rowIssues.map((i) => i.message),
    });
  }
  return { ranges, issues, totalRows };
}

type FigureField = Exclude<PortfolioField, "range">;
type Say = (field: PortfolioField, shown: string | null, problem: string) => void;

function shownText(cell: CellValue): string {
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell ?? "");
}

/** "25 %", "25.3 %": messages are English, so a decimal point. */
function percent(share: number): string {
  return `${Number((share * 100).toFixed(1))} %`;
}

/** A share above 1 typed as a plain number is almost always points: say how to write it. */
function shareProblem(value: number, shown: string, what: string): string | null {
  if (value < 0) return "is below 0: a share cannot be negative";
  if (value <= 1) return null;
  if (!shown.includes("%") && value <= 100)
    return `is above 1: write ${shown}% or ${Number(`${value}e-2`)}`;
  return `is above 100 %: ${what} is at most 100 %`;
}

/** The figure, or null (and a message) when it cannot be right whatever the rest of the row says. */
function checkedFigure(field: FigureField, value: number, shown: string, say: Say): number | null {
  let problem: string | null = null;
  switch (field) {
    case "volume":
      if (value < 0) problem = "is below 0: a volume cannot be negative";
      break;
    case "marketVolume":
      if (value < 0) problem = "is below 0: a market volume cannot be negative";
      else if (value === 0) problem = "is 0: a market share needs a market volume above 0";
      break;
    case "marketShare":
      problem = shareProblem(value, shown, "a market share");
      break;
    case "leaderShare":
      problem =
        value === 0
          ? "is 0: the relative share divides by the largest competitor's share, give it above 0"
          : shareProblem(value, shown, "a market share");
      break;
    case "sales":
      if (value < 0) problem = "is below 0: sales cannot be negative";
      break;
    case "margin":
      break; // a negative margin is a loss-making range, class C
  }
  if (problem === null) return value;
  say(field, shown, problem);
  return null;
}

/** Half a point: typed shares are rounded, a larger gap means one of the figures is wrong. */
const SHARE_AGREEMENT = 0.005;
/** Float slack, so that a gap of exactly half a point (25,5 % against 25 %) is not an issue. */
const FLOAT_SLACK = 1e-9;

interface StrengthContext {
  readonly shown: (field: PortfolioField) => string;
  readonly say: Say;
  /** The word for a missing figure: "blank" for a cell, "not given" for the user's figures. */
  readonly missing: string;
  /** Figures already reported as unreadable or impossible: not reported again as missing. */
  readonly refused: ReadonlySet<FigureField>;
  readonly canGiveShare: boolean;
  readonly canComputeShare: boolean;
  readonly wantsLeader: boolean;
}

/** The market share and leader share, with the problems that need the figures together. */
function settleStrength(
  figures: {
    volume: number | null;
    marketVolume: number | null;
    givenShare: number | null;
    leaderShare: number | null;
  },
  context: StrengthContext
): Pick<ProductRange, "marketShare" | "shareSource" | "leaderShare"> {
  const { volume, marketVolume, givenShare } = figures;
  const { say, shown, missing } = context;
  let computed: number | null = null;
  let blocked = false;
  if (volume !== null && marketVolume !== null) {
    if (volume > marketVolume) {
      say(
        "marketVolume",
        shown("marketVolume"),
        `is below the volume ${volume}: a market holds at least the range's own volume`
      );
      blocked = true;
    } else computed = volume / marketVolume;
  }
  if (
    givenShare !== null &&
    computed !== null &&
    Math.abs(givenShare - computed) > SHARE_AGREEMENT + FLOAT_SLACK
  ) {
    say(
      "marketShare",
      shown("marketShare"),
      `disagrees with volume ÷ market volume = ${percent(computed)}: correct one of them; the market share given is used`
    );
  }
  const marketShare = givenShare ?? computed;
  const flagged =
    blocked ||
    context.refused.has("volume") ||
    context.refused.has("marketVolume") ||
    context.refused.has("marketShare");
  if (marketShare === null && !flagged) {
    const orShare = context.canGiveShare ? ", or the market share," : "";
    const purpose = "to place the range on the strength axis";
    if (context.canComputeShare && volume !== null) {
      say("marketVolume", null, `is ${missing}: give it${orShare} ${purpose}`);
    } else if (context.canComputeShare && marketVolume !== null) {
      say("volume", null, `is ${missing}: give it${orShare} ${purpose}`);
    } else if (context.canGiveShare) {
      const orFigures = context.canComputeShare ? ", or the volume and the market volume," : "";
      say("marketShare", null, `is ${missing}: give it${orFigures} ${purpose}`);
    } else if (context.canComputeShare) {
      say("marketVolume", null, `is ${missing}, and so is the volume: give both ${purpose}`);
    }
  }

  let leaderShare = figures.leaderShare;
  if (leaderShare === null) {
    if (context.wantsLeader && !context.refused.has("leaderShare")) {
      say(
        "leaderShare",
        null,
        `is ${missing}: the relative share needs the largest competitor's share`
      );
    }
  } else if (marketShare !== null && marketShare + leaderShare > 1 + FLOAT_SLACK) {
    say(
      "leaderShare",
      shown("leaderShare"),
      `and the range's own market share ${percent(marketShare)} add up to more than 100 %`
    );
    leaderShare = null;
  }
  return {
    marketShare,
    shareSource: givenShare !== null ? "given" : computed !== null ? "computed" : null,
    leaderShare,
  };
}

function matchesSum(value: number, sum: number): boolean {
  return sum !== 0 && Math.abs(value - sum) <= Math.max(1, Math.abs(sum) * 0.005);
}

/** A nameless row whose every figure equals the sum of the ranges above it (as in the handbook's table). */
function looksLikeTotal(
  readings: Record<"volume" | "sales" | "margin", Reading<number>>,
  sinceTotal: { volume: number; sales: number; margin: number },
  sinceTop: { volume: number; sales: number; margin: number }
): boolean {
  let figures = 0;
  for (const field of ["volume", "sales", "margin"] as const) {
    const reading = readings[field];
    if (reading.kind === "error") return false;
    if (reading.kind === "blank") continue;
    figures++;
    if (
      !matchesSum(reading.value, sinceTotal[field]) &&
      !matchesSum(reading.value, sinceTop[field])
    )
      return false;
  }
  return figures > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Ranges from the pipeline's won deals

/** What the user types for a range when the ranges are built from won deals; every figure optional. */
export interface MarketFigures {
  readonly marketVolume?: number | null;
  /** Units sold; when not given, the count of won deals stands in for it. */
  readonly volume?: number | null;
  readonly margin?: number | null;
  /** A share given directly, used as in a table (it wins over volume ÷ market volume). */
  readonly marketShare?: number | null;
  readonly leaderShare?: number | null;
}

/**
 * Product ranges built from `CarnetPipeline`'s won deals (category "Won") and the user's market figures,
 * keyed by range name (names compared with {@link rangeKey}):
 * - sales = Σ amount of the range's won deals (a won deal whose amount could not be read is left out, and
 *   the range says so);
 * - volume = the user's figure, else the count of won deals: that is a number of deals, comparable with a
 *   market volume only when the market is counted in deals too (contracts, projects), so give units sold
 *   when the market is counted in units;
 * - margin = the user's figure only, never guessed from sales (a margin rate would be a guess): when not given
 *   the range has no class, and an issue says so;
 * - market share = the user's share, else volume ÷ market volume, checked as in {@link readPortfolioRows}.
 * Ranges appear in the order of their first won deal, then the ranges the user gave figures for that have no
 * won deal (sales 0: part of the portfolio all the same). Won deals without a product are left out: see
 * {@link unassignedWonDeals}. `row` is the position in the returned list.
 */
export function rangesFromWonDeals(
  deals: readonly Deal[],
  market: ReadonlyMap<string, MarketFigures>
): ProductRange[] {
  const groups = new Map<
    string,
    { name: string; won: number; sales: number; unreadable: number }
  >();
  for (const deal of deals) {
    if (deal.category !== "Won") continue;
    const product = deal.product?.trim();
    if (!product) continue;
    const key = rangeKey(product);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { name: product, won: 0, sales: 0, unreadable: 0 }));
    group.won++;
    if (deal.amount === null) group.unreadable++;
    else group.sales += deal.amount;
  }
  const figuresByKey = new Map<string, MarketFigures>();
  for (const [name, figures] of market) {
    const key = rangeKey(name);
    if (!figuresByKey.has(key)) figuresByKey.set(key, figures);
    if (!groups.has(key)) groups.set(key, { name: name.trim(), won: 0, sales: 0, unreadable: 0 });
  }

  return [...groups].map(([key, group], row) => {
    const given = figuresByKey.get(key) ?? {};
    const issues: string[] = [];
    const say: Say = (field, shown, problem) =>
      issues.push(
        shown === null
          ? `${FIELD_WORDS[field]} for ${group.name} ${problem}`
          : `${FIELD_WORDS[field]} ${shown} for ${group.name} ${problem}`
      );
    const givenOf = (field: PortfolioField): number | null =>
      field === "range" ? null : (given[field as keyof MarketFigures] ?? null);
    const shownOf = (field: PortfolioField): string => {
      const value = givenOf(field);
      if (value === null) return "";
      return field === "marketShare" || field === "leaderShare" ? percent(value) : String(value);
    };
    const refused = new Set<FigureField>();
    const figure = (field: FigureField): number | null => {
      const value = givenOf(field);
      if (value === null) return null;
      const checked = Number.isFinite(value)
        ? checkedFigure(field, value, shownOf(field), say)
        : (say(field, String(value), "is not a finite number"), null);
      if (checked === null) refused.add(field);
      return checked;
    };
    const volume = givenOf("volume") !== null ? figure("volume") : group.won;
    const marketVolume = figure("marketVolume");
    const givenShare = figure("marketShare");
    const leaderShare = figure("leaderShare");
    const margin = figure("margin");
    const strength = settleStrength(
      { volume, marketVolume, givenShare, leaderShare },
      {
        shown: shownOf,
        say,
        missing: "not given",
        refused,
        canGiveShare: true,
        canComputeShare: true,
        wantsLeader: false,
      }
    );
    if (margin === null && !refused.has("margin")) {
      say("margin", null, "is not given: give the range's contribution margin to classify it");
    }
    if (group.unreadable > 0) {
      const deals = group.unreadable === 1 ? "1 won deal" : `${group.unreadable} won deals`;
      say("sales", null, `leave out ${deals} whose amount could not be read`);
    }
    return {
      row,
      name: group.name,
      volume,
      marketVolume,
      ...strength,
      sales: group.sales,
      margin,
      issues,
    };
  });
}

/** Won deals with no product: they belong to no range, and the pane says how many were left out. */
export function unassignedWonDeals(deals: readonly Deal[]): Deal[] {
  return deals.filter((d) => d.category === "Won" && !d.product?.trim());
}

// ---------------------------------------------------------------------------------------------------------------
// Settings

/**
 * The strength axis: `share` is the range's market share in volume (the handbook's measure); `relative` is
 * its share ÷ its largest competitor's share (the range's `leaderShare`), above 1 for a market leader.
 */
export type StrengthMeasure = "share" | "relative";

export interface MatrixSettings {
  /** Below `low` is Weak, from `high` up is Strong, on the measure's scale (shares as fractions: 0.1 = 10 %). */
  readonly strengthCuts: Cuts;
  readonly abcShares: AbcShares;
  readonly measure: StrengthMeasure;
}

/**
 * Cut-offs to offer when the user switches measure. Market share: 10 % and 25 % (the issue's example).
 * Relative share: half the leader's share, and the leader's share itself (strong means leading the market).
 */
export const DEFAULT_STRENGTH_CUTS: Readonly<Record<StrengthMeasure, Cuts>> = Object.freeze({
  share: Object.freeze({ low: 0.1, high: 0.25 }),
  relative: Object.freeze({ low: 0.5, high: 1 }),
});

export const DEFAULT_MATRIX_SETTINGS: MatrixSettings = Object.freeze({
  strengthCuts: DEFAULT_STRENGTH_CUTS.share,
  abcShares: DEFAULT_ABC_SHARES,
  measure: "share" as const,
});

/** Why the settings cannot be used, in words for the pane, or null. */
export function settingsProblem(settings: MatrixSettings): string | null {
  const { measure, strengthCuts } = settings;
  if (measure !== "share" && measure !== "relative") {
    return `the strength measure "${String(measure)}" is not known: use share or relative`;
  }
  const abc = abcSharesProblem(settings.abcShares);
  if (abc) return abc;
  const cuts = cutsProblem(strengthCuts);
  if (cuts) return cuts;
  const what = measure === "share" ? "a market share" : "a relative share";
  if (strengthCuts.low < 0)
    return `the low cut-off ${strengthCuts.low} is below 0: ${what} cannot be negative`;
  if (measure === "share" && strengthCuts.high > 1) {
    const high = strengthCuts.high;
    return high <= 100
      ? `the high cut-off ${high} is above 100 %: write ${high}% or ${Number(`${high}e-2`)}`
      : `the high cut-off ${high} is above 100 %: a market share is at most 100 %`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// The matrix

export interface MatrixRow {
  readonly range: ProductRange;
  /** margin ÷ total positive margin; null when the margin is ≤ 0 or blank (out of the ABC total). */
  readonly marginShare: number | null;
  /**
   * Σ margin share of this range and of those before it in margin-descending order (equal margins in input
   * order); the last is exactly 1. Null when marginShare is. A range of class A may end above the A share:
   * the range that crosses the line belongs to the class above it (domain.md).
   */
  readonly cumulativeShare: number | null;
  readonly abc: AbcClass | null;
  /** The relative share (market share ÷ leader share) when both are known, whatever the measure. */
  readonly relativeShare: number | null;
  /** The x value the strength level comes from: the market share, or the relative share. */
  readonly strengthValue: number | null;
  readonly strength: Level | null;
  readonly attractiveness: Level | null;
  readonly cell: string | null;
  readonly zone: Zone | null;
}

/**
 * Classifies the ranges (rows in input order). Attractiveness is the ABC class of the margin (abc.ts rules:
 * equal margins share a class, loss-making ranges are C, a blank margin has no class). Strength is the level
 * of the measure's value; a range without it gets no strength, cell or zone. Throws a RangeError when
 * {@link settingsProblem} finds one.
 */
export function portfolioMatrix(
  ranges: readonly ProductRange[],
  settings: MatrixSettings = DEFAULT_MATRIX_SETTINGS
): MatrixRow[] {
  const problem = settingsProblem(settings);
  if (problem) throw new RangeError(problem);
  const n = ranges.length;
  const margins = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const margin = ranges[i].margin;
    margins[i] = margin !== null && Number.isFinite(margin) ? margin : NaN;
  }
  const cuts = abcCuts(margins, settings.abcShares);

  // The Pareto order. Summing in that same order makes the last cumulative share exactly total ÷ total = 1.
  const order = paretoOrder(margins);
  let total = 0;
  for (const i of order) total += margins[i];
  const cumulative = new Array<number | null>(n).fill(null);
  let running = 0;
  for (const i of order) {
    running += margins[i];
    cumulative[i] = running / total;
  }

  return ranges.map((range, i) => {
    const abc = abcClassOf(margins[i], cuts);
    const relativeShare =
      range.marketShare !== null && range.leaderShare !== null && range.leaderShare > 0
        ? range.marketShare / range.leaderShare
        : null;
    const strengthValue = settings.measure === "relative" ? relativeShare : range.marketShare;
    const strength = strengthValue === null ? null : levelOf(strengthValue, settings.strengthCuts);
    const attractiveness = abc === null ? null : levelOfAbc(abc);
    const placed = strength !== null && attractiveness !== null;
    return {
      range,
      marginShare: margins[i] > 0 ? margins[i] / total : null,
      cumulativeShare: cumulative[i],
      abc,
      relativeShare,
      strengthValue,
      strength,
      attractiveness,
      cell: placed ? nineBoxCell(strength, attractiveness) : null,
      zone: placed ? zoneOf(strength, attractiveness) : null,
    };
  });
}

/** Indices of the positive margins, largest first; Array.prototype.sort is stable, so ties keep input order. */
function paretoOrder(margins: Float64Array): number[] {
  const order: number[] = [];
  for (let i = 0; i < margins.length; i++) if (margins[i] > 0) order.push(i);
  return order.sort((x, y) => margins[y] - margins[x]);
}

/** The Pareto chart's bars: ranges with a positive margin, largest first (ties in input order). */
export function paretoRows(rows: readonly MatrixRow[]): MatrixRow[] {
  return rows
    .filter((row) => row.marginShare !== null)
    .sort((x, y) => (y.range.margin ?? 0) - (x.range.margin ?? 0));
}

/** The nine cells in NINE_BOX order (attractive and strong first), each with its ranges in input order. */
export function nineBoxContents(
  rows: readonly MatrixRow[]
): { strength: Level; attractiveness: Level; cell: string; zone: Zone; rows: MatrixRow[] }[] {
  return NINE_BOX.map((box) => ({
    ...box,
    rows: rows.filter(
      (row) => row.strength === box.strength && row.attractiveness === box.attractiveness
    ),
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// The CarnetMatrix table (a public interface: users write formulas on it; renaming a column breaks them)

export const MATRIX_COLUMNS: readonly string[] = Object.freeze([
  "Range",
  "Volume",
  "Market volume",
  "Market share",
  "Sales",
  "Margin",
  "Margin share",
  "Cumulative share",
  "ABC class",
  "Strength",
  "Attractiveness",
  "Nine-box cell",
  "Zone",
]);

/** With the relative measure, two columns follow the thirteen (after them, so formulas on those stay right). */
export const RELATIVE_MATRIX_COLUMNS: readonly string[] = Object.freeze([
  ...MATRIX_COLUMNS,
  "Leader share",
  "Relative share",
]);

export function matrixColumns(measure: StrengthMeasure): readonly string[] {
  return measure === "relative" ? RELATIVE_MATRIX_COLUMNS : MATRIX_COLUMNS;
}

/**
 * One CarnetMatrix row as values, in matrixColumns(measure) order: shares as fractions (the writer formats
 * them as %), levels as Low / Medium / High on both axes, null for an empty cell. The writer may replace the
 * class, cell and zone values with their live formulas; these are what the formulas give.
 */
export function matrixTableRow(
  row: MatrixRow,
  measure: StrengthMeasure = "share"
): (string | number | null)[] {
  const r = row.range;
  const values: (string | number | null)[] = [
    r.name,
    r.volume,
    r.marketVolume,
    r.marketShare,
    r.sales,
    r.margin,
    row.marginShare,
    row.cumulativeShare,
    row.abc,
    row.strength,
    row.attractiveness,
    row.cell,
    row.zone,
  ];
  if (measure === "relative") values.push(r.leaderShare, row.relativeShare);
  return values;
}

// ---------------------------------------------------------------------------------------------------------------
// The handbook's warning

export interface HarvestOpportunity {
  readonly deal: Deal;
  /** The range's name as the matrix has it. */
  readonly range: string;
  readonly zone: Zone;
}

/**
 * Open deals (not Won, Lost or Omitted) on a range in the "Harvest / divest" zone, in deal order: the
 * "opportunities that may not fit the plan". Product and range names match by {@link rangeKey}; deals on
 * ranges the matrix does not hold are not flagged.
 */
export function harvestOpportunities(
  deals: readonly Deal[],
  rows: readonly MatrixRow[]
): HarvestOpportunity[] {
  const harvest = new Map<string, MatrixRow>();
  for (const row of rows) {
    const key = rangeKey(row.range.name);
    if (row.zone === "Harvest / divest" && !harvest.has(key)) harvest.set(key, row);
  }
  return dealsOnRanges(deals, new Set(harvest.keys())).map((deal) => ({
    deal,
    range: harvest.get(rangeKey(deal.product!))!.range.name,
    zone: "Harvest / divest",
  }));
}

/**
 * The open deals (opportunities: a won deal is history) whose product is one of `rangeKeys` (names as
 * {@link rangeKey}), in order: what the handbook's warning counts, in the pane and in the pipeline.
 */
export function dealsOnRanges(deals: readonly Deal[], rangeKeys: ReadonlySet<string>): Deal[] {
  if (rangeKeys.size === 0) return [];
  return deals.filter((d) => isOpen(d) && d.product !== null && rangeKeys.has(rangeKey(d.product)));
}

/** The line the forecast build adds to a flagged deal's Issues column. */
export function harvestWarning(range: string): string {
  return `range ${range} is in the Harvest / divest zone of the matrix: an opportunity that may not fit the plan`;
}
