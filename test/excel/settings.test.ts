/**
 * The pipeline's settings read back from the workbook: a setting typed by hand, written by an older
 * Carnet or damaged is left out with a message, never a crash. Before this check the pane used them as
 * stored: `stageTable: "x"` failed every read of the table ("table.find is not a function") and kept
 * the stage table editor out of reach, `mapping: {amount: "E"}` read no deal and said nothing, an older
 * mapping without the Stage column lost the stage probabilities, and `periodKind: "week"` failed the
 * build ("serialFromYmd: 2003-NaN-1 is not a date Excel can hold").
 */
import { loadSettings, saveSettings } from "../../src/excel/host/settings";
import { readSource } from "../../src/excel/host/source";
import { buildForecastPlans } from "../../src/excel/plan/forecastPlan";
import {
  type CarnetSettings,
  mappingBeyondTable,
  parseSettings,
  readSettings,
  SETTINGS_KEY,
} from "../../src/excel/plan/settings";
import { PIPELINE_FIELDS } from "../../src/domain/columns";
import { analysePipeline } from "../../src/taskpane/pipelineModel";
import { memoryWorkbook, type TestWorkbook } from "../support/excel-host";

const VALID: CarnetSettings = {
  source: { kind: "table", name: "Deals" },
  mapping: {
    id: null,
    closeDate: 4,
    company: 0,
    contact: null,
    product: null,
    amount: 2,
    probability: 3,
    owner: null,
    stage: 1,
    category: null,
  },
  mappingFor: "Deals",
  stageTable: [{ stage: "Proposal", probability: 0.5 }],
  periodKind: "month",
  probabilityScale: "points",
  dayFirst: true,
  fiscalStartMonth: 4,
  actionPlanEnvelopes: { "2027-S1": 50000, "2027-S2": 0 },
  actionPlanCapacity: 5,
  actionPlanLastId: "A-0042",
  collectiveWeight: 0.2,
  teamObjective: 250000,
  matrix: { measure: "share", anything: ["the matrix checks its own"] },
};

describe("checking the settings read from the workbook", () => {
  it("keeps settings of the right shape as they are, and other features' keys untouched", () => {
    expect(readSettings(JSON.parse(JSON.stringify(VALID)))).toEqual({
      settings: VALID,
      dropped: [],
    });
    expect(readSettings({})).toEqual({ settings: {}, dropped: [] });
    // The header row the user picked is kept with the range it is for.
    const picked = { source: { kind: "range", address: "Ventes!A1:J20", header: 3 } };
    expect(readSettings(picked)).toEqual({ settings: picked, dropped: [] });
    // No team objective set (the sum of the reps' objectives), and the bounds of w, are kept.
    for (const team of [
      { collectiveWeight: 0, teamObjective: null },
      { collectiveWeight: 1, teamObjective: 0.5 },
    ])
      expect(readSettings(team)).toEqual({ settings: team, dropped: [] });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, RegExp]>([
    [
      "a stage table that is not a list",
      { stageTable: "x" },
      {},
      /^the stage table kept in this workbook \("x"\) is not a list of stages: the default stage table is used/,
    ],
    [
      "a stage table with no readable stage",
      { stageTable: [null, { stage: "Proposal" }] },
      {},
      /^the stage table kept in this workbook has no stage Carnet can read: the default stage table/,
    ],
    [
      "a stage table with some unreadable rows",
      {
        stageTable: [
          { stage: "Proposal", probability: 0.5 },
          { stage: "Won", probability: 100 },
          { stage: 3, probability: 0.2 },
        ],
      },
      { stageTable: [{ stage: "Proposal", probability: 0.5 }] },
      /^rows 2, 3 of the stage table kept in this workbook are not a stage name with a probability from 0 % to 100 %: left out$/,
    ],
    [
      "a period Carnet does not cut by",
      { periodKind: "week" },
      {},
      /^the period kept in this workbook \("week"\) is not month, quarter, semester or year: the forecast is by quarter/,
    ],
    [
      "a probability scale Carnet does not know",
      { probabilityScale: "percent" },
      {},
      /^the probability scale kept in this workbook \("percent"\) is not "fraction" or "points"/,
    ],
    [
      "a date order that is not true or false",
      { dayFirst: "yes" },
      {},
      /^the date order kept in this workbook \("yes"\) is not true or false/,
    ],
    [
      "a table to read without its name",
      { source: { kind: "table" } },
      {},
      /^the table read last \(\{"kind":"table"\}\) is not an Excel table or a range Carnet knows: select a cell/,
    ],
    [
      "a header row that is not a row of the sheet, keeping the range",
      { source: { kind: "range", address: "Ventes!A1:J20", header: 0 } },
      { source: { kind: "range", address: "Ventes!A1:J20" } },
      /^the header row kept for the table read last \(0\) is not a row of the sheet: Carnet finds the header again/,
    ],
    [
      "a column mapping that is not one",
      { mapping: "A,B,C", mappingFor: "Deals" },
      {},
      /^the column mapping kept in this workbook \("A,B,C"\) is not one: the columns are recognised again/,
    ],
    [
      "a column mapping for no table",
      { mapping: { amount: 2 } },
      {},
      /^the column mapping kept in this workbook does not say which table it is for/,
    ],
    [
      "a fiscal year starting in a month that does not exist",
      { fiscalStartMonth: 13 },
      {},
      /^the fiscal year's first month kept in this workbook \(13\) is not a month from 1 to 12: semesters start in January/,
    ],
    [
      "a fiscal start month typed as text",
      { fiscalStartMonth: "4" },
      {},
      /^the fiscal year's first month kept in this workbook \("4"\) is not a month from 1 to 12/,
    ],
    [
      "a capacity of no action",
      { actionPlanCapacity: 0 },
      {},
      /^the actions one owner can run at once kept in this workbook \(0\) is not a whole number from 1: the plan's checks count 3/,
    ],
    [
      "a capacity of half an action",
      { actionPlanCapacity: 2.5 },
      {},
      /^the actions one owner can run at once kept in this workbook \(2.5\)/,
    ],
    [
      "envelopes that are not amounts by semester",
      { actionPlanEnvelopes: [50000] },
      {},
      /^the budget envelopes kept in this workbook \(\[50000\]\) are not amounts by semester/,
    ],
    [
      "a negative envelope, keeping the others",
      { actionPlanEnvelopes: { "2027-S1": 50000, "2027-S2": -10 } },
      { actionPlanEnvelopes: { "2027-S1": 50000 } },
      /^the budget envelope kept for "2027-S2" \(-10\) is not an amount from 0 for a semester written like 2027-S1: left out/,
    ],
    [
      "an envelope for something that is not a semester",
      { actionPlanEnvelopes: { "S1 2027": 50000 } },
      { actionPlanEnvelopes: {} },
      /^the budget envelope kept for "S1 2027" \(50000\) is not an amount from 0 for a semester/,
    ],
    [
      "an envelope typed as text",
      { actionPlanEnvelopes: { "2027-S1": "50000" } },
      { actionPlanEnvelopes: {} },
      /^the budget envelope kept for "2027-S1" \("50000"\)/,
    ],
    [
      "a collective weight above 1",
      { collectiveWeight: 1.5 },
      {},
      /^the collective weight kept in this workbook \(1.5\) is not a share from 0 to 1: blended attainment is the individual one \(w = 0\)/,
    ],
    [
      "a collective weight typed as text",
      { collectiveWeight: "20 %" },
      {},
      /^the collective weight kept in this workbook \("20 %"\) is not a share from 0 to 1/,
    ],
    [
      "a negative collective weight",
      { collectiveWeight: -0.1 },
      {},
      /^the collective weight kept in this workbook \(-0.1\)/,
    ],
    [
      "a team objective of nothing",
      { teamObjective: 0 },
      {},
      /^the team objective kept in this workbook \(0\) is not an amount above 0: the team objective is the sum of the reps' objectives/,
    ],
    [
      "a team objective typed as text",
      { teamObjective: "250 000 €" },
      {},
      /^the team objective kept in this workbook \("250 000 €"\) is not an amount above 0/,
    ],
    [
      "a last Id that is not an action's Id",
      { actionPlanLastId: "42" },
      {},
      /^the last action Id kept in this workbook \("42"\) is not an Id like A-0042: new Ids follow the highest Id in the plan/,
    ],
  ])("leaves out %s, and says what Carnet does instead", (_, stored, kept, message) => {
    const reading = readSettings({ ...stored, matrix: { measure: "share" } });
    expect(reading.settings).toEqual({ ...kept, matrix: { measure: "share" } });
    expect(reading.dropped).toEqual([expect.stringMatching(message)]);
  });

  it("leaves out a column typed as a letter or a field it does not know, and keeps the rest of the mapping", () => {
    const reading = readSettings({
      mapping: { amount: "E", probability: 3, company: null, ammount: 4, stage: -1 },
      mappingFor: "Deals",
    });
    expect(reading.settings).toEqual({
      mapping: { probability: 3, company: null },
      mappingFor: "Deals",
    });
    expect(reading.dropped).toEqual([
      'the column kept for Amount ("E") is not a column of the table: Amount is recognised again from the headers, check it',
      'the column mapping names a field Carnet does not know ("ammount"): left out',
      "the column kept for Stage (-1) is not a column of the table: Stage is recognised again from the headers, check it",
    ]);
  });

  it("keeps an older mapping that lacks the fields added since: they are recognised from the headers", () => {
    const older = { mapping: { company: 0, amount: 2 }, mappingFor: "Deals" };
    expect(readSettings(older)).toEqual({ settings: older, dropped: [] });
  });

  it("says so when the settings are damaged or not settings at all, and starts afresh", () => {
    for (const stored of ['{"periodKind": "month"', "", "42", "null", '["month"]'])
      expect(parseSettings(stored)).toEqual({
        settings: {},
        dropped: [
          expect.stringMatching(
            /^the settings kept in this workbook (are damaged and could not be read|\(.*\) are not a set of choices): Carnet starts afresh/
          ),
        ],
      });
    // An older Carnet may have kept the object itself rather than its JSON text.
    expect(parseSettings({ periodKind: "month" })).toEqual({
      settings: { periodKind: "month" },
      dropped: [],
    });
  });
});

describe("a stored mapping against the table it is for", () => {
  it("is refused when it names a column past the table's last (the table changed shape)", () => {
    expect(mappingBeyondTable({ amount: 39, probability: 3 }, PIPELINE_FIELDS, 10)).toBe(
      "the column mapping kept for this table names its column 40 for Amount, but the table has " +
        "10 columns: the columns are recognised again from the headers, check them"
    );
    expect(mappingBeyondTable({ amount: 9, company: null }, PIPELINE_FIELDS, 10)).toBeNull();
  });
});

describe("what was left out, said in a French pane", () => {
  const FR = { language: "fr" } as const;

  it("says each dropped setting in French, the field by its French name", () => {
    const reading = readSettings(
      {
        periodKind: "week",
        mapping: { amount: "E" },
        mappingFor: "Deals",
        stageTable: [{ stage: "Proposition", probability: 0.5 }, null, { stage: "x" }],
      },
      FR
    );
    expect(reading.dropped).toEqual([
      'la colonne conservée pour Montant ("E") n\'est pas une colonne du tableau\u00a0: Montant est ' +
        "reconnu à nouveau d'après les en-têtes, vérifiez-le",
      "les lignes 2, 3 de la table des étapes conservée dans ce classeur ne sont pas un nom d'étape " +
        "avec une probabilité de 0\u00a0% à 100\u00a0%\u00a0: écartées",
      'la période conservée dans ce classeur ("week") n\'est ni mois, ni trimestre, ni semestre, ni ' +
        "année\u00a0: la prévision est par trimestre jusqu'à ce que vous choisissiez",
    ]);
    expect(parseSettings("{", FR).dropped).toEqual([
      "les réglages conservés dans ce classeur sont abîmés et illisibles\u00a0: Carnet repart de zéro " +
        "(colonnes reconnues, table des étapes par défaut, par trimestre) et votre prochain changement les remplace",
    ]);
  });

  it("says the same in English as before, word for word", () => {
    expect(readSettings({ stageTable: [{ stage: "x", probability: 0.5 }, null] }).dropped).toEqual([
      "row 2 of the stage table kept in this workbook is not a stage name with a probability from " +
        "0 % to 100 %: left out",
    ]);
    expect(readSettings({ actionPlanEnvelopes: { S1: 5 } }).dropped).toEqual([
      'the budget envelope kept for "S1" (5) is not an amount from 0 for a semester written like ' +
        "2027-S1: left out, type it again in the plan",
    ]);
  });

  it("says a mapping past the table's last column in French, one column or several", () => {
    expect(mappingBeyondTable({ probability: 3 }, PIPELINE_FIELDS, 1, FR)).toBe(
      "la correspondance des colonnes conservée pour ce tableau lui donne la colonne 4 pour " +
        "Probabilité, mais le tableau a 1 colonne\u00a0: les colonnes sont reconnues à nouveau " +
        "d'après les en-têtes\u00a0: vérifiez-les"
    );
    expect(mappingBeyondTable({ probability: 3 }, PIPELINE_FIELDS, 1)).toBe(
      "the column mapping kept for this table names its column 4 for Probability, but the table has " +
        "1 column: the columns are recognised again from the headers, check them"
    );
  });

  it("is what a French pane's loadSettings gives", async () => {
    book = memoryWorkbook({ Deals: DEALS as never });
    book.host.settings.set(SETTINGS_KEY, JSON.stringify({ dayFirst: "oui" }));
    expect((await loadSettings(FR)).dropped).toEqual([
      "l'ordre des dates conservé dans ce classeur (\"oui\") n'est ni true ni false\u00a0: " +
        "l'ordre de chaque date est déduit des dates",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Through the host and the pane's model, as the pane opens a workbook with such settings.

const DEALS = [
  ["Company", "Stage", "Amount", "Probability", "Close date"],
  ["Alpha", "Proposal", 1000, null, "2003-04-04"],
  ["Bêta", "Negotiation", 2000, 0.5, "2003-05-04"],
];

let book: TestWorkbook;
afterEach(() => book?.dispose());

/** Opens the deal table with these settings stored (as text, as Carnet stores them) and reads it. */
async function paneWith(stored: unknown) {
  book = memoryWorkbook({ Deals: DEALS as never });
  book.host.settings.set(
    SETTINGS_KEY,
    typeof stored === "string" ? stored : JSON.stringify(stored)
  );
  book.host.selection.set("Deals", "B2");
  const loaded = await loadSettings();
  const analysis = analysePipeline(await readSource({ kind: "auto" }), loaded.settings);
  return { loaded, analysis };
}

describe("the pane opening a workbook whose settings were edited by hand or by an older Carnet", () => {
  it.each([
    ["a stage table that is not a list", { stageTable: "x" }],
    ["a stage table with a row that is not a stage", { stageTable: [null] }],
  ])("reads the table despite %s, with the default stage table", async (_, stored) => {
    const { loaded, analysis } = await paneWith(stored);
    expect(loaded.dropped).toHaveLength(1);
    // Alpha has no probability: the default table's Proposal (50 %) fills it.
    expect(analysis.headline.weighted).toBe(1500);
  });

  it("reads the amounts when the amount's column was typed as a letter", async () => {
    const { loaded, analysis } = await paneWith({
      mapping: { amount: "E", company: 0 },
      mappingFor: "Deals!A1:E3",
    });
    expect(loaded.dropped).toEqual([expect.stringMatching(/^the column kept for Amount \("E"\)/)]);
    expect(analysis.mapping.amount).toBe(2);
    expect(analysis.headline.unweighted).toBe(3000);
  });

  it("keeps the stage probabilities with a mapping saved before the Stage column was recognised", async () => {
    const { analysis } = await paneWith({
      mapping: {
        company: 0,
        amount: 2,
        probability: 3,
        closeDate: 4,
        contact: null,
        product: null,
      },
      mappingFor: "Deals!A1:E3",
    });
    expect(analysis.mapping.stage).toBe(1);
    expect(analysis.headline.weighted).toBe(1500);
  });

  it("recognises the columns again, and says why, when the mapping names a column the table lacks", async () => {
    const { analysis } = await paneWith({
      mapping: { company: 0, amount: 39, probability: 3 },
      mappingFor: "Deals!A1:E3",
    });
    expect(analysis.mappingNote).toMatch(
      /^the column mapping kept for this table names its column 40 for Amount, but the table has 5 columns/
    );
    expect(analysis.mapping.amount).toBe(2);
  });

  it("builds the forecast by quarter when the stored period is one Carnet does not know", async () => {
    const { loaded, analysis } = await paneWith({ periodKind: "week" });
    expect(loaded.dropped).toHaveLength(1);
    const plans = buildForecastPlans({
      source: analysis.source,
      mapping: analysis.mapping,
      deals: analysis.reading.deals,
      periodKind: loaded.settings.periodKind ?? "quarter",
      objectives: new Map(),
      stamp: "2026-11-26 10:00",
      currencyFormat: "#,##0",
    });
    expect(plans).toBeDefined();
  });

  it("says the settings were damaged (it used to start afresh silently), and the next save replaces them", async () => {
    const { loaded } = await paneWith('{"periodKind": "month", "stageTable": [');
    // The document's language comes with them, worked out on loading (Office's, here English), never stored.
    expect(loaded).toEqual({
      settings: { documentLanguage: "en" },
      dropped: [expect.stringMatching(/^the settings kept in this workbook are damaged/)],
    });
    await saveSettings({ dayFirst: true });
    expect(await loadSettings()).toEqual({
      settings: { dayFirst: true, documentLanguage: "en" },
      dropped: [],
    });
  });

  it("writes back only what the check kept, other features' settings included", async () => {
    await paneWith({ stageTable: "x", periodKind: "week", matrix: { measure: "share" } });
    await saveSettings({ dayFirst: false });
    expect(book.host.settings.get(SETTINGS_KEY)).toBe(
      JSON.stringify({ matrix: { measure: "share" }, dayFirst: false })
    );
  });
});
