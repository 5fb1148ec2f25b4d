import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getEnv } from "@/lib/env";
import { readSignatureHeader } from "@/lib/markid";
import { API_SECURITY_HEADERS } from "@/lib/security-headers";
import { acceptWebhook, INTAKE_HEADERS } from "@/lib/webhooks/intake";
import { readBodyCapped, type BodyLimits } from "@/lib/webhooks/read-body";

export const WEBHOOK_PATH = "/api/webhooks/markid";

const REPLY_HEADERS = { ...API_SECURITY_HEADERS, ...INTAKE_HEADERS, "Content-Type": "application/json" };

/**
 * MarkID's webhook, the only handler of its URL (a fast path of lib/server/app-server.ts, before Next routes
 * anything): without the page machinery (proxy, routing, Web streams) that made intake twenty times slower than
 * a bare handler. No session is involved; the signature is the authentication.
 */
export async function receiveMarkIdWebhook(
  req: IncomingMessage,
  res: ServerResponse,
  limits?: BodyLimits,
): Promise<void> {
  const body = await readBodyCapped(req, limits);
  const reply = await acceptWebhook(body, readSignatureHeader(req.headers, getEnv().MARKID_SIGNATURE_HEADER));
  const json = JSON.stringify(reply.body);
  // A refused body (too large, too slow) is not read to its end: the connection closes instead of draining it.
  if (!body.ok) res.shouldKeepAlive = false;
  res.writeHead(reply.status, { ...REPLY_HEADERS, "Content-Length": Buffer.byteLength(json) });
  res.end(json);
}

/** True for the requests the app server answers here rather than through Next. */
export function isWebhookRequest(req: IncomingMessage): boolean {
  if (req.method !== "POST" || !req.url) return false;
  const path = req.url.split("?", 1)[0];
  return path === WEBHOOK_PATH || path === `${WEBHOOK_PATH}/`;
}
