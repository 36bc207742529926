/**
 * Sums and figures of money in the action plan (budgets, costs, revenue objectives).
 *
 * Rule: money is summed in whole cents (each amount rounded to the cent, then added as integers) and
 * compared to the cent.
 * Why: the plan shows totals by means, by owner and overall, and the user checks that they add up,
 * as they would with SUM in Excel; adding floating-point euros in different orders can differ in the
 * last digit (0.1 + 0.2 ≠ 0.3) and a budget exactly on its envelope must not be flagged over it.
 * Whole cents are exact up to 90 thousand billion.
 */
import type { Language } from "../language";
import { decimalIn } from "../readingProblems";

/** Σ of the amounts, blanks (null) counting as nothing, exact to the cent. */
export function sumMoney(amounts: Iterable<number | null>): number {
  let cents = 0;
  for (const amount of amounts) if (amount !== null) cents += toCents(amount);
  return cents / 100;
}

/** True when `a` is above `b` by at least a cent. */
export function moneyAbove(a: number, b: number): boolean {
  return toCents(a) > toCents(b);
}

/**
 * `12 500`, `12 500.5`, `-300`: thousands grouped by a space, at most two decimals, the same in any
 * locale: the text of the checks and of the sheets, which must not change with the machine (the pane's
 * own figures follow the display locale, src/taskpane/format.ts). In French `12\u00a0500,5`: a decimal
 * comma and a no-break space, so that a figure never wraps inside a message.
 */
export function moneyText(value: number, language: Language = "en"): string {
  const cents = Math.abs(toCents(value));
  const whole = Math.floor(cents / 100);
  const fraction = cents % 100;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  const decimals = fraction === 0 ? "" : `.${String(fraction).padStart(2, "0").replace(/0$/, "")}`;
  const text = `${value < 0 && cents > 0 ? "-" : ""}${grouped}${decimals}`;
  return language === "fr" ? text.replace(/ /g, "\u00a0").replace(".", ",") : text;
}

/** A share as a whole percentage, `25 %` (one decimal under 10 %: `2.5 %`; `2,5\u00a0%` in French). */
export function percentText(share: number, language: Language = "en"): string {
  const percent = share * 100;
  const shown = Math.abs(percent) < 10 ? Math.round(percent * 10) / 10 : Math.round(percent);
  return language === "fr" ? `${decimalIn("fr", String(shown))}\u00a0%` : `${shown} %`;
}

function toCents(amount: number): number {
  return Math.round(amount * 100);
}
