import { getTranslations } from "next-intl/server";
import { StageClock } from "@/components/desk/clock-badge";
import { StatusBadge } from "@/components/verifications/status-badge";
import { formatDateTime } from "@/lib/format";
import type { Clock } from "@/lib/desk/clock";
import type { DeskStage } from "@/lib/generated/prisma/enums";
import { LANGUAGE_NAMES } from "@/lib/i18n/languages";
import type { VerificationDetail } from "@/lib/verifications/detail";

type Stage = { stage: DeskStage; since: Date; dueAt: Date | null; clock: Clock | null };

export async function VerificationHeader({ v, stage }: { v: VerificationDetail; stage?: Stage | null }) {
  const t = await getTranslations("verifications.header");
  const created = formatDateTime(v.createdAt);
  const facts: Array<[string, React.ReactNode]> = [
    [t("clientId"), v.clientId],
    [
      "scanRef",
      <span key="s" className="font-mono text-xs">
        {v.scanRef}
      </span>,
    ],
    [t("markidStatus"), v.markidStatus ?? "—"],
    [t("email"), v.email ?? "—"],
    [t("phone"), v.phone ?? "—"],
    [t("externalRef"), v.externalRef ?? "—"],
    [
      t("clientLanguage"),
      <span lang={v.clientLanguage} key="l">
        {LANGUAGE_NAMES[v.clientLanguage]}
      </span>,
    ],
    [t("photos"), v.photosRequested ? t("yes") : t("no")],
    [t("created"), v.createdBy ? t("createdBy", { at: created, name: v.createdBy }) : created],
    [t("tokenExpires"), v.tokenExpiresAt ? formatDateTime(v.tokenExpiresAt) : "—"],
    [t("assignedTo"), v.assignee?.name ?? t("unassigned")],
    ...(stage ? [[t("stage"), <StageClock key="stage" {...stage} />] as [string, React.ReactNode]] : []),
  ];
  return (
    <header className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{v.purged ? t("purged") : (v.clientName ?? v.clientId)}</h1>
        <StatusBadge status={v.status} />
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm md:grid-cols-5">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-muted">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
