/**
 * The "Carnet Team" sheet as planned (no host): each CarnetTeam column one formula in every row or values
 * (Excel's calculated columns would copy a row's formula over the others), and CarnetTeam read back: the
 * figures as the cells hold them, the settings from the sheet, and every cell that cannot be read located.
 */
import { planRows } from "../../src/excel/plan/sheetPlan";
import { TEAM_COLUMNS, type RepFigures, type TeamFigures } from "../../src/domain/team/contract";
import {
  REBUILD,
  type TeamCellsNow,
  TEAM_SETTINGS_COLUMNS,
  teamReadingOf,
  teamSheetPlan,
  type TeamSources,
} from "../../src/excel/plan/teamSheet";

function rep(name: string, fields: Partial<RepFigures> = {}): RepFigures {
  return {
    rep: name,
    openPipeline: 0,
    weighted: 0,
    objective: null,
    won: 0,
    attainment: null,
    coverage: null,
    pObjective: null,
    actions: 0,
    budget: 0,
    blendedAttainment: null,
    ...fields,
  };
}

const FIGURES: TeamFigures = {
  reps: [
    rep("Anne", { objective: 20000, won: 10000, pObjective: 0.125 }),
    rep("Bruno"),
    rep("Chloé", { objective: 5000, pObjective: 0 }),
  ],
  teamObjective: 25000,
  teamWon: 10000,
  teamAttainment: 0.4,
};

const SOURCES: TeamSources = {
  pipeline: {
    sheet: "Carnet Pipeline",
    columns: {
      Amount: 5,
      Probability: 6,
      "Weighted amount": 7,
      Owner: 8,
      "Forecast category": 10,
    },
  },
  actionPlan: { sheet: "Carnet Action Plan", columns: { Semester: 1, Owner: 8, Budget: 12 } },
};

const build = {
  figures: FIGURES,
  settings: { collectiveWeight: 0.2, teamObjective: null },
  semester: "2027-S1",
  currencyFormat: "#,##0",
};

describe("the planned sheet", () => {
  it("makes each CarnetTeam column one formula in every row (its own row's cells), or values", () => {
    const { plan } = teamSheetPlan(build, SOURCES);
    const team = plan.tables[0];
    expect(team.headers).toEqual([...TEAM_COLUMNS]);
    TEAM_COLUMNS.forEach((header, j) => {
      const cells = planRows(team).map((row, i) => {
        const cell = row[j];
        // The row's own number, written in place of the row: what Excel's R1C1 form compares.
        return typeof cell === "string" && cell.startsWith("=")
          ? cell.replace(new RegExp(`\\$([A-Z]+)${4 + i}\\b`, "g"), "$$$1#")
          : "value";
      });
      expect({ header, kinds: new Set(cells).size }).toEqual({ header, kinds: 1 });
    });
    // Typed objectives stay values; P(objective) looks up what Build team computed.
    expect(planRows(team).map((r) => r[3])).toEqual([20000, null, 5000]);
    expect(planRows(plan.tables[2])).toEqual([
      ["'Anne", 20000, 0.125],
      ["'Bruno", null, null],
      ["'Chloé", 5000, 0],
    ]);
  });

  it("refers to Carnet's tables by whole columns of the sheets they are on now, and says what is live", () => {
    const moved: TeamSources = {
      ...SOURCES,
      pipeline: { ...SOURCES.pipeline!, sheet: "Carnet Pipeline (2)" },
      actionPlan: null,
    };
    const { plan, liveCells, stampedCells } = teamSheetPlan(build, moved);
    const [anne] = planRows(plan.tables[0]);
    expect(anne[2]).toBe(
      `=SUMIFS('Carnet Pipeline (2)'!$H:$H,'Carnet Pipeline (2)'!$I:$I,"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($A4,"~","~~"),"*","~*"),"?","~?"))`
    );
    // Without the plan, the build's counts.
    expect([anne[8], anne[9]]).toEqual([0, 0]);
    expect({ liveCells, stampedCells }).toEqual({ liveCells: 3 * 6 + 3, stampedCells: 3 * 3 });
    expect(plan.note).toMatch(
      /^Live formulas: Open pipeline, Weighted and Won \(over CarnetPipeline/
    );
    expect(plan.note).toMatch(
      /Values as of Build team: Actions and Budget \(no CarnetActionPlan\)/
    );
  });

  it("draws no chart for a team of no one", () => {
    const empty = { ...build, figures: { ...FIGURES, reps: [] } };
    expect(teamSheetPlan(empty, SOURCES).plan.charts).toEqual([]);
  });
});

const HEADERS = [...TEAM_COLUMNS];
const SHEET = "Carnet Team";

/** CarnetTeam at A3 with these rows, and its settings at M3. */
function cells(
  body: unknown[][],
  settings: unknown[] | null = ["2027-S1", 0.2, "", 25000, 16000, 0.64]
): TeamCellsNow {
  return {
    sheet: SHEET,
    row: 2,
    col: 0,
    headers: HEADERS,
    body: body as TeamCellsNow["body"],
    settings:
      settings === null
        ? null
        : {
            row: 2,
            col: 12,
            headers: [...TEAM_SETTINGS_COLUMNS],
            values: settings as TeamCellsNow["body"][number],
          },
  };
}

const ANNE = ["Anne", 12000, 5000, 20000, 10000, 0.5, 0.5, 0.125, 2, 8000, 0.528];

describe("reading the sheet back", () => {
  it("reads the figures, the sheet's settings over the stored ones, and where each rep's row is", () => {
    const reading = teamReadingOf(
      cells([
        ANNE,
        [" Bruno ", 0, 0, "", 0, "", "", "", 0, 0, ""],
        ["", "", "", "", "", "", "", "", "", "", ""],
      ]),
      { collectiveWeight: 0.5, teamObjective: 99 }
    );
    expect(reading.problems).toEqual([]);
    expect(reading.settings).toEqual({ collectiveWeight: 0.2, teamObjective: null });
    expect(reading.figures).toEqual({
      reps: [
        {
          rep: "Anne",
          openPipeline: 12000,
          weighted: 5000,
          objective: 20000,
          won: 10000,
          attainment: 0.5,
          coverage: 0.5,
          pObjective: 0.125,
          actions: 2,
          budget: 8000,
          blendedAttainment: 0.528,
        },
        rep("Bruno"),
      ],
      teamObjective: 25000,
      teamWon: 16000,
      teamAttainment: 0.64,
    });
    expect([...reading.rowAddress]).toEqual([
      ["Anne", "'Carnet Team'!A4:K4"],
      ["Bruno", "'Carnet Team'!A5:K5"],
    ]);
  });

  it("locates each cell it cannot read, and says why", () => {
    const typedAsText = ["Anne", 12000, 5000, "20 000 €", "lots", "", "", REBUILD, 2, 8000, ""];
    const reading = teamReadingOf(cells([typedAsText], ["2027-S1", 1.5, "-3", "", 0, ""]), {
      collectiveWeight: 0.3,
    });
    expect(reading.figures.reps[0]).toMatchObject({ objective: 20000, won: 0, pObjective: null });
    expect(reading.problems).toEqual([
      "'Carnet Team'!D4: the objective of Anne is text, which the row's formulas cannot use: type it " +
        "as a number, or Build team, which writes it as one",
      "'Carnet Team'!H4: P(objective) of Anne was computed for another objective: Build team computes it again",
      "'Carnet Team'!E4: Won lots is not a number",
      expect.stringMatching(/^'Carnet Team'!N4: Collective weight 1.5 is above 1/),
      "'Carnet Team'!O4: Team objective -3 is not above 0: leave it blank for Σ of the objectives",
    ]);
    // The stored weight stands in for the one the sheet cannot give.
    expect(reading.settings).toEqual({ collectiveWeight: 0.3, teamObjective: null });
  });

  it("says each problem in French, columns by their French headers", () => {
    const NBSP = "\u00a0";
    const typedAsText = ["Anne", 12000, 5000, "20 000 €", "beaucoup", "", "", REBUILD, 2, 8000, ""];
    const reading = teamReadingOf(
      cells([typedAsText], ["2027-S1", "0,1", "-3", "", 0, ""]),
      { collectiveWeight: 0.3 },
      "fr"
    );
    expect(reading.problems).toEqual([
      `'Carnet Team'!D4${NBSP}: l'objectif de Anne est du texte, que les formules de la ligne ne peuvent pas ` +
        `utiliser${NBSP}: saisissez-le comme un nombre, ou lancez Construire l'équipe, qui l'écrit comme tel`,
      `'Carnet Team'!H4${NBSP}: P(objectif) de Anne a été calculée pour un autre objectif${NBSP}: ` +
        "Construire l'équipe la calcule à nouveau",
      `'Carnet Team'!E4${NBSP}: Gagné beaucoup n'est pas un nombre`,
      `'Carnet Team'!N4${NBSP}: Poids collectif 0,1 est du texte, que les formules de la feuille ne peuvent pas ` +
        `utiliser${NBSP}: saisissez-le comme un nombre, ou réglez-le dans le volet`,
      `'Carnet Team'!O4${NBSP}: Objectif de l'équipe -3 n'est pas au-dessus de 0${NBSP}: laissez-le vide pour la somme des objectifs`,
    ]);
    const gone = teamReadingOf(
      { ...cells([ANNE], null), headers: HEADERS.filter((h) => h !== "Won" && h !== "Budget") },
      {},
      "fr"
    );
    expect(gone.problems?.slice(0, 1)).toEqual([
      `Carnet Team${NBSP}: CarnetTeam n'a plus de colonne Gagné, Budget${NBSP}: Construire l'équipe les écrit à nouveau`,
    ]);
    expect(gone.problems?.at(-1)).toBe(
      `Carnet Team${NBSP}: CarnetTeamSettings a disparu, et avec lui les chiffres de l'équipe${NBSP}: ` +
        "Construire l'équipe l'écrit à nouveau"
    );
  });

  it("says so when the settings table is gone, and takes the stored settings", () => {
    const reading = teamReadingOf(cells([ANNE], null), { collectiveWeight: 0.1, teamObjective: 5 });
    expect(reading.settings).toEqual({ collectiveWeight: 0.1, teamObjective: 5 });
    expect(reading.figures).toMatchObject({ teamObjective: null, teamAttainment: null });
    expect(reading.problems).toEqual([
      "Carnet Team: CarnetTeamSettings is gone, so are the team's figures: Build team writes it again",
    ]);
  });
});
