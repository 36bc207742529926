/**
 * What a French workbook reads and shows (issue 15): periods "T1 2027" / "S1 2027" and back, the default
 * stage table in French with English synonyms (one probability per stage whatever the language it is
 * typed in), and the readings' defaults decided from the document's language in one place.
 */
import { serialFromYmd } from "../../src/domain/dates";
import { periodKeyOf, periodLabel, periodOf } from "../../src/domain/pipeline";
import {
  DEFAULT_STAGE_TABLE,
  DEFAULT_STAGE_TABLE_FR,
  readCategory,
  stageProbability,
} from "../../src/domain/stages";
import { dayFirstOf, readSettings, stageTableOf } from "../../src/excel/plan/settings";

const day = (m: number, d: number) => serialFromYmd(2027, m, d);

describe("periods in French", () => {
  it("shows quarters as T1 2027 and semesters as S2 2027; months and years as in English", () => {
    const shown = (m: number, kind: "month" | "quarter" | "semester" | "year") =>
      periodLabel(periodOf(day(m, 15), kind).key, "fr");
    expect(shown(2, "quarter")).toBe("T1 2027");
    expect(shown(11, "quarter")).toBe("T4 2027");
    expect(shown(4, "semester")).toBe("S1 2027");
    expect(shown(9, "semester")).toBe("S2 2027");
    expect(shown(4, "month")).toBe("2027-04");
    expect(shown(4, "year")).toBe("2027");
  });

  it("leaves English as it was: the key itself", () => {
    expect(periodLabel(periodOf(day(2, 15), "quarter").key, "en")).toBe("2027-Q1");
    expect(periodLabel("2027-S2", "en")).toBe("2027-S2");
  });

  it("reads either label back to its sortable key, and anything else as it is", () => {
    expect(periodKeyOf("T1 2027")).toBe("2027-Q1");
    expect(periodKeyOf("t4  2027 ")).toBe("2027-Q4");
    expect(periodKeyOf("S2 2027")).toBe("2027-S2");
    expect(periodKeyOf("2027-Q3")).toBe("2027-Q3");
    expect(periodKeyOf("S3 2027")).toBe("S3 2027"); // no third semester
    expect(periodKeyOf("Anne")).toBe("Anne");
  });
});

describe("the default stage table", () => {
  it("has the French names in a French workbook, the same probabilities as the English one", () => {
    expect(DEFAULT_STAGE_TABLE_FR.map((r) => r.stage)).toEqual([
      "Prospection",
      "Qualification",
      "Analyse des besoins",
      "Proposition",
      "Négociation",
      "Gagnée",
      "Perdue",
    ]);
    expect(DEFAULT_STAGE_TABLE_FR.map((r) => r.probability)).toEqual(
      DEFAULT_STAGE_TABLE.map((r) => r.probability)
    );
  });

  it("finds a stage by its French or English name in either table, without case or accents", () => {
    for (const table of [DEFAULT_STAGE_TABLE, DEFAULT_STAGE_TABLE_FR]) {
      expect(stageProbability(table, "Négociation")).toBe(0.75);
      expect(stageProbability(table, "NEGOCIATION")).toBe(0.75);
      expect(stageProbability(table, "Negotiation")).toBe(0.75);
      expect(stageProbability(table, "Proposition")).toBe(0.5);
      expect(stageProbability(table, "Proposal")).toBe(0.5);
      expect(stageProbability(table, "Gagné")).toBe(1);
      expect(stageProbability(table, "Perdue")).toBe(0);
      expect(stageProbability(table, "Signature")).toBeNull();
    }
  });

  it("keeps an English table the user stored before Carnet spoke French working, in both languages", () => {
    const stored = [
      { stage: "Negotiation", probability: 0.6 },
      { stage: "Demo", probability: 0.4 },
    ];
    expect(stageProbability(stored, "Negotiation")).toBe(0.6);
    expect(stageProbability(stored, "Négociation")).toBe(0.6);
    expect(stageProbability(stored, "Demo")).toBe(0.4);
    // A stage the stored table does not have is not taken from the defaults: the user's table rules.
    expect(stageProbability(stored, "Prospection")).toBeNull();
  });

  it("closes deals at the French won and lost stages", () => {
    expect(readCategory("Gagnée")).toBe("Won");
    expect(readCategory("Perdue")).toBe("Lost");
  });
});

describe("the readings' defaults, from the document's language", () => {
  it("reads day first and with the French stages in a French document, unless the user chose", () => {
    expect(dayFirstOf({ documentLanguage: "fr" })).toBe(true);
    expect(dayFirstOf({ documentLanguage: "fr", dayFirst: false })).toBe(false);
    expect(stageTableOf({ documentLanguage: "fr" })).toBe(DEFAULT_STAGE_TABLE_FR);
    const mine = [{ stage: "Demo", probability: 0.4 }];
    expect(stageTableOf({ documentLanguage: "fr", stageTable: mine })).toBe(mine);
  });

  it("decides nothing for an English or unknown document: an ambiguous date stays an error", () => {
    expect(dayFirstOf({ documentLanguage: "en" })).toBeUndefined();
    expect(dayFirstOf({})).toBeUndefined();
    expect(stageTableOf({})).toBe(DEFAULT_STAGE_TABLE);
  });

  it("keeps the workbook's language setting when it is one, and says so when it is not", () => {
    expect(readSettings({ workbookLanguage: "fr" })).toEqual({
      settings: { workbookLanguage: "fr" },
      dropped: [],
    });
    const bad = readSettings({ workbookLanguage: "de" });
    expect(bad.settings).toEqual({});
    expect(bad.dropped).toEqual([
      expect.stringMatching(/language .* \("de"\) is not "en" or "fr"/),
    ]);
  });
});
