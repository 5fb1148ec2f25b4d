import "server-only";
import type { AuditEntry } from "@/lib/audit/types";
import { openLinkTarget, sealLinkTarget } from "@/lib/auth/markid-secrets";
import type { Tx } from "@/lib/db";
import type { LinkDelivery } from "@/lib/generated/prisma/client";
import type { LinkChannel, LinkKind } from "@/lib/generated/prisma/enums";
import { newSlug } from "@/lib/links/slug";

export type IssueInput = {
  verificationId: string;
  kind: LinkKind;
  channel: LinkChannel;
  targetUrl: string;
  recipient: string | null;
  sentById: string | null;
  expiresAt: Date | null;
};

/** Locks the verification row: every change to its links, and to its token, happens one at a time. */
export async function lockVerification(tx: Tx, verificationId: string) {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM verifications WHERE id = ${verificationId}::uuid FOR UPDATE`;
  if (!rows[0]) return null;
  return tx.verification.findUniqueOrThrow({ where: { id: verificationId } });
}

/**
 * Issues a new link and supersedes the live one of the same kind, inside the caller's transaction. The
 * verification row is locked first, and the unique (verificationId, kind, live) index backs it up: there is
 * never more than one live link per verification and kind.
 */
export async function issueLink(
  tx: Tx,
  input: IssueInput,
): Promise<{ link: LinkDelivery; audit: AuditEntry[] }> {
  await lockVerification(tx, input.verificationId);
  const now = new Date();
  const previous = await tx.linkDelivery.findFirst({
    where: { verificationId: input.verificationId, kind: input.kind, live: true },
  });
  // The old link leaves the index before the new one enters it; it points at its successor once that exists.
  if (previous) {
    await tx.linkDelivery.update({ where: { id: previous.id }, data: { live: null, supersededAt: now } });
  }
  const emailed = input.channel === "EMAIL";
  const { targetUrl, ...fields } = input;
  const slug = newSlug();
  const link = await tx.linkDelivery.create({
    data: {
      ...fields,
      slug,
      targetUrlSealed: sealLinkTarget(slug, targetUrl),
      live: true,
      // Copy and QR links are in staff's hands at once; an email is delivered when the mail server says so.
      status: emailed ? "PENDING" : "ACCEPTED",
      sentAt: emailed ? null : now,
    },
  });
  const target = { targetType: "verification", targetId: input.verificationId } as const;
  const audit: AuditEntry[] = [];
  if (previous) {
    await tx.linkDelivery.update({ where: { id: previous.id }, data: { supersededById: link.id } });
    audit.push({
      action: "link.superseded",
      ...target,
      details: { linkId: previous.id, supersededBy: link.id, kind: input.kind },
    });
  }
  // Never the slug nor the target: either one opens the client's session.
  audit.push({
    action: "link.issued",
    ...target,
    details: {
      linkId: link.id,
      kind: input.kind,
      channel: input.channel,
      expiresAt: input.expiresAt?.toISOString() ?? null,
      sameTarget: previous ? openLinkTarget(previous) === targetUrl : null,
    },
  });
  return { link, audit };
}
