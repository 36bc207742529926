/**
 * A simulated Excel host over a HyperFormula workbook that has the built CARNET functions, installed as
 * the `Excel` / `Office` / `OfficeExtension` globals that src/excel uses. One per test.
 */
import {
  type CellInput,
  createExcelHost,
  createHyperFormulaBackend,
  createMemoryBackend,
  type ExcelHost,
  type ExcelHostOptions,
} from "../../src/workbench/sim";
import { carnetEngine } from "./carnet-engine";
import "./office-client";

export interface TestWorkbook {
  readonly host: ExcelHost;
  /** Computed values of a block, errors as their codes. */
  values(sheet: string, address: string): unknown[][];
  formulas(sheet: string, address: string): unknown[][];
  /** Every cell of a sheet as formulas and formats: to prove a sheet was not touched. */
  fingerprint(sheet: string): string;
  dispose(): void;
}

function rect(address: string) {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address)!;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r0 = Number(m[2]) - 1;
  const c0 = col(m[1]);
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? col(m[3]) : c0;
  return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

function wrap(host: ExcelHost): TestWorkbook {
  const uninstall = host.install();
  const { backend } = host;
  return {
    host,
    values(sheet, address) {
      const r = rect(address);
      return backend.getValues(sheet, r.row, r.col, r.rows, r.cols);
    },
    formulas(sheet, address) {
      const r = rect(address);
      return backend.getFormulas(sheet, r.row, r.col, r.rows, r.cols);
    },
    fingerprint(sheet) {
      const used = backend.usedRange(sheet);
      if (!used) return "empty";
      return JSON.stringify([
        used,
        backend.getFormulas(sheet, used.row, used.col, used.rows, used.cols),
        backend.getNumberFormats(sheet, used.row, used.col, used.rows, used.cols),
      ]);
    },
    dispose: uninstall,
  };
}

/** A workbook with formulas (HyperFormula + CARNET functions). */
export function formulaWorkbook(
  sheets: Record<string, CellInput[][]>,
  options?: ExcelHostOptions
): TestWorkbook {
  const hf = carnetEngine(sheets as never);
  return wrap(createExcelHost(createHyperFormulaBackend(hf), options));
}

/** A large values-only workbook (no formula engine), for block reading. */
export function memoryWorkbook(
  sheets: Record<string, CellInput[][]>,
  options?: ExcelHostOptions
): TestWorkbook {
  return wrap(createExcelHost(createMemoryBackend(sheets), options));
}
