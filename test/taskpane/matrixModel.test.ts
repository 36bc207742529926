import { NINE_BOX, strengthWord } from "../../src/domain/matrix";
import { DEFAULT_MATRIX_SETTINGS } from "../../src/domain/matrixSettings";
import { MATRIX_COLUMNS } from "../../src/domain/matrixTable";
import { unplacedReason } from "../../src/domain/portfolioMatrix";
import type { CellValue } from "../../src/domain/values";
import { PIPELINE_COLUMNS } from "../../src/excel/plan/forecastPlan";
import type { CarnetSettings } from "../../src/excel/plan/settings";
import type { SourceData } from "../../src/excel/plan/source";
import { formatAmount } from "../../src/taskpane/format";
import {
  analyseRangeTable,
  analyseWonDeals,
  cellName,
  harvestGroups,
  harvestLines,
  levelName,
  MATRIX_KEY,
  matrixBuildOf,
  matrixSettingsChange,
  matrixSettingsOf,
  nextFocus,
  NINE_BOX_GEOMETRY,
  nineBoxLayout,
  percentInputText,
  rangeFigures,
  rangeRowAddress,
  readNumberInput,
  readPercentInput,
  storedMatrix,
  strengthName,
  wrapWords,
  zoneName,
} from "../../src/taskpane/matrixModel";
import { wordsIn } from "../../src/taskpane/words";
import { TEN_RANGES, RANGE_HEADERS_FR } from "../support/ten-ranges";

// The ten ranges under French headers, on sheet "Gammes" with the header in B2 (not A1, so that
// addresses are checked against the table's own corner).
const HEADERS = RANGE_HEADERS_FR;
const TEN = TEN_RANGES;

function table(
  headers: CellValue[],
  rows: CellValue[][],
  at = { sheet: "Gammes", row: 1, col: 1 }
): SourceData {
  return {
    kind: "table",
    tableName: "Gammes",
    sheet: at.sheet,
    row: at.row,
    col: at.col,
    address: `${at.sheet}!B2:G14`,
    headers,
    rows,
    numberFormats: headers.map(() => "General"),
  };
}

const SOURCE = table(HEADERS, TEN);

/** CarnetPipeline as the forecast build writes it (header on row 3), with the deals given. */
function pipeline(
  deals: { company: string; product: string | null; amount: number; category: string }[]
): SourceData {
  const col = (h: string) => PIPELINE_COLUMNS.indexOf(h as (typeof PIPELINE_COLUMNS)[number]);
  const rows = deals.map((d, i) => {
    const row: CellValue[] = PIPELINE_COLUMNS.map(() => "");
    row[col("Id")] = `D${i + 1}`;
    row[col("Company")] = d.company;
    row[col("Product")] = d.product ?? "";
    row[col("Amount")] = d.amount;
    row[col("Probability")] = d.category === "Won" ? 1 : 0.5;
    row[col("Forecast category")] = d.category;
    return row;
  });
  return {
    kind: "table",
    tableName: "CarnetPipeline",
    sheet: "Carnet Pipeline",
    row: 2,
    col: 0,
    address: `'Carnet Pipeline'!A3:N${3 + rows.length}`,
    headers: [...PIPELINE_COLUMNS],
    rows,
    numberFormats: PIPELINE_COLUMNS.map(() => "General"),
  };
}

describe("the settings kept in the workbook", () => {
  it("keep what has the right shape and drop the rest", () => {
    const stored = storedMatrix({
      [MATRIX_KEY]: {
        strengthCuts: { low: 0.05, high: 0.2 },
        abcShares: { a: 0.7, b: "95 %" },
        measure: "volume",
        mapping: { range: 0, margin: 5, volume: -1, sales: null },
        mappingFor: "Gammes",
        marketFigures: { "Produit A": { marketVolume: 30, margin: "lots" }, junk: 3 },
        source: { kind: "table", name: "Gammes" },
        origin: "won",
      },
    });
    expect(stored).toEqual({
      strengthCuts: { low: 0.05, high: 0.2 },
      mapping: { range: 0, margin: 5, sales: null },
      mappingFor: "Gammes",
      marketFigures: { "Produit A": { marketVolume: 30 } },
      source: { kind: "table", name: "Gammes" },
      origin: "won",
    });
    expect(storedMatrix({})).toEqual({});
    expect(storedMatrix({ [MATRIX_KEY]: "damaged" })).toEqual({});
  });

  it("merge a change under the matrix's key, keeping the pipeline's settings apart", () => {
    const settings: CarnetSettings = {
      periodKind: "quarter",
      [MATRIX_KEY]: { measure: "share", mappingFor: "T" },
    };
    expect(matrixSettingsChange(settings, { abcShares: { a: 0.7, b: 0.9 } })).toEqual({
      [MATRIX_KEY]: { measure: "share", mappingFor: "T", abcShares: { a: 0.7, b: 0.9 } },
    });
  });

  it("default to cut-offs at 10 % and 25 % and ABC at 80 / 95, or the relative measure's own", () => {
    expect(matrixSettingsOf({})).toEqual(DEFAULT_MATRIX_SETTINGS);
    expect(matrixSettingsOf({ measure: "relative" }).strengthCuts).toEqual({ low: 0.5, high: 1 });
  });
});

describe("reading a product-range table", () => {
  const analysis = analyseRangeTable(SOURCE, {});

  it("recognises the French headers and classifies the ten ranges", () => {
    expect(analysis.problems).toEqual([]);
    expect(analysis.mapping).toMatchObject({
      range: 0,
      volume: 1,
      marketVolume: 2,
      marketShare: 3,
      sales: 4,
      margin: 5,
    });
    expect(analysis.rows.map((r) => [r.range.name, r.abc, r.zone])).toEqual([
      ["Alpha", "A", "Invest / grow"],
      ["Bravo", "A", "Invest / grow"],
      ["Charlie", "B", "Selectivity"],
      ["Delta", "A", "Invest / grow"],
      ["Echo", "A", "Selectivity"],
      ["Foxtrot", "C", "Harvest / divest"],
      ["Golf Élite", "B", "Harvest / divest"],
      ["Hotel", "C", null],
      ["India", "C", "Selectivity"],
      ["Juliet", "C", "Harvest / divest"],
    ]);
  });

  it("reports each problem at its cell's address, and the total row left out", () => {
    expect(analysis.report).toEqual([
      {
        address: "Gammes!D11",
        text: "market volume at Gammes!D11 is blank: give it, or the market share, to place the range on the strength axis",
      },
      {
        address: "Gammes!B14:G14",
        text: "row Gammes!B14:G14 is a total: left out, so nothing counts twice",
      },
    ]);
    expect(analysis.totalRows).toEqual([11]);
  });

  it("uses the mapping the user confirmed for this table, and says what is missing", () => {
    const mine = analyseRangeTable(SOURCE, {
      mapping: { margin: 4, sales: null },
      mappingFor: "Gammes",
    });
    expect(mine.mapping.margin).toBe(4);
    expect(mine.rows.find((r) => r.range.name === "Alpha")?.range.margin).toBe(450000);
    // Another table's mapping is not this one's.
    expect(
      analyseRangeTable(SOURCE, { mapping: { margin: 4 }, mappingFor: "Other" }).mapping.margin
    ).toBe(5);
    const noMargin = analyseRangeTable(table(["Gamme", "Part de marché"], [["A", 0.2]]), {});
    expect(noMargin.problems).toEqual(["no Margin column: pick one"]);
    expect(noMargin.rows).toEqual([]);
    const noRange = analyseRangeTable(table(["Marge"], [[1]]), {});
    expect(noRange.ranges).toEqual([]);
    expect(noRange.problems[0]).toBe("no Range column: pick one");
  });

  it("refuses settings that cannot classify", () => {
    const wrong = analyseRangeTable(SOURCE, { strengthCuts: { low: 0.3, high: 0.1 } });
    expect(wrong.problems).toEqual(["the low cut-off 0.3 is above the high cut-off 0.1"]);
    expect(wrong.rows).toEqual([]);
  });

  it("hands the build the table, its mapping and a currency format from the typed amounts", () => {
    const build = matrixBuildOf(analysis, "2026-11-26 10:00");
    expect(build.source?.data).toBe(SOURCE);
    expect(build.source?.mapping).toBe(analysis.mapping);
    expect(build.ranges).toHaveLength(10);
    expect(build.currencyFormat).toBe('#,##0 "€"');
  });

  it("selects a range's source row before a build, its CarnetMatrix row after", () => {
    const juliet = analysis.ranges.findIndex((r) => r.name === "Juliet");
    expect(rangeRowAddress(analysis, juliet, null)).toBe("Gammes!B13:G13");
    expect(rangeRowAddress(analysis, juliet, "Carnet Matrix")).toBe(
      // The thirteen published columns, then Row in source.
      `'Carnet Matrix'!A13:${String.fromCharCode(64 + MATRIX_COLUMNS.length + 1)}13`
    );
  });
});

describe("ranges from CarnetPipeline's won deals", () => {
  const source = pipeline([
    { company: "Alpha SA", product: "Produit A", amount: 3000, category: "Won" },
    { company: "Bêta", product: "Produit B", amount: 4000, category: "Won" },
    { company: "Gamma", product: "Produit A", amount: 500, category: "Won" },
    { company: "Delta", product: null, amount: 700, category: "Won" },
    { company: "Epsilon", product: "Produit B", amount: 2000, category: "Pipeline" },
  ]);

  it("sum the won amounts by range and take the market figures the user gave", () => {
    const analysis = analyseWonDeals(source, {
      marketFigures: {
        "Produit A": { marketVolume: 10, margin: 1200 },
        "Produit B": { marketShare: 0.05, margin: 50 },
      },
    });
    expect(analysis.problems).toEqual([]);
    expect(
      analysis.rows.map((r) => [r.range.name, r.range.sales, r.range.marketShare, r.abc, r.zone])
    ).toEqual([
      ["Produit A", 3500, 0.2, "A", "Invest / grow"],
      ["Produit B", 4000, 0.05, "C", "Harvest / divest"],
    ]);
    expect(analysis.unassigned).toBe(1);
    expect(analysis.report).toEqual([
      {
        address: "'Carnet Pipeline'!A7:N7",
        text: "1 won deal names no product: left out of every range",
      },
    ]);
    const build = matrixBuildOf(analysis, "now");
    expect(build.source).toBeNull();
    expect(build.wonDealsFrom).toBe("'Carnet Pipeline'!A3:N8");
    expect(rangeRowAddress(analysis, 0, null)).toBeNull();
    expect(rangeRowAddress(analysis, 0, "Carnet Matrix")).toBe("'Carnet Matrix'!A4:N4");
  });

  it("say what is missing, and refuse the relative measure (no leader shares to give)", () => {
    const bare = analyseWonDeals(source, {});
    expect(bare.report.map((l) => l.text)).toContain(
      "margin for Produit A is not given: give the range's contribution margin to classify it"
    );
    expect(analyseWonDeals(source, { measure: "relative" }).problems).toEqual([
      "the relative share needs each range's leader share: use a product-range table for it",
    ]);
  });
});

describe("the handbook's warning", () => {
  const rows = analyseRangeTable(SOURCE, {}).rows;

  it("lists the open deals of CarnetPipeline on Harvest / divest ranges, each with its row", () => {
    const deals = pipeline([
      { company: "Alpha SA", product: "Golf elite.", amount: 12000, category: "Pipeline" },
      { company: "Bêta", product: "Alpha", amount: 5000, category: "Commit" },
      { company: "Gamma", product: "Juliet", amount: 800, category: "Won" },
      { company: "Delta", product: "JULIET", amount: 900, category: "Best case" },
    ]);
    const lines = harvestLines(rows, deals);
    expect(lines).toEqual([
      {
        address: "'Carnet Pipeline'!A4:N4",
        range: "Golf Élite",
        amount: 12000,
        text: `Alpha SA (${formatAmount(12000)}) on Golf Élite: Harvest / divest zone`,
      },
      {
        address: "'Carnet Pipeline'!A7:N7",
        range: "Juliet",
        amount: 900,
        text: `Delta (${formatAmount(900)}) on Juliet: Harvest / divest zone`,
      },
    ]);
    // The pane shows them by range, largest amount first.
    const groups = harvestGroups([...lines, { ...lines[1], address: "x", amount: 20000 }]);
    expect(groups.map((g) => [g.range, g.lines.length, g.amount])).toEqual([
      ["Juliet", 2, 20900],
      ["Golf Élite", 1, 12000],
    ]);
  });

  it("says nothing without a pipeline or a matrix", () => {
    expect(harvestLines(rows, null)).toEqual([]);
    expect(
      harvestLines(
        [],
        pipeline([{ company: "A", product: "Juliet", amount: 1, category: "Pipeline" }])
      )
    ).toEqual([]);
  });
});

describe("what the user types", () => {
  it("reads percent fields in points or with %, and says what is wrong", () => {
    expect(readPercentInput("10")).toEqual({ value: 0.1 });
    expect(readPercentInput("12,5 %")).toEqual({ value: 0.125 });
    expect(readPercentInput("7.5")).toEqual({ value: 0.075 });
    expect(readPercentInput("")).toEqual({ problem: "is blank" });
    expect(readPercentInput("dix")).toEqual({ problem: "dix is not a number" });
    expect(percentInputText(0.1)).toBe("10");
    expect(percentInputText(0.075)).toBe("7.5");
  });

  it("reads amounts as the table would, a rate being no margin", () => {
    expect(readNumberInput("12 500 €", false)).toEqual({ value: 12500 });
    expect(readNumberInput("35 %", false)).toEqual({
      problem: "35 % is a percentage, not an amount",
    });
    expect(readNumberInput("1,5")).toEqual({ value: 1.5 });
  });
});

describe("the nine-box grid", () => {
  const rows = analyseRangeTable(SOURCE, {}).rows;
  const layout = nineBoxLayout(rows);

  it("draws attractiveness High to Low from the top and strength Weak to Strong from the left, as the chart's x axis", () => {
    expect(layout.columns.map((c) => c.text)).toEqual(["Weak", "Medium", "Strong"]);
    expect(layout.columns[0].x).toBeLessThan(layout.columns[2].x);
    expect(layout.rows.map((r) => r.text)).toEqual(["High", "Medium", "Low"]);
    // domain.md's nine cells, each row mirrored: Weak on the left.
    const mirrored = [0, 3, 6].flatMap((r) => NINE_BOX.slice(r, r + 3).reverse());
    expect(layout.cells.map((c) => c.cell)).toEqual(mirrored.map((b) => b.cell));
    const at = (i: number) => [layout.cells[i].x, layout.cells[i].y];
    expect(at(0)[0]).toBeLessThan(at(1)[0]); // Weak left of Medium
    expect(at(0)[1]).toBeLessThan(at(3)[1]); // High above Medium
    expect(layout.cells[0]).toMatchObject({ cell: "Build selectively", strength: "Low" });
    expect(layout.cells[2]).toMatchObject({ cell: "Protect position", zone: "Invest / grow" });
    expect(layout.cells[6]).toMatchObject({ cell: "Divest", zone: "Harvest / divest" });
  });

  it("puts each placed range in its cell once, and lists the others with the reason", () => {
    const inCell = Object.fromEntries(
      layout.cells.map((c) => [
        c.cell + "/" + c.attractiveness,
        c.items.map((i) => i.row.range.name),
      ])
    );
    expect(inCell["Protect position/High"]).toEqual(["Alpha", "Delta"]);
    expect(inCell["Limited expansion or harvest/Medium"]).toEqual(["Golf Élite"]);
    expect(layout.order).toHaveLength(9);
    expect(new Set(layout.order).size).toBe(9);
    expect(layout.unplaced.map((r) => [r.range.name, unplacedReason(r)])).toEqual([
      ["Hotel", "no market share"],
    ]);
    // Reading order (Home, End): the cells row by row, Weak to Strong, then the ranges inside.
    expect(layout.order.map((r) => r.range.name)).toEqual([
      "Echo",
      "Bravo",
      "Alpha",
      "Delta",
      "Golf Élite",
      "Charlie",
      "Juliet",
      "Foxtrot",
      "India",
    ]);
    expect(layout.cells.flatMap((c) => c.items.map((i) => i.order))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8,
    ]);
  });

  it("keeps every range inside its cell, and cells apart, however many ranges a cell holds", () => {
    const crowded = nineBoxLayout([
      ...rows,
      ...rows.slice(0, 1),
      ...rows.slice(0, 1),
      ...rows.slice(0, 1),
    ]);
    for (const l of [layout, crowded]) {
      for (const cell of l.cells) {
        for (const item of cell.items) {
          expect(item.y).toBeGreaterThanOrEqual(cell.y);
          expect(item.y + NINE_BOX_GEOMETRY.itemHeight).toBeLessThanOrEqual(cell.y + cell.height);
        }
      }
      for (let i = 0; i < 9; i += 3)
        expect(l.cells[i + 3]?.y ?? l.height).toBe(l.cells[i].y + l.cells[i].height);
    }
    expect(crowded.cells[0].height).toBeGreaterThan(layout.cells[0].height);
  });

  it("wraps cell names to the cell and shortens long range names", () => {
    expect(wrapWords("Selectivity / manage for earnings", 17)).toEqual([
      "Selectivity /",
      "manage for",
      "earnings",
    ]);
    const long = nineBoxLayout(
      rows.map((r, i) =>
        i === 0 ? { ...r, range: { ...r.range, name: "A very long product range name" } } : r
      )
    );
    const item = long.cells[2].items[0]; // Alpha's cell: High attractiveness, Strong
    expect(item.lines).toEqual(["A very long", "product range…"]);
    for (const line of item.lines)
      expect(line.length).toBeLessThanOrEqual(NINE_BOX_GEOMETRY.labelChars);
    expect(item.height).toBeGreaterThan(NINE_BOX_GEOMETRY.itemHeight);
    // Names that fit one line keep it whole.
    expect(
      long.cells[2].items.slice(1).every((i) => i.lines.length === 1 && !i.label.endsWith("…"))
    ).toBe(true);
  });

  it("moves the focus spatially with the arrow keys, and Home and End to the ends", () => {
    const names = layout.order.map((r) => r.range.name);
    const at = (name: string) => names.indexOf(name);
    const go = (from: string, key: string) => names[nextFocus(layout, at(from), key)!];
    // Across strength in the same attractiveness row.
    expect(go("Echo", "ArrowRight")).toBe("Bravo");
    expect(go("Bravo", "ArrowRight")).toBe("Alpha");
    expect(go("Alpha", "ArrowLeft")).toBe("Bravo");
    expect(go("Juliet", "ArrowRight")).toBe("Foxtrot");
    expect(go("Foxtrot", "ArrowRight")).toBe("India");
    // Down and up: the next range in the cell, then the nearest cell of the same strength column.
    expect(go("Alpha", "ArrowDown")).toBe("Delta");
    expect(go("Delta", "ArrowDown")).toBe("India"); // Medium attractiveness has no Strong range
    expect(go("India", "ArrowUp")).toBe("Delta");
    expect(go("Delta", "ArrowUp")).toBe("Alpha");
    expect(go("Echo", "ArrowDown")).toBe("Golf Élite");
    expect(go("Charlie", "ArrowUp")).toBe("Bravo");
    // Nothing that way: the focus stays.
    expect(go("Echo", "ArrowLeft")).toBe("Echo");
    expect(go("Bravo", "ArrowUp")).toBe("Bravo");
    expect(go("Juliet", "ArrowDown")).toBe("Juliet");
    // Nothing to the right in its row: the nearest row's.
    expect(["Alpha", "Delta", "India"]).toContain(go("Charlie", "ArrowRight"));
    expect(nextFocus(layout, 4, "Home")).toBe(0);
    expect(nextFocus(layout, 4, "End")).toBe(names.length - 1);
    expect(nextFocus(layout, 4, "a")).toBeNull();
    expect(nextFocus(nineBoxLayout([]), 0, "ArrowRight")).toBeNull();
    // Every range is reachable from the first with the arrows alone.
    const seen = new Set([0]);
    const queue = [0];
    while (queue.length > 0) {
      const from = queue.pop()!;
      for (const key of ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"]) {
        const next = nextFocus(layout, from, key)!;
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    expect(seen.size).toBe(names.length);
  });

  it("describes a range's figures in words", () => {
    const alpha = rows[0];
    const text = rangeFigures(alpha, "share");
    expect(text).toContain("class A");
    expect(text).toContain(`margin ${formatAmount(90000)}`);
    expect(text).toMatch(/market share 30\s?%/);
    expect(rangeFigures(alpha, "relative")).toContain("relative share –");
  });
});

describe("the matrix in a French pane", () => {
  const fr = wordsIn("fr");
  const NNBSP = "\u202f";

  it("says its report lines and the table's problems in French", () => {
    const analysis = analyseRangeTable(SOURCE, {}, fr);
    expect(analysis.report).toEqual([
      {
        address: "Gammes!D11",
        // The domain's located problem, said in the pane's language.
        text: "volume du marché en Gammes!D11 est vide\u00a0: donnez-le, ou la part de marché, pour placer la gamme sur l'axe des atouts",
      },
      {
        address: "Gammes!B14:G14",
        text: "la ligne Gammes!B14:G14 est un total\u00a0: écartée, pour que rien ne compte deux fois",
      },
    ]);
    const won = pipeline([
      { company: "Alpha SA", product: null, amount: 3000, category: "Won" },
      { company: "Bêta", product: null, amount: 4000, category: "Won" },
    ]);
    expect(analyseWonDeals(won, {}, fr).report.map((l) => l.text)).toEqual([
      "2 affaires gagnées ne nomment aucun produit\u00a0: écartées de toutes les gammes",
    ]);
    expect(analyseWonDeals(won, { measure: "relative" }, fr).problems).toEqual([
      "la part relative demande la part du leader de chaque gamme\u00a0: utilisez pour cela un tableau des gammes",
    ]);
  });

  it("names the rows left out below a range table in the pane's language", () => {
    const below = { ...SOURCE, leftOut: { first: 16, last: 18 } };
    expect(analyseRangeTable(below, {}).report.at(-1)?.text).toBe(
      "Rows 17–19 below a blank row do not look like product ranges: left out"
    );
    expect(analyseRangeTable(below, {}, fr).report.at(-1)?.text).toBe(
      "Les lignes 17 à 19, sous une ligne vide, ne ressemblent pas à des gammes de produits\u00a0: écartées"
    );
  });

  it("warns of harvest deals with French words and French amounts", () => {
    const rows = analyseRangeTable(SOURCE, {}).rows;
    const deals = pipeline([
      { company: "Alpha SA", product: "Golf elite.", amount: 12000, category: "Pipeline" },
    ]);
    expect(harvestLines(rows, deals, fr).map((l) => l.text)).toEqual([
      `Alpha SA (12${NNBSP}000) sur Golf Élite\u00a0: zone Récolter / abandonner`,
    ]);
  });

  it("describes a range's figures with French words and numbers", () => {
    const rows = analyseRangeTable(SOURCE, {}).rows;
    const text = rangeFigures(rows[0], "share", fr);
    expect(text).toBe(
      `part de marché 30\u00a0%, marge 90${NNBSP}000, classe A, ventes 450${NNBSP}000`
    );
    expect(rangeFigures({ ...rows[0], relativeShare: 1.5 }, "relative", fr)).toContain(
      "part relative 1,50"
    );
    expect(rangeFigures({ ...rows[0], relativeShare: 1.5 }, "relative")).toContain(
      "relative share 1.50"
    );
  });

  it("draws the nine-box with French axes, cells and zones, keeping the domain's values", () => {
    const rows = analyseRangeTable(SOURCE, {}).rows;
    const layout = nineBoxLayout(rows, fr);
    expect(layout.columns.map((c) => c.text)).toEqual(["Faible", "Moyen", "Fort"]);
    expect(layout.rows.map((r) => r.text)).toEqual(["Élevé", "Moyen", "Faible"]);
    expect(layout.cells[2]).toMatchObject({
      cell: "Protect position",
      zone: "Invest / grow",
      cellName: "Protéger sa position",
      zoneName: "Investir",
    });
    expect(layout.cells[6]).toMatchObject({
      cellName: "Abandonner",
      zoneName: "Récolter / abandonner",
    });
    // A longer French name wraps within the cell's width.
    for (const cell of layout.cells)
      for (const line of cell.nameLines)
        expect(line.length <= NINE_BOX_GEOMETRY.charsPerLine || !line.includes(" ")).toBe(true);
  });

  it("says the English words of the domain word for word, so that English stays as it was", () => {
    for (const box of NINE_BOX) {
      expect(cellName(box.strength, box.attractiveness)).toBe(box.cell);
      expect(zoneName(box.zone)).toBe(box.zone);
      expect(strengthName(box.strength)).toBe(strengthWord(box.strength));
      expect(levelName(box.attractiveness)).toBe(box.attractiveness);
    }
  });

  it("says a blank field is blank in French", () => {
    expect(readPercentInput("", fr)).toEqual({ problem: "est vide" });
    expect(readNumberInput(" ", false, fr)).toEqual({ problem: "est vide" });
    // What is wrong with a typed number is the domain's reading, said in French.
    expect(readPercentInput("dix", fr)).toEqual({ problem: "dix n'est pas un nombre" });
  });
});
