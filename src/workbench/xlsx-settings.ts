/**
 * The add-in's document settings in an .xlsx file, where Excel keeps them: a web extension part
 * (`xl/webextensions/webextension1.xml`) whose properties are the settings, each value JSON-encoded,
 * tied to the workbook through a task pane part ([MS-OWEXML]; the parts laid out as in the sideload
 * template of Microsoft's office-addin-dev-settings, ExcelWorkbookWithTaskPane.xlsx). ExcelJS neither
 * writes nor reads these parts, so they are added to the zip it writes and read from the zip opened.
 * Only Carnet's own web extension is read: another add-in's settings are not Carnet's.
 */
import type JSZipType from "jszip";

/** manifest.xml's <Id> and <Version> (a test holds them equal): Excel finds the add-in by them. */
export const ADDIN_ID = "cd9cd178-b3b7-4709-8108-b14bc94ed1ea";
export const ADDIN_VERSION = "0.1.0.0";

const WEBEXTENSION_TYPE = "application/vnd.ms-office.webextension+xml";
const TASKPANES_TYPE = "application/vnd.ms-office.webextensiontaskpanes+xml";
const TASKPANES_REL =
  "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
const WEBEXTENSION_REL = "http://schemas.microsoft.com/office/2011/relationships/webextension";
const WE_NS = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const WETP_NS = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

const WEBEXTENSION_PART = "xl/webextensions/webextension1.xml";
const TASKPANES_PART = "xl/webextensions/taskpanes.xml";
const TASKPANES_RELS_PART = "xl/webextensions/_rels/taskpanes.xml.rels";

type JSZipModule = typeof JSZipType;

async function loadJSZip(): Promise<JSZipModule> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ "jszip")) as unknown as {
    default?: JSZipModule;
  } & JSZipModule;
  return mod.default ?? mod;
}

/**
 * Text that an XML attribute gives back as it was: tabs and line breaks as character references,
 * or a reader's attribute normalisation would turn them into spaces.
 */
function escapeAttribute(text: string): string {
  const refs: Record<string, string> = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "\t": "&#9;",
    "\n": "&#10;",
    "\r": "&#13;",
  };
  return text.replace(/[&<>"\t\n\r]/g, (c) => refs[c]);
}

/** Whether XML 1.0 can hold the text: some characters it cannot, not even as references. */
function xmlCanHold(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const control = code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd;
    // A lone surrogate comes out of the loop on its own (a pair comes out as one code point).
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    if (control || surrogate || code === 0xfffe || code === 0xffff) return false;
  }
  return true;
}

/**
 * A setting's value as Office stores it: its JSON text. JSON.stringify already escapes control
 * characters and lone surrogates; U+FFFE and U+FFFF, which XML cannot hold, are escaped the same way.
 */
function settingJson(value: unknown): string {
  const json = JSON.stringify(value) ?? "null";
  return json.replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

function webextensionXml(settings: Record<string, unknown>): string {
  const properties = Object.entries(settings)
    // A key XML cannot hold cannot be stored; Excel could not store it either.
    .filter(([key]) => xmlCanHold(key))
    .map(
      ([key, value]) =>
        `<we:property name="${escapeAttribute(key)}" value="${escapeAttribute(settingJson(value))}"/>`
    )
    .join("");
  // Store "developer", type "Registry": the reference Microsoft's sideloading tool writes for an
  // add-in that no store or catalog serves (office-addin-dev-settings' template), as Carnet's is.
  return (
    `${DECLARATION}<we:webextension xmlns:we="${WE_NS}" id="{${ADDIN_ID.toUpperCase()}}">` +
    `<we:reference id="${ADDIN_ID}" version="${ADDIN_VERSION}" store="developer" storeType="Registry"/>` +
    `<we:alternateReferences/><we:properties>${properties}</we:properties><we:bindings/>` +
    `<we:snapshot xmlns:r="${R_NS}"/></we:webextension>`
  );
}

const TASKPANES_XML =
  `${DECLARATION}<wetp:taskpanes xmlns:wetp="${WETP_NS}">` +
  `<wetp:taskpane dockstate="right" visibility="1" width="350" row="1">` +
  `<wetp:webextensionref xmlns:r="${R_NS}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`;

const TASKPANES_RELS_XML =
  `${DECLARATION}<Relationships xmlns="${PKG_RELS_NS}">` +
  `<Relationship Id="rId1" Type="${WEBEXTENSION_REL}" Target="webextension1.xml"/></Relationships>`;

/** Inserts `element` before the closing tag of `root` (the last one in the text). */
function insertBefore(xml: string, root: string, element: string): string {
  const at = xml.lastIndexOf(`</${root}>`);
  if (at < 0) throw new Error(`the written file has no </${root}>`);
  return xml.slice(0, at) + element + xml.slice(at);
}

/** A relationship id not yet taken in a .rels part ("rId4" after ExcelJS's rId1..rId3). */
function freeRelationshipId(rels: string): string {
  const taken = new Set(elements(rels, "Relationship").map((a) => a.Id));
  let n = 1;
  while (taken.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/**
 * The .xlsx written by ExcelJS with the document settings added as Excel keeps them. Without
 * settings the file is left as it is: Excel writes no web extension for an add-in that stored none.
 */
export async function addSettingsToXlsx(
  xlsx: ArrayBuffer | Uint8Array,
  settings: Record<string, unknown>
): Promise<Uint8Array> {
  if (Object.keys(settings).length === 0)
    return xlsx instanceof Uint8Array ? xlsx : new Uint8Array(xlsx);
  const JSZip = await loadJSZip();
  const zip = await JSZip.loadAsync(xlsx);
  const text = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`the written file has no ${name}`);
    return file.async("string");
  };
  let types = await text("[Content_Types].xml");
  for (const [part, type] of [
    [TASKPANES_PART, TASKPANES_TYPE],
    [WEBEXTENSION_PART, WEBEXTENSION_TYPE],
  ])
    types = insertBefore(types, "Types", `<Override PartName="/${part}" ContentType="${type}"/>`);
  let rels = await text("_rels/.rels");
  rels = insertBefore(
    rels,
    "Relationships",
    `<Relationship Id="${freeRelationshipId(rels)}" Type="${TASKPANES_REL}" Target="${TASKPANES_PART}"/>`
  );
  zip.file("[Content_Types].xml", types);
  zip.file("_rels/.rels", rels);
  zip.file(WEBEXTENSION_PART, webextensionXml(settings));
  zip.file(TASKPANES_PART, TASKPANES_XML);
  zip.file(TASKPANES_RELS_PART, TASKPANES_RELS_XML);
  // Parts ExcelJS wrote keep their compressed bytes: JSZip reuses them when the method is the same.
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

function decodeXml(text: string): string {
  const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
  // Literal white space in an attribute reads as a space (XML's attribute-value normalisation).
  return text
    .replace(/[\t\n\r]/g, " ")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref[0] !== "#") return named[ref] ?? whole;
      const code =
        ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      // A reference past Unicode (a damaged file) stays as written rather than failing the open.
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}

/**
 * The attributes of every element of that local name, whatever its prefix. These parts are flat and
 * small; a regular expression reads them in the page and in Node alike, where no DOMParser is.
 */
function elements(xml: string, localName: string): Array<Record<string, string>> {
  const tag = new RegExp(
    `<(?:[\\w.-]+:)?${localName}((?:\\s+[\\w.:-]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*/?>`,
    "g"
  );
  const attribute = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  return [...xml.matchAll(tag)].map(([, attributes]) => {
    const found: Record<string, string> = {};
    for (const [, name, double, single] of attributes.matchAll(attribute))
      found[name.replace(/^[\w.-]+:/, "")] = decodeXml(double ?? single);
    return found;
  });
}

/** Whether a web extension's reference (or one of its alternates) names Carnet. */
function isCarnet(webextension: string): boolean {
  return elements(webextension, "reference").some(
    (reference) => reference.id?.replace(/^\{|\}$/g, "").toLowerCase() === ADDIN_ID
  );
}

/**
 * The document settings Carnet's web extension holds in an .xlsx file: none when the file has no
 * web extension part naming Carnet. A value that is not JSON (written by hand) reads as its text.
 */
export async function readSettingsFromXlsx(
  xlsx: ArrayBuffer | Uint8Array
): Promise<Record<string, unknown>> {
  const JSZip = await loadJSZip();
  const zip = await JSZip.loadAsync(xlsx);
  const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  // The parts are found by content type, as Excel names them as it likes (webextension1.xml...).
  const parts = elements(types, "Override")
    .filter((o) => o.ContentType === WEBEXTENSION_TYPE && o.PartName)
    .map((o) => o.PartName.replace(/^\//, ""));
  // A Map, then Object.fromEntries: a setting named "__proto__" stays a setting.
  const settings = new Map<string, unknown>();
  for (const part of parts) {
    const xml = await zip.file(part)?.async("string");
    if (xml === undefined || !isCarnet(xml)) continue;
    for (const { name, value } of elements(xml, "property")) {
      if (!name || value === undefined) continue;
      try {
        settings.set(name, JSON.parse(value));
      } catch {
        settings.set(name, value);
      }
    }
  }
  return Object.fromEntries(settings);
}
