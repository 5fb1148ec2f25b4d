// The case page's live-refresh fingerprint, taken from its own reads, is the one the version route answers,
// so a page never refreshes itself for nothing nor misses a change.
import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import {
  getTimeline,
  pageVersion,
  TIMELINE_LIMIT,
  verificationVersion,
  type TimelineEntry,
} from "@/lib/verifications/timeline";
import { caseWith } from "../support/case-fixtures";

const db = getDb();
const updatedAt = async (id: string) =>
  (await db.verification.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } })).updatedAt;

async function opened(verificationId: string) {
  await db.$transaction((tx) =>
    recordAudit(tx, {
      action: "link.opened",
      targetType: "verification",
      targetId: verificationId,
      details: { linkId: verificationId, kind: "VIDEO_CALL" },
    }),
  );
}

describe("the case page's version", () => {
  it("equals the version route's, before and after a new event", async () => {
    const c = await caseWith();
    const fromPage = async () => pageVersion(c.id, await updatedAt(c.id), await getTimeline(c.id));
    const before = await verificationVersion(c.id);
    expect(await fromPage()).toBe(before);
    await opened(c.id);
    const after = await verificationVersion(c.id);
    expect(after).not.toBe(before);
    expect(await fromPage()).toBe(after);
  });

  it("asks the database when the timeline was cut at its limit", async () => {
    const c = await caseWith();
    await opened(c.id);
    // A cut timeline's last entry is not the newest event: its id must not become the version.
    const cut = Array.from({ length: TIMELINE_LIMIT }, (_, i) => ({ id: String(i + 1) }) as TimelineEntry);
    expect(await pageVersion(c.id, await updatedAt(c.id), cut)).toBe(await verificationVersion(c.id));
  });
});
