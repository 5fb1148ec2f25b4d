// Shared by the QA tests: decisions recorded and audited as the decision action records them, on this file's
// database, at a fixed time inside the default working hours (so the clock raises no risk signal).
import type { Tx } from "@/lib/db";
import { caseWith, form, passEveryItem, REASON, type Staff } from "../support/case-fixtures";

// Wednesday 10:00 UTC.
export const NOW = new Date("2026-05-06T10:00:00Z");
/** Random sources for the QA draw: always sampled, never sampled. */
export const ALWAYS = () => 0;
export const NEVER = () => 0.999;

export async function decide(decider: Staff, id: string, outcome: "APPROVE" | "REJECT", random = ALWAYS) {
  const [{ auditedCommit }, apply] = await Promise.all([
    import("@/lib/audit/commit"),
    import("@/lib/decisions/apply"),
  ]);
  const meta = { requestId: "req-qa", ip: null, userAgent: "vitest" };
  await auditedCommit(
    { ...decider, scopeDates: null },
    meta,
  )((tx: Tx) =>
    apply.applyDecision(tx, decider.id, id, { outcome, reason: REASON[outcome] }, { now: NOW, random }),
  );
}

/** A case with a video and every check passed, approved by the decider; its QA sample, if one was drawn. */
export async function approved(decider: Staff, random = ALWAYS) {
  const c = await caseWith({ media: ["VIDEO"] });
  await passEveryItem(c.id, decider.id);
  await decide(decider, c.id, "APPROVE", random);
  const { getDb } = await import("@/lib/db");
  const sample = await getDb().qaSample.findFirst({ where: { verificationId: c.id } });
  return { id: c.id, sample };
}

/** The QA form as a disagreeing reviewer posts it. */
export const disagree = (reopen: boolean) =>
  form({
    verdict: "DISAGREE",
    reason: "The outcome should have been different",
    comment: "The face does not match the document",
    ...(reopen ? { reopen: "on" } : {}),
  });
