/**
 * Pipeline snapshots and their comparison (domain.md, "Snapshots"; issue 4, "History").
 *
 * "Take snapshot" freezes the pipeline with a timestamp as rows of the `CarnetSnapshots` table; two
 * snapshots then compare deal by deal, and the change of the weighted total between them is split
 * into a waterfall that a finance reviewer can tie out: start + Σ steps = end.
 *
 * Rules, where domain.md is silent, chosen as a sales manager and a finance reviewer would expect:
 *
 * - Scope. A deal counts in a weighted total when it is open (not Won, Lost or Omitted) and, if a
 *   period is given, its close date lies in the period (bounds inclusive; no close date = outside any
 *   period). Its weighted amount is amount × probability, a blank amount or probability counting as 0
 *   (the deal is then out of every total, as in the pipeline). The category is the deal's, or failing
 *   that its stage's when the stage says Won or Lost ("Closed won", "Gagné", "Perdu"), as the pipeline
 *   reader does.
 *
 * - Matching. A deal's key is its Id when it has one, else its company + contact + product, compared
 *   without case, accents or the handbook's closing full stops ("Alpha." = "alpha"). When the Id
 *   column appeared or disappeared between the snapshots, a deal with an id on one side only is matched
 *   by company + contact + product, but only when that pairing is unambiguous (one candidate on each
 *   side); two different ids never match.
 *
 * - Duplicates. Deals sharing a key within one snapshot are reported with their rows, and matched in
 *   order of appearance (first with first, second with second): rows keep their order from one
 *   snapshot to the next, so this is right in the usual case, and it keeps a duplicated but unchanged
 *   deal from showing up as one "removed" plus one "new", which would inflate both bars. Deals that
 *   nothing identifies (no id, company, contact or product) are reported as unidentified and matched
 *   among themselves in the same way. Such changes say `matchedBy: "order"` so the pane can flag them.
 *
 * - Kinds (several may apply to one deal; "unchanged" when none does):
 *   new / removed: the deal is only in the later / earlier snapshot.
 *   won / lost / omitted: the category became Won / Lost / Omitted (Omitted: taken out of the forecast
 *   without being won or lost). reopened: it was Won, Lost or Omitted and is open again.
 *   slipped out / pulled in (only for a deal open in both): with a period, it left the period (its
 *   close date moved out of it, usually later, or was cleared) / entered it. Without a period, "out of
 *   the period" is not decidable, so the calendar quarter of its close date (or `options.slipPeriod`)
 *   stands in: a later quarter is "slipped out", an earlier one "pulled in"; a move within the quarter
 *   is neither. The weighted total without a period counts every open deal whatever its date, so these
 *   two kinds then carry no amount in the waterfall.
 *   amount up / down, probability up / down: the figure rose / fell (a blank counting as 0); not
 *   listed for a deal that was won, lost or omitted, whose figures moving is the closing itself.
 *   Owner, stage, a move between Commit, Best case and Pipeline, or a new date within the period are
 *   not changes here: they do not move the weighted total.
 *
 * - Waterfall. Each deal's weighted delta (after − before, each 0 when out of scope) goes to exactly
 *   one step, or for a deal in scope both times to the two steps of a price/volume split:
 *     only in after → new (+w_after); only in before → removed (−w_before);
 *     in scope before, not after → won, lost or omitted by its new category, else slipped out
 *       (−w_before);
 *     in scope after, not before → reopened if it was closed or omitted, else pulled in (+w_after);
 *     in scope both times → amount effect (a_after − a_before) × p_before, to "amount up" or "amount
 *     down" by the sign of the amount's change, then probability effect a_after × (p_after − p_before),
 *     to "probability up" or "probability down". The two add up to a_after p_after − a_before p_before.
 *   A deal in scope neither time moves nothing. So Σ steps = after − before, up to float rounding.
 *   Steps come in the order of {@link CHANGE_KINDS}, those no deal reached left out.
 */
import { normaliseHeader } from "./columns";
import { readDate, ymdFromSerial } from "./dates";
import { closingStatus, isOpen, weightedAmount, weightedTotal } from "./countingRows";
import type { Deal, ForecastCategory } from "./deal";
import { InputProblem } from "./grid";
import type { Language } from "./language";
import {
  inPeriod,
  type PeriodFilter,
  periodFilterProblem,
  type PeriodKind,
  periodOf,
} from "./pipeline";
import { cleanText } from "./pipelineTable";
import type { SpeakOptions } from "./readingProblems";
import { snapshotText } from "./snapshotMessages";
import { readCategory } from "./stages";
import { type CellValue, isBlankCell, readAmount, readProbability, type Reading } from "./values";

export interface SnapshotDeal {
  id: string | null;
  company: string | null;
  contact: string | null;
  product: string | null;
  /** Excel serial day. */
  closeDate: number | null;
  amount: number | null;
  /** In [0, 1]. */
  probability: number | null;
  owner: string | null;
  stage: string | null;
  category: ForecastCategory | null;
  /**
   * 0-based row the deal was read from: the CarnetSnapshots table body for {@link snapshotsFromRows},
   * the source pipeline for {@link snapshotFromDeals}. Reports use it; without it, the deal's index.
   */
  row?: number;
}

export interface Snapshot {
  /** Excel serial date-time. */
  readonly takenAt: number;
  readonly label: string;
  readonly deals: readonly SnapshotDeal[];
}

/** Column headers of the CarnetSnapshots table, in order (a public interface: users write formulas on it). */
export const SNAPSHOT_COLUMNS: readonly string[] = Object.freeze([
  "Snapshot",
  "Taken at",
  "Id",
  "Company",
  "Contact",
  "Product",
  "Close date",
  "Amount",
  "Probability",
  "Weighted amount",
  "Owner",
  "Stage",
  "Forecast category",
]);

const COL = {
  label: 0,
  takenAt: 1,
  id: 2,
  company: 3,
  contact: 4,
  product: 5,
  closeDate: 6,
  amount: 7,
  probability: 8,
  weighted: 9,
  owner: 10,
  stage: 11,
  category: 12,
} as const;

/** Excel's last date, 9999-12-31, and the first serial after it. */
const END_OF_DATES = 2958466;
/** Two rows of one snapshot closer than this in time are the same instant (half a second). */
const SAME_INSTANT = 0.5 / 86400;

/** The deal as a snapshot keeps it. */
export function snapshotDealFromDeal(deal: Deal): SnapshotDeal {
  return {
    id: deal.id,
    company: deal.company,
    contact: deal.contact,
    product: deal.product,
    closeDate: deal.closeDate,
    amount: deal.amount,
    probability: deal.probability,
    owner: deal.owner,
    stage: deal.stage,
    category: deal.category,
    row: deal.row,
  };
}

/** "Take snapshot": the pipeline as read now, frozen under a label. */
export function snapshotFromDeals(
  label: string,
  takenAt: number,
  deals: readonly Deal[]
): Snapshot {
  return { label, takenAt, deals: deals.map(snapshotDealFromDeal) };
}

/**
 * The label of a snapshot: the name the user gave it ("Monday review"), else the time it was taken
 * ("2003-04-04 10:30"); with " (2)", " (3)"… when a snapshot already has that label, since rows are
 * grouped into snapshots by label.
 */
export function snapshotLabel(
  takenAt: number,
  existing: readonly string[] = [],
  name: string | null = null
): string {
  const base = name?.trim() || formatDateTime(takenAt);
  const taken = new Set(existing.map((label) => label.trim()));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} (${n})`)) return `${base} (${n})`;
}

/**
 * The periods two snapshots' open deals close in, in time order: what a comparison can be narrowed
 * to ("what slipped out of 2027-Q1").
 */
export function snapshotPeriods(
  snapshots: readonly Snapshot[],
  kind: PeriodKind
): { key: string; start: number; end: number }[] {
  const periods = new Map<string, { key: string; start: number; end: number }>();
  for (const snapshot of snapshots)
    for (const deal of snapshot.deals)
      if (deal.closeDate !== null && isOpen(weighable(deal))) {
        const { key, start, end } = periodOf(deal.closeDate, kind);
        periods.set(key, { key, start, end });
      }
  return [...periods.values()].sort((a, b) => a.start - b.start);
}

/** The category that decides whether the deal is open: its own, or the closing one its stage says. */
export function effectiveCategory(
  deal: Pick<SnapshotDeal, "category" | "stage">
): ForecastCategory | null {
  return deal.category ?? closingStatus(deal.stage);
}

/** The deal as countingRows weighs it: with the category that decides whether it is open. */
function weighable(deal: SnapshotDeal) {
  return { category: effectiveCategory(deal), amount: deal.amount, probability: deal.probability };
}

/** amount × probability when the deal counts in weighted totals (open, in the period), else 0. */
export function snapshotWeightedAmount(deal: SnapshotDeal, period?: PeriodFilter): number {
  return inPeriod(deal.closeDate, period) ? (weightedAmount(weighable(deal)) ?? 0) : 0;
}

/** The snapshot's weighted total: Σ amount × probability over its open deals in the period. */
export function snapshotWeightedTotal(snapshot: Snapshot, period?: PeriodFilter): number {
  return weightedTotal(
    snapshot.deals.filter((deal) => inPeriod(deal.closeDate, period)).map(weighable)
  );
}

/**
 * The rows that store the snapshot in CarnetSnapshots, one per deal, in {@link SNAPSHOT_COLUMNS}
 * order; blanks are null. "Weighted amount" is amount × probability for open deals and blank for the
 * others (or when either figure is blank), so that SUMIFS over it for one snapshot gives that
 * snapshot's weighted total. A snapshot of an empty pipeline is one row with only its label and time,
 * so that it is not lost.
 */
export function snapshotRows(snapshot: Snapshot): (string | number | null)[][] {
  const { label, takenAt } = snapshot;
  if (snapshot.deals.length === 0)
    return [[label, takenAt, ...new Array<null>(SNAPSHOT_COLUMNS.length - 2).fill(null)]];
  return snapshot.deals.map((deal) => {
    const weighted = weightedAmount(weighable(deal));
    return [
      label,
      takenAt,
      deal.id,
      deal.company,
      deal.contact,
      deal.product,
      deal.closeDate,
      deal.amount,
      deal.probability,
      weighted,
      deal.owner,
      deal.stage,
      deal.category,
    ];
  });
}

export interface SnapshotRowProblem {
  /** 0-based row in the table body (below the header). */
  row: number;
  /** The column, the cell's text, then why: "Amount 12,500 is ambiguous: …" (the pane adds the address). */
  message: string;
}

/** How the history's problems are said: their language, and the columns' names in it. */
export interface SnapshotReadOptions extends SpeakOptions {
  readonly columnName?: (header: string) => string;
}

/**
 * Reads CarnetSnapshots back (the rows below the header, in {@link SNAPSHOT_COLUMNS} order): deals
 * grouped by their Snapshot label, snapshots in time order (ties in table order). Cells are read with
 * the pipeline's rules (text amounts, dates, "20 %", categories in French or English); the Weighted
 * amount column is derived, so it is not read. What cannot be read is a problem with its row:
 * - a row with no label or no readable time belongs to no snapshot and is left out;
 * - an unreadable figure, date or category is left blank on the deal, which is kept;
 * - a row whose time differs from its snapshot's first row is kept in that snapshot (the label groups).
 * Blank rows are skipped; a row with a label and a time but no deal cells stands for an empty snapshot.
 * Problems are in `options.language` (English by default), columns named by `options.columnName`
 * (the English header by default; the host gives the language's header).
 */
export function snapshotsFromRows(
  rows: readonly (readonly unknown[])[],
  options: SnapshotReadOptions = {}
): {
  snapshots: Snapshot[];
  problems: SnapshotRowProblem[];
} {
  const language = options.language ?? "en";
  const speak = { language };
  const columnName = options.columnName ?? ((header: string) => header);
  const columnOf = (c: number) => columnName(SNAPSHOT_COLUMNS[c]);
  const problems: SnapshotRowProblem[] = [];
  const groups = new Map<string, { takenAt: number; deals: SnapshotDeal[] }>();

  for (let r = 0; r < rows.length; r++) {
    const raw = rows[r];
    const cells: CellValue[] = [];
    for (let c = 0; c < SNAPSHOT_COLUMNS.length; c++) {
      const value = raw[c];
      const type = typeof value;
      if (value == null || type === "string" || type === "number" || type === "boolean")
        cells.push(value as CellValue);
      else {
        const column = columnOf(c);
        problems.push({ row: r, message: snapshotText("notACell", { column }, language) });
        cells.push(null);
      }
    }
    if (cells.every(isBlankCell)) continue;
    const problem = (col: number, shown: string, why: string) =>
      problems.push({
        row: r,
        message: `${columnOf(col)}${shown ? " " + shown : ""} ${why}`,
      });

    const label = textOf(cells[COL.label]);
    if (label === null) {
      problem(COL.label, "", snapshotText("labelBlank", {}, language));
      continue;
    }
    const takenAt = readTakenAt(cells[COL.takenAt], language);
    if (takenAt.kind !== "value") {
      if (takenAt.kind === "blank")
        problem(COL.takenAt, "", snapshotText("takenAtBlank", {}, language));
      else {
        const why = snapshotText("takenAtUnread", { problem: takenAt.problem }, language);
        problem(COL.takenAt, takenAt.shown, why);
      }
      continue;
    }

    let group = groups.get(label);
    if (!group) {
      group = { takenAt: takenAt.value, deals: [] };
      groups.set(label, group);
    } else if (Math.abs(takenAt.value - group.takenAt) > SAME_INSTANT) {
      problem(
        COL.takenAt,
        formatDateTime(takenAt.value),
        snapshotText("otherTime", { label, time: formatDateTime(group.takenAt) }, language)
      );
    }

    const dealCells = cells.slice(COL.id).filter((_, i) => i + COL.id !== COL.weighted);
    if (dealCells.every(isBlankCell)) continue; // the marker row of an empty snapshot

    const figure = <T>(col: number, reading: Reading<T>): T | null => {
      if (reading.kind === "error") {
        problem(
          col,
          reading.shown,
          snapshotText("leftBlank", { problem: reading.problem }, language)
        );
        return null;
      }
      return reading.kind === "value" ? reading.value : null;
    };
    // Read in column order, so that a row's problems come left to right.
    const closeDate = figure(COL.closeDate, readDate(cells[COL.closeDate], speak));
    const amount = figure(COL.amount, readAmount(cells[COL.amount], speak));
    const probability = figure(COL.probability, readProbability(cells[COL.probability], speak));
    let category = readCategory(cells[COL.category]);
    if (category === undefined) {
      problem(
        COL.category,
        String(cells[COL.category]).trim(),
        snapshotText("notACategory", {}, language)
      );
      category = null;
    }
    group.deals.push({
      id: textOf(cells[COL.id]),
      company: textOf(cells[COL.company]),
      contact: textOf(cells[COL.contact]),
      product: textOf(cells[COL.product]),
      closeDate,
      amount,
      probability,
      owner: textOf(cells[COL.owner]),
      stage: textOf(cells[COL.stage]),
      category,
      row: r,
    });
  }

  const snapshots = [...groups].map(([label, g]) => ({
    label,
    takenAt: g.takenAt,
    deals: g.deals,
  }));
  snapshots.sort((a, b) => a.takenAt - b.takenAt); // stable: ties keep table order
  return { snapshots, problems };
}

// ---------------------------------------------------------------------------------------------------------------
// Matching

/**
 * The key that matches a deal across snapshots: "id:…" from its Id, else "ccp:company|contact|product",
 * each part compared without case, accents, extra spaces or closing full stops ("Alpha." = "alpha");
 * null when nothing identifies the deal. A "|" or "\" inside a name is escaped, so parts cannot run
 * into each other.
 */
export function dealKey(
  deal: Pick<SnapshotDeal, "id" | "company" | "contact" | "product">
): string | null {
  return keysOf(deal, keyPart).key;
}

function keyPart(text: string | null): string {
  return text === null ? "" : normaliseHeader(text).replace(/[\\|]/g, "\\$&");
}

/** The deal's key and its names part; `part` may be a memo of keyPart (names repeat across deals). */
function keysOf(
  deal: Pick<SnapshotDeal, "id" | "company" | "contact" | "product">,
  part: (text: string | null) => string
): { key: string | null; names: string | null } {
  const company = part(deal.company);
  const contact = part(deal.contact);
  const product = part(deal.product);
  const names =
    company === "" && contact === "" && product === "" ? null : `${company}|${contact}|${product}`;
  const id = part(deal.id);
  return { key: id !== "" ? `id:${id}` : names === null ? null : `ccp:${names}`, names };
}

function memo(f: (text: string | null) => string): (text: string | null) => string {
  const seen = new Map<string, string>();
  return (text) => {
    if (text === null) return f(text);
    let value = seen.get(text);
    if (value === undefined) seen.set(text, (value = f(text)));
    return value;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Comparison

export type ChangeKind =
  | "new"
  | "removed"
  | "won"
  | "lost"
  | "omitted"
  | "reopened"
  | "slipped out"
  | "pulled in"
  | "amount up"
  | "amount down"
  | "probability up"
  | "probability down"
  | "unchanged";

/** The order of kinds within a change and of the waterfall's steps. */
export const CHANGE_KINDS: readonly ChangeKind[] = Object.freeze([
  "new",
  "removed",
  "won",
  "lost",
  "omitted",
  "reopened",
  "slipped out",
  "pulled in",
  "amount up",
  "amount down",
  "probability up",
  "probability down",
  "unchanged",
] as ChangeKind[]);

export const CHANGE_LABELS: Readonly<Record<ChangeKind, string>> = Object.freeze({
  new: "New deals",
  removed: "Removed from the pipeline",
  won: "Won",
  lost: "Lost",
  omitted: "Omitted from the forecast",
  reopened: "Reopened",
  "slipped out": "Slipped out of the period",
  "pulled in": "Pulled into the period",
  "amount up": "Amount up",
  "amount down": "Amount down",
  "probability up": "Probability up",
  "probability down": "Probability down",
  unchanged: "Unchanged",
});

export interface DealChange {
  /** The key the deals were matched on ("id:…", "ccp:…", or "unidentified"); repeats for duplicates. */
  key: string;
  /** "Alpha / Mr. X / Produit A", the id in brackets when there is one; the later snapshot's names. */
  label: string;
  kinds: ChangeKind[];
  before: SnapshotDeal | null;
  after: SnapshotDeal | null;
  /** The deal's weighted amount in each snapshot, 0 when out of scope (closed, omitted, out of period). */
  weightedBefore: number;
  weightedAfter: number;
  /** How the two were paired: by Id, by company + contact + product, or by order among duplicates. */
  matchedBy: "id" | "names" | "order" | null;
  /** This deal's share of the waterfall's steps; Σ delta = weightedAfter − weightedBefore. */
  steps: { kind: ChangeKind; delta: number }[];
}

export interface WaterfallStep {
  kind: ChangeKind;
  label: string;
  delta: number;
  /** Deals that contributed to the step. */
  deals: number;
}

export interface Comparison {
  /** The later snapshot's deals in order (matched or new), then the removed ones in the earlier order. */
  changes: DealChange[];
  /** Keys shared by several deals within one snapshot, with their rows (see {@link SnapshotDeal.row}). */
  duplicates: { snapshot: "before" | "after"; key: string; rows: number[] }[];
  /** Deals with no id, company, contact or product, by snapshot. */
  unidentified: { snapshot: "before" | "after"; rows: number[] }[];
  weightedBefore: number;
  weightedAfter: number;
  /** From weightedBefore to weightedAfter: Σ deltas = weightedAfter − weightedBefore (up to rounding). */
  waterfall: WaterfallStep[];
}

export interface CompareOptions {
  /** Without a period, the calendar period whose change of close date makes "slipped out" / "pulled in". */
  readonly slipPeriod?: PeriodKind;
}

const UNIDENTIFIED = "unidentified";

interface Entry {
  readonly deal: SnapshotDeal;
  readonly row: number;
  readonly key: string | null;
  readonly names: string | null;
  readonly hasId: boolean;
  readonly open: boolean;
  readonly inPeriod: boolean;
  readonly weighted: number;
  partner: Entry | null;
  matchedBy: DealChange["matchedBy"];
  matchKey: string;
}

/**
 * Compares two snapshots deal by deal and splits the move of the weighted total (over the period, if
 * given) into a waterfall. The module comment states the rules. Throws InputProblem when the period
 * starts after it ends.
 */
export function compareSnapshots(
  before: Snapshot,
  after: Snapshot,
  period?: PeriodFilter,
  options: CompareOptions = {}
): Comparison {
  const problem = period ? periodFilterProblem(period) : null;
  if (problem) throw new InputProblem(problem);
  const context: Context = {
    dated: period != null && (period.from != null || period.to != null),
    slipPeriod: options.slipPeriod ?? "quarter",
  };
  const part = memo(keyPart);
  const b = before.deals.map((deal, index) => entryOf(deal, index, period, part));
  const a = after.deals.map((deal, index) => entryOf(deal, index, period, part));
  const beforeGroups = groupBy(b, (e) => e.key ?? UNIDENTIFIED);
  const afterGroups = groupBy(a, (e) => e.key ?? UNIDENTIFIED);
  pairBySameKey(beforeGroups, afterGroups);
  pairAcrossIdColumn(b, a);

  const changes: DealChange[] = [];
  for (const y of a) changes.push(change(y.partner, y, context));
  for (const x of b) if (!x.partner) changes.push(change(x, null, context));
  return {
    changes,
    duplicates: [...duplicatesOf(beforeGroups, "before"), ...duplicatesOf(afterGroups, "after")],
    unidentified: [
      unidentifiedOf(beforeGroups, "before"),
      unidentifiedOf(afterGroups, "after"),
    ].filter((u) => u !== null),
    weightedBefore: sumWeighted(b),
    weightedAfter: sumWeighted(a),
    waterfall: waterfallOf(changes),
  };
}

function entryOf(
  deal: SnapshotDeal,
  index: number,
  period: PeriodFilter | undefined,
  part: (text: string | null) => string
): Entry {
  const { key, names } = keysOf(deal, part);
  return {
    deal,
    row: deal.row ?? index,
    key,
    names,
    hasId: key !== null && key.startsWith("id:"),
    open: isOpen(weighable(deal)),
    inPeriod: inPeriod(deal.closeDate, period),
    weighted: snapshotWeightedAmount(deal, period),
    partner: null,
    matchedBy: null,
    matchKey: key ?? UNIDENTIFIED,
  };
}

function pair(x: Entry, y: Entry, by: Exclude<DealChange["matchedBy"], null>, key: string): void {
  x.partner = y;
  y.partner = x;
  x.matchedBy = y.matchedBy = by;
  x.matchKey = y.matchKey = key;
}

/** Same key; several deals on one key (or none identifying them) pair in order of appearance. */
function pairBySameKey(
  beforeGroups: Map<string, Entry[]>,
  afterGroups: Map<string, Entry[]>
): void {
  for (const [key, ys] of afterGroups) {
    const xs = beforeGroups.get(key);
    if (!xs) continue;
    const by =
      key === UNIDENTIFIED || xs.length > 1 || ys.length > 1
        ? "order"
        : key.startsWith("id:")
          ? "id"
          : "names";
    for (let i = 0; i < Math.min(xs.length, ys.length); i++) pair(xs[i], ys[i], by, key);
  }
}

/**
 * The Id column came or went: an id on one side only pairs by names, when unambiguous. After
 * pairBySameKey, unmatched deals without id and with the same names are all on one side.
 */
function pairAcrossIdColumn(b: readonly Entry[], a: readonly Entry[]): void {
  const loose = (entries: readonly Entry[]) =>
    groupBy(
      entries.filter((e) => !e.partner && e.names !== null),
      (e) => e.names as string
    );
  const looseBefore = loose(b);
  for (const [names, ys] of loose(a)) {
    const xs = looseBefore.get(names) ?? [];
    const withoutIdBefore = xs.filter((e) => !e.hasId);
    const [x, y] =
      withoutIdBefore.length > 0
        ? [withoutIdBefore, ys.filter((e) => e.hasId)]
        : [xs.filter((e) => e.hasId), ys.filter((e) => !e.hasId)];
    if (x.length === 1 && y.length === 1) pair(x[0], y[0], "names", `ccp:${names}`);
  }
}

/** The steps that some deal reached, in the order of CHANGE_KINDS, with their summed deltas. */
function waterfallOf(changes: readonly DealChange[]): WaterfallStep[] {
  const totals = new Map<ChangeKind, { delta: number; deals: number }>();
  for (const c of changes)
    for (const step of c.steps) {
      const t = totals.get(step.kind) ?? { delta: 0, deals: 0 };
      t.delta += step.delta;
      t.deals += 1;
      totals.set(step.kind, t);
    }
  const waterfall: WaterfallStep[] = [];
  for (const kind of CHANGE_KINDS) {
    const t = totals.get(kind);
    if (t) waterfall.push({ kind, label: CHANGE_LABELS[kind], delta: t.delta, deals: t.deals });
  }
  return waterfall;
}

function unidentifiedOf(
  groups: Map<string, Entry[]>,
  snapshot: "before" | "after"
): Comparison["unidentified"][number] | null {
  const entries = groups.get(UNIDENTIFIED);
  return entries ? { snapshot, rows: entries.map((e) => e.row) } : null;
}

interface Context {
  readonly dated: boolean;
  readonly slipPeriod: PeriodKind;
}

function change(x: Entry | null, y: Entry | null, context: Context): DealChange {
  const entry = (y ?? x) as Entry;
  const common = {
    key: entry.matchKey,
    label: dealLabel(entry.deal),
    before: x ? x.deal : null,
    after: y ? y.deal : null,
    weightedBefore: x ? x.weighted : 0,
    weightedAfter: y ? y.weighted : 0,
    matchedBy: entry.matchedBy,
  };
  const inScope = (e: Entry) => e.open && e.inPeriod;
  if (!x || !y) {
    const e = (x ?? y) as Entry;
    const kind: ChangeKind = x ? "removed" : "new";
    const delta = x ? -e.weighted : e.weighted;
    return { ...common, kinds: [kind], steps: inScope(e) ? [{ kind, delta }] : [] };
  }

  const kinds = new Set<ChangeKind>();
  const categoryBefore = effectiveCategory(x.deal);
  const categoryAfter = effectiveCategory(y.deal);
  for (const closed of ["Won", "Lost", "Omitted"] as const)
    if (categoryAfter === closed && categoryBefore !== closed)
      kinds.add(closed === "Won" ? "won" : closed === "Lost" ? "lost" : "omitted");
  if (!x.open && y.open) kinds.add("reopened");
  if (x.open && y.open) {
    const slip = slipOf(x, y, context);
    if (slip) kinds.add(slip);
  }
  const amountBefore = x.deal.amount ?? 0;
  const amountAfter = y.deal.amount ?? 0;
  const probabilityBefore = x.deal.probability ?? 0;
  const probabilityAfter = y.deal.probability ?? 0;
  // A deal that closed is listed as won, lost or omitted: its probability going to 100 % or 0 %
  // is the closing itself, not a change of forecast.
  const closed = kinds.has("won") || kinds.has("lost") || kinds.has("omitted");
  if (amountAfter !== amountBefore && !closed)
    kinds.add(amountAfter > amountBefore ? "amount up" : "amount down");
  if (probabilityAfter !== probabilityBefore && !closed)
    kinds.add(probabilityAfter > probabilityBefore ? "probability up" : "probability down");
  if (kinds.size === 0) kinds.add("unchanged");

  const steps: DealChange["steps"] = [];
  if (inScope(x) && !inScope(y)) {
    const kind: ChangeKind =
      categoryAfter === "Won"
        ? "won"
        : categoryAfter === "Lost"
          ? "lost"
          : categoryAfter === "Omitted"
            ? "omitted"
            : "slipped out";
    steps.push({ kind, delta: -x.weighted });
  } else if (!inScope(x) && inScope(y)) {
    steps.push({ kind: x.open ? "pulled in" : "reopened", delta: y.weighted });
  } else if (inScope(x) && inScope(y)) {
    // Price/volume split: the amount moves at the old probability, then the probability at the new amount.
    if (amountAfter !== amountBefore)
      steps.push({
        kind: amountAfter > amountBefore ? "amount up" : "amount down",
        delta: (amountAfter - amountBefore) * probabilityBefore,
      });
    if (probabilityAfter !== probabilityBefore)
      steps.push({
        kind: probabilityAfter > probabilityBefore ? "probability up" : "probability down",
        delta: amountAfter * (probabilityAfter - probabilityBefore),
      });
  }
  return { ...common, kinds: CHANGE_KINDS.filter((k) => kinds.has(k)), steps };
}

function slipOf(x: Entry, y: Entry, context: Context): "slipped out" | "pulled in" | null {
  if (context.dated) {
    if (x.inPeriod && !y.inPeriod) return "slipped out";
    if (!x.inPeriod && y.inPeriod) return "pulled in";
    return null;
  }
  const from = periodStart(x.deal.closeDate, context.slipPeriod);
  const to = periodStart(y.deal.closeDate, context.slipPeriod);
  if (from === null || to === null || from === to) return null;
  return to > from ? "slipped out" : "pulled in";
}

function periodStart(serial: number | null, kind: PeriodKind): number | null {
  if (serial === null || !(serial >= 1 && serial < END_OF_DATES)) return null;
  return periodOf(serial, kind).start;
}

/** "Alpha / Mr. X / Produit A [OPP-7]": names as typed, without the handbook's closing full stops. */
function dealLabel(deal: SnapshotDeal): string {
  const names = [deal.company, deal.contact, deal.product]
    .map((part) => cleanText(part))
    .filter((part): part is string => part !== null)
    .join(" / ");
  const id = cleanText(deal.id);
  if (names === "") return id === null ? "(unidentified deal)" : `Id ${id}`;
  return id === null ? names : `${names} [${id}]`;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function duplicatesOf(
  groups: Map<string, Entry[]>,
  snapshot: "before" | "after"
): Comparison["duplicates"] {
  return [...groups]
    .filter(([key, entries]) => key !== UNIDENTIFIED && entries.length > 1)
    .map(([key, entries]) => ({ snapshot, key, rows: entries.map((e) => e.row) }));
}

/** Σ of the entries' weighted amounts (each already decided by countingRows). */
function sumWeighted(entries: readonly Entry[]): number {
  let total = 0;
  for (const entry of entries) total += entry.weighted;
  return total;
}

// ---------------------------------------------------------------------------------------------------------------
// Cells

/** Text as stored: trimmed, blank → null; a number (an Id such as 1042) as Excel shows it. */
function textOf(cell: CellValue): string | null {
  if (isBlankCell(cell)) return null;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell).trim();
}

/** A date-time serial as written by snapshotRows; text dates give the day at midnight. */
function readTakenAt(cell: CellValue, language: Language): Reading<number> {
  if (typeof cell === "number") {
    if (cell >= 1 && cell < END_OF_DATES) return { kind: "value", value: cell };
    const problem = snapshotText("notADateTime", {}, language);
    return { kind: "error", shown: String(cell), problem };
  }
  return readDate(cell, { language });
}

function formatDateTime(serial: number): string {
  if (!(serial >= 1 && serial < END_OF_DATES)) return String(serial);
  const minutes = Math.round(serial * 1440);
  const day = Math.floor(minutes / 1440);
  if (day >= END_OF_DATES) return String(serial);
  const { year, month, day: dayOfMonth } = ymdFromSerial(day);
  const inDay = minutes - day * 1440;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${year}-${two(month)}-${two(dayOfMonth)} ${two(Math.floor(inDay / 60))}:${two(inDay % 60)}`;
}
