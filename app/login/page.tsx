import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { SsoSignIn } from "@/components/auth/sso-sign-in";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getSessionUser } from "@/lib/auth/dal";
import { loginErrorMessage } from "@/lib/auth/login-errors";
import { getEnv } from "@/lib/env";
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.login");
  return { title: t("title") };
}

type Param = string | string[] | undefined;
const one = (value: Param) => (typeof value === "string" ? value : undefined);

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: Param; invited?: Param; error?: Param; breakglass?: Param }>;
}) {
  if (await getSessionUser()) redirect("/");
  const { callbackUrl, invited, error, breakglass } = await searchParams;
  const env = getEnv();
  const { sso, localLogin } = env.SIGN_IN;
  const target = safeCallbackPath(callbackUrl, env.APP_URL);
  // With password login off, the form is only for the break-glass administrators, behind a small link.
  const passwordForm = localLogin || one(breakglass) === "1";
  const message = loginErrorMessage(one(error));
  const [t, tAll] = await Promise.all([getTranslations("auth.login"), getTranslations()]);
  return (
    <RouteMessages route="/login">
      <AuthCard title={tAll("common.meta.product")}>
        <div className="flex flex-col gap-6">
          {message ? (
            <p role="alert" className="text-sm text-danger">
              {tAll(message)}
            </p>
          ) : null}
          {sso ? <SsoSignIn name={sso.name} callbackUrl={target} primary={!passwordForm} /> : null}
          {passwordForm ? (
            <LoginForm callbackUrl={target} notice={invited ? t("invited") : undefined} />
          ) : (
            <Link
              href={`/login?breakglass=1&callbackUrl=${encodeURIComponent(target)}`}
              className="text-center text-xs text-muted underline"
            >
              {t("breakGlass")}
            </Link>
          )}
        </div>
      </AuthCard>
    </RouteMessages>
  );
}
