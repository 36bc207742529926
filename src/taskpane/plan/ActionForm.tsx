/**
 * One action, added or edited: every column of CarnetActionPlan the user fills, each with a visible label
 * (the labels are the columns' headers, a public contract the browser tests use). Means, Owner, Range and
 * Unit are open lists (a Combobox that keeps what is typed); Start and End are date inputs; the phase moves
 * Plan → Do → Check → Act through the domain (movePhase), Check showing Actual result and Actual cost, Act
 * Corrective action. What the domain refuses is said next to the field it names, and nothing is kept.
 */
import {
  Button,
  Combobox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { type Action, PHASES } from "../../domain/actionPlan/action";
import { usePaneStyles } from "../paneStyles";
import {
  actionFromDraft,
  actionName,
  type ActionDraft,
  columnLabel,
  draftOf,
  emptyDraft,
  type FormField,
  type FormProblems,
  phaseLabel,
} from "./planModel";
import { useWords } from "../words";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  pair: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  // Fluent's inputs keep a minimum width that would overflow two columns of a 320 px pane.
  input: { minWidth: 0, width: "100%" },
  // The combobox's text box sizes itself to its characters unless told to shrink with the grid column.
  comboText: { minWidth: 0, width: "100%" },
});

/** The open lists the form offers (the view gathers them from the team, the matrix and the plan). */
export interface FormChoices {
  readonly means: readonly string[];
  readonly owners: readonly string[];
  readonly ranges: readonly string[];
  readonly units: readonly string[];
}

export interface ActionFormProps {
  /** The action edited, or null to add one. */
  readonly editing: Action | null;
  /** The Id a new action will get, the semester shown and its days (for the domain's checks). */
  readonly nextId: string;
  readonly semester: string;
  readonly bounds: { readonly start: number; readonly end: number };
  readonly choices: FormChoices;
  readonly disabled: boolean;
  readonly onAdd: (action: Action) => void;
  readonly onUpdate: (action: Action) => void;
  readonly onDelete: (id: string) => void;
  readonly onCancel: () => void;
}

export function ActionForm(props: ActionFormProps) {
  const { editing, disabled } = props;
  const styles = useStyles();
  const pane = usePaneStyles();
  const words = useWords();
  const { t } = words;
  const [draft, setDraft] = React.useState<ActionDraft>(() =>
    editing ? draftOf(editing) : emptyDraft()
  );
  const [problems, setProblems] = React.useState<FormProblems>({});
  const first = React.useRef<HTMLInputElement | null>(null);
  const set = (field: FormField) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const outcome = actionFromDraft(draft, editing, {
      id: props.nextId,
      semester: props.semester,
      bounds: props.bounds,
      words,
    });
    if (!outcome.ok) {
      setProblems(outcome.problems);
      return;
    }
    setProblems({});
    if (editing) props.onUpdate(outcome.action);
    else {
      props.onAdd(outcome.action);
      setDraft(emptyDraft());
      // The next action starts where the last one did: keyboard entry goes on without the mouse.
      first.current?.focus();
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      aria-label={editing ? t("plan.form.editing") : t("plan.form.new")}
    >
      <Subtitle2 as="h3" className={pane.heading}>
        {editing
          ? t("plan.actions.editNamed", { action: actionName(editing) })
          : t("plan.form.new")}
      </Subtitle2>
      <DraftFields
        draft={draft}
        problems={problems}
        choices={props.choices}
        set={set}
        firstRef={first}
      />
      {problems.form && (
        <MessageBar intent="error">
          <MessageBarBody>{problems.form.join(" ")}</MessageBarBody>
        </MessageBar>
      )}
      <div className={pane.row}>
        <Button appearance="primary" type="submit" disabled={disabled}>
          {editing ? t("plan.form.update") : t("plan.form.add")}
        </Button>
        {editing && (
          <>
            <Button disabled={disabled} onClick={() => props.onDelete(editing.id)}>
              {t("plan.form.delete")}
            </Button>
            <Button onClick={props.onCancel}>{t("plan.form.cancel")}</Button>
          </>
        )}
      </div>
    </form>
  );
}

/** The fields, short ones two by two; Check's and Act's fields once the phase (or a value) calls for them. */
function DraftFields(props: {
  readonly draft: ActionDraft;
  readonly problems: FormProblems;
  readonly choices: FormChoices;
  readonly set: (field: FormField) => (value: string) => void;
  readonly firstRef: React.Ref<HTMLInputElement>;
}) {
  const { draft, problems, choices, set, firstRef } = props;
  const styles = useStyles();
  const { t, language } = useWords();
  const text = (field: FormField, type: "text" | "date" = "text", ref?: React.Ref<HTMLInputElement>) => (
    <TextField field={field} value={draft[field]} problems={problems[field]} onChange={set(field)} type={type} inputRef={ref} />
  );
  const list = (field: FormField, options: readonly string[]) => (
    <ListField field={field} value={draft[field]} problems={problems[field]} onChange={set(field)} options={options} />
  );
  const checked = draft.Phase === "Check" || draft.Phase === "Act";
  const showCheck = checked || draft["Actual result"] !== "" || draft["Actual cost"] !== "";
  const showAct = draft.Phase === "Act" || draft["Corrective action"] !== "";
  return (
    <>
      {text("Action", "text", firstRef)}
      {list("Means", choices.means)}
      {text("Target")}
      {list("Range", choices.ranges)}
      <div className={styles.pair}>
        {text("Objective")}
        {list("Unit", choices.units)}
      </div>
      {list("Owner", choices.owners)}
      <div className={styles.pair}>
        {text("Start", "date")}
        {text("End", "date")}
        {text("Order")}
        {text("Budget")}
      </div>
      <Field
        label={columnLabel("Phase", language)}
        size="small"
        validationState={problems.Phase ? "error" : "none"}
        validationMessage={problems.Phase?.join(" ")}
      >
        <Select size="small" value={draft.Phase} onChange={(_, d) => set("Phase")(d.value)}>
          {PHASES.map((p) => (
            <option key={p} value={p}>
              {phaseLabel(p, t)}
            </option>
          ))}
        </Select>
      </Field>
      {showCheck && (
        <div className={styles.pair}>
          {text("Actual result")}
          {text("Actual cost")}
        </div>
      )}
      {showAct && text("Corrective action")}
      {text("Comment")}
    </>
  );
}

function TextField(props: {
  readonly field: FormField;
  readonly value: string;
  readonly problems: readonly string[] | undefined;
  readonly onChange: (value: string) => void;
  readonly type: "text" | "date";
  readonly inputRef?: React.Ref<HTMLInputElement>;
}) {
  const { field, value, problems, onChange, type, inputRef } = props;
  const styles = useStyles();
  const { language } = useWords();
  return (
    <Field
      label={columnLabel(field, language)}
      size="small"
      validationState={problems ? "error" : "none"}
      validationMessage={problems?.join(" ")}
    >
      <Input
        className={styles.input}
        size="small"
        type={type}
        value={value}
        ref={inputRef}
        onChange={(_, d) => onChange(d.value)}
      />
    </Field>
  );
}

/**
 * An open list: the options offered, narrowed to those containing what is typed, and whatever is typed kept
 * as it is (freeform): a new means, a rep not yet in the pipeline, a range the matrix does not know.
 */
function ListField(props: {
  readonly field: FormField;
  readonly value: string;
  readonly problems: readonly string[] | undefined;
  readonly onChange: (value: string) => void;
  readonly options: readonly string[];
}) {
  const { field, value, problems, onChange, options } = props;
  const styles = useStyles();
  const { language } = useWords();
  const typed = value.trim().toLowerCase();
  const exact = options.some((o) => o.toLowerCase() === typed);
  const shown = typed === "" || exact ? options : options.filter((o) => o.toLowerCase().includes(typed));
  return (
    <Field
      label={columnLabel(field, language)}
      size="small"
      validationState={problems ? "error" : "none"}
      validationMessage={problems?.join(" ")}
    >
      <Combobox
        className={styles.input}
        input={{ className: styles.comboText }}
        size="small"
        freeform
        value={value}
        selectedOptions={options.includes(value) ? [value] : []}
        onChange={(e) => onChange(e.target.value)}
        onOptionSelect={(_, d) => onChange(d.optionText ?? "")}
      >
        {shown.map((o) => (
          <Option key={o}>{o}</Option>
        ))}
      </Combobox>
    </Field>
  );
}
