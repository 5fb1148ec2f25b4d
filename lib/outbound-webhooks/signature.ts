import { createHmac, randomBytes } from "node:crypto";

// Standard Webhooks (standardwebhooks.com): the secret is "whsec_" + base64 of its bytes; the signature is
// "v1," + base64(HMAC-SHA256(secret bytes, `${webhook-id}.${webhook-timestamp}.${body}`)).
const PREFIX = "whsec_";

export function newEndpointSecret(): string {
  return PREFIX + randomBytes(32).toString("base64");
}

export function signMessage(secret: string, msgId: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
  const mac = createHmac("sha256", key).update(`${msgId}.${timestampSeconds}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The webhook-id of a delivery: stable across retries and "send again", so receivers can drop repeats. */
export const messageId = (deliveryId: string) => `msg_${deliveryId.replaceAll("-", "")}`;
