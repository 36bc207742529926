/**
 * Typing CARNET formulas in the grid, as a person does (click a cell, type, Enter), runs the shipped
 * functions bundle: the handbook's weighted pipeline gives 4 200, ABC_CLASS spills the textbook's
 * classes, MATRIX_QUADRANT names the nine-box cells, and a bad probability shows #VALUE! with the
 * function's own message on hover.
 */
import {
  cell,
  goTo,
  openWorkbench,
  screenshot,
  showSheet,
  type Session,
  typeInCell,
} from "./support/browser";

jest.setTimeout(90_000);

let session: Session;

beforeAll(async () => {
  session = await openWorkbench();
});

afterAll(async () => {
  await session?.close();
});

const values = (sheet: string, address: string) =>
  session.page.evaluate(([s, a]) => window.workbench!.getValues(s, a), [sheet, address]);

/** Types a column of entries from a cell down: Enter moves to the next row, as in Excel. */
async function typeColumn(top: string, entries: string[]): Promise<void> {
  await cell(session.page, top).click();
  for (const entry of entries) {
    await session.page.keyboard.type(entry);
    await session.page.keyboard.press("Enter");
  }
}

describe("typing formulas in the grid", () => {
  it("gives the handbook's total probabilisé: 4 200 over Tableau 399 as printed", async () => {
    const { page } = session;
    await showSheet(page, "Carnet commercial");
    await typeInCell(page, "E7", "=CARNET.WEIGHTED_PIPELINE(E2:E4,F2:F4)");
    await expect(cell(page, "E7").textContent()).resolves.toBe("4200");
    expect(await values("Carnet commercial", "E7")).toEqual([[4200]]);
    // The handbook's own total row is recognised and left out, never counted twice.
    await typeInCell(page, "E8", "=CARNET.WEIGHTED_PIPELINE(E2:E5,F2:F5)");
    expect(await values("Carnet commercial", "E8")).toEqual([[4200]]);
    // The formula bar shows what was typed; Enter moved the selection down.
    await cell(page, "E7").click();
    await expect(page.getByLabel("Formula bar").inputValue()).resolves.toBe(
      "=CARNET.WEIGHTED_PIPELINE(E2:E4,F2:F4)"
    );
    await screenshot(page, "workbench-handbook.png");
  });

  it("spills the ABC classes of the textbook's ten margins: A A A B B C C C C C", async () => {
    const { page } = session;
    await page.getByRole("button", { name: "New sheet" }).click();
    const sheet = await page.evaluate(() => window.workbench!.selection().sheet);
    const margins = [90000, 77000, 26350, 15001, 12500, 8502, 1200, 850, 504, 150];
    await typeColumn("A1", margins.map(String));
    await typeInCell(page, "B1", "=CARNET.ABC_CLASS(A1:A10)");
    const classes = (await values(sheet, "B1:B10")).flat();
    expect(classes).toEqual(["A", "A", "A", "B", "B", "C", "C", "C", "C", "C"]);
    // The spilled cells show their values; only B1 holds the formula; the spill is outlined.
    await expect(cell(page, "B10").textContent()).resolves.toBe("C");
    const formulas = await page.evaluate((s) => window.workbench!.getFormulas(s, "B1:B2"), sheet);
    expect(formulas).toEqual([["=CARNET.ABC_CLASS(A1:A10)"], ["A"]]);
    await cell(page, "B5").click();
    await expect(page.locator("[data-spill]").getAttribute("data-spill")).resolves.toBe("B1");
    await expect(page.getByLabel("Formula bar").inputValue()).resolves.toBe(
      "=CARNET.ABC_CLASS(A1:A10)"
    );
  });

  it("names the nine-box cells from market shares and ABC classes", async () => {
    const { page } = session;
    const sheet = await page.evaluate(() => window.workbench!.selection().sheet);
    await typeColumn("D1", ["30%", "15%", "5%"]);
    await typeColumn("E1", ["A", "B", "C"]);
    await typeColumn("G1", ["10%"]);
    await typeColumn("H1", ["25%"]);
    await typeInCell(page, "F1", "=CARNET.MATRIX_QUADRANT(D1:D3,E1:E3,G1:H1)");
    expect((await values(sheet, "F1:F3")).flat()).toEqual([
      "Protect position",
      "Selectivity / manage for earnings",
      "Divest",
    ]);
    // A share typed as "30%" is the number 0.3, shown as a percentage.
    expect(await values(sheet, "D1")).toEqual([[0.3]]);
    await expect(cell(page, "D1").textContent()).resolves.toBe("30%");
  });

  it("shows #VALUE! for a probability typed as 20, and the function's message on hover", async () => {
    const { page } = session;
    const sheet = await page.evaluate(() => window.workbench!.selection().sheet);
    await typeInCell(page, "A13", "1000");
    await typeInCell(page, "B13", "20");
    await typeInCell(page, "C13", "=CARNET.WEIGHTED_PIPELINE(A13,B13)");
    expect(await values(sheet, "C13")).toEqual([["#VALUE!"]]);
    const shown = cell(page, "C13");
    await expect(shown.textContent()).resolves.toBe("#VALUE!");
    await shown.hover();
    const tip = page.getByRole("tooltip");
    await expect(tip.textContent()).resolves.toContain(
      "probability 20 at position 1 is above 1: write 20% or 0.2"
    );
    await screenshot(page, "workbench-error.png");
    // Selecting the cell also says why, in the status bar.
    await shown.click();
    await expect(page.getByTestId("status-message").textContent()).resolves.toContain(
      "is above 1: write 20% or 0.2"
    );
    // Fixing the probability fixes the result.
    await typeInCell(page, "B13", "20%");
    expect(await values(sheet, "C13")).toEqual([[200]]);
  });

  it("cancels an edit with Escape and edits an existing formula with F2", async () => {
    const { page } = session;
    const sheet = await page.evaluate(() => window.workbench!.selection().sheet);
    await cell(page, "A13").click();
    await page.keyboard.type("999");
    await page.keyboard.press("Escape");
    expect(await values(sheet, "A13")).toEqual([[1000]]);
    await cell(page, "C13").click();
    await page.keyboard.press("F2");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("*2)");
    await page.keyboard.press("Enter");
    // F2 put the caret after the formula: "…(A13,B13)" became "…(A13,B13*2)".
    expect(await values(sheet, "C13")).toEqual([[400]]);
    // Cells out of view are reached through the name box.
    await goTo(page, "K500");
    await page.keyboard.type("far away");
    await page.keyboard.press("Enter");
    expect(await values(sheet, "K500")).toEqual([["far away"]]);
    expect(session.errors).toEqual([]);
  });
});
