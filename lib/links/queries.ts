import "server-only";
import type { SessionUser } from "@/lib/auth/dal";
import { scopeOf, scopeWhere } from "@/lib/auth/record-scope";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryStatus, LinkChannel, LinkKind, VerificationStatus } from "@/lib/generated/prisma/enums";
import { linkView, SENDABLE, type LinkView } from "@/lib/links/rules";
import { linkUrl } from "@/lib/links/slug";

export type LinkRow = {
  id: string;
  kind: LinkKind;
  channel: LinkChannel;
  recipient: string | null;
  sentBy: string | null;
  createdAt: Date;
  sentAt: Date | null;
  status: DeliveryStatus;
  failureReason: string | null;
  attempts: number;
  firstOpenedAt: Date | null;
  openCount: number;
  expiresAt: Date | null;
  view: LinkView;
  /** Our short address, for live links only: a replaced one leads nowhere. */
  url: string | null;
};

const INCLUDE = { sentBy: { select: { name: true } }, verification: { select: { status: true } } } as const;
type Loaded = Prisma.LinkDeliveryGetPayload<{ include: typeof INCLUDE }>;

function toRow(l: Loaded, now: Date): LinkRow {
  const view = linkView(l, l.verification.status, now);
  return {
    id: l.id,
    kind: l.kind,
    channel: l.channel,
    recipient: l.recipient,
    sentBy: l.sentBy?.name ?? null,
    createdAt: l.createdAt,
    sentAt: l.sentAt,
    status: l.status,
    failureReason: l.failureReason,
    attempts: l.attempts,
    firstOpenedAt: l.firstOpenedAt,
    openCount: l.openCount,
    expiresAt: l.expiresAt,
    view,
    url: l.live ? linkUrl(l.slug) : null,
  };
}

/** A verification's links, newest first (the live ones among them). */
export async function getVerificationLinks(verificationId: string): Promise<LinkRow[]> {
  const rows = await getDb().linkDelivery.findMany({
    where: { verificationId },
    include: INCLUDE,
    orderBy: { createdAt: "desc" },
    take: 30,
  });
  const now = new Date();
  return rows.map((l) => toRow(l, now));
}

export type QueueReason = "failed" | "expired" | "expiring";
export type QueueRow = LinkRow & {
  reason: QueueReason;
  verificationId: string;
  client: string;
  verificationStatus: VerificationStatus;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Live links that need a person: delivery failed, expired before the client finished, or expiring within a day.
 * Only verifications where a resend can still help: no finished call, no recording, no decision.
 */
export async function listQueue(user: SessionUser, now = new Date()): Promise<QueueRow[]> {
  const rows = await getDb().linkDelivery.findMany({
    where: {
      live: true,
      verification: {
        status: { in: [...SENDABLE] },
        videoCalls: { none: { finishedAt: { not: null } } },
        mediaAssets: { none: {} },
        decisions: { none: {} },
        ...scopeWhere(scopeOf(user)),
      },
      OR: [
        { status: "FAILED" },
        { expiresAt: { lte: new Date(now.getTime() + DAY_MS) } },
        { verification: { status: "EXPIRED" } },
      ],
    },
    include: {
      ...INCLUDE,
      verification: { select: { status: true, clientId: true, firstName: true, lastName: true } },
    },
    orderBy: [{ expiresAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 200,
  });
  return rows.map((l) => {
    const row = toRow(l, now);
    const name = [l.verification.firstName, l.verification.lastName].filter(Boolean).join(" ");
    const reason: QueueReason =
      l.status === "FAILED" ? "failed" : row.view === "expired" ? "expired" : "expiring";
    return {
      ...row,
      reason,
      verificationId: l.verificationId,
      client: name ? `${name} (${l.verification.clientId})` : l.verification.clientId,
      verificationStatus: l.verification.status,
    };
  });
}
