/**
 * The functions' own messages in English and French (src/functions/messages.ts): one catalogue, the
 * language picked from what the runtime offers, and MATRIX_QUADRANT's French names when asked.
 */
import {
  abcClass,
  amount,
  brier,
  matrixQuadrant,
  pipelineProbability,
  pipelineQuantile,
  weightedPipeline,
} from "../../src/functions/functions";
import {
  FUNCTION_MESSAGES,
  functionMessage,
  functionsLanguage,
} from "../../src/functions/messages";
import { CustomFunctionError } from "../../src/workbench/custom-functions-shim";
import { PLAN_MESSAGES } from "../../src/domain/actionPlan/planMessages";
import { RANGE_MESSAGES } from "../../src/domain/rangeMessages";
import { READING_PROBLEMS } from "../../src/domain/readingProblems";
import { SNAPSHOT_MESSAGES } from "../../src/domain/snapshotMessages";
import { SETTINGS_MESSAGES } from "../../src/excel/plan/settingsMessages";
import { TEAM_SHEET_MESSAGES } from "../../src/excel/plan/teamMessages";

const col = (...cells: unknown[]) => cells.map((c) => [c]);
const omitted = null as unknown as undefined;

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CustomFunctionError);
    return (error as CustomFunctionError).message;
  }
  throw new Error("expected an error");
}

/** Runs `body` with Office reporting `displayLanguage`, as a shared runtime or the workbench would. */
function withDisplayLanguage<T>(displayLanguage: string, body: () => T): T {
  const global = globalThis as { Office?: unknown };
  const before = global.Office;
  global.Office = { context: { displayLanguage } };
  try {
    return body();
  } finally {
    if (before === undefined) delete global.Office;
    else global.Office = before;
  }
}

describe("the functions' language", () => {
  it("is Office's display language when the runtime has Office.js", () => {
    expect(functionsLanguage({ Office: { context: { displayLanguage: "fr-FR" } } })).toBe("fr");
    expect(functionsLanguage({ Office: { context: { displayLanguage: "fr-CA" } } })).toBe("fr");
    expect(
      functionsLanguage({
        Office: { context: { displayLanguage: "en-GB" } },
        navigator: { language: "fr-FR" },
      })
    ).toBe("en");
  });

  it("is the browser's language when Office has no context (Excel on the web's functions page)", () => {
    expect(functionsLanguage({ Office: {}, navigator: { language: "fr-BE" } })).toBe("fr");
    expect(functionsLanguage({ navigator: { language: "en-US" } })).toBe("en");
  });

  it("is English when nothing tells (Excel's JavaScript-only runtime) or the language is neither", () => {
    expect(functionsLanguage({})).toBe("en");
    expect(functionsLanguage({ navigator: { language: "de-DE" } })).toBe("en");
    const throwing = {
      get Office(): never {
        throw new Error("Office.context read before Office.onReady");
      },
    };
    expect(functionsLanguage(throwing)).toBe("en");
  });
});

describe("the functions' catalogue", () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it("has every message in both languages with the same placeholders, none blank", () => {
    expect(Object.keys(FUNCTION_MESSAGES.fr).sort()).toEqual(
      Object.keys(FUNCTION_MESSAGES.en).sort()
    );
    for (const key of Object.keys(FUNCTION_MESSAGES.en) as (keyof typeof FUNCTION_MESSAGES.en)[]) {
      expect({ key, fr: placeholders(FUNCTION_MESSAGES.fr[key]) }).toEqual({
        key,
        fr: placeholders(FUNCTION_MESSAGES.en[key]),
      });
      expect(FUNCTION_MESSAGES.fr[key].trim()).not.toBe("");
    }
  });

  it("writes French as the other catalogues do: a no-break space before : ; and %", () => {
    const frenchCatalogues = {
      functions: FUNCTION_MESSAGES.fr,
      readers: READING_PROBLEMS.fr,
      plan: PLAN_MESSAGES.fr,
      settings: SETTINGS_MESSAGES.fr,
      ranges: RANGE_MESSAGES.fr,
      snapshots: SNAPSHOT_MESSAGES.fr,
      team: TEAM_SHEET_MESSAGES.fr,
    };
    const plainSpaced = Object.entries(frenchCatalogues).flatMap(([name, messages]) =>
      Object.entries(messages)
        .filter(([, text]) => / [:;]|[\d}] %/.test(text))
        .map(([key]) => `${name}: ${key}`)
    );
    expect(plainSpaced).toEqual([]);
    expect(functionMessage("target.blank", {}, "fr")).toBe(
      "objectif est vide\u00a0: donnez le total à atteindre"
    );
  });

  it("formats numbers in the message's language", () => {
    expect(functionMessage("q.outOfRange", { value: 1.5 }, "en")).toBe(
      "q 1.5 must lie strictly between 0 and 1 (e.g. 10% for P10)"
    );
    expect(functionMessage("q.outOfRange", { value: 1.5 }, "fr")).toBe(
      "q 1,5 doit être strictement entre 0 et 1 (par exemple 10\u00a0% pour P10)"
    );
  });
});

describe("error messages from the functions", () => {
  const amounts = col(1000, 2000);
  const probabilities = col(0.2, 0.5);

  it("stay in English without a French display language", () => {
    expect(messageOf(() => pipelineQuantile(amounts, probabilities, 1.5))).toBe(
      "q 1.5 must lie strictly between 0 and 1 (e.g. 10% for P10)"
    );
    expect(messageOf(() => pipelineProbability(amounts, probabilities, null))).toBe(
      "target is blank: give the total to reach"
    );
  });

  it("are French when Office's display language is French, naming the argument in French", () => {
    withDisplayLanguage("fr-FR", () => {
      expect(messageOf(() => pipelineQuantile(amounts, probabilities, 1.5))).toBe(
        "q 1,5 doit être strictement entre 0 et 1 (par exemple 10\u00a0% pour P10)"
      );
      expect(messageOf(() => pipelineProbability(amounts, probabilities, null))).toBe(
        "objectif est vide\u00a0: donnez le total à atteindre"
      );
      expect(messageOf(() => pipelineProbability(amounts, probabilities, [[1], [2]]))).toBe(
        "objectif doit être une seule valeur, pas une plage de 2 cellules"
      );
      expect(messageOf(() => weightedPipeline(amounts, probabilities, omitted, "2003-04-04"))).toBe(
        "une date de début ou de fin demande la plage dates_jalon pour filtrer les affaires"
      );
      expect(messageOf(() => brier(col(null), col(null)))).toBe(
        "aucune prévision à évaluer\u00a0: chaque paire de cellules est vide"
      );
    });
  });

  it("say where in French: the cell's position, the axis, the cut", () => {
    withDisplayLanguage("fr-FR", () => {
      const cells = abcClass(col(3, "douze"));
      expect((cells[1][0] as unknown as CustomFunctionError).message).toBe(
        "valeur douze en position 2 n'est pas un nombre"
      );
      expect(messageOf(() => matrixQuadrant(col(1, "x"), col(1, 1)))).toBe(
        "atouts x en position 2 n'est pas un nombre"
      );
      expect(messageOf(() => matrixQuadrant([[1]], [["D"]]))).toBe(
        "attraits D en position 1 n'est pas un nombre (ou une classe ABC\u00a0: A, B ou C)"
      );
      expect(messageOf(() => matrixQuadrant([[1]], [[1]], [[1, 2, 3]]))).toBe(
        "les seuils des atouts demandent deux cellules {bas, haut}, pas 3"
      );
      expect(messageOf(() => matrixQuadrant([[1]], [[1]], [[0.5, 0.2]]))).toBe(
        "seuils des atouts\u00a0: le seuil bas 0,5 dépasse le seuil haut 0,2"
      );
      expect(messageOf(() => matrixQuadrant([[1]], [[1]], omitted, [[null, 2]]))).toBe(
        "le seuil bas des attraits est vide"
      );
      expect(messageOf(() => matrixQuadrant(col(1, 2), [[1, 2, 3]]))).toBe(
        "atouts a 2×1 cellules et attraits 1×3\u00a0: donnez des plages de même forme"
      );
      expect(messageOf(() => matrixQuadrant(col(1, null), col(1, 2)))).toBe(
        "atouts en position 2 est vide\u00a0: une gamme a besoin des deux"
      );
      expect(messageOf(() => amount("douze"))).toMatch(/^montant douze /);
    });
  });

  it("say the domain's reading problems in French too, examples written the French way", () => {
    withDisplayLanguage("fr-FR", () => {
      expect(messageOf(() => amount("dix"))).toBe("montant dix n'est pas un nombre");
      expect(messageOf(() => amount("12,500"))).toBe(
        "montant 12,500 se lit de deux façons\u00a0: 12,500 peut valoir 12\u00a0500 ou 12,5\u00a0; écrivez 12\u00a0500 ou 12,5"
      );
      expect(messageOf(() => pipelineQuantile(amounts, probabilities, "20 €"))).toBe(
        "q 20 € est un montant, pas une part"
      );
      expect(
        messageOf(() => weightedPipeline(amounts, probabilities, col(null, null), "04/05/2003"))
      ).toBe(
        "date de début 04/05/2003 se lit de deux façons\u00a0: 04/05/2003 peut être le 4 mai ou le 5 avril\u00a0; écrivez 2003-05-04 ou 2003-04-05"
      );
      expect(messageOf(() => abcClass(col(1), "-5 %"))).toBe(
        "part_a -5 % est en dessous de 0\u00a0: une part ne peut pas être négative"
      );
    });
    // The same calls in English, word for word as before.
    expect(messageOf(() => amount("dix"))).toBe("amount dix is not a number");
    expect(messageOf(() => pipelineQuantile(amounts, probabilities, "20 €"))).toBe(
      "q 20 € is an amount, not a share"
    );
  });
});

describe("MATRIX_QUADRANT in French", () => {
  const shares = col(0.3, 0.15, 0.05);
  const cuts = [[0.1, 0.25]];

  it("names the nine-box cells and the zones in French when language is fr", () => {
    expect(matrixQuadrant(shares, [["A"]], cuts, omitted, omitted, "fr")).toEqual(
      col("Protéger sa position", "Investir pour se développer", "Se développer sélectivement")
    );
    expect(matrixQuadrant(shares, col("A", "B", "C"), cuts, omitted, "zone", "fr")).toEqual(
      col("Investir", "Sélectivité", "Récolter / abandonner")
    );
    expect(matrixQuadrant(shares, col("A", "B", "C"), cuts, omitted, "case", "Français")).toEqual(
      col("Protéger sa position", "Sélectivité / gérer pour la rentabilité", "Abandonner")
    );
  });

  it("stays English by default, whatever the display language: a cell's value must not move", () => {
    withDisplayLanguage("fr-FR", () => {
      expect(matrixQuadrant(shares, col("A", "B", "C"), cuts, omitted, "zone")).toEqual(
        col("Invest / grow", "Selectivity", "Harvest / divest")
      );
    });
    expect(matrixQuadrant([[0.3]], [["A"]], cuts, omitted, omitted, "en-US")).toEqual([
      ["Protect position"],
    ]);
  });

  it("refuses a language it does not know, saying which it knows", () => {
    expect(messageOf(() => matrixQuadrant([[1]], [[1]], omitted, omitted, omitted, "de"))).toBe(
      'language "de" is not known: write "en" or "fr"'
    );
    withDisplayLanguage("fr-FR", () =>
      expect(messageOf(() => matrixQuadrant([[1]], [[1]], omitted, omitted, "couleur"))).toBe(
        'le style "couleur" est inconnu\u00a0: écrivez "case" ou "zone"'
      )
    );
  });
});
