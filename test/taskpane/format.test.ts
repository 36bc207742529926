import { Cancelled } from "../../src/excel/plan/progress";
import { errorText, sentence } from "../../src/taskpane/format";

describe("messages as the pane prints them", () => {
  it("say an error's message, an Office error's included, or the value that was thrown", () => {
    expect(errorText(new Error("The requested resource doesn't exist."))).toBe(
      "The requested resource doesn't exist."
    );
    expect(errorText(new Cancelled())).toBe("Cancelled: nothing more was read or written.");
    // OfficeExtension.Error and other objects that carry a message without being an Error.
    expect(errorText({ code: "ItemNotFound", message: "Not found" })).toBe("Not found");
    expect(errorText("quota exceeded")).toBe("quota exceeded");
    expect(errorText(undefined)).toBe("undefined");
  });

  it("turn a model's message into a sentence", () => {
    expect(sentence("the period kept in this workbook is not month: by quarter")).toBe(
      "The period kept in this workbook is not month: by quarter."
    );
    expect(sentence("Already a sentence.")).toBe("Already a sentence.");
  });
});
