/**
 * Carnet writes only to sheets it owns. A sheet is Carnet's for a plan ("Carnet Forecast") when the
 * file itself says so: it holds one of the plan's tables (fixed names, Carnet's by contract, and
 * unique in a workbook) and, in the note line above them, the plan's mark (sheetPlan.ts, `sheetMark`).
 * So a user's own sheet that merely bears the same name is never touched (Carnet then writes beside
 * it, under a free name), and a table of Carnet's name anywhere else stops the run. Sheet ids are
 * kept in the workbook's settings only as a shortcut within one session: Excel gives new ids when a
 * workbook is reopened (and may give an old one to another sheet), so an id counts only for the sheet
 * of the same name that holds the plan's tables. A second run rewrites Carnet's tables in place: same
 * sheet, same table names, resized, so formulas users wrote on them keep working.
 */
import { parseRangeAddress } from "../plan/a1";
import {
  BLOCK_BUDGET_BYTES,
  bytesOf,
  PROBE_ROWS,
  rowsPerBlock,
  utf8Bytes,
  writeBlocks,
} from "../plan/blocks";
import { Cancelled, type Progress, throwIfCancelled } from "../plan/progress";
import {
  cellsAtRisk,
  isCarnetName,
  type ChartPlan,
  freeName,
  isNoteLineOf,
  noteLine,
  noteCell,
  type SheetPlan,
  type TablePlan,
  textCell,
  type WriteResult,
} from "../plan/sheetPlan";
import {
  parseWritten,
  TableDigest,
  type TableNow,
  TypedOverError,
  typedOver,
  WRITTEN_SETTING,
  type WrittenDigest,
} from "../plan/typedOver";

export const OWNED_SHEETS_SETTING = "carnet.ownedSheets";

/**
 * `Table.resize` came with ExcelApi 1.13; the manifest asks for 1.8. On older Excel a Carnet table is
 * deleted and added again instead, so the user's formulas on it break there (README, "Supported
 * Excel versions").
 */
function canResizeTables(): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", "1.13");
}

/** Cells read to tell whether a block a table would grow over holds anything (well under 5 MB). */
const MAX_CHECKED_CELLS = 200_000;

/** Preferred sheet name → the sheet Carnet wrote last, by name and by id (this session's, maybe). */
type OwnedSheets = Record<string, { name: string; id: string }>;

interface ExistingTable {
  readonly name: string;
  readonly table: Excel.Table;
  /** The table's sheet, its name and id loaded. */
  readonly ws: Excel.Worksheet;
  readonly range: Excel.Range;
}

/** What the workbook holds before writing: its sheets, its tables and where they are, Carnet's sheets. */
interface WorkbookState {
  readonly sheets: Excel.WorksheetCollection;
  readonly owned: OwnedSheets;
  /** Preferred sheet name → Carnet's sheet for that plan, when the workbook has one. */
  readonly homes: Map<string, Excel.Worksheet>;
  readonly existingNames: Set<string>;
  readonly tables: readonly ExistingTable[];
  /** What the last builds wrote in Carnet's tables (typedOver.ts), by table name. */
  readonly written: Record<string, WrittenDigest>;
}

export interface WriteOptions {
  /** The user saw what they typed in Carnet's tables and chose to have it replaced. */
  readonly replaceTyped?: boolean;
}

/** The mark is looked for this many rows above a table at most (rows the user inserted above it). */
const MARK_SEARCH_ROWS = 1000;

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function plansTable(plan: SheetPlan, name: string): TablePlan | undefined {
  return plan.tables.find((p) => sameName(p.name, name));
}

/** The stored setting, or nothing when it is missing, damaged or edited by hand. */
function parseOwned(value: unknown): OwnedSheets {
  try {
    const parsed: unknown = JSON.parse(String(value));
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    const owned: OwnedSheets = {};
    for (const [key, entry] of Object.entries(parsed as Record<string, unknown>)) {
      const { name, id } = (entry ?? {}) as { name?: unknown; id?: unknown };
      if (typeof name === "string" && typeof id === "string") owned[key] = { name, id };
    }
    return owned;
  } catch {
    return {};
  }
}

/** Creates or rewrites Carnet's sheets, tables and charts; never touches any other sheet. */
export async function writeOwnedSheets(
  plans: readonly SheetPlan[],
  progress?: Progress,
  signal?: AbortSignal,
  options: WriteOptions = {}
): Promise<WriteResult> {
  return Excel.run(async (context) => {
    const state = await loadWorkbookState(context, plans);
    refuseForeignTables(plans, state);
    await refuseOverwrites(context, plans, state);
    if (!options.replaceTyped) await refuseTypedOver(context, plans, state, progress);
    const result: Record<string, string> = {};
    const written: string[] = [];
    /** What each table written whole holds, digested block by block as it was written. */
    const digests = new Map<string, WrittenDigest>();
    const rowCount = plans.reduce(
      (s, p) => s + p.tables.reduce((t, tb) => t + tb.rows.length + 1, 0),
      0
    );
    let doneRows = 0;
    let writing: string | null = null;
    const onRows = (rows: number) => progress?.("Writing", (doneRows += rows), rowCount);
    // Whatever stops the loop (a cancel), the sheets Carnet created so far stay known as its own.
    const remember = async () => {
      context.workbook.settings.add(OWNED_SHEETS_SETTING, JSON.stringify(state.owned));
      for (const [name, digest] of digests) state.written[name] = digest;
      context.workbook.settings.add(WRITTEN_SETTING, JSON.stringify(state.written));
      await context.sync();
    };
    try {
      for (const plan of plans) {
        // Cancelling lands between two blocks of rows (within a second, even on a full sheet): the
        // table being written then holds the rows written so far, and the pane says so.
        throwIfCancelled(signal);
        // One sync per owned sheet (a handful), then one per block of rows.
        const { sheet, name, reusable } = await prepareSheet(context, plan, state);
        result[plan.sheet] = name;
        // The note line carries the mark that tells a later run, in any session, the sheet is Carnet's.
        const at = noteCell(plan);
        const note = sheet.getRangeByIndexes(at.row, at.col, 1, 1);
        note.formulas = [[textCell(noteLine(plan))]];
        for (const tablePlan of plan.tables) {
          // What the last build wrote no longer describes a table being rewritten (or cut short).
          delete state.written[tablePlan.name];
          const previous = reusable.get(tablePlan.name) ?? null;
          writing = tablePlan.name;
          const digest = await writeTable(context, sheet, tablePlan, previous, onRows, signal);
          digests.set(tablePlan.name, digest);
          written.push(tablePlan.name);
          writing = null;
        }
        await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- tables must exist before charts use them
        for (const chartPlan of plan.charts ?? []) drawChart(sheet, chartPlan);
        // Fit the tables' columns to the tables. Excel sizes a whole column, so the long note line
        // in A1 is taken out while they are fitted, then put back (one request: never left out).
        note.clear("Contents");
        for (const tablePlan of plan.tables)
          sheet.tables.getItem(tablePlan.name).getRange().format.autofitColumns();
        note.formulas = [[textCell(noteLine(plan))]];
      }
    } catch (error) {
      await remember().catch(() => undefined); // the first error is the one to report
      if (error instanceof Cancelled && writing !== null)
        throw new Cancelled(
          `Cancelled while writing ${writing}: it holds the rows written so far. Build again to write them all.`
        );
      throw error;
    }
    await remember();
    return { sheets: result, tables: written };
  });
}

/**
 * Whether the plan's table `name` exists, on Carnet's own sheet for the plan; a table of that name
 * anywhere else stops with refuseForeignTables' message. Two or three syncs.
 */
export async function ownedTableExists(plan: SheetPlan, name: string): Promise<boolean> {
  return Excel.run(async (context) => {
    const state = await loadWorkbookState(context, [plan]);
    refuseForeignTables([plan], state);
    return state.tables.some((t) => sameName(t.name, name));
  });
}

/**
 * The sheets, the stored setting and the tables, then where each table lives (two syncs), then, when
 * the ids stored this session do not settle it, the note lines above the tables of Carnet's names
 * (a third). A plan's sheet is the one holding its tables whose note line carries its mark, or,
 * without reading it, the one holding its tables that still has the id and name stored for it.
 */
async function loadWorkbookState(
  context: Excel.RequestContext,
  plans: readonly SheetPlan[]
): Promise<WorkbookState> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets;
  sheets.load("items/name, items/id");
  const tables = workbook.tables;
  tables.load("items/name");
  const ownedSetting = workbook.settings.getItemOrNullObject(OWNED_SHEETS_SETTING);
  ownedSetting.load("value");
  const writtenSetting = workbook.settings.getItemOrNullObject(WRITTEN_SETTING);
  writtenSetting.load("value");
  await context.sync();
  const owned = ownedSetting.isNullObject ? {} : parseOwned(ownedSetting.value);
  const written = writtenSetting.isNullObject ? {} : parseWritten(writtenSetting.value);
  // Where each existing table lives, to tell Carnet's own from a user's table of the same name.
  const existing = tables.items.map((table) => {
    const ws = table.worksheet;
    ws.load("name, id");
    const range = table.getRange();
    range.load("address");
    return { name: table.name, table, ws, range };
  });
  await context.sync();

  const homes = new Map<string, Excel.Worksheet>();
  const sheetNamed = (name: string) => sheets.items.find((s) => s.name === name);
  const marks: { plan: SheetPlan; sheet: Excel.Worksheet; cells: Excel.Range }[] = [];
  for (const plan of plans) {
    // The sheets holding the plan's tables, each with the first of them it holds.
    const holding = new Map<string, ExistingTable>();
    for (const t of existing)
      if (plansTable(plan, t.name) && !holding.has(t.ws.name)) holding.set(t.ws.name, t);
    const stored = owned[plan.sheet];
    const byId = [...holding.values()].find(
      (t) => stored && t.ws.id === stored.id && t.ws.name === stored.name
    );
    const home = byId && sheetNamed(byId.ws.name);
    if (home) {
      homes.set(plan.sheet, home);
      continue;
    }
    for (const t of holding.values()) {
      const sheet = sheetNamed(t.ws.name);
      for (const cells of sheet ? markCells(sheet, t, plansTable(plan, t.name)!) : [])
        marks.push({ plan, sheet: sheet!, cells });
    }
    // The sheet of the stored id and name without the plan's tables: Carnet's after a run that
    // failed halfway this session, or, the id being an earlier session's, anyone's. Its note says.
    const created =
      holding.size === 0 && stored
        ? sheets.items.find((s) => s.id === stored.id && s.name === stored.name)
        : undefined;
    const at = noteCell(plan);
    if (created)
      marks.push({ plan, sheet: created, cells: created.getRangeByIndexes(at.row, at.col, 1, 1) });
  }
  if (marks.length > 0) {
    marks.forEach((m) => m.cells.load("values"));
    await context.sync();
    for (const { plan, sheet, cells } of marks)
      if (!homes.has(plan.sheet) && cells.values.some((row) => isNoteLineOf(row[0], plan.sheet)))
        homes.set(plan.sheet, sheet);
  }
  return {
    sheets,
    owned,
    homes,
    existingNames: new Set(sheets.items.map((s) => s.name)),
    tables: existing,
    written,
  };
}

/**
 * Where the note line of a table's sheet may be, if Carnet wrote the table: the cells above it in the
 * column where the note starts, as the plan placed it (rows inserted above move both), and the note's
 * own place beside the table when the plan puts it there (a table filling the sheet) or did before.
 */
function markCells(sheet: Excel.Worksheet, t: ExistingTable, table: TablePlan): Excel.Range[] {
  const at = parseRangeAddress(t.range.address);
  if (!at) return [];
  const cells: Excel.Range[] = [];
  const col = at.col - table.col;
  const rows = Math.min(at.row, MARK_SEARCH_ROWS);
  if (col >= 0 && rows > 0) cells.push(sheet.getRangeByIndexes(at.row - rows, col, rows, 1));
  // Beside the header: where a table filling the sheet has its note, after its last column.
  cells.push(sheet.getRangeByIndexes(at.row, at.col + at.cols + 1, 1, 1));
  return cells;
}

function ownedSheet(state: WorkbookState, preferred: string): Excel.Worksheet | undefined {
  return state.homes.get(preferred);
}

/**
 * A table of Carnet's name anywhere but on Carnet's own sheet for it stops the run before anything
 * is written: output tables keep fixed names.
 */
function refuseForeignTables(plans: readonly SheetPlan[], state: WorkbookState): void {
  for (const plan of plans) {
    const home = ownedSheet(state, plan.sheet)?.name;
    for (const t of state.tables)
      if (plansTable(plan, t.name) && t.ws.name !== home)
        throw new Error(
          `A table named ${t.name} already exists on sheet "${t.ws.name}". Carnet's output tables keep fixed names ` +
            `(users write formulas on them): rename that table, or delete it if it is an old copy, then run again.`
        );
  }
}

/**
 * Where a plan's tables would grow over cells Carnet did not write (a note the user typed under a
 * table, figures beside it), the run stops before anything is written and says where. One sync, only
 * when Carnet's sheets exist already.
 */
async function refuseOverwrites(
  context: Excel.RequestContext,
  plans: readonly SheetPlan[],
  state: WorkbookState
): Promise<void> {
  const checks: { sheet: string; plan: string; used: Excel.Range }[] = [];
  for (const plan of plans) {
    const sheet = ownedSheet(state, plan.sheet);
    if (!sheet) continue;
    const carnetTables = state.tables
      .filter((t) => t.ws.name === sheet.name && isCarnetName(t.name))
      .map((t) => parseRangeAddress(t.range.address))
      .filter((box): box is NonNullable<typeof box> => box !== null);
    for (const box of cellsAtRisk(plan, carnetTables)) {
      const used = sheet
        .getRangeByIndexes(box.row, box.col, box.rows, box.cols)
        .getUsedRangeOrNullObject(true);
      used.load("address");
      checks.push({ sheet: sheet.name, plan: plan.sheet, used });
    }
  }
  if (checks.length === 0) return;
  await context.sync();
  // Excel's used range of a block is where the sheet's used range meets it, empty cells included:
  // the cells are read to tell (a block too large to read is taken as typed over, the safe side).
  const suspect = checks.filter((c) => !c.used.isNullObject);
  const read = suspect.map((c) => {
    const box = parseRangeAddress(c.used.address);
    const small = box !== null && box.rows * box.cols <= MAX_CHECKED_CELLS;
    if (small) c.used.load("values");
    return { ...c, small };
  });
  if (read.some((c) => c.small)) await context.sync();
  // Carnet's own note line, moved down by rows the user inserted above its table, is not the user's.
  const theirs = (v: unknown, plan: string) => v !== "" && v !== null && !isNoteLineOf(v, plan);
  const typed = read.filter(
    (c) => !c.small || c.used.values.some((row) => row.some((v) => theirs(v, c.plan)))
  );
  if (typed.length === 0) return;
  const where = typed.map((c) => c.used.address.split("!").pop()).join(", ");
  throw new Error(
    `Carnet would write over cells you typed on sheet "${typed[0].sheet}": ${where}. ` +
      "Move them away from Carnet's tables (or clear them), then build again; nothing was written."
  );
}

/**
 * Where the user typed over cells of Carnet's tables since the last build (typedOver.ts), the run stops
 * before anything is written and says which. The tables with a digest are read back in blocks under
 * 5 MB, as many to a sync as fit: one sync for tables of a few thousand rows, whatever their number.
 */
async function refuseTypedOver(
  context: Excel.RequestContext,
  plans: readonly SheetPlan[],
  state: WorkbookState,
  progress?: Progress
): Promise<void> {
  const reads: { plan: TablePlan; read: QueuedRead }[] = [];
  const batch = new ReadBatch(context);
  for (const plan of plans) {
    const home = ownedSheet(state, plan.sheet);
    for (const tablePlan of plan.tables) {
      const t = state.tables.find((e) => sameName(e.name, tablePlan.name));
      const box = t && parseRangeAddress(t.range.address);
      if (!home || !state.written[tablePlan.name] || !t || !box || t.ws.name !== home.name)
        continue;
      progress?.("Checking Carnet's tables", 0, box.rows);
      reads.push({ plan: tablePlan, read: await queueTableRead(batch, home, box, tablePlan) });
    }
  }
  await batch.flush();
  const typed = reads.flatMap(({ plan, read }) =>
    typedOver(plan, state.written[plan.name], read.now())
  );
  if (typed.length > 0) throw new TypedOverError(typed);
}

/** Ranges loaded together, synced once their expected weight would pass one request's budget. */
class ReadBatch {
  private weight = 0;
  private pending = false;
  constructor(private readonly context: Excel.RequestContext) {}

  async add(range: Excel.Range, bytes: number): Promise<void> {
    if (this.pending && this.weight + bytes > BLOCK_BUDGET_BYTES) await this.flush();
    range.load("formulas");
    this.weight += bytes;
    this.pending = true;
  }

  async flush(): Promise<void> {
    if (!this.pending) return;
    await this.context.sync();
    this.weight = 0;
    this.pending = false;
  }
}

interface QueuedRead {
  /** The table as read: call once the batch is flushed. */
  now(): TableNow;
}

/** Queues a Carnet table's header and body (as `Range.formulas` gives them) in blocks under 5 MB. */
async function queueTableRead(
  batch: ReadBatch,
  sheet: Excel.Worksheet,
  box: { row: number; col: number; rows: number; cols: number },
  plan: TablePlan
): Promise<QueuedRead> {
  // What a row weighs, from the plan's rows, doubled for what a user typed longer.
  const sample = plan.rows.slice(0, PROBE_ROWS);
  const perRow = Math.max(
    sample.length > 0 ? (2 * bytesOf(sample)) / sample.length : 0,
    64 * box.cols
  );
  const size = rowsPerBlock(perRow);
  const header = sheet.getRangeByIndexes(box.row, box.col, 1, box.cols);
  await batch.add(header, perRow);
  const blocks: Excel.Range[] = [];
  for (let r = 1; r < box.rows; r += size) {
    const rows = Math.min(size, box.rows - r);
    const block = sheet.getRangeByIndexes(box.row + r, box.col, rows, box.cols);
    await batch.add(block, rows * perRow);
    blocks.push(block);
  }
  const name = sheet.name;
  return {
    now: () => ({
      sheet: name,
      row: box.row,
      col: box.col,
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- loaded in ReadBatch.add, read after its flush
      headers: header.formulas[0] as TableNow["headers"],
      body: blocks.flatMap((b) => b.formulas as TableNow["body"][number][]),
    }),
  };
}

/**
 * Carnet's sheet for the plan (the user may have renamed it: it is still Carnet's), else a new one
 * under a name no sheet has. Carnet's charts are deleted (they are redrawn), its tables that start
 * where the plan wants them are kept to be resized (their cells cleared), its other tables deleted;
 * whatever else is on the sheet is the user's and stays. One sync.
 */
async function prepareSheet(
  context: Excel.RequestContext,
  plan: SheetPlan,
  state: WorkbookState
): Promise<{ sheet: Excel.Worksheet; name: string; reusable: Map<string, Excel.Table> }> {
  let sheet = ownedSheet(state, plan.sheet);
  let name: string;
  if (sheet) name = sheet.name;
  else {
    name = freeName(plan.sheet, state.existingNames);
    sheet = state.sheets.add(name);
    state.existingNames.add(name);
  }
  sheet.load("id");
  sheet.charts.load("items/name");
  await context.sync();
  state.owned[plan.sheet] = { name, id: sheet.id };
  // Carnet's charts are redrawn; a chart of the user's on the sheet stays.
  sheet.charts.items.filter((c) => isCarnetName(c.name)).forEach((c) => c.delete());
  const reusable = new Map<string, Excel.Table>();
  const resizable = canResizeTables();
  for (const t of state.tables) {
    if (t.ws.name !== name || !isCarnetName(t.name)) continue; // the user's own tables stay
    const tablePlan = plansTable(plan, t.name);
    const box = parseRangeAddress(t.range.address);
    // A table stays (and is resized) only where its header starts at the same cell; any other of
    // Carnet's is removed before writing, since deleting a table clears its cells.
    if (resizable && tablePlan && box && box.row === tablePlan.row && box.col === tablePlan.col) {
      reusable.set(tablePlan.name, t.table);
      // What it held last time, rows beyond the new size included; the table object stays.
      sheet.getRangeByIndexes(box.row, box.col, box.rows, box.cols).clear("Contents");
    } else t.table.delete();
  }
  return { sheet, name, reusable };
}

/**
 * The header, then the rows in blocks under 5 MB, one sync each. A table Carnet keeps is resized first
 * and its rows written over; a new one is made over the header and the first block (a table of
 * millions of cells is not made in one request), then grown by the next blocks with `rows.add`.
 * Cancelling stops between blocks: the table then holds the rows written so far. Gives the digest of
 * what it wrote (typedOver.ts), taken block by block: the rows are made a block at a time, once.
 */
async function writeTable(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  plan: TablePlan,
  previous: Excel.Table | null,
  onRows: (rows: number) => void,
  signal?: AbortSignal
): Promise<WrittenDigest> {
  const { row, col } = plan;
  const cols = plan.headers.length;
  // Resized before the rows are written: a formula written into a table fills its whole column
  // (Excel's calculated columns), rows of the last, longer build included, left below the table.
  const resized = previous !== null && canResizeTables();
  if (resized)
    previous.resize(sheet.getRangeByIndexes(row, col, Math.max(plan.rows.length + 1, 2), cols));
  sheet.getRangeByIndexes(row, col, 1, cols).values = [plan.headers.map(textCell) as string[]];
  const formats = plan.numberFormats?.map((f) => f ?? "General") ?? null;
  // The formats travel with each row of values: their weight counts in the block's budget.
  const formatBytes = formats ? utf8Bytes(JSON.stringify(formats)) + 1 : 0;
  let table: Excel.Table | null = resized ? previous : null;
  const digest = new TableDigest(plan.headers);
  for (const block of writeBlocks(plan.rows, undefined, formatBytes)) {
    throwIfCancelled(signal);
    digest.add(block.rows);
    const at = sheet.getRangeByIndexes(row + 1 + block.start, col, block.rows.length, cols);
    const cells = block.rows as unknown as (string | number | boolean)[][];
    if (table !== null && !resized) table.rows.add(undefined, cells);
    else at.formulas = cells as string[][];
    if (formats) at.numberFormat = block.rows.map(() => formats);
    table ??= newTable(sheet, plan, block.rows.length);
    onRows(block.rows.length);
    await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- one per block under 5 MB, by design
  }
  table ??= newTable(sheet, plan, 1); // no rows: the header over one empty row
  return digest.digest();
}

/** A Carnet table over its header and the `rows` below it. */
function newTable(sheet: Excel.Worksheet, plan: TablePlan, rows: number): Excel.Table {
  const extent = sheet.getRangeByIndexes(plan.row, plan.col, rows + 1, plan.headers.length);
  const table = sheet.tables.add(extent, true);
  table.name = plan.name;
  table.style = "TableStyleMedium2";
  return table;
}

/** A chart over a table's columns: the first series creates it, the others are added by header. */
function drawChart(sheet: Excel.Worksheet, plan: ChartPlan): void {
  const table = sheet.tables.getItem(plan.table);
  // The column's first `plan.rows` cells, or all of it.
  const column = (header: string) => {
    const body = table.columns.getItem(header).getDataBodyRange();
    return plan.rows === undefined ? body : body.getRow(0).getResizedRange(plan.rows - 1, 0);
  };
  const categories = column(plan.categories);
  const first = column(plan.series[0]);
  const chart = sheet.charts.add(plan.type as Excel.ChartType, first, Excel.ChartSeriesBy.columns);
  chart.name = plan.name;
  chart.title.text = plan.title;
  plan.series.forEach((header, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(header);
    if (i === 0) series.name = header;
    else series.setValues(column(header));
    series.setXAxisValues(categories);
    const type = plan.seriesTypes?.[i];
    if (type) series.chartType = type as Excel.ChartType;
    const fill = plan.seriesFill?.[i];
    if (fill === "none") series.format.fill.clear();
    else if (fill) series.format.fill.setSolidColor(fill);
  });
  const { at } = plan;
  chart.setPosition(
    sheet.getRangeByIndexes(at.row, at.col, 1, 1),
    sheet.getRangeByIndexes(at.row + at.rows - 1, at.col + at.cols - 1, 1, 1)
  );
}
