/**
 * A request as JSON would carry it, sharing every part JSON keeps unchanged. Microsoft's client
 * hands its HTTP layer the request as an object, which Excel on the web receives as JSON text; the
 * host reads a view of that object rather than a parse of the text. Parsing a 4 MB body made a copy
 * of every row of it, alive while the request ran: V8 promoted it to its old generation, and a
 * million-row write left gigabytes there between two full collections. The view copies only what
 * JSON changes: the request's small frame around an `undefined` argument, say, never its grids.
 */

/** What the view gives up on: the caller parses the JSON text instead. */
export const NOT_PLAIN = Symbol("not plain data");

/** Deeper than any request the client builds (a grid of values is six levels down). */
const MOST_DEPTH = 32;

/**
 * Whether an object's chain of prototypes is `levels` long: 1 for a plain object (a realm's
 * Object.prototype, then null), 2 for a plain array; more for an instance of a class. Realms are not
 * compared: the pane's client is another window's.
 */
function chainIs(value: object, levels: number): boolean {
  let at: object | null = value;
  for (let i = 0; i < levels; i += 1) {
    at = Object.getPrototypeOf(at) as object | null;
    if (at === null) return false;
  }
  return Object.getPrototypeOf(at) === null;
}

/** What JSON drops: an array then holds null in its place, an object loses the property. */
const dropped = (value: unknown) =>
  value === undefined || typeof value === "function" || typeof value === "symbol";

function arrayView(array: unknown[], depth: number): unknown[] | typeof NOT_PLAIN {
  let copy: unknown[] | undefined;
  for (let i = 0; i < array.length; i += 1) {
    const item = array[i];
    const seen = i in array && !dropped(item) ? jsonView(item, depth + 1) : null;
    if (seen === NOT_PLAIN) return NOT_PLAIN;
    if (copy === undefined && (!Object.is(seen, item) || !(i in array))) copy = array.slice(0, i);
    if (copy !== undefined) copy.push(seen);
  }
  return copy ?? array;
}

function objectView(
  record: Record<string, unknown>,
  depth: number
): Record<string, unknown> | typeof NOT_PLAIN {
  let copy: Record<string, unknown> | undefined;
  const kept: string[] = [];
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key) || key === "__proto__") return NOT_PLAIN;
    const item = record[key];
    const seen = dropped(item) ? undefined : jsonView(item, depth + 1);
    if (seen === NOT_PLAIN) return NOT_PLAIN;
    if (copy === undefined && (seen === undefined || !Object.is(seen, item))) {
      copy = {};
      for (const k of kept) copy[k] = record[k];
    }
    if (copy === undefined) kept.push(key);
    else if (seen !== undefined) copy[key] = seen;
  }
  return copy ?? record;
}

/**
 * `value` as `JSON.parse(JSON.stringify(value))` gives it, sharing the parts JSON keeps unchanged:
 * NaN and infinities become null, -0 becomes 0, holes and dropped values (undefined, functions,
 * symbols) become null in arrays and vanish from objects. NOT_PLAIN for anything else JSON would
 * turn into something else (dates, class instances, objects with a toJSON, a "__proto__" key) and
 * for data nested deeper than any request.
 */
export function jsonView(value: unknown, depth = 0): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value + 0 : null; // -0 + 0 is 0
    case "object":
      break;
    default:
      return NOT_PLAIN;
  }
  if (value === null) return null;
  if (depth >= MOST_DEPTH) return NOT_PLAIN;
  if (Array.isArray(value)) return chainIs(value, 2) ? arrayView(value, depth) : NOT_PLAIN;
  if (!chainIs(value, 1) || typeof (value as { toJSON?: unknown }).toJSON === "function")
    return NOT_PLAIN;
  if (Object.getOwnPropertySymbols(value).length > 0) return NOT_PLAIN;
  return objectView(value as Record<string, unknown>, depth);
}
