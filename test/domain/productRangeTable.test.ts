import fc from "fast-check";
import { missingFields, PORTFOLIO_FIELDS, recogniseColumns } from "../../src/domain/columns";
import { portfolioMappingProblems, readPortfolioRows } from "../../src/domain/productRangeTable";
import type { CellValue } from "../../src/domain/values";
import { byName, HEADERS_FR, readTen } from "../support/portfolio";

// The issue's ten-range workbook, typed as a sales manager would: one loss-making range (Foxtrot), two equal
// margins (Delta and Echo), a text margin "12 500 €" (Charlie), a blank market volume (Hotel), a share typed
// instead of volumes (Echo), a share typed that agrees with the volumes (India), a blank row and a total row.

describe("the ten-range workbook (issue 5's proof), read", () => {
  const reading = readTen();
  const row = byName(reading.ranges.map((range) => ({ range })));

  it("reads ten ranges, skipping the blank row and leaving out the total row", () => {
    expect(reading.ranges.map((r) => r.name)).toEqual([
      "Alpha",
      "Bravo",
      "Charlie",
      "Delta",
      "Echo",
      "Foxtrot",
      "Golf Élite",
      "Hotel",
      "India",
      "Juliet",
    ]);
    expect(reading.totalRows).toEqual([11]);
    expect(reading.ranges.map((r) => r.row)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10]);
  });

  it("reads the text margin 12 500 € as 12 500", () => {
    expect(row.Charlie.range.margin).toBe(12500);
  });

  it("computes the market share as volume ÷ market volume, or takes the share typed", () => {
    expect(row.Alpha.range.marketShare).toBe(0.3);
    expect(row.Alpha.range.shareSource).toBe("computed");
    expect(row.Charlie.range.marketShare).toBeCloseTo(0.12, 12);
    expect(row.Echo.range.marketShare).toBe(0.08);
    expect(row.Echo.range.shareSource).toBe("given");
    expect(row.India.range.marketShare).toBe(0.3); // 30 % typed, and 60 ÷ 200 agrees
    expect(row.India.range.shareSource).toBe("given");
  });

  it("reports only the blank market volume, at Hotel's cell", () => {
    expect(reading.issues).toEqual([
      {
        row: 8,
        col: 2,
        field: "marketVolume",
        message:
          "market volume at row 9 is blank: give it, or the market share, to place the range on the strength axis",
      },
    ]);
    expect(row.Hotel.range.marketShare).toBeNull();
    expect(row.Hotel.range.issues).toEqual([reading.issues[0].message]);
  });

  it("reads the same table under French headers the same way", () => {
    const french = readTen(HEADERS_FR);
    expect(french.ranges).toEqual(reading.ranges);
    expect(french.totalRows).toEqual([11]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("what stops a product-range table from being read", () => {
  it("names what is missing: the required columns, and a way to the strength axis", () => {
    const mapping = recogniseColumns(["Gamme", "Volume", "CA"], PORTFOLIO_FIELDS);
    expect(missingFields(mapping, PORTFOLIO_FIELDS)).toEqual(["Margin"]);
    expect(portfolioMappingProblems(mapping)).toEqual([
      "no Margin column: pick one",
      "no Market share column, nor Volume and Market volume columns: pick one or the other for the strength axis",
    ]);
    const full = recogniseColumns(HEADERS_FR, PORTFOLIO_FIELDS);
    expect(portfolioMappingProblems(full)).toEqual([]);
    expect(portfolioMappingProblems(full, "relative")).toEqual([
      "no Leader share column: the relative share needs the largest competitor's share",
    ]);
  });

  it("refuses to read without a range column", () => {
    expect(() => readPortfolioRows([["x", 1]], { margin: 1 })).toThrow("no Range column");
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("the data-quality report", () => {
  // Columns: range, volume, market volume, market share, leader share, sales, margin.
  const MAPPING = {
    range: 0,
    volume: 1,
    marketVolume: 2,
    marketShare: 3,
    leaderShare: 4,
    sales: 5,
    margin: 6,
  };
  const OK: CellValue[] = ["Alpha", 100, 1000, "", "20 %", 5000, 1000];
  /** One row, `changes` by column index, read; its messages. */
  const messagesFor = (changes: Record<number, CellValue>, mapping: object = MAPPING) => {
    const row = OK.map((cell, i) => (i in changes ? changes[i] : cell));
    return readPortfolioRows([row], mapping).issues.map((i) => i.message);
  };

  it("has nothing to say about a good row", () => {
    expect(messagesFor({})).toEqual([]);
  });

  it("names the field, the text, the place and the reason for an unreadable cell", () => {
    expect(messagesFor({ 6: "12,500" })).toEqual([
      "margin 12,500 at row 1 is ambiguous: 12,500 may be 12500 or 12,5; write 12500 or 12,5",
    ]);
    expect(messagesFor({ 6: "35 %" })).toEqual([
      "margin 35 % at row 1 is a percentage, not an amount",
    ]);
    expect(messagesFor({ 6: true })).toEqual(["margin TRUE at row 1 is not a number"]);
    expect(messagesFor({ 5: "beaucoup" })).toEqual(["sales beaucoup at row 1 is not a number"]);
  });

  it("gives each issue its cell, and cell addresses when the pane passes them", () => {
    const row = OK.map((cell, i) => (i === 6 ? "12,500" : cell));
    // The pane's table has its header in sheet row 1: data row 0 is sheet row 2.
    const { issues } = readPortfolioRows([row], MAPPING, {
      where: (r, c) => `${"ABCDEFG"[c ?? 0]}${r + 2}`,
    });
    expect(issues).toEqual([
      {
        row: 0,
        col: 6,
        field: "margin",
        message:
          "margin 12,500 at G2 is ambiguous: 12,500 may be 12500 or 12,5; write 12500 or 12,5",
      },
    ]);
  });

  it("refuses impossible volumes and sales", () => {
    expect(messagesFor({ 1: -5 })).toEqual([
      "volume -5 at row 1 is below 0: a volume cannot be negative",
    ]);
    expect(messagesFor({ 2: 0 })).toEqual([
      "market volume 0 at row 1 is 0: a market share needs a market volume above 0",
    ]);
    expect(messagesFor({ 2: 80 })).toEqual([
      "market volume 80 at row 1 is below the volume 100: a market holds at least the range's own volume",
    ]);
    expect(messagesFor({ 5: -100 })).toEqual([
      "sales -100 at row 1 is below 0: sales cannot be negative",
    ]);
  });

  it("refuses market shares above 100 % or below 0, saying how to write points", () => {
    const noVolumes = { 1: "", 2: "" };
    expect(messagesFor({ ...noVolumes, 3: 25 })).toEqual([
      "market share 25 at row 1 is above 1: write 25% or 0.25",
    ]);
    expect(messagesFor({ ...noVolumes, 3: "120 %" })).toEqual([
      "market share 120 % at row 1 is above 100 %: a market share is at most 100 %",
    ]);
    expect(messagesFor({ ...noVolumes, 3: "-5 %" })).toEqual([
      "market share -5 % at row 1 is below 0: a share cannot be negative",
    ]);
  });

  it("flags a typed share more than half a point from volume ÷ market volume, and keeps the typed one", () => {
    const rowWith = (share: CellValue) => OK.map((c, i) => (i === 3 ? share : i === 1 ? 250 : c));
    const { ranges, issues } = readPortfolioRows([rowWith("30 %")], MAPPING);
    expect(issues.map((i) => [i.col, i.message])).toEqual([
      [
        3,
        "market share 30 % at row 1 disagrees with volume ÷ market volume = 25 %: correct one of them; " +
          "the market share given is used",
      ],
    ]);
    expect(ranges[0].marketShare).toBe(0.3);
    expect(readPortfolioRows([rowWith("25,4 %")], MAPPING).issues).toEqual([]);
    expect(readPortfolioRows([rowWith("25,5 %")], MAPPING).issues).toEqual([]); // exactly half a point
    expect(readPortfolioRows([rowWith("25,6 %")], MAPPING).issues).toHaveLength(1);
  });

  it("says which figure is missing for the strength axis", () => {
    expect(messagesFor({ 2: "" })).toEqual([
      "market volume at row 1 is blank: give it, or the market share, to place the range on the strength axis",
    ]);
    expect(messagesFor({ 1: "" })).toEqual([
      "volume at row 1 is blank: give it, or the market share, to place the range on the strength axis",
    ]);
    expect(messagesFor({ 1: "", 2: "" })).toEqual([
      "market share at row 1 is blank: give it, or the volume and the market volume, to place the range on the strength axis",
    ]);
    // With no market share column, only the volumes can give the share.
    const noShare = { ...MAPPING, marketShare: null };
    expect(messagesFor({ 2: "" }, noShare)).toEqual([
      "market volume at row 1 is blank: give it to place the range on the strength axis",
    ]);
    // An unreadable market volume is reported once, not again as missing.
    expect(messagesFor({ 2: "beaucoup" })).toEqual([
      "market volume beaucoup at row 1 is not a number",
    ]);
  });

  it("says when the margin or the sales are blank", () => {
    expect(messagesFor({ 6: "" })).toEqual([
      "margin at row 1 is blank: give the range's contribution margin to classify it",
    ]);
    expect(messagesFor({ 5: " " })).toEqual([
      "sales at row 1 is blank: the range gets no bubble in the chart",
    ]);
  });

  it("checks the leader's share", () => {
    expect(messagesFor({ 4: "" })).toEqual([
      "leader share at row 1 is blank: the relative share needs the largest competitor's share",
    ]);
    expect(messagesFor({ 4: 0 })).toEqual([
      "leader share 0 at row 1 is 0: the relative share divides by the largest competitor's share, give it above 0",
    ]);
    expect(messagesFor({ 4: "95 %" })).toEqual([
      "leader share 95 % at row 1 and the range's own market share 10 % add up to more than 100 %",
    ]);
  });

  it("flags repeated ranges, names compared without case, accents or closing full stop, and keeps both", () => {
    const { ranges, issues } = readPortfolioRows(
      [OK, ["Bêta", 1, 10, "", "", 1, 1], ["ALPHA.", 5, 50, "", "", 1, 1]],
      {
        ...MAPPING,
        leaderShare: null,
      }
    );
    expect(issues.map((i) => [i.row, i.col, i.field, i.message])).toEqual([
      [
        2,
        0,
        "range",
        "range ALPHA. at row 3 repeats the range at row 1: list each range once, or add the rows up",
      ],
    ]);
    expect(ranges).toHaveLength(3);
    expect(ranges[2].issues).toEqual([issues[0].message]);
  });

  it("reports a row without a range name and leaves it out", () => {
    const { ranges, issues } = readPortfolioRows([OK, ["", 5, 50, "", "20 %", 1, 999]], MAPPING);
    expect(ranges.map((r) => r.name)).toEqual(["Alpha"]);
    expect(issues.map((i) => [i.row, i.field, i.message])).toEqual([
      [1, "range", "range at row 2 is blank: name the range, or clear the row"],
    ]);
  });

  it("recognises subtotal rows by their label, and a nameless total by its figures", () => {
    const rows: CellValue[][] = [
      ["Alpha", 100, 1000, "", "20 %", 5000, 1000],
      ["Bravo", 50, 1000, "", "20 %", 3000, 500],
      ["Sous-total gammes pro", 150, "", "", "", 8000, 1500],
      ["Charlie", 10, 100, "", "20 %", 2000, 400],
      ["", "", "", "", "", "10 000 €", "1 900 €"], // the grand total, figures only
      ["Subtotal", null, null, null, null, null, 400],
    ];
    const { ranges, issues, totalRows } = readPortfolioRows(rows, MAPPING);
    expect(ranges.map((r) => r.name)).toEqual(["Alpha", "Bravo", "Charlie"]);
    expect(totalRows).toEqual([2, 4, 5]);
    expect(issues).toEqual([]);
  });

  it("recognises a total row whose label sits in an unmapped first column", () => {
    const rows: CellValue[][] = [
      ["", "Alpha", 100, 1000, 5000, 1000],
      ["Total probabilisé", "", 100, 1000, 5000, 1000],
    ];
    const mapping = { range: 1, volume: 2, marketVolume: 3, sales: 4, margin: 5 };
    expect(readPortfolioRows(rows, mapping).totalRows).toEqual([1]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("the data-quality report in French", () => {
  const NBSP = "\u00a0";
  const MAPPING = {
    range: 0,
    volume: 1,
    marketVolume: 2,
    marketShare: 3,
    leaderShare: 4,
    sales: 5,
    margin: 6,
  };
  const OK: CellValue[] = ["Alpha", 100, 1000, "", "20 %", 5000, 1000];
  const messagesFor = (changes: Record<number, CellValue>, mapping: object = MAPPING) => {
    const row = OK.map((cell, i) => (i in changes ? changes[i] : cell));
    return readPortfolioRows([row], mapping, { language: "fr" }).issues.map((i) => i.message);
  };

  it("names what is missing with the columns' French names", () => {
    const mapping = recogniseColumns(["Gamme", "Volume", "CA"], PORTFOLIO_FIELDS);
    expect(portfolioMappingProblems(mapping, "relative", "fr")).toEqual([
      `pas de colonne Marge${NBSP}: choisissez-en une`,
      `ni colonne Part de marché, ni colonnes Volume et Volume du marché${NBSP}: choisissez l'une ou les autres pour l'axe des atouts`,
      `pas de colonne Part du leader${NBSP}: la part relative demande la part du premier concurrent`,
    ]);
    expect(() => readPortfolioRows([["x", 1]], { margin: 1 }, { language: "fr" })).toThrow(
      "pas de colonne Gamme"
    );
  });

  it("says each figure's problem with the French field, ligne N and decimal commas", () => {
    expect(messagesFor({ 5: "beaucoup" })).toEqual([
      "ventes beaucoup en ligne 1 n'est pas un nombre",
    ]);
    expect(messagesFor({ 2: 80 })).toEqual([
      `volume du marché 80 en ligne 1 est en dessous du volume 100${NBSP}: un marché contient au moins le volume de la gamme elle-même`,
    ]);
    expect(messagesFor({ 1: "", 2: "", 3: 25 })).toEqual([
      `part de marché 25 en ligne 1 dépasse 1${NBSP}: écrivez 25${NBSP}% ou 0,25`,
    ]);
    expect(messagesFor({ 1: 253, 3: "30 %" })).toEqual([
      `part de marché 30 % en ligne 1 ne concorde pas avec volume ÷ volume du marché = 25,3${NBSP}%${NBSP}: corrigez l'un des deux${NBSP}; la part de marché saisie est retenue`,
    ]);
    expect(messagesFor({ 4: "95 %" })).toEqual([
      `part du leader 95 % en ligne 1 et la part de marché de la gamme elle-même, 10${NBSP}%, dépassent ensemble 100${NBSP}%`,
    ]);
  });

  it("says which figure is missing, and blank cells, in French", () => {
    expect(messagesFor({ 2: "" })).toEqual([
      `volume du marché en ligne 1 est vide${NBSP}: donnez-le, ou la part de marché, pour placer la gamme sur l'axe des atouts`,
    ]);
    expect(messagesFor({ 1: "", 2: "" })).toEqual([
      `part de marché en ligne 1 est vide${NBSP}: donnez-la, ou le volume et le volume du marché, pour placer la gamme sur l'axe des atouts`,
    ]);
    expect(messagesFor({ 5: "", 6: "" })).toEqual([
      `marge en ligne 1 est vide${NBSP}: donnez la marge de contribution de la gamme pour la classer`,
      `ventes en ligne 1 sont vides${NBSP}: la gamme n'a pas de bulle dans le graphique`,
    ]);
  });

  it("reports repeated and nameless ranges in French", () => {
    const { issues } = readPortfolioRows(
      [OK, ["ALPHA.", 5, 50, "", "", 1, 1], ["", 5, 50, "", "", 1, 999]],
      { ...MAPPING, leaderShare: null },
      { language: "fr" }
    );
    expect(issues.map((i) => i.message)).toEqual([
      `la gamme ALPHA. en ligne 2 répète celle en ligne 1${NBSP}: listez chaque gamme une fois, ou additionnez les lignes`,
      `la gamme en ligne 3 est vide${NBSP}: nommez la gamme, ou videz la ligne`,
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("invariant", () => {
  it("reading a table of plain numbers gives back those numbers", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 1000 }),
            fc.integer({ min: 1, max: 1000 }),
            fc.integer({ min: -1e6, max: 1e6 })
          ),
          { maxLength: 15 }
        ),
        (items) => {
          const rows = items.map(([volume, extra, margin], i) => [
            `Range ${i}`,
            volume,
            volume + extra,
            margin,
          ]);
          const { ranges, issues } = readPortfolioRows(rows, {
            range: 0,
            volume: 1,
            marketVolume: 2,
            margin: 3,
          });
          expect(issues).toEqual([]);
          expect(ranges.map((r) => [r.volume, r.marketShare, r.margin])).toEqual(
            items.map(([volume, extra, margin]) => [volume, volume / (volume + extra), margin])
          );
        }
      )
    );
  });
});
