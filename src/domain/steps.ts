/**
 * A long computation cut into steps, as a generator: each `yield` is a point where its caller may
 * stop for a moment. The rules run once, in the generator; the custom functions and the benchmarks
 * run the steps straight through (runSteps), the task pane pauses between them so that it can draw
 * its progress and see a click on Cancel (plan/progress.ts). A step is at most a few tens of
 * milliseconds at a million deals.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once: the computation's result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Rows read in one step: a few milliseconds of reading. */
export const STEP_ROWS = 1 << 16;
