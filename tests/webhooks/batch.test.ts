// The batch processor (lib/webhooks/batch.ts): order within a verification, events applied once however many
// loops run, a poison event failing alone, events whose verification appeared later, giving up after ten tries.
import { describe, expect, it } from "vitest";
import { sealWebhookBody } from "@/lib/auth/markid-secrets";
import { verifyAuditChain } from "@/lib/audit/verify";
import { getDb, getPool } from "@/lib/db";
import { processWebhookBatch } from "@/lib/webhooks/batch";
import { MAX_ATTEMPTS } from "@/lib/webhooks/batch-sql";
import { auditsOf, drain, openVerification, storeCallFinished, storeIdentification } from "./batch-support";

const event = (id: string) => getDb().webhookEvent.findUniqueOrThrow({ where: { id } });

async function poison(): Promise<string> {
  const sha = `${Date.now()}`.padEnd(64, "f");
  const row = await getDb().webhookEvent.create({
    data: { bodySha256: sha, bodySealed: sealWebhookBody(sha, "{not json"), kind: "UNKNOWN" },
  });
  return row.id;
}

describe("webhook batches", () => {
  it("applies one verification's events in the order they arrived, within one batch", async () => {
    const v = await openVerification();
    const ids = [
      await storeIdentification(v.scanRef, false, "REVIEWING"),
      await storeIdentification(v.scanRef, true, "SUSPECTED"),
      // Late: an automatic result after the final one is old news.
      await storeIdentification(v.scanRef, false, "APPROVED"),
    ];
    const { results } = await processWebhookBatch();
    expect(
      results.filter((r) => ids.includes(r.id)).map((r) => ("applied" in r ? r.applied.outcome : "x")),
    ).toEqual(["applied", "applied", "ignored"]);
    expect(await getDb().verification.findUniqueOrThrow({ where: { id: v.id } })).toMatchObject({
      status: "SUSPECTED",
      markidStatus: "SUSPECTED",
    });
    const trail = await auditsOf(ids);
    expect(trail.map((a) => (a.details as { webhookEventId: string }).webhookEventId)).toEqual(ids);
    expect((await verifyAuditChain(getPool())).ok).toBe(true);
  });

  it("writes what it staged before a finished call, which then sees the verification as it is", async () => {
    const v = await openVerification();
    await getDb().verification.update({ where: { id: v.id }, data: { status: "CALL_IN_PROGRESS" } });
    const older = await getDb().videoCall.create({
      data: { verificationId: v.id, photos: false, createdAt: new Date("2026-01-01T10:00:00Z") },
    });
    const newer = await getDb().videoCall.create({
      data: { verificationId: v.id, photos: false, createdAt: new Date("2026-01-01T11:00:00Z") },
    });
    // The bank's systems hear of each call with the case as it stands: what the batch staged included.
    await getDb().webhookEndpoint.create({
      data: { url: "https://bank.example/calls", events: ["call.finished"], secretSealed: "sealed" },
    });
    const ids = [
      await storeCallFinished(v.scanRef, true),
      await storeIdentification(v.scanRef, false, "APPROVED"),
      await storeCallFinished(v.scanRef, false),
      await storeIdentification(v.scanRef, true, "SUSPECTED"),
    ];
    const { results } = await processWebhookBatch();
    expect(results.filter((r) => ids.includes(r.id)).every((r) => "applied" in r)).toBe(true);
    const trail = await auditsOf(ids);
    const steps = trail.map((a) => {
      const d = a.details as { previousStatus: string; status: string };
      return [a.action, d.previousStatus, d.status];
    });
    expect(steps).toEqual([
      ["webhook.video_call_finished", "CALL_IN_PROGRESS", "CALL_FINISHED"],
      ["webhook.identification_result", "CALL_FINISHED", "REVIEWING"],
      ["webhook.video_call_finished", "REVIEWING", "REVIEWING"],
      ["webhook.identification_result", "REVIEWING", "SUSPECTED"],
    ]);
    expect(await getDb().verification.findUniqueOrThrow({ where: { id: v.id } })).toMatchObject({
      status: "SUSPECTED",
      markidStatus: "SUSPECTED",
    });
    const calls = await getDb().videoCall.findMany({ where: { verificationId: v.id } });
    expect(new Map(calls.map((c) => [c.id, c.outcome]))).toEqual(
      new Map([
        [newer.id, "SUCCEEDED"],
        [older.id, "FAILED"],
      ]),
    );
    const sent = await getDb().webhookDelivery.findMany({
      where: { verificationId: v.id },
      orderBy: { id: "asc" },
    });
    const told = sent.map((d) => (JSON.parse(d.body) as { data: { status: string; success: boolean } }).data);
    expect(told.map((d) => [d.success, d.status]).sort()).toEqual([
      [false, "REVIEWING"],
      [true, "CALL_FINISHED"],
    ]);
  });

  it("applies each event once when several loops run batches at the same time", { timeout: 0 }, async () => {
    const verifications = await Promise.all(Array.from({ length: 12 }, () => openVerification()));
    const ids: string[] = [];
    for (const v of verifications) {
      ids.push(await storeIdentification(v.scanRef, false, "APPROVED"));
      ids.push(await storeIdentification(v.scanRef, true, "DENIED"));
    }
    // Small batches, four loops: they contend for the same verifications and events.
    const loop = async () => {
      while ((await processWebhookBatch(5)).claimed > 0);
    };
    await Promise.all([loop(), loop(), loop(), loop()]);
    const rows = await getDb().webhookEvent.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.processedAt !== null && r.attempts === 0)).toBe(true);
    const trail = await auditsOf(ids);
    expect(trail.map((a) => (a.details as { webhookEventId: string }).webhookEventId).sort()).toEqual(
      [...ids].sort(),
    );
    for (const v of verifications) {
      expect(await getDb().verification.findUniqueOrThrow({ where: { id: v.id } })).toMatchObject({
        markidStatus: "DENIED",
        status: "REVIEWING",
      });
    }
    expect((await verifyAuditChain(getPool())).ok).toBe(true);
  });

  it("fails a poison event alone: the rest of its batch is applied and audited", async () => {
    const v = await openVerification();
    const before = await storeIdentification(v.scanRef, false, "APPROVED");
    const bad = await poison();
    const after = await storeIdentification(v.scanRef, true, "EXPIRED");
    const { results } = await processWebhookBatch();
    const outcome = new Map(results.map((r) => [r.id, "applied" in r ? r.applied.outcome : "failed"]));
    expect([before, bad, after].map((id) => outcome.get(id))).toEqual(["applied", "failed", "applied"]);
    expect(await event(bad)).toMatchObject({ processedAt: null, attempts: 1 });
    expect((await auditsOf([before, bad, after])).length).toBe(2);
    expect((await getDb().verification.findUniqueOrThrow({ where: { id: v.id } })).status).toBe("EXPIRED");
    expect((await verifyAuditChain(getPool())).ok).toBe(true);
  });

  it("gives a poison event up after its last attempt", async () => {
    const bad = await poison();
    await getDb().webhookEvent.update({ where: { id: bad }, data: { attempts: MAX_ATTEMPTS - 1 } });
    await processWebhookBatch();
    expect(await event(bad)).toMatchObject({ attempts: MAX_ATTEMPTS, processedAt: null });
    // Due again by the clock, but given up: no batch takes it any more.
    await getDb().webhookEvent.update({ where: { id: bad }, data: { retryAt: new Date(0) } });
    expect((await processWebhookBatch()).results.map((r) => r.id)).not.toContain(bad);
  });

  it("applies an event stored before its verification existed, to that verification", async () => {
    const scanRef = `late-${Date.now()}`;
    const id = await storeIdentification(scanRef, true, "SUSPECTED");
    expect(await event(id)).toMatchObject({ verificationId: null, unknownScanRef: true });
    const v = await getDb().verification.create({
      data: { scanRef, clientId: "late-client", tokenType: "VIDEO_CALL", status: "ACTIVE" },
    });
    await drain([id]);
    expect(await event(id)).toMatchObject({ verificationId: v.id, unknownScanRef: false });
    expect((await getDb().verification.findUniqueOrThrow({ where: { id: v.id } })).status).toBe("SUSPECTED");
  });
});
