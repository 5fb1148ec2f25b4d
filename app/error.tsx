"use client";

import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("errorPages.error");
  return (
    <main className="mx-auto max-w-xl p-10">
      <EmptyState icon={TriangleAlert} title={t("title")}>
        <p>{t("body")}</p>
        {error.digest ? (
          <p className="mt-2 font-mono text-xs">{t("reference", { digest: error.digest })}</p>
        ) : null}
        <Button className="mt-4" onClick={reset}>
          {t("retry")}
        </Button>
      </EmptyState>
    </main>
  );
}
