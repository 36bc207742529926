import type { Deal } from "../../src/domain/deal";
import { harvestWarning } from "../../src/domain/harvest";
import { rangeKey } from "../../src/domain/productRanges";
import type { SourceData } from "../../src/excel/plan/source";
import { DealTable } from "../../src/domain/dealTable";
import { STEP_ROWS } from "../../src/domain/steps";
import { Cancelled, runStepsAsync } from "../../src/excel/plan/progress";
import { CHANGE_KINDS, CHANGE_LABELS } from "../../src/domain/snapshots";
import {
  analysePipeline,
  analysePipelineSteps,
  changeLabel,
  harvestIssues,
  isLeftOut,
} from "../../src/taskpane/pipelineModel";
import { wordsIn } from "../../src/taskpane/words";

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
    // The same of the deals as a table, as the pane holds a large pipeline.
    const table = DealTable.of([
      deal(0, "Hardware Kit."),
      deal(1, "hardware kit", "Won"),
      deal(3, "Training"),
      deal(5, "Hardware Kit", "Commit"),
    ]);
    expect([...harvestIssues(table, harvest).keys()]).toEqual([0, 5]);
  });

  it("says the warning in the pane's language, as the deal's other issues", () => {
    const harvest = new Set([rangeKey("Kit")]);
    expect([...harvestIssues([deal(0, "Kit")], harvest, wordsIn("fr")).values()]).toEqual([
      "la gamme Kit est dans la zone Récolter / abandonner de la matrice\u00a0: une opportunité " +
        "qui peut ne pas cadrer avec le plan",
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

describe("analysing a large pipeline in steps", () => {
  /** A table of `deals` rows: an id, an amount and a probability each. */
  const sourceOf = (deals: number): SourceData => ({
    kind: "table",
    tableName: "Deals",
    sheet: "Deals",
    row: 0,
    col: 0,
    address: `Deals!A1:C${deals + 1}`,
    headers: ["Id", "Amount", "Probability"],
    rows: Array.from({ length: deals }, (_, i) => [`D-${i}`, 1000 + (i % 97), (i % 19) / 20]),
    numberFormats: ["General", "General", "General"],
  });
  /** Pauses after every step, counting them; aborts at the pause `abortAt`. */
  const pacer = (controller: AbortController, abortAt = Infinity) => {
    const pace = {
      pauses: 0,
      everyMs: 0,
      pause: async () => {
        if (++pace.pauses === abortAt) controller.abort();
      },
    };
    return pace;
  };

  it("gives what analysePipeline gives", async () => {
    const source = sourceOf(500);
    const controller = new AbortController();
    const inSteps = await runStepsAsync(
      analysePipelineSteps(source, {}),
      controller.signal,
      pacer(controller)
    );
    const atOnce = analysePipeline(source, {});
    expect({ ...inSteps, reading: null }).toEqual({ ...atOnce, reading: null });
    expect(inSteps.reading.deals).toEqual(atOnce.reading.deals);
  });

  it("stops at the first step after Cancel, a few steps into a pipeline of many", async () => {
    const source = sourceOf(4 * STEP_ROWS);
    const whole = pacer(new AbortController());
    await runStepsAsync(analysePipelineSteps(source, {}), undefined, whole);
    // Four steps of reading at least, and the headline's passes and distribution.
    expect(whole.pauses).toBeGreaterThanOrEqual(6);
    const controller = new AbortController();
    const cancelled = pacer(controller, 2);
    await expect(
      runStepsAsync(analysePipelineSteps(source, {}), controller.signal, cancelled)
    ).rejects.toThrow(Cancelled);
    expect(cancelled.pauses).toBe(2);
  });
});

describe("the pipeline's own words in a French pane", () => {
  const fr = wordsIn("fr");
  const source: SourceData = {
    kind: "range",
    tableName: null,
    sheet: "Ventes",
    row: 0,
    col: 0,
    address: "Ventes!A1:D3",
    headers: ["Date jalon", "Société", "Montant", "Probabilité"],
    rows: [
      ["2003-04-04", "Alpha", "1 000 €", "20 %"],
      ["2003-04-05", "Gamma", "deux mille", "50 %"],
    ],
    numberFormats: ["General", "General", "General", "General"],
    leftOut: { first: 5, last: 5 },
  };

  it("says the rows left out and the located problems in French, field names included", () => {
    const { report, reading, missing } = analysePipeline(source, {}, null, fr);
    expect(report.map((l) => l.text)).toEqual([
      "Montant deux mille en Ventes!C3 n'est pas un nombre",
      "La ligne 6, sous une ligne vide, ne ressemble pas à une affaire\u00a0: écartée",
    ]);
    // The deal's own lines (CarnetPipeline's Issues) speak the same language as the report.
    expect(reading.deals[1].issues).toEqual(["Montant deux mille n'est pas un nombre"]);
    expect(missing).toEqual([]);
    const noAmount = { ...source, headers: ["Date jalon", "Société", "Chiffre", "Probabilité"] };
    expect(analysePipeline(noAmount, {}, null, fr).missing).toEqual(["Montant"]);
    expect(analysePipeline(noAmount, {}).missing).toEqual(["Amount"]);
    expect(analysePipeline(source, {}).report[0].text).toBe(
      "Amount deux mille at Ventes!C3 is not a number"
    );
    expect(analysePipeline(source, {}).report[1].text).toBe(
      "Row 6 below a blank row does not look like a deal: left out"
    );
  });

  it("names each kind of change as the domain does in English, and in French", () => {
    for (const kind of CHANGE_KINDS) expect(changeLabel(kind)).toBe(CHANGE_LABELS[kind]);
    expect(changeLabel("slipped out", "2027-Q1")).toBe("Slipped out of 2027-Q1");
    expect(changeLabel("pulled in", "2027-Q1", fr)).toBe("Avancées dans 2027-Q1");
    expect(changeLabel("amount up", null, fr)).toBe("Montant en hausse");
  });
});
