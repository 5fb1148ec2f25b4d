import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sealWebhookBody } from "@/lib/auth/markid-secrets";
import { getDb } from "@/lib/db";
import { startWorkers } from "@/lib/jobs/workers";
import { processWebhookBatch, processWebhookEvent } from "@/lib/webhooks/batch";
import { createVerification, deliver, storedBody, vectorPayload } from "./helpers";

async function receive(payload: unknown): Promise<string> {
  const body = JSON.stringify(payload);
  expect((await deliver(body)).status).toBe(200);
  const sha = createHash("sha256").update(body).digest("hex");
  return (await getDb().webhookEvent.findUniqueOrThrow({ where: { bodySha256: sha } })).id;
}

function identification(scanRef: string, final: boolean, overall: string, nonce = 0) {
  const payload = vectorPayload();
  return {
    ...payload,
    scanRef,
    final,
    finishTime: 1554727002 + nonce,
    status: { ...payload.status, overall },
  };
}

function callFinished(scanRef: string, success: boolean, date = "2020-08-14 12:48:08.085275+00:00") {
  return {
    videoCallAnswers: { "Is this your document?": { answer: "Yes", correct: success } },
    date,
    status: success,
    scanRef,
    authToken: "token-that-must-stay-private",
    clientId: "client-1",
  };
}

async function audits(targetId: string, action: string) {
  return getDb().auditEvent.findMany({ where: { targetId, action }, orderBy: { id: "asc" } });
}

async function recordingJobs(verificationId: string): Promise<number> {
  const rows = await getDb().$queryRaw<Array<{ n: bigint }>>`
    SELECT count(*) AS n FROM pgboss.job WHERE name = 'recordings.fetch' AND singleton_key = ${verificationId}`;
  return Number(rows[0]?.n ?? 0);
}

describe("processing MarkID webhooks", () => {
  it("applies an automatic (final:false) result, then the final one", async () => {
    const v = await createVerification("CALL_IN_PROGRESS");
    expect(await processWebhookEvent(await receive(identification(v.scanRef, false, "APPROVED")))).toBe(
      "applied",
    );
    let row = await getDb().verification.findUniqueOrThrow({ where: { id: v.id } });
    expect(row).toMatchObject({ status: "REVIEWING", markidStatus: "APPROVED", markidFinalAt: null });

    const finalId = await receive(identification(v.scanRef, true, "SUSPECTED", 1));
    expect(await processWebhookEvent(finalId)).toBe("applied");
    row = await getDb().verification.findUniqueOrThrow({ where: { id: v.id } });
    expect(row).toMatchObject({ status: "SUSPECTED", markidStatus: "SUSPECTED" });
    expect(row.markidFinalAt).toBeInstanceOf(Date);

    const trail = await audits(v.id, "webhook.identification_result");
    expect(trail).toHaveLength(2);
    expect(trail.every((a) => a.actorId === null && a.targetType === "verification")).toBe(true);
    const event = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: finalId } });
    expect(event.processedAt).toBeInstanceOf(Date);
    expect(event.processError).toBeNull();
  });

  it("keeps the final result when an automatic one arrives after it", async () => {
    const v = await createVerification("CALL_IN_PROGRESS");
    const finalId = await receive(identification(v.scanRef, true, "DENIED"));
    const lateId = await receive(identification(v.scanRef, false, "APPROVED"));
    expect(await processWebhookEvent(finalId)).toBe("applied");
    expect(await processWebhookEvent(lateId)).toBe("ignored");
    const row = await getDb().verification.findUniqueOrThrow({ where: { id: v.id } });
    // MarkID's DENIED waits for staff: only a staff decision closes a verification.
    expect(row).toMatchObject({ status: "REVIEWING", markidStatus: "DENIED" });
    const trail = await audits(v.id, "webhook.identification_result");
    expect(trail.at(-1)?.details).toMatchObject({ ignored: "final-already-received" });
    expect(
      (await getDb().webhookEvent.findUniqueOrThrow({ where: { id: lateId } })).processedAt,
    ).not.toBeNull();
  });

  it("keeps an unknown overall status as text and asks a person to look", async () => {
    const v = await createVerification();
    await processWebhookEvent(await receive(identification(v.scanRef, true, "QUANTUM_SUPERPOSITION")));
    const row = await getDb().verification.findUniqueOrThrow({ where: { id: v.id } });
    expect(row).toMatchObject({ markidStatus: "QUANTUM_SUPERPOSITION", status: "REVIEWING" });
  });

  it("keeps only the document number of MarkID's data, normalised, and never in the audit trail", async () => {
    const v = await createVerification();
    const body = identification(v.scanRef, true, "APPROVED", 7);
    await processWebhookEvent(await receive({ ...body, data: { docNumber: " ab-12 345 " } }));
    expect((await getDb().verification.findUniqueOrThrow({ where: { id: v.id } })).documentNumber).toBe(
      "AB12345",
    );
    const trail = await audits(v.id, "webhook.identification_result");
    expect(JSON.stringify(trail.map((e) => e.details))).not.toMatch(/AB12345|ab-12/);
  });

  it("closes a verification MarkID expired", async () => {
    const v = await createVerification();
    await processWebhookEvent(await receive(identification(v.scanRef, true, "EXPIRED")));
    expect(await getDb().verification.findUniqueOrThrow({ where: { id: v.id } })).toMatchObject({
      status: "EXPIRED",
      markidStatus: "EXPIRED",
    });
  });

  it("never moves a verification staff already closed", async () => {
    const v = await createVerification();
    await getDb().verification.update({
      where: { id: v.id },
      data: { status: "APPROVED", decidedAt: new Date() },
    });
    await processWebhookEvent(await receive(identification(v.scanRef, true, "DENIED")));
    expect(await getDb().verification.findUniqueOrThrow({ where: { id: v.id } })).toMatchObject({
      status: "APPROVED",
      markidStatus: "DENIED",
    });
  });

  it("marks the newest pending call finished and queues one recordings fetch per verification", async () => {
    const v = await createVerification("CALL_IN_PROGRESS");
    const older = await getDb().videoCall.create({
      data: { verificationId: v.id, photos: true, createdAt: new Date("2026-01-01T10:00:00Z") },
    });
    const newer = await getDb().videoCall.create({
      data: { verificationId: v.id, photos: true, createdAt: new Date("2026-01-01T11:00:00Z") },
    });
    const eventId = await receive(callFinished(v.scanRef, true));
    // The body repeats the client's MarkID token: stored sealed, and still processed.
    const stored = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(stored.bodySealed).not.toContain("token-that-must-stay-private");
    expect(storedBody(stored)).toContain("token-that-must-stay-private");
    expect(await processWebhookEvent(eventId)).toBe("applied");

    const calls = await getDb().videoCall.findMany({ where: { verificationId: v.id } });
    const byId = new Map(calls.map((c) => [c.id, c]));
    expect(byId.get(newer.id)).toMatchObject({ outcome: "SUCCEEDED" });
    expect(byId.get(newer.id)?.finishedAt?.toISOString()).toBe("2020-08-14T12:48:08.085Z");
    expect(byId.get(older.id)).toMatchObject({ outcome: "PENDING", finishedAt: null });
    expect(await getDb().verification.findUniqueOrThrow({ where: { id: v.id } })).toMatchObject({
      status: "CALL_FINISHED",
    });
    expect(await recordingJobs(v.id)).toBe(1);

    // A second call ends (failed); the fetch already waiting covers it.
    await processWebhookEvent(await receive(callFinished(v.scanRef, false, "2020-08-14 13:00:00+00:00")));
    expect(await getDb().videoCall.findUniqueOrThrow({ where: { id: older.id } })).toMatchObject({
      outcome: "FAILED",
    });
    expect(await recordingJobs(v.id)).toBe(1);
    const trail = await audits(v.id, "webhook.video_call_finished");
    expect(trail).toHaveLength(2);
    expect(JSON.stringify(trail.map((a) => a.details))).not.toContain("token-that-must-stay-private");
  });

  it("processes each event once, and records events it cannot place", async () => {
    const v = await createVerification();
    const id = await receive(identification(v.scanRef, false, "APPROVED"));
    expect(await processWebhookEvent(id)).toBe("applied");
    expect(await processWebhookEvent(id)).toBe("already-processed");

    const stray = await receive(identification("scan-ref-of-someone-else", true, "APPROVED"));
    expect(await processWebhookEvent(stray)).toBe("unmatched");
    expect(await audits(stray, "webhook.unmatched")).toHaveLength(1);
    expect(
      (await getDb().webhookEvent.findUniqueOrThrow({ where: { id: stray } })).processedAt,
    ).not.toBeNull();
  });

  it("records a processing error on the event alone, and retries it later without holding up the rest", async () => {
    const event = await getDb().webhookEvent.create({
      data: {
        bodySha256: "0".repeat(64),
        bodySealed: sealWebhookBody("0".repeat(64), "{not json"),
        kind: "UNKNOWN",
      },
    });
    const v = await createVerification("CALL_IN_PROGRESS");
    const good = await receive(identification(v.scanRef, false, "APPROVED"));
    const { results } = await processWebhookBatch();
    const byId = new Map(results.map((r) => [r.id, "applied" in r ? r.applied.outcome : "failed"]));
    expect([byId.get(event.id), byId.get(good)]).toEqual(["failed", "applied"]);
    expect(
      (await getDb().webhookEvent.findUniqueOrThrow({ where: { id: good } })).processedAt,
    ).not.toBeNull();
    const stored = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored).toMatchObject({ processedAt: null, attempts: 1 });
    expect(stored.processError).toMatch(/SyntaxError/);
    // Not due again at once: the next batch passes it over until its retry time.
    expect(stored.retryAt!.getTime()).toBeGreaterThan(Date.now());
    expect((await processWebhookBatch()).results.map((r) => r.id)).not.toContain(event.id);
    // Asked for by id, it is tried again (and fails again, visibly).
    await expect(processWebhookEvent(event.id)).rejects.toThrow(SyntaxError);
    expect(await getDb().webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      attempts: 2,
    });
  });

  it("runs end to end through the job workers' loop", { timeout: 0 }, async () => {
    await startWorkers();
    const v = await createVerification("CALL_IN_PROGRESS");
    const id = await receive(identification(v.scanRef, true, "SUSPECTED", 7));
    // No deadline: the worker polls; the test waits until it has run.
    while (!(await getDb().webhookEvent.findUniqueOrThrow({ where: { id } })).processedAt) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await getDb().verification.findUniqueOrThrow({ where: { id: v.id } })).toMatchObject({
      status: "SUSPECTED",
    });

    // Stored by another process (a web instance with JOB_WORKERS=off): nothing wakes this loop; it polls.
    const other = await createVerification();
    const text = JSON.stringify(identification(other.scanRef, false, "APPROVED", 8));
    const sha = createHash("sha256").update(text).digest("hex");
    const stored = await getDb().webhookEvent.create({
      data: {
        bodySha256: sha,
        bodySealed: sealWebhookBody(sha, text),
        kind: "IDENTIFICATION",
        scanRef: other.scanRef,
        verificationId: other.id,
      },
    });
    while (!(await getDb().webhookEvent.findUniqueOrThrow({ where: { id: stored.id } })).processedAt) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await getDb().verification.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      status: "REVIEWING",
      markidStatus: "APPROVED",
    });
  });
});
