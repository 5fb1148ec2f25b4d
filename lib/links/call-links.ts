import type { LinkKind } from "@/lib/generated/prisma/enums";
import type { LinkView } from "@/lib/links/rules";

// Call history shows the client's link to each call as ours (/l/<slug>) and where it stands, never MarkID's
// call address. A call link is always issued for the newest call (lib/calls/actions.ts, lib/links/send.ts),
// so the links of a call are the call links issued from its start until the next call's. Pure.

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

const STATE: Record<LinkView, string> = {
  live: "live",
  replaced: "replaced by a newer link",
  expired: "expired",
  completed: "no longer needed: the call is over",
};

/** Where a call's link stands, in words: "live · opened 2×". */
export function callLinkState(link: Link): string {
  const opened = link.openCount ? `opened ${link.openCount}×` : "not opened";
  return `${STATE[link.view]} · ${opened}`;
}
