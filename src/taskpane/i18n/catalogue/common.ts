import { defineMessages } from "../define";

/** What every view shares: the pane's frame, its tabs, and words used everywhere. */
export const commonMessages = defineMessages(
  {
    "app.tab.pipeline": "Pipeline",
    "app.tab.matrix": "Matrix",
    "app.tab.plan": "Plan",
    "app.tab.team": "Team",
    "app.tab.functions": "Functions",
  },
  {
    "app.tab.pipeline": "Pipeline",
    "app.tab.matrix": "Matrice",
    "app.tab.plan": "Plan",
    "app.tab.team": "Équipe",
    "app.tab.functions": "Fonctions",
  }
);
