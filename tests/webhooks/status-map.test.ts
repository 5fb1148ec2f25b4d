import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VerificationStatus } from "@/lib/generated/prisma/enums";
import { mapFinalStatus, planIdentification, statusAfterCall } from "@/lib/webhooks/status-map";
import { isOpen } from "@/lib/verifications/status";

const status = fc.constantFrom(...Object.values(VerificationStatus));
const overall = fc.oneof(
  fc.constantFrom(
    "APPROVED",
    "DENIED",
    "SUSPECTED",
    "REVIEWING",
    "ACTIVE",
    "EXPIRED",
    "EXPIRED-DELETED",
    "DELETED",
  ),
  fc.string(),
);
const snapshot = fc.record({
  status,
  markidFinalAt: fc.option(fc.date({ noInvalidDate: true }), { nil: null }),
  decisionPending: fc.boolean(),
});

describe("what MarkID results do to a verification", () => {
  it("maps every overall status, unknown ones included, without throwing", () => {
    fc.assert(fc.property(fc.string(), (value) => void mapFinalStatus(value)));
    expect(mapFinalStatus("APPROVED")).toBe("REVIEWING");
    expect(mapFinalStatus("EXPIRED-DELETED")).toBe("EXPIRED");
    expect(mapFinalStatus("__proto__")).toBe("REVIEWING");
    expect(mapFinalStatus("ARCHIVED")).toBeNull();
  });

  it("never applies a non-final result once a final one was received", () => {
    fc.assert(
      fc.property(snapshot, overall, fc.date({ noInvalidDate: true }), (current, value, receivedAt) => {
        const plan = planIdentification(
          { ...current, markidFinalAt: current.markidFinalAt ?? new Date(0) },
          {
            final: false,
            overall: value,
            receivedAt,
          },
        );
        expect(plan.apply).toBe(false);
      }),
    );
  });

  it("never changes the status of a closed verification or one awaiting a second reviewer", () => {
    fc.assert(
      fc.property(snapshot, overall, fc.boolean(), (current, value, final) => {
        const plan = planIdentification(current, { final, overall: value, receivedAt: new Date(8.64e15) });
        const owned = current.decisionPending || !isOpen(current.status);
        if (plan.apply && owned) expect(plan.status).toBe(current.status);
        if (owned) expect(statusAfterCall(current)).toBe(current.status);
      }),
    );
  });
});
