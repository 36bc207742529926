/**
 * Which row first held each key, keys compared as their toLowerCase() compare ("D-1" and "d-1" are
 * one id): how a table's ids are checked for repeats. A Map of lower-cased strings costs about half a
 * microsecond and 60 bytes a key over a million ids; a hash table filled key by key, its probes
 * falling anywhere in memory, about 150 ns. Here the whole column is looked at once, on 32-bit hashes
 * of the lower-cased text, in two bitmaps of hash buckets, and text is compared only for the few keys
 * whose buckets are shared: a million ids in a few tens of milliseconds.
 */

/** FNV-1a offset basis and prime. */
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** FNV-1a of the key's lower-case text: ASCII folded in place, anything else through toLowerCase(). */
function caselessHash(key: string): number {
  let hash = FNV_BASIS;
  for (let i = 0; i < key.length; i++) {
    let c = key.charCodeAt(i);
    if (c >= 128) return textHash(key.toLowerCase());
    if (c >= 65 && c <= 90) c += 32; // A-Z: what toLowerCase() makes of them
    hash = Math.imul(hash ^ c, FNV_PRIME);
  }
  return hash;
}

function textHash(text: string): number {
  let hash = FNV_BASIS;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** Mixes the high bits into the low ones the slot index takes. */
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
 * sets each as it reads its row, while the row is at hand): each key's hash goes into a bitmap of
 * hash buckets (16 bits a key), a second bitmap marks the buckets met twice, and only the keys in
 * those buckets (every repeat, and the few others a bucket shares) are compared, first by their whole
 * hash, then as text. Null keys are not keys.
 */
export class RepeatedKeys {
  private readonly hashes: Int32Array;
  private readonly isKey: Uint8Array;

  constructor(capacity: number) {
    this.hashes = new Int32Array(capacity);
    this.isKey = new Uint8Array(capacity);
  }

  set(i: number, key: string | null): void {
    if (key === null) return;
    this.hashes[i] = caselessHash(key);
    this.isKey[i] = 1;
  }

  /** The repeats among the first `count` keys; keyAt(i) gives key i again (for a few keys). */
  find(count: number, keyAt: (i: number) => string | null): Repeats {
    const { hashes, isKey } = this;
    const twice = bucketsMetTwice(hashes.subarray(0, count), isKey);
    const mask = (twice.length << 5) - 1;
    const firstByHash = new Map<number, number>();
    /** The first of each key among keys whose whole hashes are equal but which differ (rare). */
    const firstByText = new Map<string, number>();
    const repeats: Repeats = { at: [], first: [] };
    for (let i = 0; i < count; i++) {
      const bucket = spread(hashes[i]) & mask;
      if (isKey[i] === 0 || !(twice[bucket >>> 5] & (1 << (bucket & 31)))) continue;
      const first = firstByHash.get(hashes[i]);
      if (first === undefined) {
        firstByHash.set(hashes[i], i);
        continue;
      }
      const key = keyAt(i)!;
      const earlier = sameCaseless(keyAt(first)!, key)
        ? first
        : firstOfText(firstByText, keyAt(first)!, first, key, i);
      if (earlier !== undefined) {
        repeats.at.push(i);
        repeats.first.push(earlier);
      }
    }
    return repeats;
  }
}

/**
 * Among keys of one whole hash that differ: records `first` for its key, then gives the first key
 * equal to `key`, or records `i` for it and gives undefined.
 */
function firstOfText(
  firstByText: Map<string, number>,
  firstKey: string,
  first: number,
  key: string,
  i: number
): number | undefined {
  const lower = firstKey.toLowerCase();
  if (!firstByText.has(lower)) firstByText.set(lower, first);
  const earlier = firstByText.get(key.toLowerCase());
  if (earlier === undefined) firstByText.set(key.toLowerCase(), i);
  return earlier;
}

/** The hash buckets (a bitmap, about 16 a key) that two or more keys' hashes fall in. */
function bucketsMetTwice(hashes: Int32Array, isKey: Uint8Array): Int32Array {
  const bits = Math.max(1024, 1 << Math.ceil(Math.log2(16 * Math.max(hashes.length, 1))));
  const mask = bits - 1;
  const once = new Int32Array(bits >>> 5);
  const twice = new Int32Array(bits >>> 5);
  for (let i = 0; i < hashes.length; i++) {
    if (isKey[i] === 0) continue;
    const bucket = spread(hashes[i]) & mask;
    const bit = 1 << (bucket & 31);
    if (once[bucket >>> 5] & bit) twice[bucket >>> 5] |= bit;
    else once[bucket >>> 5] |= bit;
  }
  return twice;
}
