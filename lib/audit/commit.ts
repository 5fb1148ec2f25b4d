import "server-only";
import type { SessionUser } from "@/lib/auth/dal";
import { getDb } from "@/lib/db";
import type { RequestMeta } from "@/lib/request-meta";
import { recordAudit, type AuditWho } from "@/lib/audit/record";
import type { ActingContext, AuditedCommit } from "@/lib/audit/types";

/**
 * The one audited commit: the change and its audit events, stamped with who acted and from where, in one
 * transaction. validatedAction hands it to every server action; code outside an action (tests, scripts) takes
 * the same one here rather than a copy.
 */
export function auditedCommit(user: SessionUser, meta: RequestMeta): AuditedCommit {
  return auditedCommitAs({ actorId: user.id, actorEmail: user.email, ...meta });
}

/** The same commit for an actor that is not a staff member: an API key (lib/api), named by `who`. */
export function auditedCommitAs(who: AuditWho): AuditedCommit {
  return (fn) =>
    getDb().$transaction(async (tx) => {
      const { value, audit } = await fn(tx);
      for (const entry of Array.isArray(audit) ? audit : [audit]) {
        await recordAudit(tx, { ...entry, ...who });
      }
      return value;
    });
}

/** What the trail's actor columns say for an API key: its prefix, never the name an admin typed. */
export const apiKeyActor = (prefix: string) => `api-key:${prefix}`;

/** Who the trail names for an acting context, staff or API key, for writes outside its commit. */
export function auditWho(ctx: ActingContext): AuditWho {
  if ("user" in ctx) return { actorId: ctx.user.id, actorEmail: ctx.user.email, ...ctx.meta };
  return { actorId: null, actorEmail: apiKeyActor(ctx.apiKey.prefix), ...ctx.meta };
}
