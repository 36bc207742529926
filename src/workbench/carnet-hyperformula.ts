/**
 * Registers the shipped CARNET custom functions in HyperFormula, the spreadsheet engine of the
 * workbench and the formula tests. Everything is derived from the generated functions.json (ids,
 * parameter dimensionality, optional flags, result dimensionality) and the implementations that the
 * built functions.js associated, so a formula test proves the metadata and the code agree.
 *
 * HyperFormula is GPL-3.0: this module belongs to the workbench and tests, never to an add-in bundle.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  type HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import { CustomFunctionError, type Implementation } from "./custom-functions-shim";

export interface FunctionsMetadata {
  functions: Array<{
    id: string;
    name: string;
    description?: string;
    parameters: Array<{
      name: string;
      type?: string;
      dimensionality?: "scalar" | "matrix";
      optional?: boolean;
    }>;
    result: { type?: string; dimensionality?: "scalar" | "matrix" };
  }>;
}

export const NAMESPACE = "CARNET";

const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#NULL!": ErrorType.ERROR,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
};

function toCellError(error: unknown): CellError {
  if (error instanceof CustomFunctionError)
    return new CellError(ERROR_TYPES[error.code] ?? ErrorType.VALUE, error.message);
  // An exception that is not a CustomFunctions.Error is #VALUE! in Excel too.
  return new CellError(ErrorType.VALUE, error instanceof Error ? error.message : String(error));
}

type Scalar = number | string | boolean | null;

/**
 * How a blank cell in a range reaches a custom function: newer Excel builds pass null, some older
 * ones pass 0 (office-js #4702, #5262). The tests run the formulas both ways.
 */
let blankCell: null | 0 = null;

export function passBlankCellsAs(value: null | 0): void {
  blankCell = value;
}

/** An engine value as Excel passes it to a custom function: numbers unwrapped, blanks as `blank`. */
function toExcelScalar(value: unknown, blank: null | 0 = null): Scalar | CellError {
  if (value === EmptyValue || value === undefined) return blank;
  if (value instanceof CellError) return value;
  if (typeof value === "object" && value !== null && "val" in value)
    return (value as { val: number }).val;
  return value as Scalar;
}

/** A range argument as the 2-D array Excel passes, or the first error cell (Excel does not call a function on errors). */
function toExcelArgument(value: unknown): Scalar | Scalar[][] | CellError {
  if (!(value instanceof SimpleRangeValue)) return toExcelScalar(value);
  const data = value.data as unknown[][];
  // Most ranges hold plain numbers and text only: handed over as they are, the engine's own array
  // (no copy, the way Excel hands its own arrays; a copy of a million rows was garbage enough to
  // make the collector decide WEIGHTED_PIPELINE against SUMPRODUCT). Otherwise rows are converted
  // from the first that holds a blank, an error or a date on.
  const first = firstRowToConvert(data);
  if (first === data.length) return data as Scalar[][];
  const rows = data.slice(0, first) as Scalar[][];
  for (let r = first; r < data.length; r++) {
    const row = data[r];
    if (isPlainRow(row)) {
      rows.push(row as Scalar[]);
      continue;
    }
    const out: Scalar[] = [];
    for (const cell of row) {
      const v = toExcelScalar(cell, blankCell);
      if (v instanceof CellError) return v;
      out.push(v);
    }
    rows.push(out);
  }
  return rows;
}

/** The first row of `data` that is not plain (isPlainRow); its length when every row is. */
function firstRowToConvert(data: unknown[][]): number {
  for (let r = 0; r < data.length; r++) if (!isPlainRow(data[r])) return r;
  return data.length;
}

/** Whether every cell of the row is a number, a text or a boolean: what Excel passes as it is. */
function isPlainRow(row: unknown[]): boolean {
  for (let c = 0; c < row.length; c++) {
    const t = typeof row[c];
    if (t !== "number" && t !== "string" && t !== "boolean") return false;
  }
  return true;
}

function fromExcelResult(result: unknown): unknown {
  if (result instanceof CustomFunctionError) return toCellError(result);
  if (Array.isArray(result))
    return SimpleRangeValue.onlyValues(
      (result as unknown[][]).map((row) =>
        row.map((cell) =>
          cell instanceof CustomFunctionError ? toCellError(cell) : (cell ?? EmptyValue)
        )
      ) as never
    );
  return result;
}

/** Registers every function of `metadata` as CARNET.<NAME>; returns the plugin class (to unregister). */
export function registerCarnetFunctions(
  HyperFormulaClass: typeof HyperFormula,
  metadata: FunctionsMetadata,
  implementations: Map<string, Implementation>
): typeof FunctionPlugin {
  const implemented: Record<string, unknown> = {};
  const translations: Record<string, string> = {};
  const methods: Record<string, unknown> = {};
  for (const fn of metadata.functions) {
    const impl = implementations.get(fn.id.toUpperCase());
    if (!impl)
      throw new Error(
        `functions.json declares ${fn.id} but the bundle associated no such function`
      );
    const engineName = `${NAMESPACE}.${fn.name}`;
    const method = `carnet_${fn.id}`;
    const matrixResult = fn.result.dimensionality === "matrix";
    const params = fn.parameters;
    implemented[engineName] = {
      method,
      parameters: params.map((p) => ({
        argumentType:
          p.dimensionality === "matrix" ? FunctionArgumentType.RANGE : FunctionArgumentType.ANY,
        optionalArg: p.optional === true,
      })),
      ...(matrixResult ? { sizeOfResultArrayMethod: `${method}_size` } : {}),
    };
    translations[engineName] = engineName;
    methods[method] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- HyperFormula's protected plugin API is untyped here
      const self = this as any;
      return self.runFunction(ast.args, state, self.metadata(engineName), (...args: unknown[]) => {
        const excelArgs: unknown[] = [];
        for (let i = 0; i < params.length; i++) {
          // An argument left out between commas (`f(a,,b)`) is omitted, null in Excel, whatever
          // the engine hands over for it.
          const omitted = (ast.args[i] as { type?: string } | undefined)?.type === "EMPTY";
          const v = omitted ? null : toExcelArgument(args[i]);
          if (v instanceof CellError) return v;
          excelArgs.push(v);
        }
        try {
          return fromExcelResult(impl(...excelArgs));
        } catch (error) {
          return toCellError(error);
        }
      });
    };
    if (matrixResult)
      // A function that returns a matrix is lifted over its required range arguments: it spills in
      // the shape of the largest of them (ABC_CLASS: its values; MATRIX_QUADRANT: strength × attractiveness).
      methods[`${method}_size`] = function (
        this: FunctionPlugin,
        ast: { args: unknown[] },
        state: unknown
      ) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- protected plugin API
        const self = this as any;
        let width = 1;
        let height = 1;
        params.forEach((p, i) => {
          if (p.optional || p.dimensionality !== "matrix" || ast.args[i] === undefined) return;
          const size = self.arraySizeForAst(ast.args[i], state) as ArraySize;
          width = Math.max(width, size.width);
          height = Math.max(height, size.height);
        });
        return new ArraySize(width, height);
      };
  }
  class CarnetPlugin extends FunctionPlugin {
    static override implementedFunctions = implemented as never;
  }
  Object.assign(CarnetPlugin.prototype, methods);
  HyperFormulaClass.registerFunctionPlugin(CarnetPlugin, {
    enGB: translations,
    enUS: translations,
  });
  return CarnetPlugin;
}
