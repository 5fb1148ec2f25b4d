// An auditor with a date scope sees the verifications created within it, everywhere the per-record rule
// applies: the list, the case page and its polling route, the recordings on the app server's fast path, the
// exports and the metrics; and of the audit log only the events about those verifications. A case outside the
// scope answers exactly as an id that never existed. Without a scope, an auditor sees every case.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { storeVideo } from "../media/support";
import { startAppServer, type RunningAppServer } from "../support/app-server";

let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
  headers: async () => new Headers({ "user-agent": "vitest auditor scope" }),
}));
// Pages are called as functions here: their words in English, without Next's request config.
vi.mock("next-intl/server", () => import("../support/next-intl-server"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const MISSING = "00000000-0000-4000-8000-000000000000";
const NOT_FOUND_PAGE = { digest: expect.stringMatching(/NEXT_HTTP_ERROR_FALLBACK;404/) };
const params = (id: string) => ({ params: Promise.resolve({ id }) });
type Staff = Awaited<ReturnType<(typeof import("../auth/support"))["createStaff"]>>;
type Case = { id: string; clientId: string; mediaId: string };

let app: Awaited<ReturnType<typeof load>>;
let server: RunningAppServer;
let scoped: Staff;
let unscoped: Staff;
let inside: Case;
let outside: Case;
let staffEventTarget: string;

async function load() {
  const [db, token, detail, queries, metrics, audit, record] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/auth/session-token"),
    import("@/lib/verifications/detail"),
    import("@/lib/verifications/queries"),
    import("@/lib/metrics/dashboard"),
    import("@/lib/audit/queries"),
    import("@/lib/audit/record"),
  ]);
  const [version, evidence, listCsv, auditCsv, page] = await Promise.all([
    import("@/app/api/verifications/[id]/version/route"),
    import("@/app/api/exports/evidence/[id]/route"),
    import("@/app/api/exports/verifications/route"),
    import("@/app/api/exports/audit/route"),
    import("@/app/(app)/verifications/[id]/page"),
  ]);
  return {
    db: db.getDb(),
    ...token,
    ...detail,
    ...queries,
    ...metrics,
    ...audit,
    ...record,
    routes: { version: version.GET, evidence: evidence.GET, listCsv: listCsv.GET, auditCsv: auditCsv.GET },
    VerificationPage: page.default,
  };
}

async function caseCreated(at: string, clientId: string): Promise<Case> {
  const v = await app.db.verification.create({
    data: { scanRef: `scope-${clientId}`, clientId, tokenType: "VIDEO_CALL", createdAt: new Date(at) },
  });
  const mediaId = await storeVideo(v.id, Buffer.from(Array.from({ length: 300 }, (_, i) => i % 251)));
  await app.db.$transaction((tx) =>
    app.recordAudit(tx, {
      action: "note.added",
      targetType: "verification",
      targetId: v.id,
      details: { noteId: v.id },
    }),
  );
  return { id: v.id, clientId, mediaId };
}

const signIn = async (user: Staff) => {
  cookie = await app.reissueSessionToken({
    sub: user.id,
    role: user.role,
    sv: user.sessionVersion,
    loginAt: app.nowSeconds(),
  });
};

beforeAll(async () => {
  process.env.MEDIA_DIR = await mkdtemp(path.join(os.tmpdir(), "mbo-auditor-scope-"));
  app = await load();
  const { createStaff } = await import("../auth/support");
  const accessExpiresAt = new Date(Date.now() + 30 * 86_400_000);
  // February 2026: [Feb 1, Mar 1).
  const scope = { scopeFrom: new Date("2026-02-01T00:00:00Z"), scopeTo: new Date("2026-03-01T00:00:00Z") };
  scoped = await createStaff("AUDITOR", {
    enrolled: true,
    name: "Scoped",
    access: { accessExpiresAt, ...scope },
  });
  unscoped = await createStaff("AUDITOR", { enrolled: true, name: "Unscoped", access: { accessExpiresAt } });
  inside = await caseCreated("2026-02-10T12:00:00Z", "SCOPE-IN");
  outside = await caseCreated("2025-06-01T12:00:00Z", "SCOPE-OUT");
  staffEventTarget = unscoped.id;
  await app.db.$transaction((tx) =>
    app.recordAudit(tx, {
      action: "staff.reactivated",
      targetType: "staff_user",
      targetId: staffEventTarget,
    }),
  );
  server = await startAppServer();
});
afterAll(async () => {
  await server?.close();
});

describe("a scoped auditor", () => {
  it("lists only the cases created within the scope, whichever view it asks for", async () => {
    const ids = (await app.listVerifications(scoped, {})).rows.map((r) => r.id);
    expect(ids).toEqual([inside.id]);
    expect((await app.listVerifications(scoped, { view: "mine" })).rows.map((r) => r.id)).toEqual([
      inside.id,
    ]);
    const all = (await app.listVerifications(unscoped, {})).rows.map((r) => r.id);
    expect(all.sort()).toEqual([inside.id, outside.id].sort());
  });

  it("opens a case within the scope, and gets the not-found page for one outside, as for a missing id", async () => {
    expect((await app.getVerificationDetail(scoped, inside.id)).id).toBe(inside.id);
    await expect(app.getVerificationDetail(scoped, outside.id)).rejects.toMatchObject(NOT_FOUND_PAGE);
    await signIn(scoped);
    await expect(app.VerificationPage(params(inside.id))).resolves.toBeTruthy();
    await expect(app.VerificationPage(params(outside.id))).rejects.toMatchObject(NOT_FOUND_PAGE);
    await expect(app.VerificationPage(params(MISSING))).rejects.toMatchObject(NOT_FOUND_PAGE);
    const get = (id: string) => app.routes.version(new Request(`http://localhost/v/${id}`), params(id));
    expect((await get(inside.id)).status).toBe(200);
    const refused = await get(outside.id);
    expect(refused.status).toBe(404);
    expect(await refused.text()).toBe(await (await get(MISSING)).text());
  });

  it("plays recordings within the scope, and gets a 404 like a missing file for one outside", async () => {
    const get = async (mediaId: string) =>
      fetch(`${server.base}/api/media/${mediaId}`, {
        headers: { cookie: `${app.sessionCookie().name}=${cookie}`, range: "bytes=0-99" },
      });
    await signIn(scoped);
    expect((await get(inside.mediaId)).status).toBe(206);
    const refused = await get(outside.mediaId);
    expect(refused.status).toBe(404);
    expect(await refused.text()).toBe(await (await get(MISSING)).text());
  });

  it("exports evidence packs and the list within the scope only", async () => {
    await signIn(scoped);
    const pack = (id: string) => app.routes.evidence(new Request(`http://localhost/e/${id}`), params(id));
    const ok = await pack(inside.id);
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();
    const refused = await pack(outside.id);
    expect(refused.status).toBe(404);
    expect(await refused.text()).toBe(await (await pack(MISSING)).text());
    const csv = await (
      await app.routes.listCsv(new Request("http://localhost/api/exports/verifications"))
    ).text();
    expect(csv).toContain(inside.clientId);
    expect(csv).not.toContain(outside.clientId);
  });

  it("counts only the cases within the scope in the metrics", async () => {
    const range = { from: "2025-01-01", to: "2026-12-31" };
    expect((await app.metricsDashboard(scoped, range)).created).toBe(1);
    expect((await app.metricsDashboard(unscoped, range)).created).toBe(2);
  });

  it("reads, and exports, only the audit events about verifications within the scope", async () => {
    const targets = (await app.listAuditEvents(scoped, {})).rows.map((r) => r.targetId);
    expect(targets.length).toBeGreaterThan(0);
    expect(new Set(targets)).toEqual(new Set([inside.id]));
    const everyone = (await app.listAuditEvents(unscoped, {})).rows.map((r) => r.targetId);
    expect(everyone).toEqual(expect.arrayContaining([inside.id, outside.id, staffEventTarget]));
    await signIn(scoped);
    const csv = await (await app.routes.auditCsv(new Request("http://localhost/api/exports/audit"))).text();
    expect(csv).toContain(inside.id);
    expect(csv).not.toContain(outside.id);
    expect(csv).not.toContain(staffEventTarget);
  });
});

/** The first element of a rendered server component's tree made by `component` (not rendered itself). */
function findElement(node: unknown, component: unknown): { props: Record<string, unknown> } | null {
  if (!node || typeof node !== "object") return null;
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findElement(child, component);
      if (found) return found;
    }
    return null;
  }
  const element = node as { type?: unknown; props?: { children?: unknown } };
  if (element.type === component) return element as { props: Record<string, unknown> };
  return findElement(element.props?.children, component);
}

describe("an auditor on the case page", () => {
  it("reads the case's notes, and is given no form to add one, unlike the officer", async () => {
    const { createStaff } = await import("../auth/support");
    const { CaseNotes } = await import("@/components/decisions/case-notes");
    const officer = await createStaff("OFFICER", { enrolled: true });
    await app.db.verificationNote.create({
      data: { verificationId: inside.id, authorId: officer.id, body: "Client called back at 14:00." },
    });
    const notesOn = async (user: Staff) => {
      await signIn(user);
      return findElement(await app.VerificationPage(params(inside.id)), CaseNotes)?.props;
    };
    const auditors = await notesOn(unscoped);
    expect(auditors?.notes).toEqual([expect.objectContaining({ body: "Client called back at 14:00." })]);
    expect(auditors?.add).toBeNull();
    expect((await notesOn(officer))?.add).toEqual(expect.any(Function));
  });
});
