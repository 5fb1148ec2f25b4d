"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { LOGIN_ERRORS } from "@/lib/auth/login-errors";

const GENERIC = "Email or password is not correct, or the account is temporarily locked.";
const CODE_REJECTED =
  "That code did not work. Each code works once: wait for the next one, or use a recovery code.";

type Step = { kind: "password" } | { kind: "code"; challenge: string };

export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
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
      if (failure === LOGIN_ERRORS.codeRejected) return setError(CODE_REJECTED);
      if (failure === LOGIN_ERRORS.challengeExpired) {
        setStep({ kind: "password" });
        return setError("That took too long. Sign in again.");
      }
      setStep({ kind: "password" });
      setError(GENERIC);
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
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        </>
      ) : (
        <Field
          label="Authentication code"
          name="code"
          autoComplete="one-time-code"
          autoFocus
          required
          maxLength={20}
          hint="The 6-digit code from your authenticator app, or one of your recovery codes."
          errors={error ? [error] : undefined}
        />
      )}
      {step.kind === "password" ? (
        <div aria-live="assertive" className="text-sm text-danger" role="status">
          {error}
        </div>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : step.kind === "password" ? "Sign in" : "Verify"}
      </Button>
    </form>
  );
}
