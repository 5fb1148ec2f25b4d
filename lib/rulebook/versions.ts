import "server-only";
import type { AuditEntry } from "@/lib/audit/types";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { currentRulebook } from "@/lib/rulebook/current";
import { diffVersions, isEmptyDiff } from "@/lib/rulebook/rules";
import type { RulebookContent } from "@/lib/rulebook/schema";

// Publishers take turns: the next version number is read and written under this lock.
const PUBLISH_LOCK = 727_021;

/** Which items suggest a reason that is not an active reason of their outcome, by form field. */
export async function unknownReasons(tx: Pick<Tx, "decisionReason">, content: RulebookContent) {
  const active = await tx.decisionReason.findMany({
    where: { active: true },
    select: { outcome: true, label: true },
  });
  const errors: Record<string, string[]> = {};
  content.checklist.forEach((item, i) => {
    if (!active.some((r) => r.outcome === item.onFail.outcome && r.label === item.onFail.reason))
      errors[`items.${i}.onFail.reason`] = ["Choose a reason from the decision reasons of that outcome"];
  });
  return errors;
}

/** Writes the next immutable version; versions before it stay as they are, and decisions keep theirs. */
export async function publishVersion(
  tx: Tx,
  userId: string,
  content: RulebookContent,
  note: string | null,
): Promise<{ value: number; audit: AuditEntry }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK})`;
  const current = await currentRulebook(tx);
  const diff = diffVersions(current.content, content);
  if (isEmptyDiff(diff)) throw new DomainError("Nothing has changed since the current version.");
  const created = await tx.rulebookVersion.create({
    data: { version: current.version + 1, content, note, createdById: userId },
  });
  return {
    value: created.version,
    audit: {
      action: "rulebook.version_created",
      targetType: "rulebook_version",
      targetId: created.id,
      details: {
        version: created.version,
        previousVersion: current.version,
        items: content.checklist.length,
      },
    },
  };
}
