/** The `Excel.*` string enums the task pane may reference (`Excel.ChartType.line`...). */
import { CHART_TYPES } from "./chart-data";
import { ErrorCodes } from "./errors";

/** "ColumnClustered" → "columnClustered", "3DPie" → "_3DPie", as the Office.js enum keys read. */
function enumKey(value: string): string {
  return /^[0-9]/.test(value) ? `_${value}` : value[0].toLowerCase() + value.slice(1);
}

function enumOf<V extends string>(values: readonly V[]): Record<string, V> {
  return Object.fromEntries(values.map((value) => [enumKey(value), value]));
}

export const excelEnums = {
  ChartType: { invalid: "Invalid", ...enumOf(CHART_TYPES) } as Record<string, string>,
  ChartSeriesBy: enumOf(["Auto", "Columns", "Rows"]),
  ChartAxisType: enumOf(["Invalid", "Category", "Value", "Series"]),
  ChartLegendPosition: enumOf(["Invalid", "Top", "Bottom", "Left", "Right", "Corner", "Custom"]),
  ClearApplyTo: enumOf(["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks"]),
  SheetVisibility: enumOf(["Visible", "Hidden", "VeryHidden"]),
  RangeValueType: enumOf([
    "Unknown",
    "Empty",
    "String",
    "Integer",
    "Double",
    "Boolean",
    "Error",
    "RichValue",
  ]),
  CalculationMode: enumOf(["Automatic", "AutomaticExceptTables", "Manual"]),
  CalculationType: enumOf(["Recalculate", "Full", "FullRebuild"]),
  EventSource: enumOf(["Local", "Remote"]),
  EventType: enumOf([
    "WorksheetChanged",
    "WorksheetSelectionChanged",
    "WorksheetActivated",
    "TableChanged",
  ]),
  DataChangeType: enumOf([
    "Unknown",
    "RangeEdited",
    "RowInserted",
    "RowDeleted",
    "ColumnInserted",
    "ColumnDeleted",
    "CellInserted",
    "CellDeleted",
  ]),
  ErrorCodes,
};
