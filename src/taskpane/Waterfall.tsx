import { makeStyles, tokens } from "@fluentui/react-components";
import type { WaterfallStep } from "../domain/snapshots";
import { changeLabel } from "./pipelineModel";
import { ENGLISH_WORDS, useWords, type Words } from "./words";

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", display: "block" },
  label: { fontSize: "10px", fill: tokens.colorNeutralForeground2 },
  amount: {
    fontSize: "10px",
    fill: tokens.colorNeutralForeground1,
    fontVariantNumeric: "tabular-nums",
  },
});

export interface WaterfallProps {
  readonly before: number;
  readonly after: number;
  readonly steps: readonly WaterfallStep[];
  readonly width?: number;
}

const ROW = 22;
const LABEL_WIDTH = 96;
const AMOUNT_WIDTH = 58;

interface Bar {
  readonly label: string;
  readonly from: number;
  readonly to: number;
  readonly kind: "total" | "up" | "down";
}

/**
 * The bars: the first snapshot's total, one per step that moved it, the second snapshot's total;
 * each named in `words`' language.
 */
export function waterfallBars(
  before: number,
  after: number,
  steps: readonly WaterfallStep[],
  words: Words = ENGLISH_WORDS
): Bar[] {
  const { t } = words;
  const bars: Bar[] = [
    { label: t("pipeline.waterfall.before"), from: before, to: before, kind: "total" },
  ];
  let level = before;
  for (const step of steps) {
    if (step.delta === 0) continue;
    bars.push({
      label: changeLabel(step.kind, null, words),
      from: level,
      to: level + step.delta,
      kind: step.delta > 0 ? "up" : "down",
    });
    level += step.delta;
  }
  bars.push({ label: t("pipeline.waterfall.after"), from: after, to: after, kind: "total" });
  return bars;
}

/**
 * How the weighted total moved: one horizontal bar per step, each step's amount written beside it.
 * The scale spans the levels the total went through (with a margin), not zero to the total, so that
 * steps stay visible next to large totals; the totals are drawn from the scale's start.
 */
export function Waterfall({ before, after, steps, width = 288 }: WaterfallProps) {
  const styles = useStyles();
  const words = useWords();
  const { t, formats } = words;
  const bars = waterfallBars(before, after, steps, words);
  const levels = bars.flatMap((b) => [b.from, b.to]);
  const span = Math.max(...levels) - Math.min(...levels);
  const margin = Math.max(span * 0.25, Math.abs(Math.max(...levels)) * 0.02, 1);
  const lo = Math.min(...levels) - margin;
  const hi = Math.max(...levels) + margin * 0.1;
  const plot = width - LABEL_WIDTH - AMOUNT_WIDTH;
  const x = (v: number) => LABEL_WIDTH + ((v - lo) / (hi - lo)) * plot;
  const fill = {
    total: tokens.colorBrandBackground,
    up: tokens.colorPaletteGreenBackground3,
    down: tokens.colorPaletteRedBackground3,
  };
  const amountOf = (b: Bar) =>
    b.kind === "total"
      ? formats.amount(b.to)
      : `${b.to > b.from ? "+" : "−"}${formats.amount(Math.abs(b.to - b.from))}`;
  const summary = bars.map((b) => `${b.label}: ${amountOf(b)}`).join("; ");
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${width} ${bars.length * ROW + 4}`}
      role="img"
      aria-label={t("pipeline.waterfall.label", { summary })}
    >
      {bars.map((b, i) => {
        const start = b.kind === "total" ? lo : Math.min(b.from, b.to);
        const end = b.kind === "total" ? b.to : Math.max(b.from, b.to);
        return (
          <g key={i} transform={`translate(0 ${i * ROW + 2})`}>
            <text className={styles.label} x={0} y={14}>
              {b.label.length > 18 ? `${b.label.slice(0, 17)}…` : b.label}
            </text>
            <rect
              x={x(start)}
              y={3}
              width={Math.max(2, x(end) - x(start))}
              height={ROW - 8}
              fill={fill[b.kind]}
              rx={2}
            >
              <title>{`${b.label}: ${amountOf(b)}`}</title>
            </rect>
            <text className={styles.amount} x={width} y={14} textAnchor="end">
              {amountOf(b)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
