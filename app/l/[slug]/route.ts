// Public: the link a client receives. No session is asked for; it only ever redirects or shows a page.
import { negotiateLanguage } from "@/lib/i18n/negotiate";
import { linkResponse } from "@/lib/links/page";
import { metaFromRequest, openLink } from "@/lib/links/open";

type Params = { params: Promise<{ slug: string }> };

/** A slug that names no link has no client whose language to speak: the browser's then. */
const browserLanguage = (request: Request) => negotiateLanguage(request.headers.get("accept-language"));

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const { slug } = await params;
  return linkResponse(await openLink(slug, metaFromRequest(request)), false, browserLanguage(request));
}

// Link checkers and previews send HEAD: they learn where it goes, but it does not count as the client's open.
export async function HEAD(request: Request, { params }: Params): Promise<Response> {
  const { slug } = await params;
  return linkResponse(await openLink(slug, metaFromRequest(request), false), true, browserLanguage(request));
}
