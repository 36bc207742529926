/** The pipeline the Team tab counts: the Pipeline tab's source, read again now. */
import type { Progress } from "../../excel/plan/progress";
import { breathe } from "../../excel/plan/progress";
import type { CarnetSettings } from "../../excel/plan/settings";
import type { CarnetHost } from "../../excel/port";
import { analysePipeline, type PipelineAnalysis } from "../pipelineModel";
import type { Words } from "../words";
import { pipelineProblem } from "./teamModel";

/**
 * The pipeline as the Pipeline tab reads it, read again now (the source and mapping kept in the
 * workbook's settings), so the team counts deals edited since; throws what to do when it cannot,
 * in the pane's words.
 */
export async function currentPipeline(
  host: CarnetHost,
  progress: Progress,
  signal: AbortSignal,
  words: Words
): Promise<{ analysis: PipelineAnalysis; settings: CarnetSettings }> {
  const { t } = words;
  const { settings } = await host.loadSettings();
  const choice = settings.source;
  if (!choice) throw new Error(pipelineProblem(false, [], t) ?? "");
  const source = await host.readSource(choice, progress, signal);
  progress(t("team.task.deals"), 0, 0);
  await breathe(signal);
  const analysis = analysePipeline(source, settings, null, words);
  const missing = pipelineProblem(true, analysis.missing, t);
  if (missing) throw new Error(missing);
  return { analysis, settings };
}
