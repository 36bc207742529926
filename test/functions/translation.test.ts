/**
 * The build's French metadata check (scripts/functions-translation.ts): what the build writes into
 * functions-fr.json, and each way a translation can fall behind the functions, which fails the build.
 */
import * as fs from "fs";
import * as path from "path";
import { excelFunctionNames } from "../../scripts/excel-function-names";
import {
  type FunctionsMetadata,
  type FunctionsTranslation,
  localizeFunctions,
  translationError,
} from "../../scripts/functions-translation";

const ROOT = path.resolve(__dirname, "../..");

/** A small metadata file as the generator writes it: one function with two parameters. */
function metadata(): FunctionsMetadata {
  return {
    allowCustomDataForDataTypeAny: true,
    functions: [
      {
        id: "AMOUNT",
        name: "AMOUNT",
        description: "A money amount typed as text, read as a number.",
        parameters: [
          { name: "value", description: "The cell to read.", type: "any" },
          { name: "unit", description: "Thousands or units.", type: "any", optional: true },
        ],
        result: { type: "number" },
      },
      {
        id: "BRIER",
        name: "BRIER",
        description: "Brier score of win probabilities.",
        parameters: [{ name: "probabilities", description: "The probabilities.", type: "any" }],
        result: { type: "number" },
      },
    ],
  };
}

/** A translation the tests may edit (the module's types are read-only). */
interface Editable {
  name?: string;
  description?: string;
  parameters?: Record<string, { name?: string; description?: string }>;
}

function translation(): { functions: Record<string, Editable> } {
  return {
    functions: {
      AMOUNT: {
        name: "MONTANT",
        description: "Un montant saisi en texte, lu comme un nombre.",
        parameters: {
          value: { name: "valeur", description: "La cellule à lire." },
          unit: { name: "unité", description: "Milliers ou unités." },
        },
      },
      BRIER: {
        name: "SCORE_BRIER",
        description: "Score de Brier des probabilités de gain.",
        parameters: { probabilities: { name: "probabilités", description: "Les probabilités." } },
      },
    },
  };
}

const BUILT_INS = new Set(["SUM", "SOMME", "MONTH", "MOIS"]);

function problemsOf(t: FunctionsTranslation, m: FunctionsMetadata = metadata()): string[] {
  return [...localizeFunctions(m, t, BUILT_INS).problems];
}

describe("localizeFunctions", () => {
  it("writes the French names and descriptions over the same ids, types and options", () => {
    const { metadata: fr, problems } = localizeFunctions(metadata(), translation(), BUILT_INS);
    expect(problems).toEqual([]);
    expect(fr.allowCustomDataForDataTypeAny).toBe(true);
    expect(fr.functions[0]).toEqual({
      id: "AMOUNT",
      name: "MONTANT",
      description: "Un montant saisi en texte, lu comme un nombre.",
      parameters: [
        { name: "valeur", description: "La cellule à lire.", type: "any" },
        { name: "unité", description: "Milliers ou unités.", type: "any", optional: true },
      ],
      result: { type: "number" },
    });
    expect(fr.functions[1].name).toBe("SCORE_BRIER");
  });

  it("fails on a function without a translation, naming it", () => {
    const t = translation();
    delete t.functions.BRIER;
    expect(problemsOf(t)).toEqual(["BRIER: function has no French translation"]);
  });

  it("fails on a parameter without a translation, naming the function and the parameter", () => {
    const t = translation();
    t.functions.AMOUNT.parameters = {
      value: { name: "valeur", description: "La cellule à lire." },
    };
    expect(problemsOf(t)).toEqual(["AMOUNT(unit): parameter has no French translation"]);
  });

  it("fails on a missing or blank description, and on one left in English", () => {
    const t = translation();
    delete t.functions.AMOUNT.description;
    t.functions.BRIER.parameters = { probabilities: { name: "probabilités", description: " " } };
    expect(problemsOf(t)).toEqual([
      "AMOUNT: no French description",
      "BRIER(probabilities): no French description",
    ]);
    const english = translation();
    english.functions.BRIER.description = "Brier score of win probabilities.";
    expect(problemsOf(english)).toEqual(["BRIER: the French description is the English one"]);
  });

  it("fails on a missing French name, but a parameter may keep its English name", () => {
    const t = translation();
    delete t.functions.BRIER.name;
    t.functions.AMOUNT.parameters = {
      value: { description: "La cellule à lire." },
      unit: { name: "unité", description: "Milliers ou unités." },
    };
    const { metadata: fr, problems } = localizeFunctions(metadata(), t, BUILT_INS);
    expect(problems).toEqual(["BRIER: no French name"]);
    expect(fr.functions[0].parameters[0].name).toBe("value");
  });

  it("fails on stale entries: a function or a parameter that no longer exists", () => {
    const t = translation();
    t.functions.QUADRANT = { name: "QUADRANT_FR", description: "Ancienne fonction." };
    t.functions.BRIER.parameters = {
      probabilities: { name: "probabilités", description: "Les probabilités." },
      outcomes: { name: "résultats", description: "Ce qu'il est advenu." },
    };
    expect(problemsOf(t)).toEqual([
      "BRIER(outcomes): translated, but the function has no such parameter",
      "QUADRANT: translated, but no function has this id",
    ]);
  });

  it("fails on a French name that is an Excel function's name, in English or French", () => {
    const t = translation();
    t.functions.AMOUNT.name = "Somme";
    t.functions.BRIER.name = "MONTH";
    expect(problemsOf(t)).toEqual([
      'AMOUNT: "Somme" is the name of an Excel function (English or French)',
      'BRIER: "MONTH" is the name of an Excel function (English or French)',
    ]);
  });

  it("fails on names Microsoft's rules refuse, cell references, and names given twice", () => {
    const t = translation();
    t.functions.AMOUNT.name = "MONTANT TEXTE";
    t.functions.BRIER.name = "AB12";
    expect(problemsOf(t)).toEqual([
      'AMOUNT: "MONTANT TEXTE" is not a valid function name (a letter first, then letters, digits, "." or "_"; 3 to 128 characters)',
      'BRIER: "AB12" reads as a cell reference',
    ]);
    const twice = translation();
    twice.functions.BRIER.name = "MONTANT";
    expect(problemsOf(twice)).toEqual(['BRIER: "MONTANT" is also the French name of AMOUNT']);
    const english = translation();
    english.functions.AMOUNT.name = "BRIER";
    expect(problemsOf(english)).toEqual(['AMOUNT: "BRIER" is the English name of BRIER']);
  });

  it("says in the build error which file to fix and every problem", () => {
    expect(translationError("src/domain/functions.fr.json", ["A: x", "B: y"])).toBe(
      "src/domain/functions.fr.json does not match the custom functions:\n  - A: x\n  - B: y"
    );
  });
});

describe("the shipped French translation", () => {
  const shipped = JSON.parse(
    fs.readFileSync(path.join(ROOT, "src/domain/functions.fr.json"), "utf8")
  ) as FunctionsTranslation;

  it("avoids every Excel function name the build checks against", () => {
    const names = excelFunctionNames();
    // The list is the real one: Excel's names in both languages are in it.
    for (const builtIn of ["SUM", "SOMME", "QUARTILE", "CENTILE", "PROB", "PROBABILITE", "NB.SI"])
      expect(names.has(builtIn)).toBe(true);
    const french = Object.values(shipped.functions ?? {}).map((f) => f.name!);
    expect(french.sort()).toEqual([
      "CASE_MATRICE",
      "CLASSE_ABC",
      "MONTANT",
      "PIPELINE_PONDERE",
      "PROBA_PIPELINE",
      "QUANTILE_PIPELINE",
      "SCORE_BRIER",
    ]);
    for (const name of french)
      expect({ name, builtIn: names.has(name) }).toEqual({ name, builtIn: false });
  });
});
