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

/**
 * What was made in a room of KeptRooms, and whether it is still there: a result whose room a later
 * computation took reads another result's figures. A result made in room of its own is always there.
 */
export class RoomStamp {
  constructor(
    private readonly room: { readonly generation: number } | null,
    private readonly generation: number
  ) {}

  get current(): boolean {
    return this.room === null || this.room.generation === this.generation;
  }
}

/** A room of KeptRooms, and how many times it has been taken (a RoomStamp's generation). */
class TakenInTurn {
  buffer: ArrayBuffer | null = null;
  generation = 0;
  busy = false;
}

/**
 * Two rooms kept for results that outlive the computation that made them, as a reading's table of
 * deals does: the pane keeps its last analysis while the next reading is made (Build reads the
 * source again with the previous analysis shown), and a reading made afresh at a million deals is
 * some 35 MB handed to the collector each time (see KeptRoom). A computation takes the room that
 * does not hold the latest finished result, so that one stays while the next is made; a room whose
 * computation is still running is never taken (the newcomer makes room of its own, as KeptRoom's
 * does). The result a room held before is then gone: its RoomStamp says so, and its readers must
 * ask it before they read (a stale result throws rather than gives another's figures).
 */
export class KeptRooms {
  private readonly rooms = [new TakenInTurn(), new TakenInTurn()];
  /** The room of the latest result finished in one. */
  private latest: TakenInTurn | null = null;

  /**
   * Room for `bytes` bytes at least (what it held before is not cleared), its stamp, and how to
   * give it back: `finish` once its result is made (the next computation leaves it alone), else
   * `release` (cancelled); the first of the two calls counts.
   */
  take(bytes: number): {
    readonly room: ArrayBuffer;
    readonly stamp: RoomStamp;
    finish(): void;
    release(): void;
  } {
    const room = this.rooms[0] === this.latest ? this.rooms[1] : this.rooms[0];
    if (room.busy) {
      const own = { room: new ArrayBuffer(bytes), stamp: new RoomStamp(null, 0) };
      return { ...own, finish: () => {}, release: () => {} };
    }
    if (room.buffer === null || room.buffer.byteLength < bytes)
      room.buffer = new ArrayBuffer(bytes);
    room.generation++;
    room.busy = true;
    let given = false;
    const giveBack = (finished: boolean) => {
      if (given) return; // once: the room may be someone else's by a second call
      given = true;
      room.busy = false;
      if (finished) this.latest = room;
    };
    return {
      room: room.buffer,
      stamp: new RoomStamp(room, room.generation),
      finish: () => giveBack(true),
      release: () => giveBack(false),
    };
  }
}

/** The rooms kept for the pipeline's readings' columns (dealTable.ts). */
export const KEPT_COLUMNS = new KeptRooms();
