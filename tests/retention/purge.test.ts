// The purge against a real sandbox, real files and real PostgreSQL: it deletes exactly what the policy says is
// due (files, partial files, MarkID's copy, personal fields), keeps what is held, writes one receipt, leaves
// metrics' counts and the audit chain intact, and runs again without doing anything twice.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { seen, startFaultSandbox } from "../faults/support";
import { archivedCase, purgeDepsForTest } from "./support";

let sandbox: Sandbox;
let db: ReturnType<typeof import("@/lib/db").getDb>;
beforeAll(async () => {
  sandbox = await startFaultSandbox();
  db = (await import("@/lib/db")).getDb();
});
afterAll(() => sandbox.close());

const FIVE_YEARS_ON = new Date("2031-12-10T00:00:00Z");
const filesOf = (id: string) => readdir(path.join(process.env.MEDIA_DIR!, id)).catch(() => null);
const events = (id: string, action: string) =>
  db.auditEvent.findMany({ where: { targetId: id, action }, orderBy: { id: "asc" } });

describe("the retention purge, five years on", () => {
  it("purges what is due, keeps what is held, and does nothing twice", async () => {
    const { runRetentionPurge } = await import("@/lib/retention/purge-job");
    const { placeHold } = await import("@/lib/retention/holds");
    const { perDay } = await import("@/lib/metrics/queries");
    const { verifyAuditChain } = await import("@/lib/audit/verify");
    const { getPool } = await import("@/lib/db");
    const lead = await db.staffUser.create({
      data: { email: "lead-ret@example.test", name: "Lead", role: "LEAD" },
    });

    // Approved 2026-06-01: kept five years, so due 2031-06-01. Rejected a month ago: due after one year.
    const approved = await archivedCase(
      sandbox,
      "RET-APPROVED",
      "APPROVED",
      new Date("2026-06-01T09:00:00Z"),
    );
    const rejected = await archivedCase(sandbox, "RET-REJECTED", "DENIED", new Date("2026-11-01T09:00:00Z"));
    const held = await archivedCase(sandbox, "RET-HELD", "APPROVED", new Date("2026-06-01T09:00:00Z"));
    // Approved in January 2027: kept until January 2032, after the clock.
    const recent = await archivedCase(sandbox, "RET-RECENT", "APPROVED", new Date("2027-01-15T09:00:00Z"));
    await db.$transaction((tx) =>
      placeHold(tx, lead.id, { clientId: "RET-HELD" }, { reason: "Litigation", endsOn: null }, new Date()),
    );
    const beforeFiles = await db.mediaAsset.findMany({ where: { verificationId: approved.id } });
    expect(beforeFiles.length).toBe(4);
    const metricsBefore = await perDay({}, { kind: "all" });

    // An event already sent to the bank carried the client ID: its stored copy must lose it.
    const endpoint = await db.webhookEndpoint.create({
      data: { url: "https://bank.example/hooks", events: ["decision.recorded"], secretSealed: "sealed" },
    });
    const sentBody = JSON.stringify({
      type: "decision.recorded",
      data: { verificationId: approved.id, clientId: "RET-APPROVED", externalRef: "REF-42" },
    });
    await db.webhookDelivery.create({
      data: {
        endpointId: endpoint.id,
        eventType: "decision.recorded",
        body: sentBody,
        verificationId: approved.id,
        status: "DELIVERED",
      },
    });
    const deps = await purgeDepsForTest();
    const run = await runRetentionPurge(deps, FIVE_YEARS_ON);
    expect(run).toMatchObject({ purged: 2, failed: 0, error: 0 });

    for (const v of [approved, rejected]) {
      expect(await filesOf(v.id)).toBeNull();
      const row = await db.verification.findUniqueOrThrow({ where: { id: v.id } });
      expect(row).toMatchObject({
        firstName: null,
        lastName: null,
        email: null,
        phone: null,
        externalRef: null,
        authTokenSealed: null,
        clientId: `purged:${v.id}`,
      });
      expect(row.purgedAt).toEqual(expect.any(Date));
      expect(await db.mediaAsset.count({ where: { verificationId: v.id } })).toBe(0);
      const webhooks = await db.webhookEvent.findMany({ where: { verificationId: v.id } });
      expect(webhooks.every((w) => w.bodySealed === "")).toBe(true);
      // MarkID's copy is gone too: the sandbox answers as for a deleted verification.
      expect(sandbox.controls.verification(v.scanRef)?.phase).toBe("DELETED");
    }
    const delivered = await db.webhookDelivery.findFirstOrThrow({ where: { verificationId: approved.id } });
    expect(JSON.parse(delivered.body).data).toEqual({
      verificationId: approved.id,
      clientId: null,
      externalRef: null,
    });
    const [receipt] = await events(approved.id, "retention.purged");
    const details = receipt!.details as {
      files: Array<{ sha256: string; kind: string }>;
      policyVersion: number;
    };
    expect(details.policyVersion).toBe(0);
    expect(details.files.map((f) => f.sha256).sort()).toEqual(beforeFiles.map((f) => f.sha256).sort());

    // Held (by client ID) and not yet due: untouched.
    for (const v of [held, recent]) {
      expect((await filesOf(v.id))?.length).toBeGreaterThan(0);
      const kept = await db.verification.findUniqueOrThrow({ where: { id: v.id } });
      expect(kept).toMatchObject({ firstName: "Zelda", purgedAt: null });
    }

    // Nothing twice: no new receipts, no second call to MarkID.
    const deletes = seen(sandbox, "/api/v2/delete");
    expect(await runRetentionPurge(deps, FIVE_YEARS_ON)).toMatchObject({ purged: 0 });
    expect(seen(sandbox, "/api/v2/delete")).toBe(deletes);
    expect(await events(approved.id, "retention.purged")).toHaveLength(1);
    expect(await events(approved.id, "retention.purge_started")).toHaveLength(1);

    // Nothing fetches the evidence back: the archive refuses a purged case.
    const { archiveRecordings } = await import("@/lib/recordings/archive");
    expect(await archiveRecordings(approved.id)).toMatchObject({ archived: 0, error: expect.any(String) });
    expect(await filesOf(approved.id)).toBeNull();

    // Metrics still count every case where it ended; the chain still verifies.
    expect(await perDay({}, { kind: "all" })).toEqual(metricsBefore);
    expect((await verifyAuditChain(getPool())).ok).toBe(true);
  });
});
