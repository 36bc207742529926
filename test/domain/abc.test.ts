import fc from "fast-check";
import { abcClasses, abcCuts, abcSharesProblem } from "../../src/domain/abc";

/** domain.md's rule read literally, value by value: A when before(x) < 80 % of the total, B below 95 %. */
function byDefinition(values: readonly number[]): string[] {
  const total = values.filter((v) => v > 0).reduce((s, v) => s + v, 0);
  return values.map((x) => {
    const before = values.filter((v) => v > x && v > 0).reduce((s, v) => s + v, 0);
    if (x <= 0) return "C";
    return before < (0.8 - 1e-9) * total ? "A" : before < (0.95 - 1e-9) * total ? "B" : "C";
  });
}

describe("ABC classes by contribution margin", () => {
  it("classifies Heizer & Render's textbook example (80/95)", () => {
    const values = [90000, 77000, 26350, 15001, 12500, 8502, 1200, 850, 504, 150];
    expect(abcClasses(values).join("")).toBe("AAABBCCCCC");
  });

  it("puts an item that starts exactly on the 80 % line in B: 50/30/15/5 → A A B C", () => {
    expect(abcClasses([50, 30, 15, 5])).toEqual(["A", "A", "B", "C"]);
  });

  it("makes one range holding 90 % of the margin an A on its own", () => {
    expect(abcClasses([90, 4, 3, 2, 1])).toEqual(["A", "B", "B", "C", "C"]);
  });

  it("gives equal values one class whatever their order", () => {
    // 40 + 40 = 80: before(40) = 0 for both, so both are A even though together they reach the line.
    expect(abcClasses([40, 10, 40, 10])).toEqual(["A", "B", "A", "B"]);
  });

  it("classes loss-making and zero ranges C and keeps them out of the total", () => {
    expect(abcClasses([-500, 100, 0])).toEqual(["C", "A", "C"]);
    expect(abcCuts([-500, 100, 0]).total).toBe(100);
  });

  it("leaves blank (NaN) items without a class", () => {
    expect(abcClasses([NaN, 10, NaN])).toEqual([null, "A", null]);
  });

  it("honours custom shares", () => {
    expect(abcClasses([50, 30, 15, 5], { a: 0.5, b: 0.8 })).toEqual(["A", "B", "C", "C"]);
  });

  it("rejects shares outside 0 < a < b ≤ 1 with a reason", () => {
    expect(abcSharesProblem({ a: 0.95, b: 0.8 })).toMatch(/below the B share/);
    expect(abcSharesProblem({ a: 0, b: 0.8 })).toMatch(/above 0/);
    expect(abcSharesProblem({ a: 0.8, b: 1.2 })).toMatch(/at most 1/);
    expect(() => abcClasses([1], { a: 0.9, b: 0.5 })).toThrow(RangeError);
  });

  it("does not depend on the order of the items (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100, max: 1000 }), { minLength: 1, maxLength: 40 }),
        fc.integer(),
        (values, seed) => {
          const order = values
            .map((_, i) => i)
            .sort((i, j) => ((i * 7919 + seed) % 97) - ((j * 7919 + seed) % 97));
          const classes = abcClasses(values);
          const shuffled = abcClasses(order.map((i) => values[i]));
          order.forEach((i, k) => expect(shuffled[k]).toBe(classes[i]));
        }
      )
    );
  });

  it("matches the definition before(x) < share × total on random data (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 30 }),
        (values) => {
          expect(abcClasses(values)).toEqual(byDefinition(values));
        }
      )
    );
  });
});

describe("ABC classes on larger inputs", () => {
  it("match the definition on hundreds of values with ties and decimals (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -20, max: 200 }),
            fc.double({ min: 0.01, max: 1e6, noNaN: true }),
            fc.constant(100)
          ),
          { minLength: 100, maxLength: 400 }
        ),
        (values) => {
          expect(abcClasses(values)).toEqual(byDefinition(values));
        }
      ),
      { numRuns: 60 }
    );
  });
});
