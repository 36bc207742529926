/**
 * Reading and writing CarnetActionPlan's rows (domain.md, "Sales action plan"). The table is Carnet's,
 * but users edit it in Excel: they type, paste, sort, move columns and add rows. The rules, each with
 * why:
 * - Columns are found by their header, English or French ({@link ACTION_PLAN_COLUMNS_FR}), compared
 *   without case, accents or surrounding punctuation (src/domain/columns.ts): a user may move a column;
 *   a missing column is one problem and its values read as blank.
 * - Blank rows are skipped (a user clears a row rather than deleting it).
 * - A row without an Id was added in Excel: it is returned apart, in `unidentified`, for the caller to
 *   give it the next id (src/domain/actionPlan/ids.ts); ids are issued in one place, not here.
 * - An Id already held by an earlier row (compared without case, like every id Carnet reads) is a
 *   problem on the second row, which is left out: it is usually a copied row, and clearing its Id makes
 *   it a new action (the message says so) instead of Carnet guessing which row is the real one.
 * - Text columns keep text as typed (trimmed); a number typed there becomes its text (`String(n)`), so an
 *   id or a phone number typed as a number survives as text; TRUE/FALSE become "TRUE"/"FALSE".
 * - Numbers (Objective, Actual result, Order) follow src/domain/values.ts's readNumber and money
 *   (Budget, Actual cost) its readAmount: text such as `30 000 €` reads as Excel reads it, and
 *   ambiguous text (`1,000`) is a problem that says how to write it.
 * - Start and End must be dates Excel stores (serial numbers). Text is a problem asking to type a date:
 *   `03/04/2027` typed as text could be March or April, and the plan must not guess.
 * - Phase is read without case, in English or French (Planifier, Faire, Vérifier/Contrôler, Agir);
 *   blank is Plan (a new action), anything else is a problem and the action reads as Plan.
 * - Semester must be `YYYY-S1` or `YYYY-S2` (spaces and a lower-case s forgiven); anything else, blank
 *   too, is a problem and the text is kept as typed.
 * A row with a bad cell still gives its action (that field blank, or as said above) and a located
 * problem "<where>: <column> <shown> <why>": leaving the action out would make a save take it for
 * deleted in Excel; the caller shows the problems and does not write the plan back until they are fixed.
 * The problems are said in `options.language` (English by default; planMessages.ts), columns named by
 * their header in that language.
 */
import {
  ACTION_FIELDS,
  ACTION_PLAN_COLUMNS,
  type Action,
  type ActionPlanColumn,
  type Phase,
} from "./action";
import { repeatedKeys } from "../caselessKeys";
import { readDate } from "../dates";
import { normaliseHeader } from "../columns";
import { isBlankCell, readAmount, readNumber, type CellValue, type Reading } from "../values";
import type { Language } from "../language";
import type { SpeakOptions } from "../readingProblems";
import { listed, planText } from "./planMessages";
import { semesterFromText } from "./semester";

/** French headers of a French workbook, in ACTION_PLAN_COLUMNS order (domain.md). */
export const ACTION_PLAN_COLUMNS_FR: Readonly<Record<ActionPlanColumn, string>> = Object.freeze({
  Id: "Id",
  Semester: "Semestre",
  Action: "Action",
  Means: "Moyen",
  Target: "Cible",
  Range: "Gamme",
  Objective: "Objectif",
  Unit: "Unité",
  Owner: "Responsable",
  Start: "Début",
  End: "Fin",
  Order: "Ordre",
  Budget: "Budget",
  Phase: "Phase",
  "Actual result": "Résultat réel",
  "Actual cost": "Coût réel",
  "Corrective action": "Action corrective",
  "Carried from": "Reprise de",
  Comment: "Commentaire",
});

/** How each column's cells are read and how the writer must format them (text columns as text, `@`). */
export type ActionColumnKind = "text" | "number" | "amount" | "date" | "phase" | "semester";

export const ACTION_COLUMN_KINDS: Readonly<Record<ActionPlanColumn, ActionColumnKind>> =
  Object.freeze({
    Id: "text",
    Semester: "semester",
    Action: "text",
    Means: "text",
    Target: "text",
    Range: "text",
    Objective: "number",
    Unit: "text",
    Owner: "text",
    Start: "date",
    End: "date",
    Order: "number",
    Budget: "amount",
    Phase: "phase",
    "Actual result": "number",
    "Actual cost": "amount",
    "Corrective action": "text",
    "Carried from": "text",
    Comment: "text",
  });

/** The phases as a French workbook writes them (domain.md's PDCA: Planifier, Faire, Vérifier, Agir). */
export const PHASES_FR: Readonly<Record<Phase, string>> = Object.freeze({
  Plan: "Planifier",
  Do: "Faire",
  Check: "Vérifier",
  Act: "Agir",
});

/** A phase as the sheets show it in `language` (the reader below takes either). */
export function phaseLabel(phase: Phase, language: Language): string {
  return language === "fr" ? PHASES_FR[phase] : phase;
}

/** Phase names a user may type, normalised (src/domain/columns.ts's normaliseHeader), to the phase. */
const PHASE_NAMES = new Map<string, Phase>([
  ...(Object.keys(PHASES_FR) as Phase[]).flatMap(
    (phase) =>
      [
        [normaliseHeader(phase), phase],
        [normaliseHeader(PHASES_FR[phase]), phase],
      ] as [string, Phase][]
  ),
  ["controler", "Check"],
]);

export interface ActionTableReading {
  /** The identified actions, in row order. */
  actions: Action[];
  /** The row index (in `rows`) of each action's Id. */
  rowOfId: Map<string, number>;
  /** Rows without an Id (added in Excel), with id "". */
  unidentified: { row: number; action: Action }[];
  problems: string[];
}

/**
 * The actions of CarnetActionPlan's body. `rows` are the body's rows; `locate(row, column)` names a
 * cell (row index in `rows`, column index in `headers`) for the problems, as `'Carnet Action Plan'!J7`.
 */
export function actionsFromTable(
  headers: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
  locate: (row: number, column: number) => string,
  options: SpeakOptions = {}
): ActionTableReading {
  const language = options.language ?? "en";
  const columns = actionPlanColumns(headers);
  const reading: ActionTableReading = {
    actions: [],
    rowOfId: new Map(),
    unidentified: [],
    problems: [],
  };
  const missing = ACTION_PLAN_COLUMNS.filter((c) => columns[c] === null);
  if (missing.length > 0) {
    const key = missing.length > 1 ? "rows.missingColumns" : "rows.missingColumn";
    const named = missing.map((column) => headerIn(column, language));
    reading.problems.push(planText(key, { columns: listed(named) }, language));
  }
  const read: { row: number; action: Action; problems: string[] }[] = [];
  rows.forEach((cells, row) => {
    if (cells.every(isBlankCell)) return;
    const { action, problems } = actionFromRow(
      cells,
      columns,
      (column) => locate(row, columns[column] as number),
      language
    );
    read.push({ row, action, problems });
  });
  const repeats = repeatedKeys(read.length, (i) => read[i].action.id || null);
  const firstOf = new Map(repeats.at.map((at, k) => [at, read[repeats.first[k]].row]));
  read.forEach(({ row, action, problems }, i) => {
    reading.problems.push(...problems);
    if (action.id === "") {
      reading.unidentified.push({ row, action });
      return;
    }
    const first = firstOf.get(i);
    if (first !== undefined) {
      const where = locate(row, columns.Id ?? 0);
      const firstAt = locate(first, columns.Id ?? 0);
      reading.problems.push(
        planText("rows.duplicateId", { where, id: action.id, first: firstAt }, language)
      );
      return;
    }
    reading.actions.push(action);
    reading.rowOfId.set(action.id, row);
  });
  return reading;
}

/** One row of CarnetActionPlan, in ACTION_PLAN_COLUMNS order: blank numbers and dates as null. */
export function rowFromAction(action: Action): (string | number | null)[] {
  return ACTION_PLAN_COLUMNS.map((column) => action[ACTION_FIELDS[column]]);
}

/** The headers of the table as Carnet writes it: English, or French when `french`. */
export function actionPlanHeaders(french = false): string[] {
  return ACTION_PLAN_COLUMNS.map((c) => headerIn(c, french ? "fr" : "en"));
}

/** A column's header in `language`: the one rule the messages and the pane name a column by. */
export function headerIn(column: ActionPlanColumn, language: Language): string {
  return language === "fr" ? ACTION_PLAN_COLUMNS_FR[column] : column;
}

// ---------------------------------------------------------------------------------------------------------------

/** Each plan column's index among the table's headers (a user may have moved them), or null. */
export type ActionPlanColumns = Readonly<Record<ActionPlanColumn, number | null>>;
type Columns = ActionPlanColumns;

/**
 * Each column's index by its English or French header; the first header naming a column wins. The one
 * finder: the host writes a field back into the column this read it from.
 */
export function actionPlanColumns(headers: readonly CellValue[]): Columns {
  const names = headers.map(normaliseHeader);
  const columns = {} as Record<ActionPlanColumn, number | null>;
  for (const column of ACTION_PLAN_COLUMNS) {
    const wanted = [normaliseHeader(column), normaliseHeader(ACTION_PLAN_COLUMNS_FR[column])];
    const index = names.findIndex((name) => wanted.includes(name));
    columns[column] = index >= 0 ? index : null;
  }
  return columns;
}

type Fields = { -readonly [K in keyof Action]: Action[K] };

function actionFromRow(
  cells: readonly CellValue[],
  columns: Columns,
  where: (column: ActionPlanColumn) => string,
  language: Language
): { action: Action; problems: string[] } {
  const problems: string[] = [];
  const fields = {} as Fields;
  for (const column of ACTION_PLAN_COLUMNS) {
    const index = columns[column];
    const cell = index === null ? null : cells[index];
    const read = readCell(column, cell, language);
    // A missing column is one problem for the table, not one per row.
    if (read.problem !== undefined && index !== null) {
      const located = { where: where(column), column: headerIn(column, language) };
      problems.push(planText("rows.cell", { ...located, problem: read.problem }, language));
    }
    (fields as Record<string, unknown>)[ACTION_FIELDS[column]] = read.value;
  }
  return { action: fields, problems };
}

type CellRead = { value: string | number | null; problem?: string };

function readCell(column: ActionPlanColumn, cell: CellValue, language: Language): CellRead {
  const speak = { language };
  switch (ACTION_COLUMN_KINDS[column]) {
    case "text":
      return { value: textOf(cell) };
    case "number":
      return fromReading(readNumber(cell, speak), language);
    case "amount":
      return fromReading(readAmount(cell, speak), language);
    case "date":
      return readDateCell(cell, language);
    case "phase":
      return readPhase(cell, language);
    case "semester":
      return readSemester(cell, language);
  }
}

function textOf(cell: CellValue): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE"; // as Excel shows it
  return String(cell).trim();
}

function fromReading(reading: Reading<number>, language: Language): CellRead {
  if (reading.kind === "value") return { value: reading.value };
  if (reading.kind === "blank") return { value: null };
  const said = { shown: reading.shown, problem: reading.problem };
  return { value: null, problem: planText("rows.value", said, language) };
}

/** Excel's date serials as src/domain/dates.ts reads them; text is refused (see the module comment). */
function readDateCell(cell: CellValue, language: Language): CellRead {
  if (typeof cell === "number") return fromReading(readDate(cell, { language }), language);
  if (isBlankCell(cell)) return { value: null };
  return { value: null, problem: planText("rows.dateText", { shown: textOf(cell) }, language) };
}

function readPhase(cell: CellValue, language: Language): CellRead {
  const shown = textOf(cell);
  if (shown === "") return { value: "Plan" };
  const phase = PHASE_NAMES.get(normaliseHeader(shown));
  if (phase !== undefined) return { value: phase };
  return { value: "Plan", problem: planText("rows.notAPhase", { shown }, language) };
}

function readSemester(cell: CellValue, language: Language): CellRead {
  const shown = textOf(cell);
  const semester = semesterFromText(shown);
  if (semester !== null) return { value: semester };
  const key = shown === "" ? "rows.semesterBlank" : "rows.notASemester";
  return { value: shown, problem: planText(key, { shown }, language) };
}
