"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { BROWSER_ZONE_COOKIE } from "@/lib/time-zone";

/**
 * Someone who chose no time zone reads dates in their browser's: the server learns it from a cookie, set here
 * on the first visit (and whenever the browser's zone changes, e.g. after travel), then the page re-renders.
 */
export function BrowserTimeZone({ known }: { known: string | null }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === known) return;
    const secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = `${BROWSER_ZONE_COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
    router.refresh();
  }, [known, router]);
  return null;
}
