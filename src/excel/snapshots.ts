/**
 * Pipeline history: "Take snapshot" appends the current deals to CarnetSnapshots (on Carnet's own
 * sheet), and the pane reads the table back to compare two snapshots.
 */
import {
  SNAPSHOT_COLUMNS,
  type Snapshot,
  snapshotRows,
  snapshotsFromRows,
} from "../domain/snapshots";
import type { CellValue } from "../domain/values";
import { writeBlocks } from "./blocks";
import { writeOwnedSheets } from "./owned";
import { type Progress, throwIfCancelled } from "./progress";
import { readSource } from "./source";

export const SNAPSHOT_SHEET = "Carnet Snapshots";
export const SNAPSHOT_TABLE = "CarnetSnapshots";

function formats(currencyFormat: string): string[] {
  const byHeader: Record<string, string> = {
    "Taken at": "yyyy-mm-dd hh:mm",
    "Close date": "yyyy-mm-dd",
    Amount: currencyFormat,
    "Weighted amount": currencyFormat,
    Probability: "0%",
  };
  return SNAPSHOT_COLUMNS.map((h) => byHeader[h] ?? "General");
}

/** Appends a snapshot; creates the table on Carnet's sheet the first time. */
export async function appendSnapshot(
  snapshot: Snapshot,
  currencyFormat: string,
  progress?: Progress,
  signal?: AbortSignal
): Promise<void> {
  const rows = snapshotRows(snapshot) as CellValue[][];
  const exists = await Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(SNAPSHOT_TABLE);
    table.load("name");
    await context.sync();
    return !table.isNullObject;
  });
  if (!exists) {
    await writeOwnedSheets(
      [
        {
          sheet: SNAPSHOT_SHEET,
          note: "Each snapshot freezes the pipeline as read at that time. Carnet appends; it never rewrites past rows.",
          tables: [
            {
              name: SNAPSHOT_TABLE,
              headers: [...SNAPSHOT_COLUMNS],
              rows,
              numberFormats: formats(currencyFormat),
              row: 2,
              col: 0,
            },
          ],
        },
      ],
      progress,
      signal
    );
    return;
  }
  await Excel.run(async (context) => {
    const table = context.workbook.tables.getItem(SNAPSHOT_TABLE);
    const number = formats(currencyFormat);
    let done = 0;
    // The formats travel with each row of values: their weight counts in the block's budget.
    for (const block of writeBlocks(rows, undefined, JSON.stringify(number).length + 1)) {
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
export async function readSnapshots(progress?: Progress, signal?: AbortSignal) {
  const exists = await Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(SNAPSHOT_TABLE);
    table.load("name");
    await context.sync();
    return !table.isNullObject;
  });
  if (!exists) return { snapshots: [], problems: [] };
  const source = await readSource({ kind: "table", name: SNAPSHOT_TABLE }, progress, signal);
  return snapshotsFromRows(source.rows);
}
