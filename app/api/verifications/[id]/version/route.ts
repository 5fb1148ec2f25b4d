import { authorizeRoute, recordNotFound, verificationAccess } from "@/lib/auth/dal";
import { verificationVersion } from "@/lib/verifications/timeline";

// Polled by the verification page: our own database, never MarkID.
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRoute("verification:read");
  if (!auth.ok) return auth.response;
  const found = await verificationAccess(auth.user, (await ctx.params).id, "verification:read");
  if (!found) return recordNotFound();
  const version = await verificationVersion(found.id);
  if (!version) return recordNotFound();
  return Response.json({ version }, { headers: { "Cache-Control": "private, no-store" } });
}
