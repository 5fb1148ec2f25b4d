"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { usePoll } from "@/components/ui/use-poll";

/** Re-renders the page when the verification changes (a webhook, a colleague), without a manual reload. */
export function LiveRefresh({ verificationId, version }: { verificationId: string; version: string }) {
  const router = useRouter();
  const current = useRef(version);
  useEffect(() => {
    current.current = version;
  }, [version]);
  usePoll<{ version?: string }>(`/api/verifications/${verificationId}/version`, (body) => {
    if (body.version && body.version !== current.current) {
      current.current = body.version;
      router.refresh();
    }
  });
  return null;
}
