import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MailPreferenceForm } from "@/components/notifications/mail-preference-form";
import { NotificationList } from "@/components/notifications/notification-list";
import { requirePermission } from "@/lib/auth/dal";
import { mailConfigured } from "@/lib/mail/transport";
import { markNotificationRead, updateNotificationMail } from "@/lib/notifications/actions";
import { listNotifications, notificationMailChoice } from "@/lib/notifications/queries";
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.page");
  return { title: t("title") };
}

export default async function NotificationsPage() {
  const user = await requirePermission("notification:read");
  const [items, byMail, t] = await Promise.all([
    listNotifications(user, 100),
    notificationMailChoice(user.id),
    getTranslations("notifications.page"),
  ]);
  return (
    <RouteMessages route="/account/notifications">
      <div className="flex max-w-2xl flex-col gap-6">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <section
          aria-labelledby="mail-heading"
          className="flex flex-col gap-3 rounded-card border border-border bg-surface p-4"
        >
          <h2 id="mail-heading" className="font-semibold">
            {t("email")}
          </h2>
          <MailPreferenceForm action={updateNotificationMail} on={byMail} mailConfigured={mailConfigured()} />
        </section>
        <section
          aria-labelledby="recent-heading"
          className="flex flex-col gap-3 rounded-card border border-border bg-surface p-4"
        >
          <h2 id="recent-heading" className="font-semibold">
            {t("newest")}
          </h2>
          <NotificationList items={items} markRead={markNotificationRead} />
        </section>
      </div>
    </RouteMessages>
  );
}
