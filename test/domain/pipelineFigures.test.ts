import fc from "fast-check";
import { serialFromYmd } from "../../src/domain/dates";
import type { Grid } from "../../src/domain/grid";
import * as pipeline from "../../src/domain/pipeline";
import { type PeriodFilter, pipelineDeals, type PipelineColumns } from "../../src/domain/pipeline";
import { pipelineFigures, withPipelineFigures } from "../../src/domain/pipelineFigures";

const column = (...cells: unknown[]) => cells.map((c) => [c]) as unknown as Grid;

/** What pipelineFigures must give: pipelineDeals' deals, or its problem. */
function viaDeals(columns: PipelineColumns, filter?: PeriodFilter) {
  try {
    const deals = pipelineDeals(columns, filter);
    return { amounts: deals.map((d) => d.amount), probabilities: deals.map((d) => d.probability) };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

function viaFigures(columns: PipelineColumns, filter?: PeriodFilter) {
  try {
    const figures = pipelineFigures(columns, filter);
    return { amounts: [...figures.amounts], probabilities: [...figures.probabilities] };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

afterEach(() => jest.restoreAllMocks());

describe("the deals' figures for the outcome distribution", () => {
  it("reads plain numbers in one pass, without going through deal objects", () => {
    const spy = jest.spyOn(pipeline, "pipelineDeals");
    const figures = pipelineFigures({
      amounts: column(1000, 2000, null, 4000),
      probabilities: column(0.2, 0.5, "", 0.75),
    });
    expect([...figures.amounts]).toEqual([1000, 2000, 4000]);
    expect([...figures.probabilities]).toEqual([0.2, 0.5, 0.75]);
    expect(spy).not.toHaveBeenCalled();
  });

  it("filters plain serial close dates on the period, bounds inclusive, undated deals out", () => {
    const april = serialFromYmd(2003, 4, 1);
    const spy = jest.spyOn(pipeline, "pipelineDeals");
    const columns = {
      amounts: column(1, 2, 3, 4),
      probabilities: column(0.1, 0.2, 0.3, 0.4),
      closeDates: column(april - 1, april, april + 29, null),
    };
    const filter = { from: april, to: april + 29 };
    expect(viaFigures(columns, filter)).toEqual({ amounts: [2, 3], probabilities: [0.2, 0.3] });
    expect(viaFigures(columns, filter)).toEqual(viaDeals(columns, filter));
    expect(spy).toHaveBeenCalledTimes(1); // by viaDeals only
  });

  it("hands the handbook's text table, total row included, to the full reading rules", () => {
    const spy = jest.spyOn(pipeline, "pipelineDeals");
    const columns = {
      amounts: column("1 000 €", "2 000 €", "4 000 €", ""),
      probabilities: column("20 %", "50 %", "75 %", "4 200 €"),
    };
    expect(viaFigures(columns)).toEqual({
      amounts: [1000, 2000, 4000],
      probabilities: [0.2, 0.5, 0.75],
    });
    expect(spy).toHaveBeenCalled();
  });

  it("says what the full rules say about a bad cell or ranges of different sizes", () => {
    for (const columns of [
      { amounts: column(1000, 2000), probabilities: column(0.5, 20) },
      { amounts: column(1000, NaN), probabilities: column(0.5, 0.5) },
      { amounts: column(1000, 2000), probabilities: column(0.5, null) },
      { amounts: column(1, 2), probabilities: column(0.5) },
      { amounts: column(1, 2), probabilities: column(0.5, 0.5), closeDates: column(1, -3) },
    ]) {
      const expected = viaDeals(columns);
      expect(expected).toHaveProperty("problem");
      expect(viaFigures(columns)).toEqual(expected);
    }
  });

  it("leaves a column it does not read to the full rules", () => {
    const spy = jest.spyOn(pipeline, "pipelineDeals");
    const columns = {
      amounts: column(1000),
      probabilities: column(0.5),
      owners: column("Anne"),
    } as unknown as PipelineColumns;
    pipelineFigures(columns);
    expect(spy).toHaveBeenCalled();
  });

  it("agrees with pipelineDeals on any block of cells, plain or not", () => {
    const odd = fc.constantFrom(null, "", " ", 0, 1.5, "Total", "12 %", "1 000 €", NaN);
    const amount = fc.oneof(
      { weight: 20, arbitrary: fc.integer({ min: -500, max: 5000 }).map((x) => x * 10) },
      { weight: 1, arbitrary: odd }
    );
    const probability = fc.oneof(
      { weight: 20, arbitrary: fc.integer({ min: 0, max: 100 }).map((x) => x / 100) },
      { weight: 1, arbitrary: odd }
    );
    // Open, closed (a won deal needs no probability), or a word that leaves the deal open.
    const statusCell = fc.constantFrom(
      null,
      null,
      "",
      "Won",
      "Perdu",
      "Omitted",
      "Commit",
      "Proposal"
    );
    const dateCell = fc.oneof(
      { weight: 20, arbitrary: fc.integer({ min: 37_000, max: 38_000 }) },
      { weight: 1, arbitrary: fc.constantFrom(null, "", 0, "2003-04-04", -1) }
    );
    const block = fc
      .record({ rows: fc.integer({ min: 0, max: 12 }), width: fc.integer({ min: 1, max: 3 }) })
      .chain(({ rows, width }) =>
        fc.record({
          amounts: fc.array(fc.array(amount, { minLength: width, maxLength: width }), {
            minLength: rows,
            maxLength: rows,
          }),
          probabilities: fc.array(fc.array(probability, { minLength: width, maxLength: width }), {
            minLength: rows,
            maxLength: rows,
          }),
          closeDates: fc.option(
            fc.array(fc.array(dateCell, { minLength: width, maxLength: width }), {
              minLength: rows,
              maxLength: rows,
            })
          ),
          statuses: fc.option(
            fc.array(fc.array(statusCell, { minLength: width, maxLength: width }), {
              minLength: rows,
              maxLength: rows,
            })
          ),
        })
      );
    const filter = fc.option(fc.record({ from: fc.constant(37_300), to: fc.constant(37_700) }));
    let plain = 0;
    fc.assert(
      fc.property(block, filter, (columns, period) => {
        const f = columns.closeDates ? (period ?? undefined) : undefined;
        const spy = jest.spyOn(pipeline, "pipelineDeals");
        const figures = viaFigures(columns as PipelineColumns, f);
        if (spy.mock.calls.length === 0) plain++;
        spy.mockRestore();
        expect(figures).toEqual(viaDeals(columns as PipelineColumns, f));
      }),
      { numRuns: 300 }
    );
    // Both paths were taken, each many times.
    expect(plain).toBeGreaterThan(50);
    expect(plain).toBeLessThan(250);
  });

  it("lends buffers kept from call to call, and fresh ones to a call made while they are lent", () => {
    const columns = { amounts: column(1000, 2000), probabilities: column(0.2, 0.5) };
    const first = withPipelineFigures(columns, undefined, (f) => f.amounts.buffer);
    const again = withPipelineFigures(columns, undefined, (figures) => {
      expect([...figures.amounts]).toEqual([1000, 2000]);
      expect([...figures.probabilities]).toEqual([0.2, 0.5]);
      const inner = withPipelineFigures(
        { amounts: column(7), probabilities: column(0.7) },
        undefined,
        (f) => {
          expect([...f.amounts]).toEqual([7]);
          return f.amounts.buffer;
        }
      );
      expect(inner).not.toBe(figures.amounts.buffer);
      // The outer figures are untouched by the inner call.
      expect([...figures.amounts]).toEqual([1000, 2000]);
      return figures.amounts.buffer;
    });
    expect(again).toBe(first);
  });

  it("lends the full rules' figures for cells that are not plain, and frees the buffers on a problem", () => {
    const text = { amounts: column("1 000 €", 2000), probabilities: column("20 %", 0.5) };
    expect(withPipelineFigures(text, undefined, (f) => [...f.amounts])).toEqual([1000, 2000]);
    const bad = { amounts: column(1000), probabilities: column(20) };
    expect(() => withPipelineFigures(bad, undefined, () => 0)).toThrow(/above 1/);
    const plain = { amounts: column(3), probabilities: column(0.3) };
    expect(withPipelineFigures(plain, undefined, (f) => [...f.amounts])).toEqual([3]);
  });
});
