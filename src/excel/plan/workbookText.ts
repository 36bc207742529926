/**
 * What Carnet writes into cells, in the workbook's language (domain/language.ts: decided once per
 * workbook, kept in the settings as `workbookLanguage`): the headers of its tables, the titles of its
 * charts, the mark of its sheets' note lines, the notes themselves and the words it writes in cells
 * (the matrix's levels and settings, the team's "(team)", "rebuild", the plan's block items...). One
 * place per table or sheet gives both languages, each French list typed against the English one, so a
 * header, a word or a note added in English without its French fails the build. A word Carnet reads
 * back by its text has its reader here too, taking either language (isRebuildWord, isPlanItem...).
 *
 * Table names stay English in both languages (they are public: users' formulas name them), and so do
 * the forecast categories ("Won", "Lost"...): the user's Category column (or stage) read as one of
 * the domain's six, compared as text by CarnetPipeline's weighted amount formula and the team's
 * SUMIFS, and kept in CarnetSnapshots, whose past rows Carnet never rewrites: a French category would
 * leave a workbook's history in two languages. Words Carnet both writes and compares in one plan (the matrix's cut-off labels, the
 * semester of the plan's block and the team's settings) follow the workbook's language. Headers are public
 * too: a workbook keeps the language it was first written in, and anything that reads Carnet's tables
 * back reads either language ({@link englishHeaders}).
 *
 * The plans are planned in English (their formulas find columns by their English header, then by
 * letter) and put in the workbook's language last ({@link inWorkbookLanguage}). Pure: no Office.js.
 */
import { ACTION_PLAN_COLUMNS_FR } from "../../domain/actionPlan/rows";
import { normaliseHeader } from "../../domain/columns";
import { NO_KEY } from "../../domain/forecast";
import { functionName } from "../../domain/functionNames";
import type { Language } from "../../domain/language";
import type { Level } from "../../domain/matrix";
import { MATRIX_COLUMNS, RELATIVE_MATRIX_COLUMNS } from "../../domain/matrixTable";
import { SNAPSHOT_COLUMNS } from "../../domain/snapshots";
import { TEAM_COLUMNS } from "../../domain/team/contract";
import type { CellValue } from "../../domain/values";
import type { ChartPlan, SheetPlan, TablePlan } from "./sheetPlan";

/** A French header for each English one of a list. */
type French<H extends string> = Readonly<Record<H, string>>;

/** CarnetPipeline, and the same deal columns wherever Carnet repeats them (snapshots). */
const DEAL_COLUMNS_FR = {
  Id: "Id",
  "Close date": "Date de clôture",
  Company: "Société",
  Contact: "Interlocuteur",
  Product: "Produit",
  Amount: "Montant",
  Probability: "Probabilité",
  "Weighted amount": "Montant pondéré",
  Owner: "Commercial",
  Stage: "Étape",
  "Forecast category": "Catégorie de prévision",
  Period: "Période",
  "Source cell": "Cellule source",
  Issues: "Anomalies",
} as const;

/** The forecast tables' columns (forecastPlan.ts: key, Start and End, figures). */
const FORECAST_COLUMNS_FR = {
  Period: "Période",
  Owner: "Commercial",
  Product: "Produit",
  Start: "Début",
  End: "Fin",
  Deals: "Affaires",
  "Unweighted total": "Total non pondéré",
  "Weighted total": "Total pondéré",
  Commit: "Engagé",
  "Best case": "Meilleur cas",
  Won: "Gagné",
  P10: "P10",
  P50: "P50",
  P90: "P90",
  "P10–P90 spread": "Écart P10–P90",
  Objective: "Objectif",
  Coverage: "Couverture",
  "Probability of objective": "Probabilité de l'objectif",
  "Objective at build": "Objectif au calcul",
  "Probability at build": "Probabilité au calcul",
} as const;

/** The matrix's columns, both measures (domain/matrixTable.ts), and where each range was read. */
const MATRIX_COLUMNS_FR: French<
  (typeof MATRIX_COLUMNS)[number] | (typeof RELATIVE_MATRIX_COLUMNS)[number] | "Row in source"
> = {
  Range: "Gamme",
  Volume: "Volume",
  "Market volume": "Volume du marché",
  "Market share": "Part de marché",
  "Leader share": "Part du leader",
  "Relative share": "Part relative",
  Sales: "Chiffre d'affaires",
  Margin: "Marge",
  "Margin share": "Part de la marge",
  "Cumulative share": "Part cumulée",
  "ABC class": "Classe ABC",
  Strength: "Atouts",
  Attractiveness: "Attraits",
  "Nine-box cell": "Case",
  Zone: "Zone",
  "Row in source": "Ligne dans la source",
};

const MATRIX_TABLES_FR = {
  CarnetMatrixSettings: { Setting: "Paramètre", Value: "Valeur" },
  CarnetMatrixChartData: {
    Point: "Point",
    "Strength (x)": "Atouts (x)",
    "Attractiveness (y)": "Attraits (y)",
    "Bubble size": "Taille de la bulle",
    "Pareto rank": "Rang Pareto",
  },
  CarnetMatrixCutMarks: {
    "Cut-off": "Seuil",
    "Strength (x)": "Atouts (x)",
    "Attractiveness (y)": "Attraits (y)",
    "Bubble size": "Taille de la bulle",
  },
  CarnetMatrixPareto: {
    Rank: "Rang",
    Range: "Gamme",
    Margin: "Marge",
    "Margin share": "Part de la marge",
    "Cumulative share": "Part cumulée",
    "ABC class": "Classe ABC",
  },
} as const;

const TEAM_COLUMNS_FR: French<(typeof TEAM_COLUMNS)[number]> = {
  Rep: "Commercial",
  "Open pipeline": "Pipeline ouvert",
  Weighted: "Pondéré",
  Objective: "Objectif",
  Won: "Gagné",
  Attainment: "Taux de réalisation",
  Coverage: "Couverture",
  "P(objective)": "P(objectif)",
  Actions: "Actions",
  Budget: "Budget",
  "Blended attainment": "Taux de réalisation pondéré",
};

const TEAM_TABLES_FR = {
  CarnetTeamSettings: {
    Semester: "Semestre",
    "Collective weight": "Poids collectif",
    "Team objective": "Objectif de l'équipe",
    "Team objective used": "Objectif de l'équipe retenu",
    "Team won": "Gagné par l'équipe",
    "Team attainment": "Taux de réalisation de l'équipe",
  },
  CarnetTeamProbability: {
    Rep: "Commercial",
    Objective: "Objectif",
    "P(objective)": "P(objectif)",
  },
  CarnetTeamChartData: {
    Rep: "Commercial",
    Attainment: "Taux de réalisation",
    "Team attainment": "Taux de réalisation de l'équipe",
  },
  CarnetCalibration: {
    Rep: "Commercial",
    Forecasts: "Prévisions",
    "Brier score": "Score de Brier",
  },
  CarnetReliability: {
    Rep: "Commercial",
    Band: "Tranche",
    Forecasts: "Prévisions",
    "Mean stated probability": "Probabilité annoncée moyenne",
    "Win rate": "Taux de gain",
  },
  CarnetReliabilityChartData: {
    "Stated probability": "Probabilité annoncée",
    "Win rate": "Taux de gain",
    "Perfect calibration": "Calibration parfaite",
  },
  CarnetForecastBias: { Period: "Période", Forecast: "Prévision", Won: "Gagné", Bias: "Biais" },
  CarnetStageSuggestions: {
    Stage: "Étape",
    Forecasts: "Prévisions",
    "Suggested probability": "Probabilité suggérée",
    "Current probability": "Probabilité actuelle",
  },
} as const;

const REVIEW_TABLES_FR = {
  CarnetReviewByAction: {
    Id: "Id",
    Action: "Action",
    Means: "Moyen",
    Owner: "Responsable",
    Phase: "Phase",
    Objective: "Objectif",
    Unit: "Unité",
    "Actual result": "Résultat réel",
    Attainment: "Taux de réalisation",
    Budget: "Budget",
    "Actual cost": "Coût réel",
    "Cost per result": "Coût par résultat",
  },
  CarnetReviewByMeans: {
    Means: "Moyen",
    Actions: "Actions",
    Checked: "Vérifiées",
    Budget: "Budget",
    "Actual cost": "Coût réel",
    Attainment: "Taux de réalisation",
  },
  CarnetReviewByOwner: {
    Owner: "Responsable",
    Actions: "Actions",
    Checked: "Vérifiées",
    Budget: "Budget",
    "Actual cost": "Coût réel",
    Attainment: "Taux de réalisation",
  },
} as const;

/** The block beside CarnetActionPlan (actionPlanSheet.ts's planBlock). */
const PLAN_BLOCK_TABLES_FR = {
  CarnetActionPlanBudget: { Item: "Élément", Value: "Valeur" },
  CarnetActionPlanByMeans: { Means: "Moyen", Budget: "Budget" },
  CarnetActionPlanByOwner: { Owner: "Responsable", Budget: "Budget" },
  CarnetActionPlanTimeline: {
    Action: "Action",
    Owner: "Responsable",
    "Start offset": "Décalage du début",
    Days: "Jours",
  },
} as const;

const SNAPSHOT_COLUMNS_FR: Readonly<Record<string, string>> = {
  ...DEAL_COLUMNS_FR,
  Snapshot: "Instantané",
  "Taken at": "Pris le",
};

/** Each Carnet table's French headers, by table name (the names are the plans' constants). */
const TABLE_HEADERS_FR: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  CarnetPipeline: DEAL_COLUMNS_FR,
  CarnetForecastByPeriod: FORECAST_COLUMNS_FR,
  CarnetForecastByOwner: FORECAST_COLUMNS_FR,
  CarnetForecastByProduct: FORECAST_COLUMNS_FR,
  CarnetMatrix: MATRIX_COLUMNS_FR,
  ...MATRIX_TABLES_FR,
  CarnetTeam: TEAM_COLUMNS_FR,
  ...TEAM_TABLES_FR,
  CarnetActionPlan: ACTION_PLAN_COLUMNS_FR,
  ...PLAN_BLOCK_TABLES_FR,
  ...REVIEW_TABLES_FR,
  CarnetSnapshots: SNAPSHOT_COLUMNS_FR,
};

/** The tables whose headers have a French form: the ones the workbook's language can be told from. */
export const LOCALISED_TABLES: readonly string[] = Object.keys(TABLE_HEADERS_FR);

/** Every English header Carnet writes in its snapshots, with a French one (checked by the tests). */
export const SNAPSHOT_HEADERS: readonly string[] = SNAPSHOT_COLUMNS;

/** A table's header in the language: the English header itself when it has no French form. */
export function headerIn(table: string, header: string, language: Language): string {
  if (language === "en") return header;
  return TABLE_HEADERS_FR[table]?.[header] ?? header;
}

/** Whether a table's English header has its French form (for the tests: every header Carnet writes has). */
export function hasFrenchHeader(table: string, header: string): boolean {
  return TABLE_HEADERS_FR[table]?.[header] !== undefined;
}

/**
 * A table's headers as Carnet reads them, English: a French header of the table (compared without case
 * or accents, as every header Carnet reads) becomes its English one; any other cell is left as it is.
 * So the readers of Carnet's own tables (objectives kept across rebuilds, the matrix read back, the
 * team's objectives) read a French workbook's tables as they read an English one's.
 */
export function englishHeaders(table: string, headers: readonly CellValue[]): CellValue[] {
  const french = TABLE_HEADERS_FR[table];
  if (!french) return [...headers];
  const byFrench = new Map<string, string>();
  for (const [en, fr] of Object.entries(french)) byFrench.set(normaliseHeader(fr), en);
  const english = new Set(Object.keys(french));
  return headers.map((h) =>
    typeof h === "string" && !english.has(h) ? (byFrench.get(normaliseHeader(h)) ?? h) : h
  );
}

/**
 * The language a Carnet table's headers are written in: French when one of them is one of its French
 * headers that differs from the English one, English when they are its English headers, null when they
 * tell neither (a table of a Carnet that had no French, emptied headers...): for a workbook written
 * before its language was stored.
 */
export function languageOfHeaders(table: string, headers: readonly CellValue[]): Language | null {
  const french = TABLE_HEADERS_FR[table];
  if (!french) return null;
  const names = new Set(headers.map(normaliseHeader));
  const differing = Object.entries(french).filter(
    ([en, fr]) => normaliseHeader(en) !== normaliseHeader(fr)
  );
  if (differing.some(([, fr]) => names.has(normaliseHeader(fr)))) return "fr";
  if (differing.some(([en]) => names.has(normaliseHeader(en)))) return "en";
  return null;
}

/** Chart titles, by chart name, English and French (the plans give the English one). */
const CHART_TITLES_FR: Readonly<Record<string, string>> = {
  "Forecast: P10, weighted, P90 and unweighted totals":
    "Prévision : P10, total pondéré, P90 et total non pondéré",
  "Forecast by period: weighted vs unweighted, P10–P90":
    "Prévision par période : pondéré et non pondéré, P10–P90",
  "Attainment by rep, and the team's": "Taux de réalisation par commercial et de l'équipe",
  "Win rate against stated probability (team)":
    "Taux de gain selon la probabilité annoncée (équipe)",
  "Attainment by owner": "Taux de réalisation par responsable",
};

/** The catalogue's title a chart title is, whole or followed by ", " and a figure (", 2027-S1"). */
function titleKey(title: string): string | undefined {
  if (title in CHART_TITLES_FR) return title;
  const comma = title.lastIndexOf(", ");
  return comma > 0 && title.slice(0, comma) in CHART_TITLES_FR ? title.slice(0, comma) : undefined;
}

/** A chart title in the language (the English one when the catalogue lacks it: the tests check it does not). */
export function chartTitleIn(title: string, language: Language): string {
  const key = titleKey(title);
  if (language === "en" || key === undefined) return title;
  return CHART_TITLES_FR[key] + title.slice(key.length);
}

/** Whether a chart title has its French form (for the tests). */
export function hasFrenchTitle(title: string): boolean {
  return titleKey(title) !== undefined;
}

function tableIn(table: TablePlan, language: Language): TablePlan {
  const header = (h: string) => headerIn(table.name, h, language);
  return {
    ...table,
    headers: table.headers.map(header),
    key: table.key === undefined ? undefined : header(table.key),
  };
}

function chartIn(chart: ChartPlan, language: Language): ChartPlan {
  const header = (h: string) => headerIn(chart.table, h, language);
  return {
    ...chart,
    title: chartTitleIn(chart.title, language),
    categories: header(chart.categories),
    series: chart.series.map(header),
  };
}

/**
 * A sheet plan, planned in English, in the workbook's language: its tables' headers and keys, its
 * charts' titles and the headers they chart, the mark of its note line (sheetPlan.ts's noteLine). The
 * rows are the plan's own (periods and notes are put in the language where they are planned).
 */
export function inWorkbookLanguage(plan: SheetPlan, language: Language): SheetPlan {
  if (language === "en") return plan;
  return {
    ...plan,
    language,
    tables: plan.tables.map((t) => tableIn(t, language)),
    charts: plan.charts?.map((c) => chartIn(c, language)),
  };
}

/** The words the forecast writes in its cells: a met objective, a probability to compute again, no key. */
interface ForecastWords {
  readonly met: string;
  readonly rebuild: string;
  /** The row of deals without a period, owner or product (forecast.ts's NO_KEY in English). */
  readonly none: string;
}

/**
 * What a P(objective) computed for another objective shows (the forecast's and the team's): a word,
 * not a figure, so that no one reads a stale probability as today's.
 */
const REBUILD: Readonly<Record<Language, string>> = { en: "rebuild", fr: "recalculer" };

/** Whether a cell shows the rebuild word, in either language (the readers of P(objective)). */
export function isRebuildWord(value: unknown): boolean {
  return value === REBUILD.en || value === REBUILD.fr;
}

export const FORECAST_WORDS: Readonly<Record<Language, ForecastWords>> = {
  en: { met: "met", rebuild: REBUILD.en, none: NO_KEY },
  fr: { met: "atteint", rebuild: REBUILD.fr, none: "(aucun)" },
};

/** The note lines of the forecast's sheets, each language with every note (typed: none missing). */
interface ForecastNotes {
  pipeline(stamp: string, address: string): string;
  live(stamp: string, address: string): string;
  stamped(stamp: string, address: string, fromTable: boolean): string;
}

const OBJECTIVES_EN =
  "The Objective columns are yours: type objectives there, they are kept on the next build. Every other column is Carnet's, rewritten on each build (a figure you type over is shown to you before a rebuild replaces it); what you add beside the tables stays.";
const OBJECTIVES_FR =
  "Les colonnes Objectif sont à vous : tapez-y vos objectifs, ils sont gardés au calcul suivant. Toutes les autres colonnes sont à Carnet, réécrites à chaque calcul (un chiffre que vous tapez par-dessus vous est montré avant d'être remplacé) ; ce que vous ajoutez à côté des tables reste.";

export const FORECAST_NOTES: Readonly<Record<Language, ForecastNotes>> = {
  en: {
    pipeline: (stamp, address) =>
      `Deals read ${stamp} from ${address}, normalised. Issues says what could not be read. Every column of CarnetPipeline is Carnet's, rewritten on each build (a figure you type over is shown to you before a rebuild replaces it); what you add beside it stays.`,
    live: (stamp, address) =>
      `Computed ${stamp} from ${address}. Live: the period table's weighted total, P10/P50/P90 and probability of objective are CARNET formulas over the source table's rows, open deals only (edit deals in place; rebuild after adding rows); other figures are as of ${stamp}. ${OBJECTIVES_EN}`,
    stamped: (stamp, address, fromTable) =>
      `Computed ${stamp} from ${address}: values as of that time (${
        fromTable
          ? "some deals have no close date, take their probability from the stage table, are closed only by their stage or have cells Carnet could not read, so the figures cannot be formulas over the source"
          : "the source is not an Excel table, so the figures cannot be live formulas"
      }). ${OBJECTIVES_EN}`,
  },
  fr: {
    pipeline: (stamp, address) =>
      `Affaires lues le ${stamp} dans ${address}, normalisées. Anomalies dit ce qui n'a pas pu être lu. Toutes les colonnes de CarnetPipeline sont à Carnet, réécrites à chaque calcul (un chiffre que vous tapez par-dessus vous est montré avant d'être remplacé) ; ce que vous ajoutez à côté reste.`,
    live: (stamp, address) =>
      `Calculé le ${stamp} à partir de ${address}. En direct : le total pondéré, P10/P50/P90 et la probabilité de l'objectif de la table par période sont des formules CARNET sur les lignes de la table source, affaires ouvertes seulement (modifiez les affaires sur place ; recalculez après avoir ajouté des lignes) ; les autres chiffres sont ceux du ${stamp}. ${OBJECTIVES_FR}`,
    stamped: (stamp, address, fromTable) =>
      `Calculé le ${stamp} à partir de ${address} : valeurs à cette date (${
        fromTable
          ? "des affaires n'ont pas de date de clôture, prennent leur probabilité dans la table des étapes, ne sont closes que par leur étape ou ont des cellules que Carnet n'a pas pu lire : les chiffres ne peuvent pas être des formules sur la source"
          : "la source n'est pas un tableau Excel : les chiffres ne peuvent pas être des formules en direct"
      }). ${OBJECTIVES_FR}`,
  },
};

/** A figure's text in the language: French takes a decimal comma ("12,5 %"), English a point. */
export function decimalIn(text: string, language: Language): string {
  return language === "fr" ? text.replace(/(\d)\.(\d)/g, "$1,$2") : text;
}

/** "a, b and c" / "a, b et c". */
function listIn(items: readonly string[], and: string): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

/** The word, with an s for more than one in French (0 and 1 take the singular there). */
const frenchPlural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;

// ---------------------------------------------------------------------------------------------------------------
// The matrix sheet (matrixPlan.ts): its settings' labels, level words, cut-off lines, charts and note

/** What the matrix's note line tells, whichever language says it. */
export interface MatrixNoteFacts {
  readonly stamp: string;
  readonly ranges: number;
  /** CarnetMatrixSettings' value cells ("P4:P7"). */
  readonly cutOffs: string;
  /** CarnetMatrixPareto's rows: the ranges with a positive margin at the build. */
  readonly paretoRanges: number;
  /** The source table's address; null when the ranges were not read from one. */
  readonly source: string | null;
  /** Without a source table: where the won deals the ranges were built from were read, if anywhere. */
  readonly wonDealsFrom?: string;
  /** CarnetMatrix's figure columns that read the source live, and those written as values (English headers). */
  readonly live: readonly string[];
  readonly stamped: readonly string[];
  readonly stampedCells: number;
}

interface MatrixWords {
  /** CarnetMatrixSettings' four labels, in the order the formulas read their values. */
  settings(share: boolean): readonly [string, string, string, string];
  /** The Strength and Attractiveness columns' words. */
  readonly levels: Readonly<Record<Level, string>>;
  /** The cut-off lines' names: the levels on either side of each cut (also CarnetMatrixCutMarks' labels). */
  readonly cuts: { readonly low: string; readonly high: string };
  readonly bubbleTitle: string;
  /** The bubble chart's x axis; `low` and `high` are the cut-offs as shown ("10 %"). */
  xTitle(share: boolean, low: string, high: string): string;
  readonly yTitle: string;
  /** The Pareto chart's title; the ABC shares in whole percent. */
  paretoTitle(a: number, b: number): string;
  note(facts: MatrixNoteFacts): string;
}

const MATRIX_PARETO_EN = (n: number) =>
  ` CarnetMatrixPareto and its chart list the ${n} ranges with a positive margin at this ` +
  `build, in margin order, live; build again when a margin turns positive or stops being positive.`;

function matrixNoteEn(f: MatrixNoteFacts): string {
  const pareto = MATRIX_PARETO_EN(f.paretoRanges);
  if (f.source === null) {
    const origin = f.wonDealsFrom
      ? `the won deals of ${f.wonDealsFrom} and the figures given in the pane`
      : "the figures given in the pane";
    return (
      `Computed ${f.stamp} from ${origin}: ${f.ranges} ranges. ` +
      `Volume, market volume, sales and margin are values as of ${f.stamp}; shares, ABC class, strength, ` +
      `nine-box cell and zone are formulas over them and the cut-offs in ${f.cutOffs}: editing a margin here ` +
      `reclassifies.${pareto}`
    );
  }
  const live =
    f.live.length > 0
      ? `Live: ${listIn(f.live, "and")} read the source cells (CARNET.AMOUNT; blank when unreadable), and `
      : "";
  const edit = f.stamped.includes("Margin")
    ? "editing a margin here reclassifies"
    : "editing a margin in the source reclassifies";
  const stamped =
    f.stamped.length > 0
      ? `${listIn(f.stamped, "and")}: values as of ${f.stamp} (${f.stampedCells} figures), ` +
        `since a cell there cannot be read by a formula as the pane read it (a percentage typed as ` +
        `text, a figure the pane refused) and a column holds one formula or values. `
      : "";
  return (
    `Computed ${f.stamp} from ${f.source}: ${f.ranges} ranges. ${live}${live ? "s" : "S"}hares, ABC class, strength, ` +
    `nine-box cell and zone are formulas over them and the cut-offs in ${f.cutOffs}: ${edit}. ` +
    `${stamped}Build again after adding or removing ranges.${pareto}`
  );
}

function matrixNoteFr(f: MatrixNoteFacts): string {
  const ranges = frenchPlural(f.ranges, "gamme");
  const listed = f.paretoRanges > 1 ? `les ${f.paretoRanges} gammes` : `${f.paretoRanges} gamme`;
  const pareto =
    ` CarnetMatrixPareto et son graphique listent ${listed} à marge positive lors de ce calcul, par marge ` +
    "décroissante, en direct ; reconstruisez la matrice quand une marge devient positive ou cesse de l'être.";
  if (f.source === null) {
    const origin = f.wonDealsFrom
      ? `des affaires gagnées de ${f.wonDealsFrom} et des chiffres saisis dans le volet`
      : "des chiffres saisis dans le volet";
    return (
      `Calculé le ${f.stamp} à partir ${origin} : ${ranges}. ` +
      `Le volume, le volume du marché, le chiffre d'affaires et la marge sont des valeurs du ${f.stamp} ; les parts, ` +
      `la classe ABC, les atouts, la case et la zone sont des formules sur ces chiffres et les seuils de ${f.cutOffs} : ` +
      `modifier une marge ici reclasse la gamme.${pareto}`
    );
  }
  const header = (h: string) => headerIn("CarnetMatrix", h, "fr");
  const live =
    f.live.length > 0
      ? `En direct : ${listIn(f.live.map(header), "et")} ${f.live.length > 1 ? "lisent" : "lit"} les cellules ` +
        `de la source (CARNET.${functionName("AMOUNT", "fr")} ; vide si illisible). `
      : "";
  const edit = f.stamped.includes("Margin")
    ? "modifier une marge ici reclasse la gamme"
    : "modifier une marge dans la source reclasse la gamme";
  const stamped =
    f.stamped.length > 0
      ? `${listIn(f.stamped.map(header), "et")} : valeurs du ${f.stamp} (${frenchPlural(f.stampedCells, "chiffre")}), ` +
        "car une de leurs cellules ne peut pas être lue par une formule comme le volet l'a lue (un pourcentage " +
        "tapé en texte, un chiffre refusé par le volet) et une colonne contient une formule ou des valeurs. "
      : "";
  return (
    `Calculé le ${f.stamp} à partir de ${f.source} : ${ranges}. ${live}Les parts, la classe ABC, les atouts, ` +
    `la case et la zone sont des formules sur ces chiffres et les seuils de ${f.cutOffs} : ${edit}. ` +
    `${stamped}Reconstruisez la matrice après avoir ajouté ou retiré des gammes.${pareto}`
  );
}

export const MATRIX_WORDS: Readonly<Record<Language, MatrixWords>> = {
  en: {
    settings: (share) => {
      const what = share ? "market share" : "relative share";
      return [
        `Strength: Weak below this ${what}`,
        `Strength: Strong from this ${what}`,
        "ABC: share of the margin class A reaches",
        "ABC: share classes A and B reach",
      ];
    },
    levels: { Low: "Low", Medium: "Medium", High: "High" },
    cuts: { low: "Weak | Medium", high: "Medium | Strong" },
    bubbleTitle: "Strengths–attractiveness matrix: one bubble per range, sized by sales",
    xTitle: (share, low, high) =>
      (share ? "Strength: market share in volume" : "Strength: market share ÷ the leader's share") +
      ` (dotted lines: Weak below ${low}, Strong from ${high})`,
    yTitle: "Attractiveness: ABC class of the margin (3 = A, 2 = B, 1 = C)",
    paretoTitle: (a, b) => `Pareto of the contribution margin: classes A to ${a} %, B to ${b} %`,
    note: matrixNoteEn,
  },
  fr: {
    settings: (share) => {
      const what = share ? "part de marché" : "part relative";
      return [
        `Atouts : Faible sous cette ${what}`,
        `Atouts : Fort dès cette ${what}`,
        "ABC : part de la marge qu'atteint la classe A",
        "ABC : part de la marge qu'atteignent les classes A et B",
      ];
    },
    levels: { Low: "Faible", Medium: "Moyen", High: "Élevé" },
    cuts: { low: "Faible | Moyen", high: "Moyen | Fort" },
    bubbleTitle:
      "Matrice atouts-attraits : une bulle par gamme, de la taille de son chiffre d'affaires",
    xTitle: (share, low, high) =>
      (share ? "Atouts : part de marché en volume" : "Atouts : part de marché ÷ part du leader") +
      ` (pointillés : Faible sous ${low}, Fort dès ${high})`,
    yTitle: "Attraits : classe ABC de la marge (3 = A, 2 = B, 1 = C)",
    paretoTitle: (a, b) =>
      `Pareto de la marge sur coût variable : classe A jusqu'à ${a} %, B jusqu'à ${b} %`,
    note: matrixNoteFr,
  },
};

// ---------------------------------------------------------------------------------------------------------------
// The team and calibration sheets (teamSheet.ts)

/** What the team sheet's note tells: which of Carnet's tables the live formulas read. */
export interface TeamNoteFacts {
  /** The semester as the sheet shows it ("2027-S1", "S1 2027"). */
  readonly semester: string;
  readonly pipeline: boolean;
  readonly actionPlan: boolean;
}

interface TeamWords {
  /** The team's rows in the Rep columns (a rep's name is never in parentheses in Carnet's tables). */
  readonly team: string;
  /** The rep of forecasts whose deal had no owner. */
  readonly noOwner: string;
  /** What P(objective) shows once another objective is typed. */
  readonly rebuild: string;
  note(facts: TeamNoteFacts): string;
  /** The calibration sheet's note: `forecasts` counted, `minimum` forecasts before a stage's suggestion. */
  calibrationNote(forecasts: number, minimum: number): string;
}

function teamNoteEn({ semester, pipeline, actionPlan }: TeamNoteFacts): string {
  const live = [
    pipeline
      ? "Open pipeline, Weighted and Won (over CarnetPipeline, as Build forecast last wrote it)"
      : null,
    actionPlan ? `Actions and Budget (over CarnetActionPlan's ${semester} actions)` : null,
    "Attainment, Coverage and Blended attainment",
  ].filter((part): part is string => part !== null);
  const stamped = [
    pipeline ? null : "Open pipeline, Weighted and Won (no CarnetPipeline: Build forecast first)",
    actionPlan ? null : "Actions and Budget (no CarnetActionPlan)",
  ].filter((part): part is string => part !== null);
  return (
    `Live formulas: ${live.join("; ")}. ` +
    (stamped.length > 0 ? `Values as of Build team: ${stamped.join("; ")}. ` : "") +
    `P(objective) is computed by Build team for the objective then typed (it reads "${REBUILD.en}" once another is typed). ` +
    "Yours: the Objective column, and the collective weight (0 % to 100 %) and team objective (blank: Σ of the objectives) " +
    "in CarnetTeamSettings; every other cell is Carnet's, rewritten by each build."
  );
}

function teamNoteFr({ semester, pipeline, actionPlan }: TeamNoteFacts): string {
  const live = [
    pipeline
      ? "Pipeline ouvert, Pondéré et Gagné (sur CarnetPipeline, tel que la dernière prévision l'a écrit)"
      : null,
    actionPlan ? `Actions et Budget (sur les actions ${semester} de CarnetActionPlan)` : null,
    "Taux de réalisation, Couverture et Taux de réalisation pondéré",
  ].filter((part): part is string => part !== null);
  const stamped = [
    pipeline
      ? null
      : "Pipeline ouvert, Pondéré et Gagné (pas de CarnetPipeline : établissez d'abord la prévision)",
    actionPlan ? null : "Actions et Budget (pas de CarnetActionPlan)",
  ].filter((part): part is string => part !== null);
  return (
    `Formules en direct : ${live.join(" ; ")}. ` +
    (stamped.length > 0
      ? `Valeurs calculées par Construire l'équipe : ${stamped.join(" ; ")}. `
      : "") +
    `P(objectif) est calculée par Construire l'équipe pour l'objectif alors tapé (elle affiche "${REBUILD.fr}" dès qu'un autre est tapé). ` +
    "À vous : la colonne Objectif, ainsi que le poids collectif (0 % à 100 %) et l'objectif de l'équipe (vide : Σ des objectifs) " +
    "dans CarnetTeamSettings ; toutes les autres cellules sont à Carnet, réécrites à chaque construction."
  );
}

export const TEAM_WORDS: Readonly<Record<Language, TeamWords>> = {
  en: {
    team: "(team)",
    noOwner: "(no owner)",
    rebuild: REBUILD.en,
    note: teamNoteEn,
    calibrationNote: (n, minimum) =>
      `Calibration from CarnetSnapshots: ${n} forecast${n === 1 ? "" : "s"} (a deal open in a snapshot and won or lost by now is one). ` +
      "Brier score = mean of (stated probability − outcome)², won 1, lost 0: 0 is perfect, always saying 50 % scores 0.25. " +
      "Bias = weighted forecast at the last snapshot before the period − won in it (positive: optimistic). " +
      `A stage's suggested probability is its win rate, shown from ${minimum} forecasts. Values as of this run, rewritten by the next.`,
  },
  fr: {
    team: "(équipe)",
    noOwner: "(sans commercial)",
    rebuild: REBUILD.fr,
    note: teamNoteFr,
    calibrationNote: (n, minimum) =>
      `Calibration à partir de CarnetSnapshots : ${frenchPlural(n, "prévision")} (une affaire ouverte dans un instantané, gagnée ou perdue depuis, en est une). ` +
      "Score de Brier = moyenne de (probabilité annoncée − résultat)², gagnée 1, perdue 0 : 0 est parfait, annoncer toujours 50 % donne 0,25. " +
      "Biais = prévision pondérée au dernier instantané avant la période − gagné dans la période (positif : optimiste). " +
      `La probabilité suggérée d'une étape est son taux de gain, donnée à partir de ${minimum} prévisions. Valeurs de ce calcul, réécrites par le suivant.`,
  },
};

/** Whether a Rep cell is the team's row, in either language (a rep's name is never in parentheses). */
export function isTeamLabel(value: unknown): boolean {
  return value === TEAM_WORDS.en.team || value === TEAM_WORDS.fr.team;
}

// ---------------------------------------------------------------------------------------------------------------
// The action plan and review sheets (actionPlanSheet.ts)

/** The budget block's items, in the order it lists them (its Item column). */
export type PlanItem = "Semester" | "Envelope" | "Total budget" | "Remaining";

/** What the review's note line tells (figures already as text: money, a percentage or null). */
export interface ReviewNoteFacts {
  /** The semester as the sheet shows it. */
  readonly semester: string;
  readonly actions: number;
  readonly checked: number;
  readonly budget: string;
  readonly actualCost: string;
  readonly attainment: string | null;
}

interface PlanWords {
  readonly note: string;
  readonly items: Readonly<Record<PlanItem, string>>;
  /** The Gantt's title, before the semester. */
  readonly timeline: string;
  reviewNote(facts: ReviewNoteFacts): string;
}

export const PLAN_WORDS: Readonly<Record<Language, PlanWords>> = {
  en: {
    note:
      "Edit the plan here or in Carnet's pane: a save writes, by Id, only the cells that changed, and keeps " +
      "your sort, your rows and your other cells. The budget and timeline beside the table are Carnet's, " +
      "rewritten on each save; type the semester's envelope in its Envelope cell or in the pane.",
    items: {
      Semester: "Semester",
      Envelope: "Envelope",
      "Total budget": "Total budget",
      Remaining: "Remaining",
    },
    timeline: "Timeline",
    reviewNote: (f) =>
      `Review of ${f.semester}: ${f.actions} action${f.actions === 1 ? "" : "s"}, ${f.checked} checked, ` +
      `budget ${f.budget}, actual cost ${f.actualCost}, mean attainment of the ` +
      `checked actions ${f.attainment ?? "none measured yet"}. Rewritten by each review; attainment = actual result ÷ objective.`,
  },
  fr: {
    note:
      "Modifiez le plan ici ou dans le volet de Carnet : un enregistrement n'écrit, par Id, que les cellules " +
      "modifiées, et garde votre tri, vos lignes et vos autres cellules. Le budget et le planning à côté de la " +
      "table sont à Carnet, réécrits à chaque enregistrement ; tapez l'enveloppe du semestre dans sa cellule " +
      "Enveloppe ou dans le volet.",
    items: {
      Semester: "Semestre",
      Envelope: "Enveloppe",
      "Total budget": "Budget total",
      Remaining: "Reste",
    },
    timeline: "Planning",
    reviewNote: (f) =>
      `Bilan de ${f.semester} : ${frenchPlural(f.actions, "action")}, ${frenchPlural(f.checked, "vérifiée")}, ` +
      `budget ${decimalIn(f.budget, "fr")}, coût réel ${decimalIn(f.actualCost, "fr")}, taux de réalisation moyen des ` +
      `actions vérifiées ${f.attainment === null ? "pas encore mesuré" : decimalIn(f.attainment, "fr")}. ` +
      "Réécrit à chaque bilan ; taux de réalisation = résultat réel ÷ objectif.",
  },
};

/** Whether a cell of the budget block's Item column is `item`, in either language (the envelope's reader). */
export function isPlanItem(value: unknown, item: PlanItem): boolean {
  return value === PLAN_WORDS.en.items[item] || value === PLAN_WORDS.fr.items[item];
}

// ---------------------------------------------------------------------------------------------------------------
// The snapshots' sheet (snapshotPlan.ts)

export const SNAPSHOT_NOTE: Readonly<Record<Language, string>> = {
  en: "Each snapshot freezes the pipeline as read at that time. Carnet appends; it never rewrites past rows.",
  fr: "Chaque instantané fige le pipeline tel qu'il a été lu à ce moment. Carnet ajoute des lignes ; il ne réécrit jamais les précédentes.",
};
