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
