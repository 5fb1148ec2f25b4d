// The email leads get when a QA reviewer disagrees with an approval: queued in the review's transaction, one
// job per lead, delivered by the job's handler to a real SMTP server, with no client data in it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Tx } from "@/lib/db";
import { readMessage } from "@/lib/mail/read-message";
import { setSessionCookie } from "../support/next-headers-mock";
import { caseWith, form, sessionCookieFor, staffMember, type Staff } from "../support/case-fixtures";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp-capture";
import { ALWAYS, approved, decide, disagree } from "./support";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let smtp: SmtpCapture;
let db: ReturnType<typeof import("@/lib/db").getDb>;
let qa: typeof import("@/lib/qa/actions").recordQaReview;
let jobs: typeof import("@/lib/qa/jobs");
let officer: Staff;
let reviewer: Staff;
let otherLead: Staff;
let decidingLead: Staff;
let formerLead: Staff;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  process.env.ORG_NAME = "Example Bank";
  db = (await import("@/lib/db")).getDb();
  qa = (await import("@/lib/qa/actions")).recordQaReview;
  jobs = await import("@/lib/qa/jobs");
  [officer, reviewer, otherLead, decidingLead, formerLead] = await Promise.all([
    staffMember("OFFICER"),
    staffMember("LEAD"),
    staffMember("LEAD"),
    staffMember("LEAD"),
    staffMember("LEAD"),
  ]);
  await db.staffUser.update({ where: { id: formerLead.id }, data: { active: false } });
});
afterAll(async () => {
  await (await import("@/lib/jobs/boss")).stopBoss(1_000);
  await smtp.close();
});

/** The emails queued for one QA sample, as pg-boss holds them. */
async function queued(sampleId: string) {
  return db.$queryRaw<Array<{ id: string; data: { sampleId: string; leadId: string }; retry_limit: number }>>`
    SELECT id, data, retry_limit FROM pgboss.job
    WHERE name = 'qa.disagreement_mail' AND data->>'sampleId' = ${sampleId}`;
}

/** Runs the queued jobs of a sample as the worker would; the addresses the mail server received, sorted. */
async function deliver(sampleId: string): Promise<string[]> {
  const before = smtp.received.length;
  const rows = await queued(sampleId);
  for (const row of rows) {
    await jobs.handleDisagreementMailJobs([
      { id: row.id, name: "qa.disagreement_mail", data: row.data } as never,
    ]);
  }
  const messages = await Promise.all(smtp.received.slice(before).map((raw) => readMessage(raw)));
  return messages.map((m) => m.to).sort();
}

async function review(c: { id: string; sample: { id: string } | null }, fields: FormData) {
  await setSessionCookie(await sessionCookieFor(reviewer));
  expect(await qa(c.id, c.sample!.id, {}, fields)).toMatchObject({ ok: true });
}

describe("the QA disagreement email", () => {
  it("goes to every active lead but the reviewer, names the reason and the reopening, and no client", async () => {
    const c = await approved(officer);
    await db.verification.update({
      where: { id: c.id },
      data: { firstName: "Erika", lastName: "Mustermann" },
    });
    await review(c, disagree(true));
    const [job] = await queued(c.sample!.id);
    expect(job!.retry_limit).toBeGreaterThan(3);
    const to = await deliver(c.sample!.id);
    expect(to).toEqual([decidingLead.email, otherLead.email].sort());

    const raw = smtp.received.at(-1)!;
    const message = await readMessage(raw);
    expect(message.subject).toBe("Example Bank: QA disagreement with an approval");
    expect(message.text).toContain("Reason: The outcome should have been different.");
    expect(message.text).toContain("The case was reopened for a new decision");
    const url = `http://localhost:3000/verifications/${c.id}`;
    expect(message.text).toContain(url);
    expect(message.html).toContain(url);
    const client = await db.verification.findUniqueOrThrow({ where: { id: c.id } });
    for (const personal of [client.clientId, "Erika", "Mustermann", "The face does not match the document"]) {
      expect(raw).not.toContain(personal);
    }
  });

  it("spares the lead who made the approval, and says when the case was not reopened", async () => {
    const c = await approved(decidingLead);
    await review(c, disagree(false));
    expect(await deliver(c.sample!.id)).toEqual([otherLead.email]);
    expect((await readMessage(smtp.received.at(-1)!)).text).toContain("The case was not reopened");
  });

  it("mails nobody for an agreement, nor for a disagreement with a rejection", async () => {
    const before = smtp.received.length;
    const agreed = await approved(officer);
    await review(agreed, form({ verdict: "AGREE" }));
    expect(await queued(agreed.sample!.id)).toEqual([]);

    const { applySecondReview } = await import("@/lib/decisions/apply");
    const rejected = await caseWith({ media: ["VIDEO"] });
    await decide(officer, rejected.id, "REJECT");
    const pending = await db.decision.findFirstOrThrow({ where: { verificationId: rejected.id } });
    await db.$transaction((tx: Tx) =>
      applySecondReview(tx, otherLead.id, rejected.id, pending.id, { verdict: "confirm" }, ALWAYS),
    );
    const sample = await db.qaSample.findFirstOrThrow({ where: { verificationId: rejected.id } });
    await review({ id: rejected.id, sample }, disagree(false));
    expect(await queued(sample.id)).toEqual([]);
    expect(smtp.received).toHaveLength(before);
  });

  it("is retried while the mail server refuses it, and queued only if the review commits", async () => {
    const c = await approved(officer);
    await review(c, disagree(false));
    const rows = await queued(c.sample!.id);
    smtp.refuse(1, 451);
    const run = (row: (typeof rows)[number]) =>
      jobs.handleDisagreementMailJobs([
        { id: row.id, name: "qa.disagreement_mail", data: row.data } as never,
      ]);
    const before = smtp.received.length;
    await expect(run(rows[0]!)).rejects.toThrow(/451/);
    expect(smtp.received).toHaveLength(before);
    await run(rows[0]!);
    expect(smtp.received).toHaveLength(before + 1);
    const lead = await db.staffUser.findUniqueOrThrow({ where: { id: rows[0]!.data.leadId } });
    expect((await readMessage(smtp.received.at(-1)!)).to).toContain(lead.email);

    const rolledBack = await approved(officer);
    await expect(
      db.$transaction(async (tx: Tx) => {
        await jobs.enqueueDisagreementMails(tx, rolledBack.sample!.id, {
          reviewerId: reviewer.id,
          decidedById: officer.id,
        });
        throw new Error("the review failed after queueing");
      }),
    ).rejects.toThrow(/after queueing/);
    expect(await queued(rolledBack.sample!.id)).toEqual([]);
  });
});
