import Link from "next/link";
import { useTranslations } from "next-intl";
import { explainSignal, linkedVerifications, riskLabel } from "@/lib/risk/explain";
import { translatorFor } from "@/lib/i18n/messages";
import { currentLanguage } from "@/lib/i18n/current";
import type { RiskAssessment } from "@/lib/risk/schema";

/** A decision's risk signals, each with what it rests on, and the checks that could not be made. */
export function RiskSignals({ risk }: { risk: RiskAssessment | null }) {
  const t = useTranslations("risk.signals");
  if (!risk) return null;
  const words = translatorFor(currentLanguage());
  if (!risk.signals.length && !risk.unavailable.length)
    return <p className="text-xs text-muted">{t("none")}</p>;
  return (
    <div className="mt-1 flex flex-col gap-1 text-xs">
      {risk.signals.length ? (
        <ul aria-label={t("label")} className="flex flex-col gap-1">
          {risk.signals.map((s) => (
            <li key={s.kind} className="rounded-md border border-warning/40 p-1">
              <span className="font-medium text-warning">{riskLabel(s.kind, words)}</span>:{" "}
              {explainSignal(s, words)}
              {linkedVerifications(s).map((id, i) => (
                <Link key={id} href={`/verifications/${id}`} className="ml-1 underline">
                  {t("case", { number: i + 1 })}
                </Link>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
      {risk.unavailable.map((u) => (
        <p key={u.kind} className="text-muted">
          {t("notChecked", { kind: riskLabel(u.kind, words), why: u.why })}
        </p>
      ))}
    </div>
  );
}
