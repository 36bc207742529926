/**
 * Which row first held each key, keys compared as their toLowerCase() compare ("D-1" and "d-1" are
 * one id): how a table's ids are checked for repeats. A Map of lower-cased strings costs about half a
 * microsecond and 60 bytes a key over a million ids; this table of 32-bit hashes keeps the keys as
 * given, in typed arrays the garbage collector does not walk, and lowers text only to confirm a match.
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

export class CaselessFirstRows {
  /** Open addressing, linear probing: entry index + 1 per slot, 0 for an empty slot. */
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(512);
  private rows = new Int32Array(512);
  private readonly keys: string[] = [];

  /** The row that first held `key` (as compared above); else records `row` for it and says undefined. */
  firstRow(key: string, row: number): number | undefined {
    const hash = caselessHash(key);
    const mask = this.slots.length - 1;
    let slot = spread(hash) & mask;
    for (let entry = this.slots[slot]; entry !== 0; entry = this.slots[slot]) {
      if (this.hashes[entry - 1] === hash && sameCaseless(this.keys[entry - 1], key))
        return this.rows[entry - 1];
      slot = (slot + 1) & mask;
    }
    const entry = this.keys.length;
    if (entry === this.hashes.length) {
      this.hashes = doubled(this.hashes);
      this.rows = doubled(this.rows);
    }
    this.hashes[entry] = hash;
    this.rows[entry] = row;
    this.keys.push(key);
    this.slots[slot] = entry + 1;
    if (2 * (entry + 1) > mask) this.rehash(2 * this.slots.length);
    return undefined;
  }

  /** Kept at most half full, so that a probe meets an empty slot within a few steps. */
  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    const mask = size - 1;
    for (let entry = 0; entry < this.keys.length; entry++) {
      let slot = spread(this.hashes[entry]) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry + 1;
    }
  }
}

/** Mixes the high bits into the low ones the slot index takes. */
function spread(hash: number): number {
  return hash ^ (hash >>> 15);
}

function sameCaseless(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

function doubled(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(2 * array.length);
  bigger.set(array);
  return bigger;
}
