/**
 * The `CustomFunctions` global that Excel's JavaScript-only runtime gives a functions bundle, for
 * running the shipped `functions.js` outside Excel (workbench and tests). The built bundle calls
 * `CustomFunctions.associate(id, fn)` for each function (added by custom-functions-metadata-plugin);
 * the shim collects them, so the very code Excel would run is what the engine calls.
 */

/** Excel's error codes, as @types/custom-functions-runtime declares them. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

export class CustomFunctionError extends Error {
  constructor(
    readonly code: ErrorCodeValue,
    message?: string
  ) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- custom functions take any arguments
export type Implementation = (...args: any[]) => unknown;

export interface CustomFunctionsShim {
  readonly Error: typeof CustomFunctionError;
  readonly ErrorCode: typeof ErrorCode;
  associate(id: string | Record<string, Implementation>, fn?: Implementation): void;
  /** What the bundle associated, by upper-case id. */
  readonly implementations: Map<string, Implementation>;
}

export function createCustomFunctionsShim(): CustomFunctionsShim {
  const implementations = new Map<string, Implementation>();
  return {
    Error: CustomFunctionError,
    ErrorCode,
    implementations,
    associate(id, fn) {
      if (typeof id === "string") {
        if (fn) implementations.set(id.toUpperCase(), fn);
      } else
        for (const [key, value] of Object.entries(id))
          implementations.set(key.toUpperCase(), value);
    },
  };
}
