/**
 * Helpers shared by the portfolio's domain tests: the ten-range workbook read under English or French
 * headers, rows by range name, and a deal with only the fields a test cares about.
 */
import { PORTFOLIO_FIELDS, recogniseColumns } from "../../src/domain/columns";
import type { Deal, ForecastCategory } from "../../src/domain/deal";
import { readPortfolioRows } from "../../src/domain/productRangeTable";
import { RANGE_HEADERS_FR, TEN_RANGES } from "./ten-ranges";

export const HEADERS_EN = [
  "Product range",
  "Units sold",
  "Market volume",
  "Market share",
  "Sales",
  "Contribution margin",
];
export const HEADERS_FR = RANGE_HEADERS_FR;

export function readTen(headers = HEADERS_EN) {
  return readPortfolioRows(TEN_RANGES, recogniseColumns(headers, PORTFOLIO_FIELDS));
}

export function byName<T extends { range: { name: string } }>(
  rows: readonly T[]
): Record<string, T> {
  return Object.fromEntries(rows.map((row) => [row.range.name, row]));
}

export function deal(
  fields: Partial<Deal> & { product: string | null; category: ForecastCategory | null }
): Deal {
  return {
    row: 0,
    id: null,
    closeDate: null,
    company: null,
    contact: null,
    amount: 1000,
    probability: 0.5,
    probabilitySource: "deal",
    owner: null,
    stage: null,
    issues: [],
    ...fields,
  };
}
