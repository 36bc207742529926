import fc from "fast-check";
import {
  describeProblem,
  isBlankCell,
  plainAmount,
  plainProbability,
  readAmount,
  readNumber,
  readProbability,
  readShare,
  type CellValue,
  type Reading,
} from "../../src/domain/values";
import { plainDateSerial, readDate } from "../../src/domain/dates";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

function valueOf(reading: Reading<number>): number {
  if (reading.kind !== "value") throw new Error(`expected a value, got ${JSON.stringify(reading)}`);
  return reading.value;
}

function problemOf(reading: Reading<number>): string {
  if (reading.kind !== "error")
    throw new Error(`expected an error, got ${JSON.stringify(reading)}`);
  return reading.problem;
}

describe("the handbook's pipeline (Tableau 399)", () => {
  it("reads the amounts and probabilities exactly as typed, closing full stops included", () => {
    const rows: Array<[string, string]> = [
      ["1 000 €", "20 %."],
      ["2 000 €", "50 %."],
      ["4 000 €", "75 %."],
    ];
    const read = rows.map(([amount, probability]) => [
      valueOf(readAmount(amount)),
      valueOf(readProbability(probability)),
    ]);
    expect(read).toEqual([
      [1000, 0.2],
      [2000, 0.5],
      [4000, 0.75],
    ]);
    const weighted = read.reduce((sum, [amount, probability]) => sum + amount * probability, 0);
    expect(weighted).toBeCloseTo(valueOf(readAmount("4 200 €")), 9);
  });

  it("reads the total row's amount, 4 200 €", () => {
    expect(valueOf(readAmount("4 200 €"))).toBe(4200);
  });
});

describe("blank cells", () => {
  it.each<[string, CellValue]>([
    ["null", null],
    ["undefined", undefined],
    ["empty text", ""],
    ["spaces", "   "],
    ["no-break spaces", `${NBSP}${NNBSP}`],
    ["tab and newline", "\t\n"],
  ])("%s is blank for every reader, not zero", (_, cell) => {
    expect(isBlankCell(cell)).toBe(true);
    for (const read of [readAmount, readNumber, readProbability, readShare]) {
      expect(read(cell)).toEqual({ kind: "blank" });
    }
  });

  it.each<CellValue>([0, "0", false, " x "])("%p is not blank", (cell) => {
    expect(isBlankCell(cell)).toBe(false);
  });

  it("is text that trims to nothing, whatever its first character", () => {
    const char = fc.constantFrom(
      "a",
      "!",
      "~",
      " ",
      "\t",
      "\n",
      NBSP,
      NNBSP,
      "\u2028",
      "\ufeff",
      "é"
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 6 }), (chars) => {
        const text = chars.join("");
        expect(isBlankCell(text)).toBe(text.trim() === "");
      }),
      { numRuns: 2000 }
    );
  });
});

describe("Excel numbers", () => {
  it("are taken as they are", () => {
    expect(readAmount(1234.56)).toEqual({ kind: "value", value: 1234.56 });
    expect(readAmount(-5)).toEqual({ kind: "value", value: -5 });
    expect(readNumber(0)).toEqual({ kind: "value", value: 0 });
  });

  it("must be finite", () => {
    expect(readAmount(Number.NaN)).toEqual({
      kind: "error",
      shown: "NaN",
      problem: "is not a finite number",
    });
    expect(problemOf(readNumber(Number.POSITIVE_INFINITY))).toBe("is not a finite number");
    expect(problemOf(readProbability(Number.NaN))).toBe("is not a finite number");
  });

  it("booleans are not numbers, shown as Excel shows them", () => {
    expect(readAmount(true)).toEqual({ kind: "error", shown: "TRUE", problem: "is not a number" });
    expect(readProbability(false)).toEqual({
      kind: "error",
      shown: "FALSE",
      problem: "is not a number",
    });
  });
});

describe("numbers typed as text", () => {
  it.each<[string, number]>([
    ["1 000 €", 1000],
    ["1 000,50", 1000.5],
    ["1,000.50", 1000.5],
    ["1.000,50", 1000.5],
    ["€1,000", 1000],
    ["$2,000", 2000],
    ["£2,000.25", 2000.25],
    ["EUR 1000", 1000],
    ["1000 EUR", 1000],
    ["eur 1000", 1000],
    ["USD1000", 1000],
    ["1 000 000,25 GBP", 1000000.25],
    ["CHF 1'000.50", 1000.5],
    ["1’000", 1000],
    ["1 000 €.", 1000],
    ["  42  ", 42],
    ["+3", 3],
    ["1000", 1000],
    ["007", 7],
  ])("%p reads as %p", (text, expected) => {
    expect(valueOf(readAmount(text))).toBe(expected);
  });

  it.each<[string, string]>([
    ["ordinary space", " "],
    ["no-break space U+00A0", NBSP],
    ["narrow no-break space U+202F", NNBSP],
    ["apostrophe", "'"],
  ])("groups thousands with an %s", (_, space) => {
    expect(valueOf(readAmount(`1${space}234${space}567,89${NBSP}€`))).toBe(1234567.89);
    expect(valueOf(readAmount(`12${space}500`))).toBe(12500);
  });

  it("reads Excel's French currency format: narrow no-break thousands, no-break space before €", () => {
    expect(valueOf(readAmount(`4${NNBSP}200,00${NBSP}€`))).toBe(4200);
  });

  it.each<[string, number]>([
    ["(1 000)", -1000],
    ["(1 000 €)", -1000],
    ["(€1,000)", -1000],
    ["-1 000", -1000],
    ["- 1 000", -1000],
    ["\u22121 000", -1000],
    ["\u2013 1 000", -1000],
    ["-€1,000", -1000],
    ["€-1,000", -1000],
    ["-1 000 €", -1000],
  ])("%p is negative", (text, expected) => {
    expect(valueOf(readAmount(text))).toBe(expected);
  });

  it("reads minus zero as zero", () => {
    expect(Object.is(valueOf(readAmount("-0")), 0)).toBe(true);
  });
});

describe("decimal mark or thousands separator", () => {
  it.each<[string, number, string]>([
    ["1,5", 1.5, "one or two digits after a single comma: French decimals"],
    ["1,50", 1.5, "one or two digits after a single comma: French decimals"],
    ["1,5000", 1.5, "four digits cannot be a thousands group"],
    ["1.5", 1.5, "English decimals"],
    ["1.25", 1.25, "English decimals"],
    ["0,500", 0.5, "a leading zero cannot start a thousands group"],
    ["0.500", 0.5, "a leading zero cannot start a thousands group"],
    [",500", 0.5, "nothing before the mark"],
    [".5", 0.5, "nothing before the mark"],
    ["1000,500", 1000.5, "a thousands group has at most three digits before it"],
    ["1 000,500", 1000.5, "spaces group thousands, so the comma is the decimal mark"],
    ["1 000.50", 1000.5, "spaces group thousands, so the point is the decimal mark"],
    ["1,000,000", 1000000, "a mark used several times groups thousands"],
    ["1.000.000", 1000000, "a mark used several times groups thousands"],
    ["1.000.000,5", 1000000.5, "both marks: the last one is the decimal mark"],
    ["1,000,000.5", 1000000.5, "both marks: the last one is the decimal mark"],
    ["€1,000", 1000, "a currency sign before the number marks the English form"],
    ["$12,500", 12500, "a currency sign before the number marks the English form"],
    ["$1.500", 1.5, "English form: the point is the decimal mark"],
    ["€1,50", 1.5, "the English mark only settles what is ambiguous"],
    ["€1.000,50", 1000.5, "the English mark only settles what is ambiguous"],
  ])("%p is %p (%s)", (text, expected) => {
    expect(valueOf(readAmount(text))).toBe(expected);
  });

  it.each<[string, string]>([
    ["1,000", "is ambiguous: 1,000 may be 1000 or 1; write 1000 or 1"],
    ["1.000", "is ambiguous: 1.000 may be 1000 or 1; write 1000 or 1"],
    ["12,500", "is ambiguous: 12,500 may be 12500 or 12,5; write 12500 or 12,5"],
    ["12.500", "is ambiguous: 12.500 may be 12500 or 12.5; write 12500 or 12.5"],
    ["999,990", "is ambiguous: 999,990 may be 999990 or 999,99; write 999990 or 999,99"],
    ["1,000 €", "is ambiguous: 1,000 may be 1000 or 1; write 1000 or 1"],
    ["1.000 $", "is ambiguous: 1.000 may be 1000 or 1; write 1000 or 1"],
    ["EUR 1,000", "is ambiguous: 1,000 may be 1000 or 1; write 1000 or 1"],
    ["-1,000", "is ambiguous: 1,000 may be 1000 or 1; write 1000 or 1"],
  ])("%p is an error, never a guess", (text, problem) => {
    expect(readAmount(text)).toEqual({ kind: "error", shown: text, problem });
  });

  it("suggests a decimal reading that cannot itself be misread", () => {
    const problem = problemOf(readAmount("123,456"));
    expect(problem).toBe(
      "is ambiguous: 123,456 may be 123456 or 123,4560; write 123456 or 123,4560"
    );
    // both suggestions read back without an error, as the two readings
    expect(valueOf(readAmount("123456"))).toBe(123456);
    expect(valueOf(readAmount("123,4560"))).toBe(123.456);
  });

  it("every suggested fix for an ambiguous text reads back as one of its two readings", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(",", "."),
        (whole, part, mark) => {
          const fraction = String(part).padStart(3, "0");
          const problem = problemOf(readAmount(`${whole}${mark}${fraction}`));
          const match = /; write (\S+) or (\S+)$/.exec(problem);
          expect(match).not.toBeNull();
          const [, thousands, decimals] = match as RegExpExecArray;
          expect(valueOf(readAmount(thousands))).toBe(whole * 1000 + part);
          expect(valueOf(readAmount(decimals))).toBe(Number(`${whole}.${fraction}`));
        }
      )
    );
  });
});

describe("text that is not a number", () => {
  it.each<[string, string]>([
    ["abc", "is not a number"],
    ["n/a", "is not a number"],
    ["-", "is not a number"],
    ["€", "is not a number"],
    ["1e3", "is not a number"],
    ["50 k€", "is not a number"],
    ["1,", "is not a number"],
    ["1,,5", "is not a number"],
    ["EURO 5", "is not a number"],
    ["1,00,000", "is not a number: its separators do not group thousands by three"],
    ["10 00", "is not a number: its separators do not group thousands by three"],
    ["1 0000", "is not a number: its separators do not group thousands by three"],
    ["0 500", "is not a number: its separators do not group thousands by three"],
    ["1 000.000,5", "is not a number: its separators do not group thousands by three"],
    ["1,000.000,5", "is not a number: its separators do not group thousands by three"],
    ["--5", "is not a number: it has more than one sign"],
    ["(-5)", "is not a number: it has more than one sign"],
    ["€5 $", "is not a number: it has two currency signs, keep one"],
    ["20 €%", "is not a number: it has both a currency and %"],
  ])("%p: %s", (text, problem) => {
    expect(readAmount(text)).toEqual({ kind: "error", shown: text, problem });
  });

  it("shows the text trimmed, as typed", () => {
    expect(readAmount(`${NBSP} douze euros `)).toEqual({
      kind: "error",
      shown: "douze euros",
      problem: "is not a number",
    });
  });

  it("is too large when it would overflow", () => {
    expect(problemOf(readAmount("9".repeat(400)))).toBe("is too large to be a number");
  });
});

describe("percentages", () => {
  it.each<[string, number]>([
    ["20 %", 0.2],
    ["20%", 0.2],
    [`20${NBSP}%`, 0.2],
    ["7,5 %", 0.075],
    ["7.5%", 0.075],
    ["7,3 %", 0.073],
    ["20 %.", 0.2],
    ["50 %.", 0.5],
    ["75 %.", 0.75],
    ["100 %", 1],
    ["0 %", 0],
  ])("%p is %p, the decimal a user would type", (text, expected) => {
    expect(valueOf(readProbability(text))).toBe(expected);
    expect(valueOf(readNumber(text))).toBe(expected);
    expect(valueOf(readShare(text))).toBe(expected);
  });

  it("is not an amount: a probability typed in the amount column is flagged", () => {
    expect(readAmount("20 %")).toEqual({
      kind: "error",
      shown: "20 %",
      problem: "is a percentage, not an amount",
    });
  });
});

describe("readProbability", () => {
  it.each<[CellValue, number]>([
    [0, 0],
    [0.2, 0.2],
    [1, 1],
    ["0,2", 0.2],
    ["0.75", 0.75],
    ["1", 1],
    ["0,125", 0.125],
  ])("%p is %p", (cell, expected) => {
    expect(valueOf(readProbability(cell))).toBe(expected);
  });

  it.each<[CellValue, string, string]>([
    [20, "20", "is above 1: write 20% or 0.2"],
    ["20", "20", "is above 1: write 20% or 0.2"],
    [75, "75", "is above 1: write 75% or 0.75"],
    ["20,5", "20,5", "is above 1: write 20.5% or 0.205"],
    [100, "100", "is above 1: write 100% or 1"],
    [150, "150", "is above 1: a probability is between 0 and 1, or 0% and 100%"],
    ["120 %", "120 %", "is above 100 %: a probability is at most 100 %"],
    [-0.1, "-0.1", "is below 0: a probability is between 0% and 100%"],
    ["-5 %", "-5 %", "is below 0: a probability is between 0% and 100%"],
    ["(20 %)", "(20 %)", "is below 0: a probability is between 0% and 100%"],
    ["20 €", "20 €", "is an amount, not a probability"],
  ])("%p is an error", (cell, shown, problem) => {
    expect(readProbability(cell)).toEqual({ kind: "error", shown, problem });
  });

  it("reads 1,000 as neither one nor a thousand, but 0,750 as 75 %: a zero cannot start a thousands group", () => {
    expect(problemOf(readProbability("1,000"))).toMatch(/^is ambiguous: 1,000 may be 1000 or 1/);
    expect(valueOf(readProbability("0,750."))).toBe(0.75);
  });

  it("returns any number in [0, 1] itself", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => {
        expect(readProbability(p)).toEqual({ kind: "value", value: p });
      })
    );
  });

  it("reads n % as n / 100 for every n from 0 to 100 with up to two decimals, French or English", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10000 }),
        fc.constantFrom(",", "."),
        fc.constantFrom("%", " %", `${NBSP}%`),
        (hundredths, mark, sign) => {
          const whole = Math.floor(hundredths / 100);
          const text = `${whole}${mark}${String(hundredths % 100).padStart(2, "0")}${sign}`;
          expect(valueOf(readProbability(text))).toBe(Number(`${hundredths}e-4`));
        }
      )
    );
  });

  it("rejects every number above 1 with a problem that names it", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true, minExcluded: true }), (p) => {
        const reading = readProbability(p);
        expect(reading).toEqual({
          kind: "error",
          shown: String(p),
          problem: expect.stringMatching(/^is above 1: /),
        });
      })
    );
  });
});

describe("readShare", () => {
  it.each<[CellValue, number]>([
    ["80 %", 0.8],
    [0.8, 0.8],
    [35, 35],
    ["35", 35],
    ["12,5", 12.5],
    [0, 0],
  ])("%p is %p: no upper bound", (cell, expected) => {
    expect(valueOf(readShare(cell))).toBe(expected);
  });

  it.each<[CellValue, string, string]>([
    [-1, "-1", "is below 0: a share cannot be negative"],
    ["-5 %", "-5 %", "is below 0: a share cannot be negative"],
    ["5 €", "5 €", "is an amount, not a share"],
    [Number.NaN, "NaN", "is not a finite number"],
  ])("%p is an error", (cell, shown, problem) => {
    expect(readShare(cell)).toEqual({ kind: "error", shown, problem });
  });
});

describe("readNumber", () => {
  it("follows the amount rules, currency included, since margins are money", () => {
    for (const text of ["1 000 €", "(1 000)", "1,000.50", "€1,000", "12,500", "abc"]) {
      expect(readNumber(text)).toEqual(readAmount(text));
    }
  });

  it("reads a percentage as Excel would (35 % is 0.35)", () => {
    expect(valueOf(readNumber("35 %"))).toBe(0.35);
  });
});

describe("describeProblem", () => {
  it("writes one sentence for the user", () => {
    expect(
      describeProblem(
        "probability",
        { shown: "20", problem: "is above 1: write 20% or 0.2" },
        "position 1"
      )
    ).toBe("probability 20 at position 1 is above 1: write 20% or 0.2");
  });

  it("reads naturally with a real reading", () => {
    const reading = readAmount("1,000 €");
    if (reading.kind !== "error") throw new Error("expected an error");
    expect(describeProblem("amount", reading, "B4")).toBe(
      "amount 1,000 € at B4 is ambiguous: 1,000 may be 1000 or 1; write 1000 or 1"
    );
  });
});

describe("properties", () => {
  const space = fc.constantFrom(" ", NBSP, NNBSP, "'");

  function groupThousands(n: number, separator: string): string {
    return String(n).replace(/\B(?=(\d{3})+$)/g, separator);
  }

  it("any integer written with French grouping reads back as itself, negative or not", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e15, max: 1e15 }),
        space,
        fc.boolean(),
        (n, separator, parentheses) => {
          const grouped = groupThousands(Math.abs(n), separator);
          const text = n < 0 ? (parentheses ? `(${grouped} €)` : `-${grouped} €`) : `${grouped} €`;
          expect(valueOf(readAmount(text))).toBe(n === 0 ? 0 : n);
        }
      )
    );
  });

  it("any amount in cents written in French or English form reads back as itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.boolean(), (cents, french) => {
        const euros = Math.floor(cents / 100);
        const fraction = String(cents % 100).padStart(2, "0");
        const text = french
          ? `${groupThousands(euros, NNBSP)},${fraction} €`
          : `€${groupThousands(euros, ",")}.${fraction}`;
        expect(valueOf(readAmount(text))).toBe(cents / 100);
      })
    );
  });

  it("English grouping without a currency sign first is read only when it cannot be a decimal", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 1e12 }), (n) => {
        const reading = readAmount(groupThousands(n, ","));
        if (n < 1e6) expect(problemOf(reading)).toMatch(/^is ambiguous: /);
        else expect(valueOf(reading)).toBe(n);
        expect(valueOf(readAmount(`$${groupThousands(n, ",")}`))).toBe(n);
      })
    );
  });

  it("JavaScript's own writing of a number reads back, unless it looks like a thousands group", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (x) => {
        const text = String(x);
        fc.pre(!text.includes("e"));
        const reading = readNumber(text);
        if (/^-?[1-9]\d{0,2}\.\d{3}$/.test(text))
          expect(problemOf(reading)).toMatch(/^is ambiguous: /);
        else expect(valueOf(reading)).toBe(x === 0 ? 0 : x);
      })
    );
  });

  it("never throws, and every error shows the trimmed text", () => {
    const alphabet = fc.constantFrom(..."0123456789 ,.'-()%€$EURX\u00a0\u202f".split(""));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet })), (text) => {
        for (const read of [readAmount, readNumber, readProbability, readShare]) {
          const reading = read(text);
          if (reading.kind === "error") expect(reading.shown).toBe(text.trim());
          else if (reading.kind === "value") expect(Number.isFinite(reading.value)).toBe(true);
          else expect(text.trim()).toBe("");
        }
      })
    );
  });
});

describe("Excel error values in cells", () => {
  it("says the cell holds an error, not that it is not a number", () => {
    for (const code of ["#N/A", "#VALUE!", "#DIV/0!", "#REF!"]) {
      expect(readAmount(code)).toEqual({
        kind: "error",
        shown: code,
        problem: "is an error value in the cell: fix its formula or what it refers to",
      });
      expect(readProbability(code)).toMatchObject({
        kind: "error",
        problem: expect.stringMatching(/^is an error value/),
      });
      expect(readDate(code)).toMatchObject({
        kind: "error",
        problem: expect.stringMatching(/^is an error value/),
      });
    }
    expect(readAmount("#1")).toMatchObject({
      kind: "error",
      problem: expect.not.stringMatching(/error value/),
    });
  });
});

describe("the plain-number paths of a large table's reading", () => {
  // Any cell: numbers of every kind (fractions, negatives, -0, NaN, ±Infinity, huge), number-like
  // text, booleans, blanks.
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.double(),
    // fc.double spreads over the bits (mostly tiny numbers): these cover the ranges that matter.
    fc.integer({ min: -200, max: 300 }).map((n) => n / 100),
    fc.integer({ min: -10, max: 3_000_000 }).map((n) => n / 4),
    fc.constantFrom(0, -0, 1, 0.5, NaN, Infinity, -Infinity, 2958465, 2958466, 2958465.9),
    fc.constantFrom("1 000 €", "20 %", "0.5", "", " ", "2003-04-04", "abc"),
    fc.boolean(),
    fc.constantFrom(null, undefined)
  );

  /** A plain path may decline a cell (undefined), never give what the full reading does not. */
  function agrees(plain: number | undefined, full: Reading<number>): boolean {
    return plain === undefined || (full.kind === "value" && Object.is(full.value, plain));
  }

  it("plainAmount gives readAmount's value or declines", () => {
    fc.assert(
      fc.property(cell, (c) => agrees(plainAmount(c), readAmount(c))),
      { numRuns: 2000 }
    );
  });

  it("plainProbability gives readProbability's value or declines", () => {
    fc.assert(
      fc.property(cell, (c) => agrees(plainProbability(c), readProbability(c))),
      { numRuns: 2000 }
    );
  });

  it("plainDateSerial gives readDate's serial or declines, whatever the day order", () => {
    fc.assert(
      fc.property(cell, fc.option(fc.boolean(), { nil: undefined }), (c, dayFirst) =>
        agrees(plainDateSerial(c), readDate(c, { dayFirst }))
      ),
      { numRuns: 2000 }
    );
  });

  it("plainDateSerial takes every serial in Excel's range, its time of day dropped", () => {
    // Whole days and fractions of them (k / 1024 of a day: exact sums, no rounding up to the next).
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2958465 }),
        fc.integer({ min: 0, max: 1023 }),
        (day, k) => Object.is(plainDateSerial(day + k / 1024), day)
      ),
      { numRuns: 2000 }
    );
    expect([1, 1.5, 2958465, 2958465.9, 2 ** 31 - 1].map(plainDateSerial)).toEqual([
      1,
      1,
      2958465,
      2958465,
      undefined,
    ]);
    expect([0.999, -0, -1, 2958466, 2 ** 32 + 5, Infinity, NaN].map(plainDateSerial)).toEqual(
      Array(7).fill(undefined)
    );
  });

  it("takes the numbers Excel sends as they are", () => {
    expect(plainAmount(1234.5)).toBe(1234.5);
    expect(plainProbability(0.35)).toBe(0.35);
    expect(plainDateSerial(46023.75)).toBe(46023);
    expect([plainAmount("1 000"), plainProbability(20), plainDateSerial(0)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
