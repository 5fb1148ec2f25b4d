import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { acceptInvitationAction } from "@/lib/staff/invitation-actions";
import { findOpenInvitation } from "@/lib/staff/invitations";

export const metadata: Metadata = { title: "Set your password" };

// Public on purpose: the person has no account to sign in with yet. The token is the authorisation,
// checked here to show the form and again, atomically, when the password is set.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findOpenInvitation(token);
  if (!invitation) {
    return (
      <AuthCard title="Invitation">
        <p className="text-sm text-muted">
          This link is not valid any more: it has been used, has expired, or was replaced by a newer one. Ask
          an administrator for a new invitation.
        </p>
        <Link href="/login" className="mt-4 inline-block text-sm text-accent underline">
          Go to sign-in
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Set your password">
      <p className="mb-4 text-sm text-muted">
        Welcome, {invitation.name}. Choose the password for{" "}
        <strong className="text-ink">{invitation.email}</strong>.
      </p>
      <SetPasswordForm action={acceptInvitationAction.bind(null, token)} />
    </AuthCard>
  );
}
