/** Where and how CarnetSnapshots is written: its sheet, its name, its columns' number formats. */
import { SNAPSHOT_COLUMNS } from "../../domain/snapshots";
import type { CellValue } from "../../domain/values";
import type { SheetPlan } from "./sheetPlan";

export const SNAPSHOT_SHEET = "Carnet Snapshots";
export const SNAPSHOT_TABLE = "CarnetSnapshots";

export function snapshotFormats(currencyFormat: string): string[] {
  const byHeader: Record<string, string> = {
    "Taken at": "yyyy-mm-dd hh:mm",
    "Close date": "yyyy-mm-dd",
    Amount: currencyFormat,
    "Weighted amount": currencyFormat,
    Probability: "0%",
  };
  return SNAPSHOT_COLUMNS.map((h) => byHeader[h] ?? "General");
}

/** The sheet the first snapshot creates; later snapshots are appended to its table. */
export function snapshotSheetPlan(rows: CellValue[][], currencyFormat: string): SheetPlan {
  return {
    sheet: SNAPSHOT_SHEET,
    note: "Each snapshot freezes the pipeline as read at that time. Carnet appends; it never rewrites past rows.",
    tables: [
      {
        name: SNAPSHOT_TABLE,
        headers: [...SNAPSHOT_COLUMNS],
        rows,
        numberFormats: snapshotFormats(currencyFormat),
        row: 2,
        col: 0,
      },
    ],
  };
}
