// The training register as the Staff page's forms use it, and what the case page makes of it.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { setSessionCookie } from "../support/next-headers-mock";
import { DEFAULT_RULEBOOK } from "@/lib/rulebook/default-template";
import { form, sessionCookieFor, staffMember, type Staff } from "../support/case-fixtures";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

let actions: typeof import("@/lib/qualifications/actions");
let queries: typeof import("@/lib/qualifications/queries");
let db: ReturnType<typeof import("@/lib/db").getDb>;
let admin: Staff;
let officer: Staff;

beforeAll(async () => {
  actions = await import("@/lib/qualifications/actions");
  queries = await import("@/lib/qualifications/queries");
  db = (await import("@/lib/db")).getDb();
  [admin, officer] = await Promise.all([staffMember("ADMIN"), staffMember("OFFICER")]);
  setSessionCookie(await sessionCookieFor(admin));
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const events = (action: string) => db.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });

describe("training register", () => {
  it("records a qualification, audited without its evidence note", async () => {
    const evidence = "Certificate 2026-114, course by Dr. Schmidt";
    const state = await actions.grantQualification(
      {},
      form({ staffUserId: officer.id, name: "VideoIdent agent", validUntil: day(20), evidence }),
    );
    expect(state).toMatchObject({ ok: true });
    const [row] = await queries.listQualifications();
    expect(row).toMatchObject({ holder: officer.name, name: "VideoIdent agent", evidence, expired: false });
    expect(queries.expiringSoon([row!]).map((q) => q.id)).toEqual([row!.id]);
    const [event] = await events("qualification.granted");
    expect(event).toMatchObject({ actorId: admin.id, targetType: "staff_user", targetId: officer.id });
    expect(event!.details).toEqual({
      qualificationId: row!.id,
      qualification: "VideoIdent agent",
      validUntil: `${day(20)}T23:59:59.999Z`,
    });
    expect(JSON.stringify(event!.details)).not.toContain("Schmidt");
  });

  it("refuses a date already past, a missing evidence note and an unknown person, field by field", async () => {
    const past = await actions.grantQualification(
      {},
      form({ staffUserId: officer.id, name: "VideoIdent agent", validUntil: day(-1), evidence: "course" }),
    );
    expect(past).toMatchObject({ ok: false, fieldErrors: { validUntil: [expect.stringMatching(/passed/)] } });
    const bad = await actions.grantQualification(
      {},
      form({ staffUserId: "x", name: "V", validUntil: "", evidence: "" }),
    );
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["evidence", "name", "staffUserId"]);
    expect(bad.values).toMatchObject({ name: "V" });
  });

  it("revokes once, with a reason, and the case page then tells the officer why they cannot decide", async () => {
    const content = {
      ...DEFAULT_RULEBOOK,
      requiredQualification: { decide: "VideoIdent agent", secondReview: null },
    };
    expect(await queries.qualificationGaps(officer.id, content)).toEqual({ decide: null, review: null });
    const [row] = await queries.listQualifications();
    expect(await actions.revokeQualification(row!.id, {}, form({ note: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { note: [expect.any(String)] },
    });
    expect(await actions.revokeQualification(row!.id, {}, form({ note: "Left the team" }))).toMatchObject({
      ok: true,
    });
    expect(await actions.revokeQualification(row!.id, {}, form({ note: "again" }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already revoked/),
    });
    expect(await queries.listQualifications()).toEqual([]);
    expect((await events("qualification.revoked"))[0]!.details).toEqual({
      qualificationId: row!.id,
      qualification: "VideoIdent agent",
      hasNote: true,
    });
    const gaps = await queries.qualificationGaps(officer.id, content);
    expect(gaps.decide).toMatch(/Only staff with a valid “VideoIdent agent” qualification may decide/);
    expect(gaps.review).toBeNull();
  });

  it("is for administrators only", async () => {
    setSessionCookie(await sessionCookieFor(officer));
    await expect(
      actions.grantQualification(
        {},
        form({ staffUserId: officer.id, name: "Self", validUntil: "", evidence: "me" }),
      ),
    ).rejects.toMatchObject({ digest: expect.stringMatching(/403/) });
    setSessionCookie(await sessionCookieFor(admin));
  });
});
