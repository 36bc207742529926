/**
 * What a save could not decide alone, and what it did not keep: the conflicts (the same field of the same
 * action changed in the pane and in Excel since the pane read the plan), each with both values and a
 * choice, and the actions deleted in Excel meanwhile (the deletion is respected; the pane says which).
 */
import {
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { Action } from "../../domain/actionPlan/action";
import type { ActionConflict } from "../../domain/actionPlan/contract";
import {
  actionName,
  columnLabel,
  columnOf,
  conflictKey,
  type DeletedAction,
  fieldText,
} from "./planModel";
import { useWords } from "../words";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

export interface SaveConflictsProps {
  readonly conflicts: readonly ActionConflict[];
  readonly resolutions: ReadonlyMap<string, "pane" | "sheet">;
  /** The pane's actions, to name each conflict's action. */
  readonly actions: readonly Action[];
  readonly onResolve: (key: string, choice: "pane" | "sheet") => void;
}

export function SaveConflicts({ conflicts, resolutions, actions, onResolve }: SaveConflictsProps) {
  const styles = useStyles();
  const words = useWords();
  const { t } = words;
  if (conflicts.length === 0) return null;
  const names = new Map(actions.map((a) => [a.id, actionName(a)]));
  return (
    <div className={styles.list}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("plan.conflicts.title")}</MessageBarTitle>
          {t("plan.conflicts.body", { count: conflicts.length })}
        </MessageBarBody>
      </MessageBar>
      {conflicts.map((c) => {
        const key = conflictKey(c);
        return (
          <Field
            key={key}
            label={`${names.get(c.id) ?? c.id} · ${columnLabel(columnOf(c.field), words.language)}`}
            size="small"
          >
            <RadioGroup
              value={resolutions.get(key) ?? ""}
              onChange={(_, d) => onResolve(key, d.value as "pane" | "sheet")}
            >
              <Radio
                value="pane"
                label={t("plan.conflicts.pane", { value: fieldText(c.field, c.pane, words) })}
              />
              <Radio
                value="sheet"
                label={t("plan.conflicts.sheet", { value: fieldText(c.field, c.sheet, words) })}
              />
            </RadioGroup>
          </Field>
        );
      })}
    </div>
  );
}

export function DeletedInSheet({ deleted }: { readonly deleted: readonly DeletedAction[] }) {
  const { t } = useWords();
  if (deleted.length === 0) return null;
  const actions = deleted.map((d) => actionName(d)).join(", ");
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{t("plan.deleted", { count: deleted.length, actions })}</MessageBarBody>
    </MessageBar>
  );
}
