import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { acceptInvitationAction } from "@/lib/staff/invitation-actions";
import { findOpenInvitation } from "@/lib/staff/invitations";
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.invite");
  return { title: t("title") };
}

// Public on purpose: the person has no account to sign in with yet. The token is the authorisation,
// checked here to show the form and again, atomically, when the password is set.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, t] = await Promise.all([findOpenInvitation(token), getTranslations("auth.invite")]);
  if (!invitation) {
    return (
      <AuthCard title={t("invalidTitle")}>
        <p className="text-sm text-muted">{t("invalid")}</p>
        <Link href="/login" className="mt-4 inline-block text-sm text-accent underline">
          {t("goToSignIn")}
        </Link>
      </AuthCard>
    );
  }
  return (
    <RouteMessages route="/invite/[token]">
      <AuthCard title={t("title")}>
        <p className="mb-4 text-sm text-muted">
          {t.rich("welcome", {
            name: invitation.name,
            email: invitation.email,
            strong: (chunks) => <strong className="text-ink">{chunks}</strong>,
          })}
        </p>
        <SetPasswordForm action={acceptInvitationAction.bind(null, token)} />
      </AuthCard>
    </RouteMessages>
  );
}
