/**
 * Which row first held each key, keys compared as their toLowerCase() compare ("D-1" and "d-1" are
 * one id): how a table's ids are checked for repeats. A Map of lower-cased strings costs about half a
 * microsecond and 60 bytes a key over a million ids; a hash table filled key by key, its probes
 * falling anywhere in memory, about 150 ns. Here the whole column is looked at once, on 32-bit hashes
 * of the lower-cased text: a map of bits picks out the few keys that may repeat another, only those
 * go through a table (RepeatedKeys), and text is compared only where whole hashes are equal: 100,000
 * ids in some 0.6 milliseconds, a million in some 10.
 */

import { KEPT_BYTES, KeptRoom } from "./keptRoom";

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
  // With bit 5 set, A-Z are what toLowerCase() makes of them, in one instruction rather than a
  // test of the range (some 0.1 ms over 100,000 ids of 8 characters). A few other characters
  // meet theirs too ("[" and "{", "@" and "`"): keys of equal hashes are compared as text.
  return Math.imul(hash ^ (c | 32), FNV_PRIME);
}

/** The hash of a lower-cased text: its ASCII characters as caselessStep takes them. */
function textHash(text: string): number {
  let hash = FNV_BASIS;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    hash = c < 128 ? caselessStep(hash, c) : Math.imul(hash ^ c, FNV_PRIME);
  }
  return hash;
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
 * sets each as it reads its row, while the row is at hand). A table of all the keys' hashes falls
 * out of the processor's fast caches, and each probe of it waits on memory; so a first pass marks
 * each key's place in a map of bits (two a place: met, met again), a few times larger than the
 * keys and small enough to stay in cache, and only the keys whose place another key shares (a few
 * in a hundred, and every repeat) go through a table, in index order. Keys are compared as text
 * only when their whole hashes are equal. Null keys are not keys.
 */
export class RepeatedKeys {
  /** Each key's hash, NO_KEY where there is none (a null key, or none set). */
  private readonly hashes: Int32Array;
  /** Two bits a place (met, met again), PLACES_A_KEY places a key and up: a power of two. */
  private readonly marks: Int32Array;
  /** Gives the keys' room back; find does, and a reader stopped before it must. */
  readonly release: () => void;

  constructor(capacity: number) {
    const places = Math.max(16, 1 << Math.ceil(Math.log2(PLACES_A_KEY * capacity)));
    const marksBytes = places / 4;
    const { room, release } = KEPT_BYTES.take(marksBytes + 4 * capacity);
    this.marks = new Int32Array(room, 0, marksBytes / 4);
    this.hashes = new Int32Array(room, marksBytes, capacity).fill(NO_KEY);
    this.release = release;
  }

  set(i: number, key: string | null): void {
    if (key !== null) this.setHash(i, caselessHash(key));
  }

  /** Key i, given as its hash (see CASELESS_START): the key itself is asked of find's keyAt. */
  setHash(i: number, hash: number): void {
    // A key whose hash is NO_KEY's takes another's: keys of equal hashes are compared as text.
    this.hashes[i] = hash === NO_KEY ? NO_KEY_STANDIN : hash;
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
    const room = { hashes: this.hashes, marks: this.marks.fill(0) };
    // A key met again marks its place once: the keys of shared places are at most twice as many.
    const shared = Math.min(count, 2 * markPlaces(room, count));
    const found: { at: number; first: number }[] = [];
    const bytes = FirstKeys.bytesFor(shared);
    const table =
      bytes <= KEPT_FIRST_KEYS_BYTES
        ? FIRST_KEYS_ROOM.take(bytes)
        : { room: new ArrayBuffer(bytes), release: () => {} };
    try {
      findInShared(room, count, new FirstKeys(shared, table.room), keyAt, found);
    } finally {
      table.release();
    }
    return { at: found.map((r) => r.at), first: found.map((r) => r.first) };
  }
}

/**
 * Places in the map of bits a key: a key's place is shared by another's some 1 - e^(-1/16), 6 %, of
 * the time, and the map (4 bytes a key) stays in cache up to a few hundred thousand keys.
 */
const PLACES_A_KEY = 16;

/** The keys' hashes, and the map of their places (see RepeatedKeys; in KEPT_BYTES). */
interface KeysRoom {
  readonly hashes: Int32Array;
  readonly marks: Int32Array;
}

/**
 * The hash that stands for no key, and the one a key hashed to it takes instead: no key is then
 * told by its hash alone, rather than by a byte a key set beside it (a store more a key while the
 * reader reads its row, a load more a key in each pass of the search).
 */
const NO_KEY = 0;
const NO_KEY_STANDIN = 1;

/** A hash's place in the map of bits: 16 places a word, two bits each. */
function placeOf(hash: number, marks: Int32Array): number {
  return (hash ^ (hash >>> 15)) & (16 * marks.length - 1);
}

/**
 * Marks each key's place, met (bit 0) and met again (bit 1); how many keys met a place met before.
 * A function of the loop alone: the compiler optimises the loop while it runs, and code after it
 * that had never run by then would throw that code away at the loop's end, on every table read.
 */
function markPlaces({ hashes, marks }: KeysRoom, count: number): number {
  let again = 0;
  for (let i = 0; i < count; i++) {
    const hash = hashes[i];
    if (hash === NO_KEY) continue;
    const place = placeOf(hash, marks);
    const word = marks[place >>> 4];
    const shift = (place & 15) << 1;
    if (((word >>> shift) & 1) === 0) marks[place >>> 4] = word | (1 << shift);
    else {
      marks[place >>> 4] = word | (2 << shift);
      again++;
    }
  }
  return again;
}

/**
 * The keys of shared places through the table, in index order, the repeats into `found` (a function
 * of the loop alone: see markPlaces).
 */
function findInShared(
  { hashes, marks }: KeysRoom,
  count: number,
  table: FirstKeys,
  keyAt: (i: number) => string | null,
  found: { at: number; first: number }[]
): void {
  for (let at = 0; at < count; at++) {
    const hash = hashes[at];
    if (hash === NO_KEY) continue;
    const place = placeOf(hash, marks);
    if (((marks[place >>> 4] >>> ((place & 15) << 1)) & 2) === 0) continue; // its place is its own
    const first = table.firstOf(at, hash, keyAt);
    if (first !== at) found.push({ at, first });
  }
}

/**
 * The room of FirstKeys' table, kept from search to search: some 500 kB at 100,000 ids, 4 MB at a
 * million, made afresh each time it was as much garbage and fresh memory to fault in (0.2 ms of
 * reading 100,000 deals). Kept up to KEPT_FIRST_KEYS_BYTES: a column of a million repeats of a few
 * keys needs 32 MB, once, which is not worth keeping.
 */
const FIRST_KEYS_ROOM = new KeptRoom();
const KEPT_FIRST_KEYS_BYTES = 1 << 22;

/** The first key of each text met so far: open addressing on the keys' hashes. */
class FirstKeys {
  /**
   * Two numbers a slot, side by side (a probe reads one cache line): the key's index + 1, 0 for an
   * empty slot, and that key's hash.
   */
  private readonly slots: Int32Array;

  /** Four slots a key: a probe mostly meets an empty slot or its own key at once. */
  private static slotsFor(keys: number): number {
    return Math.max(16, 1 << Math.ceil(Math.log2(4 * keys + 1)));
  }

  /** The room a table of `keys` keys takes. */
  static bytesFor(keys: number): number {
    return 8 * FirstKeys.slotsFor(keys);
  }

  /** A table of `keys` keys at most, in `room` (bytesFor(keys) at least; cleared here). */
  constructor(keys: number, room: ArrayBuffer) {
    this.slots = new Int32Array(room, 0, 2 * FirstKeys.slotsFor(keys)).fill(0);
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
    return i;
  }
}
