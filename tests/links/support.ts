// Shared by the link tests: the app wired to a sandbox started by the test, staff, and verifications that
// exist at MarkID (the sandbox) as they would after "New verification".
import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { startAppSandbox } from "../support/sandbox-env";

export type App = Awaited<ReturnType<typeof load>>;

async function load() {
  const [{ getDb }, { markIdClient }, { sendLink }, { auditedCommit }, { stopBoss }, secrets] =
    await Promise.all([
      import("@/lib/db"),
      import("@/lib/markid"),
      import("@/lib/links/send"),
      import("@/lib/audit/commit"),
      import("@/lib/jobs/boss"),
      import("@/lib/auth/markid-secrets"),
    ]);
  return { db: getDb(), markid: markIdClient(), sendLink, auditedCommit, stopBoss, secrets };
}

/** Call before anything reads the environment: set process.env (SMTP_URL, ORG_NAME …) first. */
export async function startLinkApp(): Promise<{ app: App; sandbox: Sandbox }> {
  const sandbox = await startAppSandbox();
  const app = await load();
  afterAll(async () => {
    await app.stopBoss(1_000);
    await sandbox.close();
  });
  return { app, sandbox };
}

const META = { requestId: "req-links", ip: "203.0.113.7", userAgent: "vitest" };

export async function staff(app: App, role: "OPS" | "OFFICER" = "OPS") {
  const user = await app.db.staffUser.create({
    data: { email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test`, name: `${role} person`, role },
  });
  const session = { id: user.id, email: user.email, name: user.name, role, scopeDates: null };
  return { user: session, meta: META, commit: app.auditedCommit(session, META) };
}

/** A verification whose token really exists at the sandbox, stored sealed; `authToken` is the token in clear. */
export async function verificationAtMarkId(app: App, extra: { email?: string; assigneeId?: string } = {}) {
  const clientId = `client-${randomUUID().slice(0, 8)}`;
  const token = await app.markid.createToken({ clientId, tokenType: "VIDEO_CALL_PHOTOS" });
  if (!token.ok) throw new Error(token.error.message);
  const { scanRef, authToken } = token.value;
  const v = await app.db.verification.create({
    data: {
      scanRef,
      authTokenSealed: app.secrets.sealAuthToken(scanRef, authToken),
      clientId,
      tokenType: "VIDEO_CALL_PHOTOS",
      firstName: "Erika",
      lastName: "Mustermann",
      tokenExpiresAt: new Date(Date.now() + (token.value.expiryTime ?? 3600) * 1000),
      ...extra,
    },
  });
  return { ...v, authToken };
}

/** Where a stored link leads, opened as /l/<slug> opens it. */
export function targetOf(app: App, link: { slug: string; targetUrlSealed: string }): string {
  const url = app.secrets.openLinkTarget(link);
  if (!url) throw new Error("the link target does not open");
  return url;
}

/** The verification's MarkID token as stored now, opened. */
export async function storedToken(app: App, verificationId: string): Promise<string | null> {
  const v = await app.db.verification.findUniqueOrThrow({ where: { id: verificationId } });
  return app.secrets.openAuthToken(v);
}

export function liveLinks(app: App, verificationId: string) {
  return app.db.linkDelivery.findMany({ where: { verificationId, live: true } });
}

export function auditActions(app: App, verificationId: string) {
  return app.db.auditEvent
    .findMany({ where: { targetId: verificationId }, orderBy: { id: "asc" } })
    .then((rows) => rows.map((r) => r.action));
}
