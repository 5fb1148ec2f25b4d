import { describe, expect, it } from "vitest";
import { linkView, planResend, type ResendSnapshot } from "@/lib/links/rules";

const now = new Date("2026-03-01T12:00:00Z");
const later = new Date("2026-03-02T12:00:00Z");
const earlier = new Date("2026-02-28T12:00:00Z");

const fresh: ResendSnapshot = {
  status: "ACTIVE",
  tokenExpiresAt: later,
  hasAuthToken: true,
  markidStatus: null,
  hasDecision: false,
  hasFinishedCall: false,
  hasMedia: false,
  hasCall: false,
  hasPendingCall: false,
};

describe("linkView", () => {
  it("tells replaced, expired, completed and live apart", () => {
    expect(linkView({ live: null, expiresAt: later }, "ACTIVE", now)).toBe("replaced");
    expect(linkView({ live: true, expiresAt: earlier }, "ACTIVE", now)).toBe("expired");
    expect(linkView({ live: true, expiresAt: later }, "EXPIRED", now)).toBe("expired");
    expect(linkView({ live: true, expiresAt: later }, "APPROVED", now)).toBe("completed");
    expect(linkView({ live: true, expiresAt: later }, "CALL_FINISHED", now)).toBe("completed");
    expect(linkView({ live: true, expiresAt: null }, "CALL_IN_PROGRESS", now)).toBe("live");
  });
});

describe("planResend", () => {
  it("reuses a valid token, and a call that is still waiting", () => {
    expect(planResend(fresh, "TOKEN_REDIRECT", now)).toEqual({ step: "reuse" });
    const waiting = { ...fresh, status: "CALL_IN_PROGRESS" as const, hasCall: true, hasPendingCall: true };
    expect(planResend(waiting, "VIDEO_CALL", now)).toEqual({ step: "reuse" });
  });

  it("renews a call link with a new call when none is waiting, but never starts the first call", () => {
    expect(planResend({ ...fresh, hasCall: true }, "VIDEO_CALL", now)).toEqual({ step: "new-call" });
    expect(planResend(fresh, "VIDEO_CALL", now).step).toBe("refuse");
  });

  it("renews an expired token only while nothing happened on it", () => {
    const expired = { ...fresh, status: "EXPIRED" as const, markidStatus: "EXPIRED" };
    expect(planResend(expired, "TOKEN_REDIRECT", now)).toEqual({ step: "renew-token" });
    for (const change of [{ hasDecision: true }, { hasFinishedCall: true }, { hasMedia: true }]) {
      expect(planResend({ ...expired, ...change }, "TOKEN_REDIRECT", now).step).toBe("refuse");
    }
    expect(planResend({ ...expired, markidStatus: "DENIED" }, "TOKEN_REDIRECT", now).step).toBe("refuse");
  });

  it("asks MarkID when only our clock says the token expired, and follows its answer", () => {
    const clock = { ...fresh, tokenExpiresAt: earlier };
    expect(planResend(clock, "TOKEN_REDIRECT", now)).toEqual({ step: "ask-markid" });
    expect(planResend(clock, "TOKEN_REDIRECT", now, "ACTIVE")).toEqual({ step: "reuse" });
    expect(planResend(clock, "TOKEN_REDIRECT", now, "EXPIRED")).toEqual({ step: "renew-token" });
    expect(planResend(clock, "TOKEN_REDIRECT", now, "REVIEWING").step).toBe("refuse");
  });

  it("refuses finished and closed verifications, and a start link without a token", () => {
    for (const status of [
      "CALL_FINISHED",
      "REVIEWING",
      "APPROVED",
      "DENIED",
      "DELETED",
      "ABORTED",
    ] as const) {
      expect(planResend({ ...fresh, status }, "TOKEN_REDIRECT", now).step).toBe("refuse");
    }
    expect(planResend({ ...fresh, hasAuthToken: false }, "TOKEN_REDIRECT", now).step).toBe("refuse");
  });
});
