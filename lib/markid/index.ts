import "server-only";
// The only door to MarkID. Pages, actions and jobs import from here; nothing else talks to the API.
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/log";
import { createMarkIdClient, type MarkIdClient } from "@/lib/markid/client";
import { processWide } from "@/lib/singleton";

export { createMarkIdClient, type MarkIdClient } from "@/lib/markid/client";
export { DownloadFailed, downloadRecording, type DownloadPolicy } from "@/lib/markid/download";
export { readSignatureHeader, verifySignature } from "@/lib/markid/signature";
export {
  parseWebhook,
  type IdentificationWebhook,
  type VideoCallFinishedWebhook,
} from "@/lib/markid/webhook";
export { backoffDelay } from "@/lib/markid/http";
export { staffMessage, staffMessageNow } from "@/lib/markid/staff-message";
export * from "@/lib/markid/types";

/** The client configured from the validated environment, built once per process. */
export function markIdClient(): MarkIdClient {
  return processWide("markid-client", createFromEnv);
}

function createFromEnv(): MarkIdClient {
  const env = getEnv();
  return createMarkIdClient({
    baseUrl: env.MARKID_API_URL,
    apiKey: env.MARKID_API_KEY,
    apiSecret: env.MARKID_API_SECRET,
    timeoutMs: env.MARKID_TIMEOUT_MS,
    logger: getLogger("markid"),
  });
}
