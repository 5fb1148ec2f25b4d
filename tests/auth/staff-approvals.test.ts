// A second administrator approves every invitation and role change that grants decision, export or
// staff-management rights; until then nothing usable exists. Through the real actions, with session cookies.
// No SMTP_URL here: the invitation link is shown to the admin (tests/auth/invitation-mail.test.ts: with one).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { nowSeconds, reissueSessionToken } from "@/lib/auth/session-token";
import { getDb } from "@/lib/db";
import { approveStaffRequest, changeStaffRole, inviteStaff, refuseStaffRequest } from "@/lib/staff/actions";
import { approveRequest } from "@/lib/staff/approvals";
import { acceptInvitation } from "@/lib/staff/invitations";
import { createStaff } from "./support";

let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
  headers: async () => new Headers({ "user-agent": "vitest" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const db = getDb();
const meta = { requestId: "test", ip: "127.0.0.1", userAgent: "vitest" };
type Staff = Awaited<ReturnType<typeof createStaff>>;

const admin = () => createStaff("ADMIN", { enrolled: true });
async function as(user: Staff) {
  cookie = await reissueSessionToken({
    sub: user.id,
    role: user.role,
    sv: user.sessionVersion,
    loginAt: nowSeconds(),
  });
}
function form(fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}
const email = () => `invitee-${Math.random().toString(36).slice(2)}@example.test`;
const tokenOf = (url: unknown) => decodeURIComponent(String(url).split("/invite/")[1] ?? "");
const requestFor = (where: { email?: string; userId?: string }) =>
  db.staffRequest.findFirstOrThrow({ where });

let a: Staff;
let b: Staff;
beforeEach(async () => {
  [a, b] = [await admin(), await admin()];
});

describe("invitations", () => {
  it.each(["OFFICER", "LEAD", "ADMIN"])(
    "of a %s wait for a second admin, and nothing usable exists until then",
    async (role) => {
      const address = email();
      await as(a);
      const asked = await inviteStaff({}, form({ email: address, name: "New Person", role }));
      expect(asked).toMatchObject({ ok: true, message: expect.stringContaining("approve") });
      expect(asked.data).toBeUndefined();
      expect(await db.staffUser.findUnique({ where: { email: address } })).toBeNull();
      expect(await db.invitation.count({ where: { user: { email: address } } })).toBe(0);
      const request = await requestFor({ email: address });

      // The requester cannot approve their own request.
      const own = await approveStaffRequest({}, form({ requestId: request.id }));
      expect(own).toMatchObject({ ok: false, message: expect.stringContaining("another administrator") });
      expect(await db.staffUser.findUnique({ where: { email: address } })).toBeNull();

      await as(b);
      const approved = await approveStaffRequest({}, form({ requestId: request.id }));
      expect(approved).toMatchObject({ ok: true, data: { inviteUrl: expect.stringContaining("/invite/") } });
      expect(
        await acceptInvitation(tokenOf(approved.data?.inviteUrl), "Granite-meadow-owl-73", meta),
      ).toEqual({ ok: true });
      const user = await db.staffUser.findUniqueOrThrow({ where: { email: address } });
      expect(user.role).toBe(role);
      expect(await db.staffRequest.count({ where: { id: request.id } })).toBe(0);

      const events = await db.auditEvent.findMany({
        where: { OR: [{ targetId: request.id }, { targetId: user.id }] },
        orderBy: { id: "asc" },
        select: { action: true, actorId: true },
      });
      expect(events).toEqual([
        { action: "staff.approval_requested", actorId: a.id },
        { action: "staff.approval_granted", actorId: b.id },
        { action: "staff.invited", actorId: b.id },
        { action: "staff.invitation_accepted", actorId: user.id },
      ]);
    },
  );

  it("of operations staff, who can neither decide nor export, go out at once with the link shown", async () => {
    await as(a);
    const state = await inviteStaff({}, form({ email: email(), name: "Ops Person", role: "OPS" }));
    expect(state).toMatchObject({ ok: true, data: { inviteUrl: expect.stringContaining("/invite/") } });
  });

  it("can be refused or withdrawn, and then never approved", async () => {
    const address = email();
    await as(a);
    await inviteStaff({}, form({ email: address, name: "Dup", role: "LEAD" }));
    const again = await inviteStaff({}, form({ email: address, name: "Dup", role: "OFFICER" }));
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining("already waiting") });
    const first = await requestFor({ email: address });
    expect(await refuseStaffRequest({}, form({ requestId: first.id }))).toMatchObject({ ok: true });
    await inviteStaff({}, form({ email: address, name: "Dup", role: "LEAD" }));
    const second = await requestFor({ email: address });
    await as(b);
    await refuseStaffRequest({}, form({ requestId: second.id }));
    expect(await approveStaffRequest({}, form({ requestId: second.id }))).toMatchObject({ ok: false });
    expect(await db.staffUser.findUnique({ where: { email: address } })).toBeNull();
    const actions = await db.auditEvent.findMany({
      where: { targetId: { in: [first.id, second.id] } },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((e) => e.action)).toEqual([
      "staff.approval_requested",
      "staff.approval_withdrawn",
      "staff.approval_requested",
      "staff.approval_refused",
    ]);
  });
});

describe("role changes", () => {
  it("that grant decisions wait for a second admin; the requester and the person cannot approve", async () => {
    const ops = await createStaff("OPS");
    await as(a);
    const asked = await changeStaffRole.bind(null, ops.id)({}, form({ role: "OFFICER" }));
    expect(asked).toMatchObject({ ok: true, message: expect.stringContaining("requested") });
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: ops.id } })).toMatchObject({ role: "OPS" });
    const request = await requestFor({ userId: ops.id });
    expect(await approveStaffRequest({}, form({ requestId: request.id }))).toMatchObject({ ok: false });
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: ops.id } })).toMatchObject({ role: "OPS" });

    await as(b);
    expect(await approveStaffRequest({}, form({ requestId: request.id }))).toMatchObject({ ok: true });
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: ops.id } })).toMatchObject({
      role: "OFFICER",
      sessionVersion: ops.sessionVersion + 1,
    });
    const changed = await db.auditEvent.findFirstOrThrow({
      where: { action: "staff.role_changed", targetId: ops.id },
    });
    expect(changed).toMatchObject({ actorId: b.id, details: { from: "OPS", to: "OFFICER" } });

    // An admin who is to become a lead cannot approve that for themselves.
    await as(a);
    await changeStaffRole.bind(null, b.id)({}, form({ role: "LEAD" }));
    await as(b);
    const self = await approveStaffRequest({}, form({ requestId: (await requestFor({ userId: b.id })).id }));
    expect(self).toMatchObject({ ok: false, message: expect.stringContaining("your own role") });
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ role: "ADMIN" });
  });

  it("that take rights away apply at once", async () => {
    const lead = await createStaff("LEAD");
    await as(a);
    expect(await changeStaffRole.bind(null, lead.id)({}, form({ role: "OFFICER" }))).toMatchObject({
      ok: true,
      message: "Role changed.",
    });
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({
      role: "OFFICER",
    });
  });

  it("are applied once when two admins approve at the same time", async () => {
    const ops = await createStaff("OPS");
    const c = await admin();
    await as(a);
    await changeStaffRole.bind(null, ops.id)({}, form({ role: "LEAD" }));
    const { id } = await requestFor({ userId: ops.id });
    const results = await Promise.all([
      db.$transaction((tx) => approveRequest(tx, b.id, id)),
      db.$transaction((tx) => approveRequest(tx, c.id, id)),
    ]);
    expect(results.filter((r) => r.value.ok)).toHaveLength(1);
    // One change: the session version moved on once, not twice.
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: ops.id } })).toMatchObject({
      role: "LEAD",
      sessionVersion: ops.sessionVersion + 1,
    });
  });
});
