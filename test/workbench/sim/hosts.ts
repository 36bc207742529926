/**
 * Hosts for the simulator's tests, over a real HyperFormula engine or over the memory backend. Every
 * test talks to them through Microsoft's own Excel client, loaded in this file's global scope.
 */
import { HyperFormula } from "hyperformula";
import "../../support/office-client";
import {
  createExcelHost,
  createHyperFormulaBackend,
  createMemoryBackend,
  type CellInput,
  type ExcelHostOptions,
} from "../../../src/workbench/sim";

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

/** The error a promise rejects with (fails the test when it resolves). */
export async function officeErrorOf(promise: Promise<unknown>): Promise<OfficeExtension.Error> {
  try {
    await promise;
  } catch (error) {
    return error as OfficeExtension.Error;
  }
  throw new Error("expected the batch to fail");
}

interface SentRequest {
  readonly url: string;
  readonly body: unknown;
}

interface HttpUtility {
  s_customSendRequestFunc: (request: SentRequest) => Promise<{ body: string }>;
}

/**
 * Records the request and response bodies that Microsoft's client exchanges from now on, as they
 * travel (JSON text); `stop()` ends the recording. A host must have been reached through
 * `host.Excel` or `host.install()` before, so that the client knows where to send.
 */
export function recordBodies() {
  const http = (OfficeExtension as unknown as { HttpUtility: HttpUtility }).HttpUtility;
  const send = http.s_customSendRequestFunc;
  const requests: string[] = [];
  const responses: string[] = [];
  http.s_customSendRequestFunc = async (request) => {
    requests.push(typeof request.body === "string" ? request.body : JSON.stringify(request.body));
    const response = await send(request);
    responses.push(response.body);
    return response;
  };
  return {
    requests,
    responses,
    /** The requests, parsed. */
    parsed: () => requests.map((body) => JSON.parse(body) as RecordedRequest),
    stop: () => {
      http.s_customSendRequestFunc = send;
    },
  };
}

export interface RecordedRequest {
  Actions: { Id: number; ActionType: number; Name: string; ObjectPathId: number }[];
  ObjectPaths: Record<string, { Id: number; ObjectPathType: number; Name: string }>;
}

/** UTF-8 bytes of a body, as it travels. */
export function bytes(body: string): number {
  return Buffer.byteLength(body, "utf8");
}
