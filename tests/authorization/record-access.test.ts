// Per-record access, through the entry points themselves (pages' queries, route handlers, the Node fast path,
// server actions), signed in as the forms and the browser are: an officer handed another officer's verification
// id or recording id gets exactly what a made-up id gets, and nothing is written or asked of MarkID; their own
// and unassigned cases still work, and a lead still sees everything.
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { storeVideo } from "../media/support";
import { startAppServer, type RunningAppServer } from "../support/app-server";
import { startAppSandbox } from "../support/sandbox-env";

// The entry points read the session cookie and request headers through next/headers; here they are the test's.
let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
  headers: async () => new Headers({ "user-agent": "vitest record access" }),
}));
// Pages are called as functions here: their words in English, without Next's request config.
vi.mock("next-intl/server", () => import("../support/next-intl-server"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const MISSING = "00000000-0000-4000-8000-000000000000";
type Staff = {
  id: string;
  email: string;
  name: string;
  role: "OFFICER" | "LEAD";
  sessionVersion: number;
  scopeDates: { from: Date | null; to: Date | null } | null;
};
type Case = { id: string; mediaId: string; linkId: string };

let sandbox: Sandbox;
let server: RunningAppServer;
let fastBase = "";
let app: Awaited<ReturnType<typeof load>>;
let officer: Staff;
let otherOfficer: Staff;
let lead: Staff;
let theirs: Case;
let unassigned: Case;
let own: Case;

/** A link row's slug and its sealed target, as lib/links/issue.ts stores them. */
async function sealedLink() {
  const { sealLinkTarget } = await import("@/lib/auth/markid-secrets");
  const slug = randomBytes(16).toString("base64url");
  return { slug, targetUrlSealed: sealLinkTarget(slug, "https://example.test/start") };
}

async function load() {
  const [db, token, markid, detail, actions] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/auth/session-token"),
    import("@/lib/markid"),
    import("@/lib/verifications/detail"),
    Promise.all([
      import("@/lib/calls/actions"),
      import("@/lib/recordings/actions"),
      import("@/lib/decisions/note-actions"),
      import("@/lib/decisions/claim-actions"),
      import("@/lib/decisions/decide-actions"),
      import("@/lib/links/actions"),
      import("@/lib/checklist/actions"),
      import("@/lib/recordings/playback-actions"),
    ]),
  ]);
  const [calls, recordings, notes, claim, decide, links, checklist, playback] = actions;
  const routes = await Promise.all([
    import("@/app/api/verifications/[id]/version/route"),
    import("@/app/api/exports/evidence/[id]/route"),
  ]);
  return {
    db: db.getDb(),
    token,
    markid: markid.markIdClient(),
    getVerificationDetail: detail.getVerificationDetail,
    startVideoCall: calls.startVideoCall,
    fetchRecordings: recordings.fetchRecordings,
    addNote: notes.addNote,
    claimVerification: claim.claimVerification,
    recordDecision: decide.recordDecision,
    answerChecklistItem: checklist.answerChecklistItem,
    reportPlayback: playback.reportPlayback,
    sendLinkAction: links.sendLinkAction,
    resendQueuedLink: links.resendQueuedLink,
    versionRoute: routes[0].GET,
    evidenceRoute: routes[1].GET,
  };
}

// Every role must have two-factor sign-in on before it may see anything.
async function staff(role: Staff["role"], name: string): Promise<Staff> {
  return (await import("../auth/support")).createStaff(role, { enrolled: true, name });
}

async function sessionCookie(user: Staff): Promise<string> {
  const claims = { sub: user.id, role: user.role, sv: user.sessionVersion, loginAt: app.token.nowSeconds() };
  return app.token.reissueSessionToken(claims);
}

async function signIn(user: Staff): Promise<void> {
  cookie = await sessionCookie(user);
}

/** A verification at the sandbox, with one archived recording and one live client link. */
async function caseOf(
  people: { createdById?: string; assigneeId?: string },
  clientId: string,
): Promise<Case> {
  const token = await app.markid.createToken({ clientId, tokenType: "VIDEO_CALL" });
  if (!token.ok) throw new Error(token.error.message);
  const v = await app.db.verification.create({
    data: {
      scanRef: token.value.scanRef,
      authTokenSealed: (await import("@/lib/auth/markid-secrets")).sealAuthToken(
        token.value.scanRef,
        token.value.authToken,
      ),
      clientId,
      tokenType: "VIDEO_CALL",
      email: `${clientId}@example.test`,
      tokenExpiresAt: new Date(Date.now() + 3600_000),
      ...people,
    },
  });
  const mediaId = await storeVideo(v.id, Buffer.from(Array.from({ length: 500 }, (_, i) => i % 251)));
  const link = await app.db.linkDelivery.create({
    data: {
      verificationId: v.id,
      kind: "TOKEN_REDIRECT",
      channel: "EMAIL",
      recipient: `${clientId}@example.test`,
      ...(await sealedLink()),
      live: true,
      status: "FAILED",
    },
  });
  return { id: v.id, mediaId, linkId: link.id };
}

function form(fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const nothingWrittenBy = async (user: Staff) => app.db.auditEvent.count({ where: { actorId: user.id } });

beforeAll(async () => {
  sandbox = await startAppSandbox();
  process.env.MEDIA_DIR = await mkdtemp(path.join(os.tmpdir(), "mbo-record-access-"));
  app = await load();
  [officer, otherOfficer, lead] = await Promise.all([
    staff("OFFICER", "officer"),
    staff("OFFICER", "other-officer"),
    staff("LEAD", "lead"),
  ]);
  theirs = await caseOf({ createdById: otherOfficer.id, assigneeId: otherOfficer.id }, "REC-THEIRS");
  unassigned = await caseOf({}, "REC-UNASSIGNED");
  own = await caseOf({ createdById: officer.id, assigneeId: officer.id }, "REC-OWN");
  server = await startAppServer();
  fastBase = server.base;
});
afterAll(async () => {
  await server.close();
  await sandbox.close();
});

const NOT_FOUND_PAGE = { digest: expect.stringMatching(/NEXT_HTTP_ERROR_FALLBACK;404/) };

describe("the case page", () => {
  it("is not found for another officer's verification, as for an id that never existed", async () => {
    await expect(app.getVerificationDetail(officer, theirs.id)).rejects.toMatchObject(NOT_FOUND_PAGE);
    await expect(app.getVerificationDetail(officer, MISSING)).rejects.toMatchObject(NOT_FOUND_PAGE);
  });

  it("shows an officer their own and unassigned cases, and a lead every case", async () => {
    expect((await app.getVerificationDetail(officer, own.id)).id).toBe(own.id);
    expect((await app.getVerificationDetail(officer, unassigned.id)).id).toBe(unassigned.id);
    const seen = await app.getVerificationDetail(lead, theirs.id);
    expect(seen.media.map((m) => m.id)).toEqual([theirs.mediaId]);
  });

  it("renders the not-found page itself for another officer's case", async () => {
    const { default: VerificationPage } = await import("@/app/(app)/verifications/[id]/page");
    await signIn(officer);
    await expect(VerificationPage(params(theirs.id))).rejects.toMatchObject(NOT_FOUND_PAGE);
    await expect(VerificationPage(params(own.id))).resolves.toBeTruthy();
  });
});

describe("recordings on the app server's fast path (the only handler of /api/media/<id>)", () => {
  const get = async (user: Staff, mediaId: string) =>
    fetch(`${fastBase}/api/media/${mediaId}`, {
      headers: {
        cookie: `${app.token.sessionCookie().name}=${await sessionCookie(user)}`,
        range: "bytes=0-99",
      },
    });

  it("answers 404 to another officer's recording and audits nothing", async () => {
    const before = await nothingWrittenBy(officer);
    const refused = await get(officer, theirs.mediaId);
    expect(refused.status).toBe(404);
    const missing = await get(officer, MISSING);
    expect(await refused.text()).toBe(await missing.text());
    expect(await nothingWrittenBy(officer)).toBe(before);
  });

  it("serves ranges of an officer's own and unassigned recordings, and any to a lead", async () => {
    expect((await get(officer, own.mediaId)).status).toBe(206);
    expect((await get(officer, unassigned.mediaId)).status).toBe(206);
    expect((await get(lead, theirs.mediaId)).status).toBe(206);
  });
});

describe("the version route the case page polls", () => {
  const get = (id: string) =>
    app.versionRoute(new Request(`http://localhost/api/verifications/${id}/version`), params(id));

  it("answers 404 to another officer's case, like a missing one", async () => {
    await signIn(officer);
    const refused = await get(theirs.id);
    expect(refused.status).toBe(404);
    expect(await refused.text()).toBe(await (await get(MISSING)).text());
  });

  it("answers an officer's own and unassigned cases, and any case to a lead", async () => {
    await signIn(officer);
    expect((await get(own.id)).status).toBe(200);
    expect((await get(unassigned.id)).status).toBe(200);
    await signIn(lead);
    expect((await get(theirs.id)).status).toBe(200);
  });
});

describe("the evidence pack", () => {
  const get = (id: string) =>
    app.evidenceRoute(new Request(`http://localhost/api/exports/evidence/${id}`), params(id));

  it("goes to a lead for any officer's case, and tells an officer the same for every id", async () => {
    await signIn(lead);
    const pack = await get(theirs.id);
    expect(pack.status).toBe(200);
    await pack.arrayBuffer();
    expect((await get(MISSING)).status).toBe(404);
    // Officers may not export at all: the refusal comes before any id is looked at.
    await signIn(officer);
    const before = await nothingWrittenBy(officer);
    expect((await get(theirs.id)).status).toBe(403);
    expect((await get(MISSING)).status).toBe(403);
    expect(await nothingWrittenBy(officer)).toBe(before);
  });
});

describe("server actions on another officer's case", () => {
  type Attempt = (id: string) => Promise<{ ok?: boolean; notFound?: true; message?: string }>;
  const attempts: Array<[string, Attempt]> = [
    ["startVideoCall", (id) => app.startVideoCall(id, {}, form())],
    ["fetchRecordings", (id) => app.fetchRecordings(id, {}, form())],
    ["addNote", (id) => app.addNote(id, {}, form({ body: "peeking" }))],
    ["claimVerification", (id) => app.claimVerification(id, {}, form())],
    [
      "recordDecision",
      (id) =>
        app.recordDecision(id, {}, form({ outcome: "REJECT", reason: "Document expired", confirmed: "yes" })),
    ],
    ["sendLinkAction", (id) => app.sendLinkAction(id, {}, form({ kind: "TOKEN_REDIRECT", channel: "COPY" }))],
    [
      "answerChecklistItem",
      (id) => app.answerChecklistItem(id, {}, form({ itemKey: "document_valid", result: "PASS" })),
    ],
    [
      "reportPlayback",
      (id) => app.reportPlayback(id, MISSING, {}, form({ durationSeconds: "60", ranges: "[[0,30]]" })),
    ],
  ];

  it.each(attempts)(
    "%s answers not-found, writes nothing and asks MarkID nothing",
    async (_name, attempt) => {
      await signIn(officer);
      const missing = await attempt(MISSING);
      expect(missing).toMatchObject({ ok: false, notFound: true });
      const before = await nothingWrittenBy(officer);
      const asked = sandbox.controls.requests().length;
      expect(await attempt(theirs.id)).toMatchObject(missing);
      expect(await nothingWrittenBy(officer)).toBe(before);
      expect(sandbox.controls.requests().length).toBe(asked);
      expect(await app.db.videoCall.count({ where: { verificationId: theirs.id } })).toBe(0);
      expect(await app.db.verificationNote.count({ where: { verificationId: theirs.id } })).toBe(0);
      expect(await app.db.linkDelivery.count({ where: { verificationId: theirs.id } })).toBe(1);
    },
  );

  it("resendQueuedLink answers not-found for another officer's link and sends nothing", async () => {
    await signIn(officer);
    const before = await nothingWrittenBy(officer);
    const asked = sandbox.controls.requests().length;
    const state = await app.resendQueuedLink({}, form({ linkId: theirs.linkId }));
    expect(state).toMatchObject({
      ok: false,
      notFound: true,
      message: (await app.startVideoCall(MISSING, {}, form())).message,
    });
    expect(await nothingWrittenBy(officer)).toBe(before);
    expect(sandbox.controls.requests().length).toBe(asked);
    expect(await app.db.linkDelivery.count({ where: { verificationId: theirs.id } })).toBe(1);
  });

  it("still work on the officer's own and unassigned cases", async () => {
    await signIn(officer);
    expect(await app.startVideoCall(own.id, {}, form())).toMatchObject({ ok: true });
    expect(await app.addNote(unassigned.id, {}, form({ body: "called twice" }))).toMatchObject({ ok: true });
    const sent = await app.sendLinkAction(
      unassigned.id,
      {},
      form({ kind: "TOKEN_REDIRECT", channel: "COPY" }),
    );
    expect(sent).toMatchObject({ ok: true });
  });
});
