/**
 * What the pane's views share around Excel work: a long task with progress and cancellation, its status
 * line, and the source picker (read the selection, the last source, or a typed range).
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
} from "@fluentui/react-components";
import * as React from "react";
import { usePaneStyles } from "./paneStyles";
import { Cancelled, type Progress } from "../excel/plan/progress";
import { errorText } from "./format";
import { isSourceRangeAddress, type SourceChoice } from "../excel/plan/source";
import type { TypedCell, TypedOverError } from "../excel/plan/typedOver";
import { type Text, useText } from "./i18n/language";
import type { MessageKey } from "./i18n/messages";

export interface Busy {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

/** A task stopped to ask first (what a rebuild would replace): the question, and the task to run if yes. */
export interface Question {
  readonly text: string;
  readonly yes: string;
  readonly rerun: () => Promise<void>;
}

/**
 * A task: `confirmed` is true when the user, asked by a TypedOverError, chose to have what they
 * typed in Carnet's tables replaced.
 */
export type Task = (signal: AbortSignal, confirmed: boolean) => Promise<void>;

export interface LongTask {
  readonly busy: Busy | null;
  readonly error: string | null;
  readonly setError: (error: string | null) => void;
  /** What the last task stopped to ask, if anything. */
  readonly question: Question | null;
  /**
   * Runs a task with progress and cancellation; its error lands in the status line, and a
   * TypedOverError becomes a question whose answer runs the task again, confirmed.
   */
  readonly run: (phase: string, task: Task, confirmed?: boolean) => Promise<void>;
  /**
   * Runs a short action (a save, a selection) and, should it fail, says so in the status line after
   * `failed` ("Could not select Ventes!D9: ..."): no failure of a pane action is dropped.
   */
  readonly attempt: (failed: string, action: () => Promise<unknown>) => void;
  readonly progress: Progress;
  readonly cancel: () => void;
}

export function useLongTask(): LongTask {
  const t = useText();
  const [busy, setBusy] = React.useState<Busy | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [question, setQuestion] = React.useState<Question | null>(null);
  const abort = React.useRef<AbortController | null>(null);

  const run = React.useCallback(
    async function runTask(phase: string, task: Task, confirmed = false): Promise<void> {
      const controller = new AbortController();
      abort.current = controller;
      setError(null);
      setQuestion(null);
      setBusy({ phase, done: 0, total: 0 });
      try {
        await task(controller.signal, confirmed);
      } catch (e) {
        if (e instanceof Error && e.name === "TypedOverError")
          setQuestion({
            text: typedOverQuestion(t, (e as TypedOverError).cells),
            yes: t("app.task.replace"),
            rerun: () => runTask(phase, task, true),
          });
        else setError(e instanceof Cancelled ? t("app.task.cancelled") : errorText(e));
      } finally {
        setBusy(null);
        abort.current = null;
      }
    },
    [t]
  );
  const attempt = React.useCallback(
    (failed: string, action: () => Promise<unknown>) => {
      setError(null);
      Promise.resolve()
        .then(action)
        .catch((e) => setError(t("app.task.failed", { failed, error: errorText(e) })));
    },
    [t]
  );
  const progress = React.useCallback<Progress>(
    (phase, done, total) => setBusy({ phase, done, total }),
    []
  );
  const cancel = React.useCallback(() => abort.current?.abort(), []);
  return { busy, error, setError, question, run, attempt, progress, cancel };
}

/**
 * The phases Excel's side reports in English (excel/host's progress), by the catalogue's key: shown in
 * the pane's language. A phase the pane gave itself is already in its language and shown as it is.
 */
const HOST_PHASES: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>(
  Object.entries({
    Reading: "app.phase.reading",
    Writing: "app.phase.writing",
    "Reading the deals": "app.phase.readingDeals",
    "Computing the forecast": "app.phase.computingForecast",
    "Drawing charts": "app.phase.drawingCharts",
    "Checking Carnet's tables": "app.phase.checkingTables",
    "Reading the action plan": "app.phase.readingActionPlan",
    "Saving the action plan": "app.phase.savingActionPlan",
    "Finding CarnetPipeline and CarnetActionPlan": "app.phase.findingTables",
  } satisfies Record<string, MessageKey>)
);

/** How many typed-over cells the question lists by address before counting the rest. */
const TYPED_SHOWN = 5;

/**
 * The question a rebuild asks before writing over cells the user typed in Carnet's tables, in the
 * pane's language (TypedOverError's own message is its English, for logs and host tests).
 */
export function typedOverQuestion(t: Text, cells: readonly TypedCell[]): string {
  const listed = cells.slice(0, TYPED_SHOWN).map((c) =>
    t("app.typedOver.cell", {
      address: c.address,
      header: c.header,
      value: c.typed === null || c.typed === "" ? t("app.typedOver.cleared") : String(c.typed),
    })
  );
  const more =
    cells.length > TYPED_SHOWN
      ? t("app.typedOver.more", { count: String(cells.length - TYPED_SHOWN) })
      : "";
  return t("app.typedOver.question", {
    count: cells.length,
    tables: [...new Set(cells.map((c) => c.table))].join(", "),
    cells: listed.join(", "),
    more,
  });
}

/** What the progress line says: the phase, and how far it is when its size is known. */
export function progressText(t: Text, busy: Busy): string {
  const key = HOST_PHASES.get(busy.phase);
  const phase = key ? t(key) : busy.phase;
  return busy.total
    ? t("app.task.progress", { phase, done: busy.done, total: busy.total })
    : t("app.task.phase", { phase });
}

/** The progress bar with Cancel while a task runs, and the last error. */
export function TaskStatus({ task }: { readonly task: LongTask }) {
  const { busy, error, question } = task;
  const t = useText();
  // An action far down the pane (a report line, a nine-box range) fails up here: bring it into view.
  const bar = React.useRef<HTMLDivElement | null>(null);
  React.useEffect(() => {
    if (error) bar.current?.scrollIntoView?.({ block: "nearest" });
  }, [error]);
  return (
    <>
      {busy && (
        <Field validationMessage={progressText(t, busy)} validationState="none">
          <ProgressBar value={busy.total ? busy.done / busy.total : undefined} />
          <Button size="small" onClick={task.cancel}>
            {t("app.cancel")}
          </Button>
        </Field>
      )}
      {error && (
        <MessageBar intent="error" ref={bar}>
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {question && !busy && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{question.text}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void question.rerun()}>
              {question.yes}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}

export interface SourcePickerProps {
  readonly busy: boolean;
  /** The source read last time, offered again. */
  readonly saved: SourceChoice | undefined;
  readonly onRead: (choice: SourceChoice) => void;
  readonly placeholder: string;
  /** Another way in, beside the buttons (the matrix reads won deals). */
  readonly extra?: React.ReactNode;
}

export function SourcePicker({ busy, saved, onRead, placeholder, extra }: SourcePickerProps) {
  const pane = usePaneStyles();
  const t = useText();
  const [address, setAddress] = React.useState("");
  // A typed address that names no sheet is said next to the field, in the pane's language.
  const [refused, setRefused] = React.useState<string | null>(null);
  const readTyped = () => {
    const typed = address.trim();
    if (isSourceRangeAddress(typed)) onRead({ kind: "range", address: typed });
    else setRefused(t("app.source.notAnAddress", { address: typed, example: placeholder }));
  };
  return (
    <>
      <div className={pane.row}>
        <Button appearance="primary" disabled={busy} onClick={() => onRead({ kind: "auto" })}>
          {t("app.source.readSelection")}
        </Button>
        {saved && saved.kind !== "auto" && (
          <Button disabled={busy} onClick={() => onRead(saved)}>
            {saved.kind === "table"
              ? t("app.source.readTable", { name: saved.name })
              : t("app.source.readLastRange")}
          </Button>
        )}
        {extra}
      </div>
      <div className={pane.row}>
        <Field
          label={t("app.source.orRange")}
          className={pane.grow}
          validationState={refused ? "error" : "none"}
          validationMessage={refused ?? undefined}
        >
          <Input
            value={address}
            placeholder={placeholder}
            onChange={(_, d) => {
              setAddress(d.value);
              setRefused(null);
            }}
          />
        </Field>
        <Button disabled={busy || address.trim() === ""} onClick={readTyped}>
          {t("app.source.readRange")}
        </Button>
      </div>
    </>
  );
}
