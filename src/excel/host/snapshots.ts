/**
 * Pipeline history: "Take snapshot" appends the current deals to CarnetSnapshots (on Carnet's own
 * sheet), and the pane reads the table back to compare two snapshots.
 */
import type { SpeakOptions } from "../../domain/readingProblems";
import { type Snapshot, snapshotRows, snapshotsFromRows } from "../../domain/snapshots";
import { utf8Bytes, writeBlocks } from "../plan/blocks";
import { type Progress, throwIfCancelled } from "../plan/progress";
import {
  SNAPSHOT_TABLE,
  snapshotCells,
  snapshotFormats,
  snapshotSheetPlan,
} from "../plan/snapshotPlan";
import { headerIn } from "../plan/workbookText";
import { ownedTableExists, writeOwnedSheets } from "./owned";
import { readSource } from "./source";
import { workbookLanguage } from "./language";

/** Appends a snapshot; creates the table on Carnet's sheet the first time. */
export async function appendSnapshot(
  snapshot: Snapshot,
  currencyFormat: string,
  progress?: Progress,
  signal?: AbortSignal
): Promise<void> {
  const rows = snapshotCells(snapshotRows(snapshot));
  const plan = snapshotSheetPlan(rows, currencyFormat);
  if (!(await ownedTableExists(plan, SNAPSHOT_TABLE))) {
    // The table's headers in the workbook's language, decided now if no table of Carnet's did before.
    const language = await workbookLanguage();
    await writeOwnedSheets([snapshotSheetPlan(rows, currencyFormat, language)], progress, signal);
    return;
  }
  await Excel.run(async (context) => {
    const table = context.workbook.tables.getItem(SNAPSHOT_TABLE);
    const number = snapshotFormats(currencyFormat);
    let done = 0;
    // The formats travel with each row of values: their weight counts in the block's budget.
    for (const block of writeBlocks(rows, undefined, utf8Bytes(JSON.stringify(number)) + 1)) {
      throwIfCancelled(signal);
      table.rows.add(undefined, block.rows as (string | number | boolean)[][]);
      const up = block.rows.length - 1;
      const added = table
        .getDataBodyRange()
        .getLastRow()
        .getOffsetRange(-up, 0)
        .getResizedRange(up, 0);
      added.numberFormat = block.rows.map(() => number);
      done += block.rows.length;
      progress?.("Writing", done, rows.length);
      await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- one per block under 5 MB, by design
    }
  });
}

/** Every snapshot in CarnetSnapshots, oldest first, with the rows that could not be read. */
export async function readSnapshots(
  progress?: Progress,
  signal?: AbortSignal,
  options: SpeakOptions = {}
) {
  if (!(await ownedTableExists(snapshotSheetPlan([], "General"), SNAPSHOT_TABLE)))
    return { snapshots: [], problems: [] };
  const source = await readSource({ kind: "table", name: SNAPSHOT_TABLE }, progress, signal);
  // Rows are read by position; the problems name the columns in the problems' language.
  const language = options.language ?? "en";
  const columnName = (header: string) => headerIn(SNAPSHOT_TABLE, header, language);
  return snapshotsFromRows(source.rows, { language, columnName });
}
