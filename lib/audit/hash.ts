import crypto from "node:crypto";
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

// The one-shot digest is twice as fast as a Hash object, and the verifier runs it once per row of the log.
// Node before 20.12 lacks it.
const sha256Hex: (text: string) => string =
  typeof crypto.hash === "function"
    ? (text) => crypto.hash("sha256", text, "hex")
    : (text) => crypto.createHash("sha256").update(text).digest("hex");

const text = (value: string | null) => (value === null ? "null" : JSON.stringify(value));

/** The columns hashed as they are, text or null. */
type TextColumns = Omit<AuditHashedRow, "occurredAt" | "details">;

/**
 * sha256(prevHash || canonical JSON of the row). Dates are ISO-8601 UTC to the millisecond, the precision
 * of the column, and details go through the same normalisation as their jsonb storage, so that the verifier
 * recomputes the very bytes that were hashed at write time.
 */
export function hashAuditRow(prevHash: string, row: AuditHashedRow): string {
  return hashCanonicalRow(prevHash, row, row.occurredAt.toISOString(), toJsonValue(row.details ?? {}));
}

/**
 * hashAuditRow from the parts as the verifier has them: occurredAt already an ISO string, and details JSON
 * already (JSON.parse of the stored jsonb), which normalising again would not change. The members are
 * written in the order canonicalJson sorts them, which makes these the bytes it would produce.
 */
export function hashCanonicalRow(
  prevHash: string,
  row: TextColumns,
  occurredAt: string,
  details: JsonValue,
): string {
  return sha256Hex(
    `${prevHash}{"action":${text(row.action)},"actorEmail":${text(row.actorEmail)},` +
      `"actorId":${text(row.actorId)},"details":${canonicalJson(details)},"ip":${text(row.ip)},` +
      `"occurredAt":${text(occurredAt)},"requestId":${text(row.requestId)},` +
      `"targetId":${text(row.targetId)},"targetType":${text(row.targetType)},` +
      `"userAgent":${text(row.userAgent)}}`,
  );
}
