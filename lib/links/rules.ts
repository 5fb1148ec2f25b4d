// When a link may be resent and what resending takes, kept pure so that the rules read (and test) in one place.
//
// A resend reuses MarkID's target while it is still valid (a new /l/ link, same token or call). A token that
// has expired is renewed with a new one, which at MarkID is a new scanRef for the same clientId; that is
// allowed only while nothing happened on the old one: no finished call, no recording, no decision and no
// MarkID result other than the expiry. Otherwise staff create a new verification. A call link with no call
// waiting is renewed with createVideoCall on the verification's (current) scanRef.
import type { LinkKind, VerificationStatus } from "@/lib/generated/prisma/enums";
import { messageKey, type MessageKey } from "@/lib/i18n/keys";

/** Statuses in which the client can still use a link. */
export const USABLE: readonly VerificationStatus[] = ["ACTIVE", "CALL_IN_PROGRESS"];
/** Statuses in which a link may be sent: usable ones, and expired ones that may be renewed. */
export const SENDABLE: readonly VerificationStatus[] = [...USABLE, "EXPIRED"];

/** MarkID statuses that say nothing happened except, possibly, the expiry. */
const RENEWABLE_MARKID = [null, "ACTIVE", "EXPIRED", "EXPIRED-DELETED"];
const EXPIRED_MARKID = ["EXPIRED", "EXPIRED-DELETED"];

export type LinkView = "live" | "replaced" | "expired" | "completed";

/** What a client sees when opening a link. */
export function linkView(
  link: { live: boolean | null; expiresAt: Date | null },
  status: VerificationStatus,
  now: Date,
): LinkView {
  if (!link.live) return "replaced";
  if (status === "EXPIRED" || status === "DELETED") return "expired";
  if (link.expiresAt && link.expiresAt <= now) return "expired";
  return USABLE.includes(status) ? "live" : "completed";
}

export type ResendSnapshot = {
  status: VerificationStatus;
  tokenExpiresAt: Date | null;
  hasAuthToken: boolean;
  markidStatus: string | null;
  hasDecision: boolean;
  /** A call MarkID reported finished, successful or not. */
  hasFinishedCall: boolean;
  hasMedia: boolean;
  /** Any call was ever started, so a call link has been given out before. */
  hasCall: boolean;
  /** The newest call still waiting for the client has a link. */
  hasPendingCall: boolean;
};

export type ResendPlan =
  /** A message key (lib/i18n/messages.ts) and its ICU arguments, or MarkID's own words: the sender translates. */
  | { step: "refuse"; message: string; values?: Record<string, string> }
  /** Our clock says the token expired but MarkID has not said so: ask MarkID's status first. */
  | { step: "ask-markid" }
  | { step: "renew-token" }
  | { step: "reuse" }
  | { step: "new-call" };

type Refusal = { message: MessageKey; values?: Record<string, string> };
const refuse = (refusal: Refusal | MessageKey): ResendPlan =>
  typeof refusal === "string" ? { step: "refuse", message: refusal } : { step: "refuse", ...refusal };

const CALL_DONE: readonly VerificationStatus[] = ["CALL_FINISHED", "REVIEWING", "SUSPECTED"];

function closedMessage(status: VerificationStatus): MessageKey {
  if (CALL_DONE.includes(status)) return messageKey("links.rules.callFinished");
  if (status === "DELETED") return messageKey("links.rules.deleted");
  if (status === "DRAFT") return messageKey("links.rules.draft");
  return messageKey("links.rules.closed");
}

function renewalRefusal(s: ResendSnapshot): Refusal | null {
  if (s.hasDecision) return { message: messageKey("links.rules.decided") };
  if (s.hasFinishedCall || s.hasMedia) return { message: messageKey("links.rules.tookPart") };
  if (!RENEWABLE_MARKID.includes(s.markidStatus))
    return { message: messageKey("links.rules.markidReported"), values: { status: String(s.markidStatus) } };
  return null;
}

/** markidSays: MarkID's status, once asked (only when ask-markid was planned). */
export function planResend(s: ResendSnapshot, kind: LinkKind, now: Date, markidSays?: string): ResendPlan {
  if (!SENDABLE.includes(s.status)) return refuse(closedMessage(s.status));
  if (kind === "VIDEO_CALL" && !s.hasCall) return refuse(messageKey("links.rules.noCall"));
  const clockExpired = s.tokenExpiresAt !== null && s.tokenExpiresAt <= now;
  if (s.status !== "EXPIRED" && clockExpired && markidSays === undefined) return { step: "ask-markid" };
  if (markidSays !== undefined && markidSays !== "ACTIVE" && !EXPIRED_MARKID.includes(markidSays))
    return refuse({ message: messageKey("links.rules.markidReports"), values: { status: markidSays } });
  const expired = s.status === "EXPIRED" || (markidSays !== undefined && EXPIRED_MARKID.includes(markidSays));
  if (expired) {
    const refusal = renewalRefusal(s);
    return refusal ? refuse(refusal) : { step: "renew-token" };
  }
  if (kind === "TOKEN_REDIRECT") {
    return s.hasAuthToken ? { step: "reuse" } : refuse(messageKey("links.rules.noStartLink"));
  }
  return s.hasPendingCall ? { step: "reuse" } : { step: "new-call" };
}
