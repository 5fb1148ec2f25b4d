import { AppShell } from "@/components/shell/app-shell";
import { verifySession } from "@/lib/auth/dal";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await verifySession();
  return <AppShell user={user}>{children}</AppShell>;
}
