/**
 * Which product ranges the matrix places in which zone, read back from the workbook for the
 * pipeline's Issues column (Harvest / divest) and the action plan's checks (every placed range). The
 * zones are computed again with the domain from CarnetMatrix's figures (market share, leader share, margin: plain references to the user's table, which Excel
 * computes at once) and CarnetMatrixSettings' cut-offs, never read from the Zone column: its CARNET
 * formulas are custom functions, which Excel computes asynchronously (a cell may read #BUSY!, or a
 * stale zone in manual calculation).
 */
import type { Cuts, Zone } from "../../domain/matrix";
import { type MatrixSettings, settingsProblem } from "../../domain/matrixSettings";
import { type MatrixRow, portfolioMatrix } from "../../domain/portfolioMatrix";
import { productRange, rangeKey } from "../../domain/productRanges";

type Cells = readonly (readonly unknown[])[];

function figure(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** The settings CarnetMatrixSettings holds (its Value column, in the order the plan writes it). */
function settingsFrom(headers: readonly unknown[], settingsBody: Cells): MatrixSettings | null {
  const [low, high, a, b] = settingsBody.map((row) => figure(row[1]));
  if (low === null || high === null || a === null || b === null) return null;
  const strengthCuts: Cuts = { low, high };
  const settings: MatrixSettings = {
    strengthCuts,
    abcShares: { a, b },
    measure: headers.includes("Relative share") ? "relative" : "share",
  };
  return settingsProblem(settings) === null ? settings : null;
}

/**
 * The matrix's rows as the domain classifies them again from CarnetMatrix's header and body values and
 * CarnetMatrixSettings' body values as Excel returns them; null when the tables are not Carnet's shape
 * or their settings cannot be read.
 */
function readBackRows(
  headers: readonly unknown[],
  body: Cells,
  settingsBody: Cells
): MatrixRow[] | null {
  const settings = settingsFrom(headers, settingsBody);
  const col = (name: string) => headers.indexOf(name);
  const [name, share, leader, margin] = ["Range", "Market share", "Leader share", "Margin"].map(
    col
  );
  if (settings === null || name < 0 || share < 0 || margin < 0) return null;
  const ranges = body
    .filter((row) => typeof row[name] === "string" && String(row[name]).trim() !== "")
    .map((row, i) =>
      productRange({
        row: i,
        name: String(row[name]),
        marketShare: figure(row[share]),
        shareSource: figure(row[share]) === null ? null : "given",
        leaderShare: leader < 0 ? null : figure(row[leader]),
        margin: figure(row[margin]),
      })
    );
  return portfolioMatrix(ranges, settings);
}

/**
 * The names (as rangeKey gives them) of the ranges in the Harvest / divest zone, from CarnetMatrix's
 * header and body values and CarnetMatrixSettings' body values as Excel returns them. Empty when the
 * tables are not Carnet's shape or their settings cannot be read.
 */
export function harvestRangeKeys(
  headers: readonly unknown[],
  body: Cells,
  settingsBody: Cells
): Set<string> {
  return new Set(
    (readBackRows(headers, body, settingsBody) ?? [])
      .filter((row) => row.zone === "Harvest / divest")
      .map((row) => rangeKey(row.range.name))
  );
}

/**
 * Each placed range's nine-box cell and zone, by its name as CarnetMatrix holds it (the action plan's
 * checks), from the same values; empty when they cannot be read. A range without a cell (no share or
 * no margin) is not placed, so not listed.
 */
export function rangeZones(
  headers: readonly unknown[],
  body: Cells,
  settingsBody: Cells
): Map<string, { cell: string; zone: Zone }> {
  const zones = new Map<string, { cell: string; zone: Zone }>();
  for (const row of readBackRows(headers, body, settingsBody) ?? [])
    if (row.cell !== null && row.zone !== null)
      zones.set(row.range.name, { cell: row.cell, zone: row.zone });
  return zones;
}
