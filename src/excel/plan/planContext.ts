/**
 * What the action plan's checks need from the rest of the workbook (contract.ts's PlanContext), worked
 * out from what the host read: CarnetPipeline's cells and the matrix's zones. Which deals count, their
 * weighted amount, and how names and product ranges match are the domain's rules, asked here, never
 * restated: pipelineTable.ts reads the deals, countingRows.ts weighs them, pipeline.ts's inPeriod
 * places a close date in a semester, names.ts groups owners, productRanges.ts's rangeKey matches a
 * deal's product to a matrix range (as harvest.ts does).
 */
import type { PlanContext } from "../../domain/actionPlan/contract";
import { sumMoney } from "../../domain/actionPlan/money";
import { caselessMap, groupByName } from "../../domain/actionPlan/names";
import { previousSemester, semesterBounds } from "../../domain/actionPlan/semester";
import { PIPELINE_FIELDS, recogniseColumns } from "../../domain/columns";
import { wonAmount, weightedAmount } from "../../domain/countingRows";
import type { Deal } from "../../domain/deal";
import type { Zone } from "../../domain/matrix";
import { inPeriod } from "../../domain/pipeline";
import { readPipelineRows } from "../../domain/pipelineTable";
import { rangeKey } from "../../domain/productRanges";
import type { CellValue } from "../../domain/values";

export type RangeZones = ReadonlyMap<string, { readonly cell: string; readonly zone: Zone }>;

/** CarnetPipeline's header and rows as read, or null when the workbook has none. */
export interface PipelineCells {
  readonly headers: readonly CellValue[];
  readonly rows: readonly (readonly CellValue[])[];
}

/**
 * The checks' inputs for `semester`: the team (the pipeline's owners), the weighted open pipeline
 * closing in the semester and what was won in the one before, by owner and by product range (the
 * matrix's name of the range when a deal's product is one, else the product as read). No pipeline:
 * no team and no figures; no matrix: no zones, and ranges by product.
 */
export function planContextOf(
  pipeline: PipelineCells | null,
  zones: RangeZones,
  semester: string,
  fiscalStartMonth: number
): PlanContext {
  const deals = pipeline
    ? readPipelineRows(pipeline.rows, recogniseColumns(pipeline.headers, PIPELINE_FIELDS), {
        header: pipeline.headers,
      }).deals
    : [];
  const now = periodOf(semesterBounds(semester, fiscalStartMonth));
  const before = periodOf(semesterBounds(previousSemester(semester), fiscalStartMonth));
  // Each rep and product under the pipeline's first spelling of it, in every figure (names.ts).
  const ownerOf = firstSpelling(deals.map((d) => d.owner));
  const rangeOf = productToRange(zones, firstSpelling(deals.map((d) => d.product)));
  const weighted = (d: Deal) => (now(d) ? weightedAmount(d) : null);
  const won = (d: Deal) => (before(d) ? wonAmount(d) : null);
  const owner = (d: Deal) => ownerOf(d.owner);
  return {
    zones,
    team: [
      ...groupByName(
        deals.filter((d) => owner(d) !== null),
        (d) => owner(d)!
      ).keys(),
    ],
    weightedByOwner: sumBy(deals, owner, weighted),
    weightedByRange: sumBy(deals, rangeOf, weighted),
    wonPreviousByOwner: sumBy(deals, owner, won),
    wonPreviousByRange: sumBy(deals, rangeOf, won),
  };
}

/** A name as first spelt among `names` (matched as names.ts matches them); null for a blank one. */
function firstSpelling(names: readonly (string | null)[]): (name: string | null) => string | null {
  const spelling = caselessMap(
    names.filter((n): n is string => n !== null && n.trim() !== "").map((n) => [n, n.trim()])
  );
  return (name) => (name === null ? null : (spelling.get(name) ?? null));
}

/** Whether a deal closes within the bounds (pipeline.ts's rule: no close date, no period). */
function periodOf(bounds: { start: number; end: number }): (deal: Deal) => boolean {
  return (deal) => inPeriod(deal.closeDate, { from: bounds.start, to: bounds.end });
}

/** A deal's product range: the matrix's name for its product (rangeKey), else the product as first spelt. */
function productToRange(
  zones: RangeZones,
  productOf: (name: string | null) => string | null
): (deal: Deal) => string | null {
  const names = new Map([...zones.keys()].map((name) => [rangeKey(name), name]));
  return (deal) =>
    deal.product === null ? null : (names.get(rangeKey(deal.product)) ?? productOf(deal.product));
}

/** Σ of a figure by a name (names.ts's grouping, to the cent), the deals without a name or figure left out. */
function sumBy(
  deals: readonly Deal[],
  nameOf: (deal: Deal) => string | null,
  figureOf: (deal: Deal) => number | null
): Map<string, number> {
  const counted = deals.filter((d) => figureOf(d) !== null && (nameOf(d) ?? "").trim() !== "");
  const groups = groupByName(counted, (d) => nameOf(d)!);
  return new Map([...groups].map(([name, group]) => [name, sumMoney(group.map(figureOf))]));
}
