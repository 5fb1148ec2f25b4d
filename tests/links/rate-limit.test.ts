import { beforeAll, describe, expect, it } from "vitest";
import { staff, startLinkApp, verificationAtMarkId, type App } from "./support";

let app: App;
let limits: typeof import("@/lib/links/rate-limit");

beforeAll(async () => {
  ({ app } = await startLinkApp());
  limits = await import("@/lib/links/rate-limit");
});

const copy = { kind: "TOKEN_REDIRECT", channel: "COPY" } as const;

describe("send limits", () => {
  it("allows five sends per verification an hour, then refuses without issuing a link", async () => {
    const ops = await staff(app);
    const v = await verificationAtMarkId(app);
    for (let i = 0; i < limits.SEND_LIMITS.perVerification; i++) {
      expect((await app.sendLink(ops, v.id, copy)).ok).toBe(true);
    }
    const refused = await app.sendLink(ops, v.id, copy);
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("Too many links") });
    expect(await app.db.linkDelivery.count({ where: { verificationId: v.id } })).toBe(5);
    // Another verification is not affected.
    const other = await verificationAtMarkId(app);
    expect((await app.sendLink(ops, other.id, copy)).ok).toBe(true);
  });

  it("counts per recipient across verifications, whatever the case of the address", async () => {
    const email = "Client.Limit@Example.test";
    for (let i = 0; i < limits.SEND_LIMITS.perRecipient; i++) {
      const v = await verificationAtMarkId(app);
      expect(await limits.takeSendAllowance(v.id, i % 2 ? email : email.toLowerCase())).toEqual({ ok: true });
    }
    const v = await verificationAtMarkId(app);
    const refused = await limits.takeSendAllowance(v.id, email);
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("this email address") });
    // The refused send counted nothing against the verification.
    const counter = await app.db.linkSendCounter.findUnique({ where: { key: `verification:${v.id}` } });
    expect(counter).toBeNull();
    // Addresses are kept only as hashes.
    const keys = (await app.db.linkSendCounter.findMany()).map((c) => c.key).join(" ");
    expect(keys.toLowerCase()).not.toContain("example.test");
  });

  it("starts a new window once the hour is over", async () => {
    const email = "window@example.test";
    const v = await verificationAtMarkId(app);
    for (let i = 0; i < limits.SEND_LIMITS.perRecipient; i++) await limits.takeSendAllowance(v.id, email);
    expect((await limits.takeSendAllowance(v.id, email)).ok).toBe(false);
    await app.db.linkSendCounter.update({
      where: { key: limits.recipientKey(email) },
      data: { windowStart: new Date(Date.now() - 61 * 60 * 1000) },
    });
    expect((await limits.takeSendAllowance(v.id, email)).ok).toBe(true);
  });
});
