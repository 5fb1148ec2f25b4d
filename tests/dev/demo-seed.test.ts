// The demo seed: cases in every stage, minted at a sandbox and archived by the app's own code; a second run
// writes nothing; a database that holds real cases, or is not the stack's own, is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { startFaultSandbox } from "../faults/support";

let sandbox: Sandbox;
let seedDemoCases: typeof import("@/scripts/dev/demo-seed").seedDemoCases;
let getDb: typeof import("@/lib/db").getDb;

beforeAll(async () => {
  sandbox = await startFaultSandbox();
  ({ seedDemoCases } = await import("@/scripts/dev/demo-seed"));
  ({ getDb } = await import("@/lib/db"));
  const { DEMO_STAFF } = await import("@/scripts/db/seed");
  for (const s of DEMO_STAFF.filter((s) => s.role !== "AUDITOR"))
    await getDb().staffUser.create({ data: { email: s.email, name: s.name, role: s.role } });
});
afterAll(() => sandbox.close());

async function snapshot() {
  const db = getDb();
  const [verifications, decisions, media, answers, links] = await Promise.all([
    db.verification.findMany({
      orderBy: { clientId: "asc" },
      select: { id: true, clientId: true, status: true, createdAt: true },
    }),
    db.decision.findMany({
      orderBy: { id: "asc" },
      select: { id: true, outcome: true, state: true, reason: true },
    }),
    db.mediaAsset.findMany({ orderBy: { id: "asc" }, select: { id: true, kind: true, sha256: true } }),
    db.checklistAnswer.count(),
    db.linkDelivery.count(),
  ]);
  return { verifications, decisions, media, answers, links };
}

describe("the demo seed", () => {
  it("refuses a database that is not the stack's own, and writes nothing", async () => {
    expect(await seedDemoCases(false)).toEqual({ refused: expect.stringContaining("stack's own database") });
    expect(await getDb().verification.count()).toBe(0);
  });

  it("seeds a case in every stage with archived recordings and decisions; a second run changes nothing", async () => {
    expect(await seedDemoCases(true)).toEqual({ seeded: 14 });
    const first = await snapshot();
    const status = Object.fromEntries(first.verifications.map((v) => [v.clientId, v.status]));
    expect(status).toMatchObject({
      "DEMO-2001": "ACTIVE",
      "DEMO-2003": "EXPIRED",
      "DEMO-2004": "CALL_IN_PROGRESS",
      "DEMO-2005": "CALL_FINISHED",
      "DEMO-2007": "REVIEWING",
      "DEMO-2008": "APPROVED",
      "DEMO-2011": "DENIED",
      "DEMO-2013": "ABORTED",
    });
    // Face, front, back and video for each of the ten cases whose call finished.
    expect(first.media).toHaveLength(10 * 4);
    expect(first.decisions.map((d) => d.state).sort()).toEqual([
      ...Array(7).fill("FINAL"),
      "PENDING_SECOND_REVIEW",
    ]);
    expect(first.decisions.every((d) => d.reason.length > 0)).toBe(true);
    expect(first.answers).toBeGreaterThan(0);
    // Spread over weeks, so the metrics have shape.
    const oldest = Math.min(...first.verifications.map((v) => v.createdAt.getTime()));
    expect(Date.now() - oldest).toBeGreaterThan(20 * 86_400_000);

    expect(await seedDemoCases(true)).toEqual({ seeded: 0 });
    expect(await snapshot()).toEqual(first);
  });

  it("refuses a database holding a case that is not a demo case", async () => {
    const db = getDb();
    await db.setting.delete({ where: { key: "demo.cases" } });
    await db.verification.create({
      data: { scanRef: "real-1", clientId: "CUST-1", tokenType: "VIDEO_CALL" },
    });
    const before = await snapshot();
    expect(await seedDemoCases(true)).toEqual({ refused: expect.stringContaining("not demo cases") });
    expect(await snapshot()).toEqual(before);
  });
});
