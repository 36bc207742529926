/**
 * Reading the user's own sales table (the "carnet commercial") into deals, with a data-quality report.
 * Every cell that cannot be read is reported with its row, column and reason; total and subtotal rows,
 * and rows repeating the header, are recognised and left out; nothing is guessed silently: a
 * probability column typed 20, 50, 75 is reported (and flagged so the pane can offer reading it as
 * percentage points), not assumed.
 */
import type { ColumnMapping, PipelineField } from "./columns";
import { PIPELINE_FIELDS } from "./columns";
import { plainDateSerial, readDate } from "./dates";
import type { Deal, ForecastCategory } from "./deal";
import { CaselessFirstRows } from "./caselessKeys";
import { closingStatus, lastFigureRow, RowCounter, type RowCells } from "./countingRows";
import { readCategory, type StageDefault, stageProbability } from "./stages";
import {
  type CellValue,
  isBlankCell,
  plainAmount,
  plainProbability,
  readAmount,
  readProbability,
  type Reading,
} from "./values";

export interface PipelineReadOptions {
  readonly stageTable?: readonly StageDefault[];
  /** "points": numbers like 20 mean 20 % (the user said so in the pane). Default "fraction". */
  readonly probabilityScale?: "fraction" | "points";
  /** For dd/mm/yyyy dates when the workbook's locale is known. */
  readonly dayFirst?: boolean;
  /** The table's header row (same columns as the rows): a row repeating it is left out and reported. */
  readonly header?: readonly CellValue[];
}

/** One line of the data-quality report. Rows and columns are 0-based within the data (below the header). */
export interface PipelineIssue {
  readonly row: number;
  readonly col: number | null;
  readonly kind: "unreadable" | "missing" | "total" | "header" | "duplicate";
  /** The field's label ("Probability"), or null for a whole row. */
  readonly field: string | null;
  /** The cell's text as typed, when the issue is one cell. */
  readonly shown: string | null;
  /** Why, phrased to follow "<field> <shown> at <address> ". */
  readonly problem: string;
}

export interface PipelineReading {
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

/** The report line as the pane shows it: "Probability 20 at Sheet1!F3 is above 1: write 20% or 0.2". */
export function issueText(issue: PipelineIssue, address: string): string {
  const head = [issue.field, issue.shown].filter((s) => s !== null && s !== "").join(" ");
  return `${head ? head + " at " : "Row at "}${address} ${issue.problem}`;
}

/**
 * Text fields as read: trimmed, runs of spaces made one, the handbook's closing full stop dropped
 * ("Alpha." → "Alpha").
 */
export function cleanText(cell: CellValue): string | null {
  if (isBlankCell(cell)) return null;
  const raw = String(cell);
  const text = isTidy(raw) ? raw : raw.trim().replace(/\s+/g, " ");
  return text.length > 1 && text.endsWith(".") && !text.endsWith("..")
    ? text.slice(0, -1).trimEnd()
    : text;
}

/**
 * True when trimming and collapsing spaces would leave `text` as it is: single ordinary spaces
 * between characters that are not spaces. Only ASCII and the alphabets below U+1680 (which hold no
 * space of any kind) are looked at; any other character sends the text the long way. Most cells of
 * a large table pass, and are kept without a regular expression (six text fields a deal).
 */
export function isTidy(text: string): boolean {
  let afterSpace = true; // a leading space is not tidy
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (afterSpace) return false;
      afterSpace = true;
    } else if ((c > 32 && c < 127) || (c >= 0xc0 && c < 0x1680)) afterSpace = false;
    else return false;
  }
  return !afterSpace;
}

const LABEL: Record<PipelineField, string> = Object.fromEntries(
  PIPELINE_FIELDS.map((f) => [f.field, f.label])
) as Record<PipelineField, string>;

function shownOf(cell: CellValue): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

const IDENTITY_FIELDS = ["company", "contact", "product", "id", "closeDate"] as const;

/**
 * Where each kind of cell sits in a row of the user's table, for countingRows: one RowCells refilled
 * with each row's cells (the rules read it before the next row is asked for), not one per row.
 */
function rowLayout(mapping: ColumnMapping<PipelineField>, header?: readonly CellValue[]) {
  const colOf = (fields: readonly PipelineField[]) =>
    fields.map((f) => mapping[f]).filter((c): c is number => c !== null);
  const layout: { cells: readonly CellValue[] } & Omit<RowCells, "cells"> = {
    cells: [],
    read: colOf(PIPELINE_FIELDS.map((f) => f.field)),
    identity: colOf(IDENTITY_FIELDS),
    amount: mapping.amount,
    probability: mapping.probability,
    header,
  };
  return (cells: readonly CellValue[]): RowCells => {
    layout.cells = cells;
    return layout;
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

export function readPipelineRows(
  rows: readonly (readonly CellValue[])[],
  mapping: ColumnMapping<PipelineField>,
  options: PipelineReadOptions = {}
): PipelineReading {
  const deals: Deal[] = [];
  const issues: PipelineIssue[] = [];
  const totalRows: number[] = [];
  const headerRows: number[] = [];
  let blankRows = 0;
  const layout = rowLayout(mapping, options.header);
  const counter = new RowCounter(
    lastFigureRow(rows.length, (r) => layout(rows[r])),
    figureOf
  );
  const scale = new ProbabilityScaleWatch();
  const ids = new CaselessFirstRows();
  const report = new RowReport(mapping, issues);
  for (let r = 0; r < rows.length; r++) {
    const kind = counter.kindOf(layout(rows[r]), r);
    if (kind === "blank") blankRows++;
    else if (kind === "header") {
      headerRows.push(r);
      issues.push(rowIssue(r, "header", "repeats the header: left out"));
    } else if (kind === "total") {
      totalRows.push(r);
      issues.push(
        rowIssue(r, "total", "is a total or subtotal row: left out so that it is not counted twice")
      );
    } else {
      scale.see(cellIn(rows[r], mapping.probability));
      const deal = readDealRow(rows[r], r, mapping, options, { report, ids });
      counter.counted(deal.amount, deal.probability);
      deals.push(deal);
    }
  }
  return {
    deals,
    issues,
    totalRows,
    headerRows,
    blankRows,
    probabilitiesLookLikePoints: options.probabilityScale !== "points" && scale.looksLikePoints(),
  };
}

/** Numbers typed in the probability column: all in 1–100 with some above 1 looks like 20, 50, 75. */
class ProbabilityScaleWatch {
  private numbers = 0;
  private aboveOne = 0;
  private aboveHundred = 0;

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

/** Shared by every deal read without a problem (most of them): frozen, so no reader can add to it. */
const NO_ISSUES: readonly string[] = Object.freeze([]);

/**
 * Collects each row's problems, both for the report (with the column) and the deal's Issues cell.
 * One for the whole reading, started again on each row: a row without problems costs no allocation.
 */
class RowReport {
  private row = 0;
  private lines: string[] | null = null;

  constructor(
    private readonly mapping: ColumnMapping<PipelineField>,
    private readonly issues: PipelineIssue[]
  ) {}

  begin(row: number): void {
    this.row = row;
    this.lines = null;
  }

  /** The row's problems, in words, for the deal's Issues cell. */
  rowLines(): readonly string[] {
    return this.lines ?? NO_ISSUES;
  }

  say(field: PipelineField, kind: PipelineIssue["kind"], shown: string | null, problem: string) {
    const label = LABEL[field];
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

/** One deal row of the user's table, read with domain.md's rules; its problems go to the report. */
function readDealRow(
  row: readonly CellValue[],
  r: number,
  mapping: ColumnMapping<PipelineField>,
  options: PipelineReadOptions,
  seen: { report: RowReport; ids: CaselessFirstRows }
): Deal {
  const { report } = seen;
  report.begin(r);
  // Excel numbers are taken as they are without a Reading (plain…); anything else is read in full.
  const dateCell = cellIn(row, mapping.closeDate);
  const closeDate =
    mapping.closeDate === null
      ? null
      : (plainDateSerial(dateCell) ??
        report.value("closeDate", readDate(dateCell, { dayFirst: options.dayFirst })));
  const amountCell = cellIn(row, mapping.amount);
  const amount = plainAmount(amountCell) ?? report.value("amount", readAmount(amountCell));
  const stage = cleanText(cellIn(row, mapping.stage));
  const { category, categorySource } = categoryOf(row, mapping, stage, report);
  const { probability, probabilitySource } = probabilityOf(
    cellIn(row, mapping.probability),
    { stage, category, amount },
    options,
    report
  );
  if (isBlankCell(amountCell))
    report.say(
      "amount",
      "missing",
      null,
      "is blank: a deal needs an amount to count in the forecast"
    );
  const id = cleanText(cellIn(row, mapping.id));
  checkUniqueId(id, r, seen.ids, report);
  return {
    row: r,
    id,
    closeDate,
    company: cleanText(cellIn(row, mapping.company)),
    contact: cleanText(cellIn(row, mapping.contact)),
    product: cleanText(cellIn(row, mapping.product)),
    amount,
    probability,
    probabilitySource,
    owner: cleanText(cellIn(row, mapping.owner)),
    stage,
    category,
    categorySource,
    issues: report.rowLines(),
  };
}

/** The forecast category typed on the deal, else the closing one its stage says (Won, Lost, Omitted). */
function categoryOf(
  row: readonly CellValue[],
  mapping: ColumnMapping<PipelineField>,
  stage: string | null,
  report: RowReport
): Pick<Deal, "category" | "categorySource"> {
  if (mapping.category !== null) {
    const typed = readCategory(row[mapping.category]);
    if (typed) return { category: typed, categorySource: "deal" };
    if (typed === undefined)
      report.say(
        "category",
        "unreadable",
        shownOf(row[mapping.category]),
        "is not a forecast category: write Commit, Best case, Pipeline, Omitted, Won or Lost"
      );
  }
  const byStage = closingStatus(stage);
  return { category: byStage, categorySource: byStage === null ? null : "stage" };
}

/** The probability typed on the deal, else its stage's default, else 1 / 0 for Won / Lost. */
function probabilityOf(
  typed: CellValue,
  deal: { stage: string | null; category: ForecastCategory | null; amount: number | null },
  options: PipelineReadOptions,
  report: RowReport
): { probability: number | null; probabilitySource: Deal["probabilitySource"] } {
  if (!isBlankCell(typed)) {
    const points =
      options.probabilityScale === "points" &&
      typeof typed === "number" &&
      typed >= 0 &&
      typed <= 100;
    const cell = points ? typed / 100 : typed;
    const probability =
      plainProbability(cell) ?? report.value("probability", readProbability(cell));
    return { probability, probabilitySource: probability === null ? null : "deal" };
  }
  const byStage = stageProbability(options.stageTable ?? [], deal.stage);
  if (byStage !== null) return { probability: byStage, probabilitySource: "stage" };
  if (deal.category === "Won" || deal.category === "Lost")
    return { probability: deal.category === "Won" ? 1 : 0, probabilitySource: "stage" };
  // An omitted deal counts nowhere: it needs no probability, and a blank one is not a problem.
  if (deal.category === "Omitted") return { probability: null, probabilitySource: null };
  if (deal.amount !== null)
    report.say(
      "probability",
      "missing",
      null,
      deal.stage
        ? `is blank and stage "${deal.stage}" has no default probability: type one or add the stage to the stage table`
        : "is blank: type one, or give the deal a stage with a default probability"
    );
  return { probability: null, probabilitySource: null };
}

/** Ids must be unique, whatever their case: a repeat is reported on the later row (the deal is kept). */
function checkUniqueId(id: string | null, r: number, ids: CaselessFirstRows, report: RowReport) {
  if (id === null) return;
  const seen = ids.firstRow(id, r);
  if (seen !== undefined)
    report.say("id", "duplicate", id, `repeats the id of data row ${seen + 1}: ids must be unique`);
}

/** A whole row left out (a total, a repeated header), as the report says it after "Row at <address>". */
function rowIssue(row: number, kind: "total" | "header", problem: string): PipelineIssue {
  return { row, col: null, kind, field: null, shown: null, problem };
}
