/**
 * How an area of the pane declares its messages: English and French side by side, the French one
 * typed against the English one, so a key missing in either language fails the build (and
 * test/taskpane/i18n.test.ts checks placeholders and blanks at run time).
 *
 * A message is a template: `{name}` is replaced by a parameter (numbers formatted in the pane's
 * locale), and `{count, plural, one {# deal} other {# deals}}` picks a form with Intl.PluralRules,
 * `#` being the count formatted.
 */
export type Messages<K extends string> = Readonly<Record<K, string>>;

export interface AreaCatalogue<K extends string> {
  readonly en: Messages<K>;
  readonly fr: Messages<K>;
}

/** An area's catalogue: `fr` must have exactly `en`'s keys. */
export function defineMessages<K extends string>(
  en: Messages<K>,
  fr: Messages<NoInfer<K>>
): AreaCatalogue<K> {
  return { en, fr };
}
