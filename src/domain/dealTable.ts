/**
 * The deals of a pipeline column by column: the figures in typed arrays, the texts read from the
 * cells when asked for, a Deal object made only when one is asked for. A million deals read from a
 * full sheet are then a few dozen megabytes the garbage collector does not walk object by object,
 * and the forecast reads each figure from an array rather than from a million scattered objects.
 */
import type { CellValue } from "./values";
import { type Deal, FORECAST_CATEGORIES, type ForecastCategory } from "./deal";

/** Each category's code, worked out once (the reader asks for one a deal). */
const CATEGORY_CODES = new Map(FORECAST_CATEGORIES.map((category, i) => [category, i + 1]));

/** A category as a code: 0 for none, else 1 + its index in FORECAST_CATEGORIES. */
export function categoryCode(category: ForecastCategory | null | undefined): number {
  return category ? CATEGORY_CODES.get(category)! : 0;
}

/** The category of a code made by categoryCode. */
export function categoryOfCode(code: number): ForecastCategory | null {
  return code === 0 ? null : FORECAST_CATEGORIES[code - 1];
}

/** Where a probability or a category came from, as a code: 0 for none, 1 the deal, 2 its stage. */
const SOURCES = [null, "deal", "stage"] as const;
type Source = (typeof SOURCES)[number];

export function sourceCode(source: Source | undefined): number {
  return source === "deal" ? 1 : source === "stage" ? 2 : 0; // SOURCES' indexes, without a search
}

/** Shared by every deal without a problem (most of them): frozen, so no reader can add to it. */
export const NO_ISSUES: readonly string[] = Object.freeze([]);

/** The text fields of a deal. */
export type DealText = "id" | "company" | "contact" | "product" | "owner" | "stage";
export const DEAL_TEXTS: readonly DealText[] = [
  "id",
  "company",
  "contact",
  "product",
  "owner",
  "stage",
];

/**
 * Where the deals' texts are: the cells they were read from, read again as text when asked for (a
 * copy of six texts a deal, a million deals, would be 50 MB made during the reading), except the
 * fields read as codes as they were read (TextCodes).
 */
export interface DealTexts {
  readonly cells: readonly (readonly CellValue[])[];
  /** Each deal's row in `cells`; null when deal i is row i. */
  readonly cellRows: Int32Array | null;
  /** The column of each field in `cells`; null when the table has none. */
  readonly columns: Readonly<Record<DealText, number | null>>;
  /** How a cell reads as the field's text (pipelineTable's cleanText). */
  readonly read: (cell: CellValue) => string | null;
  /** Fields already read, as codes. */
  readonly coded: Partial<Record<DealText, TextCodes>>;
}

/**
 * Text cells TextCodes remembers by a few of their characters, before its Map: a power of two.
 */
const CACHED_CELLS = 64;

/**
 * A text field as codes, for the fields a few texts fill down a column (owner, product, stage):
 * each distinct text kept once, each deal its code. The forecast groups deals by code, one array
 * read a deal, rather than by text, one lookup a deal.
 */
export class TextCodes {
  /** Each deal's code: two bytes while the texts are fewer than 65,536, four beyond. */
  codes: Uint16Array | Int32Array;
  /** The text of each code; code 0 is no text. */
  readonly texts: (string | null)[] = [null];
  private readonly byText = new Map<string, number>();

  /** The code of each text cell met, so that a cell repeated down the column is read once. */
  private readonly byCell = new Map<string, number>();
  /**
   * The last text cell met at each slot of a small table, the slot chosen by the cell's length and
   * its first and last characters, and its code: a column of a few texts (owners, products) is
   * then coded with one comparison a cell, without hashing it (a string from Excel's response is
   * hashed on its first lookup, a pass over its characters) nor comparing it with each text in
   * turn (a call each). A text whose slot another took is found in the Map.
   */
  private readonly cachedCells: string[] = new Array<string>(CACHED_CELLS).fill("");
  private readonly cachedCodes = new Int32Array(CACHED_CELLS);

  constructor(
    capacity: number,
    /** How a cell reads as text (pipelineTable's cleanText). */
    private readonly read: (cell: CellValue) => string | null
  ) {
    this.codes = new Uint16Array(capacity);
  }

  /** Deal i's text, from its cell. */
  setCell(i: number, cell: CellValue): void {
    if (typeof cell !== "string" || cell.length === 0) {
      this.codes[i] = this.codeOf(this.read(cell));
      return;
    }
    const last = cell.length - 1;
    const slot = (last * 7 + cell.charCodeAt(0) * 3 + cell.charCodeAt(last)) & (CACHED_CELLS - 1);
    if (this.cachedCells[slot] === cell) {
      this.codes[i] = this.cachedCodes[slot];
      return;
    }
    let code = this.byCell.get(cell);
    if (code === undefined) this.byCell.set(cell, (code = this.codeOf(this.read(cell))));
    this.cachedCells[slot] = cell;
    this.cachedCodes[slot] = code;
    this.codes[i] = code;
  }

  private codeOf(text: string | null): number {
    if (text === null) return 0;
    let code = this.byText.get(text);
    if (code === undefined) {
      this.byText.set(text, (code = this.texts.length));
      this.texts.push(text);
      if (code === 0x10000) this.codes = Int32Array.from(this.codes);
    }
    return code;
  }
}

export interface DealColumns {
  /**
   * Each deal's 0-based row in the source data (below the header); null when deal i is row i, as in
   * a table with no row left out before its last deal (4 MB saved at a million deals).
   */
  readonly rows: Int32Array | null;
  /** Excel serials, amounts and probabilities; NaN where the deal has none (null in a Deal). */
  readonly closeDates: Float64Array;
  readonly amounts: Float64Array;
  readonly probabilities: Float64Array;
  /** categoryCode of each deal's category; sourceCode of where it and the probability came from. */
  readonly categories: Uint8Array;
  readonly categorySources: Uint8Array;
  readonly probabilitySources: Uint8Array;
  readonly texts: DealTexts;
  /** The problems found on a deal's row, by deal index; deals without any are not in it. */
  readonly issues: ReadonlyMap<number, readonly string[]>;
}

const orNull = (x: number): number | null => (x === x ? x : null); // NaN is the only x !== x

export class DealTable {
  private objects: Deal[] | null = null;

  constructor(
    readonly length: number,
    readonly columns: DealColumns
  ) {}

  /** A text field of the deals: deal i's, read from its cell each time it is asked for. */
  text(field: DealText): (i: number) => string | null {
    const { cells, cellRows, columns, read, coded } = this.columns.texts;
    const codes = coded[field];
    if (codes) return (i) => codes.texts[codes.codes[i]];
    const col = columns[field];
    if (col === null) return () => null;
    return cellRows === null ? (i) => read(cells[i][col]) : (i) => read(cells[cellRows[i]][col]);
  }

  /** Deal i's 0-based row in the source data. */
  rowOf(i: number): number {
    const { rows } = this.columns;
    return rows === null ? i : rows[i];
  }

  /** A field read as codes (TextCodes), if it was. */
  textCodes(field: DealText): TextCodes | undefined {
    return this.columns.texts.coded[field];
  }

  /** Deal i as an object, made now. */
  at(i: number): Deal {
    return this.atEach()(i);
  }

  /** Every deal as an object, made once on the first call (a small table's readers, the tests). */
  toArray(): Deal[] {
    if (this.objects === null) {
      const at = this.atEach();
      this.objects = Array.from({ length: this.length }, (_, i) => at(i));
    }
    return this.objects;
  }

  /** Makes deal i as an object, the texts' columns looked up once. */
  private atEach(): (i: number) => Deal {
    const c = this.columns;
    const [id, company, contact, product, owner, stage] = DEAL_TEXTS.map((f) => this.text(f));
    return (i) => ({
      row: this.rowOf(i),
      id: id(i),
      closeDate: orNull(c.closeDates[i]),
      company: company(i),
      contact: contact(i),
      product: product(i),
      amount: orNull(c.amounts[i]),
      probability: orNull(c.probabilities[i]),
      probabilitySource: SOURCES[c.probabilitySources[i]] as Deal["probabilitySource"],
      owner: owner(i),
      stage: stage(i),
      category: categoryOfCode(c.categories[i]),
      categorySource: SOURCES[c.categorySources[i]] as Deal["categorySource"],
      issues: c.issues.get(i) ?? NO_ISSUES,
    });
  }

  /** The table of deals given as objects (callers that hold a few deals: tests, snapshots). */
  static of(deals: readonly Deal[]): DealTable {
    const columns = new DealColumnsBuilder(deals.length);
    deals.forEach((deal, i) => columns.set(i, deal));
    const texts: DealTexts = {
      cells: deals.map((deal) => DEAL_TEXTS.map((field) => deal[field])),
      cellRows: null,
      columns: Object.fromEntries(DEAL_TEXTS.map((f, col) => [f, col])) as DealTexts["columns"],
      read: (cell) => cell as string | null, // the deals' texts as they are
      coded: {},
    };
    return columns.build(deals.length, texts);
  }
}

/** Deals as a table, or as objects (which the forecast puts in a table first). */
export type Deals = DealTable | readonly Deal[];

export function dealTableOf(deals: Deals): DealTable {
  return deals instanceof DealTable ? deals : DealTable.of(deals);
}

/** Fills the columns deal by deal: typed arrays sized for the most deals there may be. */
export class DealColumnsBuilder {
  /** Made at the first deal not on its own index's row (see DealColumns.rows). */
  rows: Int32Array | null = null;
  readonly closeDates: Float64Array;
  readonly amounts: Float64Array;
  readonly probabilities: Float64Array;
  readonly categories: Uint8Array;
  readonly categorySources: Uint8Array;
  readonly probabilitySources: Uint8Array;
  readonly issues = new Map<number, string[]>();

  constructor(private readonly capacity: number) {
    this.closeDates = new Float64Array(capacity);
    this.amounts = new Float64Array(capacity);
    this.probabilities = new Float64Array(capacity);
    this.categories = new Uint8Array(capacity);
    this.categorySources = new Uint8Array(capacity);
    this.probabilitySources = new Uint8Array(capacity);
  }

  /** Deal i's category and where it and its probability came from. */
  setSources(
    i: number,
    category: ForecastCategory | null,
    categorySource: Source | undefined,
    probabilitySource: Source
  ): void {
    this.categories[i] = categoryCode(category);
    this.categorySources[i] = sourceCode(categorySource);
    this.probabilitySources[i] = sourceCode(probabilitySource);
  }

  /** Deal i's row in the source data. */
  setRow(i: number, row: number): void {
    if (this.rows === null) {
      if (row === i) return;
      this.rows = new Int32Array(this.capacity);
      for (let k = 0; k < i; k++) this.rows[k] = k;
    }
    this.rows[i] = row;
  }

  rowOf(i: number): number {
    return this.rows === null ? i : this.rows[i];
  }

  /** Deal i's figures, except its texts (DealTexts), from an object. */
  set(i: number, deal: Deal): void {
    this.setRow(i, deal.row);
    this.closeDates[i] = deal.closeDate ?? NaN;
    this.amounts[i] = deal.amount ?? NaN;
    this.probabilities[i] = deal.probability ?? NaN;
    this.setSources(i, deal.category, deal.categorySource, deal.probabilitySource);
    if (deal.issues.length > 0) this.issues.set(i, [...deal.issues]);
  }

  /** The table of the first `length` deals set, their texts in `texts`. */
  build(length: number, texts: DealTexts): DealTable {
    const cut = <A extends { subarray(start: number, end: number): A }>(a: A) =>
      a.subarray(0, length);
    return new DealTable(length, {
      rows: this.rows === null ? null : cut(this.rows),
      closeDates: cut(this.closeDates),
      amounts: cut(this.amounts),
      probabilities: cut(this.probabilities),
      categories: cut(this.categories),
      categorySources: cut(this.categorySources),
      probabilitySources: cut(this.probabilitySources),
      texts,
      issues: this.issues,
    });
  }
}
