/**
 * Enough of Excel's number formatting to give `Range.text` believable values: General, fixed
 * decimals, thousands separators, percentages, currency literals, dates and times (en-US).
 * Anything it does not understand falls back to General, never to an error.
 */
import type { CellValue } from "./backend";

const MONTHS = [
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
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Excel's General format: up to 11 characters, then scientific notation. */
export function formatGeneral(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e11 || (magnitude !== 0 && magnitude < 1e-9)) {
    const [mantissa, exponent] = value.toExponential(5).split("e");
    const trimmed = mantissa.replace(/\.?0+$/, "");
    const exp = Number(exponent);
    return `${trimmed}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return String(Number.parseFloat(value.toPrecision(10)));
}

function fixed(value: number, decimals: number, grouping: boolean): string {
  const text = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = text.split(".");
  const grouped = grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : whole;
  const sign = value < 0 && Number(text) !== 0 ? "-" : "";
  return sign + grouped + (fraction !== undefined ? `.${fraction}` : "");
}

/** Excel serial day (1900 date system, with its phantom 29 Feb 1900) to a UTC date. */
export function serialToDate(serial: number): Date {
  const days = Math.floor(serial);
  const epoch = Date.UTC(1899, 11, days >= 61 ? 30 : 31);
  const ms = Math.round((serial - days) * 86400) * 1000;
  return new Date(epoch + days * 86400000 + ms);
}

/** A date and time format, parsed once: the text of a serial under it. */
function dateFormatter(format: string): (serial: number) => string {
  const tokens =
    format.match(
      /"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|am\/pm|[^"\\ymdhsAa]+|./g
    ) ?? [];
  const hasAmPm = tokens.some((t) => /^am\/pm$/i.test(t));
  const isHour = (t: string | undefined) => t !== undefined && /^h+$/.test(t);
  const isSecond = (t: string | undefined) => t !== undefined && /^s+$/.test(t);
  // "m" after an hour or before seconds is minutes, as in Excel.
  const minutes = tokens.map((_, i) => {
    const previous = tokens
      .slice(0, i)
      .reverse()
      .find((t) => /^[a-z]/i.test(t));
    const next = tokens.slice(i + 1).find((t) => /^[a-z]/i.test(t));
    return isHour(previous) || isSecond(next);
  });
  return (serial) => {
    const date = serialToDate(serial);
    return tokens.map((token, i) => dateToken(date, token, minutes[i], hasAmPm)).join("");
  };
}

function dateToken(date: Date, token: string, minutes: boolean, hasAmPm: boolean): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const hours = date.getUTCHours();
  switch (token) {
    case "yyyy":
      return String(date.getUTCFullYear());
    case "yy":
      return pad(date.getUTCFullYear() % 100);
    case "mmmm":
      return MONTHS[date.getUTCMonth()];
    case "mmm":
      return MONTHS[date.getUTCMonth()].slice(0, 3);
    case "mm":
    case "m": {
      const n = minutes ? date.getUTCMinutes() : date.getUTCMonth() + 1;
      return token === "mm" ? pad(n) : String(n);
    }
    case "dddd":
      return DAYS[date.getUTCDay()];
    case "ddd":
      return DAYS[date.getUTCDay()].slice(0, 3);
    case "dd":
      return pad(date.getUTCDate());
    case "d":
      return String(date.getUTCDate());
    case "hh":
    case "h": {
      const h = hasAmPm ? hours % 12 || 12 : hours;
      return token === "hh" ? pad(h) : String(h);
    }
    case "ss":
      return pad(date.getUTCSeconds());
    case "s":
      return String(date.getUTCSeconds());
    default:
      if (/^am\/pm$/i.test(token)) return hours < 12 ? "AM" : "PM";
      if (token.startsWith('"')) return token.slice(1, -1);
      if (token.startsWith("\\")) return token.slice(1);
      return token;
  }
}

/** One section of a format (the part for positive numbers, or for negative ones), parsed once. */
function sectionFormatter(section: string): (value: number) => string {
  if (section === "" || /^general$/i.test(section) || section === "@") return formatGeneral;
  const percent = /^0(?:\.(0+))?%$/.exec(section);
  if (percent) {
    const decimals = percent[1]?.length ?? 0;
    return (value) => `${fixed(value * 100, decimals, false)}%`;
  }
  const numeric = /^((?:"[^"]*"|[$€£¥]|\s)*)(#,##)?0(?:\.(0+))?((?:\s|"[^"]*"|[$€£¥])*)$/.exec(
    section
  );
  if (numeric) {
    const literal = (text: string) => text.replace(/"([^"]*)"/g, "$1");
    const [before, after] = [literal(numeric[1]), literal(numeric[4])];
    const decimals = numeric[3]?.length ?? 0;
    const grouping = numeric[2] !== undefined;
    return (value) => before + fixed(value, decimals, grouping) + after;
  }
  if (/[ymdhs]/i.test(section.replace(/"[^"]*"/g, ""))) return dateFormatter(section);
  return formatGeneral;
}

/** A format parsed once: its negative section, when it has one, shows the absolute value. */
function formatter(format: string): (value: number) => string {
  const sections = format.split(";");
  const positive = sectionFormatter(sections[0]);
  if (sections.length === 1) return positive;
  const negative = sectionFormatter(sections[1]);
  return (value) => (value < 0 ? negative(Math.abs(value)) : positive(value));
}

/** Formats parsed so far: autofitting a million-row column formats a million cells in a few. */
const formatters = new Map<string, (value: number) => string>();
const MOST_FORMATTERS = 1000;

/** The text Excel shows for a value under a number format. */
export function formatValue(value: CellValue, format: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  let compiled = formatters.get(format);
  if (!compiled) {
    if (formatters.size >= MOST_FORMATTERS) formatters.clear();
    formatters.set(format, (compiled = formatter(format)));
  }
  return compiled(value);
}
