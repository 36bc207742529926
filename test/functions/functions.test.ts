/**
 * The custom functions through their exported implementations, with arguments shaped as Excel passes
 * them: 2-D arrays for ranges, null or "" for blank cells, null for an omitted optional argument.
 */
import {
  abcClass,
  brier,
  matrixQuadrant,
  pipelineProbability,
  pipelineQuantile,
  weightedPipeline,
} from "../../src/functions/functions";
import { CustomFunctionError } from "../../src/workbench/custom-functions-shim";

const col = (...cells: unknown[]) => cells.map((c) => [c]);
/** Excel passes an omitted optional argument as null, which the declared `?:` types do not say. */
const omitted = null as unknown as undefined;

function excelError(run: () => unknown): CustomFunctionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CustomFunctionError);
    return error as CustomFunctionError;
  }
  throw new Error("expected an error");
}

describe("WEIGHTED_PIPELINE", () => {
  it("gives 4 200 for the handbook's table typed as text", () => {
    expect(
      weightedPipeline(col("1 000 €", "2 000 €", "4 000 €"), col("20 %.", "50 %.", "75 %."))
    ).toBeCloseTo(4200);
  });

  it("takes the date column, the total row and date bounds as text", () => {
    const dates = col(
      "4 avril 2003.",
      "3 avril 2003.",
      "3 avril 2003",
      "Total probabilisé du carnet commercial"
    );
    const amounts = col("1 000 €", "2 000 €", "4 000 €", null);
    const probabilities = col("20 %.", "50 %.", "75 %.", "4 200 €");
    expect(weightedPipeline(amounts, probabilities, dates, null, null)).toBeCloseTo(4200);
    expect(weightedPipeline(amounts, probabilities, dates, "2003-04-04", "")).toBeCloseTo(200);
    expect(weightedPipeline(amounts, probabilities, dates, null, "3 avril 2003")).toBeCloseTo(4000);
  });

  it("leaves out a row repeating the header, as the pane does (live formulas over a pasted block)", () => {
    const amounts = col("1 000 €", "Montant", "2 000 €", "4 000 €");
    const probabilities = col("20 %.", "Probabilité", "50 %.", "75 %.");
    const dates = col("4 avril 2003", "Date jalon", "3 avril 2003", "3 avril 2003");
    expect(weightedPipeline(amounts, probabilities, dates, null, null)).toBeCloseTo(4200);
    expect(weightedPipeline(amounts, probabilities)).toBeCloseTo(4200);
    // One column's name alone is no header: an amount that cannot be read.
    expect(excelError(() => weightedPipeline(col("Montant"), col("20 %"))).message).toMatch(
      /^amount Montant at position 1 /
    );
  });

  it("answers #VALUE! with the position and the fix for a probability typed 20", () => {
    const error = excelError(() => weightedPipeline(col(1000, 2000), col(20, 0.5)));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe("probability 20 at position 1 is above 1: write 20% or 0.2");
  });

  it("asks for close dates when given a period", () => {
    expect(excelError(() => weightedPipeline(col(1), col(0.5), omitted, 37000)).message).toMatch(
      /close_dates/
    );
  });
});

describe("PIPELINE_PROBABILITY and PIPELINE_QUANTILE", () => {
  const amounts = col(1000, 2000, 4000);
  const probabilities = col(0.2, 0.5, 0.75);

  it("gives the chance of reaching a target for the handbook's deals", () => {
    // Reaching 4 000 needs the 4 000 € deal: 75 %. Reaching 5 000 needs it and one other: 0.75 × (1 − 0.8 × 0.5).
    expect(pipelineProbability(amounts, probabilities, 4000)).toBeCloseTo(0.75, 12);
    expect(pipelineProbability(amounts, probabilities, "5 000 €")).toBeCloseTo(0.75 * 0.6, 12);
    expect(pipelineProbability(amounts, probabilities, 0)).toBe(1);
  });

  it("gives P10, P50 and P90 of the total won", () => {
    // Outcomes: 0 (.1), 1000 (.025), 2000 (.1), 3000 (.025), 4000 (.3), 5000 (.075), 6000 (.3), 7000 (.075).
    expect(pipelineQuantile(amounts, probabilities, 0.05)).toBe(0);
    expect(pipelineQuantile(amounts, probabilities, "50 %")).toBe(4000);
    expect(pipelineQuantile(amounts, probabilities, 0.9)).toBe(6000);
  });

  it("refuses q outside (0, 1)", () => {
    expect(excelError(() => pipelineQuantile(amounts, probabilities, 1)).message).toMatch(
      /strictly between 0 and 1/
    );
    expect(
      excelError(() => pipelineProbability(amounts, probabilities, "beaucoup")).message
    ).toMatch(/^target beaucoup/);
  });
});

describe("ABC_CLASS", () => {
  it("spills the textbook classes in the input's shape", () => {
    const values = [
      [90000, 77000, 26350, 15001, 12500],
      [8502, 1200, 850, 504, 150],
    ];
    expect(abcClass(values)).toEqual([
      ["A", "A", "A", "B", "B"],
      ["C", "C", "C", "C", "C"],
    ]);
  });

  it("keeps blanks blank and puts an error in the one unreadable cell only", () => {
    const out = abcClass(col(50, null, "30 €", "n/a", 15, "", 5));
    expect(out.map((r) => r[0]).filter((c) => typeof c === "string")).toEqual([
      "A",
      "",
      "A",
      "B",
      "",
      "C",
    ]);
    const bad = out[3][0] as unknown as CustomFunctionError;
    expect(bad).toBeInstanceOf(CustomFunctionError);
    expect(bad.message).toMatch(/^value n\/a at position 4 /);
  });

  it("takes shares as numbers or percentages and checks them", () => {
    expect(abcClass(col(50, 30, 15, 5), "50 %", 0.8)).toEqual(col("A", "B", "C", "C"));
    expect(excelError(() => abcClass(col(1, 2), 0.9, 0.5)).message).toMatch(/below the B share/);
  });
});

describe("MATRIX_QUADRANT", () => {
  it("names the cell from a 1–5 score on both axes", () => {
    expect(matrixQuadrant([[4.5]], [[4]])).toEqual([["Protect position"]]);
    expect(matrixQuadrant([[1]], [[1]])).toEqual([["Divest"]]);
  });

  it("reads market share with the user's cut-offs and an ABC class as attractiveness", () => {
    const cuts = [[0.1, 0.25]];
    expect(matrixQuadrant([["30 %"]], [["A"]], cuts)).toEqual([["Protect position"]]);
    expect(matrixQuadrant([[0.05]], [["C"]], cuts)).toEqual([["Divest"]]);
    expect(matrixQuadrant([[0.15]], [["b"]], cuts, omitted, "zone")).toEqual([["Selectivity"]]);
  });

  it("spills one name per range, lifting a single cell over a range", () => {
    const shares = col(0.3, 0.15, 0.05);
    expect(matrixQuadrant(shares, col("A", "B", "C"), [[0.1, 0.25]], omitted, "zone")).toEqual(
      col("Invest / grow", "Selectivity", "Harvest / divest")
    );
    expect(matrixQuadrant(shares, [["A"]], [[0.1, 0.25]])).toEqual(
      col("Protect position", "Invest to build", "Build selectively")
    );
  });

  it("says which input is wrong", () => {
    expect(excelError(() => matrixQuadrant(col(1, "x"), col(1, 1))).message).toMatch(
      /^strength x at position 2/
    );
    expect(excelError(() => matrixQuadrant([[1]], [["D"]])).message).toMatch(/ABC class A, B or C/);
    expect(excelError(() => matrixQuadrant([[1]], [[1]], [[0.3, 0.1]])).message).toMatch(
      /strength cuts/
    );
    expect(excelError(() => matrixQuadrant(col(1, 2), [[1, 2, 3]])).message).toMatch(/same shape/);
    expect(
      excelError(() => matrixQuadrant([[1]], [[1]], omitted, omitted, "colour")).message
    ).toMatch(/"cell" or "zone"/);
  });
});

describe("BRIER", () => {
  it("is the mean of (p − o)² over the pairs, outcomes as 1/0, TRUE/FALSE, Won/Lost, Gagné/Perdu", () => {
    // (0.8 − 1)² + (0.6 − 0)² + (0.3 − 1)² = 0.04 + 0.36 + 0.49 = 0.89, over 3.
    expect(brier(col(0.8, "60 %", "30%"), col("Won", "Lost", "Gagné"))).toBeCloseTo(0.89 / 3, 12);
    expect(brier(col(0.8, 0.6, 0.3), col(1, 0, true))).toBeCloseTo(0.89 / 3, 12);
    expect(brier(col(0.8, 0.6, 0.3), col(" WON ", "perdu", "gagne"))).toBeCloseTo(0.89 / 3, 12);
    expect(brier(col(0.5, 0.5), col(true, false))).toBe(0.25);
  });

  it("pairs cells in reading order whatever the shapes, and skips a pair of blank cells", () => {
    expect(brier([[0.8, 0.6, 0.3]], col("Won", "Lost", "Won"))).toBeCloseTo(0.89 / 3, 12);
    expect(brier(col(0.8, null, 0.6, ""), col(1, "", 0, null))).toBeCloseTo(0.2, 12);
  });

  it("says where an outcome is neither won nor lost", () => {
    const error = excelError(() => brier(col(0.8, 0.6, 0.5), col(1, 0, 0.5)));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(
      "outcome 0.5 at position 3 is not won or lost: write 1 or 0, TRUE or FALSE, Won or Lost (Gagné or Perdu)"
    );
    expect(excelError(() => brier(col(0.8), col("Open"))).message).toMatch(
      /^outcome Open at position 1 is not won or lost/
    );
    expect(excelError(() => brier(col(0.8), col("Omis"))).message).toMatch(/^outcome Omis at/);
  });

  it("says where a probability cannot be read, with the pipeline functions' words", () => {
    expect(excelError(() => brier(col(0.2, 0.5, "120 %"), col(1, 0, 1))).message).toBe(
      "probability 120 % at position 3 is above 100 %: a probability is at most 100 %"
    );
    expect(excelError(() => brier(col(20), col(1))).message).toBe(
      "probability 20 at position 1 is above 1: write 20% or 0.2"
    );
  });

  it("says where a blank stands opposite a value", () => {
    expect(excelError(() => brier(col(0.8, 0.4), col(1, null))).message).toBe(
      "outcome at position 2 is blank but its probability is 0.4: give both or neither"
    );
    expect(excelError(() => brier(col(null), col("Won"))).message).toBe(
      "probability at position 1 is blank but its outcome is Won: give both or neither"
    );
  });

  it("asks for ranges of the same size", () => {
    expect(excelError(() => brier(col(0.8, 0.6), col(1, 0, 1))).message).toBe(
      "the probabilities have 2 cells but the outcomes have 3: give ranges of the same size"
    );
  });

  it("is #DIV/0! with no pair to score, as an average of nothing", () => {
    const error = excelError(() => brier(col(null, ""), col("", null)));
    expect(error.code).toBe("#DIV/0!");
    expect(error.message).toBe("no forecast to score: every pair of cells is blank");
  });
});
