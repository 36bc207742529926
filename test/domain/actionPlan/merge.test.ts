import fc from "fast-check";
import { blankAction, type Action } from "../../../src/domain/actionPlan/action";
import { MERGED_FIELDS, mergeActions, resolutionKey } from "../../../src/domain/actionPlan/merge";

function action(id: string, fields: Partial<Action> = {}): Action {
  return { ...blankAction(id, "2027-S1"), action: `action ${id}`, ...fields };
}

const ids = (actions: readonly Action[]) => actions.map((a) => a.id);

describe("merging the pane's plan with the table as Excel has it now", () => {
  const base = [
    action("A-0001", { budget: 1000, owner: "Alice" }),
    action("A-0002", { budget: 500 }),
  ];

  it("keeps an edit made in the pane and another made in Excel to the same action", () => {
    const pane = [{ ...base[0], budget: 1200 }, base[1]];
    const sheet = [{ ...base[0], owner: "Bruno" }, base[1]];
    const { merged, conflicts } = mergeActions(base, pane, sheet);
    expect(merged[0]).toMatchObject({ budget: 1200, owner: "Bruno" });
    expect(conflicts).toEqual([]);
  });

  it("takes a value both sides changed alike without a conflict", () => {
    const pane = [{ ...base[0], budget: 900 }, base[1]];
    const sheet = [{ ...base[0], budget: 900 }, base[1]];
    expect(mergeActions(base, pane, sheet)).toMatchObject({
      merged: [{ budget: 900 }, {}],
      conflicts: [],
    });
  });

  it("reports a field both sides changed differently, keeping the base value until answered", () => {
    const pane = [{ ...base[0], budget: 1200 }, base[1]];
    const sheet = [{ ...base[0], budget: 800 }, base[1]];
    const first = mergeActions(base, pane, sheet);
    expect(first.conflicts).toEqual([
      { id: "A-0001", field: "budget", base: 1000, pane: 1200, sheet: 800 },
    ]);
    expect(first.merged[0].budget).toBe(1000);

    const answered = mergeActions(
      base,
      pane,
      sheet,
      new Map([[resolutionKey("A-0001", "budget"), "sheet"]])
    );
    expect(answered.conflicts).toEqual([]);
    expect(answered.merged[0].budget).toBe(800);
    expect(resolutionKey("A-0001", "budget")).toBe("A-0001\u0000budget");
  });

  it("keeps an action added in Excel where it is and appends the pane's additions", () => {
    const added = action("A-0003", { owner: "Chloé" });
    const mine = action("A-0004", { owner: "Alice" });
    const { merged } = mergeActions(base, [...base, mine], [base[0], added, base[1]]);
    expect(ids(merged)).toEqual(["A-0001", "A-0003", "A-0002", "A-0004"]);
  });

  it("respects a deletion in Excel even when the pane edited the action, and says so", () => {
    const pane = [base[0], { ...base[1], budget: 700 }];
    const { merged, deletedInSheet } = mergeActions(base, pane, [base[0]]);
    expect(ids(merged)).toEqual(["A-0001"]);
    expect(deletedInSheet).toEqual(["A-0002"]);
  });

  it("does not report an action both sides deleted", () => {
    expect(mergeActions(base, [base[0]], [base[0]]).deletedInSheet).toEqual([]);
  });

  it("drops an action deleted in the pane that Excel left alone", () => {
    const { merged, keptEditedInSheet } = mergeActions(base, [base[0]], base);
    expect(ids(merged)).toEqual(["A-0001"]);
    expect(keptEditedInSheet).toEqual([]);
  });

  it("keeps Excel's version of an action deleted in the pane but edited in Excel meanwhile", () => {
    const edited = { ...base[1], comment: "moved to March" };
    const { merged, keptEditedInSheet } = mergeActions(base, [base[0]], [base[0], edited]);
    expect(merged).toEqual([base[0], edited]);
    expect(keptEditedInSheet).toEqual(["A-0002"]);
  });

  it("keeps a sort done in Excel", () => {
    const pane = [{ ...base[0], comment: "pane" }, base[1]];
    const { merged } = mergeActions(base, pane, [base[1], base[0]]);
    expect(ids(merged)).toEqual(["A-0002", "A-0001"]);
    expect(merged[1].comment).toBe("pane");
  });

  it("treats the same id added on both sides as two versions of one new action", () => {
    const mine = action("A-0009", { owner: "Alice", budget: 100 });
    const theirs = action("A-0009", { owner: "Bruno", budget: 100 });
    const { merged, conflicts } = mergeActions([], [mine], [theirs]);
    expect(merged).toHaveLength(1);
    expect(conflicts).toEqual([
      { id: "A-0009", field: "owner", base: "", pane: "Alice", sheet: "Bruno" },
    ]);
  });

  it("merges empty plans to an empty plan", () => {
    expect(mergeActions([], [], [])).toEqual({
      merged: [],
      conflicts: [],
      deletedInSheet: [],
      keptEditedInSheet: [],
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property: random interleavings of pane edits and Excel edits lose nothing.

type Field = Exclude<keyof Action, "id">;
const FIELDS = MERGED_FIELDS.filter((f): f is Field => f !== "id");

/** A few values per field, so that both sides often pick the same one. */
function valueFor(field: Field, pick: number): Action[Field] {
  const sample = blankAction("x");
  if (field === "phase") return (["Plan", "Do", "Check", "Act"] as const)[pick % 4];
  if (typeof sample[field] === "string") return ["", "x", "y"][pick % 3];
  return [null, 1, 2][pick % 3];
}

type Op =
  | { kind: "edit"; at: number; field: number; pick: number }
  | { kind: "add"; field: number; pick: number }
  | { kind: "delete"; at: number }
  | { kind: "sort"; field: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("edit" as const), at: fc.nat(), field: fc.nat(), pick: fc.nat() }),
  fc.record({ kind: fc.constant("add" as const), field: fc.nat(), pick: fc.nat() }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("sort" as const), field: fc.nat() })
);

/** Applies one side's edits; additions get ids from that side's own range (`P-` or `S-`). */
function applyOps(
  start: readonly Action[],
  ops: readonly Op[],
  side: "P" | "S",
  canSort: boolean
): Action[] {
  let actions = [...start];
  let added = 0;
  for (const op of ops) {
    if (op.kind === "add") {
      const field = FIELDS[op.field % FIELDS.length];
      actions.push({ ...action(`${side}-${++added}`), [field]: valueFor(field, op.pick) });
    } else if (op.kind === "sort" && canSort) {
      const field = FIELDS[op.field % FIELDS.length];
      actions = [...actions].sort((a, b) => String(a[field]).localeCompare(String(b[field])));
    } else if (actions.length > 0 && op.kind === "delete") {
      actions.splice(op.at % actions.length, 1);
    } else if (actions.length > 0 && op.kind === "edit") {
      const field = FIELDS[op.field % FIELDS.length];
      const at = op.at % actions.length;
      actions[at] = { ...actions[at], [field]: valueFor(field, op.pick) };
    }
  }
  return actions;
}

const baseArb = fc
  .array(fc.array(fc.nat(), { minLength: FIELDS.length, maxLength: FIELDS.length }), {
    maxLength: 6,
  })
  .map((rows) =>
    rows.map((picks, i) => {
      const a: Record<string, unknown> = { ...action(`A-${i + 1}`) };
      FIELDS.forEach((f, k) => (a[f] = valueFor(f, picks[k])));
      return a as unknown as Action;
    })
  );

describe("merging loses nothing, whatever both sides did", () => {
  it("keeps one-sided changes and additions, reports deletions, and conflicts exactly where both changed", () => {
    fc.assert(
      fc.property(
        baseArb,
        fc.array(opArb, { maxLength: 12 }),
        fc.array(opArb, { maxLength: 12 }),
        (base, p, s) => {
          const pane = applyOps(base, p, "P", false);
          const sheet = applyOps(base, s, "S", true);
          const result = mergeActions(base, pane, sheet);
          const merged = new Map(result.merged.map((a) => [a.id, a]));
          const paneById = new Map(pane.map((a) => [a.id, a]));
          const sheetById = new Map(sheet.map((a) => [a.id, a]));
          const expectedConflicts: string[] = [];

          for (const b of base) {
            const mine = paneById.get(b.id);
            const theirs = sheetById.get(b.id);
            if (theirs === undefined) {
              expect(merged.has(b.id)).toBe(false);
              expect(result.deletedInSheet.includes(b.id)).toBe(mine !== undefined);
            } else if (mine === undefined) {
              const edited = FIELDS.some((f) => theirs[f] !== b[f]);
              expect(merged.get(b.id)).toEqual(edited ? theirs : undefined);
              expect(result.keptEditedInSheet.includes(b.id)).toBe(edited);
            } else {
              const m = merged.get(b.id) as Action;
              for (const f of FIELDS) {
                const paneChanged = mine[f] !== b[f];
                const sheetChanged = theirs[f] !== b[f];
                if (paneChanged && sheetChanged && mine[f] !== theirs[f])
                  expectedConflicts.push(`${b.id} ${f}`);
                else if (paneChanged) expect(m[f]).toBe(mine[f]);
                else expect(m[f]).toBe(theirs[f]);
              }
            }
          }
          expect(result.conflicts.map((c) => `${c.id} ${c.field}`).sort()).toEqual(
            expectedConflicts.sort()
          );

          // Answering every conflict for the pane leaves none, with the pane's values.
          const answers = new Map(
            result.conflicts.map((c) => [resolutionKey(c.id, c.field), "pane" as const])
          );
          const answered = mergeActions(base, pane, sheet, answers);
          expect(answered.conflicts).toEqual([]);
          for (const c of result.conflicts) {
            expect(answered.merged.find((a) => a.id === c.id)?.[c.field]).toBe(c.pane);
          }

          const paneAdded = pane.filter((a) => a.id.startsWith("P-"));
          const sheetAdded = sheet.filter((a) => a.id.startsWith("S-"));
          for (const a of [...paneAdded, ...sheetAdded]) expect(merged.get(a.id)).toEqual(a);
          // The sheet's order, then the pane's additions.
          const expectedOrder = [
            ...sheet.map((a) => a.id).filter((id) => merged.has(id)),
            ...ids(paneAdded),
          ];
          expect(ids(result.merged)).toEqual(expectedOrder);
        }
      ),
      { numRuns: 500, seed: 13 }
    );
  });
});
