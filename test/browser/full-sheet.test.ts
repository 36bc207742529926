/**
 * A full sheet: 1 header and 1,048,575 deals, read and built through the real pane in the workbench
 * (values only at that size: no formula engine can hold it in a tab). Every deal lands in
 * CarnetPipeline, which then fills its sheet from A1; the pane shows its progress with counts. Slow
 * (a minute or two): it is the end-to-end check, and CI runs it.
 */
import { openWorkbench, workbenchApi, type Session } from "./support/browser";

const DEALS = Number(process.env.CARNET_DEALS ?? 1_048_575);
const LONG = 600_000;

jest.setTimeout(LONG);

let session: Session;

beforeAll(async () => {
  // Each round trip takes a few milliseconds, as Excel's do: the pane draws between two blocks.
  session = await openWorkbench(undefined, "?latency=5");
});

afterAll(async () => {
  await session?.close();
});

const PANE = "iframe[title='Carnet task pane']";
const pane = () => session.page.frameLocator(PANE);
const wb = workbenchApi(() => session.page);

/**
 * Records every progress line the pane shows ("Writing 120,000 of 1,048,590 rows"), however briefly,
 * then waits, as long as it takes, until `done` shows; returns the lines seen.
 */
async function progressUntil(done: RegExp): Promise<string[]> {
  const frame = await recordProgress();
  await pane().getByText(done).first().waitFor({ timeout: LONG });
  return frame.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
}

/** Starts recording the pane's progress lines (once per pane). */
async function recordProgress() {
  const frame = (await (await session.page.waitForSelector(PANE)).contentFrame())!;
  await frame.evaluate(() => {
    const scope = window as unknown as { progressSeen?: string[] };
    if (scope.progressSeen) return;
    const seen: string[] = (scope.progressSeen = []);
    new MutationObserver((records) => {
      for (const record of records) {
        const text = (record.target as Node).textContent ?? "";
        for (const line of text.match(/[A-Z][a-z ]+ [\d,]+ of [\d,]+ rows/g) ?? [])
          if (seen[seen.length - 1] !== line) seen.push(line);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return frame;
}

describe("a sheet of 1,048,575 deals", () => {
  it("is read and built whole through the pane, with progress counts, every deal in CarnetPipeline", async () => {
    const { page } = session;
    // The deals are made in the page: sending seven million cells over the wire would test the wire.
    await page.evaluate(async (deals) => {
      const owners = ["Anne", "Bruno", "Claire", "David", "Emma", "Farid"];
      const products = ["Analytics Suite", "Data Connectors", "Training", "Hardware Kit"];
      const rows: (string | number)[][] = [
        ["Id", "Close date", "Company", "Product", "Owner", "Amount", "Probability"],
      ];
      for (let i = 0; i < deals; i++)
        rows.push([
          `D-${i + 1}`,
          46023 + (i % 365),
          `Company ${i % 5000}`,
          products[i % products.length],
          owners[i % owners.length],
          1000 + (i % 991) * 10,
          (i % 20) / 20,
        ]);
      await window.workbench!.loadWorkbook({ sheets: [{ name: "Deals", rows }], engine: "values" });
    }, DEALS);
    await pane().getByRole("button", { name: "Read selection" }).waitFor({ timeout: LONG });
    await expect(page.getByTestId("status-message").textContent()).resolves.toMatch(/values only/);

    await wb.select("Deals", "B2");
    await recordProgress();
    await pane().getByRole("button", { name: "Read selection", exact: true }).click();
    // The pane counts in its locale (en-US here): "1,048,575 deals read".
    await progressUntil(new RegExp(`^${DEALS.toLocaleString("en-US")} deals read`));
    await pane().getByRole("button", { name: "Build forecast", exact: true }).click();
    const seen = await progressUntil(/^Written to /);
    console.log(`progress seen: ${seen.filter((l, i) => i % 8 === 0).join(" | ")}`);
    expect(seen.some((line) => /^Reading [\d,]+ of [\d,]+ rows$/.test(line))).toBe(true);
    expect(seen.some((line) => /^Writing [\d,]+ of [\d,]+ rows$/.test(line))).toBe(true);

    const tables = await wb.tables();
    const pipeline = tables.find((t) => t.name === "CarnetPipeline")!;
    const lastRow = DEALS + 1 + (pipeline.address.includes("A3:") ? 2 : 0);
    const last = await wb.values("Carnet Pipeline", `A${lastRow}:A${lastRow}`);
    expect(last).toEqual([[`D-${DEALS}`]]);
    if (DEALS === 1_048_575) expect(pipeline.address).toBe("'Carnet Pipeline'!A:N");
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["CarnetForecastByPeriod", "CarnetForecastByOwner"])
    );
    expect(session.errors).toEqual([]);
  });
});
