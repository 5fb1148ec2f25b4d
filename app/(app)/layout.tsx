import { AppShell } from "@/components/shell/app-shell";
import { verifySession } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { notificationVersion } from "@/lib/notifications/queries";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await verifySession();
  const notifications = can(user.role, "notification:read") ? await notificationVersion(user.id) : null;
  return (
    <AppShell user={user} notifications={notifications}>
      {children}
    </AppShell>
  );
}
