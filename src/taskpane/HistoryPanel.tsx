import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { usePaneStyles } from "./paneStyles";
import type { Deal } from "../domain/deal";
import { serialFromYmd } from "../domain/dates";
import {
  CHANGE_KINDS,
  CHANGE_LABELS,
  type ChangeKind,
  type Comparison,
  compareSnapshots,
  type Snapshot,
  snapshotFromDeals,
  snapshotLabel,
  snapshotPeriods,
} from "../domain/snapshots";
import type { PeriodKind } from "../domain/pipeline";
import { formatAmount } from "./format";
import type { CarnetHost } from "../excel/port";
import { Waterfall } from "./Waterfall";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Now as an Excel serial date-time (local time), for the snapshot's "Taken at". */
function nowSerial(date = new Date()): number {
  const day = serialFromYmd(date.getFullYear(), date.getMonth() + 1, date.getDate());
  return day + (date.getHours() * 3600 + date.getMinutes() * 60 + date.getSeconds()) / 86400;
}

export interface HistoryPanelProps {
  readonly host: CarnetHost;
  /** How many deals the pane read (a snapshot of none is not offered). */
  readonly dealCount: number;
  readonly currencyFormat: string;
  /** The periods a comparison can be narrowed to (the forecast's). */
  readonly periodKind: PeriodKind;
  /** The deals as the sheet holds them now (read again), for a snapshot. */
  readonly currentDeals: (signal: AbortSignal) => Promise<readonly Deal[]>;
  readonly busy: boolean;
  /** Runs a long task with the pipeline view's progress bar and error reporting. */
  readonly run: (phase: string, task: (signal: AbortSignal) => Promise<void>) => Promise<void>;
}

/** Take snapshots of the pipeline and compare any two, deal by deal, with a waterfall. */
export function HistoryPanel({
  host,
  dealCount,
  currencyFormat,
  periodKind,
  currentDeals,
  busy,
  run,
}: HistoryPanelProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const [snapshots, setSnapshots] = React.useState<Snapshot[] | null>(null);
  const [problems, setProblems] = React.useState<number>(0);
  const [pair, setPair] = React.useState<[number, number]>([0, 0]);
  const [name, setName] = React.useState("");
  /** The period the comparison is narrowed to, by key; "" for the whole pipeline. */
  const [periodKey, setPeriodKey] = React.useState("");

  async function load(signal?: AbortSignal) {
    const read = await host.readSnapshots(undefined, signal);
    setSnapshots(read.snapshots);
    setProblems(read.problems.length);
    const n = read.snapshots.length;
    setPair([Math.max(0, n - 2), Math.max(0, n - 1)]);
  }

  async function take() {
    await run("Writing", async (signal) => {
      const existing = snapshots ?? (await host.readSnapshots(undefined, signal)).snapshots;
      const takenAt = nowSerial();
      const label = snapshotLabel(
        takenAt,
        existing.map((s) => s.label),
        name
      );
      await host.appendSnapshot(
        snapshotFromDeals(label, takenAt, await currentDeals(signal)),
        currencyFormat,
        undefined,
        signal
      );
      setName("");
      await load(signal);
    });
  }

  const compared = snapshots && pair[0] !== pair[1] ? [snapshots[pair[0]], snapshots[pair[1]]] : [];
  const periods = compared.length === 2 ? snapshotPeriods(compared, periodKind) : [];
  const period = periods.find((p) => p.key === periodKey) ?? null;
  const comparison: Comparison | null =
    compared.length === 2
      ? compareSnapshots(
          compared[0],
          compared[1],
          period ? { from: period.start, to: period.end } : undefined
        )
      : null;
  const lines = comparison ? changeLines(comparison, period?.key ?? null) : [];

  return (
    <div className={pane.section}>
      <Subtitle2 as="h3" className={pane.heading}>
        History
      </Subtitle2>
      <Field label="Snapshot name (optional)">
        <Input
          value={name}
          placeholder="e.g. Monday review"
          onChange={(_, d) => setName(d.value)}
        />
      </Field>
      <div className={pane.row}>
        <Button disabled={busy || dealCount === 0} onClick={take}>
          Take snapshot
        </Button>
        <Button disabled={busy} onClick={() => run("Reading", load)}>
          Compare snapshots
        </Button>
      </div>
      {snapshots && snapshots.length < 2 && (
        <Caption1>
          {snapshots.length === 0 ? "No snapshot yet." : "One snapshot so far."} Take another later
          to see how the pipeline moved.
        </Caption1>
      )}
      {problems > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {problems} rows of CarnetSnapshots could not be read and were left out.
          </MessageBarBody>
        </MessageBar>
      )}
      {snapshots && snapshots.length >= 2 && (
        <div className={pane.row}>
          {(["From", "To"] as const).map((label, side) => (
            <Field key={label} label={label} className={pane.grow}>
              <Select
                value={String(pair[side])}
                onChange={(_, d) =>
                  setPair(side === 0 ? [Number(d.value), pair[1]] : [pair[0], Number(d.value)])
                }
              >
                {snapshots.map((s, i) => (
                  <option key={i} value={String(i)}>
                    {s.label}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </div>
      )}
      {snapshots && snapshots.length >= 2 && periods.length > 0 && (
        <Field label="Period">
          <Select value={period?.key ?? ""} onChange={(_, d) => setPeriodKey(d.value)}>
            <option value="">Whole pipeline</option>
            {periods.map((p) => (
              <option key={p.key} value={p.key}>
                {p.key}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {comparison && (
        <>
          <Body1>
            Weighted total {formatAmount(comparison.weightedBefore)} →{" "}
            {formatAmount(comparison.weightedAfter)}
          </Body1>
          <Waterfall
            before={comparison.weightedBefore}
            after={comparison.weightedAfter}
            steps={comparison.waterfall}
          />
          <ul className={styles.list} aria-label="Changes by kind">
            {lines.map((line) => (
              <li key={line.kind}>
                <Body1>{line.text}</Body1>
              </li>
            ))}
          </ul>
          {comparison.duplicates.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                {comparison.duplicates.length} deals share an id or company + contact + product and
                were matched in order: {comparison.duplicates.map((d) => d.key).join(", ")}.
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </div>
  );
}

/**
 * One line per kind of change: its label (narrowed to the period: "Slipped out of 2027-Q1"), how
 * many deals, what it moved the weighted total by (when it did), and the first deals.
 */
function changeLines(
  comparison: Comparison,
  period: string | null
): { kind: ChangeKind; text: string }[] {
  const byKind = new Map<ChangeKind, string[]>();
  for (const change of comparison.changes)
    for (const kind of change.kinds)
      if (kind !== "unchanged") byKind.set(kind, [...(byKind.get(kind) ?? []), change.label]);
  const deltas = new Map(comparison.waterfall.map((step) => [step.kind, step.delta]));
  return CHANGE_KINDS.filter((kind) => byKind.has(kind)).map((kind) => {
    const names = byKind.get(kind)!;
    const label =
      period && kind === "slipped out"
        ? `Slipped out of ${period}`
        : period && kind === "pulled in"
          ? `Pulled into ${period}`
          : CHANGE_LABELS[kind];
    const delta = deltas.get(kind);
    const moved = delta === undefined ? "" : `, ${signedAmount(delta)}`;
    const more = names.length > 5 ? ", …" : "";
    return {
      kind,
      text: `${label} (${names.length}${moved}): ${names.slice(0, 5).join(", ")}${more}`,
    };
  });
}

function signedAmount(value: number): string {
  return `${value > 0 ? "+" : value < 0 ? "−" : ""}${formatAmount(Math.abs(value))}`;
}
