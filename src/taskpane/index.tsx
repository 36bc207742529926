import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { excelHost } from "../excel/host";
import { App } from "./App";

/* global document, Office */

function render(inOffice: boolean) {
  const root = createRoot(document.getElementById("container") as HTMLElement);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App host={inOffice ? excelHost : null} />
    </FluentProvider>
  );
}

// Outside Office (office.js unreachable or host null) the pane still renders and says so.
if (typeof Office === "undefined") render(false);
else Office.onReady((info) => render(info.host === Office.HostType.Excel));
