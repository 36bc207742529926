/**
 * A1 formulas seen as Excel's R1C1 ones: the references of a formula relative to the cell that holds
 * it. Two cells hold "the same formula" in Excel's sense (a calculated column, a fill down) when their
 * R1C1 forms are equal: `=E4*F4` in row 4 and `=E5*F5` in row 5 are both `=RC[-3]*RC[-2]` from column
 * H. A template renders the formula again at another cell, as a fill does.
 *
 * What is a reference: a cell (`E4`, `$E$4`), a whole column or row pair (`B:B`, `$3:$5`), with or
 * without a sheet (`Data!E4`, `'Q2 deals'!E4`), outside string literals; not a function name that
 * looks like one (`LOG10(`), not part of a longer name (`CARNET.AMOUNT`, `Total2024x`).
 */
import { MAX_COLUMNS, MAX_ROWS, columnIndex, columnLetters } from "./address";

interface Part {
  readonly absolute: boolean;
  /** The sheet's index when absolute, else the offset from the formula's cell. */
  readonly index: number;
}

interface Reference {
  /** Both parts for a cell; only one for a whole column or row. */
  readonly col?: Part;
  readonly row?: Part;
}

type Piece = string | Reference;

export interface FormulaTemplate {
  /** The formula in R1C1 terms: equal keys, same formula wherever it stands. */
  readonly key: string;
  /** The formula as it reads at (row, col), 0-based; a reference pushed off the sheet is #REF!. */
  render(row: number, col: number): string;
  /**
   * Whether `text` is what render(row, col) gives, without making that text: checking each row of a
   * million-row column against its formula then allocates nothing.
   */
  matches(text: string, row: number, col: number): boolean;
}

const NAME_CHAR = /[A-Za-z0-9_.$\\\u00C0-\uFFFF]/;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)([0-9]{1,7})$/;

function colPart(letters: string, dollar: string, at: number): Part | undefined {
  const index = columnIndex(letters);
  if (index === undefined) return undefined;
  const absolute = dollar === "$";
  return { absolute, index: absolute ? index : index - at };
}

function rowPart(digits: string, dollar: string, at: number): Part | undefined {
  const index = Number(digits) - 1;
  if (index < 0 || index >= MAX_ROWS) return undefined;
  const absolute = dollar === "$";
  return { absolute, index: absolute ? index : index - at };
}

function asCell(name: string, row: number, col: number): Reference | undefined {
  const m = CELL.exec(name);
  if (!m) return undefined;
  const c = colPart(m[2], m[1], col);
  const r = rowPart(m[4], m[3], row);
  return c && r ? { col: c, row: r } : undefined;
}

function asColumn(name: string, col: number): Reference | undefined {
  const m = COLUMN.exec(name);
  const c = m ? colPart(m[2], m[1], col) : undefined;
  return c ? { col: c } : undefined;
}

function asRow(name: string, row: number): Reference | undefined {
  const m = ROW.exec(name);
  const r = m ? rowPart(m[2], m[1], row) : undefined;
  return r ? { row: r } : undefined;
}

/** The end of the quoted run starting at `start` (a string literal or a quoted sheet name). */
function quotedEnd(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] !== quote) i += 1;
    else if (text[i + 1] === quote) i += 2;
    else return i + 1;
  }
  return text.length;
}

function nameEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && NAME_CHAR.test(text[i])) i += 1;
  return i;
}

/** Splits a formula standing at (row, col) into literal text and references relative to it. */
function pieces(formula: string, row: number, col: number): Piece[] {
  const out: Piece[] = [];
  let literal = "";
  const push = (...refs: Piece[]) => {
    if (literal !== "") out.push(literal);
    literal = "";
    out.push(...refs);
  };
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = quotedEnd(formula, i);
      literal += formula.slice(i, end);
      i = end;
      continue;
    }
    if (!NAME_CHAR.test(ch)) {
      literal += ch;
      i += 1;
      continue;
    }
    const end = nameEnd(formula, i);
    const name = formula.slice(i, end);
    const next = formula[end];
    // A sheet name before "!", a function before "(": names, not references.
    const cell = next === "!" || next === "(" ? undefined : asCell(name, row, col);
    if (cell) {
      push(cell);
      i = end;
      continue;
    }
    // B:B and 3:5 are references only as pairs around a colon.
    if (next === ":") {
      const otherEnd = nameEnd(formula, end + 1);
      const other = formula.slice(end + 1, otherEnd);
      const cols = [asColumn(name, col), asColumn(other, col)];
      const rows = [asRow(name, row), asRow(other, row)];
      const pair = cols[0] && cols[1] ? cols : rows[0] && rows[1] ? rows : null;
      if (pair && formula[otherEnd] !== "(" && formula[otherEnd] !== "!") {
        push(pair[0]!, ":", pair[1]!);
        i = otherEnd;
        continue;
      }
    }
    literal += name;
    i = end;
  }
  push();
  return out;
}

function r1c1(ref: Reference): string {
  const part = (p: Part | undefined, letter: string) =>
    p === undefined
      ? ""
      : p.absolute
        ? `${letter}${p.index + 1}`
        : p.index === 0
          ? letter
          : `${letter}[${p.index}]`;
  // \u0001 marks a reference: no literal text can look like one.
  return `\u0001${part(ref.row, "R")}${part(ref.col, "C")}\u0001`;
}

/** A reference's row at (atRow), 0-based, or undefined for a whole column. */
function rowAt(ref: Reference, atRow: number): number | undefined {
  return ref.row && (ref.row.absolute ? ref.row.index : ref.row.index + atRow);
}

/** Whether `text` holds the 1-based row number `n` at `at`, as String(n) writes it; where it ends. */
function numberAt(text: string, at: number, n: number): number {
  let value = 0;
  let i = at;
  for (; i < text.length; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  return i > at && text.charCodeAt(at) !== 48 && value === n ? i : -1;
}

/**
 * The template of `formula` as it stands at (row, col), 0-based. Literal text is kept as it is
 * (function names, strings, spaces): only references are made relative.
 */
export function formulaTemplate(formula: string, row: number, col: number): FormulaTemplate {
  const parts = pieces(formula, row, col);
  const key = parts.map((p) => (typeof p === "string" ? p : r1c1(p))).join("");
  // A column's letters depend on the column only: kept from the last use (a fill stays in one).
  let lettersAt = -1;
  let letters: string[] = [];
  const lettersFor = (atCol: number) => {
    if (atCol !== lettersAt) {
      letters = parts.map((p) => {
        if (typeof p === "string" || !p.col) return "";
        const c = p.col.absolute ? p.col.index : p.col.index + atCol;
        return c < 0 || c >= MAX_COLUMNS ? "" : (p.col.absolute ? "$" : "") + columnLetters(c);
      });
      lettersAt = atCol;
    }
    return letters;
  };
  /** A reference pushed off the sheet reads #REF!. */
  const offSheet = (p: Reference, k: number, r: number | undefined) =>
    (p.col !== undefined && letters[k] === "") || (r !== undefined && (r < 0 || r >= MAX_ROWS));
  // One array filled and joined: appending piece by piece would leave a chain of partial strings.
  const out = new Array<string>(parts.length);
  return {
    key,
    render(atRow: number, atCol: number): string {
      lettersFor(atCol);
      for (let k = 0; k < parts.length; k += 1) {
        const p = parts[k];
        if (typeof p === "string") {
          out[k] = p;
          continue;
        }
        const r = rowAt(p, atRow);
        if (offSheet(p, k, r)) out[k] = "#REF!";
        else if (r === undefined) out[k] = letters[k];
        else out[k] = letters[k] + (p.row!.absolute ? "$" : "") + String(r + 1);
      }
      return out.join("");
    },
    matches(text: string, atRow: number, atCol: number): boolean {
      lettersFor(atCol);
      let at = 0;
      for (let k = 0; k < parts.length && at >= 0; k += 1) {
        const p = parts[k];
        const r = typeof p === "string" ? undefined : rowAt(p, atRow);
        const fixed = typeof p === "string" ? p : offSheet(p, k, r) ? "#REF!" : letters[k];
        if (!text.startsWith(fixed, at)) return false;
        at += fixed.length;
        if (typeof p === "string" || r === undefined || fixed === "#REF!") continue;
        if (p.row!.absolute) at = text.startsWith("$", at) ? at + 1 : -1;
        if (at >= 0) at = numberAt(text, at, r + 1);
      }
      return at === text.length;
    },
  };
}

/** The formula in R1C1 terms (see formulaTemplate). */
export function r1c1Key(formula: string, row: number, col: number): string {
  return formulaTemplate(formula, row, col).key;
}
