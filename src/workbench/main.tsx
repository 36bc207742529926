/**
 * The workbench page: Carnet without Excel. It loads the shipped functions bundle into HyperFormula,
 * opens the sample workbook, draws the grid and runs the real task pane against the simulated host.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { languageOfTag, type Language } from "../domain/language";
import { createAutomation } from "./automation";
import { loadCarnetFunctions } from "./functions-loader";
import { sampleWorkbook } from "./sample";
import { App } from "./ui/App";
import { INPUT_LOCALES } from "./sim/typed-input";
import { LOCALE_OF_LANGUAGE, Workbench } from "./workbook";

const SAMPLE_TITLE = "Sample sales workbook.xlsx";

const wb = new Workbench();
const params = new URLSearchParams(location.search);
wb.latencyMs = Math.max(0, Number(params.get("latency")) || 0);
// ?lang=fr: Office in French (the pane, the function names, the document's language), with the
// French regional format unless ?locale= says otherwise (?lang=fr&locale=en-US).
wb.language = languageOfTag(params.get("lang")) ?? "en";
const chosenLocale = INPUT_LOCALES.find((locale) => locale === params.get("locale"));
wb.localeChosen = chosenLocale !== undefined;
wb.locale = chosenLocale ?? LOCALE_OF_LANGUAGE[wb.language];
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

/** The top bar's Language: the page's address keeps it, so that a reload stays in that language. */
async function switchLanguage(language: Language): Promise<void> {
  await wb.setLanguage(language);
  const url = new URL(location.href);
  if (language === "en") url.searchParams.delete("lang");
  else url.searchParams.set("lang", language);
  history.replaceState(null, "", url);
}

const ready = (async () => {
  await loadCarnetFunctions("", wb.language);
  await openSample();
  createRoot(container).render(
    <App
      wb={wb}
      onOpenFile={openFile}
      onDownload={download}
      onSample={openSample}
      onLanguage={switchLanguage}
    />
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

window.workbench = createAutomation(wb, ready, switchLanguage);
