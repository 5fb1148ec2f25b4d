// An auditor changes nothing. Generated from the access map: every server action (but the account's own
// two-factor setup, and the public invitation link) and every route handler that is not a GET, called signed
// in as an auditor, as the forms and the browser call them, is refused before it reads its input, and no row
// anywhere is written, not even an audit event.
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ACTIONS, ROUTES } from "@/lib/auth/access-map";
import { can } from "@/lib/auth/permissions";
import { actionSource, read, routes } from "./inventory";

let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
  headers: async () => new Headers({ "user-agent": "vitest auditor denials" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// As next.config.mjs's experimental.authInterrupts sets it for the app: forbidden() answers 403.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FORBIDDEN = { digest: expect.stringMatching(/NEXT_HTTP_ERROR_FALLBACK;403/) };

type Callable = (...args: unknown[]) => Promise<unknown>;
const load = async (file: string, name: string) =>
  ((await import(path.join(ROOT, file))) as Record<string, Callable>)[name]!;

let db: ReturnType<(typeof import("@/lib/db"))["getDb"]>;
let verificationId: string;
let staffId: string;

/** Every table an entry point could write to: counts, and the newest change where rows are updated. */
async function snapshot() {
  const newest = { _max: { updatedAt: true } } as const;
  return JSON.stringify(
    await Promise.all([
      db.auditEvent.count(),
      db.staffUser.aggregate(newest),
      db.staffRequest.count(),
      db.invitation.count(),
      db.verification.aggregate(newest),
      db.videoCall.count(),
      db.mediaAsset.count(),
      db.decision.count(),
      db.decisionReason.count(),
      db.verificationNote.count(),
      db.setting.count(),
      db.linkDelivery.count(),
      db.auditCheckpoint.count(),
    ]),
  );
}

function form(): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries({ requestId: staffId, linkId: verificationId, role: "ADMIN" }))
    data.set(key, value);
  return data;
}

// Every action but the account's own sign-in settings (the auditor must be able to enrol: two-factor is
// mandatory for it) and the public invitation link.
const mutatingActions = Object.entries(ACTIONS).filter(
  ([, access]) => "permission" in access && access.permission !== "account:security",
);
// Session routes only: the bank's API (/api/v1) takes no session at all (tests/api/keys.test.ts: 401).
const mutatingRoutes = [...routes()]
  .filter(([route]) => !("apiKey" in ROUTES[route]!))
  .flatMap(([route, file]) =>
    [...read(file).matchAll(/export async function (POST|PUT|PATCH|DELETE)\b/g)].map(
      (m) => [`${m[1]} ${route}`, file, m[1]!] as const,
    ),
  );

beforeAll(async () => {
  db = (await import("@/lib/db")).getDb();
  const { createStaff } = await import("../auth/support");
  const expires = { accessExpiresAt: new Date(Date.now() + 7 * 86_400_000) };
  const auditor = await createStaff("AUDITOR", { enrolled: true, name: "Denied Auditor", access: expires });
  staffId = (await createStaff("OFFICER", { enrolled: true, name: "Someone Else" })).id;
  // Within the auditor's (absent) scope: a refusal here is the permission's, not the per-record rule's.
  verificationId = (
    await db.verification.create({ data: { scanRef: "deny-1", clientId: "DENY-1", tokenType: "VIDEO_CALL" } })
  ).id;
  const { nowSeconds, reissueSessionToken } = await import("@/lib/auth/session-token");
  cookie = await reissueSessionToken({
    sub: auditor.id,
    role: auditor.role,
    sv: auditor.sessionVersion,
    loginAt: nowSeconds(),
  });
});

describe("an auditor", () => {
  it("is generated a denial for every mutating entry point, and holds none of their permissions", () => {
    const names = [...mutatingActions.map(([key]) => key), ...mutatingRoutes.map(([name]) => name)];
    for (const expected of [
      "lib/decisions/decide-actions.ts#recordDecision",
      "lib/decisions/note-actions.ts#addNote",
      "lib/decisions/claim-actions.ts#claimVerification",
      "lib/links/actions.ts#sendLinkAction",
      "lib/calls/actions.ts#startVideoCall",
      "lib/recordings/actions.ts#fetchRecordings",
      "lib/settings/actions.ts#updateTwoFactorPolicy",
      "lib/staff/actions.ts#inviteStaff",
      "lib/staff/auditor-actions.ts#changeAuditorExpiry",
      "lib/audit/checkpoint-actions.ts#writeCheckpointAction",
      "POST /api/audit/verify",
    ]) {
      expect(names).toContain(expected);
    }
    for (const [key, access] of mutatingActions) {
      expect("permission" in access && can("AUDITOR", access.permission), key).toBe(false);
    }
  });

  it.each(mutatingActions.map(([key]) => [key]))("is refused %s, and nothing is written", async (key) => {
    const [file, name] = key.split("#") as [string, string];
    const bound = Number(/\bbound: (\d)/.exec(actionSource(file, name)?.options ?? "")?.[1] ?? 0);
    const access = ACTIONS[key]!;
    const id = "record" in access && access.record === "verification" ? verificationId : staffId;
    const action = await load(file, name);
    const before = await snapshot();
    await expect(action(...Array.from({ length: bound }, () => id), {}, form())).rejects.toMatchObject(
      FORBIDDEN,
    );
    expect(await snapshot()).toBe(before);
  });

  it.each(mutatingRoutes.map(([name, file, method]) => [name, file, method]))(
    "is refused %s with 403, and nothing is written",
    async (_name, file, method) => {
      const handler = await load(file, method);
      const before = await snapshot();
      const response = (await handler(new Request("http://localhost/x", { method }), {
        params: Promise.resolve({ id: verificationId }),
      })) as Response;
      expect(response.status).toBe(403);
      expect(await snapshot()).toBe(before);
    },
  );

  it("cannot turn two-factor sign-in off: it is mandatory for auditors whatever Settings say", async () => {
    const [file, name] = "lib/auth/two-factor-actions.ts#disableTwoFactor".split("#") as [string, string];
    const before = await snapshot();
    const state = await (
      await load(file, name)
    )(
      {},
      (() => {
        const data = new FormData();
        data.set("code", "123456");
        return data;
      })(),
    );
    expect(state).toMatchObject({ ok: false, message: "Your role must keep two-factor sign-in on." });
    expect(await snapshot()).toBe(before);
  });
});
