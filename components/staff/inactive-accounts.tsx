import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import type { InactivityOverview, InactivityRow } from "@/lib/staff/inactivity";
import { WARNING_DAYS } from "@/lib/staff/inactivity-rules";

function Accounts({ title, rows, when }: { title: string; rows: InactivityRow[]; when: string }) {
  const t = useTranslations();
  return (
    <div role="region" aria-label={title} className="flex flex-col gap-1 text-sm">
      <h3 className="font-medium">{title}</h3>
      {rows.length ? (
        <ul className="flex flex-col divide-y divide-border">
          {rows.map((r) => (
            <li key={r.id} className="py-1">
              <span className="font-medium">{r.name}</span> ({r.email}) · {t(`roles.${r.role}`)} · {when}{" "}
              <LocalTime at={r.at} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">{t("staff.inactive.none")}</p>
      )}
    </div>
  );
}

/** Accounts the daily job deactivated for inactivity, and those it will within WARNING_DAYS. */
export function InactiveAccounts({ overview }: { overview: InactivityOverview }) {
  const t = useTranslations("staff.inactive");
  return (
    <section
      aria-labelledby="inactive-heading"
      className="flex flex-col gap-4 rounded-card border border-border bg-surface p-5"
    >
      <div>
        <h2 id="inactive-heading" className="text-base font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-muted">{t("intro", { days: overview.days })}</p>
      </div>
      <Accounts
        title={t("dueSoon", { days: WARNING_DAYS })}
        rows={overview.dueSoon}
        when={t("dueSoonWhen")}
      />
      <Accounts title={t("deactivated")} rows={overview.deactivated} when={t("deactivatedWhen")} />
    </section>
  );
}
