import { describe, expect, it } from "vitest";
import { callLinkState, linksByCall } from "@/lib/links/call-links";
import type { LinkKind } from "@/lib/generated/prisma/enums";
import type { LinkView } from "@/lib/links/rules";

const t = (minute: number) => new Date(Date.UTC(2026, 0, 5, 21, minute));
const link = (minute: number, view: LinkView, kind: LinkKind = "VIDEO_CALL") => ({
  kind,
  createdAt: t(minute),
  view,
  url: view === "live" ? `https://app.test/l/slug${minute}` : null,
  openCount: minute % 3,
});

describe("the client's link to each call in the call history", () => {
  it("gives each call the newest call link issued from its start until the next call's", () => {
    const calls = [
      { id: "second", createdAt: t(30) },
      { id: "first", createdAt: t(0) },
      { id: "unlinked", createdAt: t(50) },
    ];
    const first = link(0, "replaced");
    const resent = link(10, "replaced");
    const second = link(30, "live");
    const found = linksByCall(calls, [second, link(40, "live", "TOKEN_REDIRECT"), resent, first]);
    expect(found.get("first")).toBe(resent);
    expect(found.get("second")).toBe(second);
    expect(found.has("unlinked")).toBe(false);
    // A link from before any call (none is issued so) belongs to none.
    expect(linksByCall([{ id: "late", createdAt: t(20) }], [first]).size).toBe(0);
  });

  it("says where the link stands", () => {
    expect(callLinkState(link(31, "live"))).toBe("live · opened 1×");
    expect(callLinkState(link(30, "completed"))).toBe("no longer needed: the call is over · not opened");
  });
});
