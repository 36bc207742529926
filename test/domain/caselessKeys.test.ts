import fc from "fast-check";
import { CaselessFirstRows } from "../../src/domain/caselessKeys";

/** What the table stands for: a Map of the keys' toLowerCase(). */
function firstRowsByMap(keys: readonly string[]): (number | undefined)[] {
  const seen = new Map<string, number>();
  return keys.map((key, row) => {
    const first = seen.get(key.toLowerCase());
    if (first === undefined) seen.set(key.toLowerCase(), row);
    return first;
  });
}

function firstRows(keys: readonly string[]): (number | undefined)[] {
  const table = new CaselessFirstRows();
  return keys.map((key, row) => table.firstRow(key, row));
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
        expect(firstRows(keys)).toEqual(firstRowsByMap(keys));
      }),
      { numRuns: 500 }
    );
  });

  it("holds over more keys than the table first has room for", () => {
    const keys = Array.from({ length: 5000 }, (_, i) =>
      i % 3 ? `D-${i % 2000}` : `d-${i % 2000}`
    );
    expect(firstRows(keys)).toEqual(firstRowsByMap(keys));
  });

  it("says a repeat's first row", () => {
    expect(firstRows(["D-1", "D-2", "d-1", "\u212a", "k"])).toEqual([
      undefined,
      undefined,
      0,
      undefined,
      3,
    ]);
  });
});
