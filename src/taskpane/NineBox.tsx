/**
 * The strengths–attractiveness nine-box as an accessible SVG grid, from pure props: attractiveness rows
 * High, Medium, Low from the top, strength columns Weak, Medium, Strong from the left (Strong on the right,
 * as in the bubble chart, whose market share axis grows to the right). Each cell says its name and its zone
 * in words (the zone's colour only repeats it); each range inside is a button. The grid is one Tab stop
 * (roving tabindex): Tab enters it on the range focused last (the first at the start), the next Tab leaves
 * it; the arrow keys move spatially (nextFocus), Home and End go to the first and last range. Hover and
 * focus show a range's figures below the grid; Enter, Space or a click select its row in the workbook.
 */
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Zone } from "../domain/matrix";
import type { StrengthMeasure } from "../domain/matrixSettings";
import { type MatrixRow, unplacedReason } from "../domain/portfolioMatrix";
import {
  levelName,
  NINE_BOX_GEOMETRY,
  type NineBoxCell,
  nextFocus,
  nineBoxLayout,
  rangeFigures,
  strengthName,
  zoneName,
} from "./matrixModel";
import { useWords, type Words } from "./words";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  axis: {
    fill: tokens.colorNeutralForeground2,
    fontSize: "10px",
    fontWeight: tokens.fontWeightSemibold,
  },
  cellName: {
    fill: tokens.colorNeutralForeground1,
    fontSize: "10px",
    fontWeight: tokens.fontWeightSemibold,
  },
  zoneName: { fill: tokens.colorNeutralForeground2, fontSize: "9px" },
  invest: { fill: tokens.colorPaletteGreenBackground2, stroke: tokens.colorPaletteGreenBorder2 },
  selectivity: {
    fill: tokens.colorPaletteYellowBackground2,
    stroke: tokens.colorPaletteYellowBorder2,
  },
  harvest: { fill: tokens.colorPaletteRedBackground2, stroke: tokens.colorPaletteRedBorder2 },
  item: { cursor: "pointer", outlineStyle: "none" },
  itemText: { fill: tokens.colorNeutralForeground1, fontSize: "10px" },
  marker: { fill: tokens.colorNeutralForeground1 },
  ring: {
    fill: tokens.colorNeutralBackground1,
    stroke: tokens.colorStrokeFocus2,
    strokeWidth: "1.5px",
  },
  hoverRing: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorNeutralStroke1 },
  details: { minHeight: "2.6em", color: tokens.colorNeutralForeground1 },
  legend: { display: "flex", columnGap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    marginRight: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
    verticalAlign: "middle",
  },
  investSwatch: { backgroundColor: tokens.colorPaletteGreenBackground2 },
  selectivitySwatch: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  harvestSwatch: { backgroundColor: tokens.colorPaletteRedBackground2 },
});

export interface NineBoxProps {
  /** The classified ranges (portfolioMatrix), in the source's order. */
  readonly rows: readonly MatrixRow[];
  readonly measure: StrengthMeasure;
  /** Enter, Space or a click on a range: the view selects its row in the workbook. */
  readonly onSelect: (row: MatrixRow, index: number) => void;
}

const ZONE_CLASS: Record<Zone, "invest" | "selectivity" | "harvest"> = {
  "Invest / grow": "invest",
  Selectivity: "selectivity",
  "Harvest / divest": "harvest",
};

export function NineBox({ rows, measure, onSelect }: NineBoxProps) {
  const styles = useStyles();
  const words = useWords();
  const { t } = words;
  const layout = React.useMemo(() => nineBoxLayout(rows, words), [rows, words]);
  const [focused, setFocused] = React.useState<number | null>(null);
  const [hovered, setHovered] = React.useState<number | null>(null);
  // The one range that Tab reaches: the last one focused, kept within the grid when the ranges change.
  const [tabStop, setTabStop] = React.useState(0);
  const stop = Math.min(tabStop, Math.max(0, layout.order.length - 1));
  const items = React.useRef<(SVGGElement | null)[]>([]);
  const titleId = React.useId();
  const detailsId = React.useId();
  const g = NINE_BOX_GEOMETRY;

  const active = hovered ?? focused;
  const activeRow = active === null ? null : layout.order[active];
  const activeCell = layout.cells.find((c) => c.items.some((i) => i.row === activeRow));
  const indexOf = (row: MatrixRow) => rows.indexOf(row);

  function onKeyDown(event: React.KeyboardEvent, order: number, row: MatrixRow) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(row, indexOf(row));
      return;
    }
    const next = nextFocus(layout, order, event.key);
    if (next !== null) {
      event.preventDefault();
      setTabStop(next);
      items.current[next]?.focus();
    }
  }

  return (
    <div className={styles.root}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-labelledby={titleId}
        aria-describedby={detailsId}
      >
        <title id={titleId}>{t("matrix.nineBox.title")}</title>
        {layout.columns.map((c) => (
          <text
            key={c.text}
            className={styles.axis}
            x={c.x}
            y={layout.top - 5}
            textAnchor="middle"
            aria-hidden
          >
            {c.text}
          </text>
        ))}
        {layout.rows.map((r) => (
          <text
            key={r.text}
            className={styles.axis}
            x={layout.left - 5}
            y={r.y}
            textAnchor="middle"
            transform={`rotate(-90 ${layout.left - 5} ${r.y})`}
            aria-hidden
          >
            {r.text}
          </text>
        ))}
        {layout.cells.map((cell) => {
          return (
            <g
              key={`${cell.attractiveness}-${cell.strength}`}
              role="group"
              aria-label={cellLabel(cell, words)}
            >
              <rect
                className={styles[ZONE_CLASS[cell.zone]]}
                x={cell.x}
                y={cell.y}
                width={cell.width}
                height={cell.height}
              />
              <text
                className={styles.cellName}
                x={cell.x + g.padding}
                y={cell.y + g.padding + 9}
                aria-hidden
              >
                {cell.nameLines.map((line, k) => (
                  <tspan key={k} x={cell.x + g.padding} dy={k === 0 ? 0 : g.lineHeight}>
                    {line}
                  </tspan>
                ))}
              </text>
              <text
                className={styles.zoneName}
                x={cell.x + g.padding}
                y={cell.y + g.padding + 9 + cell.nameLines.length * g.lineHeight}
                aria-hidden
              >
                {cell.zoneName}
              </text>
              {cell.items.map((item) => {
                const figures = rangeFigures(item.row, measure, words);
                const isFocused = focused === item.order;
                const isHovered = hovered === item.order;
                return (
                  <g
                    key={item.order}
                    ref={(el) => {
                      items.current[item.order] = el;
                    }}
                    className={styles.item}
                    role="button"
                    tabIndex={item.order === stop ? 0 : -1}
                    aria-label={t("matrix.nineBox.item", { name: item.row.range.name, figures })}
                    onFocus={() => {
                      setFocused(item.order);
                      setTabStop(item.order);
                    }}
                    onBlur={() => setFocused((f) => (f === item.order ? null : f))}
                    onMouseEnter={() => setHovered(item.order)}
                    onMouseLeave={() => setHovered((h) => (h === item.order ? null : h))}
                    onClick={() => onSelect(item.row, indexOf(item.row))}
                    onKeyDown={(e) => onKeyDown(e, item.order, item.row)}
                  >
                    <title>{t("matrix.nineBox.itemTitle", { name: item.row.range.name, figures })}</title>
                    <rect
                      className={mergeClasses(
                        isFocused ? styles.ring : isHovered ? styles.hoverRing : undefined
                      )}
                      x={item.x - 2}
                      y={item.y - 1}
                      width={cell.width - 2 * g.padding + 4}
                      height={item.height - 2}
                      rx={3}
                      fillOpacity={isFocused || isHovered ? 1 : 0}
                      strokeOpacity={isFocused || isHovered ? 1 : 0}
                    />
                    <circle
                      className={styles.marker}
                      cx={item.x + 4}
                      cy={item.y + g.itemHeight / 2 - 1.5}
                      r={2.5}
                    />
                    <text
                      className={styles.itemText}
                      x={item.x + 10}
                      y={item.y + g.itemHeight / 2 + 1.5}
                    >
                      {item.lines.map((line, k) => (
                        <tspan key={k} x={item.x + 10} dy={k === 0 ? 0 : g.labelLineHeight}>
                          {line}
                        </tspan>
                      ))}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <div className={styles.legend} aria-hidden>
        <Caption1>
          <span className={mergeClasses(styles.swatch, styles.investSwatch)} />
          {zoneName("Invest / grow", words)}
        </Caption1>
        <Caption1>
          <span className={mergeClasses(styles.swatch, styles.selectivitySwatch)} />
          {zoneName("Selectivity", words)}
        </Caption1>
        <Caption1>
          <span className={mergeClasses(styles.swatch, styles.harvestSwatch)} />
          {zoneName("Harvest / divest", words)}
        </Caption1>
      </div>
      <div id={detailsId} className={styles.details} aria-live="polite">
        {activeRow ? (
          <Caption1>
            <strong>{activeRow.range.name}</strong>
            {t("matrix.nineBox.details", {
              figures: rangeFigures(activeRow, measure, words),
              cell: activeCell?.cellName ?? "",
              zone: activeCell?.zoneName ?? "",
            })}
          </Caption1>
        ) : (
          <Caption1>
            {t(layout.order.length === 0 ? "matrix.nineBox.empty" : "matrix.nineBox.hint")}
          </Caption1>
        )}
      </div>
      {layout.unplaced.length > 0 && (
        <Caption1>
          {t("matrix.nineBox.unplaced", {
            ranges: layout.unplaced
              .map((row) => t("matrix.nineBox.unplacedRange", { name: row.range.name, reason: unplacedReason(row) }))
              .join(", "),
          })}
        </Caption1>
      )}
    </div>
  );
}

/** A cell's accessible name: where it sits, its name and zone, how many ranges it holds. */
function cellLabel(cell: NineBoxCell, words: Words): string {
  const text = words.t("matrix.nineBox.cell", {
    attractiveness: levelName(cell.attractiveness, words).toLowerCase(),
    strength: strengthName(cell.strength, words).toLowerCase(),
    cell: cell.cellName,
    zone: cell.zoneName,
    count: cell.items.length,
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}
