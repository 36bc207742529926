/** The Excel side of the pane, gathered as the CarnetHost the views receive. */
import type { CarnetHost } from "../taskpane/host";
import { readObjectives, writeForecast } from "./forecast";
import { readHarvestRanges } from "./matrix";
import { loadSettings, saveSettings, selectAddress } from "./settings";
import { appendSnapshot, readSnapshots } from "./snapshots";
import { readSource } from "./source";

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
};
