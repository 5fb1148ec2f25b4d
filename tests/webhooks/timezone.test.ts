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

    // The batch writes MarkID's final time and the row's update time itself, in UTC too.
    const v = await getDb().verification.create({
      data: { scanRef: "tz-2", clientId: "tz-client", tokenType: "VIDEO_CALL" },
    });
    const final = JSON.stringify({ scanRef: "tz-2", final: true, status: { overall: "APPROVED" } });
    const second = await storeWebhookEvent({
      bytes: Buffer.from(final),
      text: final,
      json: JSON.parse(final),
    });
    await processWebhookEvent(second.eventId!);
    const received = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: second.eventId! } });
    const row = await getDb().verification.findUniqueOrThrow({ where: { id: v.id } });
    expect(row.markidFinalAt?.toISOString()).toBe(received.receivedAt.toISOString());
    expect(Math.abs(row.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });
});
