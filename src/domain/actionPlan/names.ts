/**
 * How the action plan matches names typed by people: owners (reps), product ranges, means.
 *
 * Rule: two names are the same when they are equal once trimmed and compared as their toLowerCase()
 * compare ("Alice ", "alice" and "ALICE" are one rep); a group is shown under the first spelling met.
 * Why: the plan, the pipeline and the matrix are typed by different people; a trailing space or a
 * capital letter must not make a second rep or hide a range's actions. This is the comparison
 * src/domain/caselessKeys.ts uses for ids, so every name Carnet reads matches the same way.
 * Accents are kept: "Hélène" and "Helene" may be two people.
 */

/** The key a name is matched by. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** A map looked up by nameKey: `get(" alice")` finds what was set under "Alice". */
export function caselessMap<V>(entries: Iterable<readonly [string, V]>): {
  get(name: string): V | undefined;
} {
  const map = new Map<string, V>();
  for (const [name, value] of entries) {
    const key = nameKey(name);
    if (!map.has(key)) map.set(key, value);
  }
  return { get: (name) => map.get(nameKey(name)) };
}

/** Items grouped by a name, groups in order of first appearance, each under its first spelling (trimmed). */
export function groupByName<T>(items: readonly T[], nameOf: (item: T) => string): Map<string, T[]> {
  const spelling = new Map<string, string>();
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = nameKey(nameOf(item));
    let shown = spelling.get(key);
    if (shown === undefined) {
      shown = nameOf(item).trim();
      spelling.set(key, shown);
      groups.set(shown, []);
    }
    (groups.get(shown) as T[]).push(item);
  }
  return groups;
}
