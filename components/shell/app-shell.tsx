import Link from "next/link";
import { ShieldCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { ShortcutHelp } from "@/components/keyboard/shortcut-help";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { AvailabilityForm } from "@/components/desk/availability-form";
import { NavLinks } from "@/components/shell/nav-links";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ROLE_LABEL } from "@/components/staff/roles";
import { ThemeToggle } from "@/components/theme-toggle";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/dal";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/actions";
import { setMyAvailability } from "@/lib/desk/actions";
import type { Availability } from "@/lib/generated/prisma/enums";

type Props = {
  user: SessionUser;
  /** The bell's starting state; null for roles that get no notifications. */
  notifications: { unread: number; version: string } | null;
  /** The decider's availability; null for roles that take no cases. */
  availability: Availability | null;
  children: React.ReactNode;
};

export function AppShell({ user, notifications, availability, children }: Props) {
  const t = useTranslations();
  const items = NAV_ITEMS.filter((item) => can(user.role, item.permission));
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t("shell.skipToContent")}
      </a>
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <ShieldCheck className="size-5 text-accent" aria-hidden />
            {t("common.meta.product")}
          </Link>
          <NavLinks
            label={t("shell.nav.label")}
            items={items.map(({ href, label }) => ({ href, label: t(`shell.nav.${label}`) }))}
          />
          {/* Wraps rather than scrolls sideways: at 200% zoom the header takes two lines. */}
          <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
            <span className="hidden text-right sm:block">
              <span className="block font-medium">{user.name}</span>
              <span className="block text-xs text-muted">{ROLE_LABEL[user.role]}</span>
            </span>
            {availability ? <AvailabilityForm action={setMyAvailability} status={availability} /> : null}
            <Link
              href="/account/two-factor"
              className="rounded-md px-2 py-2 text-muted hover:bg-raised hover:text-ink"
              title={t("shell.securityTitle")}
            >
              {t("shell.security")}
            </Link>
            {notifications ? (
              <NotificationBell
                initial={notifications}
                markRead={markNotificationRead}
                markAllRead={markAllNotificationsRead}
              />
            ) : null}
            <ShortcutHelp />
            <ThemeToggle label={t("shell.themeToggle")} />
            <SignOutButton label={t("shell.signOut")} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
