/** Long reads, writes and computations report progress and can be cancelled from the pane. */
import type { Steps } from "../../domain/steps";

export type Progress = (phase: string, done: number, total: number) => void;

export class Cancelled extends Error {
  constructor(message = "Cancelled: nothing more was read or written.") {
    super(message);
    this.name = "Cancelled";
  }
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new Cancelled();
}

/**
 * Lets the pane draw its progress and take a click on Cancel, then stops if it was cancelled: a
 * click is an event, seen only once the computation gives the event loop a turn.
 */
export async function breathe(signal?: AbortSignal): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  throwIfCancelled(signal);
}

/**
 * How often a computation run by runStepsAsync lets the pane breathe. Each pause costs a turn of
 * the event loop (a few milliseconds in a browser, which holds back a timer set from a timer), so
 * not after every step; a click on Cancel waits this long, and a step, at most.
 */
export const BREATHE_EVERY_MS = 50;

export interface Pace {
  /** How to pause between steps; breathe by default. */
  readonly pause?: () => Promise<void>;
  /** Pause once this long has passed since the last pause (0: after every step). */
  readonly everyMs?: number;
}

/**
 * Runs a computation's steps (domain/steps.ts) as runSteps does, pausing between two of them about
 * every BREATHE_EVERY_MS, and stops with Cancelled before the next step once `signal` is aborted.
 */
export async function runStepsAsync<T>(
  steps: Steps<T>,
  signal?: AbortSignal,
  pace: Pace = {}
): Promise<T> {
  const pause = pace.pause ?? (() => breathe(signal));
  const every = pace.everyMs ?? BREATHE_EVERY_MS;
  let paused = Date.now();
  try {
    for (;;) {
      throwIfCancelled(signal);
      const step = steps.next();
      if (step.done) return step.value;
      if (Date.now() - paused >= every) {
        await pause();
        paused = Date.now();
      }
    }
  } finally {
    steps.return(undefined as T); // a computation cancelled between steps is closed, not left open
  }
}
