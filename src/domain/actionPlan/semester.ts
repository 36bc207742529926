/**
 * Semesters of the action plan (domain.md, "Sales action plan"): one plan per semester, labelled
 * `2027-S1` and `2027-S2`.
 *
 * Rule: with the workbook's fiscal year starting in month m (1–12, default 1 = January), `Y-S1` runs
 * from the 1st of month m of year Y for six months and `Y-S2` for the six months after: with m = 1,
 * `2027-S1` is January–June 2027 and `2027-S2` July–December 2027; with m = 4 (April), `2027-S1` is
 * April–September 2027 and `2027-S2` October 2027–March 2028.
 * Why: a fiscal year is labelled by the calendar year it starts in (the common French and British
 * habit, "exercice 2027" starting in April 2027), so a semester's label never depends on where a
 * date falls in the calendar year, only on where it falls in the fiscal year.
 *
 * Bounds are Excel serial days, both inclusive, computed with src/domain/dates.ts so that they agree
 * with the dates Excel shows. Years run from 1900 to 9999 (Excel's dates); a fiscal 9999-S2 that
 * would end in 10000 throws, as Excel cannot hold its end.
 */
import { serialFromYmd, ymdFromSerial } from "../dates";
import type { Language } from "../language";
import { periodKeyOf, periodLabel } from "../pipeline";

const SEMESTER = /^(\d{4})-S([12])$/;

/** True for a semester label as Carnet writes it: `2027-S1`, `2027-S2` (year 1900–9999). */
export function isSemester(text: string): boolean {
  const match = SEMESTER.exec(text);
  return match !== null && Number(match[1]) >= 1900;
}

/**
 * The label a user's text stands for, or null: surrounding spaces and a lower-case `s` are forgiven
 * (` 2027-s1 ` is `2027-S1`), and the French workbook's `S1 2027` is `2027-S1` (pipeline.ts's
 * periodKeyOf: a French workbook shows semesters so, and its readers take either form); nothing else
 * is guessed (`2027-1`, `1er semestre 2027` are null).
 */
export function semesterFromText(text: string): string | null {
  const label = periodKeyOf(text).toUpperCase();
  return isSemester(label) ? label : null;
}

/**
 * A semester as a sheet shows it in `language`: `2027-S1` in English, `S1 2027` in French (pipeline.ts's
 * periodLabel, the one rule for periods). The label is what Carnet writes; the key is what it keeps.
 */
export function semesterLabel(semester: string, language: Language): string {
  return periodLabel(semester, language);
}

/**
 * The language whose form a semester's text is written in (`2027-S1` English, `S1 2027` French, case
 * and spaces forgiven), or null when it reads as no semester: a save writes a semester typed in the
 * other language's form again in the table's, so that the formulas comparing it as text count it.
 */
export function semesterForm(text: string): Language | null {
  if (semesterFromText(text) === null) return null;
  return isSemester(text.trim().toUpperCase()) ? "en" : "fr";
}

/** The semester (fiscal, see the module comment) holding an Excel serial day. */
export function semesterOf(serial: number, fiscalStartMonth = 1): string {
  checkStartMonth(fiscalStartMonth);
  const { year, month } = ymdFromSerial(serial);
  // Months counted from the fiscal year's first month: 0–5 is S1, 6–11 is S2.
  const monthsIn = year * 12 + (month - 1) - (fiscalStartMonth - 1);
  const fiscalYear = Math.floor(monthsIn / 12);
  const half = monthsIn - fiscalYear * 12 < 6 ? 1 : 2;
  return `${fiscalYear}-S${half}`;
}

/** The first and last serial days (inclusive) of a semester; throws RangeError on a malformed label. */
export function semesterBounds(
  semester: string,
  fiscalStartMonth = 1
): { start: number; end: number } {
  checkStartMonth(fiscalStartMonth);
  const { year, half } = parse(semester);
  const startMonths = year * 12 + (fiscalStartMonth - 1) + (half - 1) * 6;
  const start = firstOfMonth(startMonths);
  const end = firstOfMonth(startMonths + 6) - 1;
  return { start, end };
}

/** The semester after: `2027-S1` → `2027-S2`, `2027-S2` → `2028-S1`. */
export function nextSemester(s: string): string {
  const { year, half } = parse(s);
  return half === 1 ? `${year}-S2` : `${year + 1}-S1`;
}

/** The semester before: `2027-S2` → `2027-S1`, `2027-S1` → `2026-S2`. */
export function previousSemester(s: string): string {
  const { year, half } = parse(s);
  return half === 2 ? `${year}-S1` : `${year - 1}-S2`;
}

// ---------------------------------------------------------------------------------------------------------------

function parse(semester: string): { year: number; half: 1 | 2 } {
  const match = SEMESTER.exec(semester);
  if (match === null || Number(match[1]) < 1900) {
    throw new RangeError(`"${semester}" is not a semester: write it as 2027-S1 or 2027-S2`);
  }
  return { year: Number(match[1]), half: match[2] === "1" ? 1 : 2 };
}

/** Serial of the 1st of a month given as months since year 0 (year × 12 + month index). */
function firstOfMonth(months: number): number {
  return serialFromYmd(Math.floor(months / 12), (months % 12) + 1, 1);
}

function checkStartMonth(month: number): void {
  if (!(Number.isInteger(month) && month >= 1 && month <= 12)) {
    throw new RangeError(`the fiscal year's first month must be 1 to 12, not ${month}`);
  }
}
