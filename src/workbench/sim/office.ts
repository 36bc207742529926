/**
 * The `Office` namespace as an add-in running in Excel sees it: `onReady`, the host and platform,
 * requirement sets, document settings.
 */
import { createDocumentSettings, type SettingsStore } from "./settings";

export const HostType = {
  Word: "Word",
  Excel: "Excel",
  PowerPoint: "PowerPoint",
  Outlook: "Outlook",
  OneNote: "OneNote",
  Project: "Project",
  Access: "Access",
} as const;

export const PlatformType = {
  PC: "PC",
  OfficeOnline: "OfficeOnline",
  Mac: "Mac",
  iOS: "iOS",
  Android: "Android",
  Universal: "Universal",
} as const;

export type Platform = (typeof PlatformType)[keyof typeof PlatformType];

/** Requirement sets and the highest version the simulated host reports (Excel on the web, 2025). */
export const DEFAULT_REQUIREMENT_SETS: Record<string, string> = {
  ExcelApi: "1.17",
  ExcelApiOnline: "1.1",
  CustomFunctionsRuntime: "1.4",
  SharedRuntime: "1.1",
  DialogApi: "1.2",
  RibbonApi: "1.1",
  Settings: "1.1",
};

function versionParts(version: string | number | undefined): [number, number] {
  const [major, minor] = String(version ?? "1.1").split(".");
  return [Number(major) || 0, Number(minor ?? 0) || 0];
}

/** True when `name` is supported at `minVersion` or above (Office accepts "1.4" or 1.4). */
export function isSetSupported(
  sets: Record<string, string>,
  name: string,
  minVersion?: string | number
): boolean {
  const entry = Object.entries(sets).find(
    ([key]) => key.toLowerCase() === String(name).toLowerCase()
  );
  if (!entry) return false;
  const [wantMajor, wantMinor] = versionParts(minVersion);
  const [haveMajor, haveMinor] = versionParts(entry[1]);
  return haveMajor > wantMajor || (haveMajor === wantMajor && haveMinor >= wantMinor);
}

export interface OfficeOptions {
  platform: Platform;
  requirementSets: Record<string, string>;
  displayLanguage: string;
}

export function createOffice(settings: SettingsStore, options: OfficeOptions) {
  const info = { host: HostType.Excel, platform: options.platform };
  let initialized = false;
  const office = {
    HostType,
    PlatformType,
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } as const,
    EventType: {
      SettingsChanged: "settingsChanged",
      DocumentSelectionChanged: "documentSelectionChanged",
    } as const,
    CoercionType: { Text: "text", Matrix: "matrix", Table: "table" } as const,
    /**
     * Set by add-ins that use the older start-up pattern. Office.js calls it once loaded; here the
     * first `onReady` call does (the simulator is "loaded" when the page asks).
     */
    initialize: undefined as ((reason?: unknown) => void) | undefined,
    onReady(
      callback?: (info: { host: string; platform: string }) => void
    ): Promise<{ host: string; platform: string }> {
      return new Promise((resolve) =>
        setTimeout(() => {
          if (office.initialize && !initialized) {
            initialized = true;
            office.initialize("inserted");
          }
          callback?.(info);
          resolve(info);
        }, 0)
      );
    },
    context: {
      host: HostType.Excel,
      platform: options.platform,
      displayLanguage: options.displayLanguage,
      contentLanguage: options.displayLanguage,
      diagnostics: { host: HostType.Excel, platform: options.platform, version: "16.0.0.0" },
      requirements: {
        isSetSupported: (name: string, minVersion?: string | number) =>
          isSetSupported(options.requirementSets, name, minVersion),
      },
      document: { settings: createDocumentSettings(settings), mode: "readWrite", url: "" },
    },
  };
  return office;
}

export type SimulatedOffice = ReturnType<typeof createOffice>;
