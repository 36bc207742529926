/**
 * What the action plan's checks read from the rest of the workbook (readPlanContext), through
 * Microsoft's Excel client against the simulated host: CarnetPipeline as "Build forecast" writes it
 * and CarnetMatrix as "Build matrix" writes it, from a sales table and the ten ranges. Needs
 * `npm run build` first (dist/functions.js), as the matrix's tests do.
 */
import { serialFromYmd } from "../../src/domain/dates";
import { readPlanContext } from "../../src/excel/host/actionPlan";
import { writeMatrix } from "../../src/excel/host/matrix";
import { writeOwnedSheets } from "../../src/excel/host/owned";
import { readSource } from "../../src/excel/host/source";
import { buildForecastPlans } from "../../src/excel/plan/forecastPlan";
import { analyseRangeTable, matrixBuildOf } from "../../src/taskpane/matrixModel";
import { analysePipeline } from "../../src/taskpane/pipelineModel";
import { createExcelHost, createHyperFormulaBackend } from "../../src/workbench/sim";
import { carnetEngine } from "../support/carnet-engine";
import "../support/office-client";
import { HEADERS_EN } from "../support/portfolio";
import { TEN_RANGES_IN_CELLS } from "../support/ten-ranges";

const day = (y: number, m: number, d: number) => serialFromYmd(y, m, d);

/** 2027-S1 is January–June 2027, 2026-S2 July–December 2026 (fiscal year from January). */
const DEALS = [
  ["Id", "Close date", "Company", "Product", "Owner", "Amount", "Probability", "Forecast category"],
  ["D1", day(2027, 2, 10), "Acme", "Alpha", "Anne", 10000, 0.5, "Pipeline"],
  // The same rep and range typed otherwise: one rep, and the matrix's Alpha.
  ["D2", day(2027, 5, 20), "Globex", "alpha", "anne", 4000, 0.25, "Pipeline"],
  ["D3", day(2027, 3, 1), "Initech", "Juliet", "Bruno", 8000, 0.5, "Commit"],
  ["D4", day(2027, 7, 15), "Umbrella", "Alpha", "Anne", 50000, 0.9, "Commit"],
  ["D5", day(2026, 10, 1), "Hooli", "Bravo", "Bruno", 20000, 1, "Won"],
  ["D6", day(2026, 11, 1), "Stark", "Zulu", "Claire", 5000, 1, "Won"],
  ["D7", day(2027, 4, 1), "Wayne", "Alpha", "Claire", 6000, 0, "Lost"],
  ["D8", day(2026, 12, 15), "Tyrell", "Alpha", "Anne", 3000, 0.5, "Pipeline"],
  ["D9", day(2027, 1, 15), "Cyberdyne", "Bravo", "Anne", 1000, 1, "Won"],
];

let uninstall: () => void;

/** A workbook computing the CARNET functions the matrix's live cells call (needs `npm run build`). */
function open(sheets: Record<string, unknown[][]>) {
  const host = createExcelHost(createHyperFormulaBackend(carnetEngine(sheets)));
  uninstall = host.install();
  return host;
}

afterEach(() => uninstall());

/** "Build forecast" and "Build matrix" as the pane runs them. */
async function buildForecastAndMatrix() {
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.getItem("Deals").tables.add("A1:H10", true).name = "Deals";
    sheets.getItem("Products").tables.add("A1:F13", true).name = "Ranges";
    await context.sync();
  });
  const deals = await readSource({ kind: "table", name: "Deals" });
  const analysis = analysePipeline(deals, {});
  const { plans } = buildForecastPlans({
    source: deals,
    mapping: analysis.mapping,
    deals: analysis.reading.deals,
    periodKind: "quarter",
    stamp: "2027-01-02 09:00",
    currencyFormat: "#,##0",
  });
  await writeOwnedSheets(plans);
  const ranges = analyseRangeTable(await readSource({ kind: "table", name: "Ranges" }), {});
  await writeMatrix(matrixBuildOf(ranges, "2027-01-02 09:00"));
}

describe("the plan's context", () => {
  it("is empty, not an error, without a pipeline or a matrix", async () => {
    open({ Notes: [["Mine"]] });
    expect(await readPlanContext("2027-S1", 1)).toEqual({
      zones: new Map(),
      team: [],
      weightedByOwner: new Map(),
      weightedByRange: new Map(),
      wonPreviousByOwner: new Map(),
      wonPreviousByRange: new Map(),
    });
  });

  it("reads the team, the weighted pipeline of the semester and last semester's won from CarnetPipeline", async () => {
    open({ Deals: DEALS, Products: [HEADERS_EN, ...TEN_RANGES_IN_CELLS] });
    await buildForecastAndMatrix();
    const context = await readPlanContext("2027-S1", 1);
    expect(context.team).toEqual(["Anne", "Bruno", "Claire"]);
    // Open deals closing January–June 2027: D1 5 000 + D2 1 000 (Anne, Alpha), D3 4 000 (Bruno, Juliet).
    expect(context.weightedByOwner).toEqual(
      new Map([
        ["Anne", 6000],
        ["Bruno", 4000],
      ])
    );
    expect(context.weightedByRange).toEqual(
      new Map([
        ["Alpha", 6000],
        ["Juliet", 4000],
      ])
    );
    // Won July–December 2026: D5 (Bruno, Bravo) and D6 (Claire, Zulu: no range of the matrix).
    expect(context.wonPreviousByOwner).toEqual(
      new Map([
        ["Bruno", 20000],
        ["Claire", 5000],
      ])
    );
    expect(context.wonPreviousByRange).toEqual(
      new Map([
        ["Bravo", 20000],
        ["Zulu", 5000],
      ])
    );
  });

  it("reads each placed range's cell and zone from CarnetMatrix, by the matrix's name", async () => {
    open({ Deals: DEALS, Products: [HEADERS_EN, ...TEN_RANGES_IN_CELLS] });
    await buildForecastAndMatrix();
    const { zones } = await readPlanContext("2027-S1", 1);
    expect(zones.get("Alpha")).toEqual({ cell: "Protect position", zone: "Invest / grow" });
    expect(zones.get("Golf Élite")).toEqual({
      cell: "Limited expansion or harvest",
      zone: "Harvest / divest",
    });
    expect(zones.get("Juliet")).toEqual({ cell: "Divest", zone: "Harvest / divest" });
    // Hotel has no market share: not placed.
    expect([...zones.keys()]).toEqual([
      "Alpha",
      "Bravo",
      "Charlie",
      "Delta",
      "Echo",
      "Foxtrot",
      "Golf Élite",
      "India",
      "Juliet",
    ]);
  });

  it("cuts semesters at the workbook's fiscal year start", async () => {
    open({ Deals: DEALS, Products: [HEADERS_EN, ...TEN_RANGES_IN_CELLS] });
    await buildForecastAndMatrix();
    // From April: 2027-S1 is April–September 2027, 2026-S2 October 2026–March 2027. Anne is named
    // as the pipeline first spells her, though her first deal of the semester says "anne".
    const context = await readPlanContext("2027-S1", 4);
    expect(context.weightedByOwner).toEqual(new Map([["Anne", 1000 + 45000]]));
    expect(context.wonPreviousByOwner).toEqual(
      new Map([
        ["Bruno", 20000],
        ["Claire", 5000],
        ["Anne", 1000],
      ])
    );
  });
});
