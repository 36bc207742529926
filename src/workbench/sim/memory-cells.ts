/**
 * The memory backend's cells, kept compact enough for a full sheet: a run at 1,048,575 deals holds
 * the source table (1M × 7 cells) and what Carnet writes beside it (1M × 14) in the same process as
 * the add-in, and the whole run has a memory target (issue 12). Most cells live outside the JS heap
 * (typed arrays), where V8 neither scans them nor sizes its heap after them.
 *
 * - A column is cut into pages of 4,096 rows; a page that never held anything takes no memory.
 * - A page of numbers, booleans and blanks is a Float64Array: numbers unboxed (a JS array would box
 *   every non-integer, 16 more bytes each). Blanks and booleans are NaNs no arithmetic makes.
 * - A page of text and blanks holds 16-bit codes in its column's dictionary of texts, or, once that
 *   is full (a column of ids), the texts' Latin-1 bytes.
 * - Anything else (a formula, text beside numbers) makes the page a plain array, its texts interned:
 *   Microsoft's client sends each cell as its own string.
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

/** A block of 4,096 rows of a column. */
interface Page {
  /** Cells that hold something: a page emptied is dropped. */
  readonly count: number;
  has(i: number): boolean;
  get(i: number): Stored;
  /** Whether the page can store this value; when not, it is made a MixedPage first. */
  holds(value: Stored): boolean;
  /** Sets a cell; whether it held something. */
  set(i: number, value: Stored): boolean;
  toMixed(): MixedPage;
}

const fitsNumberPage = (value: Stored): value is number | boolean | undefined =>
  value === undefined || typeof value === "number" || typeof value === "boolean";

/** A page holding numbers, booleans and blanks only. */
class NumberPage implements Page {
  private readonly numbers = new Float64Array(PAGE_ROWS);
  private readonly words = new Uint32Array(this.numbers.buffer);
  count = 0;

  constructor() {
    for (let i = HIGH; i < this.words.length; i += 2) this.words[i] = EMPTY;
  }

  has(i: number): boolean {
    return this.words[2 * i + HIGH] !== EMPTY;
  }

  get(i: number): CellValue | undefined {
    const high = this.words[2 * i + HIGH];
    if (high === EMPTY) return undefined;
    if (high === FALSE) return false;
    if (high === TRUE) return true;
    return this.numbers[i];
  }

  holds(value: Stored): boolean {
    return fitsNumberPage(value);
  }

  set(i: number, value: Stored): boolean {
    const held = this.has(i);
    if (typeof value === "number") this.numbers[i] = value;
    else this.words[2 * i + HIGH] = value === undefined ? EMPTY : value ? TRUE : FALSE;
    this.count += (value !== undefined ? 1 : 0) - (held ? 1 : 0);
    return held;
  }

  toMixed(): MixedPage {
    return MixedPage.from(this);
  }
}

/** A page that holds formulas, or text beside numbers: anything, a pointer a cell. */
class MixedPage implements Page {
  private readonly cells: Stored[] = new Array<Stored>(PAGE_ROWS).fill(undefined);
  count = 0;

  static from(page: Page): MixedPage {
    const mixed = new MixedPage();
    for (let i = 0; i < PAGE_ROWS; i += 1) mixed.cells[i] = page.get(i);
    mixed.count = page.count;
    return mixed;
  }

  has(i: number): boolean {
    return this.cells[i] !== undefined;
  }

  get(i: number): Stored {
    return this.cells[i];
  }

  holds(): boolean {
    return true;
  }

  set(i: number, value: Stored): boolean {
    const held = this.cells[i] !== undefined;
    this.cells[i] = value;
    this.count += (value !== undefined ? 1 : 0) - (held ? 1 : 0);
    return held;
  }

  toMixed(): MixedPage {
    return this;
  }
}

/** The code of a text kept in its page's own bytes rather than in the column's dictionary. */
const PACKED = 0xffff;

/** Where a column's texts are kept as strings: one string for every cell holding the same text. */
export interface SharedTexts {
  text(text: string): string;
}

/** The texts of a column, each coded once in 16 bits: a column of companies is 2 bytes a row. */
class TextDictionary {
  readonly texts: string[] = [];
  private readonly codes = new Map<string, number>();

  constructor(private readonly shared: SharedTexts) {}

  /** The text's code (1 up to 0xfffe), added when there is room; 0 when the dictionary is full. */
  code(text: string): number {
    const known = this.codes.get(text);
    if (known !== undefined) return known;
    if (this.texts.length >= PACKED - 1) return 0;
    const own = this.shared.text(text);
    this.texts.push(own);
    this.codes.set(own, this.texts.length);
    return this.texts.length;
  }
}

/** Whether a text can be packed as bytes: Latin-1 only, a length in 16 bits. */
function packable(text: string): boolean {
  if (text.length > 0xffff) return false;
  for (let k = 0; k < text.length; k += 1) if (text.charCodeAt(k) > 0xff) return false;
  return true;
}

/**
 * A page of text and blanks, outside the JS heap: each cell a 16-bit code in its column's
 * dictionary, or, once the dictionary is full (a column of distinct ids), its Latin-1 bytes kept
 * in the page (read back as a new string).
 */
class TextPage implements Page {
  private readonly codes = new Uint16Array(PAGE_ROWS);
  /** Packed texts: their bytes, and each one's start and length (allocated with the first). */
  private bytes = new Uint8Array(0);
  private starts: Int32Array | undefined;
  private lengths: Uint16Array | undefined;
  private used = 0;
  /** Bytes of texts since replaced, dropped when room is next made. */
  private garbage = 0;
  count = 0;

  constructor(private readonly dictionary: TextDictionary) {}

  has(i: number): boolean {
    return this.codes[i] !== 0;
  }

  get(i: number): string | undefined {
    const code = this.codes[i];
    if (code === 0) return undefined;
    if (code !== PACKED) return this.dictionary.texts[code - 1];
    return latin1(this.bytes, this.starts![i], this.lengths![i]);
  }

  holds(value: Stored): boolean {
    if (value === undefined) return true;
    return typeof value === "string" && (this.dictionary.code(value) > 0 || packable(value));
  }

  set(i: number, value: Stored): boolean {
    const held = this.codes[i] !== 0;
    if (this.codes[i] === PACKED) this.garbage += this.lengths![i];
    const text = value as string | undefined;
    const code = text === undefined ? 0 : this.dictionary.code(text);
    this.codes[i] = text === undefined || code > 0 ? code : PACKED;
    if (text !== undefined && code === 0) this.pack(i, text);
    this.count += (value !== undefined ? 1 : 0) - (held ? 1 : 0);
    return held;
  }

  toMixed(): MixedPage {
    return MixedPage.from(this);
  }

  private pack(i: number, text: string): void {
    this.starts ??= new Int32Array(PAGE_ROWS);
    this.lengths ??= new Uint16Array(PAGE_ROWS);
    if (this.used + text.length > this.bytes.length) this.makeRoom(text.length);
    for (let k = 0; k < text.length; k += 1) this.bytes[this.used + k] = text.charCodeAt(k);
    this.starts[i] = this.used;
    this.lengths[i] = text.length;
    this.used += text.length;
  }

  /**
   * Copies the live texts into bytes a quarter larger than they need, dropping those of replaced
   * texts: a quarter, not double, as the page's bytes are most of what a column of ids weighs.
   */
  private makeRoom(needed: number): void {
    const live = this.used - this.garbage;
    const bytes = new Uint8Array(Math.max(4096, Math.ceil((live + needed) * 1.25)));
    let used = 0;
    for (let i = 0; i < PAGE_ROWS; i += 1) {
      if (this.codes[i] !== PACKED) continue;
      // Byte by byte: a subarray a text would be an object a text.
      const start = this.starts![i];
      const length = this.lengths![i];
      for (let k = 0; k < length; k += 1) bytes[used + k] = this.bytes[start + k];
      this.starts![i] = used;
      used += length;
    }
    this.bytes = bytes;
    this.used = used;
    this.garbage = 0;
  }
}

/** A packed text back as a string, in pieces (a long one would pass too many arguments). */
function latin1(bytes: Uint8Array, start: number, length: number): string {
  let text = "";
  for (let at = start; at < start + length; at += 8192)
    text += String.fromCharCode(...bytes.subarray(at, Math.min(at + 8192, start + length)));
  return text;
}

/** One column of a sheet. */
export class Column {
  private readonly pages: (Page | undefined)[] = [];
  private dictionary: TextDictionary | undefined;
  /** The formula last stored here: the next row of a filled column renders from it. */
  lastFormula: StoredFormula | undefined;

  constructor(private readonly shared: SharedTexts) {}

  get(row: number): Stored {
    return this.pages[row >>> PAGE_BITS]?.get(row & IN_PAGE);
  }

  /** Sets a cell; whether it held something. */
  set(row: number, value: Stored): boolean {
    const p = row >>> PAGE_BITS;
    let page = this.pages[p];
    if (!page) {
      if (value === undefined) return false;
      page = this.newPage(value);
      // Grown one slot at a time, the array stays dense (a far write would make it a hash map).
      while (this.pages.length < p) this.pages.push(undefined);
      this.pages[p] = page;
    } else if (!page.holds(value)) {
      page = this.pages[p] = page.toMixed();
    }
    const kept =
      typeof value === "string" && page instanceof MixedPage ? this.shared.text(value) : value;
    const held = page.set(row & IN_PAGE, kept);
    if (page.count === 0) this.pages[p] = undefined;
    return held;
  }

  /** The page a first value makes: numbers, text, or anything. */
  private newPage(value: Stored): Page {
    if (fitsNumberPage(value)) return new NumberPage();
    if (typeof value !== "string") return new MixedPage();
    const page = new TextPage((this.dictionary ??= new TextDictionary(this.shared)));
    return page.holds(value) ? page : new MixedPage();
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
        if (page.has(i)) {
          first = (p << PAGE_BITS) + i;
          break;
        }
    }
    if (first < 0) return undefined;
    for (let p = this.pages.length - 1; p >= 0; p -= 1) {
      const page = this.pages[p];
      if (!page) continue;
      for (let i = PAGE_ROWS - 1; i >= 0; i -= 1)
        if (page.has(i)) return { first, last: (p << PAGE_BITS) + i };
    }
    return undefined;
  }
}

/** Distinct texts and formulas kept for sharing; past this the cache starts again (memory stays bounded). */
const MOST_SHARED = 1 << 16;

/** Turns what a backend is given into what a column stores, sharing texts and formulas. */
export class CellEncoder implements SharedTexts {
  private readonly texts = new Map<string, string>();
  private readonly formulas = new Map<string, StoredFormula>();

  /**
   * A cell as given (`'` marks text, `=` a formula, "" and null are blank) at (row, col) of
   * `column`.
   */
  encode(cell: CellInput, row: number, col: number, column: Column): Stored {
    if (cell === null || cell === "") return undefined;
    if (typeof cell !== "string") return cell;
    if (cell.startsWith("'")) return cell.slice(1);
    if (cell.startsWith("=")) return this.formula(cell, row, col, column);
    return cell;
  }

  /** The string kept for `text` where a page keeps strings: one for every cell holding it. */
  text(text: string): string {
    const kept = this.texts.get(text);
    if (kept !== undefined) return kept;
    // A slice of 13 characters or more is, in V8, a view keeping the whole request's string alive
    // (the text with its "'"): a column of distinct texts then cost twice its size. Kept as a copy.
    const own = text.length >= 13 ? (JSON.parse(JSON.stringify(text)) as string) : text;
    if (this.texts.size >= MOST_SHARED) this.texts.clear();
    this.texts.set(own, own);
    return own;
  }

  /** A formula as its shared template, or as its text when the template would not give it back. */
  formula(text: string, row: number, col: number, column: Column): Stored {
    const last = column.lastFormula;
    if (last && last.template.matches(text, row, col)) return last;
    const template = formulaTemplate(text, row, col);
    if (!template.matches(text, row, col)) return text;
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
