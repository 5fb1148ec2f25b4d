import Link from "next/link";
import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";

/** Shown once, straight after enrolment: only hashes are kept, so nobody can show them again. */
export function RecoveryCodes({ codes, message }: { codes: string[]; message?: string }) {
  const t = useTranslations("auth.twoFactor.setup");
  return (
    <div className="flex flex-col gap-4">
      <p role="status" className="text-sm font-medium text-success">
        {message}
      </p>
      <div>
        <h2 className="text-base font-semibold">{t("codesTitle")}</h2>
        <p className="mt-1 text-sm text-muted">{t("codesHint")}</p>
      </div>
      <ul aria-label={t("codesLabel")} className="grid grid-cols-2 gap-2 font-mono text-sm">
        {codes.map((code) => (
          <li key={code} className="rounded-md bg-raised px-3 py-1.5 text-center">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex items-center gap-3">
        <CopyButton value={codes.join("\n")} label={t("copyCodes")} />
        <Link
          href="/"
          className="inline-flex items-center rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-ink"
        >
          {t("saved")}
        </Link>
      </div>
    </div>
  );
}
