/**
 * The reliability diagram: stated probability across, observed win rate up, the diagonal where they
 * agree; a dot per band, its size the band's number of forecasts (teamModel's geometry).
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { ReliabilityBand } from "../../domain/team/contract";
import { useWords } from "../words";
import { RELIABILITY_GEOMETRY, reliabilityPoints } from "./teamModel";

const useStyles = makeStyles({
  svg: { width: "100%", maxWidth: "240px", height: "auto", display: "block" },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  diagonal: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1, strokeDasharray: "4 3" },
  dot: { fill: tokens.colorBrandBackground, fillOpacity: 0.75 },
  label: { fontSize: "9px", fill: tokens.colorNeutralForeground2 },
});

export function ReliabilityChart(props: {
  readonly bands: readonly ReliabilityBand[];
  readonly name: string;
}) {
  const styles = useStyles();
  const words = useWords();
  const { t } = words;
  const { side, margin, pad } = RELIABILITY_GEOMETRY;
  // The plot's corners: (left, bottom) is 0 % stated, 0 % won; (right, top) 100 %, 100 %.
  const [left, right, top, bottom] = [margin, side - pad, pad, side - margin];
  const points = reliabilityPoints(props.bands, words);
  const summary =
    points.length === 0 ? t("team.chart.empty") : points.map((p) => p.title).join("; ");
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={t("team.chart.name", { name: props.name, summary })}
    >
      <line className={styles.axis} x1={left} y1={bottom} x2={right} y2={bottom} />
      <line className={styles.axis} x1={left} y1={top} x2={left} y2={bottom} />
      <line className={styles.diagonal} x1={left} y1={bottom} x2={right} y2={top} />
      <text className={styles.label} x={left} y={bottom + 12} textAnchor="middle">
        0 %
      </text>
      <text className={styles.label} x={right} y={bottom + 12} textAnchor="end">
        100 %
      </text>
      <text className={styles.label} x={(left + right) / 2} y={side - 2} textAnchor="middle">
        {t("team.chart.stated")}
      </text>
      <text className={styles.label} x={left - 3} y={top + 3} textAnchor="end">
        100 %
      </text>
      <text
        className={styles.label}
        x={10}
        y={(top + bottom) / 2}
        textAnchor="middle"
        transform={`rotate(-90 10 ${(top + bottom) / 2})`}
      >
        {t("team.chart.won")}
      </text>
      {points.map((p) => (
        <circle key={p.title} className={styles.dot} cx={p.x} cy={p.y} r={p.r}>
          <title>{p.title}</title>
        </circle>
      ))}
    </svg>
  );
}
