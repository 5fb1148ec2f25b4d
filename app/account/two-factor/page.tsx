import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { TimeZoneForm } from "@/components/auth/time-zone-form";
import { setTimeZone } from "@/lib/account/time-zone-actions";
import { DisableTwoFactorForm } from "@/components/auth/disable-two-factor-form";
import { TwoFactorSetup } from "@/components/auth/two-factor-setup";
import { requirePermission } from "@/lib/auth/dal";
import { pendingEnrolment } from "@/lib/auth/enrolment";
import { unusedRecoveryCodes } from "@/lib/auth/recovery-codes";
import { confirmTwoFactor, disableTwoFactor } from "@/lib/auth/two-factor-actions";
import { twoFactorRequired } from "@/lib/auth/two-factor-policy";

export const metadata: Metadata = { title: "Two-factor sign-in" };

// Outside the app shell: someone whose role requires two-factor sign-in and who has not set it up yet is
// sent here and may go nowhere else.
export default async function TwoFactorPage() {
  const user = await requirePermission("account:security", { allowUnenrolled: true });
  const setup = user.twoFactorEnabled ? null : await pendingEnrolment(user.id);
  if (!user.twoFactorEnabled && !setup)
    throw new Error("Two-factor setup is not available for this account.");
  const mandatory = await twoFactorRequired(user.role);
  return (
    <AuthCard title={setup ? "Set up two-factor sign-in" : "Two-factor sign-in"} wide>
      {setup && mandatory ? (
        <p role="status" className="mb-4 text-sm text-warning">
          Your account must use two-factor sign-in. Set it up to continue.
        </p>
      ) : null}
      <TwoFactorSetup
        action={confirmTwoFactor}
        setup={setup && { qrDataUrl: setup.qrDataUrl, secret: setup.secret }}
        later={
          mandatory ? null : (
            <Link href="/" className="text-sm text-accent underline">
              Not now, back to the back office
            </Link>
          )
        }
      >
        {setup ? null : <TwoFactorStatus userId={user.id} mandatory={mandatory} />}
      </TwoFactorSetup>
      {setup ? null : (
        <section aria-labelledby="time-zone-heading" className="mt-6 border-t border-border pt-6">
          <h2 id="time-zone-heading" className="mb-3 font-semibold">
            Time zone
          </h2>
          <TimeZoneForm
            action={setTimeZone}
            chosen={user.timeZone}
            zones={Intl.supportedValuesOf("timeZone")}
          />
        </section>
      )}
    </AuthCard>
  );
}

async function TwoFactorStatus({ userId, mandatory }: { userId: string; mandatory: boolean }) {
  const left = await unusedRecoveryCodes(userId);
  return (
    <div className="flex flex-col gap-4 text-sm">
      <p role="status" className="font-medium text-success">
        Two-factor sign-in is on.
      </p>
      <p className="text-muted">
        {left} unused recovery code{left === 1 ? "" : "s"} left.
        {left < 3 ? " Ask an administrator to reset two-factor sign-in to get new ones." : ""}
      </p>
      {mandatory ? (
        <p className="text-muted">Your role must keep it on.</p>
      ) : (
        <DisableTwoFactorForm action={disableTwoFactor} />
      )}
      <Link href="/" className="text-accent underline">
        Back to the back office
      </Link>
    </div>
  );
}
