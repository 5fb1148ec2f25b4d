// The client's language (#20): chosen on the New verification form, else the organisation's default, stored on
// the verification, and sent to MarkID as the token's `locale` — the first token and a renewed one alike — so
// the call itself is in that language. The sandbox keeps each token's locale for the test to read back.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { setSessionCookie } from "../support/next-headers-mock";
import { form, sessionCookieFor, staffMember, type Staff } from "../support/case-fixtures";
import { startAppSandbox } from "../support/sandbox-env";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let sandbox: Sandbox;
let officer: Staff;
let admin: Staff;
let app: {
  createVerification: typeof import("@/lib/verifications/actions").createVerification;
  updateDefault: typeof import("@/lib/settings/client-language-actions").updateDefaultClientLanguage;
  sendLink: typeof import("@/lib/links/send").sendLink;
  auditedCommit: typeof import("@/lib/audit/commit").auditedCommit;
  db: ReturnType<typeof import("@/lib/db").getDb>;
};

beforeAll(async () => {
  sandbox = await startAppSandbox();
  const [actions, settings, { sendLink }, { auditedCommit }, { getDb }, { stopBoss }] = await Promise.all([
    import("@/lib/verifications/actions"),
    import("@/lib/settings/client-language-actions"),
    import("@/lib/links/send"),
    import("@/lib/audit/commit"),
    import("@/lib/db"),
    import("@/lib/jobs/boss"),
  ]);
  app = {
    createVerification: actions.createVerification,
    updateDefault: settings.updateDefaultClientLanguage,
    sendLink,
    auditedCommit,
    db: getDb(),
  };
  [officer, admin] = await Promise.all([staffMember("OFFICER"), staffMember("ADMIN")]);
  return async () => {
    await stopBoss(1_000);
    await sandbox.close();
  };
});

const clientId = () => `LANG-${randomUUID().slice(0, 8)}`;

/** Submits the New verification form as the officer; success ends in next/navigation's redirect. */
async function create(fields: Record<string, string>) {
  setSessionCookie(await sessionCookieFor(officer));
  await expect(app.createVerification({}, form(fields))).rejects.toMatchObject({
    digest: expect.stringMatching(/NEXT_REDIRECT/),
  });
  return app.db.verification.findFirstOrThrow({ where: { clientId: fields.clientId } });
}

async function setDefault(language: string) {
  setSessionCookie(await sessionCookieFor(admin));
  return app.updateDefault({}, form({ defaultClientLanguage: language }));
}

const localeAtMarkId = (scanRef: string) => sandbox.controls.verification(scanRef)?.locale;

describe("the client's language", () => {
  it("is stored as chosen on the form, and MarkID's token gets it as locale", async () => {
    const v = await create({ clientId: clientId(), clientLanguage: "de" });
    expect(v.clientLanguage).toBe("de");
    expect(localeAtMarkId(v.scanRef)).toBe("de");
  });

  it("defaults to the organisation's setting, which an admin changes, audited", async () => {
    const english = await create({ clientId: clientId() });
    expect(english.clientLanguage).toBe("en");
    expect(localeAtMarkId(english.scanRef)).toBe("en");

    expect(await setDefault("lt")).toMatchObject({ ok: true });
    const audit = await app.db.auditEvent.findFirstOrThrow({
      where: { action: "settings.updated", targetId: "defaultClientLanguage" },
    });
    expect(audit).toMatchObject({ actorId: admin.id, details: { value: "lt" } });

    const lithuanian = await create({ clientId: clientId() });
    expect(lithuanian.clientLanguage).toBe("lt");
    expect(localeAtMarkId(lithuanian.scanRef)).toBe("lt");
    await setDefault("en");
  });

  it("refuses a language that is not offered, on its field, and asks MarkID nothing", async () => {
    setSessionCookie(await sessionCookieFor(officer));
    const tokens = () => sandbox.controls.requests().filter((r) => r.path === "/api/v2/token").length;
    const before = tokens();
    const id = clientId();
    const state = await app.createVerification({}, form({ clientId: id, clientLanguage: "fr" }));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.clientLanguage).toEqual(["Pick a language from the list"]);
    expect(tokens()).toBe(before);
    expect(await app.db.verification.count({ where: { clientId: id } })).toBe(0);
    expect(await setDefault("fr")).toMatchObject({
      ok: false,
      fieldErrors: { defaultClientLanguage: ["Pick a language from the list"] },
    });
  });

  it("is kept when an expired token is renewed for a new link", async () => {
    const v = await create({ clientId: clientId(), clientLanguage: "lt" });
    sandbox.controls.expireToken(v.scanRef);
    await app.db.verification.update({
      where: { id: v.id },
      data: { status: "EXPIRED", markidStatus: "EXPIRED" },
    });
    const ops = await staffMember("OPS");
    const session = { id: ops.id, email: ops.email, name: ops.name, role: ops.role, scopeDates: null };
    const meta = { requestId: "req-lang", ip: "203.0.113.7", userAgent: "vitest" };
    const ctx = { user: session, meta, commit: app.auditedCommit(session, meta) };
    expect(await app.sendLink(ctx, v.id, { kind: "TOKEN_REDIRECT", channel: "COPY" })).toMatchObject({
      ok: true,
    });
    const renewed = await app.db.verification.findUniqueOrThrow({ where: { id: v.id } });
    expect(renewed.scanRef).not.toBe(v.scanRef);
    expect(renewed.clientLanguage).toBe("lt");
    expect(localeAtMarkId(renewed.scanRef)).toBe("lt");
  });
});
