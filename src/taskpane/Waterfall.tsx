import { makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { WaterfallStep } from "../domain/snapshots";
import { formatAmount } from "./format";

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", display: "block" },
  label: { fontSize: "10px", fill: tokens.colorNeutralForeground2 },
});

export interface WaterfallProps {
  readonly before: number;
  readonly after: number;
  readonly steps: readonly WaterfallStep[];
  readonly width?: number;
}

const ROW = 22;
const LABEL_WIDTH = 104;

/** How the weighted total moved: one horizontal bar per step, from the first snapshot to the second. */
export function Waterfall({ before, after, steps, width = 288 }: WaterfallProps) {
  const styles = useStyles();
  const shown = steps.filter((s) => s.delta !== 0);
  const rows = [
    { label: "Before", from: 0, to: before, kind: "total" as const },
    ...(() => {
      let level = before;
      return shown.map((s) => {
        const from = level;
        level += s.delta;
        return {
          label: s.label,
          from,
          to: level,
          kind: s.delta >= 0 ? ("up" as const) : ("down" as const),
        };
      });
    })(),
    { label: "After", from: 0, to: after, kind: "total" as const },
  ];
  const max = Math.max(1, ...rows.map((r) => Math.max(r.from, r.to)));
  const min = Math.min(0, ...rows.map((r) => Math.min(r.from, r.to)));
  const plot = width - LABEL_WIDTH - 4;
  const x = (v: number) => LABEL_WIDTH + ((v - min) / (max - min)) * plot;
  const fill = {
    total: tokens.colorBrandBackground,
    up: tokens.colorPaletteGreenBackground3,
    down: tokens.colorPaletteRedBackground3,
  };
  const summary = rows
    .map((r) => `${r.label}: ${formatAmount(r.kind === "total" ? r.to : r.to - r.from)}`)
    .join("; ");
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${width} ${rows.length * ROW + 4}`}
      role="img"
      aria-label={`Weighted total movement. ${summary}`}
    >
      {rows.map((r, i) => {
        const left = x(Math.min(r.from, r.to));
        const barWidth = Math.max(1, Math.abs(x(r.to) - x(r.from)));
        const delta = r.kind === "total" ? r.to : r.to - r.from;
        return (
          <g key={i} transform={`translate(0 ${i * ROW + 2})`}>
            <text className={styles.label} x={0} y={14}>
              {r.label}
            </text>
            <rect x={left} y={3} width={barWidth} height={ROW - 8} fill={fill[r.kind]} rx={2}>
              <title>{`${r.label}: ${r.kind === "total" ? "" : delta >= 0 ? "+" : ""}${formatAmount(delta)}`}</title>
            </rect>
          </g>
        );
      })}
    </svg>
  );
}
