import { cookies } from "next/headers";
import { AppShell } from "@/components/shell/app-shell";
import { BrowserTimeZone } from "@/components/shell/browser-time-zone";
import { verifySession } from "@/lib/auth/dal";
import { BROWSER_ZONE_COOKIE } from "@/lib/time-zone";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await verifySession();
  const browserZone = (await cookies()).get(BROWSER_ZONE_COOKIE)?.value ?? null;
  return (
    <AppShell user={user}>
      {user.timeZone ? null : <BrowserTimeZone known={browserZone} />}
      {children}
    </AppShell>
  );
}
