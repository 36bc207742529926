/**
 * Where a table lies around the selection, decided on the cells alone: its header under title and
 * group rows, its top across a blank row above the selection, its end at a block that does not look
 * like its rows.
 */
import {
  carriedTable,
  ColumnProfile,
  headerIn,
  headerOfBlock,
  headerScore,
  looksLikeData,
  type Row,
  type TableExtent,
} from "../../src/domain/tableExtent";
import type { CellValue } from "../../src/domain/values";

const HEADER = ["Id", "Date jalon", "Société", "Montant", "Probabilité", "Commercial"];
const deal = (n: number): CellValue[] => [
  `D-${n}`,
  `2003-04-${String(1 + (n % 28)).padStart(2, "0")}`,
  `Client ${n}`,
  `${1000 + 100 * n} €`,
  `${10 * (1 + (n % 9))} %`,
  n % 2 ? "Anne" : "Bruno",
];
const deals = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => deal(from + i));
const BLANK: CellValue[] = HEADER.map(() => null);

/** The table around a region given as [first, last] rows (inclusive, as a person counts them from 0). */
function around(rows: CellValue[][], region: [number, number], side: number[] = []) {
  return carriedTable({
    rows,
    regionTop: region[0],
    regionEnd: region[1] + 1,
    side: (r) => side.includes(r),
  }) as TableExtent;
}

describe("the header row", () => {
  it("is the row naming the most of Carnet's columns, under a title and a group row", () => {
    const rows: Row[] = [
      ["Carnet commercial — printemps 2003", null, null, null, null, null],
      ["Affaire", null, null, "Montants", "Avancement", null],
      HEADER,
      ...deals(1, 3),
    ];
    expect(headerScore(rows[0])).toBe(0);
    expect(headerScore(rows[1])).toBe(0);
    expect(headerScore(HEADER)).toBe(6);
    expect(headerIn(rows, 0, rows.length)).toBe(2);
    expect(headerOfBlock(rows, 0, rows.length)).toBe(2);
  });

  it("knows a product-range table's header as well as a pipeline's", () => {
    expect(headerScore(["Gamme", "Part de marché", "Marge"])).toBe(3);
  });

  it("is never a row of data, even one whose cells start like column names", () => {
    // "Client 1" starts like "client", "Produit A" like "produit": but the row holds a date and amounts.
    expect(headerScore(deal(1))).toBeGreaterThan(0);
    expect(looksLikeData(deal(1))).toBe(true);
    expect(headerIn(deals(1, 3), 0, 3)).toBeNull();
    expect(headerOfBlock(deals(1, 3), 0, 3)).toBe(0);
  });

  it("is the first row of two cells or more when no row names a column: a one-cell title is not", () => {
    const rows: Row[] = [
      ["Pipeline", null, null],
      ["Kunde", "Wert", "Chance"],
      ["Alpha", 1000, 0.2],
    ];
    expect(headerIn(rows, 0, 3)).toBeNull();
    expect(headerOfBlock(rows, 0, 3)).toBe(1);
  });
});

describe("the table around the selection, up across a blank row", () => {
  it("finds the header above a deleted deal's blank row when the selection is below it", () => {
    const rows = [HEADER, ...deals(1, 5), BLANK, ...deals(6, 9)];
    expect(around(rows, [7, 10])).toEqual({ header: 0, end: 11, blockTop: 0, leftOut: null });
  });

  it("crosses several blank rows, and a block starting by repeating the header", () => {
    const rows = [HEADER, ...deals(1, 3), BLANK, ...deals(4, 5), BLANK, HEADER, ...deals(6, 8)];
    expect(around(rows, [8, 11])).toMatchObject({ header: 0, end: 12 });
  });

  it("keeps a block with a header of its own, or titles above its header, as a table of its own", () => {
    const other = ["Gamme", "Part de marché", "Marge", "Volume", "Marché", "Ventes"];
    const rows = [HEADER, ...deals(1, 3), BLANK, other, ["Produit A", 0.1, 1000, 10, 100, 5000]];
    expect(around(rows, [5, 6])).toMatchObject({ header: 5, end: 7 });
    const titled = [HEADER, ...deals(1, 3), BLANK, ["Suite", null, null, null, null, null], HEADER];
    expect(around([...titled, ...deals(4, 5)], [5, 8])).toMatchObject({ header: 6, blockTop: 5 });
  });

  it("does not join a block of another shape above: other columns, cells beside it, other types", () => {
    const narrow = [
      [...HEADER.slice(0, 4), null, null],
      ...deals(1, 3).map((d) => [...d.slice(0, 4), null, null]),
    ];
    expect(around([...narrow, BLANK, ...deals(4, 6)], [5, 7])).toMatchObject({ header: 5 });
    // A note just beside the block above: Excel's region there is wider than the selection's.
    const rows = [HEADER, ...deals(1, 3), BLANK, ...deals(4, 6)];
    expect(around(rows, [5, 7], [2])).toMatchObject({ header: 5 });
    // Numbers where the deals above hold names and dates.
    const figures = Array.from({ length: 3 }, (_, i) => [i, i * 700, i, 1000, 0.5, 3]);
    expect(around([HEADER, ...deals(1, 3), BLANK, ...figures], [5, 7])).toMatchObject({
      header: 5,
    });
  });

  it("never crosses two blank rows", () => {
    const rows = [HEADER, ...deals(1, 3), BLANK, BLANK, ...deals(4, 6)];
    expect(around(rows, [6, 8])).toMatchObject({ header: 6, end: 9 });
  });

  it("asks for the rows above when the walk up reaches the first row read and the sheet goes higher", () => {
    const rows = [...deals(1, 3), BLANK, ...deals(4, 6)];
    const extent = carriedTable({ rows, regionTop: 4, regionEnd: 7, moreAbove: true });
    expect(extent).toBe("more above");
    expect(carriedTable({ rows, regionTop: 4, regionEnd: 7, moreAbove: false })).toMatchObject({
      header: 4,
    });
  });
});

describe("the table around the selection, down to its end", () => {
  it("crosses single blank rows while the rows below look like its deals, problems and subtotals included", () => {
    const rows: CellValue[][] = [
      HEADER,
      ...deals(1, 3),
      BLANK,
      // Unreadable cells are the deal's problems, not another table.
      ["D-4", "2003-05-02", "Gamma", "deux mille", "50 %", "Anne"],
      ["D-5", "bientôt", "Delta", "1,000", "75 %", "Bruno"],
      BLANK,
      ["Sous-total", null, null, "3 500 €", null, null],
      ...deals(6, 7),
      BLANK,
      ["Total probabilisé du carnet commercial", null, null, null, null, "4 200 €"],
    ];
    expect(around(rows, [0, 3])).toEqual({ header: 0, end: 13, blockTop: 0, leftOut: null });
  });

  it("ends at a blank row followed by a block of formulas' numbers, and says which rows it left out", () => {
    const checks = Array.from({ length: 18 }, (_, i) => [
      i + 1,
      (i + 1) * 700,
      `Semaine ${i + 1}`,
      3700,
      0.4,
      null,
    ]);
    const rows = [HEADER, ...deals(1, 37), BLANK, ...checks, BLANK];
    expect(around(rows, [0, 37])).toEqual({
      header: 0,
      end: 38,
      blockTop: 0,
      leftOut: { first: 39, last: 56 },
    });
  });

  it("ends at a block of another shape: a summary filling two of six columns, or cells beside the table", () => {
    const rows = [
      HEADER,
      ...deals(1, 5),
      BLANK,
      [null, null, "Objectif", "10 000 €", null, null],
      [null, null, "Réalisé", "4 000 €", null, null],
    ];
    expect(around(rows, [0, 5])).toMatchObject({ end: 6, leftOut: { first: 7, last: 8 } });
    const beside = [HEADER, ...deals(1, 5), BLANK, ...deals(6, 8)];
    expect(around(beside, [0, 5], [7, 8, 9])).toMatchObject({
      end: 6,
      leftOut: { first: 7, last: 9 },
    });
  });

  it("ends silently at two blank rows, as before", () => {
    const rows = [
      HEADER,
      ...deals(1, 3),
      BLANK,
      BLANK,
      ["Objectif", null, null, "10 000 €", null, null],
    ];
    expect(around(rows, [0, 3])).toEqual({ header: 0, end: 4, blockTop: 0, leftOut: null });
  });
});

describe("what a column holds", () => {
  it("takes a number in a column of dates only as a date from 1950 to 2100", () => {
    const profile = new ColumnProfile(HEADER);
    const rows = deals(1, 3);
    profile.add(rows, 0, 3);
    const dated = (date: CellValue) => ["D-9", date, "Client 9", "1 000 €", "20 %", null];
    expect(profile.rowFits(dated(37715))).toBe(true);
    expect(profile.rowFits(["D-9", 12600, 4, "1 000 €", "20 %", null])).toBe(false);
    // One odd cell in a row is the deal's problem: it still looks like a deal.
    expect(profile.rowFits(dated(12600))).toBe(true);
  });
});
