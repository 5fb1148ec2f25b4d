import type { AuditEntry } from "@/lib/audit/actions";
import type { SessionUser } from "@/lib/auth/dal";
import type { Tx } from "@/lib/db";
import type { RequestMeta } from "@/lib/request-meta";

/** One audit event as domain code writes it; who, from where and which request are filled in at commit. */
export type { AuditEntry };

/** Runs the change and writes its audit events in one transaction. */
export type AuditedCommit = <T>(
  fn: (tx: Tx) => Promise<{ value: T; audit: AuditEntry | AuditEntry[] }>,
) => Promise<T>;

/** Who acts, from where, and how their changes are committed together with their audit events. */
export type AuditedContext = { user: SessionUser; meta: RequestMeta; commit: AuditedCommit };

/** An API key acting for a bank's system (lib/api): no staff account; the trail names it `api-key:<prefix>`. */
type ApiKeyActor = { id: string; prefix: string; scopes: readonly string[] };
export type ApiContext = { apiKey: ApiKeyActor; meta: RequestMeta; commit: AuditedCommit };

/** Domain code that both staff and the API run (creating a verification, sending a link). */
export type ActingContext = AuditedContext | ApiContext;

/** The staff member acting, or null for an API key. */
export const actingStaff = (ctx: ActingContext): SessionUser | null => ("user" in ctx ? ctx.user : null);
