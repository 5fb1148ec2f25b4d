import "server-only";
import type { SessionUser } from "@/lib/auth/dal";
import { getDb } from "@/lib/db";
import type { RequestMeta } from "@/lib/request-meta";
import { recordAudit } from "@/lib/audit/record";
import type { AuditedCommit } from "@/lib/audit/types";

/**
 * The one audited commit: the change and its audit events, stamped with who acted and from where, in one
 * transaction. validatedAction hands it to every server action; code outside an action (tests, scripts) takes
 * the same one here rather than a copy.
 */
export function auditedCommit(user: SessionUser, meta: RequestMeta): AuditedCommit {
  return (fn) =>
    getDb().$transaction(async (tx) => {
      const { value, audit } = await fn(tx);
      for (const entry of Array.isArray(audit) ? audit : [audit]) {
        await recordAudit(tx, { ...entry, actorId: user.id, actorEmail: user.email, ...meta });
      }
      return value;
    });
}
