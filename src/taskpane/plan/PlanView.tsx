/**
 * The semester's sales action plan in the pane (issue 13): one semester at a time (CarnetActionPlan holds
 * them all), its actions added and edited in a form, a new plan from scratch or carried over from the
 * previous semester, the budget against the envelope, the handbook's checks, a timeline, Save (merged with
 * what was edited in Excel meanwhile, conflicts asked) and the semester's review. Excel is reached only
 * through the CarnetHost callbacks; the rules are the domain's (src/domain/actionPlan).
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { type Action, HANDBOOK_MEANS } from "../../domain/actionPlan/action";
import { budgetTotals, planChecks } from "../../domain/actionPlan/checks";
import type { PlanContext } from "../../domain/actionPlan/contract";
import { type SemesterReview, semesterReview } from "../../domain/actionPlan/review";
import { semesterLabel } from "../../domain/actionPlan/semester";
import type { CarnetHost } from "../../excel/port";
import { type Formats, type Text, useFormats, useText } from "../i18n/language";
import { type LongTask, TaskStatus, useLongTask } from "../longTask";
import { usePaneStyles } from "../paneStyles";
import { ActionForm, type FormChoices } from "./ActionForm";
import { BudgetTotals, PlanChecks } from "./PlanChecks";
import {
  actionName,
  allResolved,
  amountLines,
  boundsOf,
  envelopeOf,
  hasUnsavedChanges,
  initialPlanState,
  meansChoices,
  nextId,
  noticeText,
  ownerChoices,
  phaseLabel,
  planDate,
  type PlanEvent,
  planReducer,
  type PlanState,
  rangeChoices,
  reviewMessage,
  savedMessage,
  saveRequest,
  semesterActions,
  semesterChoices,
  serialOfDate,
  unitChoices,
} from "./planModel";
import { type Words, useWords } from "../words";
import { ReviewView } from "./ReviewView";
import { DeletedInSheet, SaveConflicts } from "./SaveOutcome";
import { Timeline } from "./Timeline";

const useStyles = makeStyles({
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  itemText: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  semester: { minWidth: "110px" },
});

export interface PlanViewProps {
  readonly host: CarnetHost;
  /** Whether the Plan tab is shown: the plan is read again each time it is (unless edits are unsaved). */
  readonly active: boolean;
}

/** The pane's plan, with a dispatch that also answers the state it made (a task goes on from it). */
function usePlanState() {
  const [state, setState] = React.useState<PlanState>(() => initialPlanState(serialOfDate()));
  const latest = React.useRef(state);
  const dispatch = React.useCallback((event: PlanEvent): PlanState => {
    latest.current = planReducer(latest.current, event);
    setState(latest.current);
    return latest.current;
  }, []);
  return { state, latest, dispatch };
}

export function PlanView({ host, active }: PlanViewProps) {
  const pane = usePaneStyles();
  const t = useText();
  const model = usePlanState();
  const { state, dispatch } = model;
  const task = useLongTask();
  const tasks = usePlanTasks(host, active, model, task, t);
  const context = usePlanContext(host, active, state, task.attempt, t);
  const { semester, reading } = state;
  const unsaved = hasUnsavedChanges(state);
  const ready = reading !== null && !task.busy;
  const send = (event: PlanEvent) => {
    dispatch(event);
    tasks.setSaved(null);
  };

  return (
    <div className={pane.section}>
      <Subtitle2 as="h2" className={pane.heading}>
        {t("plan.title")}
      </Subtitle2>
      <Body1>
        {t("plan.intro", {
          plan: phaseLabel("Plan", t),
          do: phaseLabel("Do", t),
          check: phaseLabel("Check", t),
          act: phaseLabel("Act", t),
        })}
      </Body1>
      <PlanToolbar
        state={state}
        ready={ready}
        unsaved={unsaved}
        onShow={(s) => send({ type: "show", semester: s })}
        onNewPlan={() => send({ type: "new-plan" })}
        onCarryOver={() => send({ type: "carry-over" })}
        onSave={() => void tasks.save()}
        onReview={() => void tasks.review()}
      />
      <TaskStatus task={task} />
      <PlanMessages state={state} saved={tasks.saved} onResolve={send} />
      <PlanEditor
        state={state}
        context={context}
        ready={ready}
        saves={tasks.saves}
        onEvent={send}
      />
      <PlanFigures
        state={state}
        context={context}
        onEvent={send}
        onSelect={(address) =>
          task.attempt(t("plan.task.select", { address }), () => host.select(address))
        }
      />
      {tasks.written?.review.semester === semester && (
        <div ref={tasks.reviewRef}>
          <ReviewView review={tasks.written.review} written={tasks.written.text} />
        </div>
      )}
    </div>
  );
}

/**
 * What the view asks of Excel: the plan read each time the tab is shown (unless the pane holds unsaved
 * edits: Save merges them instead), Save (conflicts or the plan as saved), and the review.
 */
function usePlanTasks(
  host: CarnetHost,
  active: boolean,
  { latest, dispatch }: ReturnType<typeof usePlanState>,
  { busy, run, progress }: LongTask,
  t: Text
) {
  // The table's problems are said in the pane's language.
  const { language } = useWords();
  const [saved, setSaved] = React.useState<string | null>(null);
  const [saves, setSaves] = React.useState(0);
  /** The review as written: the saved plan's (Review waits for Save), kept as the sheet has it. */
  const [written, setWritten] = React.useState<{ review: SemesterReview; text: string } | null>(
    null
  );
  const reviewRef = React.useRef<HTMLDivElement | null>(null);

  React.useEffect(() => {
    if (!active || busy || hasUnsavedChanges(latest.current)) return;
    void run(t("plan.task.read"), async (signal) => {
      const reading = await host.readActionPlan(progress, signal, { language });
      dispatch({ type: "read", reading, today: serialOfDate() });
    });
  }, [active, host]);

  // The review is what the manager asked for: bring it into view once written.
  React.useEffect(() => {
    if (written) reviewRef.current?.scrollIntoView?.({ behavior: "smooth", block: "start" });
  }, [written]);

  const save = () =>
    run(t("plan.task.save"), async (signal) => {
      const request = { ...saveRequest(latest.current), language };
      const result = await host.saveActionPlan(request, progress, signal);
      setSaved(null);
      if (result.kind === "conflicts") {
        dispatch({ type: "conflicts", conflicts: result.conflicts });
        return;
      }
      const { reading, deletedInSheet } = result;
      const after = dispatch({ type: "saved", reading, deletedInSheet });
      setSaves((n) => n + 1);
      setSaved(savedMessage(after, request.semester, t));
    });

  // Review is offered only with nothing unsaved; the plan is read again first, so the pane's review
  // and the sheet's are of the same plan even when Excel changed it since.
  const review = () => {
    const { semester } = latest.current;
    return run(t("plan.task.review"), async (signal) => {
      const reading = await host.readActionPlan(progress, signal, { language });
      dispatch({ type: "read", reading, today: serialOfDate() });
      if (!reading.exists)
        throw new Error(t("plan.review.noPlan", { semester: semesterLabel(semester, language) }));
      const result = await host.writeActionPlanReview(semester);
      setWritten({
        review: semesterReview(reading.actions, semester),
        text: reviewMessage(semester, result, t),
      });
    });
  };
  return { saved, setSaved, saves, written, reviewRef, save, review };
}

/** The semester's actions and the form to add or edit one. */
function PlanEditor(props: {
  readonly state: PlanState;
  readonly context: PlanContext | null;
  readonly ready: boolean;
  /** How many saves so far: an action being edited is shown again as saved (merged) after each. */
  readonly saves: number;
  readonly onEvent: (event: PlanEvent) => void;
}) {
  const { state, context, ready, saves, onEvent } = props;
  const [editing, setEditing] = React.useState<string | null>(null);
  const { semester } = state;
  const shown = React.useMemo(
    () => semesterActions(state.actions, semester),
    [state.actions, semester]
  );
  const bounds = React.useMemo(() => boundsOf(state), [semester, state.reading?.fiscalStartMonth]);
  const t = useText();
  const choices = useFormChoices(state.actions, context, t);
  // Only an action of the semester shown can be edited: another semester closes the form's edit.
  const edited = shown.find((a) => a.id === editing) ?? null;
  const close = () => setEditing(null);
  return (
    <>
      <SemesterActions actions={shown} semester={semester} onEdit={setEditing} />
      <ActionForm
        key={edited ? `${edited.id}:${saves}` : `new:${semester}`}
        editing={edited}
        nextId={nextId(state)}
        semester={semester}
        bounds={bounds}
        choices={choices}
        disabled={!ready}
        onAdd={(action) => onEvent({ type: "add", action })}
        onUpdate={(action) => {
          onEvent({ type: "update", action });
          close();
        }}
        onDelete={(id) => {
          onEvent({ type: "delete", id });
          close();
        }}
        onCancel={close}
      />
    </>
  );
}

/** Beside the plan: its budget against the envelope, the handbook's checks and the timeline. */
function PlanFigures(props: {
  readonly state: PlanState;
  readonly context: PlanContext | null;
  readonly onEvent: (event: PlanEvent) => void;
  readonly onSelect: (address: string) => void;
}) {
  const { state, context, onEvent, onSelect } = props;
  const pane = usePaneStyles();
  const t = useText();
  const { language } = useWords();
  const { semester, reading } = state;
  const shown = React.useMemo(
    () => semesterActions(state.actions, semester),
    [state.actions, semester]
  );
  const bounds = React.useMemo(() => boundsOf(state), [semester, reading?.fiscalStartMonth]);
  const envelope = envelopeOf(state);
  const checks = React.useMemo(
    () =>
      context && reading
        ? planChecks(shown, semester, context, envelope, reading.capacity, { language })
        : null,
    [shown, semester, context, envelope, reading, language]
  );
  return (
    <>
      <SemesterBudget
        actions={shown}
        semester={semester}
        envelope={envelope}
        over={checks?.some((c) => c.kind === "over-envelope") ?? false}
        onEnvelope={(amount) => onEvent({ type: "envelope", amount })}
      />
      <PlanChecks checks={checks} rowAddress={reading?.rowAddress} onSelect={onSelect} />
      <Subtitle2 as="h3" className={pane.heading}>
        {t("plan.timeline.heading")}
      </Subtitle2>
      <Timeline actions={shown} semester={semester} bounds={bounds} />
    </>
  );
}

/** What the checks need for the semester shown, read each time the tab is shown or the semester changes. */
function usePlanContext(
  host: CarnetHost,
  active: boolean,
  state: PlanState,
  attempt: (failed: string, action: () => Promise<unknown>) => void,
  t: Text
): PlanContext | null {
  const [read, setRead] = React.useState<{ semester: string; context: PlanContext } | null>(null);
  const fiscal = state.reading?.fiscalStartMonth;
  const { semester } = state;
  React.useEffect(() => {
    if (!active || fiscal === undefined) return;
    attempt(t("plan.task.context"), async () =>
      setRead({ semester, context: await host.readPlanContext(semester, fiscal) })
    );
  }, [active, host, semester, fiscal]);
  return read?.semester === semester ? read.context : null;
}

/** The form's open lists: the handbook's means, the team, the matrix's ranges, with what the plan uses. */
function useFormChoices(
  actions: readonly Action[],
  context: PlanContext | null,
  t: Text
): FormChoices {
  return React.useMemo(
    () => ({
      means: meansChoices(HANDBOOK_MEANS, actions),
      owners: ownerChoices(context?.team ?? [], actions),
      ranges: rangeChoices(context?.zones.keys() ?? [], actions),
      units: unitChoices(actions, t),
    }),
    [actions, context, t]
  );
}

function PlanToolbar(props: {
  readonly state: PlanState;
  readonly ready: boolean;
  readonly unsaved: boolean;
  readonly onShow: (semester: string) => void;
  readonly onNewPlan: () => void;
  readonly onCarryOver: () => void;
  readonly onSave: () => void;
  readonly onReview: () => void;
}) {
  const { state, ready, unsaved } = props;
  const pane = usePaneStyles();
  const styles = useStyles();
  const t = useText();
  const canReview = ready && !unsaved && state.reading?.exists === true;
  return (
    <>
      <div className={pane.row}>
        <Field label={t("plan.semester")} size="small" className={styles.semester}>
          <Select
            size="small"
            value={state.semester}
            onChange={(_, d) => props.onShow(d.value)}
          >
            {semesterChoices(state).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabled={!ready} onClick={props.onNewPlan}>
          {t("plan.newPlan")}
        </Button>
        <Button disabled={!ready} onClick={props.onCarryOver}>
          {t("plan.carryOver")}
        </Button>
      </div>
      <div className={pane.row}>
        <Button
          appearance="primary"
          disabled={!ready || !allResolved(state)}
          onClick={props.onSave}
        >
          {t("plan.save")}
        </Button>
        <Button disabled={!canReview} onClick={props.onReview}>
          {t("plan.review")}
        </Button>
      </div>
      {ready && unsaved && <Caption1 className={pane.muted}>{t("plan.unsaved")}</Caption1>}
    </>
  );
}

/** What the last reading, carry over or save said. */
function PlanMessages(props: {
  readonly state: PlanState;
  readonly saved: string | null;
  readonly onResolve: (event: PlanEvent) => void;
}) {
  const { state, saved } = props;
  const t = useText();
  const problems = state.reading?.problems ?? [];
  return (
    <>
      {problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("plan.unreadRows", { problems: problems.join("; ") })}</MessageBarBody>
        </MessageBar>
      )}
      <SaveConflicts
        conflicts={state.conflicts}
        resolutions={state.resolutions}
        actions={state.actions}
        onResolve={(key, choice) => props.onResolve({ type: "resolve", key, choice })}
      />
      <DeletedInSheet deleted={state.deletedInSheet} />
      {state.notice && (
        <MessageBar intent="info">
          <MessageBarBody>{noticeText(state.notice, t)}</MessageBarBody>
        </MessageBar>
      )}
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** The semester's actions, in order, each with a button to edit it. */
function SemesterActions(props: {
  readonly actions: readonly Action[];
  readonly semester: string;
  readonly onEdit: (id: string) => void;
}) {
  const { actions, semester, onEdit } = props;
  const styles = useStyles();
  const pane = usePaneStyles();
  const words = useWords();
  const formats = useFormats();
  const { t } = words;
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        {t("plan.actions.heading", { semester })}
      </Subtitle2>
      {actions.length === 0 ? (
        <Caption1 className={pane.muted}>{t("plan.actions.none", { semester })}</Caption1>
      ) : (
        <ul className={styles.list} aria-label={t("plan.actions.heading", { semester })}>
          {actions.map((a) => (
            <li key={a.id} className={styles.item}>
              <span className={styles.itemText}>
                <Body1 block>{actionName(a)}</Body1>
                <Caption1 block className={pane.muted}>
                  {actionDetails(a, words, formats)}
                </Caption1>
              </span>
              <Button
                size="small"
                aria-label={t("plan.actions.editNamed", { action: actionName(a) })}
                onClick={() => onEdit(a.id)}
              >
                {t("plan.actions.edit")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function actionDetails(a: Action, words: Words, formats: Formats): string {
  const { t } = words;
  const parts = [
    a.owner || t("plan.details.noOwner"),
    a.means,
    phaseLabel(a.phase, t),
    a.start !== null ? t("plan.details.from", { date: planDate(a.start, words) }) : "",
    a.budget !== null ? t("plan.details.budget", { amount: formats.amount(a.budget) }) : "",
    a.carriedFrom ? t("plan.details.carriedFrom", { semester: a.carriedFrom }) : "",
  ];
  return parts.filter(Boolean).join(" · ");
}

function SemesterBudget(props: {
  readonly actions: readonly Action[];
  readonly semester: string;
  readonly envelope: number | null;
  readonly over: boolean;
  readonly onEnvelope: (amount: number | null) => void;
}) {
  const t = useText();
  const totals = React.useMemo(() => budgetTotals(props.actions), [props.actions]);
  return (
    <BudgetTotals
      semester={props.semester}
      envelope={props.envelope}
      total={totals.total}
      byMeans={amountLines(totals.byMeans, t)}
      byOwner={amountLines(totals.byOwner, t)}
      over={props.over}
      onEnvelope={props.onEnvelope}
    />
  );
}
