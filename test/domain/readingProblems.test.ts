/**
 * The readers' problems in French: each message of readingProblems.ts worked through the reader that
 * says it, with the inputs of the English tests (values.test.ts, dates.test.ts, pipelineTable.test.ts),
 * and the catalogue's parity. English is what those tests assert, word for word.
 */
import { PIPELINE_FIELDS, recogniseColumns } from "../../src/domain/columns";
import { readDate } from "../../src/domain/dates";
import type { Language } from "../../src/domain/language";
import {
  pipelineDeals,
  periodFilterProblem,
  type PipelineColumns,
} from "../../src/domain/pipeline";
import { issueText, readPipelineRows } from "../../src/domain/pipelineTable";
import { forecastPairs } from "../../src/domain/team/brierInput";
import { READING_PROBLEMS, type ReadingProblemKey } from "../../src/domain/readingProblems";
import { DEFAULT_STAGE_TABLE } from "../../src/domain/stages";
import {
  type CellValue,
  describeProblem,
  readAmount,
  readNumber,
  readProbability,
  readShare,
  type Reading,
} from "../../src/domain/values";

const fr = { language: "fr" as Language };

function problemOf(reading: Reading<number>): string {
  if (reading.kind !== "error")
    throw new Error(`expected an error, got ${JSON.stringify(reading)}`);
  return reading.problem;
}

/** A French pipeline reading of `table` (first row the headers), its report as the pane prints it. */
function frenchReport(table: unknown[][]) {
  const [headers, ...rows] = table as CellValue[][];
  const reading = readPipelineRows(rows, recogniseColumns(headers, PIPELINE_FIELDS), {
    stageTable: DEFAULT_STAGE_TABLE,
    header: headers,
    language: "fr",
  });
  const lines = reading.issues.map((i) =>
    issueText(i, i.col === null ? `Feuil1!A${i.row + 2}:F${i.row + 2}` : `C${i.row + 2}`, "fr")
  );
  return { reading, lines };
}

const col = (...cells: CellValue[]) => cells.map((c) => [c]);

/** What a function's columns say in French (WEIGHTED_PIPELINE's reading of them). */
function columnsProblem(columns: PipelineColumns): string {
  try {
    pipelineDeals(columns, undefined, "fr");
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a problem");
}

function brierProblem(probabilities: CellValue[], outcomes: CellValue[]): string {
  try {
    forecastPairs(col(...probabilities), col(...outcomes), "fr");
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a problem");
}

const HEADER_REPEATED = [
  ["Montant", "Probabilité"],
  [1000, 0.5],
  ["Montant", "Probabilité"],
];

/** Each message with a worked example: the key, what a French reader says, the exact French. */
const EXAMPLES: [ReadingProblemKey, () => string, string][] = [
  ["value.notANumber", () => problemOf(readAmount("abc", fr)), "n'est pas un nombre"],
  [
    "value.notFinite",
    () => problemOf(readNumber(Number.POSITIVE_INFINITY, fr)),
    "n'est pas un nombre fini",
  ],
  [
    "value.excelError",
    () => problemOf(readProbability("#N/A", fr)),
    "est une valeur d'erreur dans la cellule\u00a0: corrigez sa formule ou ce à quoi elle renvoie",
  ],
  [
    "value.twoSigns",
    () => problemOf(readAmount("--5", fr)),
    "n'est pas un nombre\u00a0: un seul signe est permis",
  ],
  [
    "value.twoCurrencies",
    () => problemOf(readAmount("€5 $", fr)),
    "n'est pas un nombre\u00a0: deux devises sont écrites, gardez-en une",
  ],
  [
    "value.currencyAndPercent",
    () => problemOf(readNumber("20 €%", fr)),
    "n'est pas un nombre\u00a0: une devise et un % à la fois",
  ],
  [
    "value.badGroups",
    () => problemOf(readAmount("1,00,000", fr)),
    "n'est pas un nombre\u00a0: ses séparateurs ne groupent pas les milliers par trois",
  ],
  [
    "value.tooLarge",
    () => problemOf(readAmount("9".repeat(400), fr)),
    "a trop de chiffres pour être un nombre",
  ],
  [
    // English: "is ambiguous: 12,500 may be 12500 or 12,5; write 12500 or 12,5".
    "value.ambiguous",
    () => problemOf(readAmount("12,500", fr)),
    "se lit de deux façons\u00a0: 12,500 peut valoir 12\u00a0500 ou 12,5\u00a0; écrivez 12\u00a0500 ou 12,5",
  ],
  [
    "value.percentNotAmount",
    () => problemOf(readAmount("20 %", fr)),
    "est un pourcentage, pas un montant",
  ],
  [
    "value.amountNotProbability",
    () => problemOf(readProbability("20 €", fr)),
    "est un montant, pas une probabilité",
  ],
  ["value.amountNotShare", () => problemOf(readShare("5 €", fr)), "est un montant, pas une part"],
  [
    "value.shareNegative",
    () => problemOf(readShare("-5 %", fr)),
    "est en dessous de 0\u00a0: une part ne peut pas être négative",
  ],
  [
    "probability.negative",
    () => problemOf(readProbability(-0.1, fr)),
    "est en dessous de 0\u00a0: une probabilité est comprise entre 0\u00a0% et 100\u00a0%",
  ],
  [
    "probability.above100",
    () => problemOf(readProbability("120 %", fr)),
    "dépasse 100\u00a0%\u00a0: une probabilité vaut au plus 100\u00a0%",
  ],
  [
    // English: "is above 1: write 20.5% or 0.205"; the French writes its decimals with a comma.
    "probability.points",
    () => problemOf(readProbability("20,5", fr)),
    "dépasse 1\u00a0: écrivez 20,5\u00a0% ou 0,205",
  ],
  [
    "probability.above1",
    () => problemOf(readProbability(150, fr)),
    "dépasse 1\u00a0: une probabilité est comprise entre 0 et 1, ou entre 0\u00a0% et 100\u00a0%",
  ],
  [
    "value.where",
    () => describeProblem("probabilité", readProbability(20, fr) as never, "position 1", "fr"),
    "probabilité 20 en position 1 dépasse 1\u00a0: écrivez 20\u00a0% ou 0,2",
  ],
  ["date.notADate", () => problemOf(readDate(true, fr)), "n'est pas une date"],
  [
    "date.outsideSerials",
    () => problemOf(readDate(3_000_000, fr)),
    "sort des dates d'Excel\u00a0: les numéros de série vont de 1 (1900-01-01) à 2\u00a0958\u00a0465",
  ],
  [
    "date.outsideYears",
    () => problemOf(readDate("1899-12-31", fr)),
    "sort des dates d'Excel\u00a0: du 1900-01-01 au 9999-12-31",
  ],
  [
    "date.twoDigitYear",
    () => problemOf(readDate("04/05/03", fr)),
    "a une année à deux chiffres\u00a0: écrivez l'année en entier, comme dans 2003-04-04",
  ],
  [
    "date.digitsAlone",
    () => problemOf(readDate("37715", fr)),
    "n'est pas une date\u00a0: des chiffres seuls peuvent être une année ou un numéro de série\u00a0; écrivez-la 2003-04-04 ou 4 avril 2003",
  ],
  [
    "date.unreadable",
    () => problemOf(readDate("bientôt", fr)),
    "n'est pas une date\u00a0: écrivez-la 2003-04-04 ou 4 avril 2003",
  ],
  [
    "date.twoYears",
    () => problemOf(readDate("4 avril 2003 2004", fr)),
    "n'est pas une date\u00a0: deux années y sont écrites\u00a0; écrivez-la 2003-04-04 ou 4 avril 2003",
  ],
  [
    "date.twoMonths",
    () => problemOf(readDate("4 avril mai 2003", fr)),
    "n'est pas une date\u00a0: deux mois y sont nommés\u00a0; écrivez-la 2003-04-04 ou 4 avril 2003",
  ],
  [
    "date.twoWeekdays",
    () => problemOf(readDate("vendredi samedi 4 avril 2003", fr)),
    "n'est pas une date\u00a0: deux jours de la semaine y sont nommés\u00a0; écrivez-la 2003-04-04 ou 4 avril 2003",
  ],
  [
    "date.twoDays",
    () => problemOf(readDate("2 3 avril 2003", fr)),
    "n'est pas une date\u00a0: deux jours y sont écrits\u00a0; écrivez-la 2003-04-04 ou 4 avril 2003",
  ],
  [
    "date.noDay",
    () => problemOf(readDate("avril 2003", fr)),
    "n'est pas une date\u00a0: il manque le jour\u00a0; écrivez-la 2003-04-04 ou 4 avril 2003",
  ],
  [
    "date.noYear",
    () => problemOf(readDate("4 avril", fr)),
    "n'est pas une date\u00a0: il manque l'année\u00a0; écrivez-la 2003-04-04 ou 4 avril 2003",
  ],
  [
    "date.erAfterOne",
    () => problemOf(readDate("2er mai 2003", fr)),
    'n\'est pas une date\u00a0: "er" ne suit que 1 (1er mai)\u00a0; écrivez-la 2003-04-04 ou 4 avril 2003',
  ],
  [
    "date.noMonthDayFirst",
    () => problemOf(readDate("04/25/2003", { dayFirst: true, language: "fr" })),
    "n'est pas une vraie date dans l'ordre jour/mois/année\u00a0: il n'y a pas de mois 25",
  ],
  [
    "date.noMonthMonthFirst",
    () => problemOf(readDate("25/04/2003", { dayFirst: false, language: "fr" })),
    "n'est pas une vraie date dans l'ordre mois/jour/année\u00a0: il n'y a pas de mois 25",
  ],
  [
    // English: "is ambiguous: 04/05/2003 may be 4 May or April 5; write 2003-05-04 or 2003-04-05".
    "date.ambiguous",
    () => problemOf(readDate("04/05/2003", fr)),
    "se lit de deux façons\u00a0: 04/05/2003 peut être le 4 mai ou le 5 avril\u00a0; écrivez 2003-05-04 ou 2003-04-05",
  ],
  [
    "date.neitherMonth",
    () => problemOf(readDate("13/14/2003", fr)),
    "n'est pas une vraie date\u00a0: ni 13 ni 14 ne peut être un mois",
  ],
  [
    "date.inconsistent",
    () => problemOf(readDate("samedi 4 avril 2003", fr)),
    "n'est pas une date cohérente\u00a0: le 4 avril 2003 est un vendredi, pas un samedi",
  ],
  [
    "date.noSuchMonth",
    () => problemOf(readDate("2003-13-01", fr)),
    "n'est pas une vraie date\u00a0: il n'y a pas de mois 13",
  ],
  [
    "date.noSuchDay",
    () => problemOf(readDate("2003-04-00", fr)),
    "n'est pas une vraie date\u00a0: il n'y a pas de jour 0",
  ],
  [
    "date.monthLength",
    () => problemOf(readDate("29 février 2003", fr)),
    "n'est pas une vraie date\u00a0: février 2003 a 28 jours",
  ],
  [
    "pipeline.issue",
    () => frenchReport([["Montant"], ["dix"]]).lines[0],
    "Montant dix en C2 n'est pas un nombre",
  ],
  [
    "pipeline.rowIssue",
    () => frenchReport(HEADER_REPEATED).lines[0],
    "La ligne Feuil1!A3:F3 répète l'en-tête\u00a0: écartée",
  ],
  [
    "pipeline.headerRow",
    () => frenchReport(HEADER_REPEATED).reading.issues[0].problem,
    "répète l'en-tête\u00a0: écartée",
  ],
  [
    "pipeline.totalRow",
    () =>
      frenchReport([
        ["Société", "Montant", "Probabilité"],
        ["Alpha", 1000, 0.2],
        ["Total", 1000, null],
      ]).lines[0],
    "La ligne Feuil1!A3:F3 est une ligne de total ou de sous-total\u00a0: écartée pour ne pas compter deux fois",
  ],
  [
    "pipeline.amountBlank",
    () =>
      frenchReport([
        ["Société", "Montant", "Probabilité"],
        ["Alpha", null, 0.2],
      ]).lines[0],
    "Montant en C2 est vide\u00a0: une affaire a besoin d'un montant pour compter dans la prévision",
  ],
  [
    "pipeline.probabilityBlankStage",
    () =>
      frenchReport([
        ["Montant", "Probabilité", "Étape"],
        [1000, null, "Rêve"],
      ]).lines[0],
    "Probabilité en C2 est vide et l'étape \"Rêve\" n'a pas de probabilité par défaut\u00a0: saisissez-en une ou ajoutez l'étape à la table des étapes",
  ],
  [
    "pipeline.probabilityBlank",
    () =>
      frenchReport([
        ["Montant", "Probabilité"],
        [1000, null],
      ]).lines[0],
    "Probabilité en C2 est vide\u00a0: saisissez-en une, ou donnez à l'affaire une étape qui a une probabilité par défaut",
  ],
  [
    "pipeline.duplicateId",
    () =>
      frenchReport([
        ["Id", "Montant", "Probabilité"],
        ["D-1", 1, 0.5],
        ["d-1", 2, 0.5],
      ]).lines[0],
    "Identifiant d-1 en C3 répète l'identifiant de la ligne de données 1\u00a0: les identifiants doivent être uniques",
  ],
  [
    "pipeline.notACategory",
    () =>
      frenchReport([
        ["Montant", "Probabilité", "Catégorie"],
        [1, 0.1, "Maybe"],
      ]).lines[0],
    "Catégorie de prévision Maybe en C2 n'est pas une catégorie de prévision\u00a0: écrivez Engagé, Meilleur cas, Pipeline, Exclu, Gagné ou Perdu",
  ],
  [
    "columns.amount",
    () => columnsProblem({ amounts: col(1000, "dix"), probabilities: col(0.2, 0.5) }),
    "montant dix en position 2 n'est pas un nombre",
  ],
  [
    "columns.position",
    () => columnsProblem({ amounts: col("dix"), probabilities: col(0.2) }),
    "montant dix en position 1 n'est pas un nombre",
  ],
  [
    "columns.probability",
    () => columnsProblem({ amounts: col(1000), probabilities: col(20) }),
    "probabilité 20 en position 1 dépasse 1\u00a0: écrivez 20\u00a0% ou 0,2",
  ],
  [
    "columns.closeDate",
    () =>
      columnsProblem({
        amounts: col(1000),
        probabilities: col(0.2),
        closeDates: col("04/05/2003"),
      }),
    "date jalon 04/05/2003 en position 1 se lit de deux façons\u00a0: 04/05/2003 peut être le 4 mai ou le 5 avril\u00a0; écrivez 2003-05-04 ou 2003-04-05",
  ],
  [
    "columns.amountBlank",
    () => columnsProblem({ amounts: col(1000, null), probabilities: col(0.2, 0.5) }),
    "montant en position 2 est vide mais sa probabilité vaut 0,5\u00a0: donnez les deux ou aucun",
  ],
  [
    "columns.probabilityBlank",
    () => columnsProblem({ amounts: col(1000, "2 000 €"), probabilities: col(0.2, null) }),
    "probabilité en position 2 est vide mais son montant vaut 2 000 €\u00a0: donnez les deux ou aucun",
  ],
  [
    "columns.closedAmountBlank",
    () =>
      columnsProblem({
        amounts: col(1000, null),
        probabilities: col(0.2, 0.5),
        statuses: col(null, "Perdu"),
      }),
    "montant en position 2 est vide mais l'affaire est perdue\u00a0: donnez son montant",
  ],
  [
    "columns.won",
    () =>
      columnsProblem({
        amounts: col(1000, null),
        probabilities: col(0.2, 1),
        statuses: col(null, "Won"),
      }),
    "montant en position 2 est vide mais l'affaire est gagnée\u00a0: donnez son montant",
  ],
  [
    "columns.lost",
    () =>
      columnsProblem({
        amounts: col(1000, null),
        probabilities: col(0.2, 0),
        statuses: col(null, "Lost"),
      }),
    "montant en position 2 est vide mais l'affaire est perdue\u00a0: donnez son montant",
  ],
  [
    "columns.omitted",
    () =>
      columnsProblem({
        amounts: col(1000, null),
        probabilities: col(0.2, 0.1),
        statuses: col(null, "Omis"),
      }),
    "montant en position 2 est vide mais l'affaire est exclue\u00a0: donnez son montant",
  ],
  [
    "columns.sizes",
    () => columnsProblem({ amounts: col(1, 2), probabilities: col(0.5) }),
    "les montants ont 2 cellules mais les probabilités en ont 1\u00a0: donnez des plages de même taille",
  ],
  [
    "columns.probabilities",
    () => columnsProblem({ amounts: col(1, 2), probabilities: col(0.5, 0.5, 0.5) }),
    "les montants ont 2 cellules mais les probabilités en ont 3\u00a0: donnez des plages de même taille",
  ],
  [
    "columns.closeDates",
    () => columnsProblem({ amounts: col(1), probabilities: col(0.5), closeDates: col(1, 2) }),
    "les montants ont 1 cellule mais les dates jalon en ont 2\u00a0: donnez des plages de même taille",
  ],
  [
    "columns.statuses",
    () =>
      columnsProblem({ amounts: col(1, 2), probabilities: col(0.5, 0.5), statuses: col("Won") }),
    "les montants ont 2 cellules mais les statuts en ont 1\u00a0: donnez des plages de même taille",
  ],
  [
    "columns.periodReversed",
    () => periodFilterProblem({ from: 37716, to: 37715 }, "fr") ?? "",
    "la période commence après sa fin",
  ],
  [
    "brier.sizes",
    () => brierProblem([0.2, 0.4], [1, 0, 1]),
    "les probabilités ont 2 cellules mais les issues en ont 3\u00a0: donnez des plages de même taille",
  ],
  [
    "brier.probabilityBlank",
    () => brierProblem([null], ["Gagné"]),
    "probabilité en position 1 est vide mais son issue vaut Gagné\u00a0: donnez les deux ou aucune",
  ],
  [
    "brier.outcomeBlank",
    () => brierProblem([0.2, 0.4], [1, null]),
    "issue en position 2 est vide mais sa probabilité vaut 0,4\u00a0: donnez les deux ou aucune",
  ],
  [
    "brier.outcome",
    () => brierProblem([0.5], ["Ouvert"]),
    "issue Ouvert en position 1 n'est ni gagnée ni perdue\u00a0: écrivez 1 ou 0, VRAI ou FAUX, Gagné ou Perdu (Won ou Lost)",
  ],
  [
    "brier.notAnOutcome",
    () => brierProblem([0.5], [0.5]),
    "issue 0,5 en position 1 n'est ni gagnée ni perdue\u00a0: écrivez 1 ou 0, VRAI ou FAUX, Gagné ou Perdu (Won ou Lost)",
  ],
];

describe("the readers' problems in French", () => {
  it.each(EXAMPLES)("%s", (_key, said, french) => {
    expect(said()).toBe(french);
  });

  it("has a worked example for every message of the catalogue", () => {
    expect(new Set(EXAMPLES.map(([key]) => key))).toEqual(
      new Set(Object.keys(READING_PROBLEMS.en))
    );
  });

  it("suggests a value written the French way that the reader then takes as meant", () => {
    // "écrivez 12 500 ou 12,5": both suggestions read, and to the two readings offered.
    expect(readAmount("12\u00a0500", fr)).toEqual({ kind: "value", value: 12500 });
    expect(readAmount("12,5", fr)).toEqual({ kind: "value", value: 12.5 });
    // "écrivez 20 % ou 0,2": both are the probability 0.2.
    expect(readProbability("20\u00a0%", fr)).toEqual({ kind: "value", value: 0.2 });
    expect(readProbability("0,2", fr)).toEqual({ kind: "value", value: 0.2 });
  });

  it("says in French the lines of a deal's Issues cell, labels included", () => {
    const { reading } = frenchReport([
      ["Date jalon", "Montant", "Probabilité"],
      ["04/05/2003", "dix", 20],
    ]);
    expect(reading.deals[0].issues).toEqual([
      "Date jalon 04/05/2003 se lit de deux façons\u00a0: 04/05/2003 peut être le 4 mai ou le 5 avril\u00a0; écrivez 2003-05-04 ou 2003-04-05",
      "Montant dix n'est pas un nombre",
      "Probabilité 20 dépasse 1\u00a0: écrivez 20\u00a0% ou 0,2",
    ]);
  });

  it("says 1er for the first of the month, as French writes it", () => {
    expect(problemOf(readDate("01/05/2003", fr))).toBe(
      "se lit de deux façons\u00a0: 01/05/2003 peut être le 1er mai ou le 5 janvier\u00a0; écrivez 2003-05-01 ou 2003-01-05"
    );
    expect(problemOf(readDate("dimanche 1 mai 2003", fr))).toBe(
      "n'est pas une date cohérente\u00a0: le 1er mai 2003 est un jeudi, pas un dimanche"
    );
  });

  it("stays English without a language, and when asked for English", () => {
    for (const options of [undefined, { language: "en" as Language }]) {
      expect(problemOf(readProbability(20, options))).toBe("is above 1: write 20% or 0.2");
      expect(problemOf(readDate("04/05/2003", options))).toBe(
        "is ambiguous: 04/05/2003 may be 4 May or April 5; write 2003-05-04 or 2003-04-05"
      );
    }
  });
});

describe("the readers' catalogue", () => {
  // `{name}` and a plural's `{name, plural, …}`: the parameters a message takes.
  const placeholders = (text: string) =>
    [...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]).sort();

  it("has the same keys in English and French", () => {
    expect(Object.keys(READING_PROBLEMS.fr).sort()).toEqual(
      Object.keys(READING_PROBLEMS.en).sort()
    );
  });

  it("gives each French message the English one's parameters, no more, no fewer", () => {
    for (const key of Object.keys(READING_PROBLEMS.en) as ReadingProblemKey[]) {
      expect([key, placeholders(READING_PROBLEMS.fr[key])]).toEqual([
        key,
        placeholders(READING_PROBLEMS.en[key]),
      ]);
    }
  });

  it("puts a no-break space before each French colon and semicolon", () => {
    for (const text of Object.values<string>(READING_PROBLEMS.fr)) {
      expect(text).not.toMatch(/[^\u00a0][:;]/);
    }
  });
});
