import "server-only";
import { getDb } from "@/lib/db";
import { staffNames } from "@/lib/staff/names";
import type { DecisionOutcome, QaSampleReason } from "@/lib/generated/prisma/enums";

export type QaQueueRow = {
  id: string;
  verificationId: string;
  outcome: DecisionOutcome;
  decidedBy: string;
  decidedAt: Date;
  reason: QaSampleReason;
  sampledAt: Date;
  assignee: string | null;
  mine: boolean;
  /** The reviewer decided or second-reviewed it: someone else must QA it. */
  own: boolean;
};

/** Sampled cases not yet QA-reviewed: the reviewer's own assignments first, then the oldest. */
export async function qaQueue(userId: string): Promise<QaQueueRow[]> {
  const rows = await getDb().qaSample.findMany({
    where: { reviewedAt: null },
    orderBy: { sampledAt: "asc" },
    take: 200,
    include: {
      assignee: { select: { name: true } },
      decision: {
        select: {
          outcome: true,
          decidedById: true,
          reviewedById: true,
          createdAt: true,
          decidedBy: { select: { name: true } },
        },
      },
    },
  });
  const out = rows.map((r) => ({
    id: r.id,
    verificationId: r.verificationId,
    outcome: r.decision.outcome,
    decidedBy: r.decision.decidedBy.name,
    decidedAt: r.decision.createdAt,
    reason: r.reason,
    sampledAt: r.sampledAt,
    assignee: r.assignee?.name ?? null,
    mine: r.assigneeId === userId,
    own: r.decision.decidedById === userId || r.decision.reviewedById === userId,
  }));
  return out.sort((a, b) => Number(b.mine) - Number(a.mine));
}

export type QaNotice = {
  id: string;
  verificationId: string;
  decidedBy: string;
  reviewer: string | null;
  reason: string | null;
  comment: string | null;
  reopened: boolean;
  reviewedAt: Date | null;
};

/** QA disagreements with approvals that no lead has marked as seen yet. */
export async function qaNotices(): Promise<QaNotice[]> {
  const rows = await getDb().qaSample.findMany({
    where: { verdict: "DISAGREE", acknowledgedAt: null, decision: { outcome: "APPROVE" } },
    orderBy: { reviewedAt: "asc" },
    include: {
      reviewer: { select: { name: true } },
      decision: { select: { decidedBy: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    verificationId: r.verificationId,
    decidedBy: r.decision.decidedBy.name,
    reviewer: r.reviewer?.name ?? null,
    reason: r.disagreeReason,
    comment: r.comment,
    reopened: r.reopened,
    reviewedAt: r.reviewedAt,
  }));
}

export type CaseQa = {
  id: string;
  decisionId: string;
  reason: "RANDOM" | "RISK";
  assignee: string | null;
  reviewer: string | null;
  reviewedAt: Date | null;
  verdict: "AGREE" | "DISAGREE" | null;
  disagreeReason: string | null;
  comment: string | null;
  reopened: boolean;
};

/** The QA samples of one case (the page has checked the user may see it), newest first. */
export async function caseQa(verificationId: string): Promise<CaseQa[]> {
  const rows = await getDb().qaSample.findMany({
    where: { verificationId },
    orderBy: { sampledAt: "desc" },
  });
  const names = await staffNames(rows.flatMap((r) => [r.assigneeId, r.reviewerId]));
  return rows.map((r) => ({
    id: r.id,
    decisionId: r.decisionId,
    reason: r.reason,
    assignee: (r.assigneeId && names.get(r.assigneeId)) ?? null,
    reviewer: (r.reviewerId && names.get(r.reviewerId)) ?? null,
    reviewedAt: r.reviewedAt,
    verdict: r.verdict,
    disagreeReason: r.disagreeReason,
    comment: r.comment,
    reopened: r.reopened,
  }));
}
