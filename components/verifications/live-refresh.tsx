"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/** Re-renders the page when the verification changes (a webhook, a colleague), without a manual reload. */
export function LiveRefresh({ verificationId, version }: { verificationId: string; version: string }) {
  const router = useRouter();
  const current = useRef(version);
  useEffect(() => {
    current.current = version;
  }, [version]);
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      if (stopped || document.hidden) return;
      try {
        const res = await fetch(`/api/verifications/${verificationId}/version`, { cache: "no-store" });
        if (!res.ok) return;
        const body = (await res.json()) as { version?: string };
        if (body.version && body.version !== current.current) {
          current.current = body.version;
          router.refresh();
        }
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    };
    const timer = setInterval(tick, 3000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [verificationId, router]);
  return null;
}
