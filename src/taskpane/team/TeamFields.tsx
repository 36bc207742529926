/**
 * The manager's two choices: the collective weight w and the team objective, read as Carnet reads cells
 * (teamModel), refused next to the field when they cannot be, and passed on when they change (Enter, or
 * leaving the field).
 */
import { Caption1, Field, Input } from "@fluentui/react-components";
import * as React from "react";
import type { TeamSettings } from "../../domain/team/contract";
import { usePaneLanguage, useText } from "../i18n/language";
import { usePaneStyles } from "../paneStyles";
import {
  type FieldReading,
  objectiveInputText,
  readCollectiveWeight,
  readTeamObjective,
  weightInputText,
} from "./teamModel";

export interface TeamFieldsProps {
  readonly settings: TeamSettings;
  readonly disabled: boolean;
  /** Whether CarnetTeam exists: a change is then written at once, else with the next Build team. */
  readonly built: boolean;
  readonly onChoose: (settings: TeamSettings) => void;
}

export function TeamFields({ settings, disabled, built, onChoose }: TeamFieldsProps) {
  const pane = usePaneStyles();
  const t = useText();
  const { language } = usePaneLanguage();
  return (
    <>
      <div className={pane.row}>
        <SettingField
          label={t("team.weight")}
          hint={t("team.weight.hint")}
          value={settings.collectiveWeight}
          text={weightInputText}
          read={(typed) => readCollectiveWeight(typed, t, language)}
          disabled={disabled}
          onValue={(collectiveWeight) => {
            if (collectiveWeight !== settings.collectiveWeight)
              onChoose({ ...settings, collectiveWeight });
          }}
        />
        <SettingField
          label={t("team.objective")}
          hint={t("team.objective.hint")}
          value={settings.teamObjective}
          text={objectiveInputText}
          read={(typed) => readTeamObjective(typed, t, language)}
          disabled={disabled}
          onValue={(teamObjective) => {
            if (teamObjective !== settings.teamObjective) onChoose({ ...settings, teamObjective });
          }}
        />
      </div>
      {!built && <Caption1 className={pane.muted}>{t("team.fields.notBuilt")}</Caption1>}
    </>
  );
}

function SettingField<T>(props: {
  readonly label: string;
  readonly hint: string;
  readonly value: T;
  readonly text: (value: T) => string;
  readonly read: (text: string) => FieldReading<T>;
  readonly disabled: boolean;
  readonly onValue: (value: T) => void;
}) {
  const { label, hint, value, text, read, disabled, onValue } = props;
  const pane = usePaneStyles();
  const [typed, setTyped] = React.useState(() => text(value));
  const [problem, setProblem] = React.useState<string | null>(null);
  // The value as the workbook has it now (read again, or just written) replaces what was typed.
  React.useEffect(() => {
    setTyped(text(value));
    setProblem(null);
  }, [value]);

  const commit = () => {
    const reading = read(typed);
    if ("problem" in reading) {
      setProblem(reading.problem);
      return;
    }
    setProblem(null);
    onValue(reading.value);
  };
  return (
    <Field
      label={label}
      className={pane.grow}
      hint={problem ? undefined : hint}
      validationState={problem ? "error" : "none"}
      validationMessage={problem ?? undefined}
    >
      <Input
        value={typed}
        disabled={disabled}
        onChange={(_, d) => setTyped(d.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
    </Field>
  );
}
