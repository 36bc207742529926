/**
 * The reliability diagram: stated probability across, observed win rate up, the diagonal where they
 * agree; a dot per band, its size the band's number of forecasts (teamModel's geometry).
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { ReliabilityBand } from "../../domain/team/contract";
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
  const { side, margin } = RELIABILITY_GEOMETRY;
  const plot = side - margin;
  const points = reliabilityPoints(props.bands);
  const summary =
    points.length === 0 ? "no forecast yet" : points.map((p) => p.title).join("; ");
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={`Reliability chart of ${props.name}: ${summary}`}
    >
      <line className={styles.axis} x1={margin} y1={plot} x2={side} y2={plot} />
      <line className={styles.axis} x1={margin} y1={0} x2={margin} y2={plot} />
      <line className={styles.diagonal} x1={margin} y1={plot} x2={side} y2={0} />
      <text className={styles.label} x={margin} y={side - 14} textAnchor="middle">
        0 %
      </text>
      <text className={styles.label} x={side - 2} y={side - 14} textAnchor="end">
        100 %
      </text>
      <text className={styles.label} x={(margin + side) / 2} y={side - 2} textAnchor="middle">
        Stated probability
      </text>
      <text className={styles.label} x={margin - 3} y={9} textAnchor="end">
        100 %
      </text>
      <text className={styles.label} x={10} y={plot / 2} textAnchor="middle" transform={`rotate(-90 10 ${plot / 2})`}>
        Won
      </text>
      {points.map((p) => (
        <circle key={p.title} className={styles.dot} cx={p.x} cy={p.y} r={p.r}>
          <title>{p.title}</title>
        </circle>
      ))}
    </svg>
  );
}
