import { formatGeneral, formatValue, serialToDate } from "../../../src/workbench/sim/number-format";

describe("Range.text formatting", () => {
  it("shows General numbers as Excel does: no float noise, scientific past 11 digits", () => {
    expect(formatGeneral(0.1 + 0.2)).toBe("0.3");
    expect(formatGeneral(4200)).toBe("4200");
    expect(formatGeneral(-1.5)).toBe("-1.5");
    expect(formatGeneral(123456789012)).toBe("1.23457E+11");
    expect(formatGeneral(0.00000000012)).toBe("1.2E-10");
  });

  it("applies decimals, thousands separators, percentages and currency literals", () => {
    expect(formatValue(4200, "#,##0")).toBe("4,200");
    expect(formatValue(-1234.567, "#,##0.00")).toBe("-1,234.57");
    expect(formatValue(0.075, "0.0%")).toBe("7.5%");
    expect(formatValue(0.2, "0%")).toBe("20%");
    expect(formatValue(1000, '#,##0 "€"')).toBe("1,000 €");
    expect(formatValue(1000, "$#,##0.00")).toBe("$1,000.00");
  });

  it("reads serial numbers as dates in the 1900 system", () => {
    // 4 April 2003, the handbook's milestone date, is serial 37715.
    expect(serialToDate(37715).toISOString()).toBe("2003-04-04T00:00:00.000Z");
    expect(formatValue(37715, "m/d/yyyy")).toBe("4/4/2003");
    expect(formatValue(37715, "dd/mm/yyyy")).toBe("04/04/2003");
    expect(formatValue(37715, "d mmmm yyyy")).toBe("4 April 2003");
    expect(formatValue(37715.5, "yyyy-mm-dd hh:mm")).toBe("2003-04-04 12:00");
    expect(formatValue(0.75, "h:mm AM/PM")).toBe("6:00 PM");
  });

  it("leaves text and booleans as Excel shows them", () => {
    expect(formatValue("Acme", "0.00")).toBe("Acme");
    expect(formatValue(true, "General")).toBe("TRUE");
  });
});
