/**
 * Carnet writes only to sheets it owns. A sheet is Carnet's when Carnet created it: the names are
 * kept in the workbook's settings, so a user's own sheet that happens to bear the same name is never
 * touched (Carnet then writes beside it, under a free name). A second run rewrites Carnet's tables in
 * place: same sheet, same table names, resized, so formulas users wrote on them keep working.
 */
import { cellAddress } from "../plan/a1";
import { bytesOf, writeBlocks } from "../plan/blocks";
import { type Progress, throwIfCancelled } from "../plan/progress";
import { freeName, type SheetPlan, type WriteResult } from "../plan/sheetPlan";

export const OWNED_SHEETS_SETTING = "carnet.ownedSheets";

/** Creates or rewrites Carnet's sheets, tables and charts; never touches any other sheet. */
export async function writeOwnedSheets(
  plans: readonly SheetPlan[],
  progress?: Progress,
  signal?: AbortSignal
): Promise<WriteResult> {
  return Excel.run(async (context) => {
    const workbook = context.workbook;
    const sheets = workbook.worksheets;
    sheets.load("items/name, items/id");
    const tables = workbook.tables;
    tables.load("items/name");
    const ownedSetting = workbook.settings.getItemOrNullObject(OWNED_SHEETS_SETTING);
    ownedSetting.load("value");
    await context.sync();

    // Preferred name → the sheet Carnet created, by id: a sheet the user later makes under the same
    // name (after deleting Carnet's) has another id and is never written to.
    const owned: Record<string, { name: string; id: string }> = ownedSetting.isNullObject
      ? {}
      : JSON.parse(String(ownedSetting.value));
    const existing = new Set(sheets.items.map((s) => s.name));
    // Where each existing table lives, to tell Carnet's own from a user's table of the same name.
    const tableSheets = tables.items.map((t) => {
      const ws = t.worksheet;
      ws.load("name");
      const range = t.getRange();
      range.load("address");
      return { name: t.name, table: t, ws, range };
    });
    await context.sync();

    const result: Record<string, string> = {};
    const written: string[] = [];
    const totalRows = plans.reduce(
      (s, p) => s + p.tables.reduce((t, tb) => t + tb.rows.length + 1, 0),
      0
    );
    let doneRows = 0;

    // A table of Carnet's name anywhere but on Carnet's own sheet for it stops the run before anything
    // is written: output tables keep fixed names.
    for (const plan of plans) {
      const home = sheets.items.find((ws) => ws.id === owned[plan.sheet]?.id)?.name;
      for (const t of tableSheets)
        if (plan.tables.some((p) => p.name === t.name) && t.ws.name !== home)
          throw new Error(
            `A table named ${t.name} already exists on sheet "${t.ws.name}". Carnet's output tables keep fixed names ` +
              `(users write formulas on them): rename that table, or delete it if it is an old copy, then run again.`
          );
    }
    // Whatever stops the loop (a cancel), the sheets Carnet created so far stay known as its own.
    const remember = async () => {
      workbook.settings.add(OWNED_SHEETS_SETTING, JSON.stringify(owned));
      await context.sync();
    };
    try {
      for (const plan of plans) {
        // Cancelling stops before a sheet is touched, never halfway through one: Carnet's tables are
        // either as they were or completely rewritten.
        throwIfCancelled(signal);
        // Reuse the sheet Carnet wrote last time under this name, else a name no sheet has.
        const mine = sheets.items.find((ws) => ws.id === owned[plan.sheet]?.id);
        let sheet: Excel.Worksheet;
        let name: string;
        if (mine) {
          sheet = mine; // it may have been renamed by the user: it is still Carnet's
          name = mine.name;
        } else {
          name = freeName(plan.sheet, existing);
          sheet = sheets.add(name);
          existing.add(name);
        }
        result[plan.sheet] = name;
        // Charts are redrawn from scratch each run; tables are kept and resized.
        sheet.load("id");
        sheet.charts.load("items/name");
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load("address");
        await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- one per owned sheet (a handful)
        owned[plan.sheet] = { name, id: sheet.id };
        sheet.charts.items.forEach((c) => c.delete());

        const reusable = new Set<string>();
        for (const t of tableSheets) {
          if (t.ws.name !== name) continue;
          const tablePlan = plan.tables.find((p) => p.name === t.name);
          const corner = tablePlan ? cellAddress(null, tablePlan.row, tablePlan.col) : null;
          // A table stays (and is resized) only where its header starts at the same cell; any other is
          // removed before writing, since deleting a table clears its cells.
          if (corner !== null && t.range.address.split("!").pop()!.split(":")[0] === corner)
            reusable.add(t.name);
          else t.table.delete();
        }
        // Clear what was written last time, tables included (their objects stay, with their names).
        if (!used.isNullObject) sheet.getRange(used.address.split("!").pop()!).clear("Contents");

        if (plan.note) sheet.getRange("A1").values = [[plan.note]];
        for (const tablePlan of plan.tables) {
          const { row, col } = tablePlan;
          const cols = tablePlan.headers.length;
          const height = tablePlan.rows.length + 1;
          sheet.getRangeByIndexes(row, col, 1, cols).values = [tablePlan.headers as string[]];
          const formats = tablePlan.numberFormats?.map((f) => f ?? "General") ?? null;
          // The formats travel with each row of values: their weight counts in the block's budget.
          const formatBytes = formats ? JSON.stringify(formats).length + 1 : 0;
          for (const block of writeBlocks(tablePlan.rows, undefined, formatBytes)) {
            const range = sheet.getRangeByIndexes(
              row + 1 + block.start,
              col,
              block.rows.length,
              cols
            );
            range.formulas = block.rows as unknown as string[][];
            if (formats) range.numberFormat = block.rows.map(() => formats);
            doneRows += block.rows.length;
            progress?.("Writing", doneRows, totalRows);
            if (bytesOf(block.rows) > 0) await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- one per block under 5 MB, by design
          }
          const extent = sheet.getRangeByIndexes(row, col, Math.max(height, 2), cols);
          const previous = tableSheets.find(
            (t) => t.name === tablePlan.name && reusable.has(t.name)
          );
          if (previous) previous.table.resize(extent);
          else {
            const table = sheet.tables.add(extent, true);
            table.name = tablePlan.name;
            table.style = "TableStyleMedium2";
          }
          written.push(tablePlan.name);
        }
        await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- tables must exist before charts use them

        for (const chartPlan of plan.charts ?? []) {
          const table = sheet.tables.getItem(chartPlan.table);
          const categories = table.columns.getItem(chartPlan.categories).getDataBodyRange();
          const first = table.columns.getItem(chartPlan.series[0]).getDataBodyRange();
          const chart = sheet.charts.add(
            chartPlan.type as Excel.ChartType,
            first,
            Excel.ChartSeriesBy.columns
          );
          chart.name = chartPlan.name;
          chart.title.text = chartPlan.title;
          chartPlan.series.forEach((header, i) => {
            const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(header);
            if (i === 0) series.name = header;
            else series.setValues(table.columns.getItem(header).getDataBodyRange());
            series.setXAxisValues(categories);
            const type = chartPlan.seriesTypes?.[i];
            if (type) series.chartType = type as Excel.ChartType;
            const fill = chartPlan.seriesFill?.[i];
            if (fill === "none") series.format.fill.clear();
            else if (fill) series.format.fill.setSolidColor(fill);
          });
          const { at } = chartPlan;
          chart.setPosition(
            sheet.getRangeByIndexes(at.row, at.col, 1, 1),
            sheet.getRangeByIndexes(at.row + at.rows - 1, at.col + at.cols - 1, 1, 1)
          );
        }
        // Fit the tables' columns, not the note's long line above them.
        for (const tablePlan of plan.tables)
          sheet.tables.getItem(tablePlan.name).getRange().format.autofitColumns();
      }
    } catch (error) {
      await remember().catch(() => undefined); // the first error is the one to report
      throw error;
    }
    await remember();
    return { sheets: result, tables: written };
  });
}
