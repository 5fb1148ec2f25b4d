import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { AuditEntry } from "@/lib/audit/types";
import type { SessionUser } from "@/lib/auth/dal";
import { getDb } from "@/lib/db";
import type { RequestMeta } from "@/lib/request-meta";

/** Every export is itself evidence leaving the system: audit it before the first byte goes out. */
export async function auditExport(user: SessionUser, meta: RequestMeta, entry: AuditEntry): Promise<void> {
  await getDb().$transaction((tx) =>
    recordAudit(tx, { ...entry, actorId: user.id, actorEmail: user.email, ...meta }),
  );
}

export const DOWNLOAD_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
} as const;
