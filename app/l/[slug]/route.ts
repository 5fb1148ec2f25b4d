// Public: the link a client receives. No session is asked for; it only ever redirects or shows a page.
import { linkResponse } from "@/lib/links/page";
import { metaFromRequest, openLink } from "@/lib/links/open";

type Params = { params: Promise<{ slug: string }> };

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const { slug } = await params;
  return linkResponse(await openLink(slug, metaFromRequest(request)));
}

// Link checkers and previews send HEAD: they learn where it goes, but it does not count as the client's open.
export async function HEAD(request: Request, { params }: Params): Promise<Response> {
  const { slug } = await params;
  return linkResponse(await openLink(slug, metaFromRequest(request), false), true);
}
