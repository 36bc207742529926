import { memoryHost } from "./hosts";

describe("Office", () => {
  it("is ready as Excel on the web", async () => {
    const { host } = memoryHost();
    await expect(host.Office.onReady()).resolves.toEqual({
      host: "Excel",
      platform: "OfficeOnline",
    });
    expect(host.Office.HostType.Excel).toBe("Excel");
  });

  it("calls Office.initialize once, for add-ins using the older start-up", async () => {
    const { host } = memoryHost();
    const initialize = jest.fn();
    host.Office.initialize = initialize;
    await host.Office.onReady();
    await host.Office.onReady();
    expect(initialize).toHaveBeenCalledTimes(1);
  });

  it("supports ExcelApi up to 1.17, with versions as strings or numbers", () => {
    const { host } = memoryHost();
    const { isSetSupported } = host.Office.context.requirements;
    expect(isSetSupported("ExcelApi", "1.17")).toBe(true);
    expect(isSetSupported("ExcelApi", 1.9)).toBe(true);
    expect(isSetSupported("ExcelApi", "1.18")).toBe(false);
    expect(isSetSupported("WordApi", "1.1")).toBe(false);
  });
});

describe("settings", () => {
  it("stores workbook settings at sync", async () => {
    const { host } = memoryHost();
    await host.Excel.run(async (context) => {
      context.workbook.settings.add("carnet.source", { sheet: "Deals", table: "Pipeline" });
      const missing = context.workbook.settings.getItemOrNullObject("carnet.none");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      const setting = context.workbook.settings.getItem("carnet.source").load("value");
      await context.sync();
      expect(setting.value).toEqual({ sheet: "Deals", table: "Pipeline" });
    });
    expect(host.settings.toJSON()).toEqual({
      "carnet.source": { sheet: "Deals", table: "Pipeline" },
    });
  });

  it("fails getItem of a missing setting with ItemNotFound", async () => {
    const { host } = memoryHost();
    await expect(
      host.Excel.run(async (context) => {
        context.workbook.settings.getItem("nope").load("value");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("install", () => {
  it("sets and restores the globals the task pane bundle reads", async () => {
    const { host } = memoryHost({ Sheet1: [[3]] });
    const target: Record<string, unknown> = { Office: "previous" };
    const uninstall = host.install(target);
    expect(target.Excel).toBe(host.Excel);
    expect(target.OfficeExtension).toBe(host.OfficeExtension);
    const Excel = target.Excel as typeof host.Excel;
    const context = new Excel.RequestContext();
    const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1").load("values");
    await context.sync();
    expect(range.values).toEqual([[3]]);
    uninstall();
    expect(target).toEqual({ Office: "previous" });
  });
});
