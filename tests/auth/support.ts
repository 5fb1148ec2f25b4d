// Shared set-up for the auth tests: real rows in this file's own database.
import { randomUUID } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { confirmEnrolment, pendingEnrolment } from "@/lib/auth/enrolment";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/db";

export const PASSWORD = "Correct-horse-battery-9";
export const ctx = (ip = "198.51.100.1") => ({ ip, userAgent: "vitest" });

let passwordHash: Promise<string> | undefined;

type StaffOptions = {
  active?: boolean;
  password?: boolean;
  enrolled?: boolean;
  name?: string;
  /** An auditor's access: its expiry and optional scope of verifications by creation date ([from, to)). */
  access?: { accessExpiresAt: Date; scopeFrom?: Date | null; scopeTo?: Date | null };
};

/** A staff member with PASSWORD; `enrolled` turns two-factor sign-in on, which every role needs to act. */
export async function createStaff<R extends Role = "OFFICER">(
  role = "OFFICER" as R,
  options: StaffOptions = {},
) {
  passwordHash ??= hashPassword(PASSWORD);
  const user = await getDb().staffUser.create({
    data: {
      email: `${(options.name ?? role).toLowerCase().replaceAll(" ", "-")}-${randomUUID()}@example.test`,
      name: options.name ?? `Test ${role}`,
      role,
      active: options.active ?? true,
      passwordHash: options.password === false ? null : await passwordHash,
      ...options.access,
    },
  });
  if (options.enrolled) await enrol(user.id);
  const { scopeFrom: from, scopeTo: to } = user;
  // As the session check hands it to the app (lib/auth/session-check.ts).
  return { ...user, role, scopeDates: from || to ? { from, to } : null };
}

/** A TOTP code for the given secret, `offsetSteps` periods from now. */
export function totpCode(secret: string, offsetSteps = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + offsetSteps * 30_000 });
}

/** Turns two-factor sign-in on, as the enrolment page would; returns the secret and recovery codes. */
export async function enrol(userId: string) {
  const pending = await pendingEnrolment(userId);
  if (!pending) throw new Error("no pending enrolment");
  const codes = await getDb().$transaction((tx) => confirmEnrolment(tx, userId, totpCode(pending.secret)));
  if (!codes) throw new Error("enrolment refused");
  return { secret: pending.secret, codes };
}

export async function auditActions(
  filter: { actorId?: string; targetId?: string; actorEmail?: string } = {},
) {
  const rows = await getDb().auditEvent.findMany({
    where: filter,
    orderBy: { id: "asc" },
    select: { action: true },
  });
  return rows.map((r) => r.action);
}
