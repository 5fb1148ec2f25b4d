"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

/** Starts the IdP's sign-in (next-auth's "oidc" provider); the IdP sends the browser back to `callbackUrl`. */
export function SsoSignIn({
  name,
  callbackUrl,
  primary,
}: {
  name: string;
  callbackUrl: string;
  primary: boolean;
}) {
  const t = useTranslations("auth.loginForm");
  const [pending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      variant={primary ? "primary" : "secondary"}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await signIn("oidc", { callbackUrl });
        })
      }
    >
      {pending ? t("redirecting") : t("signInWith", { name })}
    </Button>
  );
}
