/**
 * CarnetPipeline's Weighted amount column is countingRows' rule written as a formula: evaluated in a
 * spreadsheet engine over deals of every category, it gives what the domain gives, so that the
 * column's SUM is the forecast's weighted total.
 */
import fc from "fast-check";
import { weightedAmount } from "../../src/domain/countingRows";
import { FORECAST_CATEGORIES, type ForecastCategory } from "../../src/domain/deal";
import { PIPELINE_FIELDS, recogniseColumns } from "../../src/domain/columns";
import { readPipelineRows } from "../../src/domain/pipelineTable";
import { serialFromYmd } from "../../src/domain/dates";
import {
  buildForecastPlans,
  forecastPlansSteps,
  PIPELINE_COLUMNS,
  pipelineHeaderRow,
  weightedAmountFormula,
} from "../../src/excel/plan/forecastPlan";
import { planRows } from "../../src/excel/plan/sheetPlan";
import { Cancelled, runStepsAsync } from "../../src/excel/plan/progress";
import { carnetEngine } from "../support/carnet-engine";

const col = (header: (typeof PIPELINE_COLUMNS)[number]) => PIPELINE_COLUMNS.indexOf(header);

describe("CarnetPipeline's Weighted amount formula", () => {
  it("is the domain's weighted amount, for open and closed deals alike", () => {
    const deal = fc.record({
      amount: fc.option(fc.integer({ min: -5000, max: 100_000 }), { nil: null }),
      probability: fc.option(
        fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
        { nil: null }
      ),
      category: fc.option(fc.constantFrom<ForecastCategory>(...FORECAST_CATEGORIES), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(deal, { minLength: 1, maxLength: 12 }), (deals) => {
        const rows = deals.map((d, i) => {
          const row: unknown[] = PIPELINE_COLUMNS.map(() => null);
          row[col("Amount")] = d.amount;
          row[col("Probability")] = d.probability;
          row[col("Forecast category")] = d.category;
          row[col("Weighted amount")] = weightedAmountFormula(i + 1);
          return row;
        });
        const hf = carnetEngine({ Sheet1: rows });
        const values = hf.getSheetValues(0).map((r) => r[col("Weighted amount")]);
        hf.destroy();
        const expected = deals.map(weightedAmount);
        expect(values.map((v) => (v === "" ? null : v))).toEqual(
          expected.map((w) => (w === null ? null : expect.closeTo(w, 6)))
        );
      }),
      { numRuns: 60 }
    );
  });
});

describe("sheet names in the formulas Carnet writes", () => {
  it("are quoted, so a source sheet named RC or R1C1 is never read as a reference", () => {
    for (const sheet of ["RC", "R1C1", "Ventes 2027"]) {
      const rows = [
        ["2027-01-15", 1000, 0.2],
        ["2027-02-10", 2000, 0.5],
      ];
      const source = {
        kind: "table" as const,
        tableName: "Deals",
        sheet,
        row: 0,
        col: 0,
        address: `'${sheet}'!A1:C3`,
        headers: ["Close date", "Amount", "Probability"],
        rows,
        numberFormats: ["General", "General", "General"],
      };
      const mapping = recogniseColumns(source.headers, PIPELINE_FIELDS);
      const deals = readPipelineRows(rows, mapping).deals;
      const { plans, live } = buildForecastPlans({
        source,
        mapping,
        deals,
        periodKind: "quarter",
        stamp: "now",
        currencyFormat: "#,##0",
      });
      expect(live).toBe(true);
      const formulas = plans
        .flatMap((p) => p.tables.flatMap((t) => planRows(t).flat()))
        .filter((c): c is string => typeof c === "string" && c.startsWith("=") && c.includes("!"));
      expect(formulas.length).toBeGreaterThan(0);
      for (const formula of formulas) {
        expect(formula).toContain(`'${sheet}'!`);
        expect(formula.split(`'${sheet}'!`).join("")).not.toContain("!");
      }
    }
  });
});

describe("CarnetPipeline's rows", () => {
  it("say each deal's period and source cell, and carry the weighted amount formula of their row", () => {
    const headers = ["Close date", "Amount", "Probability", "Forecast category"];
    const cells = [
      [serialFromYmd(2027, 2, 14), 1000, 0.2, "Commit"],
      [null, 2000, 0.5, null],
      [serialFromYmd(2027, 11, 30), 3000, 0.75, "Won"],
      [serialFromYmd(2027, 2, 1), 4000, 0.1, null],
    ];
    // A sheet name that needs quotes, a table starting in column AB under three rows.
    const source = {
      kind: "range" as const,
      tableName: null,
      sheet: "Q2 deals",
      row: 3,
      col: 27,
      address: "'Q2 deals'!AB4:AE8",
      headers,
      rows: cells,
      numberFormats: headers.map(() => "General"),
    };
    const mapping = recogniseColumns(headers, PIPELINE_FIELDS);
    const deals = readPipelineRows(cells, mapping).deals;
    const { plans } = buildForecastPlans({
      source,
      mapping,
      deals,
      periodKind: "quarter",
      stamp: "now",
      currencyFormat: "0",
    });
    const rows = planRows(plans[0].tables[0]);
    expect(rows.map((r) => r[col("Period")])).toEqual(["'2027-Q1", null, "'2027-Q4", "'2027-Q1"]);
    expect(rows.map((r) => r[col("Source cell")])).toEqual(
      [5, 6, 7, 8].map((n) => `''Q2 deals'!AB${n}`)
    );
    expect(rows.map((r) => r[col("Weighted amount")])).toEqual(
      [4, 5, 6, 7].map(weightedAmountFormula)
    );
    expect(weightedAmountFormula(4)).toBe(
      '=IF(AND(ISNUMBER(F4),ISNUMBER(G4),NOT(OR(K4="Won",K4="Lost",K4="Omitted"))),F4*G4,"")'
    );
    // Made a block at a time as the write asks: any block is those rows of the whole table.
    const table = plans[0].tables[0];
    for (const [start, end] of [
      [0, 4],
      [1, 3],
      [3, 4],
      [2, 2],
    ])
      expect(table.rows.slice(start, end)).toEqual(rows.slice(start, end));
  });
});

describe("the live period figures over a table with closed deals", () => {
  const HEADERS = ["Close date", "Amount", "Probability", "Stage", "Forecast category"];
  const STAGES = [null, "Proposal", "Negotiation", "Closed won", "Perdu"];
  const CATEGORIES = [null, null, "Commit", "Won", "Lost", "Omitted", "Gagné"];
  const deal = fc.record({
    date: fc.integer({ min: 46388, max: 46752 }), // 2027
    amount: fc.integer({ min: 100, max: 50_000 }),
    probability: fc.option(
      fc.integer({ min: 0, max: 20 }).map((k) => k / 20),
      { nil: null }
    ),
    stage: fc.constantFrom(...STAGES),
    category: fc.constantFrom(...CATEGORIES),
  });

  /** The period table's live formulas evaluated beside the source, and the pane's figures. */
  function evaluate(rows: unknown[][], withCategory: boolean) {
    const headers = withCategory ? HEADERS : HEADERS.slice(0, 4);
    const cells = rows.map((r) => r.slice(0, headers.length));
    const source = {
      kind: "table" as const,
      tableName: "Deals",
      sheet: "Deals",
      row: 0,
      col: 0,
      address: `Deals!A1:${"ABCDE"[headers.length - 1]}${rows.length + 1}`,
      headers,
      rows: cells as never,
      numberFormats: headers.map(() => "General"),
    };
    const mapping = recogniseColumns(headers, PIPELINE_FIELDS);
    const deals = readPipelineRows(cells as never, mapping).deals;
    const build = { source, mapping, deals, periodKind: "quarter" as const, stamp: "now" };
    const { plans, live, rows: figures } = buildForecastPlans({ ...build, currencyFormat: "0" });
    const table = plans[1].tables[0];
    const sheet: unknown[][] = Array.from({ length: table.row + 1 + table.rows.length }, () => []);
    sheet[table.row] = [...table.headers];
    planRows(table).forEach((r, i) => (sheet[table.row + 1 + i] = [...r]));
    const hf = carnetEngine({ Deals: [headers, ...cells], Forecast: sheet });
    const at = (header: string, i: number) =>
      hf.getCellValue({ sheet: 1, row: table.row + 1 + i, col: table.headers.indexOf(header) });
    const evaluated = figures.period.map((_, i) => ({
      weighted: at("Weighted total", i),
      p50: at("P50", i),
    }));
    hf.destroy();
    return { live, deals, evaluated, expected: figures.period };
  }

  it("give the pane's weighted total and P50 whenever the build is live, closed deals left out", () => {
    let liveWithClosed = 0;
    fc.assert(
      fc.property(
        fc.array(deal, { minLength: 1, maxLength: 15 }),
        fc.boolean(),
        (generated, withCategory) => {
          // A probability is typed on every open deal (a stage-table default is not live).
          const rows = generated.map((d) => [
            d.date,
            d.amount,
            d.probability ?? 0.5,
            d.stage,
            d.category,
          ]);
          generated.forEach((d, i) => {
            if (d.probability === null && d.category !== null && d.category !== "Commit")
              rows[i][2] = null; // a closed deal needs none
          });
          const { live, deals, evaluated, expected } = evaluate(rows, withCategory);
          if (!live) return;
          if (deals.some((d) => d.category !== null && d.category !== "Commit")) liveWithClosed++;
          evaluated.forEach((e, i) => {
            expect(e.weighted).toBeCloseTo(expected[i].weighted, 6);
            expect(e.p50).toBeCloseTo(expected[i].p50, 6);
          });
        }
      ),
      { numRuns: 80 }
    );
    expect(liveWithClosed).toBeGreaterThan(10);
  });

  it("is stamped when a deal is closed only by its stage while the table has a category column", () => {
    const rows = [
      [46400, 1000, 0.2, "Proposal", "Commit"],
      [46401, 2000, 0.5, "Closed won", null],
    ];
    expect(evaluate(rows, true).live).toBe(false);
    expect(evaluate(rows, false).live).toBe(true);
  });
});

describe("CarnetPipeline's place on its sheet", () => {
  it("is under the note while the sheet has room, and from row 1 when every row holds a deal", () => {
    expect(pipelineHeaderRow(320)).toBe(2);
    expect(pipelineHeaderRow(1_048_573)).toBe(2); // the last deal on the sheet's last row
    expect(pipelineHeaderRow(1_048_574)).toBe(0);
    expect(pipelineHeaderRow(1_048_575)).toBe(0);
  });
});

describe("the forecast's plans in steps", () => {
  const headers = ["Close date", "Owner", "Product", "Amount", "Probability"];
  const cells = Array.from({ length: 3000 }, (_, i) => [
    46023 + (i % 365),
    ["Anne", "Bruno", "Claire"][i % 3],
    ["A", "B"][i % 2],
    1000 + (i % 101),
    (i % 20) / 20,
  ]);
  const source = {
    kind: "range" as const,
    tableName: null,
    sheet: "Deals",
    row: 0,
    col: 0,
    address: "Deals!A1:E3001",
    headers,
    rows: cells,
    numberFormats: headers.map(() => "General"),
  };
  const mapping = recogniseColumns(headers, PIPELINE_FIELDS);
  const build = {
    source,
    mapping,
    deals: readPipelineRows(cells, mapping).table,
    periodKind: "quarter" as const,
    stamp: "now",
    currencyFormat: "0",
  };

  it("are the plans made at once, and stop at the step after Cancel", async () => {
    let pauses = 0;
    const count = { everyMs: 0, pause: async () => void pauses++ };
    const inSteps = await runStepsAsync(forecastPlansSteps(build), undefined, count);
    const atOnce = buildForecastPlans(build);
    expect(inSteps.rows).toEqual(atOnce.rows);
    expect(inSteps.plans.map((p) => p.tables.map(planRows))).toEqual(
      atOnce.plans.map((p) => p.tables.map(planRows))
    );
    // A step a grouping pass and a step a group's distribution: four periods, three owners, two products.
    expect(pauses).toBeGreaterThan(4 + 3 + 2);
    const controller = new AbortController();
    let seen = 0;
    const abortAtThird = {
      everyMs: 0,
      pause: async () => {
        if (++seen === 3) controller.abort();
      },
    };
    await expect(
      runStepsAsync(forecastPlansSteps(build), controller.signal, abortAtThird)
    ).rejects.toThrow(Cancelled);
    expect(seen).toBe(3);
  });
});
