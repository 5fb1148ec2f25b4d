import "server-only";
import { z } from "zod";
import type { ApiContext } from "@/lib/audit/types";
import { getDb } from "@/lib/db";
import { parseBody } from "@/lib/api/body";
import { refuse } from "@/lib/api/authorize";
import { sendLinkBody } from "@/lib/api/schemas";
import { sendLink } from "@/lib/links/send";
import { linkUrl } from "@/lib/links/slug";
import { presentLink } from "@/lib/api/present";
import type { sentLinkView } from "@/lib/api/views";

/**
 * POST /api/v1/verifications/{id}/links: the verification page's "send link", through lib/links' own rules
 * (reuse or renewal of the MarkID token, one live link per kind, the per-verification and per-address limits).
 * COPY answers with the URL to hand over; EMAIL with the link as the mail server left it (retried by the job).
 */
export async function sendLinkByApi(ctx: ApiContext, id: string, request: Request): Promise<Response> {
  const exists = z.uuid().safeParse(id).success && (await getDb().verification.count({ where: { id } })) > 0;
  if (!exists) return refuse(ctx, request, "not-found", "No verification with this id.");
  const body = await parseBody(ctx, request, sendLinkBody);
  if (!body.ok) return body.response;
  const sent = await sendLink(ctx, id, body.data);
  // A link that was issued but whose email the server refused is still the live link: it is retried.
  if (!sent.linkId) return refuse(ctx, request, "refused", sent.message);
  const link = await getDb().linkDelivery.findUniqueOrThrow({ where: { id: sent.linkId } });
  const answer: z.infer<typeof sentLinkView> = {
    link: presentLink(link),
    ...(link.channel === "COPY" && { url: linkUrl(link.slug) }),
  };
  return Response.json(answer, { status: 201, headers: { "Cache-Control": "no-store" } });
}
