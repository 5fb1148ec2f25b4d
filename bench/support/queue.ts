// How far the app's job workers are behind: webhook events of this run stored but not yet applied.
import { withClient } from "../../scripts/db/client";

async function unprocessed(databaseUrl: string, shas: string[]): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM webhook_events
       WHERE "processedAt" IS NULL AND "bodySha256" = ANY($1::text[])`,
      [shas],
    );
    return rows[0]?.n ?? 0;
  });
}

/**
 * Waits up to `seconds` for the events with these body hashes to be applied; how many are left, and how
 * fast the workers went meanwhile.
 */
export async function drainWebhooks(
  databaseUrl: string,
  acked: Set<string>,
  seconds: number,
): Promise<{ left: number; perSecond: number }> {
  const shas = [...acked];
  const started = Date.now();
  const first = await unprocessed(databaseUrl, shas);
  let left = first;
  while (left > 0 && Date.now() - started < seconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    left = await unprocessed(databaseUrl, shas);
  }
  const elapsed = Math.max(1, (Date.now() - started) / 1000);
  return { left, perSecond: Math.round(((first - left) / elapsed) * 10) / 10 };
}
