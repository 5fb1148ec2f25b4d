// Events are written in the transaction of the change that causes them, through the real domain code: a
// rejection (which waits for four-eyes) is "decision.recorded" as pending; its confirmation "decision.confirmed".
// Payloads carry ids, states, the client ID and the reference; never names, emails or phones.
import { beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import { caseWith, passEveryItem, staffMember, type Staff } from "../support/case-fixtures";
import { decide } from "../qa/support";

let db: ReturnType<typeof import("@/lib/db").getDb>;
let officer: Staff;
let lead: Staff;

beforeAll(async () => {
  db = (await import("@/lib/db")).getDb();
  [officer, lead] = await Promise.all([staffMember("OFFICER"), staffMember("LEAD")]);
  await db.webhookEndpoint.create({
    data: {
      url: "https://bank.example/hooks",
      events: ["decision.recorded", "decision.confirmed"],
      secretSealed: "sealed",
    },
  });
  // Subscribed to nothing that happens here: gets nothing.
  await db.webhookEndpoint.create({
    data: { url: "https://other.example/hooks", events: ["call.finished"], secretSealed: "sealed" },
  });
});

describe("outbound events from domain changes", () => {
  it("records a pending decision, then its confirmation, with ids and states only", async () => {
    const c = await caseWith({ media: ["VIDEO", "FACE_PHOTO"] });
    await db.verification.update({
      where: { id: c.id },
      data: {
        firstName: "Zelda",
        lastName: "Sentinelova",
        email: "zelda@example.test",
        phone: "+49 170 9999999",
        externalRef: "REF-7",
      },
    });
    await passEveryItem(c.id, officer.id);
    await decide(officer, c.id, "REJECT");
    const decision = await db.decision.findFirstOrThrow({ where: { verificationId: c.id } });
    expect(decision.state).toBe("PENDING_SECOND_REVIEW");

    const [{ auditedCommit }, apply] = await Promise.all([
      import("@/lib/audit/commit"),
      import("@/lib/decisions/apply"),
    ]);
    await auditedCommit(
      { ...lead, scopeDates: null },
      { requestId: "r", ip: null, userAgent: "vitest" },
    )((tx: Tx) => apply.applySecondReview(tx, lead.id, c.id, decision.id, { verdict: "confirm" }));

    const deliveries = await db.webhookDelivery.findMany({
      where: { verificationId: c.id },
      orderBy: { createdAt: "asc" },
    });
    expect(deliveries.map((d) => d.eventType)).toEqual(["decision.recorded", "decision.confirmed"]);
    const [recorded, confirmed] = deliveries.map((d) => JSON.parse(d.body));
    expect(recorded.data).toMatchObject({
      verificationId: c.id,
      status: "REVIEWING",
      externalRef: "REF-7",
      decision: { id: decision.id, outcome: "REJECT", state: "PENDING_SECOND_REVIEW" },
    });
    expect(confirmed.data).toMatchObject({ status: "DENIED", decision: { id: decision.id, state: "FINAL" } });
    for (const d of deliveries) {
      for (const personal of ["Zelda", "Sentinelova", "zelda@example.test", "9999999"])
        expect(d.body).not.toContain(personal);
    }
    // A pg-boss job waits for each, created in the same transaction.
    const jobs = await db.$queryRaw<Array<{ deliveryId: string }>>`
      SELECT data->>'deliveryId' AS "deliveryId" FROM pgboss.job WHERE name = 'outbound.deliver'`;
    expect(jobs.map((j) => j.deliveryId).sort()).toEqual(deliveries.map((d) => d.id).sort());
  });
});
