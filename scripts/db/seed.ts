// Demo data for a newcomer's machine and for e2e tests: one account per role, a few verifications.
import { PrismaPg } from "@prisma/adapter-pg";
import { sealAuthToken } from "../../lib/auth/markid-secrets";
import { hashPassword } from "../../lib/auth/password";
import { PrismaClient } from "../../lib/generated/prisma/client";

export type DemoAccount = {
  email: string;
  name: string;
  role: "OFFICER" | "LEAD" | "OPS" | "ADMIN";
  password: string;
};

export const DEMO_STAFF: readonly Omit<DemoAccount, "password">[] = [
  { email: "officer@demo.markid.local", name: "Olivia Officer", role: "OFFICER" },
  { email: "lead@demo.markid.local", name: "Liam Lead", role: "LEAD" },
  { email: "ops@demo.markid.local", name: "Oscar Ops", role: "OPS" },
  { email: "admin@demo.markid.local", name: "Ada Admin", role: "ADMIN" },
];

export function seedClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/** Creates missing demo accounts; existing ones keep their password. */
export async function seedStaff(db: PrismaClient, accounts: readonly DemoAccount[]): Promise<void> {
  for (const account of accounts) {
    const exists = await db.staffUser.findUnique({ where: { email: account.email } });
    if (exists) continue;
    await db.staffUser.create({
      data: {
        email: account.email,
        name: account.name,
        role: account.role,
        passwordHash: await hashPassword(account.password),
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
  tokenType: "VIDEO_CALL" | "VIDEO_CALL_PHOTOS";
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
