/** Where and how CarnetSnapshots is written: its sheet, its name, its columns' number formats. */
import { SNAPSHOT_COLUMNS } from "../../domain/snapshots";
import type { CellValue } from "../../domain/values";
import type { Language } from "../../domain/language";
import { type SheetPlan, textCell } from "./sheetPlan";
import { inWorkbookLanguage, SNAPSHOT_NOTE } from "./workbookText";

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

/**
 * A snapshot's rows as written to CarnetSnapshots, created or appended: every text (the label, id,
 * company, contact, product, owner, stage, category) marked as text, since Excel types what is written
 * there. Unmarked, a label "2026-11-26 10:04" became a date (two snapshots in a minute then merged),
 * an id "00123" became 123 and a contact "+33 1 23 45 67 89" a formula.
 */
export function snapshotCells(
  rows: readonly (readonly (string | number | null)[])[]
): CellValue[][] {
  return rows.map((row) => row.map((cell) => (typeof cell === "string" ? textCell(cell) : cell)));
}

/**
 * The sheet the first snapshot creates, its headers and note in the workbook's language; later
 * snapshots are appended to its table.
 */
export function snapshotSheetPlan(
  rows: CellValue[][],
  currencyFormat: string,
  language: Language = "en"
): SheetPlan {
  const plan: SheetPlan = {
    sheet: SNAPSHOT_SHEET,
    note: SNAPSHOT_NOTE[language],
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
  return inWorkbookLanguage(plan, language);
}
