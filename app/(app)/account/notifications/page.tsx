import type { Metadata } from "next";
import { MailPreferenceForm } from "@/components/notifications/mail-preference-form";
import { NotificationList } from "@/components/notifications/notification-list";
import { requirePermission } from "@/lib/auth/dal";
import { mailConfigured } from "@/lib/mail/transport";
import { markNotificationRead, updateNotificationMail } from "@/lib/notifications/actions";
import { listNotifications, notificationMailChoice } from "@/lib/notifications/queries";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requirePermission("notification:read");
  const [items, byMail] = await Promise.all([listNotifications(user, 100), notificationMailChoice(user.id)]);
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-xl font-semibold">Notifications</h1>
      <section
        aria-labelledby="mail-heading"
        className="flex flex-col gap-3 rounded-card border border-border bg-surface p-4"
      >
        <h2 id="mail-heading" className="font-semibold">
          Email
        </h2>
        <MailPreferenceForm action={updateNotificationMail} on={byMail} mailConfigured={mailConfigured()} />
      </section>
      <section
        aria-labelledby="recent-heading"
        className="flex flex-col gap-3 rounded-card border border-border bg-surface p-4"
      >
        <h2 id="recent-heading" className="font-semibold">
          Your newest notifications
        </h2>
        <NotificationList items={items} markRead={markNotificationRead} />
      </section>
    </div>
  );
}
