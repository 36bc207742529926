/**
 * The workbench page: a title bar with the file actions, the formula bar, the grid with its sheet
 * tabs, the Carnet task pane (the real bundle, in an iframe) and a status bar.
 */
import * as React from "react";
import type { Language } from "../../domain/language";
import {
  cellAddress,
  columnLetters,
  MAX_COLUMNS,
  MAX_ROWS,
  rectAddress,
  type Rect,
} from "../sim/address";
import { rectOf, selectionRect, type Cell, type Workbench } from "../workbook";
import { Grid, type Editing } from "./Grid";

export interface AppProps {
  wb: Workbench;
  onOpenFile(file: File): Promise<void>;
  onDownload(): Promise<void>;
  onSample(): Promise<void>;
  /** Office's display language for the pane (and the French function names in the engine). */
  onLanguage(language: Language): Promise<void>;
}

function useWorkbench(wb: Workbench): number {
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => wb.subscribe(() => setVersion((v) => v + 1)), [wb]);
  return version;
}

/** What the name box shows: the active cell, or the block when several cells are selected. */
function nameBoxText(rect: Rect, active: Cell): string {
  if (rect.rows === 1 && rect.cols === 1) return cellAddress(active.row, active.col);
  if (rect.rows === MAX_ROWS)
    return `${columnLetters(rect.col)}:${columnLetters(rect.col + rect.cols - 1)}`;
  if (rect.cols === MAX_COLUMNS) return `${rect.row + 1}:${rect.row + rect.rows}`;
  return rectAddress(rect);
}

/** Excel's status-bar figures for a selection of numbers (skipped for huge blocks). */
function summaryOf(wb: Workbench, sheet: string, rect: Rect): string[] {
  const used = wb.dimensions(sheet);
  const rows = Math.min(rect.rows, used.rows - rect.row);
  const cols = Math.min(rect.cols, used.cols - rect.col);
  if (rows <= 0 || cols <= 0 || rows * cols < 2 || rows * cols > 1_000_000) return [];
  const { values } = wb.block(sheet, { ...rect, rows, cols });
  let count = 0;
  let numbers = 0;
  let sum = 0;
  for (const line of values)
    for (const value of line) {
      if (value === "") continue;
      count += 1;
      if (typeof value === "number") {
        numbers += 1;
        sum += value;
      }
    }
  if (count === 0) return [];
  const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });
  return numbers > 0
    ? [`Average: ${fmt(sum / numbers)}`, `Count: ${count}`, `Sum: ${fmt(sum)}`]
    : [`Count: ${count}`];
}

function focusGrid(): void {
  (document.querySelector(".grid-body") as HTMLElement | null)?.focus();
}

const UploadIcon = () => (
  <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
    <path d="M10 2.5 5.5 7l.7.7L9.5 4.4V13h1V4.4l3.3 3.3.7-.7L10 2.5ZM4 15v1.5h12V15h1v2.5H3V15h1Z" />
  </svg>
);
const DownloadIcon = () => (
  <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
    <path d="M10 13.5 14.5 9l-.7-.7-3.3 3.3V3h-1v8.6L6.2 8.3l-.7.7 4.5 4.5ZM4 15v1.5h12V15h1v2.5H3V15h1Z" />
  </svg>
);
const SampleIcon = () => (
  <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
    <path d="M3 3h14v14H3V3Zm1 1v3h4V4H4Zm5 0v3h7V4H9ZM4 8v3h4V8H4Zm5 0v3h7V8H9Zm-5 4v4h4v-4H4Zm5 0v4h7v-4H9Z" />
  </svg>
);
const GlobeIcon = () => (
  <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
    <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm5.9 7.5h-3a12.7 12.7 0 0 0-1-5.3 7 7 0 0 1 4 5.3Zm-5.9-6.3c.7.9 1.7 3 1.9 6.3H8.1c.2-3.3 1.2-5.4 1.9-6.3Zm-1.9 1a12.7 12.7 0 0 0-1 5.3h-3a7 7 0 0 1 4-5.3Zm-4 6.3h3c.1 2.2.5 4 1 5.3a7 7 0 0 1-4-5.3Zm5.9 6.3c-.7-.9-1.7-3-1.9-6.3h3.8c-.2 3.3-1.2 5.4-1.9 6.3Zm1.9-1c.5-1.3.9-3.1 1-5.3h3a7 7 0 0 1-4 5.3Z" />
  </svg>
);

/** The languages Office can be switched to here, each named in its own language. */
const LANGUAGE_NAMES: ReadonlyArray<[Language, string]> = [
  ["en", "English"],
  ["fr", "Français"],
];

/** The top bar's Language: Office's display language, as a user sets it in Office's options. */
function LanguageSwitch(props: {
  wb: Workbench;
  onLanguage(language: Language): Promise<void>;
  onError(message: string): void;
}) {
  const [switching, setSwitching] = React.useState(false);
  const change = (language: Language) => {
    setSwitching(true);
    props
      .onLanguage(language)
      .catch((error: unknown) =>
        props.onError(error instanceof Error ? error.message : String(error))
      )
      .finally(() => setSwitching(false));
  };
  return (
    <label
      className="wb-language"
      title="Office's display language: the task pane's and the function names'"
    >
      <GlobeIcon />
      <select
        aria-label="Language"
        value={props.wb.language}
        disabled={switching}
        onChange={(e) => change(e.target.value as Language)}
      >
        {LANGUAGE_NAMES.map(([language, name]) => (
          <option key={language} value={language} lang={language}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

const PaneIcon = () => (
  <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
    <path d="M3 4h14v12H3V4Zm1 1v10h8V5H4Zm9 0v10h3V5h-3Z" />
  </svg>
);

export function App({ wb, onOpenFile, onDownload, onSample, onLanguage }: AppProps) {
  const version = useWorkbench(wb);
  const [editing, setEditing] = React.useState<Editing | null>(null);
  const [paneOpen, setPaneOpen] = React.useState(true);
  const [message, setMessage] = React.useState("");
  const [nameBox, setNameBox] = React.useState<string | null>(null);
  const fileRef = React.useRef<HTMLInputElement>(null);
  const barRef = React.useRef<HTMLInputElement>(null);

  const selection = wb.selection;
  const sheet = wb.hasSheet(selection.sheet) ? selection.sheet : wb.sheetNames()[0];
  const active = selection.anchor;
  const rect = selectionRect(selection);
  const formula = wb.formulaAt(sheet, active.row, active.col);
  const activeError = (() => {
    const value = wb.block(sheet, { row: active.row, col: active.col, rows: 1, cols: 1 })
      .values[0][0];
    if (typeof value !== "string" || !value.startsWith("#")) return undefined;
    const message = wb.errorMessage(sheet, active.row, active.col);
    return message ? `${value} ${message}` : undefined;
  })();
  const table = wb.tables().find((t) => {
    if (t.sheet !== sheet) return false;
    const r = wb.rectOfTable(t);
    return (
      active.row >= r.row &&
      active.row < r.row + r.rows &&
      active.col >= r.col &&
      active.col < r.col + r.cols
    );
  });
  const summary = React.useMemo(
    () => summaryOf(wb, sheet, rect),
    [wb, sheet, version, rect.row, rect.col, rect.rows, rect.cols]
  );
  const stats = wb.host.stats();

  // A new selection or sheet ends any edit (the edit was committed by whoever moved it).
  React.useEffect(() => setNameBox(null), [sheet, active.row, active.col, rect.rows, rect.cols]);

  const select = (anchor: Cell, focus: Cell) => {
    setMessage("");
    wb.select(sheet, anchor, focus);
  };

  const commit = (text: string, move: [number, number]) => {
    setEditing(null);
    try {
      wb.setInput(sheet, active.row, active.col, text);
      setMessage("");
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
    if (move[0] !== 0 || move[1] !== 0) {
      const to = {
        row: Math.max(0, Math.min(MAX_ROWS - 1, active.row + move[0])),
        col: Math.max(0, Math.min(MAX_COLUMNS - 1, active.col + move[1])),
      };
      wb.select(sheet, to, to);
    }
  };

  const switchSheet = (name: string) => {
    if (editing) commit(editing.text, [0, 0]);
    wb.select(name, { row: 0, col: 0 });
  };

  const addSheet = () => {
    const names = new Set(wb.sheetNames().map((n) => n.toLowerCase()));
    let n = names.size + 1;
    while (names.has(`sheet${n}`)) n += 1;
    wb.backend.addSheet(`Sheet${n}`);
    switchSheet(`Sheet${n}`);
  };

  const goTo = (text: string) => {
    const target = text.trim();
    const found = wb.tables().find((t) => t.name.toLowerCase() === target.toLowerCase());
    try {
      if (found) {
        const r = wb.rectOfTable(found);
        wb.select(
          found.sheet,
          { row: r.row, col: r.col },
          { row: r.row + r.rows - 1, col: r.col + r.cols - 1 }
        );
      } else {
        const [sheetPart, ref] = target.includes("!") ? target.split("!") : [sheet, target];
        const r = rectOf(ref);
        const name = sheetPart.replace(/^'|'$/g, "");
        wb.select(
          name,
          { row: r.row, col: r.col },
          { row: r.row + r.rows - 1, col: r.col + r.cols - 1 }
        );
      }
      setMessage("");
    } catch {
      setMessage(`"${target}" is not a cell, a range or a table name.`);
    }
    setNameBox(null);
    // As in Excel, typing then goes to the cell.
    focusGrid();
  };

  const run = (action: () => Promise<void>) => () => {
    setEditing(null);
    action().catch((error: unknown) =>
      setMessage(error instanceof Error ? error.message : String(error))
    );
  };

  const barText = editing ? editing.text : formula.text;

  return (
    <div className="wb">
      <header className="wb-ribbon">
        <img src="assets/icon-32.png" alt="" />
        <span className="wb-brand">Carnet workbench</span>
        <span className="wb-doc">— {wb.title}</span>
        <span className="wb-spacer" />
        <button
          className="wb-button"
          onClick={() => fileRef.current?.click()}
          title="Open an .xlsx file"
        >
          <UploadIcon /> Open .xlsx
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          style={{ display: "none" }}
          data-testid="open-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) run(() => onOpenFile(file))();
          }}
        />
        <button
          className="wb-button"
          onClick={run(onDownload)}
          title="Download the workbook as .xlsx"
        >
          <DownloadIcon /> Download .xlsx
        </button>
        <button
          className="wb-button"
          onClick={run(onSample)}
          title="Open the sample sales workbook again"
        >
          <SampleIcon /> Sample
        </button>
        <LanguageSwitch wb={wb} onLanguage={onLanguage} onError={setMessage} />
        <button
          className="wb-button"
          aria-pressed={paneOpen}
          onClick={() => setPaneOpen((open) => !open)}
          title="Show or hide the Carnet task pane"
        >
          <PaneIcon /> Sales plan
        </button>
      </header>
      <div className="wb-formula">
        <input
          className="wb-namebox"
          aria-label="Name box"
          value={nameBox ?? nameBoxText(rect, active)}
          onFocus={(e) => {
            setNameBox(e.target.value);
            e.target.select();
          }}
          onChange={(e) => setNameBox(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") goTo(e.currentTarget.value);
            if (e.key === "Escape") setNameBox(null);
          }}
          onBlur={() => setNameBox(null)}
        />
        <span className="wb-fx">fx</span>
        <input
          ref={barRef}
          className={formula.spilled && !editing ? "wb-formula-input spilled" : "wb-formula-input"}
          aria-label="Formula bar"
          spellCheck={false}
          value={barText}
          onFocus={() => {
            if (!editing)
              setEditing({ text: formula.spilled ? "" : formula.text, mode: "edit", where: "bar" });
            else if (editing.where !== "bar") setEditing({ ...editing, where: "bar" });
          }}
          onChange={(e) => setEditing({ text: e.target.value, mode: "edit", where: "bar" })}
          onKeyDown={(e) => {
            if (!editing) return;
            if (e.key === "Enter") {
              e.preventDefault();
              commit(editing.text, [1, 0]);
              focusGrid();
            } else if (e.key === "Escape") {
              e.preventDefault();
              setEditing(null);
              focusGrid();
            }
          }}
          onBlur={(e) => {
            if (
              editing?.where === "bar" &&
              !(e.relatedTarget as HTMLElement | null)?.closest(".grid")
            )
              commit(editing.text, [0, 0]);
          }}
        />
      </div>
      <div className="wb-body">
        <section className="wb-sheet">
          <Grid
            wb={wb}
            version={version}
            sheet={sheet}
            selection={selection}
            editing={editing}
            onSelect={select}
            onEdit={setEditing}
            onCommit={commit}
            onClear={(r) => wb.clear(sheet, r)}
          />
          <nav className="wb-tabs" role="tablist" aria-label="Sheets">
            {wb.sheetNames().map((name) => (
              <button
                key={name}
                className="wb-tab"
                role="tab"
                aria-selected={name === sheet}
                onClick={() => switchSheet(name)}
              >
                {name}
              </button>
            ))}
            <button
              className="wb-tab add"
              onClick={addSheet}
              title="New sheet"
              aria-label="New sheet"
            >
              +
            </button>
          </nav>
        </section>
        {paneOpen && (
          <aside className="wb-pane" aria-label="Task pane">
            <div className="wb-pane-title">
              Carnet
              <button
                onClick={() => setPaneOpen(false)}
                title="Close the task pane"
                aria-label="Close"
              >
                ×
              </button>
            </div>
            <iframe key={wb.generation} src="taskpane.html" title="Carnet task pane" />
          </aside>
        )}
      </div>
      <footer className="wb-status" aria-live="polite">
        <span>{editing ? "Edit" : "Ready"}</span>
        <span className="msg" data-testid="status-message">
          {message ||
            activeError ||
            (table ? `Table ${table.name}` : "") ||
            (wb.valuesOnly ? "Large workbook: values only, formulas kept as written" : "")}
        </span>
        <span className="wb-spacer" />
        {summary.map((part) => (
          <span key={part}>{part}</span>
        ))}
        <span
          className="dim"
          title="Round trips of the task pane to the simulated Excel, and its largest request"
        >
          {stats.syncs} {stats.syncs === 1 ? "sync" : "syncs"} · largest request{" "}
          {(stats.largestRequestBytes / 1024).toFixed(1)} KB
        </span>
      </footer>
    </div>
  );
}
