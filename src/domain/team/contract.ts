/**
 * Steering the reps (issue 14): the shapes the team's rules (team.ts, calibration.ts) return and the
 * host and the pane use. Each rule's module exports its function; this file names what crosses.
 */

/** CarnetTeam's headers, in order (domain.md): a public interface, users write formulas on them. */
export const TEAM_COLUMNS = Object.freeze([
  "Rep",
  "Open pipeline",
  "Weighted",
  "Objective",
  "Won",
  "Attainment",
  "Coverage",
  "P(objective)",
  "Actions",
  "Budget",
  "Blended attainment",
] as const);

/** One rep's row of CarnetTeam, as figures (the sheet holds live formulas where Excel can compute them). */
export interface RepFigures {
  readonly rep: string;
  /** Σ amount of the rep's open deals (not Won, Lost or Omitted). */
  readonly openPipeline: number;
  /** Σ amount × probability of the rep's open deals (countingRows' weighted total). */
  readonly weighted: number;
  /** Typed by the manager in CarnetTeam, kept across rebuilds; null when not set. */
  readonly objective: number | null;
  /** Σ amount of the rep's Won deals. */
  readonly won: number;
  /** won ÷ objective; null without an objective. */
  readonly attainment: number | null;
  /** weighted ÷ (objective − won); null without an objective or when it is reached. */
  readonly coverage: number | null;
  /** P(won + outcome of the open deals ≥ objective); null without an objective. */
  readonly pObjective: number | null;
  /** The rep's actions and their budget in the semester's action plan. */
  readonly actions: number;
  readonly budget: number;
  /** individual × (1 − w) + team × w; null without an individual attainment. */
  readonly blendedAttainment: number | null;
}

/** The manager's choices, stored in the workbook. */
export interface TeamSettings {
  /** w in [0, 1]: the weight of the team's attainment in each rep's blended attainment. */
  readonly collectiveWeight: number;
  /** The team objective; null means Σ of the individual objectives (domain.md). */
  readonly teamObjective: number | null;
}

/** The team: the reps' rows and the team's own figures. */
export interface TeamFigures {
  readonly reps: readonly RepFigures[];
  /** The team objective used: the one set, else Σ individual objectives; null when neither. */
  readonly teamObjective: number | null;
  readonly teamWon: number;
  /** Σ won ÷ team objective. */
  readonly teamAttainment: number | null;
}

/** The handbook's trade-off for one rep at the current w. */
export interface RepTradeOff {
  readonly rep: string;
  /** The rep's pay basis with w = 0 (individual only) and w = 1 (team only), and at the current w. */
  readonly individualOnly: number | null;
  readonly teamOnly: number | null;
  readonly blended: number | null;
  /** "carried": blended well above individual (the team lifts them); "held back": well below; else "even". */
  readonly effect: "carried" | "held back" | "even";
}

/** One forecast of the calibration: a deal open in a snapshot and won or lost by now. */
export interface CalibrationForecast {
  readonly dealKey: string;
  readonly rep: string | null;
  readonly stage: string | null;
  /** The snapshot's time (Excel serial date-time) and the deal's close date then. */
  readonly takenAt: number;
  readonly closeDate: number | null;
  readonly amount: number | null;
  /** The stated probability p in [0, 1], and the outcome o (won 1, lost 0). */
  readonly probability: number;
  readonly outcome: 0 | 1;
}

/** One probability band of the reliability table: [0, 20 %), [20, 40 %), …, [80, 100 %]. */
export interface ReliabilityBand {
  readonly from: number;
  readonly to: number;
  readonly forecasts: number;
  /** Mean stated p, and the observed win rate; null when the band has no forecast. */
  readonly meanProbability: number | null;
  readonly winRate: number | null;
}

export interface PeriodBias {
  /** The period's key and label (pipeline.ts periods). */
  readonly period: string;
  /** The weighted forecast of the deals closing in it, at the last snapshot before it started. */
  readonly forecast: number;
  readonly won: number;
  /** forecast − won (positive: optimistic). */
  readonly bias: number;
}

export interface StageSuggestion {
  readonly stage: string;
  readonly forecasts: number;
  /** The stage's win rate; null below the minimum count (domain.md: 20 forecasts). */
  readonly suggested: number | null;
  /** The stage table's probability today, for comparison. */
  readonly current: number | null;
}

/** The calibration of one rep, or of the team (rep null). */
export interface Calibration {
  readonly rep: string | null;
  readonly forecasts: number;
  /** Mean (p − o)²; null without a forecast. */
  readonly brier: number | null;
  readonly reliability: readonly ReliabilityBand[];
}

export interface CalibrationReport {
  readonly team: Calibration;
  readonly reps: readonly Calibration[];
  readonly bias: readonly PeriodBias[];
  readonly stages: readonly StageSuggestion[];
}
