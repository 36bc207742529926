import fc from "fast-check";
import { PIPELINE_FIELDS, recogniseColumns } from "../../src/domain/columns";
import { serialFromYmd } from "../../src/domain/dates";
import { cleanText, isTidy, issueText, readPipelineRows } from "../../src/domain/pipelineTable";
import { DEFAULT_STAGE_TABLE } from "../../src/domain/stages";
import { STEP_ROWS } from "../../src/domain/steps";

const HANDBOOK = [
  ["Date jalon", "Société", "Interlocuteur", "Nature", "Montant", "Probabilité"],
  ["4 avril 2003.", "Alpha.", "Mr. X.", "Produit A.", "1 000 €", "20 %."],
  ["3 avril 2003.", "Bêta.", "Mr. Y.", "Produit B.", "2 000 €", "50 %."],
  ["3 avril 2003", "Gamma.", "Mme. Z.", "Produit C.", "4 000 €", "75 %."],
  ["Total probabilisé du carnet commercial", null, null, null, null, "4 200 €"],
];

function read(table: unknown[][], options = {}) {
  const [headers, ...rows] = table as string[][];
  return readPipelineRows(rows, recogniseColumns(headers, PIPELINE_FIELDS), options);
}

describe("reading a sales table", () => {
  it("reads the handbook's table: three deals, 4 200 weighted, the total row left out", () => {
    const reading = read(HANDBOOK);
    expect(reading.deals).toHaveLength(3);
    expect(reading.totalRows).toEqual([3]);
    expect(reading.deals.reduce((s, d) => s + d.amount! * d.probability!, 0)).toBeCloseTo(4200);
    expect(reading.deals[0]).toMatchObject({
      closeDate: serialFromYmd(2003, 4, 4),
      company: "Alpha",
      contact: "Mr. X",
      product: "Produit A",
      amount: 1000,
      probability: 0.2,
      probabilitySource: "deal",
    });
    expect(reading.issues.map((i) => i.kind)).toEqual(["total"]);
  });

  it("recognises a subtotal row by its figure alone when it has no label", () => {
    const reading = read([...HANDBOOK.slice(0, 4), [null, null, null, null, "7 000 €", null]]);
    expect(reading.totalRows).toEqual([3]);
    expect(reading.deals).toHaveLength(3);
  });

  it("recognises the weighted total by its figure below more rows than one step reads", () => {
    const deals = Array.from({ length: STEP_ROWS + 10 }, (_, i) => [`D-${i}`, 100 + (i % 7), 0.5]);
    const weighted = deals.reduce((s, d) => s + (d[1] as number) * 0.5, 0);
    const table = [["Id", "Amount", "Probability"], ...deals, [null, null, weighted]];
    const reading = read(table);
    expect(reading.totalRows).toEqual([STEP_ROWS + 10]);
    expect(reading.table.length).toBe(STEP_ROWS + 10);
    // A per cent off and it is no total: a deal missing its amount.
    expect(read([...table.slice(0, -1), [null, null, weighted * 1.01]]).totalRows).toEqual([]);
  });

  it("counts a customer called Total as a deal, and a labelled subtotal row as a total", () => {
    const reading = read([
      ["Société", "Interlocuteur", "Nature", "Montant", "Probabilité"],
      ["Total", "Mme. A.", "Produit A", "3 000 €", "50 %"],
      ["Alpha", "Mr. X.", "Produit B", "1 000 €", "20 %"],
      ["Sous-total", null, null, "4 000 €", null],
    ]);
    expect(reading.deals.map((d) => d.company)).toEqual(["Total", "Alpha"]);
    expect(reading.totalRows).toEqual([2]);
  });

  it("reports every unreadable cell with its column and reason, and keeps the rest", () => {
    const reading = read([
      ["Date jalon", "Société", "Montant", "Probabilité"],
      ["04/05/2003", "Alpha", "1 000 €", "20 %"],
      [null, null, null, null],
      ["2003-04-10", "Bêta", "1,000", "50 %"],
      ["2003-04-11", "Gamma", "2 000", "#N/A"],
    ]);
    expect(reading.blankRows).toBe(1);
    expect(reading.deals).toHaveLength(3);
    const lines = reading.issues.map((i) => issueText(i, `R${i.row}C${i.col}`));
    expect(lines).toEqual([
      expect.stringMatching(/^Close date 04\/05\/2003 at R0C0 is ambiguous/),
      expect.stringMatching(/^Amount 1,000 at R2C2 is ambiguous/),
      expect.stringMatching(/^Probability #N\/A at R3C3 /),
    ]);
    expect(reading.deals[1].amount).toBeNull();
    expect(reading.deals[1].issues[0]).toMatch(/^Amount 1,000 is ambiguous/);
  });

  it("offers percentage points for a probability column typed 20, 50, 75 instead of assuming", () => {
    const table = [
      ["Montant", "Probabilité"],
      [1000, 20],
      [2000, 50],
      [4000, 75],
    ];
    const asTyped = read(table);
    expect(asTyped.probabilitiesLookLikePoints).toBe(true);
    expect(asTyped.issues.map((i) => i.problem)).toEqual([
      "is above 1: write 20% or 0.2",
      "is above 1: write 50% or 0.5",
      "is above 1: write 75% or 0.75",
    ]);
    const asPoints = read(table, { probabilityScale: "points" });
    expect(asPoints.issues).toEqual([]);
    expect(asPoints.deals.map((d) => d.probability)).toEqual([0.2, 0.5, 0.75]);
  });

  it("fills a blank probability from the stage table, the deal's own probability winning", () => {
    const reading = read(
      [
        ["Amount", "Probability", "Stage"],
        [1000, null, "Proposal"],
        [1000, 0.9, "Proposal"],
        [1000, null, "Dreaming"],
      ],
      { stageTable: DEFAULT_STAGE_TABLE }
    );
    expect(reading.deals.map((d) => [d.probability, d.probabilitySource])).toEqual([
      [0.5, "stage"],
      [0.9, "deal"],
      [null, null],
    ]);
    expect(reading.issues[0].problem).toMatch(/stage "Dreaming" has no default probability/);
  });

  it("reads forecast categories in French and English and flags unknown ones", () => {
    const reading = read([
      ["Amount", "Probability", "Forecast category", "Stage"],
      [1, 0.9, "Commit", null],
      [1, 0.5, "Meilleur cas", null],
      [1, 1, null, "Gagné"],
      [1, 0.1, "Maybe", null],
    ]);
    expect(reading.deals.map((d) => d.category)).toEqual(["Commit", "Best case", "Won", null]);
    expect(reading.issues[0].problem).toMatch(/is not a forecast category/);
  });

  it("leaves out a row repeating the header (a block pasted with its header) and reports it", () => {
    const [header, ...rows] = HANDBOOK.slice(0, 4);
    const table = [...rows.slice(0, 1), header, ...rows.slice(1)];
    const reading = readPipelineRows(table, recogniseColumns(header, PIPELINE_FIELDS), { header });
    expect(reading.deals.map((d) => d.company)).toEqual(["Alpha", "Bêta", "Gamma"]);
    expect(reading.deals.map((d) => d.row)).toEqual([0, 2, 3]);
    expect(reading.headerRows).toEqual([1]);
    expect(reading.issues).toEqual([
      expect.objectContaining({ row: 1, col: null, kind: "header", field: null }),
    ]);
    expect(issueText(reading.issues[0], "Ventes!A3:F3")).toBe(
      "Row at Ventes!A3:F3 repeats the header: left out"
    );
  });

  it("reports duplicate ids", () => {
    const reading = read([
      ["Id", "Amount", "Probability"],
      ["D-1", 1, 0.5],
      ["d-1", 2, 0.5],
    ]);
    expect(reading.issues).toEqual([
      expect.objectContaining({ row: 1, kind: "duplicate", shown: "d-1" }),
    ]);
  });

  it("reports as duplicates the ids that read alike whatever their case, however typed", () => {
    // Ids as typed: cases, spaces about and within, closing full stops, accents, numbers.
    const part = fc.constantFrom("D", "d", "-", "1", "É", "é", " ", "  ", ".", "\u00a0");
    const cell = fc.oneof(
      fc.array(part, { maxLength: 5 }).map((ps) => ps.join("")),
      fc.constantFrom(null, 1, 1.5)
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 30 }), (ids) => {
        const reading = read([["Id", "Amount"], ...ids.map((id) => [id, 1])]);
        const firstOf = new Map<string, number>();
        const expected: { row: number; shown: string }[] = [];
        ids.forEach((id, row) => {
          const text = cleanText(id);
          if (text === null) return;
          if (firstOf.has(text.toLowerCase())) expected.push({ row, shown: text });
          else firstOf.set(text.toLowerCase(), row);
        });
        const duplicates = reading.issues.filter((issue) => issue.kind === "duplicate");
        expect(duplicates.map(({ row, shown }) => ({ row, shown }))).toEqual(expected);
      }),
      { numRuns: 500 }
    );
  });

  it("reads rows of plain Excel numbers as it reads any row", () => {
    // A table with a category column has each row read in full; without one, a row whose close
    // date, amount and probability are plain numbers is read the short way: the same deals.
    const figure = fc.oneof(
      fc.constantFrom(null, "", "x", "20 %", "1 000", true, 0, 1, 1.5, -3, 20, 46023, 3e6, NaN),
      fc.double({ min: -1, max: 2 }),
      fc.integer({ min: -10, max: 3_000_000 })
    );
    const stage = fc.constantFrom(null, "Proposal", "Closed won", "Perdu", "Dreaming");
    const row = fc.tuple(fc.constantFrom("D-1", "d-1", "D-2"), figure, figure, figure, stage);
    const header = ["Id", "Close date", "Amount", "Probability", "Stage"];
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const options = { stageTable: DEFAULT_STAGE_TABLE };
        // With the stage column, and without (its deals' category and sources then worked out once).
        for (const width of [5, 4]) {
          const cut = (cells: readonly unknown[]) => cells.slice(0, width);
          const short = read([cut(header), ...rows.map(cut)], options);
          const full = read(
            [[...cut(header), "Forecast category"], ...rows.map((r) => [...cut(r), null])],
            options
          );
          expect(short.deals).toEqual(full.deals);
          expect(short.issues).toEqual(full.issues);
          expect(short.probabilitiesLookLikePoints).toBe(full.probabilitiesLookLikePoints);
        }
      }),
      { numRuns: 500 }
    );
  });

  it("leaves out the same totals and headers whether a row of numbers is read the short way or not", () => {
    // The short way takes a row whose close date and amount are numbers for a deal without asking
    // countingRows (whose rules say so): beside labels, column names and totals, the same rows.
    const figure = fc.oneof(
      fc.constantFrom(null, "", "Amount", "Total", 0, 1, 0.5, 20, 46023, 4000),
      fc.integer({ min: 1, max: 3_000_000 })
    );
    const name = fc.constantFrom(null, "", "Total", "Sous-total T2", "Company", "Acme", "D-1");
    const row = fc.tuple(name, figure, name, figure, figure);
    const header = ["Id", "Close date", "Company", "Amount", "Probability"];
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const short = read([header, ...rows]);
        const full = read([[...header, "Forecast category"], ...rows.map((r) => [...r, null])]);
        expect(short.totalRows).toEqual(full.totalRows);
        expect(short.headerRows).toEqual(full.headerRows);
        expect(short.blankRows).toBe(full.blankRows);
        expect(short.deals).toEqual(full.deals);
        expect(short.issues).toEqual(full.issues);
      }),
      { numRuns: 500 }
    );
  });

  it("gives each deal read the short way its own row, after rows left out or read in full", () => {
    // Runs of plain rows set their deals' rows once a run: deal i is row i until a row is left out.
    const header = ["Id", "Close date", "Amount", "Probability"];
    const rows = [
      ["D-1", 46023, 1000, 0.5],
      ["D-2", 46024, 2000, 0.5],
      [null, null, null, null],
      ["D-3", 46025, 3000, 0.5],
      ["D-4", 46026, "4 000", 0.5],
      ["D-5", 46027, 5000, 0.5],
      ["Total", null, 15000, null],
      ["D-6", 46028, 6000, 0.5],
    ];
    const reading = read([header, ...rows]);
    expect(reading.deals.map((d) => [d.id, d.row])).toEqual([
      ["D-1", 0],
      ["D-2", 1],
      ["D-3", 3],
      ["D-4", 4],
      ["D-5", 5],
      ["D-6", 7],
    ]);
    expect([reading.blankRows, reading.totalRows]).toEqual([1, [6]]);
  });

  it("cleans the handbook's closing full stops from text", () => {
    expect(cleanText("Alpha.")).toBe("Alpha");
    expect(cleanText("  Mme.  Z. ")).toBe("Mme. Z");
    expect(cleanText("Etc...")).toBe("Etc...");
    expect(cleanText("")).toBeNull();
  });
});

describe("text cells taken as they are", () => {
  // Letters of several alphabets, every kind of space JavaScript trims, dots and signs.
  const char = fc.constantFrom(
    ..."aZ9.-'é€ΣЖ中",
    " ",
    "\t",
    "\n",
    "\u00a0",
    "\u1680",
    "\u2009",
    "\u202f",
    "\u3000",
    "\ufeff",
    "\u0085",
    "\u180e"
  );
  const text = fc.array(char, { maxLength: 12 }).map((cs) => cs.join(""));

  it("are only texts that trimming and collapsing spaces would leave as they are", () => {
    fc.assert(
      fc.property(text, (s) => !isTidy(s) || s === s.trim().replace(/\s+/g, " ")),
      { numRuns: 5000 }
    );
  });

  it("read as the rule says: trimmed, spaces made one, a closing full stop dropped", () => {
    const rule = (s: string) => {
      const text = s.trim().replace(/\s+/g, " ");
      if (text === "") return null;
      return text.length > 1 && text.endsWith(".") && !text.endsWith("..")
        ? text.slice(0, -1).trimEnd()
        : text;
    };
    fc.assert(
      fc.property(fc.array(fc.oneof(char, fc.constant(".")), { maxLength: 12 }), (chars) => {
        const s = chars.join("");
        expect(cleanText(s)).toBe(rule(s));
      }),
      { numRuns: 5000 }
    );
  });

  it("are the usual cells of a sales table", () => {
    for (const s of ["D-1042", "Company 12", "Société Générale.", "Анна", "Mme. Z"])
      expect(isTidy(s)).toBe(true);
    for (const s of [" Alpha", "Alpha ", "Mme.  Z", "a\u00a0b", "a\tb", ""])
      expect(isTidy(s)).toBe(false);
  });
});
