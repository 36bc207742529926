/**
 * A 200,000-row pipeline: it loads through window.workbench.loadWorkbook, the grid draws only the
 * rows in view and scrolls to the last one, and a WEIGHTED_PIPELINE over the whole column
 * recalculates after an edit typed in the grid.
 */
import { cell, goTo, openWorkbench, type Session, typeInCell } from "./support/browser";

jest.setTimeout(120_000);

const ROWS = 200_000;

/** The deals, computed the same way in Node and in the page. */
const amountOf = (i: number) => 1000 + (i % 97) * 10;
const probabilityOf = (i: number) => (i % 10) / 10;

let session: Session;

beforeAll(async () => {
  session = await openWorkbench();
});

afterAll(async () => {
  await session?.close();
});

describe("a 200,000-row sheet", () => {
  let expected = 0;
  for (let i = 0; i < ROWS; i++) expected += amountOf(i) * probabilityOf(i);

  it("loads, draws only what is in view and computes WEIGHTED_PIPELINE over every row", async () => {
    const { page } = session;
    const started = Date.now();
    // The rows are made in the page (sending 200,000 rows over the wire would test the wire).
    await page.evaluate(async (rows) => {
      const data: (string | number)[][] = [["Amount", "Probability", "", "Weighted"]];
      // Same deals as amountOf and probabilityOf above.
      for (let i = 0; i < rows; i++) data.push([1000 + (i % 97) * 10, (i % 10) / 10]);
      data[1].push("", `=CARNET.WEIGHTED_PIPELINE(A2:A${rows + 1},B2:B${rows + 1})`);
      await window.workbench!.loadWorkbook({ sheets: [{ name: "Big", rows: data }] });
    }, ROWS);
    const loadMs = Date.now() - started;
    const [[total]] = await page.evaluate(() => window.workbench!.getValues("Big", "D2"));
    expect(total as number).toBeCloseTo(expected, 4);
    await expect(cell(page, "D2").textContent()).resolves.toBe(String(Math.round(expected)));
    // Virtualised: a few hundred cells drawn, not 800,000.
    const drawn = await page.locator(".grid-canvas .c").count();
    expect(drawn).toBeLessThan(2000);
    console.log(`200,000 rows loaded in ${loadMs} ms; ${drawn} cells drawn`);
  });

  it("scrolls to the last row and recalculates after an edit typed in the grid", async () => {
    const { page } = session;
    await goTo(page, `A${ROWS + 1}`);
    await expect(cell(page, `A${ROWS + 1}`).textContent()).resolves.toBe(
      String(amountOf(ROWS - 1))
    );
    await expect(page.locator(".grid-rows").textContent()).resolves.toContain(String(ROWS + 1));
    const started = Date.now();
    // The last deal doubles: its amount × probability is added once more.
    await page.keyboard.type(String(amountOf(ROWS - 1) * 2));
    await page.keyboard.press("Enter");
    const after = expected + amountOf(ROWS - 1) * probabilityOf(ROWS - 1);
    const [[recalculated]] = await page.evaluate(() => window.workbench!.getValues("Big", "D2"));
    expect(recalculated as number).toBeCloseTo(after, 4);
    console.log(`edit recalculated in ${Date.now() - started} ms`);
    // Back at the top, the grid shows the new total.
    await goTo(page, "A1");
    await expect(cell(page, "D2").textContent()).resolves.toBe(String(Math.round(after)));
    // And a typed edit near the top too.
    await typeInCell(page, "B2", "1");
    const [[final]] = await page.evaluate(() => window.workbench!.getValues("Big", "D2"));
    expect(final as number).toBeCloseTo(after + amountOf(0) * (1 - probabilityOf(0)), 4);
    expect(session.errors).toEqual([]);
  });
});
