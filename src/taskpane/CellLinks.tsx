/**
 * A list of lines about cells (the data-quality report, the handbook's warning): each line with an
 * address is a link that selects its cell in the sheet.
 */
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { useText } from "./i18n/language";

const useStyles = makeStyles({
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    maxHeight: "240px",
    overflowY: "auto",
  },
});

export interface CellLine {
  readonly text: string;
  /** The cell or row the line is about; a line without one is plain text. */
  readonly address?: string | null;
}

export function CellLinks({
  lines,
  label,
  onSelect,
}: {
  readonly lines: readonly CellLine[];
  /** The list's accessible name ("Data-quality report"). */
  readonly label?: string;
  readonly onSelect: (address: string) => void;
}) {
  const styles = useStyles();
  const t = useText();
  return (
    <ul className={styles.list} aria-label={label}>
      {lines.map((line, i) => (
        <li key={`${i}:${line.address ?? ""}`}>
          {line.address ? (
            <Link
              as="button"
              onClick={() => onSelect(line.address!)}
              title={t("app.selectCell", { address: line.address })}
            >
              {line.text}
            </Link>
          ) : (
            line.text
          )}
        </li>
      ))}
    </ul>
  );
}
