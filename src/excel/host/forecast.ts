/**
 * "Build forecast" end to end on the Excel side: the objectives the user typed last time are read back
 * from Carnet's forecast tables (so a rebuild keeps them), then the plans are written.
 */
import type { ForecastDimension } from "../../domain/forecast";
import {
  FORECAST_TABLES,
  type ForecastBuild,
  forecastPlansSteps,
  forecastRowKey,
} from "../plan/forecastPlan";
import { englishHeaders } from "../plan/workbookText";
import { workbookLanguage } from "./language";
import type { WriteResult } from "../plan/sheetPlan";
import { type WriteOptions, writeOwnedSheets } from "./owned";
import { breathe, type Progress, runStepsAsync } from "../plan/progress";

/** Objectives by forecast table, then by row key ("2003-S1", "Anne"...). Two syncs whatever the size. */
export async function readObjectives(): Promise<Map<string, Map<string, number>>> {
  return Excel.run(async (context) => {
    const dimensions = Object.keys(FORECAST_TABLES) as ForecastDimension[];
    const found = dimensions.map((dimension) => {
      const name = FORECAST_TABLES[dimension].name;
      const table = context.workbook.tables.getItemOrNullObject(name);
      table.load("name");
      return { name, dimension, table };
    });
    await context.sync();
    const bodies = found
      .filter((f) => !f.table.isNullObject)
      .map((f) => {
        const header = f.table.getHeaderRowRange();
        header.load("values");
        const body = f.table.getDataBodyRange();
        body.load("values");
        return { name: f.name, dimension: f.dimension, header, body };
      });
    await context.sync();
    const objectives = new Map<string, Map<string, number>>();
    for (const { name, dimension, header, body } of bodies) {
      // Either language: a French workbook's "Objectif" column and "T1 2027" rows.
      const col = englishHeaders(name, header.values[0] as string[]).indexOf("Objective");
      if (col < 0) continue;
      const byKey = new Map<string, number>();
      for (const row of body.values) {
        const value = row[col];
        if (typeof value === "number" && row[0] !== "")
          byKey.set(forecastRowKey(String(row[0]), dimension), value);
      }
      objectives.set(name, byKey);
    }
    return objectives;
  });
}

export async function writeForecast(
  build: ForecastBuild,
  progress?: Progress,
  signal?: AbortSignal,
  options?: WriteOptions
): Promise<WriteResult & { live: boolean }> {
  const language = await workbookLanguage();
  progress?.("Computing the forecast", 0, 0);
  await breathe(signal);
  const { plans, live } = await runStepsAsync(forecastPlansSteps({ ...build, language }), signal);
  const result = await writeOwnedSheets(plans, progress, signal, options);
  return { ...result, live };
}
