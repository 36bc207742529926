/**
 * The portfolio matrix in the pane: read a product-range table (or build the ranges from CarnetPipeline's
 * won deals and the user's market figures), check its columns and data, set the cut-offs, build
 * CarnetMatrix and its charts, and see the nine-box with the deals the handbook warns about. Excel is
 * reached only through the CarnetHost callbacks.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { usePaneStyles } from "./paneStyles";
import { PORTFOLIO_FIELDS, type PortfolioField } from "../domain/columns";
import {
  DEFAULT_STRENGTH_CUTS,
  type MatrixSettings,
  type StrengthMeasure,
} from "../domain/matrixSettings";
import type { MarketFigures } from "../domain/rangesFromWonDeals";
import { SourcePicker, TaskStatus, useLongTask } from "./longTask";
import type { CarnetSettings } from "../excel/plan/settings";
import { type SourceChoice, sourceChoiceOf, type SourceData } from "../excel/plan/source";
import { timestamp } from "./format";
import { type Text, useText } from "./i18n/language";
import { useWords, type Words } from "./words";
import type { CarnetHost } from "../excel/port";
import {
  analyseRangeTable,
  analyseWonDeals,
  harvestGroups,
  harvestLines,
  type InputReading,
  type MatrixAnalysis,
  matrixBuildOf,
  matrixSettingsChange,
  percentInputText,
  rangeRowAddress,
  readNumberInput,
  readPercentInput,
  storedMatrix,
  type StoredMatrixSettings,
} from "./matrixModel";
import { CellLinks } from "./CellLinks";
import { NineBox } from "./NineBox";
import { ColumnMappingPicker } from "./ColumnMappingPicker";
import type { ColumnMapping } from "../domain/columns";

const useStyles = makeStyles({
  pair: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  figures: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr 1fr",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXS,
  },
  group: { marginTop: tokens.spacingVerticalXS, "& > summary": { cursor: "pointer" } },
  // Fluent's Input keeps a minimum width that would overflow a 320 px pane in two or three columns.
  input: { minWidth: 0, width: "100%" },
});

export interface MatrixViewProps {
  readonly host: CarnetHost;
}

/** What the view read: a product-range table, or CarnetPipeline for ranges from won deals. */
type Read =
  | { readonly origin: "table"; readonly source: SourceData; readonly pipeline: SourceData | null }
  | { readonly origin: "won"; readonly pipeline: SourceData };

function analyse(read: Read, stored: StoredMatrixSettings, words: Words): MatrixAnalysis {
  return read.origin === "table"
    ? analyseRangeTable(read.source, stored, words)
    : analyseWonDeals(read.pipeline, stored, words);
}

export function MatrixView({ host }: MatrixViewProps) {
  const pane = usePaneStyles();
  const words = useWords();
  const { t } = words;
  const [settings, setSettings] = React.useState<CarnetSettings>({});
  const [read, setRead] = React.useState<Read | null>(null);
  const task = useLongTask();
  const { busy, run, attempt, progress, setError } = task;
  const [built, setBuilt] = React.useState<{ sheet: string; message: string } | null>(null);

  React.useEffect(() => {
    attempt(t("app.failed.readSettings"), async () =>
      setSettings((await host.loadSettings()).settings)
    );
  }, [host]);

  const stored = React.useMemo(() => storedMatrix(settings), [settings]);
  const analysis = React.useMemo(
    () => (read ? analyse(read, stored, words) : null),
    [read, stored, words]
  );
  const pipeline = read?.pipeline ?? null;
  const warnings = React.useMemo(
    () => (analysis ? harvestLines(analysis.rows, pipeline, words) : []),
    [analysis, pipeline, words]
  );

  function saveMatrix(changes: Partial<StoredMatrixSettings>) {
    attempt(t("app.failed.saveChoice"), async () =>
      setSettings(await host.saveSettings(matrixSettingsChange(settings, changes)))
    );
  }

  const select = (address: string) =>
    attempt(t("app.failed.select", { address }), () => host.select(address));

  async function readTable(choice: SourceChoice) {
    await run(t("app.phase.reading"), async (signal) => {
      const source = await host.readSource(choice, progress, signal);
      const found = await host.readPipeline(progress, signal);
      setSettings(
        await host.saveSettings(
          matrixSettingsChange(settings, { source: sourceChoiceOf(source), origin: "table" })
        )
      );
      setRead({ origin: "table", source, pipeline: found });
      setBuilt(null);
    });
  }

  async function readWonDeals() {
    await run(t("app.phase.reading"), async (signal) => {
      const found = await host.readPipeline(progress, signal);
      if (!found) {
        setError(t("matrix.noPipeline"));
        return;
      }
      setSettings(await host.saveSettings(matrixSettingsChange(settings, { origin: "won" })));
      setRead({ origin: "won", pipeline: found });
      setBuilt(null);
    });
  }

  // After a build the nine-box is what the manager came for: bring it into view.
  const nineBox = React.useRef<HTMLDivElement | null>(null);
  React.useEffect(() => {
    if (built) nineBox.current?.scrollIntoView?.({ behavior: "smooth", block: "start" });
  }, [built]);

  async function build() {
    if (!analysis) return;
    await run(t("app.phase.writing"), async (signal, confirmed) => {
      const result = await host.writeMatrix(
        matrixBuildOf(analysis, timestamp()),
        progress,
        signal,
        { replaceTyped: confirmed }
      );
      setBuilt({
        sheet: result.sheet,
        message: builtText(t, result.sheet, result.charts.length, result.liveCells),
      });
    });
  }

  function setMapping(mapping: ColumnMapping<PortfolioField>) {
    if (!analysis) return;
    setBuilt(null);
    saveMatrix({ mapping, mappingFor: analysis.sourceKey });
  }

  const saved = stored.source;
  const ready =
    analysis !== null && analysis.problems.length === 0 && analysis.ranges.length > 0 && !busy;

  return (
    <div className={pane.section}>
      <Subtitle2 as="h2" className={pane.heading}>
        {t("matrix.title")}
      </Subtitle2>
      <Body1>{t("matrix.intro")}</Body1>
      <SourcePicker
        busy={!!busy}
        saved={saved}
        onRead={(choice) => void readTable(choice)}
        placeholder={t("matrix.rangePlaceholder")}
        extra={
          <Button disabled={!!busy} onClick={readWonDeals}>
            {t("matrix.fromWonDeals")}
          </Button>
        }
      />
      <TaskStatus task={task} />

      {analysis && (
        <>
          <Caption1>{sourceLine(t, analysis)}</Caption1>

          <RangeSource
            analysis={analysis}
            marketFigures={stored.marketFigures ?? {}}
            onMapping={setMapping}
            onMarketFigures={(marketFigures) => saveMatrix({ marketFigures })}
          />
          {analysis.problems.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                {t("matrix.problems", { problems: analysis.problems.join(". ") })}
              </MessageBarBody>
            </MessageBar>
          )}

          <RangeReport analysis={analysis} onSelect={select} />

          <SettingsForm settings={analysis.settings} onChange={(changes) => saveMatrix(changes)} />

          <div className={pane.row}>
            <Button appearance="primary" disabled={!ready} onClick={build}>
              {t("matrix.build")}
            </Button>
          </div>
          {built && (
            <MessageBar intent="success">
              <MessageBarBody>{built.message}</MessageBarBody>
            </MessageBar>
          )}

          {analysis.rows.length > 0 && (
            <>
              <div ref={nineBox}>
                <Subtitle2 as="h3" className={pane.heading}>
                  {t("matrix.nineBox.heading")}
                </Subtitle2>
              </div>
              <NineBox
                rows={analysis.rows}
                measure={analysis.settings.measure}
                onSelect={(_, index) => {
                  const target = rangeRowAddress(analysis, index, built?.sheet ?? null);
                  if (target) select(target);
                }}
              />
              <HarvestWarning lines={warnings} hasPipeline={pipeline !== null} onSelect={select} />
            </>
          )}
        </>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------

// The sections are exported so that test/taskpane/frenchPane.test.tsx renders them in both languages.

/** The table's columns (correctable), or the market figures typed for ranges built from won deals. */
export function RangeSource({
  analysis,
  marketFigures,
  onMapping,
  onMarketFigures,
}: {
  readonly analysis: MatrixAnalysis;
  readonly marketFigures: NonNullable<StoredMatrixSettings["marketFigures"]>;
  readonly onMapping: (mapping: ColumnMapping<PortfolioField>) => void;
  readonly onMarketFigures: (figures: NonNullable<StoredMatrixSettings["marketFigures"]>) => void;
}) {
  const pane = usePaneStyles();
  const t = useText();
  if (analysis.origin !== "table")
    return (
      <MarketFiguresForm
        names={analysis.ranges.map((r) => r.name)}
        figures={marketFigures}
        onChange={onMarketFigures}
      />
    );
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        {t("matrix.columns")}
      </Subtitle2>
      <ColumnMappingPicker
        fields={PORTFOLIO_FIELDS}
        headers={analysis.source.headers}
        firstCol={analysis.source.col}
        mapping={analysis.mapping}
        onChange={onMapping}
      />
    </>
  );
}

/** How many ranges were read, and every note with a link to its cell. */
export function RangeReport({
  analysis,
  onSelect,
}: {
  readonly analysis: MatrixAnalysis;
  readonly onSelect: (address: string) => void;
}) {
  const pane = usePaneStyles();
  const t = useText();
  const { ranges, totalRows, report } = analysis;
  const parts = [
    t("matrix.quality.ranges", { count: ranges.length }),
    ...(totalRows.length > 0 ? [t("matrix.quality.totals", { count: totalRows.length })] : []),
    t("matrix.quality.notes", { count: report.length }),
  ];
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        {t("app.quality.title")}
      </Subtitle2>
      <Body1 aria-live="polite">{parts.join(" · ")}</Body1>
      {report.length > 0 && (
        <CellLinks lines={report} label={t("app.quality.report")} onSelect={onSelect} />
      )}
    </>
  );
}

/** A text field that commits on blur or Enter, and says what is wrong with what was typed. */
function NumberField(props: {
  label: string;
  value: number | null | undefined;
  show: (value: number) => string;
  read: (text: string) => InputReading;
  onCommit: (value: number | null) => void;
  optional?: boolean;
  unit?: string;
}) {
  const { label, value, show, read, onCommit, optional, unit } = props;
  const styles = useStyles();
  const words = useWords();
  const shown = value === null || value === undefined ? "" : show(value);
  const [text, setText] = React.useState(shown);
  const [problem, setProblem] = React.useState<string | null>(null);
  React.useEffect(() => setText(shown), [shown]);
  function commit() {
    if (text.trim() === "") {
      if (optional) {
        setProblem(null);
        if (value !== null && value !== undefined) onCommit(null);
      } else setProblem(words.t("app.input.blank"));
      return;
    }
    const reading = read(text);
    if ("problem" in reading) {
      setProblem(reading.problem);
      return;
    }
    setProblem(null);
    if (reading.value !== value) onCommit(reading.value);
  }
  return (
    <Field
      label={label}
      size="small"
      validationState={problem ? "error" : "none"}
      validationMessage={problem ? words.t("matrix.input.problem", { label, problem }) : undefined}
    >
      <Input
        className={styles.input}
        size="small"
        value={text}
        contentAfter={unit}
        onChange={(_, d) => setText(d.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
    </Field>
  );
}

export function SettingsForm(props: {
  settings: MatrixSettings;
  onChange: (changes: Partial<StoredMatrixSettings>) => void;
}) {
  const { settings, onChange } = props;
  const styles = useStyles();
  const pane = usePaneStyles();
  const words = useWords();
  const { t } = words;
  const { measure, strengthCuts: cuts, abcShares: abc } = settings;
  const share = measure === "share";
  const cutField = (which: "low" | "high", label: string) => (
    <NumberField
      label={label}
      value={cuts[which]}
      show={share ? percentInputText : String}
      read={share ? (text) => readPercentInput(text, words) : (text) => readNumberInput(text, true, words)}
      unit={share ? "%" : "×"}
      onCommit={(v) => v !== null && onChange({ strengthCuts: { ...cuts, [which]: v } })}
    />
  );
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        {t("matrix.settings.title")}
      </Subtitle2>
      <Field label={t("matrix.settings.measure")} size="small">
        <Select
          size="small"
          value={measure}
          onChange={(_, d) => {
            const next = d.value as StrengthMeasure;
            onChange({ measure: next, strengthCuts: DEFAULT_STRENGTH_CUTS[next] });
          }}
        >
          <option value="share">{t("matrix.settings.share")}</option>
          <option value="relative">{t("matrix.settings.relative")}</option>
        </Select>
      </Field>
      <div className={styles.pair}>
        {cutField("low", t("matrix.settings.weakBelow"))}
        {cutField("high", t("matrix.settings.strongFrom"))}
        <NumberField
          label={t("matrix.settings.classA")}
          value={abc.a}
          show={percentInputText}
          read={(text) => readPercentInput(text, words)}
          unit="%"
          onCommit={(v) => v !== null && onChange({ abcShares: { ...abc, a: v } })}
        />
        <NumberField
          label={t("matrix.settings.classB")}
          value={abc.b}
          show={percentInputText}
          read={(text) => readPercentInput(text, words)}
          unit="%"
          onCommit={(v) => v !== null && onChange({ abcShares: { ...abc, b: v } })}
        />
      </div>
      <Caption1 className={pane.muted}>{t("matrix.settings.saved")}</Caption1>
    </>
  );
}

export function MarketFiguresForm(props: {
  names: string[];
  figures: Readonly<Record<string, MarketFigures>>;
  onChange: (figures: Record<string, MarketFigures>) => void;
}) {
  const { names, figures, onChange } = props;
  const styles = useStyles();
  const pane = usePaneStyles();
  const words = useWords();
  const { t } = words;
  const set = (name: string, field: keyof MarketFigures, value: number | null) =>
    onChange({ ...figures, [name]: { ...(figures[name] ?? {}), [field]: value } });
  if (names.length === 0) return <Body1>{t("matrix.market.none")}</Body1>;
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        {t("matrix.market.title")}
      </Subtitle2>
      <Caption1 className={pane.muted}>{t("matrix.market.intro")}</Caption1>
      {names.map((name) => (
        <div key={name} role="group" aria-label={name}>
          <Caption1>
            <strong>{name}</strong>
          </Caption1>
          <div className={styles.figures}>
            <NumberField
              label={t("app.field.marketVolume")}
              optional
              value={figures[name]?.marketVolume}
              show={String}
              read={(text) => readNumberInput(text, false, words)}
              onCommit={(v) => set(name, "marketVolume", v)}
            />
            <NumberField
              label={t("matrix.market.share")}
              optional
              unit="%"
              value={figures[name]?.marketShare}
              show={percentInputText}
              read={(text) => readPercentInput(text, words)}
              onCommit={(v) => set(name, "marketShare", v)}
            />
            <NumberField
              label={t("app.field.margin")}
              optional
              value={figures[name]?.margin}
              show={String}
              read={(text) => readNumberInput(text, false, words)}
              onCommit={(v) => set(name, "margin", v)}
            />
          </div>
        </div>
      ))}
    </>
  );
}

export function HarvestWarning(props: {
  lines: ReturnType<typeof harvestLines>;
  hasPipeline: boolean;
  onSelect: (address: string) => void;
}) {
  const { lines, hasPipeline, onSelect } = props;
  const styles = useStyles();
  const pane = usePaneStyles();
  const { t, formats } = useWords();
  if (!hasPipeline) return <Caption1 className={pane.muted}>{t("matrix.harvest.noPipeline")}</Caption1>;
  if (lines.length === 0) return <Caption1>{t("matrix.harvest.none")}</Caption1>;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("matrix.harvest.title", { count: lines.length })}</MessageBarTitle>
        <div>{t("matrix.harvest.intro")}</div>
        {harvestGroups(lines).map((group) => (
          <details key={group.range} className={styles.group}>
            <summary>
              {t("matrix.harvest.group", {
                range: group.range,
                count: group.lines.length,
                amount: formats.amount(group.amount),
              })}
            </summary>
            <CellLinks lines={group.lines} onSelect={onSelect} />
          </details>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Where the ranges come from: the table (its name and address), or the won deals of CarnetPipeline. */
function sourceLine(t: Text, analysis: MatrixAnalysis): string {
  const { tableName, address } = analysis.source;
  const where = tableName ? t("app.source.tableAt", { name: tableName, address }) : address;
  return analysis.origin === "won" ? t("matrix.source.wonDeals", { where }) : where;
}

/** What Build matrix wrote, and whether its figures follow the source. */
function builtText(t: Text, sheet: string, charts: number, liveCells: number): string {
  const where = t("matrix.built.where", { sheet, count: charts });
  const how =
    liveCells > 0 ? t("matrix.built.live", { count: liveCells }) : t("matrix.built.values");
  return `${where} ${how}`;
}
