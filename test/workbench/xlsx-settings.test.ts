/**
 * The add-in's document settings in an .xlsx file, where Excel keeps them (a web extension part):
 * written into the file ExcelJS makes, read back exactly, other readers unbothered, another add-in's
 * web extension left alone.
 */
import { DOMParser } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import {
  ADDIN_ID,
  ADDIN_VERSION,
  addSettingsToXlsx,
  readSettingsFromXlsx,
} from "../../src/workbench/xlsx-settings";

const ROOT = path.resolve(__dirname, "../..");

/** Values that an attribute or JSON could lose: quotes, markup, entities, line breaks, unicode. */
const SETTINGS: Record<string, unknown> = {
  "carnet.settings": {
    version: 3,
    mapping: { amount: 4, probability: 5, date: null },
    period: "quarter",
    stages: [{ name: 'Won "signed"', probability: 1 }],
  },
  "carnet.ownedSheets": ["{00000000-0001-0000-0000-000000000000}"],
  quotes: `He said "yes" & she said 'no'`,
  markup: "<b>&amp; 1 < 2 > 0</b> ]]>",
  whitespace: "line 1\nline 2\r\n\ttabbed  two spaces",
  unicode: "Société Bêta — 4 200 € · 東京 · 😀 · \u00a0\u202f",
  'clé <&> "quoted"\nkey': true,
  number: -1234.5e-7,
  zero: 0,
  nothing: null,
  empty: "",
  list: [1, "two", [3], { four: 4 }],
  // Computed, so an own key: a file may hold a setting of that name.
  ["__proto__"]: { not: "a prototype" },
};

async function plainXlsx(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("Deals");
  ws.getCell("A1").value = "Amount";
  ws.getCell("A2").value = 1000;
  ws.getCell("A3").value = { formula: "SUM(A2)", result: 1000 };
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function partOf(xlsx: Uint8Array, name: string): Promise<string> {
  const file = (await JSZip.loadAsync(xlsx)).file(name);
  if (!file) throw new Error(`no ${name} in the file`);
  return file.async("string");
}

function xml(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => errors.push(`${level}: ${message}`),
  }).parseFromString(text, "text/xml");
  expect(errors).toEqual([]);
  return doc;
}

describe("document settings in an .xlsx file", () => {
  it("come back exactly: quotes, <, &, line breaks, unicode, nested objects", async () => {
    const file = await addSettingsToXlsx(await plainXlsx(), SETTINGS);
    const read = await readSettingsFromXlsx(file);
    expect(Object.keys(read)).toEqual(Object.keys(SETTINGS));
    expect(read).toEqual(SETTINGS);
    expect(JSON.stringify(read)).toBe(JSON.stringify(SETTINGS));
  });

  it("are stored as Excel stores them: a web extension part naming Carnet, each value as JSON", async () => {
    const file = await addSettingsToXlsx(await plainXlsx(), SETTINGS);
    const types = xml(await partOf(file, "[Content_Types].xml"));
    const overrides = Array.from(types.getElementsByTagName("Override")).map((o) => [
      o.getAttribute("PartName"),
      o.getAttribute("ContentType"),
    ]);
    expect(overrides).toEqual(
      expect.arrayContaining([
        ["/xl/webextensions/taskpanes.xml", "application/vnd.ms-office.webextensiontaskpanes+xml"],
        ["/xl/webextensions/webextension1.xml", "application/vnd.ms-office.webextension+xml"],
      ])
    );
    const rels = Array.from(
      xml(await partOf(file, "_rels/.rels")).getElementsByTagName("Relationship")
    );
    const ids = rels.map((r) => r.getAttribute("Id"));
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      rels
        .find(
          (r) =>
            r.getAttribute("Type") ===
            "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes"
        )
        ?.getAttribute("Target")
    ).toBe("xl/webextensions/taskpanes.xml");
    const paneRels = xml(await partOf(file, "xl/webextensions/_rels/taskpanes.xml.rels"));
    const paneRel = paneRels.getElementsByTagName("Relationship")[0];
    expect(paneRel.getAttribute("Target")).toBe("webextension1.xml");
    const panes = xml(await partOf(file, "xl/webextensions/taskpanes.xml"));
    const ref = panes.getElementsByTagNameNS(
      "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11",
      "webextensionref"
    )[0];
    expect(
      ref.getAttributeNS(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "id"
      )
    ).toBe(paneRel.getAttribute("Id"));

    const we = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
    const part = xml(await partOf(file, "xl/webextensions/webextension1.xml"));
    expect(part.documentElement!.localName).toBe("webextension");
    expect(part.documentElement!.namespaceURI).toBe(we);
    const reference = part.getElementsByTagNameNS(we, "reference")[0];
    expect(reference.getAttribute("id")).toBe(ADDIN_ID);
    expect(reference.getAttribute("version")).toBe(ADDIN_VERSION);
    // An XML parser of its own reads each value as the setting's JSON text.
    const properties = Array.from(part.getElementsByTagNameNS(we, "property")).map((p) => [
      p.getAttribute("name"),
      p.getAttribute("value"),
    ]);
    expect(properties).toEqual(Object.entries(SETTINGS).map(([k, v]) => [k, JSON.stringify(v)]));
  });

  it("leave the file readable by ExcelJS, cells and formulas as they were", async () => {
    const file = await addSettingsToXlsx(await plainXlsx(), SETTINGS);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ExcelJS.Buffer);
    const ws = book.getWorksheet("Deals")!;
    expect(ws.getCell("A2").value).toBe(1000);
    expect(ws.getCell("A3").formula).toBe("SUM(A2)");
  });

  it("are none in a file without a web extension, and none are written when there are none", async () => {
    const plain = await plainXlsx();
    await expect(readSettingsFromXlsx(plain)).resolves.toEqual({});
    const file = await addSettingsToXlsx(plain, {});
    expect((await JSZip.loadAsync(file)).file(/webextension/)).toEqual([]);
  });

  it("are read from a web extension part as Microsoft lays it out, whatever the part's name", async () => {
    // office-addin-dev-settings' template: webextension.xml, its own relationship ids, a BOM.
    const template = fs.readFileSync(
      path.join(
        ROOT,
        "node_modules/office-addin-dev-settings/templates/ExcelWorkbookWithTaskPane.xlsx"
      )
    );
    const zip = await JSZip.loadAsync(template);
    const part = "xl/webextensions/webextension.xml";
    const text = (await zip.file(part)!.async("string"))
      .replace(/00000000-0000-0000-0000-000000000000/g, ADDIN_ID.toUpperCase())
      .replace(
        "<we:properties></we:properties>",
        '<we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true" />' +
          '<we:property name="carnet.settings" value="{&quot;period&quot;:&quot;month&quot;}" />' +
          "</we:properties>"
      );
    zip.file(part, text);
    const file = await zip.generateAsync({ type: "uint8array" });
    await expect(readSettingsFromXlsx(file)).resolves.toEqual({
      "Office.AutoShowTaskpaneWithDocument": true,
      "carnet.settings": { period: "month" },
    });
  });

  it("read a hand-written value that is not JSON as its text, and survive a damaged reference", async () => {
    const file = await addSettingsToXlsx(await plainXlsx(), { a: 1 });
    const zip = await JSZip.loadAsync(file);
    const part = "xl/webextensions/webextension1.xml";
    const text = (await zip.file(part)!.async("string")).replace(
      "</we:properties>",
      '<we:property name="plain" value="just text"/><we:property name="bad" value="&#x110000;"/>' +
        "</we:properties>"
    );
    zip.file(part, text);
    await expect(
      readSettingsFromXlsx(await zip.generateAsync({ type: "uint8array" }))
    ).resolves.toEqual({ a: 1, plain: "just text", bad: "&#x110000;" });
  });

  it("ignore a web extension naming another add-in, and keep Carnet's beside it", async () => {
    const file = await addSettingsToXlsx(await plainXlsx(), { "carnet.settings": { a: 1 } });
    const zip = await JSZip.loadAsync(file);
    const other = (await zip.file("xl/webextensions/webextension1.xml")!.async("string"))
      .replace(new RegExp(ADDIN_ID, "gi"), "5c7c8fef-a7c0-4f0f-9c7e-38a6c7e37ec8")
      .replace("carnet.settings", "other.settings");
    zip.file("xl/webextensions/webextension1.xml", other);
    const alone = await zip.generateAsync({ type: "uint8array" });
    await expect(readSettingsFromXlsx(alone)).resolves.toEqual({});

    // Both: the other add-in's part is listed first, Carnet's second; only Carnet's is read.
    const both = await JSZip.loadAsync(file);
    both.file("xl/webextensions/webextension2.xml", other);
    const types = await both.file("[Content_Types].xml")!.async("string");
    both.file(
      "[Content_Types].xml",
      types.replace(
        "<Override",
        '<Override PartName="/xl/webextensions/webextension2.xml" ' +
          'ContentType="application/vnd.ms-office.webextension+xml"/><Override'
      )
    );
    await expect(
      readSettingsFromXlsx(await both.generateAsync({ type: "uint8array" }))
    ).resolves.toEqual({ "carnet.settings": { a: 1 } });
  });

  it("keep what XML cannot hold in a value (JSON escapes it), and leave out a key it cannot hold", async () => {
    const file = await addSettingsToXlsx(await plainXlsx(), {
      odd: "\uFFFE\uFFFF \u0001 \uD800",
      "bad\u0001key": 1,
    });
    xml(await partOf(file, "xl/webextensions/webextension1.xml"));
    await expect(readSettingsFromXlsx(file)).resolves.toEqual({
      odd: "\uFFFE\uFFFF \u0001 \uD800",
    });
  });

  it("name the add-in as manifest.xml does", () => {
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const doc = xml(manifest);
    expect(doc.getElementsByTagName("Id")[0].textContent).toBe(ADDIN_ID);
    expect(doc.getElementsByTagName("Version")[0].textContent).toBe(ADDIN_VERSION);
  });
});
