/**
 * The custom functions' metadata in another language: the generated functions.json (English, from the
 * JSDoc of src/functions/functions.ts) with the names and descriptions of one translation file
 * (src/domain/functions.fr.json), as Microsoft documents for localized custom functions: one
 * functions-<lang>.json per language, same ids, declared in the manifest by a locale override of the
 * metadata URL.
 *
 * Pure: the build (webpack.config.js) hands it the two files and the Excel names to avoid, and turns
 * its problems into a build error. A translation that misses a function, a parameter or a
 * description, or that names one that no longer exists, is a problem: a French user would otherwise
 * meet an English tooltip, or a translation would silently rot.
 */

export interface MetadataParameter {
  name: string;
  description?: string;
  [other: string]: unknown;
}

export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  result?: { description?: string; [other: string]: unknown };
  [other: string]: unknown;
}

export interface FunctionsMetadata {
  functions: MetadataFunction[];
  [other: string]: unknown;
}

export interface TextTranslation {
  readonly name?: string;
  readonly description?: string;
}

export interface FunctionTranslation extends TextTranslation {
  /** By the parameter's English name (its name in the JSDoc). */
  readonly parameters?: Readonly<Record<string, TextTranslation>>;
  /** Only when the metadata describes the result. */
  readonly result?: { readonly description?: string };
}

/** The translation file: keys starting with "$" are notes for translators. */
export interface FunctionsTranslation {
  readonly functions?: Readonly<Record<string, FunctionTranslation>>;
  readonly [note: `$${string}`]: unknown;
}

export interface Localized {
  /** The localized metadata; complete only when there are no problems. */
  readonly metadata: FunctionsMetadata;
  /** What is missing, stale or badly named, one sentence each, naming the function and parameter. */
  readonly problems: readonly string[];
}

/**
 * Microsoft's rules for a custom function's name: a letter first, then letters, digits, "." or "_",
 * 3 to 128 characters (custom-functions-naming). A parameter has no minimum length ("q").
 */
const FUNCTION_NAME = /^\p{L}[\p{L}0-9._]{2,127}$/u;
const PARAMETER_NAME = /^\p{L}[\p{L}0-9_]{0,127}$/u;

/** A1 (up to XFD1048576) or R1C1 references: Excel would read such a name as a cell. */
function looksLikeCell(name: string): boolean {
  return /^[A-Z]{1,3}[0-9]+$/i.test(name) || /^R[0-9]*C[0-9]*$/i.test(name);
}

function blank(text: string | undefined): boolean {
  return typeof text !== "string" || text.trim() === "";
}

/** Problems with one text (a function's or a parameter's): missing, or the English left as it was. */
function textProblems(where: string, english: string | undefined, french: string | undefined) {
  if (blank(english)) return [];
  if (blank(french)) return [`${where}: no French description`];
  if (french!.trim() === english!.trim())
    return [`${where}: the French description is the English one`];
  return [];
}

function nameProblems(where: string, name: string, builtIns: ReadonlySet<string>): string[] {
  if (!FUNCTION_NAME.test(name))
    return [
      `${where}: "${name}" is not a valid function name (a letter first, then letters, digits, "." or "_"; 3 to 128 characters)`,
    ];
  if (builtIns.has(name.toUpperCase()))
    return [`${where}: "${name}" is the name of an Excel function (English or French)`];
  if (looksLikeCell(name)) return [`${where}: "${name}" reads as a cell reference`];
  return [];
}

function parameterProblems(fn: MetadataFunction, t: FunctionTranslation): string[] {
  const problems: string[] = [];
  const translated = t.parameters ?? {};
  const frenchNames = new Set<string>();
  for (const p of fn.parameters) {
    const where = `${fn.id}(${p.name})`;
    const pt = translated[p.name];
    if (!pt) {
      problems.push(`${where}: parameter has no French translation`);
      continue;
    }
    const name = pt.name ?? p.name;
    if (!PARAMETER_NAME.test(name))
      problems.push(`${where}: "${name}" is not a valid parameter name`);
    if (frenchNames.has(name.toLowerCase()))
      problems.push(`${where}: the French name "${name}" is given to two parameters`);
    frenchNames.add(name.toLowerCase());
    problems.push(...textProblems(where, p.description, pt.description));
  }
  const known = new Set(fn.parameters.map((p) => p.name));
  for (const name of Object.keys(translated))
    if (!known.has(name))
      problems.push(`${fn.id}(${name}): translated, but the function has no such parameter`);
  return problems;
}

function functionProblems(
  fn: MetadataFunction,
  t: FunctionTranslation,
  builtIns: ReadonlySet<string>
): string[] {
  const problems: string[] = [];
  if (blank(t.name)) problems.push(`${fn.id}: no French name`);
  else problems.push(...nameProblems(fn.id, t.name!, builtIns));
  problems.push(...textProblems(fn.id, fn.description, t.description));
  problems.push(...parameterProblems(fn, t));
  const result = fn.result?.description;
  if (!blank(result))
    problems.push(...textProblems(`${fn.id} result`, result, t.result?.description));
  else if (!blank(t.result?.description))
    problems.push(`${fn.id} result: translated, but the metadata does not describe the result`);
  return problems;
}

/** French names must be told apart: from each other, and from another function's English name. */
function clashes(metadata: FunctionsMetadata, translations: Record<string, FunctionTranslation>) {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const fn of metadata.functions) owner.set(fn.name.toUpperCase(), fn.id);
  const french = new Map<string, string>();
  for (const fn of metadata.functions) {
    const name = translations[fn.id]?.name?.toUpperCase();
    if (!name) continue;
    const english = owner.get(name);
    if (english && english !== fn.id)
      problems.push(`${fn.id}: "${name}" is the English name of ${english}`);
    const other = french.get(name);
    if (other) problems.push(`${fn.id}: "${name}" is also the French name of ${other}`);
    french.set(name, fn.id);
  }
  return problems;
}

function localizedFunction(fn: MetadataFunction, t: FunctionTranslation): MetadataFunction {
  const out: MetadataFunction = { ...fn, name: t.name ?? fn.name };
  if (fn.description !== undefined) out.description = t.description ?? fn.description;
  out.parameters = fn.parameters.map((p) => {
    const pt = t.parameters?.[p.name];
    const param: MetadataParameter = { ...p, name: pt?.name ?? p.name };
    if (p.description !== undefined) param.description = pt?.description ?? p.description;
    return param;
  });
  if (fn.result?.description !== undefined)
    out.result = { ...fn.result, description: t.result?.description ?? fn.result.description };
  return out;
}

/**
 * The metadata with the translation's names and descriptions, and every problem found. Ids, types,
 * dimensionality and options are the English file's own, so both languages call the same code.
 */
export function localizeFunctions(
  metadata: FunctionsMetadata,
  translation: FunctionsTranslation,
  builtInNames: ReadonlySet<string>
): Localized {
  const translations = (translation.functions ?? {}) as Record<string, FunctionTranslation>;
  const builtIns = new Set([...builtInNames].map((n) => n.toUpperCase()));
  const problems: string[] = [];
  const functions = metadata.functions.map((fn) => {
    const t = translations[fn.id];
    if (!t) {
      problems.push(`${fn.id}: function has no French translation`);
      return fn;
    }
    problems.push(...functionProblems(fn, t, builtIns));
    return localizedFunction(fn, t);
  });
  const ids = new Set(metadata.functions.map((fn) => fn.id));
  for (const id of Object.keys(translations))
    if (!ids.has(id)) problems.push(`${id}: translated, but no function has this id`);
  problems.push(...clashes(metadata, translations));
  return { metadata: { ...metadata, functions }, problems };
}

/** The build error: the file to fix and each problem on its own line. */
export function translationError(file: string, problems: readonly string[]): string {
  return [`${file} does not match the custom functions:`, ...problems.map((p) => `  - ${p}`)].join(
    "\n"
  );
}
