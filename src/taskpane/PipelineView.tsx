import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { usePaneStyles } from "./paneStyles";
import { PIPELINE_FIELDS } from "../domain/columns";
import { PERIOD_KINDS, type PeriodKind } from "../domain/pipeline";
import { currencyFormatFor } from "../excel/plan/currencyFormat";
import { breathe, runStepsAsync } from "../excel/plan/progress";
import { SourcePicker, TaskStatus, useLongTask } from "./longTask";
import { type CarnetSettings, dayFirstOf, stageTableOf } from "../excel/plan/settings";
import {
  type SourceChoice,
  sourceChoiceOf,
  type SourceData,
  withHeader,
} from "../excel/plan/source";
import { formatAmount, formatPercent, sentence, timestamp } from "./format";
import type { CarnetHost } from "../excel/port";
import {
  analysePipeline,
  analysePipelineSteps,
  harvestIssues,
  isLeftOut,
  type PipelineAnalysis,
} from "./pipelineModel";
import { CellLinks } from "./CellLinks";
import { HistoryPanel } from "./HistoryPanel";
import { StageTableEditor } from "./StageTableEditor";
import { ColumnMappingPicker } from "./ColumnMappingPicker";

const useStyles = makeStyles({
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  figures: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr 1fr",
    rowGap: tokens.spacingVerticalXS,
    columnGap: tokens.spacingHorizontalS,
  },
  figure: { display: "flex", flexDirection: "column" },
  figureValue: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export interface PipelineViewProps {
  readonly host: CarnetHost;
  /** Whether the Pipeline tab is shown: settings another tab changed (a stage adopted in Team) are read again. */
  readonly active?: boolean;
}

export function PipelineView({ host, active }: PipelineViewProps) {
  const pane = usePaneStyles();
  const [settings, setSettings] = React.useState<CarnetSettings>({});
  const [analysis, setAnalysis] = React.useState<PipelineAnalysis | null>(null);
  const task = useLongTask();
  const { busy, run, attempt, progress } = task;
  const [built, setBuilt] = React.useState<string | null>(null);
  /** What the settings kept in the workbook held that Carnet could not use, until dismissed. */
  const [dropped, setDropped] = React.useState<readonly string[]>([]);

  React.useEffect(() => {
    attempt("Could not read the settings kept in this workbook", async () => {
      const loaded = await host.loadSettings();
      setSettings(loaded.settings);
      setDropped(loaded.dropped);
    });
  }, [host]);

  // The stage table may have changed in another tab (Team's Calibration adopts a probability): read
  // the settings again when shown, and the figures follow a changed stage table.
  const shown = React.useRef(false);
  React.useEffect(() => {
    if (!active) return;
    if (!shown.current) {
      shown.current = true;
      return;
    }
    attempt("Could not read the settings kept in this workbook", async () => {
      const loaded = await host.loadSettings();
      setSettings(loaded.settings);
      const stages = (table: unknown) => JSON.stringify(table ?? null);
      if (analysis && stages(loaded.settings.stageTable) !== stages(settings.stageTable))
        setAnalysis(analysePipeline(analysis.source, loaded.settings));
    });
  }, [active]);

  /** "The table is now Ventes!A1:J21 (it was Ventes!A1:J20)", when a table read again grew or shrank. */
  const [extent, setExtent] = React.useState<string | null>(null);

  function noteExtent(before: SourceData | null, after: SourceData) {
    // The same table (same sheet and header cell) found again with another extent.
    const moved =
      before !== null &&
      before.sheet === after.sheet &&
      before.row === after.row &&
      before.col === after.col &&
      before.address !== after.address;
    setExtent(
      moved
        ? `The table is now ${after.address} (it was ${before.address}): ${after.rows.length} rows ` +
            `below the header, ${after.rows.length > before.rows.length ? "more" : "fewer"} than when last read.`
        : null
    );
  }

  async function read(choice: SourceChoice) {
    await run("Reading", async (signal) => {
      const source = await host.readSource(choice, progress, signal);
      const next = await host.saveSettings({ source: sourceChoiceOf(source) });
      setSettings(next);
      noteExtent(analysis?.source ?? null, source);
      progress("Reading the deals", 0, 0);
      await breathe(signal);
      setAnalysis(await runStepsAsync(analysePipelineSteps(source, next), signal));
      setBuilt(null);
    });
  }

  function change(changes: Partial<CarnetSettings>) {
    attempt("Could not save your choice in the workbook", async () => {
      const next = await host.saveSettings(changes);
      setSettings(next);
      if (analysis) setAnalysis(analysePipeline(analysis.source, next));
    });
  }

  const select = (address: string) =>
    attempt(`Could not select ${address}`, () => host.select(address));

  /**
   * The source as it is now: every action that writes from it reads it again first, so a cell fixed
   * after the report, or a deal edited since, counts (the pane's figures follow).
   */
  async function current(signal: AbortSignal): Promise<PipelineAnalysis | null> {
    if (!analysis) return null;
    const source = await host.readSource(sourceChoiceOf(analysis.source), progress, signal);
    noteExtent(analysis.source, source);
    progress("Reading the deals", 0, 0);
    await breathe(signal);
    const fresh = await runStepsAsync(analysePipelineSteps(source, settings), signal);
    setAnalysis(fresh);
    return fresh;
  }

  async function build() {
    await run("Writing", async (signal, confirmed) => {
      const fresh = await current(signal);
      if (!fresh) return;
      const objectives = await host.readObjectives();
      const extraIssues = harvestIssues(fresh.reading.table, await host.readHarvestRanges());
      const result = await host.writeForecast(
        {
          source: fresh.source,
          mapping: fresh.mapping,
          deals: fresh.reading.table,
          periodKind: settings.periodKind ?? "quarter",
          objectives,
          extraIssues,
          stamp: timestamp(),
          currencyFormat: currencyFormatFor(fresh.source, [fresh.mapping.amount], 2),
          probabilityScale: settings.probabilityScale,
          dayFirst: dayFirstOf(settings),
        },
        progress,
        signal,
        { replaceTyped: confirmed }
      );
      setBuilt(
        `Written to ${Object.values(result.sheets).join(" and ")} (${result.tables.length} tables). ` +
          (result.live ? "Period figures are live formulas." : "Figures are values as of now.")
      );
    });
  }

  const reading = analysis?.reading;
  const headline = analysis?.headline;
  const saved = settings.source;
  const buildForecast = () => void build();

  return (
    <div className={pane.section}>
      <Subtitle2 as="h2" className={pane.heading}>
        Pipeline
      </Subtitle2>
      <Body1>Select a cell in your sales table, or name its range, then read it.</Body1>
      <SourcePicker
        busy={!!busy}
        saved={saved}
        onRead={(choice) => void read(choice)}
        placeholder="Sheet1!A1:F200"
      />
      <TaskStatus task={task} />
      {extent && (
        <MessageBar intent="info">
          <MessageBarBody>{extent}</MessageBarBody>
        </MessageBar>
      )}
      {dropped.length > 0 && <SettingsLeftOut lines={dropped} onDismiss={() => setDropped([])} />}

      {analysis && reading && headline && (
        <>
          <ColumnsSection
            analysis={analysis}
            busy={!!busy}
            onChange={change}
            onPickHeader={(row) => void read(withHeader(analysis.source, row))}
          />
          <DataQualitySection
            analysis={analysis}
            settings={settings}
            onChange={change}
            onSelect={select}
          />
          <ForecastSection
            analysis={analysis}
            settings={settings}
            busy={!!busy}
            built={built}
            onChange={change}
            onBuild={buildForecast}
          />
          <HistoryPanel
            host={host}
            dealCount={reading.table.length}
            currencyFormat={currencyFormatFor(analysis.source, [analysis.mapping.amount], 2)}
            periodKind={settings.periodKind ?? "quarter"}
            currentDeals={async (signal) => (await current(signal))?.reading.deals ?? []}
            busy={!!busy}
            run={run}
          />
        </>
      )}
    </div>
  );
}

interface SectionProps {
  readonly analysis: PipelineAnalysis;
  readonly onChange: (changes: Partial<CarnetSettings>) => void;
}

/** Where the table is, its header row and which of its columns Carnet took for what (all correctable). */
function ColumnsSection({
  analysis,
  busy,
  onChange,
  onPickHeader,
}: SectionProps & { readonly busy: boolean; readonly onPickHeader: (row: number) => void }) {
  const recognised = PIPELINE_FIELDS.filter((f) => analysis.mapping[f.field] !== null).length;
  const { source } = analysis;
  // An Excel table's header is its own; a range's is the row Carnet found, or the one the user picked.
  const choices = source.tableName === null ? (source.headerChoices ?? []) : [];
  return (
    <>
      <Caption1>
        {source.tableName ? `Table ${source.tableName} · ` : ""}
        {source.address}
      </Caption1>
      <Caption1>
        Header: row {source.row + 1}
        {source.headerPicked ? " (your choice)" : ""}
      </Caption1>
      <Accordion
        collapsible
        defaultOpenItems={analysis.missing.length > 0 || analysis.mappingNote ? ["columns"] : []}
      >
        <AccordionItem value="columns">
          <AccordionHeader size="small">
            Columns: {recognised} of {PIPELINE_FIELDS.length} recognised
          </AccordionHeader>
          <AccordionPanel>
            {choices.length > 1 && (
              <Field label="Header row" size="small">
                <Select
                  size="small"
                  disabled={busy}
                  value={String(source.row)}
                  onChange={(_, d) => onPickHeader(Number(d.value))}
                >
                  {choices.map((choice) => (
                    <option key={choice.row} value={String(choice.row)}>
                      {choice.label}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <ColumnMappingPicker
              fields={PIPELINE_FIELDS}
              headers={analysis.source.headers}
              firstCol={analysis.source.col}
              mapping={analysis.mapping}
              onChange={(mapping) => onChange({ mapping, mappingFor: analysis.sourceKey })}
            />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      {analysis.mappingNote && (
        <MessageBar intent="warning">
          <MessageBarBody>{sentence(analysis.mappingNote)}</MessageBarBody>
        </MessageBar>
      )}
      {analysis.missing.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>Choose the column for: {analysis.missing.join(", ")}.</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** What was read, every cell that could not be, and the stage table that fills probabilities. */
function DataQualitySection({
  analysis,
  settings,
  onChange,
  onSelect,
}: SectionProps & {
  readonly settings: CarnetSettings;
  readonly onSelect: (address: string) => void;
}) {
  const pane = usePaneStyles();
  const { reading } = analysis;
  const problems = analysis.report.filter((l) => !isLeftOut(l)).length;
  const totals = reading.totalRows.length;
  const headers = reading.headerRows.length;
  const leftOut = analysis.source.leftOut;
  const below = leftOut ? leftOut.last - leftOut.first + 1 : 0;
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        Data quality
      </Subtitle2>
      <Body1 aria-live="polite">
        {reading.table.length} deals read · {totals} total row{totals === 1 ? "" : "s"} left out ·{" "}
        {headers > 0 && `${headers} header row${headers === 1 ? "" : "s"} left out · `}
        {below > 0 && `${below} row${below === 1 ? "" : "s"} below the table left out · `}
        {problems} problem{problems === 1 ? "" : "s"}
      </Body1>
      {reading.probabilitiesLookLikePoints && (
        <MessageBar intent="info">
          <MessageBarBody>
            Probabilities are typed like 20, 50, 75. Are they percentages?
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => onChange({ probabilityScale: "points" })}>
              Read as percentages
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {settings.probabilityScale === "points" && (
        <Caption1>
          Probabilities read as percentage points.{" "}
          <Link as="button" onClick={() => onChange({ probabilityScale: "fraction" })}>
            Undo
          </Link>
        </Caption1>
      )}
      {analysis.report.length > 0 && (
        <CellLinks lines={analysis.report} label="Data-quality report" onSelect={onSelect} />
      )}
      <StageTableEditor
        table={stageTableOf(settings)}
        onChange={(stageTable) => onChange({ stageTable })}
      />
    </>
  );
}

/** The headline figures, the period, Build forecast and what it wrote. */
function ForecastSection({
  analysis,
  settings,
  busy,
  built,
  onChange,
  onBuild,
}: SectionProps & {
  readonly settings: CarnetSettings;
  readonly busy: boolean;
  readonly built: string | null;
  readonly onBuild: () => void;
}) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { headline, reading } = analysis;
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        Forecast
      </Subtitle2>
      <div className={styles.figures}>
        <Figure label="Weighted" value={formatAmount(headline.weighted)} />
        <Figure label="Unweighted" value={formatAmount(headline.unweighted)} />
        <Figure label="Open deals" value={String(headline.deals)} />
        <Figure label="P10" value={formatAmount(headline.p10)} />
        <Figure label="P50" value={formatAmount(headline.p50)} />
        <Figure label="P90" value={formatAmount(headline.p90)} />
      </div>
      {headline.probabilityOfObjective !== null && (
        <Body1>
          Probability of reaching the objective: {formatPercent(headline.probabilityOfObjective)}
        </Body1>
      )}
      <div className={pane.row}>
        <Field label="By" className={pane.grow}>
          <Select
            value={settings.periodKind ?? "quarter"}
            onChange={(_, d) => onChange({ periodKind: d.value as PeriodKind })}
          >
            {PERIOD_KINDS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          appearance="primary"
          disabled={busy || analysis.missing.length > 0 || reading.table.length === 0}
          onClick={onBuild}
        >
          Build forecast
        </Button>
      </div>
      {built && (
        <MessageBar intent="success">
          <MessageBarBody>{built}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  const styles = useStyles();
  const pane = usePaneStyles();
  return (
    <div className={styles.figure}>
      <Caption1 className={pane.muted}>{label}</Caption1>
      <span className={styles.figureValue}>{value}</span>
    </div>
  );
}

/** The settings kept in the workbook that Carnet left out, each with what it does instead. */
function SettingsLeftOut({
  lines,
  onDismiss,
}: {
  lines: readonly string[];
  onDismiss: () => void;
}) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Some settings kept in this workbook could not be used</MessageBarTitle>
        <ul className={styles.notes} aria-label="Settings left out">
          {lines.map((line, i) => (
            <li key={i}>{sentence(line)}</li>
          ))}
        </ul>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          Dismiss
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
