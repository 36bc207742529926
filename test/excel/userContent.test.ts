/**
 * Nothing of the user's is lost: Carnet rewrites its own tables on its sheets, and leaves anything
 * else there (a note beside a table, text under the chart, the user's own table or chart) where it is;
 * when a table grows over cells the user typed, the rebuild stops first and says where.
 */
import { readObjectives, writeForecast } from "../../src/excel/host/forecast";
import { loadSettings } from "../../src/excel/host/settings";
import { readSource } from "../../src/excel/host/source";
import { currencyFormatFor } from "../../src/excel/plan/currencyFormat";
import { analysePipeline } from "../../src/taskpane/pipelineModel";
import { formulaWorkbook, type TestWorkbook } from "../support/excel-host";

let book: TestWorkbook;
afterEach(() => book?.dispose());

const DEALS = [
  ["Date jalon", "Société", "Montant", "Probabilité"],
  ["2027-01-15", "Alpha", 1000, 0.2],
  ["2027-02-10", "Bêta", 2000, 0.5],
  ["2027-08-03", "Gamma", 4000, 0.75],
];

async function build(stamp: string) {
  const source = await readSource({
    kind: "range",
    address: `Ventes!A1:D${book.values("Ventes", "A1:A40").filter((r) => r[0] !== "" && r[0] !== null).length}`,
  });
  const analysis = analysePipeline(source, (await loadSettings()).settings);
  return writeForecast({
    source,
    mapping: analysis.mapping,
    deals: analysis.reading.deals,
    periodKind: "semester",
    objectives: await readObjectives(),
    stamp,
    currencyFormat: currencyFormatFor(source, [analysis.mapping.amount], 2),
  });
}

async function typeCells(sheet: string, address: string, values: unknown[][]) {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = values as never;
    await context.sync();
  });
}

describe("a rebuild over Carnet's sheets", () => {
  it("keeps a note beside CarnetPipeline, text under the chart, and the user's own table and chart", async () => {
    book = formulaWorkbook({ Ventes: DEALS as never });
    await build("2026-11-27 09:00");
    await typeCells("Carnet Pipeline", "R3", [["Ask Anne about Gamma"]]);
    await typeCells("Carnet Forecast", "A40", [["Reviewed with finance on Monday"]]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Carnet Forecast");
      sheet.getRange("A45:B47").values = [
        ["Mine", "Value"],
        ["a", 1],
        ["b", 2],
      ];
      const table = sheet.tables.add("A45:B47", true);
      table.name = "MyChecks";
      const chart = sheet.charts.add(Excel.ChartType.columnClustered, sheet.getRange("A45:B47"));
      chart.name = "My chart";
      await context.sync();
    });
    await build("2026-11-27 10:00");
    expect(book.values("Carnet Pipeline", "R3")).toEqual([["Ask Anne about Gamma"]]);
    expect(book.values("Carnet Forecast", "A40")).toEqual([["Reviewed with finance on Monday"]]);
    expect(book.host.tables().some((t) => t.name === "MyChecks")).toBe(true);
    expect(
      book.host
        .charts()
        .map((c) => c.name)
        .sort()
    ).toEqual(["CarnetForecastChart", "My chart"]);
  });

  it("stops before writing anything when a table would grow over cells the user typed, and says where", async () => {
    book = formulaWorkbook({ Ventes: DEALS as never });
    await build("2026-11-27 09:00");
    await typeCells("Carnet Pipeline", "B8", [["my total"]]); // just under CarnetPipeline's last deal
    await typeCells("Ventes", "A5:D6", [
      ["2027-03-01", "Delta", 500, 0.4],
      ["2027-03-02", "Epsilon", 700, 0.4],
    ]);
    const before = book.fingerprint("Carnet Pipeline");
    // The block named holds B8 (Excel's used range of the cells at risk).
    await expect(build("2026-11-27 10:00")).rejects.toThrow(
      /would write over cells you typed on sheet "Carnet Pipeline": (B8|A7:N8)\..*nothing was written/
    );
    expect(book.fingerprint("Carnet Pipeline")).toBe(before);
  });

  it("stops before replacing a figure the user typed inside CarnetPipeline, says which, and replaces it when told to", async () => {
    book = formulaWorkbook({ Ventes: DEALS as never });
    await build("2026-11-27 09:00");
    // Bêta's probability (CarnetPipeline row 5, column G) corrected in Carnet's table, not the source.
    await typeCells("Carnet Pipeline", "G5", [[0.9]]);
    const before = book.fingerprint("Carnet Pipeline");
    await expect(build("2026-11-27 10:00")).rejects.toThrow(
      /^You typed over a cell of CarnetPipeline since the last build: 'Carnet Pipeline'!G5 \(Probability: 0\.9\)\..*nothing was written/
    );
    expect(book.fingerprint("Carnet Pipeline")).toBe(before);
    // Told to, the rebuild writes what the source says; the next one has nothing to ask.
    const source = await readSource({ kind: "range", address: "Ventes!A1:D4" });
    const analysis = analysePipeline(source, {});
    await writeForecast(
      {
        source,
        mapping: analysis.mapping,
        deals: analysis.reading.deals,
        periodKind: "semester",
        stamp: "2026-11-27 10:05",
        currencyFormat: "#,##0",
      },
      undefined,
      undefined,
      { replaceTyped: true }
    );
    expect(book.values("Carnet Pipeline", "G5")).toEqual([[0.5]]);
    await expect(build("2026-11-27 10:10")).resolves.toBeDefined();
  });

  it("does not ask when the user only sorted a Carnet table, typed an objective, or edited the source", async () => {
    book = formulaWorkbook({ Ventes: DEALS as never });
    await build("2026-11-27 09:00");
    // CarnetPipeline sorted by amount, largest first (rows 4–6 of the sheet), as Excel's sort does.
    const rows = book.formulas("Carnet Pipeline", "A4:N6");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Carnet Pipeline").getRange("A4:N6").formulas = [
        rows[2],
        rows[1],
        rows[0],
      ] as never;
      await context.sync();
    });
    await typeCells("Ventes", "C2", [[1500]]);
    const table = book.host.tables().find((t) => t.name === "CarnetForecastByPeriod")!;
    const objective = String.fromCharCode(65 + table.headers.indexOf("Objective"));
    await typeCells("Carnet Forecast", `${objective}4`, [[5000]]);
    await expect(build("2026-11-27 10:00")).resolves.toBeDefined();
    expect(book.values("Carnet Forecast", `${objective}4`)).toEqual([[5000]]);
  });

  it("asks about a value typed over a formula of a forecast table", async () => {
    book = formulaWorkbook({ Ventes: DEALS as never });
    await build("2026-11-27 09:00");
    const table = book.host.tables().find((t) => t.name === "CarnetForecastByPeriod")!;
    const col = table.headers.indexOf("P10–P90 spread");
    const letter = String.fromCharCode(65 + col);
    await typeCells("Carnet Forecast", `${letter}4`, [[123]]);
    await expect(build("2026-11-27 10:00")).rejects.toThrow(
      new RegExp(`'Carnet Forecast'!${letter}4 \\(P10–P90 spread: 123\\)`)
    );
  });
});
