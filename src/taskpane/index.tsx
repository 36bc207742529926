import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { excelHost } from "../excel/host";
import { App } from "./App";
import { LanguageProvider, paneLanguageOf } from "./i18n/language";

/* global document, navigator, Office */

function render(inOffice: boolean) {
  const root = createRoot(document.getElementById("container") as HTMLElement);
  // The pane speaks Office's display language (French when it starts with "fr"), read once here.
  const language = paneLanguageOf(
    typeof Office === "undefined" ? navigator.language : Office.context?.displayLanguage
  );
  root.render(
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider value={language}>
        <App host={inOffice ? excelHost : null} />
      </LanguageProvider>
    </FluentProvider>
  );
}

// Outside Office (office.js unreachable or host null) the pane still renders and says so.
if (typeof Office === "undefined") render(false);
else Office.onReady((info) => render(info.host === Office.HostType.Excel));
