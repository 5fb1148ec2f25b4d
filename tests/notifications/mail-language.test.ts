// Staff emails in the recipient's own language (StaffUser.language; none chosen: English), sent through a real
// SMTP server by the job handlers, as tests/notifications/mail.test.ts and tests/qa/disagreement-mail.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import { readMessage } from "@/lib/mail/read-message";
import { caseWith, staffMember } from "../support/case-fixtures";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp-capture";

let smtp: SmtpCapture;
let db: ReturnType<typeof import("@/lib/db").getDb>;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  process.env.ORG_NAME = "Example Bank";
  db = (await import("@/lib/db")).getDb();
});
afterAll(async () => {
  await (await import("@/lib/jobs/boss")).stopBoss(1_000);
  await smtp.close();
});

/** A decision of `language`'s reader confirmed, and the notification's email job run. */
async function confirmedMailFor(language: "de" | "lt" | null) {
  const { notifyDecider } = await import("@/lib/notifications/causes");
  const { handleNotificationMailJobs } = await import("@/lib/notifications/jobs");
  const decider = await staffMember("OFFICER");
  await db.staffUser.update({ where: { id: decider.id }, data: { language, notifyByEmail: true } });
  const c = await caseWith({ createdById: decider.id });
  await db.$transaction((tx: Tx) =>
    notifyDecider(tx, { verificationId: c.id, decidedById: decider.id }, true),
  );
  const [job] = await db.$queryRaw<Array<{ id: string; data: { notificationId: string } }>>`
    SELECT j.id, j.data FROM pgboss.job j JOIN notifications n ON n.id = (j.data->>'notificationId')::uuid
    WHERE j.name = 'notifications.mail' AND n."userId" = ${decider.id}::uuid`;
  const before = smtp.received.length;
  await handleNotificationMailJobs([{ id: job!.id, name: "notifications.mail", data: job!.data } as never]);
  expect(smtp.received).toHaveLength(before + 1);
  return { message: await readMessage(smtp.received.at(-1)!), caseId: c.id };
}

describe("staff notification emails", () => {
  it("are German for a reader who works in German", async () => {
    const { message, caseId } = await confirmedMailFor("de");
    expect(message.subject).toBe("Example Bank: Ihre Entscheidung wurde bestätigt");
    expect(message.text).toContain("Fall öffnen:");
    expect(message.text).toContain(`http://localhost:3000/verifications/${caseId}`);
  });

  it("are Lithuanian for a Lithuanian reader, English for one who chose no language", async () => {
    expect((await confirmedMailFor("lt")).message.subject).toBe("Example Bank: Jūsų sprendimas patvirtintas");
    const english = (await confirmedMailFor(null)).message;
    expect(english.subject).toBe("Example Bank: Your decision was confirmed");
    expect(english.text).toContain("Open the case:");
  });
});
