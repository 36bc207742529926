import { columnChoices } from "../../src/taskpane/columnChoices";

describe("the column choices of the mapping picker", () => {
  it("name each column by its header, and a column without one by its letter in the sheet", () => {
    // A table whose header row starts in column B: its columns are B, C, D, E, F.
    const labels = columnChoices(["Company", "", null, "  ", "Amount"], 1).map((c) => c.label);
    expect(labels).toEqual([
      "Company",
      "Column C (no header)",
      "Column D (no header)",
      "Column E (no header)",
      "Amount",
    ]);
  });

  it("give each choice the column's index in the table as its value", () => {
    expect(columnChoices(["Amount", "Probability"], 3)).toEqual([
      { value: "0", label: "Amount" },
      { value: "1", label: "Probability" },
    ]);
  });

  it("tell two columns under the same header apart by their letters", () => {
    const labels = columnChoices(["Montant", "Société", " Montant "], 0).map((c) => c.label);
    expect(labels).toEqual(["Montant (column A)", "Société", "Montant (column C)"]);
  });

  it("show a header typed as a number or a logical value as Excel shows it", () => {
    expect(columnChoices([2003, true], 0).map((c) => c.label)).toEqual(["2003", "TRUE"]);
  });
});
