import { describe, expect, it } from "vitest";
import { watchShortfall } from "@/lib/recordings/watch-rule";

describe("watchShortfall", () => {
  const required = { required: true, minShare: 0.8 };

  it("names the share watched and the share required until enough is watched", () => {
    expect(watchShortfall(required, 0.42)).toBe(
      "Approval needs at least 80% of the call watched by you. You have watched 42%.",
    );
    expect(watchShortfall(required, null)).toMatch(/You have watched 0%/);
    expect(watchShortfall(required, 0.8)).toBeNull();
    // 201.6 s of 252 s: a float a hair under 0.8 still counts as the 80% it is.
    expect(watchShortfall(required, 201.6 / 252 - 1e-12)).toBeNull();
  });

  it("asks nothing when the rulebook does not require watching", () => {
    expect(watchShortfall({ required: false, minShare: 0.8 }, 0)).toBeNull();
  });
});
