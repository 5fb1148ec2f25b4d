// Demo data for a newcomer's machine and for e2e tests: demo staff (two admins, so that approvals can be
// tried), a few verifications.
import { PrismaPg } from "@prisma/adapter-pg";
import { sealAuthToken } from "../../lib/auth/markid-secrets";
import { hashPassword } from "../../lib/auth/password";
import { openTotpSecret, sealTotpSecret } from "../../lib/auth/totp";
import { PrismaClient } from "../../lib/generated/prisma/client";
import type { Role, TokenType } from "../../lib/generated/prisma/enums";
import { currentRulebook } from "../../lib/rulebook/current";
import { publishVersion } from "../../lib/rulebook/versions";

export type DemoAccount = {
  /** The account's key in the dev secrets file and the e2e constants: its role, or ADMIN2. */
  key: string;
  email: string;
  name: string;
  role: Role;
  password: string;
  /** Base32 TOTP key: the account is seeded with two-factor sign-in on. */
  totpSecret?: string;
  /** An auditor's access, in days from its creation (at most 90, as on the Staff page); no scope. */
  accessDays?: number;
};

export const DEMO_STAFF: readonly Omit<DemoAccount, "password" | "totpSecret">[] = [
  { key: "OFFICER", email: "officer@demo.markid.local", name: "Olivia Officer", role: "OFFICER" },
  { key: "LEAD", email: "lead@demo.markid.local", name: "Liam Lead", role: "LEAD" },
  { key: "OPS", email: "ops@demo.markid.local", name: "Oscar Ops", role: "OPS" },
  { key: "ADMIN", email: "admin@demo.markid.local", name: "Ada Admin", role: "ADMIN" },
  // Invitations and role changes that grant decisions or exports need a second administrator.
  { key: "ADMIN2", email: "admin2@demo.markid.local", name: "Abel Admin", role: "ADMIN" },
  // Read-only, every case, for 90 days from the first seed; then the account deactivates itself.
  {
    key: "AUDITOR",
    email: "auditor@demo.markid.local",
    name: "Ava Auditor",
    role: "AUDITOR",
    accessDays: 90,
  },
];

export function seedClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/**
 * Four-eyes for every decision on or off, as the next rulebook version unless the one in force already says
 * so. The demo decision reasons need nothing: the migrations' starting reasons are carried into version 1.
 * Stack setup, not an admin's change: the version has no author and no audit event.
 */
export async function setFourEyes(db: PrismaClient, fourEyesForAll: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    if ((await currentRulebook(tx)).content.fourEyesForAll === fourEyesForAll) return;
    const note = `Stack setup: four-eyes for ${fourEyesForAll ? "every decision" : "rejections and aborts"}`;
    await publishVersion(tx, null, (c) => ({ ...c, fourEyesForAll }), note);
  });
}

/**
 * Creates missing demo accounts; existing ones keep their password. With a TOTP key, an account that has
 * no working two-factor sign-in gets it on with that key (an account already enrolled keeps its own).
 * `sessionSecret` is the app's NEXTAUTH_SECRET, which seals the key as the app would.
 */
export async function seedStaff(
  db: PrismaClient,
  accounts: readonly DemoAccount[],
  sessionSecret: string,
): Promise<void> {
  for (const account of accounts) {
    let user = await db.staffUser.findUnique({ where: { email: account.email } });
    user ??= await db.staffUser.create({
      data: {
        email: account.email,
        name: account.name,
        role: account.role,
        passwordHash: await hashPassword(account.password),
        ...(account.accessDays
          ? { accessExpiresAt: new Date(Date.now() + account.accessDays * 86_400_000) }
          : {}),
      },
    });
    if (!account.totpSecret) continue;
    if (!sessionSecret) throw new Error("seedStaff: NEXTAUTH_SECRET is needed to seal the TOTP keys");
    // Kept when it still opens; one sealed under an earlier NEXTAUTH_SECRET could never sign in again.
    const own = user.totpEnabledAt && user.totpSecret;
    if (own && openTotpSecret(user.id, own, sessionSecret)) continue;
    await db.staffUser.update({
      where: { id: user.id },
      data: {
        totpSecret: sealTotpSecret(user.id, account.totpSecret, sessionSecret),
        totpEnabledAt: new Date(),
        lastTotpStep: null,
      },
    });
  }
}

export type DemoVerification = {
  scanRef: string;
  authToken: string;
  clientId: string;
  firstName?: string;
  lastName?: string;
  tokenType: TokenType;
  tokenExpiresAt: Date;
};

/**
 * Stores verifications whose tokens were minted at MarkID (the sandbox in development), each token sealed
 * with the app's NEXTAUTH_SECRET as the app itself would seal it.
 */
export async function seedVerifications(
  db: PrismaClient,
  items: readonly DemoVerification[],
  secret: string,
): Promise<number> {
  if ((await db.verification.count()) > 0) return 0;
  const officer = await db.staffUser.findUnique({ where: { email: DEMO_STAFF[0]!.email } });
  for (const { authToken, ...item } of items) {
    const authTokenSealed = sealAuthToken(item.scanRef, authToken, secret);
    await db.verification.create({
      data: { ...item, authTokenSealed, status: "ACTIVE", createdById: officer?.id ?? null },
    });
  }
  return items.length;
}
