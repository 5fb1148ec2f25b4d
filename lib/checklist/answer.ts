import "server-only";
import type { AuditEntry } from "@/lib/audit/types";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { messageKey } from "@/lib/i18n/keys";
import type { ChecklistResult } from "@/lib/generated/prisma/enums";
import { currentRulebook } from "@/lib/rulebook/current";
import { resultOfChoice } from "@/lib/rulebook/rules";
import type { ChecklistItem } from "@/lib/rulebook/schema";
import { isOpen } from "@/lib/verifications/status";

/** A mark: a photo, or a second of a video. "clear" removes it; absent, the saved mark stays. */
export type MarkInput = { mediaId: string; seconds: number | null } | "clear";

export type AnswerInput = {
  itemKey: string;
  result?: ChecklistResult;
  choice?: string;
  note?: string;
  mark?: MarkInput;
};

/** Locks the case and refuses answers where a decision could not be made either. */
async function lockAnswerable(tx: Tx, userId: string, verificationId: string) {
  const [v] = await tx.$queryRaw<Array<{ status: string; assigneeId: string | null }>>`
    SELECT status, "assigneeId" FROM verifications WHERE id = ${verificationId}::uuid FOR UPDATE`;
  if (!v) throw new DomainError(messageKey("decisions.errors.gone"));
  if (!isOpen(v.status)) throw new DomainError(messageKey("checklist.errors.closed"));
  if (v.assigneeId && v.assigneeId !== userId) {
    throw new DomainError(messageKey("decisions.errors.claimedByOther"));
  }
  const pending = await tx.decision.count({ where: { verificationId, state: "PENDING_SECOND_REVIEW" } });
  // The pending decision rests on the answers as they were; they stay so until it is confirmed or overruled.
  if (pending) throw new DomainError(messageKey("checklist.errors.pendingReview"));
}

function resultFor(
  item: ChecklistItem,
  input: AnswerInput,
): { result: ChecklistResult; choice: string | null } {
  if (input.result === "NOT_APPLICABLE") return { result: "NOT_APPLICABLE", choice: null };
  if (item.kind === "choice") {
    if (!input.choice || !(item.choices ?? []).includes(input.choice))
      throw new DomainError(messageKey("checklist.errors.chooseOption"), "choice");
    return { result: resultOfChoice(item, input.choice), choice: input.choice };
  }
  if (!input.result) throw new DomainError(messageKey("checklist.errors.chooseResultFirst"), "result");
  return { result: input.result, choice: null };
}

async function markFor(tx: Tx, verificationId: string, mark: MarkInput | undefined) {
  if (mark === undefined) return {};
  if (mark === "clear") return { markMediaId: null, markSeconds: null };
  const media = await tx.mediaAsset.findFirst({
    where: { id: mark.mediaId, verificationId },
    select: { kind: true },
  });
  if (!media) throw new DomainError(messageKey("checklist.errors.notInCase"), "mark");
  if (mark.seconds !== null && media.kind !== "VIDEO")
    throw new DomainError(messageKey("checklist.errors.onlyVideoMoment"), "mark");
  if (mark.seconds === null && media.kind === "VIDEO")
    throw new DomainError(messageKey("checklist.errors.markMoment"), "mark");
  return { markMediaId: mark.mediaId, markSeconds: mark.seconds };
}

/** Saves one answer under the current rulebook version. The note's text never enters the audit trail. */
export async function applyAnswer(
  tx: Tx,
  userId: string,
  verificationId: string,
  input: AnswerInput,
): Promise<{ value: null; audit: AuditEntry }> {
  await lockAnswerable(tx, userId, verificationId);
  const rulebook = await currentRulebook(tx);
  const item = rulebook.content.checklist.find((i) => i.key === input.itemKey);
  if (!item) throw new DomainError(messageKey("checklist.errors.itemGone"));
  const { result, choice } = resultFor(item, input);
  const mark = await markFor(tx, verificationId, input.mark);
  const data = {
    rulebookVersionId: rulebook.id,
    result,
    choice,
    note: input.note || null,
    answeredById: userId,
  };
  const saved = await tx.checklistAnswer.upsert({
    where: { verificationId_itemKey: { verificationId, itemKey: item.key } },
    create: { verificationId, itemKey: item.key, ...data, ...mark },
    update: { ...data, ...mark },
  });
  const details = {
    itemKey: item.key,
    rulebookVersion: rulebook.version,
    result,
    choice,
    markMediaId: saved.markMediaId,
    markSeconds: saved.markSeconds,
    hasNote: saved.note !== null,
  };
  return {
    value: null,
    audit: { action: "checklist.answered", targetType: "verification", targetId: verificationId, details },
  };
}
