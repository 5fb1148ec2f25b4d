import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

const credentials = z.object({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  password: z.string().min(1).max(1024),
});

// Verified against when the account does not exist, so that timing does not reveal which emails are staff.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomUUID()));

export type LoginAttempt = {
  email: string;
  password: string;
  code: string;
  ip: string | null;
  userAgent: string | null;
};

export type AuthenticatedUser = {
  id: string;
  email: string;
  name: string;
  role: string;
  sessionVersion: number;
};

export async function authenticate(attempt: LoginAttempt): Promise<AuthenticatedUser | null> {
  const parsed = credentials.safeParse(attempt);
  if (!parsed.success) return null;
  const db = getDb();
  const user = await db.staffUser.findUnique({ where: { email: parsed.data.email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), parsed.data.password);
  const context = { ip: attempt.ip, userAgent: attempt.userAgent };
  if (!user || !ok || !user.active) {
    await db.$transaction((tx) =>
      recordAudit(tx, {
        action: "auth.login_failed",
        actorId: user?.id ?? null,
        actorEmail: parsed.data.email,
        ...context,
      }),
    );
    return null;
  }
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, { action: "auth.login", actorId: user.id, actorEmail: user.email, ...context });
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
  };
}
