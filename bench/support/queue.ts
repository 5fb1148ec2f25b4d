// How far the app's job workers are behind: webhook events of this run stored but not yet applied.
import { withClient } from "../../scripts/db/client";

const POLL_MS = 250;

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

export type Drain = {
  /** Unapplied when the wait began. */
  first: number;
  /** Still unapplied when it ended (0, or what the limit left). */
  left: number;
  /** From the start of the wait until none was left, or the whole limit when some were. */
  seconds: number;
  /** Applied per second over that time. */
  perSecond: number;
};

/** Waits up to `seconds` for the events with these body hashes to be applied, polling four times a second. */
export async function drainWebhooks(
  databaseUrl: string,
  acked: Set<string>,
  seconds: number,
): Promise<Drain> {
  const shas = [...acked];
  const started = performance.now();
  const first = await unprocessed(databaseUrl, shas);
  let left = first;
  while (left > 0 && performance.now() - started < seconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    left = await unprocessed(databaseUrl, shas);
  }
  const elapsed = Math.max(0.001, (performance.now() - started) / 1000);
  return {
    first,
    left,
    seconds: Math.round(elapsed * 100) / 100,
    perSecond: first === left ? 0 : Math.round((first - left) / elapsed),
  };
}

/**
 * The burst's events as the job workers applied them: how many, and at what rate from the first one's arrival
 * to the last one applied (while staff traffic ran on the same cores).
 */
export async function appliedDuringBurst(
  databaseUrl: string,
  acked: Set<string>,
): Promise<{ events: number; seconds: number; perSecond: number }> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ n: number; seconds: number | null }>(
      `SELECT count(*)::int AS n, extract(epoch FROM max("processedAt") - min("receivedAt"))::float AS seconds
       FROM webhook_events WHERE "bodySha256" = ANY($1::text[]) AND "processedAt" IS NOT NULL`,
      [[...acked]],
    );
    const events = rows[0]?.n ?? 0;
    const seconds = Math.round((rows[0]?.seconds ?? 0) * 100) / 100;
    return { events, seconds, perSecond: seconds > 0 ? Math.round(events / seconds) : 0 };
  });
}
