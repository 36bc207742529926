/**
 * The functions' names by language, as the pane's Functions tab shows them: the French ones are the
 * translation file's, the very names the build writes into functions-fr.json.
 */
import {
  FRENCH_FUNCTIONS,
  functionName,
  localizeSyntax,
  parameterName,
} from "../../src/domain/functionNames";
import { FUNCTION_HELP } from "../../src/taskpane/functionHelp";

describe("function names by language", () => {
  it("gives the French name of each function, the id in English", () => {
    expect(functionName("WEIGHTED_PIPELINE", "fr")).toBe("PIPELINE_PONDERE");
    expect(functionName("MATRIX_QUADRANT", "fr")).toBe("CASE_MATRICE");
    expect(functionName("WEIGHTED_PIPELINE", "en")).toBe("WEIGHTED_PIPELINE");
    expect(parameterName("WEIGHTED_PIPELINE", "close_dates", "fr")).toBe("dates_jalon");
    expect(parameterName("WEIGHTED_PIPELINE", "close_dates", "en")).toBe("close_dates");
  });

  it("writes a syntax line the way French Excel shows it", () => {
    expect(localizeSyntax("=CARNET.ABC_CLASS(values, [a_share], [b_share])", "fr")).toBe(
      "=CARNET.CLASSE_ABC(valeurs; [part_a]; [part_b])"
    );
    expect(localizeSyntax("=CARNET.ABC_CLASS(values, [a_share], [b_share])", "en")).toBe(
      "=CARNET.ABC_CLASS(values, [a_share], [b_share])"
    );
    expect(localizeSyntax("not a call", "fr")).toBe("not a call");
  });

  it("knows every function and parameter the pane's Functions tab lists", () => {
    for (const help of FUNCTION_HELP) {
      expect(FRENCH_FUNCTIONS[help.name]).toBeDefined();
      const french = localizeSyntax(help.syntax, "fr");
      expect(french).toMatch(/^=CARNET\.[A-Z_]+\(/);
      // Every English argument found its French name: none of the English ones is left.
      for (const english of Object.keys(FRENCH_FUNCTIONS[help.name].parameters)) {
        const translated = parameterName(help.name, english, "fr");
        if (translated !== english)
          expect({
            english,
            inFrench: new RegExp(`[(\\[; ]${english}[\\]);]`).test(french),
          }).toEqual({ english, inFrench: false });
      }
    }
  });
});
