/**
 * Issue 5's ten-range workbook, shared by the domain, Excel, pane and browser tests: one loss-making
 * range (Foxtrot), two equal margins (Delta, Echo), a text margin "12 500 €" (Charlie), a blank market
 * volume (Hotel), a share typed as text (Echo), a blank row and a total row.
 */
import type { CellValue } from "../../src/domain/values";

export const RANGE_HEADERS_FR = [
  "Gamme",
  "Volume",
  "Marché",
  "Part de marché",
  "Chiffre d'affaires",
  "Marge",
];

/** India's share typed as text ("30 %"), as a person types it into a plain range. */
export const TEN_RANGES: CellValue[][] = [
  ["Alpha", 300, 1000, "", 450000, 90000],
  ["Bravo", 150, 1000, "", 300000, 60000],
  ["Charlie", 60, 500, "", 80000, "12 500 €"],
  ["Delta", 250, 1000, "", 120000, 20000],
  ["Echo", "", "", "8 %", 110000, 20000],
  ["", null, "", "", "", ""],
  ["Foxtrot", 200, 1000, "", 90000, -5000],
  ["Golf Élite", 30, 500, "", 40000, 8000],
  ["Hotel", 120, "", "", 30000, 5000],
  ["India", 60, 200, "30 %", 20000, 3000],
  ["Juliet", 50, 1000, "", 10000, 1500],
  ["Total", 1220, "", "", 1250000, 215000],
];

/** The same as a spreadsheet holds it: blanks as empty cells, India's 30 % as the number Excel stores. */
export const TEN_RANGES_IN_CELLS: (string | number | null)[][] = TEN_RANGES.map((row) =>
  row.map((cell) =>
    cell === "" || cell === undefined
      ? null
      : cell === "30 %"
        ? 0.3
        : (cell as string | number | null)
  )
);

/** The ten ranges' names, in the sheet's order. */
export const TEN_RANGE_NAMES = [
  "Alpha",
  "Bravo",
  "Charlie",
  "Delta",
  "Echo",
  "Foxtrot",
  "Golf Élite",
  "Hotel",
  "India",
  "Juliet",
];

/**
 * domain.md's answers for the ten ranges at the defaults (share cuts 10 % / 25 %, ABC 80 / 95), worked
 * by hand in test/domain/portfolioMatrix.test.ts; Hotel has no market share, so no strength, cell or zone.
 */
export const TEN_RANGE_ANSWERS = {
  "ABC class": {
    Alpha: "A",
    Bravo: "A",
    Charlie: "B",
    Delta: "A",
    Echo: "A",
    Foxtrot: "C",
    "Golf Élite": "B",
    Hotel: "C",
    India: "C",
    Juliet: "C",
  },
  Strength: {
    Alpha: "High",
    Bravo: "Medium",
    Charlie: "Medium",
    Delta: "High",
    Echo: "Low",
    Foxtrot: "Medium",
    "Golf Élite": "Low",
    Hotel: "",
    India: "High",
    Juliet: "Low",
  },
  "Nine-box cell": {
    Alpha: "Protect position",
    Bravo: "Invest to build",
    Charlie: "Selectivity / manage for earnings",
    Delta: "Protect position",
    Echo: "Build selectively",
    Foxtrot: "Manage for earnings",
    "Golf Élite": "Limited expansion or harvest",
    Hotel: "",
    India: "Protect and refocus",
    Juliet: "Divest",
  },
  Zone: {
    Alpha: "Invest / grow",
    Bravo: "Invest / grow",
    Charlie: "Selectivity",
    Delta: "Invest / grow",
    Echo: "Selectivity",
    Foxtrot: "Harvest / divest",
    "Golf Élite": "Harvest / divest",
    Hotel: "",
    India: "Selectivity",
    Juliet: "Harvest / divest",
  },
} as const;
