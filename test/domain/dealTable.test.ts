/**
 * dealTable.ts: the deals column by column give back the deals they were made from, and a reading's
 * table the deals it read, whether its texts are read again from the cells or kept as codes.
 */
import fc from "fast-check";
import { PIPELINE_FIELDS, recogniseColumns } from "../../src/domain/columns";
import { type Deal, FORECAST_CATEGORIES } from "../../src/domain/deal";
import { DealTable, TextCodes } from "../../src/domain/dealTable";
import { cleanText, readPipelineRows } from "../../src/domain/pipelineTable";

const text = fc.option(fc.constantFrom("Anne", "Bruno", "  Claire. ", "D-1", "é"), { nil: null });
const anyDeal: fc.Arbitrary<Deal> = fc.record({
  row: fc.nat(1000),
  id: text,
  closeDate: fc.option(fc.integer({ min: 1, max: 60000 }), { nil: null }),
  company: text,
  contact: text,
  product: text,
  amount: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
  probability: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  probabilitySource: fc.constantFrom(null, "deal" as const, "stage" as const),
  owner: text,
  stage: text,
  category: fc.constantFrom(null, ...FORECAST_CATEGORIES),
  categorySource: fc.constantFrom(null, "deal" as const, "stage" as const),
  issues: fc.array(fc.string(), { maxLength: 2 }),
});

describe("a table of deals", () => {
  it("gives back the deals it was made of, texts as they were", () => {
    fc.assert(
      fc.property(fc.array(anyDeal, { maxLength: 20 }), (deals) => {
        const table = DealTable.of(deals);
        expect(table.toArray()).toEqual(deals);
        deals.forEach((deal, i) => expect(table.at(i)).toEqual(deal));
      })
    );
  });

  it("read from cells, gives the reading's deals, its owners and products kept as codes", () => {
    const header = ["Id", "Company", "Owner", "Product", "Stage", "Amount", "Probability"];
    const cells = [
      ["D-1", "Alpha.", "Anne", "  Produit A ", "Proposal", 1000, 0.2],
      ["D-2", "Bêta", "Anne.", "Produit A", null, 2000, 0.5],
      ["D-3", null, null, "Produit B", "Proposal", 4000, null],
    ];
    const reading = readPipelineRows(cells, recogniseColumns(header, PIPELINE_FIELDS));
    const { table } = reading;
    expect(table.textCodes("owner")?.texts).toEqual([null, "Anne"]);
    expect(table.textCodes("product")?.texts).toEqual([null, "Produit A", "Produit B"]);
    expect(table.textCodes("company")).toBeUndefined();
    expect([0, 1, 2].map(table.text("owner"))).toEqual(["Anne", "Anne", null]);
    expect([0, 1, 2].map(table.text("company"))).toEqual(["Alpha", "Bêta", null]);
    expect(reading.deals.map((d) => [d.id, d.company, d.owner, d.product, d.stage])).toEqual([
      ["D-1", "Alpha", "Anne", "Produit A", "Proposal"],
      ["D-2", "Bêta", "Anne", "Produit A", null],
      ["D-3", null, null, "Produit B", "Proposal"],
    ]);
  });
});

describe("a text field as codes", () => {
  it("keeps every text of a column of more than 65,536 different texts", () => {
    const cells = Array.from({ length: 70_000 }, (_, i) => `Company ${i % 69_000}`);
    const codes = new TextCodes(cells.length, cleanText);
    cells.forEach((cell, i) => codes.setCell(i, cell));
    expect(codes.texts).toHaveLength(69_001);
    expect(cells.every((cell, i) => codes.texts[codes.codes[i]] === cell)).toBe(true);
  });

  it("tells apart texts of the same length, first and last characters, in any order", () => {
    const texts = ["Anne Martin", "Alan Martin", "Anne Marvin", "Anne Martin.", " Anne Martin"];
    const cells = Array.from({ length: 40 }, (_, i) => texts[(i * 7) % texts.length]);
    const codes = new TextCodes(cells.length, cleanText);
    cells.forEach((cell, i) => codes.setCell(i, cell));
    expect(cells.map((_, i) => codes.texts[codes.codes[i]])).toEqual(cells.map(cleanText));
    expect(codes.texts).toEqual([null, "Anne Martin", "Anne Marvin", "Alan Martin"]);
  });

  it("codes texts taking turns down a column, whichever slots they share", () => {
    // "Anne Martin" and "Emma Rossi" once shared a slot; "Anne Martin" and "Ewan Martin" share
    // their first (length, last character) and are told apart in their second (first character).
    const owners = ["Anne Martin", "Emma Rossi", "Ewan Martin", "Claire Dubois", "Ivan Martin"];
    const cells = Array.from({ length: 200 }, (_, i) => owners[(i * 3 + Math.floor(i / 7)) % 5]);
    const codes = new TextCodes(cells.length, cleanText);
    cells.forEach((cell, i) => codes.setCell(i, cell));
    expect(cells.map((_, i) => codes.texts[codes.codes[i]])).toEqual(cells);
    expect(codes.texts.slice(1).sort()).toEqual([...owners].sort());
  });

  it("gives each cell the code of its text as read, one code a text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom("A", "A.", " A ", "B", "", null), fc.integer()), {
          maxLength: 30,
        }),
        (cells) => {
          const codes = new TextCodes(cells.length, cleanText);
          cells.forEach((cell, i) => codes.setCell(i, cell));
          expect(cells.map((_, i) => codes.texts[codes.codes[i]])).toEqual(cells.map(cleanText));
          expect(new Set(codes.texts).size).toBe(codes.texts.length);
        }
      )
    );
  });
});
