/**
 * The calibration sheet written through Microsoft's Excel client against the simulated host: the Brier
 * score by rep and for the team, the reliability table, the chart of win rate against stated probability
 * with the diagonal, the bias by period and the stage suggestions; a second run replaces Carnet's own
 * output and nothing else.
 */
import { brierScore, type ForecastPair, reliability } from "../../src/domain/team/calibration";
import type { Calibration, CalibrationReport } from "../../src/domain/team/contract";
import { writeCalibration } from "../../src/excel/host/team";
import {
  BIAS_TABLE,
  CALIBRATION_SHEET,
  CALIBRATION_TABLE,
  RELIABILITY_CHART,
  RELIABILITY_CHART_DATA_TABLE,
  RELIABILITY_TABLE,
  STAGE_SUGGESTIONS_TABLE,
} from "../../src/excel/plan/teamSheet";
import { formulaWorkbook, type TestWorkbook } from "../support/excel-host";

const pairs = (...list: [number, 0 | 1][]): ForecastPair[] =>
  list.map(([probability, outcome]) => ({ probability, outcome }));

/**
 * Anne said 90 % and 95 % of a deal she won and 30 % of one she lost; Bruno 50 % and 60 % of a deal he
 * won; Chloé has no closed deal yet. Team Brier: (0.1² + 0.05² + 0.3² + 0.5² + 0.4²) ÷ 5 = 0.1025.
 */
const ANNE = pairs([0.9, 1], [0.95, 1], [0.3, 0]);
const BRUNO = pairs([0.5, 1], [0.6, 1]);

function calibration(rep: string | null, forecasts: ForecastPair[]): Calibration {
  return {
    rep,
    forecasts: forecasts.length,
    brier: brierScore(forecasts),
    reliability: reliability(forecasts),
  };
}

const REPORT: CalibrationReport = {
  team: calibration(null, [...ANNE, ...BRUNO]),
  reps: [calibration("Anne", ANNE), calibration("Bruno", BRUNO), calibration("Chloé", [])],
  bias: [
    { period: "2026-Q4", forecast: 12000, won: 9000, bias: 3000 },
    { period: "2027-Q1", forecast: 8000, won: 10000, bias: -2000 },
  ],
  stages: [
    { stage: "Proposal", forecasts: 25, suggested: 0.4, current: 0.5 },
    { stage: "Negotiation", forecasts: 3, suggested: null, current: 0.7 },
  ],
};

let book: TestWorkbook;
afterEach(() => book?.dispose());

/** A table's body as Excel computes it, rows as arrays; and its address. */
function table(name: string) {
  const info = book.host.tables().find((t) => t.name === name)!;
  const [first, last] = info.address.split("!").pop()!.split(":");
  const at = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    const col = [...m[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
    return { row: Number(m[2]) - 1, col };
  };
  const top = at(first);
  const rows = at(last).row - top.row;
  const cols = info.headers.length;
  return {
    ...info,
    rows: book.host.backend.getValues(info.sheet, top.row + 1, top.col, rows, cols),
    formats: book.host.backend.getNumberFormats(info.sheet, top.row + 1, top.col, rows, cols),
  };
}

const round = (rows: unknown[][]) =>
  rows.map((row) => row.map((v) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v)));

describe("the calibration sheet", () => {
  it("writes the Brier score by rep and for the team, the reliability table, the bias and the stages", async () => {
    book = formulaWorkbook({ Notes: [["Mine"]] });
    const result = await writeCalibration(REPORT);
    expect(result).toEqual({ sheet: CALIBRATION_SHEET, charts: [RELIABILITY_CHART] });
    expect(book.host.sheets()).toEqual(["Notes", CALIBRATION_SHEET]);
    const brier = table(CALIBRATION_TABLE);
    expect(brier.headers).toEqual(["Rep", "Forecasts", "Brier score"]);
    expect(round(brier.rows)).toEqual([
      ["(team)", 5, 0.1025],
      ["Anne", 3, 0.034166667],
      ["Bruno", 2, 0.205],
      // No closed deal yet: no score, rather than no row.
      ["Chloé", 0, ""],
    ]);
    expect(brier.formats[0]).toEqual(["General", "0", "0.000"]);
    const bands = table(RELIABILITY_TABLE);
    expect(bands.headers).toEqual([
      "Rep",
      "Band",
      "Forecasts",
      "Mean stated probability",
      "Win rate",
    ]);
    expect(bands.rows).toHaveLength(4 * 5);
    // The team's bands first: 30 % lost; 50 % won; 60 % won; 90 % and 95 % won.
    expect(round(bands.rows.slice(0, 5))).toEqual([
      ["(team)", "0–20 %", 0, "", ""],
      ["(team)", "20–40 %", 1, 0.3, 0],
      ["(team)", "40–60 %", 1, 0.5, 1],
      ["(team)", "60–80 %", 1, 0.6, 1],
      ["(team)", "80–100 %", 2, 0.925, 1],
    ]);
    expect(bands.rows.slice(15).map((r) => [r[0], r[2]])).toEqual(
      Array.from({ length: 5 }, () => ["Chloé", 0])
    );
    expect(table(BIAS_TABLE).rows).toEqual([
      ["2026-Q4", 12000, 9000, 3000],
      ["2027-Q1", 8000, 10000, -2000],
    ]);
    expect(table(STAGE_SUGGESTIONS_TABLE).rows).toEqual([
      ["Proposal", 25, 0.4, 0.5],
      ["Negotiation", 3, "", 0.7],
    ]);
  });

  it("charts the team's win rate against its stated probability, with the diagonal from (0, 0) to (1, 1)", async () => {
    book = formulaWorkbook({ Notes: [["Mine"]] });
    await writeCalibration(REPORT);
    const charts = book.host.charts().filter((c) => c.name === RELIABILITY_CHART);
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect(chart.type).toBe("XYScatterLines");
    const x = [0, 0.3, 0.5, 0.6, 0.925, 1];
    expect(chart.series.map((s) => [s.name, s.xValues, s.values])).toEqual([
      ["Win rate", x, [null, 0, 1, 1, 1, null]],
      ["Perfect calibration", x, x],
    ]);
    expect(chart.axes.category).toMatchObject({ minimum: 0, maximum: 1, numberFormat: "0%" });
    expect(chart.axes.value).toMatchObject({ minimum: 0, maximum: 1, numberFormat: "0%" });
    expect(table(RELIABILITY_CHART_DATA_TABLE).headers).toEqual([
      "Stated probability",
      "Win rate",
      "Perfect calibration",
    ]);
  });

  it("replaces its own tables and chart on a second run, and leaves the user's cells and sheets alone", async () => {
    book = formulaWorkbook({ Notes: [["Mine"]] });
    await writeCalibration(REPORT);
    const notes = book.host.backend.usedRange("Notes");
    // The user's own line far to the right of Carnet's tables, on Carnet's sheet.
    book.host.type(CALIBRATION_SHEET, 40, 30, [["my reading of it"]]);
    const fewer: CalibrationReport = {
      team: calibration(null, BRUNO),
      reps: [calibration("Bruno", BRUNO)],
      bias: [],
      stages: [],
    };
    await writeCalibration(fewer);
    expect(book.host.sheets()).toEqual(["Notes", CALIBRATION_SHEET]);
    expect(round(table(CALIBRATION_TABLE).rows)).toEqual([
      ["(team)", 2, 0.205],
      ["Bruno", 2, 0.205],
    ]);
    expect(table(RELIABILITY_TABLE).rows).toHaveLength(2 * 5);
    expect(table(BIAS_TABLE).rows).toEqual([["", "", "", ""]]);
    const charts = book.host.charts().filter((c) => c.sheet === CALIBRATION_SHEET);
    expect(charts.map((c) => c.name)).toEqual([RELIABILITY_CHART]);
    expect(charts[0].series[0].xValues).toEqual([0, 0.5, 0.6, 1]);
    // Nothing of the longer first run is left below the tables.
    expect(book.host.backend.getValues(CALIBRATION_SHEET, 5, 0, 1, 3)).toEqual([["", "", ""]]);
    expect(book.host.backend.getValues(CALIBRATION_SHEET, 40, 30, 1, 1)).toEqual([
      ["my reading of it"],
    ]);
    expect(book.host.backend.usedRange("Notes")).toEqual(notes);
  });
});
