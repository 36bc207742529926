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
import { formatAmount, timestamp } from "./format";
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

function analyse(read: Read, stored: StoredMatrixSettings): MatrixAnalysis {
  return read.origin === "table"
    ? analyseRangeTable(read.source, stored)
    : analyseWonDeals(read.pipeline, stored);
}

export function MatrixView({ host }: MatrixViewProps) {
  const pane = usePaneStyles();
  const [settings, setSettings] = React.useState<CarnetSettings>({});
  const [read, setRead] = React.useState<Read | null>(null);
  const task = useLongTask();
  const { busy, run, attempt, progress, setError } = task;
  const [built, setBuilt] = React.useState<{ sheet: string; message: string } | null>(null);

  React.useEffect(() => {
    attempt("Could not read the settings kept in this workbook", async () =>
      setSettings((await host.loadSettings()).settings)
    );
  }, [host]);

  const stored = React.useMemo(() => storedMatrix(settings), [settings]);
  const analysis = React.useMemo(() => (read ? analyse(read, stored) : null), [read, stored]);
  const pipeline = read?.pipeline ?? null;
  const warnings = React.useMemo(
    () => (analysis ? harvestLines(analysis.rows, pipeline) : []),
    [analysis, pipeline]
  );

  function saveMatrix(changes: Partial<StoredMatrixSettings>) {
    attempt("Could not save your choice in the workbook", async () =>
      setSettings(await host.saveSettings(matrixSettingsChange(settings, changes)))
    );
  }

  const select = (address: string) =>
    attempt(`Could not select ${address}`, () => host.select(address));

  async function readTable(choice: SourceChoice) {
    await run("Reading", async (signal) => {
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
    await run("Reading", async (signal) => {
      const found = await host.readPipeline(progress, signal);
      if (!found) {
        setError("No CarnetPipeline table yet: build the forecast in the Pipeline tab first.");
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
    await run("Writing", async (signal, confirmed) => {
      const result = await host.writeMatrix(
        matrixBuildOf(analysis, timestamp()),
        progress,
        signal,
        { replaceTyped: confirmed }
      );
      setBuilt({
        sheet: result.sheet,
        message:
          `CarnetMatrix written to ${result.sheet} with ${result.charts.length} charts. ` +
          (result.liveCells > 0
            ? `${result.liveCells} figures read the source live: editing a margin there reclassifies.`
            : "Figures are values: edit a margin in CarnetMatrix itself to reclassify."),
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
        Portfolio matrix
      </Subtitle2>
      <Body1>
        Strength is each range&apos;s market share; attractiveness is the ABC class of its
        contribution margin. Select a cell in your product-range table, or build the ranges from won
        deals.
      </Body1>
      <SourcePicker
        busy={!!busy}
        saved={saved}
        onRead={(choice) => void readTable(choice)}
        placeholder="Sheet1!A1:F20"
        extra={
          <Button disabled={!!busy} onClick={readWonDeals}>
            From won deals
          </Button>
        }
      />
      <TaskStatus task={task} />

      {analysis && (
        <>
          <Caption1>
            {analysis.origin === "won" ? "Won deals of " : ""}
            {analysis.source.tableName ? `Table ${analysis.source.tableName} · ` : ""}
            {analysis.source.address}
          </Caption1>

          <RangeSource
            analysis={analysis}
            marketFigures={stored.marketFigures ?? {}}
            onMapping={setMapping}
            onMarketFigures={(marketFigures) => saveMatrix({ marketFigures })}
          />
          {analysis.problems.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>{analysis.problems.join(". ")}.</MessageBarBody>
            </MessageBar>
          )}

          <RangeReport analysis={analysis} onSelect={select} />

          <SettingsForm settings={analysis.settings} onChange={(changes) => saveMatrix(changes)} />

          <div className={pane.row}>
            <Button appearance="primary" disabled={!ready} onClick={build}>
              Build matrix
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
                  Nine-box
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

/** The table's columns (correctable), or the market figures typed for ranges built from won deals. */
function RangeSource({
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
        Columns
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
function RangeReport({
  analysis,
  onSelect,
}: {
  readonly analysis: MatrixAnalysis;
  readonly onSelect: (address: string) => void;
}) {
  const pane = usePaneStyles();
  const { ranges, totalRows, report } = analysis;
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        Data quality
      </Subtitle2>
      <Body1 aria-live="polite">
        {ranges.length} range{ranges.length === 1 ? "" : "s"} read
        {totalRows.length > 0 ? ` · ${totalRows.length} total row(s) left out` : ""} ·{" "}
        {report.length} note{report.length === 1 ? "" : "s"}
      </Body1>
      {report.length > 0 && (
        <CellLinks lines={report} label="Data-quality report" onSelect={onSelect} />
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
  const shown = value === null || value === undefined ? "" : show(value);
  const [text, setText] = React.useState(shown);
  const [problem, setProblem] = React.useState<string | null>(null);
  React.useEffect(() => setText(shown), [shown]);
  function commit() {
    if (text.trim() === "") {
      if (optional) {
        setProblem(null);
        if (value !== null && value !== undefined) onCommit(null);
      } else setProblem("is blank");
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
      validationMessage={problem ? `${label} ${problem}` : undefined}
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

function SettingsForm(props: {
  settings: MatrixSettings;
  onChange: (changes: Partial<StoredMatrixSettings>) => void;
}) {
  const { settings, onChange } = props;
  const styles = useStyles();
  const pane = usePaneStyles();
  const { measure, strengthCuts: cuts, abcShares: abc } = settings;
  const share = measure === "share";
  const cutField = (which: "low" | "high", label: string) => (
    <NumberField
      label={label}
      value={cuts[which]}
      show={share ? percentInputText : String}
      read={share ? readPercentInput : (t) => readNumberInput(t)}
      unit={share ? "%" : "×"}
      onCommit={(v) => v !== null && onChange({ strengthCuts: { ...cuts, [which]: v } })}
    />
  );
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        Settings
      </Subtitle2>
      <Field label="Strength measure" size="small">
        <Select
          size="small"
          value={measure}
          onChange={(_, d) => {
            const next = d.value as StrengthMeasure;
            onChange({ measure: next, strengthCuts: DEFAULT_STRENGTH_CUTS[next] });
          }}
        >
          <option value="share">Market share in volume</option>
          <option value="relative">Relative share (÷ the leader&apos;s share)</option>
        </Select>
      </Field>
      <div className={styles.pair}>
        {cutField("low", "Weak below")}
        {cutField("high", "Strong from")}
        <NumberField
          label="Class A to"
          value={abc.a}
          show={percentInputText}
          read={readPercentInput}
          unit="%"
          onCommit={(v) => v !== null && onChange({ abcShares: { ...abc, a: v } })}
        />
        <NumberField
          label="Class B to"
          value={abc.b}
          show={percentInputText}
          read={readPercentInput}
          unit="%"
          onCommit={(v) => v !== null && onChange({ abcShares: { ...abc, b: v } })}
        />
      </div>
      <Caption1 className={pane.muted}>Saved in this workbook.</Caption1>
    </>
  );
}

function MarketFiguresForm(props: {
  names: string[];
  figures: Readonly<Record<string, MarketFigures>>;
  onChange: (figures: Record<string, MarketFigures>) => void;
}) {
  const { names, figures, onChange } = props;
  const styles = useStyles();
  const pane = usePaneStyles();
  const set = (name: string, field: keyof MarketFigures, value: number | null) =>
    onChange({ ...figures, [name]: { ...(figures[name] ?? {}), [field]: value } });
  if (names.length === 0) return <Body1>No won deal with a product in CarnetPipeline yet.</Body1>;
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        Market figures
      </Subtitle2>
      <Caption1 className={pane.muted}>
        Sales are the won deals&apos; amounts; give each range&apos;s market volume (or share) and
        its contribution margin.
      </Caption1>
      {names.map((name) => (
        <div key={name} role="group" aria-label={name}>
          <Caption1>
            <strong>{name}</strong>
          </Caption1>
          <div className={styles.figures}>
            <NumberField
              label="Market volume"
              optional
              value={figures[name]?.marketVolume}
              show={String}
              read={(t) => readNumberInput(t, false)}
              onCommit={(v) => set(name, "marketVolume", v)}
            />
            <NumberField
              label="Share"
              optional
              unit="%"
              value={figures[name]?.marketShare}
              show={percentInputText}
              read={readPercentInput}
              onCommit={(v) => set(name, "marketShare", v)}
            />
            <NumberField
              label="Margin"
              optional
              value={figures[name]?.margin}
              show={String}
              read={(t) => readNumberInput(t, false)}
              onCommit={(v) => set(name, "margin", v)}
            />
          </div>
        </div>
      ))}
    </>
  );
}

function HarvestWarning(props: {
  lines: ReturnType<typeof harvestLines>;
  hasPipeline: boolean;
  onSelect: (address: string) => void;
}) {
  const { lines, hasPipeline, onSelect } = props;
  const styles = useStyles();
  const pane = usePaneStyles();
  if (!hasPipeline)
    return (
      <Caption1 className={pane.muted}>
        Build the forecast (Pipeline tab) to check open deals against the Harvest / divest zone.
      </Caption1>
    );
  if (lines.length === 0)
    return <Caption1>No open deal in CarnetPipeline is on a Harvest / divest range.</Caption1>;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {lines.length} {lines.length === 1 ? "opportunity" : "opportunities"} that may not fit the
          plan
        </MessageBarTitle>
        <div>
          Open deals on ranges in the Harvest / divest zone; the next forecast build flags them in
          CarnetPipeline&apos;s Issues column.
        </div>
        {harvestGroups(lines).map((group) => (
          <details key={group.range} className={styles.group}>
            <summary>
              {group.range}: {group.lines.length} {group.lines.length === 1 ? "deal" : "deals"},{" "}
              {formatAmount(group.amount)}
            </summary>
            <CellLinks lines={group.lines} onSelect={onSelect} />
          </details>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
