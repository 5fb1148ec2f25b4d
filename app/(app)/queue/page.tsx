import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QueueTable } from "@/components/links/queue-table";
import { requirePermission } from "@/lib/auth/dal";
import { resendQueuedLink } from "@/lib/links/actions";
import { listQueue } from "@/lib/links/queries";
import { currentTimeZone } from "@/lib/time-zone";
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("links.queue");
  return { title: t("title") };
}

export default async function QueuePage() {
  const user = await requirePermission("link:send");
  const [rows, t] = await Promise.all([listQueue(user), getTranslations("links.queue")]);
  return (
    <RouteMessages route="/queue">
      <section className="flex flex-col gap-4">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-muted">{t("intro")}</p>
        </div>
        <QueueTable rows={rows} resend={resendQueuedLink} timeZone={currentTimeZone()} />
      </section>
    </RouteMessages>
  );
}
