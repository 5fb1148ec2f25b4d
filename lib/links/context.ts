import "server-only";
import type { SessionUser } from "@/lib/auth/dal";
import { recordAudit } from "@/lib/audit/record";
import type { AuditedCommit, AuditedContext } from "@/lib/audit/types";
import { getDb } from "@/lib/db";
import type { RequestMeta } from "@/lib/request-meta";

/** Who sends, from where, and how their changes are committed together with their audit events. */
export type SendContext = AuditedContext;

/** validatedAction's commit, for callers outside a server action (tests, scripts). */
export function commitAs(user: SessionUser, meta: RequestMeta): AuditedCommit {
  return (fn) =>
    getDb().$transaction(async (tx) => {
      const { value, audit } = await fn(tx);
      for (const entry of Array.isArray(audit) ? audit : [audit]) {
        await recordAudit(tx, { ...entry, actorId: user.id, actorEmail: user.email, ...meta });
      }
      return value;
    });
}

/** A rule the server refuses to break; its message is shown to the person as is. */
export class SendRefused extends Error {}
