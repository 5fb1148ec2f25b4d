import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";

export type AuditInput = {
  action: string;
  actorId?: string | null;
  actorEmail?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  requestId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
};

const GENESIS = "0".repeat(64);
// One lock for the chain: rows are linked in commit order, so writers take turns.
const CHAIN_LOCK = 727_001;

export function hashAuditRow(prevHash: string, row: Record<string, unknown>): string {
  return createHash("sha256")
    .update(prevHash)
    .update(JSON.stringify(row, Object.keys(row).sort()))
    .digest("hex");
}

/** Appends one audit event, chained to the previous one. Call it inside the transaction of the change. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS;
  const occurredAt = new Date();
  const row = {
    occurredAt: occurredAt.toISOString(),
    actorId: input.actorId ?? null,
    actorEmail: input.actorEmail ?? null,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    requestId: input.requestId ?? null,
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
    details: input.details ?? {},
  };
  await tx.auditEvent.create({
    data: { ...row, occurredAt, details: row.details as object, prevHash, hash: hashAuditRow(prevHash, row) },
  });
}
