/**
 * What Excel makes of a string written into a cell: the same as typing it. `Range.values`,
 * `Range.formulas`, `TableRow`/`TableColumn` values and `table.rows.add(index, values)` all go
 * through it, so `"2026-11-26 10:04"` is stored as a date-time serial, `"00123"` as 123, `"20%"`
 * as 0.2, `"1,000"` as 1000, `"TRUE"` as a boolean, `"=A1"` or `"+A1"` as a formula, and only a
 * leading apostrophe keeps the rest as text (the apostrophe is not part of the value).
 *
 * The locale: `values`, `formulas` and the table members read strings the en-US way whatever the
 * workbook's locale (Microsoft documents it on `Range.values`: locale-shaped strings such as a
 * fr-FR date are stored as text; use `formulasLocal` or ISO), `formulasLocal` and typing in the
 * workbench's grid read them the way of the host's locale (en-US or fr-FR). README.md in this
 * folder lists the rules and the readings taken where Excel's documentation is silent.
 *
 * Numbers and booleans written as such are stored as they are; `null` leaves a cell unchanged and
 * `""` clears it (cells.ts). What this module returns is what a backend takes: numbers, booleans,
 * formulas ("=...") and text always marked with its "'" (so no backend parses it again).
 */
import type { CellInput } from "./backend";

export type InputLocale = "en-US" | "fr-FR";

export const INPUT_LOCALES: readonly InputLocale[] = ["en-US", "fr-FR"];

/** What a written value becomes. */
export interface TypedInput {
  /** For the backend: a number, a boolean, a formula ("=..."), text marked with "'", or "" (clear). */
  readonly content: CellInput;
  /**
   * The number format Excel gives a cell in the General format for what it recognised (a date, a
   * percentage, a thousands separator, a currency sign...); none for a plain number or text.
   */
  readonly format?: string;
}

/** The input locale of a language tag: fr-* reads the French way, anything else the en-US way. */
export function inputLocaleOf(tag: string | undefined): InputLocale {
  return tag !== undefined && /^fr(-|$)/i.test(tag) ? "fr-FR" : "en-US";
}

// ---------------------------------------------------------------------------------------------
// Dates and times

/** Excel's serial day (1900 date system, with its phantom 29 February 1900), or undefined. */
export function serialOfDate(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) return undefined;
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (year === 1900 && month === 2 && day === 29) return 60;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  const days = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
  // Before 1 March 1900 Excel counts from 1 January 1900 = 1 (its 29 February shifts the rest).
  return days < 61 ? days - 1 : days;
}

/** Two-digit years as Excel reads them: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

const EN_MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const FR_MONTHS: Record<string, number> = {
  janv: 1,
  janvier: 1,
  févr: 2,
  fevr: 2,
  février: 2,
  fevrier: 2,
  mars: 3,
  avr: 4,
  avril: 4,
  mai: 5,
  juin: 6,
  juil: 7,
  juillet: 7,
  août: 8,
  aout: 8,
  sept: 9,
  septembre: 9,
  oct: 10,
  octobre: 10,
  nov: 11,
  novembre: 11,
  déc: 12,
  dec: 12,
  décembre: 12,
  decembre: 12,
};

interface Recognised {
  value: number;
  format?: string;
}

const DATE_FORMAT = "m/d/yyyy";
const DAY_MONTH_FORMAT = "d-mmm";
const NAMED_DATE_FORMAT = "d-mmm-yy";
const MONTH_YEAR_FORMAT = "mmm-yy";

function monthOf(word: string, locale: InputLocale): number | undefined {
  const key = word.toLowerCase().replace(/\.$/, "");
  return (locale === "fr-FR" ? FR_MONTHS : EN_MONTHS)[key];
}

/** A date without a time: numeric forms, ISO, and month names (English, or French in fr-FR). */
function parseDate(text: string, locale: InputLocale, year: number): Recognised | undefined {
  const date = (y: number, m: number, d: number, format: string) => {
    const value = serialOfDate(y, m, d);
    return value === undefined ? undefined : { value, format };
  };
  let m = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (m) return date(Number(m[1]), Number(m[3]), Number(m[4]), DATE_FORMAT);
  // Month and day in the locale's order, then the year.
  m = /^(\d{1,2})([-/])(\d{1,2})\2(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const [month, day] = locale === "fr-FR" ? [b, a] : [a, b];
    return date(fullYear(m[4]), month, day, DATE_FORMAT);
  }
  m = /^(\d{4})([-/])(\d{1,2})$/.exec(text);
  if (m) return date(Number(m[1]), Number(m[3]), 1, MONTH_YEAR_FORMAT);
  m = /^(\d{1,2})([-/])(\d{4})$/.exec(text);
  if (m) return date(Number(m[3]), Number(m[1]), 1, MONTH_YEAR_FORMAT);
  // Two numbers: a day of this year ("3/4" is 4 March in en-US, 3 April in fr-FR), or when that is
  // no day a month and a two-digit year ("3/45" is March 1945).
  m = /^(\d{1,2})([-/])(\d{1,2})$/.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const [month, day] = locale === "fr-FR" ? [b, a] : [a, b];
    return (
      date(year, month, day, DAY_MONTH_FORMAT) ??
      (locale === "fr-FR" ? undefined : date(fullYear(m[3]), a, 1, MONTH_YEAR_FORMAT))
    );
  }
  const word = "([a-zà-ÿ]+\\.?)";
  // "4 Apr 2003", "4-Apr-03", "26 nov. 2026", "4 avril", "4-Apr".
  m = new RegExp(`^(\\d{1,2})(?:[-\\s]+)${word}(?:[-\\s,]+(\\d{2}|\\d{4}))?$`, "iu").exec(text);
  if (m) {
    const month = monthOf(m[2], locale);
    if (month === undefined) return undefined;
    return m[3] === undefined
      ? date(year, month, Number(m[1]), DAY_MONTH_FORMAT)
      : date(fullYear(m[3]), month, Number(m[1]), NAMED_DATE_FORMAT);
  }
  // "April 4, 2003", "Apr 4", "Apr-03" (a day of this year), "Apr 2003", "Apr-45" (a month).
  m = new RegExp(`^${word}(?:[-\\s]+)(\\d{1,2}|\\d{4})(?:,?\\s+(\\d{2}|\\d{4}))?$`, "iu").exec(
    text
  );
  if (m) {
    const month = monthOf(m[1], locale);
    if (month === undefined) return undefined;
    if (m[3] !== undefined) return date(fullYear(m[3]), month, Number(m[2]), NAMED_DATE_FORMAT);
    if (m[2].length === 4) return date(Number(m[2]), month, 1, MONTH_YEAR_FORMAT);
    return (
      date(year, month, Number(m[2]), DAY_MONTH_FORMAT) ??
      date(fullYear(m[2]), month, 1, MONTH_YEAR_FORMAT)
    );
  }
  return undefined;
}

/** A time of day: "10:04", "10:04:05", "9:30 PM", "10 AM" (AM/PM in en-US only). */
function parseTime(text: string, locale: InputLocale): Recognised | undefined {
  const decimal = locale === "fr-FR" ? "," : ".";
  const m = new RegExp(
    `^(\\d{1,2})(?::(\\d{1,2})(?::(\\d{1,2}(?:\\${decimal}\\d+)?))?)?(?:\\s*([ap])m?)?$`,
    "i"
  ).exec(text);
  if (!m || (m[2] === undefined && m[4] === undefined)) return undefined;
  if (m[4] !== undefined && locale === "fr-FR") return undefined;
  let hours = Number(m[1]);
  const minutes = m[2] === undefined ? 0 : Number(m[2]);
  const seconds = m[3] === undefined ? 0 : Number(m[3].replace(",", "."));
  if (m[4] !== undefined) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (m[4].toLowerCase() === "p" ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds >= 60) return undefined;
  const ampm = m[4] !== undefined ? " AM/PM" : "";
  return {
    value: (hours * 3600 + minutes * 60 + seconds) / 86400,
    format: (m[3] === undefined ? "h:mm" : "h:mm:ss") + ampm,
  };
}

/** A date, a time, or a date and a time ("2026-11-26 10:04", "26/11/2026 10:04"). */
function parseDateTime(text: string, locale: InputLocale, year: number): Recognised | undefined {
  const whole = parseDate(text, locale, year) ?? parseTime(text, locale);
  if (whole) return whole;
  const m = /^(.+?)\s+(\d{1,2}(?::\d{1,2}(?::[\d.,]+)?)?(?:\s*[ap]m?)?)$/i.exec(text);
  if (!m) return undefined;
  const date = parseDate(m[1], locale, year);
  const time = parseTime(m[2], locale);
  if (!date || !time) return undefined;
  return { value: date.value + time.value, format: `${DATE_FORMAT} ${time.format}` };
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** Spaces that group thousands in French: ordinary, no-break and narrow no-break. */
const FR_GROUP = "[ \\u00A0\\u202F]";

/**
 * A number as typed: sign or parentheses, thousands separators in groups of three, decimals, an
 * exponent, a trailing percent sign, a currency sign ($ before in en-US, € after in fr-FR).
 */
function parseNumber(text: string, locale: InputLocale): Recognised | undefined {
  let t = text;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1].trim();
  }
  let signs = 0;
  const takeSign = () => {
    const s = /^([+-])\s*/.exec(t);
    if (!s) return;
    signs += 1;
    if (s[1] === "-") negative = !negative;
    t = t.slice(s[0].length);
  };
  takeSign();
  let currency = false;
  let percent = false;
  if (locale === "en-US" && t.startsWith("$")) {
    currency = true;
    t = t.slice(1).trimStart();
    if (signs === 0) takeSign();
  }
  const pct = /\s*%$/.exec(t);
  if (pct) {
    percent = true;
    t = t.slice(0, pct.index);
  }
  const euro = /\s*€$/.exec(t);
  if (locale === "fr-FR" && euro && !percent) {
    currency = true;
    t = t.slice(0, euro.index);
  }
  if (signs > 1 || (paren && signs > 0) || t === "") return undefined;

  const [dot, group] = locale === "fr-FR" ? [",", FR_GROUP] : ["\\.", ","];
  const grouped = new RegExp(`^(\\d{1,3}(?:${group}\\d{3})+)(?:${dot}(\\d*))?$`).exec(t);
  const plain = new RegExp(`^(\\d*)(?:${dot}(\\d*))?$`).exec(t);
  const exponent = new RegExp(`^(\\d+(?:${dot}\\d*)?|${dot}\\d+)[eE]([+-]?\\d+)$`).exec(t);
  let value: number;
  let decimals = false;
  let thousands = false;
  let scientific = false;
  if (grouped) {
    value = Number(grouped[1].replace(/[^\d]/g, "") + "." + (grouped[2] ?? ""));
    decimals = (grouped[2] ?? "") !== "";
    thousands = true;
  } else if (plain && /\d/.test(t)) {
    value = Number(`${plain[1] || "0"}.${plain[2] ?? ""}`);
    decimals = (plain[2] ?? "") !== "";
  } else if (exponent && !percent && !currency) {
    value = Number(`${exponent[1].replace(",", ".")}e${exponent[2]}`);
    scientific = true;
  } else return undefined;
  if (!Number.isFinite(value)) return undefined;
  if (negative) value = -value;
  if (percent) {
    if (currency) return undefined;
    return { value: value / 100, format: decimals ? "0.00%" : "0%" };
  }
  const body = decimals ? "#,##0.00" : "#,##0";
  if (currency) return { value, format: locale === "fr-FR" ? `${body} "€"` : `$${body}` };
  if (thousands) return { value, format: body };
  if (scientific) return { value, format: "0.00E+00" };
  return { value };
}

/** "1 1/2", "0 3/4": a whole number and a fraction (a lone "3/4" is a date). */
function parseFraction(text: string): Recognised | undefined {
  const m = /^([+-]?)(\d+)\s+(\d+)\/(\d+)$/.exec(text);
  if (!m || Number(m[4]) === 0) return undefined;
  const value = Number(m[2]) + Number(m[3]) / Number(m[4]);
  return {
    value: m[1] === "-" ? -value : value,
    format: m[4].length > 1 ? "# ??/??" : "# ?/?",
  };
}

const BOOLEANS: Record<InputLocale, Record<string, boolean>> = {
  "en-US": { true: true, false: false },
  "fr-FR": { vrai: true, faux: false },
};

// ---------------------------------------------------------------------------------------------

/**
 * What Excel stores for a value written into a cell, read in `locale`. `now` gives the year of a
 * date typed without one ("3/4", "26 nov."); without it, the clock is read then only, not once a
 * cell of a million-row write.
 */
export function typeInput(
  value: string | number | boolean,
  locale: InputLocale,
  now?: Date
): TypedInput {
  if (typeof value !== "string") return { content: value };
  if (value === "") return { content: "" };
  // A leading apostrophe: the rest is text, whatever it looks like ("''x" is the text "'x").
  if (value.startsWith("'")) return { content: value };
  if (value.startsWith("=")) return { content: value };
  const text = value.trim();
  const boolean = BOOLEANS[locale][text.toLowerCase()];
  if (boolean !== undefined) return { content: boolean };
  const recognised =
    parseNumber(text, locale) ??
    parseFraction(text) ??
    parseDateTime(text, locale, (now ?? new Date()).getFullYear());
  if (recognised) return { content: recognised.value, format: recognised.format };
  // Documented on Range.values: a value starting with "+" or "-" is a formula. The host takes the
  // strict reading: any such text that is not a number is written as the formula "=" + text, and
  // holds whatever the formula gives (an error for "+33 1 23 45 67 89"); it is never kept as text.
  if (/^[+-]./.test(value)) return { content: `=${value}` };
  return { content: `'${value}` };
}
