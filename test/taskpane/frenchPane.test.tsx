/**
 * The Pipeline and Matrix tabs rendered (react-dom/server) inside a French LanguageProvider: their
 * labels, buttons and figures are French, in the French locale, and no English label of the main
 * controls is left; rendered in English, they say what they said before the catalogue.
 */
import * as React from "react";
import { renderToString } from "react-dom/server";
import type { CellValue } from "../../src/domain/values";
import type { CarnetHost } from "../../src/excel/port";
import type { SourceData } from "../../src/excel/plan/source";
import { App } from "../../src/taskpane/App";
import { HistoryPanel } from "../../src/taskpane/HistoryPanel";
import { LanguageProvider, paneLanguageOf } from "../../src/taskpane/i18n/language";
import { CATALOGUE } from "../../src/taskpane/i18n/messages";
import {
  HarvestWarning,
  MarketFiguresForm,
  MatrixView,
  RangeReport,
  RangeSource,
  SettingsForm,
} from "../../src/taskpane/MatrixView";
import { NineBox } from "../../src/taskpane/NineBox";
import { analyseRangeTable, analyseWonDeals } from "../../src/taskpane/matrixModel";
import { analysePipeline } from "../../src/taskpane/pipelineModel";
import {
  ColumnsSection,
  DataQualitySection,
  ForecastSection,
  PipelineView,
  SettingsLeftOut,
} from "../../src/taskpane/PipelineView";
import { wordsIn } from "../../src/taskpane/words";
import { RANGE_HEADERS_FR, TEN_RANGES } from "../support/ten-ranges";

/** The text a user reads and the names assistive technology announces (labels, titles, placeholders). */
function rendered(displayLanguage: string, element: React.ReactElement): string {
  const html = renderToString(
    <LanguageProvider value={paneLanguageOf(displayLanguage)}>{element}</LanguageProvider>
  );
  return html
    .replace(/<[^>]*?(?:aria-label|placeholder|title)="([^"]*)"[^>]*>/g, "\n$1\n")
    .replace(/<[^>]+>/g, "\n")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

const host = {} as CarnetHost;
const nothing = () => undefined;

// A sales table as the handbook's: probabilities typed as points (20, 50, 75), a total row, no owner.
const HEADER = ["Date jalon", "Société", "Montant", "Probabilité"];
const ROWS: CellValue[][] = [
  ["2003-04-04", "Alpha", "1 000 €", 20],
  ["2003-04-03", "Bêta", "2 000 €", 50],
  ["2003-04-05", "Gamma", "4 000 €", 75],
  ["Total", null, "7 000 €", null],
];
const source: SourceData = {
  kind: "range",
  tableName: null,
  sheet: "Ventes",
  row: 0,
  col: 0,
  address: "Ventes!A1:D5",
  headers: HEADER,
  rows: ROWS,
  numberFormats: HEADER.map(() => "General"),
};
// The same without its amount column: the columns section opens and asks for it.
const noAmount: SourceData = {
  ...source,
  headers: ["Date jalon", "Société", "Chiffre", "Probabilité"],
};

function pipelineTab(displayLanguage: string): string {
  const words = wordsIn(displayLanguage.startsWith("fr") ? "fr" : "en");
  const analysis = analysePipeline(source, { probabilityScale: "points" }, null, words);
  const missing = analysePipeline(noAmount, {}, null, words);
  return rendered(
    displayLanguage,
    <>
      <PipelineView host={host} />
      <SettingsLeftOut lines={["the period kept is not a period"]} onDismiss={nothing} />
      <ColumnsSection analysis={missing} busy={false} onChange={nothing} onPickHeader={nothing} />
      <DataQualitySection
        analysis={analysis}
        settings={{ probabilityScale: "points" }}
        onChange={nothing}
        onSelect={nothing}
      />
      <DataQualitySection
        analysis={analysePipeline(source, {}, null, words)}
        settings={{}}
        onChange={nothing}
        onSelect={nothing}
      />
      <ForecastSection
        analysis={analysis}
        settings={{}}
        busy={false}
        built={null}
        onChange={nothing}
        onBuild={nothing}
      />
      <HistoryPanel
        host={host}
        dealCount={3}
        currencyFormat="General"
        periodKind="quarter"
        currentDeals={async () => []}
        busy={false}
        run={async () => undefined}
      />
    </>
  );
}

const RANGES: SourceData = {
  kind: "table",
  tableName: "Gammes",
  sheet: "Gammes",
  row: 1,
  col: 1,
  address: "Gammes!B2:G14",
  headers: RANGE_HEADERS_FR,
  rows: TEN_RANGES,
  numberFormats: RANGE_HEADERS_FR.map(() => "General"),
};

function matrixTab(displayLanguage: string): string {
  const words = wordsIn(displayLanguage.startsWith("fr") ? "fr" : "en");
  const analysis = analyseRangeTable(RANGES, {}, words);
  const won = analyseWonDeals(RANGES, {}, words);
  const line = { address: "Ventes!A2:D2", range: "Juliet", amount: 12000, text: "x" };
  return rendered(
    displayLanguage,
    <>
      <MatrixView host={host} />
      <RangeSource analysis={analysis} marketFigures={{}} onMapping={nothing} onMarketFigures={nothing} />
      <RangeReport analysis={analysis} onSelect={nothing} />
      <SettingsForm settings={analysis.settings} onChange={nothing} />
      <MarketFiguresForm names={["Juliet"]} figures={{}} onChange={nothing} />
      <MarketFiguresForm names={won.ranges.map((r) => r.name)} figures={{}} onChange={nothing} />
      <NineBox rows={analysis.rows} measure="share" onSelect={nothing} />
      <HarvestWarning lines={[line]} hasPipeline onSelect={nothing} />
      <HarvestWarning lines={[]} hasPipeline={false} onSelect={nothing} />
    </>
  );
}

/** The English labels of the main controls and headings, as the browser tests find them. */
const PIPELINE_ENGLISH = [
  "Read selection",
  "Or a range",
  "Read range",
  "Data quality",
  "Data-quality report",
  "Read as percentages",
  "Undo",
  "Stage table (default probabilities)",
  "Forecast",
  "Weighted",
  "Unweighted",
  "Open deals",
  "Build forecast",
  "History",
  "Take snapshot",
  "Compare snapshots",
  "Dismiss",
  "Settings left out",
  "Close date",
  "(none)",
];
const MATRIX_ENGLISH = [
  "Portfolio matrix",
  "From won deals",
  "Columns",
  "Data quality",
  "Settings",
  "Strength measure",
  "Market share in volume",
  "Weak below",
  "Strong from",
  "Class A to",
  "Class B to",
  "Market figures",
  "Market volume",
  "Margin",
  "Invest / grow",
  "Selectivity",
  "Harvest / divest",
];

const lines = (text: string) => text.split("\n").map((l) => l.trim());

describe("the Pipeline tab in French", () => {
  const french = pipelineTab("fr-FR");
  const english = pipelineTab("en-US");

  it("shows its controls, headings and messages in French", () => {
    for (const label of [
      "Lire la sélection",
      "Ou une plage",
      "Lire la plage",
      "Qualité des données",
      "Lire comme des pourcentages",
      "Table des étapes (probabilités par défaut)",
      "Prévision",
      "Pondéré",
      "Non pondéré",
      "Affaires en cours",
      "Établir la prévision",
      "Historique",
      "Prendre un instantané",
      "Comparer les instantanés",
      "Fermer",
      "Date jalon",
      "(aucune)",
      "Feuil1!A1:F200",
    ])
      expect([label, lines(french).includes(label)]).toEqual([label, true]);
    expect(french).toContain("Choisissez la colonne pour\u00a0: Montant.");
    expect(french).toContain("3 affaires lues · 1 ligne de total écartée · 0 problème");
    expect(french).toContain("Les probabilités sont saisies comme 20, 50, 75.");
    // Amounts in the French locale: 2 000 × 50 % + 4 000 × 75 % + 1 000 × 20 %.
    expect(lines(french)).toContain("4\u202f200");
  });

  it("leaves no English label on its main controls", () => {
    for (const label of PIPELINE_ENGLISH)
      expect([label, lines(french).includes(label)]).toEqual([label, false]);
  });

  it("says in English exactly what it said before the catalogue", () => {
    for (const label of PIPELINE_ENGLISH)
      expect([label, lines(english).includes(label)]).toEqual([label, true]);
    expect(english).toContain("3 deals read · 1 total row left out · 0 problems");
    expect(english).toContain("Choose the column for: Amount.");
    expect(lines(english)).toContain("4,200");
  });
});

describe("the Matrix tab in French", () => {
  const french = matrixTab("fr-FR");
  const english = matrixTab("en-US");

  it("shows its controls, nine-box and warning in French", () => {
    for (const label of [
      "Matrice du portefeuille",
      "Depuis les affaires gagnées",
      "Colonnes",
      "Qualité des données",
      "Réglages",
      "Mesure de l'atout",
      "Part de marché en volume",
      "Faible sous",
      "Fort dès",
      "Classe A jusqu'à",
      "Chiffres du marché",
      "Volume du marché",
      "Marge",
      "Investir",
      "Sélectivité",
      "Récolter / abandonner",
      "Gamme",
    ])
      expect([label, lines(french).includes(label)]).toEqual([label, true]);
    expect(french).toContain("10 gammes lues · 1 ligne de total écartée · 2 remarques");
    expect(french).toContain("1 opportunité qui pourrait ne pas s'inscrire dans le plan");
    expect(french).toContain("Juliet\u00a0: 1 affaire, 12\u202f000");
    expect(french).toMatch(/Attrait faible, atout faible\u00a0: Abandonner, zone Récolter \/ abandonner/);
  });

  it("leaves no English label on its main controls", () => {
    for (const label of MATRIX_ENGLISH)
      expect([label, lines(french).includes(label)]).toEqual([label, false]);
    expect(french).not.toContain("attractiveness");
  });

  it("says in English exactly what it said before the catalogue", () => {
    for (const label of MATRIX_ENGLISH)
      expect([label, lines(english).includes(label)]).toEqual([label, true]);
    expect(english).toContain("10 ranges read · 1 total row(s) left out · 2 notes");
    expect(english).toContain("1 opportunity that may not fit the plan");
    expect(english).toMatch(/Low attractiveness, weak strength: Divest, zone Harvest \/ divest/);
  });
});

describe("the pane's frame in French", () => {
  it("introduces Carnet and its functions in French, the syntax staying English", () => {
    const french = rendered("fr-FR", <App host={null} />);
    expect(french).toContain("Votre classeur de ventes devenu plan de vente");
    expect(french).toContain("Ouvrez ce volet depuis Excel");
    expect(french).toContain("Fonctions à saisir dans une cellule");
    expect(lines(french)).toContain("WEIGHTED_PIPELINE");
    expect(french).not.toContain("Functions you can type in a cell");
  });
});

describe("the French of the frame, Pipeline and Matrix", () => {
  it("puts a no-break space before : ; ? ! throughout", () => {
    const french = Object.entries(CATALOGUE.fr).filter(([key]) =>
      /^(app|pipeline|matrix)\./.test(key)
    );
    expect(french.length).toBeGreaterThan(200);
    for (const [key, text] of french) {
      // An ordinary space, or none, before the mark (a mark inside an address, A1:F200, is no mark).
      expect([key, / [:;?!]/.test(text), /[\p{L})}][:;?!](\s|$)/u.test(text)]).toEqual([
        key,
        false,
        false,
      ]);
    }
  });
});
