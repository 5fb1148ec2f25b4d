import "server-only";
import { getDb } from "@/lib/db";
import type { ChecklistResult } from "@/lib/generated/prisma/enums";
import { getCurrentRulebook } from "@/lib/rulebook/current";

export type AnswerDto = {
  itemKey: string;
  result: ChecklistResult;
  choice: string | null;
  note: string | null;
  markMediaId: string | null;
  markSeconds: number | null;
  answeredBy: string;
  updatedAt: Date;
};

/** The current rulebook and the answers saved on one case, whoever gave them. */
export async function getChecklist(verificationId: string) {
  const [rulebook, rows] = await Promise.all([
    getCurrentRulebook(),
    getDb().checklistAnswer.findMany({
      where: { verificationId },
      include: { answeredBy: { select: { name: true } } },
    }),
  ]);
  const answers = rows.map((a): AnswerDto => ({
    itemKey: a.itemKey,
    result: a.result,
    choice: a.choice,
    note: a.note,
    markMediaId: a.markMediaId,
    markSeconds: a.markSeconds,
    answeredBy: a.answeredBy.name,
    updatedAt: a.updatedAt,
  }));
  return { rulebook, answers };
}

export type CaseChecklist = Awaited<ReturnType<typeof getChecklist>>;
