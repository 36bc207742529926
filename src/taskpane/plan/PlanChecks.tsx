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
import { formatAmount } from "../format";
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
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        Budget
      </Subtitle2>
      <EnvelopeField envelope={envelope} onCommit={props.onEnvelope} />
      <Body1 className={over ? styles.over : undefined}>
        {`Total ${formatAmount(total)}`}
        {envelope === null
          ? ` · no envelope set for ${semester}`
          : ` of an envelope of ${formatAmount(envelope)}`}
      </Body1>
      <AmountList title="By means" lines={byMeans} />
      <AmountList title="By owner" lines={byOwner} />
    </>
  );
}

function AmountList({ title, lines }: { readonly title: string; readonly lines: readonly AmountLine[] }) {
  const styles = useStyles();
  if (lines.length === 0) return null;
  return (
    <>
      <Caption1>{title}</Caption1>
      <dl className={styles.totals} aria-label={`Budget ${title.toLowerCase()}`}>
        {lines.map((l) => (
          <React.Fragment key={l.name}>
            <dt className={styles.term}>{l.name}</dt>
            <dd className={styles.amount}>{formatAmount(l.amount)}</dd>
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
      setProblem(`Budget envelope ${reading.problem}`);
      return;
    }
    setProblem(null);
    if (reading.value !== envelope) onCommit(reading.value);
  }
  return (
    <Field
      label="Budget envelope"
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
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        Quality checks
      </Subtitle2>
      {checks === null ? (
        <Caption1 className={pane.muted}>Reading the team, the matrix and the pipeline…</Caption1>
      ) : checks.length === 0 ? (
        <Body1>No finding: the plan follows the handbook&apos;s rules.</Body1>
      ) : (
        <CellLinks
          lines={checks.map((c) => checkLine(c, rowAddress))}
          label="Quality checks"
          onSelect={onSelect}
        />
      )}
      {checks !== null && checks.some((c) => c.actionId && !rowAddress?.has(c.actionId)) && (
        <Caption1 className={pane.muted}>
          Actions not saved yet have no row to select: Save first.
        </Caption1>
      )}
    </>
  );
}
