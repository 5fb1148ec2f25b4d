import Link from "next/link";
import { FileQuestion } from "lucide-react";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  const t = useTranslations("errorPages.notFound");
  return (
    <main className="mx-auto max-w-xl p-10">
      <EmptyState icon={FileQuestion} title={t("title")}>
        <p>{t("body")}</p>
        <Link href="/" className="mt-3 inline-block text-accent underline">
          {t("back")}
        </Link>
      </EmptyState>
    </main>
  );
}
