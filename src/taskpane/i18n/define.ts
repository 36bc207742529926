/**
 * How an area of the pane declares its messages: English and French side by side, the French one
 * typed against the English one, so a key missing in either language fails the build (and
 * test/taskpane/i18n.test.ts checks placeholders and blanks at run time). The helper is shared with
 * the custom functions' error messages, so it lives in the domain (messageCatalogue.ts, which also
 * describes the template syntax).
 */
export { type AreaCatalogue, defineMessages, type Messages } from "../../domain/messageCatalogue";
