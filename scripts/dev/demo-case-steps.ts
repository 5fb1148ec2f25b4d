// How one demo case is played, with the app's own code against the app's environment (process.env): MarkID's
// token and call at the sandbox, the call finished as a client would, the recordings archived, the checklist
// answered and the decision recorded as an officer would, then dated back to when the case "happened".
import { recordAudit, type AuditInput } from "@/lib/audit/record";
import type { AuditEntry } from "@/lib/audit/types";
import { sealAuthToken } from "@/lib/auth/markid-secrets";
import { applyDecision, applySecondReview } from "@/lib/decisions/apply";
import { getDb, type Tx } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { issueLink } from "@/lib/links/issue";
import { markIdClient } from "@/lib/markid";
import { archiveRecordings } from "@/lib/recordings/archive";
import { currentRulebook } from "@/lib/rulebook/current";
import { CALLED, type DemoCase } from "./demo-cases";

const HOUR = 3_600_000;
export type DemoStaff = { officer: string; lead: string };

const audited = async (tx: Tx, actorId: string, entries: AuditEntry[]) => {
  for (const entry of entries) await recordAudit(tx, { ...entry, actorId } as AuditInput);
};

export async function playDemoCase(c: DemoCase, staff: DemoStaff, now: number): Promise<string> {
  const db = getDb();
  const at = (hours: number) => new Date(now - c.hoursAgo * HOUR + hours * HOUR);
  const { clientId, firstName, lastName, tokenType } = c;
  const token = await markIdClient().createToken({
    clientId,
    firstName,
    lastName,
    tokenType,
    expiryTime: 7 * 86_400,
  });
  if (!token.ok) throw new Error(`the sandbox refused a demo token: ${token.error.message}`);
  const { scanRef, authToken } = token.value;
  const tokenExpiresAt = c.stage === "link_expired" ? at(7 * 24) : new Date(now + 7 * 24 * HOUR);
  const v = await db.$transaction(async (tx) => {
    const created = await tx.verification.create({
      data: {
        scanRef,
        clientId,
        firstName,
        lastName,
        tokenType,
        authTokenSealed: sealAuthToken(scanRef, authToken, getEnv().NEXTAUTH_SECRET),
        tokenExpiresAt,
        status: c.stage === "link_expired" ? "EXPIRED" : "ACTIVE",
        createdById: staff.officer,
        createdAt: at(0),
      },
    });
    const details = { scanRef, tokenType, existing: false };
    const link = await issueLink(tx, {
      verificationId: created.id,
      kind: "TOKEN_REDIRECT",
      channel: "COPY",
      targetUrl: markIdClient().tokenRedirectUrl(authToken),
      recipient: null,
      sentById: staff.officer,
      expiresAt: tokenExpiresAt,
    });
    const opened = c.stage !== "link_sent" && c.stage !== "link_expired";
    await tx.linkDelivery.update({
      where: { id: link.link.id },
      data: {
        createdAt: at(0),
        sentAt: at(0),
        ...(opened ? { firstOpenedAt: at(0.5), lastOpenedAt: at(0.5), openCount: 1 } : {}),
      },
    });
    const entries: AuditEntry[] = [
      { action: "verification.created", targetType: "verification", targetId: created.id, details },
    ];
    await audited(tx, staff.officer, [...entries, ...link.audit]);
    return created;
  });
  if (c.stage === "in_call" || CALLED.includes(c.stage)) await call(c, v.id, scanRef, staff, at);
  if (CALLED.includes(c.stage)) await recordings(v.id, at);
  if (c.outcome) await decide(c, v.id, staff, at);
  return v.id;
}

async function call(c: DemoCase, id: string, scanRef: string, staff: DemoStaff, at: (h: number) => Date) {
  const started = await markIdClient().createVideoCall({
    scanRef,
    photos: c.tokenType === "VIDEO_CALL_PHOTOS",
  });
  if (!started.ok) throw new Error(`the sandbox refused a demo call: ${started.error.message}`);
  await getDb().$transaction(async (tx) => {
    const videoCall = await tx.videoCall.create({
      data: {
        verificationId: id,
        startedById: staff.officer,
        photos: true,
        callUrl: started.value.url,
        createdAt: at(1),
      },
    });
    await tx.verification.update({
      where: { id },
      data: { status: "CALL_IN_PROGRESS", assigneeId: staff.officer },
    });
    const link = await issueLink(tx, {
      verificationId: id,
      kind: "VIDEO_CALL",
      channel: "COPY",
      targetUrl: started.value.url,
      recipient: null,
      sentById: staff.officer,
      expiresAt: null,
    });
    await tx.linkDelivery.update({ where: { id: link.link.id }, data: { createdAt: at(1) } });
    const details = { videoCallId: videoCall.id, photos: true };
    await audited(tx, staff.officer, [
      { action: "call.started", targetType: "verification", targetId: id, details },
      ...link.audit,
    ]);
  });
  if (c.stage === "in_call") return;
  // The client finishes the call on the sandbox's call page, as in a browser.
  const finished = await fetch(`${started.value.url}/finish`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "outcome=success",
    redirect: "manual",
  });
  if (finished.status !== 303)
    throw new Error(`the sandbox did not finish a demo call (HTTP ${finished.status})`);
  await getDb().$transaction([
    getDb().videoCall.updateMany({
      where: { verificationId: id },
      data: { outcome: "SUCCEEDED", finishedAt: at(1.5) },
    }),
    getDb().verification.update({ where: { id }, data: { status: "CALL_FINISHED" } }),
  ]);
}

async function recordings(id: string, at: (h: number) => Date) {
  const outcome = await archiveRecordings(id);
  if (!outcome.complete)
    throw new Error(`demo recordings were not archived: ${outcome.error ?? outcome.missing.join(", ")}`);
  await getDb().mediaAsset.updateMany({ where: { verificationId: id }, data: { createdAt: at(1.6) } });
}

/** Answers every check (a rejection fails the face check), then decides, and for a confirmed one reviews. */
async function decide(c: DemoCase, id: string, staff: DemoStaff, at: (h: number) => Date) {
  const outcome = c.outcome!;
  const db = getDb();
  await db.$transaction(async (tx) => {
    const rulebook = await currentRulebook(tx);
    for (const item of rulebook.content.checklist) {
      const fails = outcome === "REJECT" && item.key === "face_matches_photo";
      const choice = item.kind === "choice" ? (item.passChoices?.[0] ?? null) : null;
      await tx.checklistAnswer.create({
        data: {
          verificationId: id,
          itemKey: item.key,
          rulebookVersionId: rulebook.id,
          result: fails ? "FAIL" : "PASS",
          choice,
          answeredById: staff.officer,
        },
      });
    }
    const reason = rulebook.content.reasons[outcome][0]!;
    const decided = await applyDecision(tx, staff.officer, id, { outcome, reason }, { now: at(2) });
    await audited(tx, staff.officer, [decided.audit]);
  });
  if (!c.confirmed) return;
  await db.$transaction(async (tx) => {
    const pending = await tx.decision.findFirstOrThrow({
      where: { verificationId: id, state: "PENDING_SECOND_REVIEW" },
    });
    const reviewed = await applySecondReview(tx, staff.lead, id, pending.id, { verdict: "confirm" });
    await audited(tx, staff.lead, [reviewed.audit]);
    await tx.decision.update({ where: { id: pending.id }, data: { reviewedAt: at(5) } });
    await tx.verification.update({ where: { id }, data: { decidedAt: at(5) } });
  });
}
