/**
 * Reading dates (domain.md, "Reading cell values"), as Excel 1900-system serial numbers of whole days.
 *
 * The 1900 system counts 1900-01-01 as 1 and, copying Lotus 1-2-3, keeps a 29 February 1900 that never
 * existed as serial 60; so 1900-03-01 is 61 and 2003-04-04 is 37715. {@link serialFromYmd} and
 * {@link ymdFromSerial} follow Excel on that day (60 ↔ 1900-02-29) so that they round-trip every serial
 * Excel shows; {@link readDate} on text follows the real calendar, which has no 29 February 1900.
 * The supported range is Excel's: 1900-01-01 (1) to 9999-12-31 (2958465).
 *
 * Accepted, and anything else is an error that says why and, where possible, how to write the date:
 * - Excel numbers: serials in that range; a time of day (the fraction) is dropped, keeping the day.
 *   Booleans and digits typed as text (`2003` or `37715`: a year or a serial?) are errors.
 * - ISO `2003-04-04` (also with `/` or `.`, one-digit month or day, and a time such as `T10:30:00Z`
 *   after it: the day is the one written, whatever the time zone).
 * - Month names in French or English, any case, with or without accents, full or abbreviated with or
 *   without a dot (`4 avril 2003`, `3 avril 2003.`, `1er mai 2003`, `le 4 avril 2003`, `April 4, 2003`,
 *   `4 Apr 2003`, `4 avr. 2003`, `Sept 4 2003`, `4-Apr-2003`), with an optional weekday, which must be
 *   the right one (`vendredi 4 avril 2003`; `samedi 4 avril 2003` is an error). `mar` is March, unless
 *   another month is named, when it is mardi (`mar. 1 avril 2003`).
 * - Day, month and year as numbers (`dd/mm/yyyy`, also with `-` or `.`): read only when a single
 *   reading exists (`25/04/2003` is 25 April, `04/25/2003` April 25, `04/04/2003` needs no choice) or
 *   when `options.dayFirst` says the order (true: dd/mm, false: mm/dd, the workbook's locale being
 *   known to the task pane). Otherwise the error gives both readings and how to write each.
 * - A closing full stop (`3 avril 2003.`, as in the handbook) is ignored. Two-digit years are errors.
 *
 * Problems are said in `options.language` (English by default; readingProblems.ts says them), the
 * days and months they name in that language too (`4 May` / `4 mai`).
 */

import type { Language } from "./language";
import { type ProblemSpec, say } from "./readingProblems";
import { type CellValue, EXCEL_ERROR_PROBLEM, isExcelError, type Reading } from "./values";

/** Excel's last date, 9999-12-31. */
const LAST_SERIAL = 2958465;
/** Serial of 1970-01-01, the epoch of the day arithmetic below. */
const SERIAL_OF_1970 = 25569;
/** Serial of Excel's fictitious 1900-02-29. */
const FAKE_LEAP_DAY = 60;

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAY_NAMES = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
];
const MONTH_NAMES_FR = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];
const WEEKDAY_NAMES_FR = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

/** Month `month` (1-12) in `language`. */
function monthName(month: number, language: Language): string {
  return (language === "fr" ? MONTH_NAMES_FR : MONTH_NAMES)[month - 1];
}

/** A day and month as each language writes them: `April 5`, `5 avril`, `1er mai`. */
function dayAndMonth(day: number, month: number, language: Language): string {
  return language === "fr"
    ? `${day === 1 ? "1er" : day} ${monthName(month, language)}`
    : `${monthName(month, language)} ${day}`;
}

/** Serial number of a calendar day (month 1-12); throws RangeError outside Excel's dates. */
export function serialFromYmd(year: number, month: number, day: number): number {
  const isFakeLeapDay = year === 1900 && month === 2 && day === 29;
  if (!isFakeLeapDay && invalidDay(year, month, day) !== undefined) {
    throw new RangeError(`serialFromYmd: ${year}-${month}-${day} is not a date Excel can hold`);
  }
  // Before 1 March 1900 Excel has not yet counted its fake leap day.
  const beforeLeapDay = year === 1900 && month <= 2;
  return daysFromCivil(year, month, day) + SERIAL_OF_1970 - (beforeLeapDay ? 1 : 0);
}

/** Calendar day of a serial number (a time fraction is dropped); throws RangeError outside Excel's dates. */
export function ymdFromSerial(serial: number): { year: number; month: number; day: number } {
  const whole = Math.floor(serial);
  if (!(whole >= 1 && whole <= LAST_SERIAL)) {
    throw new RangeError(
      `ymdFromSerial: ${serial} is not an Excel date serial (1 to ${LAST_SERIAL})`
    );
  }
  if (whole === FAKE_LEAP_DAY) return { year: 1900, month: 2, day: 29 };
  return civilFromDays(whole - SERIAL_OF_1970 + (whole < FAKE_LEAP_DAY ? 1 : 0));
}

/** A date cell as an Excel serial; see the module comment for what is accepted. */
export function readDate(
  cell: CellValue,
  options?: { readonly dayFirst?: boolean; readonly language?: Language }
): Reading<number> {
  const language = options?.language;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return error(String(cell), NOT_A_DATE, language);
    // Serial 0 (Excel shows 1900-01-00) is no date; some Excel builds pass a blank cell in a range
    // to a custom function as 0 (office-js #4702), so a blank close date must not become an error.
    if (cell === 0) return { kind: "blank" };
    const whole = Math.floor(cell);
    if (whole >= 1 && whole <= LAST_SERIAL) return { kind: "value", value: whole };
    // The message names LAST_SERIAL as written (2958465): readingProblems.ts's date.outsideSerials.
    return error(String(cell), { key: "date.outsideSerials" }, language);
  }
  if (cell === null || cell === undefined) return { kind: "blank" };
  if (typeof cell !== "string") return error(cell ? "TRUE" : "FALSE", NOT_A_DATE, language);
  const shown = cell.trim();
  if (shown === "") return { kind: "blank" };
  if (isExcelError(shown)) return error(shown, EXCEL_ERROR_PROBLEM, language);
  const result = parseDateText(shown, options?.dayFirst);
  return typeof result === "number"
    ? { kind: "value", value: result }
    : error(shown, result, language);
}

/**
 * The serial readDate gives a cell it takes as it is (an Excel serial in range, its time of day
 * dropped), else undefined (ask readDate): the hot path of a large table, no Reading made. A test
 * holds it to readDate.
 */
export function plainDateSerial(cell: CellValue): number | undefined {
  // The floor of a number is in range exactly when the number is in [1, LAST_SERIAL + 1), where
  // `| 0` is that floor (a positive number below 2 ** 31): an integer, where Math.floor gave a
  // double, checked and made a tagged number again on its way to the column (some 0.2 ms over
  // 100,000 rows).
  return typeof cell === "number" && cell >= 1 && cell < LAST_SERIAL + 1 ? cell | 0 : undefined;
}

// ---------------------------------------------------------------------------------------------------------------

function error(
  shown: string,
  problem: ProblemSpec,
  language: Language | undefined
): Reading<number> {
  return { kind: "error", shown, problem: say(problem, language) };
}

const NOT_A_DATE: ProblemSpec = { key: "date.notADate" };
const UNREADABLE: ProblemSpec = { key: "date.unreadable" };
const TWO_DIGIT_YEAR: ProblemSpec = { key: "date.twoDigitYear" };

/** An optional time after the date: `T10:30`, ` 10:30:00`, `T10:30:00.000Z`, `T10:30+02:00`. */
const TIME = String.raw`(?:(?:t|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const NUMERIC_DATE = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`);
const SHORT_YEAR_DATE = /^\d{1,2}([-/.])\d{1,2}\1\d{2}$/;
const ALL_DIGITS = /^\d+$/;
const WORD_SEPARATORS = /[\s.,/-]+/;
const ACCENTS = /[\u0300-\u036f]/g;
const DAY_TOKEN = /^(\d{1,4})(er|st|nd|rd|th)?$/;

/** Month names and abbreviations, French and English, lower case without accents; `mar` is handled apart. */
const MONTHS = new Map<string, number>();
for (const [month, names] of [
  [1, "janvier janv jan january"],
  [2, "fevrier fevr fev february feb"],
  [3, "mars march"],
  [4, "avril avr april apr"],
  [5, "mai may"],
  [6, "juin june jun"],
  [7, "juillet juil july jul"],
  [8, "aout august aug"],
  [9, "septembre sept sep september"],
  [10, "octobre oct october"],
  [11, "novembre nov november"],
  [12, "decembre dec december"],
] as const) {
  for (const name of names.split(" ")) MONTHS.set(name, month);
}

/** Weekday names (0 = Sunday); `mar` (mardi or March) is handled apart. */
const WEEKDAYS = new Map<string, number>();
for (const [weekday, names] of [
  [0, "dimanche dim sunday sun"],
  [1, "lundi lun monday mon"],
  [2, "mardi tuesday tue tues"],
  [3, "mercredi mer wednesday wed"],
  [4, "jeudi jeu thursday thu thur thurs"],
  [5, "vendredi ven friday fri"],
  [6, "samedi sam saturday sat"],
] as const) {
  for (const name of names.split(" ")) WEEKDAYS.set(name, weekday);
}

const FILLER_WORDS = new Set(["le", "the", "of"]);

/** The serial of a trimmed, non-empty text, or the problem. */
function parseDateText(shown: string, dayFirst: boolean | undefined): number | ProblemSpec {
  const text = (shown.endsWith(".") ? shown.slice(0, -1).trimEnd() : shown).toLowerCase();

  const iso = ISO_DATE.exec(text);
  if (iso) return serialOrProblem(Number(iso[1]), Number(iso[3]), Number(iso[4]));

  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) return readDayMonthNumbers(numeric[1], numeric[2], numeric[3], numeric[4], dayFirst);

  if (SHORT_YEAR_DATE.test(text)) return TWO_DIGIT_YEAR;
  if (ALL_DIGITS.test(text)) return { key: "date.digitsAlone" };
  return readNamedMonth(text);
}

/** `a/b/yyyy`: which of a and b is the day is settled by the option, or else by there being one reading. */
function readDayMonthNumbers(
  a: string,
  separator: string,
  b: string,
  yearText: string,
  dayFirst: boolean | undefined
): number | ProblemSpec {
  const first = Number(a);
  const second = Number(b);
  const year = Number(yearText);
  if (dayFirst !== undefined) {
    const [day, month] = dayFirst ? [first, second] : [second, first];
    const problem = serialOrProblem(year, month, day);
    if (typeof problem !== "number" && month > 12) {
      const key = dayFirst ? "date.noMonthDayFirst" : "date.noMonthMonthFirst";
      return { key, params: { month: String(month) } };
    }
    return problem;
  }
  const dayFirstValid = invalidDay(year, second, first) === undefined;
  const monthFirstValid = invalidDay(year, first, second) === undefined;
  if (first === second || (dayFirstValid && !monthFirstValid))
    return serialOrProblem(year, second, first);
  if (monthFirstValid && !dayFirstValid) return serialOrProblem(year, first, second);
  if (dayFirstValid && monthFirstValid) {
    const typed = `${a}${separator}${b}${separator}${yearText}`;
    const params = (language: Language) => ({
      typed,
      // Day first: `4 May` in English, as the French `4 mai`; month first: `April 5`, `5 avril`.
      dayFirst:
        language === "fr"
          ? dayAndMonth(first, second, language)
          : `${first} ${monthName(second, language)}`,
      monthFirst: dayAndMonth(second, first, language),
      dayFirstIso: isoText(year, second, first),
      monthFirstIso: isoText(year, first, second),
    });
    return { key: "date.ambiguous", params };
  }
  if (first > 12 && second > 12)
    return { key: "date.neitherMonth", params: { first: String(first), second: String(second) } };
  // One of them is a month but the day does not exist in it (31/04/2003): report it as day/month.
  return first > 12 ? serialOrProblem(year, second, first) : serialOrProblem(year, first, second);
}

/** Dates written with a month name: tokens in any order, one day, one month, one year, maybe a weekday. */
function readNamedMonth(text: string): number | ProblemSpec {
  const words = text.normalize("NFD").replace(ACCENTS, "").split(WORD_SEPARATORS);
  let day: number | undefined;
  let year: number | undefined;
  let month: number | undefined;
  let weekday: number | undefined;
  let mar = 0; // "mar": March, or mardi when another month is named
  let shortNumbers = 0;
  for (const word of words) {
    if (word === "" || FILLER_WORDS.has(word)) continue;
    const number = DAY_TOKEN.exec(word);
    if (number) {
      const digits = number[1];
      if (digits.length === 4 && number[2] === undefined) {
        if (year !== undefined) return { key: "date.twoYears" };
        year = Number(digits);
      } else if (digits.length <= 2) {
        shortNumbers++;
        if (number[2] === "er" && digits !== "1") return { key: "date.erAfterOne" };
        if (day === undefined) day = Number(digits);
      } else {
        return UNREADABLE;
      }
    } else if (word === "mar") {
      mar++;
    } else if (MONTHS.has(word)) {
      if (month !== undefined) return { key: "date.twoMonths" };
      month = MONTHS.get(word);
    } else if (WEEKDAYS.has(word)) {
      if (weekday !== undefined) return { key: "date.twoWeekdays" };
      weekday = WEEKDAYS.get(word);
    } else {
      return UNREADABLE;
    }
  }
  if (mar > 0) {
    if (month === undefined) {
      month = 3;
      mar--;
    }
    if (mar > 1 || (mar === 1 && weekday !== undefined)) return UNREADABLE;
    if (mar === 1) weekday = 2;
  }
  if (month === undefined) return UNREADABLE;
  if (shortNumbers > 1 && year === undefined) return TWO_DIGIT_YEAR;
  if (shortNumbers > 1) return { key: "date.twoDays" };
  if (day === undefined) return { key: "date.noDay" };
  if (year === undefined) return { key: "date.noYear" };
  const serial = serialOrProblem(year, month, day);
  if (typeof serial === "number" && weekday !== undefined) {
    const actual = weekdayOfSerial(serial);
    if (actual !== weekday) {
      const [d, m, y, named] = [day, month, year, weekday];
      const params = (language: Language) => {
        const weekdays = language === "fr" ? WEEKDAY_NAMES_FR : WEEKDAY_NAMES;
        const dayText = language === "fr" && d === 1 ? "1er" : String(d);
        return {
          date: `${dayText} ${monthName(m, language)} ${y}`,
          actual: weekdays[actual],
          named: weekdays[named],
        };
      };
      return { key: "date.inconsistent", params };
    }
  }
  return serial;
}

function serialOrProblem(year: number, month: number, day: number): number | ProblemSpec {
  const problem = invalidDay(year, month, day);
  return problem === undefined ? serialFromYmd(year, month, day) : problem;
}

/** Why year-month-day is not a real day within Excel's range, or undefined when it is one. */
function invalidDay(year: number, month: number, day: number): ProblemSpec | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day))
    return NOT_A_DATE;
  if (month < 1 || month > 12) return { key: "date.noSuchMonth", params: { month: String(month) } };
  if (day < 1) return { key: "date.noSuchDay", params: { day: String(day) } };
  const length = daysInMonth(year, month);
  if (day > length) {
    const params = (language: Language) => ({
      month: monthName(month, language) + (month === 2 ? ` ${year}` : ""),
      days: String(length),
    });
    return { key: "date.monthLength", params };
  }
  if (year < 1900 || year > 9999) return { key: "date.outsideYears" };
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isoText(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** 0 = Sunday. Real weekdays: Excel's WEEKDAY is wrong before 1 March 1900, this is not. */
function weekdayOfSerial(serial: number): number {
  const days = serial - SERIAL_OF_1970 + (serial < FAKE_LEAP_DAY ? 1 : 0);
  return (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

// Proleptic Gregorian day counts from 1970-01-01 (H. Hinnant's "chrono-compatible low-level date
// algorithms"): exact integer arithmetic, no Date object, no time zone.

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // March = 0
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
