import Link from "next/link";
import { Lock } from "lucide-react";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";

export default function Forbidden() {
  const t = useTranslations("errorPages.forbidden");
  return (
    <main className="mx-auto max-w-xl p-10">
      <EmptyState icon={Lock} title={t("title")}>
        <p>{t("body")}</p>
        <Link href="/" className="mt-3 inline-block text-accent underline">
          {t("back")}
        </Link>
      </EmptyState>
    </main>
  );
}
