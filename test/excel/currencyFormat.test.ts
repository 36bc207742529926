import { PORTFOLIO_FIELDS, recogniseColumns } from "../../src/domain/columns";
import { currencyFormatFor } from "../../src/excel/plan/currencyFormat";
import type { SourceData } from "../../src/excel/plan/source";
import type { CellValue } from "../../src/domain/values";
import { TEN_RANGES_IN_CELLS } from "../support/ten-ranges";

const HEADERS = [
  "Product range",
  "Units sold",
  "Market volume",
  "Market share",
  "Sales",
  "Contribution margin",
];
const TEN = TEN_RANGES_IN_CELLS;

function sourceOf(headers: CellValue[], rows: CellValue[][]): SourceData {
  return {
    kind: "table",
    tableName: "T",
    sheet: "Products",
    row: 0,
    col: 0,
    address: `Products!A1:F${rows.length + 1}`,
    headers,
    rows,
    numberFormats: headers.map(() => "General"),
  };
}

describe("the matrix's money format (margin, then sales; whole units)", () => {
  const mapping = recogniseColumns(HEADERS, PORTFOLIO_FIELDS);
  const matrixCurrencyFormat = (source: SourceData | null) =>
    currencyFormatFor(source, [mapping.margin, mapping.sales], 0);

  it("keeps the workbook's currency format, else follows the sign typed in the amounts", () => {
    const formatted = {
      ...sourceOf(HEADERS, TEN),
      numberFormats: ["", "", "", "", "", '#,##0 "€";-#,##0 "€"'],
    };
    expect(matrixCurrencyFormat(formatted)).toBe('#,##0 "€";-#,##0 "€"');
    expect(matrixCurrencyFormat(sourceOf(HEADERS, TEN))).toBe('#,##0 "€"'); // Charlie's "12 500 €"
    expect(matrixCurrencyFormat(sourceOf(HEADERS, [["A", 1, 2, "", 3, "$4"]]))).toBe('"$"#,##0');
    expect(matrixCurrencyFormat(sourceOf(HEADERS, [["A", 1, 2, "", 3, 4]]))).toBe("#,##0");
    expect(currencyFormatFor(null, [], 0)).toBe("#,##0");
  });
});

describe("the forecast's money format (the amount column; cents)", () => {
  const headers = ["Date jalon", "Société", "Montant", "Probabilité"];
  const deals = (amounts: CellValue[]) =>
    sourceOf(
      headers,
      amounts.map((a) => ["", "X", a, 0.5])
    );
  const forecastFormat = (source: SourceData, amount: number | null = 2) =>
    currencyFormatFor(source, [amount], 2);

  it("keeps the workbook's currency format, else follows the sign typed in the amounts", () => {
    const formatted = { ...deals([1000]), numberFormats: ["", "", "[$€-40C] #,##0.00", ""] };
    expect(forecastFormat(formatted)).toBe("[$€-40C] #,##0.00");
    expect(forecastFormat(deals(["1 000 €", 2000]))).toBe('#,##0.00 "€"');
    expect(forecastFormat(deals(["$2,000"]))).toBe('"$"#,##0.00');
    expect(forecastFormat(deals(["£300"]))).toBe('"£"#,##0.00');
    expect(forecastFormat(deals([1000, 2000]))).toBe("#,##0.00");
    expect(forecastFormat(deals(["1 000 €"]), null)).toBe("#,##0.00"); // no amount column
  });

  it("looks for the sign in the first 50 rows only", () => {
    const amounts: CellValue[] = Array.from({ length: 50 }, () => 100);
    expect(forecastFormat(deals([...amounts, "100 €"]))).toBe("#,##0.00");
  });
});
