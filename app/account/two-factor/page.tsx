import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccountPreferences } from "@/components/auth/account-preferences";
import { AuthCard } from "@/components/auth/auth-card";
import { DisableTwoFactorForm } from "@/components/auth/disable-two-factor-form";
import { TwoFactorSetup } from "@/components/auth/two-factor-setup";
import { requirePermission } from "@/lib/auth/dal";
import { pendingEnrolment } from "@/lib/auth/enrolment";
import { unusedRecoveryCodes } from "@/lib/auth/recovery-codes";
import { confirmTwoFactor, disableTwoFactor } from "@/lib/auth/two-factor-actions";
import { twoFactorRequired } from "@/lib/auth/two-factor-policy";
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

// Outside the app shell: someone whose role requires two-factor sign-in and who has not set it up yet is
// sent here and may go nowhere else.
export default async function TwoFactorPage() {
  const user = await requirePermission("account:security", { allowUnenrolled: true });
  const setup = user.twoFactorEnabled ? null : await pendingEnrolment(user.id);
  if (!user.twoFactorEnabled && !setup)
    throw new Error("Two-factor setup is not available for this account.");
  const [mandatory, t] = await Promise.all([twoFactorRequired(user.role), getTranslations("account")]);
  return (
    <RouteMessages route="/account/two-factor">
      <AuthCard title={setup ? t("setupTitle") : t("title")} wide>
        {setup && mandatory ? (
          <p role="status" className="mb-4 text-sm text-warning">
            {t("mandatory")}
          </p>
        ) : null}
        <TwoFactorSetup
          action={confirmTwoFactor}
          setup={setup && { qrDataUrl: setup.qrDataUrl, secret: setup.secret }}
          later={
            mandatory ? null : (
              <Link href="/" className="text-sm text-accent underline">
                {t("notNow")}
              </Link>
            )
          }
        >
          {setup ? null : <TwoFactorStatus userId={user.id} mandatory={mandatory} />}
        </TwoFactorSetup>
        {setup ? null : <AccountPreferences language={user.language} timeZone={user.timeZone} />}
      </AuthCard>
    </RouteMessages>
  );
}

async function TwoFactorStatus({ userId, mandatory }: { userId: string; mandatory: boolean }) {
  const [left, t] = await Promise.all([unusedRecoveryCodes(userId), getTranslations("account.status")]);
  return (
    <div className="flex flex-col gap-4 text-sm">
      <p role="status" className="font-medium text-success">
        {t("on")}
      </p>
      <p className="text-muted">
        {t("codesLeft", { count: left })}
        {left < 3 ? ` ${t("askReset")}` : ""}
      </p>
      {mandatory ? (
        <p className="text-muted">{t("mustKeep")}</p>
      ) : (
        <DisableTwoFactorForm action={disableTwoFactor} />
      )}
      <Link href="/" className="text-accent underline">
        {t("back")}
      </Link>
    </div>
  );
}
