/**
 * Beside the plan: the semester's budget against its envelope (totals by means and by owner, budgetTotals),
 * and the handbook's quality checks (planChecks), each saying why; a check about one action selects that
 * action's row in CarnetActionPlan.
 */
import {
  Body1,
  Caption1,
  Field,
  Input,
  makeStyles,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { PlanCheck } from "../../domain/actionPlan/contract";
import { readNumberInput } from "../matrixModel";
import { CellLinks } from "../CellLinks";
import { useFormats, useText } from "../i18n/language";
import { usePaneStyles } from "../paneStyles";
import { type AmountLine, checkLine } from "./planModel";

const useStyles = makeStyles({
  totals: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
  },
  amount: { textAlign: "right", margin: 0, fontVariantNumeric: "tabular-nums" },
  term: { margin: 0, overflowWrap: "anywhere" },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  input: { minWidth: 0, width: "100%" },
});

export interface BudgetProps {
  readonly semester: string;
  readonly envelope: number | null;
  readonly total: number;
  readonly byMeans: readonly AmountLine[];
  readonly byOwner: readonly AmountLine[];
  /** The domain found the total over the envelope (an over-envelope check). */
  readonly over: boolean;
  readonly onEnvelope: (amount: number | null) => void;
}

export function BudgetTotals(props: BudgetProps) {
  const { semester, envelope, total, byMeans, byOwner, over } = props;
  const styles = useStyles();
  const pane = usePaneStyles();
  const t = useText();
  const { amount } = useFormats();
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        {t("plan.budget.heading")}
      </Subtitle2>
      <EnvelopeField envelope={envelope} onCommit={props.onEnvelope} />
      <Body1 className={over ? styles.over : undefined}>
        {envelope === null
          ? t("plan.budget.totalNoEnvelope", { total: amount(total), semester })
          : t("plan.budget.totalOfEnvelope", { total: amount(total), envelope: amount(envelope) })}
      </Body1>
      <AmountList title={t("plan.budget.byMeans")} label={t("plan.budget.byMeansList")} lines={byMeans} />
      <AmountList title={t("plan.budget.byOwner")} label={t("plan.budget.byOwnerList")} lines={byOwner} />
    </>
  );
}

function AmountList(props: {
  readonly title: string;
  /** The list's accessible name ("Budget by means"). */
  readonly label: string;
  readonly lines: readonly AmountLine[];
}) {
  const { title, label, lines } = props;
  const styles = useStyles();
  const { amount } = useFormats();
  if (lines.length === 0) return null;
  return (
    <>
      <Caption1>{title}</Caption1>
      <dl className={styles.totals} aria-label={label}>
        {lines.map((l) => (
          <React.Fragment key={l.name}>
            <dt className={styles.term}>{l.name}</dt>
            <dd className={styles.amount}>{amount(l.amount)}</dd>
          </React.Fragment>
        ))}
      </dl>
    </>
  );
}

/** The envelope, typed as an amount ("10 000 €"); committed on leaving the field or Enter. */
function EnvelopeField(props: {
  readonly envelope: number | null;
  readonly onCommit: (amount: number | null) => void;
}) {
  const { envelope, onCommit } = props;
  const styles = useStyles();
  const t = useText();
  const label = t("plan.budget.envelope");
  const shown = envelope === null ? "" : String(envelope);
  const [text, setText] = React.useState(shown);
  const [problem, setProblem] = React.useState<string | null>(null);
  React.useEffect(() => setText(shown), [shown]);
  function commit() {
    if (text.trim() === "") {
      setProblem(null);
      if (envelope !== null) onCommit(null);
      return;
    }
    const reading = readNumberInput(text, false);
    if ("problem" in reading) {
      setProblem(t("plan.form.fieldProblem", { field: label, problem: reading.problem }));
      return;
    }
    setProblem(null);
    if (reading.value !== envelope) onCommit(reading.value);
  }
  return (
    <Field
      label={label}
      size="small"
      validationState={problem ? "error" : "none"}
      validationMessage={problem ?? undefined}
    >
      <Input
        className={styles.input}
        size="small"
        value={text}
        onChange={(_, d) => setText(d.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
    </Field>
  );
}

export interface PlanChecksProps {
  /** Null while the team, the matrix and the pipeline are being read. */
  readonly checks: readonly PlanCheck[] | null;
  readonly rowAddress: ReadonlyMap<string, string> | undefined;
  readonly onSelect: (address: string) => void;
}

export function PlanChecks({ checks, rowAddress, onSelect }: PlanChecksProps) {
  const pane = usePaneStyles();
  const t = useText();
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        {t("plan.checks.heading")}
      </Subtitle2>
      {checks === null ? (
        <Caption1 className={pane.muted}>{t("plan.checks.reading")}</Caption1>
      ) : checks.length === 0 ? (
        <Body1>{t("plan.checks.none")}</Body1>
      ) : (
        <CellLinks
          lines={checks.map((c) => checkLine(c, rowAddress))}
          label={t("plan.checks.heading")}
          onSelect={onSelect}
        />
      )}
      {checks !== null && checks.some((c) => c.actionId && !rowAddress?.has(c.actionId)) && (
        <Caption1 className={pane.muted}>{t("plan.checks.unsaved")}</Caption1>
      )}
    </>
  );
}
