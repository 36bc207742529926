/**
 * Reading the user's own sales table (the "carnet commercial") into deals, with a data-quality report.
 * Every cell that cannot be read is reported with its row, column and reason; total and subtotal rows
 * are recognised and left out; nothing is guessed silently: a probability column typed 20, 50, 75 is
 * reported (and flagged so the pane can offer reading it as percentage points), not assumed.
 */
import type { ColumnMapping, PipelineField } from "./columns";
import { PIPELINE_FIELDS } from "./columns";
import { readDate } from "./dates";
import type { Deal, ForecastCategory } from "./deal";
import { isTotalLabel } from "./pipeline";
import { categoryOfStage, readCategory, type StageDefault, stageProbability } from "./stages";
import { type CellValue, isBlankCell, readAmount, readProbability, type Reading } from "./values";

export interface PipelineReadOptions {
  readonly stageTable?: readonly StageDefault[];
  /** "points": numbers like 20 mean 20 % (the user said so in the pane). Default "fraction". */
  readonly probabilityScale?: "fraction" | "points";
  /** For dd/mm/yyyy dates when the workbook's locale is known. */
  readonly dayFirst?: boolean;
}

/** One line of the data-quality report. Rows and columns are 0-based within the data (below the header). */
export interface PipelineIssue {
  readonly row: number;
  readonly col: number | null;
  readonly kind: "unreadable" | "missing" | "total" | "duplicate";
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
  readonly blankRows: number;
  /** True when the probability column holds numbers above 1 that all fit 0–100: offer "percentage points". */
  readonly probabilitiesLookLikePoints: boolean;
}

/** The report line as the pane shows it: "Probability 20 at Sheet1!F3 is above 1: write 20% or 0.2". */
export function issueText(issue: PipelineIssue, address: string): string {
  const head = [issue.field, issue.shown].filter((s) => s !== null && s !== "").join(" ");
  return `${head ? head + " at " : "Row at "}${address} ${issue.problem}`;
}

/** Text fields as read: trimmed, the handbook's closing full stop dropped ("Alpha." → "Alpha"). */
export function cleanText(cell: CellValue): string | null {
  if (isBlankCell(cell)) return null;
  const text = String(cell).trim().replace(/\s+/g, " ");
  return text.length > 1 && text.endsWith(".") && !text.endsWith("..")
    ? text.slice(0, -1).trimEnd()
    : text;
}

const LABEL: Record<PipelineField, string> = Object.fromEntries(
  PIPELINE_FIELDS.map((f) => [f.field, f.label])
) as Record<PipelineField, string>;

function shownOf(cell: CellValue): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

function matchesTotal(value: number, totals: number[]): boolean {
  return totals.some((t) => t !== 0 && Math.abs(value - t) <= Math.max(1, Math.abs(t) * 0.005));
}

export function readPipelineRows(
  rows: readonly (readonly CellValue[])[],
  mapping: ColumnMapping<PipelineField>,
  options: PipelineReadOptions = {}
): PipelineReading {
  const deals: Deal[] = [];
  const issues: PipelineIssue[] = [];
  const totalRows: number[] = [];
  let blankRows = 0;
  let plain = 0;
  let weighted = 0;
  let numericProbabilities = 0;
  let aboveOne = 0;
  let aboveHundred = 0;
  const points = options.probabilityScale === "points";
  const mappedCols = (Object.values(mapping) as (number | null)[]).filter(
    (c): c is number => c !== null
  );
  const ids = new Map<string, number>();

  let lastRow = rows.length - 1;
  while (lastRow >= 0 && mappedCols.every((c) => isBlankCell(rows[lastRow][c]))) lastRow--;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const cell = (field: PipelineField): CellValue => {
      const col = mapping[field];
      return col === null ? null : row[col];
    };
    if (mappedCols.every((c) => isBlankCell(row[c]))) {
      blankRows++;
      continue;
    }
    // Totals: a label says so and nothing else names a deal (a customer called "Total" with a contact
    // or a product is a deal), or the table's last row holds one figure repeating the total above it.
    const identityFields = ["company", "contact", "product", "id", "closeDate"] as const;
    const label = row.findIndex((c) => isTotalLabel(c));
    if (label >= 0 && identityFields.every((f) => mapping[f] === label || isBlankCell(cell(f)))) {
      totalRows.push(r);
      issues.push(totalIssue(r));
      continue;
    }
    const identity = identityFields.every((f) => isBlankCell(cell(f)));
    if (identity && r === lastRow) {
      const figures = (["amount", "probability"] as const)
        .map((f) => cell(f))
        .filter((c) => !isBlankCell(c))
        .map((c) => readAmount(c));
      if (
        figures.length === 1 &&
        figures[0].kind === "value" &&
        matchesTotal(figures[0].value, [plain, weighted])
      ) {
        totalRows.push(r);
        issues.push(totalIssue(r));
        continue;
      }
    }

    const rowIssues: string[] = [];
    const report = (
      field: PipelineField,
      kind: PipelineIssue["kind"],
      shown: string | null,
      problem: string
    ) => {
      issues.push({ row: r, col: mapping[field], kind, field: LABEL[field], shown, problem });
      rowIssues.push(`${LABEL[field]}${shown ? " " + shown : ""} ${problem}`);
    };
    const read = <T>(field: PipelineField, reading: Reading<T>): T | null => {
      if (reading.kind === "error") {
        report(field, "unreadable", reading.shown, reading.problem);
        return null;
      }
      return reading.kind === "value" ? reading.value : null;
    };

    const closeDate =
      mapping.closeDate === null
        ? null
        : read("closeDate", readDate(cell("closeDate"), { dayFirst: options.dayFirst }));
    const amount = read("amount", readAmount(cell("amount")));
    const stage = cleanText(cell("stage"));
    let category: ForecastCategory | null = null;
    if (mapping.category !== null) {
      const c = readCategory(cell("category"));
      if (c === undefined)
        report(
          "category",
          "unreadable",
          shownOf(cell("category")),
          "is not a forecast category: write Commit, Best case, Pipeline, Omitted, Won or Lost"
        );
      else category = c;
    }
    category ??= categoryOfStage(stage);

    const probabilityCell = cell("probability");
    let probability: number | null = null;
    let probabilitySource: Deal["probabilitySource"] = null;
    if (typeof probabilityCell === "number") {
      numericProbabilities++;
      if (probabilityCell > 1) aboveOne++;
      if (probabilityCell > 100) aboveHundred++;
    }
    if (!isBlankCell(probabilityCell)) {
      const scaled =
        points &&
        typeof probabilityCell === "number" &&
        probabilityCell >= 0 &&
        probabilityCell <= 100
          ? probabilityCell / 100
          : probabilityCell;
      probability = read("probability", readProbability(scaled));
      if (probability !== null) probabilitySource = "deal";
    } else {
      const byStage = stageProbability(options.stageTable ?? [], stage);
      if (byStage !== null) {
        probability = byStage;
        probabilitySource = "stage";
      } else if (category === "Won" || category === "Lost") {
        probability = category === "Won" ? 1 : 0;
        probabilitySource = "stage";
      } else if (amount !== null)
        report(
          "probability",
          "missing",
          null,
          stage
            ? `is blank and stage "${stage}" has no default probability: type one or add the stage to the stage table`
            : "is blank: type one, or give the deal a stage with a default probability"
        );
    }
    if (isBlankCell(cell("amount")))
      report(
        "amount",
        "missing",
        null,
        "is blank: a deal needs an amount to count in the forecast"
      );

    const id = cleanText(cell("id"));
    if (id !== null) {
      const seen = ids.get(id.toLowerCase());
      if (seen !== undefined)
        report("id", "duplicate", id, `repeats the id of data row ${seen + 1}: ids must be unique`);
      else ids.set(id.toLowerCase(), r);
    }

    if (amount !== null) {
      plain += amount;
      if (probability !== null) weighted += amount * probability;
    }
    deals.push({
      row: r,
      id,
      closeDate,
      company: cleanText(cell("company")),
      contact: cleanText(cell("contact")),
      product: cleanText(cell("product")),
      amount,
      probability,
      probabilitySource,
      owner: cleanText(cell("owner")),
      stage,
      category,
      issues: rowIssues,
    });
  }
  return {
    deals,
    issues,
    totalRows,
    blankRows,
    probabilitiesLookLikePoints:
      !points && aboveOne > 0 && aboveHundred === 0 && numericProbabilities > 0,
  };
}

function totalIssue(row: number): PipelineIssue {
  return {
    row,
    col: null,
    kind: "total",
    field: null,
    shown: null,
    problem: "is a total or subtotal row: left out so that it is not counted twice",
  };
}
