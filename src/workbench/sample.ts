/**
 * The workbook the workbench opens with: the handbook's own pipeline table (Tableau 399, typed as
 * text exactly as printed, total row included), a realistic pipeline of a few hundred deals made by a
 * seeded generator (the same workbook on every machine, so screenshots and demos are stable), a
 * summary sheet whose formulas call the CARNET functions, and a product-range table with French
 * headers for the portfolio matrix (Matrix › Read selection › Build matrix).
 */
import type { WorkbookData } from "./workbook-data";

/** mulberry32: a tiny, well-mixed 32-bit generator; enough for sample data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Excel's serial day number (1900 date system) of a calendar date. */
export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** Tableau 399 of the handbook, as printed: every cell is text, the total row is part of the range. */
export const HANDBOOK_ROWS: string[][] = [
  ["Date jalon", "Société", "Interlocuteur", "Nature", "Montant", "Probabilité"],
  ["4 avril 2003.", "Alpha.", "Mr. X.", "Produit A.", "1 000 €", "20 %."],
  ["3 avril 2003.", "Bêta.", "Mr. Y.", "Produit B.", "2 000 €", "50 %."],
  ["3 avril 2003", "Gamma.", "Mme. Z.", "Produit C.", "4 000 €", "75 %."],
  ["Total probabilisé du carnet commercial", "", "", "", "4 200 €", ""],
];

export const PIPELINE_HEADERS = [
  "Close date",
  "Company",
  "Contact",
  "Product",
  "Amount",
  "Probability",
  "Owner",
  "Stage",
  "Forecast category",
  "Id",
] as const;

/** Product ranges: a typical deal size and the contribution margin rate the summary sheet uses. */
const PRODUCTS = [
  { name: "Analytics Suite", amount: 38000, margin: 0.62 },
  { name: "Consulting Days", amount: 24000, margin: 0.35 },
  { name: "Field Service App", amount: 21000, margin: 0.55 },
  { name: "Premium Support", amount: 14000, margin: 0.7 },
  { name: "Data Connectors", amount: 9000, margin: 0.48 },
  { name: "Hardware Kit", amount: 7000, margin: 0.22 },
  { name: "Training", amount: 4500, margin: 0.4 },
  { name: "Cloud Storage", amount: 3000, margin: 0.3 },
];

/** Rough market share in volume of each range (the matrix's strength). */
const MARKET_SHARES = [0.31, 0.12, 0.27, 0.18, 0.08, 0.05, 0.22, 0.04];

const OWNERS = ["Claire Martin", "Hugo Bernard", "Sofia Rossi", "James Walker", "Nadia Haddad"];

const STAGES = [
  { name: "Prospecting", probability: 0.1, category: "Pipeline" },
  { name: "Qualification", probability: 0.25, category: "Pipeline" },
  { name: "Proposal", probability: 0.5, category: "Best case" },
  { name: "Negotiation", probability: 0.75, category: "Commit" },
  { name: "Closed won", probability: 1, category: "Won" },
  { name: "Closed lost", probability: 0, category: "Lost" },
];

const COMPANY_FIRST = [
  "Alder",
  "Beacon",
  "Cobalt",
  "Delta",
  "Evergreen",
  "Fjord",
  "Granite",
  "Harbor",
  "Iris",
  "Juniper",
  "Keystone",
  "Lumen",
  "Meridian",
  "Northwind",
  "Orchard",
  "Pioneer",
  "Quartz",
  "Riverside",
  "Summit",
  "Tidewater",
];
const COMPANY_SECOND = [
  "Foods",
  "Logistics",
  "Health",
  "Energy",
  "Retail",
  "Systems",
  "Textiles",
  "Pharma",
  "Motors",
  "Media",
];
const FIRST_NAMES = [
  "Anna",
  "Bruno",
  "Chloé",
  "David",
  "Elena",
  "Farid",
  "Grace",
  "Henri",
  "Inès",
  "Jonas",
  "Karin",
  "Louis",
  "Maya",
  "Noah",
  "Olivia",
  "Paul",
];
const LAST_NAMES = [
  "Dubois",
  "Schmidt",
  "Moreau",
  "Fischer",
  "Laurent",
  "Novak",
  "Girard",
  "Costa",
  "Lefèvre",
  "Brown",
  "Meyer",
  "Petit",
];

export interface Deal {
  closeDate: number;
  company: string;
  contact: string;
  product: string;
  amount: number;
  probability: number;
  owner: string;
  stage: string;
  forecastCategory: string;
  id: string;
}

/**
 * Deals closing over two semesters of `year`. Deals due before `asOf` (a serial date) are mostly
 * closed, later ones are spread over the open stages, as in a pipeline reviewed at the start of the year.
 */
export function samplePipeline(count = 320, seed = 399, year = 2026): Deal[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const start = dateSerial(year, 1, 5);
  const end = dateSerial(year, 12, 18);
  const asOf = dateSerial(year, 1, 20);
  const companies = Array.from(
    { length: 60 },
    () => `${pick(COMPANY_FIRST)} ${pick(COMPANY_SECOND)}`
  );
  const deals: Deal[] = [];
  for (let i = 0; i < count; i++) {
    // Weighted towards the popular (cheaper) ranges, with a long tail of large deals.
    const product = PRODUCTS[Math.floor(Math.pow(random(), 1.3) * PRODUCTS.length)];
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const amount = Math.max(
      500,
      Math.round((product.amount * Math.exp(0.45 * normal)) / 100) * 100
    );
    const closeDate = start + Math.floor(random() * (end - start));
    const closed = closeDate < asOf ? random() < 0.85 : random() < 0.05;
    const stage = closed
      ? STAGES[random() < 0.6 ? 4 : 5]
      : STAGES[Math.floor(Math.pow(random(), 0.8) * 4)];
    // A rep's own judgement overrides the stage default now and then (5 points up or down).
    const nudged = !closed && random() < 0.2 ? (random() < 0.5 ? -0.05 : 0.05) : 0;
    const probability = Math.round((stage.probability + nudged) * 100) / 100;
    const category = stage.name === "Prospecting" && random() < 0.15 ? "Omitted" : stage.category;
    deals.push({
      closeDate,
      company: pick(companies),
      contact: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
      product: product.name,
      amount,
      probability,
      owner: pick(OWNERS),
      stage: stage.name,
      forecastCategory: category,
      id: `D-${year}-${String(i + 1).padStart(4, "0")}`,
    });
  }
  return deals.sort((a, b) => a.closeDate - b.closeDate || a.id.localeCompare(b.id));
}

const EURO = '#,##0 "€"';

export const RANGE_HEADERS = [
  "Gamme",
  "Volume",
  "Marché",
  "Part de marché",
  "Chiffre d'affaires",
  "Marge",
] as const;

/**
 * The product ranges of the pipeline above as a sales manager keeps them for the matrix: units sold, the
 * market's volume, sales and contribution margin. The market shares are the summary sheet's (volume ÷
 * market volume, as a formula); the margins are chosen so that, at the default cut-offs (10 % and 25 %)
 * and ABC lines (80 / 95), the ranges fall in eight different cells of the nine-box across the three
 * zones, with three in Harvest / divest so that the handbook's warning has open deals to list. As in
 * real workbooks, one margin is typed as text ("55 000 €") and one range loses money.
 */
const RANGES: {
  name: string;
  volume: number;
  market: number;
  sales: number;
  margin: number | string;
}[] = [
  { name: "Analytics Suite", volume: 310, market: 1000, sales: 1350000, margin: 420000 },
  { name: "Consulting Days", volume: 1440, market: 12000, sales: 980000, margin: 250000 },
  { name: "Field Service App", volume: 270, market: 1000, sales: 640000, margin: 80000 },
  { name: "Premium Support", volume: 180, market: 1000, sales: 230000, margin: "55 000 €" },
  { name: "Data Connectors", volume: 64, market: 800, sales: 310000, margin: 150000 },
  { name: "Hardware Kit", volume: 95, market: 1900, sales: 210000, margin: -8000 },
  { name: "Training", volume: 440, market: 2000, sales: 120000, margin: 12000 },
  { name: "Cloud Storage", volume: 120, market: 3000, sales: 150000, margin: 45000 },
];

/** The "Gammes" sheet's rows, header first; the market share is a formula over the row's own cells. */
export function rangeRows(): (string | number)[][] {
  return [
    [...RANGE_HEADERS],
    ...RANGES.map((r, i) => [
      r.name,
      r.volume,
      r.market,
      `=B${i + 2}/C${i + 2}`,
      r.sales,
      r.margin,
    ]),
  ];
}

/**
 * The whole sample workbook: pipeline (as a table), the handbook's sheet, a summary of formulas and the
 * product ranges.
 */
export function sampleWorkbook(): WorkbookData {
  const deals = samplePipeline();
  const last = deals.length + 1;
  const rows = [
    [...PIPELINE_HEADERS],
    ...deals.map((d) => [
      d.closeDate,
      d.company,
      d.contact,
      d.product,
      d.amount,
      d.probability,
      d.owner,
      d.stage,
      d.forecastCategory,
      d.id,
    ]),
  ];
  const amounts = `Pipeline!E2:E${last}`;
  const probabilities = `Pipeline!F2:F${last}`;
  const dates = `Pipeline!A2:A${last}`;
  // The forecast category: won, lost and omitted deals are left out of the weighted figures.
  const statuses = `Pipeline!I2:I${last}`;
  const firstRange = 10;
  const lastRange = firstRange + PRODUCTS.length - 1;
  const summary: (string | number)[][] = [
    ["Pipeline summary", ""],
    ["", ""],
    [
      "Weighted pipeline",
      `=CARNET.WEIGHTED_PIPELINE(${amounts},${probabilities},${dates},,,${statuses})`,
    ],
    [
      "First semester",
      `=CARNET.WEIGHTED_PIPELINE(${amounts},${probabilities},${dates},DATE(2026,1,1),DATE(2026,6,30),${statuses})`,
    ],
    [
      "Second semester",
      `=CARNET.WEIGHTED_PIPELINE(${amounts},${probabilities},${dates},DATE(2026,7,1),DATE(2026,12,31),${statuses})`,
    ],
    ["Unweighted total", `=SUM(${amounts})`],
    ["Deals", `=COUNTA(Pipeline!J2:J${last})`],
    ["", ""],
    ["Product range", "Contribution margin", "Market share", "ABC class", "Nine-box cell"],
    ...PRODUCTS.map((p, i) => {
      const row = firstRange + i;
      return [
        p.name,
        `=ROUND(SUMIF(Pipeline!D2:D${last},A${row},${amounts})*${p.margin},0)`,
        MARKET_SHARES[i],
        i === 0 ? `=CARNET.ABC_CLASS(B${firstRange}:B${lastRange})` : "",
        i === 0
          ? `=CARNET.MATRIX_QUADRANT(C${firstRange}:C${lastRange},D${firstRange}:D${lastRange},B${lastRange + 2}:C${lastRange + 2})`
          : "",
      ];
    }),
    ["", ""],
    ["Share cuts (low, high)", 0.1, 0.25],
  ];
  return {
    sheets: [
      {
        name: "Pipeline",
        rows,
        columnWidths: [96, 170, 130, 140, 96, 84, 120, 110, 130, 104],
        formats: [
          { address: `A2:A${last}`, format: "yyyy-mm-dd" },
          { address: `E2:E${last}`, format: EURO },
          { address: `F2:F${last}`, format: "0%" },
        ],
        tables: [{ name: "Pipeline", address: `A1:J${last}` }],
      },
      {
        name: "Carnet commercial",
        rows: HANDBOOK_ROWS,
        columnWidths: [120, 90, 100, 100, 110, 100],
      },
      {
        name: "Summary",
        rows: summary,
        columnWidths: [170, 150, 110, 90, 260],
        formats: [
          { address: "B3:B6", format: EURO },
          { address: `B${firstRange}:B${lastRange}`, format: EURO },
          { address: `C${firstRange}:C${lastRange}`, format: "0%" },
          { address: `B${lastRange + 2}:C${lastRange + 2}`, format: "0%" },
        ],
        bold: ["A1", "A9:E9"],
      },
      {
        name: "Gammes",
        rows: rangeRows(),
        columnWidths: [140, 70, 80, 100, 120, 100],
        formats: [
          { address: `B2:C${RANGES.length + 1}`, format: "#,##0" },
          { address: `D2:D${RANGES.length + 1}`, format: "0%" },
          { address: `E2:F${RANGES.length + 1}`, format: EURO },
        ],
        bold: ["A1:F1"],
      },
    ],
  };
}
