import "server-only";
import type { AuditEntry } from "@/lib/audit/actions";
import { toStorableJson } from "@/lib/audit/canonical";
import { GENESIS_HASH, hashAuditRow, type AuditHashedRow } from "@/lib/audit/hash";
import type { Tx } from "@/lib/db";

/** Who acted, from where and in which request: what validatedAction's commit fills in for domain code. */
export type AuditWho = {
  actorId?: string | null;
  actorEmail?: string | null;
  requestId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
};

/** One event as written: an entry of the catalogue (lib/audit/actions.ts) with who and where. */
export type AuditInput = AuditEntry & AuditWho;

// One lock for the chain: rows are linked in commit order, so writers take turns.
const CHAIN_LOCK = 727_001;

/** Appends one audit event, chained to the previous one. Call it inside the transaction of the change. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await appendAuditRows(tx, [input]);
}

/**
 * Appends several events in this order, chained, with one turn of the chain lock and one insert: for a batch
 * (lib/webhooks/batch.ts), which writes its events last, as every audited commit does (docs/locking.md).
 */
export async function recordAudits(tx: Tx, inputs: readonly AuditInput[]): Promise<void> {
  await appendAuditRows(tx, inputs);
}

/** Any action and any JSON details: the catalogue's check is recordAudit's. */
type AnyRow = AuditWho & {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  details?: unknown;
};

/**
 * The chain writer itself, unchecked against the catalogue: only recordAudit calls it in the app (tests/audit
 * pins that); the chain's own tests call it to hash rows of any shape.
 */
export async function appendAuditRow(tx: Tx, input: AnyRow): Promise<void> {
  await appendAuditRows(tx, [input]);
}

async function appendAuditRows(tx: Tx, inputs: readonly AnyRow[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  let prevHash = last?.hash ?? GENESIS_HASH;
  const occurredAt = new Date();
  const data = inputs.map((input) => {
    const row: AuditHashedRow = {
      occurredAt,
      actorId: input.actorId ?? null,
      actorEmail: input.actorEmail ?? null,
      action: input.action,
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      requestId: input.requestId ?? null,
      ip: input.ip ?? null,
      userAgent: input.userAgent ?? null,
      // Stored exactly as hashed: no Date, undefined or bigint left for jsonb to reinterpret.
      details: toStorableJson(input.details ?? {}),
    };
    const hash = hashAuditRow(prevHash, row);
    const stored = { ...row, details: row.details as object, prevHash, hash };
    prevHash = hash;
    return stored;
  });
  // One multi-row insert takes its ids from the sequence in row order, which is the chain's order.
  if (data.length === 1) await tx.auditEvent.create({ data: data[0]! });
  else await tx.auditEvent.createMany({ data });
}
