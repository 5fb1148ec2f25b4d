"use client";

import { useLocale, useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";
import type { ActionState } from "@/lib/actions/validated-action";

/**
 * A secret an action returned in `data.secret` (an API key, a webhook signing secret): shown this once, with a
 * copy button; the server keeps only a hash or a sealed copy, so it is never shown again.
 */
export function ShownOnce({ state, label }: { state: ActionState; label: string }) {
  const t = useTranslations("ui");
  const locale = useLocale();
  const secret = typeof state.data?.secret === "string" ? state.data.secret : null;
  if (!secret) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {label}: <code className="break-all">{secret}</code>
      {/* German capitalises nouns; English and Lithuanian write them in lower case within a phrase. */}
      <CopyButton
        value={secret}
        label={t("copyLabel", { label: locale === "de" ? label : label.toLowerCase() })}
      />
    </div>
  );
}
