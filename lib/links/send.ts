import "server-only";
import { auditWho } from "@/lib/audit/commit";
import { actingStaff, type ActingContext, type AuditEntry } from "@/lib/audit/types";
import { NOT_FOUND_MESSAGE, verificationAccess } from "@/lib/auth/record-access";
import { openAuthToken } from "@/lib/auth/markid-secrets";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import type { LinkChannel, LinkKind } from "@/lib/generated/prisma/enums";
import { currentLanguage } from "@/lib/i18n/current";
import { translateMessage } from "@/lib/i18n/form-errors";
import { DEFAULT_LANGUAGE } from "@/lib/i18n/languages";
import { translatorFor, type Translator } from "@/lib/i18n/messages";
import { messageKey } from "@/lib/i18n/keys";
import { mailConfigured } from "@/lib/mail/transport";
import { markIdClient, staffMessageNow } from "@/lib/markid";
import { deliverLinkEmail } from "@/lib/links/deliver";
import { issueLink, lockVerification } from "@/lib/links/issue";
import { enqueueLinkEmail } from "@/lib/links/jobs";
import { loadForSend, type LoadedForSend } from "@/lib/links/load";
import { takeSendAllowance } from "@/lib/links/rate-limit";
import { renewToken } from "@/lib/links/renew";
import { planResend, USABLE, type ResendPlan } from "@/lib/links/rules";

export type SendInput = { kind: LinkKind; channel: LinkChannel; recipient?: string | null };
/** message: already in the sender's words (a person's language; English for an API key). */
export type SendResult = { ok: boolean; message: string; linkId?: string };

const CHANGED = messageKey("links.send.changed");

type Issue = SendInput & { v: LoadedForSend["v"]; userId: string | null; newCallUrl: string | null };

/** Inside one transaction, with the verification locked: the target as it is now, the link, its email job. */
async function issueForSend(tx: Tx, input: Issue) {
  const locked = await lockVerification(tx, input.v.id);
  if (!locked || !USABLE.includes(locked.status) || locked.scanRef !== input.v.scanRef)
    throw new DomainError(CHANGED);
  const audit: AuditEntry[] = [];
  let targetUrl: string | null = null;
  if (input.kind === "TOKEN_REDIRECT") {
    const authToken = openAuthToken(locked);
    targetUrl = authToken ? markIdClient().tokenRedirectUrl(authToken) : null;
  } else if (input.newCallUrl) {
    const photos = locked.tokenType === "VIDEO_CALL_PHOTOS";
    const call = await tx.videoCall.create({
      data: { verificationId: locked.id, startedById: input.userId, photos, callUrl: input.newCallUrl },
    });
    await tx.verification.update({ where: { id: locked.id }, data: { status: "CALL_IN_PROGRESS" } });
    const details = { videoCallId: call.id, photos, forLinkResend: true };
    audit.push({ action: "call.started", targetType: "verification", targetId: locked.id, details });
    targetUrl = input.newCallUrl;
  } else {
    const latest = await tx.videoCall.findFirst({
      where: { verificationId: locked.id },
      orderBy: { createdAt: "desc" },
    });
    targetUrl = latest?.outcome === "PENDING" ? latest.callUrl : null;
  }
  if (!targetUrl) throw new DomainError(CHANGED);
  const recipient = input.channel === "EMAIL" ? (input.recipient ?? null) : null;
  const issued = await issueLink(tx, {
    verificationId: locked.id,
    kind: input.kind,
    channel: input.channel,
    targetUrl,
    recipient,
    sentById: input.userId,
    // A token MarkID still calls active after our expiry time gets no expiry of ours: MarkID knows better.
    expiresAt: locked.tokenExpiresAt && locked.tokenExpiresAt > new Date() ? locked.tokenExpiresAt : null,
  });
  if (input.channel === "EMAIL") await enqueueLinkEmail(tx, issued.link.id);
  return { value: issued.link, audit: [...audit, ...issued.audit] };
}

/** The plan for the verification as loaded, asking MarkID's status when only our clock says "expired". */
async function plan(loaded: LoadedForSend, kind: LinkKind): Promise<ResendPlan> {
  const first = planResend(loaded.snapshot, kind, new Date());
  if (first.step !== "ask-markid") return first;
  const status = await markIdClient().getStatus(loaded.v.scanRef);
  if (!status.ok) return { step: "refuse", message: staffMessageNow(status.error) };
  return planResend(loaded.snapshot, kind, new Date(), status.value.status);
}

/**
 * Sends a verification's link of one kind through one channel: the first one, or a resend that supersedes the
 * live link. See lib/links/rules.ts for when the MarkID token or call is reused, renewed or refused.
 */
export async function sendLink(
  ctx: ActingContext,
  verificationId: string,
  input: SendInput,
): Promise<SendResult> {
  // The entry points check too; this keeps every other caller inside the same per-record rule. An API key
  // (no staff member) holds its scope over every verification: lib/api checked it, and it reads English.
  const staff = actingStaff(ctx);
  const t = translatorFor(staff ? currentLanguage() : DEFAULT_LANGUAGE);
  try {
    return await sendAs(t, ctx, verificationId, input);
  } catch (error) {
    // A rule refused inside a transaction (the case changed meanwhile): the same answer as any refusal.
    if (!(error instanceof DomainError)) throw error;
    return { ok: false, message: translateMessage(t, error.message, error.values) };
  }
}

async function sendAs(
  t: Translator,
  ctx: ActingContext,
  verificationId: string,
  input: SendInput,
): Promise<SendResult> {
  const refused = (message: string, values?: Record<string, string>): SendResult => ({
    ok: false,
    message: translateMessage(t, message, values),
  });
  const staff = actingStaff(ctx);
  if (staff && !(await verificationAccess(staff, verificationId, "link:send")))
    return refused(NOT_FOUND_MESSAGE);
  const recipient = input.channel === "EMAIL" ? input.recipient?.trim() || null : null;
  if (input.channel === "EMAIL" && !recipient) return refused(messageKey("links.send.emailRequired"));
  if (input.channel === "EMAIL" && !mailConfigured()) return refused(messageKey("links.send.mailNotSetUp"));
  let loaded = await loadForSend(verificationId);
  if (!loaded) return refused(NOT_FOUND_MESSAGE);
  let step = await plan(loaded, input.kind);
  if (step.step === "refuse") return refused(step.message, step.values);
  const allowance = await takeSendAllowance(verificationId, recipient, t);
  if (!allowance.ok) return { ok: false, message: allowance.message };
  if (step.step === "renew-token") {
    const renewed = await renewToken(ctx, loaded.v);
    if (!renewed.ok) return refused(renewed.message);
    loaded = await loadForSend(verificationId);
    if (!loaded) return refused(CHANGED);
    step = planResend(loaded.snapshot, input.kind, new Date());
    if (step.step === "refuse") return refused(step.message, step.values);
    if (step.step !== "reuse" && step.step !== "new-call") return refused(CHANGED);
  }
  let newCallUrl: string | null = null;
  if (step.step === "new-call") {
    const photos = loaded.v.tokenType === "VIDEO_CALL_PHOTOS";
    const call = await markIdClient().createVideoCall({ scanRef: loaded.v.scanRef, photos });
    if (!call.ok) return refused(staffMessageNow(call.error));
    newCallUrl = call.value.url;
  }
  const issue: Issue = { ...input, recipient, v: loaded.v, userId: staff?.id ?? null, newCallUrl };
  // A refusal inside (the case changed meanwhile) is a DomainError: sendLink answers it as a refusal.
  const link = await ctx.commit((tx) => issueForSend(tx, issue));
  if (input.channel !== "EMAIL") return { ok: true, message: t("links.send.ready"), linkId: link.id };
  const delivery = await deliverLinkEmail(link.id, auditWho(ctx));
  if (delivery.status === "failed") {
    return { ok: false, message: t("links.send.mailRefused", { reason: delivery.reason }), linkId: link.id };
  }
  return { ok: true, message: t("links.send.emailed", { recipient: recipient ?? "" }), linkId: link.id };
}
