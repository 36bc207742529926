/**
 * Every member the host answers, by class, as Microsoft's client names it on the wire (PascalCase),
 * with what it is and the ExcelApi requirement set that brought it (from @types/office-js's
 * `[Api set: ExcelApi 1.n]` notes; a test holds the two equal). A member missing here, or above the
 * host's profile, is `ApiNotFound`, as Excel answers a member it lacks. To support a new member, add
 * a line here and the behaviour to its class (the class's camelCase member of the same name).
 *
 * Kinds:
 * - `scalar`: a property loaded by Query and, when `writable`, set by SetProperty;
 * - `nav`: a navigation property (an object), a path of type Property;
 * - `object`: a method returning an object, a path of type Method (`GetRange`, `Add`...);
 * - `method`: a method run by a Method action, returning nothing or a value (`Delete`, `GetCount`);
 * - the collection's indexer (`worksheets.getItem(key)` on the wire) is the member `_Indexer`.
 */

export type MemberKind = "scalar" | "nav" | "object" | "method";

export interface Member {
  readonly kind: MemberKind;
  /** The requirement set, "1.1" when the member came with ExcelApi 1.1. */
  readonly since: string;
  /** For scalars: whether SetProperty may change it. */
  readonly writable?: boolean;
  /** For scalars Excel let add-ins read before it let them set: the set that brought setting. */
  readonly setSince?: string;
  /** For nav, object and indexer members: the class of what it returns. */
  readonly returns?: string;
}

const scalar = (since = "1.1", writable = false): Member => ({ kind: "scalar", since, writable });
const writable = (since = "1.1", setSince?: string): Member =>
  setSince === undefined ? scalar(since, true) : { ...scalar(since, true), setSince };
const nav = (returns: string, since = "1.1"): Member => ({ kind: "nav", since, returns });
const object = (returns: string, since = "1.1"): Member => ({ kind: "object", since, returns });
const method = (since = "1.1"): Member => ({ kind: "method", since });

/** Members of the collections whose items have a key (a name or id), by the item's class. */
function keyedCollection(item: string) {
  return {
    _Indexer: object(item),
    GetItem: object(item),
    GetItemOrNullObject: object(item, "1.4"),
    GetCount: method("1.4"),
  };
}

/** Members of the collections whose items have a position (`count`, `getItemAt`). */
function indexedCollection(item: string) {
  return { GetItemAt: object(item), Count: scalar() };
}

export const MEMBERS: Readonly<Record<string, Readonly<Record<string, Member>>>> = {
  Workbook: {
    Worksheets: nav("WorksheetCollection"),
    Tables: nav("TableCollection"),
    Settings: nav("SettingCollection", "1.4"),
    Application: nav("Application"),
    Name: scalar("1.7"),
    GetSelectedRange: object("Range"),
    GetActiveCell: object("Range", "1.7"),
  },
  Application: {
    CalculationMode: writable("1.1", "1.8"),
    Calculate: method(),
    SuspendApiCalculationUntilNextSync: method("1.6"),
    SuspendScreenUpdatingUntilNextSync: method("1.9"),
  },
  WorksheetCollection: {
    ...keyedCollection("Worksheet"),
    Add: object("Worksheet"),
    GetActiveWorksheet: object("Worksheet"),
    GetFirst: object("Worksheet", "1.5"),
    GetLast: object("Worksheet", "1.5"),
  },
  Worksheet: {
    Id: scalar(),
    Name: writable(),
    Position: writable(),
    Visibility: writable("1.1", "1.2"),
    TabColor: writable("1.7"),
    ShowGridlines: writable("1.8"),
    Tables: nav("TableCollection"),
    Charts: nav("ChartCollection"),
    FreezePanes: nav("WorksheetFreezePanes", "1.7"),
    GetRange: object("Range"),
    GetRangeByIndexes: object("Range", "1.7"),
    GetCell: object("Range"),
    GetUsedRange: object("Range"),
    GetUsedRangeOrNullObject: object("Range", "1.4"),
    Delete: method(),
    Activate: method(),
    Calculate: method("1.6"),
  },
  WorksheetFreezePanes: {
    FreezeRows: method("1.7"),
    FreezeColumns: method("1.7"),
    FreezeAt: method("1.7"),
    Unfreeze: method("1.7"),
  },
  Range: {
    Address: scalar(),
    AddressLocal: scalar(),
    CellCount: scalar(),
    ColumnCount: scalar(),
    ColumnIndex: scalar(),
    RowCount: scalar(),
    RowIndex: scalar(),
    IsEntireColumn: scalar("1.7"),
    IsEntireRow: scalar("1.7"),
    Values: writable(),
    Formulas: writable(),
    FormulasLocal: writable(),
    NumberFormat: writable(),
    NumberFormatLocal: writable("1.7"),
    Text: scalar(),
    ValueTypes: scalar(),
    Worksheet: nav("Worksheet"),
    Format: nav("RangeFormat"),
    GetCell: object("Range"),
    GetResizedRange: object("Range", "1.2"),
    GetOffsetRange: object("Range"),
    GetRow: object("Range"),
    GetColumn: object("Range"),
    GetLastCell: object("Range"),
    GetLastRow: object("Range"),
    GetLastColumn: object("Range"),
    GetRowsAbove: object("Range", "1.2"),
    GetRowsBelow: object("Range", "1.2"),
    GetColumnsBefore: object("Range", "1.2"),
    GetColumnsAfter: object("Range", "1.2"),
    GetEntireColumn: object("Range"),
    GetEntireRow: object("Range"),
    GetUsedRange: object("Range"),
    GetUsedRangeOrNullObject: object("Range", "1.4"),
    GetSurroundingRegion: object("Range", "1.7"),
    GetIntersection: object("Range"),
    GetIntersectionOrNullObject: object("Range", "1.4"),
    GetBoundingRect: object("Range"),
    Insert: object("Range"),
    Clear: method(),
    Delete: method(),
    Select: method(),
    Calculate: method("1.6"),
  },
  RangeFormat: {
    ColumnWidth: writable("1.2"),
    RowHeight: writable("1.2"),
    HorizontalAlignment: writable(),
    VerticalAlignment: writable(),
    WrapText: writable(),
    Font: nav("RangeFont"),
    Fill: nav("RangeFill"),
    AutofitColumns: method("1.2"),
    AutofitRows: method("1.2"),
  },
  RangeFont: {
    Bold: writable(),
    Italic: writable(),
    Color: writable(),
    Name: writable(),
    Size: writable(),
    Underline: writable(),
  },
  RangeFill: {
    Color: writable(),
    Clear: method(),
  },
  TableCollection: {
    ...keyedCollection("Table"),
    ...indexedCollection("Table"),
    Add: object("Table"),
  },
  Table: {
    Id: scalar(),
    LegacyId: scalar("1.8"),
    Name: writable(),
    ShowHeaders: writable(),
    ShowTotals: writable(),
    Style: writable(),
    HighlightFirstColumn: writable("1.3"),
    HighlightLastColumn: writable("1.3"),
    ShowBandedColumns: writable("1.3"),
    ShowBandedRows: writable("1.3"),
    ShowFilterButton: writable("1.3"),
    Columns: nav("TableColumnCollection"),
    Rows: nav("TableRowCollection"),
    Worksheet: nav("Worksheet", "1.2"),
    GetRange: object("Range"),
    GetHeaderRowRange: object("Range"),
    GetDataBodyRange: object("Range"),
    GetTotalRowRange: object("Range"),
    ConvertToRange: object("Range", "1.2"),
    Delete: method(),
    Resize: method("1.13"),
    ClearFilters: method("1.2"),
    ReapplyFilters: method("1.2"),
  },
  TableColumnCollection: {
    ...keyedCollection("TableColumn"),
    ...indexedCollection("TableColumn"),
    Add: object("TableColumn"),
  },
  TableColumn: {
    Id: scalar(),
    Index: scalar(),
    Name: writable("1.1", "1.4"),
    Values: writable(),
    GetRange: object("Range"),
    GetHeaderRowRange: object("Range"),
    GetDataBodyRange: object("Range"),
    Delete: method(),
  },
  TableRowCollection: {
    ...indexedCollection("TableRow"),
    GetCount: method("1.4"),
    Add: object("TableRow"),
    DeleteRowsAt: method("ExcelApiOnline 1.1"),
  },
  TableRow: {
    Index: scalar(),
    Values: writable(),
    GetRange: object("Range"),
    Delete: method(),
  },
  ChartCollection: {
    ...keyedCollection("Chart"),
    ...indexedCollection("Chart"),
    Add: object("Chart"),
  },
  Chart: {
    Id: scalar("1.7"),
    Name: writable(),
    ChartType: writable("1.7"),
    Top: writable(),
    Left: writable(),
    Width: writable(),
    Height: writable(),
    Title: nav("ChartTitle"),
    Legend: nav("ChartLegend"),
    DataLabels: nav("ChartDataLabels"),
    Axes: nav("ChartAxes"),
    Series: nav("ChartSeriesCollection"),
    Worksheet: nav("Worksheet", "1.2"),
    SetPosition: method(),
    SetData: method(),
    Delete: method(),
    Activate: method("1.9"),
  },
  ChartTitle: {
    Text: writable(),
    Visible: writable(),
    Overlay: writable(),
  },
  ChartLegend: {
    Visible: writable(),
    Position: writable(),
    Overlay: writable(),
  },
  ChartDataLabels: {
    Position: writable(),
    ShowValue: writable(),
    ShowSeriesName: writable(),
    ShowCategoryName: writable(),
    ShowLegendKey: writable(),
    ShowPercentage: writable(),
    NumberFormat: writable("1.8"),
  },
  ChartAxes: {
    CategoryAxis: nav("ChartAxis"),
    ValueAxis: nav("ChartAxis"),
    SeriesAxis: nav("ChartAxis"),
    GetItem: object("ChartAxis", "1.7"),
  },
  ChartAxis: {
    Minimum: writable(),
    Maximum: writable(),
    MajorUnit: writable(),
    MinorUnit: writable(),
    NumberFormat: writable("1.8"),
    Visible: writable("1.7"),
    ReversePlotOrder: writable("1.7"),
    Title: nav("ChartAxisTitle"),
  },
  ChartAxisTitle: {
    Text: writable(),
    Visible: writable(),
  },
  ChartSeriesCollection: {
    ...indexedCollection("ChartSeries"),
    GetCount: method("1.4"),
    Add: object("ChartSeries", "1.7"),
  },
  ChartSeries: {
    Name: writable(),
    ChartType: writable("1.7"),
    HasDataLabels: writable("1.7"),
    Format: nav("ChartSeriesFormat"),
    SetValues: method("1.7"),
    SetXAxisValues: method("1.7"),
    SetBubbleSizes: method("1.7"),
    Delete: method("1.7"),
  },
  ChartSeriesFormat: {
    Fill: nav("ChartFill"),
  },
  ChartFill: {
    SetSolidColor: method(),
    Clear: method(),
  },
  SettingCollection: {
    _Indexer: object("Setting", "1.4"),
    GetItem: object("Setting", "1.4"),
    GetItemOrNullObject: object("Setting", "1.4"),
    GetCount: method("1.4"),
    Add: object("Setting", "1.4"),
  },
  Setting: {
    Key: scalar("1.4"),
    Value: writable("1.4"),
    Delete: method("1.4"),
  },
};

/** "1.13" ≤ "1.7" is false: requirement sets compare by minor version as numbers. */
export function versionAtMost(version: string, highest: string): boolean {
  const [a, b] = [version, highest].map((v) => v.split(".").map(Number));
  return a[0] < b[0] || (a[0] === b[0] && (a[1] ?? 0) <= (b[1] ?? 0));
}

/** The member, or null when the class has none of that name (on the wire, `ApiNotFound`). */
export function memberOf(className: string, wireName: string): Member | null {
  return MEMBERS[className]?.[wireName] ?? null;
}
