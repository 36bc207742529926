import {
  countsInForecast,
  isOpen,
  isTotalLabel,
  lastFigureRow,
  repeatsTotal,
  repeatsHeader,
  RowCounter,
  type RowCells,
  weightedAmount,
  weightedAmounts,
  weightedTotal,
} from "../../src/domain/countingRows";
import { FORECAST_CATEGORIES } from "../../src/domain/deal";
import { DealTable } from "../../src/domain/dealTable";
import fc from "fast-check";
import type { CellValue } from "../../src/domain/values";
import { readAmount } from "../../src/domain/values";

/** Rows of [label or date, company, amount, probability]: company and date name the deal. */
function kinds(rows: CellValue[][]): string[] {
  const layout = (cells: CellValue[]): RowCells => ({
    cells,
    read: [0, 1, 2, 3],
    identity: [0, 1],
    amount: 2,
    probability: 3,
  });
  const figure = (cell: CellValue) => {
    const r = readAmount(cell);
    return r.kind === "value" ? r.value : null;
  };
  const counter = new RowCounter(
    lastFigureRow(rows.length, (i) => layout(rows[i])),
    figure
  );
  return rows.map((cells, i) => {
    const kind = counter.kindOf(layout(cells), i);
    if (kind === "deal") counter.counted(figure(cells[2]), 0.5); // every deal at 50 %
    return kind;
  });
}

describe("which rows of a sales table count", () => {
  it("reads the handbook's Tableau 399: three deals and the weighted total row", () => {
    expect(
      kinds([
        ["4 avril 2003.", "Alpha.", "1 000 €", "20 %."],
        ["3 avril 2003.", "Bêta.", "2 000 €", "50 %."],
        ["3 avril 2003", "Gamma.", "4 000 €", "75 %."],
        ["Total probabilisé du carnet commercial", null, null, "4 200 €"],
      ])
    ).toEqual(["deal", "deal", "deal", "total"]);
  });

  it("knows total labels in French and English, and nothing that merely starts with Total", () => {
    for (const label of [
      "Total",
      "Sous-total T2",
      "Subtotal",
      "sub total",
      "Grand total",
      "TOTAL Q1",
    ])
      expect(isTotalLabel(label)).toBe(true);
    for (const text of ["Totalement neuf", "Totality", "Le total", 42, null])
      expect(isTotalLabel(text)).toBe(false);
  });

  it("counts a customer called Total as a deal: something else names it", () => {
    expect(kinds([["2003-04-04", "Total", "3 000 €", "50 %"]])).toEqual(["deal"]);
    expect(kinds([[null, "Total", "3 000 €", null]])).toEqual(["total"]);
  });

  it("takes the last row's lone figure for a total only when it repeats the plain or weighted total", () => {
    const deals = [
      ["2003-04-04", "Alpha", "1 000 €", "20 %"],
      ["2003-04-05", "Bêta", "3 000 €", "20 %"],
    ];
    expect(kinds([...deals, [null, null, "4 000", null]])).toEqual(["deal", "deal", "total"]);
    expect(kinds([...deals, [null, null, null, "2 000"]])).toEqual(["deal", "deal", "total"]);
    // Half a per cent or one unit of slack, no more.
    expect(kinds([...deals, [null, null, "4 019", null]])).toEqual(["deal", "deal", "total"]);
    expect(kinds([...deals, [null, null, "4 100", null]])).toEqual(["deal", "deal", "deal"]);
  });

  it("does not take a lone figure further up for a total: that is a deal missing its probability", () => {
    expect(
      kinds([
        ["2003-04-04", "Alpha", "1 000 €", "20 %"],
        [null, null, "1 000", null],
        ["2003-04-05", "Bêta", "3 000 €", "20 %"],
      ])
    ).toEqual(["deal", "deal", "deal"]);
  });

  it("still finds the last figure's total above trailing rows without figures", () => {
    expect(
      kinds([
        ["2003-04-04", "Alpha", "1 000 €", "20 %"],
        [null, null, "1 000", null],
        [null, "a note", null, null],
        [null, null, null, null],
      ])
    ).toEqual(["deal", "total", "unfigured", "blank"]);
  });

  it("leaves out a row repeating the header, as the table's own or as Carnet's column names", () => {
    const deals = [
      ["2003-04-04", "Alpha", "1 000 €", "20 %"],
      ["2003-04-05", "Bêta", "3 000 €", "20 %"],
    ];
    // Without the table's header (the functions), Carnet's names for the columns.
    expect(
      kinds([deals[0], ["Date jalon", "Société", "Montant", "Probabilité."], deals[1]])
    ).toEqual(["deal", "header", "deal"]);
    expect(kinds([deals[0], [null, null, "Amount", "Probability"]])).toEqual(["deal", "header"]);
    // One name is not a header, nor is a row with a figure or a deal's own name beside the names.
    expect(kinds([[null, null, "Montant", null]])).toEqual(["deal"]);
    expect(kinds([["Date jalon", "Société", "1 000 €", "Probabilité"]])).toEqual(["deal"]);
    expect(kinds([["Date jalon", "Alpha", "Montant", "Probabilité"]])).toEqual(["deal"]);
    // With the header, the table's own names count too; the total before a trailing header repeat is still found.
    const header = ["Jalon", "Client final", "Valeur estimée", "Chance"];
    const layout = (cells: CellValue[]): RowCells => ({
      cells,
      read: [0, 1, 2, 3],
      identity: [0, 1],
      amount: 2,
      probability: 3,
      header,
    });
    const rows: CellValue[][] = [
      ...deals,
      [null, null, "4 000", null],
      ["jalon", "Client final.", "VALEUR ESTIMÉE", "Chance"],
    ];
    expect(repeatsHeader(layout(rows[3]))).toBe(true);
    expect(repeatsHeader({ ...layout(rows[3]), header: undefined })).toBe(false);
    expect(lastFigureRow(rows.length, (i) => layout(rows[i]))).toBe(2);
  });

  it("holds rows of Excel numbers to the same rules: totals by label or figure, names, blanks", () => {
    const deals = [
      [37715, "Alpha", 1000, 0.2],
      [37716, "Bêta", 3000, 0.2],
    ];
    // A number in the figures says neither blank nor header, but a total is still one.
    expect(kinds([...deals, [null, "Total", 4000, null], [null, null, null, null]])).toEqual([
      "deal",
      "deal",
      "total",
      "blank",
    ]);
    expect(kinds([...deals, ["Sous-total", null, null, 0.5]])).toEqual(["deal", "deal", "total"]);
    expect(kinds([...deals, [null, null, 4000, null]])).toEqual(["deal", "deal", "total"]);
    expect(kinds([...deals, [null, null, null, 2000]])).toEqual(["deal", "deal", "total"]);
    expect(kinds([...deals, [null, null, 4100, null]])).toEqual(["deal", "deal", "deal"]);
    // A date or a second name beside the label makes the row a deal; so do names beside a figure.
    expect(kinds([[37715, "Total", 4000, null]])).toEqual(["deal"]);
    expect(kinds([["Date jalon", "Société", 1000, "Probabilité"]])).toEqual(["deal"]);
    expect(kinds([[null, "Alpha", null, 0.5], deals[0]])).toEqual(["deal", "deal"]);
  });

  it("calls a deal any row with a number naming it and a number in its figures, wherever it stands", () => {
    // What pipelineTable's readPlainDeals takes for granted of a row whose date and amount are
    // numbers, without asking kindOf: labels, column names and totals around them change nothing.
    const text = fc.constantFrom(
      "Total",
      "Sous-total T2",
      "Amount",
      "Probability",
      "Alpha",
      " ",
      ""
    );
    const cell = fc.oneof(text, fc.double(), fc.constant(null));
    const row = fc.tuple(cell, cell, cell, cell, cell, cell);
    const layout = (cells: CellValue[], named: number, figure: number): RowCells => ({
      cells,
      read: [0, 1, 2, 3, 4, 5],
      identity: [0, 1, 2, named],
      amount: figure,
      probability: figure === 4 ? 5 : 4,
      header: ["Total", "Amount", "Probability", "Date", "Montant", "Chance"],
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.constantFrom(0, 1, 2, 3),
        fc.constantFrom(4, 5),
        fc.double({ noNaN: true }),
        fc.double({ noNaN: true }),
        (rows, at, named, figure, date, amount) => {
          const i = at % rows.length;
          const cells: CellValue[] = [...rows[i]];
          cells[named] = date;
          cells[figure] = amount;
          const all = rows.map((r, k) => (k === i ? cells : [...r]));
          const counter = new RowCounter(
            lastFigureRow(all.length, (k) => layout(all[k], named, figure)),
            (c) => (typeof c === "number" ? c : null),
            () => ({ plain: amount, weighted: amount })
          );
          expect(counter.kindOf(layout(cells, named, figure), i)).toBe("deal");
        }
      ),
      { numRuns: 500 }
    );
  });

  it("never takes a lone figure for a total of zero", () => {
    expect(repeatsTotal(0, 0)).toBe(false);
    expect(repeatsTotal(0.5, 0, 1000)).toBe(false);
    expect(repeatsTotal(1000, 0, 1000)).toBe(true);
  });
});

describe("the weighted total", () => {
  const deal = (
    amount: number | null,
    probability: number | null,
    category: string | null = null
  ) => ({ amount, probability, category }) as Parameters<typeof weightedAmount>[0];

  it("is 4 200 for the handbook's three deals", () => {
    expect(weightedTotal([deal(1000, 0.2), deal(2000, 0.5), deal(4000, 0.75)])).toBeCloseTo(4200);
  });

  it("counts open deals with an amount and a probability, nothing else", () => {
    const deals = [
      deal(1000, 0.2),
      deal(5000, 1, "Won"),
      deal(5000, 0, "Lost"),
      deal(7000, 0.9, "Omitted"),
      deal(2000, null),
      deal(null, 0.5),
      deal(3000, 0.5, "Commit"),
    ];
    expect(deals.map(countsInForecast)).toEqual([true, false, false, false, false, false, true]);
    expect(deals.map(weightedAmount)).toEqual([200, null, null, null, null, null, 1500]);
    expect(weightedTotal(deals)).toBe(1700);
    expect(isOpen({ category: "Best case" })).toBe(true);
    expect(isOpen({})).toBe(true);
  });

  it("is weightedAmount's for every deal of a table, read from its columns", () => {
    const anyDeal = fc.record({
      amount: fc.option(fc.integer({ min: -5000, max: 5000 }), { nil: null }),
      probability: fc.option(fc.constantFrom(0, 0.2, 0.5, 1), { nil: null }),
      category: fc.constantFrom(null, ...FORECAST_CATEGORIES),
    });
    fc.assert(
      fc.property(fc.array(anyDeal, { maxLength: 30 }), (figures) => {
        const deals = figures.map((f, row) => ({
          ...f,
          row,
          id: null,
          closeDate: null,
          company: null,
          contact: null,
          product: null,
          probabilitySource: null,
          owner: null,
          stage: null,
          issues: [],
        }));
        const table = DealTable.of(deals);
        const weighted = weightedAmounts(table.columns, table.length);
        expect([...weighted].map((w) => (Number.isNaN(w) ? null : w))).toEqual(
          deals.map(weightedAmount)
        );
      })
    );
  });
});
