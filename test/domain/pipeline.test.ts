import fc from "fast-check";
import { InputProblem } from "../../src/domain/grid";
import { isTotalLabel, weightedTotal } from "../../src/domain/countingRows";
import { inPeriod, periodOf, pipelineDeals, weightedPipeline } from "../../src/domain/pipeline";
import { serialFromYmd } from "../../src/domain/dates";

const column = (...cells: unknown[]) => cells.map((c) => [c]) as never;

describe("the weighted pipeline", () => {
  it("gives the handbook's 4 200 € for its three deals (Tableau 399)", () => {
    expect(
      weightedPipeline({ amounts: column(1000, 2000, 4000), probabilities: column(0.2, 0.5, 0.75) })
    ).toBeCloseTo(4200, 9);
  });

  it("reads the handbook's table typed as text, total row included, and counts it once", () => {
    const dates = column(
      "4 avril 2003.",
      "3 avril 2003.",
      "3 avril 2003",
      "Total probabilisé du carnet commercial"
    );
    const amounts = column("1 000 €", "2 000 €", "4 000 €", "");
    const probabilities = column("20 %.", "50 %.", "75 %.", "4 200 €");
    expect(weightedPipeline({ amounts, probabilities, closeDates: dates })).toBeCloseTo(4200, 9);
    // Without the date column the total row is still recognised: its only figure equals the weighted total above.
    expect(weightedPipeline({ amounts, probabilities })).toBeCloseTo(4200, 9);
    expect(pipelineDeals({ amounts, probabilities })).toHaveLength(3);
  });

  it("skips rows where both the amount and the probability are blank", () => {
    expect(
      weightedPipeline({
        amounts: column(1000, null, "", 500),
        probabilities: column(0.5, null, " ", 1),
      })
    ).toBe(1000);
  });

  it("refuses an amount without a probability, naming the position", () => {
    expect(() =>
      weightedPipeline({ amounts: column(1000, 2000), probabilities: column(0.5, null) })
    ).toThrow(/probability at position 2 is blank but its amount is 2000/);
  });

  it("names the position and the fix for a probability typed as points", () => {
    expect(() => weightedPipeline({ amounts: column(1000), probabilities: column(20) })).toThrow(
      "probability 20 at position 1 is above 1: write 20% or 0.2"
    );
  });

  it("refuses ranges of different sizes", () => {
    expect(() => weightedPipeline({ amounts: column(1, 2), probabilities: column(0.5) })).toThrow(
      InputProblem
    );
  });

  it("pairs a row of amounts with a column of probabilities cell by cell", () => {
    expect(
      weightedPipeline({ amounts: [[1000, 2000, 4000]], probabilities: column(0.2, 0.5, 0.75) })
    ).toBeCloseTo(4200);
  });

  it("filters by close date, both bounds inclusive", () => {
    const closeDates = column(
      serialFromYmd(2003, 4, 4),
      serialFromYmd(2003, 4, 3),
      serialFromYmd(2003, 7, 1)
    );
    const columns = {
      amounts: column(1000, 2000, 4000),
      probabilities: column(0.2, 0.5, 0.75),
      closeDates,
    };
    const april = { from: serialFromYmd(2003, 4, 3), to: serialFromYmd(2003, 4, 4) };
    expect(weightedPipeline(columns, april)).toBeCloseTo(1200);
    expect(weightedPipeline(columns, { from: serialFromYmd(2003, 4, 4) })).toBeCloseTo(3200);
    expect(weightedPipeline(columns, { to: serialFromYmd(2003, 4, 3) })).toBeCloseTo(1000);
  });

  it("leaves a deal without a close date out of a dated period only", () => {
    expect(inPeriod(null, { from: 1 })).toBe(false);
    expect(inPeriod(null, {})).toBe(true);
  });

  it("recognises total and subtotal labels", () => {
    expect(isTotalLabel("Total probabilisé du carnet commercial")).toBe(true);
    expect(isTotalLabel("Sous-total T2")).toBe(true);
    expect(isTotalLabel("Subtotal")).toBe(true);
    expect(isTotalLabel("Totalement neuf")).toBe(false);
  });

  it("is linear in the amounts (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -1e6, max: 1e6, noNaN: true }),
            fc.double({ min: 0, max: 1, noNaN: true })
          ),
          {
            maxLength: 30,
          }
        ),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (rows, k) => {
          const deals = rows.map(([amount, probability]) => ({ amount, probability }));
          const scaled = deals.map((d) => ({ ...d, amount: d.amount * k }));
          const base = weightedTotal(deals);
          expect(weightedTotal(scaled)).toBeCloseTo(k * base, 3);
          const grid = {
            amounts: column(...rows.map((r) => r[0])),
            probabilities: column(...rows.map((r) => r[1])),
          };
          expect(weightedPipeline(grid)).toBeCloseTo(base, 6);
        }
      )
    );
  });
});

describe("periods", () => {
  it("finds the month, quarter, semester and year of a day", () => {
    const day = serialFromYmd(2003, 4, 4);
    expect(periodOf(day, "month")).toMatchObject({
      key: "2003-04",
      start: serialFromYmd(2003, 4, 1),
      end: serialFromYmd(2003, 4, 30),
    });
    expect(periodOf(day, "quarter")).toMatchObject({
      key: "2003-Q2",
      start: serialFromYmd(2003, 4, 1),
      end: serialFromYmd(2003, 6, 30),
    });
    expect(periodOf(day, "semester")).toMatchObject({
      key: "2003-S1",
      start: serialFromYmd(2003, 1, 1),
      end: serialFromYmd(2003, 6, 30),
    });
    expect(periodOf(serialFromYmd(2003, 12, 31), "semester")).toMatchObject({
      key: "2003-S2",
      end: serialFromYmd(2003, 12, 31),
    });
    expect(periodOf(day, "year")).toMatchObject({
      key: "2003",
      start: serialFromYmd(2003, 1, 1),
      end: serialFromYmd(2003, 12, 31),
    });
  });

  it("holds a deal closing in Excel's last period, up to 9999-12-31", () => {
    const last = serialFromYmd(9999, 12, 31);
    for (const kind of ["month", "quarter", "semester", "year"] as const)
      expect(periodOf(last, kind).end).toBe(last);
    expect(periodOf(last, "quarter").key).toBe("9999-Q4");
  });
});

describe("what is not a total row", () => {
  it("refuses a deal whose amount equals the running total but has no probability yet", () => {
    expect(() =>
      weightedPipeline({ amounts: column(5000, 5000, 1000), probabilities: column(0.5, null, 0.2) })
    ).toThrow(/probability at position 2 is blank but its amount is 5000/);
  });
});
