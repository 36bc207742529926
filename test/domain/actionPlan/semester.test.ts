import fc from "fast-check";
import { serialFromYmd } from "../../../src/domain/dates";
import {
  isSemester,
  nextSemester,
  previousSemester,
  semesterBounds,
  semesterForm,
  semesterFromText,
  semesterLabel,
  semesterOf,
} from "../../../src/domain/actionPlan/semester";

// Hand-computed serials: 2025-01-01 is 45658, + 365 + 365 → 2027-01-01 is 46388.
const JAN_1_2027 = 46388;

describe("semesters with a calendar year (domain.md: S1 January–June, S2 July–December)", () => {
  it("bounds 2027-S1 from 1 January to 30 June 2027", () => {
    // January to June 2027: 31 + 28 + 31 + 30 + 31 + 30 = 181 days.
    expect(semesterBounds("2027-S1")).toEqual({ start: JAN_1_2027, end: JAN_1_2027 + 180 });
  });

  it("bounds 2027-S2 from 1 July to 31 December 2027", () => {
    expect(semesterBounds("2027-S2")).toEqual({ start: 46569, end: 46752 });
  });

  it("puts 30 June in S1 and 1 July in S2", () => {
    expect(semesterOf(46568)).toBe("2027-S1");
    expect(semesterOf(46569)).toBe("2027-S2");
    expect(semesterOf(JAN_1_2027 - 1)).toBe("2026-S2"); // 31 December 2026
  });

  it("ignores a time of day in the serial", () => {
    expect(semesterOf(46568.99)).toBe("2027-S1");
  });

  it("gives a leap year's S1 its 182 days", () => {
    const { start, end } = semesterBounds("2028-S1");
    expect(end - start + 1).toBe(182);
  });
});

describe("semesters with a fiscal year starting in April", () => {
  it("bounds 2027-S1 from 1 April to 30 September 2027", () => {
    // 1 April 2027 = 46388 + 31 + 28 + 31; 1 October = 46388 + 273.
    expect(semesterBounds("2027-S1", 4)).toEqual({ start: 46478, end: 46660 });
  });

  it("bounds 2027-S2 from 1 October 2027 to 31 March 2028, across the calendar year", () => {
    // 1 January 2028 = 46753; 1 April 2028 = 46753 + 31 + 29 + 31 = 46844.
    expect(semesterBounds("2027-S2", 4)).toEqual({ start: 46661, end: 46843 });
  });

  it("labels February 2028 as 2027-S2 and March 2027 as 2026-S2", () => {
    expect(semesterOf(46798, 4)).toBe("2027-S2"); // 15 February 2028
    expect(semesterOf(46477, 4)).toBe("2026-S2"); // 31 March 2027
    expect(semesterOf(46478, 4)).toBe("2027-S1"); // 1 April 2027
  });

  it("refuses a first month outside 1–12", () => {
    expect(() => semesterOf(JAN_1_2027, 13)).toThrow(RangeError);
    expect(() => semesterBounds("2027-S1", 0)).toThrow(/1 to 12/);
  });
});

describe("the semester after and before", () => {
  it("goes from S2 to the next year's S1 and back", () => {
    expect(nextSemester("2027-S1")).toBe("2027-S2");
    expect(nextSemester("2027-S2")).toBe("2028-S1");
    expect(previousSemester("2028-S1")).toBe("2027-S2");
    expect(previousSemester("2027-S2")).toBe("2027-S1");
  });

  it("refuses a malformed label, saying how to write one", () => {
    expect(() => nextSemester("S1 2027")).toThrow(/write it as 2027-S1/);
    expect(() => semesterBounds("2027-S3")).toThrow(RangeError);
  });
});

describe("semester labels", () => {
  it("accepts only YYYY-S1 and YYYY-S2", () => {
    expect(isSemester("2027-S1")).toBe(true);
    expect(isSemester("2027-S2")).toBe(true);
    for (const bad of [
      "2027-S3",
      "2027-s1",
      " 2027-S1",
      "27-S1",
      "2027S1",
      "2027-1",
      "",
      "1899-S2",
    ]) {
      expect(isSemester(bad)).toBe(false);
    }
  });

  it("forgives spaces and a lower-case s in what a user typed, and reads a French workbook's S2 2027; nothing else", () => {
    expect(semesterFromText(" 2027-s2 ")).toBe("2027-S2");
    expect(semesterFromText("S2 2027")).toBe("2027-S2");
    expect(semesterFromText(" s1 2027 ")).toBe("2027-S1");
    for (const bad of ["S3 2027", "T1 2027", "2027-1", "1er semestre 2027", "S1 1899"])
      expect(semesterFromText(bad)).toBeNull();
  });

  it("shows a semester as each language writes it, and tells which form a text is in", () => {
    expect(semesterLabel("2027-S1", "en")).toBe("2027-S1");
    expect(semesterLabel("2027-S2", "fr")).toBe("S2 2027");
    expect(semesterFromText(semesterLabel("2031-S1", "fr"))).toBe("2031-S1");
    expect(semesterForm(" 2027-s1")).toBe("en");
    expect(semesterForm("S1 2027")).toBe("fr");
    expect(semesterForm("T1 2027")).toBeNull();
  });
});

describe("semesters tile the calendar", () => {
  it("every day lies in the bounds of its semester, for any fiscal start", () => {
    const first = serialFromYmd(1950, 1, 1);
    const last = serialFromYmd(2200, 12, 31);
    fc.assert(
      fc.property(
        fc.integer({ min: first, max: last }),
        fc.integer({ min: 1, max: 12 }),
        (day, m) => {
          const s = semesterOf(day, m);
          const { start, end } = semesterBounds(s, m);
          expect(start <= day && day <= end).toBe(true);
          expect(semesterBounds(nextSemester(s), m).start).toBe(end + 1);
          expect(previousSemester(nextSemester(s))).toBe(s);
        }
      )
    );
  });
});
