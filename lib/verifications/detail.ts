import "server-only";
import { notFound } from "next/navigation";
import type { SessionUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { scopeOf, scopeWhere } from "@/lib/auth/record-scope";
import { getDb } from "@/lib/db";
import { missingEvidence } from "@/lib/decisions/rules";
import type { CallOutcome, DecisionOutcome, DecisionState, MediaKind } from "@/lib/generated/prisma/enums";
import { watchedBy } from "@/lib/recordings/watched";
import { isPurged } from "@/lib/verifications/purged";
import { readRiskAssessment, type RiskAssessment } from "@/lib/risk/schema";
import {
  readChecklistSnapshot,
  readQualificationSnapshot,
  readReviewVerdicts,
  type QualificationSnapshot,
  type ReviewVerdicts,
  type SnapshotItem,
} from "@/lib/rulebook/snapshot";

export type CallDto = {
  id: string;
  startedBy: string | null;
  createdAt: Date;
  photos: boolean;
  /** MarkID made the call (its address itself never leaves the server: staff see our /l/ link). */
  created: boolean;
  outcome: CallOutcome;
  finishedAt: Date | null;
  errorMessage: string | null;
};

export type MediaDto = {
  id: string;
  kind: MediaKind;
  contentType: string;
  sizeBytes: number;
  sha256: string;
};

export type DecisionDto = {
  id: string;
  outcome: DecisionOutcome;
  reason: string;
  comment: string | null;
  state: DecisionState;
  decidedById: string;
  decidedBy: string;
  createdAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
  /** What the decision rested on; null for decisions from before rulebooks. */
  rulebookVersion: number | null;
  checklist: SnapshotItem[] | null;
  qualification: QualificationSnapshot | null;
  reviewVerdicts: ReviewVerdicts | null;
  /** The share of the call the decider had played when deciding; null when not measured. */
  watchedShare: number | null;
  reviewedById: string | null;
  /** The risk signals computed when it was recorded; null for decisions from before them. */
  risk: RiskAssessment | null;
};

/**
 * One verification as the page shows it, within the per-record rule (not found otherwise). Recordings are left
 * out for roles that may not see them.
 */
export async function getVerificationDetail(user: SessionUser, id: string) {
  const v = await getDb().verification.findFirst({
    where: { id, ...scopeWhere(scopeOf(user)) },
    include: {
      createdBy: { select: { name: true } },
      assignee: { select: { id: true, name: true } },
      videoCalls: { orderBy: { createdAt: "desc" }, include: { startedBy: { select: { name: true } } } },
      mediaAssets: { orderBy: { createdAt: "asc" } },
      decisions: {
        orderBy: { createdAt: "desc" },
        include: {
          decidedBy: { select: { name: true } },
          reviewedBy: { select: { name: true } },
          rulebookVersion: { select: { version: true } },
        },
      },
      notes: { orderBy: { createdAt: "desc" }, include: { author: { select: { name: true } } } },
    },
  });
  if (!v) notFound();
  const mayViewRecordings = can(user.role, "recording:view");
  const media: MediaDto[] = v.mediaAssets.map((m) => ({
    id: m.id,
    kind: m.kind,
    contentType: m.contentType,
    sizeBytes: Number(m.sizeBytes),
    sha256: m.sha256,
  }));
  return {
    id: v.id,
    scanRef: v.scanRef,
    clientId: v.clientId,
    clientName: [v.firstName, v.lastName].filter(Boolean).join(" ") || null,
    email: v.email,
    phone: v.phone,
    externalRef: v.externalRef,
    clientLanguage: v.clientLanguage,
    // The client fields above hold a tombstone once purged: the page says so rather than show it as a name.
    purged: isPurged(v),
    status: v.status,
    markidStatus: v.markidStatus,
    photosRequested: v.tokenType === "VIDEO_CALL_PHOTOS",
    tokenExpiresAt: v.tokenExpiresAt,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    createdBy: v.createdBy?.name ?? null,
    assignee: v.assignee,
    calls: v.videoCalls.map((c): CallDto => ({
      id: c.id,
      startedBy: c.startedBy?.name ?? null,
      createdAt: c.createdAt,
      photos: c.photos,
      created: c.callUrl !== null,
      outcome: c.outcome,
      finishedAt: c.finishedAt,
      errorMessage: c.errorMessage,
    })),
    media: mayViewRecordings ? media : [],
    /** How much of the call the viewer has played; null without a video or the right to see it. */
    watched: mayViewRecordings ? await watchedBy(getDb(), user.id, v.id) : null,
    mediaCount: media.length,
    missingEvidence: missingEvidence(
      v.tokenType === "VIDEO_CALL_PHOTOS",
      media.map((m) => m.kind),
    ),
    decisions: v.decisions.map((d): DecisionDto => ({
      id: d.id,
      outcome: d.outcome,
      reason: d.reason,
      comment: d.comment,
      state: d.state,
      decidedById: d.decidedById,
      decidedBy: d.decidedBy.name,
      createdAt: d.createdAt,
      reviewedBy: d.reviewedBy?.name ?? null,
      reviewedAt: d.reviewedAt,
      reviewComment: d.reviewComment,
      rulebookVersion: d.rulebookVersion?.version ?? null,
      checklist: readChecklistSnapshot(d.checklistSnapshot),
      qualification: readQualificationSnapshot(d.qualificationSnapshot),
      reviewVerdicts: readReviewVerdicts(d.reviewVerdicts),
      watchedShare: d.watchedShare,
      reviewedById: d.reviewedById,
      risk: readRiskAssessment(d.riskSignals),
    })),
    notes: v.notes.map((n) => ({ id: n.id, author: n.author.name, body: n.body, createdAt: n.createdAt })),
  };
}

export type VerificationDetail = Awaited<ReturnType<typeof getVerificationDetail>>;
