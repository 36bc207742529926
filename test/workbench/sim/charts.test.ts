import { hyperFormulaHost, memoryHost, officeErrorOf } from "./hosts";

const sales = [
  ["Quarter", "North", "South"],
  ["Q1", 100, 80],
  ["Q2", 120, 95],
  ["Q3", 90, ""],
];

describe("charts", () => {
  it("reads series from the source: names from the header row, categories from the first column", async () => {
    const { host } = memoryHost({ Sheet1: sales });
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:C4"), "Auto");
      chart.title.text = "Sales by quarter";
      chart.axes.valueAxis.title.text = "k€";
      chart.load("name, chartType");
      const series = chart.series.load("items/name");
      await context.sync();
      expect([chart.name, chart.chartType]).toEqual(["Chart 1", "ColumnClustered"]);
      expect(series.items.map((s) => s.name)).toEqual(["North", "South"]);
    });
    const [chart] = host.charts();
    expect(chart).toMatchObject({
      sheet: "Sheet1",
      name: "Chart 1",
      type: "ColumnClustered",
      title: "Sales by quarter",
    });
    expect(chart.axes.value.title).toBe("k€");
    expect(chart.series).toEqual([
      { name: "North", values: [100, 120, 90], xValues: ["Q1", "Q2", "Q3"] },
      { name: "South", values: [80, 95, null], xValues: ["Q1", "Q2", "Q3"] },
    ]);
  });

  it("takes series in rows when asked", async () => {
    const { host } = memoryHost({ Sheet1: sales });
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.charts.add("Line", sheet.getRange("A1:C4"), "Rows");
      await context.sync();
    });
    expect(host.charts()[0].series.map((s) => [s.name, s.values])).toEqual([
      ["Q1", [100, 80]],
      ["Q2", [120, 95]],
      ["Q3", [90, null]],
    ]);
  });

  it("follows edits of the cells and of the header names", async () => {
    const { host, backend } = hyperFormulaHost();
    backend.setCells("Sheet1", 0, 0, [
      ["Item", "Margin"],
      ["A", 10],
      ["B", "=B2*3"],
    ]);
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.charts.add("Pie", sheet.getRange("A1:B3"));
      await context.sync();
    });
    expect(host.charts()[0].series[0]).toEqual({
      name: "Margin",
      values: [10, 30],
      xValues: ["A", "B"],
    });
    backend.setCells("Sheet1", 0, 1, [["Contribution"], [20]]);
    expect(host.charts()[0].series[0]).toEqual({
      name: "Contribution",
      values: [20, 60],
      xValues: ["A", "B"],
    });
  });

  it("builds a bubble chart series by series with setValues, setXAxisValues and setBubbleSizes", async () => {
    const { host } = memoryHost({
      Sheet1: [
        ["Range", "Share", "Attractiveness", "Sales"],
        ["A", 0.3, 3, 500],
        ["B", 0.1, 1, 200],
      ],
    });
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const chart = sheet.charts.add("Bubble", sheet.getRange("B2:D3"), "Columns");
      chart.series.getItemAt(0).delete();
      const series = chart.series.add("Ranges");
      series.setXAxisValues(sheet.getRange("B2:B3"));
      series.setValues(sheet.getRange("C2:C3"));
      series.setBubbleSizes(sheet.getRange("D2:D3"));
      chart.setPosition("F2", "M20");
      await context.sync();
    });
    const [chart] = host.charts();
    expect(chart.series).toEqual([
      { name: "Ranges", values: [3, 1], xValues: [0.3, 0.1], bubbleSizes: [500, 200] },
    ]);
    expect(chart.position).toEqual({ startCell: "F2", endCell: "M20" });
  });

  it("labels the series as the chart's data labels say, unless a series' hasDataLabels says otherwise", async () => {
    const { host } = memoryHost({
      Sheet1: [
        ["Share", "Attractiveness", "Sales", "Mark"],
        [0.3, 3, 500, 0.1],
        [0.1, 1, 200, 0.1],
      ],
    });
    const read = await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const chart = sheet.charts.add("Bubble", sheet.getRange("A2:C3"), "Columns");
      chart.series.getItemAt(0).name = "A";
      const mark = chart.series.add("Cut-off");
      mark.setXAxisValues(sheet.getRange("D2:D3"));
      mark.setValues(sheet.getRange("B2:B3"));
      mark.setBubbleSizes(sheet.getRange("C2:C3"));
      const before = mark.load("hasDataLabels");
      await context.sync();
      const unset = before.hasDataLabels;
      // Objects a method returned (charts.add, series.add) last one batch: found again by position.
      const again = sheet.charts.getItemAt(0);
      again.dataLabels.showSeriesName = true;
      again.dataLabels.showValue = false;
      again.series.getItemAt(1).hasDataLabels = false;
      again.legend.visible = false;
      again.axes.categoryAxis.numberFormat = "0%";
      again.axes.categoryAxis.minimum = 0;
      again.axes.categoryAxis.maximum = 0.4;
      again.axes.categoryAxis.title.text = "Market share";
      const series = again.series.load("items/hasDataLabels");
      await context.sync();
      return [unset, ...series.items.map((s) => s.hasDataLabels)];
    });
    expect(read).toEqual([false, true, false]);
    const [chart] = host.charts();
    expect(chart.series.map((s) => [s.name, s.dataLabels])).toEqual([
      ["A", { showSeriesName: true, showValue: false }],
      ["Cut-off", undefined],
    ]);
    expect(chart.legend).toEqual({ visible: false, position: "Right" });
    expect(chart.axes.category).toEqual({
      title: "Market share",
      minimum: 0,
      maximum: 0.4,
      numberFormat: "0%",
    });
  });

  it("refuses a hasDataLabels that is not a boolean", async () => {
    const { host } = memoryHost({ Sheet1: [[1, 2, 3]] });
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        const chart = sheet.charts.add("Bubble", sheet.getRange("A1:C1"), "Rows");
        (chart.series.getItemAt(0) as unknown as { hasDataLabels: unknown }).hasDataLabels = "yes";
        await context.sync();
      })
    );
    expect(error.code).toBe("InvalidArgument");
  });

  it("refuses unknown chart types and series sources that are not a row or column", async () => {
    const { host } = memoryHost({ Sheet1: sales });
    const badType = await officeErrorOf(
      host.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.charts.add("Spaghetti" as Excel.ChartType, sheet.getRange("A1:C4"));
        await context.sync();
      })
    );
    expect(badType.code).toBe("InvalidArgument");
    const badSource = await officeErrorOf(
      host.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.charts
          .add("Line", sheet.getRange("A1:C4"))
          .series.add("X")
          .setValues(sheet.getRange("B2:C4"));
        await context.sync();
      })
    );
    expect(badSource.code).toBe("InvalidArgument");
  });

  it("draws a Gantt as Excel's idiom: a stacked bar whose first series has no fill, categories top down", async () => {
    const { host } = memoryHost({
      Sheet1: [
        ["Action", "Offset", "Days"],
        ["Fair", 10, 3],
        ["Calls", 0, 60],
      ],
    });
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const chart = sheet.charts.add("BarStacked", sheet.getRange("A1:C3"), "Columns");
      chart.series.getItemAt(0).format.fill.clear();
      chart.axes.categoryAxis.reversePlotOrder = true;
      const axis = chart.axes.categoryAxis.load("reversePlotOrder");
      const value = chart.axes.valueAxis.load("reversePlotOrder");
      await context.sync();
      expect([axis.reversePlotOrder, value.reversePlotOrder]).toEqual([true, false]);
    });
    const [chart] = host.charts();
    expect(chart.type).toBe("BarStacked");
    expect(chart.series).toEqual([
      { name: "Offset", values: [10, 0], xValues: ["Fair", "Calls"], fill: "none" },
      { name: "Days", values: [3, 60], xValues: ["Fair", "Calls"] },
    ]);
    expect(chart.axes.category.reversed).toBe(true);
    expect(chart.axes.value.reversed).toBeUndefined();
  });

  it("finds charts by name and deletes them", async () => {
    const { host } = memoryHost({ Sheet1: sales });
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.charts.add("Line", sheet.getRange("A1:C4")).name = "Trend";
      const found = sheet.charts.getItemOrNullObject("Trend");
      const missing = sheet.charts.getItemOrNullObject("Other");
      await context.sync();
      expect([found.isNullObject, missing.isNullObject]).toEqual([false, true]);
      sheet.charts.getItem("Trend").delete();
      const count = sheet.charts.getCount();
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult, synced above
      expect(count.value).toBe(0);
    });
    expect(host.charts()).toEqual([]);
  });
});
