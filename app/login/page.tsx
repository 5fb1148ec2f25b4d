import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ShieldCheck } from "lucide-react";
import { LoginForm } from "@/components/auth/login-form";
import { getSessionUser } from "@/lib/auth/dal";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  if (await getSessionUser()) redirect("/");
  const { callbackUrl } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-card border border-border bg-surface p-8 shadow-sm">
        <div className="mb-6 flex items-center gap-2">
          <ShieldCheck className="size-6 text-accent" aria-hidden />
          <h1 className="text-lg font-semibold">MarkID Back Office</h1>
        </div>
        <LoginForm callbackUrl={safeCallback(callbackUrl)} />
      </div>
    </main>
  );
}

// Only same-site paths: an open redirect on the login page is a phishing gift.
function safeCallback(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}
