/**
 * How the grid shows a value under an Excel number format. The simulated host already formats
 * `Range.text` (sim/number-format.ts); the grid uses the same code so that what a person sees and what
 * the add-in reads agree. This layer only rewrites the spellings real .xlsx files use and the simulator
 * does not read (locale currency tags, escapes, padding, colours) into the ones it does.
 */
import { formatValue } from "./sim/number-format";

export type DisplayValue = number | string | boolean;

export interface Display {
  text: string;
  /** A colour the format asks for ([Red] in "0;[Red]-0"), when any. */
  color?: string;
}

const COLORS: Record<string, string> = {
  black: "#000000",
  blue: "#0000ff",
  cyan: "#00a0a0",
  green: "#008000",
  magenta: "#c000c0",
  red: "#c00000",
  white: "#ffffff",
  yellow: "#a08000",
};

const cache = new Map<string, { sections: string[]; colors: (string | undefined)[] }>();

/** Splits on ";" outside quotes. */
function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

/**
 * One section in the simulator's dialect: `[$€-40C]` → `"€"`, `\x` → `"x"`, `_x` (room for x) and
 * `*x` (fill) dropped, `[Red]` and locale tags removed (the colour is returned apart).
 */
function normaliseSection(section: string): { code: string; color?: string } {
  let color: string | undefined;
  let code = "";
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      code += `"${section.slice(i + 1, stop)}"`;
      i = stop;
    } else if (ch === "\\") {
      if (i + 1 < section.length) code += `"${section[++i]}"`;
    } else if (ch === "_" || ch === "*") {
      i += 1;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const tag = section.slice(i + 1, end < 0 ? section.length : end);
      i = end < 0 ? section.length : end;
      const currency = /^\$([^-]*)(-[0-9A-Fa-f]+)?$/.exec(tag);
      if (currency) {
        if (currency[1]) code += `"${currency[1]}"`;
      } else if (COLORS[tag.toLowerCase()]) color = COLORS[tag.toLowerCase()];
      // Conditions ([>=100]) and elapsed-time tags are beyond the grid's needs: dropped.
    } else if ("-+()".includes(ch)) {
      // Literal signs and brackets, as in "(#,##0)" or "yyyy-mm-dd", quoted for the simulator.
      code += `"${ch}"`;
    } else code += ch;
  }
  // Adjacent literals read better merged ("€" after a space kept as one literal).
  return { code: code.replace(/""/g, "").trim() || "General", color };
}

function parsed(format: string) {
  let entry = cache.get(format);
  if (!entry) {
    const raw = splitSections(format);
    const normalised = raw.map(normaliseSection);
    entry = { sections: normalised.map((n) => n.code), colors: normalised.map((n) => n.color) };
    cache.set(format, entry);
  }
  return entry;
}

/** The text (and colour) Excel shows for `value` under `format`. */
export function displayValue(value: DisplayValue, format: string): Display {
  if (typeof value !== "number" || format === "General" || format === "")
    return { text: formatValue(value, "General") };
  const { sections, colors } = parsed(format);
  // Excel's sections: positive;negative;zero;text. A negative section shows the absolute value.
  let index = 0;
  if (value < 0 && sections.length > 1) index = 1;
  else if (value === 0 && sections.length > 2) index = 2;
  const section = sections[index];
  const shown = index === 1 ? Math.abs(value) : value;
  let text: string;
  const bare = section.replace(/"[^"]*"/g, "");
  if (!/[0#?]/.test(bare) && !/[ymdhs]/i.test(bare) && !/general/i.test(bare)) {
    // Only literals ("-" for zero in accounting formats): shown as written.
    text = section.replace(/"([^"]*)"/g, "$1");
    return colors[index] ? { text, color: colors[index] } : { text };
  }
  try {
    text = formatValue(shown, section);
  } catch {
    text = formatValue(value, "General");
  }
  // A negative number under a one-section format keeps its minus sign (formatValue does that).
  return colors[index] ? { text, color: colors[index] } : { text };
}
