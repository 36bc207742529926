/**
 * The semester's timeline as an accessible SVG: role="img" named by a sentence that sums it up (how many
 * actions by whom), one lane per owner, one bar per action in order, each bar with a <title> giving the
 * action, its owner, its dates and its phase. The phase is also written on the bar's label, so colour is
 * never the only way to tell.
 */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Action, Phase } from "../../domain/actionPlan/action";
import { timelineLayout } from "./planModel";
import { useWords } from "../words";

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", display: "block" },
  month: { fill: tokens.colorNeutralForeground3, fontSize: "9px" },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: "0.5px" },
  owner: {
    fill: tokens.colorNeutralForeground1,
    fontSize: "10px",
    fontWeight: tokens.fontWeightSemibold,
  },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "9px" },
  Plan: { fill: tokens.colorPaletteBlueBackground2, stroke: tokens.colorPaletteBlueBorderActive },
  Do: { fill: tokens.colorPaletteYellowBackground2, stroke: tokens.colorPaletteYellowBorder2 },
  Check: { fill: tokens.colorPaletteGreenBackground2, stroke: tokens.colorPaletteGreenBorder2 },
  Act: { fill: tokens.colorPaletteBerryBackground2, stroke: tokens.colorPaletteBerryBorder2 },
});

export interface TimelineProps {
  /** The semester's actions (any order: the layout groups and orders them). */
  readonly actions: readonly Action[];
  readonly semester: string;
  readonly bounds: { readonly start: number; readonly end: number };
}

export function Timeline({ actions, semester, bounds }: TimelineProps) {
  const styles = useStyles();
  const words = useWords();
  const layout = React.useMemo(
    () => timelineLayout(actions, bounds, semester, words),
    [actions, bounds, semester, words]
  );
  const phaseClass = (phase: Phase) => styles[phase];
  if (actions.length === 0) return <Caption1>{layout.summary}</Caption1>;
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={layout.summary}
    >
      {layout.months.map((m) => (
        <g key={m.text}>
          <line className={styles.grid} x1={m.x} x2={m.x} y1={layout.top - 10} y2={layout.height} />
          <text className={styles.month} x={m.x + 2} y={layout.top - 3}>
            {m.text}
          </text>
        </g>
      ))}
      {layout.lanes.map((lane) => (
        <g key={lane.owner}>
          <text className={styles.owner} x={layout.left} y={lane.y + 11}>
            {lane.owner}
          </text>
          {lane.bars.map((bar) => (
            <g key={bar.action.id}>
              <title>{bar.title}</title>
              {bar.x !== null && (
                <rect
                  className={phaseClass(bar.action.phase)}
                  x={bar.x}
                  y={bar.y}
                  width={bar.width}
                  height={12}
                  rx={2}
                />
              )}
              <text
                className={styles.label}
                x={bar.labelX}
                y={bar.y + 9}
                textAnchor={bar.anchor}
              >
                {bar.label}
              </text>
            </g>
          ))}
        </g>
      ))}
    </svg>
  );
}
