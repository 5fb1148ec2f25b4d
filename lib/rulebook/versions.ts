import "server-only";
import type { AuditEntry } from "@/lib/audit/types";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { messageKey } from "@/lib/i18n/keys";
import { currentRulebook, type CurrentRulebook } from "@/lib/rulebook/current";
import { diffVersions, isEmptyDiff } from "@/lib/rulebook/rules";

// Publishers take turns: the next version number is read and written under this lock.
const PUBLISH_LOCK = 727_021;

type Content = CurrentRulebook["content"];

/** Which items suggest a reason that is not among the version's reasons of their outcome, by form field. */
export function unknownReasons(content: Content) {
  const errors: Record<string, string[]> = {};
  content.checklist.forEach((item, i) => {
    if (!content.reasons[item.onFail.outcome].includes(item.onFail.reason))
      errors[`items.${i}.onFail.reason`] = [messageKey("rulebook.errors.unknownReason")];
  });
  return errors;
}

/**
 * Writes the next immutable version, made by `edit` from the current one under the publish lock, so that
 * two admins' changes never overwrite each other; versions before it stay as they are, and decisions keep
 * theirs. `userId` is null only for the dev and e2e stack's own setup.
 */
export async function publishVersion(
  tx: Tx,
  userId: string | null,
  edit: (current: Content) => Content,
  note: string | null,
): Promise<{ value: number; audit: AuditEntry }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK})`;
  const current = await currentRulebook(tx);
  const content = edit(current.content);
  if (isEmptyDiff(diffVersions(current.content, content)))
    throw new DomainError(messageKey("rulebook.errors.unchanged"));
  // Only what this edit breaks is refused: a carried-over version may already suggest a retired reason.
  const before = unknownReasons(current.content);
  if (Object.keys(unknownReasons(content)).some((field) => !before[field]))
    throw new DomainError(messageKey("rulebook.errors.reasonInUse"));
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
