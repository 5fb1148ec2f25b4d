import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewVerificationForm } from "@/components/verifications/new-verification-form";
import { requirePermission } from "@/lib/auth/dal";
import { getSettings } from "@/lib/settings/settings";
import { createVerification } from "@/lib/verifications/actions";
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verifications.new");
  return { title: t("title") };
}

export default async function NewVerificationPage() {
  await requirePermission("verification:create");
  const [t, { defaultClientLanguage }] = await Promise.all([
    getTranslations("verifications.new"),
    getSettings(),
  ]);
  return (
    <RouteMessages route="/verifications/new">
      <section className="flex flex-col gap-4">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="max-w-xl text-sm text-muted">{t("intro")}</p>
        <NewVerificationForm action={createVerification} defaultLanguage={defaultClientLanguage} />
      </section>
    </RouteMessages>
  );
}
