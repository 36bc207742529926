/**
 * The deals of a pipeline column by column: the figures in typed arrays, the texts read from the
 * cells when asked for, a Deal object made only when one is asked for. A million deals read from a
 * full sheet are then a few dozen megabytes the garbage collector does not walk object by object,
 * and the forecast reads each figure from an array rather than from a million scattered objects.
 */
import type { CellValue } from "./values";
import { type Deal, FORECAST_CATEGORIES, type ForecastCategory } from "./deal";
import { KEPT_COLUMNS, type KeptRooms, type RoomStamp } from "./keptRoom";

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
 * Text cells TextCodes remembers by a few of their characters, before its Map: 2 ** CACHED_BITS
 * slots chosen by a cell's length and last character, and as many more by its first character too.
 */
const CACHED_BITS = 8;
const CACHED_CELLS = 1 << CACHED_BITS;

/**
 * A slot of TextCodes' cache: the top bits of a product that mixes a cell's length (`last + 1`
 * characters) and a character or two of it, so that a few texts of a column fall in as many slots
 * as often as they could (a sum of them gave "Anne Martin" and "Emma Rossi" one slot of 64, the two
 * taking turns, each turn a lookup in the Map).
 */
function cachedSlot(last: number, chars: number): number {
  return Math.imul(chars ^ (last << 16), 0x9e3779b1) >>> (32 - CACHED_BITS);
}

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
   * The last text cells met at the slots of a small table, and their codes: a column of a few texts
   * (owners, products) is then coded with one comparison a cell, without hashing it (a string from
   * Excel's response is hashed on its first lookup, a pass over its characters) nor comparing it
   * with each text in turn (a call each). A cell is looked for in its first slot, chosen by its
   * length and last character (one character read: most cells are found there), then in its second,
   * chosen by its first character too, in the table's second half: two texts that share a first
   * slot are both kept, rather than taking turns there. A text whose slots others took is found in
   * the Map.
   */
  private readonly cachedCells: string[] = new Array<string>(2 * CACHED_CELLS).fill("");
  private readonly cachedCodes = new Int32Array(2 * CACHED_CELLS);

  constructor(
    capacity: number,
    /** How a cell reads as text (pipelineTable's cleanText). */
    private readonly read: (cell: CellValue) => string | null,
    /** Where the codes go (DealColumnsBuilder.codesRoom): every one is set before it is read. */
    codes: Uint16Array = new Uint16Array(capacity)
  ) {
    this.codes = codes;
  }

  /** Deal i's text, from its cell. */
  setCell(i: number, cell: CellValue): void {
    if (typeof cell !== "string" || cell.length === 0) {
      this.codes[i] = this.codeOf(this.read(cell));
      return;
    }
    const last = cell.length - 1;
    const slot = cachedSlot(last, cell.charCodeAt(last));
    if (this.cachedCells[slot] === cell) {
      this.codes[i] = this.cachedCodes[slot];
      return;
    }
    // The code is had before `codes` is read: a new text may make it wider (codeOf).
    const code = this.codeBeyondFirstSlot(cell, slot);
    this.codes[i] = code;
  }

  /** The code of a text cell not in its first slot: in its second, else from the Map, then kept. */
  private codeBeyondFirstSlot(cell: string, slot: number): number {
    const last = cell.length - 1;
    const second =
      CACHED_CELLS + cachedSlot(last, cell.charCodeAt(last) ^ (cell.charCodeAt(0) << 8));
    if (this.cachedCells[second] === cell) return this.cachedCodes[second];
    let code = this.byCell.get(cell);
    if (code === undefined) this.byCell.set(cell, (code = this.codeOf(this.read(cell))));
    // The first slot when free, else the second when free, else the first again.
    const kept = this.cachedCells[slot] !== "" && this.cachedCells[second] === "" ? second : slot;
    this.cachedCells[kept] = cell;
    this.cachedCodes[kept] = code;
    return code;
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

/** A category and where it and a probability came from, as DealColumnsBuilder.setSources codes them. */
export interface SourceCodes {
  readonly category: number;
  readonly categorySource: number;
  readonly probabilitySource: number;
}

export function sourceCodesOf(
  category: ForecastCategory | null,
  categorySource: Source | undefined,
  probabilitySource: Source
): SourceCodes {
  return {
    category: categoryCode(category),
    categorySource: sourceCode(categorySource),
    probabilitySource: sourceCode(probabilitySource),
  };
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

/** What reading a table whose columns' room a newer reading took says (see KeptRooms). */
export const REPLACED_READING = "this reading of the deals has been replaced by a newer one";

export class DealTable {
  private objects: Deal[] | null = null;

  constructor(
    readonly length: number,
    private readonly kept: DealColumns,
    /** The columns' room, when kept from reading to reading (KeptRooms); null when their own. */
    private readonly stamp: RoomStamp | null = null
  ) {}

  /**
   * The columns, while they are this table's: once a newer reading has taken their room, asking
   * throws rather than give that reading's figures. Asked once a computation, before its loops.
   */
  get columns(): DealColumns {
    if (this.stamp !== null && !this.stamp.current) throw new Error(REPLACED_READING);
    return this.kept;
  }

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

  /**
   * Every deal as an object, made once on the first call (a small table's readers, the tests): the
   * objects, made while the columns were the table's, stay its deals after.
   */
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
      row: c.rows === null ? i : c.rows[i],
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

/** The texts a reading codes as it reads them (TextCodes), their codes beside the columns. */
export type CodedText = "owner" | "product" | "stage";
const CODED_TEXTS: readonly CodedText[] = ["owner", "product", "stage"];

/**
 * The columns' kept room, in bytes a deal before each part: closeDates, amounts, probabilities (8
 * each), the coded texts' codes (2 each), categories and both sources (1 each). Each part starts on
 * a multiple of its element's size, whatever the capacity. The rows (4 bytes a deal) are made apart
 * when a table needs them: most do not, and 4 bytes more a deal in each room would be 4 MB more
 * garbage at a million deals in the first reading, which then meets a full collection (see KeptRoom)
 * that one without them does not.
 */
const CODES_AT = 24;
const CATEGORIES_AT = CODES_AT + 2 * CODED_TEXTS.length;
const ROOM_BYTES_A_DEAL = CATEGORIES_AT + 3;

/**
 * A reading of fewer deals makes its columns afresh: a few megabytes of garbage at most, and its
 * table is never replaced (see KeptRooms), as a test's or a small sheet's many tables may expect.
 */
export const KEPT_COLUMNS_FROM = 1 << 16;

type TypedArrayOf<A> = {
  new (length: number): A;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): A;
};

/**
 * Fills the columns deal by deal: typed arrays sized for the most deals there may be, made afresh
 * or carved from a room of `rooms` (a reading's, see readingColumns). What the room held before is
 * left there: each array is set at every deal before it is read, none relies on starting at zero.
 */
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
  /** The kept room the arrays are views of; null when they are their own. */
  private readonly lease: ReturnType<KeptRooms["take"]> | null;

  constructor(
    private readonly capacity: number,
    rooms: KeptRooms | null = null
  ) {
    this.lease = rooms === null ? null : rooms.take(ROOM_BYTES_A_DEAL * capacity);
    this.closeDates = this.array(Float64Array, 0);
    this.amounts = this.array(Float64Array, 8);
    this.probabilities = this.array(Float64Array, 16);
    this.categories = this.array(Uint8Array, CATEGORIES_AT);
    this.categorySources = this.array(Uint8Array, CATEGORIES_AT + 1);
    this.probabilitySources = this.array(Uint8Array, CATEGORIES_AT + 2);
  }

  /** An array of the capacity: its own, or the kept room's part that starts `at` bytes a deal in. */
  private array<A>(type: TypedArrayOf<A>, at: number): A {
    const { capacity, lease } = this;
    return lease === null ? new type(capacity) : new type(lease.room, at * capacity, capacity);
  }

  /** Where a coded text's codes go (TextCodes' `codes`). */
  codesRoom(field: CodedText): Uint16Array {
    return this.array(Uint16Array, CODES_AT + 2 * CODED_TEXTS.indexOf(field));
  }

  /** Gives the kept room back unfinished (a reading cancelled); no-op once built. */
  release(): void {
    this.lease?.release();
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

  /**
   * setSources of deals start to end (excluded), given as the codes sourceCodesOf worked out: once
   * for a block of deals most of which have them (a deal set after is set again), three fills
   * rather than three stores a deal.
   */
  setSourceCodes(start: number, end: number, codes: SourceCodes): void {
    this.categories.fill(codes.category, start, end);
    this.categorySources.fill(codes.categorySource, start, end);
    this.probabilitySources.fill(codes.probabilitySource, start, end);
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

  /** setRow of deals start to end (excluded), on rows firstRow on. */
  setRows(start: number, end: number, firstRow: number): void {
    if (this.rows === null && start === firstRow) return; // deal i is row i, as most are
    for (let i = start; i < end; i++) this.setRow(i, firstRow + i - start);
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

  /**
   * The table of the first `length` deals set, their texts in `texts`. The kept room is then the
   * table's, until a reading after the next one takes it (KeptRooms).
   */
  build(length: number, texts: DealTexts): DealTable {
    const cut = <A extends { subarray(start: number, end: number): A }>(a: A) =>
      a.subarray(0, length);
    this.lease?.finish();
    const columns = {
      rows: this.rows === null ? null : cut(this.rows),
      closeDates: cut(this.closeDates),
      amounts: cut(this.amounts),
      probabilities: cut(this.probabilities),
      categories: cut(this.categories),
      categorySources: cut(this.categorySources),
      probabilitySources: cut(this.probabilitySources),
      texts,
      issues: this.issues,
    };
    return new DealTable(length, columns, this.lease?.stamp ?? null);
  }
}

/**
 * The builder of a reading's columns: in the rooms kept from reading to reading (KEPT_COLUMNS) from
 * KEPT_COLUMNS_FROM deals, else afresh.
 */
export function readingColumns(capacity: number): DealColumnsBuilder {
  return new DealColumnsBuilder(capacity, capacity >= KEPT_COLUMNS_FROM ? KEPT_COLUMNS : null);
}
