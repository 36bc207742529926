/**
 * The workbench page: Carnet without Excel. It loads the shipped functions bundle into HyperFormula,
 * opens the sample workbook, draws the grid and runs the real task pane against the simulated host.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createAutomation } from "./automation";
import { loadCarnetFunctions } from "./functions-loader";
import { sampleWorkbook } from "./sample";
import { App } from "./ui/App";
import { Workbench } from "./workbook";

const SAMPLE_TITLE = "Sample sales workbook.xlsx";

const wb = new Workbench();
const params = new URLSearchParams(location.search);
wb.latencyMs = Math.max(0, Number(params.get("latency")) || 0);
if (params.get("locale") === "fr-FR") wb.locale = "fr-FR";
const container = document.getElementById("root") as HTMLElement;

async function openFile(file: File): Promise<void> {
  const { readXlsx } = await import("./xlsx");
  const data = await readXlsx(await file.arrayBuffer());
  await wb.open(data, file.name);
}

async function download(): Promise<void> {
  const { writeXlsx } = await import("./xlsx");
  const blob = await writeXlsx(wb);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = /\.xlsx$/i.test(wb.title) ? wb.title : `${wb.title || "Workbook"}.xlsx`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

async function openSample(): Promise<void> {
  await wb.open(sampleWorkbook(), SAMPLE_TITLE);
}

const ready = (async () => {
  await loadCarnetFunctions();
  await openSample();
  createRoot(container).render(
    <App wb={wb} onOpenFile={openFile} onDownload={download} onSample={openSample} />
  );
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
})();

ready.catch((error: unknown) => {
  console.error("The workbench could not start:", error);
  const box = document.createElement("pre");
  box.className = "wb-failed";
  box.textContent = `The workbench could not start.\n\n${error instanceof Error ? error.stack || error.message : String(error)}`;
  container.replaceChildren(box);
});

window.workbench = createAutomation(wb, ready);
