// The trail names people by id; readers name them from today's rows, and a purged client as "deleted".
import { describe, expect, it } from "vitest";
import { auditPeople } from "@/lib/audit/people";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { getTimeline } from "@/lib/verifications/timeline";
import { caseWith, staffMember } from "../support/case-fixtures";

const db = getDb();

describe("people in the audit log and on the timeline", () => {
  it("are resolved from the current rows, and a purged client shows as deleted", async () => {
    const admin = await staffMember("ADMIN");
    const c = await caseWith();
    await db.verification.update({
      where: { id: c.id },
      data: { firstName: "Zelda", lastName: "Sentinelova" },
    });
    await db.$transaction(async (tx) => {
      await recordAudit(tx, {
        action: "link.opened",
        targetType: "verification",
        targetId: c.id,
        details: { linkId: c.id, kind: "VIDEO_CALL" },
      });
      await recordAudit(tx, {
        action: "staff.2fa_reset",
        actorId: admin.id,
        actorEmail: admin.email,
        targetType: "staff_user",
        targetId: admin.id,
      });
    });
    const rows = await db.auditEvent.findMany({ where: { targetId: { in: [c.id, admin.id] } } });
    // A target id that is no UUID is passed over, not sent to a uuid column.
    const odd = { actorId: null, targetType: "verification", targetId: "SENTINEL-CLIENT-1" };
    const people = await auditPeople([...rows, odd]);
    expect(people.clients).toEqual({ [c.id]: "Zelda Sentinelova" });
    expect(people.staff).toEqual({ [admin.id]: `${admin.name} (${admin.email})` });
    expect((await getTimeline(c.id)).map((e) => e.actor)).toEqual(["Client: Zelda Sentinelova"]);

    // The other fields stand for the tombstone retention writes; purgedAt alone decides.
    await db.verification.update({
      where: { id: c.id },
      data: { purgedAt: new Date(), firstName: null, lastName: null },
    });
    expect((await auditPeople(rows)).clients).toEqual({ [c.id]: "deleted" });
    expect((await getTimeline(c.id)).map((e) => e.actor)).toEqual(["Client: deleted"]);
  });
});
