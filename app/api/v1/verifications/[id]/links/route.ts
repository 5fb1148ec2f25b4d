import { authorizeApiKey } from "@/lib/api/authorize";
import { sendLinkByApi } from "@/lib/api/links";

export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await authorizeApiKey(request, "verification:create");
  if (!auth.ok) return auth.response;
  return sendLinkByApi(auth.ctx, (await ctx.params).id, request);
}
