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
  columnOf,
  conflictKey,
  type DeletedAction,
  fieldText,
} from "./planModel";

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
  if (conflicts.length === 0) return null;
  const names = new Map(actions.map((a) => [a.id, actionName(a)]));
  const n = conflicts.length;
  return (
    <div className={styles.list}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Nothing saved yet.</MessageBarTitle>
          {n} field{n === 1 ? "" : "s"} changed both in the pane and in Excel since the pane read
          the plan. Choose which value to keep for each, then Save again.
        </MessageBarBody>
      </MessageBar>
      {conflicts.map((c) => {
        const key = conflictKey(c);
        return (
          <Field key={key} label={`${names.get(c.id) ?? c.id} · ${columnOf(c.field)}`} size="small">
            <RadioGroup
              value={resolutions.get(key) ?? ""}
              onChange={(_, d) => onResolve(key, d.value as "pane" | "sheet")}
            >
              <Radio value="pane" label={`Pane: ${fieldText(c.field, c.pane)}`} />
              <Radio value="sheet" label={`Excel: ${fieldText(c.field, c.sheet)}`} />
            </RadioGroup>
          </Field>
        );
      })}
    </div>
  );
}

export function DeletedInSheet({ deleted }: { readonly deleted: readonly DeletedAction[] }) {
  if (deleted.length === 0) return null;
  const n = deleted.length;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        {n === 1 ? "This action was" : `These ${n} actions were`} deleted in Excel and{" "}
        {n === 1 ? "was" : "were"} not kept: {deleted.map((d) => actionName(d)).join(", ")}.
      </MessageBarBody>
    </MessageBar>
  );
}
