import "server-only";
import { sealAuthToken } from "@/lib/auth/markid-secrets";
import type { AuditedContext } from "@/lib/audit/types";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { messageKey } from "@/lib/i18n/keys";
import type { Verification } from "@/lib/generated/prisma/client";
import { markidLocale } from "@/lib/i18n/languages";
import { markIdClient, staffMessageNow } from "@/lib/markid";
import { OPEN_STATUSES } from "@/lib/verifications/status";
import { lockVerification } from "@/lib/links/issue";
import { SENDABLE } from "@/lib/links/rules";

const RENEWED_CALL =
  "The MarkID session expired before this call finished; the link was renewed with a new token.";

/** Reopening an expired verification must not make a second open one for the client (as in creation). */
async function ensureOnlyOpen(tx: Tx, v: Verification): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${v.clientId}))`;
  const other = await tx.verification.findFirst({
    where: { clientId: v.clientId, id: { not: v.id }, status: { in: [...OPEN_STATUSES] } },
    select: { id: true },
  });
  if (other) throw new DomainError(messageKey("links.renew.otherOpen"));
}

/**
 * Replaces an expired MarkID token with a new one for the same client: a new scanRef, stored on the same
 * verification, with the old scanRef kept in the audit event. Two renewals at once both ask MarkID; the
 * first to commit wins and the other's token is left to expire unused.
 */
export async function renewToken(
  ctx: Pick<AuditedContext, "commit">,
  v: Verification,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const token = await markIdClient().createToken({
    clientId: v.clientId,
    tokenType: v.tokenType,
    firstName: v.firstName ?? undefined,
    lastName: v.lastName ?? undefined,
    externalRef: v.externalRef ?? undefined,
    // The renewed session speaks the language the first token did.
    locale: markidLocale(v.clientLanguage),
  });
  if (!token.ok) return { ok: false, message: staffMessageNow(token.error) };
  const { scanRef, authToken, expiryTime } = token.value;
  // Refusals inside (changed meanwhile, webhooks still pending, another open verification) are DomainErrors.
  await ctx.commit(async (tx) => {
    const locked = await lockVerification(tx, v.id);
    if (!locked || locked.scanRef !== v.scanRef) return { value: null, audit: [] };
    if (!SENDABLE.includes(locked.status)) throw new DomainError(messageKey("links.renew.changed"));
    // A webhook about the old scanRef that is still being applied would land on the renewed verification.
    const waiting = await tx.webhookEvent.count({
      where: { OR: [{ verificationId: v.id }, { scanRef: v.scanRef }], processedAt: null },
    });
    if (waiting) {
      throw new DomainError(messageKey("links.renew.webhooksPending"));
    }
    if (locked.status === "EXPIRED") await ensureOnlyOpen(tx, locked);
    await tx.verification.update({
      where: { id: v.id },
      data: {
        scanRef,
        authTokenSealed: sealAuthToken(scanRef, authToken),
        tokenExpiresAt: expiryTime ? new Date(Date.now() + expiryTime * 1000) : null,
        status: "ACTIVE",
        markidStatus: null,
        markidFinalAt: null,
      },
    });
    await tx.videoCall.updateMany({
      where: { verificationId: v.id, outcome: "PENDING" },
      data: { outcome: "FAILED", errorMessage: RENEWED_CALL },
    });
    const details = { oldScanRef: v.scanRef, newScanRef: scanRef, previousStatus: locked.status };
    return {
      value: null,
      audit: { action: "verification.token_renewed", targetType: "verification", targetId: v.id, details },
    };
  });
  return { ok: true };
}
