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
  type ChangeKind,
  type Comparison,
  compareSnapshots,
  type Snapshot,
  snapshotFromDeals,
  snapshotLabel,
  snapshotPeriods,
} from "../domain/snapshots";
import type { PeriodKind } from "../domain/pipeline";
import type { CarnetHost } from "../excel/port";
import { Waterfall } from "./Waterfall";
import { changeLabel } from "./pipelineModel";
import { useWords, type Words } from "./words";

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
  const words = useWords();
  const { t, formats } = words;
  const [snapshots, setSnapshots] = React.useState<Snapshot[] | null>(null);
  const [problems, setProblems] = React.useState<number>(0);
  const [pair, setPair] = React.useState<[number, number]>([0, 0]);
  const [name, setName] = React.useState("");
  /** The period the comparison is narrowed to, by key; "" for the whole pipeline. */
  const [periodKey, setPeriodKey] = React.useState("");

  async function load(signal?: AbortSignal) {
    const read = await host.readSnapshots(undefined, signal, { language: words.language });
    setSnapshots(read.snapshots);
    setProblems(read.problems.length);
    const n = read.snapshots.length;
    setPair([Math.max(0, n - 2), Math.max(0, n - 1)]);
  }

  async function take() {
    await run(t("app.phase.writing"), async (signal) => {
      const existing =
        snapshots ??
        (await host.readSnapshots(undefined, signal, { language: words.language })).snapshots;
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
  const lines = comparison ? changeLines(comparison, period?.key ?? null, words) : [];

  return (
    <div className={pane.section}>
      <Subtitle2 as="h3" className={pane.heading}>
        {t("pipeline.history.title")}
      </Subtitle2>
      <Field label={t("pipeline.history.name")}>
        <Input
          value={name}
          placeholder={t("pipeline.history.namePlaceholder")}
          onChange={(_, d) => setName(d.value)}
        />
      </Field>
      <div className={pane.row}>
        <Button disabled={busy || dealCount === 0} onClick={take}>
          {t("pipeline.history.take")}
        </Button>
        <Button disabled={busy} onClick={() => run(t("app.phase.reading"), load)}>
          {t("pipeline.history.compare")}
        </Button>
      </div>
      {snapshots && snapshots.length < 2 && (
        <Caption1>
          {t(snapshots.length === 0 ? "pipeline.history.none" : "pipeline.history.one")}
        </Caption1>
      )}
      {problems > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("pipeline.history.unreadable", { count: problems })}</MessageBarBody>
        </MessageBar>
      )}
      {snapshots && snapshots.length >= 2 && (
        <div className={pane.row}>
          {[t("pipeline.history.from"), t("pipeline.history.to")].map((label, side) => (
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
        <Field label={t("pipeline.history.period")}>
          <Select value={period?.key ?? ""} onChange={(_, d) => setPeriodKey(d.value)}>
            <option value="">{t("pipeline.history.wholePipeline")}</option>
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
            {t("pipeline.history.weighted", {
              before: formats.amount(comparison.weightedBefore),
              after: formats.amount(comparison.weightedAfter),
            })}
          </Body1>
          <Waterfall
            before={comparison.weightedBefore}
            after={comparison.weightedAfter}
            steps={comparison.waterfall}
          />
          <ul className={styles.list} aria-label={t("pipeline.history.changes")}>
            {lines.map((line) => (
              <li key={line.kind}>
                <Body1>{line.text}</Body1>
              </li>
            ))}
          </ul>
          {comparison.duplicates.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                {t("pipeline.history.duplicates", {
                  count: comparison.duplicates.length,
                  keys: comparison.duplicates.map((d) => d.key).join(", "),
                })}
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
  period: string | null,
  words: Words
): { kind: ChangeKind; text: string }[] {
  const byKind = new Map<ChangeKind, string[]>();
  for (const change of comparison.changes)
    for (const kind of change.kinds)
      if (kind !== "unchanged") byKind.set(kind, [...(byKind.get(kind) ?? []), change.label]);
  const deltas = new Map(comparison.waterfall.map((step) => [step.kind, step.delta]));
  return CHANGE_KINDS.filter((kind) => byKind.has(kind)).map((kind) => {
    const names = byKind.get(kind)!;
    const label = changeLabel(kind, period, words);
    const delta = deltas.get(kind);
    const moved = delta === undefined ? "" : `, ${signedAmount(delta, words)}`;
    const more = names.length > 5 ? ", …" : "";
    const deals = `${names.slice(0, 5).join(", ")}${more}`;
    return {
      kind,
      text: words.t("pipeline.history.line", { label, count: names.length, moved, deals }),
    };
  });
}

function signedAmount(value: number, { formats }: Words): string {
  return `${value > 0 ? "+" : value < 0 ? "−" : ""}${formats.amount(Math.abs(value))}`;
}
