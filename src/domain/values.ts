/**
 * Reading cell values: numbers, amounts, probabilities and shares (domain.md, "Reading cell values").
 *
 * Real sales workbooks hold numbers typed as text, in French or English form. This module turns one
 * cell into a {@link Reading}: a value, a blank, or an error that says what is wrong and how to fix it.
 * It never guesses: text whose meaning depends on the locale is an error.
 *
 * Excel numbers are taken as they are (they must be finite). Booleans are errors. For text:
 *
 * - Around the number, in this order from the outside in: a closing full stop (`20 %.`, `1 000 €.`,
 *   as in the handbook) is dropped; parentheses mark a negative (`(1 000)`); a `%` at the end divides
 *   by 100; one sign (`-`, `+`, U+2212 minus or U+2013 en dash, which word processors put in place
 *   of a minus) and one currency marker (`€ $ £` or `EUR USD GBP CHF`, any case) before or after.
 *   Two signs, two currencies, or a currency together with `%` are errors.
 * - Thousands may be grouped with an ordinary space, U+00A0, U+202F, U+2009 or an apostrophe (`'` or
 *   `’`, the Swiss habit). A space or apostrophe never marks decimals, so when one groups thousands
 *   the `,` or `.` after it is the decimal mark: `1 000,50`, `1 000.50`, `1'000.50`, even `1 000,500`.
 * - With both `,` and `.`, the last one is the decimal mark and must appear once: `1,000.50` and
 *   `1.000,50` are both 1000.5.
 * - A mark used several times groups thousands: `1,000,000` and `1.000.000` are a million.
 * - A single `,` or `.` is the decimal mark unless it could also group thousands, which needs exactly
 *   three digits after it and one to three digits before it, the first not a zero:
 *   `1,5`, `1,50`, `1.5`, `0,500` (a zero cannot start a thousands group), `1000,500` (a group has at
 *   most three digits) and `,500` are decimals. `1,000`, `1.000` and `12,500` are ambiguous: an error
 *   that gives both readings and two unambiguous ways to write them.
 * - A currency sign written before the number (`€1,000`, `$2,000`, `-€1,000`) marks the English form
 *   and settles exactly that ambiguity: there `,` groups thousands and `.` is the decimal mark
 *   (`$1.500` is 1.5). It only settles what is ambiguous: `€1,50` (Dutch style) is still 1.5 and
 *   `€1.000,50` still 1000.5. Currency codes (`EUR 1,000`) and signs after the number (`1,000 $` is how
 *   French Canada writes money) do not mark a form: the French banks' `EUR 1 000,00` is as common as
 *   the English `USD 1,000`.
 * - Thousands groups must be well formed (one to three digits, then groups of exactly three), so the
 *   Indian `1,00,000` or a stray `10 00` are errors rather than silently different numbers.
 * - Not read: exponents (`1e3`), multipliers (`50 k€`), a minus after the number (`1 000-`), words.
 *   Each is an error rather than a misread amount.
 *
 * The readers differ only in what they accept after parsing:
 * - {@link readAmount}: money; `%` text is an error (a probability typed in the amount column).
 * - {@link readNumber}: margins, volumes, scores; `%` text is divided by 100, as Excel does when
 *   `35 %` is typed into a cell; a currency is allowed (margins are money).
 * - {@link readProbability}: in [0, 1]; `20` or `"20"` is an error suggesting `20%` or `0.2`.
 * - {@link readShare}: a threshold or market share, a finite number ≥ 0, as a number or `%` text.
 *
 * Problems are phrased to follow "<label> <shown> at <where> " (see {@link describeProblem}), in lower
 * case, in the language the options ask for (English by default): the readers decide what is wrong,
 * readingProblems.ts how it is said in English and French. Hot path: an Excel number costs one typeof check and one finiteness check; text parsing scans
 * characters and builds no regular expression per call.
 */

import type { Language } from "./language";
import { decimalIn, type ProblemSpec, say, type SpeakOptions } from "./readingProblems";

export type { SpeakOptions } from "./readingProblems";

export type CellValue = number | string | boolean | null | undefined;

/** The outcome of reading one cell. `shown` is the cell's text as the user typed it (trimmed, for error messages). */
export type Reading<T> =
  | { kind: "value"; value: T }
  | { kind: "blank" }
  | { kind: "error"; shown: string; problem: string };

/** Shared and frozen: blanks are the most common reading of a sparse sheet, no need to allocate each. */
const BLANK: { kind: "blank" } = Object.freeze({ kind: "blank" as const });

/** Null, undefined, the empty string and whitespace-only text (including no-break spaces). */
export function isBlankCell(cell: CellValue): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== "string") return false;
  // A text starting with a visible ASCII character is no blank: most cells, settled without
  // trimming them (the reading asks this of several cells of every row).
  const first = cell.charCodeAt(0);
  return !(first > 32 && first < 127) && cell.trim() === "";
}

/** Money or a plain number. `%` text is refused: an amount is never a percentage. */
export function readAmount(cell: CellValue, options?: SpeakOptions): Reading<number> {
  if (typeof cell === "number") return finiteNumber(cell, options?.language);
  return valueOf(readText(cell, "amount", options?.language));
}

/**
 * The amount of a cell readAmount takes as it is (a finite Excel number), else undefined (ask
 * readAmount): the hot path of a large table, no Reading made. A test holds it to readAmount.
 */
export function plainAmount(cell: CellValue): number | undefined {
  return typeof cell === "number" && cell - cell === 0 ? cell : undefined;
}

/** Margins, volumes, scores: the amount rules, but `35 %` text reads as 0.35 as it would in Excel. */
export function readNumber(cell: CellValue, options?: SpeakOptions): Reading<number> {
  if (typeof cell === "number") return finiteNumber(cell, options?.language);
  return valueOf(readText(cell, "number", options?.language));
}

/** A win probability in [0, 1]: a number in [0, 1] or `%` text up to 100 %. */
export function readProbability(cell: CellValue, options?: SpeakOptions): Reading<number> {
  const language = options?.language;
  if (typeof cell === "number") {
    if (cell >= 0 && cell <= 1) return { kind: "value", value: cell };
    return cell - cell === 0
      ? checkProbability(cell, false, String(cell), language)
      : finiteNumber(cell, language);
  }
  const parsed = readText(cell, "probability", language);
  return parsed.kind === "parsed"
    ? checkProbability(parsed.value, parsed.percent, parsed.shown, language)
    : parsed;
}

/**
 * The probability of a cell readProbability takes as it is (a number in [0, 1]), else undefined (ask
 * readProbability). A test holds it to readProbability.
 */
export function plainProbability(cell: CellValue): number | undefined {
  return typeof cell === "number" && cell >= 0 && cell <= 1 ? cell : undefined;
}

/** An ABC threshold or a market share: a number or `%` text; any finite number ≥ 0. */
export function readShare(cell: CellValue, options?: SpeakOptions): Reading<number> {
  const language = options?.language;
  const reading =
    typeof cell === "number"
      ? finiteNumber(cell, language)
      : valueOf(readText(cell, "share", language));
  if (reading.kind === "value" && reading.value < 0) {
    return error(shownOf(cell), { key: "value.shareNegative" }, language);
  }
  return reading;
}

/**
 * One line for the user: `describeProblem("probability", {shown: "20", problem: "is above 1: write 20% or 0.2"},
 * "position 1")` is `probability 20 at position 1 is above 1: write 20% or 0.2`; in French
 * `probabilité 20 en position 1 dépasse 1 : écrivez 20 % ou 0,2` (label, place and problem being
 * given in French).
 */
export function describeProblem(
  label: string,
  reading: { shown: string; problem: string },
  where: string,
  language: Language = "en"
): string {
  return language === "en"
    ? `${label} ${reading.shown} at ${where} ${reading.problem}`
    : say(
        {
          key: "value.where",
          params: { label, shown: reading.shown, where, problem: reading.problem },
        },
        language
      );
}

/** Excel's error values, as a cell holding a failed formula reads. */
const EXCEL_ERRORS = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#CALC!",
  "#SPILL!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

/** What is said of a cell holding one of Excel's error values. */
export const EXCEL_ERROR_PROBLEM: ProblemSpec = { key: "value.excelError" };

/** True for "#N/A", "#VALUE!" and Excel's other error values. */
export function isExcelError(text: string): boolean {
  return text.startsWith("#") && EXCEL_ERRORS.has(text.toUpperCase());
}

// ---------------------------------------------------------------------------------------------------------------

type Purpose = "amount" | "number" | "probability" | "share";

function error(shown: string, problem: ProblemSpec, language: Language | undefined): ErrorReading {
  return { kind: "error", shown, problem: say(problem, language) };
}

function finiteNumber(cell: number, language: Language | undefined): Reading<number> {
  // NaN and ±Infinity cannot come from Excel, but can from a formula's JavaScript caller.
  return cell - cell === 0
    ? { kind: "value", value: cell }
    : error(String(cell), { key: "value.notFinite" }, language);
}

function shownOf(cell: CellValue): string {
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE"; // as Excel shows it
  return String(cell);
}

function checkProbability(
  value: number,
  percent: boolean,
  shown: string,
  language: Language | undefined
): Reading<number> {
  if (value < 0) return error(shown, { key: "probability.negative" }, language);
  if (value <= 1) return { kind: "value", value };
  if (percent) return error(shown, { key: "probability.above100" }, language);
  if (value <= 100) {
    // "20" is almost always 20 %: say so, and how to write it. Shifting the exponent keeps 0.205 exact.
    const typed = String(value);
    const fraction = String(Number(`${typed}e-2`));
    const params = (to: Language) => ({
      typed: decimalIn(to, typed),
      fraction: decimalIn(to, fraction),
    });
    return error(shown, { key: "probability.points", params }, language);
  }
  return error(shown, { key: "probability.above1" }, language);
}

type ErrorReading = { kind: "error"; shown: string; problem: string };
type TextReading =
  | { kind: "parsed"; value: number; percent: boolean; shown: string }
  | { kind: "blank" }
  | ErrorReading;

function valueOf(reading: TextReading): Reading<number> {
  return reading.kind === "parsed" ? { kind: "value", value: reading.value } : reading;
}

function readText(cell: CellValue, purpose: Purpose, language: Language | undefined): TextReading {
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell !== "string") return error(shownOf(cell), NOT_A_NUMBER, language);
  const shown = cell.trim();
  if (shown === "") return BLANK;
  if (isExcelError(shown)) return error(shown, EXCEL_ERROR_PROBLEM, language);
  const parsed = parseNumberText(shown);
  if ("key" in parsed) return error(shown, parsed, language);
  if (parsed.percent && purpose === "amount")
    return error(shown, { key: "value.percentNotAmount" }, language);
  if (parsed.currency && (purpose === "probability" || purpose === "share")) {
    const key = purpose === "share" ? "value.amountNotShare" : "value.amountNotProbability";
    return error(shown, { key }, language);
  }
  return { kind: "parsed", value: parsed.value, percent: parsed.percent, shown };
}

interface ParsedNumber {
  value: number;
  percent: boolean;
  currency: boolean;
}

const CURRENCY_CODES = new Set(["EUR", "USD", "GBP", "CHF"]);
const CURRENCY_SIGNS = "€$£";
const SIGNS = "-+\u2212\u2013";

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch.toLowerCase() !== ch.toUpperCase();
}

/** Length of a currency marker at the start of `s` (0 if none): `€ $ £`, or a code before a non-letter. */
function currencyPrefixLength(s: string): number {
  if (CURRENCY_SIGNS.includes(s[0] ?? "x")) return 1;
  if (s.length > 3 && CURRENCY_CODES.has(s.slice(0, 3).toUpperCase()) && !isLetter(s[3])) return 3;
  return 0;
}

function currencySuffixLength(s: string): number {
  if (CURRENCY_SIGNS.includes(s[s.length - 1] ?? "x")) return 1;
  const n = s.length;
  if (n > 3 && CURRENCY_CODES.has(s.slice(n - 3).toUpperCase()) && !isLetter(s[n - 4])) return 3;
  return 0;
}

/** Parses trimmed, non-empty text; returns the problem when it is not a number. */
function parseNumberText(text: string): ParsedNumber | ProblemSpec {
  let s = text;
  if (s.endsWith(".")) s = s.slice(0, -1).trimEnd(); // the handbook's closing full stop: `20 %.`
  let negative = false;
  let signs = 0;
  if (s.length > 1 && s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    signs++;
    s = s.slice(1, -1).trim();
  }
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trimEnd();
  }
  let currencies = 0;
  let englishForm = false;
  // Sign and currency sign may come in either order before the number: `-€1,000`, `€-1,000`.
  for (let pass = 0; pass < 2; pass++) {
    if (s !== "" && SIGNS.includes(s[0])) {
      if (s[0] !== "+") negative = !negative;
      signs++;
      s = s.slice(1).trimStart();
    }
    const prefix = currencyPrefixLength(s);
    if (prefix > 0) {
      currencies++;
      englishForm = englishForm || prefix === 1;
      s = s.slice(prefix).trimStart();
    }
  }
  const suffix = currencySuffixLength(s);
  if (suffix > 0) {
    currencies++;
    s = s.slice(0, -suffix).trimEnd();
  }
  if (s === "") return NOT_A_NUMBER;
  if (signs > 1) return { key: "value.twoSigns" };
  if (currencies > 1) return { key: "value.twoCurrencies" };
  if (currencies > 0 && percent) return { key: "value.currencyAndPercent" };
  const decimal = canonicalDecimal(s, englishForm);
  if (decimal.problem !== undefined) return decimal.problem;
  const value = Number(percent ? `${decimal.digits}e-2` : decimal.digits);
  if (!Number.isFinite(value)) return { key: "value.tooLarge" };
  return { value: negative && value !== 0 ? -value : value, percent, currency: currencies > 0 };
}

type Separator = "," | "." | " ";

function separatorOf(ch: string): Separator | undefined {
  switch (ch) {
    case ",":
      return ",";
    case ".":
      return ".";
    case " ":
    case "\u00a0":
    case "\u202f":
    case "\u2009":
    case "'":
    case "\u2019":
      return " "; // spaces and apostrophes only ever group thousands
    default:
      return undefined;
  }
}

const NOT_A_NUMBER: ProblemSpec = { key: "value.notANumber" };
const NOT_A_NUMBER_TEXT = { problem: NOT_A_NUMBER } as const;
const BAD_GROUPS = { problem: { key: "value.badGroups" } as ProblemSpec } as const;

/**
 * The digits of `s` (digits and separators only) as a JavaScript decimal literal such as `1000.5`, or the
 * problem. See the module comment for the rules; `englishForm` is set by a currency sign before the number.
 */
function canonicalDecimal(
  s: string,
  englishForm: boolean
): { digits: string; problem?: undefined } | { problem: ProblemSpec } {
  // Split into digit runs and the separators between them; runs of spaces count as one separator.
  const runs: string[] = [];
  const seps: Separator[] = [];
  let runStart = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 48 && code <= 57) continue;
    const sep = separatorOf(s[i]);
    if (sep === undefined) return NOT_A_NUMBER_TEXT;
    if (sep === " " && runStart === i && seps[seps.length - 1] === " ") {
      runStart = i + 1;
      continue;
    }
    runs.push(s.slice(runStart, i));
    seps.push(sep);
    runStart = i + 1;
  }
  runs.push(s.slice(runStart));
  const last = seps.length - 1;
  for (let r = 1; r < runs.length; r++) if (runs[r] === "") return NOT_A_NUMBER_TEXT;
  // A number may start with its decimal mark (`,5`, `.5`), never with a thousands separator.
  if (runs[0] === "" && (seps.length !== 1 || seps[0] === " ")) return NOT_A_NUMBER_TEXT;

  let commas = 0;
  let dots = 0;
  let spaces = 0;
  for (const sep of seps) {
    if (sep === ",") commas++;
    else if (sep === ".") dots++;
    else spaces++;
  }

  let decimalAt = -1; // index in seps of the decimal mark, always the last separator when present
  if (commas > 0 && dots > 0) {
    if (spaces > 0) return BAD_GROUPS;
    const mark = seps[last];
    if ((mark === "," ? commas : dots) !== 1) return BAD_GROUPS;
    decimalAt = last;
  } else if (commas > 0 || dots > 0) {
    const mark: Separator = commas > 0 ? "," : ".";
    const count = commas + dots;
    if (spaces > 0) {
      if (count !== 1 || seps[last] !== mark) return BAD_GROUPS;
      decimalAt = last;
    } else if (count === 1) {
      const whole = runs[0];
      const fraction = runs[1];
      const couldGroup =
        fraction.length === 3 && whole.length >= 1 && whole.length <= 3 && whole[0] !== "0";
      if (!couldGroup) decimalAt = 0;
      else if (englishForm) decimalAt = mark === "." ? 0 : -1;
      else return { problem: ambiguity(whole, mark, fraction) };
    }
    // several of the same mark: thousands, checked below
  }

  const groupEnd = decimalAt === -1 ? runs.length : decimalAt + 1; // runs before the decimal mark
  if (groupEnd > 1) {
    const grouping = seps[0];
    if (runs[0].length > 3 || runs[0][0] === "0") return BAD_GROUPS;
    for (let r = 1; r < groupEnd; r++) {
      if (seps[r - 1] !== grouping || runs[r].length !== 3) return BAD_GROUPS;
    }
  }
  let digits = runs.slice(0, groupEnd).join("");
  if (digits === "") digits = "0";
  if (decimalAt !== -1) digits += `.${runs[decimalAt + 1]}`;
  return { digits };
}

const TRAILING_ZEROS = /0+$/;

/**
 * `12,500` may be 12500 or 12,5: both readings, each written so that it can no longer be misread. In
 * English the decimal reading keeps the mark typed; in French it is written with a comma, and the
 * thousands with a no-break space (`12 500`), as a French reader writes them.
 */
function ambiguity(whole: string, mark: Separator, fraction: string): ProblemSpec {
  const thousands = whole + fraction;
  let decimals = fraction.replace(TRAILING_ZEROS, "");
  if (decimals.length === 3) decimals += "0"; // `123,456` read as decimals must lose its 3-digit look
  const params = (language: Language) => {
    const markIn = language === "fr" ? "," : mark;
    const small = decimals === "" ? whole : `${whole}${markIn}${decimals}`;
    const big = language === "fr" ? `${whole}\u00a0${fraction}` : thousands;
    return { typed: `${whole}${mark}${fraction}`, thousands: big, decimal: small };
  };
  return { key: "value.ambiguous", params };
}
