/**
 * The simulated Excel host as the workbench uses it: one per open workbook, shared with the task
 * pane's iframe through `window.carnetHost` (the pane's page loads Microsoft's client and calls
 * `carnetHost.install(window)`, so its requests come here).
 */
import { createExcelHost, type ExcelHost, type InputLocale, type WorkbookBackend } from "./sim";

export type { ChartInfo, SeriesInfo, TableInfo } from "./sim";
export type { ExcelHost };

declare global {
  interface Window {
    carnetHost?: ExcelHost;
  }
}

/** What the workbench sets of a host: its delay, and the Office and region it runs in. */
export interface WorkbenchHostOptions {
  latencyMs?: number;
  locale?: InputLocale;
  /** Office's display language ("fr-FR"): the pane's. */
  displayLanguage?: string;
  /** The document's language ("fr-FR"): the workbook language Carnet decides from it. */
  contentLanguage?: string;
}

/** Undoes the previous workbook's host installation in this page. */
let uninstallPrevious: (() => void) | undefined;

export function createWorkbenchHost(
  backend: WorkbookBackend,
  workbookName: string,
  options: WorkbenchHostOptions = {}
): ExcelHost {
  const host = createExcelHost(backend, { workbookName, ...options });
  window.carnetHost = host;
  // The custom functions run in this page, as in a shared runtime: their messages ask
  // Office.context.displayLanguage, which the page's own client answers from the open workbook's host.
  uninstallPrevious?.();
  uninstallPrevious = host.install(window as never);
  return host;
}

/** Creates tables through the Office.js API itself, as a user's "Format as Table" would. */
export async function addTables(
  host: ExcelHost,
  tables: Array<{ sheet: string; name: string; address: string }>
): Promise<void> {
  const Excel = host.Excel as unknown as typeof globalThis.Excel;
  await Excel.run(async (context) => {
    for (const { sheet, name, address } of tables) {
      const table = context.workbook.worksheets.getItem(sheet).tables.add(address, true);
      table.name = name;
    }
    await context.sync();
  });
}
