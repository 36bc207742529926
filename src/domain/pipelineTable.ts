/**
 * Reading the user's own sales table (the "carnet commercial") into deals, with a data-quality report.
 * Every cell that cannot be read is reported with its row, column and reason; total and subtotal rows,
 * and rows repeating the header, are recognised and left out; nothing is guessed silently: a
 * probability column typed 20, 50, 75 is reported (and flagged so the pane can offer reading it as
 * percentage points), not assumed.
 */
import type { ColumnMapping, PipelineField } from "./columns";
import { fieldLabelIn, PIPELINE_FIELDS } from "./columns";
import { plainDateSerial, readDate } from "./dates";
import type { Deal, ForecastCategory } from "./deal";
import { CASELESS_START, caselessStep, RepeatedKeys } from "./caselessKeys";
import {
  type ClosedCategory,
  closingStatus,
  lastFigureRow,
  RowCounter,
  type RowCells,
} from "./countingRows";
import {
  type DealColumnsBuilder,
  type DealTable,
  readingColumns,
  type SourceCodes,
  sourceCodesOf,
  TextCodes,
} from "./dealTable";
import type { Language } from "./language";
import { problemText, type ReadingProblemKey } from "./readingProblems";
import { readCategory, type StageDefault, stageProbability } from "./stages";
import { runSteps, STEP_ROWS, type Steps } from "./steps";
import {
  type CellValue,
  isBlankCell,
  plainAmount,
  plainProbability,
  readAmount,
  readProbability,
  type Reading,
} from "./values";

/**
 * The readers the reading calls on every row, taken once as this module's own: an imported name is
 * read through a getter on each call under tsx and webpack's development build (the workbench),
 * about 15 ns a call, which over a million rows and a few calls a row is a good part of the reading.
 */
const cells = {
  isBlank: isBlankCell,
  amount: plainAmount,
  probability: plainProbability,
  date: plainDateSerial,
};

export interface PipelineReadOptions {
  readonly stageTable?: readonly StageDefault[];
  /** "points": numbers like 20 mean 20 % (the user said so in the pane). Default "fraction". */
  readonly probabilityScale?: "fraction" | "points";
  /** For dd/mm/yyyy dates when the workbook's locale is known. */
  readonly dayFirst?: boolean;
  /** The table's header row (same columns as the rows): a row repeating it is left out and reported. */
  readonly header?: readonly CellValue[];
  /**
   * The language of the report and of the deals' Issues lines: field labels and problems (the pane
   * passes its own). English when not given.
   */
  readonly language?: Language;
}

/** One line of the data-quality report. Rows and columns are 0-based within the data (below the header). */
export interface PipelineIssue {
  readonly row: number;
  readonly col: number | null;
  readonly kind: "unreadable" | "missing" | "total" | "header" | "duplicate";
  /** The field's label in the reading's language ("Probability", "Probabilité"), or null for a whole row. */
  readonly field: string | null;
  /** The cell's text as typed, when the issue is one cell. */
  readonly shown: string | null;
  /** Why, phrased to follow "<field> <shown> at <address> ", in the reading's language. */
  readonly problem: string;
}

export interface PipelineReading {
  /** The deals read, column by column: what the forecast and CarnetPipeline read. */
  readonly table: DealTable;
  /** The same deals as objects, made on first use (readers of a few deals, the tests). */
  readonly deals: Deal[];
  readonly issues: PipelineIssue[];
  /** Data rows recognised as totals or subtotals and left out. */
  readonly totalRows: number[];
  /** Data rows repeating the header (a block pasted with its header) and left out. */
  readonly headerRows: number[];
  readonly blankRows: number;
  /** True when the probability column holds numbers above 1 that all fit 0–100: offer "percentage points". */
  readonly probabilitiesLookLikePoints: boolean;
}

/**
 * The report line as the pane shows it: "Probability 20 at Sheet1!F3 is above 1: write 20% or 0.2";
 * in French (the issue read in French) "Probabilité 20 en Feuil1!F3 dépasse 1 : écrivez 20 % ou 0,2".
 */
export function issueText(
  issue: PipelineIssue,
  address: string,
  language: Language = "en"
): string {
  const head = [issue.field, issue.shown].filter((s) => s !== null && s !== "").join(" ");
  if (language === "en") return `${head ? head + " at " : "Row at "}${address} ${issue.problem}`;
  const params = { head, address, problem: issue.problem };
  return problemText(head ? "pipeline.issue" : "pipeline.rowIssue", params, language);
}

/**
 * Text fields as read: trimmed, runs of spaces made one, the handbook's closing full stop dropped
 * ("Alpha." → "Alpha").
 */
export function cleanText(cell: CellValue): string | null {
  // Most text cells of a large table are tidy, hence not blank: taken without another look.
  if (typeof cell === "string" && isTidy(cell)) return withoutClosingStop(cell);
  if (cells.isBlank(cell)) return null;
  const raw = String(cell);
  return withoutClosingStop(isTidy(raw) ? raw : raw.trim().replace(/\s+/g, " "));
}

/** "Alpha." → "Alpha"; "Etc..." stays. */
function withoutClosingStop(text: string): string {
  if (text.charCodeAt(text.length - 1) !== 46) return text; // no full stop at the end: most texts
  return text.length > 1 && !text.endsWith("..") ? text.slice(0, -1).trimEnd() : text;
}

/**
 * True when trimming and collapsing spaces would leave `text` as it is: single ordinary spaces
 * between characters that are not spaces. Only ASCII and the alphabets below U+1680 (which hold no
 * space of any kind) are looked at; any other character sends the text the long way. Most cells of
 * a large table pass, and are kept without a regular expression (six text fields a deal).
 */
export function isTidy(text: string): boolean {
  tidyHash(text);
  return walked.verdict !== NOT_TIDY;
}

/**
 * What tidyHash found of the text it was last given: not tidy; tidy ASCII that cleanText keeps as
 * it is (no closing full stop); any other tidy text.
 */
const NOT_TIDY = 0;
const KEPT_ASCII = 1;
const TIDY = 2;

/**
 * tidyHash's verdict on the text it was last given, set beside the hash it returns rather than
 * returned in its place: a hash or a sentinel beyond 32 bits made the hash a float, turned to and
 * from an integer on each id's way to RepeatedKeys.setHash.
 */
const walked = { verdict: NOT_TIDY };

/**
 * isTidy, and for a tidy text of ASCII characters its caseless hash (caselessKeys.ts) in the same
 * walk: a deal's id is looked at for both, one pass over its characters instead of two (its last
 * one, a closing full stop or not, included). The verdict (NOT_TIDY...) in `walked`; the hash is
 * the key's only when it says KEPT_ASCII.
 */
function tidyHash(text: string): number {
  let afterSpace = true; // a leading space is not tidy
  let ascii = true;
  let hash = CASELESS_START;
  let c = 0;
  walked.verdict = NOT_TIDY;
  for (let i = 0; i < text.length; i++) {
    c = text.charCodeAt(i);
    if (c > 32 && c < 127) afterSpace = false;
    else if (c === 32) {
      if (afterSpace) return hash;
      afterSpace = true;
    } else if (c >= 0xc0 && c < 0x1680) {
      afterSpace = false;
      ascii = false;
    } else return hash;
    hash = caselessStep(hash, c);
  }
  if (!afterSpace) walked.verdict = ascii && c !== 46 ? KEPT_ASCII : TIDY;
  return hash;
}

/** Each field's label, by language. */
const LABELS: Readonly<Record<Language, Record<PipelineField, string>>> = {
  en: labelsIn("en"),
  fr: labelsIn("fr"),
};

function labelsIn(language: Language): Record<PipelineField, string> {
  return Object.fromEntries(
    PIPELINE_FIELDS.map((f) => [f.field, fieldLabelIn(f, language)])
  ) as Record<PipelineField, string>;
}

function shownOf(cell: CellValue): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

/**
 * What names a deal (countingRows' RowCells.identity), in the order the total rules look at it: a
 * close date is most often a number, told from a blank without reading the memory it points to,
 * and the id is read anyway; two of them settle most rows without reading their company's text.
 */
const IDENTITY_FIELDS = ["closeDate", "id", "company", "contact", "product"] as const;

/** The one RowCells of a reading, its cells refilled with each row's. */
type RowLayout = { cells: readonly CellValue[] } & RowCells;

/**
 * Where each kind of cell sits in a row of the user's table, for countingRows: one RowCells refilled
 * with each row's cells (the rules read it before the next row is asked for), not one per row.
 */
function rowLayout(
  mapping: ColumnMapping<PipelineField>,
  header?: readonly CellValue[]
): RowLayout {
  const colOf = (fields: readonly PipelineField[]) =>
    fields.map((f) => mapping[f]).filter((c): c is number => c !== null);
  return {
    cells: [],
    read: colOf(PIPELINE_FIELDS.map((f) => f.field)),
    identity: colOf(IDENTITY_FIELDS),
    amount: mapping.amount,
    probability: mapping.probability,
    header,
  };
}

/** The cell of a mapped column, blank when the column is not mapped. */
function cellIn(row: readonly CellValue[], col: number | null): CellValue {
  return col === null ? null : row[col];
}

function figureOf(cell: CellValue): number | null {
  const reading = readAmount(cell);
  return reading.kind === "value" ? reading.value : null;
}

/** readPipelineRows in steps of STEP_ROWS rows (steps.ts): the pane pauses between them. */
export function* pipelineReadingSteps(
  rows: readonly (readonly CellValue[])[],
  mapping: ColumnMapping<PipelineField>,
  options: PipelineReadOptions = {}
): Steps<PipelineReading> {
  const reader = new PipelineReader(rows, mapping, options);
  try {
    for (let start = 0; start < rows.length; start += STEP_ROWS) {
      reader.read(start, Math.min(start + STEP_ROWS, rows.length));
      yield;
    }
    return reader.finish();
  } finally {
    reader.release();
  }
}

export function readPipelineRows(
  rows: readonly (readonly CellValue[])[],
  mapping: ColumnMapping<PipelineField>,
  options: PipelineReadOptions = {}
): PipelineReading {
  return runSteps(pipelineReadingSteps(rows, mapping, options));
}

/**
 * Reads the rows in order, a block at a time: countingRows says what each row is, a deal's fields
 * go into the table's columns (dealTable.ts), its problems to the report.
 */
class PipelineReader {
  private readonly deals: DealColumnsBuilder;
  private count = 0;
  private readonly issues: PipelineIssue[] = [];
  private readonly totalRows: number[] = [];
  private readonly headerRows: number[] = [];
  private blankRows = 0;
  private readonly layout: RowLayout;
  private readonly counter: RowCounter;
  private readonly scale = new ProbabilityScaleWatch();
  private readonly report: RowReport;
  private readonly stages: StageRules;
  /**
   * The texts read as codes as the rows are read: the fields the forecast groups by, and the stage
   * (read anyway); a few texts fill each down a column. The others are read again when asked for.
   */
  private readonly coded: Partial<Record<"owner" | "product" | "stage", TextCodes>> = {};
  /**
   * The columns setTexts reads on every deal, with their codes: taken once, where they are in
   * `coded` and `mapping` (two objects more to load and check on each deal).
   */
  private readonly textColumns: {
    readonly owner: { readonly codes: TextCodes; readonly col: number } | null;
    readonly product: { readonly codes: TextCodes; readonly col: number } | null;
    readonly id: number | null;
  };
  /** Each deal's id, hashed as it is read, to find the repeats once all are read. */
  private readonly ids: RepeatedKeys;
  /** The language the report speaks (options.language, else English), and the readers' options for it. */
  private readonly language: Language;
  private readonly speaking: { readonly language: Language };
  /**
   * The columns readPlainDeals reads, when it may read rows (see there), and its deals' category and
   * sources, the same for all when the table has no stage column; else null.
   */
  private readonly plainColumns: {
    readonly closeDate: number;
    readonly amount: number;
    readonly probability: number;
    readonly sources: SourceCodes | null;
  } | null;

  constructor(
    private readonly rows: readonly (readonly CellValue[])[],
    private readonly mapping: ColumnMapping<PipelineField>,
    private readonly options: PipelineReadOptions
  ) {
    this.deals = readingColumns(rows.length);
    this.layout = rowLayout(mapping, options.header);
    this.counter = new RowCounter(
      lastFigureRow(rows.length, (r) => this.rowCells(r)),
      figureOf,
      () => this.totalsSoFar()
    );
    this.language = options.language ?? "en";
    this.speaking = { language: this.language };
    this.report = new RowReport(mapping, this.issues, this.language);
    this.stages = new StageRules(options.stageTable ?? []);
    for (const field of ["owner", "product", "stage"] as const)
      if (mapping[field] !== null)
        this.coded[field] = new TextCodes(rows.length, cleanText, this.deals.codesRoom(field));
    this.ids = new RepeatedKeys(rows.length);
    const coded = (field: "owner" | "product") => {
      const codes = this.coded[field];
      return codes === undefined ? null : { codes, col: mapping[field]! };
    };
    this.textColumns = { owner: coded("owner"), product: coded("product"), id: mapping.id };
    const { closeDate, amount, probability } = mapping;
    this.plainColumns =
      closeDate === null ||
      amount === null ||
      probability === null ||
      mapping.category !== null ||
      options.probabilityScale === "points"
        ? null
        : { closeDate, amount, probability, sources: this.plainSources() };
  }

  read(start: number, end: number): void {
    const { rows, counter, layout } = this;
    let plainRows = 0; // counted here, not in the watch a row at a time (a load and a store each)
    // The deals these rows may hold, as readPlainDeals reads them (readDeal sets its own again).
    const sources = this.plainColumns?.sources;
    if (sources) this.deals.setSourceCodes(this.count, this.count + end - start, sources);
    for (let r = start; r < end; r++) {
      // A plain deal's close date (a cell naming the deal) and amount are numbers, which makes its
      // row a deal (countingRows' kindOf): most rows are read without asking kindOf, which would
      // look at the same cells again (some 0.35 ms over 100,000 rows).
      const plainEnd = this.readPlainDeals(r, end);
      // Their rows once a run (deal i is mostly row i), not a check a deal in readPlainDeals.
      this.deals.setRows(this.count, this.count + plainEnd - r, r);
      this.count += plainEnd - r;
      plainRows += plainEnd - r;
      r = plainEnd;
      if (r === end) break;
      layout.cells = rows[r];
      const kind = counter.kindOf(layout, r);
      if (kind === "blank") this.blankRows++;
      else if (kind === "header") {
        this.headerRows.push(r);
        this.issues.push(rowIssue(r, "header", this.said("pipeline.headerRow")));
      } else if (kind === "total") {
        this.totalRows.push(r);
        this.issues.push(rowIssue(r, "total", this.said("pipeline.totalRow")));
      } else this.readDeal(rows[r], r, this.count++);
    }
    this.scale.seeFractions(plainRows);
  }

  /** Row r's cells as countingRows sees them (the one RowCells of the reading, refilled). */
  private rowCells(r: number): RowCells {
    this.layout.cells = this.rows[r];
    return this.layout;
  }

  /** A problem of the reading, said in its language. */
  private said(key: ReadingProblemKey, params?: Readonly<Record<string, string>>): string {
    return problemText(key, params, this.language);
  }

  /** The running totals of the deals read so far, counted by the rules (asked at one row at most). */
  private totalsSoFar() {
    const sums = new RowCounter(-1, figureOf);
    const { amounts, probabilities } = this.deals;
    const orNull = (x: number) => (x === x ? x : null); // NaN: no figure
    for (let d = 0; d < this.count; d++) sums.counted(orNull(amounts[d]), orNull(probabilities[d]));
    return sums.running();
  }

  /**
   * readDeal of the rows from `start` on whose close date, amount and probability are plain Excel
   * numbers (plain…), the table having no category column and the probabilities read as fractions:
   * such a row is a deal (its close date and amount are numbers: see countingRows' kindOf) with no
   * problem to report, and most rows of a large table are such rows. Reads them as deals this.count
   * on, up to the first row that is not such a row (returned, `end` when all are), which kindOf then
   * sorts (readDeal reads its deals); nothing is set of that row. The loop alone in its function
   * (see caselessKeys' markPlaces), and the function the compiler optimises as a whole: it then
   * inlines what it calls (setTexts and the TextCodes and hashes under it), where a function of one
   * row, called from the loop, was compiled apart with them, and the loop called it, and it setId,
   * on every row (some 0.5 ms over 100,000 rows). The caller counts the deals and sets their rows,
   * tells the probability scale's watch (ProbabilityScaleWatch.seeFractions), and sets the deals'
   * category and sources when they are plainColumns.sources (a block at a time).
   */
  private readPlainDeals(start: number, end: number): number {
    const { plainColumns: plain, deals, rows } = this;
    const { owner, product, id } = this.textColumns;
    if (plain === null) return start;
    // The columns and the deals' count in locals, the deals' rows and count set by the caller once
    // the run is read: loads, checks and stores a deal fewer.
    const { closeDates, amounts, probabilities } = deals;
    let r = start;
    let d = this.count;
    for (; r < end; r++, d++) {
      const row = rows[r];
      const closeDate = cells.date(row[plain.closeDate]);
      const amount = cells.amount(row[plain.amount]);
      const probability = cells.probability(row[plain.probability]);
      if (closeDate === undefined || amount === undefined || probability === undefined) break;
      closeDates[d] = closeDate;
      amounts[d] = amount;
      probabilities[d] = probability;
      if (plain.sources === null) this.setPlainSources(row, d, probability);
      // setTexts, said here: a call of it on every row was compiled apart, not inlined.
      if (owner !== null) owner.codes.setCell(d, row[owner.col]);
      if (product !== null) product.codes.setCell(d, row[product.col]);
      if (id !== null) this.setId(d, row[id]);
    }
    return r;
  }

  /** readPlainDeals' category and sources of deal d, when its stage says them (a stage column). */
  private setPlainSources(row: readonly CellValue[], d: number, probability: number): void {
    const category = this.stages.closing(this.setStage(row, d));
    this.deals.setSources(
      d,
      category,
      categorySource(null, category),
      probabilitySource(probability, false)
    );
  }

  /**
   * What readPlainDeals sets of every deal's category and sources when there is no stage column: no
   * category typed, a probability in its cell.
   */
  private plainSources(): SourceCodes | null {
    if (this.coded.stage !== undefined) return null;
    const category = this.stages.closing(null);
    const typedProbability = 0; // any number in the probability cell
    return sourceCodesOf(
      category,
      categorySource(null, category),
      probabilitySource(typedProbability, false)
    );
  }

  /** Deal d's stage, coded from its cell (null when the table has no stage column). */
  private setStage(row: readonly CellValue[], d: number): string | null {
    const stageCodes = this.coded.stage;
    if (stageCodes === undefined) return null;
    stageCodes.setCell(d, row[this.mapping.stage!]);
    return stageCodes.texts[stageCodes.codes[d]];
  }

  /** Deal d's texts read as it is read: its owner and product as codes, its id's hash. */
  private setTexts(row: readonly CellValue[], d: number): void {
    const { owner, product, id } = this.textColumns;
    if (owner !== null) owner.codes.setCell(d, row[owner.col]);
    if (product !== null) product.codes.setCell(d, row[product.col]);
    if (id !== null) this.setId(d, row[id]);
  }

  /**
   * One deal row of the user's table into deal `d`, read with domain.md's rules. Excel numbers are
   * taken as they are without a Reading (plain…); anything else is read in full. Its texts are read
   * from the cells when asked for (DealTexts).
   */
  private readDeal(row: readonly CellValue[], r: number, d: number): void {
    const { report, mapping, deals } = this;
    report.begin(r);
    const dateCell = cellIn(row, mapping.closeDate);
    const plainDate = cells.date(dateCell);
    const closeDate =
      plainDate ?? (mapping.closeDate === null ? null : this.dateOf(row[mapping.closeDate]));
    const amountCell = cellIn(row, mapping.amount);
    const plain = cells.amount(amountCell);
    const amount = plain ?? report.value("amount", readAmount(amountCell, this.speaking));
    // A plain amount is no blank cell: only the others are looked at again.
    const amountBlank = plain === undefined && cells.isBlank(amountCell);
    const stage = this.setStage(row, d);
    const typed =
      mapping.category === null
        ? null
        : typedCategory(row[mapping.category], report, this.language);
    const category = typed ?? this.stages.closing(stage);
    const probabilityCell = cellIn(row, mapping.probability);
    this.scale.see(probabilityCell);
    const plainTyped =
      this.options.probabilityScale === "points" ? undefined : cells.probability(probabilityCell);
    const probabilityBlank = plainTyped === undefined && cells.isBlank(probabilityCell);
    const probability =
      plainTyped ?? this.probabilityOf(probabilityCell, probabilityBlank, stage, category, amount);
    if (amountBlank) report.say("amount", "missing", null, this.said("pipeline.amountBlank"));
    deals.setRow(d, r);
    deals.closeDates[d] = closeDate ?? NaN;
    deals.amounts[d] = amount ?? NaN;
    deals.probabilities[d] = probability ?? NaN;
    deals.setSources(
      d,
      category,
      categorySource(typed, category),
      probabilitySource(probability, probabilityBlank)
    );
    this.setTexts(row, d);
    const lines = report.rowLines();
    if (lines !== null) deals.issues.set(d, lines);
  }

  /** Deal d's id, from its cell, for the repeats found once all are read. */
  private setId(d: number, cell: CellValue): void {
    // A text cleanText keeps as it is (tidy, no closing full stop) and ASCII, as most ids are, is
    // hashed in the walk that finds it so; the others are read, then hashed.
    if (typeof cell === "string") {
      const hash = tidyHash(cell);
      if (walked.verdict === KEPT_ASCII) return this.ids.setHash(d, hash);
    }
    this.ids.set(d, cleanText(cell));
  }

  /** The close date of a deal's cell that is not a plain serial; an unreadable one is reported. */
  private dateOf(cell: CellValue): number | null {
    const { dayFirst } = this.options;
    return this.report.value("closeDate", readDate(cell, { dayFirst, language: this.language }));
  }

  /** The probability typed on the deal, else its stage's default, else 1 / 0 for Won / Lost. */
  private probabilityOf(
    typed: CellValue,
    blank: boolean,
    stage: string | null,
    category: ForecastCategory | null,
    amount: number | null
  ): number | null {
    const { report } = this;
    if (!blank) {
      const points =
        this.options.probabilityScale === "points" &&
        typeof typed === "number" &&
        typed >= 0 &&
        typed <= 100;
      const cell = points ? typed / 100 : typed;
      return (
        cells.probability(cell) ?? report.value("probability", readProbability(cell, this.speaking))
      );
    }
    const byStage = this.stages.probability(stage);
    if (byStage !== null) return byStage;
    if (category === "Won" || category === "Lost") return category === "Won" ? 1 : 0;
    // An omitted deal counts nowhere: it needs no probability, and a blank one is not a problem.
    if (category === "Omitted") return null;
    if (amount !== null)
      report.say(
        "probability",
        "missing",
        null,
        stage
          ? this.said("pipeline.probabilityBlankStage", { stage })
          : this.said("pipeline.probabilityBlank")
      );
    return null;
  }

  /** Gives back the room the ids and the columns were kept in (a reading cancelled before its end). */
  release(): void {
    this.ids.release();
    this.deals.release();
  }

  finish(): PipelineReading {
    const { mapping } = this;
    const table = this.deals.build(this.count, {
      cells: this.rows,
      cellRows: this.deals.rows === null ? null : this.deals.rows.subarray(0, this.count),
      columns: {
        id: mapping.id,
        company: mapping.company,
        contact: mapping.contact,
        product: mapping.product,
        owner: mapping.owner,
        stage: mapping.stage,
      },
      read: cleanText,
      coded: this.coded,
    });
    this.reportRepeatedIds(table);
    const { issues, totalRows, headerRows, blankRows } = this;
    return {
      table,
      get deals() {
        return table.toArray();
      },
      issues,
      totalRows,
      headerRows,
      blankRows,
      probabilitiesLookLikePoints:
        this.options.probabilityScale !== "points" && this.scale.looksLikePoints(),
    };
  }

  /**
   * Ids must be unique, whatever their case: a repeat is reported on the later row (the deal is
   * kept), after that row's other problems. Found once every row is read (caselessKeys.ts), and put
   * in the report in row order.
   */
  private reportRepeatedIds(table: DealTable): void {
    const idOf = table.text("id");
    const { at, first } = this.ids.find(table.length, idOf);
    if (at.length === 0) return;
    const repeats: PipelineIssue[] = [];
    const report = new RowReport(this.mapping, repeats, this.language);
    at.forEach((d, k) => {
      const row = this.deals.rowOf(d);
      const id = idOf(d);
      report.begin(row);
      report.say(
        "id",
        "duplicate",
        id,
        this.said("pipeline.duplicateId", { row: String(this.deals.rowOf(first[k]) + 1) })
      );
      this.deals.issues.set(d, [...(this.deals.issues.get(d) ?? []), ...report.rowLines()!]);
    });
    const merged: PipelineIssue[] = [];
    let k = 0;
    for (const issue of this.issues) {
      while (k < repeats.length && repeats[k].row < issue.row) merged.push(repeats[k++]);
      merged.push(issue);
    }
    merged.push(...repeats.slice(k));
    this.issues.splice(0, this.issues.length, ...merged);
  }
}

/**
 * The stage table's default probability and the closing category (Won, Lost, Omitted) of each stage,
 * worked out once a stage: the rules normalise the text, and a stage column holds a few stages down
 * a million rows. Kept for the first MOST_STAGES stages only, so a column of all-different texts
 * costs no more than the rules themselves.
 */
class StageRules {
  private readonly known = new Map<
    string,
    { probability: number | null; closing: ClosedCategory | null }
  >();

  /** What closingStatus says of no stage (no deal without a stage is closed by it). */
  private readonly closingOfNone = closingStatus(null);

  constructor(private readonly table: readonly StageDefault[]) {}

  probability(stage: string | null): number | null {
    return stage === null ? null : this.of(stage).probability;
  }

  closing(stage: string | null): ClosedCategory | null {
    return stage === null ? this.closingOfNone : this.of(stage).closing;
  }

  private of(stage: string) {
    let rules = this.known.get(stage);
    if (rules === undefined) {
      rules = { probability: stageProbability(this.table, stage), closing: closingStatus(stage) };
      if (this.known.size < MOST_STAGES) this.known.set(stage, rules);
    }
    return rules;
  }
}

const MOST_STAGES = 1000;

/** Where a deal's category came from: its own cell when typed, else its stage (none without one). */
function categorySource(typed: ForecastCategory | null, category: ForecastCategory | null) {
  return typed ? "deal" : category === null ? null : "stage";
}

/**
 * Where a deal's probability came from: the deal's when its cell holds one, else its stage's (or
 * Won / Lost's); none without a probability.
 */
function probabilitySource(probability: number | null, blank: boolean) {
  return probability === null ? null : blank ? "stage" : "deal";
}

/** The forecast category typed on the deal (null when blank); an unknown one is reported. */
function typedCategory(
  cell: CellValue,
  report: RowReport,
  language: Language
): ForecastCategory | null {
  const typed = readCategory(cell);
  if (typed === undefined)
    report.say(
      "category",
      "unreadable",
      shownOf(cell),
      problemText("pipeline.notACategory", {}, language)
    );
  return typed ?? null;
}

/** Numbers typed in the probability column: all in 1–100 with some above 1 looks like 20, 50, 75. */
class ProbabilityScaleWatch {
  private numbers = 0;
  private aboveOne = 0;
  private aboveHundred = 0;

  /** see() of `count` numbers in [0, 1] (plainProbability's): numbers, none above 1. */
  seeFractions(count: number): void {
    this.numbers += count;
  }

  see(cell: CellValue): void {
    if (typeof cell !== "number") return;
    this.numbers++;
    if (cell > 1) this.aboveOne++;
    if (cell > 100) this.aboveHundred++;
  }

  looksLikePoints(): boolean {
    return this.numbers > 0 && this.aboveOne > 0 && this.aboveHundred === 0;
  }
}

/**
 * Collects each row's problems, both for the report (with the column) and the deal's Issues cell.
 * One for the whole reading, started again on each row: a row without problems costs no allocation.
 */
class RowReport {
  private row = 0;
  private lines: string[] | null = null;

  private readonly labels: Record<PipelineField, string>;

  constructor(
    private readonly mapping: ColumnMapping<PipelineField>,
    private readonly issues: PipelineIssue[],
    language: Language
  ) {
    this.labels = LABELS[language];
  }

  begin(row: number): void {
    this.row = row;
    this.lines = null;
  }

  /** The row's problems, in words, for the deal's Issues cell; null when it has none. */
  rowLines(): string[] | null {
    return this.lines;
  }

  say(field: PipelineField, kind: PipelineIssue["kind"], shown: string | null, problem: string) {
    const label = this.labels[field];
    this.issues.push({
      row: this.row,
      col: this.mapping[field],
      kind,
      field: label,
      shown,
      problem,
    });
    (this.lines ??= []).push(`${label}${shown ? " " + shown : ""} ${problem}`);
  }

  /** The reading's value; an unreadable cell is reported and gives null. */
  value<T>(field: PipelineField, reading: Reading<T>): T | null {
    if (reading.kind === "error") {
      this.say(field, "unreadable", reading.shown, reading.problem);
      return null;
    }
    return reading.kind === "value" ? reading.value : null;
  }
}

/** A whole row left out (a total, a repeated header), as the report says it after "Row at <address>". */
function rowIssue(row: number, kind: "total" | "header", problem: string): PipelineIssue {
  return { row, col: null, kind, field: null, shown: null, problem };
}
