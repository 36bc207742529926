/**
 * A request as JSON would carry it, sharing every part JSON keeps unchanged. Microsoft's client
 * hands its HTTP layer the request as an object, which Excel on the web receives as JSON text; the
 * host reads a view of that object rather than a parse of the text. Parsing a 4 MB body made a copy
 * of every row of it, alive while the request ran: V8 promoted it to its old generation, and a
 * million-row write left gigabytes there between two full collections. The view copies only what
 * JSON changes: the request's small frame around an `undefined` argument, say, never its grids. Its
 * size (Excel on the web's 5 MB limit) is counted from the view, without making the text either.
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

/** Decimal digits of a non-negative integer. */
function digits(n: number): number {
  let count = 1;
  for (let tens = 10; tens <= n; tens *= 10) count += 1;
  return count;
}

/** UTF-8 bytes of a number's JSON text: what String(n) writes, counted without making it for integers. */
function numberBytes(n: number): number {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return (n < 0 ? 1 : 0) + digits(Math.abs(n));
  return String(n).length;
}

/** UTF-8 bytes of a string's JSON text, quotes and escapes included (as JSON.stringify writes them). */
function stringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // \" and \\; \b \t \n \f \r; other control characters as \u00XX.
    if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x20) bytes += code >= 8 && code <= 13 && code !== 11 ? 2 : 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      const paired = next >= 0xdc00 && next <= 0xdfff;
      bytes += paired ? 4 : 6; // a pair is one four-byte character; a lone surrogate is \uXXXX
      if (paired) i += 1;
    } else bytes += code >= 0xdc00 && code <= 0xdfff ? 6 : 3;
  }
  return bytes;
}

/**
 * The UTF-8 bytes of JSON.stringify(view), for what jsonView gives (plain data), counted without
 * making the text: a 4 MB body made only to be measured outlived V8's minor collections while the
 * request ran, and was promoted.
 */
export function jsonBytes(view: unknown): number {
  if (view === null) return 4;
  switch (typeof view) {
    case "string":
      return stringBytes(view);
    case "number":
      return numberBytes(view);
    case "boolean":
      return view ? 4 : 5;
  }
  if (Array.isArray(view)) {
    let bytes = 2 + Math.max(0, view.length - 1);
    for (const item of view) bytes += jsonBytes(item);
    return bytes;
  }
  const record = view as Record<string, unknown>;
  let bytes = 2;
  let count = 0;
  for (const key in record) {
    bytes += stringBytes(key) + 1 + jsonBytes(record[key]);
    count += 1;
  }
  return bytes + Math.max(0, count - 1);
}
