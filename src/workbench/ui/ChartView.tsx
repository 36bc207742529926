/**
 * A chart drawn in plain SVG from what the simulated host says about it (type, title, series read
 * from the cells now): columns/bars, lines, areas, pies, scatter and bubbles; other types fall back
 * to columns, which still shows the data. Axis titles, bounds and percentage number formats, data
 * labels (series name or value), series fills, stacked bars and columns, a reversed category axis and
 * a hidden legend are drawn as the chart sets them.
 */
import * as React from "react";
import type { AxisInfo, ChartInfo, SeriesInfo } from "../sim/charts";

const PALETTE = [
  "#4472c4",
  "#ed7d31",
  "#a5a5a5",
  "#ffc000",
  "#5b9bd5",
  "#70ad47",
  "#264478",
  "#9e480e",
];

type Family = "column" | "bar" | "line" | "area" | "pie" | "scatter" | "bubble";

export function chartFamily(type: string): Family {
  const t = type.toLowerCase();
  if (t.includes("bubble")) return "bubble";
  if (t.includes("scatter")) return "scatter";
  if (t.includes("pie") || t.includes("doughnut")) return "pie";
  if (t.includes("area")) return "area";
  if (t.includes("line") || t.includes("radar")) return "line";
  if (t.includes("bar") && !t.includes("column")) return "bar";
  return "column";
}

function niceStep(range: number, ticks: number): number {
  const raw = range / Math.max(1, ticks);
  const power = Math.pow(10, Math.floor(Math.log10(raw || 1)));
  const scaled = raw / power;
  const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 2.5 ? 2.5 : scaled <= 5 ? 5 : 10;
  return nice * power;
}

function niceScale(
  min: number,
  max: number,
  ticks = 5
): { min: number; max: number; step: number } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { min: 0, max: 1, step: 0.2 };
  if (min === max) {
    min = Math.min(0, min);
    max = max === 0 ? 1 : Math.max(0, max);
  }
  const step = niceStep(max - min, ticks);
  return { min: Math.floor(min / step) * step, max: Math.ceil(max / step) * step, step };
}

/** Short tick labels: 1 200 000 → 1.2M. */
function shortNumber(value: number): string {
  const abs = Math.abs(value);
  const fmt = (v: number, suffix: string) => `${Number.parseFloat(v.toFixed(2))}${suffix}`;
  if (abs >= 1e9) return fmt(value / 1e9, "G");
  if (abs >= 1e6) return fmt(value / 1e6, "M");
  if (abs >= 1e4) return fmt(value / 1e3, "k");
  return String(Number.parseFloat(value.toPrecision(6)));
}

/** A tick label in the axis' number format: percentages ("0%", "0.0%") as such, else short numbers. */
function tickText(value: number, numberFormat?: string): string {
  const percent = /^0(?:\.(0+))?%$/.exec(numberFormat ?? "");
  if (percent) return `${(value * 100).toFixed(percent[1]?.length ?? 0)}%`;
  return shortNumber(value);
}

/** The axis' scale: its own minimum and maximum where set, else a nice scale around the data. */
function axisScale(
  axis: AxisInfo | undefined,
  dataMin: number,
  dataMax: number
): { min: number; max: number; step: number } {
  const nice = niceScale(dataMin, dataMax);
  const min = axis?.minimum ?? nice.min;
  const max = axis?.maximum ?? nice.max;
  if (!(max > min)) return nice;
  return { min, max, step: niceStep(max - min, 5) };
}

function label(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "number" ? shortNumber(value) : String(value);
}

const numbers = (values: (number | null)[]) =>
  values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));

interface Frame {
  width: number;
  height: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function ValueAxis({
  frame,
  scale,
  vertical,
  numberFormat,
}: {
  frame: Frame;
  scale: { min: number; max: number; step: number };
  vertical: boolean;
  numberFormat?: string;
}) {
  const ticks: number[] = [];
  for (let v = scale.min; v <= scale.max + scale.step / 2; v += scale.step) ticks.push(v);
  const span = scale.max - scale.min || 1;
  return (
    <g>
      {ticks.map((v) => {
        if (vertical) {
          const y = frame.bottom - ((v - scale.min) / span) * (frame.bottom - frame.top);
          return (
            <g key={v}>
              <line x1={frame.left} x2={frame.right} y1={y} y2={y} stroke="#e4e4e4" />
              <text x={frame.left - 6} y={y + 4} fontSize={10} textAnchor="end" fill="#595959">
                {tickText(v, numberFormat)}
              </text>
            </g>
          );
        }
        const x = frame.left + ((v - scale.min) / span) * (frame.right - frame.left);
        return (
          <g key={v}>
            <line x1={x} x2={x} y1={frame.top} y2={frame.bottom} stroke="#e4e4e4" />
            <text x={x} y={frame.bottom + 13} fontSize={10} textAnchor="middle" fill="#595959">
              {tickText(v, numberFormat)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function Legend({ series, y, width }: { series: SeriesInfo[]; y: number; width: number }) {
  // A see-through series (a band's base) has nothing to show in the legend.
  const items = series
    .map((s, index) => ({ ...s, index }))
    .filter((s) => s.fill !== "none")
    .slice(0, 8);
  const itemWidth = Math.min(140, (width - 20) / Math.max(1, items.length));
  const start = (width - itemWidth * items.length) / 2;
  return (
    <g>
      {items.map((s, i) => (
        <g key={i} transform={`translate(${start + i * itemWidth}, ${y})`}>
          <rect width={9} height={9} y={-8} fill={s.fill ?? PALETTE[s.index % PALETTE.length]} />
          <text x={13} fontSize={10} fill="#404040">
            {(s.name || `Series${i + 1}`).slice(0, 18)}
          </text>
        </g>
      ))}
    </g>
  );
}

function categoriesOf(series: SeriesInfo[]): string[] {
  const longest = Math.max(0, ...series.map((s) => s.values.length));
  const x = series[0]?.xValues;
  return Array.from({ length: longest }, (_, i) =>
    x && x[i] != null ? label(x[i]) : String(i + 1)
  );
}

function CategoryChart({
  chart,
  frame,
  family,
}: {
  chart: ChartInfo;
  frame: Frame;
  family: Family;
}) {
  const series = chart.series;
  const categories = categoriesOf(series);
  // In a combo chart, a series drawn as a line (a Pareto's cumulative share) is not one of the bars.
  const lineSeries = (s: SeriesInfo) => /^line/i.test(s.chartType ?? "");
  // Stacked bars or columns (a Gantt: a see-through offset, then the duration) sit on each other.
  const stacked = /stacked/i.test(chart.type) && !/100/.test(chart.type);
  const barSeries = series.filter((s) => !lineSeries(s));
  const bars = stacked ? 1 : Math.max(1, barSeries.length);
  const stackTotals = categories.map((_, i) =>
    barSeries.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0)
  );
  const all = [...numbers(series.flatMap((s) => s.values)), ...(stacked ? stackTotals : [])];
  const scale = axisScale(chart.axes.value, Math.min(0, ...all), Math.max(0, ...all));
  const span = scale.max - scale.min || 1;
  const horizontal = family === "bar";
  const n = Math.max(1, categories.length);
  // Excel draws a bar chart's first category at the bottom, unless its category axis is reversed.
  const place = (i: number) => (horizontal && !chart.axes.category.reversed ? n - 1 - i : i);
  const along = horizontal ? frame.bottom - frame.top : frame.right - frame.left;
  const band = along / n;
  const across = (v: number) =>
    horizontal
      ? frame.left + ((v - scale.min) / span) * (frame.right - frame.left)
      : frame.bottom - ((v - scale.min) / span) * (frame.bottom - frame.top);
  const zero = across(Math.max(scale.min, Math.min(0, scale.max)));
  const labelEvery = Math.ceil(n / Math.max(1, Math.floor(along / (horizontal ? 14 : 44))));
  const labelChars = Math.max(4, Math.floor((band * labelEvery) / 6.5));
  return (
    <g>
      <ValueAxis
        frame={frame}
        scale={scale}
        vertical={!horizontal}
        numberFormat={chart.axes.value.numberFormat}
      />
      {categories.map((c, i) =>
        i % labelEvery === 0 ? (
          horizontal ? (
            <text
              key={i}
              x={frame.left - 6}
              y={frame.top + band * (place(i) + 0.5) + 4}
              fontSize={10}
              textAnchor="end"
              fill="#595959"
            >
              {c.slice(0, 14)}
            </text>
          ) : (
            <text
              key={i}
              x={frame.left + band * (i + 0.5)}
              y={frame.bottom + 13}
              fontSize={10}
              textAnchor="middle"
              fill="#595959"
            >
              {c.length > labelChars ? `${c.slice(0, labelChars - 1)}…` : c}
            </text>
          )
        ) : null
      )}
      {(family === "column" || family === "bar") &&
        series.map((s, si) => {
          if (lineSeries(s)) return null; // a combo chart's line, drawn below
          if (s.fill === "none") return null; // see-through: a stacked Gantt's offset
          const inner = band * 0.7;
          const each = inner / bars;
          const before = series.slice(0, si).filter((other) => !lineSeries(other));
          const slot = stacked ? 0 : before.length;
          const color = s.fill ?? PALETTE[si % PALETTE.length];
          return s.values.map((v, i) => {
            if (v === null) return null;
            const start = band * place(i) + (band - inner) / 2 + each * slot;
            const base = stacked
              ? before.reduce((sum, o) => sum + Math.max(0, o.values[i] ?? 0), 0)
              : 0;
            const from = stacked ? across(base) : zero;
            const a = across(base + v);
            return horizontal ? (
              <rect
                key={`${si}-${i}`}
                className="bar"
                x={Math.min(a, from)}
                y={frame.top + start}
                width={Math.abs(a - from)}
                height={Math.max(1, each - 1)}
                fill={color}
              />
            ) : (
              <rect
                key={`${si}-${i}`}
                className="bar"
                x={frame.left + start}
                y={Math.min(a, from)}
                width={Math.max(1, each - 1)}
                height={Math.abs(a - from)}
                fill={color}
              />
            );
          });
        })}
      {(family === "line" || family === "area" || series.some(lineSeries)) &&
        (() => {
          // Series drawn as stacked areas (a combo chart's band) sit on the ones stacked before them.
          const base = series[0]?.values.map(() => 0) ?? [];
          return series.map((s, si) => {
            if (family !== "line" && family !== "area" && !lineSeries(s)) return null;
            const color = s.fill && s.fill !== "none" ? s.fill : PALETTE[si % PALETTE.length];
            if (s.chartType?.toLowerCase().includes("areastacked")) {
              const bottom = s.values.map((_, i) => base[i] ?? 0);
              const top = s.values.map((v, i) => (base[i] = (base[i] ?? 0) + (v ?? 0)));
              if (s.fill === "none" || top.length === 0) return null;
              const x = (i: number) => frame.left + band * (i + 0.5);
              const upper = top
                .map((v, i) => `${i === 0 ? "M" : "L"}${x(i)},${across(v)}`)
                .join(" ");
              const lower = bottom
                .map((v, i) => `L${x(i)},${across(v)}`)
                .reverse()
                .join(" ");
              return <path key={si} d={`${upper} ${lower} Z`} fill={color} opacity={0.8} />;
            }
            const points = s.values
              .map((v, i) => (v === null ? null : [frame.left + band * (i + 0.5), across(v)]))
              .filter((p): p is number[] => p !== null);
            if (points.length === 0) return null;
            const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${p[0]},${p[1]}`).join(" ");
            return (
              <g key={si}>
                {family === "area" && (
                  <path
                    d={`${path} L${points[points.length - 1][0]},${zero} L${points[0][0]},${zero} Z`}
                    fill={color}
                    opacity={0.35}
                  />
                )}
                <path d={path} fill="none" stroke={color} strokeWidth={2} />
                {points.length <= 40 &&
                  points.map((p, i) => <circle key={i} cx={p[0]} cy={p[1]} r={2.5} fill={color} />)}
              </g>
            );
          });
        })()}
      <line
        x1={frame.left}
        x2={horizontal ? frame.left : frame.right}
        y1={horizontal ? frame.top : zero}
        y2={horizontal ? frame.bottom : zero}
        stroke="#bfbfbf"
      />
    </g>
  );
}

function XYChart({ chart, frame, bubble }: { chart: ChartInfo; frame: Frame; bubble: boolean }) {
  const points = chart.series.map((s) =>
    s.values.map((y, i) => {
      const xv = s.xValues?.[i];
      const x = typeof xv === "number" ? xv : i + 1;
      const size = s.bubbleSizes?.[i];
      return { x, y, size: typeof size === "number" ? size : 1 };
    })
  );
  const flat = points.flat().filter((p) => p.y !== null);
  const xs = flat.map((p) => p.x);
  const ys = flat.map((p) => p.y as number);
  const pad = (lo: number, hi: number) => (hi - lo) * 0.08 || 1;
  const xScale = axisScale(
    chart.axes.category,
    Math.min(...xs) - pad(Math.min(...xs), Math.max(...xs)),
    Math.max(...xs)
  );
  const yScale = axisScale(
    chart.axes.value,
    Math.min(...ys) - pad(Math.min(...ys), Math.max(...ys)),
    Math.max(...ys)
  );
  const maxSize = Math.max(1e-9, ...flat.map((p) => Math.abs(p.size)));
  const px = (x: number) =>
    frame.left + ((x - xScale.min) / (xScale.max - xScale.min || 1)) * (frame.right - frame.left);
  const py = (y: number) =>
    frame.bottom - ((y - yScale.min) / (yScale.max - yScale.min || 1)) * (frame.bottom - frame.top);
  const maxRadius = Math.min(frame.right - frame.left, frame.bottom - frame.top) / 9;
  return (
    <g>
      <ValueAxis
        frame={frame}
        scale={yScale}
        vertical
        numberFormat={chart.axes.value.numberFormat}
      />
      <ValueAxis
        frame={{ ...frame, top: frame.bottom, bottom: frame.bottom }}
        scale={xScale}
        vertical={false}
        numberFormat={chart.axes.category.numberFormat}
      />
      <line x1={frame.left} x2={frame.right} y1={frame.bottom} y2={frame.bottom} stroke="#bfbfbf" />
      {!bubble &&
        points.map((line, si) => {
          // XYScatterLines (and its smooth and no-marker kinds) join a series' points in order.
          const type = chart.series[si].chartType ?? chart.type;
          if (!/lines|smooth/i.test(type)) return null;
          const color = chart.series[si].fill ?? PALETTE[si % PALETTE.length];
          const at = line.filter((p) => p.y !== null).map((p) => `${px(p.x)},${py(p.y as number)}`);
          return (
            <polyline
              key={`line-${si}`}
              className="scatter-line"
              points={at.join(" ")}
              fill="none"
              stroke={color === "none" ? PALETTE[si % PALETTE.length] : color}
              strokeWidth={1.5}
            />
          );
        })}
      {points.map((line, si) => {
        const s = chart.series[si];
        const color = s.fill && s.fill !== "none" ? s.fill : PALETTE[si % PALETTE.length];
        return line.map((p, i) => {
          if (p.y === null) return null;
          const r = bubble ? Math.max(2, Math.sqrt(Math.abs(p.size) / maxSize) * maxRadius) : 3.5;
          const labels = s.dataLabels;
          const text = [
            labels?.showSeriesName ? s.name : "",
            labels?.showValue ? shortNumber(p.y) : "",
          ]
            .filter(Boolean)
            .join(", ");
          return (
            <g key={`${si}-${i}`}>
              <circle
                cx={px(p.x)}
                cy={py(p.y)}
                r={r}
                fill={s.fill === "none" ? "none" : color}
                fillOpacity={bubble ? 0.55 : 0.9}
                stroke={color}
              />
              {text !== "" && (
                <text
                  className="data-label"
                  x={px(p.x)}
                  y={py(p.y) + 4}
                  fontSize={10}
                  textAnchor="middle"
                  fill="#262626"
                >
                  {text}
                </text>
              )}
            </g>
          );
        });
      })}
    </g>
  );
}

function PieChart({ chart, frame }: { chart: ChartInfo; frame: Frame }) {
  const s = chart.series[0];
  if (!s) return null;
  const values = s.values.map((v) => (typeof v === "number" && v > 0 ? v : 0));
  const total = values.reduce((a, b) => a + b, 0) || 1;
  const cx = (frame.left + frame.right) / 2;
  const cy = (frame.top + frame.bottom) / 2;
  const r = Math.min(frame.right - frame.left, frame.bottom - frame.top) / 2;
  let angle = -Math.PI / 2;
  return (
    <g>
      {values.map((v, i) => {
        const sweep = (v / total) * Math.PI * 2;
        const a0 = angle;
        angle += sweep;
        if (v === 0) return null;
        const large = sweep > Math.PI ? 1 : 0;
        const [x0, y0] = [cx + r * Math.cos(a0), cy + r * Math.sin(a0)];
        const [x1, y1] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
        const d =
          sweep >= Math.PI * 2 - 1e-9
            ? `M${cx - r},${cy} a${r},${r} 0 1,0 ${2 * r},0 a${r},${r} 0 1,0 ${-2 * r},0`
            : `M${cx},${cy} L${x0},${y0} A${r},${r} 0 ${large},1 ${x1},${y1} Z`;
        return <path key={i} d={d} fill={PALETTE[i % PALETTE.length]} stroke="#fff" />;
      })}
    </g>
  );
}

export interface ChartViewProps {
  chart: ChartInfo;
  width: number;
  height: number;
}

/** The chart as an SVG of the given size. */
export function ChartView({ chart, width, height }: ChartViewProps) {
  const family = chartFamily(chart.type);
  const hasTitle = chart.title.trim() !== "";
  const legendSeries =
    family === "pie"
      ? categoriesOf(chart.series).map((name) => ({ name, values: [] }))
      : chart.series;
  const showLegend = chart.legend.visible && (legendSeries.length > 1 || family === "pie");
  const xTitle = family === "pie" ? "" : chart.axes.category.title;
  const yTitle = family === "pie" ? "" : chart.axes.value.title;
  const frame: Frame = {
    width,
    height,
    left: (family === "pie" ? 20 : family === "bar" ? 90 : 48) + (yTitle ? 16 : 0),
    right: width - 16,
    top: hasTitle ? 38 : 16,
    bottom: height - (showLegend ? 44 : 26) - (xTitle ? 16 : 0),
  };
  return (
    <svg width={width} height={height} role="img" aria-label={chart.title || chart.name}>
      <rect width={width} height={height} fill="#fff" />
      {hasTitle && (
        <text x={width / 2} y={24} textAnchor="middle" fontSize={14} fill="#404040">
          {chart.title}
        </text>
      )}
      {chart.series.length === 0 ? (
        <text x={width / 2} y={height / 2} textAnchor="middle" fontSize={12} fill="#8a8a8a">
          No data
        </text>
      ) : family === "pie" ? (
        <PieChart chart={chart} frame={frame} />
      ) : family === "scatter" || family === "bubble" ? (
        <XYChart chart={chart} frame={frame} bubble={family === "bubble"} />
      ) : (
        <CategoryChart chart={chart} frame={frame} family={family} />
      )}
      {xTitle && (
        <text
          className="axis-title"
          x={(frame.left + frame.right) / 2}
          y={frame.bottom + 30}
          textAnchor="middle"
          fontSize={11}
          fill="#404040"
        >
          {xTitle}
        </text>
      )}
      {yTitle && (
        <text
          className="axis-title"
          x={14}
          y={(frame.top + frame.bottom) / 2}
          textAnchor="middle"
          fontSize={11}
          fill="#404040"
          transform={`rotate(-90 14 ${(frame.top + frame.bottom) / 2})`}
        >
          {yTitle}
        </text>
      )}
      {showLegend && <Legend series={legendSeries} y={height - 12} width={width} />}
    </svg>
  );
}
