/**
 * What the host tells Office about itself: its platform and the requirement sets it supports
 * (`Office.context.requirements.isSetSupported` answers from them, see client.ts).
 */

/** `Office.HostType`, which office.js's loader defines and Microsoft's Excel client alone does not. */
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
