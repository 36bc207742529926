/**
 * The pane's choices, kept in the workbook (document settings) so the next session, or a colleague
 * opening the same file, finds them: the source, the column mapping, the stage table, the period.
 *
 * What is read back is checked here before the pane uses it, as the matrix checks its own
 * (matrixModel's storedMatrix): a setting typed by hand, written by an older Carnet or damaged is left
 * out, with a message saying what was left out and what Carnet does instead, never a crash.
 */
import {
  type ColumnMapping,
  type FieldSpec,
  fieldLabelIn,
  PIPELINE_FIELDS,
  type PipelineField,
} from "../../domain/columns";
import { actionIdNumber } from "../../domain/actionPlan/ids";
import { isSemester } from "../../domain/actionPlan/semester";
import { PERIOD_KINDS, type PeriodKind } from "../../domain/pipeline";
import { LANGUAGES, type Language } from "../../domain/language";
import { defaultStageTable, type StageDefault } from "../../domain/stages";
import { type SettingsMessageKey, settingsText } from "./settingsMessages";
import type { SourceChoice } from "./source";

export const SETTINGS_KEY = "carnet.settings";

export interface CarnetSettings {
  readonly source?: SourceChoice;
  /**
   * Column mapping the user confirmed, for the source at `mappingFor` (its address or table name). A
   * field it lacks (added since it was saved, or left out as unreadable) is recognised from the headers.
   */
  readonly mapping?: Partial<ColumnMapping<PipelineField>>;
  readonly mappingFor?: string;
  readonly stageTable?: readonly StageDefault[];
  readonly periodKind?: PeriodKind;
  readonly probabilityScale?: "fraction" | "points";
  /** Dates typed dd/mm/yyyy in this workbook. */
  readonly dayFirst?: boolean;
  /** The month (1–12) the workbook's fiscal year starts; the action plan's semesters start there. */
  readonly fiscalStartMonth?: number;
  /** The action plan's budget envelope by semester ("2027-S1" → 50000). */
  readonly actionPlanEnvelopes?: Readonly<Record<string, number>>;
  /** How many actions one owner can run at once (the plan's capacity check); 3 when not set. */
  readonly actionPlanCapacity?: number;
  /** The last action Id ever issued ("A-0042"), so that a deleted action's Id is never issued again. */
  readonly actionPlanLastId?: string;
  /** The team's collective weight w in [0, 1] (issue 14); CarnetTeamSettings' cell wins over it once written. */
  readonly collectiveWeight?: number;
  /** The team objective the manager set (a positive amount), or null for Σ of the reps' objectives. */
  readonly teamObjective?: number | null;
  /**
   * The language of what Carnet writes into cells (headers, periods, notes), decided the first time
   * it writes a table in the workbook and kept (host/language.ts): renaming a public table's
   * columns would break the user's formulas.
   */
  readonly workbookLanguage?: Language;
  /**
   * Not stored: the document's language as the host found it on loading (the stored workbook
   * language, else Office's content language; absent when unknown). The readings' defaults follow it
   * ({@link stageTableOf}, {@link dayFirstOf}).
   */
  readonly documentLanguage?: Language;
  /** Open-ended: later features add their own keys (the matrix's cut-offs, ...). */
  readonly [key: string]: unknown;
}

/**
 * What the document settings store after a change: the settings as read with `changes` merged in,
 * less what is worked out anew on each load and never stored (documentLanguage). Every write of the
 * settings goes through it.
 */
export function settingsToStore(
  current: CarnetSettings,
  changes: Partial<CarnetSettings>
): CarnetSettings {
  const { documentLanguage: _derived, ...stored } = { ...current, ...changes }; // eslint-disable-line @typescript-eslint/no-unused-vars -- left out: never stored
  return stored;
}

/** The settings as read from the workbook: what the pane can use, and what was left out, in words. */
export interface SettingsReading {
  /** The keys above, checked; any other key (the matrix's) passed on as stored, for its own check. */
  readonly settings: CarnetSettings;
  readonly dropped: readonly string[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
const isColumn = (v: unknown): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 0;
/** A sheet row as Excel numbers it: 1 to 1,048,576. */
const isSheetRow = (v: unknown): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 1048576;

/** A stored value as the messages quote it: its JSON, shortened. */
function quoted(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 39)}…` : json;
}

/** What the settings' readers take: the language of what they say was left out (English by default). */
export interface SettingsOptions {
  readonly language?: Language;
}

/** A message of settingsMessages.ts, in the reader's language. */
type Say = (key: SettingsMessageKey, params?: Readonly<Record<string, string>>) => string;

const sayIn =
  (language: Language = "en"): Say =>
  (key, params = {}) =>
    settingsText(key, params, language);

/** The settings' stored text (or, from an older Carnet, the object itself), checked. */
export function parseSettings(stored: unknown, options: SettingsOptions = {}): SettingsReading {
  if (typeof stored !== "string") return readSettings(stored, options);
  try {
    return readSettings(JSON.parse(stored), options);
  } catch {
    return { settings: {}, dropped: [sayIn(options.language)("damaged")] };
  }
}

type Checked = { readonly set: Record<string, unknown>; readonly dropped: string[] };

/** Parsed settings (any JSON value) checked key by key: what has the right shape is kept. */
export function readSettings(raw: unknown, options: SettingsOptions = {}): SettingsReading {
  const say = sayIn(options.language);
  if (!isObject(raw)) return { settings: {}, dropped: [say("notChoices", { shown: quoted(raw) })] };
  const settings: Record<string, unknown> = { ...raw };
  const dropped: string[] = [];
  const said = (key: SettingsMessageKey) => (shown: string) => say(key, { shown });
  const checks: Checked[] = [
    checkSource(raw.source, say),
    checkMapping(raw.mapping, raw.mappingFor, say, options.language ?? "en"),
    checkStageTable(raw.stageTable, say),
    checkChoice("periodKind", raw.periodKind, PERIOD_KINDS, said("periodKind")),
    checkChoice(
      "probabilityScale",
      raw.probabilityScale,
      ["fraction", "points"],
      said("probabilityScale")
    ),
    checkChoice("dayFirst", raw.dayFirst, [true, false], said("dayFirst")),
    ...actionPlanChecks(raw, say),
    ...teamChecks(raw, say),
    checkChoice("workbookLanguage", raw.workbookLanguage, LANGUAGES, said("workbookLanguage")),
  ];
  for (const check of checks) {
    for (const [key, value] of Object.entries(check.set))
      if (value === undefined) delete settings[key];
      else settings[key] = value;
    dropped.push(...check.dropped);
  }
  return { settings, dropped };
}

function checkSource(value: unknown, say: Say): Checked {
  if (value === undefined) return { set: {}, dropped: [] };
  if (isObject(value)) {
    if (value.kind === "auto") return { set: { source: { kind: "auto" } }, dropped: [] };
    if (value.kind === "table" && isText(value.name))
      return { set: { source: { kind: "table", name: value.name } }, dropped: [] };
    if (value.kind === "region" && isText(value.sheet) && isText(value.cell))
      return {
        set: { source: { kind: "region", sheet: value.sheet, cell: value.cell } },
        dropped: [],
      };
    if (value.kind === "range" && isText(value.address)) {
      const range = { kind: "range", address: value.address };
      if (value.header === undefined) return { set: { source: range }, dropped: [] };
      if (isSheetRow(value.header))
        return { set: { source: { ...range, header: value.header } }, dropped: [] };
      return {
        set: { source: range },
        dropped: [say("headerRow", { shown: quoted(value.header) })],
      };
    }
  }
  return {
    set: { source: undefined },
    dropped: [say("source", { shown: quoted(value) })],
  };
}

function checkMapping(
  mapping: unknown,
  mappingFor: unknown,
  say: Say,
  language: Language
): Checked {
  const none = { mapping: undefined, mappingFor: undefined };
  if (mapping === undefined)
    return { set: typeof mappingFor === "string" ? {} : none, dropped: [] };
  if (!isObject(mapping))
    return { set: none, dropped: [say("mappingNotOne", { shown: quoted(mapping) })] };
  if (typeof mappingFor !== "string") return { set: none, dropped: [say("mappingForNone")] };
  const kept: Partial<Record<PipelineField, number | null>> = {};
  const dropped: string[] = [];
  for (const [field, col] of Object.entries(mapping)) {
    const spec = PIPELINE_FIELDS.find((s) => s.field === field);
    if (!spec) dropped.push(say("mappingUnknownField", { shown: quoted(field) }));
    else if (col === null || isColumn(col)) kept[spec.field] = col;
    else
      dropped.push(
        say("mappingBadColumn", { field: fieldLabelIn(spec, language), shown: quoted(col) })
      );
  }
  return { set: { mapping: kept, mappingFor }, dropped };
}

const isStage = (row: unknown): row is StageDefault =>
  isObject(row) &&
  isText(row.stage) &&
  typeof row.probability === "number" &&
  row.probability >= 0 &&
  row.probability <= 1;

function checkStageTable(value: unknown, say: Say): Checked {
  if (value === undefined) return { set: {}, dropped: [] };
  if (!Array.isArray(value))
    return {
      set: { stageTable: undefined },
      dropped: [say("stagesNotList", { shown: quoted(value) })],
    };
  const kept = value.filter(isStage).map((r) => ({ stage: r.stage, probability: r.probability }));
  const bad = value.flatMap((row, i) => (isStage(row) ? [] : [i + 1]));
  if (bad.length === 0) return { set: { stageTable: kept }, dropped: [] };
  if (kept.length === 0) return { set: { stageTable: undefined }, dropped: [say("stagesNone")] };
  const key = bad.length === 1 ? "stagesBadRow" : "stagesBadRows";
  return { set: { stageTable: kept }, dropped: [say(key, { rows: bad.join(", ") })] };
}

function checkChoice(
  key: string,
  value: unknown,
  allowed: readonly unknown[],
  message: (shown: string) => string
): Checked {
  if (value === undefined || allowed.includes(value)) return { set: {}, dropped: [] };
  return { set: { [key]: undefined }, dropped: [message(quoted(value))] };
}

/** The action plan's settings (issue 13). */
function actionPlanChecks(raw: Record<string, unknown>, say: Say): Checked[] {
  return [
    checkWhole(
      "fiscalStartMonth",
      raw.fiscalStartMonth,
      (v) => v >= 1 && v <= 12,
      (shown) => say("fiscalStartMonth", { shown })
    ),
    checkWhole(
      "actionPlanCapacity",
      raw.actionPlanCapacity,
      (v) => v >= 1,
      (shown) => say("capacity", { shown })
    ),
    checkEnvelopes(raw.actionPlanEnvelopes, say),
    checkLastId(raw.actionPlanLastId, say),
  ];
}

/** A whole number `fits` accepts, else left out with `message`. */
function checkWhole(
  key: string,
  value: unknown,
  fits: (v: number) => boolean,
  message: (shown: string) => string
): Checked {
  if (value === undefined || (typeof value === "number" && Number.isInteger(value) && fits(value)))
    return { set: {}, dropped: [] };
  return { set: { [key]: undefined }, dropped: [message(quoted(value))] };
}

const isEnvelope = (v: unknown): v is number =>
  typeof v === "number" && Number.isFinite(v) && v >= 0;

/** Envelopes by semester: an entry that is not a semester with an amount from 0 is left out, said so. */
function checkEnvelopes(value: unknown, say: Say): Checked {
  if (value === undefined) return { set: {}, dropped: [] };
  if (!isObject(value))
    return {
      set: { actionPlanEnvelopes: undefined },
      dropped: [say("envelopes", { shown: quoted(value) })],
    };
  const kept: Record<string, number> = {};
  const dropped: string[] = [];
  for (const [semester, amount] of Object.entries(value)) {
    if (isSemester(semester) && isEnvelope(amount)) kept[semester] = amount;
    else dropped.push(say("envelope", { semester: quoted(semester), shown: quoted(amount) }));
  }
  return { set: { actionPlanEnvelopes: kept }, dropped };
}

/** The last issued Id must read as one (ids.ts): a damaged one would let a deleted action's Id come back. */
function checkLastId(value: unknown, say: Say): Checked {
  if (value === undefined || (typeof value === "string" && actionIdNumber(value) !== null))
    return { set: {}, dropped: [] };
  return {
    set: { actionPlanLastId: undefined },
    dropped: [say("lastId", { shown: quoted(value) })],
  };
}

/**
 * A stored mapping checked against the table it is for: a column past the table's last means the table
 * changed shape since the mapping was confirmed, so none of it can be trusted. Null when it fits.
 */
export function mappingBeyondTable<F extends string>(
  mapping: Partial<ColumnMapping<F>>,
  fields: readonly FieldSpec<F>[],
  width: number,
  options: SettingsOptions = {}
): string | null {
  const spec = fields.find((s) => (mapping[s.field] ?? -1) >= width);
  if (!spec) return null;
  const language = options.language ?? "en";
  return settingsText(
    "mappingBeyondTable",
    {
      column: String(mapping[spec.field]! + 1),
      field: fieldLabelIn(spec, language),
      width: String(width),
    },
    language
  );
}

/** The team's settings (issue 14): w a share from 0 to 1, the team objective a positive amount or null. */
function teamChecks(raw: Record<string, unknown>, say: Say): Checked[] {
  const weight = raw.collectiveWeight;
  const objective = raw.teamObjective;
  const isWeight = typeof weight === "number" && weight >= 0 && weight <= 1;
  const isObjective =
    objective === null ||
    (typeof objective === "number" && Number.isFinite(objective) && objective > 0);
  return [
    weight === undefined || isWeight
      ? { set: {}, dropped: [] }
      : {
          set: { collectiveWeight: undefined },
          dropped: [say("collectiveWeight", { shown: quoted(weight) })],
        },
    objective === undefined || isObjective
      ? { set: {}, dropped: [] }
      : {
          set: { teamObjective: undefined },
          dropped: [say("teamObjective", { shown: quoted(objective) })],
        },
  ];
}

/**
 * The stage table the deals are read with: the one the user edited and stored, else the default one in
 * the document's language (French names and English synonyms in a French workbook). One place: the
 * pipeline, the team and the stage table editor ask it.
 */
export function stageTableOf(settings: CarnetSettings): readonly StageDefault[] {
  return settings.stageTable ?? defaultStageTable(settings.documentLanguage);
}

/**
 * Whether text dates are read day first: as stored when the user chose, else day first in a French
 * document (dd/mm/yyyy is how French is written), else undecided, so an ambiguous text date is an
 * error that says so (domain/dates.ts) rather than a guess.
 */
export function dayFirstOf(settings: CarnetSettings): boolean | undefined {
  return settings.dayFirst ?? (settings.documentLanguage === "fr" ? true : undefined);
}
