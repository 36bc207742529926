/**
 * The number format of the money columns Carnet writes, one rule for every table: the workbook's own
 * currency format when a money column of the source has one (the first that does), else a format built
 * from the currency sign typed in those columns' first 50 rows (€, $ or £: "12 500 €" gives `#,##0 "€"`),
 * else a plain number. Tables differ only in their decimals: the forecast shows cents (deal amounts), the
 * matrix whole units (a range's sales and margin).
 */
import type { SourceData } from "./source";

/** A format that names a currency: a sign, or Excel's locale-tagged currency (`[$€-40C]`). */
const CURRENCY_FORMAT = /[€$£]|\[\$/;
/** How many rows are looked at for a currency sign typed in the amounts. */
const SAMPLE_ROWS = 50;

/**
 * @param source the table the figures come from; null when there is none (plain number).
 * @param moneyColumns the source's money columns (0-based, null or undefined when not mapped), in order of
 *   preference for the workbook's format.
 * @param decimals the decimals of a built format (the workbook's own format is kept as it is).
 */
export function currencyFormatFor(
  source: SourceData | null,
  moneyColumns: readonly (number | null | undefined)[],
  decimals: number
): string {
  const number = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  if (!source) return number;
  const cols = moneyColumns.filter((c): c is number => c !== null && c !== undefined);
  for (const col of cols) {
    const format = source.numberFormats[col] ?? "";
    if (CURRENCY_FORMAT.test(format)) return format;
  }
  const sample = source.rows
    .slice(0, SAMPLE_ROWS)
    .flatMap((r) => cols.map((c) => String(r[c] ?? "")))
    .join(" ");
  if (sample.includes("€")) return `${number} "€"`;
  if (sample.includes("$")) return `"$"${number}`;
  if (sample.includes("£")) return `"£"${number}`;
  return number;
}
