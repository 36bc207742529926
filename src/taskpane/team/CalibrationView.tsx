/**
 * How well each rep forecasts (issue 14): Calibration reads the snapshots and the pipeline as it is now,
 * has the domain measure every forecast that has since closed, writes the report on its Carnet sheet, and
 * shows the Brier scores, the reliability table and chart, the bias of each past period and the stage
 * suggestions, each adoptable into the stage table the Pipeline tab uses.
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
import { stageTableOf } from "../../excel/plan/settings";
import type { CalibrationReport } from "../../domain/team/contract";
import type { CarnetHost } from "../../excel/port";
import { TaskStatus, useLongTask } from "../longTask";
import { usePaneStyles } from "../paneStyles";
import { serialOfDate } from "../plan/planModel";
import { ReliabilityChart } from "./ReliabilityChart";
import {
  adoptSuggestion,
  biasRows,
  BRIER_SENTENCE,
  brierRows,
  calibrationFor,
  calibrationOf,
  reliabilityRows,
  stagesWithoutForecasts,
  type SuggestionRow,
  suggestionRows,
} from "./teamModel";
import { currentPipeline } from "./currentPipeline";

const useStyles = makeStyles({
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      textAlign: "right",
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    "& th:first-child, & td:first-child": { textAlign: "left" },
  },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  suggestion: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  suggestionText: { flexGrow: 1, minWidth: 0 },
});

interface Calibrated {
  readonly report: CalibrationReport;
  readonly written: string;
  /** Rows of CarnetSnapshots that could not be read (left out). */
  readonly problems: number;
}

export function CalibrationView({ host }: { readonly host: CarnetHost }) {
  const pane = usePaneStyles();
  const task = useLongTask();
  const [calibrated, setCalibrated] = React.useState<Calibrated | null>(null);
  const [adopted, setAdopted] = React.useState<ReadonlyMap<string, number>>(new Map());

  const calibrate = () =>
    task.run("Calibrating", async (signal) => {
      const { analysis, settings } = await currentPipeline(host, task.progress, signal);
      const { snapshots, problems } = await host.readSnapshots(task.progress, signal);
      const report = calibrationOf(
        snapshots,
        analysis.reading.deals,
        serialOfDate(),
        stageTableOf(settings),
        settings.periodKind ?? "quarter"
      );
      const written = await host.writeCalibration(report);
      const charts = written.charts.length === 1 ? "1 chart" : `${written.charts.length} charts`;
      setCalibrated({
        report,
        written: `Calibration of ${report.team.forecasts} forecasts written to ${written.sheet} with ${charts}.`,
        problems: problems.length,
      });
      setAdopted(new Map());
    });

  // The stage table as the workbook has it now (the Pipeline tab may have changed it), one stage changed.
  const adopt = (stage: string, probability: number) =>
    task.attempt(`Could not adopt ${stage}'s probability`, async () => {
      const { settings } = await host.loadSettings();
      const table = adoptSuggestion(stageTableOf(settings), stage, probability);
      await host.saveSettings({ stageTable: table });
      setAdopted((before) => new Map(before).set(stage, probability));
    });

  return (
    <div className={pane.section}>
      <Subtitle2 as="h3" className={pane.heading}>
        Forecast calibration
      </Subtitle2>
      <Body1>
        Every deal open in a snapshot and won or lost since is a forecast: how often did what was
        said happen?
      </Body1>
      <div className={pane.row}>
        <Button disabled={!!task.busy} onClick={() => void calibrate()}>
          Calibration
        </Button>
      </div>
      <TaskStatus task={task} />
      {calibrated && (
        <CalibrationReportView calibrated={calibrated} adopted={adopted} onAdopt={adopt} />
      )}
    </div>
  );
}

function CalibrationReportView(props: {
  readonly calibrated: Calibrated;
  readonly adopted: ReadonlyMap<string, number>;
  readonly onAdopt: (stage: string, probability: number) => void;
}) {
  const { calibrated, adopted, onAdopt } = props;
  const { report } = calibrated;
  return (
    <>
      <MessageBar intent="success">
        <MessageBarBody>{calibrated.written}</MessageBarBody>
      </MessageBar>
      {calibrated.problems > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {calibrated.problems} rows of CarnetSnapshots could not be read and were left out.
          </MessageBarBody>
        </MessageBar>
      )}
      {report.team.forecasts === 0 && (
        <Body1>
          No forecast yet: no deal open in a snapshot has been won or lost since. Take snapshots in
          the Pipeline tab&apos;s History as deals move.
        </Body1>
      )}
      <BrierTable report={report} />
      <Reliability report={report} />
      <BiasTable report={report} />
      <Suggestions
        rows={suggestionRows(report.stages)}
        none={stagesWithoutForecasts(report.stages)}
        adopted={adopted}
        onAdopt={onAdopt}
      />
    </>
  );
}

function BrierTable({ report }: { readonly report: CalibrationReport }) {
  const styles = useStyles();
  return (
    <>
      <table className={styles.table} aria-label="Brier score by rep">
        <thead>
          <tr>
            <th scope="col">Rep</th>
            <th scope="col">Forecasts</th>
            <th scope="col">Brier</th>
          </tr>
        </thead>
        <tbody>
          {brierRows(report).map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td>{row.forecasts}</td>
              <td>{row.brier}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Caption1>{BRIER_SENTENCE}</Caption1>
    </>
  );
}

/** The reliability table and chart of the team, or of one rep. */
function Reliability({ report }: { readonly report: CalibrationReport }) {
  const styles = useStyles();
  const [rep, setRep] = React.useState<string | null>(null);
  const calibration = calibrationFor(report, rep);
  const name = calibration.rep ?? "the team";
  return (
    <>
      <Field label="Reliability of" size="small">
        <Select
          size="small"
          value={rep ?? ""}
          onChange={(_, d) => setRep(d.value === "" ? null : d.value)}
        >
          <option value="">Team</option>
          {report.reps.map((c) => (
            <option key={c.rep} value={c.rep ?? ""}>
              {c.rep}
            </option>
          ))}
        </Select>
      </Field>
      <table className={styles.table} aria-label={`Reliability of ${name}`}>
        <thead>
          <tr>
            <th scope="col">Band</th>
            <th scope="col">Forecasts</th>
            <th scope="col">Stated</th>
            <th scope="col">Won</th>
          </tr>
        </thead>
        <tbody>
          {reliabilityRows(calibration).map((row) => (
            <tr key={row.band}>
              <th scope="row">{row.band}</th>
              <td>{row.forecasts}</td>
              <td>{row.stated}</td>
              <td>{row.won}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ReliabilityChart bands={calibration.reliability} name={name} />
    </>
  );
}

function BiasTable({ report }: { readonly report: CalibrationReport }) {
  const styles = useStyles();
  const pane = usePaneStyles();
  if (report.bias.length === 0)
    return (
      <Caption1 className={pane.muted}>
        No period has ended yet since a snapshot taken before it started: no bias to measure
        yet.
      </Caption1>
    );
  return (
    <>
      <table className={styles.table} aria-label="Forecast bias by period">
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Forecast</th>
            <th scope="col">Won</th>
            <th scope="col">Bias</th>
          </tr>
        </thead>
        <tbody>
          {biasRows(report.bias).map((row) => (
            <tr key={row.period}>
              <th scope="row">{row.period}</th>
              <td>{row.forecast}</td>
              <td>{row.won}</td>
              <td>{row.bias}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Caption1 className={pane.muted}>
        Bias = weighted forecast at the last snapshot before the period − won in it (above 0:
        optimistic).
      </Caption1>
    </>
  );
}

function Suggestions(props: {
  readonly rows: readonly SuggestionRow[];
  /** The stages no forecast was made at, in one line. */
  readonly none: string | null;
  readonly adopted: ReadonlyMap<string, number>;
  readonly onAdopt: (stage: string, probability: number) => void;
}) {
  const { rows, none, adopted, onAdopt } = props;
  const styles = useStyles();
  const pane = usePaneStyles();
  if (rows.length === 0 && none === null) return null;
  return (
    <>
      <Subtitle2 as="h4" className={pane.heading}>
        Stage probabilities from the history
      </Subtitle2>
      {rows.length > 0 && (
        <ul className={styles.list} aria-label="Stage suggestions">
          {rows.map((row) => (
            <li key={row.stage} className={styles.suggestion}>
              <Body1 className={styles.suggestionText}>{row.text}</Body1>
              {adopted.has(row.stage) ? (
                <Caption1>Adopted</Caption1>
              ) : (
                row.adopt !== null && (
                  <Button
                    size="small"
                    aria-label={`Adopt ${row.suggested} for ${row.stage}`}
                    onClick={() => onAdopt(row.stage, row.adopt!)}
                  >
                    Adopt
                  </Button>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {none && <Caption1 className={pane.muted}>{none}</Caption1>}
      {adopted.size > 0 && (
        <Caption1>
          The stage table now holds what you adopted: the Pipeline tab&apos;s figures and the next
          forecast use it.
        </Caption1>
      )}
    </>
  );
}
