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
import { missingSpecs, PIPELINE_FIELDS } from "../domain/columns";
import { fieldLabel } from "./columnChoices";
import { type Formats, type Text, useFormats, useText } from "./i18n/language";
import { andList, useWords } from "./words";
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
import { sentence, timestamp } from "./format";
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
  const words = useWords();
  const { t } = words;
  const [settings, setSettings] = React.useState<CarnetSettings>({});
  const [analysis, setAnalysis] = React.useState<PipelineAnalysis | null>(null);
  const task = useLongTask();
  const { busy, run, attempt, progress } = task;
  const [built, setBuilt] = React.useState<string | null>(null);
  /** What the settings kept in the workbook held that Carnet could not use, until dismissed. */
  const [dropped, setDropped] = React.useState<readonly string[]>([]);

  React.useEffect(() => {
    attempt(t("app.failed.readSettings"), async () => {
      const loaded = await host.loadSettings({ language: words.language });
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
    attempt(t("app.failed.readSettings"), async () => {
      const loaded = await host.loadSettings();
      setSettings(loaded.settings);
      const stages = (table: unknown) => JSON.stringify(table ?? null);
      if (analysis && stages(loaded.settings.stageTable) !== stages(settings.stageTable))
        setAnalysis(analysePipeline(analysis.source, loaded.settings, null, words));
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
        ? t(
            after.rows.length > before.rows.length
              ? "pipeline.extent.more"
              : "pipeline.extent.fewer",
            {
              now: after.address,
              was: before.address,
              count: after.rows.length,
            }
          )
        : null
    );
  }

  async function read(choice: SourceChoice) {
    await run(t("app.phase.reading"), async (signal) => {
      const source = await host.readSource(choice, progress, signal);
      const next = await host.saveSettings({ source: sourceChoiceOf(source) });
      setSettings(next);
      noteExtent(analysis?.source ?? null, source);
      progress(t("app.phase.readingDeals"), 0, 0);
      await breathe(signal);
      setAnalysis(await runStepsAsync(analysePipelineSteps(source, next, null, words), signal));
      setBuilt(null);
    });
  }

  function change(changes: Partial<CarnetSettings>) {
    attempt(t("app.failed.saveChoice"), async () => {
      const next = await host.saveSettings(changes);
      setSettings(next);
      if (analysis) setAnalysis(analysePipeline(analysis.source, next, null, words));
    });
  }

  const select = (address: string) =>
    attempt(t("app.failed.select", { address }), () => host.select(address));

  /**
   * The source as it is now: every action that writes from it reads it again first, so a cell fixed
   * after the report, or a deal edited since, counts (the pane's figures follow).
   */
  async function current(signal: AbortSignal): Promise<PipelineAnalysis | null> {
    if (!analysis) return null;
    const source = await host.readSource(sourceChoiceOf(analysis.source), progress, signal);
    noteExtent(analysis.source, source);
    progress(t("app.phase.readingDeals"), 0, 0);
    await breathe(signal);
    const fresh = await runStepsAsync(analysePipelineSteps(source, settings, null, words), signal);
    setAnalysis(fresh);
    return fresh;
  }

  async function build() {
    await run(t("app.phase.writing"), async (signal, confirmed) => {
      const fresh = await current(signal);
      if (!fresh) return;
      const objectives = await host.readObjectives();
      const extraIssues = harvestIssues(
        fresh.reading.table,
        await host.readHarvestRanges(),
        words
      );
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
      setBuilt(builtText(t, Object.values(result.sheets), result.tables.length, result.live));
    });
  }

  const reading = analysis?.reading;
  const headline = analysis?.headline;
  const saved = settings.source;
  const buildForecast = () => void build();

  return (
    <div className={pane.section}>
      <Subtitle2 as="h2" className={pane.heading}>
        {t("pipeline.title")}
      </Subtitle2>
      <Body1>{t("pipeline.intro")}</Body1>
      <SourcePicker
        busy={!!busy}
        saved={saved}
        onRead={(choice) => void read(choice)}
        placeholder={t("pipeline.rangePlaceholder")}
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

// The sections are exported so that test/taskpane/frenchPane.test.tsx renders them in both languages.

/** Where the table is, its header row and which of its columns Carnet took for what (all correctable). */
export function ColumnsSection({
  analysis,
  busy,
  onChange,
  onPickHeader,
}: SectionProps & { readonly busy: boolean; readonly onPickHeader: (row: number) => void }) {
  const t = useText();
  const recognised = PIPELINE_FIELDS.filter((f) => analysis.mapping[f.field] !== null).length;
  const missing = missingSpecs(analysis.mapping, PIPELINE_FIELDS);
  const { source } = analysis;
  // An Excel table's header is its own; a range's is the row Carnet found, or the one the user picked.
  const choices = source.tableName === null ? (source.headerChoices ?? []) : [];
  return (
    <>
      <Caption1>
        {source.tableName
          ? t("app.source.tableAt", { name: source.tableName, address: source.address })
          : source.address}
      </Caption1>
      <Caption1>
        {t(source.headerPicked ? "pipeline.header.picked" : "pipeline.header.found", {
          row: String(source.row + 1),
        })}
      </Caption1>
      <Accordion
        collapsible
        defaultOpenItems={analysis.missing.length > 0 || analysis.mappingNote ? ["columns"] : []}
      >
        <AccordionItem value="columns">
          <AccordionHeader size="small">
            {t("pipeline.columns.recognised", { count: recognised, total: PIPELINE_FIELDS.length })}
          </AccordionHeader>
          <AccordionPanel>
            {choices.length > 1 && (
              <Field label={t("pipeline.header.row")} size="small">
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
      {missing.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t("pipeline.columns.missing", {
              fields: missing.map((spec) => fieldLabel(spec, t)).join(", "),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** What was read, every cell that could not be, and the stage table that fills probabilities. */
export function DataQualitySection({
  analysis,
  settings,
  onChange,
  onSelect,
}: SectionProps & {
  readonly settings: CarnetSettings;
  readonly onSelect: (address: string) => void;
}) {
  const pane = usePaneStyles();
  const t = useText();
  const { reading } = analysis;
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        {t("app.quality.title")}
      </Subtitle2>
      <Body1 aria-live="polite">{qualityLine(t, analysis)}</Body1>
      {reading.probabilitiesLookLikePoints && (
        <MessageBar intent="info">
          <MessageBarBody>{t("pipeline.points.question")}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => onChange({ probabilityScale: "points" })}>
              {t("pipeline.points.adopt")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {settings.probabilityScale === "points" && (
        <Caption1>
          {t("pipeline.points.adopted")}{" "}
          <Link as="button" onClick={() => onChange({ probabilityScale: "fraction" })}>
            {t("app.undo")}
          </Link>
        </Caption1>
      )}
      {analysis.report.length > 0 && (
        <CellLinks lines={analysis.report} label={t("app.quality.report")} onSelect={onSelect} />
      )}
      <StageTableEditor
        table={stageTableOf(settings)}
        onChange={(stageTable) => onChange({ stageTable })}
      />
    </>
  );
}

/** The headline figures, the period, Build forecast and what it wrote. */
export function ForecastSection({
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
  const t = useText();
  const formats = useFormats();
  const { headline, reading } = analysis;
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        {t("pipeline.forecast.title")}
      </Subtitle2>
      <div className={styles.figures}>
        {headlineFigures(t, formats, headline).map(([label, value]) => (
          <Figure key={label} label={label} value={value} />
        ))}
      </div>
      {headline.probabilityOfObjective !== null && (
        <Body1>
          {t("pipeline.forecast.objective", {
            percent: formats.percent(headline.probabilityOfObjective),
          })}
        </Body1>
      )}
      <div className={pane.row}>
        <Field label={t("pipeline.forecast.by")} className={pane.grow}>
          <Select
            value={settings.periodKind ?? "quarter"}
            onChange={(_, d) => onChange({ periodKind: d.value as PeriodKind })}
          >
            {PERIOD_KINDS.map((p) => (
              <option key={p} value={p}>
                {t(`pipeline.period.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          appearance="primary"
          disabled={busy || analysis.missing.length > 0 || reading.table.length === 0}
          onClick={onBuild}
        >
          {t("pipeline.forecast.build")}
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
export function SettingsLeftOut({
  lines,
  onDismiss,
}: {
  lines: readonly string[];
  onDismiss: () => void;
}) {
  const styles = useStyles();
  const t = useText();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("pipeline.settingsLeftOut.title")}</MessageBarTitle>
        <ul className={styles.notes} aria-label={t("pipeline.settingsLeftOut.label")}>
          {lines.map((line, i) => (
            <li key={i}>{sentence(line)}</li>
          ))}
        </ul>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          {t("app.dismiss")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** What Build forecast wrote: where, how many tables, and whether the period figures follow the deals. */
function builtText(t: Text, sheets: readonly string[], tables: number, live: boolean): string {
  const where = t("pipeline.built.where", { sheets: andList(t, sheets), count: tables });
  return `${where} ${t(live ? "pipeline.built.live" : "pipeline.built.values")}`;
}

/** The data-quality line: deals read, rows left out (by why), and problems. */
export function qualityLine(t: Text, analysis: PipelineAnalysis): string {
  const { reading } = analysis;
  const leftOut = analysis.source.leftOut;
  const headers = reading.headerRows.length;
  const below = leftOut ? leftOut.last - leftOut.first + 1 : 0;
  const parts = [
    t("pipeline.quality.deals", { count: reading.table.length }),
    t("pipeline.quality.totals", { count: reading.totalRows.length }),
    ...(headers > 0 ? [t("pipeline.quality.headers", { count: headers })] : []),
    ...(below > 0 ? [t("pipeline.quality.below", { count: below })] : []),
    t("pipeline.quality.problems", {
      count: analysis.report.filter((l) => !isLeftOut(l)).length,
    }),
  ];
  return parts.join(" · ");
}

/** The six headline figures, label and value, in the order of the grid. */
function headlineFigures(
  t: Text,
  formats: Formats,
  headline: PipelineAnalysis["headline"]
): [string, string][] {
  return [
    [t("pipeline.forecast.weighted"), formats.amount(headline.weighted)],
    [t("pipeline.forecast.unweighted"), formats.amount(headline.unweighted)],
    [t("pipeline.forecast.openDeals"), formats.amount(headline.deals)],
    ["P10", formats.amount(headline.p10)],
    ["P50", formats.amount(headline.p50)],
    ["P90", formats.amount(headline.p90)],
  ];
}
