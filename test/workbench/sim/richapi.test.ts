/**
 * The host itself: requests built by Microsoft's Excel client (excel-web-16.00.debug.js) for each
 * kind of member Carnet uses, answered as Excel documents them. The bodies are recorded as they
 * travel, so these tests check the wire (path types, PascalCase answers, references, errors with
 * their action index) as well as what the add-in sees.
 */
import * as fs from "fs";
import * as path from "path";
import { MEMBERS } from "../../../src/workbench/sim/members";
import { bytes, memoryHost, officeErrorOf, recordBodies, type RecordedRequest } from "./hosts";

const MB = 1024 * 1024;
const PATH = { method: 3, property: 4, indexer: 5, reference: 6 };
const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4 };

interface RecordedResponse {
  Results: { ActionId: number; Value: unknown }[];
  Error?: { Code: string; Location?: string; ActionIndex?: number; HttpStatusCode: number };
}

/** Runs a batch against a host while recording what travels. */
async function exchange<T>(
  excel: typeof Excel,
  batch: (context: Excel.RequestContext) => Promise<T>
): Promise<{ result: T; requests: RecordedRequest[]; responses: RecordedResponse[] }> {
  const recorded = recordBodies();
  try {
    const result = await excel.run(batch);
    return {
      result,
      requests: recorded.parsed(),
      responses: recorded.responses.map((r) => JSON.parse(r) as RecordedResponse),
    };
  } finally {
    recorded.stop();
  }
}

/** The answer to an action, by its id. */
function answer(response: RecordedResponse, actionId: number): unknown {
  return response.Results.find((r) => r.ActionId === actionId)?.Value;
}

/** The paths of a request with the given name (PascalCase method or property), by type. */
function pathsNamed(request: RecordedRequest, name: string) {
  return Object.values(request.ObjectPaths).filter((p) => p.Name === name);
}

/** Lets the client's fire-and-forget release of kept references reach the host. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("members, by kind", () => {
  it("answers a load of scalars with their values, in PascalCase on the wire", async () => {
    const { host } = memoryHost({ Deals: [["Acme", 1000, true]] });
    const { result, requests, responses } = await exchange(host.Excel, async (context) => {
      const range = context.workbook.worksheets.getItem("Deals").getRange("A1:C1");
      range.load("values, address");
      await context.sync();
      return { values: range.values, address: range.address };
    });
    expect(result).toEqual({ values: [["Acme", 1000, true]], address: "Deals!A1:C1" });
    const query = requests[0].Actions.find((a) => a.ActionType === ACTION.query)!;
    expect(answer(responses[0], query.Id)).toEqual({
      Values: [["Acme", 1000, true]],
      Address: "Deals!A1:C1",
    });
  });

  it("answers navigation properties as nested objects", async () => {
    const { host } = memoryHost({ Deals: [[1]] });
    const { result, responses, requests } = await exchange(host.Excel, async (context) => {
      const range = context.workbook.worksheets.getItem("Deals").getRange("A1");
      range.load("worksheet/name, format/font/bold");
      await context.sync();
      return [range.worksheet.name, range.format.font.bold];
    });
    expect(result).toEqual(["Deals", false]);
    const query = requests[0].Actions.find((a) => a.ActionType === ACTION.query)!;
    expect(answer(responses[0], query.Id)).toMatchObject({
      Worksheet: { Name: "Deals" },
      Format: { Font: { Bold: false } },
    });
  });

  it("sets a scalar (SetProperty) on the workbook", async () => {
    const { host, backend } = memoryHost({ Deals: [] });
    const { requests } = await exchange(host.Excel, async (context) => {
      context.workbook.worksheets.getItem("Deals").getRange("A1:B1").values = [["Globex", 2000]];
      await context.sync();
    });
    expect(backend.getValues("Deals", 0, 0, 1, 2)).toEqual([["Globex", 2000]]);
    expect(requests[0].Actions).toContainEqual(
      expect.objectContaining({ ActionType: ACTION.setProperty, Name: "Values" })
    );
  });

  it("runs a method path once per request, though the client instantiates it twice", async () => {
    const { host, backend } = memoryHost({ Deals: [["a1"], ["a2"], ["a3"]] });
    const { result, requests } = await exchange(host.Excel, async (context) => {
      const inserted = context.workbook.worksheets
        .getItem("Deals")
        .getRange("A2")
        .insert("Down")
        .load("address");
      await context.sync();
      return inserted.address;
    });
    expect(result).toBe("Deals!A2");
    const [insert] = pathsNamed(requests[0], "Insert");
    expect(insert.ObjectPathType).toBe(PATH.method);
    const instantiations = requests[0].Actions.filter(
      (a) => a.ActionType === ACTION.instantiate && a.ObjectPathId === insert.Id
    );
    expect(instantiations).toHaveLength(2);
    expect(backend.getValues("Deals", 0, 0, 4, 1)).toEqual([["a1"], [""], ["a2"], ["a3"]]);
  });

  it("answers a method that returns a value, and runs one that returns nothing", async () => {
    const { host } = memoryHost({
      Deals: [
        ["Q", "N"],
        ["a", 1],
      ],
    });
    const { result } = await exchange(host.Excel, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Deals");
      sheet.charts.add(Excel.ChartType.line, sheet.getRange("A1:B2"));
      const before = sheet.charts.getCount();
      await context.sync();
      sheet.charts.getItemAt(0).delete();
      const after = sheet.charts.getCount();
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- ClientResults, synced above
      return [before.value, after.value];
    });
    expect(result).toEqual([1, 0]);
  });

  it("finds sheets through the indexer by name, then by the Id it handed out", async () => {
    const { host } = memoryHost({ Data: [[1]], Plan: [[2]] });
    const { result, requests, responses } = await exchange(host.Excel, async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const cell = sheets.items[1].getRange("A1").load("values");
      await context.sync();
      return cell.values;
    });
    expect(result).toEqual([[2]]);
    const load = requests[0].Actions[requests[0].Actions.length - 1];
    const items = (answer(responses[0], load.Id) as { _Items: unknown[] })._Items;
    expect(items).toEqual([
      expect.objectContaining({ Name: "Data", Id: expect.any(String) }),
      expect.objectContaining({ Name: "Plan", Id: expect.any(String) }),
    ]);
    const [byId] = Object.values(requests[1].ObjectPaths).filter(
      (p) => p.ObjectPathType === PATH.indexer
    );
    expect(byId).toMatchObject({
      ArgumentInfo: { Arguments: [(items[1] as { Id: string }).Id] },
    });
  });

  it("sends Id for chart items, so deleting each loaded chart works as in Excel", async () => {
    const { host } = memoryHost({
      Deals: [
        ["Q", "N"],
        ["a", 1],
      ],
    });
    await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Deals");
      sheet.charts.add(Excel.ChartType.line, sheet.getRange("A1:B2"));
      sheet.charts.add(Excel.ChartType.pie, sheet.getRange("A1:B2"));
      await context.sync();
      const charts = sheet.charts.load("items/name");
      await context.sync();
      charts.items.forEach((chart) => chart.delete());
      await context.sync();
    });
    expect(host.charts()).toEqual([]);
  });

  it("sends _Id for settings, so a loaded setting can be deleted later", async () => {
    const { host } = memoryHost();
    await host.Excel.run(async (context) => {
      context.workbook.settings.add("a", 1);
      context.workbook.settings.add("b", 2);
      await context.sync();
      const settings = context.workbook.settings.load("items/key");
      await context.sync();
      settings.items[0].delete();
      await context.sync();
    });
    expect(host.settings.toJSON()).toEqual({ b: 2 });
  });
});

describe("null objects", () => {
  it("answers a missing sheet's getItemOrNullObject with null: isNullObject without a load", async () => {
    const { host } = memoryHost({ Deals: [] });
    const { result, requests, responses } = await exchange(host.Excel, async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Missing");
      const present = context.workbook.worksheets.getItemOrNullObject("deals");
      await context.sync();
      return [missing.isNullObject, present.isNullObject];
    });
    expect(result).toEqual([true, false]);
    const [missingPath] = pathsNamed(requests[0], "GetItemOrNullObject");
    const instantiate = requests[0].Actions.find(
      (a) => a.ActionType === ACTION.instantiate && a.ObjectPathId === missingPath.Id
    )!;
    expect(answer(responses[0], instantiate.Id)).toBeNull();
  });
});

describe("errors", () => {
  it("fails worksheets.getItem of a missing sheet with ItemNotFound where the client can show it", async () => {
    const { host } = memoryHost({ Deals: [[1]] });
    const recorded = recordBodies();
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Missing").load("name");
        await context.sync();
      })
    );
    recorded.stop();
    expect(error).toMatchObject({
      name: "RichApi.Error",
      code: "ItemNotFound",
      message: "The requested resource doesn't exist.",
      httpStatusCode: 404,
      debugInfo: {
        errorLocation: "WorksheetCollection.getItem",
        statement: "var worksheet = worksheets.getItem(...);",
      },
    });
    const [request] = recorded.parsed();
    const { Error: failure } = JSON.parse(recorded.responses[0]) as RecordedResponse;
    const failing = request.Actions[failure!.ActionIndex!];
    expect(failing.ActionType).toBe(ACTION.instantiate);
    expect(request.ObjectPaths[failing.ObjectPathId].ObjectPathType).toBe(PATH.indexer);
  });

  it("fails a bad address with InvalidArgument", async () => {
    const { host } = memoryHost({ Deals: [] });
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Deals").getRange("not an address").load("values");
        await context.sync();
      })
    );
    expect(error).toMatchObject({
      code: "InvalidArgument",
      httpStatusCode: 400,
      debugInfo: {
        errorLocation: "Worksheet.getRange",
        statement: expect.stringContaining("getRange(...)"),
      },
    });
  });

  it("answers a member above the host's profile with ApiNotFound, and runs nothing after it", async () => {
    const { host, backend } = memoryHost(
      {
        Deals: [
          ["Name", "Amount"],
          ["a", 1],
        ],
      },
      { requirementSets: { ExcelApi: "1.12" } }
    );
    await host.Excel.run(async (context) => {
      context.workbook.tables.add("Deals!A1:B2", true).name = "Sales";
      await context.sync();
    });
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Deals");
        sheet.getRange("D1").values = [["before"]];
        context.workbook.tables.getItem("Sales").resize("A1:B3"); // ExcelApi 1.13
        sheet.getRange("E1").values = [["after"]];
        await context.sync();
      })
    );
    expect(error).toMatchObject({
      code: "ApiNotFound",
      httpStatusCode: 404,
      debugInfo: { errorLocation: "Table.resize", statement: "table.resize(...);" },
    });
    expect(backend.getValues("Deals", 0, 3, 1, 2)).toEqual([["before", ""]]);
    expect(host.tables()[0].address).toBe("Deals!A1:B2");
  });

  it("lets a property be read in the set that brought it, and set only in the one that brought setting", async () => {
    const { host } = memoryHost({ Deals: [], Plan: [] }, { requirementSets: { ExcelApi: "1.1" } });
    const visibility = await host.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Plan").load("visibility");
      await context.sync();
      return sheet.visibility;
    });
    expect(visibility).toBe("Visible");
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Plan").visibility = Excel.SheetVisibility.hidden;
        await context.sync();
      })
    );
    expect(error).toMatchObject({
      code: "ApiNotFound",
      debugInfo: { errorLocation: "Worksheet.visibility" },
    });
  });
});

describe("kept references", () => {
  it("hands out a _ReferenceId for a kept range, reuses it in the next sync and releases it after the run", async () => {
    const { host, backend } = memoryHost({ Deals: [[1, 2]] });
    const { requests, responses } = await exchange(host.Excel, async (context) => {
      const range = context.workbook.worksheets.getItem("Deals").getRange("A1:B1").load("values");
      await context.sync();
      expect(host.references()).toBe(1);
      range.values = [[range.values[0][1], range.values[0][0]]];
      await context.sync();
    });
    const handedOut = responses[0].Results.map((r) => r.Value as { _ReferenceId?: string }).find(
      (v) => v?._ReferenceId !== undefined
    )!._ReferenceId;
    expect(Object.values(requests[1].ObjectPaths)).toContainEqual(
      expect.objectContaining({ ObjectPathType: PATH.reference, Name: handedOut })
    );
    expect(backend.getValues("Deals", 0, 0, 1, 2)).toEqual([[2, 1]]);
    await settle();
    expect(host.references()).toBe(0);
  });
});

describe("payload limits, in UTF-8 bytes of the bodies", () => {
  /** 2,000 cells of 1,000 characters each: about 2 M characters of JSON. */
  const column = (char: string) => Array.from({ length: 2000 }, () => [char.repeat(1000)]);

  it("refuses a request over 5 MB of UTF-8 though under 5 M characters (Japanese text)", async () => {
    const { host, backend } = memoryHost({ Deals: [] });
    const values = column("日"); // 3 bytes each in UTF-8
    const recorded = recordBodies();
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Deals").getRange("A1:A2000").values = values;
        await context.sync();
      })
    );
    recorded.stop();
    const [body] = recorded.requests;
    expect(body.length).toBeLessThan(5 * MB);
    expect(bytes(body)).toBeGreaterThan(5 * MB);
    expect(error).toMatchObject({ code: "RequestPayloadSizeLimitExceeded", httpStatusCode: 400 });
    expect(backend.usedRange("Deals")).toBeNull();
    expect(host.stats().largestRequestBytes).toBe(bytes(body));
  });

  it("accepts the same number of characters in ASCII", async () => {
    const { host, backend } = memoryHost({ Deals: [] });
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Deals").getRange("A1:A2000").values = column("x");
      await context.sync();
    });
    expect(backend.usedRange("Deals")).toEqual({ row: 0, col: 0, rows: 2000, cols: 1 });
  });

  it("fails a load whose answer is over 5 MB of UTF-8 (Greek text)", async () => {
    const { host } = memoryHost({ Deals: column("α").concat(column("β")) }); // 2 bytes each
    const error = await officeErrorOf(
      host.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Deals").getRange("A1:A4000").load("values");
        await context.sync();
      })
    );
    expect(error).toMatchObject({ code: "ResponsePayloadSizeLimitExceeded", httpStatusCode: 400 });
  });
});

describe("statistics", () => {
  it("count the requests and the UTF-8 bytes of the bodies that travelled", async () => {
    const { host } = memoryHost({ Deals: [["Ελλάδα", "日本"]] });
    const excel = host.Excel;
    const recorded = recordBodies();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Deals");
      const range = sheet.getRange("A1:B1").load("values");
      await context.sync();
      await context.sync(); // nothing queued: no request
      sheet.getRange("A2:B2").values = range.values;
      await context.sync();
      sheet.getRange("A3").values = [["Ωμέγα"]]; // sent by the run's final sync
    });
    await settle();
    recorded.stop();
    // The last request is the client's release of the kept range, not a sync of the add-in.
    const [release] = recorded.parsed().slice(-1);
    expect(release.Actions.some((a) => a.Name === "_RemoveReference")).toBe(true);
    const requests = recorded.requests.slice(0, -1).map(bytes);
    const responses = recorded.responses.slice(0, -1).map(bytes);
    expect(requests).toHaveLength(3);
    expect(host.stats()).toEqual({
      syncs: 3,
      largestRequestBytes: Math.max(...requests),
      totalRequestBytes: requests.reduce((a, b) => a + b, 0),
      largestResponseBytes: Math.max(...responses),
      totalResponseBytes: responses.reduce((a, b) => a + b, 0),
    });
    expect(host.stats().totalRequestBytes).toBeGreaterThan(
      recorded.requests.slice(0, -1).reduce((n, body) => n + body.length, 0)
    );
  });
});

/**
 * The requirement set of each member in @types/office-js: within `declare namespace Excel`, class
 * by class, the `[Api set: ...]` note of the member's doc comment ("ExcelApi 1.13", "ExcelApi 1.1
 * for get, 1.8 for set", "ExcelApiOnline 1.1"). Overloads give one note each; a member without a
 * note has none.
 */
function apiSetsOfTypes(): Map<string, Map<string, string[]>> {
  const file = path.resolve(__dirname, "../../../node_modules/@types/office-js/index.d.ts");
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const classes = new Map<string, Map<string, string[]>>();
  let members: Map<string, string[]> | undefined;
  let doc: string | undefined;
  let inDoc = false;
  for (const line of lines.slice(lines.indexOf("declare namespace Excel {") + 1)) {
    if (line.startsWith("    namespace Interfaces") || line.startsWith("}")) break;
    const cls = /^ {4}class (\w+)/.exec(line);
    if (cls) {
      members = new Map();
      classes.set(cls[1], members);
      doc = undefined;
      continue;
    }
    if (line.startsWith("    }")) members = undefined;
    if (!members) continue;
    if (/^\s+\/\*\*/.test(line)) {
      inDoc = true;
      doc = "";
    }
    if (inDoc) {
      doc += `${line}\n`;
      if (line.includes("*/")) inDoc = false;
      continue;
    }
    const member = /^ {8}(?:readonly )?(\w+)\??[(:<]/.exec(line);
    if (member) {
      const note = doc && /\[Api set: ([^\]]+)\]/.exec(doc.split("@param")[0]);
      const notes = members.get(member[1]) ?? [];
      members.set(member[1], note ? [...notes, note[1].trim()] : notes);
      doc = undefined;
    }
  }
  return classes;
}

/** "ExcelApi 1.1 for get, 1.8 for set" → { since: "ExcelApi 1.1", setSince: "ExcelApi 1.8" }. */
function readNote(note: string): { since: string; setSince?: string } {
  const [, set, version] = /^(\w+) (\d+\.\d+)/.exec(note) ?? [];
  const setting = /(\d+\.\d+) for sett?ing|(\d+\.\d+) for set\b/.exec(note);
  const setVersion = setting?.[1] ?? setting?.[2];
  return {
    since: `${set} ${version}`,
    ...(setVersion ? { setSince: `${set} ${setVersion}` } : {}),
  };
}

/** members.ts writes ExcelApi sets as "1.4", others as "ExcelApiOnline 1.1". */
const fullSet = (since: string) => (/^\d/.test(since) ? `ExcelApi ${since}` : since);

describe("members.ts", () => {
  const types = apiSetsOfTypes();

  it("reads @types/office-js's notes (the check below would pass on an empty parse)", () => {
    expect(types.get("Table")?.get("resize")).toEqual(["ExcelApi 1.13"]);
    expect(types.get("Range")?.get("values")).toEqual(["ExcelApi 1.1"]);
    expect(readNote("ExcelApi 1.1 for get, 1.8 for set")).toEqual({
      since: "ExcelApi 1.1",
      setSince: "ExcelApi 1.8",
    });
    expect(readNote("ExcelApi 1.1 for reading visibility; 1.2 for setting it.")).toEqual({
      since: "ExcelApi 1.1",
      setSince: "ExcelApi 1.2",
    });
  });

  it("gives every member the requirement set @types/office-js gives it", () => {
    const wrong: string[] = [];
    let checked = 0;
    let listed = 0;
    for (const [className, members] of Object.entries(MEMBERS)) {
      const typed = types.get(className);
      for (const [wire, member] of Object.entries(members)) {
        if (wire === "_Indexer") continue; // the client's getItem on the wire, checked as GetItem
        listed += 1;
        const name = wire.charAt(0).toLowerCase() + wire.slice(1);
        if (!typed?.has(name)) {
          wrong.push(`${className}.${name}: not an Excel member in @types/office-js`);
          continue;
        }
        const notes = typed.get(name)!.map(readNote);
        if (notes.length === 0) continue; // no [Api set] note to hold it to
        const expected = notes.find((n) => n.since === fullSet(member.since)) ?? notes[0];
        checked += 1;
        const actual = {
          since: fullSet(member.since),
          ...(member.setSince ? { setSince: fullSet(member.setSince) } : {}),
        };
        if (JSON.stringify(actual) !== JSON.stringify(expected))
          wrong.push(
            `${className}.${name}: ${JSON.stringify(actual)}, types say ${typed.get(name)}`
          );
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(0.9 * listed);
  });
});
