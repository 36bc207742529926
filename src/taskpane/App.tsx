import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Tab,
  TabList,
  Title3,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { FUNCTION_HELP, functionNameIn } from "./functionHelp";
import { usePaneLanguage, useText } from "./i18n/language";
import type { CarnetHost } from "../excel/port";
import { MatrixView } from "./MatrixView";
import { PipelineView } from "./PipelineView";
import { PlanView } from "./plan/PlanView";
import { TeamView } from "./team/TeamView";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: "250px",
    boxSizing: "border-box",
  },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  logo: { width: "32px", height: "32px" },
  // Five tabs fit 320 px in English, not quite in French: they wrap rather than run off the pane.
  tabs: { flexWrap: "wrap" },
  syntax: {
    display: "block",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    wordBreak: "break-word",
    marginBottom: tokens.spacingVerticalXS,
  },
  example: { color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  /** Excel's side of the pane; null when the pane runs outside Excel (it then only shows help). */
  readonly host: CarnetHost | null;
}

type View = "pipeline" | "matrix" | "plan" | "team" | "functions";

export function App({ host }: AppProps) {
  const styles = useStyles();
  const t = useText();
  const [view, setView] = React.useState<View>(host ? "pipeline" : "functions");
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" />
        <Title3 as="h1">Carnet</Title3>
      </header>
      <Body1>{t("app.intro")}</Body1>
      {host && (
        <TabList
          className={styles.tabs}
          selectedValue={view}
          onTabSelect={(_, d) => setView(d.value as View)}
          size="small"
        >
          <Tab value="pipeline">{t("app.tab.pipeline")}</Tab>
          <Tab value="matrix">{t("app.tab.matrix")}</Tab>
          <Tab value="plan">{t("app.tab.plan")}</Tab>
          <Tab value="team">{t("app.tab.team")}</Tab>
          <Tab value="functions">{t("app.tab.functions")}</Tab>
        </TabList>
      )}
      {/* The views stay mounted, hidden when not shown: switching tabs keeps what was read,
          built and compared for the session. */}
      {host && (
        <div hidden={view !== "pipeline"}>
          <PipelineView host={host} active={view === "pipeline"} />
        </div>
      )}
      {host && (
        <div hidden={view !== "matrix"}>
          <MatrixView host={host} />
        </div>
      )}
      {host && (
        <div hidden={view !== "plan"}>
          <PlanView host={host} active={view === "plan"} />
        </div>
      )}
      {host && (
        <div hidden={view !== "team"}>
          <TeamView host={host} active={view === "team"} />
        </div>
      )}
      {!host && (
        <MessageBar intent="info">
          <MessageBarBody>{t("app.openFromExcel")}</MessageBarBody>
        </MessageBar>
      )}
      {view === "functions" && <FunctionsHelp />}
    </main>
  );
}

function FunctionsHelp() {
  const styles = useStyles();
  const t = useText();
  const { language } = usePaneLanguage();
  return (
    <>
      <Subtitle2 as="h2">{t("app.functions.title")}</Subtitle2>
      <Accordion collapsible multiple>
        {FUNCTION_HELP.map((fn) => {
          const local = functionNameIn(fn, language);
          return (
            <AccordionItem value={fn.name} key={fn.name}>
              <AccordionHeader size="small">{local.name}</AccordionHeader>
              <AccordionPanel>
                <code className={styles.syntax}>{local.syntax}</code>
                <Body1 block>{t(fn.summary)}</Body1>
                <Caption1 className={styles.example}>{t(fn.example)}</Caption1>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </>
  );
}
