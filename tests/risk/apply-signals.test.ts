// Risk signals computed inside applyDecision's transaction from what the database holds, stored with the
// decision, and a flagged case drawn for QA whatever the sampling share.
import { beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import { readRiskAssessment } from "@/lib/risk/schema";
import { caseWith, passEveryItem, REASON, staffMember, type Staff } from "../support/case-fixtures";

let db: ReturnType<typeof import("@/lib/db").getDb>;
let apply: typeof import("@/lib/decisions/apply");
let officer: Staff;
const NOW = new Date("2026-05-06T10:00:00Z");
const NEVER = () => 0.999;

beforeAll(async () => {
  db = (await import("@/lib/db")).getDb();
  apply = await import("@/lib/decisions/apply");
  officer = await staffMember("OFFICER");
});

/** Approves the case at NOW (sampling share never drawing) and reads back the stored assessment. */
async function approveAndAssess(id: string) {
  await passEveryItem(id, officer.id);
  await db.$transaction((tx: Tx) =>
    apply.applyDecision(
      tx,
      officer.id,
      id,
      { outcome: "APPROVE", reason: REASON.APPROVE },
      { now: NOW, random: NEVER },
    ),
  );
  const decision = await db.decision.findFirstOrThrow({ where: { verificationId: id } });
  return readRiskAssessment(decision.riskSignals);
}

describe("risk signals on a recorded decision", () => {
  it("stores each signal the facts support, explains what could not be checked, and flags the case for QA", async () => {
    const c = await caseWith({ media: ["VIDEO"] });
    const v = await db.verification.update({
      where: { id: c.id },
      data: { documentNumber: "AB123", createdAt: new Date(NOW.getTime() - 3600_000) },
    });
    await db.mediaAsset.updateMany({ where: { verificationId: c.id }, data: { durationMs: 252_000 } });
    await db.videoCall.create({
      data: {
        verificationId: c.id,
        photos: false,
        outcome: "SUCCEEDED",
        finishedAt: new Date(NOW.getTime() - 70_000),
      },
    });
    // An earlier rejected case of the same client, decided by the same officer 10 days ago.
    const earlier = await db.verification.create({
      data: {
        scanRef: `${v.scanRef}-old`,
        clientId: v.clientId,
        tokenType: "VIDEO_CALL",
        status: "DENIED",
        createdAt: new Date(NOW.getTime() - 10 * 86_400_000),
      },
    });
    await db.decision.create({
      data: {
        verificationId: earlier.id,
        decidedById: officer.id,
        outcome: "REJECT",
        reason: "r",
        state: "FINAL",
        createdAt: new Date(NOW.getTime() - 10 * 86_400_000),
      },
    });
    // The same document on another client's case 30 days ago, and on one 100 days ago (too old to count).
    for (const [days, tag] of [
      [30, "doc"],
      [100, "old-doc"],
    ] as const) {
      await db.verification.create({
        data: {
          scanRef: `${v.scanRef}-${tag}`,
          clientId: `${tag}-${v.clientId}`,
          tokenType: "VIDEO_CALL",
          documentNumber: "AB123",
          createdAt: new Date(NOW.getTime() - days * 86_400_000),
        },
      });
    }
    const risk = await approveAndAssess(c.id);
    expect(risk?.signals).toEqual([
      { kind: "decided_within_video_length", decidedAfterSeconds: 70, videoSeconds: 252 },
      { kind: "same_officer_earlier_refusal", verificationIds: [earlier.id] },
      {
        kind: "seen_recently",
        matches: [
          { verificationId: earlier.id, by: "clientId" },
          { verificationId: expect.any(String), by: "documentNumber" },
        ],
      },
    ]);
    expect(risk?.unavailable).toEqual([]);
    expect(await db.qaSample.findFirst({ where: { verificationId: c.id } })).toMatchObject({
      reason: "RISK",
    });
  });

  it("says what it could not check when no video states its length and MarkID sent no document number", async () => {
    const c = await caseWith({ media: ["VIDEO"] });
    const risk = await approveAndAssess(c.id);
    expect(risk?.signals).toEqual([]);
    expect(risk?.unavailable.map((u) => u.kind)).toEqual([
      "decided_within_video_length",
      "seen_recently",
      "short_call",
    ]);
    expect(await db.qaSample.count({ where: { verificationId: c.id } })).toBe(0);
  });
});
