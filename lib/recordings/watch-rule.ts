import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor } from "@/lib/i18n/messages";
import type { RulebookContent } from "@/lib/rulebook/schema";

/** Whole percent, rounded down: 79.9% watched is not 80%. */
const percent = (share: number) => Math.floor(share * 100 + 1e-9);

/**
 * Why approving must wait for more of the call to be watched, or null when it need not: the rulebook does
 * not require watching, or the decider has played enough. Pure, so the form and the decision say the same,
 * in the request's language.
 */
export function watchShortfall(watch: RulebookContent["watch"], share: number | null): string | null {
  const played = share ?? 0;
  // Float sums of played seconds may land a hair under a share that was in fact reached.
  if (!watch.required || played + 1e-9 >= watch.minShare) return null;
  return translatorFor(currentLanguage())("decisions.errors.watchShortfall", {
    required: percent(watch.minShare),
    watched: percent(played),
  });
}
