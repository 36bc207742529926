import { CATALOGUE, render, translate } from "../../src/taskpane/i18n/messages";
import { paneLanguageOf } from "../../src/taskpane/i18n/language";

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
