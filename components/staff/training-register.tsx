import { useTranslations } from "next-intl";
import { GrantQualificationForm } from "@/components/staff/grant-qualification-form";
import { RevokeQualificationForm } from "@/components/staff/revoke-qualification-form";
import { LocalTime } from "@/components/ui/local-time";
import { formatDateTime } from "@/lib/format";
import { grantQualification, revokeQualification } from "@/lib/qualifications/actions";
import { EXPIRY_WARNING_DAYS, type QualificationRow } from "@/lib/qualifications/queries";

type Props = {
  rows: QualificationRow[];
  expiring: QualificationRow[];
  staff: ReadonlyArray<{ id: string; name: string }>;
  names: string[];
};

/** The training register: who may decide when the rulebook requires a qualification. */
export function TrainingRegister({ rows, expiring, staff, names }: Props) {
  const t = useTranslations("staff.register");
  const until = (q: QualificationRow) => (q.validUntil ? formatDateTime(q.validUntil) : t("noExpiry"));
  return (
    <section
      aria-labelledby="register-heading"
      className="flex flex-col gap-4 rounded-card border border-border bg-surface p-5"
    >
      <h2 id="register-heading" className="text-base font-semibold">
        {t("heading")}
      </h2>
      {expiring.length ? (
        <div
          role="region"
          aria-label={t("expiresWithin", { days: EXPIRY_WARNING_DAYS })}
          className="text-sm text-warning"
        >
          <h3 className="font-medium">{t("expiresWithin", { days: EXPIRY_WARNING_DAYS })}</h3>
          <ul>
            {expiring.map((q) => (
              <li key={q.id}>{t("expiring", { holder: q.holder, name: q.name, until: until(q) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {rows.length ? (
        <ul className="flex flex-col divide-y divide-border text-sm">
          {rows.map((q) => (
            <li key={q.id} className="flex flex-wrap items-start justify-between gap-3 py-2">
              <span>
                <span className="font-medium">{q.holder}</span> · {q.name} · {t("until", { until: until(q) })}
                {q.expired ? <span className="text-danger"> {t("expired")}</span> : null}
                <span className="block text-xs text-muted">
                  {t("recordedBy", { evidence: q.evidence, by: q.grantedBy })} <LocalTime at={q.grantedAt} />
                </span>
              </span>
              <RevokeQualificationForm
                action={revokeQualification.bind(null, q.id)}
                id={q.id}
                label={t("revokeLabel", { name: q.name, holder: q.holder })}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">{t("empty")}</p>
      )}
      <h3 className="text-sm font-semibold">{t("recordHeading")}</h3>
      <GrantQualificationForm action={grantQualification} staff={staff} names={names} />
    </section>
  );
}
