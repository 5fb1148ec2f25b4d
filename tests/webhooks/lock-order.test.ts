// A staff decision and a webhook batch on the same verifications at the same time: both follow the one lock
// order (docs/locking.md: verification rows by id, then the batch's events, the audit chain last), so neither
// deadlocks (PostgreSQL would abort one of them) and neither write is lost.
import { describe, expect, it } from "vitest";
import { auditedCommitAs } from "@/lib/audit/commit";
import { verifyAuditChain } from "@/lib/audit/verify";
import { getDb, getPool } from "@/lib/db";
import { applyDecision } from "@/lib/decisions/apply";
import { REASON } from "../support/case-fixtures";
import { inEnglish } from "../support/in-english";
import { drain, openVerification, storeIdentification } from "./batch-support";

const ROUNDS = 8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Request resubmission (no evidence, no second reviewer needed), committed as a server action commits: the
 * verification locked first, the audit event last. The pause holds the row lock a while before the chain's,
 * as a decision's own reads (rulebook, risk facts) do, so a batch reaches its locks in between.
 */
function decide(staffId: string, verificationId: string, pauseMs: number) {
  const commit = auditedCommitAs({ actorId: staffId, actorEmail: "officer@race.test" });
  return inEnglish(
    commit(async (tx) => {
      const outcome = "REQUEST_RESUBMISSION";
      const result = await applyDecision(tx, staffId, verificationId, { outcome, reason: REASON[outcome] });
      await sleep(pauseMs);
      return result;
    }),
  );
}

describe("lock order between staff decisions and webhook batches", () => {
  it("neither deadlocks nor loses a write, whichever starts first", { timeout: 0 }, async () => {
    const officer = await getDb().staffUser.create({
      data: { email: "officer@race.test", name: "Race Officer", role: "OFFICER" },
    });
    for (let round = 0; round < ROUNDS; round += 1) {
      // Two verifications in one batch: a batch that locked one, wrote audit events and only then locked the
      // next would hold the chain while a decision holding the second waited for it.
      const [a, b] = [await openVerification(), await openVerification()].sort((x, y) =>
        x.id.localeCompare(y.id),
      );
      const events = [
        await storeIdentification(a!.scanRef, true, "APPROVED"),
        await storeIdentification(b!.scanRef, true, "DENIED"),
      ];
      // Starts and pauses vary by round, so that each side is first in some rounds and their locks overlap.
      const stagger = (round % 4) * 5;
      const batch = sleep(round % 2 === 0 ? 0 : stagger).then(() => drain(events));
      const decisions = [
        sleep(round % 2 === 0 ? stagger : 0).then(() => decide(officer.id, a!.id, 10)),
        decide(officer.id, b!.id, 20 + (round % 3) * 20),
      ];
      const settled = await Promise.allSettled([batch, ...decisions]);
      expect(settled.map((s) => (s.status === "rejected" ? String(s.reason) : "ok"))).toEqual([
        "ok",
        "ok",
        "ok",
      ]);

      for (const [v, overall] of [
        [a!, "APPROVED"],
        [b!, "DENIED"],
      ] as const) {
        const row = await getDb().verification.findUniqueOrThrow({ where: { id: v.id } });
        // The decision's write and MarkID's, both: staff closed it, MarkID's verdict is recorded beside.
        expect([row.status, row.markidStatus, row.markidFinalAt !== null]).toEqual([
          "RESUBMISSION_REQUESTED",
          overall,
          true,
        ]);
        expect(await getDb().decision.count({ where: { verificationId: v.id, state: "FINAL" } })).toBe(1);
      }
      const applied = await getDb().webhookEvent.findMany({ where: { id: { in: events } } });
      expect(applied.map((e) => [e.processedAt !== null, e.attempts])).toEqual([
        [true, 0],
        [true, 0],
      ]);
    }
    expect((await verifyAuditChain(getPool())).ok).toBe(true);
  });
});
