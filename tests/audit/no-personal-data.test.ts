// The audit trail is never purged, so it must hold no personal data: a broad journey of real actions, with
// sentinel client and staff data typed everywhere a person could type it, leaves none of it in any audit row.
// tests/audit/detail-keys.test.ts holds future actions to it by the names of their detail keys.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { setSessionCookie } from "../support/next-headers-mock";
import { form, REASON, sessionCookieFor, staffMember, type Staff } from "../support/case-fixtures";
import { startAppSandbox } from "../support/sandbox-env";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp-capture";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const CLIENT = {
  firstName: "Zelda",
  lastName: "Sentinelova",
  email: "zelda.sentinel@example.test",
  phone: "+49 170 9999999",
  clientId: "SENTINEL-CLIENT-1",
  externalRef: "SENTINEL-REF",
};
const STAFF = { email: "sentinel.staff@example.test", name: "Sentinel Staffname" };
const TYPED_AT_SIGN_IN = "typed.sentinel@example.test";
// Each compared case-insensitively, and the phone also without its spaces.
const SENTINELS = [...Object.values(CLIENT), "+491709999999", ...Object.values(STAFF), TYPED_AT_SIGN_IN];

let sandbox: Sandbox;
let smtp: SmtpCapture;
let db: ReturnType<typeof import("@/lib/db").getDb>;
let officer: Staff;
let lead: Staff;
let admin: Staff;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  // A mail server that names the address in its refusal: the reason is kept, the address is not.
  smtp.refuse(1, 550, `5.1.1 <${CLIENT.email}>: Recipient address rejected`);
  process.env.SMTP_URL = smtp.url;
  sandbox = await startAppSandbox();
  db = (await import("@/lib/db")).getDb();
  [officer, lead, admin] = await Promise.all([
    staffMember("OFFICER"),
    staffMember("LEAD"),
    staffMember("ADMIN"),
  ]);
});
afterAll(async () => {
  await (await import("@/lib/jobs/boss")).stopBoss(1_000);
  await Promise.all([sandbox.close(), smtp.close()]);
});

const as = async (who: Staff) => setSessionCookie(await sessionCookieFor(who));
const meta = { requestId: "req-pii", ip: "198.51.100.9", userAgent: "vitest" };
const session = (s: Staff) => ({ ...s, scopeDates: null });

/** Every action a person can take on a case, and around it, with the sentinels wherever text goes. */
async function journey(): Promise<string> {
  const { createVerification } = await import("@/lib/verifications/actions");
  const { sendLinkAction } = await import("@/lib/links/actions");
  const { startVideoCall } = await import("@/lib/calls/actions");
  const { claimVerification } = await import("@/lib/decisions/claim-actions");
  const { answerChecklistItem } = await import("@/lib/checklist/actions");
  const { addNote } = await import("@/lib/decisions/note-actions");
  const { recordDecision } = await import("@/lib/decisions/decide-actions");
  const { inviteStaff } = await import("@/lib/staff/actions");
  const { grantQualification } = await import("@/lib/qualifications/actions");
  const { verificationsCsv } = await import("@/lib/exports/verifications-csv");
  const { auditCsv } = await import("@/lib/exports/audit-csv");
  const { authenticatePassword } = await import("@/lib/auth/login");
  const said = `${CLIENT.firstName} ${CLIENT.lastName} (${CLIENT.clientId}, ${CLIENT.email}, ${CLIENT.phone})`;

  await as(officer);
  // Created, it redirects to the new case: redirect() throws.
  await expect(createVerification({}, form({ ...CLIENT, photos: "on" }))).rejects.toThrow("NEXT_REDIRECT");
  const v = await db.verification.findFirstOrThrow({ where: { clientId: CLIENT.clientId } });
  const email = { kind: "TOKEN_REDIRECT", channel: "EMAIL", recipient: CLIENT.email };
  await sendLinkAction(v.id, {}, form(email)); // refused by the mail server, naming the address
  await sendLinkAction(v.id, {}, form(email));
  await sendLinkAction(v.id, {}, form({ kind: "TOKEN_REDIRECT", channel: "COPY" }));
  await startVideoCall(v.id, {}, form({}));
  await claimVerification(v.id, {}, form({}));
  await answerChecklistItem(v.id, {}, form({ itemKey: "consent_recorded", result: "PASS", note: said }));
  await addNote(v.id, {}, form({ body: said }));
  await recordDecision(
    v.id,
    {},
    form({ outcome: "REJECT", reason: REASON.REJECT, comment: said, confirmed: "yes" }),
  );

  await verificationsCsv(session(lead), meta, { q: CLIENT.lastName });
  await verificationsCsv(session(lead), meta, { q: CLIENT.clientId, status: "REVIEWING" });
  await auditCsv(session(lead), meta, { targetId: CLIENT.clientId });
  await auditCsv(session(lead), meta, { targetType: "verification", targetId: v.id });

  await as(admin);
  await inviteStaff({}, form({ ...STAFF, role: "OPS" }));
  const qualification = { staffUserId: officer.id, name: "VideoIdent agent", evidence: `Course, ${said}` };
  await grantQualification({}, form({ ...qualification, validUntil: "" }));

  const ctx = { ip: "198.51.100.10", userAgent: "vitest", requestId: "req-sign-in" };
  await authenticatePassword({ email: TYPED_AT_SIGN_IN, password: `${CLIENT.lastName}-2026!` }, ctx);
  await authenticatePassword({ email: officer.email, password: `${CLIENT.lastName}-2026!` }, ctx);
  return v.id;
}

describe("the audit trail holds no personal data", () => {
  it("after a journey through every kind of action, no audit row names a client or a staff member", async () => {
    const id = await journey();
    const rows = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    const actions = new Set(rows.map((r) => r.action));
    // The journey really happened: what would otherwise make this test pass by writing nothing.
    for (const action of [
      "verification.created",
      "link.issued",
      "link.send_failed",
      "link.sent",
      "call.started",
      "verification.claimed",
      "checklist.answered",
      "note.added",
      "decision.recorded",
      "export.verifications_csv",
      "export.audit_csv",
      "staff.invited",
      "qualification.granted",
      "auth.login_failed",
    ])
      expect(actions, action).toContain(action);
    expect(rows.filter((r) => r.targetId === id).length).toBeGreaterThanOrEqual(9);

    for (const row of rows) {
      const details = JSON.stringify(row.details).toLowerCase();
      for (const sentinel of SENTINELS)
        expect(details, `${row.action} details`).not.toContain(sentinel.toLowerCase());
      // No staff sentinel acted, and unknown sign-ins keep no typed text: the whole row holds none either.
      const whole = JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
      for (const sentinel of SENTINELS)
        expect(whole.toLowerCase(), row.action).not.toContain(sentinel.toLowerCase());
    }
    const exported = rows.filter((r) => r.action === "export.verifications_csv").map((r) => r.details);
    expect(exported).toEqual([
      { filters: { hasQuery: true }, sort: "created_desc" },
      { filters: { hasQuery: true, status: "REVIEWING" }, sort: "created_desc" },
    ]);
    const audited = rows.filter((r) => r.action === "export.audit_csv").map((r) => r.details);
    expect(audited).toEqual([
      { filters: { hasTargetText: true } },
      { filters: { targetType: "verification", targetId: id } },
    ]);
    // A failed sign-in names an existing account (whose was attacked), never text typed for an unknown one.
    const failed = rows.filter((r) => r.action === "auth.login_failed").map((r) => r.actorEmail);
    expect(failed).toEqual([null, officer.email]);
  });
});
