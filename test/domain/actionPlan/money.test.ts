import { moneyText, percentText, moneyAbove, sumMoney } from "../../../src/domain/actionPlan/money";

describe("money in the action plan", () => {
  it("sums to the cent, blanks counting as nothing", () => {
    expect(0.1 + 0.2).not.toBe(0.3); // why money.ts exists
    expect(sumMoney([0.1, 0.2])).toBe(0.3);
    expect(sumMoney([1000, null, 250.5])).toBe(1250.5);
    expect(sumMoney([])).toBe(0);
  });

  it("compares to the cent", () => {
    expect(moneyAbove(0.1 + 0.2, 0.3)).toBe(false);
    expect(moneyAbove(10000.01, 10000)).toBe(true);
  });

  it("writes amounts with thousands grouped by a space and at most two decimals", () => {
    expect(moneyText(12500)).toBe("12 500");
    expect(moneyText(1234567.5)).toBe("1 234 567.5");
    expect(moneyText(-300.25)).toBe("-300.25");
    expect(moneyText(999)).toBe("999");
    expect(moneyText(-0.001)).toBe("0");
  });

  it("writes shares as percentages", () => {
    expect(percentText(0.25)).toBe("25 %");
    expect(percentText(0.025)).toBe("2.5 %");
    expect(percentText(1.5)).toBe("150 %");
  });
});
