/**
 * The user's table as Carnet reads it: which one (the choice kept in the settings), its cells and
 * where they are. Read by host/source.ts; planned and reasoned about here, without a host.
 */
import type { CellValue } from "../../domain/values";

export type SourceChoice =
  | { readonly kind: "auto" }
  | { readonly kind: "table"; readonly name: string }
  | { readonly kind: "range"; readonly address: string };

export interface SourceData {
  readonly kind: "table" | "range";
  /** The Excel table's name when the source is a table (its formulas can then be live). */
  readonly tableName: string | null;
  readonly sheet: string;
  /** 0-based row and column of the header row's first cell. */
  readonly row: number;
  readonly col: number;
  /** The whole source, header included, e.g. Sheet1!A1:F5. */
  readonly address: string;
  readonly headers: CellValue[];
  /** Data rows below the header. */
  readonly rows: CellValue[][];
  /** Number format of each column's first data cell (to reuse the workbook's currency format). */
  readonly numberFormats: string[];
}

/**
 * How the settings remember which table a column mapping was confirmed for: the Excel table's name
 * (it survives rows added or moved), else the range's address. The Pipeline and Matrix views key their
 * stored mappings with it (`mappingFor`); it has always been this rule, so saved workbooks keep matching.
 */
export function sourceKey(source: SourceData): string {
  return source.tableName ?? source.address;
}

/** The choice that reads this source again next time ("Read Deals", "Read last range"), by the same rule. */
export function sourceChoiceOf(source: SourceData): SourceChoice {
  return source.tableName !== null
    ? { kind: "table", name: source.tableName }
    : { kind: "range", address: source.address };
}

/**
 * Where a carried-down region ends: single blank lines are part of a sales table, but two blank rows
 * in a row end it (what lies below is another block: a summary, objectives, notes).
 */
export function endOfCarriedRegion(rows: readonly (readonly CellValue[])[], from: number): number {
  const blank = (row: readonly CellValue[]) =>
    row.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""));
  for (let i = Math.max(0, from); i + 1 < rows.length; i++)
    if (blank(rows[i]) && blank(rows[i + 1])) return i;
  return rows.length;
}
