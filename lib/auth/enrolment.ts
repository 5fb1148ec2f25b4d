import "server-only";
import QRCode from "qrcode";
import { issueRecoveryCodes } from "@/lib/auth/recovery-codes";
import { matchTotp, newTotpSecret, openTotpSecret, sealTotpSecret, totpUri } from "@/lib/auth/totp";
import { getDb, type Tx } from "@/lib/db";

export type PendingEnrolment = { secret: string; uri: string; qrDataUrl: string };

/**
 * The secret being set up: made on the first visit and kept until confirmed, so that a reload (or a
 * prefetch) shows the same QR code as the one already scanned. Null once two-factor sign-in is on.
 */
export async function pendingEnrolment(userId: string): Promise<PendingEnrolment | null> {
  const db = getDb();
  const fresh = () => sealTotpSecret(userId, newTotpSecret());
  await db.staffUser.updateMany({
    where: { id: userId, totpEnabledAt: null, totpSecret: null },
    data: { totpSecret: fresh() },
  });
  let user = await db.staffUser.findUnique({
    where: { id: userId },
    select: { email: true, totpSecret: true, totpEnabledAt: true },
  });
  if (!user?.totpSecret || user.totpEnabledAt) return null;
  if (!openTotpSecret(userId, user.totpSecret)) {
    // Sealed under an earlier NEXTAUTH_SECRET: nobody can have confirmed it, so start again.
    await db.staffUser.updateMany({
      where: { id: userId, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpSecret: fresh() },
    });
    user = await db.staffUser.findUnique({
      where: { id: userId },
      select: { email: true, totpSecret: true, totpEnabledAt: true },
    });
  }
  const secret = user?.totpSecret && !user.totpEnabledAt ? openTotpSecret(userId, user.totpSecret) : null;
  if (!user || !secret) return null;
  const uri = totpUri(secret, user.email);
  // Drawn here, as a data URL: the secret never goes to a third-party QR service.
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** Turns two-factor sign-in on when the code matches; returns the new recovery codes, or null. */
export async function confirmEnrolment(tx: Tx, userId: string, code: string): Promise<string[] | null> {
  const user = await tx.staffUser.findUnique({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  if (!user?.totpSecret || user.totpEnabledAt) return null;
  const secret = openTotpSecret(userId, user.totpSecret);
  const step = secret ? matchTotp(secret, code.replace(/\s/g, "")) : null;
  if (step === null) return null;
  // The confirming code is used up too: it cannot then sign anyone in.
  const { count } = await tx.staffUser.updateMany({
    where: { id: userId, totpEnabledAt: null, totpSecret: user.totpSecret },
    data: { totpEnabledAt: new Date(), lastTotpStep: BigInt(step) },
  });
  return count === 1 ? issueRecoveryCodes(tx, userId) : null;
}

/** Forgets the secret and the recovery codes. `endSessions` for an admin's reset, which signs the user out. */
export async function removeTwoFactor(tx: Tx, userId: string, endSessions: boolean): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.staffUser.update({
    where: { id: userId },
    data: {
      totpSecret: null,
      totpEnabledAt: null,
      lastTotpStep: null,
      ...(endSessions ? { sessionVersion: { increment: 1 } } : {}),
    },
  });
}
