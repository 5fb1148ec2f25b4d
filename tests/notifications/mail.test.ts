// The email choice: set on the account page's action (audited), honoured by notify() in the cause's
// transaction, delivered by the job's handler to a real SMTP server, with no client data in it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Tx } from "@/lib/db";
import { readMessage } from "@/lib/mail/read-message";
import { setSessionCookie } from "../support/next-headers-mock";
import { caseWith, form, sessionCookieFor, staffMember, type Staff } from "../support/case-fixtures";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp-capture";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let smtp: SmtpCapture;
let db: ReturnType<typeof import("@/lib/db").getDb>;
let actions: typeof import("@/lib/notifications/actions");
let jobs: typeof import("@/lib/notifications/jobs");
let wantsMail: Staff;
let bellOnly: Staff;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  process.env.ORG_NAME = "Example Bank";
  db = (await import("@/lib/db")).getDb();
  actions = await import("@/lib/notifications/actions");
  jobs = await import("@/lib/notifications/jobs");
  [wantsMail, bellOnly] = await Promise.all([staffMember("OFFICER"), staffMember("OFFICER")]);
});
afterAll(async () => {
  await (await import("@/lib/jobs/boss")).stopBoss(1_000);
  await smtp.close();
});

async function choose(who: Staff, on: boolean) {
  setSessionCookie(await sessionCookieFor(who));
  const state = await actions.updateNotificationMail({}, form(on ? { byMail: "on" } : {}));
  expect(state).toMatchObject({ ok: true });
}

/** The email jobs queued for one person's notifications. */
async function queued(userId: string) {
  return db.$queryRaw<Array<{ id: string; data: { notificationId: string } }>>`
    SELECT j.id, j.data FROM pgboss.job j JOIN notifications n ON n.id = (j.data->>'notificationId')::uuid
    WHERE j.name = 'notifications.mail' AND n."userId" = ${userId}::uuid`;
}

async function deliver(userId: string) {
  for (const row of await queued(userId)) {
    await jobs.handleNotificationMailJobs([
      { id: row.id, name: "notifications.mail", data: row.data } as never,
    ]);
  }
}

/** A confirmed decision on a case with a named client, as applySecondReview tells its decider. */
async function decisionConfirmedFor(decider: Staff) {
  const { notifyDecider } = await import("@/lib/notifications/causes");
  const c = await caseWith({ createdById: decider.id });
  await db.verification.update({ where: { id: c.id }, data: { firstName: "Erika", lastName: "Mustermann" } });
  await db.$transaction((tx: Tx) =>
    notifyDecider(tx, { verificationId: c.id, decidedById: decider.id }, true),
  );
  return db.verification.findUniqueOrThrow({ where: { id: c.id } });
}

describe("notifications by email", () => {
  it("are emailed to whoever chose it: the event and the case's link, no client", async () => {
    await choose(wantsMail, true);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "staff.notification_mail_changed", targetId: wantsMail.id },
    });
    expect(audit.details).toEqual({ on: true });

    const before = smtp.received.length;
    const v = await decisionConfirmedFor(wantsMail);
    await deliver(wantsMail.id);
    expect(smtp.received).toHaveLength(before + 1);
    const raw = smtp.received.at(-1)!;
    const message = await readMessage(raw);
    expect(message.to).toContain(wantsMail.email);
    expect(message.subject).toBe("Example Bank: Your decision was confirmed");
    const url = `http://localhost:3000/verifications/${v.id}`;
    expect(message.text).toContain(url);
    expect(message.html).toContain(url);
    for (const personal of [v.clientId, "Erika", "Mustermann"]) expect(raw).not.toContain(personal);
  });

  it("are not emailed to someone who did not choose it, nor once they turned it off", async () => {
    const before = smtp.received.length;
    await decisionConfirmedFor(bellOnly);
    expect(await queued(bellOnly.id)).toEqual([]);

    await choose(bellOnly, true);
    await decisionConfirmedFor(bellOnly);
    expect(await queued(bellOnly.id)).toHaveLength(1);
    await choose(bellOnly, false);
    await deliver(bellOnly.id);
    expect(smtp.received).toHaveLength(before);
  });

  it("are retried while the mail server refuses them", async () => {
    await choose(wantsMail, true);
    await decisionConfirmedFor(wantsMail);
    const rows = await queued(wantsMail.id);
    const row = rows.at(-1)!;
    const run = () =>
      jobs.handleNotificationMailJobs([{ id: row.id, name: "notifications.mail", data: row.data } as never]);
    smtp.refuse(1, 451);
    const before = smtp.received.length;
    await expect(run()).rejects.toThrow(/451/);
    expect(smtp.received).toHaveLength(before);
    await run();
    expect(smtp.received).toHaveLength(before + 1);
  });
});
