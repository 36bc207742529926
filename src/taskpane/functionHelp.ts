/**
 * What the pane tells about each custom function: its syntax and one worked example from the handbook.
 * The syntax is the English one (the function's public name); what it does and its example are the
 * catalogue's (`app.fn.<id>.summary`, `app.fn.<id>.example`), in the pane's language.
 */
import type { Language } from "../domain/language";
import type { MessageKey } from "./i18n/messages";

export type FunctionId =
  | "WEIGHTED_PIPELINE"
  | "PIPELINE_PROBABILITY"
  | "PIPELINE_QUANTILE"
  | "ABC_CLASS"
  | "MATRIX_QUADRANT"
  | "AMOUNT"
  | "BRIER";

export interface FunctionHelp {
  /** The function's id, which is also its English name. */
  readonly name: FunctionId;
  readonly syntax: string;
  readonly summary: MessageKey;
  readonly example: MessageKey;
}

export const FUNCTION_HELP: ReadonlyArray<FunctionHelp> = [
  {
    name: "WEIGHTED_PIPELINE",
    syntax: "=CARNET.WEIGHTED_PIPELINE(amounts, probabilities, [close_dates], [from], [to])",
    summary: "app.fn.WEIGHTED_PIPELINE.summary",
    example: "app.fn.WEIGHTED_PIPELINE.example",
  },
  {
    name: "PIPELINE_PROBABILITY",
    syntax:
      "=CARNET.PIPELINE_PROBABILITY(amounts, probabilities, target, [close_dates], [from], [to])",
    summary: "app.fn.PIPELINE_PROBABILITY.summary",
    example: "app.fn.PIPELINE_PROBABILITY.example",
  },
  {
    name: "PIPELINE_QUANTILE",
    syntax: "=CARNET.PIPELINE_QUANTILE(amounts, probabilities, q, [close_dates], [from], [to])",
    summary: "app.fn.PIPELINE_QUANTILE.summary",
    example: "app.fn.PIPELINE_QUANTILE.example",
  },
  {
    name: "ABC_CLASS",
    syntax: "=CARNET.ABC_CLASS(values, [a_share], [b_share])",
    summary: "app.fn.ABC_CLASS.summary",
    example: "app.fn.ABC_CLASS.example",
  },
  {
    name: "MATRIX_QUADRANT",
    syntax:
      "=CARNET.MATRIX_QUADRANT(strength, attractiveness, [strength_cuts], [attractiveness_cuts], [style])",
    summary: "app.fn.MATRIX_QUADRANT.summary",
    example: "app.fn.MATRIX_QUADRANT.example",
  },
  {
    name: "AMOUNT",
    syntax: "=CARNET.AMOUNT(value)",
    summary: "app.fn.AMOUNT.summary",
    example: "app.fn.AMOUNT.example",
  },
  {
    name: "BRIER",
    syntax: "=CARNET.BRIER(probabilities, outcomes)",
    summary: "app.fn.BRIER.summary",
    example: "app.fn.BRIER.example",
  },
];

/** A function's name and syntax as a workbook in one language types them. */
export interface LocalFunctionName {
  readonly name: string;
  readonly syntax: string;
}

/**
 * THE PLACE FOR THE FRENCH FUNCTION NAMES (issue 15): the names and syntaxes Excel knows in French
 * (`CARNET.PIPELINE_PONDERE(montants; probabilités; ...)`), by function id, to be filled from the
 * translation file that functions-fr.json is built from, so that the pane and the manifest never
 * disagree. Until a function has one, the pane shows its English name and syntax in every language.
 */
export const LOCAL_FUNCTION_NAMES: Readonly<
  Record<Language, Partial<Record<FunctionId, LocalFunctionName>>>
> = { en: {}, fr: {} };

/** The name and syntax to show in `language`: the local ones when known, else the English ones. */
export function functionNameIn(fn: FunctionHelp, language: Language): LocalFunctionName {
  return LOCAL_FUNCTION_NAMES[language][fn.name] ?? { name: fn.name, syntax: fn.syntax };
}
