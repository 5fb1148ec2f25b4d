import { authorizeRoute, recordNotFound, verificationAccess } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { evidencePack } from "@/lib/exports/evidence-pack";
import { requestMeta } from "@/lib/request-meta";

// One verification's evidence pack (ZIP). It holds the recordings, so it also needs recording:view.
export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRoute("export:run");
  if (!auth.ok) return auth.response;
  if (!can(auth.user.role, "recording:view"))
    return Response.json({ error: "Not allowed." }, { status: 403 });
  const found = await verificationAccess(auth.user, (await ctx.params).id, "recording:view");
  if (!found) return recordNotFound();
  return evidencePack(auth.user, await requestMeta(), found.id);
}
