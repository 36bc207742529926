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
import {
  buildForecastPlans,
  PIPELINE_COLUMNS,
  weightedAmountFormula,
} from "../../src/excel/plan/forecastPlan";
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
        .flatMap((p) => p.tables.flatMap((t) => t.rows.flat()))
        .filter((c): c is string => typeof c === "string" && c.startsWith("=") && c.includes("!"));
      expect(formulas.length).toBeGreaterThan(0);
      for (const formula of formulas) {
        expect(formula).toContain(`'${sheet}'!`);
        expect(formula.split(`'${sheet}'!`).join("")).not.toContain("!");
      }
    }
  });
});
