import fc from "fast-check";
import { readDate, serialFromYmd, ymdFromSerial } from "../../src/domain/dates";
import type { CellValue, Reading } from "../../src/domain/values";

const APRIL_4_2003 = 37715;
const DAY_MS = 86_400_000;
/** Independent oracle for dates from 1900-03-01 on, where Excel's serials and the real calendar agree. */
const UNIX_EPOCH_SERIAL = 25569;
function oracleSerial(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS + UNIX_EPOCH_SERIAL;
}

function valueOf(reading: Reading<number>): number {
  if (reading.kind !== "value") throw new Error(`expected a value, got ${JSON.stringify(reading)}`);
  return reading.value;
}

function problemOf(reading: Reading<number>): string {
  if (reading.kind !== "error")
    throw new Error(`expected an error, got ${JSON.stringify(reading)}`);
  return reading.problem;
}

describe("Excel's 1900 date system", () => {
  it.each<[number, number, number, number]>([
    [1900, 1, 1, 1],
    [1900, 2, 28, 59],
    [1900, 2, 29, 60], // Excel's fictitious leap day, kept so that every serial Excel shows round-trips
    [1900, 3, 1, 61],
    [1970, 1, 1, 25569],
    [2003, 4, 3, 37714],
    [2003, 4, 4, 37715],
    [2000, 2, 29, 36585],
    [9999, 12, 31, 2958465],
  ])("%i-%i-%i is serial %i", (year, month, day, serial) => {
    expect(serialFromYmd(year, month, day)).toBe(serial);
    expect(ymdFromSerial(serial)).toEqual({ year, month, day });
  });

  it("drops the time of day when turning a serial into a day", () => {
    expect(ymdFromSerial(APRIL_4_2003 + 0.99)).toEqual({ year: 2003, month: 4, day: 4 });
  });

  it.each<[number, number, number]>([
    [1899, 12, 31],
    [10000, 1, 1],
    [2003, 2, 29],
    [2003, 4, 31],
    [2003, 13, 1],
    [2003, 0, 1],
    [2003, 4, 0],
    [2003.5, 4, 4],
  ])("refuses %p-%p-%p, which Excel cannot hold", (year, month, day) => {
    expect(() => serialFromYmd(year, month, day)).toThrow(RangeError);
  });

  it.each([0, -1, 2958466, Number.NaN, Number.POSITIVE_INFINITY])("refuses serial %p", (serial) => {
    expect(() => ymdFromSerial(serial)).toThrow(RangeError);
  });

  it("round-trips every serial from 1900-03-01 to 9999-12-31, agreeing with the real calendar", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const { year, month, day } = ymdFromSerial(serial);
        expect(serialFromYmd(year, month, day)).toBe(serial);
        expect(oracleSerial(year, month, day)).toBe(serial);
      })
    );
  });

  it("round-trips every calendar day from 1900-03-01 to 9999-12-31", () => {
    const first = Date.UTC(1900, 2, 1) / DAY_MS;
    const last = Date.UTC(9999, 11, 31) / DAY_MS;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (days) => {
        const date = new Date(days * DAY_MS);
        const ymd = {
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
        };
        expect(ymdFromSerial(serialFromYmd(ymd.year, ymd.month, ymd.day))).toEqual(ymd);
      })
    );
  });
});

describe("the handbook's close dates (Tableau 399)", () => {
  it.each<[string, number]>([
    ["4 avril 2003.", APRIL_4_2003],
    ["3 avril 2003.", APRIL_4_2003 - 1],
    ["3 avril 2003", APRIL_4_2003 - 1],
  ])("%p is serial %i", (text, serial) => {
    expect(readDate(text)).toEqual({ kind: "value", value: serial });
  });
});

describe("readDate", () => {
  it("takes Excel serials as they are, dropping the time of day", () => {
    expect(readDate(APRIL_4_2003)).toEqual({ kind: "value", value: APRIL_4_2003 });
    expect(readDate(APRIL_4_2003 + 0.75)).toEqual({ kind: "value", value: APRIL_4_2003 });
    expect(readDate(1)).toEqual({ kind: "value", value: 1 });
    expect(readDate(2958465.5)).toEqual({ kind: "value", value: 2958465 });
  });

  it("reads serial 0 (1900-01-00, what some Excel builds pass for a blank cell) as no date", () => {
    expect(readDate(0)).toEqual({ kind: "blank" });
  });

  it.each([-1, 0.5, 2958466, 1e9])("refuses serial %p, outside Excel's dates", (serial) => {
    expect(readDate(serial)).toEqual({
      kind: "error",
      shown: String(serial),
      problem: "is outside Excel's dates: serials run from 1 (1900-01-01) to 2958465",
    });
  });

  it.each<[CellValue, string]>([
    [Number.NaN, "NaN"],
    [true, "TRUE"],
    [false, "FALSE"],
  ])("refuses %p", (cell, shown) => {
    expect(readDate(cell)).toEqual({ kind: "error", shown, problem: "is not a date" });
  });

  it.each<CellValue>([null, undefined, "", "  ", "\u00a0"])("reads %p as blank", (cell) => {
    expect(readDate(cell)).toEqual({ kind: "blank" });
  });

  it.each<[string, number, number, number]>([
    ["2003-04-04", 2003, 4, 4],
    ["2003-4-4", 2003, 4, 4],
    ["2003/04/04", 2003, 4, 4],
    ["2003-04-04.", 2003, 4, 4],
    ["2003-04-04T10:30:00Z", 2003, 4, 4],
    ["2003-04-04T23:30:00-05:00", 2003, 4, 4],
    ["2003-04-04 10:30", 2003, 4, 4],
    ["4 avril 2003", 2003, 4, 4],
    ["4 AVRIL 2003", 2003, 4, 4],
    ["le 4 avril 2003", 2003, 4, 4],
    ["vendredi 4 avril 2003", 2003, 4, 4],
    ["Vendredi 4 avril 2003.", 2003, 4, 4],
    ["1er mai 2003", 2003, 5, 1],
    ["April 4, 2003", 2003, 4, 4],
    ["Friday, April 4th, 2003", 2003, 4, 4],
    ["4 Apr 2003", 2003, 4, 4],
    ["4 avr. 2003", 2003, 4, 4],
    ["4-Apr-2003", 2003, 4, 4],
    ["Sept 4 2003", 2003, 9, 4],
    ["4 sept. 2003", 2003, 9, 4],
    ["4 février 2003", 2003, 2, 4],
    ["4 fevrier 2003", 2003, 2, 4],
    ["4 FÉVR. 2003", 2003, 2, 4],
    ["15 août 2003", 2003, 8, 15],
    ["15 aout 2003", 2003, 8, 15],
    ["2 décembre 2003", 2003, 12, 2],
    ["2 déc 2003", 2003, 12, 2],
    ["14 juillet 2003", 2003, 7, 14],
    ["14 juil. 2003", 2003, 7, 14],
    ["1 juin 2003", 2003, 6, 1],
    ["Mar 4 2003", 2003, 3, 4],
    ["4 mars 2003", 2003, 3, 4],
    ["mar. 1 avril 2003", 2003, 4, 1], // another month is named, so "mar" is mardi
    ["29 février 2004", 2004, 2, 29],
  ])("reads %p", (text, year, month, day) => {
    expect(readDate(text)).toEqual({ kind: "value", value: serialFromYmd(year, month, day) });
  });

  it.each<[string, string]>([
    ["31 avril 2003", "is not a real date: April has 30 days"],
    ["2003-04-31", "is not a real date: April has 30 days"],
    ["31/04/2003", "is not a real date: April has 30 days"],
    ["04/31/2003", "is not a real date: April has 30 days"],
    ["29 février 2003", "is not a real date: February 2003 has 28 days"],
    ["1900-02-29", "is not a real date: February 1900 has 28 days"],
    ["2003-13-01", "is not a real date: there is no month 13"],
    ["13/14/2003", "is not a real date: neither 13 nor 14 can be a month"],
    ["1899-12-31", "is outside Excel's dates: 1900-01-01 to 9999-12-31"],
    ["samedi 4 avril 2003", "is not a consistent date: 4 April 2003 is a Friday, not a Saturday"],
    ["04/05/03", "has a two-digit year: write the year in full, as in 2003-04-04"],
    ["4 avril 03", "has a two-digit year: write the year in full, as in 2003-04-04"],
    ["avril 2003", "is not a date: it has no day; write it as 2003-04-04 or 4 avril 2003"],
    ["4 avril", "is not a date: it has no year; write it as 2003-04-04 or 4 avril 2003"],
    [
      "4 avril 2003 mai",
      "is not a date: it names two months; write it as 2003-04-04 or 4 avril 2003",
    ],
    [
      "2er mai 2003",
      'is not a date: "er" only follows 1 (1er mai); write it as 2003-04-04 or 4 avril 2003',
    ],
    [
      "2003",
      "is not a date: digits alone may be a year or a serial number; write it as 2003-04-04 or 4 avril 2003",
    ],
    [
      "37715",
      "is not a date: digits alone may be a year or a serial number; write it as 2003-04-04 or 4 avril 2003",
    ],
    ["bientôt", "is not a date: write it as 2003-04-04 or 4 avril 2003"],
    ["Q2 2003", "is not a date: write it as 2003-04-04 or 4 avril 2003"],
  ])("%p is an error", (text, problem) => {
    expect(readDate(text)).toEqual({ kind: "error", shown: text, problem });
  });

  describe("day and month as numbers", () => {
    it.each<[string, number, number]>([
      ["25/04/2003", 4, 25],
      ["25-04-2003", 4, 25],
      ["25.04.2003", 4, 25],
      ["25.04.2003.", 4, 25],
      ["04/25/2003", 4, 25], // only one reading: 25 cannot be a month
      ["04/04/2003", 4, 4], // both readings are the same day
    ])("reads %p, which has one reading", (text, month, day) => {
      expect(valueOf(readDate(text))).toBe(serialFromYmd(2003, month, day));
    });

    it.each(["04/05/2003", "04-05-2003", "04.05.2003"])(
      "refuses %p, which has two readings",
      (text) => {
        const mark = text[2];
        expect(readDate(text)).toEqual({
          kind: "error",
          shown: text,
          problem: `is ambiguous: 04${mark}05${mark}2003 may be 4 May or April 5; write 2003-05-04 or 2003-04-05`,
        });
      }
    );

    it("reads them in the order the workbook's locale gives", () => {
      expect(valueOf(readDate("04/05/2003", { dayFirst: true }))).toBe(serialFromYmd(2003, 5, 4));
      expect(valueOf(readDate("04/05/2003", { dayFirst: false }))).toBe(serialFromYmd(2003, 4, 5));
      expect(valueOf(readDate("25/04/2003", { dayFirst: true }))).toBe(serialFromYmd(2003, 4, 25));
      expect(readDate("25/04/2003", { dayFirst: false })).toEqual({
        kind: "error",
        shown: "25/04/2003",
        problem: "is not a real date in month/day/year order: there is no month 25",
      });
    });

    it("the option does not change dates written with month names or in ISO form", () => {
      for (const dayFirst of [true, false]) {
        expect(valueOf(readDate("April 4, 2003", { dayFirst }))).toBe(APRIL_4_2003);
        expect(valueOf(readDate("2003-04-04", { dayFirst }))).toBe(APRIL_4_2003);
      }
    });

    it("is read without the option exactly when only one reading is a real date", () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 31 }), (a, b) => {
          const text = `${String(a).padStart(2, "0")}/${String(b).padStart(2, "0")}/2003`;
          const dayMonth = new Date(Date.UTC(2003, b - 1, a)).getUTCDate() === a && b <= 12;
          const monthDay = new Date(Date.UTC(2003, a - 1, b)).getUTCDate() === b && a <= 12;
          const reading = readDate(text);
          if (dayMonth && monthDay && a !== b)
            expect(problemOf(reading)).toMatch(/^is ambiguous: /);
          else if (dayMonth) expect(valueOf(reading)).toBe(oracleSerial(2003, b, a));
          else if (monthDay) expect(valueOf(reading)).toBe(oracleSerial(2003, a, b));
          else expect(problemOf(reading)).toMatch(/^is not a real date: /);
        })
      );
    });
  });

  describe("properties", () => {
    const calendarDay = fc
      .integer({ min: Date.UTC(1900, 2, 1) / DAY_MS, max: Date.UTC(9999, 11, 31) / DAY_MS })
      .map((days) => new Date(days * DAY_MS));
    const FRENCH = [
      "janvier",
      "février",
      "mars",
      "avril",
      "mai",
      "juin",
      "juillet",
      "août",
      "septembre",
      "octobre",
      "novembre",
      "décembre",
    ];
    const ENGLISH = [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ];
    const FRENCH_WEEKDAYS = [
      "dimanche",
      "lundi",
      "mardi",
      "mercredi",
      "jeudi",
      "vendredi",
      "samedi",
    ];

    it("reads any ISO date as its serial", () => {
      fc.assert(
        fc.property(calendarDay, (date) => {
          expect(valueOf(readDate(date.toISOString().slice(0, 10)))).toBe(
            date.getTime() / DAY_MS + UNIX_EPOCH_SERIAL
          );
        })
      );
    });

    it("reads any date written in French with its weekday, in any case, with or without accents", () => {
      fc.assert(
        fc.property(
          calendarDay,
          fc.boolean(),
          fc.boolean(),
          fc.boolean(),
          (date, upper, plain, fullStop) => {
            const d = date.getUTCDate();
            let text = `${FRENCH_WEEKDAYS[date.getUTCDay()]} ${d === 1 ? "1er" : d} ${FRENCH[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
            if (plain) text = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
            if (upper) text = text.toUpperCase();
            if (fullStop) text += ".";
            expect(valueOf(readDate(text))).toBe(date.getTime() / DAY_MS + UNIX_EPOCH_SERIAL);
          }
        )
      );
    });

    it("reads any date written in English, month first or day first", () => {
      fc.assert(
        fc.property(calendarDay, fc.boolean(), fc.boolean(), (date, monthFirst, short) => {
          const name = ENGLISH[date.getUTCMonth()];
          const month = short ? name.slice(0, 3) : name;
          const [d, y] = [date.getUTCDate(), date.getUTCFullYear()];
          const text = monthFirst ? `${month} ${d}, ${y}` : `${d} ${month} ${y}`;
          expect(valueOf(readDate(text))).toBe(date.getTime() / DAY_MS + UNIX_EPOCH_SERIAL);
        })
      );
    });

    it("reads any day after the 12th written dd/mm/yyyy without being told the order", () => {
      fc.assert(
        fc.property(calendarDay, (date) => {
          fc.pre(date.getUTCDate() > 12);
          const [d, m, y] = [date.getUTCDate(), date.getUTCMonth() + 1, date.getUTCFullYear()];
          expect(valueOf(readDate(`${d}/${String(m).padStart(2, "0")}/${y}`))).toBe(
            date.getTime() / DAY_MS + UNIX_EPOCH_SERIAL
          );
        })
      );
    });

    it("keeps the day of any serial with any time of day", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 2958465 }),
          fc.double({ min: 0, max: 0.999, noNaN: true }),
          (serial, time) => {
            expect(readDate(serial + time)).toEqual({ kind: "value", value: serial });
          }
        )
      );
    });

    it("never throws on any text, and every error shows the trimmed text", () => {
      const alphabet = fc.constantFrom(..."0123456789 /-.,:tTzZ aevrilmjnuéôû".split(""));
      fc.assert(
        fc.property(
          fc.oneof(fc.string(), fc.string({ unit: alphabet })),
          fc.option(fc.boolean(), { nil: undefined }),
          (text, dayFirst) => {
            const reading = readDate(text, { dayFirst });
            if (reading.kind === "error") expect(reading.shown).toBe(text.trim());
            else if (reading.kind === "value") expect(Number.isInteger(reading.value)).toBe(true);
            else expect(text.trim()).toBe("");
          }
        )
      );
    });
  });
});
