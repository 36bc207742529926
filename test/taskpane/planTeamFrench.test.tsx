/**
 * The Plan and Team tabs' parts rendered in a French pane (LanguageProvider as index.tsx gives it from
 * Office's display language): their labels, accessible names and figures are French; without the
 * provider they are the English the browser tests find.
 */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Action } from "../../src/domain/actionPlan/action";
import { serialFromYmd } from "../../src/domain/dates";
import type { RepTradeOff } from "../../src/domain/team/contract";
import { LanguageProvider, paneLanguageOf } from "../../src/taskpane/i18n/language";
import { ActionForm } from "../../src/taskpane/plan/ActionForm";
import { BudgetTotals, PlanChecks } from "../../src/taskpane/plan/PlanChecks";
import { Timeline } from "../../src/taskpane/plan/Timeline";
import { RepCard } from "../../src/taskpane/team/RepCard";
import { TeamFields } from "../../src/taskpane/team/TeamFields";

const day = (m: number, d: number) => serialFromYmd(2027, m, d);
const BOUNDS = { start: day(1, 1), end: day(6, 30) };
const nothing = () => undefined;

const FAIR: Action = {
  id: "A-0002",
  semester: "2027-S1",
  action: "Salon Lyon",
  means: "Salon",
  target: "",
  range: "",
  objective: null,
  unit: "",
  owner: "Anne",
  start: day(3, 15),
  end: day(3, 17),
  order: 1,
  budget: 4500,
  phase: "Do",
  actualResult: null,
  actualCost: null,
  correctiveAction: "",
  carriedFrom: "",
  comment: "",
};

function planParts() {
  return (
    <>
      <ActionForm
        editing={null}
        nextId="A-0003"
        semester="2027-S1"
        bounds={BOUNDS}
        choices={{ means: [], owners: [], ranges: [], units: [] }}
        disabled={false}
        onAdd={nothing}
        onUpdate={nothing}
        onDelete={nothing}
        onCancel={nothing}
      />
      <BudgetTotals
        semester="2027-S1"
        envelope={10000}
        total={12500}
        byMeans={[{ name: "Salon", amount: 12500 }]}
        byOwner={[]}
        over
        onEnvelope={nothing}
      />
      <PlanChecks checks={[]} rowAddress={undefined} onSelect={nothing} />
      <Timeline actions={[FAIR]} semester="2027-S1" bounds={BOUNDS} />
    </>
  );
}

const TRADE_OFF: RepTradeOff = {
  rep: "Anne",
  individualOnly: 1.5,
  teamOnly: 0.85,
  blended: 1.37,
  effect: "held back",
};

function teamParts() {
  return (
    <>
      <TeamFields
        settings={{ collectiveWeight: 0.2, teamObjective: null }}
        disabled={false}
        built={false}
        onChoose={nothing}
      />
      <RepCard
        card={{
          rep: "Anne",
          address: "'Carnet Team'!A2:K2",
          figures: [{ label: "Objectif", value: "10 000" }],
          tradeOff: TRADE_OFF,
        }}
        weight={0.2}
        onSelect={nothing}
      />
    </>
  );
}

const inFrench = (parts: React.ReactElement) =>
  renderToStaticMarkup(
    <LanguageProvider value={paneLanguageOf("fr-FR")}>{parts}</LanguageProvider>
  );

/** The markup's text without tags, entities decoded, spaces as Intl writes them made plain. */
function textOf(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[\u00a0\u202f]/g, " ");
}

describe("the Plan tab in a French pane", () => {
  const markup = inFrench(planParts());
  const text = textOf(markup).replace(/\s+/g, " ");

  it("labels the action form with the plan's French headers and the phases' French names", () => {
    for (const label of ["Action", "Moyen", "Cible", "Gamme", "Objectif", "Unité", "Responsable"])
      expect(text).toContain(` ${label} `);
    for (const label of ["Début", "Fin", "Ordre", "Budget", "Phase", "Commentaire"])
      expect(text).toContain(` ${label} `);
    expect(text).toContain("Nouvelle action");
    expect(text).toContain("Ajouter l'action");
    expect(markup).toContain('aria-label="Nouvelle action"');
    expect(text).toMatch(/Planifier .*Faire .*Vérifier .*Agir/);
    // The option's value stays the phase the domain knows.
    expect(markup).toMatch(/<option value="Check"[^>]*>Vérifier<\/option>/);
  });

  it("says the budget, the checks and the timeline in French, figures in the French locale", () => {
    expect(text).toContain("Enveloppe budgétaire");
    expect(text).toContain("Total 12 500 sur une enveloppe de 10 000");
    expect(markup).toContain('aria-label="Budget par moyen"');
    expect(text).toContain("Contrôles qualité");
    expect(text).toContain("Aucune remarque : le plan suit les règles du manuel.");
    expect(markup).toMatch(
      /role="img" aria-label="Calendrier de 2027-S1, du 1 janv\. 2027 au 30 juin 2027 : 1 action pour 1 responsable \(Anne 1\)\."/
    );
    expect(text).toContain("Salon Lyon · Faire");
    expect(text).toContain("A-0002 Salon Lyon (Anne) : du 15 mars 2027 au 17 mars 2027, Faire");
    expect(text).toContain("mars");
  });

  it("is English without a provider: the names the browser tests find", () => {
    const english = textOf(renderToStaticMarkup(planParts()));
    for (const label of ["Actual result", "Corrective action"]) expect(english).not.toContain(label);
    for (const label of ["Means", "Owner", "Start", "End", "Add action", "Budget envelope"])
      expect(english).toContain(label);
    expect(english).toContain("Total 12,500 of an envelope of 10,000");
  });
});

describe("the Team tab in a French pane", () => {
  const markup = inFrench(teamParts());
  const text = textOf(markup).replace(/\s+/g, " ");

  it("labels the manager's fields and the rep's card in French", () => {
    expect(text).toContain("Part collective");
    expect(text).toContain("0 à 1, ou 20 %");
    expect(text).toContain("Objectif d'équipe");
    expect(text).toContain("Vide : Σ des objectifs des commerciaux");
    expect(text).toContain("Construire l'équipe les écrit dans le classeur avec CarnetTeam.");
    expect(text).toContain("Voir la ligne");
    expect(markup).toContain('aria-label="Voir la ligne de Anne"');
    expect(markup).toContain('aria-label="Chiffres de Anne"');
    expect(text).toContain(
      "Individuel seul 150 %, équipe seule 85 % ; à 20 % d'équipe : 137 %. Freiné par l'équipe (−13 points)."
    );
  });

  it("is English without a provider", () => {
    const english = textOf(renderToStaticMarkup(teamParts()));
    expect(english).toContain("Collective weight");
    expect(english).toContain("Team objective");
    expect(english).toContain("Show row");
    expect(english).toContain("Held back by the team (−13 points).");
  });
});
