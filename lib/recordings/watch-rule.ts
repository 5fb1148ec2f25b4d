import { formatShare } from "@/lib/media/played-ranges";
import type { RulebookContent } from "@/lib/rulebook/schema";

/**
 * Why approving must wait for more of the call to be watched, or null when it need not: the rulebook does
 * not require watching, or the decider has played enough. Pure, so the form and the decision say the same.
 */
export function watchShortfall(watch: RulebookContent["watch"], share: number | null): string | null {
  const played = share ?? 0;
  // Float sums of played seconds may land a hair under a share that was in fact reached.
  if (!watch.required || played + 1e-9 >= watch.minShare) return null;
  return `Approval needs at least ${formatShare(watch.minShare)} of the call watched by you. You have watched ${formatShare(played)}.`;
}
