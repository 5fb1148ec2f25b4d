import "server-only";
import { seal, unseal } from "@/lib/auth/keys";

// MarkID's auth token starts a client's session, so it is never stored in clear: not on the verification,
// not inside the link target that carries it, not inside the webhook bodies that repeat it. Each value is
// sealed as the TOTP secrets are, bound to what it belongs to (scanRef, slug, body hash): a value copied
// onto another row does not open. `secret` is for the dev stack, which seeds a database not its own.

export const sealAuthToken = (scanRef: string, token: string, secret?: string) =>
  seal("markid-token", token, scanRef, secret);

/** The verification's token, or null when it has none or it does not open here. */
export function openAuthToken(v: { scanRef: string; authTokenSealed: string | null }): string | null {
  return v.authTokenSealed ? unseal("markid-token", v.authTokenSealed, v.scanRef) : null;
}

export const sealLinkTarget = (slug: string, url: string, secret?: string) =>
  seal("client-link", url, slug, secret);

export function openLinkTarget(link: { slug: string; targetUrlSealed: string }): string | null {
  return unseal("client-link", link.targetUrlSealed, link.slug);
}

/** The raw body as MarkID signed it, sealed; its SHA-256 (the event's dedupe key) binds it to its row. */
export const sealWebhookBody = (bodySha256: string, text: string, secret?: string) =>
  seal("webhook-body", text, bodySha256, secret);

export function openWebhookBody(event: { bodySha256: string; bodySealed: string }): string | null {
  return unseal("webhook-body", event.bodySealed, event.bodySha256);
}
