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
import type { Language } from "../../domain/language";
import type { TeamBuild, TeamReading } from "../../excel/plan/teamPort";
import { formatAmount, formatPercent } from "../format";
import type { Text } from "../i18n/language";
import type { MessageKey } from "../i18n/messages";
import type { Words } from "../words";

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
export function readCollectiveWeight(
  text: string,
  t: Text,
  language: Language = "en"
): FieldReading<number> {
  const reading = readProbability(text, { language });
  if (reading.kind === "blank") return { problem: t("team.weight.blank") };
  if (reading.kind === "error") return { problem: fieldProblem("team.weight", reading, t) };
  return { value: reading.value };
}

/** "<field> <what was typed> <why>": the field named by the pane, why by the domain (values.ts). */
function fieldProblem(
  field: MessageKey,
  reading: { readonly shown: string; readonly problem: string },
  t: Text
): string {
  return t("team.fieldProblem", {
    field: t(field),
    shown: reading.shown,
    problem: reading.problem,
  });
}

/** "Team objective": an amount ("250 000 €"); blank means Σ of the individual objectives. */
export function readTeamObjective(
  text: string,
  t: Text,
  language: Language = "en"
): FieldReading<number | null> {
  const reading = readAmount(text, { language });
  if (reading.kind === "blank") return { value: null };
  if (reading.kind === "error") return { problem: fieldProblem("team.objective", reading, t) };
  if (reading.value <= 0) return { problem: t("team.objective.notAbove0", { text: text.trim() }) };
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
export function pipelineProblem(
  hasSource: boolean,
  missing: readonly string[],
  t: Text
): string | null {
  if (!hasSource) return t("team.pipeline.noSource");
  if (missing.length > 0) return t("team.pipeline.missing", { columns: missing.join(", ") });
  return null;
}

/** What a build wrote, in one line. */
export function builtMessage(
  result: { sheet: string; charts: readonly string[]; liveCells: number },
  reps: number,
  semester: string,
  t: Text
): string {
  const figures = { sheet: result.sheet, reps, charts: result.charts.length, semester };
  return t(result.liveCells > 0 ? "team.builtLive" : "team.built", figures);
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
export function formatCoverage(value: number | null, locale: string): string {
  if (value === null || !Number.isFinite(value)) return "–";
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)}×`;
}

/** One rep's figures as the card lists them (the sheet's, as read), in the pane's words and locale. */
export function repFigures(rep: RepFigures, { t, locale }: Words): Figure[] {
  const amount = (v: number | null) => formatAmount(v, locale);
  const percent = (v: number | null) => formatPercent(v, locale);
  return [
    { label: t("team.figure.openPipeline"), value: amount(rep.openPipeline) },
    { label: t("team.figure.weighted"), value: amount(rep.weighted) },
    { label: t("team.figure.objective"), value: amount(rep.objective) },
    { label: t("team.figure.won"), value: amount(rep.won) },
    { label: t("team.figure.attainment"), value: percent(rep.attainment) },
    { label: t("team.figure.coverage"), value: formatCoverage(rep.coverage, locale) },
    { label: t("team.figure.pObjective"), value: percent(rep.pObjective) },
    { label: t("team.figure.blended"), value: percent(rep.blendedAttainment) },
    { label: t("team.figure.actions"), value: new Intl.NumberFormat(locale).format(rep.actions) },
    { label: t("team.figure.budget"), value: amount(rep.budget) },
  ];
}

/** A card per rep of CarnetTeam as read, with the domain's trade-off at the sheet's w. */
export function repCards(reading: TeamReading, words: Words): RepCardModel[] {
  const offs = tradeOffs(reading.figures, reading.settings.collectiveWeight);
  return reading.figures.reps.map((rep, i) => ({
    rep: rep.rep,
    address: reading.rowAddress.get(rep.rep) ?? null,
    figures: repFigures(rep, words),
    tradeOff: offs.find((t) => t.rep === rep.rep) ?? offs[i] ?? null,
  }));
}

/** The team's own line: its objective (set, or Σ objectives), won and attainment. */
export function teamLine(
  figures: TeamFigures,
  settings: TeamSettings,
  { t, locale }: Words
): string {
  const won = formatAmount(figures.teamWon, locale);
  if (figures.teamObjective === null) return t("team.line.noObjective", { won });
  return t(settings.teamObjective === null ? "team.line.sum" : "team.line.set", {
    objective: formatAmount(figures.teamObjective, locale),
    won,
    attainment: formatPercent(figures.teamAttainment, locale),
  });
}

/** Percentage points between two attainments, signed: 1.37 against 1.5 → "−13 points". */
function points(from: number, to: number, t: Text): string {
  const delta = Math.round((to - from) * 100);
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  return t("team.points", { sign, count: Math.abs(delta) });
}

const EFFECT_KEYS: Readonly<Record<RepTradeOff["effect"], MessageKey>> = {
  carried: "team.tradeOff.carried",
  "held back": "team.tradeOff.held",
  even: "team.tradeOff.even",
};

/** The handbook's trade-off for one rep, in words: the pay basis from individual-only to team-only. */
export function tradeOffText(off: RepTradeOff, weight: number, { t, locale }: Words): string {
  if (off.individualOnly === null || off.blended === null)
    return t("team.tradeOff.noObjective", { rep: off.rep });
  const percent = (v: number | null) => formatPercent(v, locale);
  const range = t("team.tradeOff.range", {
    individual: percent(off.individualOnly),
    team: percent(off.teamOnly),
    weight: percent(weight),
    blended: percent(off.blended),
  });
  const moved = points(off.individualOnly, off.blended, t);
  return t(EFFECT_KEYS[off.effect], { range, moved });
}

/** Who the team carries and who it holds back at w, in one sentence. */
export function tradeOffSummary(
  offs: readonly RepTradeOff[],
  weight: number,
  { t, locale }: Words
): string {
  const carried = offs
    .filter((o) => o.effect === "carried")
    .map((o) => o.rep)
    .join(", ");
  const held = offs
    .filter((o) => o.effect === "held back")
    .map((o) => o.rep)
    .join(", ");
  const figures = { weight: formatPercent(weight, locale), carried, held };
  if (carried && held) return t("team.summary.both", figures);
  if (carried) return t("team.summary.carried", figures);
  if (held) return t("team.summary.held", figures);
  return t("team.summary.none", figures);
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

export interface BrierRow {
  readonly name: string;
  readonly forecasts: number;
  readonly brier: string;
}

/** A Brier score as the pane shows it: three decimals, "–" without a forecast. */
export function formatBrier(brier: number | null, locale: string): string {
  if (brier === null || !Number.isFinite(brier)) return "–";
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
  }).format(brier);
}

/** The Brier table: the team first, then each rep. */
export function brierRows(report: CalibrationReport, { t, locale }: Words): BrierRow[] {
  return [report.team, ...report.reps].map((c) => ({
    name: c.rep ?? t("team.team"),
    forecasts: c.forecasts,
    brier: formatBrier(c.brier, locale),
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

export function reliabilityRows(calibration: Calibration, locale: string): ReliabilityRow[] {
  return calibration.reliability.map((b) => ({
    band: bandLabel(b.from, b.to),
    forecasts: b.forecasts,
    stated: formatPercent(b.meanProbability, locale),
    won: formatPercent(b.winRate, locale),
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
function signedAmount(value: number, locale: string): string {
  return `${value > 0 ? "+" : value < 0 ? "−" : ""}${formatAmount(Math.abs(value), locale)}`;
}

export function biasRows(bias: readonly PeriodBias[], locale: string): BiasRow[] {
  return bias.map((b) => ({
    period: b.period,
    forecast: formatAmount(b.forecast, locale),
    won: formatAmount(b.won, locale),
    bias: signedAmount(b.bias, locale),
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
export function stagesWithoutForecasts(stages: readonly StageSuggestion[], t: Text): string | null {
  const none = stages.filter((s) => s.forecasts === 0).map((s) => s.stage);
  return none.length === 0 ? null : t("team.stages.none", { stages: none.join(", ") });
}

/** The stages forecasts were made at, each with its win rate or why none is suggested. */
export function suggestionRows(
  stages: readonly StageSuggestion[],
  { t, locale }: Words,
  minimum = MINIMUM_STAGE_FORECASTS
): SuggestionRow[] {
  return stages
    .filter((s) => s.forecasts > 0)
    .map((s) => {
      const current = formatPercent(s.current, locale);
      const base = { stage: s.stage, count: s.forecasts };
      const text =
        s.suggested === null
          ? t("team.stages.below", { ...base, minimum })
          : t("team.stages.suggested", {
              ...base,
              won: formatPercent(s.suggested, locale),
              current,
            });
      // Adopted as shown (whole percent): the stage table shows and stores what the user saw.
      const rounded = s.suggested === null ? null : Math.round(s.suggested * 100) / 100;
      const same = rounded !== null && s.current !== null && Math.abs(rounded - s.current) < 1e-9;
      return {
        stage: s.stage,
        forecasts: s.forecasts,
        current,
        suggested: formatPercent(s.suggested, locale),
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
export function reliabilityPoints(
  bands: readonly ReliabilityBand[],
  { t, locale }: Words
): ReliabilityPoint[] {
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
        title: t("team.reliability.point", {
          band: bandLabel(b.from, b.to),
          count: b.forecasts,
          stated: formatPercent(b.meanProbability, locale),
          won: formatPercent(b.winRate, locale),
        }),
      },
    ];
  });
}
