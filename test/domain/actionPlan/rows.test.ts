import { ACTION_PLAN_COLUMNS, type Action } from "../../../src/domain/actionPlan/action";
import {
  ACTION_PLAN_COLUMNS_FR,
  actionPlanHeaders,
  actionsFromTable,
  rowFromAction,
} from "../../../src/domain/actionPlan/rows";
import type { CellValue } from "../../../src/domain/values";

/** `'Plan'!<column letter><row + 2>`: the body starts on row 2, under the headers. */
const locate = (row: number, column: number) =>
  `'Plan'!${String.fromCharCode(65 + column)}${row + 2}`;

const HEADERS = [...ACTION_PLAN_COLUMNS];

/** A row in ACTION_PLAN_COLUMNS order from the cells given by header. */
function row(cells: Partial<Record<(typeof ACTION_PLAN_COLUMNS)[number], CellValue>>): CellValue[] {
  return ACTION_PLAN_COLUMNS.map((c) => cells[c] ?? null);
}

const VISITS: Action = {
  id: "A-0001",
  semester: "2027-S1",
  action: "Visit the ten largest customers",
  means: "Visits to existing customers",
  target: "Key accounts",
  range: "Pumps",
  objective: 40,
  unit: "meetings",
  owner: "Alice",
  start: 46388,
  end: 46568,
  order: 1,
  budget: 30000,
  phase: "Do",
  actualResult: null,
  actualCost: null,
  correctiveAction: "",
  carriedFrom: "",
  comment: "",
};

describe("reading CarnetActionPlan", () => {
  it("reads a row written by rowFromAction back to the same action", () => {
    const read = actionsFromTable(HEADERS, [rowFromAction(VISITS)], locate);
    expect(read.actions).toEqual([VISITS]);
    expect(read.rowOfId.get("A-0001")).toBe(0);
    expect(read.problems).toEqual([]);
  });

  it("finds moved columns by their header", () => {
    const moved = [...HEADERS].reverse();
    const cells = rowFromAction(VISITS).reverse();
    expect(actionsFromTable(moved, [cells], locate).actions).toEqual([VISITS]);
  });

  it("reads a French workbook's headers", () => {
    const french = actionPlanHeaders(true);
    expect(french[ACTION_PLAN_COLUMNS.indexOf("Owner")]).toBe(ACTION_PLAN_COLUMNS_FR.Owner);
    expect(actionsFromTable(french, [rowFromAction(VISITS)], locate).actions).toEqual([VISITS]);
  });

  it("reads money and numbers typed as text as Excel would", () => {
    const cells = row({
      Id: "A-0002",
      Semester: "2027-S1",
      Action: "Trade fair",
      Objective: "30 000 €",
      Budget: "12 500,50 €",
      "Actual cost": "€1,250",
      "Actual result": "35 %",
      Order: "2",
    });
    const [action] = actionsFromTable(HEADERS, [cells], locate).actions;
    expect(action).toMatchObject({
      objective: 30000,
      budget: 12500.5,
      actualCost: 1250,
      actualResult: 0.35,
      order: 2,
    });
  });

  it("locates an unreadable number and says why, keeping the action with that field blank", () => {
    const cells = row({
      Id: "A-0003",
      Semester: "2027-S1",
      Budget: "1,000",
      "Actual cost": "25 %",
    });
    const read = actionsFromTable(HEADERS, [cells], locate);
    expect(read.actions[0].budget).toBeNull();
    expect(read.problems).toEqual([
      "'Plan'!M2: Budget 1,000 is ambiguous: 1,000 may be 1000 or 1; write 1000 or 1",
      "'Plan'!P2: Actual cost 25 % is a percentage, not an amount",
    ]);
  });

  it("keeps a number typed in a text column as its text", () => {
    const cells = row({
      Id: "A-0004",
      Semester: "2027-S1",
      Comment: 33612345678,
      Target: 75,
      Owner: true,
    });
    const [action] = actionsFromTable(HEADERS, [cells], locate).actions;
    expect(action.comment).toBe("33612345678");
    expect(action.target).toBe("75");
    expect(action.owner).toBe("TRUE");
  });

  it("takes dates as Excel serials, dropping a time of day, and refuses text dates without guessing", () => {
    const cells = row({ Id: "A-0005", Semester: "2027-S1", Start: 46388.75, End: "03/04/2027" });
    const read = actionsFromTable(HEADERS, [cells], locate);
    expect(read.actions[0].start).toBe(46388);
    expect(read.actions[0].end).toBeNull();
    expect(read.problems).toEqual([
      "'Plan'!K2: End 03/04/2027 is text, not a date: type the date again (or pick it) so that Excel stores it as a date",
    ]);
  });

  it("reads the phase in any case, in English or French; blank is Plan; anything else is a problem", () => {
    const phases: CellValue[] = ["check", " ACT ", "", null, "Vérifier", "Faire", "Done"];
    const rows = phases.map((p, i) => row({ Id: `A-000${i + 1}`, Semester: "2027-S1", Phase: p }));
    const read = actionsFromTable(HEADERS, rows, locate);
    expect(read.actions.map((a) => a.phase)).toEqual([
      "Check",
      "Act",
      "Plan",
      "Plan",
      "Check",
      "Do",
      "Plan",
    ]);
    expect(read.problems).toEqual([
      "'Plan'!N8: Phase Done is not a phase: write Plan, Do, Check or Act",
    ]);
  });

  it("normalises 2027-s2 and a French workbook's S1 2027, and refuses anything else, keeping the text", () => {
    const rows = [
      row({ Id: "A-0001", Semester: " 2027-s2" }),
      row({ Id: "A-0002", Semester: "2027-1" }),
      row({ Id: "A-0003" }),
      row({ Id: "A-0004", Semester: "S1 2027" }),
    ];
    const read = actionsFromTable(HEADERS, rows, locate);
    expect(read.actions.map((a) => a.semester)).toEqual(["2027-S2", "2027-1", "", "2027-S1"]);
    expect(read.problems).toEqual([
      "'Plan'!B3: Semester 2027-1 is not a semester: write it as 2027-S1 or 2027-S2",
      "'Plan'!B4: Semester is blank: write it as 2027-S1 or 2027-S2",
    ]);
  });

  it("skips blank rows and returns rows without an Id apart, for the caller to number", () => {
    const rows = [
      row({ Id: "A-0001", Semester: "2027-S1" }),
      row({ Comment: "  " }),
      row({ Semester: "2027-S1", Action: "Mailing to dormant customers" }),
    ];
    const read = actionsFromTable(HEADERS, rows, locate);
    expect(read.actions.map((a) => a.id)).toEqual(["A-0001"]);
    expect(read.unidentified).toHaveLength(1);
    expect(read.unidentified[0].row).toBe(2);
    expect(read.unidentified[0].action).toMatchObject({
      id: "",
      action: "Mailing to dormant customers",
    });
  });

  it("leaves out a row repeating an earlier row's Id (any case), saying which and how to fix it", () => {
    const rows = [
      row({ Id: "A-0001", Semester: "2027-S1", Action: "first" }),
      row({ Id: "a-0001", Semester: "2027-S1", Action: "copy" }),
    ];
    const read = actionsFromTable(HEADERS, rows, locate);
    expect(read.actions.map((a) => a.action)).toEqual(["first"]);
    expect(read.problems).toEqual([
      "'Plan'!A3: Id a-0001 is already the Id of 'Plan'!A2: clear this Id to make the row a new action",
    ]);
  });

  it("reports a missing column once and reads its values as blank", () => {
    const headers = HEADERS.filter((h) => h !== "Comment" && h !== "Budget");
    const cells = row({ Id: "A-0001", Semester: "2027-S1", Budget: 500 }).filter(
      (_, i) => HEADERS[i] !== "Comment" && HEADERS[i] !== "Budget"
    );
    const read = actionsFromTable(
      headers,
      [cells, cells.map((c, i) => (i === 0 ? "A-0002" : c))],
      locate
    );
    expect(read.actions.map((a) => a.budget)).toEqual([null, null]);
    expect(read.problems).toEqual([
      "the action plan has no column Budget, Comment: they read as blank",
    ]);
  });

  it("reads an empty table as an empty plan", () => {
    expect(actionsFromTable(HEADERS, [], locate)).toEqual({
      actions: [],
      rowOfId: new Map(),
      unidentified: [],
      problems: [],
    });
  });
});

describe("writing CarnetActionPlan", () => {
  it("writes the columns in ACTION_PLAN_COLUMNS order, blank numbers as null", () => {
    expect(rowFromAction(VISITS)).toEqual([
      "A-0001",
      "2027-S1",
      "Visit the ten largest customers",
      "Visits to existing customers",
      "Key accounts",
      "Pumps",
      40,
      "meetings",
      "Alice",
      46388,
      46568,
      1,
      30000,
      "Do",
      null,
      null,
      "",
      "",
      "",
    ]);
  });
});
