/**
 * The sheet grid: only the visible rows and columns are drawn (a 200,000-row sheet scrolls as
 * lightly as a small one), values shown under their number formats, errors with their message on
 * hover, Excel tables styled with their name, spilled arrays outlined, charts floating over the cells.
 */
import * as React from "react";
import { cellAddress, columnLetters, MAX_COLUMNS, MAX_ROWS, type Rect } from "../sim/address";
import type { ChartInfo } from "../sim/charts";
import { displayValue } from "../display-format";
import { selectionRect, type Cell, type Selection, type Workbench } from "../workbook";
import type { TableInfo } from "../host";
import { ChartView } from "./ChartView";
import { Columns, drawnExtent, HEADER_HEIGHT, ROW_HEIGHT, rowHeaderWidth } from "./geometry";

const ERROR_CODES = new Set([
  "#VALUE!",
  "#N/A",
  "#DIV/0!",
  "#NUM!",
  "#NULL!",
  "#NAME?",
  "#REF!",
  "#SPILL!",
  "#CYCLE!",
  "#ERROR!",
  "#CALC!",
]);

const OVERSCAN = 4;

let measuring: CanvasRenderingContext2D | null = null;
const measured = new Map<string, number>();

/** The width of a text in the grid's font (cached: the same labels come back on every scroll). */
function textWidth(text: string, bold: boolean): number {
  const key = bold ? `b${text}` : text;
  let width = measured.get(key);
  if (width === undefined) {
    measuring ??= document.createElement("canvas").getContext("2d");
    if (!measuring) return text.length * 7;
    const family = getComputedStyle(document.documentElement).fontFamily;
    measuring.font = `${bold ? "600 " : ""}13px ${family}`;
    width = measuring.measureText(text).width;
    if (measured.size > 20000) measured.clear();
    measured.set(key, width);
  }
  return width;
}

export interface Editing {
  text: string;
  /** "enter": started by typing (arrows commit); "edit": F2 or a double click (arrows move the caret). */
  mode: "enter" | "edit";
  /** Where the person types: the cell or the formula bar. */
  where: "cell" | "bar";
}

export interface GridProps {
  wb: Workbench;
  version: number;
  sheet: string;
  selection: Selection;
  editing: Editing | null;
  onSelect(anchor: Cell, focus: Cell): void;
  onEdit(editing: Editing | null): void;
  /** Writes the text typed in the active cell, then moves the selection by (rows, cols). */
  onCommit(text: string, move: [number, number]): void;
  onClear(rect: Rect): void;
}

interface TableSpan {
  table: TableInfo;
  rect: Rect;
}

interface Tip {
  x: number;
  y: number;
  code: string;
  message: string;
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, value));
}

function inside(rect: Rect, row: number, col: number): boolean {
  return (
    row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols
  );
}

function chartRect(chart: ChartInfo, index: number, columns: Columns, usedCols: number) {
  const start = chart.position?.startCell;
  const end = chart.position?.endCell;
  const parse = (a?: string) => {
    const m = a && /^([A-Z]+)(\d+)$/i.exec(a.replace(/\$/g, "").split("!").pop() ?? "");
    if (!m) return undefined;
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const s = parse(start);
  const e = parse(end);
  if (s && e && e.col >= s.col && e.row >= s.row)
    return {
      left: columns.left(s.col),
      top: s.row * ROW_HEIGHT,
      width: Math.max(200, columns.left(e.col + 1) - columns.left(s.col)),
      height: Math.max(140, (e.row - s.row + 1) * ROW_HEIGHT),
    };
  const col = Math.min(columns.count - 1, usedCols + 1);
  const base = s ?? { row: 1 + index * 15, col };
  return { left: columns.left(base.col), top: base.row * ROW_HEIGHT, width: 480, height: 288 };
}

export function Grid(props: GridProps) {
  const { wb, version, sheet, selection, editing, onSelect, onEdit, onCommit, onClear } = props;
  const bodyRef = React.useRef<HTMLDivElement>(null);
  const canvasRef = React.useRef<HTMLDivElement>(null);
  const editRef = React.useRef<HTMLInputElement>(null);
  const [scroll, setScroll] = React.useState({ top: 0, left: 0 });
  const [viewport, setViewport] = React.useState({ width: 800, height: 600 });
  const [tip, setTip] = React.useState<Tip | null>(null);
  const dragging = React.useRef<"cells" | "rows" | "cols" | null>(null);
  /** Set when a key ended the edit, so that the input's blur does not commit it (again). */
  const ended = React.useRef(false);

  const used = React.useMemo(() => wb.dimensions(sheet), [wb, sheet, version]);
  const extent = drawnExtent(used);
  const columns = React.useMemo(
    () => new Columns(extent.cols, (c) => wb.columnWidth(sheet, c)),
    [wb, sheet, version, extent.cols]
  );
  const rowHead = rowHeaderWidth(extent.rows);

  // Back to the top-left corner on another sheet, as Excel remembers nothing here either.
  React.useEffect(() => {
    if (bodyRef.current) {
      bodyRef.current.scrollTop = 0;
      bodyRef.current.scrollLeft = 0;
    }
    setScroll({ top: 0, left: 0 });
    setTip(null);
  }, [sheet, wb.generation]);

  React.useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const measure = () => setViewport({ width: body.clientWidth, height: body.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(body);
    return () => observer.disconnect();
  }, []);

  // Keep the moving corner of the selection in view (keyboard moves, select() from the automation).
  React.useEffect(() => {
    const body = bodyRef.current;
    if (!body || selection.sheet !== sheet) return;
    const { row, col } = selection.focus;
    if (row >= extent.rows || col >= extent.cols) return;
    const top = row * ROW_HEIGHT;
    if (top < body.scrollTop) body.scrollTop = top;
    else if (top + ROW_HEIGHT > body.scrollTop + body.clientHeight)
      body.scrollTop = top + ROW_HEIGHT - body.clientHeight;
    const left = columns.left(col);
    const right = columns.left(col + 1);
    if (left < body.scrollLeft) body.scrollLeft = left;
    else if (right > body.scrollLeft + body.clientWidth) body.scrollLeft = right - body.clientWidth;
  }, [selection, sheet]);

  React.useLayoutEffect(() => {
    if (
      editing?.where === "cell" &&
      editRef.current &&
      document.activeElement !== editRef.current
    ) {
      ended.current = false;
      const input = editRef.current;
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
    }
  }, [editing?.where, editing !== null]);

  React.useEffect(() => {
    if (!editing && document.activeElement === document.body) bodyRef.current?.focus();
  }, [editing]);

  const firstRow = clamp(Math.floor(scroll.top / ROW_HEIGHT) - OVERSCAN, 0, extent.rows - 1);
  const lastRow = clamp(
    Math.ceil((scroll.top + viewport.height) / ROW_HEIGHT) + OVERSCAN,
    firstRow,
    extent.rows - 1
  );
  const firstCol = clamp(columns.at(scroll.left) - 1, 0, extent.cols - 1);
  const lastCol = clamp(columns.at(scroll.left + viewport.width) + 1, firstCol, extent.cols - 1);
  const rect: Rect = {
    row: firstRow,
    col: firstCol,
    rows: lastRow - firstRow + 1,
    cols: lastCol - firstCol + 1,
  };

  const tables: TableSpan[] = React.useMemo(
    () =>
      wb
        .tables()
        .filter((t) => t.sheet === sheet)
        .map((table) => ({ table, rect: wb.rectOfTable(table) })),
    [wb, sheet, version]
  );
  const selected = selectionRect(selection);
  const active = selection.anchor;
  const spill = selection.sheet === sheet ? wb.spillOf(sheet, active.row, active.col) : undefined;

  // Typing in a cell re-renders the grid on each key: the drawn cells stay as they were.
  const cells = React.useMemo(() => {
    const block = wb.block(sheet, rect);
    const cells: React.ReactNode[] = [];
    for (let r = firstRow; r <= lastRow; r++) {
      const top = r * ROW_HEIGHT;
      for (let c = firstCol; c <= lastCol; c++) {
        const value = block.values[r - firstRow][c - firstCol];
        const format = block.formats[r - firstRow][c - firstCol];
        let cls = "c";
        let text = "";
        let color: string | undefined;
        let error: string | undefined;
        if (typeof value === "number") {
          const shown = displayValue(value, format);
          text = shown.text;
          color = shown.color;
          cls += " num";
        } else if (typeof value === "boolean") {
          text = value ? "TRUE" : "FALSE";
          cls += " bool";
        } else if (value !== "") {
          text = value;
          if (
            ERROR_CODES.has(value) &&
            wb.isError(sheet, r, c)
          ) {
            cls += " err";
            error = wb.errorMessage(sheet, r, c) ?? "";
          }
        }
        for (const { rect: t } of tables)
          if (inside(t, r, c)) {
            if (r === t.row) cls += " th";
            else cls += (r - t.row) % 2 === 1 ? " tb" : " tw";
            break;
          }
        const bold = wb.isBold(sheet, r, c);
        if (bold) cls += " b";
        // Text wider than its cell runs over the empty cells on its right, as in Excel.
        let width = columns.width(c);
        if (cls === "c" || cls === "c b") {
          const needed = textWidth(text, bold) + 9;
          for (let next = c + 1; width < needed && next <= lastCol; next++) {
            if (block.values[r - firstRow][next - firstCol] !== "") break;
            if (tables.some(({ rect: t }) => inside(t, r, next))) break;
            width += columns.width(next);
          }
          if (width > columns.width(c)) cls += " over";
        }
        if (
          inside(selected, r, c) &&
          !(r === active.row && c === active.col) &&
          selection.sheet === sheet
        )
          cls += " insel";
        const address = cellAddress(r, c);
        cells.push(
          <div
            key={address}
            className={cls}
            data-cell={address}
            data-error={error}
            style={{ left: columns.left(c), top, width, height: ROW_HEIGHT, color }}
          >
            {text}
          </div>
        );
      }
    }
    return cells;
  }, [wb, sheet, version, firstRow, lastRow, firstCol, lastCol, columns, tables, selection]);

  // ---- pointer ----

  const cellAt = (clientX: number, clientY: number): Cell => {
    const box = canvasRef.current!.getBoundingClientRect();
    return {
      row: clamp(Math.floor((clientY - box.top) / ROW_HEIGHT), 0, extent.rows - 1),
      col: columns.at(clientX - box.left),
    };
  };

  const commitIfEditing = () => {
    if (editing) onCommit(editing.text, [0, 0]);
  };

  const onMouseDown = (event: React.MouseEvent) => {
    if (event.button !== 0 || (event.target as HTMLElement).closest(".chart")) return;
    const cell = cellAt(event.clientX, event.clientY);
    if (editing) {
      if (editing.where === "cell" && cell.row === active.row && cell.col === active.col) return;
      commitIfEditing();
    }
    event.preventDefault();
    bodyRef.current?.focus();
    if (event.shiftKey) onSelect(active, cell);
    else onSelect(cell, cell);
    dragging.current = "cells";
  };

  const onMouseMove = (event: React.MouseEvent) => {
    if ((event.target as HTMLElement).closest(".chart")) return setTip(null);
    const cell = cellAt(event.clientX, event.clientY);
    if (dragging.current === "cells" && event.buttons === 1) {
      if (cell.row !== selection.focus.row || cell.col !== selection.focus.col)
        onSelect(active, cell);
    }
    const element = (event.target as HTMLElement).closest<HTMLElement>(".c.err");
    if (element && element.dataset.error !== undefined) {
      const frame = bodyRef.current!.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      const code = element.textContent ?? "";
      if (
        !tip ||
        tip.code !== code ||
        tip.message !== element.dataset.error ||
        tip.y !== box.bottom - frame.top
      )
        setTip({
          x: box.left - frame.left + rowHead,
          y: box.bottom - frame.top + HEADER_HEIGHT + 2,
          code,
          message: element.dataset.error || "The formula cannot be computed.",
        });
    } else if (tip) setTip(null);
  };

  React.useEffect(() => {
    const up = () => (dragging.current = null);
    window.addEventListener("mouseup", up);
    return () => window.removeEventListener("mouseup", up);
  }, []);

  const onDoubleClick = (event: React.MouseEvent) => {
    if ((event.target as HTMLElement).closest(".chart")) return;
    const cell = cellAt(event.clientX, event.clientY);
    onSelect(cell, cell);
    const formula = wb.formulaAt(sheet, cell.row, cell.col);
    onEdit({ text: formula.spilled ? "" : formula.text, mode: "edit", where: "cell" });
  };

  const headerDown = (kind: "rows" | "cols", index: number, shift: boolean) => {
    commitIfEditing();
    bodyRef.current?.focus();
    const from = shift ? active : kind === "rows" ? { row: index, col: 0 } : { row: 0, col: index };
    const to =
      kind === "rows" ? { row: index, col: MAX_COLUMNS - 1 } : { row: MAX_ROWS - 1, col: index };
    if (shift)
      onSelect(kind === "rows" ? { row: from.row, col: 0 } : { row: 0, col: from.col }, to);
    else onSelect(from, to);
    dragging.current = kind;
  };

  const startResize = (col: number, event: React.MouseEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const startX = event.clientX;
    const startWidth = columns.width(col);
    const move = (e: MouseEvent) => wb.setColumnWidth(sheet, col, startWidth + e.clientX - startX);
    const up = () => {
      window.removeEventListener("mousemove", move);
      window.removeEventListener("mouseup", up);
    };
    window.addEventListener("mousemove", move);
    window.addEventListener("mouseup", up);
  };

  // ---- keyboard ----

  const pageRows = Math.max(1, Math.floor(viewport.height / ROW_HEIGHT) - 1);
  const move = (cell: Cell, rows: number, cols: number): Cell => ({
    row: clamp(cell.row + rows, 0, MAX_ROWS - 1),
    col: clamp(cell.col + cols, 0, MAX_COLUMNS - 1),
  });

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (editing) return;
    const key = event.key;
    const arrows: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      PageDown: [pageRows, 0],
      PageUp: [-pageRows, 0],
    };
    if (arrows[key]) {
      event.preventDefault();
      const [dr, dc] = arrows[key];
      if (event.shiftKey) onSelect(active, move(selection.focus, dr, dc));
      else {
        const to = move(active, dr, dc);
        onSelect(to, to);
      }
      return;
    }
    if (key === "Enter" || key === "Tab") {
      event.preventDefault();
      const step = event.shiftKey ? -1 : 1;
      const to = key === "Enter" ? move(active, step, 0) : move(active, 0, step);
      onSelect(to, to);
      return;
    }
    if (key === "Home") {
      event.preventDefault();
      const to = event.ctrlKey ? { row: 0, col: 0 } : { row: active.row, col: 0 };
      onSelect(to, to);
      return;
    }
    if (key === "F2") {
      event.preventDefault();
      const formula = wb.formulaAt(sheet, active.row, active.col);
      onEdit({ text: formula.spilled ? "" : formula.text, mode: "edit", where: "cell" });
      return;
    }
    if (key === "Delete") {
      event.preventDefault();
      onClear(selected);
      return;
    }
    if (key === "Backspace") {
      event.preventDefault();
      onEdit({ text: "", mode: "enter", where: "cell" });
      return;
    }
    if (key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // The first character starts the edit; the default action would type it a second time.
      event.preventDefault();
      onEdit({ text: key, mode: "enter", where: "cell" });
    }
  };

  const onEditKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (!editing) return;
    const key = event.key;
    if (["Escape", "Enter", "Tab"].includes(key)) ended.current = true;
    if (key === "Escape") {
      event.preventDefault();
      onEdit(null);
      bodyRef.current?.focus();
    } else if (key === "Enter") {
      event.preventDefault();
      onCommit(editing.text, [event.shiftKey ? -1 : 1, 0]);
      bodyRef.current?.focus();
    } else if (key === "Tab") {
      event.preventDefault();
      onCommit(editing.text, [0, event.shiftKey ? -1 : 1]);
      bodyRef.current?.focus();
    } else if (
      editing.mode === "enter" &&
      !editing.text.startsWith("=") &&
      key.startsWith("Arrow")
    ) {
      event.preventDefault();
      ended.current = true;
      const moves: Record<string, [number, number]> = {
        ArrowUp: [-1, 0],
        ArrowDown: [1, 0],
        ArrowLeft: [0, -1],
        ArrowRight: [0, 1],
      };
      onCommit(editing.text, moves[key]);
      bodyRef.current?.focus();
    }
  };

  // ---- overlays ----

  const boxOf = (r: Rect) => {
    const rows = Math.min(r.rows, extent.rows - r.row);
    const cols = Math.min(r.cols, extent.cols - r.col);
    return {
      left: columns.left(r.col) - 1,
      top: r.row * ROW_HEIGHT - 1,
      width: columns.left(r.col + cols) - columns.left(r.col) + 1,
      height: rows * ROW_HEIGHT + 1,
    };
  };

  const activeLeft = columns.left(active.col);
  const editWidth = Math.max(
    columns.width(active.col) + 2,
    Math.min(560, (editing?.text.length ?? 0) * 7.5 + 16)
  );

  const charts = wb.charts().filter((chart) => chart.sheet === sheet);
  const selectedRows = (r: number) =>
    selection.sheet === sheet && r >= selected.row && r < selected.row + selected.rows;
  const selectedCols = (c: number) =>
    selection.sheet === sheet && c >= selected.col && c < selected.col + selected.cols;

  const colHeaders: React.ReactNode[] = [];
  for (let c = firstCol; c <= lastCol; c++)
    colHeaders.push(
      <div
        key={c}
        className={selectedCols(c) ? "grid-col on" : "grid-col"}
        style={{
          left: columns.left(c) - scroll.left,
          width: columns.width(c),
          height: HEADER_HEIGHT,
        }}
        onMouseDown={(e) => headerDown("cols", c, e.shiftKey)}
      >
        {columnLetters(c)}
        <div className="grid-resize" style={{ right: -3 }} onMouseDown={(e) => startResize(c, e)} />
      </div>
    );
  const rowHeaders: React.ReactNode[] = [];
  for (let r = firstRow; r <= lastRow; r++)
    rowHeaders.push(
      <div
        key={r}
        className={selectedRows(r) ? "grid-row on" : "grid-row"}
        style={{ top: r * ROW_HEIGHT - scroll.top, width: rowHead, height: ROW_HEIGHT }}
        onMouseDown={(e) => headerDown("rows", r, e.shiftKey)}
      >
        {r + 1}
      </div>
    );

  return (
    <div
      className="grid"
      style={{
        gridTemplateColumns: `${rowHead}px 1fr`,
        gridTemplateRows: `${HEADER_HEIGHT}px 1fr`,
      }}
    >
      <div className="grid-corner" />
      <div className="grid-cols">{colHeaders}</div>
      <div className="grid-rows">{rowHeaders}</div>
      <div
        ref={bodyRef}
        className="grid-body"
        tabIndex={0}
        role="grid"
        aria-label={`Sheet ${sheet}`}
        onScroll={(e) =>
          setScroll({ top: e.currentTarget.scrollTop, left: e.currentTarget.scrollLeft })
        }
        onKeyDown={onKeyDown}
        onMouseLeave={() => setTip(null)}
      >
        <div
          ref={canvasRef}
          className="grid-canvas"
          style={{ width: columns.total, height: extent.rows * ROW_HEIGHT }}
          onMouseDown={onMouseDown}
          onMouseMove={onMouseMove}
          onDoubleClick={onDoubleClick}
        >
          {cells}
          {tables.map(({ table, rect: t }) =>
            t.col + t.cols < extent.cols && t.row <= lastRow && t.row >= firstRow - 1 ? (
              <div
                key={table.name}
                className="table-tag"
                data-table={table.name}
                style={{ left: columns.left(t.col + t.cols) + 4, top: t.row * ROW_HEIGHT + 3 }}
              >
                ⊞ {table.name}
              </div>
            ) : null
          )}
          {spill && (
            <div
              className="spill-box"
              style={boxOf(spill)}
              data-spill={cellAddress(spill.row, spill.col)}
            />
          )}
          {selection.sheet === sheet && (
            <div className="sel-box" style={boxOf(selected)}>
              {!(selected.rows === 1 && selected.cols === 1) && (
                <div
                  style={{
                    position: "absolute",
                    left: activeLeft - columns.left(selected.col),
                    top: (active.row - selected.row) * ROW_HEIGHT,
                    width: columns.width(active.col) - 2,
                    height: ROW_HEIGHT - 2,
                    border: "1px solid #217346",
                    boxSizing: "border-box",
                  }}
                />
              )}
            </div>
          )}
          {editing?.where === "cell" && (
            <input
              ref={editRef}
              className="edit-box"
              aria-label={`Edit ${cellAddress(active.row, active.col)}`}
              spellCheck={false}
              value={editing.text}
              style={{
                left: activeLeft - 1,
                top: active.row * ROW_HEIGHT - 1,
                width: editWidth,
                height: ROW_HEIGHT + 2,
              }}
              onChange={(e) => onEdit({ ...editing, text: e.target.value })}
              onKeyDown={onEditKeyDown}
              onBlur={(e) => {
                // Clicking the formula bar keeps the edit going there; anywhere else commits.
                if (ended.current) return;
                if (
                  !(e.relatedTarget as HTMLElement | null)?.classList.contains("wb-formula-input")
                )
                  onCommit(editing.text, [0, 0]);
              }}
              onMouseDown={(e) => e.stopPropagation()}
            />
          )}
          {charts.map((chart, i) => {
            const box = chartRect(chart, i, columns, used.cols);
            return (
              <div
                key={chart.name}
                className="chart"
                data-chart={chart.name}
                style={{ left: box.left, top: box.top, width: box.width, height: box.height }}
              >
                <ChartView chart={chart} width={box.width - 2} height={box.height - 2} />
              </div>
            );
          })}
        </div>
      </div>
      {tip && (
        <div className="tip" role="tooltip" style={{ left: tip.x, top: tip.y }}>
          <strong>{tip.code}</strong>
          {tip.message}
        </div>
      )}
    </div>
  );
}
