import { CATALOGUE, render, translate } from "../../src/taskpane/i18n/messages";
import { paneLanguageOf } from "../../src/taskpane/i18n/language";
import { typedOverQuestion } from "../../src/taskpane/longTask";
import { TypedOverError } from "../../src/excel/plan/typedOver";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();

describe("the pane's message catalogue", () => {
  it("has every key in both languages, none blank, with the same placeholders", () => {
    const en = CATALOGUE.en as Record<string, string>;
    const fr = CATALOGUE.fr as Record<string, string>;
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect([key, en[key].trim() !== "", fr[key].trim() !== ""]).toEqual([key, true, true]);
      expect([key, placeholders(fr[key])]).toEqual([key, placeholders(en[key])]);
    }
  });

  it("speaks French to a French Office and English to any other, in the display locale", () => {
    expect(translate("fr", "app.tab.team")).toBe("Équipe");
    expect(translate("en", "app.tab.team")).toBe("Team");
    expect(paneLanguageOf("fr-CA")).toEqual({ language: "fr", locale: "fr-CA" });
    // Words in English (no German catalogue), numbers and dates still in the display locale.
    expect(paneLanguageOf("de-DE")).toEqual({ language: "en", locale: "de-DE" });
    expect(paneLanguageOf(undefined)).toEqual({ language: "en", locale: "en-US" });
  });

  it("formats counts in the locale and picks the plural form", () => {
    const template = "{count, plural, one {# affaire lue} other {# affaires lues}} sur {sheet}";
    expect(render(template, { count: 1, sheet: "Ventes" }, "fr-FR")).toBe(
      "1 affaire lue sur Ventes"
    );
    expect(render(template, { count: 1048575, sheet: "Ventes" }, "fr-FR")).toBe(
      "1\u202f048\u202f575 affaires lues sur Ventes"
    );
    expect(render("{count, plural, one {# deal} other {# deals}}", { count: 0 }, "en-US")).toBe(
      "0 deals"
    );
  });
});

describe("the question before writing over typed cells", () => {
  const cells = ["G5", "G6", "G7", "G8", "G9", "G10", "G11"].map((at, i) => ({
    table: "CarnetPipeline",
    header: "Probability",
    address: `'Carnet Pipeline'!${at}`,
    typed: i === 1 ? null : 0.9,
    replacement: 0.5,
  }));

  it("says in English exactly what TypedOverError says", () => {
    for (const some of [cells.slice(0, 1), cells]) {
      const english = typedOverQuestion((key, params) => translate("en", key, params), some);
      expect(english).toBe(new TypedOverError(some).message);
    }
  });

  it("asks in French in a French pane", () => {
    const french = typedOverQuestion((key, params) => translate("fr", key, params), cells);
    expect(french).toBe(
      "Vous avez modifié 7 cellules de CarnetPipeline depuis le dernier calcul\u00a0: " +
        "'Carnet Pipeline'!G5 (Probability\u00a0: 0.9), 'Carnet Pipeline'!G6 (Probability\u00a0: effacée), " +
        "'Carnet Pipeline'!G7 (Probability\u00a0: 0.9), 'Carnet Pipeline'!G8 (Probability\u00a0: 0.9), " +
        "'Carnet Pipeline'!G9 (Probability\u00a0: 0.9) et 2 de plus. Un nouveau calcul y écrit ce que dit " +
        "la source. Copiez ce que vous avez saisi dans votre propre feuille (ou corrigez la source), puis " +
        "relancez le calcul, ou remplacez-les\u00a0; rien n'a été écrit."
    );
  });
});
