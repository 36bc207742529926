/**
 * The workbook's language (issue 15): Carnet writes its tables' headers, periods and notes in the
 * language decided the first time it writes in the workbook, from the document's language, and keeps
 * it whoever opens the workbook next. Through Microsoft's client against the simulated host over a
 * HyperFormula workbook with the built CARNET functions. Needs `npm run build` first (dist/functions.js).
 */
import { serialFromYmd } from "../../src/domain/dates";
import { readObjectives, writeForecast } from "../../src/excel/host/forecast";
import { loadSettings } from "../../src/excel/host/settings";
import { readSource } from "../../src/excel/host/source";
import { currencyFormatFor } from "../../src/excel/plan/currencyFormat";
import {
  FORECAST_SHEET,
  FORECAST_TABLES,
  PIPELINE_SHEET,
  PIPELINE_TABLE,
} from "../../src/excel/plan/forecastPlan";
import { SETTINGS_KEY } from "../../src/excel/plan/settings";
import { analysePipeline } from "../../src/taskpane/pipelineModel";
import type { ExcelHostOptions } from "../../src/workbench/sim";
import { formulaWorkbook, memoryWorkbook, type TestWorkbook } from "../support/excel-host";

type Row = (string | number | null)[];
/** The deals of a French sales manager: headers in French, one stage without a probability. */
const SALES: Row[] = [
  ["Date jalon", "Société", "Montant", "Probabilité", "Commercial", "Étape"],
  ["2027-02-10", "Alpha", 10000, 0.5, "Anne", "Proposition"],
  ["2027-03-20", "Bêta", 4000, 0.25, "Bruno", "Qualification"],
  ["2027-05-05", "Gamma", 8000, null, "Anne", "Négociation"],
];

let book: TestWorkbook;
afterEach(() => book?.dispose());

function open(options: ExcelHostOptions) {
  book = formulaWorkbook({ Ventes: SALES }, options);
}

async function build() {
  book.host.selection.set("Ventes", "A1");
  const { settings } = await loadSettings();
  const source = await readSource({ kind: "auto" });
  const analysis = analysePipeline(source, settings);
  return writeForecast({
    source,
    mapping: analysis.mapping,
    deals: analysis.reading.deals,
    periodKind: "quarter",
    objectives: await readObjectives(),
    stamp: "2027-01-05 09:30",
    currencyFormat: currencyFormatFor(source, [analysis.mapping.amount], 2),
  });
}

function table(name: string) {
  const info = book.host.tables().find((t) => t.name === name);
  if (!info) throw new Error(`no table ${name}`);
  return info;
}

/** A table's data rows as the sheet computes them now. */
function body(name: string): unknown[][] {
  const { sheet, address } = table(name);
  const [, cells] = address.split("!");
  const [start, end] = cells.split(":");
  return book.values(
    sheet.replace(/^'|'$/g, ""),
    `${start.replace(/\d+/, (r) => String(Number(r) + 1))}:${end}`
  );
}

function stored(): Record<string, unknown> {
  return JSON.parse(String(book.host.settings.get(SETTINGS_KEY))) as Record<string, unknown>;
}

describe("a workbook whose document is French", () => {
  it("gets French headers, periods T1 2027, a French note, and numbers that stay numbers", async () => {
    open({ displayLanguage: "fr-FR" });
    await build();
    expect(stored().workbookLanguage).toBe("fr");
    expect(table(PIPELINE_TABLE).headers).toEqual([
      "Id",
      "Date de clôture",
      "Société",
      "Interlocuteur",
      "Produit",
      "Montant",
      "Probabilité",
      "Montant pondéré",
      "Commercial",
      "Étape",
      "Catégorie de prévision",
      "Période",
      "Cellule source",
      "Anomalies",
    ]);
    const byPeriod = table(FORECAST_TABLES.period.name);
    expect(byPeriod.headers.slice(0, 6)).toEqual([
      "Période",
      "Début",
      "Fin",
      "Affaires",
      "Total non pondéré",
      "Total pondéré",
    ]);
    expect(byPeriod.headers).toContain("Objectif");
    expect(body(FORECAST_TABLES.period.name).map((r) => r[0])).toEqual(["T1 2027", "T2 2027"]);
    // "Négociation" without a probability takes the French default stage table's 75 %.
    const deals = body(PIPELINE_TABLE);
    expect(deals.map((r) => [r[2], r[6], r[11]])).toEqual([
      ["Alpha", 0.5, "T1 2027"],
      ["Bêta", 0.25, "T1 2027"],
      ["Gamma", 0.75, "T2 2027"],
    ]);
    // Dates, money and percentages are numbers with number formats, in the invariant codes.
    expect(typeof deals[0][1]).toBe("number");
    expect(deals.map((r) => r[7])).toEqual([5000, 1000, 6000]);
    const pipe = table(PIPELINE_TABLE);
    const formats = book.host.backend.getNumberFormats(pipe.sheet, 3, 0, 1, 8)[0];
    expect([formats[1], formats[6]]).toEqual(["yyyy-mm-dd", "0%"]);
    expect(book.values(FORECAST_SHEET, "A1")[0][0]).toMatch(
      /^Carnet Forecast, écrit par Carnet\. Calculé le 2027-01-05 09:30 à partir de /
    );
    expect(book.values(PIPELINE_SHEET, "A1")[0][0]).toMatch(
      /^Carnet Pipeline, écrit par Carnet\. Affaires lues le /
    );
  });

  it("rebuilds over its own French tables, keeping the objectives typed there", async () => {
    open({ displayLanguage: "fr-FR" });
    await build();
    const byPeriod = table(FORECAST_TABLES.period.name);
    const objective = byPeriod.headers.indexOf("Objectif");
    const t2 = body(FORECAST_TABLES.period.name).findIndex((r) => r[0] === "T2 2027");
    book.host.type(byPeriod.sheet, 3 + t2, objective, [[12000]]);
    expect((await readObjectives()).get(FORECAST_TABLES.period.name)).toEqual(
      new Map([["2027-Q2", 12000]])
    );
    const again = await build();
    expect(again.sheets[FORECAST_SHEET]).toBe(FORECAST_SHEET); // its own sheet, not a second one
    const rows = body(FORECAST_TABLES.period.name);
    expect(rows.map((r) => [r[0], r[objective]])).toEqual([
      ["T1 2027", ""],
      ["T2 2027", 12000],
    ]);
    expect(book.host.sheets().filter((s) => s.startsWith("Carnet Forecast"))).toEqual([
      FORECAST_SHEET,
    ]);
  });
});

describe("a workbook first written in English", () => {
  it("keeps English headers and periods when a French Office opens it again", async () => {
    open({ displayLanguage: "en-US" });
    await build();
    expect(stored().workbookLanguage).toBe("en");
    book.host.reopen({ displayLanguage: "fr-FR", contentLanguage: "fr-FR" });
    await build();
    expect(table(PIPELINE_TABLE).headers.slice(0, 3)).toEqual(["Id", "Close date", "Company"]);
    expect(body(FORECAST_TABLES.period.name).map((r) => r[0])).toEqual(["2027-Q1", "2027-Q2"]);
    expect(stored().workbookLanguage).toBe("en");
  });

  it("keeps English when the language was never stored: Carnet's tables tell it", async () => {
    open({ displayLanguage: "en-US" });
    await build();
    // As an older Carnet left it: its tables, no language kept.
    const older = { ...stored(), workbookLanguage: undefined };
    book.host.settings.set(SETTINGS_KEY, JSON.stringify(older));
    book.host.reopen({ displayLanguage: "fr-FR", contentLanguage: "fr-FR" });
    await build();
    expect(table(FORECAST_TABLES.period.name).headers[0]).toBe("Period");
    expect(stored().workbookLanguage).toBe("en");
  });
});

describe("reading in a French document", () => {
  it("reads a day-first text date as such when no date order is stored; an English one refuses it", async () => {
    const sales: Row[] = [SALES[0], ["03/04/2027", "Alpha", 10000, 0.5, "Anne", "Proposition"]];
    // Values only: a formula engine would take the text for a date as it loads the sheet.
    book = memoryWorkbook({ Ventes: sales }, { displayLanguage: "fr-FR" });
    book.host.selection.set("Ventes", "A1");
    const french = analysePipeline(
      await readSource({ kind: "auto" }),
      (await loadSettings()).settings
    );
    expect(french.reading.issues).toEqual([]);
    expect(french.reading.deals[0].closeDate).toBe(serialFromYmd(2027, 4, 3));
    book.dispose();
    book = memoryWorkbook({ Ventes: sales }, { displayLanguage: "en-US" });
    book.host.selection.set("Ventes", "A1");
    const english = analysePipeline(
      await readSource({ kind: "auto" }),
      (await loadSettings()).settings
    );
    expect(english.reading.issues.map((i) => i.problem)).toEqual([
      expect.stringMatching(/is ambiguous: 03\/04\/2027 may be 3 April or March 4/),
    ]);
  });
});
