import "server-only";
import { recordAudit, type AuditWho } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { LinkKind } from "@/lib/generated/prisma/enums";
import { sendMail, withoutAddresses } from "@/lib/mail/transport";
import { linkEmail } from "@/lib/links/email";
import { linkUrl } from "@/lib/links/slug";

export type DeliveryOutcome =
  | { status: "accepted" }
  | { status: "failed"; reason: string }
  /** Already accepted, superseded, or not an email: nothing to send. */
  | { status: "skipped" };

type Claimed = {
  slug: string;
  kind: LinkKind;
  recipient: string;
  expiresAt: Date | null;
  verificationId: string;
  attempts: number;
};

/** Counts the attempt, but only for a live emailed link the mail server has not accepted yet. */
async function claimAttempt(linkId: string): Promise<Claimed | null> {
  const rows = await getDb().$queryRaw<Claimed[]>`
    UPDATE link_deliveries SET attempts = attempts + 1, "lastAttemptAt" = (now() AT TIME ZONE 'UTC')
    WHERE id = ${linkId}::uuid AND channel = 'EMAIL' AND live AND status <> 'ACCEPTED' AND recipient IS NOT NULL
    RETURNING slug, kind::text AS kind, recipient, "expiresAt", "verificationId", attempts`;
  return rows[0] ?? null;
}

/**
 * Sends a link's email and records the outcome; by who sent it (the first attempt, a person or an API key) or
 * by the retry job (null).
 */
export async function deliverLinkEmail(linkId: string, by: AuditWho | null): Promise<DeliveryOutcome> {
  const link = await claimAttempt(linkId);
  if (!link) return { status: "skipped" };
  const v = await getDb().verification.findUniqueOrThrow({
    where: { id: link.verificationId },
    select: { firstName: true, lastName: true, clientLanguage: true },
  });
  const message = linkEmail({
    orgName: getEnv().ORG_NAME,
    url: linkUrl(link.slug),
    kind: link.kind,
    clientName: [v.firstName, v.lastName].filter(Boolean).join(" ") || null,
    expiresAt: link.expiresAt,
    language: v.clientLanguage,
  });
  const sent = await sendMail({ to: link.recipient, ...message });
  await getDb().$transaction(async (tx) => {
    await tx.linkDelivery.update({
      where: { id: linkId },
      data: sent.ok
        ? { status: "ACCEPTED", sentAt: new Date(), failureReason: null }
        : { status: "FAILED", failureReason: sent.reason },
    });
    await recordAudit(tx, {
      action: sent.ok ? "link.sent" : "link.send_failed",
      ...by,
      targetType: "verification",
      targetId: link.verificationId,
      details: {
        linkId,
        channel: "EMAIL",
        attempt: link.attempts,
        // A mail server often names the address in its refusal: the trail keeps the reason without it.
        ...(sent.ok ? {} : { reason: withoutAddresses(sent.reason) }),
      },
    });
  });
  return sent.ok ? { status: "accepted" } : { status: "failed", reason: sent.reason };
}
