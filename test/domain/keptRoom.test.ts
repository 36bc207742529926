/** keptRoom.ts: the room is kept for the next computation, never lent to two at once. */
import { KeptRoom } from "../../src/domain/keptRoom";

describe("room kept from call to call", () => {
  it("is lent again once given back, grown when more is asked", () => {
    const kept = new KeptRoom();
    const first = kept.take(10);
    first.release();
    expect(kept.take(5).room).toBe(first.room);
    const larger = new KeptRoom();
    larger.take(10).release();
    expect(larger.take(20).room.byteLength).toBe(20);
  });

  it("is never lent to a second computation while the first has it, nor by a second release", () => {
    const kept = new KeptRoom();
    const first = kept.take(10);
    const second = kept.take(10);
    expect(second.room).not.toBe(first.room);
    first.release();
    const third = kept.take(10);
    expect(third.room).toBe(first.room);
    first.release(); // again: the room is the third's now
    expect(kept.take(10).room).not.toBe(first.room);
  });

  it("is intact for its last owner only while nobody else took it, and as large", () => {
    const kept = new KeptRoom();
    const [table, other] = [{}, {}];
    kept.take(10, table).release();
    const again = kept.take(10, table);
    expect(again.intact).toBe(true);
    again.release();
    kept.take(10, other).release();
    expect(kept.take(10, table).intact).toBe(false);
    const fresh = new KeptRoom();
    fresh.take(10, table).release();
    expect(fresh.take(20, table).intact).toBe(false); // a larger room: made anew
    expect(new KeptRoom().take(10, table).intact).toBe(false);
  });
});
