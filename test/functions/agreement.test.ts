/**
 * The formula and the pane agree: over generated sales tables (amounts and percentages typed in every
 * form the rules read, blank rows, subtotals, a labelled total row, a trailing lone figure, unreadable
 * cells, deals won, lost or omitted in French or English, some with no probability), WEIGHTED_PIPELINE
 * over the four columns gives the pane's weighted total of the same
 * columns, the functions' reading leaves out the same total rows, and the formula is #VALUE! exactly
 * when the pane reports a deal's amount or probability as unreadable or missing. (Before countingRows
 * the two readers disagreed on a dated last row holding one figure, and on "Total" in a dated row's
 * amount cell.)
 */
import fc from "fast-check";
import type { ColumnMapping, PipelineField } from "../../src/domain/columns";
import { weightedTotal } from "../../src/domain/countingRows";
import { readPipelineColumns } from "../../src/domain/pipeline";
import { readPipelineRows } from "../../src/domain/pipelineTable";
import type { CellValue } from "../../src/domain/values";
import { weightedPipeline } from "../../src/functions/functions";
import { CustomFunctionError } from "../../src/workbench/custom-functions-shim";

/** Close date, amount, probability, and the deal's status (its forecast category). */
type Row = [CellValue, CellValue, CellValue, CellValue?];

const MAPPING: ColumnMapping<PipelineField> = {
  closeDate: 0,
  amount: 1,
  probability: 2,
  company: null,
  contact: null,
  product: null,
  owner: null,
  stage: null,
  category: 3,
  id: null,
};

const grouped = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

const amountCell = fc
  .tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 7 }))
  .map(([n, form]): CellValue => {
    switch (form) {
      case 0:
        return n;
      case 1:
        return `${grouped(n, " ")} €`;
      case 2:
        return `€${grouped(n, ",")}`;
      case 3:
        return `${grouped(n, "\u00a0")},50 €`;
      case 4:
        return `EUR ${n}`;
      case 5:
        return `${grouped(n, " ")} €.`;
      case 6:
        return `(${grouped(n, " ")})`;
      default:
        return String(n);
    }
  });

const probabilityCell = fc
  .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 5 }))
  .map(([k, form]): CellValue => {
    const points = k * 5;
    switch (form) {
      case 0:
        return points / 100;
      case 1:
        return `${points}%`;
      case 2:
        return `${points} %`;
      case 3:
        return `${points} %.`;
      case 4:
        return `${points + 2},5 %`;
      default:
        return String(points / 100);
    }
  });

const dateCell = fc.constantFrom<CellValue>(
  null,
  37715,
  "2003-04-04",
  "4 avril 2003.",
  "April 3, 2003",
  "25/12/2003"
);

/** What can go wrong in a typed cell: ambiguous, a percentage out of range, an Excel error. */
const badCell = fc.constantFrom<CellValue>("1,000", "120 %", "#N/A", "soon", "1.000");

/** A status: closed (in French or English), open, or a word the pane reports and both read as open. */
const statusCell = fc.constantFrom<CellValue>(
  null,
  null,
  null,
  "Won",
  "Lost",
  "Omitted",
  "Gagné",
  "Closed lost",
  "Commit",
  "Proposal"
);

/** A deal, its probability sometimes left blank when its status closes it (won deals need none). */
const dealRow: fc.Arbitrary<Row> = fc
  .tuple(dateCell, amountCell, probabilityCell, statusCell, fc.boolean())
  .map(([date, amount, probability, status, blank]) => {
    const closed = status !== null && !["Commit", "Proposal"].includes(status as string);
    return [date, amount, closed && blank ? null : probability, status];
  });

type Piece =
  | { kind: "deal"; row: Row }
  | { kind: "blank" }
  | { kind: "subtotal"; figure: CellValue }
  | { kind: "bad"; row: Row };

const piece: fc.Arbitrary<Piece> = fc.oneof(
  {
    weight: 8,
    arbitrary: dealRow.map((row) => ({ kind: "deal" as const, row })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "blank" as const }) },
  { weight: 1, arbitrary: amountCell.map((figure) => ({ kind: "subtotal" as const, figure })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        dateCell,
        fc.oneof(amountCell, badCell),
        fc.oneof(probabilityCell, badCell, fc.constant(null)),
        statusCell
      )
      .map((row) => ({ kind: "bad" as const, row: row as Row })),
  }
);

/** How the table ends: nothing, a labelled total row, a lone figure repeating a total, trailing blanks. */
const ending = fc.constantFrom(
  "none",
  "labelled",
  "lone plain",
  "lone weighted",
  "blanks",
  "dated lone",
  "label in amount"
);

function table(
  pieces: Piece[],
  end: string,
  weightedOf: (rows: Row[]) => number,
  plainOf: (rows: Row[]) => number
): Row[] {
  const rows: Row[] = pieces.map((p) =>
    p.kind === "deal" || p.kind === "bad"
      ? p.row
      : p.kind === "blank"
        ? [null, null, null]
        : ["Sous-total", p.figure, null]
  );
  if (end === "labelled")
    rows.push([
      "Total probabilisé du carnet commercial",
      null,
      `${Math.round(weightedOf(rows))} €`,
    ]);
  if (end === "lone plain") rows.push([null, plainOf(rows), null]);
  if (end === "lone weighted") rows.push([null, null, weightedOf(rows)]);
  if (end === "blanks") rows.push([null, null, null], [null, null, null]);
  // A row that names a deal (its date) is not a total, whatever its figure or its amount cell says.
  if (end === "dated lone") rows.push(["2003-06-30", plainOf(rows), null]);
  if (end === "label in amount") rows.push(["2003-06-30", "Total", weightedOf(rows)]);
  return rows;
}

const column = (rows: Row[], i: number) => rows.map((r) => [r[i] ?? null]);

/** The formula as Excel calls it, over the three columns: its value, or its #VALUE! message. */
function formula(rows: Row[]): { value: number } | { error: string } {
  try {
    const statuses = column(rows, 3);
    return {
      value: weightedPipeline(
        column(rows, 1),
        column(rows, 2),
        column(rows, 0),
        null,
        null,
        statuses
      ),
    };
  } catch (error) {
    expect(error).toBeInstanceOf(CustomFunctionError);
    return { error: (error as Error).message };
  }
}

function paneReading(rows: Row[]) {
  return readPipelineRows(rows, MAPPING);
}

const paneWeighted = (rows: Row[]) => weightedTotal(paneReading(rows).deals);
const panePlain = (rows: Row[]) => paneReading(rows).deals.reduce((s, d) => s + (d.amount ?? 0), 0);

describe("the formula and the pane read a sales table alike", () => {
  it("give the same weighted total, the same total rows, and fail on the same tables", () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 0, maxLength: 25 }), ending, (pieces, end) => {
        const rows = table(pieces, end, paneWeighted, panePlain);
        const pane = paneReading(rows);
        const figureProblems = pane.issues.filter(
          (i) =>
            (i.field === "Amount" || i.field === "Probability" || i.field === "Close date") &&
            i.kind !== "total"
        );
        const result = formula(rows);
        if ("error" in result) {
          expect(figureProblems.length).toBeGreaterThan(0);
          return;
        }
        expect(figureProblems).toEqual([]);
        expect(result.value).toBeCloseTo(weightedTotal(pane.deals), 6);
        const { totalRows } = readPipelineColumns(
          {
            amounts: column(rows, 1),
            probabilities: column(rows, 2),
            closeDates: column(rows, 0),
            statuses: column(rows, 3),
          },
          () => undefined
        );
        expect(totalRows).toEqual(pane.totalRows.map((r) => r + 1));
      }),
      { numRuns: 400 }
    );
  });

  it("leave out the handbook's total row, both of them", () => {
    const rows: Row[] = [
      ["4 avril 2003.", "1 000 €", "20 %."],
      ["3 avril 2003.", "2 000 €", "50 %."],
      ["3 avril 2003", "4 000 €", "75 %."],
      ["Total probabilisé du carnet commercial", null, "4 200 €"],
    ];
    expect(formula(rows)).toEqual({ value: expect.closeTo(4200, 6) });
    expect(paneReading(rows).totalRows).toEqual([3]);
  });
});
