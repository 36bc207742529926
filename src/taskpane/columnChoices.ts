/**
 * What the column-mapping picker offers for each column of the user's table: the header as typed, a
 * column without a header by its letter in the sheet ("Column C (no header)"), and two columns under the
 * same header told apart by their letters. Pure, so that both views offer the same choices.
 */
import type { FieldSpec } from "../domain/columns";
import type { CellValue } from "../domain/values";
import { columnLetters } from "../excel/plan/a1";
import type { Text } from "./i18n/language";
import { CATALOGUE, type MessageKey } from "./i18n/messages";
import { ENGLISH_WORDS } from "./words";

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
export function columnChoices(
  headers: readonly CellValue[],
  firstCol: number,
  t: Text = ENGLISH_WORDS.t
): ColumnChoice[] {
  const texts = headers.map(headerText);
  const count = new Map<string, number>();
  for (const text of texts) count.set(text, (count.get(text) ?? 0) + 1);
  return texts.map((text, i) => {
    const letter = columnLetters(firstCol + i);
    const label =
      text === ""
        ? t("app.column.noHeader", { letter })
        : count.get(text)! > 1
          ? t("app.column.sameHeader", { header: text, letter })
          : text;
    return { value: String(i), label };
  });
}

/**
 * A field's label as the pane shows it (the mapping picker's field, the list of columns to choose):
 * the catalogue's `app.field.<field>`, whose English is the domain's label (a test holds them equal);
 * the domain's label itself for a field the catalogue does not know yet.
 */
export function fieldLabel(spec: FieldSpec<string>, t: Text = ENGLISH_WORDS.t): string {
  const key = `app.field.${spec.field}`;
  return key in CATALOGUE.en ? t(key as MessageKey) : spec.label;
}
