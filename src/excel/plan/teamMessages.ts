/**
 * What the pane says of CarnetTeam and CarnetTeamSettings cells it cannot read back (teamSheet.ts), in
 * English and French from one catalogue; French typed against English (a missing key fails tsc). The
 * button is named as the pane names it (Build team, Construire l'équipe); `{problem}` is a reader's own
 * (readingProblems.ts), already in the language.
 */
import { defineMessages, textOf } from "../../domain/messageCatalogue";

export const TEAM_SHEET_MESSAGES = defineMessages(
  {
    missingColumns:
      "{sheet}: CarnetTeam has no {columns} column any more: Build team writes them again",
    cell: "{where}: {column} {shown} {problem}",
    objectiveText:
      "{where}: the objective of {rep} is text, which the row's formulas cannot use: " +
      "type it as a number, or Build team, which writes it as one",
    otherObjective:
      "{where}: P(objective) of {rep} was computed for another objective: Build team computes it again",
    settingsGone:
      "{sheet}: CarnetTeamSettings is gone, so are the team's figures: Build team writes it again",
    setting: "{where}: {column} {text}",
    teamObjectiveNotAbove0: "is not above 0: leave it blank for Σ of the objectives",
    settingText:
      "{cell} is text, which the sheet's formulas cannot use: type it as a number, or set it in the pane",
  },
  {
    missingColumns:
      "{sheet}\u00a0: CarnetTeam n'a plus de colonne {columns}\u00a0: Construire l'équipe les écrit à nouveau",
    cell: "{where}\u00a0: {column} {shown} {problem}",
    objectiveText:
      "{where}\u00a0: l'objectif de {rep} est du texte, que les formules de la ligne ne peuvent pas utiliser\u00a0: " +
      "saisissez-le comme un nombre, ou lancez Construire l'équipe, qui l'écrit comme tel",
    otherObjective:
      "{where}\u00a0: P(objectif) de {rep} a été calculée pour un autre objectif\u00a0: Construire l'équipe la calcule à nouveau",
    settingsGone:
      "{sheet}\u00a0: CarnetTeamSettings a disparu, et avec lui les chiffres de l'équipe\u00a0: Construire l'équipe l'écrit à nouveau",
    setting: "{where}\u00a0: {column} {text}",
    teamObjectiveNotAbove0:
      "n'est pas au-dessus de 0\u00a0: laissez-le vide pour la somme des objectifs",
    settingText:
      "{cell} est du texte, que les formules de la feuille ne peuvent pas utiliser\u00a0: " +
      "saisissez-le comme un nombre, ou réglez-le dans le volet",
  }
);

export type TeamSheetMessageKey = keyof typeof TEAM_SHEET_MESSAGES.en;

/** The team sheet's message `key` said in `language` (English when not given). */
export const teamSheetText = textOf(TEAM_SHEET_MESSAGES);
