/**
 * Which row first held each key, keys compared as their toLowerCase() compare ("D-1" and "d-1" are
 * one id): how a table's ids are checked for repeats. A Map of lower-cased strings costs about half a
 * microsecond and 60 bytes a key over a million ids; a hash table filled key by key, its probes
 * falling anywhere in memory, about 150 ns. Here the whole column is looked at once, on 32-bit hashes
 * of the lower-cased text, part by part (RepeatedKeys), and text is compared only where whole hashes
 * are equal: a million ids in some 20 milliseconds.
 */

import { KEPT_BYTES } from "./keptRoom";

/** FNV-1a offset basis and prime. */
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** FNV-1a of the key's lower-case text: ASCII folded in place, anything else through toLowerCase(). */
function caselessHash(key: string): number {
  let hash = CASELESS_START;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 128) return textHash(key.toLowerCase());
    hash = caselessStep(hash, c);
  }
  return hash;
}

/**
 * A key of ASCII characters hashed as RepeatedKeys hashes it, by a reader that walks its characters
 * anyway (pipelineTable's ids, checked tidy in the same walk): from CASELESS_START, each character
 * code through caselessStep, the result given to RepeatedKeys.setHash. Keys with any other character
 * go through RepeatedKeys.set.
 */
export const CASELESS_START = FNV_BASIS;

/** The hash so far with one more ASCII character (code below 128) of the key. */
export function caselessStep(hash: number, c: number): number {
  // A-Z: what toLowerCase() makes of them.
  return Math.imul(hash ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
}

function textHash(text: string): number {
  let hash = FNV_BASIS;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** Mixes the high bits into the low ones. */
function spread(hash: number): number {
  return hash ^ (hash >>> 15);
}

function sameCaseless(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/** The keys that repeat an earlier key, each with the index of that first key; in index order. */
export interface Repeats {
  readonly at: number[];
  readonly first: number[];
}

/**
 * The keys that repeat an earlier one (compared as above), key i being keyAt(i). See RepeatedKeys.
 */
export function repeatedKeys(count: number, keyAt: (i: number) => string | null): Repeats {
  const keys = new RepeatedKeys(count);
  for (let i = 0; i < count; i++) keys.set(i, keyAt(i));
  return keys.find(count, keyAt);
}

/**
 * The keys of a column that repeat an earlier one, found in one go once every key is set (a reader
 * sets each as it reads its row, while the row is at hand). A table of a million keys' hashes falls
 * out of the processor's caches, and each probe of it waits on memory; so the keys are first sorted
 * by the top bits of their hashes into parts of a few thousand (a counting sort, two passes in
 * order), and each part is checked in a small table that stays in cache. Keys are compared as text
 * only when their whole hashes are equal. Null keys are not keys.
 */
export class RepeatedKeys {
  private readonly hashes: Int32Array;
  private readonly isKey: Uint8Array;
  private readonly room: KeysRoom;
  /** Gives the keys' room back; find does, and a reader stopped before it must. */
  readonly release: () => void;
  /** A key's part is the top `bits` bits of its spread hash: its hash >>> 1 >>> partShift. */
  private readonly partShift: number;
  /** Keys of each part, at [part + 1], counted as they are set. */
  private readonly starts: Int32Array;

  constructor(capacity: number) {
    const { room, release } = KEPT_BYTES.take(13 * capacity);
    this.room = {
      hashes: new Int32Array(room, 0, capacity),
      sorted: new Int32Array(room, 4 * capacity, 2 * capacity),
      isKey: new Uint8Array(room, 12 * capacity, capacity).fill(0),
    };
    ({ hashes: this.hashes, isKey: this.isKey } = this.room);
    this.release = release;
    const bits = Math.min(24, Math.max(0, Math.ceil(Math.log2(capacity / PART_KEYS))));
    this.partShift = 31 - bits;
    this.starts = new Int32Array((1 << bits) + 1);
  }

  set(i: number, key: string | null): void {
    if (key !== null) this.setHash(i, caselessHash(key));
  }

  /** Key i, given as its hash (see CASELESS_START): the key itself is asked of find's keyAt. */
  setHash(i: number, hash: number): void {
    this.hashes[i] = hash;
    this.isKey[i] = 1;
    this.starts[((spread(hash) >>> 1) >>> this.partShift) + 1]++;
  }

  /**
   * The repeats among the first `count` keys; keyAt(i) gives key i again (for a few keys). Once:
   * the keys' room is given back.
   */
  find(count: number, keyAt: (i: number) => string | null): Repeats {
    try {
      return this.repeats(count, keyAt);
    } finally {
      this.release();
    }
  }

  private repeats(count: number, keyAt: (i: number) => string | null): Repeats {
    const parts = partsByHash(this.room, count, this.starts, this.partShift);
    const found: { at: number; first: number }[] = [];
    findInParts(parts, new PartTable(parts.largest), keyAt, found);
    found.sort((a, b) => a.at - b.at);
    return { at: found.map((r) => r.at), first: found.map((r) => r.first) };
  }
}

/**
 * Each part's keys through the part's table, the repeats into `found`: a function of the loop alone.
 * The compiler optimises the loop while it runs, and code after it that had never run by then (the
 * sort of what was found) would throw that code away at the loop's end, on every table read.
 */
function findInParts(
  { starts, sorted }: { starts: Int32Array; sorted: Int32Array },
  table: PartTable,
  keyAt: (i: number) => string | null,
  found: { at: number; first: number }[]
): void {
  for (let part = 0; part < starts.length - 1; part++) {
    for (let k = starts[part]; k < starts[part + 1]; k++) {
      const at = sorted[2 * k];
      const first = table.firstOf(at, sorted[2 * k + 1], keyAt);
      if (first !== at) found.push({ at, first });
    }
    table.clear();
  }
}

/**
 * Keys per part, about: a part's table (4 to 8 slots a key, 8 bytes a slot) stays in the
 * processor's cache.
 */
const PART_KEYS = 2048;

/** The keys' hashes, and room to sort them by part (13 bytes a key, in KEPT_BYTES). */
interface KeysRoom {
  readonly hashes: Int32Array;
  readonly isKey: Uint8Array;
  /** Each key's index and hash, side by side (one stream to write a part, and to read it). */
  readonly sorted: Int32Array;
}

/**
 * The keys' indexes sorted by the top bits of their hashes, stably (each part's in index order, so
 * a part meets the first of equal keys first), their hashes in the same order (read in order, not
 * all over a million), and where each part starts; from the keys' count in each part, at [part + 1]
 * of `starts` (made the parts' starts here).
 */
function partsByHash(room: KeysRoom, count: number, starts: Int32Array, shift: number) {
  let largest = 0;
  for (let part = 1; part < starts.length; part++) {
    largest = Math.max(largest, starts[part]);
    starts[part] += starts[part - 1];
  }
  sortByPart(room, count, starts.slice(0, -1), shift);
  return { starts, sorted: room.sorted, largest };
}

/** partsByHash's pass over the keys, alone in its function (findInParts says why). */
function sortByPart(
  { hashes, isKey, sorted }: KeysRoom,
  count: number,
  next: Int32Array,
  shift: number
): void {
  for (let i = 0; i < count; i++) {
    if (isKey[i] === 0) continue;
    const at = next[(spread(hashes[i]) >>> 1) >>> shift]++;
    sorted[2 * at] = i;
    sorted[2 * at + 1] = hashes[i];
  }
}

/** The first key of each text met so far in a part: open addressing on the keys' hashes. */
class PartTable {
  /**
   * Two numbers a slot, side by side (a probe reads one cache line): the key's index + 1, 0 for an
   * empty slot, and that key's hash.
   */
  private readonly slots: Int32Array;
  private readonly used: Int32Array;
  private usedCount = 0;

  constructor(keys: number) {
    // Four slots a key: a probe mostly meets an empty slot or its own key at once.
    const size = Math.max(16, 1 << Math.ceil(Math.log2(4 * keys + 1)));
    this.slots = new Int32Array(2 * size);
    this.used = new Int32Array(keys);
  }

  /** The first key with key i's text (i itself when it is the first, then recorded). */
  firstOf(i: number, hash: number, keyAt: (i: number) => string | null): number {
    const { slots } = this;
    const mask = slots.length - 2; // a slot starts at an even index
    let slot = ((hash ^ (hash >>> 16)) << 1) & mask;
    for (let entry = slots[slot]; entry !== 0; entry = slots[slot]) {
      if (slots[slot + 1] === hash && sameCaseless(keyAt(entry - 1)!, keyAt(i)!)) return entry - 1;
      slot = (slot + 2) & mask;
    }
    slots[slot] = i + 1;
    slots[slot + 1] = hash;
    this.used[this.usedCount++] = slot;
    return i;
  }

  /** Empties the slots used, for the next part. */
  clear(): void {
    for (let k = 0; k < this.usedCount; k++) this.slots[this.used[k]] = 0;
    this.usedCount = 0;
  }
}
