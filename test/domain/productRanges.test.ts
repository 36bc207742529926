import { rangeKey } from "../../src/domain/productRanges";

describe("a range's name", () => {
  it("compares names without case, accents, spacing or closing full stops", () => {
    expect(rangeKey("Produit A.")).toBe(rangeKey("produit  a"));
    expect(rangeKey("Gamme Élite")).toBe("gamme elite");
    expect(rangeKey("Produit A")).not.toBe(rangeKey("Produit B"));
  });
});
