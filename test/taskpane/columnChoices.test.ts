import { PIPELINE_FIELDS, PORTFOLIO_FIELDS } from "../../src/domain/columns";
import { columnChoices, fieldLabel } from "../../src/taskpane/columnChoices";
import { CATALOGUE } from "../../src/taskpane/i18n/messages";
import { wordsIn } from "../../src/taskpane/words";

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

describe("in a French pane", () => {
  const { t } = wordsIn("fr");

  it("name a column without a header, or under a repeated one, in French", () => {
    const labels = columnChoices(["Montant", "", "Montant"], 0, t).map((c) => c.label);
    expect(labels).toEqual([
      "Montant (colonne A)",
      "Colonne B (sans en-tête)",
      "Montant (colonne C)",
    ]);
  });

  it("label every field Carnet reads in French, its English being the domain's label", () => {
    for (const spec of [...PIPELINE_FIELDS, ...PORTFOLIO_FIELDS]) {
      // Every field has its message (not the domain's label as a fallback), English word for word.
      expect([spec.field, `app.field.${spec.field}` in CATALOGUE.fr]).toEqual([spec.field, true]);
      expect(fieldLabel(spec)).toBe(spec.label);
      // The domain's French label (the reading's problems name the field with it) is the pane's.
      expect([spec.field, fieldLabel(spec, t)]).toEqual([spec.field, spec.labelFr]);
    }
    const french = (field: string) =>
      fieldLabel(
        [...PIPELINE_FIELDS, ...PORTFOLIO_FIELDS].find((s) => s.field === field)!,
        t
      );
    expect([french("closeDate"), french("owner"), french("margin")]).toEqual([
      "Date jalon",
      "Commercial",
      "Marge",
    ]);
  });
});
