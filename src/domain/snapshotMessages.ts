/**
 * What Carnet says of the CarnetSnapshots rows it cannot read back (snapshots.ts), in English and French
 * from one catalogue; French typed against English (a missing key fails tsc). Each problem follows
 * "<column> <shown> " as the readers' do, so it starts with a verb; `{problem}` is a reader's own
 * (readingProblems.ts), already in the language.
 */
import { defineMessages, textOf } from "./messageCatalogue";

export const SNAPSHOT_MESSAGES = defineMessages(
  {
    notACell: "{column} is not a cell value",
    labelBlank: "is blank: the row belongs to no snapshot and is left out",
    takenAtBlank: "is blank: the row cannot be placed in time and is left out",
    takenAtUnread: "{problem}: the row is left out",
    notADateTime: "is not an Excel date and time",
    otherTime:
      'differs from the time of snapshot "{label}" ({time}): the row is kept in that snapshot; ' +
      "give different snapshots different labels",
    leftBlank: "{problem}: left blank",
    notACategory:
      "is not a forecast category (Commit, Best case, Pipeline, Omitted, Won or Lost): left blank",
  },
  {
    notACell: "{column} n'est pas une valeur de cellule",
    labelBlank: "est vide\u00a0: la ligne n'appartient à aucun instantané et est écartée",
    takenAtBlank: "est vide\u00a0: la ligne ne peut pas être placée dans le temps et est écartée",
    takenAtUnread: "{problem}\u00a0: la ligne est écartée",
    notADateTime: "n'est pas une date et heure d'Excel",
    otherTime:
      "diffère de l'heure de l'instantané \"{label}\" ({time})\u00a0: la ligne reste dans cet instantané\u00a0; " +
      "donnez des noms différents aux instantanés différents",
    leftBlank: "{problem}\u00a0: la cellule est lue vide",
    notACategory:
      "n'est pas une catégorie de prévision (Engagé, Meilleur cas, Pipeline, Exclu, Gagné ou Perdu)\u00a0: " +
      "la cellule est lue vide",
  }
);

export type SnapshotMessageKey = keyof typeof SNAPSHOT_MESSAGES.en;

/** The snapshot message `key` said in `language` (English when not given). */
export const snapshotText = textOf(SNAPSHOT_MESSAGES);
