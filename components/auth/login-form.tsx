"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { LOGIN_ERRORS } from "@/lib/auth/login-errors";

type Step = { kind: "password" } | { kind: "code"; challenge: string };

export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const t = useTranslations("auth.loginForm");
  const router = useRouter();
  const [step, setStep] = useState<Step>({ kind: "password" });
  const [error, setError] = useState<string | null>(null);
  const [email, setEmail] = useState("");
  const [pending, startTransition] = useTransition();

  function submit(form: FormData) {
    setError(null);
    startTransition(async () => {
      const fields =
        step.kind === "password"
          ? { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") }
          : { challenge: step.challenge, code: String(form.get("code") ?? "") };
      const result = await signIn("credentials", { ...fields, redirect: false });
      const failure = result?.error ?? (result ? null : "CredentialsSignin");
      if (!failure) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      if (failure.startsWith(`${LOGIN_ERRORS.codeRequired}:`)) {
        setStep({ kind: "code", challenge: failure.slice(LOGIN_ERRORS.codeRequired.length + 1) });
        return;
      }
      if (failure === LOGIN_ERRORS.codeRejected) return setError(t("codeRejected"));
      if (failure === LOGIN_ERRORS.challengeExpired) {
        setStep({ kind: "password" });
        return setError(t("challengeExpired"));
      }
      setStep({ kind: "password" });
      setError(t("generic"));
    });
  }

  return (
    <form action={submit} className="flex flex-col gap-4" noValidate>
      {notice && !error ? (
        <p role="status" className="text-sm text-success">
          {notice}
        </p>
      ) : null}
      {step.kind === "password" ? (
        <>
          <Field
            label={t("email")}
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Field
            label={t("password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </>
      ) : (
        <Field
          label={t("code")}
          name="code"
          autoComplete="one-time-code"
          autoFocus
          required
          maxLength={20}
          hint={t("codeHint")}
          errors={error ? [error] : undefined}
        />
      )}
      {step.kind === "password" ? (
        <div aria-live="assertive" className="text-sm text-danger" role="status">
          {error}
        </div>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? t("signingIn") : step.kind === "password" ? t("signIn") : t("verify")}
      </Button>
    </form>
  );
}
