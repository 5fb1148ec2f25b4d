import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { getSessionUser } from "@/lib/auth/dal";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; invited?: string }>;
}) {
  if (await getSessionUser()) redirect("/");
  const { callbackUrl, invited } = await searchParams;
  return (
    <AuthCard title="MarkID Back Office">
      <LoginForm
        callbackUrl={safeCallback(callbackUrl)}
        notice={invited ? "Your password is set. Sign in with it now." : undefined}
      />
    </AuthCard>
  );
}

// Only same-site paths: an open redirect on the login page is a phishing gift.
function safeCallback(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}
