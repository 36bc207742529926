/**
 * BRIER and the pane's calibration agree: over generated snapshot histories (deals open, won, lost,
 * reopened, omitted, gone), the formula over the calibration's forecasts — probabilities and outcomes
 * typed in every form BRIER reads, with blank rows between them — gives the team's Brier score of the
 * calibration report, and #DIV/0! exactly when the report has no forecast.
 */
import fc from "fast-check";
import type { ForecastCategory } from "../../src/domain/deal";
import type { Snapshot, SnapshotDeal } from "../../src/domain/snapshots";
import { DEFAULT_STAGE_TABLE } from "../../src/domain/stages";
import { calibrationForecasts, calibrationReport } from "../../src/domain/team/calibration";
import type { CellValue } from "../../src/domain/values";
import { brier } from "../../src/functions/functions";
import { CustomFunctionError } from "../../src/workbench/custom-functions-shim";

/** A deal's state in one snapshot, or now: absent, open at a probability (in points), or closed. */
type State = null | number | ForecastCategory;

const snapshotState = fc.oneof(
  { weight: 1, arbitrary: fc.constant<State>(null) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 20 }).map<State>((k) => k * 5) },
  { weight: 2, arbitrary: fc.constantFrom<State>("Won", "Lost", "Omitted", "Commit") }
);

function snapshotDeal(index: number, state: State): SnapshotDeal | null {
  if (state === null) return null;
  const open = typeof state === "number";
  return {
    id: `D${index}`,
    company: null,
    contact: null,
    product: null,
    closeDate: null,
    amount: 1000,
    probability: open ? state / 100 : state === "Commit" ? 0.9 : null,
    owner: `Rep ${index % 3}`,
    stage: null,
    category: open ? null : (state as ForecastCategory),
  };
}

const history = fc
  .integer({ min: 0, max: 8 })
  .chain((deals) =>
    fc.tuple(
      fc.array(fc.array(snapshotState, { minLength: deals, maxLength: deals }), { maxLength: 4 }),
      fc.array(snapshotState, { minLength: deals, maxLength: deals })
    )
  )
  .map(([snapshots, now]) => ({
    snapshots: snapshots.map((states, s): Snapshot => ({
      label: `S${s}`,
      takenAt: 46000 + 30 * s,
      deals: states.map((state, i) => snapshotDeal(i, state)).filter((d) => d !== null),
    })),
    now: now.map((state, i) => snapshotDeal(i, state)).filter((d) => d !== null),
  }));

const probabilityForm = (p: number, form: number): CellValue => {
  const points = Math.round(p * 100);
  return form === 0 ? p : form === 1 ? `${points} %` : form === 2 ? `${points}%` : String(p);
};
const WON: readonly CellValue[] = [1, true, "Won", " gagné ", "WON", "Gagné."];
const LOST: readonly CellValue[] = [0, false, "Lost", "perdu", "LOST", " Perdu"];

describe("BRIER and the calibration report", () => {
  it("give the same Brier score over the report's forecasts, typed in any form, blank rows skipped", () => {
    fc.assert(
      fc.property(history, fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), (h, forms) => {
        const report = calibrationReport(h.snapshots, h.now, DEFAULT_STAGE_TABLE, "quarter");
        const probabilities: CellValue[][] = [];
        const outcomes: CellValue[][] = [];
        calibrationForecasts(h.snapshots, h.now).forEach((f, i) => {
          const form = forms[i % forms.length];
          if (form % 5 === 0) {
            probabilities.push([null]);
            outcomes.push([""]);
          }
          probabilities.push([probabilityForm(f.probability, form % 4)]);
          outcomes.push([(f.outcome === 1 ? WON : LOST)[form % 6]]);
        });
        if (report.team.brier === null) {
          let error: unknown;
          try {
            brier(probabilities, outcomes);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(CustomFunctionError);
          expect((error as CustomFunctionError).code).toBe("#DIV/0!");
          return;
        }
        expect(brier(probabilities, outcomes)).toBeCloseTo(report.team.brier, 12);
      }),
      { numRuns: 300 }
    );
  });
});
