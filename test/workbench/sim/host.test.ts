/** What the add-in sees of Office once a host is installed, and the workbook settings it keeps. */
import { memoryHost } from "./hosts";

describe("Office, once a host is installed", () => {
  it("is ready as Excel on the web", async () => {
    const { host } = memoryHost();
    const uninstall = host.install();
    try {
      await expect(Office.onReady()).resolves.toEqual({ host: "Excel", platform: "OfficeOnline" });
    } finally {
      uninstall();
    }
  });

  it("supports ExcelApi up to 1.17, with versions as strings or numbers", () => {
    const { host } = memoryHost();
    const uninstall = host.install();
    try {
      const { isSetSupported } = Office.context.requirements;
      expect(isSetSupported("ExcelApi", "1.17")).toBe(true);
      expect(isSetSupported("ExcelApi", 1.9)).toBe(true);
      expect(isSetSupported("ExcelApi", "1.18")).toBe(false);
      expect(isSetSupported("WordApi", "1.1")).toBe(false);
    } finally {
      uninstall();
    }
  });

  it("answers from the host's profile", () => {
    const { host } = memoryHost(undefined, {
      requirementSets: { ExcelApi: "1.12" },
      displayLanguage: "fr-FR",
    });
    const uninstall = host.install();
    try {
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
      expect(Office.context.displayLanguage).toBe("fr-FR");
    } finally {
      uninstall();
    }
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
  it("sends the requests of Excel.run and of a bare RequestContext to the host, until undone", async () => {
    const { host } = memoryHost({ Sheet1: [[3]] });
    const before = Office.onReady;
    const uninstall = host.install();
    const context = new Excel.RequestContext();
    const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1").load("values");
    await context.sync();
    expect(range.values).toEqual([[3]]);
    const value = await Excel.run(async (ctx) => {
      const cell = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1").load("values");
      await ctx.sync();
      return cell.values[0][0] as number;
    });
    expect(value).toBe(3);
    uninstall();
    expect(Office.onReady).toBe(before);
  });

  it("needs Microsoft's client in the scope it installs into", () => {
    const { host } = memoryHost();
    expect(() => host.install({})).toThrow(/Microsoft's Excel client is not loaded here/);
  });
});
