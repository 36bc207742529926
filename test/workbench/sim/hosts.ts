/** Hosts for the simulator's tests: over a real HyperFormula engine, or over the memory backend. */
import { HyperFormula } from "hyperformula";
import "../../support/office-client";
import {
  createExcelHost,
  createHyperFormulaBackend,
  createMemoryBackend,
  type CellInput,
  type ExcelHostOptions,
} from "../../../src/workbench/sim";
import type { OfficeExtensionError } from "../../../src/workbench/sim/errors";

export function hyperFormulaHost(options?: ExcelHostOptions) {
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", maxRows: 1048576 });
  const backend = createHyperFormulaBackend(hf);
  return { hf, backend, host: createExcelHost(backend, options) };
}

export function memoryHost(
  sheets: Record<string, CellInput[][]> = { Sheet1: [] },
  options?: ExcelHostOptions
) {
  const backend = createMemoryBackend(sheets);
  return { backend, host: createExcelHost(backend, options) };
}

/** The Office error a promise rejects with (fails the test when it resolves). */
export async function officeErrorOf(promise: Promise<unknown>): Promise<OfficeExtensionError> {
  try {
    await promise;
  } catch (error) {
    return error as OfficeExtensionError;
  }
  throw new Error("expected the batch to fail");
}
