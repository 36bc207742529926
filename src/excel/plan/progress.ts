/** Long reads and writes report progress and can be cancelled from the pane between blocks. */

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
 * Lets the pane draw its progress and take a click on Cancel before a long computation (the forecast
 * of a million deals takes seconds), then stops if it was cancelled.
 */
export async function breathe(signal?: AbortSignal): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  throwIfCancelled(signal);
}
