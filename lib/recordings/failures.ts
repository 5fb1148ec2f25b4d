import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import type { MediaKind } from "@/lib/generated/prisma/enums";

/**
 * A file MarkID holds that could not be archived (refused or failed), on the verification's timeline with the
 * reason, for staff. The reason is ours: hosts, types and limits, never the link. A job retrying the same file
 * for the same reason does not repeat it; a new reason is written.
 */
export async function recordArchiveFailure(
  verificationId: string,
  item: { kind: MediaKind; sourceKey: string },
  reason: string,
): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const last = await tx.auditEvent.findFirst({
      where: {
        targetType: "verification",
        targetId: verificationId,
        action: "recording.archive_failed",
        details: { path: ["sourceKey"], equals: item.sourceKey },
      },
      orderBy: { id: "desc" },
      select: { details: true },
    });
    if ((last?.details as { reason?: unknown } | undefined)?.reason === reason) return;
    await recordAudit(tx, {
      action: "recording.archive_failed",
      targetType: "verification",
      targetId: verificationId,
      details: { kind: item.kind, sourceKey: item.sourceKey, reason },
    });
  });
}
