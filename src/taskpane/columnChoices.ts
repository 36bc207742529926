/**
 * What the column-mapping picker offers for each column of the user's table: the header as typed, a
 * column without a header by its letter in the sheet ("Column C (no header)"), and two columns under the
 * same header told apart by their letters. Pure, so that both views offer the same choices.
 */
import type { CellValue } from "../domain/values";
import { columnLetters } from "../excel/plan/a1";

export interface ColumnChoice {
  /** The column's index in the table (0-based), as the <option>'s value. */
  readonly value: string;
  readonly label: string;
}

function headerText(header: CellValue): string {
  if (typeof header === "boolean") return header ? "TRUE" : "FALSE";
  return header === null || header === undefined ? "" : String(header).trim();
}

/** One choice per header; `firstCol` is the sheet column (0-based) of the table's first column. */
export function columnChoices(headers: readonly CellValue[], firstCol: number): ColumnChoice[] {
  const texts = headers.map(headerText);
  const count = new Map<string, number>();
  for (const text of texts) count.set(text, (count.get(text) ?? 0) + 1);
  return texts.map((text, i) => {
    const letter = columnLetters(firstCol + i);
    const label =
      text === ""
        ? `Column ${letter} (no header)`
        : count.get(text)! > 1
          ? `${text} (column ${letter})`
          : text;
    return { value: String(i), label };
  });
}
