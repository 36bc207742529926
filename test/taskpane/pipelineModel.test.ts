import type { Deal } from "../../src/domain/deal";
import { harvestWarning } from "../../src/domain/harvest";
import { rangeKey } from "../../src/domain/productRanges";
import type { SourceData } from "../../src/excel/plan/source";
import { analysePipeline, harvestIssues, isLeftOut } from "../../src/taskpane/pipelineModel";

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

describe("the data-quality report", () => {
  const HEADER = ["Date jalon", "Société", "Montant", "Probabilité"];
  const source: SourceData = {
    kind: "range",
    tableName: null,
    sheet: "Ventes",
    row: 0,
    col: 0,
    address: "Ventes!A1:D5",
    headers: HEADER,
    rows: [
      ["2003-04-04", "Alpha", "1 000 €", "20 %"],
      HEADER,
      ["2003-04-03", "Bêta", "2 000 €", "50 %"],
      ["2003-04-05", "Gamma", "deux mille", "50 %"],
    ],
    numberFormats: HEADER.map(() => "General"),
    leftOut: { first: 6, last: 9 },
  };

  it("lists a repeated header and the rows left out below the table as rows left out, not problems", () => {
    const { report, reading } = analysePipeline(source, {});
    expect(reading.deals.map((d) => d.company)).toEqual(["Alpha", "Bêta", "Gamma"]);
    expect(report.map((l) => [l.kind, l.address, l.text, isLeftOut(l)])).toEqual([
      ["header", "Ventes!A3:D3", "Row at Ventes!A3:D3 repeats the header: left out", true],
      [
        "unreadable",
        "Ventes!C5",
        expect.stringMatching(/^Amount deux mille at Ventes!C5 is not a number/),
        false,
      ],
      [
        "below",
        "Ventes!A7:D10",
        "Rows 7–10 below a blank row do not look like deals: left out",
        true,
      ],
    ]);
  });
});
