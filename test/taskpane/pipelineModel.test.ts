import type { Deal } from "../../src/domain/deal";
import { harvestWarning } from "../../src/domain/harvest";
import { rangeKey } from "../../src/domain/productRanges";
import { harvestIssues } from "../../src/taskpane/pipelineModel";

const deal = (row: number, product: string | null, category: Deal["category"] = null): Deal => ({
  row,
  id: null,
  closeDate: null,
  company: null,
  contact: null,
  product,
  amount: 1000,
  probability: 0.5,
  probabilitySource: "deal",
  owner: null,
  stage: null,
  category,
  issues: [],
});

describe("the handbook's warning in the pipeline's Issues column", () => {
  it("flags open deals on harvest / divest ranges, names matched loosely, won and lost deals left alone", () => {
    const harvest = new Set([rangeKey("Hardware Kit")]);
    const issues = harvestIssues(
      [
        deal(0, "Hardware Kit."),
        deal(1, "hardware kit", "Won"),
        deal(2, "HARDWARE KIT", "Lost"),
        deal(3, "Training"),
        deal(4, null),
        deal(5, "Hardware Kit", "Commit"),
      ],
      harvest
    );
    expect([...issues]).toEqual([
      [0, harvestWarning("Hardware Kit.")],
      [5, harvestWarning("Hardware Kit")],
    ]);
  });
});
