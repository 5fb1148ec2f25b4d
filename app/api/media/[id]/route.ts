import { authorizeRoute, mediaAccess, recordNotFound } from "@/lib/auth/dal";
import { serveMedia } from "@/lib/media/serve";
import { requestMeta } from "@/lib/request-meta";

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRoute("recording:view");
  if (!auth.ok) return auth.response;
  const asset = await mediaAccess(auth.user, (await ctx.params).id, "recording:view");
  if (!asset) return recordNotFound();
  return serveMedia(auth.user, await requestMeta(), asset, request);
}
