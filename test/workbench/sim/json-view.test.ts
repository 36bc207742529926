/**
 * The host reads the client's request object as JSON would carry it, instead of parsing its JSON
 * body: what it reads must be what Excel on the web would receive, and the client's arrays are
 * shared, never changed.
 */
import fc from "fast-check";
import { isDeepStrictEqual } from "util";
import { NOT_PLAIN, jsonBytes, jsonView } from "../../../src/workbench/sim/json-view";
import { utf8Bytes } from "../../../src/workbench/sim/richapi";
import { memoryHost } from "./hosts";

class Deal {
  constructor(readonly amount: number) {}
}

describe("jsonView", () => {
  it("gives what JSON.parse(JSON.stringify(value)) gives, or gives up", () => {
    fc.assert(
      fc.property(
        fc.anything({
          withSparseArray: true,
          withNullPrototype: true,
          withDate: true,
          withMap: true,
          withBoxedValues: true,
          withTypedArray: true,
          withObjectString: true,
        }),
        (value) => {
          const json = JSON.stringify(value);
          const view = jsonView(value);
          if (json === undefined || view === NOT_PLAIN) return;
          expect(isDeepStrictEqual(view, JSON.parse(json))).toBe(true);
        }
      ),
      { numRuns: 5000 }
    );
  });

  it("counts the UTF-8 bytes of the JSON text without making it", () => {
    const text = fc.string({ unit: "binary" });
    const special = fc.constantFrom(
      "\ud800",
      "\udc00x",
      '"\\',
      "\u0000\u0007\b\t\n\u000b\f\r\u001f",
      "é€😀"
    );
    const number = fc.oneof(
      fc.double({ noNaN: true }),
      fc.integer(),
      fc.constantFrom(1e21, -1e21, 123e-20, 2 ** 53)
    );
    fc.assert(
      fc.property(
        fc.anything({
          key: fc.oneof(text, special),
          values: [text, special, number, fc.boolean(), fc.constant(null)],
        }),
        (value) => {
          const view = jsonView(value);
          if (view === NOT_PLAIN) return;
          expect(jsonBytes(view)).toBe(utf8Bytes(JSON.stringify(value)));
        }
      ),
      { numRuns: 5000 }
    );
  });

  it("turns what JSON turns, shares what it keeps, and changes nothing", () => {
    const grid = [
      ["a", 1, null],
      ["b", 2.5, true],
    ];
    // eslint-disable-next-line no-sparse-arrays -- a hole is one of the cases
    const sent = { Arguments: [undefined, grid, -0, Number.NaN, Infinity, [1, , 3]], x: undefined };
    const view = jsonView(sent) as { Arguments: unknown[] };
    expect(view).toEqual({ Arguments: [null, grid, 0, null, null, [1, null, 3]] });
    expect(Object.is(view.Arguments[2], 0)).toBe(true);
    expect("x" in view).toBe(false);
    expect(view.Arguments[1]).toBe(grid);
    expect(sent.Arguments[0]).toBeUndefined();
    expect(jsonView([new Date(0)])).toBe(NOT_PLAIN);
    expect(jsonView({ deal: new Deal(1) })).toBe(NOT_PLAIN);
    expect(jsonView({ toJSON: () => 1 })).toBe(NOT_PLAIN);
  });
});

describe("the host reading the client's own request", () => {
  it("reads it without parsing the body, and keeps the cells it was sent", async () => {
    const { host, backend } = memoryHost({ Sheet1: [[1, 2]] });
    const parse = jest.spyOn(JSON, "parse");
    const rows = [
      [Number.NaN, 3],
      ["a", 4],
    ];
    try {
      await host.Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("A1:B2").values = rows;
        await context.sync();
      });
      const bodies = parse.mock.calls.filter(
        ([t]) => typeof t === "string" && t.includes("Actions")
      );
      expect(bodies).toEqual([]);
    } finally {
      parse.mockRestore();
    }
    // NaN travels as JSON null, which leaves the cell as it is.
    expect(backend.getValues("Sheet1", 0, 0, 2, 2)).toEqual([
      [1, 3],
      ["a", 4],
    ]);
    rows[1][0] = "changed later";
    expect(backend.getValues("Sheet1", 1, 0, 1, 1)).toEqual([["a"]]);
  });
});
