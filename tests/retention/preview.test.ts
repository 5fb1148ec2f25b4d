// The purge preview: what falls due in the next 30 days under the policy in force, counted per outcome, each
// row with its reason and date; held cases listed as held and not counted; anything later left out.
import { beforeAll, describe, expect, it } from "vitest";
import { caseWith, staffMember } from "../support/case-fixtures";

let db: ReturnType<typeof import("@/lib/db").getDb>;
beforeAll(async () => {
  db = (await import("@/lib/db")).getDb();
});

const NOW = new Date("2031-06-01T12:00:00Z");

async function decided(status: "APPROVED" | "DENIED", decidedAt: string) {
  const c = await caseWith();
  await db.verification.update({ where: { id: c.id }, data: { status, decidedAt: new Date(decidedAt) } });
  return c.id;
}

describe("the purge preview", () => {
  it("counts what is due within 30 days per outcome, shows why, and sets held cases apart", async () => {
    const { purgePreview } = await import("@/lib/retention/queries");
    const { placeHold } = await import("@/lib/retention/holds");
    const approvedSoon = await decided("APPROVED", "2026-06-20T08:00:00Z"); // due 2031-06-20
    const approvedLater = await decided("APPROVED", "2026-07-15T08:00:00Z"); // due 2031-07-15: after 30 days
    const rejectedSoon = await decided("DENIED", "2030-06-10T08:00:00Z"); // due 2031-06-10
    const heldSoon = await decided("DENIED", "2030-06-05T08:00:00Z"); // due 2031-06-05, but held
    const lead = await staffMember("LEAD");
    await db.$transaction((tx) =>
      placeHold(tx, lead.id, { verificationId: heldSoon }, { reason: "Audit", endsOn: null }, NOW),
    );

    const preview = await purgePreview(NOW);
    const ids = preview.rows.map((r) => r.id);
    expect(ids).toEqual([heldSoon, rejectedSoon, approvedSoon]);
    expect(ids).not.toContain(approvedLater);
    expect(preview.counts).toMatchObject({ APPROVED: 1, REJECTED: 1, UNFINISHED: 0 });
    expect(preview.held).toBe(1);
    const row = preview.rows.find((r) => r.id === approvedSoon)!;
    expect(row).toMatchObject({ retentionClass: "APPROVED", held: false });
    expect(row.keptFrom.toISOString()).toBe("2026-06-20T08:00:00.000Z");
    expect(row.dueAt.toISOString()).toBe("2031-06-20T08:00:00.000Z");
    expect(preview.policy.version).toBe(0);
  });
});
