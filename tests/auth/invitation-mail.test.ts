// With a mail server, an invitation link goes by email only: the admin who invites (or approves, or
// reissues) never sees it, so cannot sign in as the person. A real SMTP server receives the mail.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readMessage } from "@/lib/mail/read-message";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp-capture";
import { createStaff } from "./support";

let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
  headers: async () => new Headers({ "user-agent": "vitest" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let smtp: SmtpCapture;

let app: {
  actions: typeof import("@/lib/staff/actions");
  token: typeof import("@/lib/auth/session-token");
  db: ReturnType<typeof import("@/lib/db").getDb>;
};
beforeAll(async () => {
  smtp = await startSmtpCapture();
  // Before anything reads the environment.
  process.env.SMTP_URL = smtp.url;
  const [actions, token, { getDb }] = await Promise.all([
    import("@/lib/staff/actions"),
    import("@/lib/auth/session-token"),
    import("@/lib/db"),
  ]);
  app = { actions, token, db: getDb() };
});
afterAll(() => smtp.close());

async function signedInAdmin() {
  const user = await createStaff("ADMIN", { enrolled: true });
  return async () => {
    cookie = await app.token.reissueSessionToken({
      sub: user.id,
      role: user.role,
      sv: user.sessionVersion,
      loginAt: app.token.nowSeconds(),
    });
  };
}
function form(fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}
const mailTo = async (address: string) =>
  (await Promise.all(smtp.received.map((raw) => readMessage(raw)))).filter((m) => m.to.includes(address));

describe("invitations with a mail server", () => {
  it("are emailed, and the link is never shown to the admin who invites", async () => {
    const asA = await signedInAdmin();
    await asA();
    const address = "ops-mailed@example.test";
    const state = await app.actions.inviteStaff(
      {},
      form({ email: address, name: "Ops Mailed", role: "OPS" }),
    );
    expect(state).toMatchObject({ ok: true, message: `Invitation emailed to ${address}.` });
    expect(state.data).toBeUndefined();
    expect(JSON.stringify(state)).not.toContain("/invite/");
    expect(await mailTo(address)).toHaveLength(1);
    expect((await mailTo(address))[0]!.text).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}/);
  });

  it("are emailed on approval, and the approving admin does not see the link either", async () => {
    const [asA, asB] = [await signedInAdmin(), await signedInAdmin()];
    const address = "lead-mailed@example.test";
    await asA();
    await app.actions.inviteStaff({}, form({ email: address, name: "Lead Mailed", role: "LEAD" }));
    expect(await mailTo(address)).toHaveLength(0);
    const request = await app.db.staffRequest.findUniqueOrThrow({ where: { email: address } });
    await asB();
    const approved = await app.actions.approveStaffRequest({}, form({ requestId: request.id }));
    expect(approved).toMatchObject({ ok: true, message: expect.stringContaining("emailed") });
    expect(JSON.stringify(approved)).not.toContain("/invite/");
    expect(await mailTo(address)).toHaveLength(1);
  });

  it("say so when the mail server refuses, without showing the link", async () => {
    const asA = await signedInAdmin();
    await asA();
    smtp.refuse(1, 550);
    const address = "ops-refused@example.test";
    const state = await app.actions.inviteStaff(
      {},
      form({ email: address, name: "Ops Refused", role: "OPS" }),
    );
    expect(state).toMatchObject({ ok: true, message: expect.stringContaining("could not be sent") });
    expect(JSON.stringify(state)).not.toContain("/invite/");
    const user = await app.db.staffUser.findUniqueOrThrow({ where: { email: address } });
    const again = await app.actions.reissueStaffInvitation.bind(null, user.id)({}, form());
    expect(again).toMatchObject({ ok: true, message: expect.stringContaining("emailed") });
    expect(JSON.stringify(again)).not.toContain("/invite/");
    expect(await mailTo(address)).toHaveLength(1);
  });
});
