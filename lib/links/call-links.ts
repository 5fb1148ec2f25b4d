import type { LinkKind } from "@/lib/generated/prisma/enums";
import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor, type Translator } from "@/lib/i18n/messages";
import type { LinkView } from "@/lib/links/rules";

// Call history shows the client's link to each call as ours (/l/<slug>) and where it stands, never MarkID's
// call address. A call link is always issued for the newest call (lib/calls/actions.ts, lib/links/send.ts),
// so the links of a call are the call links issued from its start until the next call's.

type Call = { id: string; createdAt: Date };
type Link = { kind: LinkKind; createdAt: Date; view: LinkView; url: string | null; openCount: number };

/** Each call's newest call link, by call id; a call with none is missing from the map. */
export function linksByCall<L extends Link>(calls: readonly Call[], links: readonly L[]): Map<string, L> {
  const starts = [...calls].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const out = new Map<string, L>();
  for (const link of links) {
    if (link.kind !== "VIDEO_CALL") continue;
    const call = starts.findLast((c) => c.createdAt.getTime() <= link.createdAt.getTime());
    if (!call) continue;
    const kept = out.get(call.id);
    if (!kept || kept.createdAt.getTime() < link.createdAt.getTime()) out.set(call.id, link);
  }
  return out;
}

/** Where a call's link stands, in words: "live · opened 2×"; in the reader's language unless told otherwise. */
export function callLinkState(link: Link, t: Translator = translatorFor(currentLanguage())): string {
  const opened = link.openCount
    ? t("links.callState.opened", { count: link.openCount })
    : t("links.callState.notOpened");
  return `${t(`links.callState.${link.view}`)} · ${opened}`;
}
