import { makeStyles, tokens } from "@fluentui/react-components";

/** Layout every view of the 320 px pane shares: a column of sections, rows of controls that wrap. */
export const usePaneStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "end",
    flexWrap: "wrap",
  },
  grow: { flexGrow: 1, minWidth: "120px" },
  /** Headings keep the section's rhythm instead of the browser's default margins. */
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});
