import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db";
import type { MarkIdClient } from "@/lib/markid";
import type { MediaStorage } from "@/lib/media/storage";
import { dueVerifications } from "@/lib/retention/due";
import type { PolicyInForce } from "@/lib/retention/policy";
import { tombstone } from "@/lib/retention/tombstone";

export type PurgeDeps = { db: Db; storage: MediaStorage; markid: Pick<MarkIdClient, "deleteData"> };
export type PurgeOutcome = "purged" | "held" | "not_due" | "waiting" | "failed";

const DAY_MS = 86_400_000;

/** After a failure: 1, 2, 4 … hours, at most a week apart. "Not expired yet" is simply asked again tomorrow. */
function markIdRetryAt(now: Date, attempts: number, notExpired: boolean): Date {
  if (notExpired) return new Date(now.getTime() + DAY_MS);
  const hours = Math.min(2 ** Math.max(0, attempts - 1), 7 * 24);
  return new Date(now.getTime() + hours * 3_600_000);
}

/**
 * One verification's purge, in steps that each record themselves before the next begins: started (the files'
 * hashes kept), files deleted, MarkID's copy deleted, tombstone and receipt. Killed anywhere, the next run
 * picks up at the first step not recorded; the tombstone and its receipt are written once, in one transaction.
 */
export async function purgeVerification(
  deps: PurgeDeps,
  verificationId: string,
  policy: PolicyInForce,
  now: Date,
): Promise<PurgeOutcome> {
  const started = await begin(deps.db, verificationId, policy, now);
  if (typeof started === "string") return started;
  if (started.completedAt) return "purged";
  if (!started.filesDeletedAt) {
    // Deleting what is already gone is no error: a run killed after the files went deletes nothing twice.
    await deps.storage.removePrefix(`${verificationId}/`);
    await deps.db.verificationPurge.update({ where: { verificationId }, data: { filesDeletedAt: now } });
  }
  if (!started.markidDeletedAt) {
    if (started.markidRetryAt && started.markidRetryAt > now) return "waiting";
    const outcome = await deleteAtMarkId(deps, verificationId, started.markidAttempts + 1, now);
    if (outcome !== "deleted") return outcome;
  }
  await deps.db.$transaction((tx) => tombstone(tx, verificationId));
  return "purged";
}

async function begin(db: Db, verificationId: string, policy: PolicyInForce, now: Date) {
  return db.$transaction(async (tx: Tx) => {
    // The same lock a legal hold takes: a hold and a purge's start never pass each other.
    await tx.$queryRaw`SELECT id FROM verifications WHERE id = ${verificationId}::uuid FOR UPDATE`;
    const existing = await tx.verificationPurge.findUnique({ where: { verificationId } });
    if (existing) return existing;
    const [due] = await dueVerifications(tx, policy, { until: now, asOf: now, limit: 1, id: verificationId });
    if (!due) return "not_due" as const;
    if (due.held) return "held" as const;
    const media = await tx.mediaAsset.findMany({
      where: { verificationId },
      select: { id: true, kind: true, sha256: true, sizeBytes: true },
      orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
    });
    const files = media.map((m) => ({
      mediaId: m.id,
      kind: m.kind,
      sha256: m.sha256,
      sizeBytes: Number(m.sizeBytes),
    }));
    const dueAt = due.dueAt.toISOString();
    const row = await tx.verificationPurge.create({
      data: {
        verificationId,
        policyVersion: policy.version,
        retentionClass: due.retentionClass,
        dueAt: due.dueAt,
        files,
      },
    });
    await recordAudit(tx, {
      action: "retention.purge_started",
      targetType: "verification",
      targetId: verificationId,
      details: { policyVersion: policy.version, retentionClass: due.retentionClass, dueAt },
    });
    return row;
  });
}

async function deleteAtMarkId(deps: PurgeDeps, verificationId: string, attempts: number, now: Date) {
  const { scanRef } = await deps.db.verification.findUniqueOrThrow({
    where: { id: verificationId },
    select: { scanRef: true },
  });
  const answer = await deps.markid.deleteData(scanRef);
  if (answer.ok) {
    await deps.db.verificationPurge.update({
      where: { verificationId },
      data: { markidDeletedAt: now, markidAttempts: attempts, markidError: null, markidWaiting: false },
    });
    return "deleted" as const;
  }
  const notExpired = answer.error.notExpired === true;
  await deps.db.verificationPurge.update({
    where: { verificationId },
    data: {
      markidAttempts: attempts,
      markidError: answer.error.message,
      markidWaiting: notExpired,
      markidRetryAt: markIdRetryAt(now, attempts, notExpired),
    },
  });
  return notExpired ? ("waiting" as const) : ("failed" as const);
}
