/**
 * What Carnet writes into cells, in the workbook's language (domain/language.ts: decided once per
 * workbook, kept in the settings as `workbookLanguage`): the headers of its tables, the titles of its
 * charts, the mark of its sheets' note lines. One place per table gives both languages, each French
 * list typed against the English one, so a header added in English without its French fails the build.
 *
 * Table names stay English in both languages (they are public: users' formulas name them), and so do
 * the values Carnet compares in formulas (forecast categories "Won", "Lost"...). Headers are public
 * too: a workbook keeps the language it was first written in, and anything that reads Carnet's tables
 * back reads either language ({@link englishHeaders}).
 *
 * The plans are planned in English (their formulas find columns by their English header, then by
 * letter) and put in the workbook's language last ({@link inWorkbookLanguage}). Pure: no Office.js.
 */
import { ACTION_PLAN_COLUMNS_FR } from "../../domain/actionPlan/rows";
import { normaliseHeader } from "../../domain/columns";
import { NO_KEY } from "../../domain/forecast";
import type { Language } from "../../domain/language";
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

export const FORECAST_WORDS: Readonly<Record<Language, ForecastWords>> = {
  en: { met: "met", rebuild: "rebuild", none: NO_KEY },
  fr: { met: "atteint", rebuild: "recalculer", none: "(aucun)" },
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
