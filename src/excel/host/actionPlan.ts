/**
 * The semester's action plan on the Excel side (issue 13): CarnetActionPlan read and saved by Id on
 * Carnet's "Carnet Action Plan" sheet, with the semester's budget block and timeline beside it. What
 * is written is planned in plan/actionPlanSheet.ts; the merge is domain/actionPlan/merge.ts's.
 *
 * A save reads the table as it is now, merges it with what the pane read and has, then writes in one
 * batch: only the cells that changed, where each row is now (a sort or rows added in Excel stay), Ids
 * for the rows added in Excel, the pane's new rows at the end, the pane's deleted rows removed. The
 * round trips do not grow with the plan: the ownership check, the table's place, its rows (one block
 * under 5 MB a sync: one for any plan of a few hundred actions), the write, and the plan read back.
 */
import type { Action } from "../../domain/actionPlan/action";
import { mergeActions } from "../../domain/actionPlan/merge";
import { planText } from "../../domain/actionPlan/planMessages";
import { actionPlanColumns, actionsFromTable } from "../../domain/actionPlan/rows";
import { semesterBounds } from "../../domain/actionPlan/semester";
import { budgetTotals } from "../../domain/actionPlan/checks";
import { semesterReview } from "../../domain/actionPlan/review";
import type { CellValue } from "../../domain/values";
import type { Language } from "../../domain/language";
import type { SpeakOptions } from "../../domain/readingProblems";
import { cellAddress, parseRangeAddress, rangeAddress, SHEET_ROWS } from "../plan/a1";
import {
  ACTION_PLAN_TABLE,
  actionPlanSheetPlan,
  BLOCK_TABLES,
  type BlockTable,
  cellRuns,
  DEFAULT_CAPACITY,
  GANTT_CHART,
  type GanttPlan,
  highestId,
  type PlanBlock,
  planBlock,
  type PlanTableNow,
  type PlanWrites,
  planWrites,
  REVIEW_SHEET,
  typedEnvelope,
  reviewSheetPlan,
} from "../plan/actionPlanSheet";
import type {
  ActionPlanReading,
  ActionPlanSave,
  ActionPlanSaveResult,
  PlanContext,
  ReviewWriteResult,
} from "../plan/actionPlanPort";
import { rangeZones } from "../plan/matrixReadBack";
import { planContextOf } from "../plan/planContext";
import { BLOCK_BUDGET_BYTES, rowsPerBlock, utf8Bytes } from "../plan/blocks";
import { PIPELINE_TABLE } from "../plan/forecastPlan";
import { type Progress, throwIfCancelled } from "../plan/progress";
import {
  type CarnetSettings,
  parseSettings,
  SETTINGS_KEY,
  settingsToStore,
} from "../plan/settings";
import type { Box } from "../plan/sheetPlan";
import { textCell } from "../plan/sheetPlan";
import { readMatrixCells, readPipelineTable } from "./matrix";
import { ownedTableExists, writeOwnedSheets } from "./owned";
import { workbookLanguage } from "./language";
import { languageOfHeaders } from "../plan/workbookText";

/**
 * What a row of the plan may weigh in a response, per cell: far above a typical action (an Id, a few
 * words, numbers), so a block stays under 5 MB even with long comments.
 */
const BYTES_PER_CELL = 256;
/** Columns beside the table read to tell whether the block would cover cells of the user's. */
const BLOCK_COLUMNS = 7;
/** The block's cells are read to check them only up to this many (far below 5 MB). */
const MAX_CHECKED_CELLS = 200_000;
const FALLBACK_CURRENCY = "#,##0";
/** What one written range adds to a request besides its values: its path and actions, generously. */
const RUN_OVERHEAD_BYTES = 600;

/** Rows of CarnetActionPlan that cannot be read: nothing is written until they are fixed (rows.ts). */
export class PlanProblemsError extends Error {
  constructor(
    readonly problems: readonly string[],
    language: Language = "en"
  ) {
    super(
      planText(
        "save.unreadable",
        // The problems are joined as before, in either language: each says its own cell.
        { count: String(problems.length), table: ACTION_PLAN_TABLE, problems: problems.join("; ") },
        language
      )
    );
    this.name = "PlanProblemsError";
  }
}

/** The table Excel holds now, its sheet, and the settings, queued in one request. */
interface Located {
  readonly table: Excel.Table;
  readonly range: Excel.Range;
  readonly worksheet: Excel.Worksheet;
  readonly settings: Excel.Setting;
}

function queueLocate(context: Excel.RequestContext): Located {
  const table = context.workbook.tables.getItemOrNullObject(ACTION_PLAN_TABLE);
  table.load("name");
  const range = table.getRange();
  range.load("address, rowIndex, columnIndex, rowCount, columnCount");
  // eslint-disable-next-line office-addins/call-sync-before-read -- a navigation property (an object to load), not a value read
  const worksheet = table.worksheet;
  worksheet.load("name");
  const settings = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  settings.load("value");
  return { table, range, worksheet, settings };
}

/** The table's place once located: its sheet, header cell and size. */
interface Place {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** Header included. */
  readonly rows: number;
  readonly cols: number;
}

function placeOf(located: Located): Place | null {
  if (located.table.isNullObject) return null;
  const { range, worksheet } = located;
  return {
    sheet: worksheet.name,
    row: range.rowIndex,
    col: range.columnIndex,
    rows: range.rowCount,
    cols: range.columnCount,
  };
}

function settingsOf(located: Located): CarnetSettings {
  return located.settings.isNullObject ? {} : parseSettings(located.settings.value).settings;
}

/**
 * The table's header, its body in blocks and its first row's number formats, with whatever the caller
 * queued before: one sync for a plan of a few hundred actions, one more per 4 MB of rows beyond.
 */
async function readTableNow(
  context: Excel.RequestContext,
  place: Place,
  signal?: AbortSignal
): Promise<Omit<PlanTableNow, "reading"> & { firstRowFormats: string[] }> {
  const sheet = context.workbook.worksheets.getItem(place.sheet);
  const header = sheet.getRangeByIndexes(place.row, place.col, 1, place.cols).load("values");
  const firstRow = sheet.getRangeByIndexes(place.row + 1, place.col, 1, place.cols);
  firstRow.load("numberFormat");
  const size = rowsPerBlock(place.cols * BYTES_PER_CELL);
  const blocks: Excel.Range[] = [];
  let weight = 0;
  for (let r = 1; r < place.rows; r += size) {
    const rows = Math.min(size, place.rows - r);
    if (weight > 0 && weight + rows * place.cols * BYTES_PER_CELL > BLOCK_BUDGET_BYTES) {
      throwIfCancelled(signal);
      await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- one per 4 MB of rows, a plan of thousands of actions only
      weight = 0;
    }
    blocks.push(sheet.getRangeByIndexes(place.row + r, place.col, rows, place.cols).load("values"));
    weight += rows * place.cols * BYTES_PER_CELL;
  }
  await context.sync();
  return {
    sheet: place.sheet,
    row: place.row,
    col: place.col,
    headers: header.values[0] as CellValue[],
    body: blocks.flatMap((b) => b.values as CellValue[][]),
    firstRowFormats: (firstRow.numberFormat[0] as unknown[]).map(String),
  };
}

/** rows.ts's reading of the table, its problems located on the sheet and said in `language` (the pane's). */
function readRows(table: Omit<PlanTableNow, "reading">, language: Language = "en"): PlanTableNow {
  const reading = actionsFromTable(
    table.headers,
    table.body,
    (row, column) => cellAddress(table.sheet, table.row + 1 + row, table.col + column),
    { language }
  );
  return { ...table, reading };
}

/** The port's reading: the identified actions, where their rows are, the plan's settings. */
function readingOf(now: PlanTableNow | null, settings: CarnetSettings): ActionPlanReading {
  const rowAddress = new Map<string, string>();
  if (now)
    for (const [id, row] of now.reading.rowOfId)
      rowAddress.set(
        id,
        rangeAddress(now.sheet, now.row + 1 + row, now.col, 1, now.headers.length)
      );
  return {
    exists: now !== null,
    actions: now?.reading.actions ?? [],
    problems: now?.reading.problems ?? [],
    rowAddress,
    lastId: settings.actionPlanLastId ?? null,
    envelopes: settings.actionPlanEnvelopes ?? {},
    capacity: settings.actionPlanCapacity ?? DEFAULT_CAPACITY,
    fiscalStartMonth: settings.fiscalStartMonth ?? 1,
  };
}

/**
 * CarnetActionPlan as it is now (every semester), with the plan's settings; no table yet: `exists`
 * false and no actions. A table of that name on a sheet that is not Carnet's stops with owned.ts's
 * message (output tables keep fixed names).
 */
export async function readActionPlan(
  progress?: Progress,
  signal?: AbortSignal,
  options: SpeakOptions = {}
): Promise<ActionPlanReading> {
  progress?.("Reading the action plan", 0, 0);
  // Whether the table exists does not depend on its headers' language: the plan's sheet and name tell.
  const exists = await ownedTableExists(actionPlanSheetPlan(), ACTION_PLAN_TABLE);
  return Excel.run(async (context) => {
    const located = queueLocate(context);
    await context.sync();
    const place = exists ? placeOf(located) : null;
    const now = place && readRows(await readTableNow(context, place, signal), options.language);
    return readingOf(now, settingsOf(located));
  });
}

/** Carnet's own objects beside the table, loaded to be replaced: the block's tables and the chart. */
interface Beside {
  readonly tables: { name: string; table: Excel.Table; range: Excel.Range; ws: Excel.Worksheet }[];
  /** The budget table's body: the envelope the user may have typed there. */
  readonly budget: Excel.Range;
  readonly chart: Excel.Chart;
  /** The first Amount cell of CarnetPipeline: the workbook's currency format, as the forecast found it. */
  readonly amount: Excel.Range;
}

/** CarnetPipeline's first Amount cell, its number format loaded (a null object without a pipeline). */
function queueAmountCell(context: Excel.RequestContext): Excel.Range {
  return context.workbook.tables
    .getItemOrNullObject(PIPELINE_TABLE)
    .columns.getItemOrNullObject("Amount")
    .getDataBodyRange()
    .getCell(0, 0)
    .load("numberFormat");
}

function queueBeside(context: Excel.RequestContext, located: Located): Beside {
  const tables = BLOCK_TABLES.map((name) => {
    const table = context.workbook.tables.getItemOrNullObject(name);
    const range = table.getRange().load("address");
    const ws = table.worksheet.load("name");
    return { name, table, range, ws };
  });
  const chart = located.worksheet.charts.getItemOrNullObject(GANTT_CHART).load("name");
  const budget = tables[0].table.getDataBodyRange().load("values");
  return { tables, budget, chart, amount: queueAmountCell(context) };
}

/**
 * The currency of Budget and Actual cost: the pane's (the workbook's own, currencyFormat.ts), else the
 * plan's Budget column's as it is, else CarnetPipeline's amounts' (the forecast found the workbook's
 * there), else a plain number.
 */
function currencyOf(
  given: string | undefined,
  now: Omit<PlanTableNow, "reading"> & { firstRowFormats: string[] },
  amount: Excel.Range
): string {
  const budget = actionPlanColumns(now.headers).Budget;
  const own = budget === null ? undefined : now.firstRowFormats[budget];
  const pipeline = amount.isNullObject ? undefined : String(amount.numberFormat[0][0]);
  const chosen = [given, own, pipeline].find((f) => f && f !== "General");
  return chosen ?? FALLBACK_CURRENCY;
}

/**
 * Merges the pane's edits with CarnetActionPlan as it is now, by Id, and writes the result with the
 * semester's budget block and timeline; the first save makes Carnet's sheet and the table. Nothing is
 * written when the same field changed on both sides (the conflicts are returned), when a cell of the
 * table cannot be read (PlanProblemsError), or when the block would cover cells of the user's.
 */
export async function saveActionPlan(
  save: ActionPlanSave,
  progress?: Progress,
  signal?: AbortSignal
): Promise<ActionPlanSaveResult> {
  progress?.("Saving the action plan", 0, 0);
  // The first save makes the table, in the workbook's language (decided then, kept after).
  if (!(await ownedTableExists(actionPlanSheetPlan(), ACTION_PLAN_TABLE)))
    await writeOwnedSheets([actionPlanSheetPlan(await workbookLanguage())], undefined, signal);
  throwIfCancelled(signal);
  return Excel.run(async (context) => {
    const located = queueLocate(context);
    const beside = queueBeside(context, located);
    await context.sync();
    const place = placeOf(located)!; // made above if it was missing
    const strip = queueStrip(located.worksheet, place);
    const table = await readTableNow(context, place, signal);
    const now = readRows(table, save.language);
    if (now.reading.problems.length > 0)
      throw new PlanProblemsError(now.reading.problems, save.language);
    const merge = mergeActions(save.base, save.edited, now.reading.actions, save.resolutions);
    if (merge.conflicts.length > 0) return { kind: "conflicts", conflicts: merge.conflicts };
    const settings = settingsOf(located);
    const currency = currencyOf(save.currencyFormat, table, beside.amount);
    const lastIssued = highestId([settings.actionPlanLastId ?? null, save.lastId]);
    const writes = planWrites(now, merge.merged, lastIssued, currency);
    const typed = beside.budget.isNullObject
      ? null
      : typedEnvelope(beside.budget.values as CellValue[][]);
    const envelopes = envelopesAfter(settings, save, typed);
    const block = blockOf(now, writes.actions, save.semester, envelopes, settings, currency);
    await refuseBlockOverUserCells(context, place.sheet, strip, beside, block);
    throwIfCancelled(signal);
    await queueWrites(context, located, writes);
    queueBlock(located.worksheet, place.sheet, beside, block);
    context.workbook.settings.add(
      SETTINGS_KEY,
      JSON.stringify(
        settingsToStore(settings, {
          actionPlanLastId: writes.lastId ?? undefined,
          actionPlanEnvelopes: envelopes,
        })
      )
    );
    const again = queueLocate(context);
    await context.sync();
    const after = readRows(await readTableNow(context, placeOf(again)!, signal), save.language);
    return {
      kind: "saved",
      reading: readingOf(after, settingsOf(again)),
      deletedInSheet: merge.deletedInSheet,
      keptEditedInSheet: merge.keptEditedInSheet,
    };
  });
}

/**
 * The envelopes by semester once this save's change is taken: the pane's, else the one typed in the
 * block's Envelope cell since the last save; a blank amount removes the semester's.
 */
function envelopesAfter(
  settings: CarnetSettings,
  save: ActionPlanSave,
  typed: { semester: string; amount: number | null } | null
): Record<string, number> {
  const envelopes = { ...(settings.actionPlanEnvelopes ?? {}) };
  const change = save.envelope ?? typed;
  if (change) {
    if (change.amount === null) delete envelopes[change.semester];
    else envelopes[change.semester] = change.amount;
  }
  return envelopes;
}

/** The block for the semester, from the plan as it will be written. */
function blockOf(
  now: PlanTableNow,
  actions: readonly Action[],
  semester: string,
  envelopes: Record<string, number>,
  settings: CarnetSettings,
  currencyFormat: string
): PlanBlock {
  const ofSemester = actions.filter((a) => a.semester === semester);
  const totals = budgetTotals(ofSemester);
  const named = (names: Iterable<string>) => [...names].filter((n) => n.trim() !== "");
  return planBlock({
    table: { row: now.row, col: now.col, cols: now.headers.length },
    columns: actionPlanColumns(now.headers),
    // The block speaks the table's language (the workbook's, as its headers were written).
    language: languageOfHeaders(ACTION_PLAN_TABLE, now.headers) ?? "en",
    semester,
    bounds: semesterBounds(semester, settings.fiscalStartMonth ?? 1),
    envelope: envelopes[semester] ?? null,
    actions: ofSemester,
    means: named(totals.byMeans.keys()),
    owners: named(totals.byOwner.keys()),
    currencyFormat,
  });
}

/** The used part of the columns the block takes, from the table's header down (loaded, not synced). */
function queueStrip(worksheet: Excel.Worksheet, place: Place): Excel.Range {
  const col = place.col + place.cols + 1;
  const rows = SHEET_ROWS - place.row;
  const used = worksheet
    .getRangeByIndexes(place.row, col, rows, BLOCK_COLUMNS)
    .getUsedRangeOrNullObject(true);
  return used.load("address");
}

/**
 * Stops before anything is written where the block would cover cells the user filled (Carnet writes
 * only to what it owns): the block's columns are read where they hold anything, and a cell outside
 * Carnet's own block tables of the last save counts. One more sync, only when those columns hold
 * anything.
 */
async function refuseBlockOverUserCells(
  context: Excel.RequestContext,
  sheet: string,
  strip: Excel.Range,
  beside: Beside,
  block: PlanBlock
): Promise<void> {
  for (const t of beside.tables)
    if (!t.table.isNullObject && t.ws.name !== sheet)
      throw new Error(
        `A table named ${t.name} already exists on sheet "${t.ws.name}". Carnet's tables keep fixed names ` +
          "(users write formulas on them): rename that table, then save again; nothing was saved."
      );
  if (strip.isNullObject) return;
  const box = parseRangeAddress(strip.address);
  if (!box || !overlaps(box, block.box)) return;
  const ours = beside.tables
    .filter((t) => !t.table.isNullObject)
    .map((t) => parseRangeAddress(t.range.address))
    .filter((b): b is NonNullable<typeof b> => b !== null);
  const cells: string[] = [];
  if (box.rows * box.cols > MAX_CHECKED_CELLS) cells.push(strip.address.split("!").pop()!);
  else {
    strip.load("values");
    await context.sync();
    (strip.values as CellValue[][]).forEach((line, i) =>
      line.forEach((value, j) => {
        const at = { row: box.row + i, col: box.col + j, rows: 1, cols: 1 };
        if (value !== "" && overlaps(at, block.box) && !ours.some((b) => overlaps(at, b)))
          cells.push(cellAddress(null, at.row, at.col));
      })
    );
  }
  if (cells.length > 0)
    throw new Error(
      `Carnet would write the plan's budget and timeline over cells you typed on sheet "${sheet}": ` +
        `${cells.slice(0, 10).join(", ")}${cells.length > 10 ? ", …" : ""}. Move them away from the ` +
        "right of the table (or clear them), then save again; nothing was saved."
    );
}

function overlaps(a: Omit<Box, never>, b: Box): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}

/**
 * The table's writes, queued in the order they must run: changed cells and Ids where the rows are (a
 * Text format before its value), the pane's new rows added at the end (blank, formatted, then filled),
 * then the deleted rows, bottom-up so the rows above keep their places.
 */
async function queueWrites(
  context: Excel.RequestContext,
  located: Located,
  writes: PlanWrites
): Promise<void> {
  const { table, worksheet } = located;
  let weight = 0;
  for (const run of cellRuns(writes.cells)) {
    // A request stays under 5 MB: only a save changing thousands of cells at once needs a second.
    const bytes = RUN_OVERHEAD_BYTES + utf8Bytes(JSON.stringify(run));
    if (weight + bytes > BLOCK_BUDGET_BYTES) {
      await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- one per 4 MB of changed cells
      weight = 0;
    }
    weight += bytes;
    const cells = worksheet.getRangeByIndexes(run.row, run.col, 1, run.values.length);
    if (run.formats !== null) cells.numberFormat = [[...run.formats]];
    cells.values = [[...run.values]];
  }
  const n = writes.appended.length;
  if (n > 0) {
    table.rows.add(
      undefined,
      writes.appended.map((row) => row.map(() => ""))
    );
    const added = table
      .getDataBodyRange()
      .getLastRow()
      .getOffsetRange(-(n - 1), 0)
      .getResizedRange(n - 1, 0);
    added.numberFormat = writes.appended.map(() => [...writes.appendedFormats]) as string[][];
    added.values = writes.appended as (string | number)[][];
  }
  for (const row of writes.deleted) table.rows.getItemAt(row).delete();
}

/**
 * Carnet's block beside the table, made again: the last save's tables and chart deleted (deleting a
 * table clears its cells), then each table written (formats, cells) and made a table, then the chart.
 */
function queueBlock(
  worksheet: Excel.Worksheet,
  sheet: string,
  beside: Beside,
  block: PlanBlock
): void {
  for (const t of beside.tables) if (!t.table.isNullObject && t.ws.name === sheet) t.table.delete();
  if (!beside.chart.isNullObject) beside.chart.delete();
  for (const t of block.tables) writeBlockTable(worksheet, t);
  if (block.gantt) drawGantt(worksheet, block.gantt);
}

function writeBlockTable(worksheet: Excel.Worksheet, t: BlockTable): void {
  const range = worksheet.getRangeByIndexes(t.row, t.col, t.cells.length + 1, t.headers.length);
  range.numberFormat = [t.headers.map(() => "General"), ...t.formats.map((f) => [...f])];
  range.formulas = [t.headers.map(textCell), ...t.cells.map((c) => [...c])] as string[][];
  const table = worksheet.tables.add(range, true);
  table.name = t.name;
  table.style = "TableStyleLight9";
}

/** Excel's Gantt idiom: stacked bars, the offset see-through, the first action at the top. */
function drawGantt(worksheet: Excel.Worksheet, plan: GanttPlan): void {
  const at = (box: Box) => worksheet.getRangeByIndexes(box.row, box.col, box.rows, box.cols);
  const chart = worksheet.charts.add(
    Excel.ChartType.barStacked,
    at(plan.offsets),
    Excel.ChartSeriesBy.columns
  );
  chart.name = plan.name;
  chart.title.text = plan.title;
  const offset = chart.series.getItemAt(0);
  offset.name = plan.seriesNames.offset;
  offset.setXAxisValues(at(plan.labels));
  offset.format.fill.clear();
  const days = chart.series.add(plan.seriesNames.days);
  days.setValues(at(plan.days));
  days.setXAxisValues(at(plan.labels));
  chart.axes.categoryAxis.reversePlotOrder = true;
  chart.axes.valueAxis.minimum = 0;
  chart.axes.valueAxis.maximum = plan.length;
  chart.legend.visible = false;
  const { row, col, rows, cols } = plan.at;
  chart.setPosition(
    at({ row, col, rows: 1, cols: 1 }),
    at({ row: row + rows - 1, col: col + cols - 1, rows: 1, cols: 1 })
  );
}

/**
 * What the plan's checks need for `semester`: the matrix's zones, the team and the weighted pipeline
 * from CarnetPipeline, last semester's won (plan/planContext.ts). No pipeline or no matrix: empty.
 */
export async function readPlanContext(
  semester: string,
  fiscalStartMonth: number
): Promise<PlanContext> {
  const pipeline = await readPipelineTable();
  const matrix = await readMatrixCells();
  const zones = matrix ? rangeZones(matrix.headers, matrix.body, matrix.settingsBody) : new Map();
  return planContextOf(pipeline, zones, semester, fiscalStartMonth);
}

/**
 * Writes the semester's review (review.ts) on Carnet's "Carnet Review" sheet: attainment by action,
 * by means and by owner, and a column chart of attainment by owner. A second run rewrites Carnet's
 * own tables and chart there, nothing else; where the user typed over them since, it stops with a
 * TypedOverError (plan/typedOver.ts) unless `replaceTyped`.
 */
export async function writeActionPlanReview(
  semester: string,
  options?: { replaceTyped?: boolean }
): Promise<ReviewWriteResult> {
  if (!(await ownedTableExists(actionPlanSheetPlan(), ACTION_PLAN_TABLE)))
    throw new Error(`There is no action plan to review yet: save the ${semester} plan first.`);
  const { actions, currency } = await Excel.run(async (context) => {
    const located = queueLocate(context);
    const amount = queueAmountCell(context);
    await context.sync();
    const table = await readTableNow(context, placeOf(located)!);
    return {
      actions: readRows(table).reading.actions,
      currency: currencyOf(undefined, table, amount),
    };
  });
  const language = await workbookLanguage();
  const plan = reviewSheetPlan(semesterReview(actions, semester), currency, language);
  const result = await writeOwnedSheets([plan], undefined, undefined, options);
  return { sheet: result.sheets[REVIEW_SHEET], charts: (plan.charts ?? []).map((c) => c.name) };
}
