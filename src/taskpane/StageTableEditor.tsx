import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Input,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { DEFAULT_STAGE_TABLE, type StageDefault } from "../domain/stages";
import { readProbability } from "../domain/values";
import { type Text, usePaneLanguage, useText } from "./i18n/language";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "1fr 72px auto",
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "center",
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  // Fluent's Input keeps a minimum width that would push the remove button off a 320 px pane.
  input: { minWidth: 0, width: "100%" },
});

export interface StageTableEditorProps {
  readonly table: readonly StageDefault[] | undefined;
  readonly onChange: (table: StageDefault[]) => void;
}

/** Stage → default probability, edited in place; a probability typed on a deal always wins. */
export function StageTableEditor({ table, onChange }: StageTableEditorProps) {
  const styles = useStyles();
  const t = useText();
  const { language } = usePaneLanguage();
  const rows = table ?? DEFAULT_STAGE_TABLE;
  const draftOf = (stages: readonly StageDefault[]) =>
    stages.map((r) => ({ stage: r.stage, probability: `${Math.round(r.probability * 100)} %` }));
  const [draft, setDraft] = React.useState<{ stage: string; probability: string }[]>(() =>
    draftOf(rows)
  );
  const [problem, setProblem] = React.useState<string | null>(null);
  // A table changed elsewhere (a probability adopted in the Team tab) replaces the draft; the table
  // this editor just sent does not, so a row being typed stays.
  const sent = React.useRef(JSON.stringify(rows));
  React.useEffect(() => {
    if (JSON.stringify(rows) === sent.current) return;
    sent.current = JSON.stringify(rows);
    setDraft(draftOf(rows));
    setProblem(null);
  }, [table]);

  function commit(next: { stage: string; probability: string }[]) {
    setDraft(next);
    const parsed: StageDefault[] = [];
    for (const [i, row] of next.entries()) {
      if (row.stage.trim() === "") continue;
      const p = readProbability(row.probability, { language });
      if (p.kind !== "value") {
        setProblem(stageProblem(t, i, row.probability, p.kind === "error" ? p.problem : null));
        return;
      }
      parsed.push({ stage: row.stage.trim(), probability: p.value });
    }
    setProblem(null);
    sent.current = JSON.stringify(parsed);
    onChange(parsed);
  }

  return (
    <Accordion collapsible>
      <AccordionItem value="stages">
        <AccordionHeader size="small">{t("pipeline.stages.title")}</AccordionHeader>
        <AccordionPanel>
          <div className={styles.grid}>
            {draft.map((row, i) => (
              <React.Fragment key={i}>
                <Input
                  className={styles.input}
                  size="small"
                  aria-label={t("pipeline.stages.stage", { row: String(i + 1) })}
                  value={row.stage}
                  onChange={(_, d) =>
                    setDraft(draft.map((r, j) => (j === i ? { ...r, stage: d.value } : r)))
                  }
                  onBlur={() => commit(draft)}
                />
                <Input
                  className={styles.input}
                  size="small"
                  aria-label={t("pipeline.stages.probability", { row: String(i + 1) })}
                  value={row.probability}
                  onChange={(_, d) =>
                    setDraft(draft.map((r, j) => (j === i ? { ...r, probability: d.value } : r)))
                  }
                  onBlur={() => commit(draft)}
                />
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={t("pipeline.stages.remove", { row: String(i + 1) })}
                  onClick={() => commit(draft.filter((_, j) => j !== i))}
                >
                  ✕
                </Button>
              </React.Fragment>
            ))}
          </div>
          <Button size="small" onClick={() => setDraft([...draft, { stage: "", probability: "" }])}>
            {t("pipeline.stages.add")}
          </Button>
          {problem && <Caption1 className={styles.error}>{problem}</Caption1>}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

/**
 * What is wrong with a stage's probability: the domain's reason (said in the pane's language), or
 * blank, in the pane's sentence around it.
 */
function stageProblem(t: Text, index: number, typed: string, problem: string | null): string {
  const row = String(index + 1);
  return problem === null
    ? t("pipeline.stages.blank", { row, typed })
    : t("pipeline.stages.problem", { row, typed, problem });
}
