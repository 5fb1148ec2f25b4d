import { describe, expect, it } from "vitest";
import { cryptoRandom, seededRandom } from "@/lib/qa/random";
import { translatorFor } from "@/lib/i18n/messages";
import { type MessageKey } from "@/lib/i18n/keys";
import { drawForQa, pickReviewer, qaReviewRefusal, type SampleShares } from "@/lib/qa/sampling";

const TEN: SampleShares = { APPROVE: 0.1, REJECT: 0.1, REQUEST_RESUBMISSION: 0.1, ABORT: 0.1 };
const N = 10_000;

function draws(seed: number, shares: SampleShares, outcome: keyof SampleShares = "APPROVE") {
  const random = seededRandom(seed);
  return Array.from({ length: N }, () => drawForQa(outcome, false, shares, random));
}

describe("QA sampling", () => {
  it("is reproducible: the same seed draws the same cases, another seed others", () => {
    expect(draws(42, TEN)).toEqual(draws(42, TEN));
    expect(draws(42, TEN)).not.toEqual(draws(43, TEN));
  });

  it("draws 10% of 10,000 within four standard deviations of the binomial, spread evenly over the run", () => {
    const sampled = draws(20260506, TEN).map((r) => r === "RANDOM");
    const count = sampled.filter(Boolean).length;
    const sd = Math.sqrt(N * 0.1 * 0.9); // 30
    expect(Math.abs(count - N * 0.1)).toBeLessThan(4 * sd);
    // Ten blocks of 1,000 draws: a chi-square over the blocks stays under the 99.9% critical value (9 df).
    const expected = count / 10;
    const chi = Array.from(
      { length: 10 },
      (_, b) => sampled.slice(b * 1000, (b + 1) * 1000).filter(Boolean).length,
    )
      .map((observed) => (observed - expected) ** 2 / expected)
      .reduce((a, b) => a + b, 0);
    expect(chi).toBeLessThan(27.88);
  });

  it("uses each outcome's own share: none at 0%, all at 100%", () => {
    const shares = { ...TEN, REJECT: 0, ABORT: 1 };
    expect(draws(7, shares, "REJECT").every((r) => r === null)).toBe(true);
    expect(draws(7, shares, "ABORT").every((r) => r === "RANDOM")).toBe(true);
  });

  it("always draws a case a risk signal flagged, whatever the share", () => {
    const none = { APPROVE: 0, REJECT: 0, REQUEST_RESUBMISSION: 0, ABORT: 0 };
    expect(drawForQa("APPROVE", true, none, () => 0.99)).toBe("RISK");
  });

  it("the production source gives numbers in [0, 1)", () => {
    const values = Array.from({ length: 1000 }, cryptoRandom);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
  });
});

describe("QA reviewer", () => {
  it("is picked evenly among the eligible, never the decider or the second reviewer", () => {
    const random = seededRandom(99);
    const counts = new Map<string | null, number>();
    for (let i = 0; i < 9000; i++) {
      const who = pickReviewer(
        ["lead-a", "lead-b", "lead-c", "decider", "second"],
        ["decider", "second"],
        random,
      );
      counts.set(who, (counts.get(who) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(["lead-a", "lead-b", "lead-c"]);
    for (const n of counts.values())
      expect(Math.abs(n - 3000)).toBeLessThan(4 * Math.sqrt(9000 * (1 / 3) * (2 / 3)));
    expect(pickReviewer(["decider"], ["decider"], random)).toBeNull();
  });

  it("refuses one's own decision and one's own second review", () => {
    // A message key: the refusal is read in the person's language.
    const english = (key: MessageKey | null) => (key ? translatorFor("en")(key) : key);
    expect(english(qaReviewRefusal("me", { decidedById: "me", reviewedById: null }))).toMatch(
      /your own decision/,
    );
    expect(english(qaReviewRefusal("me", { decidedById: "x", reviewedById: "me" }))).toMatch(
      /second reviewer/,
    );
    expect(qaReviewRefusal("me", { decidedById: "x", reviewedById: "y" })).toBeNull();
  });
});
