import "server-only";
// The only door to MarkID. Pages, actions and jobs import from here; nothing else talks to the API.
import pino from "pino";
import { getEnv } from "@/lib/env";
import { createMarkIdClient, type MarkIdClient } from "./client";

export { createMarkIdClient, type MarkIdClient } from "./client";
export { DownloadFailed, downloadRecording, type DownloadPolicy } from "./download";
export { DEFAULT_SIGNATURE_HEADER, readSignatureHeader, signBody, verifySignature } from "./signature";
export {
  parseWebhook,
  type IdentificationWebhook,
  type VideoCallFinishedWebhook,
  type WebhookEvent,
} from "./webhook";
export { backoffDelay, shouldRetry, DEFAULT_MAX_RESPONSE_BYTES, type RetryPolicy } from "./http";
export * from "./types";

let cached: MarkIdClient | undefined;

/** The client configured from the validated environment, built once per process. */
export function markIdClient(): MarkIdClient {
  if (cached) return cached;
  const env = getEnv();
  cached = createMarkIdClient({
    baseUrl: env.MARKID_API_URL,
    apiKey: env.MARKID_API_KEY,
    apiSecret: env.MARKID_API_SECRET,
    timeoutMs: env.MARKID_TIMEOUT_MS,
    logger: pino({ name: "markid", level: env.LOG_LEVEL }),
  });
  return cached;
}
