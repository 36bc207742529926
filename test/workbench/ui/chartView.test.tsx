/**
 * The workbench's chart drawing (ChartView) of the action plan's timeline: Excel's Gantt idiom, a
 * stacked bar chart whose first series (the offset from the semester's start) has no fill, the first
 * action at the top once the category axis is reversed.
 */
import { renderToStaticMarkup } from "react-dom/server";
import type { ChartInfo } from "../../../src/workbench/sim/charts";
import { ChartView } from "../../../src/workbench/ui/ChartView";

const GANTT: ChartInfo = {
  sheet: "Carnet Action Plan",
  name: "CarnetActionPlanGantt",
  type: "BarStacked",
  title: "Timeline 2027-S1",
  series: [
    { name: "Start offset", values: [0, 100], xValues: ["Calls", "Fair"], fill: "none" },
    { name: "Days", values: [50, 80], xValues: ["Calls", "Fair"] },
  ],
  axes: { category: { title: "", reversed: true }, value: { title: "", minimum: 0, maximum: 200 } },
  legend: { visible: false, position: "Right" },
};

/** The bars drawn: x, y, width of each rect.bar, in document order. */
function bars(chart: ChartInfo) {
  const svg = renderToStaticMarkup(<ChartView chart={chart} width={490} height={300} />);
  return [...svg.matchAll(/<rect class="bar" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"/g)].map(
    (m) => ({ x: Number(m[1]), y: Number(m[2]), width: Number(m[3]) })
  );
}

describe("the workbench's drawing of a Gantt", () => {
  it("draws the durations only, each starting where its offset ends, the first action on top", () => {
    const [calls, fair] = bars(GANTT);
    expect(bars(GANTT)).toHaveLength(2);
    // The plot runs from x = 90 to 474 for 0 to 200 days: 1.92 px a day.
    expect(calls.x).toBeCloseTo(90, 6);
    expect(calls.width).toBeCloseTo(96, 6);
    expect(fair.x).toBeCloseTo(90 + 192, 6);
    expect(fair.width).toBeCloseTo(153.6, 6);
    expect(calls.y).toBeLessThan(fair.y);
  });

  it("draws a bar chart's first category at the bottom when its axis is not reversed, as Excel does", () => {
    const [calls, fair] = bars({ ...GANTT, axes: { ...GANTT.axes, category: { title: "" } } });
    expect(calls.y).toBeGreaterThan(fair.y);
  });
});

/** The calibration's reliability chart: win rate against stated probability, with the diagonal. */
const RELIABILITY: ChartInfo = {
  sheet: "Carnet Calibration",
  name: "CarnetReliabilityChart",
  type: "XYScatterLines",
  title: "Reliability",
  series: [
    { name: "Won", values: [0.1, 0.5, 0.7], xValues: [0.1, 0.3, 0.9] },
    { name: "Diagonal", values: [0, 1], xValues: [0, 1] },
  ],
  axes: {
    category: { title: "", minimum: 0, maximum: 1 },
    value: { title: "", minimum: 0, maximum: 1 },
  },
  legend: { visible: true, position: "Right" },
};

function scatterLines(chart: ChartInfo): number[] {
  const svg = renderToStaticMarkup(<ChartView chart={chart} width={490} height={300} />);
  return [...svg.matchAll(/<polyline class="scatter-line" points="([^"]*)"/g)].map(
    (m) => m[1].trim().split(" ").length
  );
}

describe("the workbench's drawing of a scatter", () => {
  it("joins each series' points when the chart is a scatter with lines, as Excel draws the diagonal", () => {
    expect(scatterLines(RELIABILITY)).toEqual([3, 2]);
  });

  it("draws markers only for a plain scatter", () => {
    expect(scatterLines({ ...RELIABILITY, type: "XYScatter" })).toEqual([]);
  });
});
