/**
 * CarnetPipeline's Weighted amount column is countingRows' rule written as a formula: evaluated in a
 * spreadsheet engine over deals of every category, it gives what the domain gives, so that the
 * column's SUM is the forecast's weighted total.
 */
import fc from "fast-check";
import { weightedAmount } from "../../src/domain/countingRows";
import { FORECAST_CATEGORIES, type ForecastCategory } from "../../src/domain/deal";
import { PIPELINE_COLUMNS, weightedAmountFormula } from "../../src/excel/plan/forecastPlan";
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
