"use client";

import { CopyButton } from "@/components/ui/copy-button";
import type { ActionState } from "@/lib/actions/validated-action";

/**
 * A secret an action returned in `data.secret` (an API key, a webhook signing secret): shown this once, with a
 * copy button; the server keeps only a hash or a sealed copy, so it is never shown again.
 */
export function ShownOnce({ state, label }: { state: ActionState; label: string }) {
  const secret = typeof state.data?.secret === "string" ? state.data.secret : null;
  if (!secret) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {label}: <code className="break-all">{secret}</code>
      <CopyButton value={secret} label={`Copy ${label.toLowerCase()}`} />
    </div>
  );
}
