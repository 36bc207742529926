/**
 * Adapting Excel's arguments to the domain: ranges arrive as 2-D arrays, scalars as plain values,
 * omitted optional arguments as null or undefined. Domain problems become #VALUE! with their message.
 */
import { type Grid, InputProblem } from "../domain/grid";
import type { CellValue } from "../domain/values";
import { functionMessage } from "./messages";

/** An optional range argument: null when omitted, a 1×1 grid for a single value. */
export function optionalGrid(arg: unknown): Grid | null {
  if (arg === null || arg === undefined) return null;
  if (Array.isArray(arg)) return arg as Grid;
  return [[arg as CellValue]];
}

export function requiredGrid(arg: unknown): Grid {
  return optionalGrid(arg) ?? [[null]];
}

/**
 * A scalar argument; a range of one cell is accepted, a larger range is an error that says so.
 * `name` is the argument as the message calls it, in the message's language.
 */
export function scalar(arg: unknown, name: string): CellValue {
  if (!Array.isArray(arg)) return arg as CellValue;
  const grid = arg as Grid;
  if (grid.length === 1 && grid[0].length === 1) return grid[0][0];
  throw new InputProblem(
    functionMessage("argument.notOneValue", {
      argument: name,
      count: grid.length * (grid[0]?.length ?? 0),
    })
  );
}

/** Runs a domain computation; an InputProblem becomes Excel's #VALUE! carrying the same message. */
export function excelValue<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw asExcelError(error);
  }
}

/**
 * #VALUE! by its text, not `CustomFunctions.ErrorCode.invalidValue`: the ErrorCode object came with
 * CustomFunctionsRuntime 1.3, while an Error with a message needs only 1.2 (the manifest's floor).
 */
const INVALID_VALUE = "#VALUE!" as CustomFunctions.ErrorCode;

/** #DIV/0! by its text (see above): a mean of nothing, as AVERAGE of blank cells gives. */
const DIVISION_BY_ZERO = "#DIV/0!" as CustomFunctions.ErrorCode;

export function divisionByZero(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(DIVISION_BY_ZERO, message);
}

export function asExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof InputProblem || error instanceof RangeError)
    return new CustomFunctions.Error(INVALID_VALUE, error.message);
  if (error instanceof CustomFunctions.Error) return error;
  return new CustomFunctions.Error(INVALID_VALUE, String(error));
}
