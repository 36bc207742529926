/**
 * Carnet on the oldest Excel its manifest claims: a host whose profile stops at ExcelApi 1.8 (Excel
 * 2019), so every member above it is ApiNotFound, as such an Excel answers. The main flows run twice
 * (a rebuild over Carnet's own tables, where Table.resize, ExcelApi 1.13, is missing) and keep the
 * objectives the user typed.
 */
import { readObjectives, writeForecast } from "../../src/excel/host/forecast";
import { readHarvestRanges, writeMatrix } from "../../src/excel/host/matrix";
import { loadSettings, saveSettings } from "../../src/excel/host/settings";
import { appendSnapshot, readSnapshots } from "../../src/excel/host/snapshots";
import { readSource } from "../../src/excel/host/source";
import { currencyFormatFor } from "../../src/excel/plan/currencyFormat";
import { snapshotFromDeals } from "../../src/domain/snapshots";
import { analyseRangeTable, matrixBuildOf } from "../../src/taskpane/matrixModel";
import { analysePipeline } from "../../src/taskpane/pipelineModel";
import { formulaWorkbook, type TestWorkbook } from "../support/excel-host";
import { RANGE_HEADERS_FR, TEN_RANGES_IN_CELLS } from "../support/ten-ranges";

const OLDEST = { ExcelApi: "1.8", CustomFunctionsRuntime: "1.2" };

const DEALS = [
  ["Date jalon", "Société", "Nature", "Montant", "Probabilité", "Commercial"],
  ["2027-01-15", "Alpha", "Gamme A", 1000, 0.2, "Anne"],
  ["2027-02-10", "Bêta", "Gamme B", 2000, 0.5, "Bruno"],
  ["2027-04-03", "Gamma", "Gamme A", 4000, 0.75, "Anne"],
];

let book: TestWorkbook;
afterEach(() => book?.dispose());

async function buildForecast(stamp: string) {
  book.host.selection.set("Ventes", "B2");
  const source = await readSource({ kind: "auto" });
  const analysis = analysePipeline(source, (await loadSettings()).settings);
  await writeForecast({
    source,
    mapping: analysis.mapping,
    deals: analysis.reading.deals,
    periodKind: "semester",
    objectives: await readObjectives(),
    stamp,
    currencyFormat: currencyFormatFor(source, [analysis.mapping.amount], 2),
  });
  return analysis;
}

describe("on Excel with ExcelApi 1.8 (the manifest's floor)", () => {
  it("refuses what that Excel lacks: Table.resize is ApiNotFound there", async () => {
    book = formulaWorkbook({ S: [["a"], [1]] }, { requirementSets: OLDEST });
    const failure = await Excel.run(async (context) => {
      const table = context.workbook.tables.add("S!A1:A2", true);
      await context.sync();
      table.resize("S!A1:A3");
      await context.sync();
    }).catch((error: OfficeExtension.Error) => error);
    expect(failure).toMatchObject({ code: "ApiNotFound" });
  });

  it("builds the forecast twice, snapshots and reads back, keeping the objective typed in between", async () => {
    book = formulaWorkbook({ Ventes: DEALS as never }, { requirementSets: OLDEST });
    await saveSettings({ periodKind: "semester" });
    await buildForecast("2026-11-27 09:00");
    const period = book.host.tables().find((t) => t.name === "CarnetForecastByPeriod")!;
    const sheet = period.sheet;
    const objectiveCol = period.headers.indexOf("Objective");
    const first = book.values(sheet, "A4:A4")[0][0];
    expect(first).toBe("2027-S1");
    await Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem(sheet).getCell(3, objectiveCol);
      cell.values = [[5000]];
      await context.sync();
    });
    const analysis = await buildForecast("2026-11-27 10:00");
    const objectives = await readObjectives();
    expect(objectives.get("CarnetForecastByPeriod")?.get("2027-S1")).toBe(5000);
    expect(
      book.host
        .tables()
        .filter((t) => t.name.startsWith("Carnet"))
        .map((t) => t.name)
        .sort()
    ).toEqual([
      "CarnetForecastByOwner",
      "CarnetForecastByPeriod",
      "CarnetForecastByProduct",
      "CarnetPipeline",
    ]);
    await appendSnapshot(snapshotFromDeals("Monday", 46000, analysis.reading.deals), "#,##0");
    await appendSnapshot(snapshotFromDeals("Tuesday", 46001, analysis.reading.deals), "#,##0");
    const { snapshots } = await readSnapshots();
    expect(snapshots.map((s) => s.label)).toEqual(["Monday", "Tuesday"]);
  });

  it("builds the matrix twice, its charts included", async () => {
    book = formulaWorkbook(
      {
        Products: [
          RANGE_HEADERS_FR,
          ...TEN_RANGES_IN_CELLS.map((r) => r.map((c) => (c === "" ? null : c))),
        ] as never,
      },
      { requirementSets: OLDEST }
    );
    book.host.selection.set("Products", "B4");
    for (const stamp of ["2026-11-27 09:00", "2026-11-27 10:00"]) {
      const source = await readSource({ kind: "auto" });
      const analysis = analyseRangeTable(source, {});
      await writeMatrix(matrixBuildOf(analysis, stamp));
    }
    expect(book.host.charts()).toHaveLength(2);
    expect((await readHarvestRanges()).size).toBeGreaterThan(0);
  });
});
