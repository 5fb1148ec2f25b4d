import { createHash } from "node:crypto";
import { canonicalJson, toJsonValue, type JsonValue } from "@/lib/audit/canonical";

/** The hash a chain starts from: the first row's prevHash. */
export const GENESIS_HASH = "0".repeat(64);

/** The columns a row's hash covers, as the row is stored (id, prevHash and hash aside). */
export type AuditHashedRow = {
  occurredAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
};

/**
 * sha256(prevHash || canonical JSON of the row). Dates are ISO-8601 UTC to the millisecond, the precision
 * of the column, and details go through the same normalisation as their jsonb storage, so that the verifier
 * recomputes the very bytes that were hashed at write time.
 */
export function hashAuditRow(prevHash: string, row: AuditHashedRow): string {
  const document: JsonValue = {
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    requestId: row.requestId,
    ip: row.ip,
    userAgent: row.userAgent,
    details: toJsonValue(row.details ?? {}),
  };
  return createHash("sha256").update(prevHash).update(canonicalJson(document)).digest("hex");
}
