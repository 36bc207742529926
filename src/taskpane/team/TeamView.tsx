/**
 * The Team tab (issue 14): Build team writes CarnetTeam from the pipeline as it is now, the semester's
 * action plan and the objectives typed in CarnetTeam; the pane then shows CarnetTeam as the workbook holds
 * it (read again after each write, each time the tab is shown, and on Refresh), with the manager's
 * collective weight and team objective, a card per rep and the handbook's trade-off; Calibration measures
 * how well each rep forecasts from the snapshots. Excel is reached only through the CarnetHost callbacks;
 * the rules are the domain's (src/domain/team).
 */
import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { semesterOf } from "../../domain/actionPlan/semester";
import type { TeamSettings } from "../../domain/team/contract";
import { currencyFormatFor } from "../../excel/plan/currencyFormat";
import type { TeamReading } from "../../excel/plan/teamPort";
import type { CarnetHost } from "../../excel/port";
import { sentence } from "../format";
import { useText } from "../i18n/language";
import { type LongTask, TaskStatus, useLongTask } from "../longTask";
import { usePaneStyles } from "../paneStyles";
import { useWords, type Words } from "../words";
import { serialOfDate } from "../plan/planModel";
import { CalibrationView } from "./CalibrationView";
import { currentPipeline } from "./currentPipeline";
import { RepCard } from "./RepCard";
import { TeamFields } from "./TeamFields";
import { builtMessage, DEFAULT_TEAM_SETTINGS, repCards, teamBuildOf, teamLine } from "./teamModel";
import { TradeOffSummary } from "./TradeOff";

const useStyles = makeStyles({
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface TeamViewProps {
  readonly host: CarnetHost;
  /** Whether the Team tab is shown: CarnetTeam is read again each time it is (objectives typed meanwhile). */
  readonly active: boolean;
}

export function TeamView({ host, active }: TeamViewProps) {
  const pane = usePaneStyles();
  const t = useText();
  const task = useLongTask();
  const busy = !!task.busy;
  const words = useWords();
  const team = useTeam(host, active, task, words);
  const { reading, chosen, built } = team;

  return (
    <div className={pane.section}>
      <Subtitle2 as="h2" className={pane.heading}>
        {t("team.title")}
      </Subtitle2>
      <Body1>{t("team.intro")}</Body1>
      <div className={pane.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void team.build(chosen)}>
          {t("team.build")}
        </Button>
        <Button disabled={busy} onClick={() => void team.refresh()}>
          {t("team.refresh")}
        </Button>
      </div>
      <TaskStatus task={task} />
      {built && (
        <MessageBar intent="success">
          <MessageBarBody>{built}</MessageBarBody>
        </MessageBar>
      )}
      <TeamFields
        settings={chosen}
        disabled={busy}
        onChoose={team.choose}
        built={reading !== null}
      />
      <TeamFiguresSection
        reading={reading}
        read={team.read}
        onSelect={(address) =>
          task.attempt(t("team.task.select", { address }), () => host.select(address))
        }
      />
      <CalibrationView host={host} />
    </div>
  );
}

/**
 * CarnetTeam in the pane: read each time the tab is shown and on Refresh, written by Build team (and by
 * a field changed once it exists), then read back: every figure shown is the sheet's as it is now.
 */
function useTeam(
  host: CarnetHost,
  active: boolean,
  { busy, run, progress }: LongTask,
  words: Words
) {
  const { t } = words;
  const [reading, setReading] = React.useState<TeamReading | null>(null);
  const [read, setRead] = React.useState(false);
  /** The manager's choices: the sheet's once read, the pane's until a first build writes them. */
  const [chosen, setChosen] = React.useState<TeamSettings>(DEFAULT_TEAM_SETTINGS);
  const [built, setBuilt] = React.useState<string | null>(null);

  const show = (next: TeamReading | null) => {
    setReading(next);
    setRead(true);
    if (next) setChosen(next.settings);
  };

  const refresh = () =>
    run(t("team.task.read"), async () => {
      show(await host.readTeam({ language: words.language }));
    });

  React.useEffect(() => {
    if (active && !busy) void refresh();
  }, [active, host]);

  const build = (settings: TeamSettings) =>
    run(t("team.task.build"), async (signal, confirmed) => {
      const { analysis } = await currentPipeline(host, progress, signal, words);
      const plan = await host.readActionPlan(progress, signal, { language: words.language });
      const semester = semesterOf(serialOfDate(), plan.fiscalStartMonth);
      const teamBuild = teamBuildOf({
        deals: analysis.reading.deals,
        actions: plan.actions,
        semester,
        reading: await host.readTeam({ language: words.language }),
        settings,
        currencyFormat: currencyFormatFor(analysis.source, [analysis.mapping.amount], 2),
      });
      const result = await host.writeTeam(teamBuild, progress, signal, { replaceTyped: confirmed });
      // What the pane shows is the sheet as it is now, its live cells recalculated.
      show(await host.readTeam({ language: words.language }));
      setBuilt(builtMessage(result, teamBuild.figures.reps.length, semester, t));
    });

  /** A field changed: kept in the pane, and written with the team at once when there is one. */
  const choose = (settings: TeamSettings) => {
    setChosen(settings);
    if (reading) void build(settings);
  };
  return { reading, read, chosen, built, refresh, build, choose };
}

/** CarnetTeam as read: the team's line, who the team carries or holds back, a card per rep. */
function TeamFiguresSection(props: {
  readonly reading: TeamReading | null;
  readonly read: boolean;
  readonly onSelect: (address: string) => void;
}) {
  const { reading, read, onSelect } = props;
  const words = useWords();
  const cards = React.useMemo(() => (reading ? repCards(reading, words) : []), [reading, words]);
  if (!reading) return read ? <Body1>{words.t("team.none")}</Body1> : null;
  const weight = reading.settings.collectiveWeight;
  const problems = reading.problems ?? [];
  return (
    <>
      {problems.length > 0 && <SheetProblems problems={problems} />}
      <Body1 aria-live="polite">{teamLine(reading.figures, reading.settings, words)}</Body1>
      <TradeOffSummary
        tradeOffs={cards.flatMap((c) => (c.tradeOff ? [c.tradeOff] : []))}
        weight={weight}
      />
      {cards.map((card) => (
        <RepCard key={card.rep} card={card} weight={weight} onSelect={onSelect} />
      ))}
    </>
  );
}

/** Cells of CarnetTeam that could not be read as the figures they should hold, each located and said why. */
function SheetProblems({ problems }: { readonly problems: readonly string[] }) {
  const styles = useStyles();
  const t = useText();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("team.sheetNow")}</MessageBarTitle>
        <ul className={styles.problems} aria-label={t("team.sheetProblems")}>
          {problems.map((p) => (
            <li key={p}>{sentence(p)}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
