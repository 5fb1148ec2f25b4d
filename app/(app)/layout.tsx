import { cookies } from "next/headers";
import { AppShell } from "@/components/shell/app-shell";
import { BrowserTimeZone } from "@/components/shell/browser-time-zone";
import { verifySession } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { availabilityOf } from "@/lib/desk/presence";
import { notificationVersion } from "@/lib/notifications/queries";
import { BROWSER_ZONE_COOKIE } from "@/lib/time-zone";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await verifySession();
  const browserZone = (await cookies()).get(BROWSER_ZONE_COOKIE)?.value ?? null;
  // Only deciders receive cases, so only they say whether they are available.
  const [notifications, availability] = await Promise.all([
    can(user.role, "notification:read") ? notificationVersion(user.id) : null,
    can(user.role, "decision:make") ? availabilityOf(user.id) : null,
  ]);
  return (
    <AppShell user={user} notifications={notifications} availability={availability}>
      {user.timeZone ? null : <BrowserTimeZone known={browserZone} />}
      {children}
    </AppShell>
  );
}
