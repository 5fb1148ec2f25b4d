import { authorizeApiKey } from "@/lib/api/authorize";
import { readVerification } from "@/lib/api/verifications";

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await authorizeApiKey(request, "verification:read");
  if (!auth.ok) return auth.response;
  return readVerification(auth.ctx, request, (await ctx.params).id);
}
