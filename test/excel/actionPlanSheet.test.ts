/**
 * The action plan's sheet planned without a host (plan/actionPlanSheet.ts): which cells a save writes
 * into a table whose columns a user moved, the runs they are written in, the timeline's bars and the
 * envelope typed in the block.
 */
import { ACTION_PLAN_COLUMNS, type Action, blankAction } from "../../src/domain/actionPlan/action";
import {
  ACTION_COLUMN_KINDS,
  actionPlanColumns,
  actionPlanHeaders,
  actionsFromTable,
  rowFromAction,
} from "../../src/domain/actionPlan/rows";
import { ACTION_FIELDS } from "../../src/domain/actionPlan/action";
import { serialFromYmd } from "../../src/domain/dates";
import type { CellValue } from "../../src/domain/values";
import {
  cellRuns,
  type PlanTableNow,
  planWrites,
  timelineRows,
  typedEnvelope,
} from "../../src/excel/plan/actionPlanSheet";

const day = (y: number, m: number, d: number) => serialFromYmd(y, m, d);
const act = (id: string, fields: Partial<Action>): Action => ({
  ...blankAction(id, "2027-S1"),
  ...fields,
});

const FAIR = act("A-0001", { action: "Trade fair", owner: "Bruno", budget: 12000 });
const CALLS = act("A-0002", { action: "Calls", owner: "Anne", budget: 3000 });

/** The table as read: the plan's columns in `headers` order, plus a column of the user's ("Notes"). */
function tableNow(headers: string[], actions: Action[], extra: CellValue[][] = []): PlanTableNow {
  const body: CellValue[][] = actions.map((a) => {
    const cells = rowFromAction(a);
    return headers.map((h) => {
      const i = ACTION_PLAN_COLUMNS.indexOf(h as (typeof ACTION_PLAN_COLUMNS)[number]);
      return i >= 0 ? cells[i] : "my note";
    });
  });
  body.push(...extra);
  return {
    sheet: "Carnet Action Plan",
    row: 2,
    col: 0,
    headers,
    body,
    reading: actionsFromTable(headers, body, (r, c) => `R${r}C${c}`),
  };
}

describe("the columns a save writes to (rows.ts's one finder)", () => {
  it.each([
    ["moved", [...ACTION_PLAN_COLUMNS].reverse()],
    ["in French", actionPlanHeaders(true)],
    ["typed otherwise", ACTION_PLAN_COLUMNS.map((h) => ` ${h.toUpperCase()}:`)],
    ["twice, with a column of the user's", ["Notes", ...ACTION_PLAN_COLUMNS, "Owner", "Budget"]],
  ])("are the ones rows.ts reads each field from, headers %s", (_, headers) => {
    // Each cell says which column it is in: the text fields read back tell where rows.ts read them.
    const row = headers.map((_, i) => `cell ${i}`);
    const [read] = actionsFromTable(headers, [row], () => "").actions;
    const columns = actionPlanColumns(headers);
    for (const column of ACTION_PLAN_COLUMNS)
      if (ACTION_COLUMN_KINDS[column] === "text")
        expect(read[ACTION_FIELDS[column]]).toBe(`cell ${columns[column]}`);
  });
});

describe("the cells a save writes", () => {
  it("writes a changed field into its column where the user moved it, and only that cell", () => {
    const headers = ["Notes", ...[...ACTION_PLAN_COLUMNS].reverse()];
    const now = tableNow(headers, [FAIR, CALLS]);
    const writes = planWrites(now, [FAIR, { ...CALLS, budget: 4000 }], "A-0002", "#,##0");
    // Budget is the plan's 13th column, here the 8th (after Notes and the six reversed after it).
    expect(writes.cells).toEqual([
      { row: 4, col: headers.indexOf("Budget"), format: "#,##0", value: 4000 },
    ]);
    expect(headers.indexOf("Budget")).toBe(7);
    expect(writes).toMatchObject({ appended: [], deleted: [], lastId: "A-0002" });
  });

  it("gives rows added in Excel the next Ids, appends the pane's rows in the table's columns, deletes bottom-up", () => {
    const headers = [...ACTION_PLAN_COLUMNS, "Notes"];
    const typedInExcel = headers.map((h) => (h === "Action" ? "Mailing" : null));
    const now = tableNow(headers, [FAIR, CALLS, act("A-0003", {})], [typedInExcel]);
    const ROADSHOW = act("A-0009", { action: "Roadshow", target: "0044" });
    const writes = planWrites(now, [CALLS, ROADSHOW], "A-0009", "#,##0");
    // Excel's row (body row 3, sheet row 6) takes A-0010, above both the table's ids and the last issued.
    expect(writes.cells).toEqual([{ row: 6, col: 0, format: "@", value: "A-0010" }]);
    expect(writes.deleted).toEqual([2, 0]);
    expect(writes.appended).toEqual([[...rowFromAction(ROADSHOW).map((v) => v ?? ""), null]]);
    expect(writes.appendedFormats[headers.indexOf("Target")]).toBe("@");
    expect(writes.appendedFormats[headers.indexOf("Start")]).toBe("yyyy-mm-dd");
    expect(writes.appendedFormats[headers.indexOf("Objective")]).toBe("General");
    expect(writes.appendedFormats[headers.indexOf("Notes")]).toBeNull();
    expect(writes.actions.map((a) => a.id)).toEqual(["A-0002", "A-0010", "A-0009"]);
    expect(writes.lastId).toBe("A-0010");
  });

  it("joins neighbouring cells of a row into one range, apart where a cell keeps its format", () => {
    const cell = (row: number, col: number, format: string | null) => ({
      row,
      col,
      format,
      value: col,
    });
    expect(
      cellRuns([
        cell(4, 3, "@"),
        cell(4, 2, "@"),
        cell(4, 4, null),
        cell(4, 5, null),
        cell(5, 2, "@"),
      ])
    ).toEqual([
      { row: 4, col: 2, formats: ["@", "@"], values: [2, 3] },
      { row: 4, col: 4, formats: null, values: [4, 5] },
      { row: 5, col: 2, formats: ["@"], values: [2] },
    ]);
  });
});

describe("the timeline's bars", () => {
  const S1 = { start: day(2027, 1, 1), end: day(2027, 6, 30) };

  it("go by owner then Order, cut to the semester, and leave out actions not scheduled in it", () => {
    const rows = timelineRows(
      [
        act("A-0001", {
          action: "Fair",
          owner: "Bruno",
          start: day(2027, 3, 1),
          end: day(2027, 3, 5),
        }),
        act("A-0002", {
          action: "Carried calls",
          owner: "Anne",
          order: 2,
          start: day(2026, 12, 1),
          end: day(2027, 1, 10),
        }),
        act("A-0003", { owner: "Anne", order: 1, start: day(2027, 6, 20), end: day(2027, 7, 31) }),
        act("A-0004", { action: "Undated", owner: "Anne" }),
        act("A-0005", {
          action: "Next year",
          owner: "Anne",
          start: day(2027, 9, 1),
          end: day(2027, 9, 2),
        }),
      ],
      S1
    );
    expect(rows).toEqual([
      { label: "A-0003", owner: "Anne", offset: 170, days: 11 },
      { label: "Carried calls", owner: "Anne", offset: 0, days: 10 },
      { label: "Fair", owner: "Bruno", offset: 59, days: 5 },
    ]);
  });
});

describe("the envelope typed in the block", () => {
  it("is read as an amount for the semester the block names; a blank removes it; anything else is ignored", () => {
    const body = (envelope: CellValue) => [
      ["Semester", "2027-S1"],
      ["Envelope", envelope],
      ["Total budget", 1000],
    ];
    expect(typedEnvelope(body(30000))).toEqual({ semester: "2027-S1", amount: 30000 });
    expect(typedEnvelope(body("30 000 €"))).toEqual({ semester: "2027-S1", amount: 30000 });
    expect(typedEnvelope(body(""))).toEqual({ semester: "2027-S1", amount: null });
    expect(typedEnvelope(body("lots"))).toBeNull();
    expect(typedEnvelope(body(-5))).toBeNull();
    expect(
      typedEnvelope([
        ["Semester", "S1"],
        ["Envelope", 5],
      ])
    ).toBeNull();
  });
});
