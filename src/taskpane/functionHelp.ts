/** What the pane tells about each custom function: its syntax and one worked example from the handbook. */
export interface FunctionHelp {
  readonly name: string;
  readonly syntax: string;
  readonly summary: string;
  readonly example: string;
}

export const FUNCTION_HELP: ReadonlyArray<FunctionHelp> = [
  {
    name: "WEIGHTED_PIPELINE",
    syntax: "=CARNET.WEIGHTED_PIPELINE(amounts, probabilities, [close_dates], [from], [to])",
    summary: "Probability-weighted total of the deals, optionally those closing between two dates.",
    example: "1 000 € at 20 %, 2 000 € at 50 %, 4 000 € at 75 % → 4 200 €",
  },
  {
    name: "PIPELINE_PROBABILITY",
    syntax:
      "=CARNET.PIPELINE_PROBABILITY(amounts, probabilities, target, [close_dates], [from], [to])",
    summary: "Chance that the deals won reach the target, each deal won independently.",
    example: "Same three deals, target 4 000 € → 0.75",
  },
  {
    name: "PIPELINE_QUANTILE",
    syntax: "=CARNET.PIPELINE_QUANTILE(amounts, probabilities, q, [close_dates], [from], [to])",
    summary: "Total won at level q: P10 is the cautious figure, P90 the optimistic one.",
    example: "Same three deals, q = 50 % → 4 000 €",
  },
  {
    name: "ABC_CLASS",
    syntax: "=CARNET.ABC_CLASS(values, [a_share], [b_share])",
    summary: "A, B or C for each product range by contribution margin (80 % / 95 % by default).",
    example: "Margins 50, 30, 15, 5 → A, A, B, C",
  },
  {
    name: "MATRIX_QUADRANT",
    syntax:
      "=CARNET.MATRIX_QUADRANT(strength, attractiveness, [strength_cuts], [attractiveness_cuts], [style])",
    summary: "Nine-box cell (or zone) of the strengths–attractiveness matrix for each range.",
    example: 'Share 30 %, class A, cuts {10 %, 25 %} → "Protect position"',
  },
  {
    name: "AMOUNT",
    syntax: "=CARNET.AMOUNT(value)",
    summary: "A money amount typed as text, as a number that SUM and friends can use.",
    example: '"12 500 €" → 12500',
  },
  {
    name: "BRIER",
    syntax: "=CARNET.BRIER(probabilities, outcomes)",
    summary: "How well win probabilities foretold the outcomes: mean (p − o)², 0 is perfect.",
    example: "80 % won, 60 % lost, 30 % won → 0.297",
  },
];
