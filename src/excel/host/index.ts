/** The Excel side of the pane: the port the views receive, implemented with Office.js. */
import type { CarnetHost } from "../port";
import {
  readActionPlan,
  readPlanContext,
  saveActionPlan,
  writeActionPlanReview,
} from "./actionPlan";
import { readObjectives, writeForecast } from "./forecast";
import { readHarvestRanges, readPipelineTable, writeMatrix } from "./matrix";
import { loadSettings, saveSettings, selectAddress } from "./settings";
import { appendSnapshot, readSnapshots } from "./snapshots";
import { readSource } from "./source";
import { readTeam, writeCalibration, writeTeam } from "./team";

export const excelHost: CarnetHost = {
  loadSettings,
  saveSettings,
  readSource,
  select: selectAddress,
  readObjectives,
  writeForecast,
  appendSnapshot,
  readSnapshots,
  readHarvestRanges,
  readPipeline: readPipelineTable,
  writeMatrix,
  readActionPlan,
  saveActionPlan,
  readPlanContext,
  writeActionPlanReview,
  readTeam,
  writeTeam,
  writeCalibration,
};
