/**
 * firstCertified (smoothedDistribution.ts) against the plain formula it shortcuts: the first
 * m' ≥ m with a·m'² ≥ ln(1/τ), as the planner computed it before, a division and a square root each
 * time — on random blocks and on exponents within a few units in the last place of the boundary.
 */
import { firstCertified } from "../../src/domain/smoothedDistribution";
import { mulberry32 } from "../support/random";

const LOG_TAU = Math.log(1 / 1e-16);

function plain(a: number, m: number): number {
  let certified = Math.max(m, Math.ceil(Math.sqrt(LOG_TAU / a)));
  if (a * certified * certified < LOG_TAU) certified++;
  return certified;
}

describe("the first frequency a decay exponent certifies", () => {
  it("is the plain formula's on random exponents and blocks", () => {
    const random = mulberry32(31);
    for (let c = 0; c < 20_000; c++) {
      const m = 1 + Math.floor(random() * 4_000_000);
      const a = 10 ** (-14 + 16 * random());
      expect(firstCertified(a, m)).toBe(plain(a, m));
    }
  });

  it("is the plain formula's where a·m² rounds to about ln(1/τ)", () => {
    const random = mulberry32(32);
    let past = 0;
    for (let c = 0; c < 20_000; c++) {
      const m = 1 + Math.floor(random() * 4_000_000);
      const ulps = Math.floor(random() * 4001) - 2000;
      const a = (LOG_TAU / (m * m)) * (1 + ulps * 2 ** -52);
      const certified = firstCertified(a, m);
      expect(certified).toBe(plain(a, m));
      if (certified === m) past++;
    }
    // Both sides of the boundary were met.
    expect(past).toBeGreaterThan(1000);
    expect(past).toBeLessThan(19_000);
  });

  it("is m for an infinite exponent and NaN for no exponent, as before", () => {
    expect(firstCertified(Infinity, 7)).toBe(7);
    expect(firstCertified(NaN, 7)).toBeNaN();
    expect(plain(NaN, 7)).toBeNaN();
  });
});
