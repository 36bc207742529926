import {
  completeMapping,
  missingFields,
  normaliseHeader,
  PIPELINE_FIELDS,
  PORTFOLIO_FIELDS,
  recogniseColumns,
} from "../../src/domain/columns";
import { HEADERS_EN, HEADERS_FR } from "../support/portfolio";

describe("recognising pipeline columns from headers", () => {
  it("maps the handbook's French headers (Tableau 399)", () => {
    const mapping = recogniseColumns(
      ["Date jalon", "Société", "Interlocuteur", "Nature", "Montant", "Probabilité"],
      PIPELINE_FIELDS
    );
    expect(mapping).toMatchObject({
      closeDate: 0,
      company: 1,
      contact: 2,
      product: 3,
      amount: 4,
      probability: 5,
    });
    expect(mapping.owner).toBeNull();
  });

  it("maps an English CRM export in another order", () => {
    const headers = [
      "Id",
      "Account",
      "Owner",
      "Stage",
      "Amount",
      "Probability",
      "Close Date",
      "Forecast Category",
      "Product",
      "Contact",
    ];
    expect(recogniseColumns(headers, PIPELINE_FIELDS)).toEqual({
      id: 0,
      company: 1,
      owner: 2,
      stage: 3,
      amount: 4,
      probability: 5,
      closeDate: 6,
      category: 7,
      product: 8,
      contact: 9,
    });
  });

  it("prefers exact names and accepts qualified ones ('Montant HT (€)')", () => {
    const mapping = recogniseColumns(
      ["Commercial", "Montant HT (€)", "Étape", "Catégorie"],
      PIPELINE_FIELDS
    );
    expect(mapping).toMatchObject({ owner: 0, amount: 1, stage: 2, category: 3 });
  });

  it("normalises accents, case, spaces and closing punctuation", () => {
    expect(normaliseHeader("  Probabilité. ")).toBe("probabilite");
    expect(normaliseHeader("Date\u00a0jalon:")).toBe("date jalon");
  });

  it("says which required columns are missing", () => {
    expect(
      missingFields(recogniseColumns(["Société", "Nature"], PIPELINE_FIELDS), PIPELINE_FIELDS)
    ).toEqual(["Amount"]);
  });
});

describe("recognising a product-range table's headers", () => {
  const fields = ["range", "volume", "marketVolume", "marketShare", "sales", "margin"] as const;
  const pick = (headers: string[]) => {
    const mapping = recogniseColumns(headers, PORTFOLIO_FIELDS);
    return fields.map((f) => mapping[f]);
  };

  it("in French and in English", () => {
    expect(pick(HEADERS_FR)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(pick(HEADERS_EN)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(pick(["Range", "Volume", "Market size", "Market share", "Revenue", "Margin"])).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
    expect(
      pick([
        "Product line",
        "Quantité vendue",
        "Volume du marché",
        "PDM",
        "CA",
        "Marge de contribution",
      ])
    ).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("tells the market's volume and the leader's share from the range's own, whatever the column order", () => {
    const headers = [
      "Volume du marché (unités)",
      "Part de marché du leader (%)",
      "Gamme de produits",
      "Volume des ventes (unités)",
      "Part de marché (%)",
      "Chiffre d’affaires HT",
      "Marge de contribution (€)",
    ];
    const mapping = recogniseColumns(headers, PORTFOLIO_FIELDS);
    expect(mapping).toEqual({
      marketVolume: 0,
      leaderShare: 1,
      range: 2,
      volume: 3,
      marketShare: 4,
      sales: 5,
      margin: 6,
    });
  });
});

describe("a mapping the user confirmed", () => {
  it("is completed by recognition for the fields it lacks, never giving a column twice", () => {
    const recognised = { company: 0, amount: 2, stage: 1, owner: 5 };
    expect(completeMapping({ company: 0, amount: 1 }, recognised)).toEqual({
      company: 0,
      amount: 1,
      stage: null, // column 1 is the user's Amount
      owner: 5,
    });
    // The user's "none" stays none.
    expect(completeMapping({ owner: null }, recognised)).toEqual({ ...recognised, owner: null });
  });
});
