/**
 * Recognising a table's columns from its headers, in French or English, as sales workbooks name them
 * ("Date jalon" / "Close date", "Montant" / "Amount"...). The pane shows the mapping and lets the user
 * correct it; nothing here guesses beyond the synonym lists. Every table Carnet reads has its synonyms
 * here: the pipeline's ({@link PIPELINE_FIELDS}) and the product-range table's ({@link PORTFOLIO_FIELDS}).
 */
import type { Language } from "./language";
import type { CellValue } from "./values";

export interface FieldSpec<F extends string> {
  readonly field: F;
  /** How the pane names the field. */
  readonly label: string;
  /** Its French name (the pane's catalogue says the same, a test holds them equal). */
  readonly labelFr: string;
  readonly required: boolean;
  /** Normalised header texts (see normaliseHeader) that name this field, most specific first. */
  readonly synonyms: readonly string[];
}

/** Lower case, no accents, no punctuation at the ends, single spaces: "Probabilité." → "probabilite". */
export function normaliseHeader(text: CellValue): string {
  if (text === null || text === undefined) return "";
  return String(text)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s\u00a0\u202f_]+/g, " ")
    .replace(/^[\s.:;,*#-]+|[\s.:;,*-]+$/g, "")
    .trim();
}

export type ColumnMapping<F extends string> = Record<F, number | null>;

/**
 * Each field's column index, or null. An exact synonym wins over a header that merely starts with one
 * ("Montant HT (€)" → amount); a column is given to one field only, the first that claims it exactly.
 */
export function recogniseColumns<F extends string>(
  headers: readonly CellValue[],
  specs: readonly FieldSpec<F>[]
): ColumnMapping<F> {
  const names = headers.map(normaliseHeader);
  const mapping = Object.fromEntries(specs.map((s) => [s.field, null])) as ColumnMapping<F>;
  const taken = new Set<number>();
  const claim = (match: (name: string, synonym: string) => boolean) => {
    for (const spec of specs) {
      if (mapping[spec.field] !== null) continue;
      for (const synonym of spec.synonyms) {
        const col = names.findIndex(
          (name, i) => !taken.has(i) && name !== "" && match(name, synonym)
        );
        if (col >= 0) {
          mapping[spec.field] = col;
          taken.add(col);
          break;
        }
      }
    }
  };
  claim((name, synonym) => name === synonym);
  claim((name, synonym) => name.startsWith(synonym + " ") || name.startsWith(synonym + "("));
  return mapping;
}

/**
 * A mapping the user confirmed, completed for the fields it lacks (added to Carnet since it was saved,
 * or left out as unreadable) by their recognised columns, unless a confirmed field already uses that
 * column: the user's choices win and no column is given twice.
 */
export function completeMapping<F extends string>(
  confirmed: Partial<ColumnMapping<F>>,
  recognised: ColumnMapping<F>
): ColumnMapping<F> {
  const taken = new Set(Object.values<number | null | undefined>(confirmed));
  const mapping = { ...recognised };
  for (const field of Object.keys(recognised) as F[]) {
    const mine = confirmed[field];
    const col = recognised[field];
    if (mine !== undefined) mapping[field] = mine;
    else if (col !== null && taken.has(col)) mapping[field] = null;
  }
  return mapping;
}

/** A field's name in `language`: what the located problems of a reading call it. */
export function fieldLabelIn<F extends string>(spec: FieldSpec<F>, language: Language): string {
  return language === "fr" ? spec.labelFr : spec.label;
}

/** The required fields the mapping lacks. */
export function missingSpecs<F extends string>(
  mapping: ColumnMapping<F>,
  specs: readonly FieldSpec<F>[]
): FieldSpec<F>[] {
  return specs.filter((s) => s.required && mapping[s.field] === null);
}

/** The required fields the mapping lacks, by label in `language`, for the pane's message. */
export function missingFields<F extends string>(
  mapping: ColumnMapping<F>,
  specs: readonly FieldSpec<F>[],
  language: Language = "en"
): string[] {
  return missingSpecs(mapping, specs).map((s) => fieldLabelIn(s, language));
}

export type PipelineField =
  | "closeDate"
  | "company"
  | "contact"
  | "product"
  | "amount"
  | "probability"
  | "owner"
  | "stage"
  | "category"
  | "id";

export const PIPELINE_FIELDS: readonly FieldSpec<PipelineField>[] = [
  {
    field: "id",
    label: "Id",
    labelFr: "Identifiant",
    required: false,
    synonyms: [
      "id",
      "deal id",
      "opportunity id",
      "id opportunite",
      "ref",
      "reference",
      "n°",
      "numero",
    ],
  },
  {
    field: "closeDate",
    label: "Close date",
    labelFr: "Date jalon",
    required: false,
    synonyms: [
      "date jalon",
      "close date",
      "expected close date",
      "closing date",
      "date de cloture",
      "date de signature",
      "date prevue",
      "date",
    ],
  },
  {
    field: "company",
    label: "Company",
    labelFr: "Société",
    required: false,
    synonyms: [
      "societe",
      "company",
      "account",
      "account name",
      "client",
      "customer",
      "entreprise",
      "compte",
    ],
  },
  {
    field: "contact",
    label: "Contact",
    labelFr: "Interlocuteur",
    required: false,
    synonyms: ["interlocuteur", "contact", "contact name", "decideur"],
  },
  {
    field: "product",
    label: "Product",
    labelFr: "Produit",
    required: false,
    synonyms: ["nature", "product", "produit", "offer", "offre", "product range", "gamme"],
  },
  {
    field: "amount",
    label: "Amount",
    labelFr: "Montant",
    required: true,
    synonyms: [
      "montant",
      "amount",
      "deal amount",
      "value",
      "valeur",
      "montant ht",
      "ca",
      "deal size",
    ],
  },
  {
    field: "probability",
    label: "Probability",
    labelFr: "Probabilité",
    required: false,
    synonyms: [
      "probabilite",
      "probability",
      "proba",
      "win probability",
      "probabilite de gain",
      "%",
    ],
  },
  {
    field: "owner",
    label: "Owner",
    labelFr: "Commercial",
    required: false,
    synonyms: [
      "commercial",
      "owner",
      "opportunity owner",
      "sales rep",
      "rep",
      "vendeur",
      "responsable",
    ],
  },
  {
    field: "stage",
    label: "Stage",
    labelFr: "Étape",
    required: false,
    synonyms: ["etape", "stage", "phase", "statut", "status", "sales stage"],
  },
  {
    field: "category",
    label: "Forecast category",
    labelFr: "Catégorie de prévision",
    required: false,
    synonyms: ["categorie", "forecast category", "category", "categorie de prevision", "forecast"],
  },
];

/** `leaderShare` (the largest competitor's market share) is optional: only the relative measure needs it. */
export type PortfolioField =
  "range" | "volume" | "marketVolume" | "marketShare" | "leaderShare" | "sales" | "margin";

/**
 * The product-range table's columns, French and English. The order matters for headers that merely start
 * with a synonym (see recogniseColumns): market volume and the leader's share come before volume and market
 * share, so that "Volume du marché (unités)" is the market's volume and "Part de marché du leader (%)" the
 * leader's share, never the range's own.
 */
export const PORTFOLIO_FIELDS: readonly FieldSpec<PortfolioField>[] = [
  {
    field: "range",
    label: "Range",
    labelFr: "Gamme",
    required: true,
    synonyms: [
      "gamme",
      "product range",
      "range",
      "product line",
      "gamme de produits",
      "ligne de produits",
      "famille de produits",
      "product family",
      "famille",
      "produit",
      "product",
    ],
  },
  {
    field: "marketVolume",
    label: "Market volume",
    labelFr: "Volume du marché",
    required: false,
    synonyms: [
      "marche",
      "market volume",
      "volume du marche",
      "market size",
      "taille du marche",
      "volume marche",
      "total market",
      "marche total",
    ],
  },
  {
    field: "leaderShare",
    label: "Leader share",
    labelFr: "Part du leader",
    required: false,
    synonyms: [
      "part du leader",
      "leader share",
      "leader's share",
      "leader’s share",
      "part de marche du leader",
      "pdm du leader",
      "pdm leader",
      "largest competitor share",
      "largest competitor's share",
      "largest competitor’s share",
      "part du premier concurrent",
      "part du concurrent principal",
    ],
  },
  {
    field: "marketShare",
    label: "Market share",
    labelFr: "Part de marché",
    required: false,
    synonyms: ["part de marche", "market share", "pdm", "part de marche en volume", "share"],
  },
  {
    field: "volume",
    label: "Volume",
    labelFr: "Volume",
    required: false,
    synonyms: [
      "volume",
      "units sold",
      "quantite vendue",
      "quantites vendues",
      "volume des ventes",
      "sales volume",
      "volume vendu",
      "unites vendues",
      "quantite",
      "quantity",
      "units",
    ],
  },
  {
    field: "sales",
    label: "Sales",
    labelFr: "Ventes",
    required: false,
    synonyms: [
      "chiffre d'affaires",
      "chiffre d’affaires",
      "ca",
      "sales",
      "revenue",
      "ventes",
      "ca ht",
      "chiffre d'affaires ht",
      "chiffre d’affaires ht",
      "turnover",
      "net sales",
    ],
  },
  {
    field: "margin",
    label: "Margin",
    labelFr: "Marge",
    required: true,
    synonyms: [
      "marge",
      "marge de contribution",
      "contribution margin",
      "margin",
      "marge sur couts variables",
      "mcv",
      "contribution",
      "marge brute",
      "gross margin",
    ],
  },
];

/** A mapping as recogniseColumns gives it; fields left out count as not mapped. */
export type PortfolioMapping = Readonly<Partial<ColumnMapping<PortfolioField>>>;
