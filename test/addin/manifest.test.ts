/**
 * What Microsoft's manifest schema cannot check: every resid defined and of the right kind, every URL
 * served by the build, the CARNET namespace, the functions files matching the build's names, and the
 * icons being PNGs of the declared sizes. (`npm run validate` checks the schema itself online.)
 */
import { DOMParser, type Element } from "@xmldom/xmldom";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const DEV_URL = "https://localhost:3000/";

function parse(file: string) {
  return new DOMParser().parseFromString(fs.readFileSync(file, "utf8"), "text/xml");
}

const doc = parse(path.join(ROOT, "manifest.xml"));
const all = (name: string) => Array.from(doc.getElementsByTagName(name)) as unknown as Element[];
const children = (el: Element) =>
  Array.from(el.childNodes).filter((n) => n.nodeType === 1) as unknown as Element[];

function resources(kind: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of all(kind))
    for (const el of children(group))
      map.set(el.getAttribute("id")!, el.getAttribute("DefaultValue")!);
  return map;
}

/** The locale overrides of each resource, by id: locale → value. */
function overrides(kind: string): Map<string, Map<string, string>> {
  const map = new Map<string, Map<string, string>>();
  for (const group of all(kind))
    for (const el of children(group))
      map.set(
        el.getAttribute("id")!,
        new Map(
          children(el)
            .filter((o) => o.nodeName === "bt:Override")
            .map((o) => [o.getAttribute("Locale")!, o.getAttribute("Value")!])
        )
      );
  return map;
}

const images = resources("bt:Images");
const urls = resources("bt:Urls");
const shortStrings = resources("bt:ShortStrings");
const longStrings = resources("bt:LongStrings");

describe("manifest.xml", () => {
  const root = doc.documentElement!;

  it("is an add-in-only TaskPaneApp manifest for Excel workbooks with ReadWriteDocument", () => {
    expect(root.nodeName).toBe("OfficeApp");
    expect(root.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(root.getAttribute("xmlns")).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(all("Host").map((h) => h.getAttribute("Name") || h.getAttribute("xsi:type"))).toEqual([
      "Workbook",
      "Workbook",
    ]);
    expect(all("Permissions")[0].textContent).toBe("ReadWriteDocument");
    expect(all("VersionOverrides")[0].getAttribute("xsi:type")).toBe("VersionOverridesV1_0");
  });

  it("keeps the schema's order of top-level elements and valid identifiers", () => {
    const order = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];
    expect(children(root).map((e) => e.nodeName)).toEqual(order);
    expect(all("Id")[0].textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    );
    expect(all("Version")[0].textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("defines every resid it uses, of the right kind, within the schema's lengths", () => {
    const used = Array.from(doc.getElementsByTagName("*")).filter((e) =>
      e.getAttribute("resid")
    ) as unknown as Element[];
    expect(used.length).toBeGreaterThan(10);
    for (const el of used) {
      const id = el.getAttribute("resid")!;
      expect(id.length).toBeLessThanOrEqual(32);
      const kind =
        el.nodeName === "bt:Image"
          ? images
          : ["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(el.nodeName)
            ? urls
            : el.nodeName === "Description"
              ? longStrings
              : shortStrings;
      expect({ id, defined: kind.has(id) }).toEqual({ id, defined: true });
    }
    for (const s of shortStrings.values()) expect(s.length).toBeLessThanOrEqual(125);
    for (const s of longStrings.values()) expect(s.length).toBeLessThanOrEqual(250);
    expect(all("Description")[0].getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(250);
  });

  it("declares the CARNET namespace and the functions files the build writes", () => {
    const point = all("ExtensionPoint").find(
      (e) => e.getAttribute("xsi:type") === "CustomFunctions"
    )!;
    const resid = (tag: string) =>
      (point.getElementsByTagName(tag)[0] as unknown as Element).getAttribute("resid")!;
    const source = (tag: string) =>
      (
        (point.getElementsByTagName(tag)[0] as unknown as Element).getElementsByTagName(
          "SourceLocation"
        )[0] as unknown as Element
      ).getAttribute("resid")!;
    expect(shortStrings.get(resid("Namespace"))).toBe("CARNET");
    expect(urls.get(source("Script"))).toBe(`${DEV_URL}functions.js`);
    expect(urls.get(source("Page"))).toBe(`${DEV_URL}functions.html`);
    expect(urls.get(source("Metadata"))).toBe(`${DEV_URL}functions.json`);
  });

  it("serves the French function names to a French Excel: a fr-FR override of the metadata URL", () => {
    const metadata = overrides("bt:Urls").get("Functions.Metadata.Url")!;
    expect([...metadata.keys()]).toEqual(["fr-FR"]);
    const url = metadata.get("fr-FR")!;
    expect(url).toBe(`${DEV_URL}functions-fr.json`);
    // The file the build writes from the translation: same ids, French names.
    const built = JSON.parse(fs.readFileSync(path.join(DIST, url.slice(DEV_URL.length)), "utf8"));
    const english = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8"));
    const ids = (m: { functions: Array<{ id: string }> }) => m.functions.map((f) => f.id);
    expect(ids(built)).toEqual(ids(english));
    expect(built.functions.find((f: { id: string }) => f.id === "WEIGHTED_PIPELINE").name).toBe(
      "PIPELINE_PONDERE"
    );
  });

  it("words the ribbon and the welcome callout in French for fr-FR, within the schema's lengths", () => {
    const short = overrides("bt:ShortStrings");
    const long = overrides("bt:LongStrings");
    expect(short.get("Carnet.TaskpaneButton.Label")!.get("fr-FR")).toBe("Plan commercial");
    expect(short.get("GetStarted.Title")!.get("fr-FR")).toBe("Carnet est prêt");
    expect(long.get("GetStarted.Description")!.get("fr-FR")).toContain("=CARNET.PIPELINE_PONDERE(");
    for (const [id, byLocale] of [...short, ...long])
      for (const [locale, value] of byLocale) {
        expect({ id, locale }).toEqual({ id, locale: "fr-FR" });
        expect(value.length).toBeLessThanOrEqual(short.has(id) ? 125 : 250);
      }
  });

  it("opens the task pane from a Home-tab button", () => {
    const tab = all("OfficeTab")[0];
    expect(tab.getAttribute("id")).toBe("TabHome");
    const action = all("Action")[0];
    expect(action.getAttribute("xsi:type")).toBe("ShowTaskpane");
    expect(
      urls.get(
        (action.getElementsByTagName("SourceLocation")[0] as unknown as Element).getAttribute(
          "resid"
        )!
      )
    ).toBe(`${DEV_URL}taskpane.html`);
  });

  it("sends people who need help to the help page, not to the task pane", () => {
    const support = all("SupportUrl")[0].getAttribute("DefaultValue")!;
    expect(support).toBe(`${DEV_URL}help.html`);
    const page = fs.readFileSync(path.join(DIST, "help.html"), "utf8");
    expect(page).toContain("<h2");
    expect(page).toContain("CARNET.WEIGHTED_PIPELINE");
  });

  it("points every URL at a file the build serves", () => {
    const direct = ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]
      .flatMap((tag) => all(tag))
      .map((e) => e.getAttribute("DefaultValue"))
      .filter((v): v is string => !!v);
    const overridden = [...overrides("bt:Urls").values()].flatMap((byLocale) => [
      ...byLocale.values(),
    ]);
    const everyUrl = [...direct, ...urls.values(), ...overridden, ...images.values()];
    expect(everyUrl.length).toBeGreaterThan(8);
    for (const url of everyUrl) {
      expect(url.startsWith(DEV_URL)).toBe(true);
      const file = path.join(DIST, url.slice(DEV_URL.length).split(/[?#]/)[0]);
      expect({ url, served: fs.existsSync(file) }).toEqual({ url, served: true });
    }
    expect(fs.existsSync(path.join(DIST, "manifest.xml"))).toBe(true);
  });

  it("uses real PNG icons of the declared sizes", () => {
    const sizeOf = (url: string) => {
      const png = fs.readFileSync(path.join(ROOT, url.slice(DEV_URL.length)));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    for (const img of all("bt:Image").filter((e) => e.getAttribute("size"))) {
      const size = Number(img.getAttribute("size"));
      expect(sizeOf(images.get(img.getAttribute("resid")!)!)).toEqual([size, size]);
    }
    expect(sizeOf(all("IconUrl")[0].getAttribute("DefaultValue")!)).toEqual([32, 32]);
    expect(sizeOf(all("HighResolutionIconUrl")[0].getAttribute("DefaultValue")!)).toEqual([64, 64]);
  });
});

describe("the production bundles", () => {
  const bundles = ["taskpane.js", "functions.js", "commands.js"].map((f) => path.join(DIST, f));

  it("are built", () => {
    for (const file of bundles) expect(fs.existsSync(file)).toBe(true);
  });

  it("contain no HyperFormula (GPL-3.0: workbench and tests only)", () => {
    for (const file of bundles) {
      const code = fs.readFileSync(file, "utf8");
      expect({ file: path.basename(file), hyperformula: /hyperformula/i.test(code) }).toEqual({
        file: path.basename(file),
        hyperformula: false,
      });
    }
  });

  it("contain no copy of Microsoft's Excel client: in Excel, the pane loads office.js from Microsoft's CDN", () => {
    const files = fs.readdirSync(DIST, { recursive: true }).map(String);
    expect(files.filter((f) => /excel-web-16|office-js/.test(f))).toEqual([]);
    for (const file of bundles)
      expect(fs.readFileSync(file, "utf8").includes("ClientRequestContext")).toBe(false);
    const pane = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    expect(pane).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });
});
