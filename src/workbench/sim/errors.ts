/**
 * The errors Office.js raises, with the codes and messages of `OfficeExtension.Error`, so the task
 * pane's error handling (which switches on `error.code`) is exercised as it would be in Excel.
 */

export const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidObjectPath: "InvalidObjectPath",
  invalidReference: "InvalidReference",
  invalidRequestContext: "InvalidRequestContext",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  notImplemented: "NotImplemented",
  operationCellsExceedLimit: "OperationCellsExceedLimit",
  propertyNotLoaded: "PropertyNotLoaded",
  rangeExceedsLimit: "RangeExceedsLimit",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  runMustReturnPromise: "RunMustReturnPromise",
  valueNotLoaded: "ValueNotLoaded",
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/**
 * The payload limits are transport failures in Excel on the web: Microsoft's client reports them with
 * these strings of its own (`L_RequestPayloadSizeLimitExceededMessage` in office_strings.js).
 */
const PAYLOAD_DOC =
  '"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".';

/**
 * Excel's default message for each code (English), as "Error handling with the application-specific
 * JavaScript APIs" lists them.
 */
const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound:
    "The API you are trying to use could not be found. It may be available in a newer version of the Office application. " +
    "See Office client application and platform availability for Office Add-ins for more information.",
  GeneralException: "There was an internal error while processing the request.",
  InsertDeleteConflict: "The insert or delete operation attempted resulted in a conflict.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidObjectPath: "The object path isn't working for what you're trying to do.",
  InvalidReference: "This reference is not valid for the current operation.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  NotImplemented: "The requested feature isn't implemented.",
  OperationCellsExceedLimit:
    "The attempted operation affects more than the limit of 33554000 cells.",
  PropertyNotLoaded: "The property is not available.",
  RangeExceedsLimit:
    "The cell count in the range has exceeded the maximum supported number. " +
    "See the Resource limits and performance optimization for Office Add-ins article for more information.",
  RequestPayloadSizeLimitExceeded: `The request payload size has exceeded the limit. Please refer to the documentation: ${PAYLOAD_DOC}`,
  ResponsePayloadSizeLimitExceeded: `The response payload size has exceeded the limit. Please refer to the documentation: ${PAYLOAD_DOC}`,
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, ' +
    "so that any automatically-tracked objects can be released at the completion of the batch operation.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" ' +
    "on the associated request context.",
};

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  innerError?: DebugInfo | string;
}

/**
 * `OfficeExtension.Error`. Its name is "RichApi.Error" as in Office.js, so a stack or a log line
 * reads the same as in Excel.
 */
export class OfficeExtensionError extends Error {
  readonly code: string;
  readonly debugInfo: DebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: OfficeExtensionError | null = null;

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo =
      errorLocation === undefined ? { code, message } : { code, message, errorLocation };
    // Keeps `instanceof` working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** An error with Excel's default message for the code, or a more specific one. */
export function officeError(
  code: ErrorCode,
  errorLocation?: string,
  message?: string
): OfficeExtensionError {
  return new OfficeExtensionError(code, message ?? DEFAULT_MESSAGES[code], errorLocation);
}

export function propertyNotLoaded(property: string, typeName: string): OfficeExtensionError {
  return new OfficeExtensionError(
    ErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the ` +
      'containing object and call "context.sync()" on the associated request context.',
    `${typeName}.${property}`
  );
}

/**
 * Anything thrown while a batch runs becomes an `OfficeExtension.Error`: Excel never surfaces a raw
 * exception from its side of the request.
 */
export function asOfficeError(error: unknown, errorLocation: string): OfficeExtensionError {
  if (error instanceof OfficeExtensionError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return officeError(
    ErrorCodes.generalException,
    errorLocation,
    `${DEFAULT_MESSAGES.GeneralException} (${detail})`
  );
}
