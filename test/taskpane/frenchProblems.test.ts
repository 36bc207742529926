/**
 * The pane's own fields in French say what is wrong in French: the domain's reason (readingProblems.ts)
 * inside the pane's sentence, never "Ligne 2, probabilité dix : is not a number".
 */
import { readNumberInput, readPercentInput } from "../../src/taskpane/matrixModel";
import { readCollectiveWeight, readTeamObjective } from "../../src/taskpane/team/teamModel";
import { translate } from "../../src/taskpane/i18n/messages";
import { wordsIn } from "../../src/taskpane/words";

const fr = wordsIn("fr");

describe("what the user types in a French pane", () => {
  it("gets the domain's reason in French in the Matrix tab's fields", () => {
    expect(readPercentInput("dix", fr)).toEqual({ problem: "dix n'est pas un nombre" });
    expect(readNumberInput("35 %", false, fr)).toEqual({
      problem: "35 % est un pourcentage, pas un montant",
    });
    expect(readNumberInput("12,500", true, fr)).toEqual({
      problem:
        "12,500 se lit de deux façons\u00a0: 12,500 peut valoir 12\u00a0500 ou 12,5\u00a0; écrivez 12\u00a0500 ou 12,5",
    });
    // English as before.
    expect(readPercentInput("dix")).toEqual({ problem: "dix is not a number" });
  });

  it("gets it in the Team tab's fields, the probability's hint written the French way", () => {
    expect(readCollectiveWeight("20", fr.t, "fr")).toEqual({
      problem: "Part collective 20 dépasse 1\u00a0: écrivez 20\u00a0% ou 0,2",
    });
    expect(readTeamObjective("beaucoup", fr.t, "fr")).toEqual({
      problem: "Objectif d'équipe beaucoup n'est pas un nombre",
    });
    expect(readCollectiveWeight("20", wordsIn("en").t)).toEqual({
      problem: "Collective weight 20 is above 1: write 20% or 0.2",
    });
  });

  it("says a stage's unreadable probability in one French sentence", () => {
    // What StageTableEditor shows: the pane's sentence around the domain's French reason.
    expect(
      translate(
        "fr",
        "pipeline.stages.problem",
        { row: "2", typed: "dix", problem: "n'est pas un nombre" },
        "fr-FR"
      )
    ).toBe("Ligne 2\u00a0: la probabilité dix n'est pas un nombre");
  });
});
