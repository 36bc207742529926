/** progress.ts: a computation's steps run to their end, pausing now and then, and stop on Cancel. */
import type { Steps } from "../../src/domain/steps";
import { Cancelled, runStepsAsync } from "../../src/excel/plan/progress";

/** Counts to `steps`, a step at a time, noting whether it was closed. */
function counting(steps: number, state = { ran: 0, closed: false }) {
  function* count(): Steps<number> {
    try {
      for (let i = 0; i < steps; i++) {
        state.ran++;
        yield;
      }
      return state.ran;
    } finally {
      state.closed = true;
    }
  }
  return { steps: count(), state };
}

describe("running a computation's steps", () => {
  it("gives its result, pausing only once its time is up", async () => {
    let pauses = 0;
    const pause = async () => void pauses++;
    expect(await runStepsAsync(counting(10).steps, undefined, { pause })).toBe(10);
    expect(pauses).toBe(0); // ten quick steps: well within the time between two pauses
    expect(await runStepsAsync(counting(10).steps, undefined, { pause, everyMs: 0 })).toBe(10);
    expect(pauses).toBe(10);
  });

  it("runs no step once cancelled, and closes the computation", async () => {
    const controller = new AbortController();
    controller.abort();
    const { steps, state } = counting(10);
    await expect(runStepsAsync(steps, controller.signal)).rejects.toThrow(Cancelled);
    expect(state.ran).toBe(0);
    const later = new AbortController();
    const run = counting(10);
    const pause = async () => void (run.state.ran === 3 && later.abort());
    await expect(runStepsAsync(run.steps, later.signal, { pause, everyMs: 0 })).rejects.toThrow(
      Cancelled
    );
    expect(run.state).toEqual({ ran: 3, closed: true });
  });
});
