import { AppShell } from "@/components/shell/app-shell";
import { verifySession } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { availabilityOf } from "@/lib/desk/presence";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await verifySession();
  // Only deciders receive cases, so only they say whether they are available.
  const availability = can(user.role, "decision:make") ? await availabilityOf(user.id) : null;
  return (
    <AppShell user={user} availability={availability}>
      {children}
    </AppShell>
  );
}
