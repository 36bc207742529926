/**
 * The memory backend's cells, kept compact enough for a full sheet: a run at 1,048,575 deals holds
 * the source table (1M × 7 cells) and what Carnet writes beside it (1M × 14) in the same process as
 * the add-in, and the whole run has a memory target (issue 12).
 *
 * - A column is cut into pages of 4,096 rows; a page that never held anything takes no memory.
 * - A page of numbers, booleans and blanks is a Float64Array: numbers unboxed (a JS array would box
 *   every non-integer, 16 more bytes each) and outside the JS heap, so V8's garbage collector neither
 *   scans them nor sizes its heap from them. Blanks and booleans are NaNs no arithmetic makes. A page
 *   is made a plain array once it holds text or a formula.
 * - Text is interned: Microsoft's client sends each cell as its own string, and a million rows of a
 *   few companies, products and owners would otherwise be a million copies.
 * - A formula is kept as its R1C1 template, one object for every cell holding the same formula (a
 *   calculated column's million rows hold one), rendered in A1 terms when read. It is kept so only
 *   when rendering it at its cell gives back exactly the text written; any other formula is kept as
 *   its text.
 */
import type { CellInput, CellValue } from "./backend";
import { formulaTemplate, type FormulaTemplate } from "./formula-refs";

/** One formula in R1C1 terms, shared by every cell that holds it. */
export class StoredFormula {
  constructor(readonly template: FormulaTemplate) {}
}

export type Stored = CellValue | StoredFormula | undefined;

const PAGE_BITS = 12;
const PAGE_ROWS = 1 << PAGE_BITS;
const IN_PAGE = PAGE_ROWS - 1;

/** Which 32-bit half of a float64 holds its sign, exponent and the top of its mantissa. */
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;
/** High words of the tagged NaNs; JavaScript's own NaN is 0x7ff80000 (or 0xfff80000), never these. */
const TAG = 0x7ffa0000;
const EMPTY = TAG + 1;
const FALSE = TAG + 2;
const TRUE = TAG + 3;

/** A page holding numbers, booleans and blanks only. */
class NumberPage {
  readonly numbers = new Float64Array(PAGE_ROWS);
  private readonly words = new Uint32Array(this.numbers.buffer);
  count = 0;

  constructor() {
    for (let i = HIGH; i < this.words.length; i += 2) this.words[i] = EMPTY;
  }

  get(i: number): CellValue | undefined {
    const high = this.words[2 * i + HIGH];
    if (high === EMPTY) return undefined;
    if (high === FALSE) return false;
    if (high === TRUE) return true;
    return this.numbers[i];
  }

  /** Sets a cell; whether it held something. */
  set(i: number, value: number | boolean | undefined): boolean {
    const held = this.words[2 * i + HIGH] !== EMPTY;
    if (typeof value === "number") this.numbers[i] = value;
    else this.words[2 * i + HIGH] = value === undefined ? EMPTY : value ? TRUE : FALSE;
    this.count += (value !== undefined ? 1 : 0) - (held ? 1 : 0);
    return held;
  }

  toMixed(): MixedPage {
    const page = new MixedPage();
    for (let i = 0; i < PAGE_ROWS; i += 1) page.cells[i] = this.get(i);
    page.count = this.count;
    return page;
  }
}

/** A page that holds text or formulas, with numbers and blanks beside them. */
class MixedPage {
  readonly cells: Stored[] = new Array<Stored>(PAGE_ROWS).fill(undefined);
  count = 0;

  get(i: number): Stored {
    return this.cells[i];
  }

  set(i: number, value: Stored): boolean {
    const held = this.cells[i] !== undefined;
    this.cells[i] = value;
    this.count += (value !== undefined ? 1 : 0) - (held ? 1 : 0);
    return held;
  }
}

type Page = NumberPage | MixedPage;

const fitsNumberPage = (value: Stored): value is number | boolean | undefined =>
  value === undefined || typeof value === "number" || typeof value === "boolean";

/** One column of a sheet. */
export class Column {
  private readonly pages: (Page | undefined)[] = [];
  /** The formula last stored here: the next row of a filled column renders from it. */
  lastFormula: StoredFormula | undefined;

  get(row: number): Stored {
    return this.pages[row >>> PAGE_BITS]?.get(row & IN_PAGE);
  }

  /** Sets a cell; whether it held something. */
  set(row: number, value: Stored): boolean {
    const p = row >>> PAGE_BITS;
    let page = this.pages[p];
    if (!page) {
      if (value === undefined) return false;
      page = fitsNumberPage(value) ? new NumberPage() : new MixedPage();
      // Grown one slot at a time, the array stays dense (a far write would make it a hash map).
      while (this.pages.length < p) this.pages.push(undefined);
      this.pages[p] = page;
    } else if (page instanceof NumberPage && !fitsNumberPage(value)) {
      page = this.pages[p] = page.toMixed();
    }
    const held =
      page instanceof NumberPage && fitsNumberPage(value)
        ? page.set(row & IN_PAGE, value)
        : (page as MixedPage).set(row & IN_PAGE, value);
    if (page.count === 0) this.pages[p] = undefined;
    return held;
  }

  /** Empties rows [start, end); whole pages are dropped rather than emptied cell by cell. */
  clear(start: number, end: number): void {
    for (let row = start; row < end;) {
      const p = row >>> PAGE_BITS;
      const pageEnd = (p + 1) << PAGE_BITS;
      if (row === p << PAGE_BITS && pageEnd <= end) {
        if (p < this.pages.length) this.pages[p] = undefined;
        row = pageEnd;
        continue;
      }
      const stop = Math.min(end, pageEnd);
      if (this.pages[p]) for (; row < stop; row += 1) this.set(row, undefined);
      row = stop;
    }
  }

  /** The first and last rows holding something, or undefined for an empty column. */
  extent(): { first: number; last: number } | undefined {
    let first = -1;
    for (let p = 0; p < this.pages.length && first < 0; p += 1) {
      const page = this.pages[p];
      if (!page) continue;
      for (let i = 0; i < PAGE_ROWS; i += 1)
        if (page.get(i) !== undefined) {
          first = (p << PAGE_BITS) + i;
          break;
        }
    }
    if (first < 0) return undefined;
    for (let p = this.pages.length - 1; p >= 0; p -= 1) {
      const page = this.pages[p];
      if (!page) continue;
      for (let i = PAGE_ROWS - 1; i >= 0; i -= 1)
        if (page.get(i) !== undefined) return { first, last: (p << PAGE_BITS) + i };
    }
    return undefined;
  }
}

/** Distinct texts and formulas kept for sharing; past this the cache starts again (memory stays bounded). */
const MOST_SHARED = 1 << 16;

/** Turns what a backend is given into what a column stores, sharing texts and formulas. */
export class CellEncoder {
  private readonly texts = new Map<string, string>();
  private readonly formulas = new Map<string, StoredFormula>();

  /**
   * A cell as given (`'` marks text, `=` a formula, "" and null are blank) at (row, col) of
   * `column`.
   */
  encode(cell: CellInput, row: number, col: number, column: Column): Stored {
    if (cell === null || cell === "") return undefined;
    if (typeof cell !== "string") return cell;
    if (cell.startsWith("'")) return this.text(cell.slice(1));
    if (cell.startsWith("=")) return this.formula(cell, row, col, column);
    return this.text(cell);
  }

  /** The text stored for `text`: one string for every cell holding it. */
  text(text: string): string {
    const kept = this.texts.get(text);
    if (kept !== undefined) return kept;
    if (this.texts.size >= MOST_SHARED) this.texts.clear();
    this.texts.set(text, text);
    return text;
  }

  /** A formula as its shared template, or as its text when the template would not give it back. */
  formula(text: string, row: number, col: number, column: Column): Stored {
    const last = column.lastFormula;
    if (last && last.template.matches(text, row, col)) return last;
    const template = formulaTemplate(text, row, col);
    if (!template.matches(text, row, col)) return this.text(text);
    let stored = this.formulas.get(template.key);
    if (!stored) {
      if (this.formulas.size >= MOST_SHARED) this.formulas.clear();
      stored = new StoredFormula(template);
      this.formulas.set(template.key, stored);
    }
    column.lastFormula = stored;
    return stored;
  }
}

/** What a stored cell reads as at (row, col): a formula's text, blank as "". */
export function cellValue(stored: Stored, row: number, col: number): CellValue {
  if (stored === undefined) return "";
  return stored instanceof StoredFormula ? stored.template.render(row, col) : stored;
}
