import { bytesOf, ROW_CHUNK, utf8Bytes, writeBlocks } from "../../src/excel/plan/blocks";

describe("block sizing counts bytes, as Excel's 5 MB limit does", () => {
  it("weighs text in UTF-8: one byte for ASCII, two for Greek, three for Japanese, four beyond", () => {
    expect(utf8Bytes("Alpha")).toBe(5);
    expect(utf8Bytes("Αλφα")).toBe(8);
    expect(utf8Bytes("さくら")).toBe(9);
    expect(utf8Bytes("😀")).toBe(4);
    expect(utf8Bytes("1 000 €")).toBe(9);
    for (const text of ["Alpha", "Αλφα", "さくら", "😀 €", ""])
      expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, "utf8"));
  });

  it("keeps every block of Japanese rows under the budget in bytes", () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`株式会社さくら${i}`.repeat(20), i]);
    const budget = 100_000;
    const blocks = [...writeBlocks(rows, budget)];
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) expect(bytesOf(block.rows)).toBeLessThanOrEqual(budget);
    expect(blocks.reduce((n, b) => n + b.rows.length, 0)).toBe(3000);
  });
});

describe("writing from a row source", () => {
  it("asks for the rows a chunk at a time, never all at once, and writes every row in order", () => {
    const length = 5 * ROW_CHUNK + 17;
    const asked: number[] = [];
    const source = {
      length,
      slice(start: number, end: number) {
        asked.push(end - start);
        return Array.from({ length: end - start }, (_, k) => [`deal ${start + k}`, start + k]);
      },
    };
    const blocks = [...writeBlocks(source, 50_000)];
    expect(Math.max(...asked)).toBe(ROW_CHUNK);
    expect(asked.reduce((a, b) => a + b, 0)).toBe(length);
    const written = blocks.flatMap((b) => b.rows.map((row) => row[1]));
    expect(written).toEqual(Array.from({ length }, (_, i) => i));
    for (const block of blocks) {
      expect(bytesOf(block.rows)).toBeLessThanOrEqual(50_000);
      expect(block.rows[0][1]).toBe(block.start);
    }
  });
});
