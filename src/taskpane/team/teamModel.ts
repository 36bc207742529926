/**
 * The Team tab's model (issue 14), without React or Office: the manager's two fields read as the rest of
 * Carnet reads cells, what a team build sends, the cards and the trade-off in words, and the calibration
 * as the pane shows it. Every rule (who is a rep, attainment, coverage, P(objective), blended attainment,
 * the trade-off's effect, the Brier score, bands, bias, suggestions) is the domain's (src/domain/team):
 * this module calls it and arranges its answers for a 320 px pane.
 */
import type { Action } from "../../domain/actionPlan/action";
import type { Deal } from "../../domain/deal";
import { type Snapshot, snapshotFromDeals } from "../../domain/snapshots";
import { type StageDefault, stageRow } from "../../domain/stages";
import type {
  Calibration,
  CalibrationReport,
  PeriodBias,
  ReliabilityBand,
  RepFigures,
  RepTradeOff,
  StageSuggestion,
  TeamFigures,
  TeamSettings,
} from "../../domain/team/contract";
import { calibrationReport, MINIMUM_STAGE_FORECASTS } from "../../domain/team/calibration";
import { teamFigures, tradeOffs } from "../../domain/team/team";
import type { PeriodKind } from "../../domain/pipeline";
import { readAmount, readProbability } from "../../domain/values";
import type { TeamBuild, TeamReading } from "../../excel/plan/teamPort";
import { formatAmount, formatPercent } from "../format";

// ---------------------------------------------------------------------------------------------------------------
// The manager's fields

/** A field as typed: its value, or why it is refused (shown next to the field). */
export type FieldReading<T> = { readonly value: T } | { readonly problem: string };

/** The settings a workbook without a team starts from: individual pay only, team objective Σ objectives. */
export const DEFAULT_TEAM_SETTINGS: TeamSettings = Object.freeze({
  collectiveWeight: 0,
  teamObjective: null,
});

/**
 * "Collective weight": w in [0, 1], typed 0.2 or "20 %" — a probability's rules (values.ts), since w is
 * a share of the pay basis in the same range; "20" is refused with the probability's hint (20% or 0.2).
 */
export function readCollectiveWeight(text: string): FieldReading<number> {
  const reading = readProbability(text);
  if (reading.kind === "blank") return { problem: "Type a weight from 0 to 1, or 0 % to 100 %" };
  if (reading.kind === "error")
    return { problem: `Collective weight ${reading.shown} ${reading.problem}` };
  return { value: reading.value };
}

/** "Team objective": an amount ("250 000 €"); blank means Σ of the individual objectives. */
export function readTeamObjective(text: string): FieldReading<number | null> {
  const reading = readAmount(text);
  if (reading.kind === "blank") return { value: null };
  if (reading.kind === "error")
    return { problem: `Team objective ${reading.shown} ${reading.problem}` };
  if (reading.value <= 0)
    return {
      problem: `Team objective ${text.trim()} is not above 0: leave it blank for Σ objectives`,
    };
  return { value: reading.value };
}

/** How w shows in its field: 0.2 → "20 %". */
export function weightInputText(weight: number): string {
  return `${Number((weight * 100).toPrecision(12))} %`;
}

/** How the team objective shows in its field: a plain number, blank for Σ objectives. */
export function objectiveInputText(objective: number | null): string {
  return objective === null ? "" : String(objective);
}

// ---------------------------------------------------------------------------------------------------------------
// A team build

/** The objectives typed in CarnetTeam, by rep as the sheet spells them (the domain matches names). */
export function objectivesOf(reading: TeamReading | null): Map<string, number> {
  const objectives = new Map<string, number>();
  for (const rep of reading?.figures.reps ?? [])
    if (rep.objective !== null) objectives.set(rep.rep, rep.objective);
  return objectives;
}

export interface TeamBuildInput {
  readonly deals: readonly Deal[];
  readonly actions: readonly Action[];
  readonly semester: string;
  /** CarnetTeam as it is now (its typed objectives are kept), or null before a first build. */
  readonly reading: TeamReading | null;
  readonly settings: TeamSettings;
  readonly currencyFormat: string;
}

/** What Build team writes: the domain's figures over the pipeline and the semester's plan. */
export function teamBuildOf(input: TeamBuildInput): TeamBuild {
  const { deals, actions, semester, settings, currencyFormat } = input;
  const objectives = objectivesOf(input.reading);
  const figures = teamFigures({ deals, actions, semester, objectives, settings });
  return { figures, settings, semester, currencyFormat };
}

/** Why the team cannot be built from the pipeline yet, or null: said as what to do in the Pipeline tab. */
export function pipelineProblem(hasSource: boolean, missing: readonly string[]): string | null {
  if (!hasSource)
    return "Read your sales table in the Pipeline tab first: the team is built from its deals.";
  if (missing.length > 0)
    return `Choose the column for ${missing.join(", ")} in the Pipeline tab first.`;
  return null;
}

/** What a build wrote, in one line. */
export function builtMessage(
  result: { sheet: string; charts: readonly string[]; liveCells: number },
  reps: number,
  semester: string
): string {
  const charts = result.charts.length === 1 ? "1 chart" : `${result.charts.length} charts`;
  const live =
    result.liveCells > 0
      ? " Its figures are live formulas: an objective typed in CarnetTeam updates its row."
      : "";
  return `CarnetTeam written to ${result.sheet}: ${reps} rep${reps === 1 ? "" : "s"}, ${charts}, actions of ${semester}.${live}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The cards

export interface Figure {
  readonly label: string;
  readonly value: string;
}

export interface RepCardModel {
  readonly rep: string;
  /** The rep's row in CarnetTeam now, to select it; null when the host did not say. */
  readonly address: string | null;
  readonly figures: readonly Figure[];
  readonly tradeOff: RepTradeOff | null;
}

/** Coverage as a multiple: 1.5 → "1.5×" (weighted pipeline one and a half times what remains). */
export function formatCoverage(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "–";
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(value)}×`;
}

/** One rep's figures as the card lists them (the sheet's, as read). */
export function repFigures(rep: RepFigures): Figure[] {
  return [
    { label: "Open pipeline", value: formatAmount(rep.openPipeline) },
    { label: "Weighted", value: formatAmount(rep.weighted) },
    { label: "Objective", value: formatAmount(rep.objective) },
    { label: "Won", value: formatAmount(rep.won) },
    { label: "Attainment", value: formatPercent(rep.attainment) },
    { label: "Coverage", value: formatCoverage(rep.coverage) },
    { label: "P(objective)", value: formatPercent(rep.pObjective) },
    { label: "Blended", value: formatPercent(rep.blendedAttainment) },
    { label: "Actions", value: String(rep.actions) },
    { label: "Budget", value: formatAmount(rep.budget) },
  ];
}

/** A card per rep of CarnetTeam as read, with the domain's trade-off at the sheet's w. */
export function repCards(reading: TeamReading): RepCardModel[] {
  const offs = tradeOffs(reading.figures, reading.settings.collectiveWeight);
  return reading.figures.reps.map((rep, i) => ({
    rep: rep.rep,
    address: reading.rowAddress.get(rep.rep) ?? null,
    figures: repFigures(rep),
    tradeOff: offs.find((t) => t.rep === rep.rep) ?? offs[i] ?? null,
  }));
}

/** The team's own line: its objective (set, or Σ objectives), won and attainment. */
export function teamLine(figures: TeamFigures, settings: TeamSettings): string {
  if (figures.teamObjective === null)
    return `Team won ${formatAmount(figures.teamWon)}; no objective yet: type the reps' objectives in CarnetTeam, or a team objective here.`;
  const source = settings.teamObjective === null ? " (Σ individual objectives)" : "";
  return (
    `Team objective ${formatAmount(figures.teamObjective)}${source}, won ${formatAmount(figures.teamWon)}: ` +
    `attainment ${formatPercent(figures.teamAttainment)}.`
  );
}

/** Percentage points between two attainments, signed: 1.37 against 1.5 → "−13 points". */
function points(from: number, to: number): string {
  const delta = Math.round((to - from) * 100);
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  return `${sign}${Math.abs(delta)} point${Math.abs(delta) === 1 ? "" : "s"}`;
}

/** The handbook's trade-off for one rep, in words: the pay basis from individual-only to team-only. */
export function tradeOffText(t: RepTradeOff, weight: number): string {
  if (t.individualOnly === null || t.blended === null)
    return `No objective for ${t.rep}: nothing to blend until one is typed in CarnetTeam.`;
  const range =
    `Individual only ${formatPercent(t.individualOnly)}, team only ${formatPercent(t.teamOnly)}; ` +
    `blended at ${formatPercent(weight)} team: ${formatPercent(t.blended)}`;
  const moved = points(t.individualOnly, t.blended);
  if (t.effect === "carried") return `${range}. Carried by the team (${moved}).`;
  if (t.effect === "held back") return `${range}. Held back by the team (${moved}).`;
  return `${range}. The team barely moves it (${moved}).`;
}

/** Who the team carries and who it holds back at w, in one sentence. */
export function tradeOffSummary(offs: readonly RepTradeOff[], weight: number): string {
  const carried = offs.filter((t) => t.effect === "carried").map((t) => t.rep);
  const held = offs.filter((t) => t.effect === "held back").map((t) => t.rep);
  const w = formatPercent(weight);
  if (carried.length === 0 && held.length === 0)
    return `At ${w} team, no one's pay basis moves much from their own attainment.`;
  const parts = [
    carried.length > 0 ? `carried by the team: ${carried.join(", ")}` : "",
    held.length > 0 ? `held back by it: ${held.join(", ")}` : "",
  ].filter(Boolean);
  return `At ${w} team, ${parts.join("; ")}.`;
}

// ---------------------------------------------------------------------------------------------------------------
// Calibration

/** The pipeline as it is now, as the calibration's "now" (a snapshot's deals: open, won or lost). */
export function calibrationOf(
  snapshots: readonly Snapshot[],
  deals: readonly Deal[],
  today: number,
  stageTable: readonly StageDefault[],
  periodKind: PeriodKind
): CalibrationReport {
  const now = snapshotFromDeals("now", today, deals).deals;
  return calibrationReport(snapshots, now, stageTable, periodKind);
}

export const BRIER_SENTENCE =
  "The Brier score is the mean of (stated probability − outcome)²: 0 is perfect, 0.25 is always saying 50 %.";

export interface BrierRow {
  readonly name: string;
  readonly forecasts: number;
  readonly brier: string;
}

/** A Brier score as the pane shows it: three decimals, "–" without a forecast. */
export function formatBrier(brier: number | null): string {
  if (brier === null || !Number.isFinite(brier)) return "–";
  return new Intl.NumberFormat(undefined, {
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
  }).format(brier);
}

/** The Brier table: the team first, then each rep. */
export function brierRows(report: CalibrationReport): BrierRow[] {
  return [report.team, ...report.reps].map((c) => ({
    name: c.rep ?? "Team",
    forecasts: c.forecasts,
    brier: formatBrier(c.brier),
  }));
}

export interface ReliabilityRow {
  readonly band: string;
  readonly forecasts: number;
  readonly stated: string;
  readonly won: string;
}

/** A band's label: "0–20 %", …, "80–100 %" (the last band holds 100 %). */
export function bandLabel(from: number, to: number): string {
  return `${Math.round(from * 100)}–${Math.round(to * 100)} %`;
}

export function reliabilityRows(calibration: Calibration): ReliabilityRow[] {
  return calibration.reliability.map((b) => ({
    band: bandLabel(b.from, b.to),
    forecasts: b.forecasts,
    stated: formatPercent(b.meanProbability),
    won: formatPercent(b.winRate),
  }));
}

/** Whose reliability is shown: the team (null) or a rep of the report. */
export function calibrationFor(report: CalibrationReport, rep: string | null): Calibration {
  return (rep === null ? null : report.reps.find((c) => c.rep === rep)) ?? report.team;
}

export interface BiasRow {
  readonly period: string;
  readonly forecast: string;
  readonly won: string;
  readonly bias: string;
}

/** A signed amount: +1 200 optimistic, −800 cautious. */
function signedAmount(value: number): string {
  return `${value > 0 ? "+" : value < 0 ? "−" : ""}${formatAmount(Math.abs(value))}`;
}

export function biasRows(bias: readonly PeriodBias[]): BiasRow[] {
  return bias.map((b) => ({
    period: b.period,
    forecast: formatAmount(b.forecast),
    won: formatAmount(b.won),
    bias: signedAmount(b.bias),
  }));
}

export interface SuggestionRow {
  readonly stage: string;
  readonly forecasts: number;
  readonly current: string;
  readonly suggested: string;
  /** The suggestion in words ("Proposal: 24 forecasts, won 42 %; the table says 50 %"). */
  readonly text: string;
  /** The probability Adopt puts in the stage table; null when there is nothing to adopt. */
  readonly adopt: number | null;
}

/** The stages no forecast was made at, in one line ("No forecast yet at Prospecting, Closed lost."), or null. */
export function stagesWithoutForecasts(stages: readonly StageSuggestion[]): string | null {
  const none = stages.filter((s) => s.forecasts === 0).map((s) => s.stage);
  return none.length === 0 ? null : `No forecast yet at ${none.join(", ")}.`;
}

/** The stages forecasts were made at, each with its win rate or why none is suggested. */
export function suggestionRows(
  stages: readonly StageSuggestion[],
  minimum = MINIMUM_STAGE_FORECASTS
): SuggestionRow[] {
  return stages
    .filter((s) => s.forecasts > 0)
    .map((s) => {
      const current = formatPercent(s.current);
      const base = `${s.stage}: ${s.forecasts} forecast${s.forecasts === 1 ? "" : "s"}`;
      const text =
        s.suggested === null
          ? `${base}, below ${minimum}: no suggestion yet.`
          : `${base}, won ${formatPercent(s.suggested)}; the stage table says ${current}.`;
      // Adopted as shown (whole percent): the stage table shows and stores what the user saw.
      const rounded = s.suggested === null ? null : Math.round(s.suggested * 100) / 100;
      const same = rounded !== null && s.current !== null && Math.abs(rounded - s.current) < 1e-9;
      return {
        stage: s.stage,
        forecasts: s.forecasts,
        current,
        suggested: formatPercent(s.suggested),
        text,
        adopt: same ? null : rounded,
      };
    });
}

/**
 * The stage table with a suggestion adopted: the stage's row (matched as the pipeline matches stages)
 * takes the probability, in place; a stage the table lacks is added at its end.
 */
export function adoptSuggestion(
  table: readonly StageDefault[],
  stage: string,
  probability: number
): StageDefault[] {
  const found = stageRow(table, stage);
  const at = found ? table.indexOf(found) : -1;
  if (at < 0) return [...table, { stage, probability }];
  return table.map((row, i) => (i === at ? { stage: row.stage, probability } : row));
}

/**
 * The reliability chart's square, in SVG units: its side, the margin left and below for the axes' labels,
 * and the padding above and right so that a dot at 100 % is drawn whole.
 */
export const RELIABILITY_GEOMETRY = Object.freeze({ side: 200, margin: 28, pad: 10 });

export interface ReliabilityPoint {
  readonly x: number;
  readonly y: number;
  /** Radius: the dot's area follows the band's number of forecasts. */
  readonly r: number;
  /** What a reader hears and sees on hover: "40–60 %: 12 forecasts, stated 52 %, won 33 %". */
  readonly title: string;
}

/**
 * One dot per band with forecasts: stated probability across, observed win rate up, so that a
 * well-calibrated forecaster's dots sit on the diagonal.
 */
export function reliabilityPoints(bands: readonly ReliabilityBand[]): ReliabilityPoint[] {
  const { side, margin, pad } = RELIABILITY_GEOMETRY;
  const plot = side - margin - pad;
  const most = Math.max(1, ...bands.map((b) => b.forecasts));
  return bands.flatMap((b) => {
    if (b.forecasts === 0 || b.meanProbability === null || b.winRate === null) return [];
    return [
      {
        x: margin + b.meanProbability * plot,
        y: pad + (1 - b.winRate) * plot,
        r: 3 + 6 * Math.sqrt(b.forecasts / most),
        title:
          `${bandLabel(b.from, b.to)}: ${b.forecasts} forecast${b.forecasts === 1 ? "" : "s"}, ` +
          `stated ${formatPercent(b.meanProbability)}, won ${formatPercent(b.winRate)}`,
      },
    ];
  });
}
