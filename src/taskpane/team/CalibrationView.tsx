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
import { useText } from "../i18n/language";
import { TaskStatus, useLongTask } from "../longTask";
import { usePaneStyles } from "../paneStyles";
import { useWords } from "../words";
import { serialOfDate } from "../plan/planModel";
import { ReliabilityChart } from "./ReliabilityChart";
import {
  adoptSuggestion,
  biasRows,
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
  const t = useText();
  const words = useWords();
  const task = useLongTask();
  const [calibrated, setCalibrated] = React.useState<Calibrated | null>(null);
  const [adopted, setAdopted] = React.useState<ReadonlyMap<string, number>>(new Map());

  const calibrate = () =>
    task.run(t("team.calibration.task"), async (signal) => {
      const { analysis, settings } = await currentPipeline(host, task.progress, signal, words);
      const { snapshots, problems } = await host.readSnapshots(task.progress, signal, {
        language: words.language,
      });
      const report = calibrationOf(
        snapshots,
        analysis.reading.deals,
        serialOfDate(),
        stageTableOf(settings),
        settings.periodKind ?? "quarter"
      );
      const written = await host.writeCalibration(report);
      setCalibrated({
        report,
        written: t("team.calibration.written", {
          count: report.team.forecasts,
          sheet: written.sheet,
          charts: written.charts.length,
        }),
        problems: problems.length,
      });
      setAdopted(new Map());
    });

  // The stage table as the workbook has it now (the Pipeline tab may have changed it), one stage changed.
  const adopt = (stage: string, probability: number) =>
    task.attempt(t("team.calibration.adoptFailed", { stage }), async () => {
      const { settings } = await host.loadSettings();
      const table = adoptSuggestion(stageTableOf(settings), stage, probability);
      await host.saveSettings({ stageTable: table });
      setAdopted((before) => new Map(before).set(stage, probability));
    });

  return (
    <div className={pane.section}>
      <Subtitle2 as="h3" className={pane.heading}>
        {t("team.calibration.heading")}
      </Subtitle2>
      <Body1>{t("team.calibration.intro")}</Body1>
      <div className={pane.row}>
        <Button disabled={!!task.busy} onClick={() => void calibrate()}>
          {t("team.calibration.button")}
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
  const words = useWords();
  const { t } = words;
  return (
    <>
      <MessageBar intent="success">
        <MessageBarBody>{calibrated.written}</MessageBarBody>
      </MessageBar>
      {calibrated.problems > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t("team.calibration.unread", { count: calibrated.problems })}
          </MessageBarBody>
        </MessageBar>
      )}
      {report.team.forecasts === 0 && <Body1>{t("team.calibration.none")}</Body1>}
      <BrierTable report={report} />
      <Reliability report={report} />
      <BiasTable report={report} />
      <Suggestions
        rows={suggestionRows(report.stages, words)}
        none={stagesWithoutForecasts(report.stages, t)}
        adopted={adopted}
        onAdopt={onAdopt}
      />
    </>
  );
}

function BrierTable({ report }: { readonly report: CalibrationReport }) {
  const styles = useStyles();
  const words = useWords();
  const { t } = words;
  return (
    <>
      <table className={styles.table} aria-label={t("team.brier.table")}>
        <thead>
          <tr>
            <th scope="col">{t("team.brier.rep")}</th>
            <th scope="col">{t("team.brier.forecasts")}</th>
            <th scope="col">{t("team.brier.score")}</th>
          </tr>
        </thead>
        <tbody>
          {brierRows(report, words).map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td>{row.forecasts}</td>
              <td>{row.brier}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Caption1>{t("team.brier.sentence")}</Caption1>
    </>
  );
}

/** The reliability table and chart of the team, or of one rep. */
function Reliability({ report }: { readonly report: CalibrationReport }) {
  const styles = useStyles();
  const { t, locale } = useWords();
  const [rep, setRep] = React.useState<string | null>(null);
  const calibration = calibrationFor(report, rep);
  const name = calibration.rep ?? t("team.theTeam");
  return (
    <>
      <Field label={t("team.reliability.of")} size="small">
        <Select
          size="small"
          value={rep ?? ""}
          onChange={(_, d) => setRep(d.value === "" ? null : d.value)}
        >
          <option value="">{t("team.team")}</option>
          {report.reps.map((c) => (
            <option key={c.rep} value={c.rep ?? ""}>
              {c.rep}
            </option>
          ))}
        </Select>
      </Field>
      <table className={styles.table} aria-label={t("team.reliability.table", { name })}>
        <thead>
          <tr>
            <th scope="col">{t("team.reliability.band")}</th>
            <th scope="col">{t("team.brier.forecasts")}</th>
            <th scope="col">{t("team.reliability.stated")}</th>
            <th scope="col">{t("team.reliability.won")}</th>
          </tr>
        </thead>
        <tbody>
          {reliabilityRows(calibration, locale).map((row) => (
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
  const { t, locale } = useWords();
  if (report.bias.length === 0)
    return <Caption1 className={pane.muted}>{t("team.bias.none")}</Caption1>;
  return (
    <>
      <table className={styles.table} aria-label={t("team.bias.table")}>
        <thead>
          <tr>
            <th scope="col">{t("team.bias.period")}</th>
            <th scope="col">{t("team.bias.forecast")}</th>
            <th scope="col">{t("team.bias.won")}</th>
            <th scope="col">{t("team.bias.bias")}</th>
          </tr>
        </thead>
        <tbody>
          {biasRows(report.bias, locale).map((row) => (
            <tr key={row.period}>
              <th scope="row">{row.period}</th>
              <td>{row.forecast}</td>
              <td>{row.won}</td>
              <td>{row.bias}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Caption1 className={pane.muted}>{t("team.bias.note")}</Caption1>
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
  const t = useText();
  if (rows.length === 0 && none === null) return null;
  return (
    <>
      <Subtitle2 as="h4" className={pane.heading}>
        {t("team.stages.heading")}
      </Subtitle2>
      {rows.length > 0 && (
        <ul className={styles.list} aria-label={t("team.stages.list")}>
          {rows.map((row) => (
            <li key={row.stage} className={styles.suggestion}>
              <Body1 className={styles.suggestionText}>{row.text}</Body1>
              {adopted.has(row.stage) ? (
                <Caption1>{t("team.stages.adopted")}</Caption1>
              ) : (
                row.adopt !== null && (
                  <Button
                    size="small"
                    aria-label={t("team.stages.adoptNamed", {
                      probability: row.suggested,
                      stage: row.stage,
                    })}
                    onClick={() => onAdopt(row.stage, row.adopt!)}
                  >
                    {t("team.stages.adopt")}
                  </Button>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {none && <Caption1 className={pane.muted}>{none}</Caption1>}
      {adopted.size > 0 && <Caption1>{t("team.stages.adoptedNote")}</Caption1>}
    </>
  );
}
