"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { RecoveryCodes } from "@/components/auth/recovery-codes";
import type { FormAction } from "@/lib/actions/validated-action";

type Props = {
  action: FormAction;
  /** Null once two-factor sign-in is on: then the children (the status) show. */
  setup: { qrDataUrl: string; secret: string } | null;
  /** Shown under the setup form when the role may go without two-factor sign-in. */
  later?: React.ReactNode;
  children?: React.ReactNode;
};

/**
 * Rendered in the same place whether or not two-factor sign-in is on, so that when the page re-renders
 * after enrolment the recovery codes, which exist only in this component's state, stay on screen.
 */
export function TwoFactorSetup({ action, setup, later, children }: Props) {
  const t = useTranslations("auth.twoFactor.setup");
  const [state, formAction, pending] = useActionState(action, {});
  const codes = state.ok ? state.data?.recoveryCodes : undefined;
  if (Array.isArray(codes)) return <RecoveryCodes codes={codes} message={state.message} />;
  if (!setup) return children;
  const { qrDataUrl, secret } = setup;
  return (
    <div className="flex flex-col gap-5">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-muted">
        <li>{t("stepApp")}</li>
        <li>{t("stepScan")}</li>
        <li>{t("stepCode")}</li>
      </ol>
      <div className="flex flex-col items-center gap-3">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data URL needs no optimisation */}
        <img src={qrDataUrl} alt={t("qrAlt")} width={220} height={220} className="rounded-md bg-white p-2" />
        <details className="w-full text-sm">
          <summary className="cursor-pointer text-accent">{t("cantScan")}</summary>
          <p className="mt-2 text-muted">{t("keyKind")}</p>
          <code
            data-testid="totp-secret"
            className="mt-1 block rounded-md bg-raised px-3 py-2 font-mono text-sm tracking-wider break-all"
          >
            {secret}
          </code>
        </details>
      </div>
      <form action={formAction} className="flex flex-col gap-4" noValidate>
        <Field
          label={t("code")}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          errors={state.fieldErrors?.code}
        />
        {/* A wrong code is said at the field; a lockout, which has no field, here. */}
        {state.fieldErrors ? null : <FormMessage state={state} />}
        <Button type="submit" disabled={pending}>
          {pending ? t("checking") : t("turnOn")}
        </Button>
      </form>
      {later}
    </div>
  );
}
