// Webhook timestamps are UTC like every other DateTime Prisma writes, whatever time zone the database's
// connections use: a raw INSERT must not fall back on the column default, which is in the session's zone.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";

beforeAll(async () => {
  // Before this file's pool opens its first connection, so every connection gets the zone.
  const url = new URL(process.env.DATABASE_URL!);
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`ALTER DATABASE "${url.pathname.slice(1)}" SET timezone TO 'America/New_York'`);
  await admin.end();
});

describe("webhook timestamps", () => {
  it("are stored in UTC on a database whose sessions run in New York time", async () => {
    const [{ getDb, getPool }, { storeWebhookEvent }, { processWebhookEvent }] = await Promise.all([
      import("@/lib/db"),
      import("@/lib/webhooks/store-event"),
      import("@/lib/webhooks/batch"),
    ]);
    const zone = await getPool().query<{ TimeZone: string }>("SHOW timezone");
    expect(zone.rows[0]!.TimeZone).toBe("America/New_York");

    const text = JSON.stringify({ scanRef: "tz-1", final: false, status: { overall: "APPROVED" } });
    const stored = await storeWebhookEvent({ bytes: Buffer.from(text), text, json: JSON.parse(text) });
    await processWebhookEvent(stored.eventId!);
    const event = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: stored.eventId! } });
    const now = Date.now();
    expect(Math.abs(event.receivedAt.getTime() - now)).toBeLessThan(60_000);
    expect(Math.abs(event.processedAt!.getTime() - now)).toBeLessThan(60_000);
  });
});
