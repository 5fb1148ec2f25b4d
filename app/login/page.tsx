import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getSessionUser } from "@/lib/auth/dal";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; invited?: string | string[] }>;
}) {
  if (await getSessionUser()) redirect("/");
  const { callbackUrl, invited } = await searchParams;
  return (
    <AuthCard title="MarkID Back Office">
      <LoginForm
        callbackUrl={safeCallbackPath(callbackUrl, getEnv().APP_URL)}
        notice={invited ? "Your password is set. Sign in with it now." : undefined}
      />
    </AuthCard>
  );
}
