// "Use existing scanRef" attaches a client MarkID already knows: only to a verification for that same client,
// as MarkID's own status call says, so an officer cannot file one person's evidence under another's ID.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { startAppSandbox } from "../support/sandbox-env";

// The action reads the session cookie and request headers through next/headers; here they are the test's.
let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
  headers: async () => new Headers({ "user-agent": "vitest" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let sandbox: Sandbox;
let app: {
  createVerification: typeof import("@/lib/verifications/actions").createVerification;
  markIdClient: typeof import("@/lib/markid").markIdClient;
  db: ReturnType<typeof import("@/lib/db").getDb>;
};

beforeAll(async () => {
  sandbox = await startAppSandbox();
  const [{ createVerification }, { markIdClient }, { getDb }, token, { createStaff }] = await Promise.all([
    import("@/lib/verifications/actions"),
    import("@/lib/markid"),
    import("@/lib/db"),
    import("@/lib/auth/session-token"),
    import("../auth/support"),
  ]);
  app = { createVerification, markIdClient, db: getDb() };
  // Every role must have two-factor sign-in on before it may act.
  const officer = await createStaff("OFFICER", { enrolled: true });
  cookie = await token.reissueSessionToken({
    sub: officer.id,
    role: "OFFICER",
    sv: 0,
    loginAt: token.nowSeconds(),
  });
});
afterAll(() => sandbox.close());

async function scanRefFor(clientId: string): Promise<string> {
  const token = await app.markIdClient().createToken({ clientId, tokenType: "VIDEO_CALL" });
  if (!token.ok) throw new Error(token.error.message);
  return token.value.scanRef;
}

function attach(clientId: string, existingScanRef: string) {
  const form = new FormData();
  form.set("clientId", clientId);
  form.set("existingScanRef", existingScanRef);
  return app.createVerification({}, form);
}

describe("attaching an existing scanRef", () => {
  it("is refused, with the reason on the scanRef field, when MarkID holds it for another client", async () => {
    const scanRef = await scanRefFor(`OWNER-${randomUUID().slice(0, 8)}`);
    const other = `OTHER-${randomUUID().slice(0, 8)}`;
    const state = await attach(other, scanRef);
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.existingScanRef).toEqual([
      expect.stringMatching(/MarkID holds this scanRef for a different client ID/),
    ]);
    expect(state.message).toMatch(/different client ID/);
    expect(await app.db.verification.count({ where: { scanRef } })).toBe(0);
    expect(await app.db.verification.count({ where: { clientId: other } })).toBe(0);
  });

  it("is accepted for the client MarkID holds it for", async () => {
    const owner = `OWNER-${randomUUID().slice(0, 8)}`;
    const scanRef = await scanRefFor(owner);
    // Success ends in a redirect to the new verification, which next/navigation throws.
    await expect(attach(owner, scanRef)).rejects.toMatchObject({
      digest: expect.stringMatching(/NEXT_REDIRECT/),
    });
    const stored = await app.db.verification.findFirstOrThrow({ where: { scanRef } });
    expect(stored).toMatchObject({ clientId: owner, authTokenSealed: null });
  });
});
