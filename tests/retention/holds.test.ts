// Legal holds through their actions as the forms post them: who may place and lift them, the four-eyes rule on
// lifting, refusals (past end date, a case whose purge has begun), what a hold covers, and what is audited.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { setSessionCookie } from "../support/next-headers-mock";
import { caseWith, form, sessionCookieFor, staffMember, type Staff } from "../support/case-fixtures";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

type Actions = typeof import("@/lib/retention/hold-actions");
let actions: Actions;
let db: ReturnType<typeof import("@/lib/db").getDb>;
let lead: Staff;
let otherLead: Staff;
let admin: Staff;

beforeAll(async () => {
  actions = await import("@/lib/retention/hold-actions");
  db = (await import("@/lib/db")).getDb();
  [lead, otherLead, admin] = await Promise.all([
    staffMember("LEAD"),
    staffMember("LEAD"),
    staffMember("ADMIN"),
  ]);
});

const as = async (who: Staff) => setSessionCookie(await sessionCookieFor(who));
const HOLD = { reason: "Court order 12/2026", endsOn: "" };
const active = (where: object) => db.legalHold.findMany({ where: { ...where, liftedAt: null } });

describe("legal holds", () => {
  it("is refused to every role but leads and admins", async () => {
    const c = await caseWith();
    // Auditors are refused every mutating entry point by tests/authorization, generated from the access map.
    for (const role of ["OFFICER", "OPS"] as const) {
      await as(await staffMember(role));
      await expect(actions.placeCaseHold(c.id, {}, form(HOLD))).rejects.toThrow();
    }
    expect(await active({ verificationId: c.id })).toHaveLength(0);
  });

  it("is lifted only by someone other than who placed it, and audited on the case both times", async () => {
    const c = await caseWith();
    await as(lead);
    expect(await actions.placeCaseHold(c.id, {}, form(HOLD))).toMatchObject({ ok: true });
    const [hold] = await active({ verificationId: c.id });
    expect(hold).toMatchObject({ reason: HOLD.reason, placedById: lead.id, endsAt: null });

    const own = await actions.liftLegalHold(hold!.id, {}, form({}));
    expect(own).toMatchObject({ ok: false, message: expect.stringMatching(/Another lead or admin/) });
    expect(await active({ id: hold!.id })).toHaveLength(1);

    await as(admin);
    expect(await actions.liftLegalHold(hold!.id, {}, form({}))).toMatchObject({ ok: true });
    expect(await active({ id: hold!.id })).toHaveLength(0);
    expect(await actions.liftLegalHold(hold!.id, {}, form({}))).toMatchObject({ ok: false });

    const trail = await db.auditEvent.findMany({ where: { targetId: c.id }, orderBy: { id: "asc" } });
    expect(trail.map((e) => [e.action, e.actorId])).toEqual([
      ["retention.hold_placed", lead.id],
      ["retention.hold_lifted", admin.id],
    ]);
    // Ids only: the reason, which may name people, stays in the hold's row.
    expect(JSON.stringify(trail.map((e) => e.details))).not.toContain("Court order");
  });

  it("refuses an end date in the past and a case whose purge has begun", async () => {
    const c = await caseWith();
    await as(lead);
    const past = await actions.placeCaseHold(c.id, {}, form({ ...HOLD, endsOn: "2020-01-01" }));
    expect(past).toMatchObject({ ok: false, fieldErrors: { endsOn: [expect.any(String)] } });
    const garbage = await actions.placeCaseHold(c.id, {}, form({ ...HOLD, endsOn: "next week" }));
    expect(garbage).toMatchObject({ ok: false, fieldErrors: { endsOn: [expect.any(String)] } });
    const noReason = await actions.placeCaseHold(c.id, {}, form({ reason: " ", endsOn: "" }));
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)] } });

    await db.verificationPurge.create({
      data: {
        verificationId: c.id,
        policyVersion: 0,
        retentionClass: "APPROVED",
        dueAt: new Date(),
        files: [],
      },
    });
    const purging = await actions.placeCaseHold(c.id, {}, form(HOLD));
    expect(purging).toMatchObject({ ok: false, message: expect.stringMatching(/purge has already begun/) });
    expect(await active({ verificationId: c.id })).toHaveLength(0);
  });

  it("on a client ID covers its cases, today's and later ones, and ends after its last day", async () => {
    const [a, b] = [await caseWith(), await caseWith()];
    const clientId = `HOLD-${a.id.slice(0, 8)}`;
    await db.verification.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { clientId } });
    await as(otherLead);
    const placed = await actions.placeClientHold({}, form({ ...HOLD, clientId, endsOn: "2099-12-31" }));
    expect(placed).toMatchObject({ ok: true, message: expect.stringMatching(/2 verifications/) });
    const [hold] = await active({ clientId });
    expect(hold!.endsAt?.toISOString()).toBe("2100-01-01T00:00:00.000Z");

    const later = await caseWith();
    await db.verification.update({ where: { id: later.id }, data: { clientId } });
    const { caseRetention } = await import("@/lib/retention/queries");
    expect((await caseRetention(later.id))?.holds.map((h) => h.id)).toEqual([hold!.id]);
    expect((await caseRetention(later.id, new Date("2100-01-01T00:00:00Z")))?.holds).toEqual([]);

    const events = await db.auditEvent.findMany({
      where: { action: "retention.hold_placed", actorId: otherLead.id },
    });
    expect(events.map((e) => e.targetType).sort()).toEqual(["legal_hold", "verification", "verification"]);
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain(clientId);
  });
});
