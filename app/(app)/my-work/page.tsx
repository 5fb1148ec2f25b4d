import type { Metadata } from "next";
import { Inbox } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { StageClock } from "@/components/desk/clock-badge";
import { WorkList } from "@/components/desk/work-list";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/dal";
import { clockContext } from "@/lib/desk/policy";
import { myWork } from "@/lib/desk/queries";
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.myWork");
  return { title: t("title") };
}

export default async function MyWorkPage() {
  const user = await requirePermission("decision:make");
  const t = await getTranslations("desk");
  const items = await myWork(user.id, await clockContext());
  const entries = items.map((item) => ({
    id: item.id,
    title: [item.firstName, item.lastName].filter(Boolean).join(" ") || item.clientId,
    detail: (
      <span className="mt-1 grid gap-2 text-sm sm:grid-cols-[16rem_1fr]">
        <StageClock stage={item.stage} since={item.since} dueAt={item.dueAt} clock={item.clock} />
        <span>
          <span className="sr-only">{t("myWork.next")} </span>
          {t(`nextAction.${item.stage}`)}
        </span>
      </span>
    ),
  }));
  return (
    <RouteMessages route="/my-work">
      <section className="flex flex-col gap-4">
        <div>
          <h1 className="text-xl font-semibold">{t("myWork.title")}</h1>
          <p className="text-sm text-muted">
            {t.rich("myWork.intro", { kbd: (chunks) => <kbd>{chunks}</kbd> })}
          </p>
        </div>
        {entries.length ? (
          <WorkList entries={entries} />
        ) : (
          <EmptyState icon={Inbox} title={t("myWork.emptyTitle")}>
            {t("myWork.emptyBody")}
          </EmptyState>
        )}
      </section>
    </RouteMessages>
  );
}
