/**
 * The errors the host answers, with Excel's codes and messages. A failing statement's error goes back
 * in the response (richapi.ts), and Microsoft's client raises it as an `OfficeExtension.Error`, so
 * the task pane's error handling (which switches on `error.code`) is exercised as it would be in
 * Excel. Errors the client raises itself (PropertyNotLoaded, ValueNotLoaded...) are not here.
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
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  notImplemented: "NotImplemented",
  operationCellsExceedLimit: "OperationCellsExceedLimit",
  rangeExceedsLimit: "RangeExceedsLimit",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
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
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  NotImplemented: "The requested feature isn't implemented.",
  OperationCellsExceedLimit:
    "The attempted operation affects more than the limit of 33554000 cells.",
  RangeExceedsLimit:
    "The cell count in the range has exceeded the maximum supported number. " +
    "See the Resource limits and performance optimization for Office Add-ins article for more information.",
  RequestPayloadSizeLimitExceeded: `The request payload size has exceeded the limit. Please refer to the documentation: ${PAYLOAD_DOC}`,
  ResponsePayloadSizeLimitExceeded: `The response payload size has exceeded the limit. Please refer to the documentation: ${PAYLOAD_DOC}`,
};

/** An error Excel answers: its code, message and where it happened ("Range.values"). */
export class ExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly location?: string
  ) {
    super(message);
    this.name = "ExcelError";
    // Keeps `instanceof` working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** An error with Excel's default message for the code, or a more specific one. */
export function officeError(code: ErrorCode, location?: string, message?: string): ExcelError {
  return new ExcelError(code, message ?? DEFAULT_MESSAGES[code], location);
}

/**
 * Anything thrown while a request runs becomes an Excel error (a GeneralException when it is not
 * one already): Excel never surfaces a raw exception from its side of the request.
 */
export function asOfficeError(error: unknown, location: string): ExcelError {
  if (error instanceof ExcelError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return officeError(
    ErrorCodes.generalException,
    location,
    `${DEFAULT_MESSAGES.GeneralException} (${detail})`
  );
}
