import fc from "fast-check";
import {
  CASELESS_START,
  caselessStep,
  RepeatedKeys,
  repeatedKeys,
} from "../../src/domain/caselessKeys";

/** What the table stands for: a Map of the keys' toLowerCase(). */
function firstRowsByMap(keys: readonly (string | null)[]): (number | undefined)[] {
  const seen = new Map<string, number>();
  return keys.map((key, row) => {
    if (key === null) return undefined;
    const first = seen.get(key.toLowerCase());
    if (first === undefined) seen.set(key.toLowerCase(), row);
    return first;
  });
}

/** The same, from repeatedKeys over the whole column. */
function firstRowsOfColumn(keys: readonly (string | null)[]): (number | undefined)[] {
  const { at, first } = repeatedKeys(keys.length, (i) => keys[i]);
  const firsts: (number | undefined)[] = keys.map(() => undefined);
  at.forEach((i, k) => (firsts[i] = first[k]));
  expect(at).toEqual([...at].sort((a, b) => a - b));
  return firsts;
}

describe("the first row of each key, whatever its case", () => {
  // Short keys of few letters, each written as it came, upper- or lower-cased, so that keys repeat
  // in other cases; with letters whose lower case is not one ASCII letter (Kelvin sign, dotted I,
  // sharp s, final sigma) and Latin-1 capitals.
  const letter = fc.constantFrom(..."aAzZ-1Éé", "\u212a", "k", "\u0130", "i", "ß", "Σ", "σ", "ς");
  const key = fc
    .tuple(fc.array(letter, { maxLength: 3 }), fc.constantFrom("as is", "upper", "lower"))
    .map(([cs, write]) => {
      const text = cs.join("");
      return write === "upper" ? text.toUpperCase() : write === "lower" ? text.toLowerCase() : text;
    });

  it("is what a Map of the lower-cased keys says", () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 60 }), (keys) => {
        expect(firstRowsOfColumn(keys)).toEqual(firstRowsByMap(keys));
      }),
      { numRuns: 500 }
    );
  });

  it("is what a Map says of a column with blanks (no key), taken whole", () => {
    fc.assert(
      fc.property(fc.array(fc.option(key), { maxLength: 60 }), (keys) => {
        expect(firstRowsOfColumn(keys)).toEqual(firstRowsByMap(keys));
      }),
      { numRuns: 300 }
    );
  });

  it("finds the repeats of a column of a million ids, and no others", () => {
    const keys = Array.from({ length: 1_000_000 }, (_, i) => `D-${i}`);
    keys[999_999] = "d-12345";
    keys[500_000] = null as unknown as string;
    expect(repeatedKeys(keys.length, (i) => keys[i])).toEqual({
      at: [999_999],
      first: [12_345],
    });
  });

  it("holds over more keys than the table first has room for", () => {
    const keys = Array.from({ length: 5000 }, (_, i) =>
      i % 3 ? `D-${i % 2000}` : `d-${i % 2000}`
    );
    expect(firstRowsOfColumn(keys)).toEqual(firstRowsByMap(keys));
  });

  it("holds when its table is larger than the room kept for it, and in that room again after", () => {
    // 300,000 repeats of three keys need a table of 8 MB, made for the search; then a small search
    // in the kept room, which the earlier searches left full.
    const many = Array.from({ length: 300_000 }, (_, i) => ["A", "b", "a"][i % 3]);
    const { at, first } = repeatedKeys(many.length, (i) => many[i]);
    expect(at).toEqual(many.slice(2).map((_, i) => i + 2));
    expect(first).toEqual(at.map((i) => (i % 3 === 1 ? 1 : 0)));
    const few = ["x", "B", "X", "b", "y"];
    expect(firstRowsOfColumn(few)).toEqual([undefined, undefined, 0, 1, undefined]);
  });

  it("finds every repeat of a column of one key in any case, each to the first row", () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => (i % 2 ? "TBD" : "tbd"));
    const { at, first } = repeatedKeys(keys.length, (i) => keys[i]);
    expect(at).toEqual(keys.slice(1).map((_, i) => i + 1));
    expect(first.every((f) => f === 0)).toBe(true);
  });

  it("tells apart keys of one whole hash (FNV-1a's costarring and liquid)", () => {
    const keys = ["costarring", "liquid", "LIQUID", "Costarring", "declinate", "macallums"];
    expect(firstRowsOfColumn(keys)).toEqual(firstRowsByMap(keys));
    expect(firstRowsOfColumn(keys)).toEqual([undefined, undefined, 1, 0, undefined, undefined]);
  });

  it("is the same when ASCII keys are given as the hash a reader works out (setHash)", () => {
    const hashOf = (key: string) =>
      [...key].reduce((h, c) => caselessStep(h, c.charCodeAt(0)), CASELESS_START);
    const isAscii = (key: string) => [...key].every((c) => c.charCodeAt(0) < 128);
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.boolean()), { maxLength: 60 }), (column) => {
        const keys = column.map(([k]) => k);
        const repeated = new RepeatedKeys(keys.length);
        column.forEach(([k, byHash], i) =>
          byHash && isAscii(k) ? repeated.setHash(i, hashOf(k)) : repeated.set(i, k)
        );
        const { at, first } = repeated.find(keys.length, (i) => keys[i]);
        expect(at.map((i, n) => [i, first[n]])).toEqual(
          firstRowsByMap(keys).flatMap((f, i) => (f === undefined ? [] : [[i, f]]))
        );
      }),
      { numRuns: 500 }
    );
  });

  it("tells apart keys that differ by characters caselessStep takes alike ([ and {, @ and `)", () => {
    const hashOf = (key: string) =>
      [...key].reduce((h, c) => caselessStep(h, c.charCodeAt(0)), CASELESS_START);
    expect(hashOf("a[1")).toBe(hashOf("A{1"));
    const keys = ["a[1", "A{1", "A[1", "x@", "X`", "x@"];
    const repeated = new RepeatedKeys(keys.length);
    keys.forEach((k, i) => (i % 2 ? repeated.setHash(i, hashOf(k)) : repeated.set(i, k)));
    expect(repeated.find(keys.length, (i) => keys[i])).toEqual({ at: [2, 5], first: [0, 3] });
    // A key beyond ASCII whose lower case is ASCII (U+212A, the Kelvin sign, is "k") hashes as
    // its ASCII twins do, "[" included.
    expect(firstRowsOfColumn(["k[1", "\u212A[1", "K[1"])).toEqual([undefined, 0, 0]);
  });

  it("finds the repeats of keys hashed to the hash that stands for no key (0)", () => {
    // "a" and "A" given as hash 0, "b" as 1 (the hash a key of hash 0 is kept under); a null key.
    const keys = ["a", "b", "A", null, "B"];
    const repeated = new RepeatedKeys(keys.length);
    [0, 1, 0].forEach((hash, i) => repeated.setHash(i, hash));
    repeated.set(3, null);
    repeated.setHash(4, 1);
    expect(repeated.find(keys.length, (i) => keys[i])).toEqual({ at: [2, 4], first: [0, 1] });
  });

  it("says a repeat's first row", () => {
    expect(firstRowsOfColumn(["D-1", "D-2", "d-1", "\u212a", "k"])).toEqual([
      undefined,
      undefined,
      0,
      undefined,
      3,
    ]);
  });
});
