/**
 * The catalogue of what Carnet writes into cells in a French workbook (src/excel/plan/workbookText.ts):
 * every header of every table Carnet writes has its French form, every chart title too, French headers
 * read back as English ones, and a table's headers tell its language. Pure: over the plans.
 */
import { ACTION_PLAN_COLUMNS } from "../../src/domain/actionPlan/action";
import { MATRIX_COLUMNS, RELATIVE_MATRIX_COLUMNS } from "../../src/domain/matrixTable";
import { SNAPSHOT_COLUMNS } from "../../src/domain/snapshots";
import { TEAM_COLUMNS } from "../../src/domain/team/contract";
import { actionPlanSheetPlan } from "../../src/excel/plan/actionPlanSheet";
import {
  FORECAST_TABLES,
  forecastColumns,
  PIPELINE_COLUMNS,
  PIPELINE_TABLE,
} from "../../src/excel/plan/forecastPlan";
import {
  CHART_DATA_COLUMNS,
  CUT_MARK_COLUMNS,
  MATRIX_CHART_DATA_TABLE,
  MATRIX_CUT_MARKS_TABLE,
  MATRIX_PARETO_TABLE,
  MATRIX_SETTINGS_TABLE,
  MATRIX_TABLE,
  PARETO_COLUMNS,
  ROW_IN_SOURCE,
  SETTINGS_COLUMNS,
} from "../../src/excel/plan/matrixPlan";
import { isNoteLineOf, noteLine } from "../../src/excel/plan/sheetPlan";
import { SNAPSHOT_TABLE } from "../../src/excel/plan/snapshotPlan";
import {
  TEAM_SETTINGS_COLUMNS,
  TEAM_SETTINGS_TABLE,
  TEAM_TABLE,
} from "../../src/excel/plan/teamSheet";
import {
  chartTitleIn,
  decimalIn,
  englishHeaders,
  isPlanItem,
  isRebuildWord,
  isTeamLabel,
  MATRIX_WORDS,
  PLAN_WORDS,
  hasFrenchHeader,
  hasFrenchTitle,
  headerIn,
  languageOfHeaders,
} from "../../src/excel/plan/workbookText";

const TABLES: [string, readonly string[]][] = [
  [PIPELINE_TABLE, PIPELINE_COLUMNS],
  ...(["period", "owner", "product"] as const).map(
    (d) => [FORECAST_TABLES[d].name, forecastColumns(d)] as [string, string[]]
  ),
  [MATRIX_TABLE, [...MATRIX_COLUMNS, ...RELATIVE_MATRIX_COLUMNS, ROW_IN_SOURCE]],
  [MATRIX_SETTINGS_TABLE, SETTINGS_COLUMNS],
  [MATRIX_CHART_DATA_TABLE, CHART_DATA_COLUMNS],
  [MATRIX_CUT_MARKS_TABLE, CUT_MARK_COLUMNS],
  [MATRIX_PARETO_TABLE, PARETO_COLUMNS],
  [TEAM_TABLE, TEAM_COLUMNS],
  [TEAM_SETTINGS_TABLE, TEAM_SETTINGS_COLUMNS],
  ["CarnetActionPlan", ACTION_PLAN_COLUMNS],
  [SNAPSHOT_TABLE, SNAPSHOT_COLUMNS],
];

describe("the French headers", () => {
  it.each(TABLES)("cover every column of %s", (table, headers) => {
    expect(headers.filter((h) => !hasFrenchHeader(table, h))).toEqual([]);
  });

  it.each(TABLES)("of %s are all different (a column is never named twice)", (table, headers) => {
    const french = headers.map((h) => headerIn(table, h, "fr"));
    expect(new Set(french).size).toBe(new Set(headers).size);
  });

  it("read back as the English ones, without case or accents, other cells as they are", () => {
    expect(englishHeaders(PIPELINE_TABLE, ["Montant", "date de cloture", "Mine", 3, null])).toEqual(
      ["Amount", "Close date", "Mine", 3, null]
    );
    expect(
      englishHeaders(FORECAST_TABLES.period.name, ["Période", "Objectif", "Objective"])
    ).toEqual(["Period", "Objective", "Objective"]);
  });

  it("tell the language of a table written before the language was kept", () => {
    expect(languageOfHeaders(PIPELINE_TABLE, ["Id", "Close date"])).toBe("en");
    expect(languageOfHeaders(PIPELINE_TABLE, ["Id", "Date de clôture"])).toBe("fr");
    expect(languageOfHeaders(PIPELINE_TABLE, ["Id"])).toBeNull(); // "Id" in both
  });

  it("keep English headers and names in an English workbook", () => {
    expect(headerIn(PIPELINE_TABLE, "Amount", "en")).toBe("Amount");
    const plan = actionPlanSheetPlan("en");
    expect(plan.tables[0].headers.slice(0, 3)).toEqual(["Id", "Semester", "Action"]);
  });
});

describe("the charts and notes", () => {
  it("have a French title for each chart Carnet draws", () => {
    for (const title of [
      "Forecast: P10, weighted, P90 and unweighted totals",
      "Forecast by period: weighted vs unweighted, P10–P90",
      "Attainment by rep, and the team's",
      "Win rate against stated probability (team)",
      "Attainment by owner, 2027-S1",
    ])
      expect(hasFrenchTitle(title)).toBe(true);
    expect(chartTitleIn("Attainment by owner, 2027-S1", "fr")).toBe(
      "Taux de réalisation par responsable, 2027-S1"
    );
  });

  it("mark a French sheet in French, and a later run knows it in either language", () => {
    const plan = actionPlanSheetPlan("fr");
    expect(plan.tables[0].name).toBe("CarnetActionPlan"); // table names stay English
    const line = noteLine(plan);
    expect(line).toMatch(/^Carnet Action Plan, écrit par Carnet\. Modifiez le plan/);
    expect(isNoteLineOf(line, plan.sheet)).toBe(true);
    expect(isNoteLineOf(noteLine(actionPlanSheetPlan("en")), plan.sheet)).toBe(true);
  });
});

describe("the words Carnet writes in cells and reads back", () => {
  it("read back in either language: the rebuild word, the team's row, the budget block's items", () => {
    expect([
      isRebuildWord("rebuild"),
      isRebuildWord("recalculer"),
      isRebuildWord("Rebuild"),
    ]).toEqual([true, true, false]);
    expect([isTeamLabel("(team)"), isTeamLabel("(équipe)"), isTeamLabel("Team")]).toEqual([
      true,
      true,
      false,
    ]);
    expect([isPlanItem("Envelope", "Envelope"), isPlanItem("Enveloppe", "Envelope")]).toEqual([
      true,
      true,
    ]);
    expect(isPlanItem("Semestre", "Envelope")).toBe(false);
  });

  it("give the French workbook the handbook's words, the English one the words it always had", () => {
    const facts = {
      stamp: "2026-11-26 10:00",
      ranges: 3,
      cutOffs: "P4:P7",
      paretoRanges: 2,
      source: "Produits!A1:F4",
      live: ["Volume", "Margin"],
      stamped: ["Market share"],
      stampedCells: 1,
    };
    expect(MATRIX_WORDS.en.note(facts)).toBe(
      "Computed 2026-11-26 10:00 from Produits!A1:F4: 3 ranges. Live: Volume and Margin read the source " +
        "cells (CARNET.AMOUNT; blank when unreadable), and shares, ABC class, strength, nine-box cell and zone " +
        "are formulas over them and the cut-offs in P4:P7: editing a margin in the source reclassifies. " +
        "Market share: values as of 2026-11-26 10:00 (1 figures), since a cell there cannot be read by a " +
        "formula as the pane read it (a percentage typed as text, a figure the pane refused) and a column " +
        "holds one formula or values. Build again after adding or removing ranges. CarnetMatrixPareto and " +
        "its chart list the 2 ranges with a positive margin at this build, in margin order, live; build " +
        "again when a margin turns positive or stops being positive."
    );
    expect(MATRIX_WORDS.fr.note(facts)).toBe(
      "Calculé le 2026-11-26 10:00 à partir de Produits!A1:F4 : 3 gammes. En direct : Volume et Marge " +
        "lisent les cellules de la source (CARNET.MONTANT ; vide si illisible). Les parts, la classe ABC, " +
        "les atouts, la case et la zone sont des formules sur ces chiffres et les seuils de P4:P7 : modifier " +
        "une marge dans la source reclasse la gamme. Part de marché : valeurs du 2026-11-26 10:00 (1 chiffre), " +
        "car une de leurs cellules ne peut pas être lue par une formule comme le volet l'a lue (un " +
        "pourcentage tapé en texte, un chiffre refusé par le volet) et une colonne contient une formule ou " +
        "des valeurs. Reconstruisez la matrice après avoir ajouté ou retiré des gammes. CarnetMatrixPareto " +
        "et son graphique listent les 2 gammes à marge positive lors de ce calcul, par marge décroissante, " +
        "en direct ; reconstruisez la matrice quand une marge devient positive ou cesse de l'être."
    );
    expect(MATRIX_WORDS.fr.xTitle(false, decimalIn("0.5", "fr"), decimalIn("1.25", "fr"))).toBe(
      "Atouts : part de marché ÷ part du leader (pointillés : Faible sous 0,5, Fort dès 1,25)"
    );
    const review = {
      semester: "S1 2027",
      actions: 1,
      checked: 0,
      budget: "1 500.5",
      actualCost: "0",
      attainment: null,
    };
    expect(PLAN_WORDS.fr.reviewNote(review)).toBe(
      "Bilan de S1 2027 : 1 action, 0 vérifiée, budget 1 500,5, coût réel 0, taux de réalisation moyen " +
        "des actions vérifiées pas encore mesuré. Réécrit à chaque bilan ; taux de réalisation = résultat réel ÷ objectif."
    );
    expect(PLAN_WORDS.en.reviewNote({ ...review, semester: "2027-S1" })).toMatch(
      /^Review of 2027-S1: 1 action, 0 checked, budget 1 500\.5, .* checked actions none measured yet\./
    );
  });
});
