/**
 * Room (an ArrayBuffer) a large computation works in, kept from call to call. At a million deals a
 * reading or a forecast needs tens of megabytes of room for a second; made afresh each time, that
 * is as many megabytes handed to the garbage collector, whose collections then walk the million
 * rows of cells the pane holds (and V8 starts a full collection once some 64 MB of such memory has
 * been allocated since the last one). A computation takes the kept room for its whole run (its
 * steps may be paused between, see steps.ts), making views over it, and releases it; one that starts
 * meanwhile makes room of its own. The room kept is the largest asked for.
 */
export class KeptRoom {
  private kept: ArrayBuffer | null = null;
  private busy = false;
  /** Who took the kept room last (see take). */
  private owner: object | null = null;

  /**
   * Makes the kept room `bytes` long at least now, when free: a caller that knows which of the
   * computations sharing it needs most has it made once, not once each.
   */
  reserve(bytes: number): void {
    if (!this.busy && (this.kept === null || this.kept.byteLength < bytes)) {
      this.kept = new ArrayBuffer(bytes);
      this.owner = null;
    }
  }

  /**
   * Room for `bytes` bytes at least, and how to give it back. `intact` says the room is the kept
   * one, last taken by the same `owner` and untouched since: what that owner left in it is there.
   */
  take(
    bytes: number,
    owner: object | null = null
  ): { readonly room: ArrayBuffer; readonly intact: boolean; release(): void } {
    if (this.busy) return { room: new ArrayBuffer(bytes), intact: false, release: () => {} };
    let intact = owner !== null && this.owner === owner;
    if (this.kept === null || this.kept.byteLength < bytes) {
      this.kept = new ArrayBuffer(bytes);
      intact = false;
    }
    this.busy = true;
    this.owner = owner;
    let released = false;
    return {
      room: this.kept,
      intact,
      release: () => {
        if (!released) this.busy = false; // once: the room may be someone else's by a second call
        released = true;
      },
    };
  }
}

/**
 * The room kept for the reading's ids (caselessKeys.ts) and then the forecast's figures
 * (forecast.ts): one after the other, they share it.
 */
export const KEPT_BYTES = new KeptRoom();
