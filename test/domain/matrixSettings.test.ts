import {
  DEFAULT_MATRIX_SETTINGS,
  DEFAULT_STRENGTH_CUTS,
  type MatrixSettings,
  settingsProblem,
} from "../../src/domain/matrixSettings";

describe("the matrix settings", () => {
  const settings = (changes: Partial<MatrixSettings>): MatrixSettings => ({
    ...DEFAULT_MATRIX_SETTINGS,
    ...changes,
  });

  it("default to market share cut at 10 % and 25 %, ABC at 80 / 95", () => {
    expect(DEFAULT_MATRIX_SETTINGS).toEqual({
      measure: "share",
      strengthCuts: { low: 0.1, high: 0.25 },
      abcShares: { a: 0.8, b: 0.95 },
    });
    expect(settingsProblem(DEFAULT_MATRIX_SETTINGS)).toBeNull();
    expect(
      settingsProblem(
        settings({ measure: "relative", strengthCuts: DEFAULT_STRENGTH_CUTS.relative })
      )
    ).toBeNull();
  });

  it("say what is wrong", () => {
    expect(settingsProblem(settings({ strengthCuts: { low: 0.25, high: 0.1 } }))).toBe(
      "the low cut-off 0.25 is above the high cut-off 0.1"
    );
    expect(settingsProblem(settings({ strengthCuts: { low: 10, high: 25 } }))).toBe(
      "the high cut-off 25 is above 100 %: write 25% or 0.25"
    );
    expect(settingsProblem(settings({ strengthCuts: { low: -0.1, high: 0.25 } }))).toBe(
      "the low cut-off -0.1 is below 0: a market share cannot be negative"
    );
    expect(settingsProblem(settings({ abcShares: { a: 0.95, b: 0.8 } }))).toBe(
      "the A share 0.95 must be below the B share 0.8"
    );
    expect(settingsProblem(settings({ measure: "volume" as never }))).toBe(
      'the strength measure "volume" is not known: use share or relative'
    );
    // A relative share may pass 1 (a leader): a high cut of 1.5 is fine there.
    expect(
      settingsProblem(settings({ measure: "relative", strengthCuts: { low: 1, high: 1.5 } }))
    ).toBeNull();
  });

  it("say what is wrong in French, figures with a decimal comma", () => {
    const NBSP = "\u00a0";
    const fr = { language: "fr" } as const;
    expect(settingsProblem(settings({ strengthCuts: { low: 0.25, high: 0.1 } }), fr)).toBe(
      "le seuil bas 0,25 dépasse le seuil haut 0,1"
    );
    expect(settingsProblem(settings({ strengthCuts: { low: 10, high: 25 } }), fr)).toBe(
      `le seuil haut 25 dépasse 100${NBSP}%${NBSP}: écrivez 25${NBSP}% ou 0,25`
    );
    expect(settingsProblem(settings({ strengthCuts: { low: 10, high: 250 } }), fr)).toBe(
      `le seuil haut 250 dépasse 100${NBSP}%${NBSP}: une part de marché vaut au plus 100${NBSP}%`
    );
    expect(
      settingsProblem(settings({ measure: "relative", strengthCuts: { low: -0.5, high: 1 } }), fr)
    ).toBe(
      `le seuil bas -0,5 est en dessous de 0${NBSP}: une part relative ne peut pas être négative`
    );
    expect(settingsProblem(settings({ abcShares: { a: 0.95, b: 0.8 } }), fr)).toBe(
      "la part A 0,95 doit être en dessous de la part B 0,8"
    );
    expect(settingsProblem(settings({ measure: "volume" as never }), fr)).toBe(
      `la mesure des atouts "volume" est inconnue${NBSP}: choisissez share (part de marché) ou relative (part relative)`
    );
  });
});
