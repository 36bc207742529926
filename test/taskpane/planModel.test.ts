import { type Action, HANDBOOK_MEANS, PHASES } from "../../src/domain/actionPlan/action";
import { actionsFromTable } from "../../src/domain/actionPlan/rows";
import type { ActionConflict } from "../../src/domain/actionPlan/contract";
import { serialFromYmd } from "../../src/domain/dates";
import type { ActionPlanReading } from "../../src/excel/plan/actionPlanPort";
import { wordsIn } from "../../src/taskpane/words";
import {
  actionFromDraft,
  allResolved,
  amountLines,
  checkLine,
  columnLabel,
  columnOf,
  conflictKey,
  dateInput,
  draftOf,
  emptyDraft,
  envelopeOf,
  fieldText,
  hasUnsavedChanges,
  initialPlanState,
  meansChoices,
  nextId,
  noticeText,
  ownerChoices,
  phaseLabel,
  placeProblems,
  reviewMessage,
  savedMessage,
  type PlanEvent,
  planReducer,
  type PlanState,
  saveRequest,
  semesterActions,
  semesterChoices,
  timelineLayout,
  TIMELINE_GEOMETRY,
  unitChoices,
} from "../../src/taskpane/plan/planModel";

/** The pane in English (the browser tests' words) and in French. */
const EN = wordsIn("en");
const FR = wordsIn("fr");

const day = (y: number, m: number, d: number) => serialFromYmd(y, m, d);
/** 2026-11-27: the pane opened in 2026-S2 (calendar fiscal year). */
const TODAY = day(2026, 11, 27);

function act(id: string, fields: Partial<Action> = {}): Action {
  return {
    id,
    semester: "2027-S1",
    action: `Action ${id}`,
    means: "Trade fair",
    target: "",
    range: "",
    objective: null,
    unit: "",
    owner: "Anne",
    start: null,
    end: null,
    order: null,
    budget: null,
    phase: "Plan",
    actualResult: null,
    actualCost: null,
    correctiveAction: "",
    carriedFrom: "",
    comment: "",
    ...fields,
  };
}

function reading(
  actions: readonly Action[],
  extra: Partial<ActionPlanReading> = {}
): ActionPlanReading {
  return {
    exists: actions.length > 0,
    actions,
    problems: [],
    rowAddress: new Map(actions.map((a, i) => [a.id, `'Carnet Action Plan'!A${i + 2}:S${i + 2}`])),
    lastId: null,
    envelopes: {},
    capacity: 3,
    fiscalStartMonth: 1,
    ...extra,
  };
}

const run = (state: PlanState, ...events: PlanEvent[]) => events.reduce(planReducer, state);
const opened = (r: ActionPlanReading) =>
  run(initialPlanState(TODAY), { type: "read", reading: r, today: TODAY });

const S1 = [
  act("A-0001", { owner: "Anne", order: 2, budget: 1000 }),
  act("A-0002", { owner: "Bruno", order: 1, budget: 2500, means: "Mailing" }),
  act("A-0003", { owner: "Anne", order: null, budget: 500 }),
];
const S2 = [act("A-0004", { semester: "2027-S2", owner: "Chloé" })];

describe("reading the plan", () => {
  it("shows today's semester when the plan is empty, and the base is what was read", () => {
    const state = opened(reading([]));
    expect(state.semester).toBe("2026-S2");
    expect(state.base).toEqual([]);
    expect(hasUnsavedChanges(state)).toBe(false);
  });

  it("shows the latest semester with actions when today's has none, and offers every semester", () => {
    const state = opened(reading([...S1, ...S2], { lastId: "A-0009" }));
    expect(state.semester).toBe("2027-S2");
    expect(semesterChoices(state)).toEqual(["2027-S1", "2027-S2"]);
    expect(state.lastId).toBe("A-0009");
    expect(state.base).toBe(state.actions);
  });

  it("keeps the semester shown when the plan is read again", () => {
    const state = run(
      opened(reading([...S1, ...S2])),
      { type: "show", semester: "2027-S1" },
      { type: "read", reading: reading([...S1, ...S2]), today: TODAY }
    );
    expect(state.semester).toBe("2027-S1");
  });

  it("shows the semester of a fiscal year starting in July: 2026-11-27 is in 2026-S1", () => {
    const state = opened(reading([], { fiscalStartMonth: 7 }));
    expect(state.semester).toBe("2026-S1");
  });
});

describe("the semester view", () => {
  it("lists the semester's actions by Order, those without one last in the table's order", () => {
    const state = run(opened(reading([...S1, ...S2])), { type: "show", semester: "2027-S1" });
    expect(semesterActions(state.actions, state.semester).map((a) => a.id)).toEqual([
      "A-0002",
      "A-0001",
      "A-0003",
    ]);
    expect(semesterActions(state.actions, "2027-S2").map((a) => a.id)).toEqual(["A-0004"]);
  });

  it("opens a new plan for the semester after the latest one, empty", () => {
    const state = run(opened(reading([...S1, ...S2])), { type: "new-plan" });
    expect(state.semester).toBe("2028-S1");
    expect(semesterActions(state.actions, state.semester)).toEqual([]);
    expect(semesterChoices(state)).toEqual(["2027-S1", "2027-S2", "2028-S1"]);
    // A second New plan goes one further; the picker keeps both.
    expect(semesterChoices(run(state, { type: "new-plan" }))).toEqual([
      "2027-S1",
      "2027-S2",
      "2028-S1",
      "2028-S2",
    ]);
  });
});

describe("adding, editing and deleting actions", () => {
  const start = () => run(opened(reading([...S1, ...S2])), { type: "show", semester: "2027-S1" });

  it("gives a new action the next Id, in the semester shown, at the end of the pane's actions", () => {
    const state = run(start(), { type: "add", action: act("", { action: "Mailing Q2" }) });
    const added = state.actions[state.actions.length - 1];
    expect(added).toMatchObject({ id: "A-0005", action: "Mailing Q2", semester: "2027-S1" });
    expect(state.lastId).toBe("A-0005");
    expect(state.base).toHaveLength(4); // the base is still what was read
    expect(hasUnsavedChanges(state)).toBe(true);
  });

  it("never issues an Id again: above the table's, the pane's and the last one ever issued", () => {
    // The workbook says A-0007 was issued once (deleted since): the next is A-0008.
    let state = opened(reading(S1, { lastId: "A-0007" }));
    expect(nextId(state)).toBe("A-0008");
    state = run(state, { type: "add", action: act("") }, { type: "add", action: act("") });
    expect(state.actions.map((a) => a.id)).toEqual([
      "A-0001",
      "A-0002",
      "A-0003",
      "A-0008",
      "A-0009",
    ]);
    // Deleting the last one added does not free its Id.
    state = run(state, { type: "delete", id: "A-0009" }, { type: "add", action: act("") });
    expect(state.actions.map((a) => a.id).slice(-1)).toEqual(["A-0010"]);
    // Deleting an action read from the table does not free its Id either (it is in the base).
    state = run(
      opened(reading(S1)),
      { type: "delete", id: "A-0003" },
      { type: "add", action: act("") }
    );
    expect(state.actions.map((a) => a.id)).toEqual(["A-0001", "A-0002", "A-0004"]);
  });

  it("edits one action in place and deletes one, leaving the others and other semesters alone", () => {
    const edited = { ...S1[1], budget: 3000, phase: "Do" as const };
    const state = run(
      start(),
      { type: "update", action: edited },
      { type: "delete", id: "A-0001" }
    );
    expect(state.actions).toEqual([edited, S1[2], S2[0]]);
  });
});

describe("a new plan carried over from the previous semester", () => {
  const s1 = [
    act("A-0001", {
      phase: "Act",
      actualResult: 35,
      objective: 40,
      correctiveAction: "Visit in pairs",
      start: day(2027, 3, 15),
      end: day(2027, 3, 20),
    }),
    act("A-0002", { phase: "Check", actualResult: 10 }),
    act("A-0003", { phase: "Do", action: "Call hospitals", owner: "Bruno" }),
  ];

  it("adds the domain's carried actions to the new semester, with Ids never issued before", () => {
    const state = run(
      opened(reading(s1, { lastId: "A-0004" })),
      { type: "new-plan" },
      { type: "carry-over" }
    );
    expect(state.semester).toBe("2027-S2");
    const carried = semesterActions(state.actions, "2027-S2");
    expect(carried.map((a) => [a.id, a.action, a.carriedFrom, a.phase])).toEqual([
      ["A-0005", "Visit in pairs", "A-0001", "Plan"],
      ["A-0006", "Call hospitals", "A-0003", "Plan"],
    ]);
    // The fair of 15 March is planned on 15 September.
    expect(carried[0].start).toBe(day(2027, 9, 15));
    expect(state.lastId).toBe("A-0006");
    expect(noticeText(state.notice!, EN.t)).toBe("2 actions carried over from 2027-S1.");
    expect(noticeText(state.notice!, FR.t)).toBe("2 actions reprises de 2027-S1.");
    expect(saveRequest(state).edited).toHaveLength(5);
  });

  it("carries nothing twice, and says so", () => {
    const state = run(
      opened(reading(s1)),
      { type: "new-plan" },
      { type: "carry-over" },
      { type: "carry-over" }
    );
    expect(semesterActions(state.actions, "2027-S2")).toHaveLength(2);
    expect(noticeText(state.notice!, EN.t)).toBe("Nothing to carry over from 2027-S1.");
    expect(noticeText(state.notice!, FR.t)).toBe("Rien à reprendre de 2027-S1.");
  });
});

describe("what Save sends", () => {
  const start = () =>
    run(opened(reading([...S1, ...S2], { lastId: "A-0004" })), {
      type: "show",
      semester: "2027-S1",
    });

  it("sends the base read, every semester's actions, the shown semester and the last Id", () => {
    const state = run(start(), { type: "add", action: act("", { action: "Fair" }) });
    const request = saveRequest(state);
    expect(request.semester).toBe("2027-S1");
    expect(request.base).toEqual([...S1, ...S2]);
    expect(request.edited.map((a) => a.id)).toEqual([
      "A-0001",
      "A-0002",
      "A-0003",
      "A-0004",
      "A-0005",
    ]);
    expect(request.lastId).toBe("A-0005");
    expect(request).not.toHaveProperty("resolutions");
    expect(request).not.toHaveProperty("envelope");
  });

  it("sends the envelope typed for the semester shown, blank included", () => {
    let state = run(start(), { type: "envelope", amount: 12000 });
    expect(envelopeOf(state)).toBe(12000);
    expect(saveRequest(state).envelope).toEqual({ semester: "2027-S1", amount: 12000 });
    expect(hasUnsavedChanges(state)).toBe(true);
    state = run(state, { type: "envelope", amount: null });
    expect(saveRequest(state).envelope).toEqual({ semester: "2027-S1", amount: null });
    // Another semester shows its own envelope, the workbook's.
    const other = run(
      opened(reading(S1, { envelopes: { "2027-S2": 5000 } })),
      { type: "envelope", amount: 9000 },
      { type: "show", semester: "2027-S2" }
    );
    expect(envelopeOf(other)).toBe(5000);
    expect(saveRequest(other)).not.toHaveProperty("envelope");
  });

  it("asks each conflict, then sends the answers keyed by Id and field", () => {
    const conflicts: ActionConflict[] = [
      { id: "A-0002", field: "budget", base: 2500, pane: 3000, sheet: 2800 },
      { id: "A-0001", field: "owner", base: "Anne", pane: "Bruno", sheet: "Chloé" },
    ];
    let state = run(start(), { type: "conflicts", conflicts });
    expect(allResolved(state)).toBe(false);
    state = run(state, { type: "resolve", key: conflictKey(conflicts[0]), choice: "sheet" });
    expect(allResolved(state)).toBe(false);
    state = run(state, { type: "resolve", key: conflictKey(conflicts[1]), choice: "pane" });
    expect(allResolved(state)).toBe(true);
    expect(saveRequest(state).resolutions).toEqual(
      new Map([
        ["A-0002\u0000budget", "sheet"],
        ["A-0001\u0000owner", "pane"],
      ])
    );
    // The base stays what was read: the merge is done again with the answers.
    expect(saveRequest(state).base).toEqual([...S1, ...S2]);
  });

  it("after a save, merges from the workbook's plan and says which actions Excel deleted", () => {
    const before = run(
      start(),
      { type: "add", action: act("", { action: "Fair" }) },
      { type: "envelope", amount: 8000 },
      {
        type: "conflicts",
        conflicts: [{ id: "A-0002", field: "budget", base: 1, pane: 2, sheet: 3 }],
      }
    );
    const merged = [S1[0], { ...S1[1], budget: 2800 }, S2[0], { ...before.actions[4] }];
    const after = run(before, {
      type: "saved",
      reading: reading(merged, { lastId: "A-0005", envelopes: { "2027-S1": 8000 } }),
      deletedInSheet: ["A-0003"],
    });
    expect(after.base).toEqual(merged);
    expect(after.actions).toEqual(merged);
    expect(after.deletedInSheet).toEqual([{ id: "A-0003", action: "Action A-0003" }]);
    expect(after.conflicts).toEqual([]);
    expect(after.resolutions.size).toBe(0);
    expect(envelopeOf(after)).toBe(8000);
    expect(hasUnsavedChanges(after)).toBe(false);
    // The next action's Id is still above every Id issued.
    expect(nextId(after)).toBe("A-0006");
  });

  it("says what was saved and what the review wrote", () => {
    const state = opened(reading([...S1, ...S2]));
    expect(savedMessage(state, "2027-S1", EN.t)).toBe(
      "Saved to CarnetActionPlan: 3 actions in 2027-S1, 4 in all."
    );
    expect(savedMessage(state, "2027-S2", EN.t)).toBe(
      "Saved to CarnetActionPlan: 1 action in 2027-S2, 4 in all."
    );
    const review = { sheet: "Carnet Review", charts: ["Attainment"] };
    expect(reviewMessage("2027-S1", review, EN.t)).toBe(
      "Review of 2027-S1 written to Carnet Review with 1 chart."
    );
  });

  it("says it in French to a French pane", () => {
    const state = opened(reading([...S1, ...S2]));
    expect(savedMessage(state, "2027-S2", FR.t)).toBe(
      "Enregistré dans CarnetActionPlan : 1 action en 2027-S2, 4 en tout."
    );
    const review = { sheet: "Carnet Bilan", charts: ["Réalisation", "Coûts"] };
    expect(reviewMessage("2027-S1", review, FR.t)).toBe(
      "Bilan de 2027-S1 écrit dans Carnet Bilan avec 2 graphiques."
    );
  });

  it("keeps the pane's last Id when the workbook's is older", () => {
    const before = run(start(), { type: "add", action: act("") }, { type: "add", action: act("") });
    const after = run(before, {
      type: "saved",
      reading: reading(before.actions, { lastId: "A-0004" }),
      deletedInSheet: [],
    });
    expect(after.lastId).toBe("A-0006");
  });
});

describe("the form", () => {
  const context = {
    id: "A-0010",
    semester: "2027-S1",
    bounds: { start: day(2027, 1, 1), end: day(2027, 6, 30) },
    words: EN,
  };
  const filled = {
    ...emptyDraft(),
    Action: "  Lyon trade fair ",
    Means: "Trade fair",
    Target: "Hospitals",
    Range: "Alpha",
    Objective: "30 000",
    Unit: "€ revenue",
    Owner: "Anne",
    Start: "2027-03-01",
    End: "2027-03-03",
    Order: "1",
    Budget: "4 500 €",
  };

  it("makes an action from what is typed: amounts as written in French, dates from the date inputs", () => {
    const outcome = actionFromDraft(filled, null, context);
    expect(outcome).toEqual({
      ok: true,
      action: act("A-0010", {
        action: "Lyon trade fair",
        means: "Trade fair",
        target: "Hospitals",
        range: "Alpha",
        objective: 30000,
        unit: "€ revenue",
        owner: "Anne",
        start: day(2027, 3, 1),
        end: day(2027, 3, 3),
        order: 1,
        budget: 4500,
      }),
    });
  });

  it("fills the form back from an action, and reads it to the same action", () => {
    const action = act("A-0003", {
      start: day(2027, 2, 1),
      end: day(2027, 2, 28),
      budget: 1200.5,
      phase: "Do",
      carriedFrom: "A-0001",
    });
    const draft = draftOf(action);
    expect(draft).toMatchObject({
      Start: "2027-02-01",
      End: "2027-02-28",
      Budget: "1200.5",
      Phase: "Do",
    });
    expect(actionFromDraft(draft, action, context)).toEqual({ ok: true, action });
  });

  it("refuses a number or a date it cannot read, next to its field", () => {
    const outcome = actionFromDraft(
      { ...filled, Budget: "1,000", Start: "2027-02-30" },
      null,
      context
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(Object.keys(outcome.problems).sort()).toEqual(["Budget", "Start"]);
    expect(outcome.problems.Budget![0]).toBe(
      "Budget 1,000 is ambiguous: 1,000 may be 1000 or 1; write 1000 or 1"
    );
    expect(outcome.problems.Start).toEqual(["Start 2027-02-30 is not a date (yyyy-mm-dd)"]);
    expect(dateInput("2027-02-28")).toBe(day(2027, 2, 28));
    expect(dateInput("28/02/2027")).toBeNull();
  });

  it("says what it refuses itself in French, naming fields by their French headers", () => {
    const outcome = actionFromDraft(
      { ...filled, "Actual cost": "1,000", End: "2027-13-01" },
      null,
      { ...context, words: FR }
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    // The field's name is the pane's; why a number is ambiguous is the domain's words (values.ts).
    expect(outcome.problems["Actual cost"]![0]).toMatch(/^Coût réel 1,000 /);
    expect(outcome.problems.End).toEqual(["Fin 2027-13-01 n'est pas une date (aaaa-mm-jj)"]);
  });

  it("refuses what the domain refuses, each message next to the field it names", () => {
    const outcome = actionFromDraft(
      { ...filled, Action: " ", Start: "2027-03-10", End: "2027-07-02", Budget: "-5" },
      null,
      context
    );
    expect(outcome).toEqual({
      ok: false,
      problems: {
        Action: ["Action is required: say what will be done"],
        End: ["End 2027-07-02 is outside the semester (2027-01-01 to 2027-06-30)"],
        Budget: ["Budget -5 is negative: it must be 0 or more"],
      },
    });
  });

  it("refuses what the domain refuses in French, each message next to the field its French header names", () => {
    const fr = { ...context, words: FR };
    const outcome = actionFromDraft(
      { ...filled, Action: " ", Start: "2027-03-10", End: "2027-07-02", Budget: "-5" },
      null,
      fr
    );
    expect(outcome).toEqual({
      ok: false,
      problems: {
        Action: ["Action est obligatoire\u00a0: dites ce qui sera fait"],
        End: ["Fin 2027-07-02 tombe hors du semestre (du 2027-01-01 au 2027-06-30)"],
        Budget: ["Budget -5 est négatif\u00a0: il doit valoir 0 ou plus"],
      },
    });
    const doing = act("A-0003", { phase: "Do" });
    const unmeasured = actionFromDraft({ ...draftOf(doing), Phase: "Check" }, doing, fr);
    expect(unmeasured.ok).toBe(false);
    if (unmeasured.ok) return;
    expect(Object.keys(unmeasured.problems)).toEqual(["Actual result"]);
    expect(unmeasured.problems["Actual result"]![0]).toMatch(/^Vérifier demande un Résultat réel/);
  });

  it("moves the phase one step at a time; a step refused says why next to the field it needs", () => {
    const planned = act("A-0003", { start: day(2027, 2, 1), end: day(2027, 2, 28) });
    const skip = actionFromDraft({ ...draftOf(planned), Phase: "Check" }, planned, context);
    expect(skip).toEqual({
      ok: false,
      problems: { Phase: ["one step at a time: from Plan the next phase is Do"] },
    });
    const doing = { ...planned, phase: "Do" as const };
    const unmeasured = actionFromDraft({ ...draftOf(doing), Phase: "Check" }, doing, context);
    expect(unmeasured.ok).toBe(false);
    if (unmeasured.ok) return;
    expect(Object.keys(unmeasured.problems)).toEqual(["Actual result"]);
    expect(unmeasured.problems["Actual result"]![0]).toMatch(/^Check needs an Actual result/);
    const checked = actionFromDraft(
      { ...draftOf(doing), Phase: "Check", "Actual result": "35", "Actual cost": "1 800" },
      doing,
      context
    );
    expect(checked).toEqual({
      ok: true,
      action: { ...doing, phase: "Check", actualResult: 35, actualCost: 1800 },
    });
  });

  it("places a message naming no field under the form, and the longest label where two start", () => {
    expect(
      placeProblems([
        "the actual cost is above the budget",
        "Corrective action is blank",
        "the dates are outside the semester",
      ])
    ).toEqual({
      "Actual cost": ["the actual cost is above the budget"],
      "Corrective action": ["Corrective action is blank"],
      form: ["the dates are outside the semester"],
    });
  });
});

describe("the phases' French names", () => {
  it("are those CarnetActionPlan's reader takes for the same phase: what the pane shows can be typed in the sheet", () => {
    const headers = ["Id", "Semester", "Action", "Phase"];
    const rows = PHASES.map((p, i) => [`A-000${i + 1}`, "2027-S1", "x", phaseLabel(p, FR.t)]);
    const read = actionsFromTable(headers, rows, (r, c) => `R${r}C${c}`);
    expect(read.actions.map((a) => a.phase)).toEqual([...PHASES]);
    expect(PHASES.map((p) => phaseLabel(p, FR.t))).toEqual([
      "Planifier",
      "Faire",
      "Vérifier",
      "Agir",
    ]);
  });
});

describe("the form's open lists", () => {
  it("offers the handbook's means, then those the plan uses, each once whatever its case", () => {
    const actions = [
      act("A-1", { means: "Webinar" }),
      act("A-2", { means: "mailing" }),
      act("A-3", { means: "" }),
    ];
    expect(meansChoices(HANDBOOK_MEANS, actions)).toEqual([...HANDBOOK_MEANS, "Webinar"]);
  });

  it("offers the team, then the plan's owners, including one typed in the pane only", () => {
    const actions = [act("A-1", { owner: "Bruno" }), act("A-2", { owner: "Zoé (new)" })];
    expect(ownerChoices(["Anne", "Bruno"], actions)).toEqual(["Anne", "Bruno", "Zoé (new)"]);
  });

  it("seeds the units in the pane's language, then those the plan uses", () => {
    const actions = [act("A-1", { unit: "Meetings" }), act("A-2", { unit: "calls" })];
    expect(unitChoices(actions, EN.t)).toEqual(["€ revenue", "meetings", "calls"]);
    expect(unitChoices(actions, FR.t)).toEqual(["€ de CA", "rendez-vous", "Meetings", "calls"]);
  });
});

describe("the timeline", () => {
  const bounds = { start: day(2027, 1, 1), end: day(2027, 6, 30) };
  const g = TIMELINE_GEOMETRY;
  const actions = [
    act("A-0001", { owner: "Bruno", order: 2, start: day(2027, 4, 1), end: day(2027, 6, 30) }),
    act("A-0002", {
      owner: "Anne",
      order: 1,
      start: day(2027, 1, 1),
      end: day(2027, 1, 31),
      phase: "Do",
    }),
    act("A-0003", { owner: "Bruno", order: 1, start: day(2026, 12, 1), end: day(2027, 2, 15) }),
    act("A-0004", { owner: "", order: 1 }),
  ];
  const layout = timelineLayout(actions, bounds, "2027-S1", EN);

  it("draws one lane per owner by name, no owner last, bars in order", () => {
    expect(layout.lanes.map((l) => [l.owner, l.bars.map((b) => b.action.id)])).toEqual([
      ["Anne", ["A-0002"]],
      ["Bruno", ["A-0003", "A-0001"]],
      ["(no owner)", ["A-0004"]],
    ]);
  });

  it("places bars on the semester's days, clipping what starts before it", () => {
    const bar = (id: string) =>
      layout.lanes.flatMap((l) => l.bars).find((b) => b.action.id === id)!;
    expect(bar("A-0002").x).toBe(g.left);
    // January is 31 of the semester's 181 days.
    expect(bar("A-0002").width).toBeCloseTo((31 / 181) * (g.right - g.left), 6);
    expect(bar("A-0001").x! + bar("A-0001").width).toBeCloseTo(g.right, 6);
    expect(bar("A-0003").x).toBe(g.left); // started in December: clipped to 1 January
    expect(bar("A-0004").x).toBeNull();
    expect(layout.months.map((m) => m.text)).toEqual(["Jan", "Feb", "Mar", "Apr", "May", "Jun"]);
  });

  it("says what it shows: a summary for the figure and a title per bar", () => {
    expect(layout.summary).toBe(
      "Timeline of 2027-S1, Jan 1, 2027 to Jun 30, 2027: 4 actions by 3 owners (Anne 1, Bruno 2, (no owner) 1); 1 without dates."
    );
    expect(layout.lanes[0].bars[0].title).toBe(
      "A-0002 Action A-0002 (Anne): Jan 1, 2027 to Jan 31, 2027, Do"
    );
    expect(layout.lanes[2].bars[0].title).toBe(
      "A-0004 Action A-0004 ((no owner)): no start or end date, Plan"
    );
    expect(layout.lanes[0].bars[0].label).toBe("Action A-0002 · Do");
    expect(layout.lanes[2].bars[0].label).toBe("Action A-0004 · Plan · no dates");
  });

  it("says it in French, dates and months in the French locale, phases as the sheet reads them", () => {
    const fr = timelineLayout(actions, bounds, "2027-S1", FR);
    expect(fr.months.map((m) => m.text)).toEqual(["janv.", "févr.", "mars", "avr.", "mai", "juin"]);
    expect(fr.lanes.map((l) => l.owner)).toEqual(["Anne", "Bruno", "(sans responsable)"]);
    expect(fr.summary).toBe(
      "Calendrier de 2027-S1, du 1 janv. 2027 au 30 juin 2027 : 4 actions pour 3 responsables " +
        "(Anne 1, Bruno 2, (sans responsable) 1) ; 1 sans dates."
    );
    expect(fr.lanes[0].bars[0].title).toBe(
      "A-0002 Action A-0002 (Anne) : du 1 janv. 2027 au 31 janv. 2027, Faire"
    );
    expect(fr.lanes[2].bars[0].label).toBe("Action A-0004 · Planifier · sans dates");
    // The geometry does not depend on the language.
    expect(fr.lanes.flatMap((l) => l.bars.map((b) => [b.x, b.width]))).toEqual(
      layout.lanes.flatMap((l) => l.bars.map((b) => [b.x, b.width]))
    );
  });

  it("sums up an empty semester", () => {
    expect(timelineLayout([], bounds, "2027-S1", EN).summary).toBe(
      "Timeline of 2027-S1, Jan 1, 2027 to Jun 30, 2027: no action."
    );
    expect(timelineLayout([], bounds, "2027-S1", FR).summary).toBe(
      "Calendrier de 2027-S1, du 1 janv. 2027 au 30 juin 2027 : aucune action."
    );
  });
});

describe("what the pane says", () => {
  it("shows a conflict's values in words: dates as dates, blanks said, fields by their header", () => {
    expect(fieldText("start", day(2027, 3, 1), EN)).toBe("Mar 1, 2027");
    expect(fieldText("budget", 1500, EN)).toBe("1500");
    expect(fieldText("owner", "", EN)).toBe("(blank)");
    expect(fieldText("actualCost", null, EN)).toBe("(blank)");
    expect(fieldText("phase", "Check", EN)).toBe("Check");
    expect(columnOf("actualResult")).toBe("Actual result");
  });

  it("says a conflict's values and fields in French: French dates, phases and headers", () => {
    expect(fieldText("start", day(2027, 3, 1), FR)).toBe("1 mars 2027");
    expect(fieldText("owner", "", FR)).toBe("(vide)");
    expect(fieldText("phase", "Check", FR)).toBe("Vérifier");
    expect(columnLabel(columnOf("actualResult"), "fr")).toBe("Résultat réel");
    expect(columnLabel(columnOf("actualResult"), "en")).toBe("Actual result");
  });

  it("lists totals largest first, and a check selects its action's row once saved", () => {
    expect(
      amountLines(
        new Map([
          ["Mailing", 500],
          ["Trade fair", 4500],
          ["", 500],
        ]),
        EN.t
      )
    ).toEqual([
      { name: "Trade fair", amount: 4500 },
      { name: "(none)", amount: 500 },
      { name: "Mailing", amount: 500 },
    ]);
    const rows = new Map([["A-0001", "'Carnet Action Plan'!A2:S2"]]);
    expect(checkLine({ actionId: "A-0001", message: "on a Harvest range" }, rows)).toEqual({
      text: "On a Harvest range.",
      address: "'Carnet Action Plan'!A2:S2",
    });
    expect(checkLine({ actionId: "A-0009", message: "not saved" }, rows).address).toBeNull();
    expect(checkLine({ message: "Bruno has no action" }, rows).address).toBeNull();
  });
});
