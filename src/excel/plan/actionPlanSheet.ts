/**
 * The "Carnet Action Plan" sheet (issue 13), planned without a host: where CarnetActionPlan sits, how
 * its columns are formatted, which cells a save writes, and the semester's budget block and timeline
 * beside it. host/actionPlan.ts reads the table and writes what this module plans.
 *
 * The table is Carnet's, but users edit it in Excel (they type, sort, move columns, add rows), so a save
 * never rewrites it: it writes, by Id, only the cells whose value changed, where each row is now
 * (rows.ts finds the columns by header, merge.ts decides the values). Text columns are formatted as
 * Text (`@`) before their values are written, so an id `0012` or a target `+33 6 12 34 56 78` stays
 * text; Excel would otherwise type them (12, a formula). Nothing here writes a formula into the table:
 * one formula in a table column becomes Excel's calculated column and fills every row.
 */
import {
  ACTION_FIELDS,
  ACTION_PLAN_COLUMNS,
  type Action,
  type ActionPlanColumn,
} from "../../domain/actionPlan/action";
import { actionIdIssuer, actionIdNumber } from "../../domain/actionPlan/ids";
import {
  ACTION_COLUMN_KINDS,
  type ActionPlanColumns,
  type ActionTableReading,
  actionPlanColumns,
  actionPlanHeaders,
  phaseLabel,
} from "../../domain/actionPlan/rows";
import { moneyText, percentText } from "../../domain/actionPlan/money";
import { semesterForm, semesterFromText, semesterLabel } from "../../domain/actionPlan/semester";
import type { GroupReview, SemesterReview } from "../../domain/actionPlan/review";
import type { Language } from "../../domain/language";
import { type CellValue, readAmount } from "../../domain/values";
import { cellAddress, columnLetters } from "./a1";
import { type Box, type SheetPlan, type TablePlan, textCell } from "./sheetPlan";
import {
  FORECAST_WORDS,
  headerIn,
  inWorkbookLanguage,
  isPlanItem,
  languageOfHeaders,
  PLAN_WORDS,
  type PlanItem,
} from "./workbookText";

export const ACTION_PLAN_SHEET = "Carnet Action Plan";
export const ACTION_PLAN_TABLE = "CarnetActionPlan";

/** Excel's Text number format: what is written there is kept as written. */
export const TEXT_FORMAT = "@";
export const DATE_FORMAT = "yyyy-mm-dd";
/** How many actions one owner can run at once when the workbook does not say (actionPlanPort.ts). */
export const DEFAULT_CAPACITY = 3;

/** The table's header cell, 0-based: A3, under the note line and a blank row. */
export const ACTION_PLAN_AT = { row: 2, col: 0 } as const;

/**
 * The sheet as the first save makes it (through writeOwnedSheets: Carnet's own sheet, its mark in the
 * note line): the table's header over one empty row; the actions are then written like any save's.
 */
export function actionPlanSheetPlan(language: Language = "en"): SheetPlan {
  const plan: SheetPlan = {
    sheet: ACTION_PLAN_SHEET,
    note: PLAN_WORDS[language].note,
    tables: [
      {
        name: ACTION_PLAN_TABLE,
        headers: actionPlanHeaders(),
        rows: [],
        row: ACTION_PLAN_AT.row,
        col: ACTION_PLAN_AT.col,
        key: "Id",
      },
    ],
  };
  return inWorkbookLanguage(plan, language);
}

/** Each plan column's index among the table's headers now, as rows.ts read them (its one finder). */
export type PlanColumns = ActionPlanColumns;

/**
 * The number format a column's written cells get: Text for the text columns (set before the value),
 * a date for Start and End, the workbook's currency for Budget and Actual cost; null for the number
 * columns, whose format a user may have chosen (an added row gets General).
 */
export function columnFormat(column: ActionPlanColumn, currencyFormat: string): string | null {
  switch (ACTION_COLUMN_KINDS[column]) {
    case "text":
    case "semester":
    case "phase":
      return TEXT_FORMAT;
    case "date":
      return DATE_FORMAT;
    case "amount":
      return currencyFormat;
    case "number":
      return null;
  }
}

/**
 * The value written for a field: text as it is (its cell is Text), a number, or "" to clear; the
 * semester and the phase as the table's language shows them ("S1 2027", "Planifier" in French: rows.ts
 * reads either language's back as the same key).
 */
function cellValue(action: Action, column: ActionPlanColumn, language: Language): string | number {
  const value = action[ACTION_FIELDS[column]];
  if (value === null) return "";
  if (column === "Semester" && semesterFromText(String(value)) !== null)
    return semesterLabel(String(value), language);
  if (column === "Phase") return phaseLabel(action.phase, language);
  return value;
}

/**
 * Whether a row's Semester cell must be written again though its semester did not change: it is
 * written in the other language's form (`2027-S1` typed in a French table), which the SUMIFS and
 * COUNTIFS comparing it as text with the block's and the team's semester would not count.
 */
function semesterInOtherForm(cell: CellValue, language: Language): boolean {
  if (typeof cell !== "string") return false;
  const form = semesterForm(cell);
  return form !== null && form !== language;
}

/** One cell a save writes: its sheet position, its format (null: left as it is) and its value. */
export interface CellWrite {
  readonly row: number;
  readonly col: number;
  readonly format: string | null;
  readonly value: string | number;
}

/** Cells side by side in a row, written as one range: their formats (null: left as they are), their values. */
export interface RunWrite {
  readonly row: number;
  readonly col: number;
  readonly formats: readonly string[] | null;
  readonly values: readonly (string | number)[];
}

/**
 * Cells joined into runs of neighbours in a row that all take a format or all keep theirs, so that a
 * row whose every field changed is a few ranges, not nineteen: a save's request stays small.
 */
export function cellRuns(cells: readonly CellWrite[]): RunWrite[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: {
    row: number;
    col: number;
    formats: string[] | null;
    values: (string | number)[];
  }[] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    const joins =
      last !== undefined &&
      last.row === cell.row &&
      last.col + last.values.length === cell.col &&
      (last.formats === null) === (cell.format === null);
    if (joins) {
      last.values.push(cell.value);
      if (cell.format !== null) last.formats!.push(cell.format);
    } else
      runs.push({
        row: cell.row,
        col: cell.col,
        formats: cell.format === null ? null : [cell.format],
        values: [cell.value],
      });
  }
  return runs;
}

/** CarnetActionPlan as read now: where it is, its headers and body rows, and what rows.ts read there. */
export interface PlanTableNow {
  readonly sheet: string;
  /** The header's sheet row and first column, 0-based. */
  readonly row: number;
  readonly col: number;
  readonly headers: readonly CellValue[];
  readonly body: readonly (readonly CellValue[])[];
  readonly reading: ActionTableReading;
}

/** What a save writes into CarnetActionPlan, and the plan as it will then be. */
export interface PlanWrites {
  /** Changed cells of rows already in the table, and the Ids given to rows added in Excel. */
  readonly cells: readonly CellWrite[];
  /** Rows the pane added, in the table's column order (null: a column that is not the plan's). */
  readonly appended: readonly (readonly (string | number | null)[])[];
  /** Their number formats, by table column (null: left as it is). */
  readonly appendedFormats: readonly (string | null)[];
  /** Body rows (0-based) of the actions deleted in the pane, bottom-up. */
  readonly deleted: readonly number[];
  /** The plan once written, in the table's order, added rows last. */
  readonly actions: readonly Action[];
  /** The last Id ever issued, this save's included: the document setting. */
  readonly lastId: string | null;
}

/**
 * The cells a save writes, from the table now and the merged plan (mergeActions' `merged`: the sheet's
 * order, the pane's additions last). `lastIssued`: the highest of the settings' and the pane's last Id.
 */
export function planWrites(
  now: PlanTableNow,
  merged: readonly Action[],
  lastIssued: string | null,
  currencyFormat: string
): PlanWrites {
  const columns = actionPlanColumns(now.headers);
  // The table's own language, as its headers say it (the workbook's when Carnet made it).
  const language = languageOfHeaders(ACTION_PLAN_TABLE, now.headers) ?? "en";
  const { reading } = now;
  const current = new Map(reading.actions.map((a) => [a.id, a]));
  const kept = new Set(merged.map((a) => a.id));
  // Every id in sight: a hand-typed A-0100 deleted in the pane must not be issued again either.
  const issuer = actionIdIssuer(
    [...merged, ...reading.actions].map((a) => a.id),
    lastIssued
  );
  const cells: CellWrite[] = [];
  const at = (row: number, column: ActionPlanColumn, action: Action) => ({
    row: now.row + 1 + row,
    col: now.col + columns[column]!,
    format: columnFormat(column, currencyFormat),
    value: cellValue(action, column, language),
  });
  const byRow: { row: number; action: Action }[] = [];
  for (const action of merged) {
    const row = reading.rowOfId.get(action.id);
    const before = current.get(action.id);
    if (row === undefined || before === undefined) continue;
    byRow.push({ row, action });
    for (const column of ACTION_PLAN_COLUMNS)
      if (
        columns[column] !== null &&
        (action[ACTION_FIELDS[column]] !== before[ACTION_FIELDS[column]] ||
          (column === "Semester" &&
            semesterInOtherForm(now.body[row]?.[columns.Semester!], language)))
      )
        cells.push(at(row, column, action));
  }
  for (const { row, action } of reading.unidentified) {
    const named = { ...action, id: issuer.next() };
    byRow.push({ row, action: named });
    if (columns.Id !== null) cells.push(at(row, "Id", named));
  }
  const added = merged
    .filter((a) => !reading.rowOfId.has(a.id))
    .map((a) => (a.id.trim() === "" ? { ...a, id: issuer.next() } : a));
  const deleted = [...reading.rowOfId]
    .filter(([id]) => !kept.has(id))
    .map(([, row]) => row)
    .sort((a, b) => b - a);
  byRow.sort((a, b) => a.row - b.row);
  const actions = [...byRow.map((r) => r.action), ...added];
  return {
    cells,
    appended: added.map((a) => tableRow(now.headers.length, columns, a, language)),
    appendedFormats: tableFormats(now.headers.length, columns, currencyFormat),
    deleted,
    actions,
    lastId: highestId([issuer.issued(), lastIssued, ...actions.map((a) => a.id)]),
  };
}

/** An action as a row of the table's columns as they are now (null under a column of the user's). */
function tableRow(
  width: number,
  columns: PlanColumns,
  action: Action,
  language: Language
): (string | number | null)[] {
  const row: (string | number | null)[] = new Array<string | number | null>(width).fill(null);
  for (const column of ACTION_PLAN_COLUMNS) {
    const index = columns[column];
    if (index !== null) row[index] = cellValue(action, column, language);
  }
  return row;
}

/** The formats of an added row, by table column: General for the plan's number columns. */
function tableFormats(
  width: number,
  columns: PlanColumns,
  currencyFormat: string
): (string | null)[] {
  const formats: (string | null)[] = new Array<string | null>(width).fill(null);
  for (const column of ACTION_PLAN_COLUMNS) {
    const index = columns[column];
    if (index !== null) formats[index] = columnFormat(column, currencyFormat) ?? "General";
  }
  return formats;
}

/** The id of the highest number (ids.ts reads them), or null when none reads as an action's Id. */
export function highestId(ids: readonly (string | null)[]): string | null {
  let best: { id: string; n: number } | null = null;
  for (const id of ids) {
    const n = id === null ? null : actionIdNumber(id);
    if (n !== null && (best === null || n > best.n)) best = { id: id!, n };
  }
  return best?.id ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// The semester's budget and timeline, beside the table

export const BUDGET_TABLE = "CarnetActionPlanBudget";
export const BY_MEANS_TABLE = "CarnetActionPlanByMeans";
export const BY_OWNER_TABLE = "CarnetActionPlanByOwner";
export const TIMELINE_TABLE = "CarnetActionPlanTimeline";
export const GANTT_CHART = "CarnetActionPlanGantt";
/** Carnet's tables beside CarnetActionPlan, rewritten (deleted and made again) on each save. */
export const BLOCK_TABLES = [BUDGET_TABLE, BY_MEANS_TABLE, BY_OWNER_TABLE, TIMELINE_TABLE] as const;

/** A small table of the block: header and body cells (texts marked, formulas), a format per body cell. */
export interface BlockTable {
  readonly name: string;
  readonly row: number;
  readonly col: number;
  readonly headers: readonly string[];
  readonly cells: readonly (readonly CellValue[])[];
  readonly formats: readonly (readonly string[])[];
}

/** The timeline: a stacked bar whose first series (the offset from the semester's start) has no fill. */
export interface GanttPlan {
  readonly name: string;
  readonly title: string;
  /** The two series' names: the timeline table's headers of the columns they draw. */
  readonly seriesNames: { readonly offset: string; readonly days: string };
  /** Sheet blocks (0-based) of the labels, the offsets and the durations. */
  readonly labels: Box;
  readonly offsets: Box;
  readonly days: Box;
  /** The semester's length in days: the value axis' end. */
  readonly length: number;
  readonly at: Box;
}

export interface PlanBlock {
  readonly tables: readonly BlockTable[];
  readonly gantt: GanttPlan | null;
  /** The cells the block's tables cover: nothing of the user's may be there. */
  readonly box: Box;
}

export interface BlockInput {
  /** Where CarnetActionPlan is now: its header's sheet row and first column, and its width. */
  readonly table: { readonly row: number; readonly col: number; readonly cols: number };
  readonly columns: PlanColumns;
  readonly semester: string;
  /** The semester's first and last days (semester.ts, with the workbook's fiscal year). */
  readonly bounds: { readonly start: number; readonly end: number };
  readonly envelope: number | null;
  /** The semester's actions, in the table's order. */
  readonly actions: readonly Action[];
  /** The means and the owners the totals list (budgetTotals' groups of the semester's actions). */
  readonly means: readonly string[];
  readonly owners: readonly string[];
  readonly currencyFormat: string;
  /** The workbook's language, as CarnetActionPlan's own headers say it: the block's headers follow. */
  readonly language?: Language;
}

/**
 * The block beside the table, one blank column after its last (the table grows downward, the block
 * stays clear of it): the semester, its envelope, the total budget and what remains, then the totals
 * by means and by owner, as SUMIFS over the table's columns, so a budget typed in the table updates
 * them; then the timeline's data and its chart. Whole columns (`$M:$M`), not `CarnetActionPlan[Budget]`:
 * they sum the rows a user adds or sorts in Excel just as well, and the workbench's formula engine
 * (HyperFormula) has no structured references, so the workbench and the tests could not compute them.
 */
export function planBlock(input: BlockInput): PlanBlock {
  const row = input.table.row;
  const col = input.table.col + input.table.cols + 1;
  const language = input.language ?? "en";
  const budget = budgetTable(input, row, col, language);
  const semesterCell = cellAddress(null, row + 1, col + 1, true);
  const byMeans = totalsTable(input, BY_MEANS_TABLE, "Means", input.means, semesterCell, {
    row: row + budget.cells.length + 2,
    col,
  });
  const belowMeans = byMeans
    ? byMeans.row + byMeans.cells.length + 2
    : row + budget.cells.length + 2;
  const byOwner = totalsTable(input, BY_OWNER_TABLE, "Owner", input.owners, semesterCell, {
    row: belowMeans,
    col,
  });
  const timeline = timelineTable(input, row, col + 3);
  const tables = [budget, byMeans, byOwner, timeline]
    .filter((t): t is BlockTable => t !== null)
    .map((t) => ({ ...t, headers: t.headers.map((h) => headerIn(t.name, h, language)) }));
  const rows = Math.max(...tables.map((t) => t.row + t.cells.length + 1)) - row;
  return {
    tables,
    gantt: timeline && ganttPlan(input, timeline),
    box: { row, col, rows, cols: 7 },
  };
}

/** A column of the table as a whole-column reference of the sheet ($M:$M). */
function wholeColumn(input: BlockInput, column: ActionPlanColumn): string {
  const letters = columnLetters(input.table.col + input.columns[column]!);
  return `$${letters}:$${letters}`;
}

function budgetTable(input: BlockInput, row: number, col: number, language: Language): BlockTable {
  const value = (r: number) => cellAddress(null, row + 1 + r, col + 1, true);
  const total = `=SUMIFS(${wholeColumn(input, "Budget")},${wholeColumn(input, "Semester")},${value(0)})`;
  const money = input.currencyFormat;
  const item = (name: PlanItem) => textCell(PLAN_WORDS[language].items[name]);
  return {
    name: BUDGET_TABLE,
    row,
    col,
    headers: ["Item", "Value"],
    cells: [
      // The semester as the table's Semester column shows it: the SUMIFS compare them as text.
      [item("Semester"), textCell(semesterLabel(input.semester, language))],
      [item("Envelope"), input.envelope ?? ""],
      [item("Total budget"), total],
      [item("Remaining"), `=IF(ISNUMBER(${value(1)}),${value(1)}-${value(2)},"")`],
    ],
    formats: [
      ["General", "General"],
      ["General", money],
      ["General", money],
      ["General", money],
    ],
  };
}

/**
 * The envelope in the budget table's body as it is now, for the semester it names: the block's one
 * input cell, which a user may type in Excel as in the pane (null when cleared). Null when the body is
 * not the block's shape, or its cells cannot be read as a semester and an amount (Carnet then keeps the
 * envelope it had).
 */
export function typedEnvelope(
  body: readonly (readonly CellValue[])[]
): { semester: string; amount: number | null } | null {
  // Either language's items: the block may be French (and its semester "S1 2027").
  const row = (item: PlanItem) => body.find((cells) => isPlanItem(cells[0], item));
  const semester = semesterFromText(String(row("Semester")?.[1] ?? ""));
  const envelope = row("Envelope");
  if (semester === null || envelope === undefined) return null;
  // An amount as values.ts reads one ("50 000 €" typed as text too).
  const amount = readAmount(envelope[1]);
  if (amount.kind === "blank") return { semester, amount: null };
  return amount.kind === "value" && amount.value >= 0 ? { semester, amount: amount.value } : null;
}

/** Budget by means or by owner: one SUMIFS a row, over the semester's actions of that name. */
function totalsTable(
  input: BlockInput,
  name: string,
  column: "Means" | "Owner",
  keys: readonly string[],
  semesterCell: string,
  at: { row: number; col: number }
): BlockTable | null {
  if (keys.length === 0) return null;
  const budget = wholeColumn(input, "Budget");
  const semester = wholeColumn(input, "Semester");
  const by = wholeColumn(input, column);
  return {
    name,
    ...at,
    headers: [column, "Budget"],
    cells: keys.map((key, i) => {
      const keyCell = cellAddress(null, at.row + 1 + i, at.col);
      return [textCell(key), `=SUMIFS(${budget},${semester},${semesterCell},${by},${keyCell})`];
    }),
    formats: keys.map(() => ["General", input.currencyFormat]),
  };
}

/** One timeline row: the action's label, its owner, its offset from the semester's start, its days. */
export interface TimelineRow {
  readonly label: string;
  readonly owner: string;
  readonly offset: number;
  readonly days: number;
}

/**
 * The bars of the semester's timeline, by owner then Order (actions without an order after, in the
 * table's order): each dated action's days within the semester, its offset from the semester's first
 * day. An action without both dates, ending before it starts or outside the semester has no bar.
 */
export function timelineRows(
  actions: readonly Action[],
  bounds: { readonly start: number; readonly end: number }
): TimelineRow[] {
  const ordered = actions
    .map((action, i) => ({ action, i }))
    .sort(
      (a, b) =>
        a.action.owner.localeCompare(b.action.owner) ||
        (a.action.order ?? Infinity) - (b.action.order ?? Infinity) ||
        a.i - b.i
    );
  const rows: TimelineRow[] = [];
  for (const { action } of ordered) {
    if (action.start === null || action.end === null) continue;
    const from = Math.max(action.start, bounds.start);
    const to = Math.min(action.end, bounds.end);
    if (to < from) continue;
    rows.push({
      label: action.action.trim() === "" ? action.id : action.action,
      owner: action.owner,
      offset: from - bounds.start,
      days: to - from + 1,
    });
  }
  return rows;
}

function timelineTable(input: BlockInput, row: number, col: number): BlockTable | null {
  const rows = timelineRows(input.actions, input.bounds);
  if (rows.length === 0) return null;
  return {
    name: TIMELINE_TABLE,
    row,
    col,
    headers: ["Action", "Owner", "Start offset", "Days"],
    cells: rows.map((r) => [textCell(r.label), textCell(r.owner), r.offset, r.days]),
    formats: rows.map(() => ["General", "General", "0", "0"]),
  };
}

function ganttPlan(input: BlockInput, timeline: BlockTable): GanttPlan {
  const body = (offset: number): Box => ({
    row: timeline.row + 1,
    col: timeline.col + offset,
    rows: timeline.cells.length,
    cols: 1,
  });
  const language = input.language ?? "en";
  return {
    name: GANTT_CHART,
    title: `${PLAN_WORDS[language].timeline} ${semesterLabel(input.semester, language)}`,
    seriesNames: {
      offset: headerIn(TIMELINE_TABLE, "Start offset", language),
      days: headerIn(TIMELINE_TABLE, "Days", language),
    },
    labels: body(0),
    offsets: body(2),
    days: body(3),
    length: input.bounds.end - input.bounds.start + 1,
    at: {
      row: timeline.row,
      col: timeline.col + timeline.headers.length + 1,
      rows: Math.max(15, timeline.cells.length + 5),
      cols: 8,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The semester's review, on its own sheet

export const REVIEW_SHEET = "Carnet Review";
export const REVIEW_BY_ACTION = "CarnetReviewByAction";
export const REVIEW_BY_MEANS = "CarnetReviewByMeans";
export const REVIEW_BY_OWNER = "CarnetReviewByOwner";
export const REVIEW_CHART = "CarnetReviewAttainmentByOwner";
const PERCENT = "0%";

const BY_ACTION_HEADERS = [
  "Id",
  "Action",
  "Means",
  "Owner",
  "Phase",
  "Objective",
  "Unit",
  "Actual result",
  "Attainment",
  "Budget",
  "Actual cost",
  "Cost per result",
] as const;
const GROUP_HEADERS = ["Actions", "Checked", "Budget", "Actual cost", "Attainment"] as const;

/**
 * The review sheet (through writeOwnedSheets: a second run rewrites Carnet's own tables and chart in
 * place, and nothing else): attainment and cost per result by action, then by means and by owner side
 * by side, and a column chart of attainment by owner. The note line gives the semester's totals; no
 * total row in the tables, so a SUM over a column counts each action once.
 */
export function reviewSheetPlan(
  review: SemesterReview,
  currencyFormat: string,
  language: Language = "en"
): SheetPlan {
  const byAction = reviewByAction(review, currencyFormat, language);
  const byMeans = groupTable(REVIEW_BY_MEANS, "Means", review.byMeans, currencyFormat, {
    row: ACTION_PLAN_AT.row,
    col: BY_ACTION_HEADERS.length + 1,
    language,
  });
  const byOwner = groupTable(REVIEW_BY_OWNER, "Owner", review.byOwner, currencyFormat, {
    row: ACTION_PLAN_AT.row,
    col: byMeans.col + byMeans.headers.length + 1,
    language,
  });
  const t = review.totals;
  const semester = semesterLabel(review.semester, language);
  const plan: SheetPlan = {
    sheet: REVIEW_SHEET,
    note: PLAN_WORDS[language].reviewNote({
      semester,
      actions: t.actions,
      checked: t.checked,
      budget: moneyText(t.budget),
      actualCost: moneyText(t.actualCost),
      attainment: t.attainment === null ? null : percentText(t.attainment),
    }),
    tables: [byAction, byMeans, byOwner],
    charts: [
      {
        name: REVIEW_CHART,
        type: "ColumnClustered",
        title: `Attainment by owner, ${semester}`,
        table: REVIEW_BY_OWNER,
        categories: "Owner",
        series: ["Attainment"],
        at: {
          row: ACTION_PLAN_AT.row + Math.max(1, review.byOwner.length) + 3,
          col: byOwner.col,
          rows: 16,
          cols: 8,
        },
      },
    ],
  };
  return inWorkbookLanguage(plan, language);
}

/** A group's name as the review tables show it: a blank Means or Owner as the forecast's "(none)", in the language. */
const shownName = (name: string, language: Language) =>
  name === "" ? FORECAST_WORDS[language].none : name;

function reviewByAction(review: SemesterReview, money: string, language: Language): TablePlan {
  const formats: Partial<Record<(typeof BY_ACTION_HEADERS)[number], string>> = {
    Attainment: PERCENT,
    Budget: money,
    "Actual cost": money,
    "Cost per result": money,
  };
  return {
    name: REVIEW_BY_ACTION,
    headers: [...BY_ACTION_HEADERS],
    rows: review.byAction.map(({ action: a, attainment, costPerResult }) => [
      textCell(a.id),
      textCell(a.action),
      textCell(a.means),
      textCell(a.owner),
      textCell(phaseLabel(a.phase, language)),
      a.objective,
      textCell(a.unit),
      a.actualResult,
      attainment,
      a.budget,
      a.actualCost,
      costPerResult,
    ]),
    numberFormats: BY_ACTION_HEADERS.map((h) => formats[h] ?? null),
    row: ACTION_PLAN_AT.row,
    col: 0,
    key: "Id",
  };
}

function groupTable(
  name: string,
  key: "Means" | "Owner",
  groups: readonly GroupReview[],
  money: string,
  { language, ...at }: { row: number; col: number; language: Language }
): TablePlan {
  return {
    name,
    headers: [key, ...GROUP_HEADERS],
    rows: groups.map((g) => [
      textCell(shownName(g.name, language)),
      g.actions,
      g.checked,
      g.budget,
      g.actualCost,
      g.attainment,
    ]),
    numberFormats: [null, "0", "0", money, money, PERCENT],
    ...at,
    key,
  };
}
