/**
 * The action plan's messages in French (planMessages.ts): the checks the Plan tab lists, what the
 * action form refuses, and the problems of reading CarnetActionPlan back, each family worked once;
 * the English ones are the other tests' (checks, pdca, rows), unchanged.
 */
import {
  ACTION_PLAN_COLUMNS,
  blankAction,
  type Action,
} from "../../../src/domain/actionPlan/action";
import { planChecks } from "../../../src/domain/actionPlan/checks";
import type { PlanContext } from "../../../src/domain/actionPlan/contract";
import { moneyText, percentText } from "../../../src/domain/actionPlan/money";
import { actionProblems, movePhase } from "../../../src/domain/actionPlan/pdca";
import { PLAN_MESSAGES } from "../../../src/domain/actionPlan/planMessages";
import { actionPlanHeaders, actionsFromTable } from "../../../src/domain/actionPlan/rows";
import { semesterBounds } from "../../../src/domain/actionPlan/semester";
import { nineBoxCell, type Zone } from "../../../src/domain/matrix";
import type { CellValue } from "../../../src/domain/values";

const FR = { language: "fr" } as const;
// 2027-03-01 is serial 46447.
const MAR_1 = 46447;

function action(id: string, fields: Partial<Action> = {}): Action {
  return { ...blankAction(id, "2027-S1"), action: `action ${id}`, owner: "Alice", ...fields };
}

function context(fields: Partial<PlanContext> = {}): PlanContext {
  return {
    zones: new Map<string, { cell: string; zone: Zone }>(),
    team: ["Alice"],
    weightedByOwner: new Map(),
    weightedByRange: new Map(),
    wonPreviousByOwner: new Map(),
    wonPreviousByRange: new Map(),
    ...fields,
  };
}

const messages = (actions: Action[], ctx: PlanContext, envelope: number | null = null) =>
  planChecks(actions, "2027-S1", ctx, envelope, 1, FR).map((c) => c.message);

describe("the plan's checks in French", () => {
  it("names the matrix's French cell and zone, and the semester as S1 2027", () => {
    const zones = new Map<string, { cell: string; zone: Zone }>([
      ["Vannes", { cell: nineBoxCell("Low", "Low"), zone: "Harvest / divest" }],
      ["Pompes", { cell: nineBoxCell("High", "High"), zone: "Invest / grow" }],
    ]);
    expect(messages([action("A-0001", { range: "vannes" })], context({ zones }))).toEqual([
      "A-0001 met de l'effort sur la gamme vannes, dans la case Abandonner de la matrice, zone " +
        "Récolter / abandonner\u00a0: la stratégie y est de récolter ou de se désengager, pas d'investir",
      "la gamme Pompes est dans la case Protéger sa position de la matrice, zone Investir, et n'a " +
        "aucune action en S1 2027",
    ]);
  });

  it("gives an objective's gap with decimal commas and no-break spaces, and last semester as S2 2026", () => {
    // Support 30 000,5 + 10 000 = 40 000,5; objective 50 000,5: gap 10 000, 25 % of the support.
    const ctx = context({
      weightedByOwner: new Map([["Alice", 30000.5]]),
      wonPreviousByOwner: new Map([["Alice", 10000]]),
      weightedByRange: new Map([["Pompes", 45000]]),
    });
    const plan = [action("A-0001", { objective: 50000.5, unit: "€ de CA", range: "Pompes" })];
    expect(messages(plan, ctx)).toEqual([
      "l'objectif de A-0001, 50\u00a0000,5 € de CA, dépasse de 10\u00a0000 (25\u00a0%) ce qui le " +
        "soutient pour Alice\u00a0: pipeline pondéré 30\u00a0000,5 + gagné en S2 2026 10\u00a0000 = 40\u00a0000,5",
      "l'objectif de A-0001, 50\u00a0000,5 € de CA, dépasse de 5\u00a0000,5 (11\u00a0%) ce qui le " +
        "soutient pour la gamme Pompes\u00a0: pipeline pondéré 45\u00a0000 + gagné en S2 2026 0 = 45\u00a0000",
    ]);
  });

  it("says who is outside the team, who has no action, the envelope and the capacity", () => {
    const plan = [
      action("A-0001", { owner: "", budget: 1000 }),
      action("A-0002", { owner: "Bob", budget: 1500.25 }),
      action("A-0003", { owner: "Alice", start: MAR_1, end: MAR_1 + 3 }),
      action("A-0004", { owner: "Alice", start: MAR_1 + 1, end: MAR_1 + 2 }),
    ];
    expect(messages(plan, context({ team: ["Alice", "Chloé"] }), 2000)).toEqual([
      "A-0001 n'a pas de Responsable\u00a0: confiez-la à quelqu'un de l'équipe",
      "le Responsable de A-0002, Bob, n'est pas dans l'équipe (les commerciaux du pipeline)\u00a0: " +
        "vérifiez l'orthographe",
      "Chloé n'a aucune action en S1 2027\u00a0: construisez le plan avec chaque commercial",
      "le budget de S1 2027 totalise 2\u00a0500,25, soit 500,25 au-dessus de son enveloppe de 2\u00a0000",
      "Alice mène 2 actions le 2027-03-02, au-delà de sa capacité de 1\u00a0: A-0003, A-0004",
    ]);
  });

  it("writes money and shares the French way, and the English way as before", () => {
    expect([moneyText(-12500.5, "fr"), percentText(0.025, "fr"), percentText(0.25, "fr")]).toEqual([
      "-12\u00a0500,5",
      "2,5\u00a0%",
      "25\u00a0%",
    ]);
    expect([moneyText(-12500.5), percentText(0.025)]).toEqual(["-12 500.5", "2.5 %"]);
  });
});

describe("the action form's refusals in French", () => {
  const planned = action("A-0001", { objective: 40, unit: "rendez-vous" });

  it("names phases as the French table writes them", () => {
    const doing = { ...planned, phase: "Do" as const };
    expect(movePhase(doing, "Check", FR)).toEqual({
      ok: false,
      problem:
        "Vérifier demande un Résultat réel\u00a0: notez ce que l'action a obtenu (le Coût réel peut " +
        "rester vide\u00a0: aucun coût noté)",
    });
    expect(movePhase(planned, "Check", FR)).toEqual({
      ok: false,
      problem: "une étape à la fois\u00a0: après Planifier vient Faire",
    });
    const acting = { ...planned, phase: "Act" as const, actualResult: 3, correctiveAction: "x" };
    expect(movePhase(acting, "Do", FR)).toEqual({
      ok: false,
      problem: "rouvrez une étape à la fois\u00a0: de Agir, on revient à Vérifier",
    });
  });

  it("names fields by their French headers", () => {
    const bounds = semesterBounds("2027-S1");
    const refused = {
      ...planned,
      action: " ",
      start: MAR_1 + 200,
      end: MAR_1,
      budget: -2.5,
      phase: "Act" as const,
      actualResult: 3,
    };
    expect(actionProblems(refused, bounds, FR)).toEqual([
      "Action est obligatoire\u00a0: dites ce qui sera fait",
      "Fin 2027-03-01 tombe avant Début 2027-09-17",
      "Début 2027-09-17 tombe hors du semestre (du 2027-01-01 au 2027-06-30)",
      "Budget -2,5 est négatif\u00a0: il doit valoir 0 ou plus",
      "Agir demande une Action corrective\u00a0: dites ce qu'il faudra faire autrement au semestre suivant",
    ]);
  });
});

describe("reading a French CarnetActionPlan back", () => {
  const locate = (row: number, column: number) =>
    `'Plan d'actions'!${String.fromCharCode(65 + column)}${row + 2}`;
  const HEADERS = actionPlanHeaders(true);
  const row = (cells: Partial<Record<(typeof ACTION_PLAN_COLUMNS)[number], CellValue>>) =>
    ACTION_PLAN_COLUMNS.map((c) => cells[c] ?? null);

  it("locates each problem and names the column by its French header", () => {
    const cells = [
      row({ Id: "A-0001", Semester: "S3 2027", Start: "03/04/2027", Phase: "Fini", Budget: "dix" }),
      row({ Id: "a-0001", Semester: "" }),
    ];
    expect(actionsFromTable(HEADERS, cells, locate, FR).problems).toEqual([
      "'Plan d'actions'!B2\u00a0: Semestre S3 2027 n'est pas un semestre\u00a0: écrivez-le S1 2027 ou S2 2027",
      "'Plan d'actions'!J2\u00a0: Début 03/04/2027 est du texte, pas une date\u00a0: saisissez la date à " +
        "nouveau (ou choisissez-la) pour qu'Excel la garde comme date",
      "'Plan d'actions'!M2\u00a0: Budget dix n'est pas un nombre",
      "'Plan d'actions'!N2\u00a0: Phase Fini n'est pas une phase\u00a0: écrivez Planifier, Faire, Vérifier ou Agir",
      "'Plan d'actions'!B3\u00a0: Semestre est vide\u00a0: écrivez-le S1 2027 ou S2 2027",
      "'Plan d'actions'!A3\u00a0: l'Id a-0001 est déjà celui de 'Plan d'actions'!A2\u00a0: effacez cet " +
        "Id pour faire de la ligne une nouvelle action",
    ]);
  });

  it("says a missing column once, in French, singular and plural", () => {
    const without = (gone: string[]) => HEADERS.filter((h) => !gone.includes(h));
    expect(actionsFromTable(without(["Commentaire"]), [], locate, FR).problems).toEqual([
      "le plan d'actions n'a pas de colonne Commentaire\u00a0: elle se lit vide",
    ]);
    expect(actionsFromTable(without(["Budget", "Commentaire"]), [], locate, FR).problems).toEqual([
      "le plan d'actions n'a pas de colonnes Budget, Commentaire\u00a0: elles se lisent vides",
    ]);
  });
});

describe("the plan's catalogue", () => {
  it("has the same placeholders in both languages", () => {
    // A plural counts as its parameter: its forms ({it}, {them}) are words, not parameters.
    const plurals = /\{(\w+), plural, (?:\w+ \{[^{}]*\} ?)+\}/g;
    const names = (text: string) =>
      [...text.replace(plurals, "{$1}").matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(PLAN_MESSAGES.en) as (keyof typeof PLAN_MESSAGES.en)[]) {
      expect([key, names(PLAN_MESSAGES.fr[key])]).toEqual([key, names(PLAN_MESSAGES.en[key])]);
    }
  });
});
