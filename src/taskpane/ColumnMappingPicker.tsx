/**
 * The column mapping as both views show it: one labelled choice per field (its label is its accessible
 * name, in the pane's language), the table's columns as options (columnChoices: a column without a
 * header by its letter), and "(none)". The view keeps the mapping; the picker hands back the whole mapping with one field changed.
 */
import { Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { ColumnMapping, FieldSpec } from "../domain/columns";
import type { CellValue } from "../domain/values";
import { columnChoices, fieldLabel } from "./columnChoices";
import { useText } from "./i18n/language";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
});

export interface ColumnMappingPickerProps<F extends string> {
  readonly fields: readonly FieldSpec<F>[];
  /** The table's header row. */
  readonly headers: readonly CellValue[];
  /** The sheet column (0-based) of the table's first column, to name columns by their letters. */
  readonly firstCol: number;
  readonly mapping: ColumnMapping<F>;
  readonly onChange: (mapping: ColumnMapping<F>) => void;
}

export function ColumnMappingPicker<F extends string>(props: ColumnMappingPickerProps<F>) {
  const { fields, headers, firstCol, mapping, onChange } = props;
  const styles = useStyles();
  const t = useText();
  const choices = React.useMemo(
    () => columnChoices(headers, firstCol, t),
    [headers, firstCol, t]
  );
  return (
    <div className={styles.grid}>
      {fields.map((spec) => (
        <Field key={spec.field} label={fieldLabel(spec, t)} size="small" required={spec.required}>
          <Select
            size="small"
            value={mapping[spec.field] === null ? "" : String(mapping[spec.field])}
            onChange={(_, d) =>
              onChange({ ...mapping, [spec.field]: d.value === "" ? null : Number(d.value) })
            }
          >
            <option value="">{t("app.column.none")}</option>
            {choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </Select>
        </Field>
      ))}
    </div>
  );
}
