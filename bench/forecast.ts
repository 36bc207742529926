/**
 * Reading and forecasting 100,000 deals through Microsoft's Excel client and the simulated Excel host
 * (Excel on the web's limits): the time split between reading, computing and writing, with round
 * trips and the largest payloads (the real request and response bodies).
 */
import { currencyFormatFor } from "../src/excel/plan/currencyFormat";
import { buildForecastPlans } from "../src/excel/plan/forecastPlan";
import { writeOwnedSheets } from "../src/excel/host/owned";
import { readSource } from "../src/excel/host/source";
import { analysePipeline } from "../src/taskpane/pipelineModel";
import { createExcelHost, createMemoryBackend } from "../src/workbench/sim";
import "../test/support/office-client";

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function benchForecast(deals = 100_000): Promise<string[]> {
  const random = mulberry32(7);
  const owners = [
    "Anne Martin",
    "Bruno Costa",
    "Claire Dubois",
    "David Meyer",
    "Emma Rossi",
    "Farid Haddad",
  ];
  const products = [
    "Analytics Suite",
    "Data Connectors",
    "Training",
    "Hardware Kit",
    "Premium Support",
  ];
  const rows: (string | number)[][] = [
    ["Id", "Close date", "Company", "Product", "Owner", "Amount", "Probability"],
  ];
  for (let i = 0; i < deals; i++)
    rows.push([
      `D-${i + 1}`,
      46023 + Math.floor(random() * 365),
      `Company ${Math.floor(random() * 5000)}`,
      products[Math.floor(random() * products.length)],
      owners[Math.floor(random() * owners.length)],
      Math.round(1000 + random() * 99000),
      Math.round(random() * 20) / 20,
    ]);
  const host = createExcelHost(createMemoryBackend({ Deals: rows }));
  const uninstall = host.install();
  try {
    host.selection.set("Deals", "A2");
    let t0 = performance.now();
    const source = await readSource({ kind: "auto" });
    const tRead = performance.now() - t0;
    const readStats = host.stats();
    host.resetStats();

    t0 = performance.now();
    const analysis = analysePipeline(source, {});
    const { plans } = buildForecastPlans({
      source,
      mapping: analysis.mapping,
      deals: analysis.reading.deals,
      periodKind: "quarter",
      stamp: "bench",
      currencyFormat: currencyFormatFor(source, [analysis.mapping.amount], 2),
    });
    const tCompute = performance.now() - t0;

    t0 = performance.now();
    await writeOwnedSheets(plans);
    const tWrite = performance.now() - t0;
    const writeStats = host.stats();
    const total = tRead + tCompute + tWrite;
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
    const share = (t: number) => `${((100 * t) / total).toFixed(0)} %`;
    const pass =
      analysis.reading.deals.length === deals &&
      Math.max(readStats.largestResponseBytes, writeStats.largestRequestBytes) < 5 * 1024 * 1024;
    return [
      `Reading and forecasting ${deals.toLocaleString("en")} deals in the simulated host (Excel on the web's limits)`,
      `  read    ${tRead.toFixed(0)} ms (${share(tRead)}): ${readStats.syncs} round trips, largest response ${mb(readStats.largestResponseBytes)}`,
      `  compute ${tCompute.toFixed(0)} ms (${share(tCompute)}): mapping, reading rules, the forecast tables' P10/P50/P90 over ${analysis.reading.deals.length.toLocaleString("en")} deals`,
      `  write   ${tWrite.toFixed(0)} ms (${share(tWrite)}): ${writeStats.syncs} round trips, largest request ${mb(writeStats.largestRequestBytes)}`,
      `${pass ? "PASS" : "FAIL"}  forecast of ${deals.toLocaleString("en")} deals: every deal read, no payload over 5 MB`,
    ];
  } finally {
    uninstall();
  }
}

if (require.main === module) void benchForecast().then((lines) => console.log(lines.join("\n")));
