// Staff actions while MarkID misbehaves, called as the forms call them (server actions, session cookie):
// a create is never repeated after an unclear failure, nothing half-done is stored, and staff get told why.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { seen, startFaultSandbox } from "./support";

// The actions read the session cookie and request headers through next/headers; here they are the test's.
let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
  headers: async () => new Headers({ "user-agent": "vitest faults" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let sandbox: Sandbox;
let app: {
  createVerification: typeof import("@/lib/verifications/actions").createVerification;
  startVideoCall: typeof import("@/lib/calls/actions").startVideoCall;
  db: ReturnType<typeof import("@/lib/db").getDb>;
};
let officerId: string;

beforeAll(async () => {
  sandbox = await startFaultSandbox();
  const [{ createVerification }, { startVideoCall }, { getDb }, token, { createStaff }] = await Promise.all([
    import("@/lib/verifications/actions"),
    import("@/lib/calls/actions"),
    import("@/lib/db"),
    import("@/lib/auth/session-token"),
    import("../auth/support"),
  ]);
  app = { createVerification, startVideoCall, db: getDb() };
  // Every role must have two-factor sign-in on before it may act.
  const officer = await createStaff("OFFICER", { enrolled: true, name: "Fault Officer" });
  officerId = officer.id;
  cookie = await token.reissueSessionToken({
    sub: officer.id,
    role: "OFFICER",
    sv: 0,
    loginAt: token.nowSeconds(),
  });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.controls.reset());

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const create = (clientId: string) => app.createVerification({}, form({ clientId, photos: "on" }));
const stored = (clientId: string) => app.db.verification.count({ where: { clientId } });

describe("creating a verification when MarkID misbehaves", () => {
  it.each([
    ["hangs", () => sandbox.controls.hangNext(1, "/api/v2/token"), /did not answer in time/],
    ["answers 500", () => sandbox.controls.failNext("5xx", { path: "/api/v2/token" }), /internal error/],
    [
      "answers garbage",
      () => sandbox.controls.failNext("garbage", { path: "/api/v2/token" }),
      /could not understand/,
    ],
  ])("MarkID %s: asked once, nothing stored, staff told", async (_what, fault, message) => {
    const clientId = `FAULT-${randomUUID().slice(0, 8)}`;
    fault();
    const state = await create(clientId);
    expect(state.ok).toBe(false);
    expect(state.message).toMatch(message);
    expect(seen(sandbox, "/api/v2/token")).toBe(1);
    expect(await stored(clientId)).toBe(0);
    expect(
      await app.db.auditEvent.count({ where: { action: "verification.created", actorId: officerId } }),
    ).toBe(0);
  });

  it("429 means nothing was created, so it is retried and exactly one verification results", async () => {
    const clientId = `FAULT-${randomUUID().slice(0, 8)}`;
    sandbox.controls.failNext("429", { count: 2, path: "/api/v2/token" });
    // Success ends in a redirect to the new verification, which next/navigation throws.
    await expect(create(clientId)).rejects.toMatchObject({ digest: expect.stringMatching(/NEXT_REDIRECT/) });
    expect(seen(sandbox, "/api/v2/token")).toBe(3);
    expect(await stored(clientId)).toBe(1);
    // The token MarkID issued is kept sealed: not in clear in the row, and it opens to MarkID's own.
    const v = await app.db.verification.findFirstOrThrow({ where: { clientId } });
    const issued = sandbox.controls.verification(v.scanRef)!.authToken;
    expect(v.authTokenSealed).not.toContain(issued);
    const { openAuthToken } = await import("@/lib/auth/markid-secrets");
    expect(openAuthToken(v)).toBe(issued);
  });
});

describe("starting a video call when MarkID misbehaves", () => {
  async function openVerification() {
    const token = await import("@/lib/markid").then((m) =>
      m.markIdClient().createToken({ clientId: "call-fault", tokenType: "VIDEO_CALL" }),
    );
    if (!token.ok) throw new Error(token.error.message);
    return app.db.verification.create({
      data: {
        scanRef: token.value.scanRef,
        clientId: "call-fault",
        tokenType: "VIDEO_CALL",
        assigneeId: officerId,
      },
    });
  }

  it("a hang is recorded as a call that failed to start, once, and the status stays", async () => {
    const v = await openVerification();
    sandbox.controls.hangNext(1, "/api/v2/video-call");
    const state = await app.startVideoCall(v.id, {}, form({}));
    expect(state).toMatchObject({ ok: false });
    expect(state.message).toMatch(/may still have reached MarkID/);
    expect(seen(sandbox, "/api/v2/video-call")).toBe(1);
    const calls = await app.db.videoCall.findMany({ where: { verificationId: v.id } });
    expect(calls).toMatchObject([{ outcome: "FAILED_TO_START", callUrl: null }]);
    expect((await app.db.verification.findUniqueOrThrow({ where: { id: v.id } })).status).toBe("ACTIVE");
    const audits = await app.db.auditEvent.findMany({ where: { targetId: v.id } });
    expect(audits.map((a) => a.action)).toEqual(["call.start_failed"]);
  });

  it("after a 5xx, trying again starts exactly one call", async () => {
    const v = await openVerification();
    sandbox.controls.failNext("5xx", { path: "/api/v2/video-call" });
    expect(await app.startVideoCall(v.id, {}, form({}))).toMatchObject({ ok: false });
    expect(await app.startVideoCall(v.id, {}, form({}))).toMatchObject({ ok: true });
    const calls = await app.db.videoCall.findMany({
      where: { verificationId: v.id },
      orderBy: { createdAt: "asc" },
    });
    expect(calls.map((c) => c.outcome)).toEqual(["FAILED_TO_START", "PENDING"]);
    expect((await app.db.verification.findUniqueOrThrow({ where: { id: v.id } })).status).toBe(
      "CALL_IN_PROGRESS",
    );
  });
});
