import "server-only";
import type { z } from "zod";
import type { LinkDelivery, Prisma } from "@/lib/generated/prisma/client";
import type { linkView, VerificationView } from "@/lib/api/views";
import { isPurged } from "@/lib/verifications/purged";

/** What a verification read selects: the presenter below needs exactly this. */
export const verificationSelect = {
  id: true,
  scanRef: true,
  clientId: true,
  externalRef: true,
  clientLanguage: true,
  status: true,
  markidStatus: true,
  tokenType: true,
  tokenExpiresAt: true,
  createdAt: true,
  updatedAt: true,
  decidedAt: true,
  purgedAt: true,
  linkDeliveries: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  decisions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.VerificationSelect;

type Row = Prisma.VerificationGetPayload<{ select: typeof verificationSelect }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A client link's state: never its slug or target, either of which opens the client's session. */
export function presentLink(l: LinkDelivery): z.infer<typeof linkView> {
  return {
    id: l.id,
    kind: l.kind,
    channel: l.channel,
    status: l.status,
    live: l.live === true,
    createdAt: l.createdAt.toISOString(),
    sentAt: iso(l.sentAt),
    expiresAt: iso(l.expiresAt),
    firstOpenedAt: iso(l.firstOpenedAt),
    openCount: l.openCount,
  };
}

export function presentVerification(v: Row, withDecisions: boolean): VerificationView {
  return {
    id: v.id,
    scanRef: v.scanRef,
    clientId: v.clientId,
    externalRef: v.externalRef,
    clientLanguage: v.clientLanguage,
    status: v.status,
    markidStatus: v.markidStatus,
    tokenType: v.tokenType,
    tokenExpiresAt: iso(v.tokenExpiresAt),
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
    decidedAt: iso(v.decidedAt),
    purged: isPurged(v),
    links: v.linkDeliveries.map(presentLink),
    ...(withDecisions && {
      decisions: v.decisions.map((d) => ({
        id: d.id,
        outcome: d.outcome,
        reason: d.reason,
        state: d.state,
        decidedAt: d.createdAt.toISOString(),
        reviewedAt: iso(d.reviewedAt),
      })),
    }),
  };
}
