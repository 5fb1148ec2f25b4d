import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { sealWebhookBody } from "@/lib/auth/markid-secrets";
import { getPool, preparedName } from "@/lib/db";
import type { WebhookKind } from "@/lib/generated/prisma/enums";
import { parseWebhook } from "@/lib/markid";
import { wakeWebhookProcessor } from "@/lib/webhooks/processor";

export type StoredEvent = {
  /** False for a repeated delivery: the first one's row stands, nothing new was written. */
  inserted: boolean;
  eventId: string | null;
  kind: WebhookKind;
  scanRef: string | null;
  /** Whether no verification has the event's scanRef; null for a repeated delivery (not looked up). */
  unknownScanRef: boolean | null;
};

/** The scanRef of a body no parser recognised, when it has one, so such events can still be found. */
function looseScanRef(json: unknown): string | null {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return null;
  const value = (json as Record<string, unknown>).scanRef;
  return typeof value === "string" && value.length > 0 ? value : null;
}

function bodySha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

// The verification is looked up in the insert itself: one statement, one round trip. The columns are
// timestamps without time zone holding UTC (as Prisma writes them), so the column default, which is in the
// connection's time zone, is not used.
const INSERT_EVENT = `
  INSERT INTO webhook_events
    (id, "bodySha256", "bodySealed", kind, "scanRef", "verificationId", "unknownScanRef", "receivedAt")
  SELECT $1::uuid, $2, $3, $4::"WebhookKind", $5::text, v.id, ($5::text IS NOT NULL AND v.id IS NULL),
    now() AT TIME ZONE 'UTC'
  FROM (SELECT 1) AS one LEFT JOIN verifications v ON v."scanRef" = $5::text
  ON CONFLICT ("bodySha256") DO NOTHING
  RETURNING id, "unknownScanRef"`;

/**
 * Stores a verified webhook once (the body's hash is unique): one statement, which is all MarkID waits for.
 * The job workers' loop (lib/webhooks/processor.ts) applies it; a duplicate never gets a second row.
 */
export async function storeWebhookEvent(input: {
  bytes: Buffer;
  text: string;
  json: unknown;
}): Promise<StoredEvent> {
  const parsed = parseWebhook(input.json);
  const scanRef = parsed.kind === "UNKNOWN" ? looseScanRef(input.json) : parsed.scanRef;
  const sha = bodySha256(input.bytes);
  // Sealed in memory (microseconds of AES-GCM): the insert stays the one statement MarkID waits for.
  const { rows } = await getPool().query<{ id: string; unknownScanRef: boolean }>({
    name: preparedName(INSERT_EVENT, 5),
    text: INSERT_EVENT,
    values: [randomUUID(), sha, sealWebhookBody(sha, input.text), parsed.kind, scanRef],
  });
  const row = rows[0];
  if (row) wakeWebhookProcessor();
  return {
    inserted: row !== undefined,
    eventId: row?.id ?? null,
    kind: parsed.kind,
    scanRef,
    unknownScanRef: row?.unknownScanRef ?? null,
  };
}
