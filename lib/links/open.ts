import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { openLinkTarget } from "@/lib/auth/markid-secrets";
import { getDb } from "@/lib/db";
import type { Language } from "@/lib/i18n/languages";
import { metaFrom, type RequestMeta } from "@/lib/request-meta";
import { linkView, type LinkView } from "@/lib/links/rules";
import { SLUG_PATTERN } from "@/lib/links/slug";

/** A page answers in the client's language; null when no link (so no client) was found. */
export type OpenOutcome =
  | { kind: "redirect"; url: string }
  | { kind: "page"; view: Exclude<LinkView, "live"> | "unknown"; language: Language | null };

const UNKNOWN: OpenOutcome = { kind: "page", view: "unknown", language: null };

/** Who opened a link, from the request alone (the route is public: there is no session to ask). */
export function metaFromRequest(request: Request): RequestMeta {
  return metaFrom((name) => request.headers.get(name));
}

/**
 * What /l/<slug> does: a live link counts the open and redirects to MarkID; anything else gets a page that
 * never shows where the link led. Only the first open is audited, so a link opened over and over costs one
 * row update each time, not a write to the audit chain.
 */
export async function openLink(slug: string, meta: RequestMeta, record = true): Promise<OpenOutcome> {
  if (!SLUG_PATTERN.test(slug)) return UNKNOWN;
  const link = await getDb().linkDelivery.findUnique({
    where: { slug },
    select: {
      id: true,
      kind: true,
      live: true,
      expiresAt: true,
      slug: true,
      targetUrlSealed: true,
      verificationId: true,
      verification: { select: { status: true, clientLanguage: true } },
    },
  });
  if (!link) return UNKNOWN;
  const view = linkView(link, link.verification.status, new Date());
  const language = link.verification.clientLanguage;
  if (view !== "live") return { kind: "page", view, language };
  // A target that does not open (sealed under another key, or tampered with) leads nowhere.
  const url = openLinkTarget(link);
  if (!url) return { kind: "page", view: "unknown", language };
  if (!record) return { kind: "redirect", url };
  await getDb().$transaction(async (tx) => {
    // One statement takes the row lock: of two opens at once, exactly one sees the count become 1.
    const [row] = await tx.$queryRaw<Array<{ openCount: number }>>`
      UPDATE link_deliveries SET "openCount" = "openCount" + 1,
        "lastOpenedAt" = (now() AT TIME ZONE 'UTC'),
        "firstOpenedAt" = COALESCE("firstOpenedAt", (now() AT TIME ZONE 'UTC'))
      WHERE id = ${link.id}::uuid RETURNING "openCount"`;
    if (row?.openCount !== 1) return;
    await recordAudit(tx, {
      action: "link.opened",
      targetType: "verification",
      targetId: link.verificationId,
      ...meta,
      details: { linkId: link.id, kind: link.kind },
    });
  });
  return { kind: "redirect", url };
}
