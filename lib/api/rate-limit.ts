import "server-only";
import { getDb } from "@/lib/db";

// A fixed one-minute window per key, counted on the key's own row in one statement: every app instance
// shares it, and a burst at the same instant is counted exactly (the row lock orders the updates).
// Timestamps are UTC without zone, as Prisma writes them.

export type RateState = { ok: true } | { ok: false; retryAfterSeconds: number };

export async function countApiCall(apiKeyId: string): Promise<RateState> {
  const rows = await getDb().$queryRaw<Array<{ count: number; limit: number; retryAfter: number }>>`
    WITH now_utc AS (SELECT (now() AT TIME ZONE 'UTC') AS t)
    UPDATE api_keys SET
      "rateCount" = CASE WHEN "rateWindowStart" IS NULL OR "rateWindowStart" <= now_utc.t - interval '1 minute'
        THEN 1 ELSE "rateCount" + 1 END,
      "rateWindowStart" = CASE WHEN "rateWindowStart" IS NULL OR "rateWindowStart" <= now_utc.t - interval '1 minute'
        THEN now_utc.t ELSE "rateWindowStart" END,
      "lastUsedAt" = now_utc.t
    FROM now_utc
    WHERE id = ${apiKeyId}::uuid
    RETURNING "rateCount" AS count, "rateLimitPerMinute" AS limit,
      EXTRACT(EPOCH FROM ("rateWindowStart" + interval '1 minute' - now_utc.t))::float8 AS "retryAfter"`;
  const row = rows[0];
  if (!row) throw new Error("api_keys: the key vanished while it was counted");
  if (row.count <= row.limit) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(row.retryAfter)) };
}
