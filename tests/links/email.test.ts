import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMessage } from "@/lib/mail/read-message";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp-capture";
import { auditActions, staff, startLinkApp, verificationAtMarkId, type App } from "./support";

// A real SMTP server: it refuses the first message with a temporary error, then accepts every one.
let smtp: SmtpCapture;

let app: App;
let jobs: typeof import("@/lib/links/jobs");

beforeAll(async () => {
  smtp = await startSmtpCapture();
  smtp.refuse(1, 451, "Mailbox erika@client.example busy, try later");
  process.env.SMTP_URL = smtp.url;
  process.env.ORG_NAME = "Example Bank";
  process.env.MAIL_FROM = "Example Bank <verify@bank.example>";
  ({ app } = await startLinkApp());
  jobs = await import("@/lib/links/jobs");
});
afterAll(() => smtp.close());

describe("emailing a link", () => {
  it("records a refused email, queues its retry with backoff, and the retry delivers it", async () => {
    const ops = await staff(app);
    const v = await verificationAtMarkId(app);
    const sent = await app.sendLink(ops, v.id, {
      kind: "TOKEN_REDIRECT",
      channel: "EMAIL",
      recipient: "erika@client.example",
    });
    expect(sent).toMatchObject({ ok: false, message: expect.stringContaining("retried automatically") });
    let link = await app.db.linkDelivery.findUniqueOrThrow({ where: { id: sent.linkId! } });
    expect(link).toMatchObject({
      status: "FAILED",
      attempts: 1,
      live: true,
      recipient: "erika@client.example",
    });
    expect(link.failureReason).toContain("451");

    const [job] = await app.db.$queryRaw<
      Array<{ retry_limit: number; retry_backoff: boolean; data: unknown }>
    >`
      SELECT retry_limit, retry_backoff, data FROM pgboss.job WHERE name = 'links.email' AND id = ${link.id}::uuid`;
    expect(job).toMatchObject({ retry_backoff: true, data: { linkId: link.id } });
    expect(job!.retry_limit).toBeGreaterThan(3);

    await jobs.handleLinkEmailJobs([
      { id: link.id, name: "links.email", data: { linkId: link.id } } as never,
    ]);
    link = await app.db.linkDelivery.findUniqueOrThrow({ where: { id: link.id } });
    expect(link).toMatchObject({ status: "ACCEPTED", attempts: 2, failureReason: null });
    expect(link.sentAt).toBeInstanceOf(Date);
    expect(await auditActions(app, v.id)).toEqual(["link.issued", "link.send_failed", "link.sent"]);
    // The client's address is personal data: the append-only trail holds ids and facts, never the address,
    // not even inside the mail server's refusal.
    const trail = await app.db.auditEvent.findMany({ where: { targetId: v.id } });
    expect(JSON.stringify(trail.map((e) => e.details))).not.toContain("client.example");
    expect(trail.find((e) => e.action === "link.send_failed")?.details).toMatchObject({
      reason: expect.stringContaining("<address>"),
    });

    const message = await readMessage(smtp.received.at(-1)!);
    expect(message.to).toContain("erika@client.example");
    expect(message.from).toContain("verify@bank.example");
    expect(message.subject).toContain("Example Bank");
    const url = `http://localhost:3000/l/${link.slug}`;
    expect(message.text).toContain(url);
    expect(message.html).toContain(url);
    expect(message.text).toContain("Example Bank");
    expect(message.text).toMatch(/works until .* UTC/);
    expect(smtp.received.at(-1)).not.toContain(v.authToken);

    // Once accepted, a later run of the job sends nothing twice.
    await jobs.handleLinkEmailJobs([
      { id: link.id, name: "links.email", data: { linkId: link.id } } as never,
    ]);
    expect(smtp.received).toHaveLength(1);
  });

  it("the retry job throws while the server keeps refusing, so pg-boss retries it", async () => {
    const ops = await staff(app);
    const v = await verificationAtMarkId(app);
    const sent = await app.sendLink(ops, v.id, {
      kind: "TOKEN_REDIRECT",
      channel: "EMAIL",
      recipient: "a@client.example",
    });
    expect(sent.ok).toBe(true);
    const link = await app.db.linkDelivery.findUniqueOrThrow({ where: { id: sent.linkId! } });
    await app.db.linkDelivery.update({ where: { id: link.id }, data: { status: "FAILED" } });
    smtp.refuse(1, 451, "Mailbox erika@client.example busy, try later");
    await expect(
      jobs.handleLinkEmailJobs([{ id: link.id, name: "links.email", data: { linkId: link.id } } as never]),
    ).rejects.toThrow(/451/);
  });

  it("never emails a link that was superseded while its email waited", async () => {
    const ops = await staff(app);
    const v = await verificationAtMarkId(app);
    smtp.refuse(1, 451, "Mailbox erika@client.example busy, try later");
    const first = await app.sendLink(ops, v.id, {
      kind: "TOKEN_REDIRECT",
      channel: "EMAIL",
      recipient: "b@client.example",
    });
    expect(first.ok).toBe(false);
    await app.sendLink(ops, v.id, { kind: "TOKEN_REDIRECT", channel: "COPY" });
    const before = smtp.received.length;
    await jobs.handleLinkEmailJobs([
      { id: first.linkId!, name: "links.email", data: { linkId: first.linkId! } } as never,
    ]);
    expect(smtp.received).toHaveLength(before);
    expect(await app.db.linkDelivery.findUniqueOrThrow({ where: { id: first.linkId! } })).toMatchObject({
      status: "FAILED",
      attempts: 1,
    });
  });
});
