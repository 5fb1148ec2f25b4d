import "server-only";
import { notFound } from "next/navigation";
import type { SessionUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { scopeOf, scopeWhere } from "@/lib/auth/record-scope";
import { getDb } from "@/lib/db";
import { missingEvidence } from "@/lib/decisions/rules";
import { staffNames } from "@/lib/staff/names";
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
      videoCalls: { orderBy: { createdAt: "desc" } },
      mediaAssets: { orderBy: { createdAt: "asc" } },
      decisions: {
        orderBy: { createdAt: "desc" },
        include: { rulebookVersion: { select: { version: true } } },
      },
      notes: { orderBy: { createdAt: "desc" } },
    },
  });
  if (!v) notFound();
  const mayViewRecordings = can(user.role, "recording:view");
  const [names, watched] = await Promise.all([
    staffNames([
      v.createdById,
      v.assigneeId,
      ...v.videoCalls.map((c) => c.startedById),
      ...v.decisions.flatMap((d) => [d.decidedById, d.reviewedById]),
      ...v.notes.map((n) => n.authorId),
    ]),
    // How much of the call the viewer has played; null without a video or the right to see it.
    mayViewRecordings ? watchedBy(getDb(), user.id, v.id) : null,
  ]);
  // Staff rows are deactivated, never deleted (foreign keys): an id always has its name.
  const nameOf = (id: string) => names.get(id) ?? id;
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
    createdBy: v.createdById ? nameOf(v.createdById) : null,
    assignee: v.assigneeId ? { id: v.assigneeId, name: nameOf(v.assigneeId) } : null,
    calls: v.videoCalls.map((c): CallDto => ({
      id: c.id,
      startedBy: c.startedById ? nameOf(c.startedById) : null,
      createdAt: c.createdAt,
      photos: c.photos,
      created: c.callUrl !== null,
      outcome: c.outcome,
      finishedAt: c.finishedAt,
      errorMessage: c.errorMessage,
    })),
    media: mayViewRecordings ? media : [],
    watched,
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
      decidedBy: nameOf(d.decidedById),
      createdAt: d.createdAt,
      reviewedBy: d.reviewedById ? nameOf(d.reviewedById) : null,
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
    notes: v.notes.map((n) => ({
      id: n.id,
      author: nameOf(n.authorId),
      body: n.body,
      createdAt: n.createdAt,
    })),
  };
}

export type VerificationDetail = Awaited<ReturnType<typeof getVerificationDetail>>;
