// Watching the call, when the rulebook requires it, is checked inside the decision transaction.
import { beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import type { PlayedRange } from "@/lib/media/played-ranges";
import type { RulebookContent } from "@/lib/rulebook/schema";
import { caseWith, passEveryItem, REASON, staffMember, type Staff } from "../support/case-fixtures";

let apply: typeof import("@/lib/decisions/apply");
let playback: typeof import("@/lib/recordings/playback");
let db: ReturnType<typeof import("@/lib/db").getDb>;
let officer: Staff;
let colleague: Staff;

beforeAll(async () => {
  apply = await import("@/lib/decisions/apply");
  playback = await import("@/lib/recordings/playback");
  db = (await import("@/lib/db")).getDb();
  [officer, colleague] = await Promise.all([staffMember("OFFICER"), staffMember("OFFICER")]);
});

const run = <T>(fn: (tx: Tx) => Promise<{ value: T }>) => db.$transaction(async (tx) => (await fn(tx)).value);
const decide = (id: string, outcome: "APPROVE" | "REJECT") =>
  run((tx) => apply.applyDecision(tx, officer.id, id, { outcome, reason: REASON[outcome] }));
const watch = (who: Staff, c: { id: string }, mediaId: string, ranges: PlayedRange[], duration = 252) =>
  run((tx) => playback.applyPlaybackReport(tx, who.id, c.id, mediaId, { durationSeconds: duration, ranges }));
const decisionOf = (verificationId: string) => db.decision.findFirstOrThrow({ where: { verificationId } });

async function publish(change: (c: RulebookContent) => RulebookContent) {
  const { getCurrentRulebook } = await import("@/lib/rulebook/current");
  const current = await getCurrentRulebook();
  await db.rulebookVersion.create({
    data: { version: current.version + 1, content: change(current.content) },
  });
}

async function approvableCase(media: Array<"VIDEO"> = ["VIDEO"]) {
  const c = await caseWith({ media });
  await passEveryItem(c.id, officer.id);
  return c;
}

describe("watching the call before approving", () => {
  it("is not asked while the rulebook leaves it off, and the share is kept all the same", async () => {
    const c = await approvableCase();
    await watch(officer, c, c.media.VIDEO!, [[0, 63]]);
    expect(await decide(c.id, "APPROVE")).toBe(false);
    expect((await decisionOf(c.id)).watchedShare).toBeCloseTo(0.25);
  });

  it("refuses approval below the required share, naming both, and allows it once reached", async () => {
    await publish((content) => ({ ...content, watch: { required: true, minShare: 0.8 } }));
    const c = await approvableCase();
    // 199 s of 252 s: 78.9%.
    await watch(officer, c, c.media.VIDEO!, [
      [0, 120],
      [121, 200],
    ]);
    await expect(decide(c.id, "APPROVE")).rejects.toThrow(
      "Approval needs at least 80% of the call watched by you. You have watched 78%.",
    );
    expect(await db.decision.count({ where: { verificationId: c.id } })).toBe(0);
    await watch(officer, c, c.media.VIDEO!, [
      [120, 121.6],
      [200, 201.6],
    ]);
    expect(await decide(c.id, "APPROVE")).toBe(false);
    expect((await decisionOf(c.id)).watchedShare).toBeCloseTo(0.8);
  });

  it("counts only the decider's own playing, over all the case's video", async () => {
    const c = await approvableCase();
    await watch(colleague, c, c.media.VIDEO!, [[0, 252]]);
    await expect(decide(c.id, "APPROVE")).rejects.toThrow(/You have watched 0%/);

    const second = await db.mediaAsset.create({
      data: {
        verificationId: c.id,
        kind: "VIDEO",
        sourceKey: "VIDEO-2",
        storageKey: `${c.id}/VIDEO-2`,
        contentType: "video/mp4",
        sizeBytes: 1n,
        sha256: "0".repeat(64),
      },
    });
    await watch(officer, c, c.media.VIDEO!, [[0, 200]]);
    // The second video's length is not known until a player reports it: nothing counts yet.
    await expect(decide(c.id, "APPROVE")).rejects.toThrow(/You have watched 0%/);
    await watch(officer, c, second.id, [[0, 10]], 48);
    await expect(decide(c.id, "APPROVE")).rejects.toThrow(/You have watched 70%/);
    await watch(officer, c, second.id, [[10, 48]], 48);
    expect(await decide(c.id, "APPROVE")).toBe(false);
  });

  it("leaves the other outcomes alone", async () => {
    const c = await approvableCase();
    // A rejection waits for its second review, as ever.
    expect(await decide(c.id, "REJECT")).toBe(true);
    expect((await decisionOf(c.id)).watchedShare).toBe(0);
  });
});
