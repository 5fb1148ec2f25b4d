import { randomInt } from "node:crypto";

/** A source of uniform numbers in [0, 1): injected where QA samples are drawn, so tests can seed it. */
export type Random = () => number;

/** The production source: the operating system's CSPRNG, so nobody can predict which case is drawn. */
export const cryptoRandom: Random = () => randomInt(0, 2 ** 47) / 2 ** 47;

/** Mulberry32: a small seeded generator for reproducible tests; never for production draws. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
