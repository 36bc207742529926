/**
 * The readings' columns kept from reading to reading (keptRoom.ts's KeptRooms, dealTable.ts's
 * readingColumns): each table has its own figures while it is valid, a table whose room a newer
 * reading took says so rather than give that reading's figures, a reading in progress keeps its
 * room, and a smaller table in a larger one's room has nothing of it left.
 */
import { PIPELINE_FIELDS, recogniseColumns } from "../../src/domain/columns";
import { KEPT_COLUMNS_FROM, REPLACED_READING } from "../../src/domain/dealTable";
import { KeptRooms } from "../../src/domain/keptRoom";
import { pipelineReadingSteps, readPipelineRows } from "../../src/domain/pipelineTable";
import type { CellValue } from "../../src/domain/values";

const HEADER = ["Id", "Owner", "Product", "Stage", "Forecast category", "Amount", "Probability"];
const mapping = recogniseColumns(HEADER, PIPELINE_FIELDS);

/**
 * `n` deals, deal i of amount `base + i`, its owner and product one of a few, every one typed as
 * Commit with its probability; `bare` leaves the owner, the stage, the category and the
 * probability blank (no codes, no category, no probability, nothing from the deal).
 */
function sheet(n: number, base: number, bare = false): CellValue[][] {
  return Array.from({ length: n }, (_, i) =>
    bare
      ? [`D-${i}`, null, "Kit", null, null, base + i, null]
      : [`D-${i}`, `Owner ${i % 7}`, `Product ${i % 3}`, "Proposal", "Commit", base + i, 0.5]
  );
}

const read = (n: number, base: number, bare = false) =>
  readPipelineRows(sheet(n, base, bare), mapping).table;

describe("the readings' kept columns", () => {
  const n = KEPT_COLUMNS_FROM;

  it("give three tables read in a row each its own figures, and the oldest says it was replaced", () => {
    const first = read(n, 1_000);
    const second = read(n, 2_000);
    // The first is the one the pane shows while the second is read (Build): still its own.
    expect(first.columns.amounts[5]).toBe(1_005);
    expect(second.columns.amounts[5]).toBe(2_005);
    const firstRoom = first.columns.amounts.buffer;
    const third = read(n, 3_000);
    expect(second.at(n - 1).amount).toBe(2_000 + n - 1);
    expect(third.at(n - 1).amount).toBe(3_000 + n - 1);
    expect(third.text("owner")(8)).toBe("Owner 1");
    // The third took the first's room: its columns are gone, and asking says so.
    expect(third.columns.amounts.buffer).toBe(firstRoom);
    expect(() => first.columns).toThrow(REPLACED_READING);
    expect(() => first.at(0)).toThrow(REPLACED_READING);
    expect(() => first.text("owner")).toThrow(REPLACED_READING);
    expect(() => first.textCodes("product")).toThrow(REPLACED_READING);
    expect(first.length).toBe(n);
  });

  it("never give a reading in progress's room to another", () => {
    const before = read(n, 1_000);
    const steps = pipelineReadingSteps(sheet(n, 5_000), mapping);
    steps.next(); // the first rows read: the reading holds its room, paused
    const meanwhile = read(n, 7_000);
    const later = read(n, 8_000);
    let step = steps.next();
    while (!step.done) step = steps.next();
    const paused = step.value.table;
    expect(paused.at(3).amount).toBe(5_003); // read before the others
    expect(paused.at(n - 1).amount).toBe(5_000 + n - 1);
    expect(paused.text("product")(4)).toBe("Product 1");
    // The one read meanwhile had room of its own: no later reading replaces it.
    read(n, 9_000);
    read(n, 9_500);
    expect(meanwhile.at(3).amount).toBe(7_003);
    expect(later.at(3).amount).toBe(8_003);
    expect(() => before.columns).toThrow(REPLACED_READING);
  });

  it("leave nothing of a larger table in the room a smaller one reuses", () => {
    const larger = read(n + 500, 1_000);
    const room = larger.columns.amounts.buffer;
    read(n + 500, 2_000);
    const smaller = read(n, 3_000, true);
    expect(smaller.columns.amounts.buffer).toBe(room);
    expect(smaller.length).toBe(n);
    const deals = smaller.toArray();
    expect(deals.filter((d) => d.amount !== 3_000 + Number(d.id!.slice(2)))).toEqual([]);
    expect(deals.filter((d) => d.category !== null || d.categorySource !== null)).toEqual([]);
    expect(deals.filter((d) => d.probability !== null || d.probabilitySource !== null)).toEqual([]);
    expect(deals.filter((d) => d.owner !== null || d.stage !== null)).toEqual([]);
    expect(deals.filter((d) => d.product !== "Kit")).toEqual([]);
  });

  it("are a small table's own, never replaced", () => {
    const small = read(10, 100);
    read(n, 1_000);
    read(n, 2_000);
    read(n, 3_000);
    expect(small.toArray().map((d) => d.amount)).toEqual([
      100, 101, 102, 103, 104, 105, 106, 107, 108, 109,
    ]);
  });
});

describe("rooms kept in turn", () => {
  it("give the room not holding the latest result, and grow but never shrink", () => {
    const rooms = new KeptRooms();
    const a = rooms.take(100);
    a.finish();
    const b = rooms.take(50);
    expect(b.room).not.toBe(a.room);
    b.finish();
    const c = rooms.take(80);
    expect(c.room).toBe(a.room); // large enough: kept
    expect(a.stamp.current).toBe(false);
    expect(b.stamp.current).toBe(true);
    c.finish();
    const d = rooms.take(200);
    expect(d.room).not.toBe(b.room);
    expect(d.room.byteLength).toBe(200);
    expect(b.stamp.current).toBe(false);
    expect(c.stamp.current).toBe(true);
  });

  it("give room of its own to a computation that starts while the room it would take is busy", () => {
    const rooms = new KeptRooms();
    const a = rooms.take(10);
    a.finish();
    const busy = rooms.take(10);
    const own = rooms.take(10);
    expect(own.room).not.toBe(busy.room);
    expect(own.room).not.toBe(a.room);
    own.finish(); // a result in its own room leaves the kept ones as they were
    busy.finish();
    rooms.take(10).finish();
    rooms.take(10).finish();
    expect(own.stamp.current).toBe(true);
    expect(a.stamp.current).toBe(false);
  });

  it("leave the latest result alone after a computation given up", () => {
    const rooms = new KeptRooms();
    const a = rooms.take(10);
    a.finish();
    const cancelled = rooms.take(10);
    cancelled.release();
    cancelled.finish(); // too late: the first call counted
    const next = rooms.take(10);
    expect(next.room).toBe(cancelled.room);
    expect(a.stamp.current).toBe(true);
  });
});
